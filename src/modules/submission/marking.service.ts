import { preparedQuery } from '../../core/prepared-query';
import { In } from 'typeorm';
import { RequestContext } from '../../core/context';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../core/errors';
import { decodeCursor, Page, pageOf } from '../../core/pagination';
import { Role } from '../../core/roles';
import { Assignment, StudentChoice } from '../assignment/assignment.entity';
import { membersOf } from '../assignment/student-load';
import { privacyService } from '../privacy/privacy.service';
import { User } from '../user/user.entity';
import { staffReachesClass } from '../user/user.policy';
import { Mark, Submission, SubmissionStatus } from './submission.entity';
import { markingDueAt } from './submission.policy';
import { markLabel } from './grading.policy';
import { AssignmentShape, optionKeysOfChoice } from '../assignment/assignment.policy';
import { CalendarDayKind, DayKind } from '../load/load.entity';
import { dayKindOf } from '../load/load.policy';
import { entityOfJson, jsonOfRow } from '../../core/entity-json';
import { primeUser, UserWithFactsJson, userWithFactsSql } from '../user/user.loaders';
import { SubmissionMessages } from './submission.errors';
import { RequestErrors } from '../../core/request-errors';

export interface QueueEntry {
  submission: Submission;
  dueAt: Date;
  overdue: boolean;
}

export type StudentState = 'not_chosen' | 'chosen' | 'awaiting_mark' | 'marked' | 'correction_requested';

export interface AssignmentOverview {
  assignment: Assignment;
  studentCount: number;
  choiceCounts: { choice: string; count: number }[];
  stateStudents: { state: StudentState; students: User[] }[];
  submittedCount: number;
  markedCount: number;
  correctionCount: number;
  lateCount: number;
  /** Latest marks per label, e.g. A+ → 3; never per student. */
  markDistribution: { mark: string; count: number }[];
  completionRate: number;
  onTimeRate: number;
}

/** The marking queue's statement (see `queue`): JSON arrays of `jsonOfRow` and `userWithFactsSql`. */
interface QueueRead {
  /**
   * Each hand-in (its row, its assignment's shape, its last hand-in time, the option keys holding a
   * composition, and its id and choice again: the order is worked out before any row is hydrated).
   */
  queue: [unknown[], AssignmentShape, string, string[], string, string][] | null;
  assignments: unknown[][] | null;
  students: UserWithFactsJson[] | null;
  calendar: [string, CalendarDayKind][] | null;
}

/** `test` asked once a day: the queue's deadlines ask the same few days over and over. */
function memo(test: (day: string) => boolean): (day: string) => boolean {
  const known = new Map<string, boolean>();
  return (day) => {
    let answer = known.get(day);
    if (answer === undefined) known.set(day, (answer = test(day)));
    return answer;
  };
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class MarkingService {
  /**
   * The caller's marking queue: unmarked submissions (new work and corrections) of the classes
   * and subjects they teach — and of the classes they lead when the school lets head teachers
   * mark — optionally of one class, each with its marking deadline and whether it is overdue.
   * Ordered by deadline, so overdue work comes first and a composition (a week to mark) waits
   * behind plain work due today even when it was handed in earlier.
   */
  async queue(ctx: RequestContext, first: number, after?: string | null, now = new Date(), classId: string | null = null): Promise<Page<QueueEntry>> {
    if (!ctx.hasRole(Role.TEACHER, Role.HEAD_TEACHER)) throw new ForbiddenError(SubmissionMessages.MARKING_QUEUE_TEACHERS);
    let from: string | null = null;
    if (after) {
      const [dueAt, at, id] = decodeCursor(after, 3);
      if (typeof dueAt !== 'string' || !TIMESTAMP.test(dueAt) || typeof at !== 'string' || !TIMESTAMP.test(at) || typeof id !== 'string' || !UUID.test(id)) {
        throw new InvalidInputError('after', RequestErrors.BAD_CURSOR);
      }
      from = `${dueAt}|${at}|${id}`;
    }
    // The deadlines follow the school calendar, so the whole (small) queue is read, with the
    // calendar from its earliest hand-in on and the queue's assignments and students, in one
    // statement; what the page shows of them is put in the request's loaders.
    const db = ctx.db;
    const [read]: QueueRead[] = await preparedQuery(db, 
      // The caller's assignments first (by class and subject), then their unmarked hand-ins by the partial index.
      `WITH mine AS MATERIALIZED (
         SELECT a.id FROM teaching_assignments t
           JOIN assignments a ON a.school_id = t.school_id AND a.class_id = t.class_id AND a.subject_id = t.subject_id
          WHERE t.school_id = $1 AND t.teacher_id = $2 AND ($3::uuid IS NULL OR t.class_id = $3::uuid)
         UNION
         SELECT a.id FROM classes c
           JOIN assignments a ON a.school_id = c.school_id AND a.class_id = c.id
          WHERE (SELECT sc.head_teacher_may_mark FROM schools sc WHERE sc.school_id = $1)
            AND c.school_id = $1 AND c.head_teacher_id = $2 AND ($3::uuid IS NULL OR c.id = $3::uuid)),
       queue AS MATERIALIZED (
         SELECT s.*, a.shape FROM submissions s
           JOIN assignments a ON a.school_id = s.school_id AND a.id = s.assignment_id
          WHERE s.school_id = $1 AND s.status = 'awaiting_mark' AND s.assignment_id IN (SELECT id FROM mine)),
       since AS (SELECT (min(last_submitted_at) AT TIME ZONE 'UTC')::date - 1 AS day FROM queue)
       SELECT
         (SELECT json_agg(json_build_array(${jsonOfRow(db, Submission, 'q')}, q.shape,
                  to_char(q.last_submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                  ARRAY(SELECT DISTINCT ai.option_key FROM assignment_items ai
                          JOIN bank_item_versions v ON v.school_id = ai.school_id AND v.item_id = ai.item_id AND v.version_no = ai.version_no
                         WHERE ai.school_id = q.school_id AND ai.assignment_id = q.assignment_id AND v.composition),
                  q.id, q.choice)
                  ORDER BY q.last_submitted_at, q.id)
            FROM queue q) AS queue,
         (SELECT json_agg(${jsonOfRow(db, Assignment, 'a')}) FROM assignments a
           WHERE a.school_id = $1 AND a.id IN (SELECT assignment_id FROM queue)) AS assignments,
         (SELECT json_agg(${userWithFactsSql(db, '$1', 'st.student_id')}) FROM (SELECT DISTINCT student_id FROM queue) st) AS students,
         (SELECT json_agg(json_build_array(cd.day, cd.kind)) FROM calendar_days cd, since
           WHERE cd.school_id = $1 AND cd.day BETWEEN since.day AND since.day + 120) AS calendar`,
      [ctx.schoolId, ctx.viewer.userId, classId],
    );
    const calendar = (read.calendar ?? []).map(([day, kind]) => ({ day, kind }));
    const isSchoolDay = memo((day: string) => dayKindOf(day, calendar) === DayKind.SCHOOL_DAY);
    // Deadline, then hand-in time, then id: fixed-width strings, so they sort as text. The whole
    // queue is ordered; only the page's hand-ins become entities.
    const ordered = (read.queue ?? []).map(([values, shape, at, compositionKeys, id, choice]) => {
      // Only a composition in what the student actually did gives the teacher a week.
      const composition = optionKeysOfChoice(shape, choice).some((k) => compositionKeys.includes(k));
      const dueAt = markingDueAt(new Date(`${at.slice(0, 23)}Z`), composition, isSchoolDay);
      const due = dueAt.toISOString();
      return { values, dueAt, cursor: [due, at, id], key: `${due}|${at}|${id}` };
    }).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .filter((e) => from === null || e.key > from)
      .slice(0, first + 1)
      .map((e) => ({ ...e, submission: entityOfJson(db, Submission, e.values) }));
    const loaders = ctx.loaders;
    for (const values of read.assignments ?? []) {
      const assignment = entityOfJson(db, Assignment, values);
      loaders.assignmentById.prime(assignment.id, assignment);
    }
    for (const student of read.students ?? []) primeUser(ctx, student);
    const entries = ordered.map((e) => ({ submission: e.submission, dueAt: e.dueAt, overdue: now > e.dueAt, cursor: e.cursor }));
    privacyService.noteAccess(ctx, entries.slice(0, first).map((e) => ({ studentId: e.submission.studentId, resource: 'submission' as const, resourceId: e.submission.id })));
    return pageOf(entries, first, (e) => e.cursor, ({ submission, dueAt, overdue }) => ({ submission, dueAt, overdue }));
  }

  /**
   * The teacher's view of one assignment: how many chose each option, submitted, were marked,
   * need correction, with the students per state (in student-number order, never by mark).
   */
  async overview(ctx: RequestContext, assignmentId: string): Promise<AssignmentOverview> {
    const a = await ctx.db.getRepository(Assignment).findOneBy({ schoolId: ctx.schoolId, id: assignmentId });
    if (!a || !staffReachesClass(ctx.viewer, a.classId)) throw new NotFoundError('Assignment', assignmentId);
    const [classStudents, choices, submissions] = await Promise.all([
      ctx.loaders.studentsByClassId.load(a.classId),
      ctx.db.getRepository(StudentChoice).findBy({ schoolId: ctx.schoolId, assignmentId: a.id }),
      ctx.db.getRepository(Submission).findBy({ schoolId: ctx.schoolId, assignmentId: a.id }),
    ]);
    // Homework addressed to a group is the business of its students only.
    const addressed = a.groupId ? (await membersOf(ctx, [a.groupId])).get(a.groupId)! : null;
    const students = addressed ? classStudents.filter((s) => addressed.has(s.id)) : classStudents;
    const marks = submissions.length ? await ctx.db.getRepository(Mark).find({
      where: { schoolId: ctx.schoolId, submissionId: In(submissions.map((s) => s.id)) }, order: { markedAt: 'ASC' },
    }) : [];
    const latestMark = new Map(marks.map((m) => [m.submissionId, m]));
    const stateOf = (student: User): StudentState => {
      const s = submissions.find((x) => x.studentId === student.id);
      if (s) return s.status as StudentState;
      return choices.some((c) => c.studentId === student.id) ? 'chosen' : 'not_chosen';
    };
    const states: StudentState[] = ['not_chosen', 'chosen', 'awaiting_mark', 'marked', 'correction_requested'];
    const choiceKeys = [...new Set(choices.map((c) => c.choice))].sort();
    const distribution = new Map<string, number>();
    for (const s of submissions) {
      const m = latestMark.get(s.id);
      if (m) distribution.set(markLabel(m.level, m.quality), (distribution.get(markLabel(m.level, m.quality)) ?? 0) + 1);
    }
    const submitted = submissions.length;
    const late = submissions.filter((s) => s.late).length;
    // The states name every student of the class: who has not chosen, handed in, been marked.
    privacyService.noteAccess(ctx, students.map((st) => ({ studentId: st.id, resource: 'assignment_overview' as const, resourceId: a.id })));
    return {
      assignment: a,
      studentCount: students.length,
      choiceCounts: choiceKeys.map((choice) => ({ choice, count: choices.filter((c) => c.choice === choice).length })),
      stateStudents: states.map((state) => ({ state, students: students.filter((st) => stateOf(st) === state) })),
      submittedCount: submitted,
      markedCount: submissions.filter((s) => s.status === SubmissionStatus.MARKED).length,
      correctionCount: submissions.filter((s) => s.status === SubmissionStatus.CORRECTION_REQUESTED).length,
      lateCount: late,
      markDistribution: [...distribution.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([mark, count]) => ({ mark, count })),
      completionRate: students.length ? submitted / students.length : 0,
      onTimeRate: submitted ? (submitted - late) / submitted : 0,
    };
  }
}

export const markingService = new MarkingService();
