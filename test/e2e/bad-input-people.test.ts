import { sweepMutations } from '../support/sweep';

/**
 * The bad-input sweep (issue 7, test/support/sweep.ts) over the school's people and settings: accounts, slips, roster, join codes, settings, the year's rollover:
 * hostile inputs get no 5xx and no INTERNAL_SERVER_ERROR, a refused request changes nothing,
 * the other school stays as it was and no NUL or U+FFFD is stored.
 */
sweepMutations('people');
