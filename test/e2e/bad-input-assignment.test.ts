import { sweepMutations } from '../support/sweep';

/**
 * The bad-input sweep (issue 7, test/support/sweep.ts) over assignments, hand-ins, marking and annotated files:
 * hostile inputs get no 5xx and no INTERNAL_SERVER_ERROR, a refused request changes nothing,
 * the other school stays as it was and no NUL or U+FFFD is stored.
 */
sweepMutations('assignment');
