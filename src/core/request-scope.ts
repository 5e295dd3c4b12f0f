import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { ConnectionControl, ShortTransaction } from './context';
import { DatabaseUnavailableError } from './errors';
import { driverQuery, statementName } from './prepared-query';

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
 * row-level security policies show no tenant row at all. The start (with the settings and the
 * request's first read, its viewer) and the end (with its last write, the access log) are a
 * round trip each.
 *
 * A mutation's own transaction (`withTransaction`) runs inside as a savepoint: when it fails,
 * its writes are rolled back and the rest of the request (the access log) still commits.
 *
 * A request that waits on slow work needing no database (a password check) gives its
 * connection back meanwhile: release() commits what it did so far, resume() goes on in a new
 * transaction, and `short` runs statements that must commit at once (the sign-in counter).
 */
export class RequestScope implements ConnectionControl {
  private finished = false;
  /** The connection was given back by release() and not taken again. */
  private released = false;

  private constructor(
    private readonly dataSource: DataSource,
    private runner: QueryRunner,
    private schoolId: string | null,
  ) {}

  /** Starts the transaction; `schoolId` null is an anonymous request (sign-in). */
  static async open(dataSource: DataSource, schoolId: string | null): Promise<RequestScope> {
    return new RequestScope(dataSource, (await begin(dataSource, schoolId)).runner, schoolId);
  }

  /**
   * Starts the transaction in `schoolId` and runs `read` in it, in the same round trip: the
   * scope and the rows of `read` (a request's viewer). See OpeningRead.
   */
  static async openReading<R>(dataSource: DataSource, schoolId: string, read: OpeningRead): Promise<{ scope: RequestScope; rows: R[] }> {
    const { runner, rows } = await begin(dataSource, schoolId, read);
    return { scope: new RequestScope(dataSource, runner, schoolId), rows: rows as R[] };
  }

  /** Everything the request reads or writes goes through this manager. */
  get manager(): EntityManager {
    return this.runner.manager;
  }

  /** Switches the transaction to the school of a user who just signed in. */
  async setSchool(schoolId: string): Promise<void> {
    await this.runner.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
    this.schoolId = schoolId;
    schoolOfRunner.set(this.runner, schoolId);
  }

  /**
   * Commits the request's work and gives the connection back to the pool. `last`, a write the
   * request leaves to its end (the access log), goes in the same message as COMMIT, so in the
   * same round trip: it must hold only literals its caller has escaped (a message of several
   * statements takes no parameters). When it fails, nothing is committed.
   */
  async commit(last?: string | null): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    // Released and not resumed (resuming failed): the request's work was committed on release.
    if (this.released) {
      if (last) throw new Error('the request scope holds no connection to write on');
      return;
    }
    await this.commitAndRelease(last);
  }

  /** Commits the transaction and gives its connection back; a broken connection committed nothing. */
  private async commitAndRelease(last?: string | null): Promise<void> {
    // The driver lets go of a connection that broke; then nothing of the request was committed.
    if (this.runner.isReleased) throw new DatabaseUnavailableError('the connection was lost before COMMIT');
    try {
      if (last) {
        await this.runner.query(`${last}; COMMIT`);
        markTransactionClosed(this.runner);
      } else if (this.runner.isTransactionActive) {
        await this.runner.commitTransaction();
      }
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
    if (this.released) return;
    await closeQuietly(this.runner);
  }

  /** Commits the request's work so far and gives the connection back to the pool. */
  async release(): Promise<void> {
    if (this.finished || this.released) throw new Error('the request scope holds no connection to release');
    this.released = true;
    await this.commitAndRelease();
  }

  /** Goes on after release() in a new transaction on a pooled connection, in the same school. */
  async resume(): Promise<EntityManager> {
    if (this.finished || !this.released) throw new Error('the request scope holds its connection');
    this.runner = (await begin(this.dataSource, this.schoolId)).runner;
    this.released = false;
    return this.runner.manager;
  }

  /** Runs `work` in a short transaction of its own (the service role, `schoolId` set), committed at once. */
  readonly short: ShortTransaction = async (schoolId, work) => {
    const scope = await RequestScope.open(this.dataSource, schoolId);
    try {
      const result = await work(scope.manager);
      await scope.commit();
      return result;
    } catch (e) {
      await scope.rollback();
      throw e;
    }
  };
}

/**
 * A connection from the pool in a new transaction acting as SERVICE_ROLE, with `schoolId` set;
 * with `read`, that statement's rows, run after the role and the school are set.
 */
/**
 * A read sent with the start of a request's transaction (the viewer), as a statement prepared
 * once per connection: `text` with its parameters ($1…) of `parameterTypes`, run with `args`,
 * the parameters written as literals (a message of several statements takes no parameters: the
 * caller checks them). Prepared, PostgreSQL does not parse, rewrite and plan it on every request.
 */
export interface OpeningRead {
  text: string;
  parameterTypes: string;
  args: string;
}

/** The school each open request transaction's runner was started in or moved to (begin, setSchool). */
const schoolOfRunner = new WeakMap<QueryRunner, string | null>();

/**
 * The school a request scope set for the transaction `db` runs in (a savepoint of it too);
 * undefined when `db` is not a request scope's (a CLI's manager, say), so nothing is known.
 */
export function schoolSetFor(db: EntityManager): string | null | undefined {
  return db.queryRunner ? schoolOfRunner.get(db.queryRunner) : undefined;
}

/** The SQL-level prepared statements of each connection (a connection starts with none: see database.ts). */
const preparedOn = new WeakMap<object, Set<string>>();

async function begin(dataSource: DataSource, schoolId: string | null, read?: OpeningRead): Promise<{ runner: QueryRunner; rows: unknown[] }> {
  if (schoolId !== null && !UUID.test(schoolId)) throw new Error(`not a school id: ${schoolId}`);
  const runner = dataSource.createQueryRunner();
  let preparing = false;
  try {
    const connection = await runner.connect();
    // Marked open first: if the statement below fails half way, closing rolls the transaction back.
    markTransactionOpen(runner);
    // The transaction, the role, the school and the first read in one message, so one round
    // trip (the simple protocol, hence literals: the role is a constant, the school a checked
    // UUID, the read's arguments its caller's).
    const opening = `START TRANSACTION; SELECT set_config('role', '${SERVICE_ROLE}', true), set_config('app.school_id', '${schoolId ?? ''}', true)`;
    if (read === undefined) {
      await runner.query(opening);
      schoolOfRunner.set(runner, schoolId);
      return { runner, rows: [] };
    }
    const name = statementName(read.text);
    let prepared = preparedOn.get(connection);
    if (!prepared) preparedOn.set(connection, (prepared = new Set()));
    preparing = !prepared.has(name);
    const prepare = preparing ? `PREPARE ${name}(${read.parameterTypes}) AS ${read.text}; ` : '';
    const rows = await lastRows(runner, `${opening}; ${prepare}EXECUTE ${name}(${read.args})`);
    prepared.add(name);
    schoolOfRunner.set(runner, schoolId);
    return { runner, rows };
  } catch (e) {
    if (preparing) {
      // PREPARE is not undone by a rollback: whether it ran before the failure is unknown, so the
      // connection is dropped (the pool opens a new one) rather than kept with a doubt.
      await dropConnection(runner, e);
    } else {
      await closeQuietly(runner);
    }
    throw e;
  }
}

/** Closes the runner's connection for good instead of giving it back to the pool. */
async function dropConnection(runner: QueryRunner, reason: unknown): Promise<void> {
  const postgres = runner as unknown as { releasePostgresConnection?: (err: Error) => Promise<void> };
  if (typeof postgres.releasePostgresConnection !== 'function') return closeQuietly(runner);
  await postgres.releasePostgresConnection(reason instanceof Error ? reason : new Error(String(reason)));
}

interface DriverResult {
  rows: unknown[];
}

/**
 * Sends a message of several statements on `runner`'s connection: the rows of the last one.
 * TypeORM's `query()` keeps only a single statement's rows, so this goes to the driver.
 */
async function lastRows(runner: QueryRunner, sql: string): Promise<unknown[]> {
  const results = await driverQuery(runner, sql, undefined, (client) => client.query(sql) as unknown as Promise<DriverResult | DriverResult[]>);
  return Array.isArray(results) ? results[results.length - 1].rows : results.rows;
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

/** Tells TypeORM's query runner that its transaction ended, as `commitTransaction()` would after sending COMMIT alone. */
function markTransactionClosed(runner: QueryRunner): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = false;
  state.transactionDepth = 0;
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
