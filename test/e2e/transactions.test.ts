import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { RequestContext } from '../../src/core/context';
import { Database, openDatabase } from '../../src/core/database';
import { EmbeddedDatabaseInUseError } from '../../src/core/embedded-postgres';
import { Logger } from '../../src/core/logger';
import { migrate } from '../../src/core/migrations';
import { Role } from '../../src/core/roles';
import { withTransaction } from '../../src/core/transaction';
import { createLoaders } from '../../src/modules/registry';
import { seedSchool } from '../../seeds/demo';
import { OTHER_SCHOOL } from '../support/fixtures';
import { createTestDatabase, usingRealPostgres } from '../support/test-database';

const silent = new Logger('silent');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function contextFor(db: Database, schoolId: string): RequestContext {
  const viewer = {
    userId: '00000000-0000-4000-8000-000000000000', schoolId, displayName: 'test', roles: new Set([Role.ACADEMIC_OFFICE]),
    classId: null, taughtClassIds: new Set<string>(), headClassIds: new Set<string>(), childIds: new Set<string>(),
    childClassIds: new Set<string>(), groupIds: new Set<string>(), ledGroupIds: new Set<string>(),
  };
  return new RequestContext('test', db.dataSource.manager, loadConfig(), silent, viewer, createLoaders);
}

const kinds: [string, () => Promise<Database>][] = [
  ['embedded PGlite', () => createTestDatabase({ embedded: true })],
];
if (usingRealPostgres()) kinds.push(['PostgreSQL server', createTestDatabase]);

describe.each(kinds)('transactions on %s', (_kind, open) => {
  let db: Database;
  let schoolId: string;

  beforeAll(async () => {
    db = await open();
    schoolId = (await seedSchool(db.dataSource, OTHER_SCHOOL, 10)).schoolId;
  });
  afterAll(() => db?.close());

  const codes = async () =>
    (await db.dataSource.query(`SELECT code FROM subjects WHERE code LIKE 'tx_%' ORDER BY code`)).map((r: any) => r.code);

  it('keeps concurrent transactions isolated: the rolled-back one leaves nothing, the others everything', async () => {
    const ctx = contextFor(db, schoolId);
    const seenDuringWork: string[][] = [];
    const work = (n: number, fail: boolean) =>
      withTransaction(ctx, async ({ db: tx }) => {
        await tx.query(`INSERT INTO subjects (school_id, id, code, name) VALUES ($1, gen_random_uuid(), $2, $3)`, [schoolId, `tx_${n}a`, `科目${n}a`]);
        await sleep(15);
        await tx.query(`INSERT INTO subjects (school_id, id, code, name) VALUES ($1, gen_random_uuid(), $2, $3)`, [schoolId, `tx_${n}b`, `科目${n}b`]);
        if (fail) throw new Error(`transaction ${n} fails after writing`);
        return n;
      });
    const readers = Array.from({ length: 5 }, async (_, i) => {
      await sleep(5 + i * 7);
      seenDuringWork.push(await codes());
    });
    const results = await Promise.allSettled([work(1, false), work(2, true), work(3, false), work(4, true), work(5, false), ...readers]);

    expect(results.slice(0, 5).map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await codes()).toEqual(['tx_1a', 'tx_1b', 'tx_3a', 'tx_3b', 'tx_5a', 'tx_5b']);
    // No reader ever saw a half-done transaction: rows of a transaction appear in pairs, and
    // rows of the failed ones never appear at all.
    for (const seen of seenDuringWork) {
      expect(seen.filter((c) => c.startsWith('tx_2') || c.startsWith('tx_4'))).toEqual([]);
      expect(seen.filter((c) => c.endsWith('a')).length).toBe(seen.filter((c) => c.endsWith('b')).length);
    }
  });

  it('a failure inside a transaction does not affect a concurrent plain write', async () => {
    const ctx = contextFor(db, schoolId);
    const failing = withTransaction(ctx, async ({ db: tx }) => {
      await tx.query(`INSERT INTO subjects (school_id, id, code, name) VALUES ($1, gen_random_uuid(), 'tx_9a', '回滚')`, [schoolId]);
      await sleep(20);
      throw new Error('rollback');
    });
    const plain = db.dataSource.query(`INSERT INTO subjects (school_id, id, code, name) VALUES ($1, gen_random_uuid(), 'tx_8a', '保留')`, [schoolId]);
    await expect(failing).rejects.toThrow('rollback');
    await plain;
    const after = await codes();
    expect(after).toContain('tx_8a');
    expect(after).not.toContain('tx_9a');
  });

  it('a context in a transaction reads and writes through it and shares the request\'s state', async () => {
    const ctx = contextFor(db, schoolId);
    const before = ctx.loaders;
    const after: string[] = [];
    await expect(withTransaction(ctx, async (txCtx) => {
      expect(txCtx.db).toBe(txCtx.transaction);
      expect(txCtx.db).not.toBe(ctx.db);
      expect(txCtx.viewer).toBe(ctx.viewer);
      expect(txCtx.loaders).toBe(before);
      await txCtx.db.query(`INSERT INTO subjects (school_id, id, code, name) VALUES ($1, gen_random_uuid(), 'tx_7a', '事务内')`, [schoolId]);
      // Seen inside the transaction, not outside it until it commits.
      expect((await txCtx.db.query(`SELECT code FROM subjects WHERE code = 'tx_7a'`)).length).toBe(1);
      txCtx.afterCommit(async () => { after.push('rolled back'); });
      txCtx.clearLoaders();
      expect(ctx.loaders).not.toBe(before);
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    expect(await codes()).not.toContain('tx_7a');
    await withTransaction(ctx, async (txCtx) => {
      txCtx.afterCommit(async () => { after.push('committed'); });
      expect(after).toEqual([]);
    });
    await ctx.committed();
    // Work left for after the commit runs once the request commits, and only for a transaction that committed.
    expect(after).toEqual(['committed']);
  });

  it('an idle connection is kept on the embedded database, and closed after pg\'s 10 s on a server', async () => {
    // The embedded server takes one connection at a time and lets go of a closed one only after a moment:
    // a connection opened as the idle one closes could be refused. pg's pool closes none when the timeout is 0.
    const pool = (db.dataSource.driver as unknown as { master: { options: { idleTimeoutMillis?: number } } }).master;
    if (db.kind === 'embedded') expect(pool.options.idleTimeoutMillis).toBe(0);
    else expect(pool.options.idleTimeoutMillis).toBe(10_000);
  });

  it('statements sent side by side on one connection take turns in the order sent, never left in the driver\'s queue', async () => {
    // pg 8 queues a statement sent while another runs and deprecates that (pg 9 refuses it): the
    // connection's own turns (database.ts) keep the driver's queue empty.
    const ctx = contextFor(db, schoolId);
    const { answers, waitingInDriver } = await withTransaction(ctx, async ({ db: tx }) => {
      const driverQueue = (tx.queryRunner as unknown as { databaseConnection: { _queryQueue: unknown[] } }).databaseConnection._queryQueue;
      const sent = Promise.all([
        tx.query(`SELECT 1 AS n, pg_sleep(0.3)::text AS slept`),
        tx.query(`SELECT 2 AS n, clock_timestamp() AS at`),
        tx.query(`SELECT 3 AS n, clock_timestamp() AS at`),
        tx.query(`SELECT 4 AS n, clock_timestamp() AS at`),
      ]);
      // Once the statements' promise jobs have run, the three others have been sent by the service,
      // while the first still sleeps on the server (an answer read before this turn of the event
      // loop would only shorten the driver's queue, never fill it).
      await new Promise((resolve) => setImmediate(resolve));
      const waitingInDriver = driverQueue.length;
      return { answers: await sent, waitingInDriver };
    });
    expect(waitingInDriver).toBe(0);
    expect(answers.map(([row]) => row.n)).toEqual([1, 2, 3, 4]);
    // In the order sent: each began after the one before it ended.
    expect(answers[1][0].at.getTime()).toBeLessThanOrEqual(answers[2][0].at.getTime());
    expect(answers[2][0].at.getTime()).toBeLessThanOrEqual(answers[3][0].at.getTime());
  });
});

describe('embedded database on disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps its data across a restart', async () => {
    const dataDir = path.join(dir, 'data');
    const first = await openDatabase({ embeddedDataDir: dataDir });
    await migrate(first, silent);
    await seedSchool(first.dataSource, OTHER_SCHOOL, 10);
    const before = await first.dataSource.query(`SELECT count(*)::int AS n FROM users`);
    await first.close();

    const second = await openDatabase({ embeddedDataDir: dataDir });
    try {
      expect(await migrate(second, silent)).toEqual([]);
      expect(await second.dataSource.query(`SELECT count(*)::int AS n FROM users`)).toEqual(before);
    } finally {
      await second.close();
    }
  });

  it('refuses to open a data folder that is already open', async () => {
    const dataDir = path.join(dir, 'locked');
    const first = await openDatabase({ embeddedDataDir: dataDir });
    try {
      await expect(openDatabase({ embeddedDataDir: dataDir })).rejects.toBeInstanceOf(EmbeddedDatabaseInUseError);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ embeddedDataDir: dataDir });
    await again.close();
  });
});
