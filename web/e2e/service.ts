import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the service's package, whose build web/ is served by. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningService {
  url: string;
  database: 'embedded' | 'postgres';
  stop: () => Promise<void>;
}

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}

/** A fresh database on the TEST_DATABASE_URL server; dropped again by the returned function. */
async function freshPostgres(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  // The service's own driver (the fixture runs the service's build, so its packages are installed).
  const { Client } = createRequire(path.join(ROOT, 'package.json'))('pg') as { Client: new (options: { connectionString: string }) => PgClient };
  const name = `web_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Starts the built service (`npm run build` at the root first; `SERVICE_ENTRY` names another
 * build) as a child process on a free port and a fresh database seeded with the demo school,
 * and waits until it listens and serves the web app at `/`.
 */
export async function startService(): Promise<RunningService> {
  const entry = process.env.SERVICE_ENTRY ?? path.join(ROOT, 'dist', 'src', 'main.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` at the repository root first`);
  if (!fs.existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) throw new Error('web/dist is missing: run `npm run build` in web/ first');

  const serverUrl = process.env.TEST_DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-e2e-'));
  const pg = serverUrl ? await freshPostgres(serverUrl) : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    // Demo passwords hashed cheaply: seeding 1,500 accounts at the production cost takes minutes.
    PASSWORD_HASH_COST: '10',
    SEED_DEMO: 'true',
    MIGRATE_ON_START: 'true',
    EMBEDDED_DATA_DIR: path.join(dataDir, 'pglite'),
  };
  if (pg) env.DATABASE_URL = pg.url;
  else delete env.DATABASE_URL;

  const child: ChildProcess = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const onLine = (line: string) => {
      log.push(line);
      if (log.length > 200) log.shift();
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'listening' && entry.url) resolve(entry.url.replace(/\/graphql$/, ''));
      } catch {
        // Not a log line.
      }
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`the service exited (${code}) before listening:\n${log.join('\n')}`)));
  });

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await pg?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const home = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
  if (!(home.headers.get('content-type') ?? '').startsWith('text/html')) {
    await stop();
    throw new Error('The service does not serve the web app at `/`: wire serveWeb (src/core/static-web.ts) into src/app.ts');
  }
  return { url, database: pg ? 'postgres' : 'embedded', stop };
}
