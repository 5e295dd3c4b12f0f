import { Logger as TypeOrmLogger } from 'typeorm';
import { Database } from '../../src/core/database';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../../src/core/embedded-postgres';
import { buildSchool, SchoolFixture } from '../../seeds/school-fixture';
import { DatabaseStore, embeddedDataDir, embeddedStore, migrateSilently, Seed, seedSchools, serverStore, templateFor } from './database-templates';

/**
 * A fresh database for one test file, with every migration applied and the schools it asks
 * for seeded: a copy of the run's template for them (database-templates.ts), dropped on close.
 *
 * With TEST_DATABASE_URL set (a real PostgreSQL server) the copy is a database on that server.
 * Without it the embedded PGlite runs on a copied data folder, as `npm start` without
 * DATABASE_URL runs on its data folder.
 */
export interface TestDatabase extends Database {
  /** The URL a second connection can use (real server only). */
  url?: string;
  /** The seeded schools, as seeding returns them: built from fixed ids, the same in every copy. */
  schools: SchoolFixture[];
}

export interface TestDatabaseOptions {
  seed?: Seed;
  /** Sees every statement on the copy (statement-counting tests). */
  queryLogger?: TypeOrmLogger;
  /** The embedded database even when TEST_DATABASE_URL names a server. */
  embedded?: boolean;
}

export const usingRealPostgres = (): boolean => !!process.env.TEST_DATABASE_URL;

function storeFor(embedded = false): DatabaseStore {
  const adminUrl = process.env.TEST_DATABASE_URL;
  return adminUrl && !embedded ? serverStore(adminUrl) : embeddedStore();
}

/**
 * TEST_DATABASE_TEMPLATES=0 makes each file's database as the set-up did before the templates:
 * an empty one, migrated and seeded by the file itself. It is there to measure what the
 * templates save (README, "Tests"); the tests are the same either way.
 */
const fromScratch = (): boolean => process.env.TEST_DATABASE_TEMPLATES === '0';

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const store = storeFor(options.embedded);
  const name = store.freshName();
  await store.create(name, fromScratch() ? undefined : await templateFor(store, options.seed));
  let db: Database;
  try {
    db = await store.open(name, options.queryLogger);
  } catch (e) {
    await store.drop(name);
    throw e;
  }
  if (fromScratch()) {
    try {
      await migrateSilently(db);
      await seedSchools(db, options.seed);
    } catch (e) {
      await db.close().finally(() => store.drop(name));
      throw e;
    }
  }
  return {
    ...db,
    url: store.url(name),
    schools: (options.seed?.schools ?? []).map(buildSchool),
    async close() {
      try {
        await db.close();
      } finally {
        await store.drop(name);
      }
    },
  };
}

/**
 * The embedded server alone on a migrated copy, for tests that put something between the
 * service and the database; the copy goes when it stops.
 */
export async function startEmbeddedTestServer(): Promise<EmbeddedPostgres> {
  const store = embeddedStore();
  const name = store.freshName();
  await store.create(name, await templateFor(store));
  let server: EmbeddedPostgres;
  try {
    server = await startEmbeddedPostgres(embeddedDataDir(name));
  } catch (e) {
    await store.drop(name);
    throw e;
  }
  return {
    url: server.url,
    async stop() {
      try {
        await server.stop();
      } finally {
        await store.drop(name);
      }
    },
  };
}
