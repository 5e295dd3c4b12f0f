import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { databaseLogger, openDatabase } from './core/database';
import { Logger } from './core/logger';
import { databaseAdvisories, hasPendingMigrations, migrate } from './core/migrations';
import { School } from './modules/school/school.entity';
import { seedDemo } from '../seeds/demo';

/**
 * Starts the service. Without DATABASE_URL it runs on the embedded database, applies
 * migrations and seeds the demo school on first start; with DATABASE_URL it expects
 * `npm run migrate` to have been run (or MIGRATE_ON_START=true).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger(config.logLevel, { service: 'shuangjian-homework' });
  if (config.authTokenSecretIsEphemeral) {
    logger.warn('AUTH_TOKEN_SECRET is not set: using a random key, so tokens end when the process does');
  }
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    embeddedDataDir: config.embeddedDataDir,
    poolSize: config.databasePoolSize,
    queryLogger: databaseLogger(logger),
  });
  if (config.migrateOnStart) {
    await migrate(db, logger);
  } else if (await hasPendingMigrations(db)) {
    await db.close();
    throw new ConfigError('The database has pending migrations: run `npm run migrate` first');
  }
  for (const advice of await databaseAdvisories(db)) logger.warn(advice);
  if (config.seedDemoOnEmptyDatabase && (await db.dataSource.getRepository(School).count()) === 0) {
    logger.info('empty database: seeding the demo school');
    const fixture = await seedDemo(db.dataSource, config.passwordHashCost);
    logger.info('demo school seeded', { school: fixture.spec.name, users: fixture.users.length });
  }

  const app = await createApp(config, db, logger);
  const url = await app.listen(config.port, config.host);
  logger.info('listening', { url: `${url}/graphql`, database: db.kind });

  // The only signal handlers (Apollo's are off, see app.ts): the first signal shuts down
  // gracefully; a second one, sent by someone tired of waiting, exits at once.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn('second signal: exiting now', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info('shutting down', { signal });
    app.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (e) => {
        logger.error('shutdown failed', { error: e });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((e) => {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'startup failed', error: message }) + '\n');
  process.exit(1);
});
