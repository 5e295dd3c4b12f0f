import { RequestContext } from '../../core/context';
import { schoolToday } from '../../core/dates';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { CoreErrors } from '../../core/user-error';
import { hashPassword } from '../auth/password';
import { passwordChecks } from '../auth/password-checks';
import { SchoolClass } from '../class/class.entity';
import { PDF_MIME_TYPE } from '../print/pdf-document';
import { School } from '../school/school.entity';
import { AccountSlipErrors, AccountSlipInputErrors } from './account-slip.errors';
import { initialPassword, mapBounded } from './initial-password';
import { Slip, slipsPdf, slipsWorkbook } from './slip-files';

export type SlipFormat = 'pdf' | 'xlsx';

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Whose slips: the students of a class with their parents, every member of staff, or the
 * accounts named (a password reset). Exactly one.
 */
export interface SlipSelection {
  classId?: string | null;
  teachers?: boolean | null;
  userIds?: string[] | null;
}

export interface IssuedSlips {
  fileName: string;
  mimeType: string;
  data: Buffer;
  /** The scope as printed: 三年级(2)班, 教职工, or 指定账号. */
  scope: string;
  slips: Slip[];
}

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  token_version: number;
  pending: boolean;
  deactivated: boolean;
  role_name: string;
  child_name: string | null;
  class_name: string | null;
}

const ROLE_NAME_SQL = `CASE
  WHEN EXISTS (SELECT 1 FROM user_roles r WHERE r.school_id = u.school_id AND r.user_id = u.id AND r.role = 'student') THEN '学生'
  WHEN EXISTS (SELECT 1 FROM user_roles r WHERE r.school_id = u.school_id AND r.user_id = u.id AND r.role = 'teacher') THEN '教师'
  WHEN EXISTS (SELECT 1 FROM user_roles r WHERE r.school_id = u.school_id AND r.user_id = u.id AND r.role = 'academic_office') THEN '教务处'
  WHEN EXISTS (SELECT 1 FROM user_roles r WHERE r.school_id = u.school_id AND r.user_id = u.id AND r.role = 'parent') THEN '家长'
  ELSE '用户' END`;

/** Still on a password the school issued, or none yet: what a class's or the staff's slips cover by default. */
const PENDING_SQL = `(u.password_hash IS NULL OR u.must_change_password)`;
const ACTIVE_SQL = `u.deactivated_at IS NULL AND u.deleted_at IS NULL`;

/**
 * The academic office issues initial passwords and prints them on account slips. Issuing
 * generates a new random password per account, stores only its hash, marks the account to
 * change it at the next sign-in and revokes its tokens: a slip printed earlier for the same
 * account stops working. The passwords exist only in the file and the answer of this call.
 */
export class AccountSlipService {
  async issue(ctx: RequestContext, selection: SlipSelection, format: SlipFormat): Promise<IssuedSlips> {
    if (!ctx.hasRole(Role.ACADEMIC_OFFICE)) throw new ForbiddenError(AccountSlipInputErrors.OFFICE_ONLY);
    const chosen = [selection.classId ? 1 : 0, selection.teachers ? 1 : 0, selection.userIds?.length ? 1 : 0].reduce((a, b) => a + b, 0);
    if (chosen !== 1) throw new InvalidInputError('classId', AccountSlipInputErrors.ONE_SELECTION);
    const school = await ctx.db.getRepository(School).findOneByOrFail({ id: ctx.schoolId });
    const { scope, accounts } = await this.accountsOf(ctx, selection);
    if (!accounts.length) throw new RuleViolation(AccountSlipErrors.NO_ACCOUNTS_TO_ISSUE, [selection.userIds ? 'userIds' : selection.classId ? 'classId' : 'teachers'], { scope });

    const passwords = accounts.map(() => initialPassword());
    const { concurrency, maxPerAddress } = ctx.config.passwordChecks;
    // Slow by design: hashed holding no connection, a few at a time through the process's
    // password check queue, so sign-ins keep their turns meanwhile.
    const hashes = await ctx.withoutConnection(() => mapBounded(passwords, Math.min(concurrency, maxPerAddress), (password) =>
      passwordChecks.admit(ctx.clientAddress, ctx.config.passwordChecks, (check) => check(() => hashPassword(password, ctx.config.passwordHashCost)))));

    await withTransaction(ctx, async (txCtx) => {
      // Only if nobody changed a password or signed out meanwhile (the token version read above).
      const result = await txCtx.db.query(
        `UPDATE users u SET password_hash = v.hash, must_change_password = true, token_version = u.token_version + 1
           FROM unnest($2::uuid[], $3::text[], $4::int[]) AS v(id, hash, version)
          WHERE u.school_id = $1 AND u.id = v.id AND u.token_version = v.version AND ${ACTIVE_SQL}
          RETURNING u.id`,
        [txCtx.schoolId, accounts.map((a) => a.id), hashes, accounts.map((a) => a.token_version)]);
      // TypeORM answers [rows, count] for an UPDATE … RETURNING on PostgreSQL.
      const rows = Array.isArray(result[0]) ? result[0] : result;
      if (rows.length !== accounts.length) throw new RuleViolation(CoreErrors.CONCURRENT_CHANGE);
    });

    const slips: Slip[] = accounts.map((a, i) => ({
      userId: a.id, username: a.username, displayName: a.display_name, roleName: a.role_name, childName: a.child_name,
      className: a.class_name ?? '教职工', initialPassword: passwords[i],
    }));
    const sheet = { schoolName: school.name, schoolCode: school.code, scope, issuedOn: schoolToday(), slips };
    const data = format === 'pdf' ? await slipsPdf(sheet) : await slipsWorkbook(sheet);
    return {
      fileName: `${school.name}账号条-${scope}.${format}`, mimeType: format === 'pdf' ? PDF_MIME_TYPE : XLSX_MIME_TYPE, data, scope, slips,
    };
  }

  /**
   * The accounts a selection covers, in the order the slips are printed: a class's students by
   * 学籍号, each followed by their parents (a slip to take home); staff by username; named
   * accounts as named.
   */
  private async accountsOf(ctx: RequestContext, selection: SlipSelection): Promise<{ scope: string; accounts: AccountRow[] }> {
    const me = ctx.viewer.userId;
    if (selection.classId) {
      const cls = await ctx.db.getRepository(SchoolClass).findOneBy({ schoolId: ctx.schoolId, id: selection.classId });
      if (!cls) throw new NotFoundError('Class', selection.classId);
      const rows: (AccountRow & { student_order: string; parent_order: number })[] = await ctx.db.query(
        `SELECT u.id, u.username, u.display_name, u.token_version, ${PENDING_SQL} AS pending, false AS deactivated, '学生' AS role_name,
                NULL AS child_name, c.name AS class_name, coalesce(u.student_no, u.username) AS student_order, 0 AS parent_order
           FROM users u JOIN classes c ON c.school_id = u.school_id AND c.id = u.class_id
          WHERE u.school_id = $1 AND u.class_id = $2 AND ${ACTIVE_SQL}
            AND EXISTS (SELECT 1 FROM user_roles r WHERE r.school_id = u.school_id AND r.user_id = u.id AND r.role = 'student')
         UNION ALL
         SELECT u.id, u.username, u.display_name, u.token_version, ${PENDING_SQL}, false, '家长', s.display_name, c.name,
                coalesce(s.student_no, s.username), 1
           FROM parent_links l
           JOIN users s ON s.school_id = l.school_id AND s.id = l.student_id
           JOIN classes c ON c.school_id = s.school_id AND c.id = s.class_id
           JOIN users u ON u.school_id = l.school_id AND u.id = l.parent_id
          WHERE l.school_id = $1 AND s.class_id = $2 AND s.deleted_at IS NULL AND ${ACTIVE_SQL}
          ORDER BY student_order, parent_order, username`,
        [ctx.schoolId, cls.id]);
      // A parent of two children of the class gets one slip, with the first child's.
      const seen = new Set<string>();
      const accounts = rows.filter((r) => r.pending && r.id !== me && !seen.has(r.id) && seen.add(r.id));
      return { scope: cls.name, accounts };
    }
    if (selection.teachers) {
      const rows: AccountRow[] = await ctx.db.query(
        `SELECT u.id, u.username, u.display_name, u.token_version, ${PENDING_SQL} AS pending, false AS deactivated, ${ROLE_NAME_SQL} AS role_name,
                NULL AS child_name, NULL AS class_name
           FROM users u
          WHERE u.school_id = $1 AND ${ACTIVE_SQL} AND u.id <> $2
            AND EXISTS (SELECT 1 FROM user_roles r WHERE r.school_id = u.school_id AND r.user_id = u.id AND r.role IN ('teacher', 'academic_office'))
            AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.school_id = u.school_id AND r.user_id = u.id AND r.role = 'student')
          ORDER BY u.username`,
        [ctx.schoolId, me]);
      return { scope: '教职工', accounts: rows.filter((r) => r.pending) };
    }
    const ids = [...new Set(selection.userIds ?? [])];
    if (ids.includes(me)) throw new RuleViolation(AccountSlipErrors.OWN_PASSWORD_RESET, ['userIds']);
    const rows: AccountRow[] = await ctx.db.query(
      `SELECT u.id, u.username, u.display_name, u.token_version, ${PENDING_SQL} AS pending,
              (u.deactivated_at IS NOT NULL OR u.deleted_at IS NOT NULL) AS deactivated, ${ROLE_NAME_SQL} AS role_name,
              (SELECT s.display_name FROM parent_links l JOIN users s ON s.school_id = l.school_id AND s.id = l.student_id
                WHERE l.school_id = u.school_id AND l.parent_id = u.id ORDER BY s.student_no, s.username LIMIT 1) AS child_name,
              coalesce(c.name, (SELECT sc.name FROM parent_links l JOIN users s ON s.school_id = l.school_id AND s.id = l.student_id
                 JOIN classes sc ON sc.school_id = s.school_id AND sc.id = s.class_id
                WHERE l.school_id = u.school_id AND l.parent_id = u.id ORDER BY s.student_no, s.username LIMIT 1)) AS class_name
         FROM users u LEFT JOIN classes c ON c.school_id = u.school_id AND c.id = u.class_id
        WHERE u.school_id = $1 AND u.id = ANY($2::uuid[])`,
      [ctx.schoolId, ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const accounts = ids.map((id, i) => {
      const row = byId.get(id);
      if (!row) throw new NotFoundError('User', id);
      if (row.deactivated) throw new InvalidInputError(`userIds.${i}`, AccountSlipInputErrors.ACCOUNT_CLOSED, { name: row.display_name });
      return row;
    });
    return { scope: '指定账号', accounts };
  }
}

export const accountSlipService = new AccountSlipService();
