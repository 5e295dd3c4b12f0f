import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The service as `npm start` runs it on a PostgreSQL server: the built dist/src/main.js, whose
 * primary forks one worker per core (src/cluster.ts), each with its own pool. For the class week
 * in the interleaved rounds ("service, N processes"), next to the one-process service of
 * bench/serve.ts. Same token key as bench/serve.ts, so the head teacher's token works on both.
 */
export const BENCH_TOKEN_SECRET = 'bench-secret-that-is-long-enough-0123456789abcdef';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export class ClusterProcess {
  private constructor(private readonly child: ChildProcess, readonly url: string, readonly workers: number) {}

  static async start(databaseUrl: string, poolSize: number, logFile: string, workers = os.availableParallelism()): Promise<ClusterProcess> {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const log = fs.openSync(logFile, 'a');
    const port = await freePort();
    const child = spawn(process.execPath, [path.resolve(__dirname, '..', 'src', 'main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: String(poolSize),
        WEB_CONCURRENCY: String(workers),
        AUTH_TOKEN_SECRET: BENCH_TOKEN_SECRET,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        MIGRATE_ON_START: 'false',
        SEED_DEMO: 'false',
        // As bench/serve.ts: the heavy reads ask for whole weeks with their items.
        MAX_QUERY_COST: '10000000',
      },
      stdio: ['ignore', log, log],
    });
    const url = `http://127.0.0.1:${port}`;
    // Ready when every worker has answered /ready at least once: each answer names no worker, so
    // ask until as many answers in a row as there are workers, twice over, have come back 200.
    for (let ok = 0; ok < 2 * workers;) {
      if (child.exitCode !== null) throw new Error(`the clustered service exited with ${child.exitCode}; see ${logFile}`);
      const res = await fetch(`${url}/ready`, { headers: { connection: 'close' } }).catch(() => null);
      ok = res?.status === 200 ? ok + 1 : 0;
      if (!res || res.status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return new ClusterProcess(child, url, workers);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
