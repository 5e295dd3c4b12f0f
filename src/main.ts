import 'reflect-metadata';
import { loadConfig } from './config';
import { Logger } from './core/logger';
import { startService } from './start';

/** Starts the service (start.ts) and owns the process's signals. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger(config.logLevel, { service: 'shuangjian-homework' });
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
    logger.info('shutting down', { signal });
    app.close().then(
      () => {
        logger.info('stopped');
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
}

main().catch((e) => {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'startup failed', error: message }) + '\n');
  process.exit(1);
});
