import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { DatabaseUnavailableError } from './errors';

/**
 * The database role the service acts as. It owns no table and cannot bypass row-level
 * security; the migrations create it and grant it the rows' privileges. The connection's own
 * user (the owner, who runs migrations) switches to it for each transaction.
 */
export const SERVICE_ROLE = 'homework_app';

/**
 * One request's database work: one connection, one transaction, acting as SERVICE_ROLE with
 * the caller's school set by `set_config(..., true)`. Both settings end with the transaction,
 * so nothing leaks to the next user of the pooled connection, and with no school set the
 * row-level security policies show no tenant row at all.
 *
 * A mutation's own transaction (`withTransaction`) runs inside as a savepoint: when it fails,
 * its writes are rolled back and the rest of the request (the access log, the sign-in counter)
 * still commits.
 */
export class RequestScope {
  private finished = false;

  private constructor(private readonly runner: QueryRunner) {}

  /** Starts the transaction; `schoolId` null is an anonymous request (sign-in). */
  static async open(dataSource: DataSource, schoolId: string | null): Promise<RequestScope> {
    if (schoolId !== null && !UUID.test(schoolId)) throw new Error(`not a school id: ${schoolId}`);
    const runner = dataSource.createQueryRunner();
    try {
      await runner.connect();
      // Marked open first: if the statement below fails half way, closing rolls the transaction back.
      markTransactionOpen(runner);
      // The transaction, the role and the school in one message, so one round trip (the simple
      // protocol, hence literals: the role is a constant, the school a checked UUID).
      await runner.query(`START TRANSACTION; SELECT set_config('role', '${SERVICE_ROLE}', true), set_config('app.school_id', '${schoolId ?? ''}', true)`);
      return new RequestScope(runner);
    } catch (e) {
      await closeQuietly(runner);
      throw e;
    }
  }

  /** Everything the request reads or writes goes through this manager. */
  get manager(): EntityManager {
    return this.runner.manager;
  }

  /** Switches the transaction to the school of a user who just signed in. */
  async setSchool(schoolId: string): Promise<void> {
    await this.runner.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
  }

  /** Commits the request's work and gives the connection back to the pool. */
  async commit(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    // The driver lets go of a connection that broke; then nothing of the request was committed.
    if (this.runner.isReleased) throw new DatabaseUnavailableError('the connection was lost before COMMIT');
    try {
      if (this.runner.isTransactionActive) await this.runner.commitTransaction();
    } catch (e) {
      await closeQuietly(this.runner);
      throw e;
    }
    await this.runner.release();
  }

  /** Abandons the request's work (an unexpected failure) and gives the connection back. */
  async rollback(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await closeQuietly(this.runner);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tells TypeORM's query runner that a transaction is open, as its `startTransaction()` would
 * after sending START TRANSACTION alone: later `transaction()` calls on it become savepoints
 * and `commitTransaction()` commits. (No transaction subscribers exist to be told.)
 */
function markTransactionOpen(runner: QueryRunner): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  if (typeof state.transactionDepth !== 'number') throw new Error('TypeORM query runner without transactionDepth');
  state.isTransactionActive = true;
  state.transactionDepth = 1;
}

async function closeQuietly(runner: QueryRunner): Promise<void> {
  try {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
  } catch {
    // The connection is broken; releasing it below drops it from the pool.
  }
  try {
    await runner.release();
  } catch {
    // Already released.
  }
}
