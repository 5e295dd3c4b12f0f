import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded PostgreSQL: PGlite (PostgreSQL compiled to WASM) served on a loopback port
 * over the PostgreSQL wire protocol, so the service talks to it with the same `pg` driver,
 * SQL and migrations as a real server.
 *
 * PGlite is a single session. Transaction isolation is kept by giving the service's pool
 * exactly one connection: a transaction holds that connection from BEGIN to COMMIT/ROLLBACK
 * and every other query waits for it, so no request can run inside another's transaction.
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export class EmbeddedDatabaseInUseError extends Error {}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One process at a time may open a data folder: two PGlite instances on one folder corrupt it. */
function takeLock(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  try {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && processIsAlive(holder)) {
      throw new EmbeddedDatabaseInUseError(
        `The embedded database at ${dataDir} is in use by process ${holder}; stop it first`,
      );
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

/**
 * Starts PGlite on `dataDir` (kept between restarts) or in memory when `dataDir` is undefined,
 * and serves it on 127.0.0.1 at a free port.
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  const releaseLock = dataDir ? takeLock(dataDir) : () => undefined;
  try {
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create(dataDir ? { dataDir } : {});
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    const url = `postgres://postgres@${server.getServerConn()}/postgres`;
    return {
      url,
      async stop() {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (e) {
    releaseLock();
    throw e;
  }
}
