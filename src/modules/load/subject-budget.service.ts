import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { RequestContext, TxContext } from '../../core/context';
import { isoWeekday } from '../../core/dates';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation, RuleViolations } from '../../core/errors';
import { checkRevision } from '../../core/revision';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { loadPlans, overlapping, plansOn, usedBySubject } from '../assignment/assignment-plan';
import { Assignment, AssignmentStatus } from '../assignment/assignment.entity';
import { SchoolClass } from '../class/class.entity';
import { Subject } from '../school/school.entity';
import { SchoolYearErrors } from '../school-year/school-year.errors';
import { staffReachesClass } from '../user/user.policy';
import { DayKind } from './load.entity';
import { LoadErrors, LoadMessages } from './load.errors';
import { classDayKey } from './load.loaders';
import { loadService, lockLoadRules } from './load.service';
import { SubjectBudget, SubjectBudgetPlan, SubjectBudgetRelease } from './subject-budget.entity';
import { BudgetLine, budgetLimit, budgetLines, BudgetRow, checkBudgetSum, lineOf } from './subject-budget.policy';

export interface BudgetWeekdayInput {
  weekday: number;
  budgets: BudgetRow[];
}

export interface BudgetWeekInput {
  classId: string;
  /** The whole week's plan: weekdays left out have no budgets. */
  days: BudgetWeekdayInput[];
  expectedRevision?: number | null;
}

export interface BudgetWeek {
  cls: SchoolClass;
  /** Null until the class has a plan. */
  revision: number | null;
  writtenCapMinutes: number;
  totalCapMinutes: number | null;
  /** What a weekday's budgets may sum to. */
  limitMinutes: number;
  days: { weekday: number; budgets: BudgetRow[]; totalMinutes: number }[];
}

export interface BudgetDay {
  cls: SchoolClass;
  day: string;
  weekday: number;
  dayKind: DayKind;
  /** A school day whose weekday has budgets: publishing is checked against them. */
  budgeted: boolean;
  lines: BudgetLine[];
  releases: SubjectBudgetRelease[];
}

export interface BudgetReleaseInput {
  classId: string;
  day: string;
  fromSubjectId: string;
  toSubjectId: string;
  minutes: number;
}

/**
 * Each subject's share of a class's day (see subject-budget.policy.ts). Writes hold the class
 * row lock that publishing holds (assignment.service.ts, checkPublishable), so a publish is
 * checked against the budgets and releases as they were before or after a change, never a mix,
 * and two publishes or a publish and a release cannot together exceed a budget.
 */
export class SubjectBudgetService {
  /** A class's weekly plan of budgets (staff of the class). */
  async week(ctx: RequestContext, classId: string): Promise<BudgetWeek> {
    return this.readWeek(ctx, await this.classForStaff(ctx, classId));
  }

  /**
   * Replaces a class's weekly plan (its head teacher or the academic office). Each weekday's
   * budgets may sum to the class's written cap of a school day at most, and to the school's
   * total-time cap when it sets a lower one; every weekday over it is refused with its figures.
   * Budgets lowered below what is already published for a date leave that homework published,
   * as a lowered cap does.
   */
  async setWeek(ctx: RequestContext, input: BudgetWeekInput): Promise<BudgetWeek> {
    const cls = await this.classForCoordinator(ctx, input.classId);
    this.checkListedOnce(input.days);
    await withTransaction(ctx, async (txCtx) => {
      await this.lockClass(txCtx, cls.id);
      const plan = await txCtx.db.findOneBy(SubjectBudgetPlan, { schoolId: ctx.schoolId, classId: cls.id });
      if (plan) {
        if (input.expectedRevision == null) throw new InvalidInputError('expectedRevision', LoadMessages.BUDGET_REVISION_REQUIRED);
        checkRevision('The subject budgets', plan.revision, input.expectedRevision);
      }
      const subjectIds = [...new Set(input.days.flatMap((d) => d.budgets.map((b) => b.subjectId)))];
      const subjects = subjectIds.length ? await txCtx.db.findBy(Subject, { schoolId: ctx.schoolId, id: In(subjectIds) }) : [];
      const missing = subjectIds.find((id) => !subjects.some((s) => s.id === id));
      if (missing) throw new NotFoundError('Subject', missing);
      const caps = await loadService.schoolDayCaps(txCtx, cls.grade);
      const { limitMinutes, limitedBy } = budgetLimit(caps.capMinutes, caps.totalCapMinutes);
      const violations = input.days.flatMap((d, i) => {
        const check = checkBudgetSum(d.budgets, limitMinutes);
        return check.fits ? [] : [new RuleViolation(LoadErrors.BUDGETS_EXCEED_CAP, ['days', String(i), 'budgets'], {
          weekday: d.weekday, capMinutes: limitMinutes, budgetsMinutes: check.budgetsMinutes, excessMinutes: check.excessMinutes, className: cls.name, limitedBy,
        })];
      });
      if (violations.length) throw new RuleViolations(violations);
      const key = { schoolId: ctx.schoolId, classId: cls.id };
      if (plan) await txCtx.db.update(SubjectBudgetPlan, key, { revision: plan.revision + 1, updatedBy: ctx.viewer.userId, updatedAt: new Date() });
      else await txCtx.db.insert(SubjectBudgetPlan, { ...key, revision: 1, updatedBy: ctx.viewer.userId, updatedAt: new Date() });
      await txCtx.db.delete(SubjectBudget, key);
      const rows = input.days.flatMap((d) => d.budgets.map((b) => ({ ...key, weekday: d.weekday, subjectId: b.subjectId, minutes: b.minutes })));
      if (rows.length) await txCtx.db.insert(SubjectBudget, rows);
    });
    return this.readWeek(ctx, cls);
  }

  /** A class's budgets on a date with each subject's use and the releases of that date (staff of the class). */
  async day(ctx: RequestContext, classId: string, day: string): Promise<BudgetDay> {
    return this.readDay(ctx, await this.classForStaff(ctx, classId), day);
  }

  /**
   * Gives unused minutes of one subject to another for one date (the class's head teacher or
   * the academic office): they leave the giver's budget that day and join the receiver's. Only
   * what the giver has not used (published) can go; a release back returns minutes the same way.
   */
  async release(ctx: RequestContext, input: BudgetReleaseInput): Promise<BudgetDay> {
    if (input.fromSubjectId === input.toSubjectId) throw new InvalidInputError('toSubjectId', LoadMessages.RELEASE_TO_ITSELF);
    const cls = await this.classForCoordinator(ctx, input.classId);
    await withTransaction(ctx, async (txCtx) => {
      await this.lockClass(txCtx, cls.id);
      const subjects = await txCtx.db.findBy(Subject, { schoolId: ctx.schoolId, id: In([input.fromSubjectId, input.toSubjectId]) });
      const missing = [input.fromSubjectId, input.toSubjectId].find((id) => !subjects.some((s) => s.id === id));
      if (missing) throw new NotFoundError('Subject', missing);
      const day = await this.readDay(txCtx, cls, input.day);
      if (!day.budgeted) {
        throw new RuleViolation(LoadErrors.NO_BUDGETS_ON_DAY, ['date'], {
          weekday: day.weekday, className: cls.name, day: input.day, schoolDay: day.dayKind === DayKind.SCHOOL_DAY ? 'yes' : 'no',
        });
      }
      const giver = lineOf(day.lines, input.fromSubjectId);
      const unusedMinutes = Math.max(0, giver.availableMinutes - giver.usedMinutes);
      if (input.minutes > unusedMinutes) {
        throw new RuleViolation(LoadErrors.RELEASE_EXCEEDS_UNUSED, ['minutes'], {
          availableMinutes: giver.availableMinutes, usedMinutes: giver.usedMinutes, unusedMinutes, requestedMinutes: input.minutes,
          excessMinutes: input.minutes - unusedMinutes, subject: subjects.find((s) => s.id === input.fromSubjectId)!.name, className: cls.name, day: input.day,
        });
      }
      await txCtx.db.insert(SubjectBudgetRelease, {
        schoolId: ctx.schoolId, id: randomUUID(), classId: cls.id, day: input.day, fromSubjectId: input.fromSubjectId, toSubjectId: input.toSubjectId,
        minutes: input.minutes, releasedBy: ctx.viewer.userId, releasedAt: new Date(),
      });
    });
    return this.readDay(ctx, cls, input.day);
  }

  /**
   * The budget lines of a class's date for the load checks and the preview, with `used` (each
   * subject's heaviest written minutes at home) from the caller; null when the date is not
   * budgeted (not a school day, or its weekday has no budgets): the caps alone apply.
   */
  async linesOn(ctx: RequestContext, classId: string, day: string, dayKind: DayKind, used: ReadonlyMap<string, number>): Promise<BudgetLine[] | null> {
    return (await this.linesOnDays(ctx, classId, [{ day, dayKind, used }])).get(day) ?? null;
  }

  /** The same for several dates of the class, in two statements whatever their number (none without a school day). */
  async linesOnDays(ctx: RequestContext, classId: string, days: { day: string; dayKind: DayKind; used: ReadonlyMap<string, number> }[]): Promise<Map<string, BudgetLine[] | null>> {
    const schoolDays = days.filter((d) => d.dayKind === DayKind.SCHOOL_DAY);
    const lines = new Map<string, BudgetLine[] | null>(days.map((d) => [d.day, null]));
    if (schoolDays.length === 0) return lines;
    const [budgets, releases] = await Promise.all([
      ctx.db.findBy(SubjectBudget, { schoolId: ctx.schoolId, classId, weekday: In([...new Set(schoolDays.map((d) => isoWeekday(d.day)))]) }),
      ctx.db.findBy(SubjectBudgetRelease, { schoolId: ctx.schoolId, classId, day: In(schoolDays.map((d) => d.day)) }),
    ]);
    for (const { day, used } of schoolDays) {
      const ofWeekday = budgets.filter((b) => b.weekday === isoWeekday(day));
      if (ofWeekday.length) lines.set(day, budgetLines(ofWeekday, releases.filter((r) => r.day === day), used));
    }
    return lines;
  }

  /**
   * What each subject may publish on each of several dates of a class (its budget after
   * releases), for the weekly notice; null for a date without budgets. Batched by the request's
   * loaders: two statements whatever the number of dates.
   */
  async availableOn(ctx: RequestContext, classId: string, days: { day: string; dayKind: DayKind }[]): Promise<Map<string, Map<string, number> | null>> {
    return new Map(await Promise.all(days.map(async ({ day, dayKind }) => [day, await this.availableOnDay(ctx, classId, day, dayKind)] as const)));
  }

  /** The same for one date. */
  async availableOnDay(ctx: RequestContext, classId: string, day: string, dayKind: DayKind): Promise<Map<string, number> | null> {
    if (dayKind !== DayKind.SCHOOL_DAY) return null;
    const [budgets, releases] = await Promise.all([
      ctx.loaders.subjectBudgetsByClassId.load(classId),
      ctx.loaders.budgetReleasesByClassDay.load(classDayKey(classId, day)),
    ]);
    const ofWeekday = budgets.filter((b) => b.weekday === isoWeekday(day));
    if (ofWeekday.length === 0) return null;
    return new Map(budgetLines(ofWeekday, releases, new Map()).map((l) => [l.subjectId, l.availableMinutes]));
  }

  private async readWeek(ctx: RequestContext, cls: SchoolClass): Promise<BudgetWeek> {
    const [plan, rows, caps] = await Promise.all([
      ctx.db.findOneBy(SubjectBudgetPlan, { schoolId: ctx.schoolId, classId: cls.id }),
      ctx.db.find(SubjectBudget, { where: { schoolId: ctx.schoolId, classId: cls.id }, order: { weekday: 'ASC' } }),
      loadService.schoolDayCaps(ctx, cls.grade),
    ]);
    const weekdays = [...new Set(rows.map((r) => r.weekday))];
    return {
      cls, revision: plan?.revision ?? null, writtenCapMinutes: caps.capMinutes, totalCapMinutes: caps.totalCapMinutes,
      limitMinutes: budgetLimit(caps.capMinutes, caps.totalCapMinutes).limitMinutes,
      days: weekdays.map((weekday) => {
        const budgets = rows.filter((r) => r.weekday === weekday).map((r) => ({ subjectId: r.subjectId, minutes: r.minutes }));
        return { weekday, budgets, totalMinutes: budgets.reduce((s, b) => s + b.minutes, 0) };
      }),
    };
  }

  private async readDay(ctx: RequestContext, cls: SchoolClass, day: string): Promise<BudgetDay> {
    const { dayKind } = await loadService.capOn(ctx, cls.grade, day);
    const published = await ctx.db.findBy(Assignment, { schoolId: ctx.schoolId, classId: cls.id, status: AssignmentStatus.PUBLISHED, ...overlapping(day, day) });
    const used = usedBySubject(plansOn(await loadPlans(ctx.db, ctx.schoolId, published), day));
    const [lines, releases] = await Promise.all([
      this.linesOn(ctx, cls.id, day, dayKind, used),
      ctx.db.find(SubjectBudgetRelease, { where: { schoolId: ctx.schoolId, classId: cls.id, day }, order: { releasedAt: 'ASC' } }),
    ]);
    return { cls, day, weekday: isoWeekday(day), dayKind, budgeted: lines !== null, lines: lines ?? [], releases };
  }

  /** The class row lock publishing takes, and the load rules as publishing reads them. */
  private async lockClass(ctx: TxContext, classId: string): Promise<void> {
    const cls = await ctx.db.findOneOrFail(SchoolClass, { where: { schoolId: ctx.schoolId, id: classId }, lock: { mode: 'pessimistic_write' } });
    if (cls.archivedAt) throw new RuleViolation(SchoolYearErrors.CLASS_ARCHIVED, ['classId'], { name: cls.name });
    await lockLoadRules(ctx.db, ctx.schoolId, 'check');
  }

  private checkListedOnce(days: BudgetWeekdayInput[]): void {
    const weekdays = days.map((d) => d.weekday);
    const twice = weekdays.find((w, i) => weekdays.indexOf(w) !== i);
    if (twice !== undefined) throw new InvalidInputError('days', LoadMessages.BUDGET_LISTED_TWICE, { weekday: twice });
    for (const d of days) {
      const ids = d.budgets.map((b) => b.subjectId);
      const again = ids.find((id, i) => ids.indexOf(id) !== i);
      if (again) throw new InvalidInputError('days', LoadMessages.BUDGET_LISTED_TWICE, { weekday: d.weekday, subjectId: again });
    }
  }

  private async classForStaff(ctx: RequestContext, classId: string): Promise<SchoolClass> {
    const cls = await ctx.db.findOneBy(SchoolClass, { schoolId: ctx.schoolId, id: classId });
    if (!cls || !staffReachesClass(ctx.viewer, classId)) throw new NotFoundError('Class', classId);
    return cls;
  }

  /** The class, for its head teacher or the academic office (其他教职工: FORBIDDEN; others: NOT_FOUND). */
  private async classForCoordinator(ctx: RequestContext, classId: string): Promise<SchoolClass> {
    const cls = await this.classForStaff(ctx, classId);
    if (!ctx.hasRole(Role.ACADEMIC_OFFICE) && !ctx.viewer.headClassIds.has(cls.id)) {
      throw new ForbiddenError(LoadMessages.BUDGET_HEAD_TEACHER_ONLY, { className: cls.name });
    }
    return cls;
  }
}

export const subjectBudgetService = new SubjectBudgetService();
