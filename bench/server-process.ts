import { ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TargetPlace } from './prepare';
import { Sql } from './workloads';

/**
 * The service under test in its own process (bench/serve.ts), so that autocannon in this
 * process does not share its event loop. Its log lines (warnings and up) go to `logFile`.
 */
export class ServerProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();

  private constructor(private readonly child: ChildProcess, readonly url: string) {
    child.on('message', (m: { id?: number; error?: string }) => {
      const w = m.id !== undefined ? this.waiting.get(m.id) : undefined;
      if (!w) return;
      this.waiting.delete(m.id!);
      if (m.error) w.reject(new Error(m.error));
      else w.resolve(m);
    });
  }

  static start(place: TargetPlace, poolSize: number, logFile: string, profileDir?: string): Promise<ServerProcess> {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const log = fs.openSync(logFile, 'a');
    const child = fork(path.join(__dirname, 'serve.js'), [], {
      env: {
        ...process.env,
        // graphql-js reads process.env.NODE_ENV itself: unset, it runs its development checks on every request.
        NODE_ENV: 'production',
        BENCH_SERVE_DATABASE_URL: place.databaseUrl ?? '',
        BENCH_SERVE_DATA_DIR: place.dataDir ?? '',
        BENCH_SERVE_POOL_SIZE: String(poolSize),
      },
      execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      stdio: ['ignore', log, log, 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const failed = (code: number | null) => reject(new Error(`the service exited with ${code} before it was ready; see ${logFile}`));
      child.once('exit', failed);
      child.once('message', (m: { type: string; url: string }) => {
        if (m.type !== 'ready') return;
        child.off('exit', failed);
        resolve(new ServerProcess(child, m.url));
      });
    });
  }

  private call(message: Record<string, unknown>): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ ...message, id });
    });
  }

  /** SQL statements the service has sent since it started. */
  async statements(): Promise<number> {
    return (await this.call({ type: 'statements' })).count;
  }

  /** Runs statements on the service's database (see serve.ts). */
  sqlIn(schoolId: string): Sql {
    return async (statements) => (await this.call({ type: 'sql', schoolId, statements })).results;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ type: 'stop' });
    await exited;
  }
}
