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
    const dataSource = await createDataSource(options.databaseUrl, options.poolSize ?? 10, options.queryLogger).initialize();
    return { kind: 'postgres', dataSource, close: () => dataSource.destroy() };
  }
  const embedded = await startEmbeddedPostgres(options.embeddedDataDir);
  try {
    // One connection: see embedded-postgres.ts for why this is what keeps transactions isolated.
    const dataSource = await createDataSource(embedded.url, 1, options.queryLogger).initialize();
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
