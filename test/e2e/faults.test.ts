import { toGlobalId } from '../../src/core/ids';
import { openDatabase } from '../../src/core/database';
import { EmbeddedPostgres } from '../../src/core/embedded-postgres';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { CREATE as CREATE_ASSIGNMENT, ids, insertItem, packages } from '../support/assignments';
import { createMathUnit, CREATE_ITEM, itemContent } from '../support/bank';
import { TcpProxy } from '../support/tcp-proxy';
import { GraphQLResult, TestApp } from '../support/test-app';
import { createTestDatabase, startEmbeddedTestServer, TestDatabase } from '../support/test-database';

/**
 * The database goes away in the middle of a load and comes back. The service reaches it
 * through a proxy the test can cut: every open connection is reset and new ones are refused,
 * as when PostgreSQL restarts. Requests in the gap fail with a retryable SERVICE_UNAVAILABLE
 * (HTTP 503 with the seconds to wait; never an internal error), the service recovers without a
 * restart, and every create the clients saw acknowledged is there exactly once, whole. Clients
 * retry as real ones do: with the same client key, several copies at once (the first one hung,
 * so it was sent again while still out), bank items and assignments alike.
 */
const SCHOOL = { code: 'fault-test', name: '测试断电校', stage: SchoolStage.PRIMARY, grades: [3], classesPerGrade: 1, studentsPerClass: 1, nameSeed: 12 };
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
    embedded = await startEmbeddedTestServer();
    targetUrl = embedded.url;
  }
  proxy = await TcpProxy.start(targetUrl);
  // The embedded server takes one connection at a time; a server gets a small pool.
  const db = await openDatabase({ databaseUrl: proxy.urlFor(targetUrl), poolSize: embedded ? 1 : 4 });
  t = await TestApp.startOn(db, [SCHOOL]);
});

afterAll(async () => {
  await proxy?.restore().catch(() => undefined);
  await t?.stop();
  await proxy?.stop();
  await direct?.close();
  await embedded?.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Polls until `done()`: the test waits for what happened, never for an amount of time. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await pause(20);
}

it('a database restart mid-load: 503s with retryAfterSeconds in the gap, recovery without a restart, every acknowledged create exactly once', async () => {
  const lead = await t.login('t3sx1');
  const unit = await createMathUnit(t, lead);
  const easy = await insertItem(t, { subject: 'math', grade: 3, title: '口算', minutes: 8 });
  const harder = await insertItem(t, { subject: 'math', grade: 3, title: '应用题', minutes: 12 });
  const count = async (sql: string) => Number((await t.db.dataSource.query(sql))[0].n);
  const itemsBefore = await count(`SELECT count(*) AS n FROM bank_items`);

  const WORKERS = 4;
  const PER_WORKER = 6;
  const COPIES = 3;
  const acknowledged = new Map<string, string>();
  const outages: GraphQLResult[] = [];
  const unexpected: unknown[] = [];
  let sent = 0;
  let cut: Promise<void> | undefined;

  /** Worker `w`'s n-th create: a bank item from even workers, an assignment (its own day) from odd ones. */
  function request(w: number, n: number) {
    const clientKey = `restart-${w}-${n}-key`;
    if (w % 2 === 0) {
      const input = { ...itemContent({ title: `停电测试 ${w}-${n}` }), unitId: unit.id, objectiveIds: [unit.objectives[0].id], clientKey };
      return { clientKey, query: CREATE_ITEM, input, mutation: 'bankItemCreate', field: 'item' };
    }
    const date = new Date(Date.UTC(2027, 2, 1 + w * PER_WORKER + n)).toISOString().slice(0, 10);
    const input = { ...ids(t, 3, 'math'), date, shape: 'PACKAGES', title: `停电作业 ${w}-${n}`, options: packages(easy, harder), clientKey };
    return { clientKey, query: CREATE_ASSIGNMENT, input, mutation: 'assignmentCreate', field: 'assignment' };
  }

  async function worker(w: number) {
    for (let n = 0; n < PER_WORKER; n++) {
      const { clientKey, query, input, mutation, field } = request(w, n);
      for (let attempt = 0; attempt < 200 && !acknowledged.has(clientKey); attempt++) {
        sent += COPIES;
        const results = await Promise.all(Array.from({ length: COPIES }, () => t.gql(query, { input }, lead).catch((e) => e as Error)));
        const answered = new Set<string>();
        for (const result of results) {
          if (result instanceof Error) {
            unexpected.push(`no HTTP answer: ${result}`);
          } else if (result.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE') {
            outages.push(result);
          } else if (result.errors?.length || result.data?.[mutation]?.userErrors?.length) {
            unexpected.push(result.errors ?? result.data[mutation].userErrors);
          } else {
            answered.add(result.data[mutation][field].id);
          }
        }
        // Copies that were answered got the one result.
        if (answered.size > 1) unexpected.push(`${clientKey} answered with ${answered.size} different ids`);
        if (answered.size === 0) await pause(50);
        else acknowledged.set(clientKey, [...answered][0]);
        // The database goes away while the other workers' requests are out, however fast they run.
        if (acknowledged.size === 4 && !cut) await (cut = proxy.cut());
      }
    }
  }

  const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  await until(() => cut !== undefined);
  await cut;
  const ready = await fetch(`${t.url}/ready`);
  expect(ready.status).toBe(503);
  await until(() => outages.length >= WORKERS * COPIES);
  await proxy.restore();
  await load;

  expect(unexpected).toEqual([]);
  expect(acknowledged.size).toBe(WORKERS * PER_WORKER);
  expect((await fetch(`${t.url}/ready`)).status).toBe(200);
  // Requests kept going through the gap, and were answered as a client can act on.
  expect(sent).toBeGreaterThan(WORKERS * PER_WORKER * COPIES);
  expect(outages.length).toBeGreaterThanOrEqual(WORKERS * COPIES);
  expect(outages.filter((r) => r.status !== 503)).toEqual([]);
  const waits = outages.map((r) => ({ retryable: r.errors![0].extensions!.retryable, seconds: r.errors![0].extensions!.retryAfterSeconds, header: r.headers.get('retry-after') }));
  expect(waits.filter((w) => !(w.retryable === true && Number.isInteger(w.seconds) && w.seconds > 0 && w.header === String(w.seconds)))).toEqual([]);

  // A retry after recovery answers what the first acknowledged create made.
  for (let w = 0; w < WORKERS; w++) {
    for (let n = 0; n < PER_WORKER; n++) {
      const { clientKey, query, input, mutation, field } = request(w, n);
      const again = await t.ok(query, { input }, lead);
      expect({ clientKey, id: again[mutation][field].id }).toEqual({ clientKey, id: acknowledged.get(clientKey) });
    }
  }

  // Exactly once: one item per key, each with its first version and its objective.
  const items: { id: string; versions: number; links: number }[] = await t.db.dataSource.query(
    `SELECT i.id, (SELECT count(*)::int FROM bank_item_versions v WHERE v.school_id = i.school_id AND v.item_id = i.id) AS versions,
            (SELECT count(*)::int FROM bank_item_objectives o WHERE o.school_id = i.school_id AND o.item_id = i.id) AS links
       FROM bank_items i JOIN bank_item_versions v0 ON v0.school_id = i.school_id AND v0.item_id = i.id AND v0.version_no = 1
      WHERE v0.title LIKE '停电测试 %'`,
  );
  const itemKeys = [...acknowledged.keys()].filter((k) => Number(k.split('-')[1]) % 2 === 0);
  expect(items).toHaveLength(itemKeys.length);
  expect(new Set(items.map((r) => toGlobalId('BankItem', r.id)))).toEqual(new Set(itemKeys.map((k) => acknowledged.get(k))));
  expect(items.every((r) => r.versions === 1 && r.links === 1)).toBe(true);
  expect(await count(`SELECT count(*) AS n FROM bank_items`) - itemsBefore).toBe(itemKeys.length);

  // One assignment per key, each with both packages and their items.
  const assignments: { id: string; options: number; items: number }[] = await t.db.dataSource.query(
    `SELECT a.id, (SELECT count(*)::int FROM assignment_options o WHERE o.school_id = a.school_id AND o.assignment_id = a.id) AS options,
            (SELECT count(*)::int FROM assignment_items x WHERE x.school_id = a.school_id AND x.assignment_id = a.id) AS items
       FROM assignments a WHERE a.title LIKE '停电作业 %'`,
  );
  const assignmentKeys = [...acknowledged.keys()].filter((k) => Number(k.split('-')[1]) % 2 === 1);
  expect(assignments).toHaveLength(assignmentKeys.length);
  expect(new Set(assignments.map((r) => toGlobalId('Assignment', r.id)))).toEqual(new Set(assignmentKeys.map((k) => acknowledged.get(k))));
  expect(assignments.every((r) => r.options === 2 && r.items === 2)).toBe(true);
  expect(await count(`SELECT count(*) AS n FROM idempotency_keys WHERE client_key LIKE 'restart-%'`)).toBe(WORKERS * PER_WORKER);
});
