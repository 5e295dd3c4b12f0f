import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { Socket } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { DEMO_PASSWORDS, DEMO_SCHOOL } from '../../seeds/demo';
import { builtService } from '../support/built-service';
import { ServiceProcess } from '../support/service-process';
import { runDir, serverDatabasePrefix } from '../support/test-run';

/**
 * The built service as operators run it (`node dist/src/main.js`; here the run's own build,
 * test/support/built-service.ts, so a concurrent `npm run build` cannot hand it half-written
 * files), stopped by a signal. It runs with NODE_ENV=production: outside NODE_ENV=test Apollo
 * would install signal handlers of its own, which is what went wrong.
 *
 * Requests are "in flight" when the service has them: each sends `Expect: 100-continue` and
 * holds its body until the service's `100 Continue` (sent as the request reaches the handler),
 * then until the service has logged `shutting down`. No step waits on a clock.
 */
/** The built service's entry point (test/support/built-service.ts). */
let MAIN: string;
const SECRET = 'shutdown-test-secret-0123456789abcdef';
const QUERY = '{ me { displayName } school { name } }';

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: string }

/** The built service with the test's secret and the demo school, on `databaseEnv`. */
function start(databaseEnv: Record<string, string>): ServiceProcess {
  return ServiceProcess.start(MAIN, { AUTH_TOKEN_SECRET: SECRET, PASSWORD_HASH_COST: '10', SEED_DEMO: 'true', ...databaseEnv });
}

/** Watches every socket requests use, for errors and for the way each closes. */
class SocketWatch {
  private readonly seen = new Set<Socket>();
  readonly errors: Error[] = [];
  private readonly closes: Promise<boolean>[] = [];

  track(req: http.ClientRequest): void {
    req.on('socket', (socket) => {
      if (this.seen.has(socket)) return;
      this.seen.add(socket);
      socket.on('error', (e) => this.errors.push(e));
      this.closes.push(new Promise((resolve) => socket.once('close', resolve)));
    });
  }

  get count(): number {
    return this.seen.size;
  }

  /** Whether each socket closed with a transmission error, once all have closed. */
  closed(): Promise<boolean[]> {
    return Promise.all(this.closes);
  }
}

function collect(req: http.ClientRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
  });
}

function graphqlRequest(base: URL, agent: http.Agent | false, body: string, headers: Record<string, string>): http.ClientRequest {
  return http.request({
    host: base.hostname, port: base.port, path: '/graphql', method: 'POST', agent,
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
  });
}

async function post(base: URL, query: string, variables: Record<string, unknown> = {}, token?: string, agent: http.Agent | false = false, watch?: SocketWatch): Promise<Answer> {
  const body = JSON.stringify({ query, variables });
  const req = graphqlRequest(base, agent, body, token ? { authorization: `Bearer ${token}` } : {});
  watch?.track(req);
  const answer = collect(req);
  req.end(body);
  return answer;
}

/** A request the service has in hand (it sent 100 Continue) while its body waits for `send()`. */
function heldRequest(base: URL, token: string, agent: http.Agent | false, watch: SocketWatch) {
  const body = JSON.stringify({ query: QUERY });
  const req = graphqlRequest(base, agent, body, { authorization: `Bearer ${token}`, expect: '100-continue' });
  watch.track(req);
  const answer = collect(req);
  const accepted = new Promise<void>((resolve, reject) => {
    req.once('continue', resolve);
    answer.catch(reject);
  });
  req.flushHeaders();
  return { accepted, answer, send: () => req.end(body) };
}

async function signIn(base: URL): Promise<string> {
  const { body } = await post(base, `mutation($i: LoginInput!) { login(input: $i) { token } }`, {
    i: { schoolCode: DEMO_SCHOOL.code, username: 'jiaowu', password: DEMO_PASSWORDS.office },
  });
  const token = JSON.parse(body).data?.login?.token;
  if (typeof token !== 'string') throw new Error(`sign-in failed: ${body}`);
  return token;
}

/**
 * Where the child keeps its data: a fresh database on the server, or a fresh embedded data
 * folder; named for the test run, so the run's teardown removes them should this file die.
 */
let databaseEnv: Record<string, string>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  MAIN = await builtService();

  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `${serverDatabasePrefix()}shutdown_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseEnv = { DATABASE_URL: url.toString(), MIGRATE_ON_START: 'true' };
    cleanup = async () => {
      const drop = new Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(runDir(), 'shutdown-'));
    databaseEnv = { EMBEDDED_DATA_DIR: dir };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
});

// A failed test may leave its service running, holding the database.
afterEach(() => ServiceProcess.killAll());

afterAll(async () => {
  await cleanup?.();
});

it('on SIGTERM under load: answers every request in flight, closes keep-alive sockets cleanly, logs `stopped`, exits 0', async () => {
  const service = start(databaseEnv);
  const base = await service.listening();
  const token = await signIn(base);
  const watch = new SocketWatch();

  // Keep-alive sockets that served a request and now sit idle.
  const idleAgent = new http.Agent({ keepAlive: true });
  const warmUp = await Promise.all(Array.from({ length: 4 }, () => post(base, QUERY, {}, token, idleAgent, watch)));
  expect(warmUp.map((a) => a.headers.connection)).toEqual(Array(4).fill('keep-alive'));

  // Requests in flight: most on keep-alive sockets, some on connections that close after one answer.
  const keepAliveAgent = new http.Agent({ keepAlive: true });
  const onKeepAlive = Array.from({ length: 6 }, () => heldRequest(base, token, keepAliveAgent, watch));
  const onClose = Array.from({ length: 3 }, () => heldRequest(base, token, false, watch));
  const held = [...onKeepAlive, ...onClose];
  await Promise.all(held.map((h) => h.accepted));

  service.kill('SIGTERM');
  await service.logged('shutting down');
  for (const h of held) h.send();
  const answers = await Promise.all(held.map((h) => h.answer));
  const ended = await service.ended;

  expect(ended).toEqual({ code: 0, signal: null });
  expect(service.logs.map((e) => e.msg)).toContain('stopped');
  expect(service.logs.map((e) => e.msg)).not.toContain('second signal: exiting now');
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data.school.name).toBe(DEMO_SCHOOL.name);
  }
  // A client told to keep the socket would send its next request into one that is closing.
  expect(answers.slice(0, onKeepAlive.length).map((a) => a.headers.connection)).toEqual(Array(onKeepAlive.length).fill('close'));
  expect(watch.count).toBe(4 + onKeepAlive.length + onClose.length);
  expect(await watch.closed()).toEqual(Array(watch.count).fill(false));
  expect(watch.errors).toEqual([]);
});

it('on SIGINT (Ctrl-C) finishes the request in flight and exits 0 after `stopped`', async () => {
  const service = start(databaseEnv);
  const base = await service.listening();
  const watch = new SocketWatch();
  const held = heldRequest(base, await signIn(base), new http.Agent({ keepAlive: true }), watch);
  await held.accepted;

  service.kill('SIGINT');
  await service.logged('shutting down');
  held.send();
  const answer = await held.answer;

  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body).data.me.displayName).toContain('教务处');
  expect(await service.ended).toEqual({ code: 0, signal: null });
  expect(service.logs.map((e) => e.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
  expect(watch.errors).toEqual([]);
});

it('a second signal while shutting down exits at once, with code 1', async () => {
  const service = start(databaseEnv);
  const base = await service.listening();
  const held = heldRequest(base, await signIn(base), false, new SocketWatch());
  await held.accepted;
  // The held request keeps the shutdown waiting, so the second signal finds it under way.
  const lost = held.answer.then(() => 'answered', () => 'cut off');

  service.kill('SIGTERM');
  await service.logged('shutting down');
  service.kill('SIGTERM');

  expect(await service.ended).toEqual({ code: 1, signal: null });
  expect(await lost).toBe('cut off');
  const messages = service.logs.map((e) => e.msg);
  expect(messages).toContain('second signal: exiting now');
  expect(messages).not.toContain('stopped');
});
