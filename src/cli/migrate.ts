import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../core/database';
import { Logger } from '../core/logger';
import { migrate } from '../core/migrations';

/** `npm run migrate` (apply pending) and `npm run migrate -- --revert` (undo the last one). */
async function run(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger(config.logLevel === 'silent' ? 'info' : config.logLevel);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDataDir: config.embeddedDataDir });
  try {
    if (process.argv.includes('--revert')) {
      await db.dataSource.undoLastMigration({ transaction: 'each' });
      logger.info('last migration reverted');
    } else {
      const applied = await migrate(db, logger);
      logger.info(applied.length ? 'migrations applied' : 'database is up to date', { count: applied.length });
    }
  } finally {
    await db.close();
  }
}

run().catch((e) => {
  process.stderr.write(`migrate failed: ${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
});
