import { randomUUID } from 'node:crypto';
import { escapeLiteral } from 'pg';
import { AccessRecord, RequestContext } from '../../core/context';
import { ForbiddenError, NotFoundError, RuleViolation } from '../../core/errors';
import { decodeCursor, Page, pageOf } from '../../core/pagination';
import { preparedQuery } from '../../core/prepared-query';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { attachmentService } from '../attachment/attachment.service';
import { forgetLoginAttempts } from '../auth/login-attempts';
import { SchoolClass } from '../class/class.entity';
import { User } from '../user/user.entity';
import { PrivacyErrors, PrivacyMessages } from './privacy.errors';

/** Students under 14 — in practice grades 1–8 — need a guardian's consent before personal data is kept. */
export function needsConsent(grade: number): boolean {
  return grade <= 8;
}

export interface AccessLogRow {
  id: string;
  actor_id: string;
  student_id: string;
  resource: string;
  resource_id: string;
  at: Date;
}

export class PrivacyService {
  /**
   * Refuses to store personal data (choices, work, record sheets, messages) of a minor whose
   * guardian has not consented; name and class are all that is kept until then.
   */
  async requireConsent(ctx: RequestContext, studentId: string): Promise<void> {
    // The student with their class's grade: one statement.
    const [student] = await preparedQuery<{ display_name: string; consented: boolean; grade: number }>(ctx.db,
      `SELECT u.display_name, u.guardian_consent_at IS NOT NULL AS consented, c.grade
         FROM users u JOIN classes c ON c.school_id = u.school_id AND c.id = u.class_id
        WHERE u.school_id = $1 AND u.id = $2`, [ctx.schoolId, studentId]);
    if (student && needsConsent(student.grade) && !student.consented) {
      throw new RuleViolation(PrivacyErrors.CONSENT_REQUIRED, [], { student: student.display_name });
    }
  }

  /** A parent gives or withdraws consent for their child. */
  async setConsent(ctx: RequestContext, studentId: string, given: boolean): Promise<User> {
    if (!ctx.viewer.childIds.has(studentId)) throw new ForbiddenError(PrivacyMessages.CONSENT_GUARDIAN_ONLY);
    await withTransaction(ctx, (txCtx) => txCtx.db.update(User, { schoolId: txCtx.schoolId, id: studentId },
      given ? { guardianConsentAt: new Date(), guardianConsentBy: txCtx.viewer.userId } : { guardianConsentAt: null, guardianConsentBy: null }));
    return (await ctx.db.getRepository(User).findOneByOrFail({ schoolId: ctx.schoolId, id: studentId }));
  }

  /** Notes staff reads of students' records (not the student's own or their parents' reads). */
  noteAccess(ctx: RequestContext, records: AccessRecord[]): void {
    const v = ctx.viewer;
    ctx.accessRecords.push(...records.filter((r) => r.studentId !== v.userId && !v.childIds.has(r.studentId)));
  }

  /** Writes the request's access records in one statement, in the request's own transaction. */
  async flush(ctx: RequestContext): Promise<void> {
    const statement = this.flushStatement(ctx);
    if (statement) await ctx.db.query(statement);
  }

  /**
   * The statement that writes the request's access records (null when there are none), with its
   * values as escaped literals: the request scope sends it with the COMMIT, in one round trip.
   */
  flushStatement(ctx: RequestContext): string | null {
    const records = ctx.accessRecords.splice(0);
    const viewer = ctx.viewerOrNull;
    if (!records.length || !viewer) return null;
    const values = records.map((r) =>
      `(${[viewer.schoolId, randomUUID(), viewer.userId, r.studentId, r.resource, r.resourceId].map(escapeLiteral).join(', ')})`);
    return `INSERT INTO access_log (school_id, id, actor_id, student_id, resource, resource_id) VALUES ${values.join(', ')}`;
  }

  /** The access log, newest first (academic office). */
  async accessLog(ctx: RequestContext, studentId: string | null, first: number, after?: string | null): Promise<Page<AccessLogRow>> {
    if (!ctx.hasRole(Role.ACADEMIC_OFFICE)) throw new ForbiddenError(PrivacyMessages.ACCESS_LOG_OFFICE_ONLY);
    const params: unknown[] = [ctx.schoolId, first + 1];
    let where = '';
    if (studentId) { params.push(studentId); where += ` AND student_id = $${params.length}`; }
    if (after) {
      const [at, id] = decodeCursor(after, 2);
      params.push(String(at), String(id));
      where += ` AND (at, id::text) < (CAST($${params.length - 1} AS timestamptz), $${params.length})`;
    }
    const rows: (AccessLogRow & { cursor_at: string })[] = await ctx.db.query(
      `SELECT id, actor_id, student_id, resource, resource_id, at, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
         FROM access_log WHERE school_id = $1 ${where} ORDER BY at DESC, id::text DESC LIMIT $2`, params);
    return pageOf(rows, first, (r) => [r.cursor_at, r.id], (r) => r);
  }

  /** Everything the service holds about one student, for their guardian or the academic office (whose export is logged). */
  async exportStudent(ctx: RequestContext, studentId: string): Promise<Record<string, unknown>> {
    this.requireGuardianOrOffice(ctx, studentId);
    const student = await ctx.db.getRepository(User).findOneBy({ schoolId: ctx.schoolId, id: studentId });
    if (!student?.classId) throw new NotFoundError('Student', studentId);
    this.noteAccess(ctx, [{ studentId, resource: 'student_export', resourceId: 'all' }]);
    const q = (sql: string) => ctx.db.query(sql, [ctx.schoolId, studentId]);
    const [cls, parents, choices, submissions, versions, marks, peerComments, sheets, entries, messages, access] = await Promise.all([
      student.classId ? ctx.db.getRepository(SchoolClass).findOneBy({ schoolId: ctx.schoolId, id: student.classId }) : null,
      q(`SELECT u.display_name, l.relation FROM parent_links l JOIN users u ON u.school_id = l.school_id AND u.id = l.parent_id WHERE l.school_id = $1 AND l.student_id = $2`),
      q(`SELECT assignment_id, choice, chosen_at FROM student_choices WHERE school_id = $1 AND student_id = $2 ORDER BY chosen_at`),
      q(`SELECT id, assignment_id, choice, status, late, submitted_at FROM submissions WHERE school_id = $1 AND student_id = $2 ORDER BY submitted_at`),
      q(`SELECT v.submission_id, v.version_no, v.answer, v.attachments, v.actual_minutes, v.submitted_at FROM submission_versions v
           JOIN submissions s ON s.school_id = v.school_id AND s.id = v.submission_id WHERE v.school_id = $1 AND s.student_id = $2 ORDER BY v.submitted_at`),
      q(`SELECT m.submission_id, m.version_no, m.level, m.quality, m.comment, m.face_to_face, m.marked_at FROM marks m
           JOIN submissions s ON s.school_id = m.school_id AND s.id = m.submission_id WHERE m.school_id = $1 AND s.student_id = $2 ORDER BY m.marked_at`),
      q(`SELECT submission_id, comment, created_at FROM peer_comments WHERE school_id = $1 AND author_id = $2 ORDER BY created_at`),
      q(`SELECT id, day::text, self_study_content, self_study_minutes, bedtime, read_note, read_at FROM record_sheets WHERE school_id = $1 AND student_id = $2 ORDER BY day`),
      q(`SELECT e.sheet_id, e.assignment_id, e.actual_minutes FROM record_sheet_entries e JOIN record_sheets r ON r.school_id = e.school_id AND r.id = e.sheet_id
           WHERE e.school_id = $1 AND r.student_id = $2`),
      q(`SELECT day::text, body, created_at, reply, replied_at FROM record_sheet_messages WHERE school_id = $1 AND student_id = $2 ORDER BY day, created_at`),
      q(`SELECT a.actor_id, u.display_name AS actor, a.resource, a.at FROM access_log a JOIN users u ON u.school_id = a.school_id AND u.id = a.actor_id
           WHERE a.school_id = $1 AND a.student_id = $2 ORDER BY a.at DESC LIMIT 1000`),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      student: { id: student.id, displayName: student.displayName, studentNo: student.studentNo, class: cls?.name ?? null,
        guardianConsentAt: student.guardianConsentAt },
      parents, choices, submissions, submissionVersions: versions, marks, peerComments, recordSheets: sheets, recordSheetEntries: entries, recordSheetMessages: messages,
      files: await attachmentService.exportFiles(ctx, studentId),
      accessLog: access,
    };
  }

  /**
   * Deletes a student at their guardian's request (academic office): work, marks, choices,
   * record sheets, comments, parent links, the reads of them in the access log, client keys,
   * counted sign-in attempts and the account itself, so no identifier of the child is left
   * (tokens stop working with the account). Aggregates (item calibrations) stay, being anonymous.
   */
  async deleteStudent(ctx: RequestContext, studentId: string): Promise<void> {
    if (!ctx.hasRole(Role.ACADEMIC_OFFICE)) throw new ForbiddenError(PrivacyMessages.DELETE_OFFICE_ONLY);
    const fileKeys = await withTransaction(ctx, async (txCtx) => {
      const student = await txCtx.db.findOne(User, { where: { schoolId: txCtx.schoolId, id: studentId }, lock: { mode: 'pessimistic_write' } });
      if (!student?.classId) throw new NotFoundError('Student', studentId);
      const p = [txCtx.schoolId, studentId];
      // Their photos and recordings; the bytes go once this is committed, unless still used.
      const keys = await attachmentService.deleteOwnedBy(txCtx, studentId);
      await txCtx.db.query(`DELETE FROM peer_comments WHERE school_id = $1 AND (author_id = $2 OR submission_id IN (SELECT id FROM submissions WHERE school_id = $1 AND student_id = $2))`, p);
      await txCtx.db.query(`DELETE FROM submissions WHERE school_id = $1 AND student_id = $2`, p);
      await txCtx.db.query(`DELETE FROM student_choices WHERE school_id = $1 AND student_id = $2`, p);
      await txCtx.db.query(`DELETE FROM record_sheets WHERE school_id = $1 AND student_id = $2`, p);
      await txCtx.db.query(`DELETE FROM access_log WHERE school_id = $1 AND (student_id = $2 OR actor_id = $2)`, p);
      await txCtx.db.query(`DELETE FROM idempotency_keys WHERE school_id = $1 AND user_id = $2`, p);
      await forgetLoginAttempts(txCtx.db, txCtx.config, txCtx.schoolId, student.username);
      // Roles and parent links go with the account (ON DELETE CASCADE).
      await txCtx.db.delete(User, { schoolId: txCtx.schoolId, id: studentId });
      return keys;
    });
    attachmentService.removeBytesAfterCommit(ctx, fileKeys);
    // Reads of the student noted earlier in this request would otherwise be written after the deletion.
    const pending = ctx.accessRecords.filter((r) => r.studentId !== studentId);
    ctx.accessRecords.splice(0, ctx.accessRecords.length, ...pending);
  }

  private requireGuardianOrOffice(ctx: RequestContext, studentId: string): void {
    if (!ctx.viewer.childIds.has(studentId) && !ctx.hasRole(Role.ACADEMIC_OFFICE)) {
      throw new ForbiddenError(PrivacyMessages.EXPORT_GUARDIAN_OR_OFFICE);
    }
  }
}

export const privacyService = new PrivacyService();
