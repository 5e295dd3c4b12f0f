import { Between, EntityManager } from 'typeorm';
import { RequestContext } from '../../core/context';
import { entityOfJson, jsonOfRow } from '../../core/entity-json';
import { preparedQuery } from '../../core/prepared-query';
import { addDays, isoWeekday } from '../../core/dates';
import { ForbiddenError, InvalidInputError, RuleViolation } from '../../core/errors';
import { checkRevision } from '../../core/revision';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { School } from '../school/school.entity';
import { gradesOf } from '../school/school.policy';
import { CalendarDay, CalendarDayKind, DayKind, LoadPolicy } from './load.entity';
import { dayKindOf, loadCapFor, nationalCap, totalCapFor } from './load.policy';
import { LoadErrors, LoadMessages } from './load.errors';
import { SchoolErrors } from '../school/school.errors';
import { RequestErrors } from '../../core/request-errors';

export interface LoadPolicyInput {
  grade: number;
  dayKind: DayKind;
  /** Omitted: unchanged; null: the national cap. */
  writtenCapMinutes?: number | null;
  /** Omitted: unchanged; null: no cap on the total. */
  totalCapMinutes?: number | null;
  expectedRevision?: number | null;
}

export interface EffectiveCap {
  grade: number;
  dayKind: DayKind;
  nationalCapMinutes: number;
  schoolCapMinutes: number | null;
  capMinutes: number;
  /** The school's cap on every form at home; null: none. */
  totalCapMinutes: number | null;
  revision: number | null;
}

export interface DayCap {
  dayKind: DayKind;
  capMinutes: number;
  /** The school's cap on every form at home; null: none. */
  totalCapMinutes: number | null;
}

function requireOffice(ctx: RequestContext, action: string): void {
  if (!ctx.hasRole(Role.ACADEMIC_OFFICE)) throw new ForbiddenError(LoadMessages.LOAD_OFFICE_ONLY, { action });
}

/**
 * The school's load rules (caps and calendar) against publishing: a publish holds this lock
 * shared while it checks and commits, a change of the rules holds it exclusively, so a publish
 * is checked either entirely under the old rules or entirely under the new ones.
 */
export async function lockLoadRules(db: EntityManager, schoolId: string, mode: 'check' | 'change'): Promise<void> {
  const fn = mode === 'check' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await db.query(`SELECT ${fn}(hashtextextended($1, 0))`, [`load-rules:${schoolId}`]);
}

export class LoadService {
  /** Every grade × kind of day of the school with the national, school and effective caps. */
  async effectiveCaps(ctx: RequestContext): Promise<EffectiveCap[]> {
    const school = await ctx.db.getRepository(School).findOneByOrFail({ id: ctx.schoolId });
    const policies = await ctx.db.getRepository(LoadPolicy).findBy({ schoolId: ctx.schoolId });
    return gradesOf(school.stage).flatMap((grade) =>
      Object.values(DayKind).map((dayKind) => {
        const own = policies.find((p) => p.grade === grade && p.dayKind === dayKind);
        return {
          grade, dayKind, nationalCapMinutes: nationalCap(grade), schoolCapMinutes: own?.writtenCapMinutes ?? null,
          capMinutes: loadCapFor(policies, grade, dayKind), totalCapMinutes: totalCapFor(policies, grade, dayKind), revision: own?.revision ?? null,
        };
      }),
    );
  }

  /**
   * Sets the school's own caps for a grade and kind of day (academic office): the written cap
   * and the cap on every form at home; a field left out keeps its value, null removes the cap.
   * A written cap looser than the national one is refused with both figures.
   */
  async setPolicy(ctx: RequestContext, input: LoadPolicyInput): Promise<EffectiveCap> {
    requireOffice(ctx, 'set the load policy');
    await withTransaction(ctx, async (txCtx) => {
      await lockLoadRules(txCtx.db, ctx.schoolId, 'change');
      const school = await txCtx.db.findOneByOrFail(School, { id: ctx.schoolId });
      if (!gradesOf(school.stage).includes(input.grade)) {
        throw new RuleViolation(SchoolErrors.GRADE_NOT_IN_SCHOOL, ['grade'], { grade: input.grade, school: school.name });
      }
      const national = nationalCap(input.grade);
      if (input.writtenCapMinutes != null && input.writtenCapMinutes > national) {
        throw new RuleViolation(LoadErrors.LOOSER_THAN_NATIONAL, ['writtenCapMinutes'], {
          nationalCapMinutes: national, requestedCapMinutes: input.writtenCapMinutes, excessMinutes: input.writtenCapMinutes - national, grade: String(input.grade),
        });
      }
      const key = { schoolId: ctx.schoolId, grade: input.grade, dayKind: input.dayKind };
      const existing = await txCtx.db.findOne(LoadPolicy, { where: key, lock: { mode: 'pessimistic_write' } });
      const caps = {
        writtenCapMinutes: input.writtenCapMinutes === undefined ? existing?.writtenCapMinutes ?? null : input.writtenCapMinutes,
        totalCapMinutes: input.totalCapMinutes === undefined ? existing?.totalCapMinutes ?? null : input.totalCapMinutes,
      };
      const none = caps.writtenCapMinutes === null && caps.totalCapMinutes === null;
      if (existing) {
        if (input.expectedRevision == null) throw new InvalidInputError('expectedRevision', RequestErrors.EXPECTED_REVISION_REQUIRED, { what: 'cap' });
        checkRevision('The load policy', existing.revision, input.expectedRevision);
        // Neither cap left: the school's policy for that grade and day is gone (national caps only).
        if (none) await txCtx.db.delete(LoadPolicy, key);
        else await txCtx.db.update(LoadPolicy, key, { ...caps, revision: existing.revision + 1, updatedBy: ctx.viewer.userId, updatedAt: new Date() });
      } else if (!none) {
        await txCtx.db.insert(LoadPolicy, { ...key, ...caps, revision: 1, updatedBy: ctx.viewer.userId });
      }
    });
    return (await this.effectiveCaps(ctx)).find((c) => c.grade === input.grade && c.dayKind === input.dayKind)!;
  }

  /** Marks a day as a holiday or as a school day (调休) in the school calendar (academic office). */
  async setCalendarDay(ctx: RequestContext, day: string, kind: CalendarDayKind, name: string): Promise<CalendarDay> {
    requireOffice(ctx, 'edit the school calendar');
    return withTransaction(ctx, async (txCtx) => {
      await lockLoadRules(txCtx.db, ctx.schoolId, 'change');
      await txCtx.db.upsert(CalendarDay, { schoolId: ctx.schoolId, day, kind, name: name.trim() }, ['schoolId', 'day']);
      return txCtx.db.findOneByOrFail(CalendarDay, { schoolId: ctx.schoolId, day });
    });
  }

  async removeCalendarDay(ctx: RequestContext, day: string): Promise<boolean> {
    requireOffice(ctx, 'edit the school calendar');
    return withTransaction(ctx, async (txCtx) => {
      await lockLoadRules(txCtx.db, ctx.schoolId, 'change');
      return ((await txCtx.db.delete(CalendarDay, { schoolId: ctx.schoolId, day })).affected ?? 0) > 0;
    });
  }

  async calendar(ctx: RequestContext, from: string, to: string): Promise<CalendarDay[]> {
    return ctx.db.getRepository(CalendarDay).find({ where: { schoolId: ctx.schoolId, day: Between(from, to) }, order: { day: 'ASC' } });
  }

  /**
   * A school-day test that knows the calendar from `from` for `days` days (weekdays otherwise).
   * Reads through `ctx.db`: give a transaction's context to read inside it.
   */
  async schoolDayTest(ctx: RequestContext, from: string, days: number): Promise<(day: string) => boolean> {
    const marked = await ctx.db.findBy(CalendarDay, { schoolId: ctx.schoolId, day: Between(from, addDays(from, days)) });
    const byDay = new Map(marked.map((m) => [m.day, m.kind]));
    return (day) => {
      const kind = byDay.get(day);
      return kind ? kind === CalendarDayKind.SCHOOL_DAY : isoWeekday(day) <= 5;
    };
  }

  /** The kind of day, the written cap in force and the school's total-time cap for a grade on a date. */
  async capOn(ctx: RequestContext, grade: number, day: string): Promise<DayCap> {
    return (await this.capsOn(ctx, grade, [day])).get(day)!;
  }

  /** The written cap and the school's total-time cap of a grade on a school day (what subject budgets must fit). */
  async schoolDayCaps(ctx: RequestContext, grade: number): Promise<{ capMinutes: number; totalCapMinutes: number | null }> {
    const policies = await ctx.db.findBy(LoadPolicy, { schoolId: ctx.schoolId, grade });
    return { capMinutes: loadCapFor(policies, grade, DayKind.SCHOOL_DAY), totalCapMinutes: totalCapFor(policies, grade, DayKind.SCHOOL_DAY) };
  }

  /** The same for several dates, in two statements whatever their number; read through `ctx.db` (a transaction's context reads inside it). */
  async capsOn(ctx: RequestContext, grade: number, days: string[]): Promise<Map<string, DayCap>> {
    if (days.length === 0) return new Map();
    const sorted = [...days].sort();
    // The grade's policies and the calendar of the days: one statement.
    const db = ctx.db;
    const [read] = await preparedQuery<{ policies: unknown[][] | null; marked: unknown[][] | null }>(db,
      `SELECT (SELECT json_agg(${jsonOfRow(db, LoadPolicy, 'p')}) FROM load_policies p WHERE p.school_id = $1 AND p.grade = $2) AS policies,
              (SELECT json_agg(${jsonOfRow(db, CalendarDay, 'c')}) FROM calendar_days c WHERE c.school_id = $1 AND c.day BETWEEN $3 AND $4) AS marked`,
      [ctx.schoolId, grade, sorted[0], sorted[sorted.length - 1]]);
    const policies = (read.policies ?? []).map((v) => entityOfJson(db, LoadPolicy, v));
    const marked = (read.marked ?? []).map((v) => entityOfJson(db, CalendarDay, v));
    return capsFrom(grade, days, policies, marked);
  }
}

/** The caps of a grade on dates from the school's policies and its calendar of those dates (read by the caller). */
export function capsFrom(grade: number, days: string[], policies: LoadPolicy[], marked: CalendarDay[]): Map<string, DayCap> {
  return new Map(days.map((day) => {
    const dayKind = dayKindOf(day, marked);
    return [day, { dayKind, capMinutes: loadCapFor(policies, grade, dayKind), totalCapMinutes: totalCapFor(policies, grade, dayKind) }];
  }));
}

export const loadService = new LoadService();
