import { Database } from './database';
import { Logger } from './logger';

/** Applies pending migrations (each in its own transaction); returns their names. */
export async function migrate(db: Database, logger: Logger): Promise<string[]> {
  const applied = await db.dataSource.runMigrations({ transaction: 'each' });
  for (const m of applied) logger.info('migration applied', { migration: m.name });
  return applied.map((m) => m.name);
}

export async function hasPendingMigrations(db: Database): Promise<boolean> {
  return db.dataSource.showMigrations();
}

/**
 * Settings of the database the migrations could not make themselves (they need a superuser)
 * and without which the service is correct but slower; one line each, for the start-up log.
 */
export async function databaseAdvisories(db: Database): Promise<string[]> {
  const [row] = await db.dataSource.query(
    `SELECT proleakproof AS leakproof FROM pg_proc WHERE oid = 'pg_catalog.arraycontains(anyarray, anyarray)'::regprocedure`,
  );
  return row?.leakproof
    ? []
    : ['bank search scans the whole bank under row-level security: a superuser should run '
      + '`ALTER FUNCTION pg_catalog.arraycontains(anyarray, anyarray) LEAKPROOF` in this database (see README)'];
}
