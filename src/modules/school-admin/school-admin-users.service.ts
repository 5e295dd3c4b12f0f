import { randomBytes, randomUUID } from 'node:crypto';
import { In, Not } from 'typeorm';
import { RequestContext, TxContext } from '../../core/context';
import { InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { hashPassword } from '../auth/password';
import { SchoolClass } from '../class/class.entity';
import { SchoolYearErrors } from '../school-year/school-year.errors';
import { ParentLink, ParentRelation, User, UserRole } from '../user/user.entity';
import { checkRevision } from './school-admin.policy';
import { lockedRow, requireOffice } from './school-admin.service';
import { UserErrors } from '../user/user.errors';
import { SchoolAdminErrors, SchoolAdminMessages } from './school-admin.errors';

/** Held by position (a class's head teacher, a group's lead), never stored as a role. */
const POSITION_ROLES = new Set([Role.HEAD_TEACHER, Role.RESEARCH_LEAD]);

export interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  classId?: string | null;
  studentNo?: string | null;
  children?: { studentId: string; relation: ParentRelation }[] | null;
}

export interface UserChanges {
  displayName?: string | null;
  classId?: string | null;
  studentNo?: string | null;
}

/** The academic office opens, edits and deactivates accounts and sets their roles. */
export class SchoolAdminUsersService {
  /**
   * Opens an account with a generated initial password, returned once: only its hash is
   * stored. A student needs a class; a parent is linked to their children (students).
   */
  async create(ctx: RequestContext, input: NewUser): Promise<{ user: User; initialPassword: string }> {
    requireOffice(ctx);
    const roles = storedRoles(input.roles);
    const isStudent = roles.includes(Role.STUDENT);
    if (isStudent && !input.classId) throw new InvalidInputError('classId', SchoolAdminMessages.STUDENT_NEEDS_CLASS);
    if (!isStudent && (input.classId || input.studentNo)) throw new InvalidInputError('classId', SchoolAdminMessages.CLASS_ONLY_FOR_STUDENTS);
    if (input.children?.length && !roles.includes(Role.PARENT)) throw new InvalidInputError('children', SchoolAdminMessages.CHILDREN_ONLY_FOR_PARENTS);
    const childIds = (input.children ?? []).map((c) => c.studentId);
    if (new Set(childIds).size < childIds.length) throw new InvalidInputError('children', SchoolAdminMessages.CHILD_TWICE);
    const initialPassword = randomBytes(9).toString('base64url');
    const passwordHash = await hashPassword(initialPassword, ctx.config.passwordHashCost);
    const user = await withTransaction(ctx, async (txCtx) => {
      const username = input.username.toLowerCase();
      if (await txCtx.db.exists(User, { where: { schoolId: txCtx.schoolId, username } })) {
        throw new RuleViolation(SchoolAdminErrors.USERNAME_TAKEN, ['username'], { username });
      }
      if (input.classId) await classOf(txCtx, input.classId);
      if (input.studentNo) await refuseTakenStudentNo(txCtx, input.studentNo.trim(), null);
      const children = input.children ?? [];
      for (const [i, child] of children.entries()) await studentOf(txCtx, child.studentId, `children.${i}.studentId`);
      const row = {
        // An initial password, as on an account slip: changed at the first sign-in.
        schoolId: txCtx.schoolId, id: randomUUID(), username, displayName: input.displayName.trim(), passwordHash, mustChangePassword: true,
        classId: input.classId ?? null, studentNo: input.studentNo?.trim() ?? null,
      };
      await txCtx.db.insert(User, row);
      if (roles.length) await txCtx.db.insert(UserRole, roles.map((role) => ({ schoolId: txCtx.schoolId, userId: row.id, role })));
      if (children.length) {
        await txCtx.db.insert(ParentLink, children.map((c) => ({ schoolId: txCtx.schoolId, parentId: row.id, studentId: c.studentId, relation: c.relation })));
      }
      return txCtx.db.findOneByOrFail(User, { schoolId: txCtx.schoolId, id: row.id });
    });
    return { user, initialPassword };
  }

  /** Changes a user's name, or a student's class or 学籍号. */
  async update(ctx: RequestContext, userId: string, expectedRevision: number, changes: UserChanges): Promise<User> {
    requireOffice(ctx);
    return withTransaction(ctx, async (txCtx) => {
      const user = await lockedRow(txCtx, User, 'User', userId);
      checkRevision(user.displayName, user.revision, expectedRevision);
      const patch: Partial<User> = { revision: user.revision + 1 };
      if (changes.displayName != null) patch.displayName = changes.displayName.trim();
      if (changes.classId != null || changes.studentNo != null) {
        if (!(await txCtx.db.exists(UserRole, { where: { schoolId: txCtx.schoolId, userId, role: Role.STUDENT } }))) {
          throw new RuleViolation(UserErrors.NOT_A_STUDENT, ['userId'], { name: user.displayName, detail: 'class' });
        }
      }
      if (changes.classId != null) patch.classId = (await classOf(txCtx, changes.classId)).id;
      if (changes.studentNo != null) {
        patch.studentNo = changes.studentNo.trim();
        await refuseTakenStudentNo(txCtx, patch.studentNo, user.id);
      }
      await txCtx.db.update(User, { schoolId: txCtx.schoolId, id: user.id }, patch);
      return { ...user, ...patch };
    });
  }

  /** Replaces the roles a user holds; nobody removes their own academic-office role. */
  async setRoles(ctx: RequestContext, userId: string, expectedRevision: number, requested: Role[]): Promise<User> {
    requireOffice(ctx);
    const roles = storedRoles(requested);
    if (userId === ctx.viewer.userId && !roles.includes(Role.ACADEMIC_OFFICE)) {
      throw new RuleViolation(SchoolAdminErrors.OWN_OFFICE_ROLE, ['roles']);
    }
    return withTransaction(ctx, async (txCtx) => {
      const user = await lockedRow(txCtx, User, 'User', userId);
      checkRevision(user.displayName, user.revision, expectedRevision);
      if (user.deactivatedAt) throw new RuleViolation(UserErrors.USER_DEACTIVATED, ['userId'], { name: user.displayName });
      await txCtx.db.delete(UserRole, { schoolId: txCtx.schoolId, userId, role: Not(In(roles)) });
      if (roles.length) await txCtx.db.upsert(UserRole, roles.map((role) => ({ schoolId: txCtx.schoolId, userId, role })), ['schoolId', 'userId', 'role']);
      await txCtx.db.update(User, { schoolId: txCtx.schoolId, id: userId }, { revision: user.revision + 1 });
      return { ...user, revision: user.revision + 1 };
    });
  }

  /**
   * Deactivates an account (someone who left): it can no longer sign in and its tokens stop
   * working, while its items, marks, classes and groups keep naming it in the history.
   */
  async deactivate(ctx: RequestContext, userId: string, expectedRevision: number): Promise<User> {
    requireOffice(ctx);
    if (userId === ctx.viewer.userId) throw new RuleViolation(SchoolAdminErrors.OWN_OFFICE_ROLE, ['userId'], { deactivate: 'yes' });
    return withTransaction(ctx, async (txCtx) => {
      const user = await lockedRow(txCtx, User, 'User', userId);
      checkRevision(user.displayName, user.revision, expectedRevision);
      if (user.deactivatedAt) throw new RuleViolation(UserErrors.USER_DEACTIVATED, ['userId'], { name: user.displayName });
      const patch = { deactivatedAt: new Date(), tokenVersion: user.tokenVersion + 1, revision: user.revision + 1 };
      await txCtx.db.update(User, { schoolId: txCtx.schoolId, id: userId }, patch);
      return { ...user, ...patch };
    });
  }
}

/** The roles to store: position roles are refused, duplicates dropped, at least one required. */
function storedRoles(roles: Role[]): Role[] {
  const position = roles.find((r) => POSITION_ROLES.has(r));
  if (position) throw new InvalidInputError('roles', SchoolAdminMessages.POSITION_ROLE);
  if (roles.length === 0) throw new InvalidInputError('roles', SchoolAdminMessages.NO_ROLE);
  return [...new Set(roles)];
}

async function classOf(ctx: TxContext, classId: string): Promise<SchoolClass> {
  const c = await ctx.db.findOneBy(SchoolClass, { schoolId: ctx.schoolId, id: classId });
  if (!c) throw new NotFoundError('Class', classId);
  if (c.archivedAt) throw new RuleViolation(SchoolYearErrors.CLASS_ARCHIVED, ['classId'], { name: c.name });
  return c;
}

async function studentOf(ctx: TxContext, id: string, field: string): Promise<User> {
  const user = await ctx.db.findOneBy(User, { schoolId: ctx.schoolId, id });
  if (!user) throw new NotFoundError('User', id);
  if (!(await ctx.db.exists(UserRole, { where: { schoolId: ctx.schoolId, userId: id, role: Role.STUDENT } }))) {
    throw new RuleViolation(UserErrors.NOT_A_STUDENT, [field], { name: user.displayName });
  }
  return user;
}

async function refuseTakenStudentNo(ctx: TxContext, studentNo: string, exceptId: string | null): Promise<void> {
  const holder = await ctx.db.findOneBy(User, { schoolId: ctx.schoolId, studentNo, ...(exceptId ? { id: Not(exceptId) } : {}) });
  if (holder) throw new RuleViolation(SchoolAdminErrors.STUDENT_NO_TAKEN, ['studentNo'], { studentNo, holder: holder.displayName });
}

export const schoolAdminUsersService = new SchoolAdminUsersService();
