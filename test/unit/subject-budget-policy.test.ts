import { budgetLimit, budgetLines, budgetNote, checkBudgetSum, checkSubjectBudget, lineOf } from '../../src/modules/load/subject-budget.policy';

describe('003「加强学科组、年级组作业统筹」: subject budgets as pure rules', () => {
  it('a weekday\'s budgets fit the written cap, or the total-time cap when the school sets a lower one', () => {
    expect(budgetLimit(60, null)).toEqual({ limitMinutes: 60, limitedBy: 'written' });
    expect(budgetLimit(60, 40)).toEqual({ limitMinutes: 40, limitedBy: 'total' });
    expect(budgetLimit(40, 50)).toEqual({ limitMinutes: 40, limitedBy: 'written' });
    expect(checkBudgetSum([{ subjectId: 'yw', minutes: 20 }, { subjectId: 'sx', minutes: 20 }, { subjectId: 'yy', minutes: 10 }], 60))
      .toEqual({ budgetsMinutes: 50, excessMinutes: 0, fits: true });
    expect(checkBudgetSum([{ subjectId: 'yw', minutes: 30 }, { subjectId: 'sx', minutes: 30 }, { subjectId: 'yy', minutes: 10 }], 60))
      .toEqual({ budgetsMinutes: 70, excessMinutes: 10, fits: false });
  });

  it('released minutes leave the giver and join the receiver for the date; use is counted against what is available', () => {
    const lines = budgetLines(
      [{ subjectId: 'yw', minutes: 20 }, { subjectId: 'sx', minutes: 20 }, { subjectId: 'yy', minutes: 10 }],
      [{ fromSubjectId: 'yy', toSubjectId: 'yw', minutes: 10 }],
      new Map([['sx', 25], ['kx', 5]]),
    );
    expect(lines).toEqual([
      { subjectId: 'yw', budgetMinutes: 20, releasedMinutes: 0, receivedMinutes: 10, availableMinutes: 30, usedMinutes: 0, remainingMinutes: 30, excessMinutes: 0 },
      { subjectId: 'sx', budgetMinutes: 20, releasedMinutes: 0, receivedMinutes: 0, availableMinutes: 20, usedMinutes: 25, remainingMinutes: 0, excessMinutes: 5 },
      { subjectId: 'yy', budgetMinutes: 10, releasedMinutes: 10, receivedMinutes: 0, availableMinutes: 0, usedMinutes: 0, remainingMinutes: 0, excessMinutes: 0 },
      // A subject without a budget on a budgeted day has none.
      { subjectId: 'kx', budgetMinutes: 0, releasedMinutes: 0, receivedMinutes: 0, availableMinutes: 0, usedMinutes: 5, remainingMinutes: 0, excessMinutes: 5 },
    ]);
    expect(checkSubjectBudget(lineOf(lines, 'yw'), 0, 30)).toEqual({ excessMinutes: 0, fits: true });
    expect(checkSubjectBudget(lineOf(lines, 'yw'), 0, 31)).toEqual({ excessMinutes: 1, fits: false });
    expect(checkSubjectBudget(lineOf(lines, 'ls'), 0, 1)).toEqual({ excessMinutes: 1, fits: false });
  });

  it('the weekly notice notes a subject\'s budget only on a day with budgets', () => {
    expect(budgetNote(new Map([['yw', 30]]), 'yw')).toBe('，预算 30 分钟');
    expect(budgetNote(new Map([['yw', 30]]), 'kx')).toBe('，预算 0 分钟');
    expect(budgetNote(null, 'yw')).toBe('');
  });
});
