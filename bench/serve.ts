import 'reflect-metadata';
import { QueryRunner, Logger as TypeOrmLogger } from 'typeorm';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/core/database';
import { Logger } from '../src/core/logger';
import { isBackgroundStatement } from '../src/modules/calibration/calibration-queue';

/**
 * The service as `npm run bench` measures it: started by bench/service.ts in a child process
 * (so that the load generator does not share its event loop), on the database named by
 * BENCH_SERVE_DATABASE_URL, else the embedded one in BENCH_SERVE_DATA_DIR.
 *
 * It talks to its parent over the IPC channel:
 * - sends `{ type: 'ready', url }` once it listens on 127.0.0.1 at a free port;
 * - answers `{ id, type: 'statements' }` with the number of SQL statements sent so far
 *   (every statement, counted by the TypeORM logger, as test/support/statement-counter.ts does);
 * - runs `{ id, type: 'sql', schoolId, statements }` in one transaction scoped to the school
 *   and answers with the rows of each (the parent prepares bench data through it, since the
 *   embedded database can be opened by one process only);
 * - closes the service and exits on `{ type: 'stop' }` (so that --cpu-prof writes its profile).
 */
class CountingLogger implements TypeOrmLogger {
  statements = 0;

  constructor(private readonly logger: Logger) {}

  logQuery(_query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    // Requests' statements only: not those of the calibration worker.
    if (!isBackgroundStatement(queryRunner)) this.statements++;
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn('statement failed', { error: String(error), sql: query.slice(0, 500) });
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn('slow statement', { durationMs: time, sql: query.slice(0, 500) });
  }

  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

interface SqlStatement {
  text: string;
  params?: unknown[];
}

type Message =
  | { id: number; type: 'statements' }
  | { id: number; type: 'sql'; schoolId: string; statements: SqlStatement[] }
  | { type: 'stop' };

async function main(): Promise<void> {
  const send = (message: unknown) => process.send!(message);
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.BENCH_SERVE_LOG_LEVEL ?? 'warn',
    AUTH_TOKEN_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
    DATABASE_POOL_SIZE: process.env.BENCH_SERVE_POOL_SIZE ?? '10',
    // The heavy reads ask for whole weeks with their items; the default cost limit is for clients.
    MAX_QUERY_COST: '10000000',
  });
  const logger = new Logger(config.logLevel, { service: 'bench-serve' });
  const counter = new CountingLogger(logger);
  const db = await openDatabase({
    databaseUrl: process.env.BENCH_SERVE_DATABASE_URL || undefined,
    embeddedDataDir: process.env.BENCH_SERVE_DATA_DIR,
    poolSize: config.databasePoolSize,
    queryLogger: counter,
  });
  const app = await createApp(config, db, logger);
  const url = await app.listen(0, '127.0.0.1');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    app.close().then(() => process.exit(0), (e) => {
      logger.error('shutdown failed', { error: e });
      process.exit(1);
    });
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.on('message', (message: Message) => {
    if (message.type === 'stop') return stop();
    if (message.type === 'statements') return send({ id: message.id, count: counter.statements });
    if (message.type === 'sql') {
      db.dataSource.transaction(async (tx) => {
        await tx.query(`SELECT set_config('app.school_id', $1, true)`, [message.schoolId]);
        const results: unknown[] = [];
        for (const s of message.statements) results.push(await tx.query(s.text, s.params ?? []));
        return results;
      }).then(
        (results) => send({ id: message.id, results }),
        (e) => send({ id: message.id, error: e instanceof Error ? e.message : String(e) }),
      );
    }
  });
  send({ type: 'ready', url, kind: db.kind });
}

main().catch((e) => {
  process.stderr.write(`bench serve failed: ${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
