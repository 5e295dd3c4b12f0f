import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { createDataSource } from '../../ormconfig';
import { startEmbeddedPostgres } from './embedded-postgres';

export type DatabaseKind = 'postgres' | 'embedded';

export interface Database {
  kind: DatabaseKind;
  dataSource: DataSource;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A real PostgreSQL server; when absent the embedded database is started. */
  databaseUrl?: string;
  /** Embedded data folder; undefined keeps the embedded database in memory (tests). */
  embeddedDataDir?: string;
  poolSize?: number;
  /** Sees every statement (tests count them) and slow or failed ones (logged). */
  queryLogger?: TypeOrmLogger;
}

/** Opens the database the configuration names and connects the DataSource to it. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const dataSource = startsClean(await createDataSource(options.databaseUrl, options.poolSize ?? 10, options.queryLogger).initialize());
    return { kind: 'postgres', dataSource, close: () => dataSource.destroy() };
  }
  const embedded = await startEmbeddedPostgres(options.embeddedDataDir);
  try {
    // One connection: see embedded-postgres.ts for why this is what keeps transactions isolated.
    // It is kept while idle: reopened, it could be refused while the server lets go of the old one.
    const dataSource = startsClean(await createDataSource(embedded.url, 1, options.queryLogger, true).initialize());
    return {
      kind: 'embedded',
      dataSource,
      async close() {
        await dataSource.destroy();
        await embedded.stop();
      },
    };
  } catch (e) {
    await embedded.stop();
    throw e;
  }
}

/** The pool's connections by state (the embedded database's pool is a pg pool too, of one). */
export function poolCounts(dataSource: DataSource): { total: number; idle: number; waiting: number } {
  const pool = (dataSource.driver as unknown as { master?: { totalCount?: number; idleCount?: number; waitingCount?: number } }).master;
  return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
}

/** How many callers wait for a connection of the pool (on the embedded database: for its one connection). */
export function connectionsAwaited(dataSource: DataSource): number {
  return poolCounts(dataSource).waiting;
}

/**
 * Every connection the pool opens starts with no prepared statement, as the driver believes
 * (prepared-query.ts, request-scope.ts): the embedded database is one session that outlives the
 * connections to it, so a new connection would otherwise find the statements of the one before
 * and fail to prepare them again. On a server a new connection has none, and this costs nothing
 * more than one statement when the connection opens. Its statements then go one at a time.
 */
function startsClean(dataSource: DataSource): DataSource {
  type Client = { query: (...args: unknown[]) => unknown };
  const pool = (dataSource.driver as unknown as { master?: { on(event: 'connect' | 'acquire', listener: (client: Client) => void): void } }).master;
  if (!pool) throw new Error('the PostgreSQL driver has no pool');
  const opened = new WeakSet<Client>();
  const queued = new WeakSet<Client>();
  pool.on('connect', (client) => opened.add(client));
  // On every hand-out, since the connection TypeORM opened while starting was opened before this.
  pool.on('acquire', (client) => {
    if (queued.has(client)) return;
    queued.add(client);
    // A request's reads run side by side (Promise.all) on its one connection. pg 8 queues a
    // statement sent while another runs, and deprecates doing so (pg 9 refuses it): here each
    // waits its turn instead, in the order they were sent, as in pg's own queue. On a new
    // connection the first turn is DEALLOCATE ALL, before anything its first user sends.
    const send = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    let turn: Promise<unknown> = opened.has(client) ? send('DEALLOCATE ALL').catch(() => undefined) : Promise.resolve();
    client.query = (...args: unknown[]) => {
      // A callback or a submittable query object is the driver's own way: left to it.
      if (args.some((a) => typeof a === 'function') || typeof (args[0] as { submit?: unknown } | null)?.submit === 'function') return send(...args);
      const result = turn.then(() => send(...args));
      turn = result.catch(() => undefined);
      return result;
    };
  });
  return dataSource;
}

/** Forwards slow (> 500 ms) and failed statements to the service's structured log. */
export function databaseLogger(logger: { warn(msg: string, f?: Record<string, unknown>): void }): TypeOrmLogger {
  return {
    logQuery: () => undefined,
    logQueryError: (error, query) => logger.warn('statement failed', { error: String(error), sql: query.slice(0, 500) }),
    logQuerySlow: (time, query) => logger.warn('slow statement', { durationMs: time, sql: query.slice(0, 500) }),
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
}
