import { EntityManager } from 'typeorm';
import { uniqueLoader } from '../../core/loader';

export function parentBindingLoaders(ds: EntityManager, schoolId: string) {
  return {
    /** Classes' join codes (not in the class entity: only head teachers and the office see them). */
    joinCodeByClassId: uniqueLoader<string, { id: string; join_code: string }>(
      (ids) => ds.query(`SELECT id, join_code FROM classes WHERE school_id = $1 AND id = ANY($2::uuid[])`, [schoolId, ids]),
      (r) => r.id,
    ),
  };
}
