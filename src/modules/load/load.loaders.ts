import { EntityManager, In } from 'typeorm';
import { Batches } from '../../core/loader';
import { SubjectBudget, SubjectBudgetRelease } from './subject-budget.entity';

/** `classId/day`: the key of a class's releases on a date. */
export const classDayKey = (classId: string, day: string) => `${classId}/${day}`;

export function loadLoaders(db: EntityManager, schoolId: string, batches: Batches) {
  return {
    /** Every weekday's subject budgets of classes, by class. */
    subjectBudgetsByClassId: batches.group<string, SubjectBudget>((ids) => db.findBy(SubjectBudget, { schoolId, classId: In(ids) }), (b) => b.classId),
    /** The budget releases of classes on dates, by `classDayKey`: one statement per batch. */
    budgetReleasesByClassDay: batches.group<string, SubjectBudgetRelease>((keys) => {
      const [classIds, days] = [new Set<string>(), new Set<string>()];
      for (const key of keys) {
        const [classId, day] = key.split('/');
        classIds.add(classId);
        days.add(day);
      }
      return db.find(SubjectBudgetRelease, { where: { schoolId, classId: In([...classIds]), day: In([...days]) }, order: { releasedAt: 'ASC' } });
    }, (r) => classDayKey(r.classId, r.day)),
  };
}
