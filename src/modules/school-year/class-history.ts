import { EntityManager, In, MoreThan } from 'typeorm';
import { User } from '../user/user.entity';
import { PastClassMember } from './school-year.entity';

/**
 * The class a student was in on `day`: the archived class whose year they were in then (the
 * earliest whose next year began after `day`), else their current class.
 */
export async function classOfStudentOn(manager: EntityManager, schoolId: string, student: User, day: string): Promise<string | null> {
  const past = await manager.findOne(PastClassMember, { where: { schoolId, studentId: student.id, untilDay: MoreThan(day) }, order: { untilDay: 'ASC' } });
  return past?.classId ?? student.classId;
}

/** Whether any of `studentIds` was in `classId` when it was archived at a rollover (one of last year's students). */
export async function wasInClass(manager: EntityManager, schoolId: string, studentIds: string[], classId: string): Promise<boolean> {
  return manager.exists(PastClassMember, { where: { schoolId, classId, studentId: In(studentIds) } });
}
