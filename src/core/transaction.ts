import { EntityTarget, FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RequestContext, TxContext } from './context';
import { RuleViolation } from './errors';
import { schoolSetFor } from './request-scope';
import { CoreErrors } from './user-error';

/**
 * Runs `work` in one database transaction scoped to the caller's school: everything commits
 * or nothing does. The school is set with set_config(..., true) so it ends with the
 * transaction and cannot leak to the next user of a pooled connection.
 *
 * Inside a request it is a savepoint of the request's own transaction (see request-scope.ts),
 * which has the caller's school set already: a failure rolls back exactly `work`'s writes. `work` gets the context in the transaction
 * (its `db` is the transaction); inside `work` use only that context, and pass it on to what
 * `work` calls, instead of a manager.
 */
export async function withTransaction<T>(ctx: RequestContext, work: (txCtx: TxContext) => Promise<T>): Promise<T> {
  // Within a request every transaction is a savepoint on the request's one connection; two at
  // once would interleave their savepoints, so they take turns.
  const previous = running.get(ctx) ?? Promise.resolve();
  const turn = previous.then(() => inTransaction(ctx, work));
  running.set(ctx, turn.catch(() => undefined));
  return turn;
}

const running = new WeakMap<RequestContext, Promise<unknown>>();

async function inTransaction<T>(ctx: RequestContext, work: (txCtx: TxContext) => Promise<T>): Promise<T> {
  const schoolId = ctx.viewerOrNull?.schoolId;
  try {
    let txCtx: TxContext | undefined;
    const result = await ctx.db.transaction(async (tx) => {
      // In a request's transaction started (or moved) in the caller's school, the savepoint has
      // it already; a context outside one (the CLI's) sets it for its own transaction.
      if (schoolId && schoolSetFor(tx) !== schoolId) await tx.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
      txCtx = ctx.inTransaction(tx);
      return work(txCtx);
    });
    txCtx?.handOverAfterCommit(ctx);
    return result;
  } catch (e) {
    // Two requests inserting the same new row at once: the loser learns so instead of failing.
    if ((e as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new RuleViolation(CoreErrors.CONCURRENT_CHANGE);
    }
    throw e;
  } finally {
    ctx.clearLoaders();
  }
}

const UNIQUE_VIOLATION = '23505';

/**
 * Writes `changes` of `row`, a row of the school that this transaction holds locked (read `FOR
 * UPDATE` through `ctx.db`), and answers the row as changed: its other columns are as read
 * under the lock, which no one else can have changed since, so it is not read again.
 */
export async function saveLocked<T extends { id: string }>(ctx: TxContext, entity: EntityTarget<T>, row: T, changes: Partial<T>): Promise<T> {
  await ctx.db.update(entity, { schoolId: ctx.schoolId, id: row.id } as unknown as FindOptionsWhere<T>, changes as QueryDeepPartialEntity<T>);
  return Object.assign(row, changes);
}
