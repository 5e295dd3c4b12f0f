import { Between, In, IsNull, Not } from 'typeorm';
import { RequestContext } from '../../core/context';
import { addDays, isoWeekday } from '../../core/dates';
import { RuleViolation } from '../../core/errors';
import { SchoolClass } from '../class/class.entity';
import { CalendarDay, LoadPolicy } from '../load/load.entity';
import { SubjectBudget } from '../load/subject-budget.entity';
import { ResearchGroup } from '../research-group/research-group.entity';
import { Subject } from '../school/school.entity';
import { gradeName } from '../school/school.policy';
import { WeeklyList, WeeklyListEntry, WeeklyListStatus } from './weekly-list.entity';
import { WeeklyListErrors } from './weekly-list.errors';
import { ListDayLoad, listBudgetExcesses, listLoadCheck } from './weekly-list-review.policy';

/** A list's load check: each day of its week, and whether every day fits. */
export interface ListLoad {
  grade: number;
  days: ListDayLoad[];
  fits: boolean;
}

/**
 * The list's own load check (see `listLoadCheck`): its entries at home added, day by day, to
 * those of the other groups of its grade whose lists for the same week are filed or approved,
 * against the grade's written cap and the school's cap on every form. Reads through `ctx.db`,
 * so inside a filing it sees what the filing's transaction sees.
 */
export async function listLoad(ctx: RequestContext, list: WeeklyList, group: ResearchGroup, entries: WeeklyListEntry[]): Promise<ListLoad> {
  const db = ctx.db;
  const sameGrade = await db.findBy(ResearchGroup, { schoolId: ctx.schoolId, grade: group.grade, id: Not(group.id) });
  const others = sameGrade.length
    ? await db.findBy(WeeklyList, {
      schoolId: ctx.schoolId, weekStart: list.weekStart, groupId: In(sameGrade.map((g) => g.id)),
      status: In([WeeklyListStatus.FILED, WeeklyListStatus.APPROVED]),
    })
    : [];
  const [otherEntries, policies, calendar] = await Promise.all([
    others.length ? db.findBy(WeeklyListEntry, { schoolId: ctx.schoolId, listId: In(others.map((l) => l.id)) }) : Promise.resolve([]),
    db.findBy(LoadPolicy, { schoolId: ctx.schoolId, grade: group.grade }),
    db.findBy(CalendarDay, { schoolId: ctx.schoolId, day: Between(list.weekStart, addDays(list.weekStart, 6)) }),
  ]);
  const days = listLoadCheck(list.weekStart, group.grade, entries, otherEntries, policies, calendar);
  return { grade: group.grade, days, fits: days.every((d) => d.fits) };
}

/** The refusals of a load check: each day over a cap, with the cap and the figures. */
export function loadViolations(load: ListLoad): RuleViolation[] {
  const grade = gradeName(load.grade);
  return load.days.flatMap((d) => {
    const out: RuleViolation[] = [];
    if (d.writtenExcessMinutes > 0) {
      out.push(new RuleViolation(WeeklyListErrors.WEEKLY_LIST_OVER_WRITTEN_CAP, ['entries', d.day], {
        capMinutes: d.capMinutes, thisListMinutes: d.thisListWrittenMinutes, otherListsMinutes: d.otherListsWrittenMinutes,
        totalMinutes: d.writtenMinutes, excessMinutes: d.writtenExcessMinutes, day: d.day, dayKind: d.dayKind, grade,
      }));
    }
    if (d.totalExcessMinutes > 0) {
      out.push(new RuleViolation(WeeklyListErrors.WEEKLY_LIST_OVER_TOTAL_CAP, ['entries', d.day], {
        capMinutes: d.totalCapMinutes!, thisListMinutes: d.thisListMinutes, otherListsMinutes: d.otherListsMinutes,
        totalMinutes: d.minutes, excessMinutes: d.totalExcessMinutes, day: d.day, dayKind: d.dayKind, grade,
      }));
    }
    return out;
  });
}

/**
 * The refusals of a list whose subject would go over its daily budget in a class of the grade
 * (see `listBudgetExcesses`): one per school day over, naming the tightest class. Reads through
 * `ctx.db`, inside the filing's transaction.
 */
export async function subjectBudgetViolations(ctx: RequestContext, list: WeeklyList, group: ResearchGroup, entries: WeeklyListEntry[]): Promise<RuleViolation[]> {
  const db = ctx.db;
  const classes = await db.findBy(SchoolClass, { schoolId: ctx.schoolId, grade: group.grade, archivedAt: IsNull() });
  if (!classes.length) return [];
  const budgets = await db.findBy(SubjectBudget, { schoolId: ctx.schoolId, classId: In(classes.map((c) => c.id)) });
  if (!budgets.length) return [];
  const [calendar, subject] = await Promise.all([
    db.findBy(CalendarDay, { schoolId: ctx.schoolId, day: Between(list.weekStart, addDays(list.weekStart, 6)) }),
    db.findOneByOrFail(Subject, { schoolId: ctx.schoolId, id: group.subjectId }),
  ]);
  const nameOf = new Map(classes.map((c) => [c.id, c.name]));
  const excesses = listBudgetExcesses(list.weekStart, group.subjectId, entries,
    budgets.map((b) => ({ className: nameOf.get(b.classId)!, weekday: b.weekday, subjectId: b.subjectId, minutes: b.minutes })), calendar);
  return excesses.map((e) => new RuleViolation(WeeklyListErrors.WEEKLY_LIST_OVER_SUBJECT_BUDGET, ['entries', e.day], {
    budgetMinutes: e.budgetMinutes, thisListMinutes: e.thisListMinutes, excessMinutes: e.excessMinutes,
    day: e.day, weekday: isoWeekday(e.day), className: e.className, subject: subject.name,
  }));
}
