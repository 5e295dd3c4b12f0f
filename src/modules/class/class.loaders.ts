import { EntityManager, In, IsNull } from 'typeorm';
import { Batches } from '../../core/loader';
import { SchoolClass, TeachingAssignment } from './class.entity';

export function classLoaders(ds: EntityManager, schoolId: string, batches: Batches) {
  const classes = ds.getRepository(SchoolClass);
  const teaching = ds.getRepository(TeachingAssignment);
  return {
    classById: batches.unique<string, SchoolClass>((ids) => classes.findBy({ schoolId, id: In(ids) }), (c) => c.id),
    headClassesByTeacherId: batches.group<string, SchoolClass>(
      (ids) => classes.find({ where: { schoolId, headTeacherId: In(ids), archivedAt: IsNull() }, order: { grade: 'ASC', classNo: 'ASC' } }),
      (c) => c.headTeacherId!,
    ),
    teachingByClassId: batches.group<string, TeachingAssignment>(
      (ids) => teaching.findBy({ schoolId, classId: In(ids) }),
      (t) => t.classId,
    ),
    /** What each teacher teaches now: rows of classes archived at a rollover are history, left out. */
    teachingByTeacherId: batches.group<string, TeachingAssignment>(
      (ids) => teaching.createQueryBuilder('t')
        .innerJoin(SchoolClass, 'c', 'c.school_id = t.school_id AND c.id = t.class_id AND c.archived_at IS NULL')
        .where('t.school_id = :schoolId AND t.teacher_id IN (:...ids)', { schoolId, ids })
        .getMany(),
      (t) => t.teacherId,
    ),
  };
}
