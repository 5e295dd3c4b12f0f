import { In, IsNull } from 'typeorm';
import { RequestContext } from '../../core/context';
import { ForbiddenError, NotFoundError, RuleViolation } from '../../core/errors';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { User, UserRole } from '../user/user.entity';
import { canSeeClass, canSeeClassRoster } from '../user/user.policy';
import { SchoolYearErrors } from '../school-year/school-year.errors';
import { SchoolClass, TeachingAssignment } from './class.entity';
import { ClassMessages } from './class.errors';
import { UserErrors } from '../user/user.errors';

export interface HeadTeacherSetInput {
  classId: string;
  teacherId: string;
}

export class ClassService {
  /**
   * The classes the caller works with: all for the academic office; taught and led classes
   * for teachers; their own class for a student; their children's classes for a parent. Only
   * current classes: those archived at a school-year rollover are history, listed for the
   * academic office with `includeArchived` and readable by id.
   */
  async list(ctx: RequestContext, grade?: number | null, includeArchived = false): Promise<SchoolClass[]> {
    const v = ctx.viewer;
    const where: Record<string, unknown> = { schoolId: v.schoolId };
    if (grade) where.grade = grade;
    if (!(includeArchived && v.roles.has(Role.ACADEMIC_OFFICE))) where.archivedAt = IsNull();
    if (!v.roles.has(Role.ACADEMIC_OFFICE)) {
      const ids = new Set([...v.taughtClassIds, ...v.headClassIds, ...v.childClassIds]);
      if (v.classId) ids.add(v.classId);
      if (ids.size === 0) return [];
      where.id = In([...ids]);
    }
    return ctx.db.getRepository(SchoolClass).find({ where, order: { grade: 'ASC', classNo: 'ASC' } });
  }

  /** A class the caller may see; NOT_FOUND otherwise. */
  async get(ctx: RequestContext, id: string): Promise<SchoolClass> {
    const c = await ctx.loaders.classById.load(id);
    if (!c || !canSeeClass(ctx.viewer, c.id)) throw new NotFoundError('Class', id);
    return c;
  }

  /** A class by id without the visibility check, for relations already scoped by their owner. */
  async byId(ctx: RequestContext, id: string | null): Promise<SchoolClass | null> {
    return id ? ctx.loaders.classById.load(id) : null;
  }

  /** The students of a class, for staff who work with it. */
  async students(ctx: RequestContext, c: SchoolClass): Promise<User[]> {
    if (!canSeeClassRoster(ctx.viewer, c.id)) {
      throw new ForbiddenError(ClassMessages.ROSTER_STAFF_ONLY, { className: c.name });
    }
    return ctx.loaders.studentsByClassId.load(c.id);
  }

  async headTeacher(ctx: RequestContext, c: SchoolClass): Promise<User | null> {
    return c.headTeacherId ? ctx.loaders.userById.load(c.headTeacherId) : null;
  }

  async teachingOfClass(ctx: RequestContext, c: SchoolClass): Promise<TeachingAssignment[]> {
    return ctx.loaders.teachingByClassId.load(c.id);
  }

  /** What a teacher teaches; the caller sees the rows of classes visible to them. */
  async teachingOfTeacher(ctx: RequestContext, teacherId: string): Promise<TeachingAssignment[]> {
    const rows = await ctx.loaders.teachingByTeacherId.load(teacherId);
    return rows.filter((t) => teacherId === ctx.viewer.userId || canSeeClass(ctx.viewer, t.classId));
  }

  async headClassesOf(ctx: RequestContext, teacherId: string): Promise<SchoolClass[]> {
    const rows = await ctx.loaders.headClassesByTeacherId.load(teacherId);
    return rows.filter((c) => canSeeClass(ctx.viewer, c.id));
  }

  async teachingAssignment(ctx: RequestContext, id: string): Promise<TeachingAssignment> {
    const row = await ctx.db.getRepository(TeachingAssignment).findOneBy({ schoolId: ctx.schoolId, id });
    if (!row || !canSeeClass(ctx.viewer, row.classId)) throw new NotFoundError('TeachingAssignment', id);
    return row;
  }

  /**
   * Makes a teacher the head teacher (班主任) of a class. Academic office only; the teacher
   * must hold the teacher role in the same school.
   */
  async setHeadTeacher(ctx: RequestContext, input: HeadTeacherSetInput): Promise<SchoolClass> {
    if (!ctx.hasRole(Role.ACADEMIC_OFFICE)) throw new ForbiddenError(ClassMessages.HEAD_TEACHER_OFFICE_ONLY);
    return withTransaction(ctx, async (txCtx) => {
      const c = await txCtx.db.findOneBy(SchoolClass, { schoolId: txCtx.schoolId, id: input.classId });
      if (!c) throw new NotFoundError('Class', input.classId);
      if (c.archivedAt) throw new RuleViolation(SchoolYearErrors.CLASS_ARCHIVED, ['classId'], { name: c.name });
      const teacher = await txCtx.db.findOneBy(User, { schoolId: txCtx.schoolId, id: input.teacherId });
      if (!teacher) throw new NotFoundError('User', input.teacherId);
      const isTeacher = await txCtx.db.exists(UserRole, { where: { schoolId: txCtx.schoolId, userId: teacher.id, role: Role.TEACHER } });
      if (!isTeacher) {
        throw new RuleViolation(UserErrors.NOT_A_TEACHER, ['teacherId'], { name: teacher.displayName });
      }
      await txCtx.db.update(SchoolClass, { schoolId: txCtx.schoolId, id: c.id }, { headTeacherId: teacher.id });
      return { ...c, headTeacherId: teacher.id };
    });
  }
}

export const classService = new ClassService();
