import { In } from 'typeorm';
import { RequestContext } from '../../core/context';
import { addDays } from '../../core/dates';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../core/errors';
import { decodeCursor, Page, pageOf } from '../../core/pagination';
import { Role } from '../../core/roles';
import { Assignment, StudentChoice } from '../assignment/assignment.entity';
import { membersOf } from '../assignment/student-load';
import { privacyService } from '../privacy/privacy.service';
import { School } from '../school/school.entity';
import { User } from '../user/user.entity';
import { staffReachesClass } from '../user/user.policy';
import { Mark, Submission, SubmissionStatus } from './submission.entity';
import { markingDueAt } from './submission.policy';
import { markLabel } from './grading.policy';
import { AssignmentShape, optionKeysOfChoice } from '../assignment/assignment.policy';
import { loadService } from '../load/load.service';
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
    const school = await ctx.db.getRepository(School).findOneByOrFail({ id: ctx.schoolId });
    // The deadlines follow the school calendar, so the whole (small) queue is read in one
    // statement of light columns; the page's submissions are loaded afterwards.
    const rows: { id: string; shape: AssignmentShape; choice: string; composition_keys: string[]; at: string }[] = await ctx.db.query(
      // The caller's assignments first (by class and subject), then their unmarked hand-ins by the partial index.
      `WITH mine AS MATERIALIZED (
         SELECT a.id FROM teaching_assignments t
           JOIN assignments a ON a.school_id = t.school_id AND a.class_id = t.class_id AND a.subject_id = t.subject_id
          WHERE t.school_id = $1 AND t.teacher_id = $2 AND ($4::uuid IS NULL OR t.class_id = $4::uuid)
         UNION
         SELECT a.id FROM classes c
           JOIN assignments a ON a.school_id = c.school_id AND a.class_id = c.id
          WHERE $3 AND c.school_id = $1 AND c.head_teacher_id = $2 AND ($4::uuid IS NULL OR c.id = $4::uuid))
       SELECT s.id, a.shape, s.choice, to_char(s.last_submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
              ARRAY(SELECT DISTINCT ai.option_key FROM assignment_items ai
                        JOIN bank_item_versions v ON v.school_id = ai.school_id AND v.item_id = ai.item_id AND v.version_no = ai.version_no
                       WHERE ai.school_id = a.school_id AND ai.assignment_id = a.id AND v.composition)::text[] AS composition_keys
         FROM submissions s
         JOIN assignments a ON a.school_id = s.school_id AND a.id = s.assignment_id
        WHERE s.school_id = $1 AND s.status = 'awaiting_mark' AND s.assignment_id IN (SELECT id FROM mine)
        ORDER BY s.last_submitted_at, s.id`,
      [ctx.schoolId, ctx.viewer.userId, school.headTeacherMayMark, classId],
    );
    const earliest = rows.length ? rows[0].at.slice(0, 10) : '2000-01-01';
    const isSchoolDay = await loadService.schoolDayTest(ctx, addDays(earliest, -1), 120);
    // Deadline, then hand-in time, then id: fixed-width strings, so they sort as text.
    const ordered = rows.map((r) => {
      // Only a composition in what the student actually did gives the teacher a week.
      const composition = optionKeysOfChoice(r.shape, r.choice).some((k) => r.composition_keys.includes(k));
      const dueAt = markingDueAt(new Date(`${r.at.slice(0, 23)}Z`), composition, isSchoolDay);
      return { id: r.id, dueAt, cursor: [dueAt.toISOString(), r.at, r.id], key: `${dueAt.toISOString()}|${r.at}|${r.id}` };
    }).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .filter((e) => from === null || e.key > from)
      .slice(0, first + 1);
    const submissions = ordered.length ? await ctx.db.getRepository(Submission).findBy({ schoolId: ctx.schoolId, id: In(ordered.map((e) => e.id)) }) : [];
    const entries = ordered.map((e) => ({ submission: submissions.find((s) => s.id === e.id)!, dueAt: e.dueAt, overdue: now > e.dueAt, cursor: e.cursor }));
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
