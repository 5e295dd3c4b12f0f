import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { RequestContext, TxContext } from '../../core/context';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { checkRevision } from '../../core/revision';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { addressedToStudent, membersOf } from '../assignment/student-load';
import { loadPlans, overlapping, Plan, planChoices, plansOn } from '../assignment/assignment-plan';
import { covers, isMultiDay } from '../assignment/assignment-span.policy';
import { Assignment, AssignmentStatus, StudentChoice } from '../assignment/assignment.entity';
import { SchoolClass } from '../class/class.entity';
import { DayCap, loadService } from '../load/load.service';
import { School } from '../school/school.entity';
import { SubmissionVersion, Submission } from '../submission/submission.entity';
import { User } from '../user/user.entity';
import { staffReachesClass } from '../user/user.policy';
import { privacyService } from '../privacy/privacy.service';
import { RecordSheet, RecordSheetEntry, RecordSheetMessage } from './record-sheet.entity';
import { queueCalibrations } from '../calibration/calibration-queue';
import {
  actualWrittenMinutes, bedtimeTarget, lineOverran, MESSAGES_PER_DAY, messageFits, SheetFlag, sheetFlags, SheetMessageFilter, shownMessage, wakeUpTimeFor,
} from './record-sheet.policy';
import { RecordSheetErrors, RecordSheetMessages } from './record-sheet.errors';
import { RequestErrors } from '../../core/request-errors';
import { classOfStudentOn } from '../school-year/class-history';
import { idempotent } from '../../core/idempotency';

export interface SheetLine {
  plan: Plan;
  choice: string | null;
  content: string[];
  predictedMinutes: number | null;
  writtenShare: number;
  actualMinutes: number | null;
  /** Taken from the submission because the student gave none on the sheet. */
  prefilled: boolean;
  overran: boolean;
}

/** Of a student's sheet, what the view of it is built from (a report reads no more than this). */
export type SheetRow = Pick<RecordSheet, 'id' | 'studentId' | 'day' | 'bedtime' | 'filledAt' | 'readAt'>;

export interface SheetView<S extends SheetRow = RecordSheet> {
  student: User;
  day: string;
  sheet: S | null;
  lines: SheetLine[];
  capMinutes: number;
  actualWrittenMinutes: number;
  bedtimeTarget: string;
  flags: SheetFlag[];
  locked: boolean;
  /** The parents' messages of the day with their answers, oldest first. */
  messages: RecordSheetMessage[];
}

/** A message and the sheet of its day after a change. */
export interface MessageView {
  message: RecordSheetMessage;
  sheet: SheetView;
}

export interface SheetFillInput {
  day: string;
  expectedRevision?: number | null;
  entries: { assignmentId: string; actualMinutes: number }[];
  selfStudyContent?: string | null;
  selfStudyMinutes?: number | null;
  exerciseMinutes?: number | null;
  readingMinutes?: number | null;
  bedtime?: string | null;
}

/** What a caller of viewsOfDays has already loaded: the class, its published plans of the days (or more), the days' caps. */
export interface KnownOfDays {
  cls?: SchoolClass;
  plans?: Plan[];
  caps?: Map<string, DayCap>;
  /** The caller reads figures only (a report): the parents' messages are not loaded and read as none. */
  withoutMessages?: boolean;
}

/** Everything the sheets of some students on some days are built from (`sheetsOf`). */
export interface SheetFacts<S extends SheetRow = RecordSheet> {
  cls: SchoolClass;
  school: School;
  /** The class's published plans covering the days (whole: counted per day by `plansOn`). */
  plans: Plan[];
  caps: Map<string, DayCap>;
  sheets: S[];
  messages: RecordSheetMessage[];
  // Of the rows below, only the columns the sheets are built from: a report reads no more.
  choices: Pick<StudentChoice, 'studentId' | 'assignmentId' | 'choice'>[];
  /** The hand-ins, each with its first version's minutes. */
  submissions: (Pick<Submission, 'studentId' | 'assignmentId' | 'choice'> & { firstActualMinutes: number | null })[];
  /** The members of the groups the plans are addressed to. */
  groupMembers: Map<string, Set<string>>;
  entries: Pick<RecordSheetEntry, 'sheetId' | 'assignmentId' | 'actualMinutes'>[];
}

/** Rows by two of their ids: the lookup of a pair (the last row of a pair wins). */
function byPair<T>(rows: T[], outer: (row: T) => string, inner: (row: T) => string): (a: string, b: string) => T | undefined {
  const map = new Map<string, Map<string, T>>();
  for (const row of rows) {
    const key = outer(row);
    (map.get(key) ?? map.set(key, new Map()).get(key)!).set(inner(row), row);
  }
  return (a, b) => map.get(a)?.get(b);
}

/**
 * The sheets of students (all of one class) on days, by day, from their facts: the lines of the
 * homework addressed to each student on each day (homework over several days: its share of the
 * day), the figures and the flags. Pure: the facts are read by the caller.
 */
export function sheetsOf<S extends SheetRow>(facts: SheetFacts<S>, students: User[], days: string[]): Map<string, SheetView<S>[]> {
  const { cls, school, plans, caps, sheets, messages, choices, submissions, groupMembers, entries } = facts;
  const reaches = (a: Assignment, studentId: string) => !a.groupId || !!groupMembers.get(a.groupId)?.has(studentId);
  const wakeUp = wakeUpTimeFor(school, cls.grade);
  // Looked up by two ids each, in maps of maps: a key made by joining two ids is a new string to
  // hash on every lookup, and a class's week looks up thousands.
  const submissionOf = byPair(submissions, (x) => x.studentId, (x) => x.assignmentId);
  const choiceOf = byPair(choices, (x) => x.studentId, (x) => x.assignmentId);
  const entryOf = byPair(entries, (e) => e.sheetId, (e) => e.assignmentId);
  const sheetOf = byPair(sheets, (x) => x.studentId, (x) => x.day);
  const messagesOf = new Map<string, Map<string, RecordSheetMessage[]>>();
  for (const m of messages) {
    const ofStudent = messagesOf.get(m.studentId) ?? messagesOf.set(m.studentId, new Map()).get(m.studentId)!;
    (ofStudent.get(m.day) ?? ofStudent.set(m.day, []).get(m.day)!).push(m);
  }
  return new Map(days.map((day) => {
    const { capMinutes } = caps.get(day)!;
    const plansOfDay = plansOn(plans, day);
    const choicesOfPlan = new Map(plansOfDay.map((p) => [p, planChoices(p)]));
    return [day, students.map((student): SheetView<S> => {
      const sheet = sheetOf(student.id, day) ?? null;
      const lines = plansOfDay.filter((plan) => reaches(plan.assignment, student.id)).map((plan): SheetLine => {
        const a = plan.assignment;
        const submission = submissionOf(student.id, a.id);
        const choiceKey = submission?.choice ?? choiceOf(student.id, a.id)?.choice ?? null;
        const choice = choiceKey ? choicesOfPlan.get(plan)!.find((c) => c.key === choiceKey) ?? null : null;
        const own = sheet ? entryOf(sheet.id, a.id) : undefined;
        // A hand-in's minutes are the whole homework's: a day of homework over several days has only its own entry.
        const fromSubmission = submission && !isMultiDay(a) ? submission.firstActualMinutes : undefined;
        const actualMinutes = own?.actualMinutes ?? fromSubmission ?? null;
        const predictedMinutes = choice ? choice.totalMinutes : null;
        return {
          plan, choice: choiceKey,
          content: plan.items.filter((i) => !choice || choice.optionKeys.includes(i.optionKey)).map((i) => i.title),
          predictedMinutes, writtenShare: choice && choice.totalMinutes ? choice.writtenHomeMinutes / choice.totalMinutes : 0,
          actualMinutes, prefilled: own === undefined && actualMinutes !== null,
          overran: lineOverran({ actualMinutes, predictedMinutes }, school.overrunRatio),
        };
      });
      const bedtime = sheet?.bedtime ?? null;
      return {
        student, day, sheet, lines, capMinutes, actualWrittenMinutes: actualWrittenMinutes(lines), bedtimeTarget: bedtimeTarget(wakeUp, cls.grade),
        flags: sheetFlags({ lines, capMinutes, bedtime, wakeUp, grade: cls.grade, overrunRatio: school.overrunRatio }),
        locked: !!sheet?.readAt, messages: messagesOf.get(student.id)?.get(day) ?? [],
      };
    })];
  }));
}

export class RecordSheetService {
  /** The sheet of a student for a day, filled in from the day's assignments (the student, their parents, staff of the class). */
  async view(ctx: RequestContext, studentId: string, day: string): Promise<SheetView> {
    const student = await this.visibleStudent(ctx, studentId);
    // A day of an earlier school year reads with the class the student was in then (its assignments, its grade).
    const classId = await classOfStudentOn(ctx, student, day);
    const cls = classId && classId !== student.classId ? (await ctx.loaders.classById.load(classId)) ?? undefined : undefined;
    const [view] = await this.views(ctx, [student], day, cls);
    this.noteAccess(ctx, [view]);
    return view;
  }

  /**
   * Builds the sheets of several students of one class on one day with a fixed number of
   * statements; `cls` when it is not the students' current class (a class of an earlier year).
   */
  async views(ctx: RequestContext, students: User[], day: string, cls?: SchoolClass): Promise<SheetView[]> {
    return (await this.viewsOfDays(ctx, students, [day], cls ? { cls } : {})).get(day) ?? [];
  }

  /**
   * The sheets of a class's students (all of one class) on several days, by day: the same
   * statements for one day as for a month, for two students as for forty.
   */
  async viewsOfDays(ctx: RequestContext, students: User[], days: string[], known: KnownOfDays = {}): Promise<Map<string, SheetView[]>> {
    if (students.length === 0 || days.length === 0) return new Map(days.map((d) => [d, []]));
    const db = ctx.db;
    const classId = known.cls?.id ?? students[0].classId!;
    const cls = known.cls ?? await db.findOneByOrFail(SchoolClass, { schoolId: ctx.schoolId, id: classId });
    const school = await db.findOneByOrFail(School, { id: ctx.schoolId });
    const ids = students.map((s) => s.id);
    // Homework over several days is on the sheet of each of its days, with that day's share.
    const sorted = [...days].sort();
    const coversAny = (a: Assignment) => sorted.some((d) => covers(a, d));
    const plans = known.plans
      ? known.plans.filter((p) => coversAny(p.assignment))
      : await loadPlans(db, ctx.schoolId, (await db.findBy(Assignment, {
        schoolId: ctx.schoolId, classId, status: AssignmentStatus.PUBLISHED, ...overlapping(sorted[0], sorted[sorted.length - 1]),
      })).filter(coversAny));
    const assignments = plans.map((p) => p.assignment);
    const aIds = assignments.map((a) => a.id);
    const [sheets, messages, choices, submissions, groupMembers] = await Promise.all([
      db.findBy(RecordSheet, { schoolId: ctx.schoolId, studentId: In(ids), day: In(days) }),
      known.withoutMessages ? []
        : db.find(RecordSheetMessage, { where: { schoolId: ctx.schoolId, studentId: In(ids), day: In(days) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      aIds.length ? db.findBy(StudentChoice, { schoolId: ctx.schoolId, studentId: In(ids), assignmentId: In(aIds) }) : [],
      aIds.length ? db.findBy(Submission, { schoolId: ctx.schoolId, studentId: In(ids), assignmentId: In(aIds) }) : [],
      // Homework addressed to a group is on its members' sheets only (no statement without groups).
      membersOf(ctx, assignments.map((a) => a.groupId).filter((g): g is string => !!g)),
    ]);
    const [entries, firstVersions] = await Promise.all([
      sheets.length ? db.findBy(RecordSheetEntry, { schoolId: ctx.schoolId, sheetId: In(sheets.map((s) => s.id)) }) : [],
      // Only the minutes of the first hand-in: not its answer and attachments.
      submissions.length
        ? db.find(SubmissionVersion, {
          select: { submissionId: true, actualMinutes: true },
          where: { schoolId: ctx.schoolId, submissionId: In(submissions.map((s) => s.id)), versionNo: 1 },
        })
        : [],
    ]);
    const caps = known.caps ?? await loadService.capsOn(ctx, cls.grade, days);
    const firstMinutesOf = new Map(firstVersions.map((v) => [v.submissionId, v.actualMinutes]));
    const handIns = submissions.map((s) => ({ ...s, firstActualMinutes: firstMinutesOf.get(s.id) ?? null }));
    return sheetsOf({ cls, school, plans, caps, sheets, messages, choices, submissions: handIns, groupMembers, entries }, students, days);
  }

  /** The student fills in their own sheet until the head teacher has read it. */
  async fill(ctx: RequestContext, input: SheetFillInput): Promise<SheetView> {
    if (!ctx.hasRole(Role.STUDENT) || !ctx.viewer.classId) throw new ForbiddenError(RecordSheetMessages.OWN_SHEET_ONLY);
    await privacyService.requireConsent(ctx, ctx.viewer.userId);
    const classId = ctx.viewer.classId;
    await withTransaction(ctx, async (txCtx) => {
      const sheet = await this.lockedSheet(txCtx, ctx.viewer.userId, classId, input.day);
      if (sheet.readAt) {
        throw new RuleViolation(RecordSheetErrors.SHEET_LOCKED);
      }
      if (sheet.revision > 1 || sheet.filledAt) {
        if (input.expectedRevision == null) throw new InvalidInputError('expectedRevision', RequestErrors.EXPECTED_REVISION_REQUIRED, { what: 'sheet' });
        checkRevision('The record sheet', sheet.revision, input.expectedRevision);
      }
      const aIds = input.entries.map((e) => e.assignmentId);
      const ofDay = aIds.length
        ? await addressedToStudent(txCtx, ctx.viewer.userId,
          await txCtx.db.findBy(Assignment, { schoolId: ctx.schoolId, id: In(aIds), classId, status: AssignmentStatus.PUBLISHED, ...overlapping(input.day, input.day) }))
        : [];
      const unknown = aIds.find((id) => !ofDay.some((a) => a.id === id));
      if (unknown) throw new InvalidInputError('entries', RecordSheetMessages.NOT_HOMEWORK_OF_THE_DAY);
      for (const e of input.entries) {
        await txCtx.db.upsert(RecordSheetEntry, { schoolId: ctx.schoolId, sheetId: sheet.id, assignmentId: e.assignmentId, actualMinutes: e.actualMinutes },
          ['schoolId', 'sheetId', 'assignmentId']);
      }
      await txCtx.db.update(RecordSheet, { schoolId: ctx.schoolId, id: sheet.id }, {
        selfStudyContent: input.selfStudyContent ?? sheet.selfStudyContent, selfStudyMinutes: input.selfStudyMinutes ?? sheet.selfStudyMinutes,
        exerciseMinutes: input.exerciseMinutes ?? sheet.exerciseMinutes, readingMinutes: input.readingMinutes ?? sheet.readingMinutes,
        bedtime: input.bedtime ?? sheet.bedtime, filledAt: new Date(), revision: sheet.revision + 1,
      });
      await queueCalibrations(txCtx, aIds);
    });
    return this.view(ctx, ctx.viewer.userId, input.day);
  }

  /**
   * A parent adds a message to their own child's day (one of several; the day's thread keeps
   * them all, each answered on its own). Needs the guardian's consent; refused past
   * MESSAGES_PER_DAY a day. A retry with the same client key returns the first message.
   */
  async addMessage(ctx: RequestContext, studentId: string, day: string, body: string, clientKey?: string | null): Promise<MessageView> {
    if (!ctx.viewer.childIds.has(studentId)) throw new ForbiddenError(RecordSheetMessages.PARENT_MESSAGE_ONLY);
    const student = await this.visibleStudent(ctx, studentId);
    await privacyService.requireConsent(ctx, student.id);
    const request = { operation: 'recordSheetMessageAdd', clientKey, input: { studentId, day, body } };
    const message = await withTransaction(ctx, (txCtx) => idempotent(txCtx, request,
      (id) => txCtx.db.findOneByOrFail(RecordSheetMessage, { schoolId: txCtx.schoolId, id }),
      async () => {
        // The sheet's row lock orders the parents of one child: the count below cannot go stale.
        await this.lockedSheet(txCtx, student.id, student.classId!, day);
        const messages = await txCtx.db.countBy(RecordSheetMessage, { schoolId: txCtx.schoolId, studentId: student.id, day });
        if (!messageFits(messages)) {
          throw new RuleViolation(RecordSheetErrors.MESSAGES_PER_DAY_EXCEEDED, ['body'], { day, messages, maxMessages: MESSAGES_PER_DAY });
        }
        const row = txCtx.db.create(RecordSheetMessage, {
          schoolId: txCtx.schoolId, id: randomUUID(), studentId: student.id, day, authorId: txCtx.viewer.userId, body: body.trim(),
          createdAt: new Date(), reply: null, repliedBy: null, repliedAt: null,
        });
        await txCtx.db.insert(RecordSheetMessage, row);
        return row;
      }));
    return { message, sheet: await this.view(ctx, studentId, day) };
  }

  /**
   * The head teacher of the student's class answers one parent's message. Answering an answered
   * message again replaces its answer (a correction), keeping who answered and when up to date.
   */
  async answerMessage(ctx: RequestContext, messageId: string, reply: string): Promise<MessageView> {
    const found = await ctx.db.findOneBy(RecordSheetMessage, { schoolId: ctx.schoolId, id: messageId });
    if (!found) throw new NotFoundError('RecordSheetMessage', messageId);
    const student = await this.visibleStudent(ctx, found.studentId).catch(() => {
      throw new NotFoundError('RecordSheetMessage', messageId);
    });
    if (!ctx.viewer.headClassIds.has(student.classId!)) throw new ForbiddenError(RecordSheetMessages.HEAD_TEACHER_ANSWERS);
    // An answer is new personal data of the student's day, kept only with consent.
    await privacyService.requireConsent(ctx, student.id);
    const message = await withTransaction(ctx, async (txCtx) => {
      const row = await txCtx.db.findOne(RecordSheetMessage, { where: { schoolId: txCtx.schoolId, id: messageId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('RecordSheetMessage', messageId);
      await txCtx.db.update(RecordSheetMessage, { schoolId: txCtx.schoolId, id: row.id }, { reply: reply.trim(), repliedBy: txCtx.viewer.userId, repliedAt: new Date() });
      return txCtx.db.findOneByOrFail(RecordSheetMessage, { schoolId: txCtx.schoolId, id: row.id });
    });
    return { message, sheet: await this.view(ctx, student.id, message.day) };
  }

  /**
   * A parent records their child's bedtime (seeds 002, 004: the parents watch over sleep). The
   * same rules as the student's own entries: the guardian's consent, and locked once the head
   * teacher has read the sheet. It is not the student's filling-in, so `filled` stays as it was.
   */
  async parentBedtime(ctx: RequestContext, studentId: string, day: string, bedtime: string): Promise<SheetView> {
    if (!ctx.viewer.childIds.has(studentId)) throw new ForbiddenError(RecordSheetMessages.PARENT_BEDTIME_ONLY);
    const student = await this.visibleStudent(ctx, studentId);
    await privacyService.requireConsent(ctx, student.id);
    await withTransaction(ctx, async (txCtx) => {
      const sheet = await this.lockedSheet(txCtx, student.id, student.classId!, day);
      if (sheet.readAt) {
        throw new RuleViolation(RecordSheetErrors.SHEET_LOCKED, [], { change: 'bedtime' });
      }
      await txCtx.db.update(RecordSheet, { schoolId: ctx.schoolId, id: sheet.id }, { bedtime, revision: sheet.revision + 1 });
    });
    return this.view(ctx, studentId, day);
  }

  /**
   * The head teacher reads the sheet (locking the student's entries) and may reply; or reopens
   * it. Needs the guardian's consent. A reply answers the day's message the one-message view
   * shows (the latest unanswered, else the latest, see shownMessage); on a day without a
   * parent's message it is kept as the head teacher's note on the sheet.
   */
  async read(ctx: RequestContext, studentId: string, day: string, reply: string | null, reopen: boolean): Promise<SheetView> {
    const student = await this.visibleStudent(ctx, studentId);
    if (!ctx.viewer.headClassIds.has(student.classId!)) throw new ForbiddenError(RecordSheetMessages.HEAD_TEACHER_READS);
    // Reading, replying and reopening each write the student's sheet, creating it if missing.
    await privacyService.requireConsent(ctx, student.id);
    await withTransaction(ctx, async (txCtx) => {
      const sheet = await this.lockedSheet(txCtx, student.id, student.classId!, day);
      const answered = reply && !reopen
        ? shownMessage(await txCtx.db.find(RecordSheetMessage, {
          where: { schoolId: ctx.schoolId, studentId: student.id, day }, order: { createdAt: 'ASC', id: 'ASC' },
        }))
        : null;
      if (answered) {
        await txCtx.db.update(RecordSheetMessage, { schoolId: ctx.schoolId, id: answered.id }, { reply: reply!.trim(), repliedBy: ctx.viewer.userId, repliedAt: new Date() });
      }
      await txCtx.db.update(RecordSheet, { schoolId: ctx.schoolId, id: sheet.id }, reopen
        ? { readAt: null, readBy: null, revision: sheet.revision + 1 }
        : {
          readAt: new Date(), readBy: ctx.viewer.userId, revision: sheet.revision + 1,
          ...(reply && !answered ? { readNote: reply.trim(), readNoteAt: new Date() } : {}),
        });
    });
    return this.view(ctx, studentId, day);
  }

  /**
   * The head teacher's day: sheets not filled, sheets flagged, parent messages awaiting a reply;
   * `messages` keeps only the sheets with a message (ANY) or with one not answered (UNANSWERED).
   */
  async headTeacherDay(ctx: RequestContext, classId: string, day: string, messages: SheetMessageFilter | null = null): Promise<SheetView[]> {
    if (!ctx.viewer.headClassIds.has(classId) && !ctx.hasRole(Role.ACADEMIC_OFFICE)) {
      throw new ForbiddenError(RecordSheetMessages.CLASS_SHEETS_HEAD_OR_OFFICE);
    }
    // An archived class lists who was in it then; they may be in next year's class now.
    const [cls, students] = await Promise.all([ctx.loaders.classById.load(classId), ctx.loaders.studentsByClassId.load(classId)]);
    const views = (await this.views(ctx, students, day, cls ?? undefined)).filter((v) => messages === null
      || (messages === SheetMessageFilter.ANY ? v.messages.length > 0 : v.messages.some((m) => m.reply === null)));
    this.noteAccess(ctx, views);
    return views;
  }

  private noteAccess(ctx: RequestContext, views: SheetView[]): void {
    // A sheet is named by its day: the student is on the row already, and a sheet not yet filled has no id.
    privacyService.noteAccess(ctx, views.map((v) => ({ studentId: v.student.id, resource: 'record_sheet' as const, resourceId: v.day })));
  }

  /** Refuses (NOT_FOUND) a student the caller may not see. */
  async checkStudentVisible(ctx: RequestContext, studentId: string): Promise<void> {
    await this.visibleStudent(ctx, studentId);
  }

  private async visibleStudent(ctx: RequestContext, studentId: string): Promise<User> {
    const student = await ctx.loaders.userById.load(studentId);
    const v = ctx.viewer;
    if (!student?.classId || !(student.id === v.userId || v.childIds.has(student.id) || staffReachesClass(v, student.classId))) {
      throw new NotFoundError('Student', studentId);
    }
    return student;
  }

  /** The sheet row (created empty if missing), locked for this transaction. */
  private async lockedSheet(ctx: TxContext, studentId: string, classId: string, day: string): Promise<RecordSheet> {
    await ctx.db.query(
      `INSERT INTO record_sheets (school_id, id, student_id, class_id, day) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (school_id, student_id, day) DO NOTHING`,
      [ctx.schoolId, randomUUID(), studentId, classId, day],
    );
    return ctx.db.findOneOrFail(RecordSheet, { where: { schoolId: ctx.schoolId, studentId, day }, lock: { mode: 'pessimistic_write' } });
  }
}

export const recordSheetService = new RecordSheetService();
