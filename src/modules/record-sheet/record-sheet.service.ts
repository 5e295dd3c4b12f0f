import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { RequestContext } from '../../core/context';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { checkRevision } from '../../core/revision';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { loadPlans, Plan, planChoices } from '../assignment/assignment-plan';
import { Assignment, AssignmentStatus, StudentChoice } from '../assignment/assignment.entity';
import { SchoolClass } from '../class/class.entity';
import { DayCap, loadService } from '../load/load.service';
import { School } from '../school/school.entity';
import { SubmissionVersion, Submission } from '../submission/submission.entity';
import { User } from '../user/user.entity';
import { staffReachesClass } from '../user/user.policy';
import { privacyService } from '../privacy/privacy.service';
import { queueCalibrations } from './calibration-queue';
import { RecordSheet, RecordSheetEntry } from './record-sheet.entity';
import { bedtimeTarget, isLateBedtime, overran, wakeUpTimeFor } from './record-sheet.policy';
import { RecordSheetErrors, RecordSheetMessages } from './record-sheet.errors';
import { RequestErrors } from '../../core/request-errors';
import { classOfStudentOn } from '../school-year/class-history';

export type SheetFlag = 'WRITTEN_OVER_CAP' | 'LATE_BEDTIME' | 'SUBJECT_OVERRAN';

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

export interface SheetView {
  student: User;
  day: string;
  sheet: RecordSheet | null;
  lines: SheetLine[];
  capMinutes: number;
  actualWrittenMinutes: number;
  bedtimeTarget: string;
  flags: SheetFlag[];
  locked: boolean;
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
}

export class RecordSheetService {
  /** The sheet of a student for a day, filled in from the day's assignments (the student, their parents, staff of the class). */
  async view(ctx: RequestContext, studentId: string, day: string): Promise<SheetView> {
    const student = await this.visibleStudent(ctx, studentId);
    // A day of an earlier school year reads with the class the student was in then (its assignments, its grade).
    const classId = await classOfStudentOn(ctx.db, ctx.schoolId, student, day);
    const cls = classId && classId !== student.classId ? (await ctx.loaders.classById.load(classId)) ?? undefined : undefined;
    const [view] = await this.views(ctx, ctx.db, [student], day, cls);
    this.noteAccess(ctx, [view]);
    return view;
  }

  /**
   * Builds the sheets of several students of one class on one day with a fixed number of
   * statements; `cls` when it is not the students' current class (a class of an earlier year).
   */
  async views(ctx: RequestContext, manager: EntityManager, students: User[], day: string, cls?: SchoolClass): Promise<SheetView[]> {
    return (await this.viewsOfDays(ctx, manager, students, [day], cls ? { cls } : {})).get(day) ?? [];
  }

  /**
   * The sheets of a class's students (all of one class) on several days, by day: the same
   * statements for one day as for a month, for two students as for forty.
   */
  async viewsOfDays(ctx: RequestContext, manager: EntityManager, students: User[], days: string[], known: KnownOfDays = {}): Promise<Map<string, SheetView[]>> {
    if (students.length === 0 || days.length === 0) return new Map(days.map((d) => [d, []]));
    const classId = known.cls?.id ?? students[0].classId!;
    const cls = known.cls ?? await manager.findOneByOrFail(SchoolClass, { schoolId: ctx.schoolId, id: classId });
    const school = await manager.findOneByOrFail(School, { id: ctx.schoolId });
    const ids = students.map((s) => s.id);
    const wantedDays = new Set(days);
    const plans = known.plans
      ? known.plans.filter((p) => wantedDays.has(p.assignment.day))
      : await loadPlans(manager, ctx.schoolId, await manager.findBy(Assignment, { schoolId: ctx.schoolId, classId, day: In(days), status: AssignmentStatus.PUBLISHED }));
    const assignments = plans.map((p) => p.assignment);
    const aIds = assignments.map((a) => a.id);
    const [sheets, choices, submissions] = await Promise.all([
      manager.findBy(RecordSheet, { schoolId: ctx.schoolId, studentId: In(ids), day: In(days) }),
      aIds.length ? manager.findBy(StudentChoice, { schoolId: ctx.schoolId, studentId: In(ids), assignmentId: In(aIds) }) : [],
      aIds.length ? manager.findBy(Submission, { schoolId: ctx.schoolId, studentId: In(ids), assignmentId: In(aIds) }) : [],
    ]);
    const [entries, firstVersions] = await Promise.all([
      sheets.length ? manager.findBy(RecordSheetEntry, { schoolId: ctx.schoolId, sheetId: In(sheets.map((s) => s.id)) }) : [],
      // Only the minutes of the first hand-in: not its answer and attachments.
      submissions.length
        ? manager.find(SubmissionVersion, {
          select: { submissionId: true, actualMinutes: true },
          where: { schoolId: ctx.schoolId, submissionId: In(submissions.map((s) => s.id)), versionNo: 1 },
        })
        : [],
    ]);
    const caps = known.caps ?? await loadService.capsOn(ctx, cls.grade, days, manager);
    const wakeUp = wakeUpTimeFor(school, cls.grade);
    const key = (studentId: string, assignmentId: string) => `${studentId}/${assignmentId}`;
    const submissionOf = new Map(submissions.map((x) => [key(x.studentId, x.assignmentId), x]));
    const choiceOf = new Map(choices.map((x) => [key(x.studentId, x.assignmentId), x.choice]));
    const firstVersionOf = new Map(firstVersions.map((v) => [v.submissionId, v]));
    const entryOf = new Map(entries.map((e) => [`${e.sheetId}/${e.assignmentId}`, e]));
    const sheetOf = new Map(sheets.map((x) => [`${x.studentId}/${x.day}`, x]));
    const choicesOfPlan = new Map(plans.map((p) => [p, planChoices(p)]));
    return new Map(days.map((day) => {
      const { capMinutes } = caps.get(day)!;
      const plansOfDay = plans.filter((p) => p.assignment.day === day);
      return [day, students.map((student): SheetView => {
        const sheet = sheetOf.get(`${student.id}/${day}`) ?? null;
        const lines = plansOfDay.map((plan): SheetLine => {
          const a = plan.assignment;
          const submission = submissionOf.get(key(student.id, a.id));
          const choiceKey = submission?.choice ?? choiceOf.get(key(student.id, a.id)) ?? null;
          const choice = choiceKey ? choicesOfPlan.get(plan)!.find((c) => c.key === choiceKey) ?? null : null;
          const own = sheet ? entryOf.get(`${sheet.id}/${a.id}`) : undefined;
          const fromSubmission = submission ? firstVersionOf.get(submission.id)?.actualMinutes : undefined;
          const actual = own?.actualMinutes ?? fromSubmission ?? null;
          const predicted = choice ? choice.totalMinutes : null;
          return {
            plan, choice: choiceKey,
            content: plan.items.filter((i) => !choice || choice.optionKeys.includes(i.optionKey)).map((i) => i.title),
            predictedMinutes: predicted, writtenShare: choice && choice.totalMinutes ? choice.writtenHomeMinutes / choice.totalMinutes : 0,
            actualMinutes: actual, prefilled: own === undefined && actual !== null,
            overran: actual !== null && predicted !== null && overran(actual, predicted, school.overrunRatio),
          };
        });
        const actualWrittenMinutes = Math.round(lines.reduce((s, l) => s + (l.actualMinutes ?? 0) * l.writtenShare, 0));
        const flags: SheetFlag[] = [];
        if (actualWrittenMinutes > capMinutes) flags.push('WRITTEN_OVER_CAP');
        if (sheet?.bedtime && isLateBedtime(sheet.bedtime, wakeUp, cls.grade)) flags.push('LATE_BEDTIME');
        if (lines.some((l) => l.overran)) flags.push('SUBJECT_OVERRAN');
        return {
          student, day, sheet, lines, capMinutes, actualWrittenMinutes, bedtimeTarget: bedtimeTarget(wakeUp, cls.grade), flags,
          locked: !!sheet?.readAt,
        };
      })];
    }));
  }

  /** The student fills in their own sheet until the head teacher has read it. */
  async fill(ctx: RequestContext, input: SheetFillInput): Promise<SheetView> {
    if (!ctx.hasRole(Role.STUDENT) || !ctx.viewer.classId) throw new ForbiddenError(RecordSheetMessages.OWN_SHEET_ONLY);
    await privacyService.requireConsent(ctx, ctx.viewer.userId);
    const classId = ctx.viewer.classId;
    await withTransaction(ctx, async ({ db: tx }) => {
      const sheet = await this.lockedSheet(ctx, tx, ctx.viewer.userId, classId, input.day);
      if (sheet.readAt) {
        throw new RuleViolation(RecordSheetErrors.SHEET_LOCKED);
      }
      if (sheet.revision > 1 || sheet.filledAt) {
        if (input.expectedRevision == null) throw new InvalidInputError('expectedRevision', RequestErrors.EXPECTED_REVISION_REQUIRED, { what: 'sheet' });
        checkRevision('The record sheet', sheet.revision, input.expectedRevision);
      }
      const aIds = input.entries.map((e) => e.assignmentId);
      const ofDay = aIds.length ? await tx.findBy(Assignment, { schoolId: ctx.schoolId, id: In(aIds), classId, day: input.day, status: AssignmentStatus.PUBLISHED }) : [];
      const unknown = aIds.find((id) => !ofDay.some((a) => a.id === id));
      if (unknown) throw new InvalidInputError('entries', RecordSheetMessages.NOT_HOMEWORK_OF_THE_DAY);
      for (const e of input.entries) {
        await tx.upsert(RecordSheetEntry, { schoolId: ctx.schoolId, sheetId: sheet.id, assignmentId: e.assignmentId, actualMinutes: e.actualMinutes },
          ['schoolId', 'sheetId', 'assignmentId']);
      }
      await tx.update(RecordSheet, { schoolId: ctx.schoolId, id: sheet.id }, {
        selfStudyContent: input.selfStudyContent ?? sheet.selfStudyContent, selfStudyMinutes: input.selfStudyMinutes ?? sheet.selfStudyMinutes,
        exerciseMinutes: input.exerciseMinutes ?? sheet.exerciseMinutes, readingMinutes: input.readingMinutes ?? sheet.readingMinutes,
        bedtime: input.bedtime ?? sheet.bedtime, filledAt: new Date(), revision: sheet.revision + 1,
      });
      await queueCalibrations(tx, ctx.schoolId, aIds);
    });
    return this.view(ctx, ctx.viewer.userId, input.day);
  }

  /** A parent leaves a message on their child's sheet. */
  async parentMessage(ctx: RequestContext, studentId: string, day: string, message: string): Promise<SheetView> {
    if (!ctx.viewer.childIds.has(studentId)) throw new ForbiddenError(RecordSheetMessages.PARENT_MESSAGE_ONLY);
    const student = await this.visibleStudent(ctx, studentId);
    await privacyService.requireConsent(ctx, student.id);
    await withTransaction(ctx, async ({ db: tx }) => {
      const sheet = await this.lockedSheet(ctx, tx, student.id, student.classId!, day);
      await tx.update(RecordSheet, { schoolId: ctx.schoolId, id: sheet.id }, {
        parentMessage: message.trim(), parentMessageBy: ctx.viewer.userId, parentMessageAt: new Date(), revision: sheet.revision + 1,
      });
    });
    return this.view(ctx, studentId, day);
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
    await withTransaction(ctx, async ({ db: tx }) => {
      const sheet = await this.lockedSheet(ctx, tx, student.id, student.classId!, day);
      if (sheet.readAt) {
        throw new RuleViolation(RecordSheetErrors.SHEET_LOCKED, [], { change: 'bedtime' });
      }
      await tx.update(RecordSheet, { schoolId: ctx.schoolId, id: sheet.id }, { bedtime, revision: sheet.revision + 1 });
    });
    return this.view(ctx, studentId, day);
  }

  /** The head teacher reads the sheet (locking the student's entries) and may reply; or reopens it. Needs the guardian's consent. */
  async read(ctx: RequestContext, studentId: string, day: string, reply: string | null, reopen: boolean): Promise<SheetView> {
    const student = await this.visibleStudent(ctx, studentId);
    if (!ctx.viewer.headClassIds.has(student.classId!)) throw new ForbiddenError(RecordSheetMessages.HEAD_TEACHER_READS);
    // Reading, replying and reopening each write the student's sheet, creating it if missing.
    await privacyService.requireConsent(ctx, student.id);
    await withTransaction(ctx, async ({ db: tx }) => {
      const sheet = await this.lockedSheet(ctx, tx, student.id, student.classId!, day);
      await tx.update(RecordSheet, { schoolId: ctx.schoolId, id: sheet.id }, reopen
        ? { readAt: null, readBy: null, revision: sheet.revision + 1 }
        : {
          readAt: new Date(), readBy: ctx.viewer.userId, revision: sheet.revision + 1,
          ...(reply ? { reply: reply.trim(), repliedAt: new Date() } : {}),
        });
    });
    return this.view(ctx, studentId, day);
  }

  /** The head teacher's day: sheets not filled, sheets flagged, parent messages awaiting a reply. */
  async headTeacherDay(ctx: RequestContext, classId: string, day: string): Promise<SheetView[]> {
    if (!ctx.viewer.headClassIds.has(classId) && !ctx.hasRole(Role.ACADEMIC_OFFICE)) {
      throw new ForbiddenError(RecordSheetMessages.CLASS_SHEETS_HEAD_OR_OFFICE);
    }
    // An archived class lists who was in it then; they may be in next year's class now.
    const [cls, students] = await Promise.all([ctx.loaders.classById.load(classId), ctx.loaders.studentsByClassId.load(classId)]);
    const views = await this.views(ctx, ctx.db, students, day, cls ?? undefined);
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
  private async lockedSheet(ctx: RequestContext, tx: EntityManager, studentId: string, classId: string, day: string): Promise<RecordSheet> {
    await tx.query(
      `INSERT INTO record_sheets (school_id, id, student_id, class_id, day) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (school_id, student_id, day) DO NOTHING`,
      [ctx.schoolId, randomUUID(), studentId, classId, day],
    );
    return tx.findOneOrFail(RecordSheet, { where: { schoolId: ctx.schoolId, studentId, day }, lock: { mode: 'pessimistic_write' } });
  }
}

export const recordSheetService = new RecordSheetService();
