import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Logger as TypeOrmLogger } from 'typeorm';
import { Database, openDatabase } from '../../src/core/database';
import { Logger } from '../../src/core/logger';
import { migrate } from '../../src/core/migrations';

/**
 * A fresh database for one test file, with every migration applied.
 *
 * With TEST_DATABASE_URL set (a real PostgreSQL server) a new database is created on that
 * server and dropped afterwards. Without it the embedded PGlite runs in memory — the same
 * code path as `npm start` without DATABASE_URL.
 */
export interface TestDatabase extends Database {
  /** The URL a second connection can use (real server only). */
  url?: string;
}

export const usingRealPostgres = (): boolean => !!process.env.TEST_DATABASE_URL;

export async function createTestDatabase(queryLogger?: TypeOrmLogger): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const silent = new Logger('silent');
  if (!adminUrl) {
    const db = await openDatabase({ queryLogger });
    await migrate(db, silent);
    return db;
  }
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 5, queryLogger });
  await migrate(db, silent);
  return {
    ...db,
    url: url.toString(),
    async close() {
      await db.close();
      const drop = new Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
