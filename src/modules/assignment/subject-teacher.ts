import { TxContext } from '../../core/context';
import { ForbiddenError } from '../../core/errors';
import { SchoolClass, TeachingAssignment } from '../class/class.entity';
import { Subject } from '../school/school.entity';
import { AssignmentMessages } from './assignment.errors';

/**
 * Only a teacher of the subject in the class sets its homework, keeps its groups and suggests
 * its levels: one statement when the caller is; the class's and the subject's names are read
 * for the refusal only when not.
 */
export async function requireSubjectTeacher(ctx: TxContext, classId: string, subjectId: string): Promise<void> {
  const teaches = await ctx.db.exists(TeachingAssignment, { where: { schoolId: ctx.schoolId, classId, subjectId, teacherId: ctx.viewer.userId } });
  if (teaches) return;
  const [cls, subject] = await Promise.all([
    ctx.db.findOneByOrFail(SchoolClass, { schoolId: ctx.schoolId, id: classId }), ctx.db.findOneByOrFail(Subject, { schoolId: ctx.schoolId, id: subjectId }),
  ]);
  throw new ForbiddenError(AssignmentMessages.SUBJECT_TEACHER_SETS, { subject: subject.name, className: cls.name });
}
