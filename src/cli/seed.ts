import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../core/database';
import { Logger } from '../core/logger';
import { seedDemo } from '../../seeds/demo';

/** `npm run seed`: loads the demo school (idempotent). Run `npm run migrate` first. */
async function run(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger(config.logLevel === 'silent' ? 'info' : config.logLevel);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDataDir: config.embeddedDataDir });
  try {
    if (await db.dataSource.showMigrations()) throw new Error('pending migrations: run `npm run migrate` first');
    const fixture = await seedDemo(db.dataSource, config.passwordHashCost);
    logger.info('demo school seeded', { school: fixture.spec.name, code: fixture.spec.code, users: fixture.users.length });
  } finally {
    await db.close();
  }
}

run().catch((e) => {
  process.stderr.write(`seed failed: ${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
});
