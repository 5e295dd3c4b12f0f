import fs from 'node:fs';
import path from 'node:path';
import { AUTH_TOKEN_SECRET_FILE, loadConfig } from '../../src/config';
import { Logger } from '../../src/core/logger';
import { startService, StartedService } from '../../src/start';
import { DEMO_PASSWORDS } from '../../seeds/demo';
import { buildSchool } from '../../seeds/school-fixture';
import { DatabaseStore, embeddedDataDir, embeddedStore, serverStore, templateFor } from '../support/database-templates';
import { SMALL_SCHOOL } from '../support/fixtures';
import { runDir } from '../support/test-run';

/**
 * Without AUTH_TOKEN_SECRET, in production: the service started as `npm start` starts it
 * (start.ts), twice on one data folder — the embedded database's, or DATA_DIR beside a
 * PostgreSQL server — and a token from the first start still signs in to the second.
 */
const school = buildSchool(SMALL_SCHOOL);
const office = school.users.find((u) => u.username === 'jiaowu')!;

let store: DatabaseStore;
let name: string;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  store = adminUrl ? serverStore(adminUrl) : embeddedStore();
  name = store.freshName();
  await store.create(name, await templateFor(store, { schools: [SMALL_SCHOOL], passwordHashCost: Number(process.env.PASSWORD_HASH_COST) }));
  const base = { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', PASSWORD_HASH_COST: process.env.PASSWORD_HASH_COST!, SEED_DEMO: 'false' };
  if (adminUrl) {
    dataDir = fs.mkdtempSync(path.join(runDir(), 'data-dir-'));
    env = { ...base, DATABASE_URL: store.url(name)!, DATA_DIR: dataDir };
  } else {
    dataDir = embeddedDataDir(name);
    env = { ...base, EMBEDDED_DATA_DIR: dataDir };
  }
});

afterAll(async () => {
  await store?.drop(name);
  if (process.env.TEST_DATABASE_URL && dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `work` against the service started on the data folder, then stops it. */
async function withService<T>(work: (service: StartedService) => Promise<T>): Promise<T> {
  const service = await startService(loadConfig(env), new Logger('silent'));
  try {
    return await work(service);
  } finally {
    await service.app.close();
  }
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
}

async function signIn(url: string): Promise<string> {
  const { data } = await gql(url, `mutation($i: LoginInput!) { login(input: $i) { token } }`,
    { i: { schoolCode: SMALL_SCHOOL.code, username: office.username, password: DEMO_PASSWORDS[office.password] } });
  return data.login.token;
}

const ME = '{ me { displayName } }';

it('keeps a generated key in the data folder (mode 0600), so a token outlives a restart', async () => {
  const file = path.join(dataDir, AUTH_TOKEN_SECRET_FILE);
  expect(fs.existsSync(file)).toBe(false);

  const token = await withService(async ({ url, config }) => {
    expect(config.authTokenSecretIsEphemeral).toBe(false);
    expect(config.authTokenSecretFile).toBe(file);
    return signIn(url);
  });
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const kept = fs.readFileSync(file, 'utf8');

  const again = await withService(({ url }) => gql(url, ME, {}, token));
  expect(again.errors).toBeUndefined();
  expect(again.data.me.displayName).toBe(office.displayName);
  expect(fs.readFileSync(file, 'utf8')).toBe(kept);

  // The kept key is what lets the token through: with the file gone a new key is made, and the token is refused.
  fs.rmSync(file);
  const fresh = await withService(({ url }) => gql(url, ME, {}, token));
  expect(fresh.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(fs.readFileSync(file, 'utf8')).not.toBe(kept);
});
