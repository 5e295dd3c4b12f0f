import { randomUUID } from 'node:crypto';
import { RequestContext, TxContext } from '../../core/context';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { idempotent } from '../../core/idempotency';
import { checkRevision } from '../../core/revision';
import { Role } from '../../core/roles';
import { saveLocked, withTransaction } from '../../core/transaction';
import { loadPlans } from '../assignment/assignment-plan';
import { addressedTo } from '../assignment/student-load';
import { Assignment, AssignmentStatus, StudentChoice } from '../assignment/assignment.entity';
import { choicesOf } from '../assignment/assignment.policy';
import { SchoolClass, TeachingAssignment } from '../class/class.entity';
import { attachmentService } from '../attachment/attachment.service';
import { privacyService } from '../privacy/privacy.service';
import { loadService } from '../load/load.service';
import { queueCalibrations } from '../calibration/calibration-queue';
import { School } from '../school/school.entity';
import { staffReachesClass } from '../user/user.policy';
import { Attachment, Mark, PeerComment, Submission, SubmissionStatus, SubmissionVersion } from './submission.entity';
import { homeworkDueAt } from './submission.policy';
import { decideMark, MarkProblem } from './grading.policy';
import { SubmissionErrors, SubmissionMessages } from './submission.errors';
import { AssignmentErrors } from '../assignment/assignment.errors';

export interface WorkInput {
  answer: string;
  attachments: Attachment[];
  /** Uploaded files (uuids) handed in with the work. */
  fileIds?: string[];
  actualMinutes: number;
  clientKey: string;
}

export interface MarkInput {
  submissionId: string;
  expectedRevision: number;
  mark: string;
  comment: string;
  faceToFace: boolean;
  requestCorrection: boolean;
}

export class SubmissionService {
  /** A submission the caller may see: its student, their parents, and staff of the class. */
  async get(ctx: RequestContext, id: string): Promise<Submission> {
    const s = await ctx.loaders.submissionById.load(id);
    if (!s || !(await this.canSee(ctx, s))) throw new NotFoundError('Submission', id);
    privacyService.noteAccess(ctx, [{ studentId: s.studentId, resource: 'submission', resourceId: s.id }]);
    return s;
  }

  async canSee(ctx: RequestContext, s: Submission): Promise<boolean> {
    const v = ctx.viewer;
    if (s.studentId === v.userId || v.childIds.has(s.studentId)) return true;
    const a = await ctx.loaders.assignmentById.load(s.assignmentId);
    return !!a && staffReachesClass(v, a.classId);
  }

  /**
   * A student submits their work for a published assignment of their class. A retry with the
   * same client key returns the first result; the same key with a different answer is refused.
   * Work handed in after 08:00 the next morning is accepted and marked late.
   */
  async submit(ctx: RequestContext, assignmentId: string, choice: string, work: WorkInput): Promise<Submission> {
    if (!ctx.hasRole(Role.STUDENT)) throw new ForbiddenError(SubmissionMessages.STUDENTS_SUBMIT);
    await privacyService.requireConsent(ctx, ctx.viewer.userId);
    const request = {
      operation: 'submissionCreate', clientKey: work.clientKey,
      input: { assignmentId, choice, answer: work.answer, attachments: work.attachments, fileIds: work.fileIds ?? [], actualMinutes: work.actualMinutes },
    };
    return withTransaction(ctx, (txCtx) => idempotent(txCtx, request, (id) => this.reread(txCtx, id), () => this.create(txCtx, assignmentId, choice, work)));
  }

  /** The student sends the corrected work their teacher asked for (纠必复批). */
  async correct(ctx: RequestContext, submissionId: string, work: WorkInput): Promise<Submission> {
    if (!ctx.hasRole(Role.STUDENT)) throw new ForbiddenError(SubmissionMessages.STUDENTS_CORRECT);
    await privacyService.requireConsent(ctx, ctx.viewer.userId);
    const request = {
      operation: 'submissionCorrect', clientKey: work.clientKey,
      input: { submissionId, answer: work.answer, attachments: work.attachments, fileIds: work.fileIds ?? [], actualMinutes: work.actualMinutes },
    };
    return withTransaction(ctx, (txCtx) => idempotent(txCtx, request, (id) => this.reread(txCtx, id), () => this.addCorrection(txCtx, submissionId, work)));
  }

  /**
   * A teacher of the class and subject (or its head teacher, when the school allows) marks the
   * latest version: the letter must be the level the student did; a comment is required;
   * asking for a correction sends it back to the student.
   */
  async mark(ctx: RequestContext, input: MarkInput): Promise<Submission> {
    const marked = await withTransaction(ctx, async (txCtx) => {
      const s = await txCtx.db.findOne(Submission, { where: { schoolId: txCtx.schoolId, id: input.submissionId }, lock: { mode: 'pessimistic_write' } });
      if (!s) throw new NotFoundError('Submission', input.submissionId);
      const a = await txCtx.db.findOneByOrFail(Assignment, { schoolId: txCtx.schoolId, id: s.assignmentId });
      if (!staffReachesClass(txCtx.viewer, a.classId) && s.studentId !== txCtx.viewer.userId) throw new NotFoundError('Submission', s.id);
      await this.requireMarker(txCtx, s, a);
      // A mark and its comment are new personal data of the student, kept only with consent.
      await privacyService.requireConsent(txCtx, s.studentId);
      checkRevision('The submission', s.revision, input.expectedRevision);
      const decided = decideMark({
        shape: a.shape, choice: s.choice, status: s.status, mark: input.mark, comment: input.comment, requestCorrection: input.requestCorrection,
      });
      if ('problem' in decided) throw markRefusal(decided.problem);
      const { decision } = decided;
      await txCtx.db.insert(Mark, {
        schoolId: txCtx.schoolId, id: randomUUID(), submissionId: s.id, versionNo: s.versionNo, markedBy: txCtx.viewer.userId,
        level: decision.level, quality: decision.quality, comment: decision.comment, faceToFace: input.faceToFace,
        correctionRequested: input.requestCorrection,
      });
      const changes = { status: decision.status, revision: s.revision + 1 };
      return saveLocked(txCtx, Submission, s, changes);
    });
    // The payload hands the work back to the marker.
    privacyService.noteAccess(ctx, [{ studentId: marked.studentId, resource: 'submission', resourceId: marked.id }]);
    return marked;
  }

  /**
   * A classmate adds advice (peer review may assist; the teacher's mark is the mark). The comment
   * is personal data of its author and of the student whose work it is about: both need consent.
   */
  async peerComment(ctx: RequestContext, submissionId: string, comment: string): Promise<PeerComment> {
    if (!ctx.hasRole(Role.STUDENT)) throw new ForbiddenError(SubmissionMessages.PEER_COMMENT_CLASSMATES);
    if (comment.trim().length < 2) throw new InvalidInputError('comment', SubmissionMessages.COMMENT_TOO_SHORT, { min: 2 });
    await privacyService.requireConsent(ctx, ctx.viewer.userId);
    return withTransaction(ctx, async (txCtx) => {
      const s = await txCtx.db.findOneBy(Submission, { schoolId: txCtx.schoolId, id: submissionId });
      const a = s && (await txCtx.db.findOneBy(Assignment, { schoolId: txCtx.schoolId, id: s.assignmentId }));
      if (!s || !a || a.classId !== txCtx.viewer.classId) throw new NotFoundError('Submission', submissionId);
      if (s.studentId === txCtx.viewer.userId) throw new ForbiddenError(SubmissionMessages.NOT_OWN_WORK_COMMENT);
      await privacyService.requireConsent(txCtx, s.studentId);
      const row = { schoolId: txCtx.schoolId, id: randomUUID(), submissionId: s.id, authorId: txCtx.viewer.userId, comment: comment.trim() };
      await txCtx.db.insert(PeerComment, row);
      return txCtx.db.findOneByOrFail(PeerComment, { schoolId: txCtx.schoolId, id: row.id });
    });
  }

  async versions(ctx: RequestContext, s: Submission): Promise<SubmissionVersion[]> {
    return ctx.loaders.versionsBySubmissionId.load(s.id);
  }

  async marks(ctx: RequestContext, s: Submission): Promise<Mark[]> {
    return ctx.loaders.marksBySubmissionId.load(s.id);
  }

  /** Peer comments: seen by the student, their parents and staff; never by other classmates. */
  async peerComments(ctx: RequestContext, s: Submission): Promise<PeerComment[]> {
    return ctx.loaders.peerCommentsBySubmissionId.load(s.id);
  }

  /** A new hand-in of `choice` for a published assignment of the student's class (in `submit`'s transaction). */
  private async create(ctx: TxContext, assignmentId: string, choice: string, work: WorkInput): Promise<Submission> {
    const a = await ctx.db.findOneBy(Assignment, { schoolId: ctx.schoolId, id: assignmentId });
    // Homework addressed to a group is handed in by its students only: for others it is not there.
    if (!a || a.classId !== ctx.viewer.classId || a.status !== AssignmentStatus.PUBLISHED || !await addressedTo(ctx, a, [ctx.viewer.userId])) {
      throw new NotFoundError('Assignment', assignmentId);
    }
    const [plan] = await loadPlans(ctx.db, ctx.schoolId, [a]);
    const keys = choicesOf(a.shape, plan.options).map((c) => c.key);
    if (!keys.includes(choice)) throw new RuleViolation(AssignmentErrors.UNKNOWN_CHOICE, ['choice'], { choices: keys.join('、') });
    // Serialise this student's submissions for the assignment.
    await ctx.db.query(`SELECT 1 FROM users WHERE school_id = $1 AND id = $2 FOR UPDATE`, [ctx.schoolId, ctx.viewer.userId]);
    const existing = await ctx.db.findOneBy(Submission, { schoolId: ctx.schoolId, assignmentId: a.id, studentId: ctx.viewer.userId });
    if (existing) {
      throw new RuleViolation(SubmissionErrors.ALREADY_SUBMITTED);
    }
    const now = ctx.clock.now();
    const isSchoolDay = await loadService.schoolDayTest(ctx, a.dueDay, 30);
    // Every column is written here, so the row is answered as written, not read again.
    const submission = ctx.db.create(Submission, {
      schoolId: ctx.schoolId, id: randomUUID(), assignmentId: a.id, studentId: ctx.viewer.userId, choice, status: SubmissionStatus.AWAITING_MARK,
      late: now > homeworkDueAt(a.dueDay, isSchoolDay), versionNo: 1, revision: 1, submittedAt: now, lastSubmittedAt: now,
    });
    await ctx.db.insert(Submission, submission);
    await this.insertVersion(ctx, submission.id, 1, work, now);
    await ctx.db.upsert(StudentChoice, { schoolId: ctx.schoolId, assignmentId: a.id, studentId: ctx.viewer.userId, choice, chosenAt: now },
      ['schoolId', 'assignmentId', 'studentId']);
    await queueCalibrations(ctx, [a.id]);
    return submission;
  }

  /** The corrected work as a new version of the student's submission (in `correct`'s transaction). */
  private async addCorrection(ctx: TxContext, submissionId: string, work: WorkInput): Promise<Submission> {
    const s = await ctx.db.findOne(Submission, { where: { schoolId: ctx.schoolId, id: submissionId }, lock: { mode: 'pessimistic_write' } });
    if (!s || s.studentId !== ctx.viewer.userId) throw new NotFoundError('Submission', submissionId);
    if (s.status !== SubmissionStatus.CORRECTION_REQUESTED) {
      throw new RuleViolation(SubmissionErrors.NO_CORRECTION_REQUESTED);
    }
    const now = ctx.clock.now();
    await this.insertVersion(ctx, s.id, s.versionNo + 1, work, now);
    const changes = { versionNo: s.versionNo + 1, status: SubmissionStatus.AWAITING_MARK, revision: s.revision + 1, lastSubmittedAt: now };
    return saveLocked(ctx, Submission, s, changes);
  }

  /** A submission as the transaction sees it now. */
  private reread(ctx: TxContext, id: string): Promise<Submission> {
    return ctx.db.findOneByOrFail(Submission, { schoolId: ctx.schoolId, id });
  }

  private async requireMarker(ctx: TxContext, s: Submission, a: Assignment): Promise<void> {
    if (s.studentId === ctx.viewer.userId) throw new ForbiddenError(SubmissionMessages.NOT_OWN_WORK_MARK);
    if (!ctx.hasRole(Role.TEACHER, Role.HEAD_TEACHER)) throw new ForbiddenError(SubmissionMessages.TEACHERS_MARK);
    const teaches = await ctx.db.exists(TeachingAssignment, {
      where: { schoolId: ctx.schoolId, classId: a.classId, subjectId: a.subjectId, teacherId: ctx.viewer.userId },
    });
    if (teaches) return;
    const cls = await ctx.db.findOneByOrFail(SchoolClass, { schoolId: ctx.schoolId, id: a.classId });
    const school = await ctx.db.findOneByOrFail(School, { id: ctx.schoolId });
    if (school.headTeacherMayMark && cls.headTeacherId === ctx.viewer.userId) return;
    throw new ForbiddenError(SubmissionMessages.SUBJECT_TEACHER_MARKS, { className: cls.name, headTeacherMayMark: school.headTeacherMayMark });
  }

  private async insertVersion(ctx: TxContext, submissionId: string, versionNo: number, work: WorkInput, at: Date) {
    await ctx.db.insert(SubmissionVersion, {
      schoolId: ctx.schoolId, submissionId, versionNo, studentId: ctx.viewer.userId,
      answer: work.answer, attachments: work.attachments, actualMinutes: work.actualMinutes, submittedAt: at,
    });
    await attachmentService.attachToVersion(ctx, work.fileIds ?? [], submissionId, versionNo);
  }
}

/** The refusal of a mark the grading policy turned down. */
function markRefusal(problem: MarkProblem): Error {
  switch (problem.rule) {
    case 'NOTHING_TO_MARK':
      return new RuleViolation(SubmissionErrors.NOTHING_TO_MARK);
    case 'COMMENT_TOO_SHORT':
      return new InvalidInputError('comment', SubmissionMessages.COMMENT_TOO_SHORT, { min: problem.min });
    case 'MARK_LEVEL_MISMATCH': {
      const { level, plus, minus, mark } = problem;
      return new RuleViolation(SubmissionErrors.MARK_LEVEL_MISMATCH, ['mark'], { level, plus, minus, mark });
    }
  }
}

export const submissionService = new SubmissionService();
