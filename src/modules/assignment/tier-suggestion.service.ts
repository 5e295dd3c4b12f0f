import { Between, In } from 'typeorm';
import { RequestContext } from '../../core/context';
import { addDays, isoWeekday } from '../../core/dates';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { withTransaction } from '../../core/transaction';
import { privacyService } from '../privacy/privacy.service';
import { RecordSheetMessages } from '../record-sheet/record-sheet.errors';
import { User } from '../user/user.entity';
import { staffReachesClass } from '../user/user.policy';
import { loadPlans, planChoices } from './assignment-plan';
import { Assignment, AssignmentStatus, StudentChoice } from './assignment.entity';
import { AssignmentErrors, AssignmentMessages } from './assignment.errors';
import { TierSuggestion } from './student-group.entity';
import { addressedTo } from './student-load';
import { requireSubjectTeacher } from './subject-teacher';

/** A suggestion with the student's own choice beside it (null until they choose). */
export interface SuggestionLine {
  suggestion: TierSuggestion;
  chosen: string | null;
}

/** How often a week's suggestions were followed: counts only. */
export interface WeekSuggestions {
  weekStart: string;
  suggested: number;
  followed: number;
  notFollowed: number;
  notChosen: number;
}

/**
 * A teacher's suggested tier for a student (分层、个性化, seed 000: the teacher guides each student
 * to a suitable choice, never fixing a label): kept beside the student's own choice, which may
 * be any offered one.
 */
export class TierSuggestionService {
  /** Suggests (or changes the suggestion of) a choice to a student the assignment is addressed to; its teacher of the subject only. */
  async suggest(ctx: RequestContext, assignmentId: string, studentId: string, choice: string): Promise<SuggestionLine> {
    return withTransaction(ctx, async (txCtx) => {
      const a = await txCtx.db.findOneBy(Assignment, { schoolId: ctx.schoolId, id: assignmentId });
      if (!a || !staffReachesClass(ctx.viewer, a.classId)) throw new NotFoundError('Assignment', assignmentId);
      await requireSubjectTeacher(txCtx, a.classId, a.subjectId);
      const student = await txCtx.db.findOneBy(User, { schoolId: ctx.schoolId, id: studentId });
      if (!student || student.classId !== a.classId) throw new NotFoundError('Student', studentId);
      if (!await addressedTo(txCtx, a, [student.id])) throw new RuleViolation(AssignmentErrors.SUGGESTION_NOT_ADDRESSED, ['studentId'], { student: student.displayName });
      const [plan] = await loadPlans(txCtx.db, ctx.schoolId, [a]);
      const choices = planChoices(plan).map((c) => c.key);
      if (!choices.includes(choice)) throw new RuleViolation(AssignmentErrors.UNKNOWN_CHOICE, ['choice'], { choices: choices.join('、') });
      await txCtx.db.upsert(TierSuggestion, {
        schoolId: ctx.schoolId, assignmentId: a.id, studentId: student.id, choice, suggestedBy: ctx.viewer.userId, suggestedAt: new Date(),
      }, ['schoolId', 'assignmentId', 'studentId']);
      const [suggestion, chosen] = await Promise.all([
        txCtx.db.findOneByOrFail(TierSuggestion, { schoolId: ctx.schoolId, assignmentId: a.id, studentId: student.id }),
        txCtx.db.findOneBy(StudentChoice, { schoolId: ctx.schoolId, assignmentId: a.id, studentId: student.id }),
      ]);
      privacyService.noteAccess(ctx, [{ studentId: student.id, resource: 'tier_choice', resourceId: a.id }]);
      return { suggestion, chosen: chosen?.choice ?? null };
    });
  }

  /** The suggestions of an assignment with each student's choice, for staff of the class (noted in the access log). */
  async ofAssignment(ctx: RequestContext, assignmentId: string): Promise<SuggestionLine[]> {
    const a = await ctx.db.findOneBy(Assignment, { schoolId: ctx.schoolId, id: assignmentId });
    if (!a || !staffReachesClass(ctx.viewer, a.classId)) throw new NotFoundError('Assignment', assignmentId);
    const [suggestions, choices] = await Promise.all([
      ctx.db.find(TierSuggestion, { where: { schoolId: ctx.schoolId, assignmentId: a.id }, order: { suggestedAt: 'ASC', studentId: 'ASC' } }),
      ctx.db.findBy(StudentChoice, { schoolId: ctx.schoolId, assignmentId: a.id }),
    ]);
    privacyService.noteAccess(ctx, suggestions.map((s) => ({ studentId: s.studentId, resource: 'tier_choice' as const, resourceId: a.id })));
    return suggestions.map((suggestion) => ({ suggestion, chosen: choices.find((c) => c.studentId === suggestion.studentId)?.choice ?? null }));
  }

  /** A student's suggestions on some assignments, by assignment (for their day; staff reads are logged by the caller's tier_choice note). */
  async forStudent(ctx: RequestContext, studentId: string, assignmentIds: string[]): Promise<Map<string, string>> {
    if (assignmentIds.length === 0) return new Map();
    const rows = await ctx.db.findBy(TierSuggestion, { schoolId: ctx.schoolId, studentId, assignmentId: In(assignmentIds) });
    return new Map(rows.map((r) => [r.assignmentId, r.choice]));
  }

  /**
   * Per week (Monday), how many suggestions on a class's published homework of a subject were
   * followed, not followed, or not yet answered by a choice: counts only, no student named.
   */
  async trend(ctx: RequestContext, classId: string, subjectId: string, from: string, to: string): Promise<WeekSuggestions[]> {
    if (from > to) throw new InvalidInputError('from', RecordSheetMessages.FROM_AFTER_TO);
    if (Date.parse(to) - Date.parse(from) > 62 * 86400000) throw new InvalidInputError('to', RecordSheetMessages.RANGE_TOO_LONG, { maxDays: 62 });
    if (!staffReachesClass(ctx.viewer, classId)) throw new ForbiddenError(AssignmentMessages.CLASS_STAFF_ONLY);
    const assignments = await ctx.db.getRepository(Assignment).find({
      where: { schoolId: ctx.schoolId, classId, subjectId, status: AssignmentStatus.PUBLISHED, day: Between(from, to) },
    });
    return suggestionTrend(ctx, assignments);
  }
}

/** The weekly counts of suggestions followed or not on these assignments (the tier trend report can show them beside its counts). */
export async function suggestionTrend(ctx: RequestContext, assignments: Assignment[]): Promise<WeekSuggestions[]> {
  const ids = In(assignments.map((a) => a.id));
  const [suggestions, choices] = assignments.length
    ? await Promise.all([ctx.db.findBy(TierSuggestion, { schoolId: ctx.schoolId, assignmentId: ids }), ctx.db.findBy(StudentChoice, { schoolId: ctx.schoolId, assignmentId: ids })])
    : [[], []];
  const chosen = new Map(choices.map((c) => [`${c.assignmentId}:${c.studentId}`, c.choice]));
  const dayOf = new Map(assignments.map((a) => [a.id, a.day]));
  const weeks = new Map<string, WeekSuggestions>();
  for (const s of suggestions) {
    const day = dayOf.get(s.assignmentId)!;
    const weekStart = addDays(day, 1 - isoWeekday(day));
    const w = weeks.get(weekStart) ?? { weekStart, suggested: 0, followed: 0, notFollowed: 0, notChosen: 0 };
    const choice = chosen.get(`${s.assignmentId}:${s.studentId}`);
    w.suggested += 1;
    if (choice === undefined) w.notChosen += 1;
    else if (choice === s.choice) w.followed += 1;
    else w.notFollowed += 1;
    weeks.set(weekStart, w);
  }
  return [...weeks.values()].sort((x, y) => x.weekStart.localeCompare(y.weekStart));
}

export const tierSuggestionService = new TierSuggestionService();
