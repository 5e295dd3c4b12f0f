import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { Logger as TypeOrmLogger } from 'typeorm';
import { Database, openDatabase } from '../../src/core/database';
import { Logger } from '../../src/core/logger';
import { migrate } from '../../src/core/migrations';
import { seedSchool } from '../../seeds/demo';
import { SchoolSpec } from '../../seeds/school-fixture';
import { runDir, serverDatabasePrefix, whileLocked } from './test-run';

/**
 * Databases made once per run and copied for each test file: one with every migration
 * applied, and one per set of seeded schools a test file asks for, made from the first. A
 * template is made by the first process that needs it, under a lock of the run, and is
 * named by a hash of what went into it (the migrations' and seeds' sources, the schools, the
 * password hash cost), so a change of any of them mid-run makes a new one.
 *
 * On a PostgreSQL server a template is a database, copied with `CREATE DATABASE … TEMPLATE`;
 * embedded, it is a PGlite data folder, copied as files — a PGlite folder that is closed is
 * whole, and copying it skips PGlite's initdb, the slow part of starting an embedded database.
 */
export interface DatabaseStore {
  /** A name no other database of the run has, for one test file's copy. */
  freshName(): string;
  exists(name: string): Promise<boolean>;
  /** An empty database, or a copy of `template` (which nothing may have open). */
  create(name: string, template?: string): Promise<void>;
  open(name: string, queryLogger?: TypeOrmLogger): Promise<Database>;
  rename(from: string, to: string): Promise<void>;
  drop(name: string): Promise<void>;
  /** The URL of a server database; undefined for an embedded one. */
  url(name: string): string | undefined;
  /** The lock file that guards making `name`. */
  lockFile(name: string): string;
}

const ROOT = path.join(__dirname, '..', '..');

/** A hash of `files` (paths from the project's root: their paths and contents) and of `extra`. */
export function filesHash(files: string[], extra = ''): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(fs.readFileSync(path.join(ROOT, file))).update('\0');
  return hash.update(extra).digest('hex').slice(0, 16);
}

/** A hash of the files under `dirs` (their paths and contents) and of `extra`. */
function sourceHash(dirs: string[], extra = ''): string {
  return filesHash(dirs.flatMap((dir) => fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .sort()), extra);
}

export function serverStore(adminUrl: string): DatabaseStore {
  const prefix = serverDatabasePrefix();
  const full = (name: string) => `${prefix}${name}`;
  const admin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const urlOf = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${full(name)}`;
    return url.toString();
  };
  return {
    freshName: () => `f${process.pid}_${randomBytes(4).toString('hex')}`,
    exists: (name) => admin(async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [full(name)])).rowCount === 1),
    create: (name, template) => admin(async (c) => {
      await c.query(`CREATE DATABASE "${full(name)}"${template ? ` TEMPLATE "${full(template)}"` : ''}`);
    }),
    open: (name, queryLogger) => openDatabase({ databaseUrl: urlOf(name), poolSize: 5, queryLogger }),
    rename: (from, to) => admin(async (c) => {
      await c.query(`ALTER DATABASE "${full(from)}" RENAME TO "${full(to)}"`);
    }),
    drop: (name) => admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${full(name)}" WITH (FORCE)`);
    }),
    url: urlOf,
    lockFile: (name) => path.join(runDir(), `server-${name}.lock`),
  };
}

/** The data folder of embedded database `name`. */
export const embeddedDataDir = (name: string): string => path.join(runDir(), name);

export function embeddedStore(): DatabaseStore {
  const dir = embeddedDataDir;
  return {
    freshName: () => `f${process.pid}-${randomBytes(4).toString('hex')}`,
    exists: async (name) => fs.existsSync(dir(name)),
    // An embedded database is made by opening a folder that does not exist yet.
    create: async (name, template) => {
      if (template) fs.cpSync(dir(template), dir(name), { recursive: true });
    },
    open: (name, queryLogger) => openDatabase({ embeddedDataDir: dir(name), queryLogger }),
    rename: async (from, to) => fs.renameSync(dir(from), dir(to)),
    drop: async (name) => {
      fs.rmSync(dir(name), { recursive: true, force: true });
      fs.rmSync(`${dir(name)}.lock`, { force: true });
    },
    url: () => undefined,
    lockFile: (name) => path.join(runDir(), `embedded-${name}.lock`),
  };
}

/** Makes template `name` unless it exists: `fill` runs on a new database (a copy of `from`, if given). */
async function ensureTemplate(store: DatabaseStore, name: string, from: string | undefined, fill: (db: Database) => Promise<unknown>): Promise<string> {
  if (await store.exists(name)) return name;
  await whileLocked(store.lockFile(name), async () => {
    if (await store.exists(name)) return;
    // Made under another name and renamed when whole: a maker that dies leaves no half template.
    const making = `${name}_new`;
    await store.drop(making);
    await store.create(making, from);
    const db = await store.open(making);
    try {
      await fill(db);
    } finally {
      await db.close();
    }
    await store.rename(making, name);
  });
  return name;
}

/** Schools to seed, and the cost their users' passwords are hashed with (the service's PASSWORD_HASH_COST). */
export interface Seed {
  schools: SchoolSpec[];
  passwordHashCost: number;
}

/** Applies every migration to `db`. */
export const migrateSilently = (db: Database): Promise<unknown> => migrate(db, new Logger('silent'));

/** Seeds `seed`'s schools into a migrated `db`. */
export async function seedSchools(db: Database, seed?: Seed): Promise<void> {
  for (const spec of seed?.schools ?? []) await seedSchool(db.dataSource, spec, seed!.passwordHashCost);
}

/** The template with every migration applied and `seed` seeded (none: just migrated). */
export async function templateFor(store: DatabaseStore, seed?: Seed): Promise<string> {
  const migrated = await ensureTemplate(store, `m${sourceHash(['migrations'])}`, undefined, migrateSilently);
  if (!seed?.schools.length) return migrated;
  const name = `s${sourceHash(['migrations', 'seeds'], JSON.stringify(seed))}`;
  return ensureTemplate(store, name, migrated, (db) => seedSchools(db, seed));
}
