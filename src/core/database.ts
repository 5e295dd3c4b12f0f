import { DataSource } from 'typeorm';
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
}

/** Opens the database the configuration names and connects the DataSource to it. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const dataSource = await createDataSource(options.databaseUrl, options.poolSize ?? 10).initialize();
    return { kind: 'postgres', dataSource, close: () => dataSource.destroy() };
  }
  const embedded = await startEmbeddedPostgres(options.embeddedDataDir);
  try {
    // One connection: see embedded-postgres.ts for why this is what keeps transactions isolated.
    const dataSource = await createDataSource(embedded.url, 1).initialize();
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
