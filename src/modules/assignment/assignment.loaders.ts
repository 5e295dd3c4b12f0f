import { EntityManager, In } from 'typeorm';
import { Batches } from '../../core/loader';
import { loadPlans, Plan } from './assignment-plan';
import { Assignment } from './assignment.entity';

export function assignmentLoaders(ds: EntityManager, schoolId: string, batches: Batches) {
  return {
    /** Options and pinned item facts of assignments, by id: three statements per batch. */
    planByAssignmentId: batches.scheduled<string, Plan | null>(async (ids) => {
      const rows = await ds.getRepository(Assignment).findBy({ schoolId, id: In([...ids]) });
      const plans = await loadPlans(ds, schoolId, rows);
      return ids.map((id) => plans.find((p) => p.assignment.id === id) ?? null);
    }),
  };
}
