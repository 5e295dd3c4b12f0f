import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { DEMO_PASSWORDS } from '../../seeds/demo';
import { CREATE, insertItem, packages, PUBLISH } from '../support/assignments';
import { TestApp } from '../support/test-app';
import { builtService } from '../support/built-service';
import { ServiceProcess } from '../support/service-process';
import { TestDatabase, usingRealPostgres } from '../support/test-database';

/**
 * Several service processes on one database, as `npm start` runs them with DATABASE_URL (a
 * worker per core, src/cluster.ts) or as several machines behind a load balancer do: nothing a
 * request needs lives only in the memory of the process that served the one before.
 *
 * The built service (`node dist/src/main.js`; here the run's own build, as in shutdown.test.ts)
 * runs in child processes against the database of a TestApp, which
 * provides the school and writes the test data. PostgreSQL only: the embedded database is
 * opened by one process (PGlite runs inside it), so there the service is always one process.
 */
/** The built service's entry point (test/support/built-service.ts). */
let MAIN: string;
const SECRET = 'two-processes-test-secret-0123456789abcdef';
const SCHOOL = { code: 'two-proc', name: '测试己校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 1, studentsPerClass: 1, nameSeed: 12 };
/** A Wednesday of the school's term, after today (the processes run on the real clock). */
const DAY = '2027-01-13';
const ME = '{ me { displayName } school { name } }';

const SKIP_REASON = 'skipped: PostgreSQL only (set TEST_DATABASE_URL); the embedded database is one process, so the service never runs as several there';
const onServer = usingRealPostgres();
if (!onServer) console.warn(`two-processes.test.ts ${SKIP_REASON}`);

/** One GraphQL request on a connection of its own (no keep-alive), so the cluster may hand each to another worker. */
async function gql(base: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
}

async function signIn(base: string, username: string, password: string): Promise<string> {
  const { body } = await gql(base, `mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { schoolCode: SCHOOL.code, username, password } });
  const token = body.data?.login?.token;
  if (typeof token !== 'string') throw new Error(`sign-in of ${username} failed: ${JSON.stringify(body)}`);
  return token;
}

(onServer ? describe : describe.skip)(`two service processes on one database${onServer ? '' : ` (${SKIP_REASON})`}`, () => {
  let t: TestApp;
  let databaseUrl: string;

  beforeAll(async () => {
    MAIN = await builtService();
    t = await TestApp.start([SCHOOL]);
    databaseUrl = (t.db as TestDatabase).url!;
  });

  afterEach(() => ServiceProcess.killAll());

  afterAll(async () => {
    await t?.stop();
  });

  it('a token signed in on one process reads on the other, and the class-day cap holds when both publish at once', async () => {
    const env = { DATABASE_URL: databaseUrl, AUTH_TOKEN_SECRET: SECRET, WEB_CONCURRENCY: '1' };
    const one = ServiceProcess.start(MAIN, env);
    const two = ServiceProcess.start(MAIN, env);
    const [a, b] = (await Promise.all([one.listening(), two.listening()])).map((url) => url.origin);
    expect(a).not.toBe(b);

    // Signed in on one, read on the other.
    const office = await signIn(a, 'jiaowu', DEMO_PASSWORDS.office);
    const read = await gql(b, ME, {}, office);
    expect(read.status).toBe(200);
    expect(read.body.data.me.displayName).toBe(t.user('jiaowu').displayName);
    expect(read.body.data.school.name).toBe(SCHOOL.name);

    // Two teachers of different subjects, one on each process, publish for the same class and day
    // at once; 35 + 35 written minutes are over grade 5's 60: exactly one is published.
    const school = t.schools[0];
    const classId = toGlobalId('Class', school.classes[0].id);
    const drafts = await Promise.all([['t5yw1', 'chinese', a], ['t5sx1', 'math', b]].map(async ([username, code, base]) => {
      const item = await insertItem(t, { subject: code, grade: 5, title: `两个进程的练习（${code}）`, minutes: 35 });
      const token = await signIn(base, username, DEMO_PASSWORDS.staff);
      const { body } = await gql(base, CREATE, { input: {
        classId, subjectId: toGlobalId('Subject', school.subjects.find((s) => s.code === code)!.id),
        date: DAY, shape: 'PACKAGES', title: `作业（${code}）`, options: packages(item, item),
      } }, token);
      expect(body.data.assignmentCreate.userErrors).toEqual([]);
      return { base, token, assignment: body.data.assignmentCreate.assignment as { id: string; revision: number } };
    }));
    expect(drafts.map((d) => d.base)).toEqual([a, b]);

    const results = await Promise.all(drafts.map((d) => gql(d.base, PUBLISH, { input: { assignmentId: d.assignment.id, expectedRevision: d.assignment.revision } }, d.token)));

    expect(results.map((r) => r.body.errors)).toEqual([undefined, undefined]);
    const payloads = results.map((r) => r.body.data.assignmentPublish);
    expect(payloads.filter((p) => p.assignment?.status === 'PUBLISHED')).toHaveLength(1);
    const refused = payloads.filter((p) => !p.assignment);
    expect(refused).toHaveLength(1);
    expect(refused[0].userErrors.map((e: { code: string }) => e.code)).toEqual(['DAILY_LOAD_EXCEEDED']);
    const [{ published }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS published FROM assignments WHERE school_id = $1 AND class_id = $2 AND day = $3 AND status = 'published'`,
      [school.schoolId, school.classes[0].id, DAY]);
    expect(published).toBe(1);

    one.kill('SIGTERM');
    two.kill('SIGTERM');
    expect(await Promise.all([one.ended, two.ended])).toEqual([{ code: 0, signal: null }, { code: 0, signal: null }]);
  });

  it('npm start with WEB_CONCURRENCY=2: the workers share one port and one token key, a killed worker is replaced, SIGTERM stops all and exits 0', async () => {
    // No AUTH_TOKEN_SECRET and no data folder (development): the primary makes one key for all its workers.
    const service = ServiceProcess.start(MAIN, { DATABASE_URL: databaseUrl, WEB_CONCURRENCY: '2', NODE_ENV: 'development' });
    const listening = await service.logged((e) => e.msg === 'listening', 2);
    const urls = new Set(listening.map((e) => e.url));
    expect(urls.size).toBe(1);
    expect(new Set(listening.map((e) => e.worker))).toEqual(new Set([1, 2]));
    const base = String(listening[0].url).replace(/\/graphql$/, '');

    const token = await signIn(base, 'jiaowu', DEMO_PASSWORDS.office);
    // Each on a connection of its own: the cluster hands them to both workers in turn.
    const reads = await Promise.all(Array.from({ length: 6 }, () => gql(base, ME, {}, token)));
    expect(reads.map((r) => r.body.data?.me?.displayName)).toEqual(Array(6).fill(t.user('jiaowu').displayName));

    // A worker that dies is replaced in its slot.
    const victim = listening.find((e) => e.worker === 2)!;
    process.kill(Number(victim.pid), 'SIGKILL');
    const [died] = await service.logged((e) => e.msg === 'worker exited unexpectedly: starting another');
    expect(died).toMatchObject({ slot: 2, pid: victim.pid, signal: 'SIGKILL' });
    const relisten = await service.logged((e) => e.msg === 'listening' && e.worker === 2, 2);
    expect(relisten[1].pid).not.toBe(victim.pid);
    expect(relisten[1].url).toBe(listening[0].url);
    const after = await Promise.all(Array.from({ length: 4 }, () => gql(base, ME, {}, token)));
    expect(after.map((r) => r.status)).toEqual([200, 200, 200, 200]);

    service.kill('SIGTERM');
    expect(await service.ended).toEqual({ code: 0, signal: null });
    const messages = service.logs.map((e) => e.msg);
    expect(messages.filter((m) => m === 'worker stopped')).toHaveLength(2);
    expect(messages.indexOf('shutting down')).toBeGreaterThan(-1);
    expect(messages[messages.length - 1]).toBe('stopped');
  });
});
