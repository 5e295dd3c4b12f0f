import { EntityManager } from 'typeorm';
import { RequestContext } from './context';

/**
 * Runs `work` in one database transaction scoped to the caller's school: everything commits
 * or nothing does. The school is set with set_config(..., true) so it ends with the
 * transaction and cannot leak to the next user of a pooled connection.
 *
 * Inside `work` use only `tx`: on the embedded database the pool has a single connection,
 * which the transaction holds.
 */
export async function withTransaction<T>(ctx: RequestContext, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const schoolId = ctx.viewerOrNull?.schoolId;
  try {
    return await ctx.dataSource.transaction(async (tx) => {
      if (schoolId) await tx.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
      return work(tx);
    });
  } finally {
    ctx.clearLoaders();
  }
}
