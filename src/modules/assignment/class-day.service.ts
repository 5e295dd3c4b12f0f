import { In } from 'typeorm';
import { RequestContext } from '../../core/context';
import { isoWeekday } from '../../core/dates';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { SchoolClass } from '../class/class.entity';
import { DayKind } from '../load/load.entity';
import { loadService } from '../load/load.service';
import { BudgetLine } from '../load/subject-budget.policy';
import { subjectBudgetService } from '../load/subject-budget.service';
import { privacyService } from '../privacy/privacy.service';
import { Submission } from '../submission/submission.entity';
import { User } from '../user/user.entity';
import { staffReachesClass } from '../user/user.policy';
import { weekDays } from '../weekly-list/weekly-list.policy';
import { loadPlans, overlapParams, OVERLAPPING_SQL, overlapping, Plan, PlanChoice, planChoices, planLoad, plansOn, usedBySubject } from './assignment-plan';
import { choiceMinutesOn, covers, isMultiDay, MAX_SPAN_DAYS, spanProblem } from './assignment-span.policy';
import { Assignment, AssignmentStatus, StudentChoice } from './assignment.entity';
import { assignmentService } from './assignment.service';
import { AssignmentShape, choiceMinutes, choicesOf, subjectLoadOfChoices } from './assignment.policy';
import { versionKey } from '../bank/bank.loaders';
import { versionMinutes } from '../bank/item-minutes';
import { AssignmentErrors, AssignmentMessages } from './assignment.errors';
import { SubmissionErrors } from '../submission/submission.errors';
import { RequestErrors } from '../../core/request-errors';
import { classOfStudentOn } from '../school-year/class-history';
import { addressedLoads, addressedTo, addressedToStudent, classStudents, membersOf } from './student-load';
import { groupsInvolved, heaviestStudentPath } from './student-load.policy';
import { StudentGroup } from './student-group.entity';
import { tierSuggestionService } from './tier-suggestion.service';

export interface SubjectLine {
  plan: Plan;
  lightestWrittenMinutes: number;
  heaviestWrittenMinutes: number;
  lightestAllFormsMinutes: number;
  heaviestAllFormsMinutes: number;
}

export interface LoadPreview {
  cls: SchoolClass;
  day: string;
  dayKind: DayKind;
  capMinutes: number;
  /** Published assignments, plus the saved draft being previewed if one was named. */
  subjects: SubjectLine[];
  /** An unsaved draft being composed, in place of its subject's published assignment. */
  draft: DraftLine | null;
  lightestTotalMinutes: number;
  heaviestTotalMinutes: number;
  remainingMinutes: number;
  excessMinutes: number;
  /** The school's cap on every form at home (null: none), and the day's figures against it. */
  allForms: AllFormsFigures;
  /**
   * Each subject's budget of the day with its use as previewed (the draft counted as it would
   * be published); null on a day without subject budgets.
   */
  subjectBudgets: BudgetLine[] | null;
  /** With homework addressed to a group: the heaviest student's day (null otherwise). */
  heaviestStudent: { studentId: string; writtenMinutes: number; allFormsMinutes: number } | null;
}

export interface AllFormsFigures {
  capMinutes: number | null;
  lightestTotalMinutes: number;
  heaviestTotalMinutes: number;
  /** Null without a cap. */
  remainingMinutes: number | null;
  excessMinutes: number;
}

/** The day's minutes of every form at home against the school's total-time cap. */
export function allFormsFigures(lines: { lightestAllFormsMinutes: number; heaviestAllFormsMinutes: number }[], capMinutes: number | null): AllFormsFigures {
  const heaviest = lines.reduce((s, l) => s + l.heaviestAllFormsMinutes, 0);
  return {
    capMinutes,
    lightestTotalMinutes: lines.reduce((s, l) => s + l.lightestAllFormsMinutes, 0),
    heaviestTotalMinutes: heaviest,
    remainingMinutes: capMinutes === null ? null : Math.max(0, capMinutes - heaviest),
    excessMinutes: capMinutes === null ? 0 : Math.max(0, heaviest - capMinutes),
  };
}

export interface DraftLine {
  subjectId: string;
  /** Homework over several days (its figures: the previewed day's share). */
  multiDay: boolean;
  choices: PlanChoice[];
  lightestWrittenMinutes: number;
  heaviestWrittenMinutes: number;
  lightestAllFormsMinutes: number;
  heaviestAllFormsMinutes: number;
}

/** An assignment being composed: its subject, shape and the items placed so far. */
export interface LoadDraft {
  subjectId: string;
  shape: AssignmentShape;
  options: { key: string; name: string; items: { itemId: string; atHome: boolean }[] }[];
  /** The group it would be addressed to (null: the whole class). */
  groupId?: string | null;
  /** Homework over several days: its first day (absent: the previewed day), due day and shares (absent: evenly). */
  firstDay?: string | null;
  dueDay?: string | null;
  dayShares?: number[] | null;
}

export interface StudentDayLine {
  plan: Plan;
  choices: PlanChoice[];
  choice: string | null;
  /** The teacher's suggested choice, if any. */
  suggestedChoice: string | null;
  submission: Submission | null;
}

function lines(plans: Plan[]): SubjectLine[] {
  return plans.map((plan) => ({ plan, ...planLoad(plan) }));
}

export class ClassDayService {
  /**
   * The load figures of a class's day before publishing: the cap, every published subject's
   * lightest and heaviest written at-home minutes, and (with `assignmentId`) the draft too; or
   * (with `draft`) an assignment being composed, not yet saved, counted as it would be saved.
   */
  async preview(ctx: RequestContext, classId: string, day: string, assignmentId?: string | null, draft?: LoadDraft | null): Promise<LoadPreview> {
    const cls = await ctx.db.getRepository(SchoolClass).findOneBy({ schoolId: ctx.schoolId, id: classId });
    if (!cls || !staffReachesClass(ctx.viewer, classId)) throw new NotFoundError('Class', classId);
    const { dayKind, capMinutes, totalCapMinutes } = await loadService.capOn(ctx, cls.grade, day);
    let plans = plansOn(await assignmentService.publishedPlans(ctx, classId, day, day, assignmentId ?? undefined), day);
    if (assignmentId) {
      const saved = await assignmentService.get(ctx, assignmentId);
      if (saved.classId !== classId || !covers(saved, day)) throw new InvalidInputError('assignmentId', AssignmentMessages.ANOTHER_CLASS_OR_DAY);
      plans = plans.concat(plansOn([await assignmentService.plan(ctx, saved)], day));
    }
    const drafted = draft ? await this.draftLine(ctx, draft, day) : null;
    // A day's draft stands in for its subject's published homework of the day; one over several days is added.
    if (drafted && !drafted.multiDay) plans = plans.filter((p) => p.assignment.subjectId !== drafted.subjectId || isMultiDay(p.assignment));
    const subjects = lines(plans);
    const heaviest = subjects.reduce((s, l) => s + l.heaviestWrittenMinutes, 0) + (drafted?.heaviestWrittenMinutes ?? 0);
    const used = usedBySubject(plans);
    if (drafted) used.set(drafted.subjectId, (used.get(drafted.subjectId) ?? 0) + drafted.heaviestWrittenMinutes);
    const subjectBudgets = await subjectBudgetService.linesOn(ctx, classId, day, dayKind, used);
    const heaviestStudent = await this.heaviestStudent(ctx, classId, day, plans, drafted && { load: drafted, groupId: draft?.groupId ?? null });
    return {
      cls, day, dayKind, capMinutes, subjects, draft: drafted,
      lightestTotalMinutes: subjects.reduce((s, l) => s + l.lightestWrittenMinutes, 0) + (drafted?.lightestWrittenMinutes ?? 0),
      heaviestTotalMinutes: heaviest,
      remainingMinutes: Math.max(0, capMinutes - heaviest),
      excessMinutes: Math.max(0, heaviest - capMinutes),
      allForms: allFormsFigures(drafted ? [...subjects, drafted] : subjects, totalCapMinutes),
      subjectBudgets,
      heaviestStudent,
    };
  }

  /**
   * The heaviest student's day when homework is addressed to groups: each student counts the
   * heaviest choice of what is addressed to them. Null without groups (the class figures are
   * every student's). Reads group membership: noted in the access log for that student.
   */
  private async heaviestStudent(
    ctx: RequestContext, classId: string, day: string, plans: Plan[], drafted: { load: DraftLine; groupId: string | null } | null,
  ): Promise<LoadPreview['heaviestStudent']> {
    const loads = await addressedLoads(ctx, plans);
    if (drafted) {
      if (drafted.groupId) {
        const group = await ctx.db.findOneBy(StudentGroup, { schoolId: ctx.schoolId, id: drafted.groupId });
        if (!group || group.classId !== classId) throw new NotFoundError('StudentGroup', drafted.groupId);
      }
      const audience = drafted.groupId ? (await membersOf(ctx, [drafted.groupId])).get(drafted.groupId)! : null;
      loads.push({ load: drafted.load, audience });
    }
    if (!groupsInvolved(loads)) return null;
    const students = (await classStudents(ctx, classId)).map((s) => s.id);
    const written = heaviestStudentPath(students, loads, (l) => l.heaviestWrittenMinutes);
    if (!written) return null;
    const allForms = heaviestStudentPath(students, loads, (l) => l.heaviestAllFormsMinutes)!;
    privacyService.noteAccess(ctx, [{ studentId: written.studentId, resource: 'tier_choice', resourceId: `groups:${day}` }]);
    return { studentId: written.studentId, writtenMinutes: written.minutes, allFormsMinutes: allForms.minutes };
  }

  /**
   * The choices and load of a draft being composed: each item counts its approved version's
   * minutes by the same rule as a saved assignment (versionMinutes: calibrated wins). Items
   * that could not be saved in it (missing, unapproved, another subject) are NOT_FOUND.
   */
  private async draftLine(ctx: RequestContext, draft: LoadDraft, day: string): Promise<DraftLine> {
    const span = { day: draft.firstDay ?? day, dueDay: draft.dueDay ?? draft.firstDay ?? day, dayShares: draft.dayShares?.length ? draft.dayShares : null };
    if (spanProblem(span)) throw new InvalidInputError('draft.dueDay', AssignmentMessages.DRAFT_SPAN_INVALID, { day: span.day, dueDay: span.dueDay, maxDays: MAX_SPAN_DAYS });
    const ids = [...new Set(draft.options.flatMap((o) => o.items.map((i) => i.itemId)))];
    const items = await Promise.all(ids.map((id) => ctx.loaders.bankItemById.load(id)));
    const bad = ids.find((id, i) => !items[i] || items[i]!.subjectId !== draft.subjectId || items[i]!.approvedVersionNo === null);
    if (bad) throw new NotFoundError('BankItem', bad);
    const byId = new Map(items.map((i) => [i!.id, i!]));
    const keys = ids.map((id) => ({ itemId: id, versionNo: byId.get(id)!.approvedVersionNo! }));
    const [minutes, versions] = await Promise.all([
      versionMinutes(ctx.db, ctx.schoolId, keys),
      Promise.all(keys.map((k) => ctx.loaders.bankItemVersionByKey.load(versionKey(k.itemId, k.versionNo)))),
    ]);
    const formOf = new Map(versions.filter((v) => v).map((v) => [v!.itemId, v!.form]));
    const planned = draft.options.flatMap((o) => o.items.map((i) => ({
      optionKey: o.key, atHome: i.atHome, form: formOf.get(i.itemId)!,
      predictedMinutes: minutes.get(versionKey(i.itemId, byId.get(i.itemId)!.approvedVersionNo!))!.countedMinutes,
    })));
    // Homework over several days: what it puts on the previewed day.
    const choices = choicesOf(draft.shape, draft.options).map((c) => ({ ...c, ...choiceMinutesOn(choiceMinutes(c, planned), span, day) }));
    return { ...subjectLoadOfChoices(draft.subjectId, choices), choices, multiDay: isMultiDay(span) };
  }

  /**
   * A student's day: each published assignment of their class with its choices and the
   * student's own choice. For the student, their parents and the staff of their class.
   */
  async studentDay(ctx: RequestContext, studentId: string, day: string): Promise<StudentDayLine[]> {
    const student = await ctx.db.getRepository(User).findOneBy({ schoolId: ctx.schoolId, id: studentId });
    const v = ctx.viewer;
    const allowed = student?.classId && (student.id === v.userId || v.childIds.has(student.id) || staffReachesClass(v, student.classId));
    if (!student || !student.classId || !allowed) throw new NotFoundError('Student', studentId);
    // A day of an earlier school year: the class the student was in then.
    const classId = await classOfStudentOn(ctx, student, day);
    // Homework addressed to a group shows only on the days of its students (分层、个性化).
    // Homework over several days shows on each of its days with that day's share.
    const assignments = await addressedToStudent(ctx, studentId, await ctx.db.getRepository(Assignment).find({
      where: { schoolId: ctx.schoolId, classId: classId!, status: AssignmentStatus.PUBLISHED, ...overlapping(day, day) }, order: { subjectId: 'ASC', day: 'DESC' },
    }));
    const plans = plansOn(await loadPlans(ctx.db, ctx.schoolId, assignments), day);
    const assignmentIds = In(assignments.map((a) => a.id));
    const [choices, submissions, suggestions] = assignments.length
      ? await Promise.all([
        ctx.db.getRepository(StudentChoice).findBy({ schoolId: ctx.schoolId, studentId, assignmentId: assignmentIds }),
        ctx.db.getRepository(Submission).findBy({ schoolId: ctx.schoolId, studentId, assignmentId: assignmentIds }),
        tierSuggestionService.forStudent(ctx, studentId, assignments.map((a) => a.id)),
      ])
      : [[], [], new Map<string, string>()];
    const readIds = new Set([...choices.map((c) => c.assignmentId), ...suggestions.keys()]);
    privacyService.noteAccess(ctx, [...readIds].map((id) => ({ studentId, resource: 'tier_choice' as const, resourceId: id })));
    return plans.map((plan) => ({
      plan,
      choices: planChoices(plan),
      choice: choices.find((c) => c.assignmentId === plan.assignment.id)?.choice ?? null,
      suggestedChoice: suggestions.get(plan.assignment.id) ?? null,
      submission: submissions.find((x) => x.assignmentId === plan.assignment.id) ?? null,
    }));
  }

  /** A student chooses (or changes) their package or level; only for themself, never fixed by others. */
  async choose(ctx: RequestContext, assignmentId: string, choiceKey: string): Promise<StudentDayLine> {
    if (!ctx.hasRole(Role.STUDENT)) throw new ForbiddenError(AssignmentMessages.STUDENTS_CHOOSE);
    await privacyService.requireConsent(ctx, ctx.viewer.userId);
    return withTransaction(ctx, async (txCtx) => {
      const a = await txCtx.db.findOneBy(Assignment, { schoolId: ctx.schoolId, id: assignmentId });
      if (!a || a.classId !== ctx.viewer.classId || a.status !== AssignmentStatus.PUBLISHED || !await addressedTo(txCtx, a, [ctx.viewer.userId])) {
        throw new NotFoundError('Assignment', assignmentId);
      }
      const submitted = await txCtx.db.exists(Submission, { where: { schoolId: ctx.schoolId, assignmentId: a.id, studentId: ctx.viewer.userId } });
      if (submitted) throw new RuleViolation(SubmissionErrors.ALREADY_SUBMITTED, ['choice'], { change: 'choice' });
      const [plan] = await loadPlans(txCtx.db, ctx.schoolId, [a]);
      const choices = planChoices(plan);
      if (!choices.some((c) => c.key === choiceKey)) {
        throw new RuleViolation(AssignmentErrors.UNKNOWN_CHOICE, ['choice'], { choices: choices.map((c) => c.key).join('、') });
      }
      await txCtx.db.upsert(StudentChoice, { schoolId: ctx.schoolId, assignmentId: a.id, studentId: ctx.viewer.userId, choice: choiceKey, chosenAt: new Date() },
        ['schoolId', 'assignmentId', 'studentId']);
      const suggested = await tierSuggestionService.forStudent(txCtx, ctx.viewer.userId, [a.id]);
      return { plan, choices, choice: choiceKey, suggestedChoice: suggested.get(a.id) ?? null, submission: null };
    });
  }

  /**
   * 作业公示: a class's published homework for a week, per day and subject, with the day's
   * heaviest written total against its cap. No student data; readable by everyone in the school.
   * With `withBudgets`, each day carries what each subject may publish on it (its budget after
   * releases; null on a day without budgets); without, `budgets` is null.
   */
  async weeklyNotice(ctx: RequestContext, classId: string, weekStart: string, withBudgets = false) {
    if (isoWeekday(weekStart) !== 1) throw new InvalidInputError('weekStart', RequestErrors.WEEK_START_NOT_MONDAY);
    const cls = await ctx.db.getRepository(SchoolClass).findOneBy({ schoolId: ctx.schoolId, id: classId });
    if (!cls) throw new NotFoundError('Class', classId);
    const days = weekDays(weekStart);
    const assignments = await ctx.db.getRepository(Assignment).createQueryBuilder('a')
      .where(`a.school_id = :s AND a.class_id = :c AND a.status = :p AND ${OVERLAPPING_SQL}`,
        { s: ctx.schoolId, c: classId, p: AssignmentStatus.PUBLISHED, ...overlapParams(days[0], days[6]) })
      .orderBy('a.day').addOrderBy('a.subject_id').getMany();
    const plans = await loadPlans(ctx.db, ctx.schoolId, assignments);
    const caps = await loadService.capsOn(ctx, cls.grade, days);
    const budgets = withBudgets ? await subjectBudgetService.availableOn(ctx, classId, days.map((day) => ({ day, dayKind: caps.get(day)!.dayKind }))) : null;
    return {
      cls,
      weekStart,
      days: days.map((day) => {
        const subjects = lines(plansOn(plans, day));
        return {
          day, ...caps.get(day)!, subjects,
          heaviestTotalMinutes: subjects.reduce((s, l) => s + l.heaviestWrittenMinutes, 0),
          lightestTotalMinutes: subjects.reduce((s, l) => s + l.lightestWrittenMinutes, 0),
          allForms: allFormsFigures(subjects, caps.get(day)!.totalCapMinutes),
          budgets: budgets?.get(day) ?? null,
        };
      }),
    };
  }
}

export const classDayService = new ClassDayService();
