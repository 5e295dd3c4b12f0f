import { EntityManager } from 'typeorm';
import { Batches } from '../../core/loader';

export function parentBindingLoaders(ds: EntityManager, schoolId: string, batches: Batches) {
  return {
    /** Classes' join codes (not in the class entity: only head teachers and the office see them). */
    joinCodeByClassId: batches.unique<string, { id: string; join_code: string }>(
      (ids) => ds.query(`SELECT id, join_code FROM classes WHERE school_id = $1 AND id = ANY($2::uuid[])`, [schoolId, ids]),
      (r) => r.id,
    ),
  };
}
