import { preparedQuery } from '../../core/prepared-query';
import { RequestContext } from '../../core/context';
import { addDays, isoWeekday } from '../../core/dates';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { SchoolClass } from '../class/class.entity';
import { CalendarDay, DayKind, LoadPolicy } from '../load/load.entity';
import { capsFrom, loadService } from '../load/load.service';
import { BudgetLine } from '../load/subject-budget.policy';
import { subjectBudgetService } from '../load/subject-budget.service';
import { privacyService } from '../privacy/privacy.service';
import { Mark, Submission } from '../submission/submission.entity';
import { entityOfJson, jsonOfRow } from '../../core/entity-json';
import { assignmentJsonSql, AssignmentJson, primeAssignment } from './assignment-read';
import { User } from '../user/user.entity';
import { staffReachesClass } from '../user/user.policy';
import { weekDays } from '../weekly-list/weekly-list.policy';
import { loadPlans, overlapParams, Plan, PlanChoice, planChoices, planLoad, plansOn, usedBySubject } from './assignment-plan';
import { choiceMinutesOn, covers, isMultiDay, MAX_SPAN_DAYS, Span, spanProblem } from './assignment-span.policy';
import { Assignment, AssignmentStatus, StudentChoice } from './assignment.entity';
import { assignmentService } from './assignment.service';
import { AssignmentShape, choiceMinutes, choicesOf, subjectLoadOfChoices } from './assignment.policy';
import { versionKey } from '../bank/bank.loaders';
import { versionMinutes } from '../bank/item-minutes';
import { AssignmentErrors, AssignmentMessages } from './assignment.errors';
import { SubmissionErrors } from '../submission/submission.errors';
import { RequestErrors } from '../../core/request-errors';
import { addressed, addressedTo, classStudents, membersOf } from './student-load';
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

/** A draft with its items as they count (ClassDayService.draftItems). */
interface DraftItems {
  draft: LoadDraft;
  planned: Parameters<typeof choiceMinutes>[1];
}

/** The span of a draft previewed on `day` (its first day: `day` unless given); refused when it is not a span of homework. */
function draftSpan(draft: LoadDraft, day: string): Span {
  const span = { day: draft.firstDay ?? day, dueDay: draft.dueDay ?? draft.firstDay ?? day, dayShares: draft.dayShares?.length ? draft.dayShares : null };
  if (spanProblem(span)) throw new InvalidInputError('draft.dueDay', AssignmentMessages.DRAFT_SPAN_INVALID, { day: span.day, dueDay: span.dueDay, maxDays: MAX_SPAN_DAYS });
  return span;
}

/** The choices and load a draft puts on `day` (homework over several days: that day's share). */
function draftOn({ draft, planned }: DraftItems, day: string): DraftLine {
  const span = draftSpan(draft, day);
  const choices = choicesOf(draft.shape, draft.options).map((c) => ({ ...c, ...choiceMinutesOn(choiceMinutes(c, planned), span, day) }));
  return { ...subjectLoadOfChoices(draft.subjectId, choices), choices, multiDay: isMultiDay(span) };
}

export class ClassDayService {
  /**
   * The load figures of a class's day before publishing: the cap, every published subject's
   * lightest and heaviest written at-home minutes, and (with `assignmentId`) the draft too; or
   * (with `draft`) an assignment being composed, not yet saved, counted as it would be saved.
   */
  async preview(ctx: RequestContext, classId: string, day: string, assignmentId?: string | null, draft?: LoadDraft | null): Promise<LoadPreview> {
    return (await this.previews(ctx, classId, [day], assignmentId, draft))[0];
  }

  /**
   * The same for several days of the class at once (the days of homework over several days
   * being composed), in the order given: what the previews read (the class, the caps, the
   * published homework, the draft's items, the budgets, the groups) is read once for all of them,
   * so the statements do not grow with the days.
   */
  async previews(ctx: RequestContext, classId: string, days: string[], assignmentId?: string | null, draft?: LoadDraft | null): Promise<LoadPreview[]> {
    if (days.length > MAX_SPAN_DAYS) throw new InvalidInputError('dates', AssignmentMessages.TOO_MANY_PREVIEW_DAYS, { count: days.length, max: MAX_SPAN_DAYS });
    const repeated = days.find((d, i) => days.indexOf(d) !== i);
    if (repeated) throw new InvalidInputError('dates', AssignmentMessages.PREVIEW_DAY_REPEATED, { day: repeated });
    const cls = await ctx.db.getRepository(SchoolClass).findOneBy({ schoolId: ctx.schoolId, id: classId });
    if (!cls || !staffReachesClass(ctx.viewer, classId)) throw new NotFoundError('Class', classId);
    if (days.length === 0) return [];
    const sorted = [...days].sort();
    const caps = await loadService.capsOn(ctx, cls.grade, days);
    const published = await assignmentService.publishedPlans(ctx, classId, sorted[0], sorted[sorted.length - 1], assignmentId ?? undefined);
    let saved: Plan | null = null;
    if (assignmentId) {
      const a = await assignmentService.get(ctx, assignmentId);
      if (a.classId !== classId || !days.every((day) => covers(a, day))) throw new InvalidInputError('assignmentId', AssignmentMessages.ANOTHER_CLASS_OR_DAY);
      saved = await assignmentService.plan(ctx, a);
    }
    const drafting = draft ? await this.draftItems(ctx, draft, days) : null;
    const ofDays = days.map((day) => {
      let plans = plansOn(published, day);
      if (saved) plans = plans.concat(plansOn([saved], day));
      const drafted = drafting && draftOn(drafting, day);
      // A day's draft stands in for its subject's published homework of the day; one over several days is added.
      if (drafted && !drafted.multiDay) plans = plans.filter((p) => p.assignment.subjectId !== drafted.subjectId || isMultiDay(p.assignment));
      const used = usedBySubject(plans);
      if (drafted) used.set(drafted.subjectId, (used.get(drafted.subjectId) ?? 0) + drafted.heaviestWrittenMinutes);
      return { day, plans, drafted, used, ...caps.get(day)! };
    });
    const budgets = await subjectBudgetService.linesOnDays(ctx, classId, ofDays);
    const heaviestStudents = await this.heaviestStudents(ctx, classId, ofDays, draft ? draft.groupId ?? null : undefined);
    return ofDays.map(({ day, plans, drafted, dayKind, capMinutes, totalCapMinutes }, n) => {
      const subjects = lines(plans);
      const heaviest = subjects.reduce((sum, l) => sum + l.heaviestWrittenMinutes, 0) + (drafted?.heaviestWrittenMinutes ?? 0);
      return {
        cls, day, dayKind, capMinutes, subjects, draft: drafted,
        lightestTotalMinutes: subjects.reduce((sum, l) => sum + l.lightestWrittenMinutes, 0) + (drafted?.lightestWrittenMinutes ?? 0),
        heaviestTotalMinutes: heaviest,
        remainingMinutes: Math.max(0, capMinutes - heaviest),
        excessMinutes: Math.max(0, heaviest - capMinutes),
        allForms: allFormsFigures(drafted ? [...subjects, drafted] : subjects, totalCapMinutes),
        subjectBudgets: budgets.get(day) ?? null,
        heaviestStudent: heaviestStudents[n],
      };
    });
  }

  /**
   * The heaviest student's day of each day when homework is addressed to groups: each student
   * counts the heaviest choice of what is addressed to them. Null on a day without groups (the
   * class figures are every student's). `draftGroupId`: the draft's group (null: the whole class;
   * undefined: no draft). Reads group membership, once for all the days: noted in the access log
   * for that student.
   */
  private async heaviestStudents(
    ctx: RequestContext, classId: string, ofDays: { day: string; plans: Plan[]; drafted: DraftLine | null }[], draftGroupId: string | null | undefined,
  ): Promise<LoadPreview['heaviestStudent'][]> {
    if (draftGroupId) {
      const group = await ctx.db.findOneBy(StudentGroup, { schoolId: ctx.schoolId, id: draftGroupId });
      if (!group || group.classId !== classId) throw new NotFoundError('StudentGroup', draftGroupId);
    }
    const groupIds = ofDays.flatMap((d) => d.plans.map((p) => p.assignment.groupId).filter((g): g is string => !!g));
    const members = await membersOf(ctx, draftGroupId ? [...groupIds, draftGroupId] : groupIds);
    let students: string[] | undefined;
    const found: LoadPreview['heaviestStudent'][] = [];
    for (const { day, plans, drafted } of ofDays) {
      const loads = addressed(plans, members);
      if (drafted) loads.push({ load: drafted, audience: draftGroupId ? members.get(draftGroupId)! : null });
      const paths = groupsInvolved(loads) ? (students ??= (await classStudents(ctx, classId)).map((s) => s.id)) : null;
      const written = paths && heaviestStudentPath(paths, loads, (l) => l.heaviestWrittenMinutes);
      if (!paths || !written) {
        found.push(null);
        continue;
      }
      const allForms = heaviestStudentPath(paths, loads, (l) => l.heaviestAllFormsMinutes)!;
      privacyService.noteAccess(ctx, [{ studentId: written.studentId, resource: 'tier_choice', resourceId: `groups:${day}` }]);
      found.push({ studentId: written.studentId, writtenMinutes: written.minutes, allFormsMinutes: allForms.minutes });
    }
    return found;
  }

  /**
   * What a draft being composed counts, read once for all the days previewed: each item counts
   * its approved version's minutes by the same rule as a saved assignment (versionMinutes:
   * calibrated wins). Its span is checked on every day first; items that could not be saved in
   * it (missing, unapproved, another subject) are NOT_FOUND.
   */
  private async draftItems(ctx: RequestContext, draft: LoadDraft, days: string[]): Promise<DraftItems> {
    for (const day of days) draftSpan(draft, day);
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
    return { draft, planned };
  }

  /**
   * A student's day: each published assignment of their class with its choices and the
   * student's own choice. For the student, their parents and the staff of their class.
   */
  async studentDay(ctx: RequestContext, studentId: string, day: string): Promise<StudentDayLine[]> {
    // One statement: the student; the class they were in that day (a day of an earlier school
    // year: the class they were in then); the day's published homework addressed to them (a
    // group's only to its members), with its fields' data, the student's choice, hand-in, marks
    // and the teacher's suggestion. Homework over several days shows on each of its days.
    const db = ctx.db;
    const [row]: { student: unknown[] | null; lines: [AssignmentJson, string | null, unknown[] | null, unknown[][], string | null][] }[] = await preparedQuery(db, 
      `WITH st AS (SELECT * FROM users WHERE school_id = $1 AND id = $2),
            cls AS (SELECT coalesce(
              (SELECT p.class_id FROM past_class_members p WHERE p.school_id = $1 AND p.student_id = $2 AND p.until_day > $3 ORDER BY p.until_day LIMIT 1),
              (SELECT class_id FROM st)) AS class_id)
       SELECT (SELECT ${jsonOfRow(db, User, 'st')} FROM st) AS student,
              coalesce((SELECT json_agg(json_build_array(${assignmentJsonSql(db)},
                  (SELECT c.choice FROM student_choices c WHERE c.school_id = a.school_id AND c.assignment_id = a.id AND c.student_id = $2),
                  (SELECT ${jsonOfRow(db, Submission, 'x')} FROM submissions x WHERE x.school_id = a.school_id AND x.assignment_id = a.id AND x.student_id = $2),
                  (SELECT coalesce(json_agg(${jsonOfRow(db, Mark, 'm')} ORDER BY m.marked_at), '[]'::json)
                     FROM submissions x JOIN marks m ON m.school_id = x.school_id AND m.submission_id = x.id
                    WHERE x.school_id = a.school_id AND x.assignment_id = a.id AND x.student_id = $2),
                  (SELECT ts.choice FROM tier_suggestions ts WHERE ts.school_id = a.school_id AND ts.assignment_id = a.id AND ts.student_id = $2)
                ) ORDER BY a.subject_id, a.day DESC, a.id)
                FROM assignments a
               WHERE a.school_id = $1 AND a.class_id = (SELECT class_id FROM cls) AND a.status = 'published'
                 AND a.day BETWEEN $4 AND $3 AND a.due_day >= $3
                 AND (a.group_id IS NULL OR EXISTS (SELECT 1 FROM student_group_members gm
                       WHERE gm.school_id = a.school_id AND gm.group_id = a.group_id AND gm.student_id = $2))), '[]'::json) AS lines`,
      [ctx.schoolId, studentId, day, addDays(day, 1 - MAX_SPAN_DAYS)],
    );
    const student = row.student && entityOfJson(db, User, row.student);
    const v = ctx.viewer;
    const allowed = student?.classId && (student.id === v.userId || v.childIds.has(student.id) || staffReachesClass(v, student.classId));
    if (!student || !student.classId || !allowed) throw new NotFoundError('Student', studentId);
    const lines = row.lines.map(([assignmentJson, choice, submissionJson, marksJson, suggested]) => {
      const [plan] = plansOn([primeAssignment(ctx, assignmentJson)], day);
      const submission = submissionJson && entityOfJson(db, Submission, submissionJson);
      if (submission) {
        ctx.loaders.submissionById.prime(submission.id, submission);
        ctx.loaders.marksBySubmissionId.prime(submission.id, marksJson.map((m) => entityOfJson(db, Mark, m)));
      }
      return { plan, choices: planChoices(plan), choice, suggestedChoice: suggested, submission };
    });
    const readIds = lines.filter((l) => l.choice !== null || l.suggestedChoice !== null).map((l) => l.plan.assignment.id);
    privacyService.noteAccess(ctx, readIds.map((id) => ({ studentId, resource: 'tier_choice' as const, resourceId: id })));
    return lines;
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
    const days = weekDays(weekStart);
    // One statement: the class, its grade's caps and the week's calendar, and the homework of the
    // week (with what its fields resolve to: subjects, plans).
    const db = ctx.db;
    const [row]: { cls: unknown[] | null; policies: unknown[][]; calendar: unknown[][]; assignments: AssignmentJson[] }[] = await preparedQuery(db, 
      `WITH c AS (SELECT * FROM classes WHERE school_id = $1 AND id = $2)
       SELECT (SELECT ${jsonOfRow(db, SchoolClass, 'c')} FROM c) AS cls,
              (SELECT coalesce(json_agg(${jsonOfRow(db, LoadPolicy, 'p')}), '[]'::json) FROM load_policies p
                WHERE p.school_id = $1 AND p.grade = (SELECT grade FROM c)) AS policies,
              (SELECT coalesce(json_agg(${jsonOfRow(db, CalendarDay, 'd')}), '[]'::json) FROM calendar_days d
                WHERE d.school_id = $1 AND d.day BETWEEN $3 AND $4) AS calendar,
              (SELECT coalesce(json_agg(${assignmentJsonSql(db)} ORDER BY a.day, a.subject_id, a.id), '[]'::json) FROM assignments a
                WHERE a.school_id = $1 AND a.class_id = $2 AND a.status = 'published' AND a.day BETWEEN $5 AND $4 AND a.due_day >= $3) AS assignments`,
      [ctx.schoolId, classId, days[0], days[6], overlapParams(days[0], days[6]).earliest],
    );
    if (!row.cls) throw new NotFoundError('Class', classId);
    const cls = entityOfJson(db, SchoolClass, row.cls);
    const plans = row.assignments.map((j) => primeAssignment(ctx, j));
    const caps = capsFrom(cls.grade, days, row.policies.map((p) => entityOfJson(db, LoadPolicy, p)), row.calendar.map((d) => entityOfJson(db, CalendarDay, d)));
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
