import { RuleViolation } from './errors';
import { UserErrorCode } from './user-error';

/**
 * Optimistic locking: a write names the revision it was based on; if the record has moved
 * on, the write is refused with both figures and nothing is overwritten.
 */
export function checkRevision(what: string, current: number, expected: number, field = 'expectedRevision'): void {
  if (current !== expected) {
    throw new RuleViolation(
      UserErrorCode.STALE_REVISION,
      `${what} was changed by someone else: you edited revision ${expected}, the current revision is ${current}`,
      [field],
      { currentRevision: current, expectedRevision: expected },
    );
  }
}
