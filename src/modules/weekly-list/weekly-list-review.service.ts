import { randomUUID } from 'node:crypto';
import { RequestContext, TxContext } from '../../core/context';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { checkRevision } from '../../core/revision';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { requireStaff } from '../bank/bank-access';
import { SchoolClass, TeachingAssignment } from '../class/class.entity';
import { ResearchGroup } from '../research-group/research-group.entity';
import { WeeklyList, WeeklyListAction, WeeklyListEntry, WeeklyListEvent, WeeklyListSettings, WeeklyListStatus } from './weekly-list.entity';
import { WeeklyListErrors, WeeklyListMessages } from './weekly-list.errors';
import { DEFAULT_DEADLINE, DeadlineSetting, isInPlan, ListStep, stepProblem, weekStartOf } from './weekly-list-review.policy';

/** Refuses a step the list's status does not allow (see `stepProblem`). */
export function refuseStep(list: WeeklyList, step: ListStep): void {
  const problem = stepProblem(list.status, step);
  if (problem) throw new RuleViolation(WeeklyListErrors[problem], [], { weekStart: list.weekStart, status: list.status });
}

/** The school's deadline setting as read through `ctx.db` (inside a transaction, the transaction's view). */
export async function deadlineSettingIn(ctx: RequestContext): Promise<DeadlineSetting> {
  const own = await ctx.db.findOneBy(WeeklyListSettings, { schoolId: ctx.schoolId });
  return own ? { dueWeekday: own.dueWeekday, dueTime: own.dueTime.slice(0, 5) } : DEFAULT_DEADLINE;
}

/** Keeps a filing or a review of a list for the record. */
export async function recordEvent(
  ctx: TxContext, listId: string, action: WeeklyListAction, revision: number, at: Date, comment: string | null, minutesLate = 0,
): Promise<void> {
  await ctx.db.insert(WeeklyListEvent, {
    schoolId: ctx.schoolId, id: randomUUID(), listId, action, revision, actorId: ctx.viewer.userId, at, comment, minutesLate,
  });
}

function requireOffice(ctx: RequestContext, action: string): void {
  if (!ctx.hasRole(Role.ACADEMIC_OFFICE)) throw new ForbiddenError(WeeklyListMessages.REVIEW_OFFICE_ONLY, { action });
}

export interface DeadlineSettingView extends DeadlineSetting {
  /** Null while the school keeps the default. */
  revision: number | null;
}

export interface WeeklyListSuggestion {
  list: WeeklyList;
  day: string;
  entries: WeeklyListEntry[];
}

/** The academic office's side of the weekly lists: the deadline, approving and returning; and the list as a class-day's start. */
export class WeeklyListReviewService {
  /** When the school's weekly lists are due (every member of staff may read it). */
  async deadlineSetting(ctx: RequestContext): Promise<DeadlineSettingView> {
    requireStaff(ctx);
    const own = await ctx.loaders.weeklyListSettingsBySchool.load(ctx.schoolId);
    return own ? { dueWeekday: own.dueWeekday, dueTime: own.dueTime.slice(0, 5), revision: own.revision } : { ...DEFAULT_DEADLINE, revision: null };
  }

  /**
   * Sets when the school's weekly lists are due (academic office): a weekday of the week before
   * and a time of day. Lists filed before the change keep the lateness measured when they were filed.
   */
  async setDeadline(ctx: RequestContext, input: DeadlineSetting & { expectedRevision?: number | null }): Promise<DeadlineSettingView> {
    requireOffice(ctx, 'set the deadline');
    await withTransaction(ctx, async (txCtx) => {
      const db = txCtx.db;
      const existing = await db.findOne(WeeklyListSettings, { where: { schoolId: ctx.schoolId }, lock: { mode: 'pessimistic_write' } });
      const values = { dueWeekday: input.dueWeekday, dueTime: input.dueTime, updatedBy: ctx.viewer.userId, updatedAt: ctx.clock.now() };
      if (existing) {
        if (input.expectedRevision == null) throw new InvalidInputError('expectedRevision', WeeklyListMessages.DEADLINE_REVISION_REQUIRED);
        checkRevision('The deadline setting', existing.revision, input.expectedRevision);
        await db.update(WeeklyListSettings, { schoolId: ctx.schoolId }, { ...values, revision: existing.revision + 1 });
      } else {
        await db.insert(WeeklyListSettings, { schoolId: ctx.schoolId, ...values, revision: 1 });
      }
    });
    return this.deadlineSetting(ctx);
  }

  /** Approves a filed list (academic office), with an optional comment; it is final from then on. */
  approve(ctx: RequestContext, listId: string, expectedRevision: number, comment: string | null): Promise<WeeklyList> {
    return this.review(ctx, listId, expectedRevision, 'approve', comment);
  }

  /** Returns a filed list to its group with a comment (academic office): the group edits it and files it again. */
  return(ctx: RequestContext, listId: string, expectedRevision: number, comment: string): Promise<WeeklyList> {
    return this.review(ctx, listId, expectedRevision, 'return', comment);
  }

  private async review(ctx: RequestContext, listId: string, expectedRevision: number, step: 'approve' | 'return', comment: string | null): Promise<WeeklyList> {
    requireOffice(ctx, 'approve or return weekly lists');
    return withTransaction(ctx, async (txCtx) => {
      const db = txCtx.db;
      const list = await db.findOne(WeeklyList, { where: { schoolId: ctx.schoolId, id: listId }, lock: { mode: 'pessimistic_write' } });
      if (!list) throw new NotFoundError('WeeklyList', listId);
      refuseStep(list, step);
      checkRevision('The weekly list', list.revision, expectedRevision);
      const now = ctx.clock.now();
      const text = comment?.trim() || null;
      const status = step === 'approve' ? WeeklyListStatus.APPROVED : WeeklyListStatus.RETURNED;
      await db.update(WeeklyList, { schoolId: ctx.schoolId, id: list.id }, {
        status, revision: list.revision + 1, reviewedBy: ctx.viewer.userId, reviewedAt: now, reviewComment: text,
        updatedBy: ctx.viewer.userId, updatedAt: now,
      });
      await recordEvent(txCtx, list.id, step === 'approve' ? WeeklyListAction.APPROVED : WeeklyListAction.RETURNED, list.revision + 1, now, text);
      return db.findOneByOrFail(WeeklyList, { schoolId: ctx.schoolId, id: list.id });
    });
  }

  /** A list's filings and reviews, oldest first. */
  history(ctx: RequestContext, listId: string): Promise<WeeklyListEvent[]> {
    return ctx.loaders.weeklyListEventsByListId.load(listId);
  }

  /**
   * What the class's grade group planned for a subject on a day, as the start of composing the
   * class's homework that day: the entries of that day of the group's list for the week, when
   * the list is approved or filed (a draft or a returned list is not offered); null when there
   * is none. For the class's teachers of the subject and the academic office.
   */
  async suggestion(ctx: RequestContext, classId: string, subjectId: string, day: string): Promise<WeeklyListSuggestion | null> {
    requireStaff(ctx);
    const cls = await ctx.db.findOneBy(SchoolClass, { schoolId: ctx.schoolId, id: classId });
    if (!cls) throw new NotFoundError('Class', classId);
    if (!ctx.hasRole(Role.ACADEMIC_OFFICE)) {
      const teaches = await ctx.db.exists(TeachingAssignment, { where: { schoolId: ctx.schoolId, classId, subjectId, teacherId: ctx.viewer.userId } });
      if (!teaches) throw new ForbiddenError(WeeklyListMessages.SUGGESTION_NOT_YOUR_CLASS);
    }
    const group = await ctx.db.findOneBy(ResearchGroup, { schoolId: ctx.schoolId, subjectId, grade: cls.grade });
    if (!group) return null;
    const list = await ctx.db.findOneBy(WeeklyList, { schoolId: ctx.schoolId, groupId: group.id, weekStart: weekStartOf(day) });
    if (!list || !isInPlan(list.status)) return null;
    const entries = (await ctx.loaders.entriesByListId.load(list.id)).filter((e) => e.day === day);
    return { list, day, entries };
  }
}

export const weeklyListReviewService = new WeeklyListReviewService();
