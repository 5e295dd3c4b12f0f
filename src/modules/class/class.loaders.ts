import { EntityManager, In } from 'typeorm';
import { groupLoader, uniqueLoader } from '../../core/loader';
import { SchoolClass, TeachingAssignment } from './class.entity';

export function classLoaders(ds: EntityManager, schoolId: string) {
  const classes = ds.getRepository(SchoolClass);
  const teaching = ds.getRepository(TeachingAssignment);
  return {
    classById: uniqueLoader<string, SchoolClass>((ids) => classes.findBy({ schoolId, id: In(ids) }), (c) => c.id),
    headClassesByTeacherId: groupLoader<string, SchoolClass>(
      (ids) => classes.find({ where: { schoolId, headTeacherId: In(ids) }, order: { grade: 'ASC', classNo: 'ASC' } }),
      (c) => c.headTeacherId!,
    ),
    teachingByClassId: groupLoader<string, TeachingAssignment>(
      (ids) => teaching.findBy({ schoolId, classId: In(ids) }),
      (t) => t.classId,
    ),
    teachingByTeacherId: groupLoader<string, TeachingAssignment>(
      (ids) => teaching.findBy({ schoolId, teacherId: In(ids) }),
      (t) => t.teacherId,
    ),
  };
}
