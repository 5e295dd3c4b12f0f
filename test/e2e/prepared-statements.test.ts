import { OTHER_SCHOOL, SMALL_SCHOOL } from '../support/fixtures';
import { createAndPublish, ids, insertItem, packages } from '../support/assignments';
import { TestApp } from '../support/test-app';

/**
 * The viewer and the heavy reads run as statements prepared once per connection
 * (src/core/prepared-query.ts, request-scope.ts). A prepared plan must never carry one school's
 * rows to another, and a connection the pool opens anew must start with none of them: the
 * embedded database is one session that outlives the connections to it.
 */
let t: TestApp;
const tok: Record<string, string> = {};
const DAY = '2026-12-14';
const CLASS_WEEK = `query($c: ID!, $from: LocalDate!, $to: LocalDate!) { classAssignments(classId: $c, from: $from, to: $to) {
  title day subject { name } teacher { displayName } choices { key totalMinutes } options { key items { content { title } } } } }`;
const ME = `{ me { displayName roles } }`;

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL, OTHER_SCHOOL]);
  for (const [school, i] of [['a', 0], ['b', 1]] as const) {
    tok[`${school}-teacher`] = await t.login('t3sx1', t.schools[i].spec.code);
    const item = await insertItem(t, { subject: 'math', grade: 3, title: `${school}校口算练习`, minutes: 15 }, i);
    await createAndPublish(t, tok[`${school}-teacher`], { ...ids(t, 3, 'math', i), date: DAY, shape: 'PACKAGES', title: `${school}校数学作业`, options: packages(item, item) });
  }
});
afterAll(() => t?.stop());

const week = (school: 0 | 1, token: string) => t.gql(CLASS_WEEK, { c: ids(t, 3, 'math', school).classId, from: DAY, to: DAY }, token);

/**
 * Closes every connection the pool holds now, then waits until the database answers on a new
 * one (GET /ready: the embedded server takes one connection at a time and lets go of the closed
 * one after a moment). The test waits for what happened, never for an amount of time.
 */
async function replaceConnections(): Promise<void> {
  const pool = (t.db.dataSource.driver as unknown as { master: { connect(): Promise<{ release(destroy?: boolean): void }>; idleCount: number } }).master;
  const held = [];
  for (let n = pool.idleCount; n > 0; n--) held.push(await pool.connect());
  for (const client of held) client.release(true);
  while ((await fetch(`${t.url}/ready`)).status !== 200) await new Promise((resolve) => setImmediate(resolve));
}

it("the same prepared statements answer each school with its own rows only, and another school's class as nothing", async () => {
  // Enough requests that each connection has prepared the statements and PostgreSQL has moved to a generic plan.
  for (let n = 0; n < 8; n++) {
    const a = await week(0, tok['a-teacher']);
    const b = await week(1, tok['b-teacher']);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data.classAssignments.map((x: { title: string }) => x.title)).toEqual(['a校数学作业']);
    expect(b.data.classAssignments.map((x: { title: string }) => x.title)).toEqual(['b校数学作业']);
    expect(a.data.classAssignments[0].options[0].items[0].content.title).toBe('a校口算练习');
  }
  // School B's teacher asking for school A's class gets no row of it.
  const across = await week(0, tok['b-teacher']);
  expect(JSON.stringify(across)).not.toContain('a校');
  expect(across.errors?.[0]?.extensions?.code ?? (across.data?.classAssignments.length === 0 ? 'EMPTY' : 'ROWS')).not.toBe('ROWS');
});

it('a connection the pool opens anew prepares its statements again, on the embedded database as on a server', async () => {
  const before = await week(0, tok['a-teacher']);
  const me = await t.gql(ME, {}, tok['a-teacher']);
  expect(me.errors).toBeUndefined();
  for (let round = 0; round < 3; round++) {
    await replaceConnections();
    const again = await week(0, tok['a-teacher']);
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(before.data);
    expect((await t.gql(ME, {}, tok['a-teacher'])).data).toEqual(me.data);
  }
});

it('a request that fails after its viewer was prepared leaves the connection usable for the next', async () => {
  // A document the server refuses while it runs (a class id of the wrong type) after the viewer was read.
  const bad = await t.gql(CLASS_WEEK, { c: ids(t, 3, 'math', 0).subjectId, from: DAY, to: DAY }, tok['a-teacher']);
  expect(bad.errors?.length).toBeGreaterThan(0);
  const good = await week(0, tok['a-teacher']);
  expect(good.errors).toBeUndefined();
  expect(good.data.classAssignments).toHaveLength(1);
});
