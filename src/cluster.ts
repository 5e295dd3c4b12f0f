import cluster, { Worker } from 'node:cluster';
import { AppConfig, keepAuthTokenSecret } from './config';
import { databaseLogger, openDatabase } from './core/database';
import { Logger } from './core/logger';
import { prepareDatabase } from './start';

/**
 * The primary of `npm start` with DATABASE_URL and WEB_CONCURRENCY > 1: one worker process per
 * core, each a whole service (src/main.ts) on the shared port (Node's cluster hands connections
 * round-robin to the workers). The primary serves nothing itself. Before forking it:
 *
 * - settles the token key (AUTH_TOKEN_SECRET, the one kept in the data folder, or a random one)
 *   and hands it to every worker, so a token signed by one worker is accepted by all;
 * - prepares the database once (migrations with MIGRATE_ON_START, the demo school with
 *   SEED_DEMO), so workers never race to migrate or seed.
 *
 * Nothing else lives in one worker's memory that another needs: sessions are signed tokens
 * checked against the database, sign-in throttling counts in the database, uploads are staged
 * on disk, and the class-day caps are checked under database locks. What is per process is
 * the password-check queue (PASSWORD_CHECK_CONCURRENCY and PASSWORD_CHECK_QUEUE are per
 * worker) and the metrics that GET /metrics reports. The calibration worker runs in every
 * worker: each takes queue rows with SKIP LOCKED and recalibrates a version under its advisory
 * lock, so they never do the same work and the last to commit has seen every observation.
 *
 * A worker that dies unexpectedly is forked again: at once if it had run for a while, else
 * after a delay that doubles with each quick death (1 s up to 30 s), so a worker that cannot
 * start is not restarted in a loop. SIGTERM and SIGINT are passed on to every worker, which
 * shuts down gracefully; the primary logs `shutting down` once every worker has begun to, and
 * `stopped` and exits 0 once every worker has exited 0 (1 otherwise). A second signal kills
 * the workers and exits 1 at once.
 */
export const QUICK_DEATH_MS = 30_000;
export const MAX_RESTART_DELAY_MS = 30_000;

/** What a worker tells the primary. */
export type WorkerMessage = { type: 'stopping' };
/** What the primary tells a worker. */
export type PrimaryMessage = { type: 'shutdown'; signal: string };

/** The delay before forking a replacement, after `quickDeaths` deaths in a row within QUICK_DEATH_MS of starting. */
export function restartDelayMs(quickDeaths: number): number {
  return quickDeaths === 0 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** (quickDeaths - 1));
}

export async function runPrimary(loaded: AppConfig, logger: Logger): Promise<void> {
  const config = keepAuthTokenSecret(loaded);
  if (config.authTokenSecretIsEphemeral) {
    logger.warn('AUTH_TOKEN_SECRET is not set and there is no data folder (DATA_DIR): using a random key, shared by the workers, so tokens end when the service stops');
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDataDir: config.embeddedDataDir, poolSize: 1, queryLogger: databaseLogger(logger) });
  try {
    await prepareDatabase(db, config, logger);
  } finally {
    await db.close();
  }

  const workerEnv = {
    AUTH_TOKEN_SECRET: config.authTokenSecret,
    MIGRATE_ON_START: 'false',
    SEED_DEMO: 'false',
  };
  /** Per slot (1…workers): its current worker, when it started and its quick deaths in a row. */
  const slots = Array.from({ length: config.workers }, (_, i) => ({
    slot: i + 1, worker: null as Worker | null, startedAt: 0, quickDeaths: 0, restart: null as NodeJS.Timeout | null,
  }));
  const slotOf = new Map<Worker, (typeof slots)[number]>();
  let stopping: string | null = null;
  const acknowledged = new Set<Worker>();
  let failedExits = 0;

  const fork = (s: (typeof slots)[number]) => {
    s.restart = null;
    const worker = cluster.fork({ ...workerEnv, HOMEWORK_WORKER_SLOT: String(s.slot) });
    s.worker = worker;
    s.startedAt = Date.now();
    slotOf.set(worker, s);
    worker.on('message', (m: WorkerMessage) => {
      if (m?.type !== 'stopping' || !stopping) return;
      acknowledged.add(worker);
      checkAllStopping();
    });
  };
  const live = () => slots.flatMap((s) => (s.worker ? [s.worker] : []));
  let loggedShuttingDown = false;
  const checkAllStopping = () => {
    if (stopping && live().every((w) => acknowledged.has(w)) && !loggedShuttingDown) {
      loggedShuttingDown = true;
      logger.info('shutting down', { signal: stopping, workers: config.workers });
    }
  };

  cluster.on('exit', (worker, code, signal) => {
    const s = slotOf.get(worker);
    slotOf.delete(worker);
    if (!s || s.worker !== worker) return;
    s.worker = null;
    if (stopping) {
      if (code !== 0) failedExits++;
      checkAllStopping();
      if (live().length === 0) {
        if (failedExits) {
          logger.error('stopped; some workers did not shut down cleanly', { failed: failedExits });
          process.exit(1);
        }
        logger.info('stopped');
        process.exit(0);
      }
      return;
    }
    const ranMs = Date.now() - s.startedAt;
    s.quickDeaths = ranMs < QUICK_DEATH_MS ? s.quickDeaths + 1 : 0;
    const delayMs = restartDelayMs(s.quickDeaths);
    logger.error('worker exited unexpectedly: starting another', { slot: s.slot, pid: worker.process.pid, code, signal, ranMs, restartInMs: delayMs });
    s.restart = setTimeout(() => fork(s), delayMs);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn('second signal: exiting now', { signal });
      for (const w of live()) w.process.kill('SIGKILL');
      process.exit(1);
    }
    stopping = signal;
    for (const s of slots) {
      if (s.restart) clearTimeout(s.restart);
      s.restart = null;
    }
    if (live().length === 0) {
      logger.info('stopped');
      process.exit(0);
    }
    // By message rather than by signal: a Ctrl-C in a terminal already signals every worker
    // (one process group), and a second signal would make them exit at once.
    for (const w of live()) w.send({ type: 'shutdown', signal } satisfies PrimaryMessage);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  logger.info('starting workers', { workers: config.workers, database: 'postgres' });
  for (const s of slots) fork(s);
}
