import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { EntityManager, QueryFailedError, QueryRunner } from 'typeorm';

/**
 * Runs a statement as a prepared statement of the connection it runs on: PostgreSQL parses,
 * rewrites (row-level security adds its policies to every table) and plans it once per
 * connection, not on every request. For the heavy reads, whose one statement brings what a page
 * shows with its related rows, that work was most of the database's share of a request (the
 * class week's statement: 7–8.6 ms a run as a plain statement, 1.7–2.4 ms prepared).
 *
 * Only for a text that is the same on every call but for its parameters ($1…): each distinct
 * text stays prepared on each pooled connection for the connection's life. The plan is checked
 * again by PostgreSQL when a table changes or a different role runs it, and the school the
 * policies compare with is read when it runs, so a prepared plan never crosses schools.
 *
 * It goes through the manager's own connection (the request's transaction) and is seen, timed
 * and wrapped on failure as TypeORM's own statements are (the statement-counting tests see it;
 * a failure is a QueryFailedError). A manager without a connection of its own runs a plain query.
 */
export async function preparedQuery<T>(db: EntityManager, text: string, params: unknown[]): Promise<T[]> {
  const runner = db.queryRunner;
  if (!runner || runner.connection.driver.options.type !== 'postgres') return db.query(text, params);
  const result = await driverQuery(runner, text, params, (client) => client.query({ name: statementName(text), text, values: params }));
  return result.rows as T[];
}

/**
 * Sends `text` on the runner's connection by the driver itself (`send`), for what TypeORM's
 * `query()` cannot ask (a prepared statement, a message of several statements), seen, timed and
 * wrapped on failure as TypeORM's own statements are: the statement counter and the
 * slow-statement log see it, and a failure is a QueryFailedError.
 */
export async function driverQuery<R>(runner: QueryRunner, text: string, params: unknown[] | undefined, send: (client: PoolClient) => Promise<R>): Promise<R> {
  const client = (await runner.connect()) as PoolClient;
  const logger = runner.connection.logger;
  logger.logQuery(text, params, runner);
  const started = Date.now();
  let result: R;
  try {
    result = await send(client);
  } catch (e) {
    logger.logQueryError(e as Error, text, params, runner);
    throw new QueryFailedError(text, params, e as Error);
  }
  const ms = Date.now() - started;
  const slow = runner.connection.options.maxQueryExecutionTime;
  if (slow && ms > slow) logger.logQuerySlow(ms, text, params, runner);
  return result;
}

const names = new Map<string, string>();

/** A name per text: the same text always has the same name, another text another name. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `hw_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`));
  return name;
}
