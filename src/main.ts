import 'reflect-metadata';
import cluster from 'node:cluster';
import { PrimaryMessage, runPrimary, WorkerMessage } from './cluster';
import { AppConfig, loadConfig } from './config';
import { Logger } from './core/logger';
import { startService } from './start';

/**
 * `npm start`. With DATABASE_URL and WEB_CONCURRENCY > 1 (the default on a machine of several
 * cores) this process becomes the cluster's primary and forks one service per worker
 * (cluster.ts); otherwise, and in each worker, it serves itself (serve below). The embedded
 * database is always one process: PGlite runs inside the service and takes one connection.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger(config.logLevel, { service: 'shuangjian-homework' });
  if (cluster.isPrimary && config.workers > 1) {
    if (config.databaseUrl) return runPrimary(config, logger);
    if (process.env.WEB_CONCURRENCY) logger.warn('WEB_CONCURRENCY is ignored on the embedded database: the service runs as one process');
  }
  await serve(config, logger);
}

/**
 * Starts the service (start.ts) and owns the process's signals. In a cluster worker the primary
 * passes signals on as a message (a Ctrl-C also signals the worker directly); the worker logs
 * `worker shutting down` and `worker stopped`, the primary `shutting down` and `stopped`.
 */
async function serve(config: AppConfig, base: Logger): Promise<void> {
  const worker = cluster.isWorker ? cluster.worker! : null;
  const logger = worker ? base.child({ worker: Number(process.env.HOMEWORK_WORKER_SLOT ?? worker.id), pid: process.pid }) : base;
  // The primary may ask for a shutdown while this worker is still starting: it is kept and
  // honoured once the service listens.
  let shutdownAsked: string | null = null;
  let onShutdown = (signal: string) => void (shutdownAsked ??= signal);
  if (worker) {
    process.on('message', (m: PrimaryMessage) => {
      if (m?.type === 'shutdown') onShutdown(m.signal);
    });
  }
  const { app } = await startService(config, logger);

  // The only signal handlers (Apollo's are off, see app.ts): the first signal shuts down
  // gracefully; a second one, sent by someone tired of waiting, exits at once.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn('second signal: exiting now', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info(worker ? 'worker shutting down' : 'shutting down', { signal });
    const closed = app.close();
    // app.close() has stopped taking requests and marked the answers to come `Connection: close`.
    if (worker) process.send!({ type: 'stopping' } satisfies WorkerMessage);
    closed.then(
      () => {
        logger.info(worker ? 'worker stopped' : 'stopped');
        process.exit(0);
      },
      (e) => {
        logger.error('shutdown failed', { error: e });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  onShutdown = (signal) => {
    if (!stopping) stop(signal);
  };
  if (shutdownAsked) onShutdown(shutdownAsked);
}

main().catch((e) => {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'startup failed', error: message }) + '\n');
  process.exit(1);
});
