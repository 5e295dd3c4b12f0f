import 'reflect-metadata';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/core/database';
import { Logger } from '../src/core/logger';
import { migrate } from '../src/core/migrations';
import { SchoolStage } from '../src/modules/school/school.entity';
import { DEMO_PASSWORDS, seedSchool } from '../seeds/demo';

/**
 * A sign-in flood at the production hash cost (scrypt N=2^17): FLOOD concurrent wrong-password
 * sign-ins (default 50) while a signed-in user elsewhere reads `{ me { id } }` again and again
 * and a third address signs in with the right password. Prints the latencies of the flood, of
 * the reads during it and when idle, and of the sign-in; once with the flood from one address,
 * once spread over as many addresses as sign-ins. Runs on DATABASE_URL if set, else on the
 * embedded PGlite in memory; the service runs in this process (the hashes run on libuv's
 * threads, not on the event loop the client shares).
 */
const FLOOD = Number(process.env.BENCH_FLOOD ?? 50);
const IDLE_READS = 30;
const READER = '198.51.100.10';
const SIGNER = '198.51.100.20';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const ME = `{ me { id } }`;

interface Timed {
  ms: number;
  code: string;
  status: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(label: string, timings: Timed[]): string {
  const ms = timings.map((t) => t.ms).sort((a, b) => a - b);
  const codes = new Map<string, number>();
  for (const t of timings) codes.set(t.code, (codes.get(t.code) ?? 0) + 1);
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  return `| ${label.padEnd(44)} | ${String(ms.length).padStart(5)} | ${fmt(percentile(ms, 50))} | ${fmt(percentile(ms, 99))} | ${fmt(ms[ms.length - 1])} | ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')} |`;
}

async function main(): Promise<void> {
  const silent = new Logger('silent');
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    AUTH_TOKEN_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    PASSWORD_HASH_COST: '17',
    TRUST_PROXY: 'true',
  });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize });
  await migrate(db, silent);
  const code = `flood-${Date.now()}`;
  const fixture = await seedSchool(db.dataSource, {
    code, name: '登录洪水测试学校', stage: SchoolStage.PRIMARY, grades: [3], classesPerGrade: 1, studentsPerClass: 3, nameSeed: 7,
  }, config.passwordHashCost);
  const app = await createApp(config, db, new Logger('warn'));
  await app.calibrations.stop();
  const url = await app.listen(0, '127.0.0.1');

  const call = async (query: string, variables: unknown, address: string, token?: string): Promise<Timed & { body: any }> => {
    const started = performance.now();
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json() as { errors?: { extensions?: { code?: string } }[] };
    return { ms: performance.now() - started, status: res.status, code: body.errors?.[0]?.extensions?.code ?? 'OK', body };
  };
  const signIn = (username: string, password: string, address: string) =>
    call(LOGIN, { input: { schoolCode: code, username, password } }, address);

  const office = (await signIn('jiaowu', DEMO_PASSWORDS.office, READER)).body.data.login.token as string;
  const student = fixture.users.find((u) => u.password === 'student')!.username;
  for (let i = 0; i < 5; i++) await call(ME, {}, READER, office);

  const idle: Timed[] = [];
  for (let i = 0; i < IDLE_READS; i++) idle.push(await call(ME, {}, READER, office));

  const lines: string[] = [];
  for (const spread of [false, true]) {
    const flood = Array.from({ length: FLOOD }, (_, i) =>
      signIn(`nobody${i}`, 'not-the-password', spread ? `203.0.113.${i % 250}` : '203.0.113.250'));
    let done = false;
    const floodDone = Promise.all(flood).then((r) => ((done = true), r));
    const reads: Timed[] = [];
    const reading = (async () => {
      while (!done) reads.push(await call(ME, {}, READER, office));
    })();
    const rightSignIn = await signIn(student, DEMO_PASSWORDS.student, SIGNER);
    const results = await floodDone;
    await reading;
    const where = spread ? `${FLOOD} addresses` : 'one address';
    lines.push(summary(`${FLOOD} wrong sign-ins at once, ${where}`, results));
    lines.push(summary(`me reads during them (another address)`, reads));
    lines.push(summary(`a right sign-in during them (another address)`, [rightSignIn]));
  }

  console.log(`login flood — ${db.kind === 'postgres' ? 'PostgreSQL server' : 'embedded PGlite'}, scrypt N=2^${config.passwordHashCost}, `
    + `password checks: ${config.passwordChecks.concurrency} at once, ${config.passwordChecks.maxWaiting} waiting, ${config.passwordChecks.maxPerAddress} per address`);
  console.log('| requests | n | p50 ms | p99 ms | max ms | answers |');
  console.log('|---|---:|---:|---:|---:|---|');
  console.log(summary('me reads, idle', idle));
  for (const line of lines) console.log(line);

  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
