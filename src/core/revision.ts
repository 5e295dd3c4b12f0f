import { RuleViolation } from './errors';
import { CoreErrors } from './user-error';

/**
 * Optimistic locking: a write names the revision it was based on; if the record has moved
 * on, the write is refused with both figures and nothing is overwritten.
 */
export function checkRevision(what: string, current: number, expected: number, field = 'expectedRevision'): void {
  if (current !== expected) {
    throw new RuleViolation(
      CoreErrors.STALE_REVISION,
      [field],
      { currentRevision: current, expectedRevision: expected, what },
    );
  }
}
