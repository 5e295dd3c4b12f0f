import 'reflect-metadata';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';

import { ENTITIES } from './src/modules/registry';
import { MIGRATIONS } from './migrations';

/**
 * The one database configuration. Both a real PostgreSQL server and the embedded PGlite
 * (served over the PostgreSQL wire protocol, see src/core/embedded-postgres.ts) are reached
 * through the same `pg` driver, entities and migrations. The schema only ever changes
 * through migrations: `synchronize` stays off.
 *
 * `keepIdle`: connections are never closed for being idle (the embedded database's one: its server
 * takes one connection at a time and lets go of a closed one only after a moment, so a request
 * opening one just as the idle one closes would be refused; and a new connection prepares its
 * statements again).
 */
export function dataSourceOptions(url: string, poolSize: number, logger?: TypeOrmLogger, keepIdle = false): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...ENTITIES],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    ...(logger ? { logger, maxQueryExecutionTime: 500 } : {}),
    extra: {
      max: poolSize,
      // With one connection a waiter must not hang forever if something holds it.
      connectionTimeoutMillis: 30000,
      // pg's default closes a connection idle for 10 s; 0 keeps it.
      ...(keepIdle ? { idleTimeoutMillis: 0 } : {}),
      application_name: 'shuangjian-homework',
    },
  };
}

export function createDataSource(url: string, poolSize = 10, logger?: TypeOrmLogger, keepIdle = false): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize, logger, keepIdle));
}

/**
 * Default export for the TypeORM CLI, which needs a DataSource instance: it uses DATABASE_URL.
 * The service and `npm run migrate` open the database through src/core/database.ts instead,
 * which also starts the embedded database when DATABASE_URL is not set.
 */
export default createDataSource(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
