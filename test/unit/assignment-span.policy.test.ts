import { apportion, choiceMinutesOn, covers, MAX_SPAN_DAYS, normalisedShares, spanDays, spanProblem } from '../../src/modules/assignment/assignment-span.policy';

const SEED = '004「周末、节假日作业 … 快乐暑假」';

describe(`${SEED}: homework over several days, its minutes spread over its days`, () => {
  it('apportions whole minutes by the shares: they add up exactly, a day with share 0 gets none, ties go to the earlier day', () => {
    expect(apportion(40, [1, 1])).toEqual([20, 20]);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(60, [2, 2, 1])).toEqual([24, 24, 12]);
    expect(apportion(7, [0, 1, 0, 1])).toEqual([0, 4, 0, 3]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    for (const [total, shares] of [[101, [3, 5, 7, 11]], [59, [1, 1, 1, 1, 1, 1, 1]], [13, [100, 1]]] as [number, number[]][]) {
      expect(apportion(total, shares).reduce((s, x) => s + x, 0)).toBe(total);
    }
  });

  it("a choice's minutes on one day: each figure its share, the range from that day's total; one day's homework unchanged", () => {
    const whole = { totalMinutes: 50, writtenHomeMinutes: 40, homeMinutes: 50, minMinutes: 40, maxMinutes: 63 };
    const span = { day: '2026-12-19', dueDay: '2026-12-20', dayShares: null };
    expect(choiceMinutesOn(whole, span, '2026-12-19')).toEqual({ totalMinutes: 25, writtenHomeMinutes: 20, homeMinutes: 25, minMinutes: 20, maxMinutes: 32 });
    expect(choiceMinutesOn(whole, span, '2026-12-21').totalMinutes).toBe(0);
    expect(choiceMinutesOn(whole, { day: '2026-12-19', dueDay: '2026-12-19', dayShares: null }, '2026-12-19')).toBe(whole);
  });

  it('the days of a span, and which days it covers', () => {
    expect(spanDays({ day: '2026-12-30', dueDay: '2027-01-02' })).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(covers({ day: '2026-12-19', dueDay: '2026-12-20' }, '2026-12-20')).toBe(true);
    expect(covers({ day: '2026-12-19', dueDay: '2026-12-20' }, '2026-12-21')).toBe(false);
  });

  it('refuses a span due before it starts, longer than a summer holiday, or with shares that do not fit its days', () => {
    expect(spanProblem({ day: '2026-12-20', dueDay: '2026-12-19', dayShares: null })).toEqual({ rule: 'DUE_BEFORE_START' });
    expect(spanProblem({ day: '2027-07-01', dueDay: '2027-08-31', dayShares: null })).toBeNull(); // 62 days
    expect(spanProblem({ day: '2027-07-01', dueDay: '2027-09-01', dayShares: null })).toEqual({ rule: 'SPAN_TOO_LONG', spanDays: MAX_SPAN_DAYS + 1 });
    expect(spanProblem({ day: '2026-12-19', dueDay: '2026-12-20', dayShares: [1] })).toEqual({ rule: 'DAY_SHARES_COUNT', spanDays: 2, shareCount: 1 });
    expect(spanProblem({ day: '2026-12-19', dueDay: '2026-12-20', dayShares: [0, 0] })).toEqual({ rule: 'DAY_SHARES_INVALID', reason: 'all_zero' });
    expect(spanProblem({ day: '2026-12-19', dueDay: '2026-12-20', dayShares: [1, 101] })).toEqual({ rule: 'DAY_SHARES_INVALID', reason: 'range' });
    expect(spanProblem({ day: '2026-12-19', dueDay: '2026-12-20', dayShares: [-1, 2] })).toEqual({ rule: 'DAY_SHARES_INVALID', reason: 'range' });
    expect(spanProblem({ day: '2026-12-19', dueDay: '2026-12-20', dayShares: [0, 3] })).toBeNull();
  });

  it('equal shares are stored as "evenly"', () => {
    expect(normalisedShares([2, 2, 2])).toBeNull();
    expect(normalisedShares([2, 1])).toEqual([2, 1]);
    expect(normalisedShares(null)).toBeNull();
  });
});
