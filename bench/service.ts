import 'reflect-metadata';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { toGlobalId } from '../src/core/ids';
import { AnchorProcess, ANCHOR_CLASS_WEEK, ensureAnchorInstalled, installAnchorFunctions } from './anchor';
import { ClusterProcess } from './cluster-process';
import { FloorJob, FloorResult, FloorRun } from './floor';
import { LoadResult, readWorkload, runLoad, Workload, writeSucceeded } from './load';
import { BANK_SEARCH, CLASS_LOAD_REPORT, CLASS_WEEK, LOGIN, MARKING_QUEUE, PUBLISH, STUDENT_DAY, SUBMIT, WEEKLY_NOTICE } from './operations';
import { ensureBenchDatabase, PreparedData, prepareData, TargetName, TargetPlace } from './prepare';
import { Interleaved, machineFacts, TargetReport, writeReport } from './report';
import { ServerProcess } from './server-process';
import { BENCH_CLIENT_KEY, BENCH_DAY_BASE, ClassSlots, HandInSlot, handInSlots, topUp, writeClasses } from './workloads';

/**
 * `npm run bench`: the service end to end over HTTP on a school year of data, on a real
 * PostgreSQL server and on the embedded PGlite. Per target it loads the data (once; reruns
 * are quick), starts the service in a child process, signs in, measures the heavy reads and
 * the hot writes with autocannon at each concurrency, counts SQL statements per request,
 * times the hand-written floor of the class week, and finally writes BENCHMARKS.md.
 *
 * Knobs (environment): BENCH_TARGETS (postgres,embedded), BENCH_DATABASE_URL (admin URL of
 * the PostgreSQL server; the bench uses its own database bench_service there), BENCH_DAYS
 * (190 school days), BENCH_SECONDS (10 per run, after a 2 s warm-up), BENCH_CONNECTIONS
 * (1,8,32), BENCH_ITEMS (100000 bank items), BENCH_TEACHERS (20 publishing at once),
 * BENCH_ONLY (operations to run, comma-separated starts of their names: e.g. "class week,publish"), BENCH_PROFILE
 * (write a CPU profile of the service to .data/bench-profiles), BENCH_REPORT (file to write,
 * BENCHMARKS.md; "-" for none), BENCH_ROUNDS (5 interleaved rounds of the class week: the service, the floor and
 * PostGraphile 5 in turn, on PostgreSQL) at BENCH_ROUND_CONNECTIONS (8), BENCH_ANCHOR=0 (no PostGraphile).
 */
function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

const TARGETS = (process.env.BENCH_TARGETS ?? 'postgres,embedded').split(',').map((t) => t.trim()).filter(Boolean) as TargetName[];
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DAYS = intEnv('BENCH_DAYS', 190);
const SECONDS = intEnv('BENCH_SECONDS', 10);
/** 2 s before each measured run (less in a quick run of a few seconds). */
const WARMUP_SECONDS = Math.min(2, SECONDS / 4);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,8,32').split(',').map(Number);
const ITEMS = intEnv('BENCH_ITEMS', 100_000);
const TEACHERS = intEnv('BENCH_TEACHERS', 20);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const PROFILE = !!process.env.BENCH_PROFILE;
const REPORT = process.env.BENCH_REPORT ?? 'BENCHMARKS.md';
/** The service's pool size (its default); the floor uses the same. The embedded database has one connection. */
const POOL_SIZE = 10;
const DATA_DIR = path.resolve('.data');
const ROUNDS = intEnv('BENCH_ROUNDS', 5);
const ROUND_CONNECTIONS = (process.env.BENCH_ROUND_CONNECTIONS ?? '8').split(',').map(Number);
const ANCHOR = process.env.BENCH_ANCHOR !== '0';
/** The service as `npm start` runs it (a worker per core) in the rounds too; BENCH_CLUSTER=0: not. */
const CLUSTER = process.env.BENCH_CLUSTER !== '0';

const log = (line: string) => process.stderr.write(`${line}\n`);
const wanted = (operation: string) => !ONLY || [...ONLY].some((o) => operation.startsWith(o));

interface Http {
  send(token: string | null, query: string, variables?: Record<string, unknown>): Promise<string>;
  ok(token: string | null, query: string, variables?: Record<string, unknown>): Promise<any>;
}

function httpTo(url: string): Http {
  const send = async (token: string | null, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.text();
  };
  return {
    send,
    async ok(token, query, variables) {
      const body = await send(token, query, variables);
      const parsed = JSON.parse(body);
      if (parsed.errors?.length) throw new Error(`GraphQL errors: ${body.slice(0, 1000)}`);
      return parsed.data;
    },
  };
}

function printResult(target: string, r: LoadResult): void {
  const extra = [r.non2xx && `${r.non2xx} non-2xx`, r.graphqlErrors && `${r.graphqlErrors} GraphQL errors`, r.errors && `${r.errors} connection errors`,
    r.exhausted && `${r.exhausted} after the prepared writes ran out`].filter(Boolean).join(', ');
  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—').padStart(6);
  log(`  ${target.padEnd(8)} ${r.operation.padEnd(28)} c=${String(r.connections).padStart(2)}  ${r.rps.toFixed(1).padStart(7)} req/s  ` +
    `p50 ${ms(r.p50)} ms  p99 ${ms(r.p99)} ms${extra ? `  (${extra})` : ''}`);
}

/** A Monday–Friday week of the class with homework every day, near the middle of the loaded days. */
async function pickWeek(server: ServerProcess, data: PreparedData): Promise<{ monday: string; friday: string; wednesday: string }> {
  const s = data.scale.sample;
  const [rows] = await server.sqlIn(s.schoolId)([{
    text: `SELECT to_char(date_trunc('week', day), 'YYYY-MM-DD') AS monday, count(DISTINCT day)::int AS days
             FROM assignments WHERE school_id = $1 AND class_id = $2 AND day BETWEEN $3 AND $4 AND extract(isodow FROM day) <= 5
            GROUP BY 1 ORDER BY days DESC, abs(min(day) - ($3::date + ($4::date - $3::date) / 2)), 1 LIMIT 1`,
    params: [s.schoolId, s.classId, s.firstDay, s.lastDay],
  }]);
  const monday: string = rows[0].monday;
  const plus = (n: number) => new Date(Date.parse(`${monday}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
  return { monday, wednesday: plus(2), friday: plus(4) };
}

interface Measured {
  results: LoadResult[];
  statements: Record<string, number>;
  /** Latency of the single request that counted the statements (ms). */
  singleMs: Record<string, number>;
  failures: Record<string, string[]>;
}

/** Counts the statements of one request, then runs the load at each concurrency. */
async function measure(server: ServerProcess, workload: Workload, connectionCounts: number[], into: Measured, target: string,
  beforeEach: (connections: number) => Promise<void> = async () => undefined): Promise<void> {
  await beforeEach(connectionCounts[0]);
  // Requests of the previous run may still be in flight in the service: wait until it is idle.
  for (let last = -1, now = await server.statements(); now !== last; last = now, now = await server.statements()) {
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const one = workload.next(0);
  if (!one) throw new Error(`${workload.operation}: nothing to send`);
  const before = await server.statements();
  const t0 = performance.now();
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${one.token}` }, body: one.body,
  });
  const body = await res.text();
  into.singleMs[workload.operation] = performance.now() - t0;
  const statements = (await server.statements()) - before;
  if (!res.ok || !workload.succeeded(body)) throw new Error(`${workload.operation} does not succeed (HTTP ${res.status}): ${body.slice(0, 1000)}`);
  into.statements[workload.operation] = statements;
  for (const connections of connectionCounts) {
    await beforeEach(connections);
    const failures = (into.failures[workload.operation] ??= []);
    const r = await runLoad(server.url, workload, connections, SECONDS, WARMUP_SECONDS, failures);
    r.statements = statements;
    into.results.push(r);
    printResult(target, r);
  }
}

function runFloor(job: FloorJob): Promise<FloorResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'floor.js'), [], { env: { ...process.env, NODE_ENV: 'production', BENCH_FLOOR_JOB: JSON.stringify(job) } });
    child.once('message', (m: { type: string; result?: FloorResult; error?: string }) => {
      if (m.type === 'done') resolve(m.result!);
      else reject(new Error(`floor failed: ${m.error}`));
    });
    child.once('exit', (code) => code && reject(new Error(`floor exited with ${code}`)));
  });
}

/** The floor in its own process, waiting for runs (bench/floor.ts with no concurrencies in its job). */
async function floorOnCall(job: FloorJob): Promise<{ sample: string; run: (connections: number) => Promise<LoadResult>; stop: () => Promise<void> }> {
  const child = fork(path.join(__dirname, 'floor.js'), [], { env: { ...process.env, NODE_ENV: 'production', BENCH_FLOOR_JOB: JSON.stringify({ ...job, connections: [] }) } });
  const sample = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { type: string; sample?: string; error?: string }) => (m.type === 'ready' ? resolve(m.sample!) : reject(new Error(`floor failed: ${m.error}`))));
    child.once('exit', (code) => reject(new Error(`floor exited with ${code}`)));
  });
  return {
    sample,
    run: (connections) => new Promise((resolve) => {
      child.once('message', (m: { type: string; result: LoadResult }) => resolve(m.result));
      child.send({ type: 'run', connections, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS } satisfies FloorRun);
    }),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}

const CLASS_WEEK_QUERY_OF = (w: Workload): string => JSON.parse(w.next(0)!.body).query;

/**
 * The class week on PostgreSQL from the service, the floor and PostGraphile 5 in turn, ROUNDS
 * times (each round in another order), so that whatever else the machine does hits all three
 * alike; the report gives the medians. Each answer is first checked against the service's.
 */
async function interleavedRounds(server: ServerProcess, databaseUrl: string, schoolId: string, classId: string, week: { monday: string; friday: string },
  serviceWorkload: Workload, classWeek: unknown, poolSize: number): Promise<Interleaved> {
  const floor = await floorOnCall({
    databaseUrl, poolSize, schoolId, classId, from: week.monday, to: week.friday, connections: [], seconds: SECONDS, warmupSeconds: WARMUP_SECONDS,
  });
  let anchor: AnchorProcess | null = null;
  let clustered: ClusterProcess | null = null;
  try {
    const mismatch = (who: string, answer: unknown) => {
      const file = path.join(DATA_DIR, `bench-${who}-mismatch-postgres.json`);
      fs.writeFileSync(file, JSON.stringify({ service: classWeek, [who]: answer }, null, 1));
      log(`  the ${who}'s answer differs from the service's: both in ${file}`);
    };
    const floorAnswer = JSON.parse(floor.sample);
    const floorMatches = isDeepStrictEqual(floorAnswer, classWeek);
    if (!floorMatches) mismatch('floor', floorAnswer);
    const contestants: { name: string; run: (connections: number) => Promise<LoadResult> }[] = [
      { name: 'service', run: (c) => runLoad(server.url, serviceWorkload, c, SECONDS, WARMUP_SECONDS) },
      { name: 'floor', run: (c) => floor.run(c) },
    ];
    let anchorMatches: boolean | null = null;
    let anchorNode: string | null = null;
    if (ANCHOR) {
      ensureAnchorInstalled(log);
      await installAnchorFunctions(databaseUrl);
      anchor = await AnchorProcess.start(databaseUrl, schoolId, poolSize, path.join(DATA_DIR, 'bench-postgraphile.log'));
      anchorNode = anchor.nodeVersion;
      const variables = { c: classId, from: week.monday, to: week.friday };
      const answer = await httpTo(anchor.url).ok(null, ANCHOR_CLASS_WEEK, variables);
      anchorMatches = isDeepStrictEqual(answer.week, classWeek);
      if (!anchorMatches) mismatch('postgraphile', answer.week);
      const url = anchor.url;
      contestants.push({ name: 'PostGraphile 5', run: (c) => runLoad(url, readWorkload('class week, PostGraphile 5', 'none', ANCHOR_CLASS_WEEK, variables), c, SECONDS, WARMUP_SECONDS) });
    }
    if (CLUSTER) {
      clustered = await ClusterProcess.start(databaseUrl, poolSize, path.join(DATA_DIR, 'bench-cluster.log'));
      const answer = JSON.parse(await httpTo(clustered.url).send(serviceWorkload.next(0)!.token, CLASS_WEEK_QUERY_OF(serviceWorkload), JSON.parse(serviceWorkload.next(0)!.body).variables));
      if (!isDeepStrictEqual(answer.data?.classAssignments, classWeek)) throw new Error(`the clustered service answers the class week otherwise: ${JSON.stringify(answer).slice(0, 500)}`);
      const url = clustered.url;
      contestants.splice(1, 0, { name: `service, ${clustered.workers} processes`, run: (c) => runLoad(url, serviceWorkload, c, SECONDS, WARMUP_SECONDS) });
    }
    const runs: Interleaved['runs'] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const connections of ROUND_CONNECTIONS) {
        for (let k = 0; k < contestants.length; k++) {
          const c = contestants[(round + k) % contestants.length];
          const r = await c.run(connections);
          runs.push({ contestant: c.name, round: round + 1, result: r });
          log(`  round ${round + 1}/${ROUNDS}  ${c.name.padEnd(16)} c=${String(connections).padStart(2)}  ${r.rps.toFixed(1).padStart(7)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms` +
            `${r.graphqlErrors || r.errors || r.non2xx ? `  (${r.graphqlErrors} GraphQL errors, ${r.errors} connection errors, ${r.non2xx} non-2xx)` : ''}`);
        }
      }
    }
    return { rounds: ROUNDS, connections: ROUND_CONNECTIONS, runs, floorMatches, anchorMatches, anchorNode };
  } finally {
    await clustered?.stop();
    await anchor?.stop();
    await floor.stop();
  }
}

async function benchTarget(name: TargetName): Promise<TargetReport> {
  const place: TargetPlace = name === 'postgres'
    ? { name, databaseUrl: await ensureBenchDatabase(ADMIN_URL) }
    : { name, dataDir: path.join(DATA_DIR, 'bench-pglite') };
  log(`\n== ${name}: preparing ${DAYS} school days and ${ITEMS} bank items (${place.databaseUrl ?? place.dataDir})`);
  const started = Date.now();
  const data = await prepareData(place, DAYS, ITEMS, (line) => log(`  ${line}`));
  log(`  data ready in ${Math.round((Date.now() - started) / 1000)} s`);

  const poolSize = name === 'postgres' ? POOL_SIZE : 1;
  const profileDir = PROFILE ? path.join(DATA_DIR, 'bench-profiles') : undefined;
  const server = await ServerProcess.start(place, poolSize, path.join(DATA_DIR, `bench-serve-${name}.log`), profileDir);
  const measured: Measured = { results: [], statements: {}, singleMs: {}, failures: {} };
  const s = data.scale.sample;
  const sql = server.sqlIn(s.schoolId);
  const http = httpTo(server.url);
  let classWeek: unknown;
  let week: Awaited<ReturnType<typeof pickWeek>>;
  let interleaved: Interleaved | undefined;
  const notes: string[] = [];
  try {
    const login = async (username: string, password: string) =>
      (await http.ok(null, LOGIN, { i: { schoolCode: s.schoolCode, username, password } })).login.token as string;
    const head = await login(s.headTeacherUsername, s.passwords.staff);
    const teacher = await login(s.teacherUsername, s.passwords.staff);
    const student = await login(s.studentUsername, s.passwords.student);
    const office = await login(s.officeUsername, s.passwords.office);
    week = await pickWeek(server, data);
    const classId = toGlobalId('Class', s.classId);
    log(`  week ${week.monday} … ${week.friday} of ${s.className}; service at ${server.url}`);
    classWeek = (await http.ok(head, CLASS_WEEK, { c: classId, from: week.monday, to: week.friday })).classAssignments;

    // The heavy reads.
    const reads: Workload[] = [
      readWorkload('class week', head, CLASS_WEEK, { c: classId, from: week.monday, to: week.friday }),
      readWorkload('student day', student, STUDENT_DAY, { d: week.wednesday }),
      readWorkload('marking queue', teacher, MARKING_QUEUE, {}),
      readWorkload('weekly notice', office, WEEKLY_NOTICE, { c: classId, w: week.monday }),
      readWorkload('bank search', teacher, BANK_SEARCH, { f: { text: '分数' }, n: 20 }),
      readWorkload('class load report', head, CLASS_LOAD_REPORT, { c: classId, from: week.monday, to: week.friday }),
    ];
    for (const w of reads) if (wanted(w.operation)) await measure(server, w, CONNECTIONS, measured, name);

    // Before the write runs, whose hand-ins leave the calibration worker busy for a while.
    if (name === 'postgres' && wanted('class week') && ROUNDS > 0) {
      log(`  interleaved rounds of the class week: the service, the floor${ANCHOR ? ' and PostGraphile 5' : ''}`);
      interleaved = await interleavedRounds(server, place.databaseUrl!, s.schoolId, s.classId, week, reads[0], classWeek, poolSize);
    }

    // The hot writes (bench/workloads.ts). Enough drafts and pairs to hand in are prepared before each
    // run: for twice the fastest rate seen so far (publishing: at least 150/s), over the run and its warm-up.
    const tokens = new Map<string, string>([[s.teacherUsername, teacher]]);
    const tokenOf = async (username: string, password: string) => {
      if (!tokens.has(username)) tokens.set(username, await login(username, password));
      return tokens.get(username)!;
    };
    const enough = (rate: number, connections: number) => Math.ceil(2 * rate * (SECONDS + WARMUP_SECONDS) * 1.3) + 2 * connections + 20;
    const fastest = (prefix: string, fallback: number) => Math.max(fallback, ...measured.results.filter((r) => r.operation.startsWith(prefix)).map((r) => r.rps));
    const { publisher: own, others } = await writeClasses(sql, s.schoolId, s.classId, TEACHERS);
    for (const c of [own, ...others]) await tokenOf(c.math.username, s.passwords.staff);
    const remaining = (c: ClassSlots) => c.drafts.length - c.draftsUsed;
    const publishFrom = (operation: string, classes: ClassSlots[]): Workload => ({
      operation,
      next(connection) {
        const c = classes[connection % classes.length];
        if (c.draftsUsed >= c.drafts.length) return null;
        const assignmentId = c.drafts[c.draftsUsed++];
        return { token: tokens.get(c.math.username)!, body: JSON.stringify({ query: PUBLISH, variables: { i: { assignmentId, expectedRevision: 1 } } }) };
      },
      succeeded: (b) => writeSucceeded(b) && b.includes('"status":"PUBLISHED"'),
    });

    if (wanted('publish')) {
      await measure(server, publishFrom('publish', [own]), CONNECTIONS, measured, name, async (connections) => {
        const need = enough(fastest('publish', 150), connections);
        if (remaining(own) < need) await topUp(sql, s.schoolId, [own], own.days + need - remaining(own));
      });
    }
    const together = `publish, ${TEACHERS} teachers`;
    if (wanted(together)) {
      await topUp(sql, s.schoolId, others, Math.ceil(enough(fastest('publish', 150), TEACHERS) / TEACHERS) + 20);
      await measure(server, publishFrom(together, others), [TEACHERS], measured, name);
    }
    if (wanted('submit')) {
      const slots: HandInSlot[] = [];
      const handedOut = new Set<string>();
      let used = 0;
      const stamp = Date.now().toString(36);
      const more = async (count: number) => {
        const found = await handInSlots(sql, s.schoolId, 5, count, handedOut);
        for (const slot of found) await tokenOf(slot.username, s.passwords.student);
        slots.push(...found);
      };
      const submit: Workload = {
        operation: 'submit',
        next() {
          const slot = slots[used];
          if (!slot) return null;
          const n = used++;
          return {
            token: tokens.get(slot.username)!,
            body: JSON.stringify({ query: SUBMIT, variables: { i: {
              assignmentId: slot.assignmentId, choice: slot.choice, answer: '已完成，写在作业本第 12 页。', attachments: [], actualMinutes: 15,
              clientKey: `${BENCH_CLIENT_KEY}${stamp}-${n}`,
            } } }),
          };
        },
        succeeded: (b) => writeSucceeded(b) && b.includes('"status":"AWAITING_MARK"'),
      };
      await more(1);
      await measure(server, submit, CONNECTIONS, measured, name, async (connections) => {
        // More connections hand in faster than the runs before them did (at 1 connection the
        // calibration worker's turns hold hand-ins back): slots for up to three times that rate.
        const need = enough(fastest('submit', 1000 / (measured.singleMs.submit ?? 50)) * Math.min(connections, 3), connections);
        if (slots.length - used < need) await more(need - (slots.length - used));
        if (slots.length - used < need) notes.push(`Only ${slots.length - used} homework pairs were left to hand in before the run at ${connections} connections.`);
      });
      // What the hand-ins left to the calibration worker, and how long it took to catch up once they stopped.
      const backlog = async () => (await sql([{
        text: `SELECT count(*)::int AS rows, count(DISTINCT (item_id, version_no))::int AS versions FROM calibration_queue WHERE school_id = $1`, params: [s.schoolId],
      }]))[0][0] as { rows: number; versions: number };
      const left = await backlog();
      const started = Date.now();
      let now = left;
      while (now.rows > 0 && Date.now() - started < 300_000) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        now = await backlog();
      }
      notes.push(`When the last submit run ended, ${left.rows} hand-ins' rows of ${left.versions} item versions were queued for recalibration; ` +
        (now.rows === 0 ? `the worker had taken them all ${((Date.now() - started) / 1000).toFixed(1)} s later.` : `${now.rows} rows were still queued 300 s later.`));
    }
    const [[written], [handed]] = await sql([
      { text: `SELECT count(*)::int AS n FROM assignments WHERE school_id = $1 AND day >= $2`, params: [s.schoolId, BENCH_DAY_BASE] },
      { text: `SELECT count(*)::int AS n FROM idempotency_keys WHERE school_id = $1 AND operation = 'submissionCreate' AND client_key LIKE $2`, params: [s.schoolId, `${BENCH_CLIENT_KEY}%`] },
    ]);
    notes.push(`The write runs used ${written.n} assignments on bench days from ${BENCH_DAY_BASE} on (half of them drafts to publish) and handed in ` +
      `${handed.n} of the school year's outstanding homework; the next run takes the drafts back to draft, deletes the hand-ins and recalibrates their items.`);
  } finally {
    await server.stop();
  }

  let floor: FloorResult | null = null;
  let floorMatches = false;
  if (wanted('class week')) {
    log('  floor: the class week as one SQL statement over node-postgres');
    floor = await runFloor({
      databaseUrl: place.databaseUrl, dataDir: place.dataDir, poolSize, schoolId: s.schoolId, classId: s.classId,
      from: week!.monday, to: week!.friday, connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS,
    });
    floorMatches = isDeepStrictEqual(JSON.parse(floor.sample), classWeek);
    if (!floorMatches) {
      const file = path.join(DATA_DIR, `bench-floor-mismatch-${name}.json`);
      fs.writeFileSync(file, JSON.stringify({ service: classWeek, floor: JSON.parse(floor.sample) }, null, 1));
      log(`  the floor's answer differs from the service's: both in ${file}`);
    }
    for (const r of floor.runs) printResult(name, r);
  }
  return {
    name, data, poolSize, week: week!, results: measured.results, statements: measured.statements, failures: measured.failures,
    floor: floor?.runs ?? [], floorMatches, notes, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, interleaved,
  };
}

async function main(): Promise<void> {
  const reports: TargetReport[] = [];
  for (const target of TARGETS) {
    if (target !== 'postgres' && target !== 'embedded') throw new Error(`BENCH_TARGETS: unknown target "${target}" (postgres, embedded)`);
    reports.push(await benchTarget(target));
  }
  if (REPORT !== '-') {
    writeReport(REPORT, machineFacts(), reports, { days: DAYS, items: ITEMS, teachers: TEACHERS });
    log(`\nwrote ${REPORT}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
