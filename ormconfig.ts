import 'reflect-metadata';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';

import { ENTITIES } from './src/modules/registry';
import { MIGRATIONS } from './migrations';

/**
 * The one database configuration. Both a real PostgreSQL server and the embedded PGlite
 * (served over the PostgreSQL wire protocol, see src/core/embedded-postgres.ts) are reached
 * through the same `pg` driver, entities and migrations. The schema only ever changes
 * through migrations: `synchronize` stays off.
 */
export function dataSourceOptions(url: string, poolSize: number, logger?: TypeOrmLogger): DataSourceOptions {
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
      application_name: 'shuangjian-homework',
    },
  };
}

export function createDataSource(url: string, poolSize = 10, logger?: TypeOrmLogger): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize, logger));
}

/**
 * Default export for the TypeORM CLI, which needs a DataSource instance: it uses DATABASE_URL.
 * The service and `npm run migrate` open the database through src/core/database.ts instead,
 * which also starts the embedded database when DATABASE_URL is not set.
 */
export default createDataSource(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
