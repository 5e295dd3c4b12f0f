import cluster from 'node:cluster';
import { App, createApp } from './app';
import { AppConfig, ConfigError, keepAuthTokenSecret } from './config';
import { Database, databaseLogger, openDatabase } from './core/database';
import { Logger } from './core/logger';
import { databaseAdvisories, hasPendingMigrations, migrate } from './core/migrations';
import { School } from './modules/school/school.entity';
import { seedDemo } from '../seeds/demo';

export interface StartedService {
  app: App;
  /** The base URL it listens on. */
  url: string;
  /** The configuration it runs with (its token key kept, see keepAuthTokenSecret). */
  config: AppConfig;
}

/**
 * Starts the service as `npm start` does, signals aside (main.ts). Without DATABASE_URL it runs
 * on the embedded database, applies migrations and seeds the demo school on first start; with
 * DATABASE_URL it expects `npm run migrate` to have been run (or MIGRATE_ON_START=true).
 */
export async function startService(loaded: AppConfig, logger: Logger): Promise<StartedService> {
  const config = keepAuthTokenSecret(loaded);
  if (config.authTokenSecretIsEphemeral) {
    logger.warn('AUTH_TOKEN_SECRET is not set and there is no data folder (DATA_DIR): using a random key, so tokens end when the process does');
  } else if (config.authTokenSecretFile) {
    logger.info('AUTH_TOKEN_SECRET is not set: using the key kept in the data folder', { file: config.authTokenSecretFile });
  }
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    embeddedDataDir: config.embeddedDataDir,
    poolSize: config.databasePoolSize,
    queryLogger: databaseLogger(logger),
  });
  try {
    // A cluster's primary has prepared the database before forking (src/cluster.ts).
    await prepareDatabase(db, config, logger, { advise: !cluster.isWorker });
  } catch (e) {
    await db.close();
    throw e;
  }

  const app = await createApp(config, db, logger);
  const url = await app.listen(config.port, config.host);
  logger.info('listening', { url: `${url}/graphql`, database: db.kind });
  return { app, url, config };
}

/**
 * Before serving: applies pending migrations (MIGRATE_ON_START) or refuses to start with
 * them pending, logs the database's advisories, and seeds the demo school into an empty
 * database (SEED_DEMO). A cluster's primary runs it once, before it forks the workers.
 */
export async function prepareDatabase(db: Database, config: AppConfig, logger: Logger, options: { advise: boolean } = { advise: true }): Promise<void> {
  if (config.migrateOnStart) {
    await migrate(db, logger);
  } else if (await hasPendingMigrations(db)) {
    throw new ConfigError('The database has pending migrations: run `npm run migrate` first');
  }
  if (options.advise) for (const advice of await databaseAdvisories(db)) logger.warn(advice);
  if (config.seedDemoOnEmptyDatabase && (await db.dataSource.getRepository(School).count()) === 0) {
    logger.info('empty database: seeding the demo school');
    const fixture = await seedDemo(db.dataSource, config.passwordHashCost);
    logger.info('demo school seeded', { school: fixture.spec.name, users: fixture.users.length });
  }
}
