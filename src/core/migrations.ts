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
