import { RequestContext } from '../../core/context';
import { Plan, planLoad } from './assignment-plan';
import { StudentGroupMember } from './student-group.entity';
import { AddressedLoad } from './student-load.policy';
import { In } from 'typeorm';
import { Subject } from '../school/school.entity';

export interface ClassStudent {
  id: string;
  displayName: string;
}

/** The students now in a class, in the order of their student numbers; read through `ctx.db`. */
export async function classStudents(ctx: RequestContext, classId: string): Promise<ClassStudent[]> {
  const rows: { id: string; display_name: string }[] = await ctx.db.query(
    `SELECT u.id, u.display_name FROM users u
      WHERE u.school_id = $1 AND u.class_id = $2 AND u.deleted_at IS NULL
      ORDER BY u.student_no NULLS LAST, u.display_name, u.id`,
    [ctx.schoolId, classId],
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

/** The members of groups, by group; read through `ctx.db` (in a publish: after the class lock). */
export async function membersOf(ctx: RequestContext, groupIds: string[]): Promise<Map<string, Set<string>>> {
  const ids = [...new Set(groupIds)];
  const members = new Map(ids.map((id) => [id, new Set<string>()]));
  if (ids.length === 0) return members;
  const rows = await ctx.db.findBy(StudentGroupMember, { schoolId: ctx.schoolId, groupId: In(ids) });
  for (const r of rows) members.get(r.groupId)!.add(r.studentId);
  return members;
}

/** Plans with the students they are addressed to, from the members of every group among them. */
export function addressed(plans: Plan[], members: ReadonlyMap<string, Set<string>>): AddressedLoad[] {
  return plans.map((p) => {
    const g = p.assignment.groupId;
    return { load: planLoad(p), audience: g ? members.get(g)! : null };
  });
}

/**
 * What the load checks of a class read besides the homework, read once for all the days and
 * plans being checked (homework over several days is checked day by day): the members of every
 * group addressed (`overrides`: members being set, as they will be), the class's students when a
 * group is involved, and the subjects.
 */
export interface CheckFacts {
  members: ReadonlyMap<string, Set<string>>;
  students: ClassStudent[];
  subjects: Subject[];
}

export async function checkFacts(ctx: RequestContext, classId: string, plans: Plan[], overrides = new Map<string, Set<string>>()): Promise<CheckFacts> {
  const groupIds = plans.map((p) => p.assignment.groupId).filter((g): g is string => !!g);
  const subjectIds = [...new Set(plans.map((p) => p.assignment.subjectId))];
  const [members, students, subjects] = await Promise.all([
    membersOf(ctx, groupIds.filter((g) => !overrides.has(g))),
    groupIds.length ? classStudents(ctx, classId) : [],
    subjectIds.length ? ctx.db.findBy(Subject, { schoolId: ctx.schoolId, id: In(subjectIds) }) : [],
  ]);
  return { members: new Map([...members, ...overrides]), students, subjects };
}

/** Whether homework reaches any of the students: homework of the whole class does; a group's, its members. */
export async function addressedTo(ctx: RequestContext, a: { groupId: string | null }, studentIds: string[]): Promise<boolean> {
  if (!a.groupId) return true;
  if (studentIds.length === 0) return false;
  return ctx.db.exists(StudentGroupMember, { where: { schoolId: ctx.schoolId, groupId: a.groupId, studentId: In(studentIds) } });
}

/** Of the students' assignments, those addressed to them (the whole class's, and their groups'). */
export async function addressedToStudent<T extends { groupId: string | null }>(ctx: RequestContext, studentId: string, assignments: T[]): Promise<T[]> {
  const groupIds = [...new Set(assignments.map((a) => a.groupId).filter((g): g is string => !!g))];
  if (groupIds.length === 0) return assignments;
  const rows = await ctx.db.findBy(StudentGroupMember, { schoolId: ctx.schoolId, groupId: In(groupIds), studentId });
  const mine = new Set(rows.map((r) => r.groupId));
  return assignments.filter((a) => !a.groupId || mine.has(a.groupId));
}
