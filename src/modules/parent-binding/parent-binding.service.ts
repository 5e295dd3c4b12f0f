import { randomBytes, randomUUID } from 'node:crypto';
import { RequestContext, ShortTransaction, TxContext } from '../../core/context';
import { ForbiddenError, NotFoundError, RuleViolation } from '../../core/errors';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { authService } from '../auth/auth.service';
import { accountKey, addressKey, countLoginAttempt, loginSucceeded } from '../auth/login-attempts';
import { hashPassword } from '../auth/password';
import { passwordChecks } from '../auth/password-checks';
import { issueToken } from '../auth/token';
import { SchoolClass } from '../class/class.entity';
import { ParentLink, ParentRelation, User } from '../user/user.entity';
import { userService } from '../user/user.service';
import { BindingStatus, ParentBindingRequest } from './parent-binding.entity';
import { MAX_GUARDIANS, ParentBindingAccessErrors, ParentBindingErrors } from './parent-binding.errors';

/** What identifies the child: the class's join code, the child's name and the last digits of the 学籍号. */
export interface ChildClaim {
  joinCode: string;
  childName: string;
  studentNoDigits: string;
  relation: ParentRelation;
  /** Guardian consent to keeping the child's data, given with the request. */
  consent: boolean;
}

export interface ParentRegistration extends ChildClaim {
  schoolCode: string;
  username: string;
  displayName: string;
  password: string;
}

export interface Registered {
  token: string;
  expiresAt: Date;
  user: User;
  request: ParentBindingRequest;
}

interface MatchedChild {
  studentId: string;
  classId: string;
  displayName: string;
}

/** Join codes: 8 hexadecimal capitals (no O or I to mistake), as the column's default makes them. */
export const JOIN_CODE = /^[0-9A-F]{8}$/;
export const newJoinCode = () => randomBytes(4).toString('hex').toUpperCase();

const normalName = (name: string) => name.normalize('NFC').replace(/\s+/g, '');

/**
 * Parents bind themselves to their children. A guess of a child is counted like a sign-in
 * (login_attempts): per child named with a join code, and per address, so the last digits of a
 * 学籍号 cannot be tried through. When the roster already lists the parent for the child (an
 * account opened by the roster import with this username, linked to the child and never given
 * a password), the binding is approved at once; otherwise it waits for the head teacher. A child
 * has at most two guardians.
 */
export class ParentBindingService {
  /** A new parent (or a parent the roster listed, claiming their account) registers and asks for a child. */
  async register(ctx: RequestContext, input: ParentRegistration): Promise<Registered> {
    const { config } = ctx;
    const username = input.username.trim().toLowerCase();
    const checked = await ctx.withoutConnection((short) =>
      passwordChecks.admit(ctx.clientAddress, config.passwordChecks, async (check) => {
        const [found]: { id: string | null }[] = await short(null, (db) => db.query(`SELECT school_id_for_code($1) AS id`, [input.schoolCode.trim().toLowerCase()]));
        const schoolId = found?.id ?? null;
        const child = await this.matchChild(ctx, short, schoolId, input);
        const passwordHash = await check(() => hashPassword(input.password, config.passwordHashCost));
        return { schoolId: schoolId!, child, passwordHash };
      }));
    const { schoolId, child, passwordHash } = checked;
    await ctx.moveToSchool(schoolId);
    const { userId, request } = await withTransaction(ctx, async (txCtx) => {
      await lockStudent(txCtx, schoolId, child.studentId);
      const [existing]: { id: string; no_password: boolean; active: boolean; parent: boolean; linked: boolean }[] = await txCtx.db.query(
        `SELECT u.id, u.password_hash IS NULL AS no_password, (u.deactivated_at IS NULL AND u.deleted_at IS NULL) AS active,
                EXISTS (SELECT 1 FROM user_roles r WHERE r.school_id = u.school_id AND r.user_id = u.id AND r.role = 'parent') AS parent,
                EXISTS (SELECT 1 FROM parent_links l WHERE l.school_id = u.school_id AND l.parent_id = u.id AND l.student_id = $3) AS linked
           FROM users u WHERE u.school_id = $1 AND u.username = $2`,
        [schoolId, username, child.studentId]);
      if (existing) {
        // The roster listed this parent for this child and no password was issued yet: theirs now.
        if (!(existing.parent && existing.linked && existing.no_password && existing.active)) {
          throw new RuleViolation(ParentBindingErrors.PARENT_ACCOUNT_EXISTS, ['username'], { username });
        }
        await txCtx.db.query(
          `UPDATE users SET password_hash = $3, must_change_password = false, token_version = token_version + 1 WHERE school_id = $1 AND id = $2`,
          [schoolId, existing.id, passwordHash]);
        const request = await insertRequest(txCtx, schoolId, existing.id, child, input, BindingStatus.APPROVED);
        await applyConsent(txCtx, schoolId, request);
        return { userId: existing.id, request };
      }
      await refuseFull(txCtx, schoolId, child);
      const id = randomUUID();
      await txCtx.db.query(
        `INSERT INTO users (school_id, id, username, display_name, password_hash, must_change_password) VALUES ($1, $2, $3, $4, $5, false)`,
        [schoolId, id, username, input.displayName.trim(), passwordHash]);
      await txCtx.db.query(`INSERT INTO user_roles (school_id, user_id, role) VALUES ($1, $2, 'parent')`, [schoolId, id]);
      return { userId: id, request: await insertRequest(txCtx, schoolId, id, child, input, BindingStatus.PENDING) };
    });
    const loaded = await userService.loadViewer(ctx.db, schoolId, userId);
    if (loaded) ctx.signIn(loaded.viewer);
    const user = await ctx.db.getRepository(User).findOneByOrFail({ schoolId, id: userId });
    const { token, expiresAt } = issueToken(user, config.authTokenSecret, config.authTokenTtlSeconds);
    return { token, expiresAt, user, request };
  }

  /** A signed-in parent asks for another child. */
  async request(ctx: RequestContext, input: ChildClaim): Promise<ParentBindingRequest> {
    const { schoolId, userId } = ctx.viewer;
    const child = await ctx.withoutConnection((short) => this.matchChild(ctx, short, schoolId, input));
    return withTransaction(ctx, async (txCtx) => {
      await lockStudent(txCtx, schoolId, child.studentId);
      if (await txCtx.db.exists(ParentLink, { where: { schoolId, parentId: userId, studentId: child.studentId } })) {
        throw new RuleViolation(ParentBindingErrors.ALREADY_BOUND, ['childName'], { child: child.displayName });
      }
      if (await txCtx.db.exists(ParentBindingRequest, { where: { schoolId, parentId: userId, studentId: child.studentId, status: BindingStatus.PENDING } })) {
        throw new RuleViolation(ParentBindingErrors.BINDING_PENDING, ['childName'], { child: child.displayName });
      }
      await refuseFull(txCtx, schoolId, child);
      return insertRequest(txCtx, schoolId, userId, child, input, BindingStatus.PENDING);
    });
  }

  /** The head teacher of the child's class (or the academic office) approves or rejects a waiting request. */
  async decide(ctx: RequestContext, requestId: string, approve: boolean, reason: string | null): Promise<ParentBindingRequest> {
    const { schoolId } = ctx.viewer;
    return withTransaction(ctx, async (txCtx) => {
      const request = await txCtx.db.findOne(ParentBindingRequest, { where: { schoolId, id: requestId }, lock: { mode: 'pessimistic_write' } });
      if (!request || !this.mayDecide(ctx, request.classId)) throw new NotFoundError('ParentBindingRequest', requestId);
      if (request.status !== BindingStatus.PENDING) throw new RuleViolation(ParentBindingErrors.BINDING_ALREADY_DECIDED, ['requestId']);
      const decided = { decidedAt: new Date(), decidedBy: txCtx.viewer.userId };
      if (!approve) {
        const patch = { ...decided, status: BindingStatus.REJECTED, reason: reason?.trim() || null };
        await txCtx.db.update(ParentBindingRequest, { schoolId, id: requestId }, patch);
        return { ...request, ...patch };
      }
      const student = await lockStudent(txCtx, schoolId, request.studentId);
      if (!(await txCtx.db.exists(ParentLink, { where: { schoolId, parentId: request.parentId, studentId: request.studentId } }))) {
        await refuseFull(txCtx, schoolId, { studentId: student.id, classId: request.classId, displayName: student.displayName });
        await txCtx.db.insert(ParentLink, { schoolId, parentId: request.parentId, studentId: request.studentId, relation: request.relation });
      }
      const patch = { ...decided, status: BindingStatus.APPROVED };
      await txCtx.db.update(ParentBindingRequest, { schoolId, id: requestId }, patch);
      await applyConsent(txCtx, schoolId, request);
      return { ...request, ...patch };
    });
  }

  /**
   * Requests the caller may see, oldest first: a parent their own; a head teacher those of
   * their classes; the academic office every one. Filtered by class and status.
   */
  async list(ctx: RequestContext, classId: string | null, status: BindingStatus | null): Promise<ParentBindingRequest[]> {
    const v = ctx.viewer;
    const office = ctx.hasRole(Role.ACADEMIC_OFFICE);
    const qb = ctx.db.getRepository(ParentBindingRequest).createQueryBuilder('r')
      .where('r.school_id = :schoolId', { schoolId: v.schoolId })
      .orderBy('r.created_at', 'ASC').addOrderBy('r.id', 'ASC').limit(500);
    if (!office) {
      qb.andWhere('(r.parent_id = :me OR r.class_id = ANY(:heads))', { me: v.userId, heads: [...v.headClassIds] });
    }
    if (classId) qb.andWhere('r.class_id = :classId', { classId });
    if (status) qb.andWhere('r.status = :status', { status });
    return qb.getMany();
  }

  /** The class's join code, for its head teacher and the academic office; null for everyone else. */
  mayDecide(ctx: RequestContext, classId: string): boolean {
    return ctx.hasRole(Role.ACADEMIC_OFFICE) || ctx.viewer.headClassIds.has(classId);
  }

  /** A new join code for a class: the old one stops working (requests made with it stay). */
  async regenerateJoinCode(ctx: RequestContext, classId: string): Promise<{ cls: SchoolClass; joinCode: string }> {
    const cls = await ctx.db.getRepository(SchoolClass).findOneBy({ schoolId: ctx.schoolId, id: classId });
    if (!cls) throw new NotFoundError('Class', classId);
    if (!this.mayDecide(ctx, classId)) throw new ForbiddenError(ParentBindingAccessErrors.HEAD_TEACHER_ONLY);
    const joinCode = newJoinCode();
    await withTransaction(ctx, (txCtx) => txCtx.db.query(`UPDATE classes SET join_code = $3 WHERE school_id = $1 AND id = $2`, [txCtx.schoolId, classId, joinCode]));
    return { cls, joinCode };
  }

  /**
   * The one student the claim names, or BINDING_NOT_MATCHED (which of the parts is wrong is not
   * said). Every attempt is counted first, per child named with the code and per address; once
   * either is past its limit the attempt is refused (TOO_MANY_ATTEMPTS) without being checked.
   * A match takes its attempt off the counts again.
   */
  private async matchChild(ctx: RequestContext, short: ShortTransaction, schoolId: string | null, claim: ChildClaim): Promise<MatchedChild> {
    const { config } = ctx;
    const joinCode = claim.joinCode.trim().toUpperCase();
    const childName = normalName(claim.childName);
    const digits = claim.studentNoDigits.trim().toUpperCase();
    const address = addressKey(config.authTokenSecret, ctx.clientAddress);
    const window = config.loginThrottle.windowSeconds;
    if (!schoolId) {
      authService.refuseOverLimit(ctx, await short(null, (db) => countLoginAttempt(db, { address }, window)));
      throw new RuleViolation(ParentBindingErrors.BINDING_NOT_MATCHED, ['schoolCode']);
    }
    const account = accountKey(config.authTokenSecret, schoolId, `bind:${joinCode}:${childName}`);
    const counts = await short(null, (db) => countLoginAttempt(db, { account, address }, window));
    authService.refuseOverLimit(ctx, counts);
    const rows: MatchedChild[] = JOIN_CODE.test(joinCode) ? await short(schoolId, (db) => db.query(
      `SELECT s.id AS "studentId", s.class_id AS "classId", s.display_name AS "displayName"
         FROM classes c JOIN users s ON s.school_id = c.school_id AND s.class_id = c.id
        WHERE c.school_id = $1 AND c.join_code = $2 AND c.archived_at IS NULL
          AND regexp_replace(s.display_name, '\\s+', '', 'g') = $3 AND upper(s.student_no) LIKE '%' || $4
          AND s.deleted_at IS NULL AND s.deactivated_at IS NULL
          AND EXISTS (SELECT 1 FROM user_roles r WHERE r.school_id = s.school_id AND r.user_id = s.id AND r.role = 'student')`,
      [schoolId, joinCode, childName, digits])) : [];
    if (rows.length !== 1) {
      const failures = counts.find((c) => c.kind === 'account')?.failures ?? 0;
      throw new RuleViolation(ParentBindingErrors.BINDING_NOT_MATCHED, ['studentNoDigits'],
        { attemptsLeft: Math.max(0, config.loginThrottle.maxFailuresPerAccount - failures) });
    }
    await short(null, (db) => loginSucceeded(db, account, address));
    return rows[0];
  }
}

// The helpers below run in the caller's transaction (`ctx.db`) and are given the school: a parent
// registering is not signed in yet, so the context has no viewer to take it from.

/** The student's row, locked until the caller's transaction ends, or NOT_FOUND. */
async function lockStudent(ctx: TxContext, schoolId: string, studentId: string): Promise<User> {
  const student = await ctx.db.findOne(User, { where: { schoolId, id: studentId }, lock: { mode: 'pessimistic_write' } });
  if (!student) throw new NotFoundError('Student', studentId);
  return student;
}

/** Refuses a third guardian. Run with the student's row locked, so two approvals cannot both pass. */
async function refuseFull(ctx: TxContext, schoolId: string, child: MatchedChild): Promise<void> {
  const guardians = await ctx.db.count(ParentLink, { where: { schoolId, studentId: child.studentId } });
  if (guardians >= MAX_GUARDIANS) {
    throw new RuleViolation(ParentBindingErrors.GUARDIANS_FULL, ['childName'], { maxGuardians: MAX_GUARDIANS, guardians, child: child.displayName });
  }
}

async function insertRequest(ctx: TxContext, schoolId: string, parentId: string, child: MatchedChild, claim: ChildClaim, status: BindingStatus): Promise<ParentBindingRequest> {
  const now = new Date();
  const request: ParentBindingRequest = {
    schoolId, id: randomUUID(), parentId, studentId: child.studentId, classId: child.classId, relation: claim.relation, consent: claim.consent,
    status, automatic: status === BindingStatus.APPROVED, reason: null, createdAt: now,
    decidedAt: status === BindingStatus.PENDING ? null : now, decidedBy: null,
  };
  await ctx.db.insert(ParentBindingRequest, request);
  return request;
}

/** The consent given with the request takes effect with the binding (a consent already given stays as it is). */
async function applyConsent(ctx: TxContext, schoolId: string, request: ParentBindingRequest): Promise<void> {
  if (!request.consent) return;
  await ctx.db.query(
    `UPDATE users SET guardian_consent_at = now(), guardian_consent_by = $3 WHERE school_id = $1 AND id = $2 AND guardian_consent_at IS NULL`,
    [schoolId, request.studentId, request.parentId]);
}

export const parentBindingService = new ParentBindingService();
