import { In, MoreThan } from 'typeorm';
import { RequestContext } from '../../core/context';
import { User } from '../user/user.entity';
import { PastClassMember } from './school-year.entity';

/**
 * The class a student was in on `day`: the archived class whose year they were in then (the
 * earliest whose next year began after `day`), else their current class. Reads through `ctx.db`,
 * so inside a transaction it sees the transaction's writes.
 */
export async function classOfStudentOn(ctx: RequestContext, student: User, day: string): Promise<string | null> {
  const past = await ctx.db.findOne(PastClassMember, { where: { schoolId: ctx.schoolId, studentId: student.id, untilDay: MoreThan(day) }, order: { untilDay: 'ASC' } });
  return past?.classId ?? student.classId;
}

/** Whether any of `studentIds` was in `classId` when it was archived at a rollover (one of last year's students). */
export async function wasInClass(ctx: RequestContext, studentIds: string[], classId: string): Promise<boolean> {
  return ctx.db.exists(PastClassMember, { where: { schoolId: ctx.schoolId, classId, studentId: In(studentIds) } });
}
