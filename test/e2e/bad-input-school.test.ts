import { sweepMutations } from '../support/sweep';

/**
 * The bad-input sweep (issue 7, test/support/sweep.ts) over the school's structure: calendar, terms, classes, subjects, research groups:
 * hostile inputs get no 5xx and no INTERNAL_SERVER_ERROR, a refused request changes nothing,
 * the other school stays as it was and no NUL or U+FFFD is stored.
 */
sweepMutations('school');
