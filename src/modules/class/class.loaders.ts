import { EntityManager, In, IsNull } from 'typeorm';
import { groupLoader, uniqueLoader } from '../../core/loader';
import { SchoolClass, TeachingAssignment } from './class.entity';

export function classLoaders(ds: EntityManager, schoolId: string) {
  const classes = ds.getRepository(SchoolClass);
  const teaching = ds.getRepository(TeachingAssignment);
  return {
    classById: uniqueLoader<string, SchoolClass>((ids) => classes.findBy({ schoolId, id: In(ids) }), (c) => c.id),
    headClassesByTeacherId: groupLoader<string, SchoolClass>(
      (ids) => classes.find({ where: { schoolId, headTeacherId: In(ids), archivedAt: IsNull() }, order: { grade: 'ASC', classNo: 'ASC' } }),
      (c) => c.headTeacherId!,
    ),
    teachingByClassId: groupLoader<string, TeachingAssignment>(
      (ids) => teaching.findBy({ schoolId, classId: In(ids) }),
      (t) => t.classId,
    ),
    /** What each teacher teaches now: rows of classes archived at a rollover are history, left out. */
    teachingByTeacherId: groupLoader<string, TeachingAssignment>(
      (ids) => teaching.createQueryBuilder('t')
        .innerJoin(SchoolClass, 'c', 'c.school_id = t.school_id AND c.id = t.class_id AND c.archived_at IS NULL')
        .where('t.school_id = :schoolId AND t.teacher_id IN (:...ids)', { schoolId, ids })
        .getMany(),
      (t) => t.teacherId,
    ),
  };
}
