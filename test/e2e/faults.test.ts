import { toGlobalId } from '../../src/core/ids';
import { migrate } from '../../src/core/migrations';
import { openDatabase } from '../../src/core/database';
import { startEmbeddedPostgres, EmbeddedPostgres } from '../../src/core/embedded-postgres';
import { Logger } from '../../src/core/logger';
import { createMathUnit, CREATE_ITEM, itemContent } from '../support/bank';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TcpProxy } from '../support/tcp-proxy';
import { TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The database goes away in the middle of a load and comes back. The service reaches it
 * through a proxy the test can cut: every open connection is reset and new ones are refused,
 * as when PostgreSQL restarts. Requests in the gap fail with a retryable SERVICE_UNAVAILABLE
 * (never an internal error), the service recovers without a restart, and every create the
 * clients saw acknowledged — retried with the same client key — is there exactly once, whole.
 */
let t: TestApp;
let proxy: TcpProxy;
let embedded: EmbeddedPostgres | undefined;
let direct: TestDatabase | undefined;

beforeAll(async () => {
  let targetUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    direct = await createTestDatabase();
    targetUrl = direct.url!;
  } else {
    embedded = await startEmbeddedPostgres();
    targetUrl = embedded.url;
  }
  proxy = await TcpProxy.start(targetUrl);
  // The embedded server takes one connection at a time; a server gets a small pool.
  const db = await openDatabase({ databaseUrl: proxy.urlFor(targetUrl), poolSize: embedded ? 1 : 4 });
  if (embedded) await migrate(db, new Logger('silent'));
  t = await TestApp.startOn(db, [SMALL_SCHOOL]);
}, 120000);

afterAll(async () => {
  await proxy?.restore().catch(() => undefined);
  await t?.stop();
  await proxy?.stop();
  await direct?.close();
  await embedded?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('a database restart mid-load: retryable errors in the gap, recovery without a restart, every acknowledged write exactly once', async () => {
  const lead = await t.login('t3sx1');
  const unit = await createMathUnit(t, lead);
  const before = Number((await t.db.dataSource.query(`SELECT count(*) AS n FROM bank_items`))[0].n);

  const WORKERS = 4;
  const PER_WORKER = 12;
  const acknowledged = new Map<string, string>();
  const outageCodes: string[] = [];
  const unexpected: unknown[] = [];
  let sent = 0;

  async function worker(w: number) {
    for (let i = 0; i < PER_WORKER; i++) {
      const clientKey = `restart-${w}-${i}-key`;
      const input = { ...itemContent({ title: `停电测试 ${w}-${i}` }), unitId: unit.id, objectiveIds: [unit.objectives[0].id], clientKey };
      for (let attempt = 0; attempt < 200; attempt++) {
        sent++;
        let result;
        try {
          result = await t.gql(CREATE_ITEM, { input }, lead);
        } catch (e) {
          unexpected.push(`no HTTP answer: ${e}`);
          await sleep(100);
          continue;
        }
        const code = result.errors?.[0]?.extensions?.code;
        if (code === 'SERVICE_UNAVAILABLE') {
          outageCodes.push(code);
          expect(result.errors![0].extensions).toMatchObject({ retryable: true });
          await sleep(100);
          continue;
        }
        if (result.errors?.length || result.data?.bankItemCreate?.userErrors?.length) {
          unexpected.push(result.errors ?? result.data.bankItemCreate.userErrors);
          break;
        }
        acknowledged.set(clientKey, result.data.bankItemCreate.item.id);
        break;
      }
    }
  }

  const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  while (acknowledged.size < 8) await sleep(20);
  await proxy.cut();
  const ready = await fetch(`${t.url}/ready`);
  expect(ready.status).toBe(503);
  await sleep(1500);
  await proxy.restore();
  await load;

  expect(unexpected).toEqual([]);
  expect(outageCodes.length).toBeGreaterThan(0);
  expect(acknowledged.size).toBe(WORKERS * PER_WORKER);
  expect((await fetch(`${t.url}/ready`)).status).toBe(200);

  // Exactly once: one item per key, each with its first version and its objective.
  const rows: { id: string; versions: number; links: number }[] = await t.db.dataSource.query(
    `SELECT i.id, (SELECT count(*)::int FROM bank_item_versions v WHERE v.school_id = i.school_id AND v.item_id = i.id) AS versions,
            (SELECT count(*)::int FROM bank_item_objectives o WHERE o.school_id = i.school_id AND o.item_id = i.id) AS links
       FROM bank_items i JOIN bank_item_versions v0 ON v0.school_id = i.school_id AND v0.item_id = i.id AND v0.version_no = 1
      WHERE v0.title LIKE '停电测试 %'`,
  );
  expect(rows).toHaveLength(WORKERS * PER_WORKER);
  expect(new Set(rows.map((r) => toGlobalId('BankItem', r.id)))).toEqual(new Set(acknowledged.values()));
  expect(rows.every((r) => r.versions === 1 && r.links === 1)).toBe(true);
  const after = Number((await t.db.dataSource.query(`SELECT count(*) AS n FROM bank_items`))[0].n);
  expect(after - before).toBe(WORKERS * PER_WORKER);
  // Requests kept going through the gap, and were answered.
  expect(sent).toBeGreaterThan(WORKERS * PER_WORKER);
}, 120000);
