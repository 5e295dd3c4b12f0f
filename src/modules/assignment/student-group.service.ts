import { randomUUID } from 'node:crypto';
import { RequestContext, TxContext } from '../../core/context';
import { ForbiddenError, NotFoundError, RuleViolation, RuleViolations } from '../../core/errors';
import { checkRevision } from '../../core/revision';
import { withTransaction } from '../../core/transaction';
import { SchoolClass } from '../class/class.entity';
import { loadService, lockLoadRules } from '../load/load.service';
import { privacyService } from '../privacy/privacy.service';
import { Subject } from '../school/school.entity';
import { SchoolYearErrors } from '../school-year/school-year.errors';
import { staffReachesClass } from '../user/user.policy';
import { loadPlans, overlapping, plansOn } from './assignment-plan';
import { spanDays } from './assignment-span.policy';
import { Assignment, AssignmentStatus } from './assignment.entity';
import { AssignmentErrors, AssignmentMessages } from './assignment.errors';
import { assignmentService } from './assignment.service';
import { StudentGroup, StudentGroupMember } from './student-group.entity';
import { checkFacts, classStudents, membersOf } from './student-load';
import { requireSubjectTeacher } from './subject-teacher';

export interface StudentGroupCreateInput {
  classId: string;
  subjectId: string;
  name: string;
  studentIds: string[];
}

/**
 * Named groups of a class's students (分层、个性化, seed 000), kept by a teacher of the class and
 * subject, to address homework to part of the class. Every write takes the class row lock that
 * publishing takes, so a change of members and a publish for the class never interleave.
 */
export class StudentGroupService {
  /** The groups of a class (of one subject, if named), for staff of the class. */
  async ofClass(ctx: RequestContext, classId: string, subjectId?: string | null): Promise<StudentGroup[]> {
    if (!staffReachesClass(ctx.viewer, classId)) throw new ForbiddenError(AssignmentMessages.CLASS_STAFF_ONLY);
    return ctx.db.getRepository(StudentGroup).find({
      where: { schoolId: ctx.schoolId, classId, ...(subjectId ? { subjectId } : {}) }, order: { name: 'ASC', id: 'ASC' },
    });
  }

  /** A group, for staff of its class. */
  async get(ctx: RequestContext, id: string): Promise<StudentGroup> {
    const g = await ctx.db.findOneBy(StudentGroup, { schoolId: ctx.schoolId, id });
    if (!g || !staffReachesClass(ctx.viewer, g.classId)) throw new NotFoundError('StudentGroup', id);
    return g;
  }

  /** The members of a group (staff reading them is noted in the access log: who is in which group is a student's record). */
  async members(ctx: RequestContext, g: StudentGroup): Promise<string[]> {
    const ids = [...(await membersOf(ctx, [g.id])).get(g.id)!];
    privacyService.noteAccess(ctx, ids.map((studentId) => ({ studentId, resource: 'tier_choice' as const, resourceId: `group:${g.id}` })));
    return ids;
  }

  async create(ctx: RequestContext, input: StudentGroupCreateInput): Promise<StudentGroup> {
    return withTransaction(ctx, async (txCtx) => {
      const cls = await this.lockClass(txCtx, input.classId);
      const subject = await txCtx.db.findOneBy(Subject, { schoolId: ctx.schoolId, id: input.subjectId });
      if (!subject) throw new NotFoundError('Subject', input.subjectId);
      await requireSubjectTeacher(txCtx, cls.id, subject.id);
      const name = input.name.trim();
      await this.requireFreeName(txCtx, cls, subject, name);
      const id = randomUUID();
      await txCtx.db.insert(StudentGroup, {
        schoolId: ctx.schoolId, id, classId: cls.id, subjectId: subject.id, name, revision: 1, createdBy: ctx.viewer.userId,
      });
      await this.writeMembers(txCtx, cls, { id, name }, input.studentIds);
      return txCtx.db.findOneByOrFail(StudentGroup, { schoolId: ctx.schoolId, id });
    });
  }

  async rename(ctx: RequestContext, id: string, expectedRevision: number, name: string): Promise<StudentGroup> {
    return withTransaction(ctx, async (txCtx) => {
      const { g, cls, subject } = await this.lockForTeacher(txCtx, id);
      checkRevision('The group', g.revision, expectedRevision);
      const trimmed = name.trim();
      if (trimmed !== g.name) await this.requireFreeName(txCtx, cls, subject, trimmed);
      await txCtx.db.update(StudentGroup, { schoolId: ctx.schoolId, id }, { name: trimmed, revision: g.revision + 1, updatedAt: new Date() });
      return txCtx.db.findOneByOrFail(StudentGroup, { schoolId: ctx.schoolId, id });
    });
  }

  /**
   * Replaces the members. A student added to a group that published homework is addressed to
   * takes that homework on: each such day is checked against the caps for the students added,
   * as a publish would be, and the change is refused (naming the student) if one goes over.
   */
  async setMembers(ctx: RequestContext, id: string, expectedRevision: number, studentIds: string[]): Promise<StudentGroup> {
    return withTransaction(ctx, async (txCtx) => {
      const { g, cls } = await this.lockForTeacher(txCtx, id);
      checkRevision('The group', g.revision, expectedRevision);
      const before = (await membersOf(txCtx, [g.id])).get(g.id)!;
      const after = await this.writeMembers(txCtx, cls, g, studentIds);
      const added = new Set([...after].filter((s) => !before.has(s)));
      if (added.size) await this.checkDaysOf(txCtx, cls, g, after, added);
      await txCtx.db.update(StudentGroup, { schoolId: ctx.schoolId, id }, { revision: g.revision + 1, updatedAt: new Date() });
      return txCtx.db.findOneByOrFail(StudentGroup, { schoolId: ctx.schoolId, id });
    });
  }

  /** Deletes a group no homework is addressed to. */
  async delete(ctx: RequestContext, id: string, expectedRevision: number): Promise<string> {
    return withTransaction(ctx, async (txCtx) => {
      const { g } = await this.lockForTeacher(txCtx, id);
      checkRevision('The group', g.revision, expectedRevision);
      const assignmentCount = await txCtx.db.countBy(Assignment, { schoolId: ctx.schoolId, groupId: g.id });
      if (assignmentCount) throw new RuleViolation(AssignmentErrors.GROUP_IN_USE, ['groupId'], { group: g.name, assignmentCount });
      await txCtx.db.delete(StudentGroup, { schoolId: ctx.schoolId, id: g.id });
      return g.id;
    });
  }

  /** The published homework addressed to the group, each of its days checked for the students added. */
  private async checkDaysOf(ctx: TxContext, cls: SchoolClass, g: StudentGroup, members: Set<string>, added: Set<string>): Promise<void> {
    const addressed = await ctx.db.findBy(Assignment, { schoolId: ctx.schoolId, groupId: g.id, status: AssignmentStatus.PUBLISHED });
    if (addressed.length === 0) return;
    await lockLoadRules(ctx.db, ctx.schoolId, 'check');
    // The days' caps and everything published on them at once, not a day at a time.
    // Homework over several days: each of its days.
    const days = [...new Set(addressed.flatMap((a) => spanDays(a)))].sort();
    const [caps, ofDays] = await Promise.all([
      loadService.capsOn(ctx, cls.grade, days),
      ctx.db.findBy(Assignment, { schoolId: ctx.schoolId, classId: cls.id, status: AssignmentStatus.PUBLISHED, ...overlapping(days[0], days[days.length - 1]) }),
    ]);
    const allPlans = await loadPlans(ctx.db, ctx.schoolId, ofDays);
    const facts = await checkFacts(ctx, cls.id, allPlans, new Map([[g.id, members]]));
    const violations: RuleViolation[] = [];
    for (const day of days) {
      const ofDay = plansOn(allPlans, day);
      for (const plan of ofDay.filter((p) => p.assignment.groupId === g.id)) {
        const published = ofDay.filter((p) => p.assignment.id !== plan.assignment.id);
        violations.push(...assignmentService.capViolations(cls, plan, published, caps.get(day)!, facts, { onlyStudents: added, day }));
      }
    }
    if (violations.length) throw new RuleViolations(violations);
  }

  /** Writes the members (students of the class only) and answers them. */
  private async writeMembers(ctx: TxContext, cls: SchoolClass, g: { id: string; name: string }, studentIds: string[]): Promise<Set<string>> {
    const ids = new Set(studentIds);
    const inClass = new Set((await classStudents(ctx, cls.id)).map((s) => s.id));
    const outside = [...ids].filter((s) => !inClass.has(s));
    if (outside.length) {
      throw new RuleViolation(AssignmentErrors.GROUP_MEMBER_NOT_IN_CLASS, ['studentIds'], { group: g.name, className: cls.name, outsideCount: outside.length });
    }
    await ctx.db.delete(StudentGroupMember, { schoolId: ctx.schoolId, groupId: g.id });
    if (ids.size) await ctx.db.insert(StudentGroupMember, [...ids].map((studentId) => ({ schoolId: ctx.schoolId, groupId: g.id, studentId })));
    return ids;
  }

  private async requireFreeName(ctx: TxContext, cls: SchoolClass, subject: Subject, name: string): Promise<void> {
    const taken = await ctx.db.exists(StudentGroup, { where: { schoolId: ctx.schoolId, classId: cls.id, subjectId: subject.id, name } });
    if (taken) throw new RuleViolation(AssignmentErrors.GROUP_NAME_TAKEN, ['name'], { group: name, className: cls.name, subject: subject.name });
  }

  /** The class row, locked as publishing locks it (assignment.service.ts checkPublishable). */
  private async lockClass(ctx: TxContext, classId: string): Promise<SchoolClass> {
    const cls = await ctx.db.findOne(SchoolClass, { where: { schoolId: ctx.schoolId, id: classId }, lock: { mode: 'pessimistic_write' } });
    if (!cls || !staffReachesClass(ctx.viewer, classId)) throw new NotFoundError('Class', classId);
    if (cls.archivedAt) throw new RuleViolation(SchoolYearErrors.CLASS_ARCHIVED, ['classId'], { name: cls.name });
    return cls;
  }

  private async lockForTeacher(ctx: TxContext, id: string): Promise<{ g: StudentGroup; cls: SchoolClass; subject: Subject }> {
    const found = await ctx.db.findOneBy(StudentGroup, { schoolId: ctx.schoolId, id });
    if (!found || !staffReachesClass(ctx.viewer, found.classId)) throw new NotFoundError('StudentGroup', id);
    const cls = await this.lockClass(ctx, found.classId);
    // Read again under the class lock: every write of a group holds it.
    const g = await ctx.db.findOneBy(StudentGroup, { schoolId: ctx.schoolId, id });
    if (!g) throw new NotFoundError('StudentGroup', id);
    const subject = await ctx.db.findOneByOrFail(Subject, { schoolId: ctx.schoolId, id: g.subjectId });
    await requireSubjectTeacher(ctx, cls.id, subject.id);
    return { g, cls, subject };
  }
}

export const studentGroupService = new StudentGroupService();

