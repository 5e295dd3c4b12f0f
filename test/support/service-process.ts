import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/** One JSON log line of the service. */
export interface LogEntry { level: string; msg: string; [field: string]: unknown }

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The built service (test/support/built-service.ts) in a child process, as operators run it:
 * NODE_ENV=production, JSON logs on stdout, collected as they come. The test's own environment
 * is passed on without what would choose the service's database, secret, workers or log level
 * for it; `env` sets those.
 */
export class ServiceProcess {
  readonly logs: LogEntry[] = [];
  private stderr = '';
  private readonly waiters = new Set<() => void>();
  /** Resolves once the process has exited and its output is read to the end. */
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Started and not yet ended: a test's `afterEach` ends them (`killAll`), whatever happened. */
  static readonly running = new Set<ServiceProcess>();

  private constructor(private readonly child: ChildProcess) {
    child.stderr!.on('data', (chunk) => (this.stderr += chunk));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        this.logs.push(JSON.parse(line));
      } catch {
        return;
      }
      for (const w of this.waiters) w();
    });
    this.ended = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  }

  /** Starts `main` (the built service's entry point) with `env` over the defaults below. */
  static start(main: string, env: Record<string, string>): ServiceProcess {
    const { NODE_ENV: _n, LOG_LEVEL: _l, NODE_OPTIONS: _o, DATABASE_URL: _d, TEST_DATABASE_URL: _t, AUTH_TOKEN_SECRET: _s, WEB_CONCURRENCY: _w, ...inherited } = process.env;
    const service = new ServiceProcess(spawn(process.execPath, [main], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...inherited,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        // The grace period must not cut a test's requests short however slow the machine.
        SHUTDOWN_TIMEOUT_MS: '600000',
        ...env,
      },
    }));
    ServiceProcess.running.add(service);
    void service.ended.then(() => ServiceProcess.running.delete(service));
    return service;
  }

  /** Kills every service still running and waits for each to end. */
  static async killAll(): Promise<void> {
    for (const service of ServiceProcess.running) {
      service.kill('SIGKILL');
      await service.ended;
    }
  }

  /**
   * The log lines with this message (or matching this test), past or to come, once there are
   * `count` of them; fails if the process ends first.
   */
  async logged(match: string | ((e: LogEntry) => boolean), count = 1): Promise<LogEntry[]> {
    const test = typeof match === 'string' ? (e: LogEntry) => e.msg === match : match;
    const found = () => this.logs.filter(test);
    if (found().length >= count) return found();
    return Promise.race([
      new Promise<LogEntry[]>((resolve) => {
        const check = () => {
          if (found().length < count) return;
          this.waiters.delete(check);
          resolve(found());
        };
        this.waiters.add(check);
      }),
      this.ended.then(({ code, signal }) => {
        throw new Error(`the service ended (code ${code}, signal ${signal}) before logging ${typeof match === 'string' ? `"${match}"` : 'what was awaited'}; stderr: ${this.stderr}; logs: ${JSON.stringify(this.logs.slice(-8))}`);
      }),
    ]);
  }

  /** The address it serves GraphQL at, once it listens. */
  async listening(): Promise<URL> {
    const [entry] = await this.logged('listening');
    return new URL(String(entry.url));
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }
}
