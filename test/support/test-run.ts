import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * One `npm test` run: its id and what it leaves on disk and on the PostgreSQL server.
 *
 * Everything a run creates carries its id — embedded data folders under one folder of the
 * run, server databases named `hwt_<run>_…` — so the run's global teardown removes them all,
 * and a later run removes those of a run that died before its teardown (killed, crashed).
 * A run is alive while its jest process is: on disk, the process id in the run's folder; on
 * the server, a session-level advisory lock the run's jest process holds until teardown
 * (the server releases it when that process goes, however it goes).
 */
const RUN_ENV = 'HOMEWORK_TEST_RUN';
const RUNS_DIR = path.join(os.tmpdir(), 'homework-test-db');
const SERVER_NAME = /^hwt_([0-9a-f]{8})_/;
const RUN_LOCK = `SELECT pg_advisory_lock(hashtextextended('homework-test-run:' || $1, 0))`;
const TRY_RUN_LOCK = `SELECT pg_try_advisory_lock(hashtextextended('homework-test-run:' || $1, 0)) AS free`;
const RUN_UNLOCK = `SELECT pg_advisory_unlock(hashtextextended('homework-test-run:' || $1, 0))`;

/** The server session that holds the run's advisory lock; global setup and teardown share one global scope. */
const state = globalThis as typeof globalThis & { homeworkTestRunClient?: Client };

/** The current run's id; set by the global setup, inherited by the workers. */
export function currentRun(): string {
  const run = process.env[RUN_ENV];
  if (!run) throw new Error(`${RUN_ENV} is not set: test databases need jest's globalSetup (test/support/global-setup.ts, see jest.config.js)`);
  return run;
}

/** Where the run keeps its embedded data folders. */
export function runDir(run = currentRun()): string {
  return path.join(RUNS_DIR, run);
}

/** The prefix of every server database of the run. */
export function serverDatabasePrefix(run = currentRun()): string {
  return `hwt_${run}_`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding a lock file that every process of the machine respects; waits
 * (however long) for a holder that is alive, takes over from one that died.
 */
export async function whileLocked<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  // Linking a file that already holds our pid makes the lock appear with its holder, atomically.
  const mine = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(mine, String(process.pid));
  try {
    for (;;) {
      try {
        fs.linkSync(mine, lockFile);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      let holder = 0;
      try {
        holder = Number(fs.readFileSync(lockFile, 'utf8'));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      if (holder && !processIsAlive(holder)) fs.rmSync(lockFile, { force: true });
      else await sleep(100);
    }
  } finally {
    fs.rmSync(mine, { force: true });
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

/** Removes the folders of runs whose jest process is gone. */
function removeDeadEmbeddedRuns(): void {
  for (const entry of fs.readdirSync(RUNS_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(RUNS_DIR, entry.name);
    let owner = 0;
    try {
      owner = Number(fs.readFileSync(path.join(dir, 'owner'), 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    // A folder without an owner is one a run was still making (the owner file goes in before the rename).
    if (owner && !processIsAlive(owner)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function dropServerDatabases(client: Client, names: string[]): Promise<void> {
  for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Drops the databases of runs that no longer hold their lock (the lock is free once the run's session is gone). */
async function dropDeadServerRuns(client: Client, run: string): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'hwt\\_%'`);
  const byRun = new Map<string, string[]>();
  for (const { datname } of rows) {
    const other = SERVER_NAME.exec(datname)?.[1];
    if (other && other !== run) byRun.set(other, [...(byRun.get(other) ?? []), datname]);
  }
  for (const [other, names] of byRun) {
    const { rows: [{ free }] } = await client.query<{ free: boolean }>(TRY_RUN_LOCK, [other]);
    if (!free) continue;
    try {
      await dropServerDatabases(client, names);
    } finally {
      await client.query(RUN_UNLOCK, [other]);
    }
  }
}

/** Global setup: names the run, marks it alive, and removes what dead runs left behind. */
export async function startRun(): Promise<void> {
  const run = randomBytes(4).toString('hex');
  process.env[RUN_ENV] = run;

  fs.mkdirSync(RUNS_DIR, { recursive: true });
  removeDeadEmbeddedRuns();
  const making = path.join(RUNS_DIR, `${run}.new`);
  fs.mkdirSync(making);
  fs.writeFileSync(path.join(making, 'owner'), String(process.pid));
  fs.renameSync(making, runDir(run));

  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return;
  const client = new Client({ connectionString: adminUrl, application_name: 'homework-test-run' });
  await client.connect();
  await client.query(RUN_LOCK, [run]);
  state.homeworkTestRunClient = client;
  await dropDeadServerRuns(client, run);
}

/** Global teardown: removes everything the run made. */
export async function endRun(): Promise<void> {
  const run = currentRun();
  const client = state.homeworkTestRunClient;
  if (client) {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [serverDatabasePrefix(run)]);
    await dropServerDatabases(client, rows.map((r) => r.datname));
    await client.end();
    state.homeworkTestRunClient = undefined;
  }
  fs.rmSync(runDir(run), { recursive: true, force: true });
}
