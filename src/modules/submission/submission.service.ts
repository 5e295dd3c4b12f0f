import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../../core/context';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { idempotent } from '../../core/idempotency';
import { checkRevision } from '../../core/revision';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { loadPlans } from '../assignment/assignment-plan';
import { Assignment, AssignmentStatus, StudentChoice } from '../assignment/assignment.entity';
import { choicesOf } from '../assignment/assignment.policy';
import { SchoolClass, TeachingAssignment } from '../class/class.entity';
import { attachmentService } from '../attachment/attachment.service';
import { privacyService } from '../privacy/privacy.service';
import { loadService } from '../load/load.service';
import { queueCalibrations } from '../record-sheet/calibration-queue';
import { School } from '../school/school.entity';
import { staffReachesClass } from '../user/user.policy';
import { Attachment, Mark, MarkQuality, PeerComment, Submission, SubmissionStatus, SubmissionVersion } from './submission.entity';
import { homeworkDueAt, levelOfChoice, markLabel, parseMark } from './submission.policy';
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
    return withTransaction(ctx, (txCtx) => idempotent(txCtx, request, (id) => txCtx.db.findOneByOrFail(Submission, { schoolId: ctx.schoolId, id }), async () => {
      const tx = txCtx.db;
      const a = await tx.findOneBy(Assignment, { schoolId: ctx.schoolId, id: assignmentId });
      if (!a || a.classId !== ctx.viewer.classId || a.status !== AssignmentStatus.PUBLISHED) throw new NotFoundError('Assignment', assignmentId);
      const [plan] = await loadPlans(tx, ctx.schoolId, [a]);
      const keys = choicesOf(a.shape, plan.options).map((c) => c.key);
      if (!keys.includes(choice)) throw new RuleViolation(AssignmentErrors.UNKNOWN_CHOICE, ['choice'], { choices: keys.join('、') });
      // Serialise this student's submissions for the assignment.
      await tx.query(`SELECT 1 FROM users WHERE school_id = $1 AND id = $2 FOR UPDATE`, [ctx.schoolId, ctx.viewer.userId]);
      const existing = await tx.findOneBy(Submission, { schoolId: ctx.schoolId, assignmentId: a.id, studentId: ctx.viewer.userId });
      if (existing) {
        throw new RuleViolation(SubmissionErrors.ALREADY_SUBMITTED);
      }
      const now = new Date();
      const isSchoolDay = await loadService.schoolDayTest(ctx, a.day, 30, tx);
      const id = randomUUID();
      await tx.insert(Submission, {
        schoolId: ctx.schoolId, id, assignmentId: a.id, studentId: ctx.viewer.userId, choice, status: SubmissionStatus.AWAITING_MARK,
        late: now > homeworkDueAt(a.day, isSchoolDay), versionNo: 1, revision: 1, submittedAt: now, lastSubmittedAt: now,
      });
      await this.insertVersion(ctx, tx, id, 1, work, now);
      await tx.upsert(StudentChoice, { schoolId: ctx.schoolId, assignmentId: a.id, studentId: ctx.viewer.userId, choice, chosenAt: now },
        ['schoolId', 'assignmentId', 'studentId']);
      await queueCalibrations(tx, ctx.schoolId, [a.id]);
      return tx.findOneByOrFail(Submission, { schoolId: ctx.schoolId, id });
    }));
  }

  /** The student sends the corrected work their teacher asked for (纠必复批). */
  async correct(ctx: RequestContext, submissionId: string, work: WorkInput): Promise<Submission> {
    if (!ctx.hasRole(Role.STUDENT)) throw new ForbiddenError(SubmissionMessages.STUDENTS_CORRECT);
    await privacyService.requireConsent(ctx, ctx.viewer.userId);
    const request = {
      operation: 'submissionCorrect', clientKey: work.clientKey,
      input: { submissionId, answer: work.answer, attachments: work.attachments, fileIds: work.fileIds ?? [], actualMinutes: work.actualMinutes },
    };
    return withTransaction(ctx, (txCtx) => idempotent(txCtx, request, (id) => txCtx.db.findOneByOrFail(Submission, { schoolId: ctx.schoolId, id }), async () => {
      const tx = txCtx.db;
      const s = await tx.findOne(Submission, { where: { schoolId: ctx.schoolId, id: submissionId }, lock: { mode: 'pessimistic_write' } });
      if (!s || s.studentId !== ctx.viewer.userId) throw new NotFoundError('Submission', submissionId);
      if (s.status !== SubmissionStatus.CORRECTION_REQUESTED) {
        throw new RuleViolation(SubmissionErrors.NO_CORRECTION_REQUESTED);
      }
      const now = new Date();
      await this.insertVersion(ctx, tx, s.id, s.versionNo + 1, work, now);
      await tx.update(Submission, { schoolId: ctx.schoolId, id: s.id }, {
        versionNo: s.versionNo + 1, status: SubmissionStatus.AWAITING_MARK, revision: s.revision + 1, lastSubmittedAt: now,
      });
      return tx.findOneByOrFail(Submission, { schoolId: ctx.schoolId, id: s.id });
    }));
  }

  /**
   * A teacher of the class and subject (or its head teacher, when the school allows) marks the
   * latest version: the letter must be the level the student did; a comment is required;
   * asking for a correction sends it back to the student.
   */
  async mark(ctx: RequestContext, input: MarkInput): Promise<Submission> {
    const marked = await withTransaction(ctx, async ({ db: tx }) => {
      const s = await tx.findOne(Submission, { where: { schoolId: ctx.schoolId, id: input.submissionId }, lock: { mode: 'pessimistic_write' } });
      if (!s) throw new NotFoundError('Submission', input.submissionId);
      const a = await tx.findOneByOrFail(Assignment, { schoolId: ctx.schoolId, id: s.assignmentId });
      if (!staffReachesClass(ctx.viewer, a.classId) && s.studentId !== ctx.viewer.userId) throw new NotFoundError('Submission', s.id);
      await this.requireMarker(ctx, tx, s, a);
      // A mark and its comment are new personal data of the student, kept only with consent.
      await privacyService.requireConsent(ctx, s.studentId);
      checkRevision('The submission', s.revision, input.expectedRevision);
      if (s.status !== SubmissionStatus.AWAITING_MARK) {
        throw new RuleViolation(SubmissionErrors.NOTHING_TO_MARK);
      }
      if (input.comment.trim().length < 5) throw new InvalidInputError('comment', SubmissionMessages.COMMENT_TOO_SHORT, { min: 5 });
      const parsed = parseMark(input.mark);
      const expected = levelOfChoice(a.shape, s.choice);
      if (!parsed || parsed.level !== expected) {
        throw new RuleViolation(SubmissionErrors.MARK_LEVEL_MISMATCH, ['mark'], {
          level: expected, plus: markLabel(expected, MarkQuality.PLUS), minus: markLabel(expected, MarkQuality.MINUS), mark: input.mark,
        });
      }
      await tx.insert(Mark, {
        schoolId: ctx.schoolId, id: randomUUID(), submissionId: s.id, versionNo: s.versionNo, markedBy: ctx.viewer.userId,
        level: parsed.level, quality: parsed.quality, comment: input.comment.trim(), faceToFace: input.faceToFace,
        correctionRequested: input.requestCorrection,
      });
      await tx.update(Submission, { schoolId: ctx.schoolId, id: s.id }, {
        status: input.requestCorrection ? SubmissionStatus.CORRECTION_REQUESTED : SubmissionStatus.MARKED, revision: s.revision + 1,
      });
      return tx.findOneByOrFail(Submission, { schoolId: ctx.schoolId, id: s.id });
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
    return withTransaction(ctx, async ({ db: tx }) => {
      const s = await tx.findOneBy(Submission, { schoolId: ctx.schoolId, id: submissionId });
      const a = s && (await tx.findOneBy(Assignment, { schoolId: ctx.schoolId, id: s.assignmentId }));
      if (!s || !a || a.classId !== ctx.viewer.classId) throw new NotFoundError('Submission', submissionId);
      if (s.studentId === ctx.viewer.userId) throw new ForbiddenError(SubmissionMessages.NOT_OWN_WORK_COMMENT);
      await privacyService.requireConsent(ctx, s.studentId);
      const row = { schoolId: ctx.schoolId, id: randomUUID(), submissionId: s.id, authorId: ctx.viewer.userId, comment: comment.trim() };
      await tx.insert(PeerComment, row);
      return tx.findOneByOrFail(PeerComment, { schoolId: ctx.schoolId, id: row.id });
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

  private async requireMarker(ctx: RequestContext, tx: EntityManager, s: Submission, a: Assignment): Promise<void> {
    if (s.studentId === ctx.viewer.userId) throw new ForbiddenError(SubmissionMessages.NOT_OWN_WORK_MARK);
    if (!ctx.hasRole(Role.TEACHER, Role.HEAD_TEACHER)) throw new ForbiddenError(SubmissionMessages.TEACHERS_MARK);
    const teaches = await tx.exists(TeachingAssignment, {
      where: { schoolId: ctx.schoolId, classId: a.classId, subjectId: a.subjectId, teacherId: ctx.viewer.userId },
    });
    if (teaches) return;
    const cls = await tx.findOneByOrFail(SchoolClass, { schoolId: ctx.schoolId, id: a.classId });
    const school = await tx.findOneByOrFail(School, { id: ctx.schoolId });
    if (school.headTeacherMayMark && cls.headTeacherId === ctx.viewer.userId) return;
    throw new ForbiddenError(SubmissionMessages.SUBJECT_TEACHER_MARKS, { className: cls.name, headTeacherMayMark: school.headTeacherMayMark });
  }

  private async insertVersion(ctx: RequestContext, tx: EntityManager, submissionId: string, versionNo: number, work: WorkInput, at: Date) {
    await tx.insert(SubmissionVersion, {
      schoolId: ctx.schoolId, submissionId, versionNo, studentId: ctx.viewer.userId,
      answer: work.answer, attachments: work.attachments, actualMinutes: work.actualMinutes, submittedAt: at,
    });
    await attachmentService.attachToVersion(ctx, tx, work.fileIds ?? [], submissionId, versionNo);
  }
}

export const submissionService = new SubmissionService();
