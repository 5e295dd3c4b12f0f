import { EntityManager } from 'typeorm';
import { RequestContext } from './context';
import { RuleViolation } from './errors';
import { UserErrorCode } from './user-error';

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
  } catch (e) {
    // Two requests inserting the same new row at once: the loser learns so instead of failing.
    if ((e as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new RuleViolation(UserErrorCode.CONCURRENT_CHANGE, 'Someone else made the same change at the same moment; reload and try again', []);
    }
    throw e;
  } finally {
    ctx.clearLoaders();
  }
}

const UNIQUE_VIOLATION = '23505';
