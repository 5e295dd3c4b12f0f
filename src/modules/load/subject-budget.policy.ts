/**
 * Each subject's share of a class's day (seed 003: 加强学科组、年级组作业统筹; seed 004:
 * 建立中小学学科作业班级统筹公开和总量控制制度) as pure functions.
 *
 * The head teacher gives each subject a daily budget of written minutes at home per weekday.
 * On a school day whose weekday has budgets, they are the day's whole plan: a subject publishes
 * within its own budget (a subject without one has none, 0), whoever publishes first. Unused
 * minutes may be released to a named subject for one date: they leave the giver's budget that
 * day and join the receiver's. A weekday with no budget at all is checked by the caps alone.
 */

export interface BudgetRow {
  subjectId: string;
  minutes: number;
}

export interface ReleaseRow {
  fromSubjectId: string;
  toSubjectId: string;
  minutes: number;
}

/** One subject's budget on one date. */
export interface BudgetLine {
  subjectId: string;
  /** The weekday's budget. */
  budgetMinutes: number;
  /** Given to other subjects that date. */
  releasedMinutes: number;
  /** Received from other subjects that date. */
  receivedMinutes: number;
  /** What the subject may publish that date: budget − released + received. */
  availableMinutes: number;
  /** Heaviest written minutes at home it has published (or, in a preview, would publish). */
  usedMinutes: number;
  remainingMinutes: number;
  excessMinutes: number;
}

/** The most the budgets of a weekday may sum to: the written cap, and the school's total-time cap when it sets one. */
export function budgetLimit(writtenCapMinutes: number, totalCapMinutes: number | null): { limitMinutes: number; limitedBy: 'written' | 'total' } {
  return totalCapMinutes !== null && totalCapMinutes < writtenCapMinutes
    ? { limitMinutes: totalCapMinutes, limitedBy: 'total' }
    : { limitMinutes: writtenCapMinutes, limitedBy: 'written' };
}

/** The sum of a weekday's budgets against the limit. */
export function checkBudgetSum(budgets: BudgetRow[], limitMinutes: number): { budgetsMinutes: number; excessMinutes: number; fits: boolean } {
  const budgetsMinutes = budgets.reduce((s, b) => s + b.minutes, 0);
  const excessMinutes = Math.max(0, budgetsMinutes - limitMinutes);
  return { budgetsMinutes, excessMinutes, fits: excessMinutes === 0 };
}

/**
 * The budget lines of a date: every subject with a budget, a release or some use, in the
 * order first met (budgets, then releases, then use).
 */
export function budgetLines(budgets: BudgetRow[], releases: ReleaseRow[], used: ReadonlyMap<string, number>): BudgetLine[] {
  const ids = [...new Set([...budgets.map((b) => b.subjectId), ...releases.flatMap((r) => [r.fromSubjectId, r.toSubjectId]), ...[...used.entries()].filter(([, m]) => m > 0).map(([id]) => id)])];
  return ids.map((subjectId) => {
    const budgetMinutes = budgets.find((b) => b.subjectId === subjectId)?.minutes ?? 0;
    const releasedMinutes = releases.filter((r) => r.fromSubjectId === subjectId).reduce((s, r) => s + r.minutes, 0);
    const receivedMinutes = releases.filter((r) => r.toSubjectId === subjectId).reduce((s, r) => s + r.minutes, 0);
    const availableMinutes = budgetMinutes - releasedMinutes + receivedMinutes;
    const usedMinutes = used.get(subjectId) ?? 0;
    return {
      subjectId, budgetMinutes, releasedMinutes, receivedMinutes, availableMinutes, usedMinutes,
      remainingMinutes: Math.max(0, availableMinutes - usedMinutes), excessMinutes: Math.max(0, usedMinutes - availableMinutes),
    };
  });
}

/** A subject's budget line of a date (all zero for a subject the plan leaves out). */
export function lineOf(lines: BudgetLine[], subjectId: string): BudgetLine {
  return lines.find((l) => l.subjectId === subjectId)
    ?? { subjectId, budgetMinutes: 0, releasedMinutes: 0, receivedMinutes: 0, availableMinutes: 0, usedMinutes: 0, remainingMinutes: 0, excessMinutes: 0 };
}

/** Whether a subject's publish fits its budget of the date: what it already has published plus what this adds. */
export function checkSubjectBudget(line: BudgetLine, publishedMinutes: number, addingMinutes: number): { excessMinutes: number; fits: boolean } {
  const excessMinutes = Math.max(0, publishedMinutes + addingMinutes - line.availableMinutes);
  return { excessMinutes, fits: excessMinutes === 0 };
}

/** The weekly notice's note on a subject's budget: `，预算 20 分钟`, or nothing on a day without budgets. */
export function budgetNote(budgets: ReadonlyMap<string, number> | null, subjectId: string): string {
  return budgets ? `，预算 ${budgets.get(subjectId) ?? 0} 分钟` : '';
}
