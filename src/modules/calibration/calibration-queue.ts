import { DataSource, QueryRunner } from 'typeorm';
import { TxContext } from '../../core/context';
import { DatabaseKind } from '../../core/database';
import { Logger } from '../../core/logger';
import { ItemVersionKey, recalibrateVersions } from './calibration.service';

/**
 * Calibration off the hand-in's path. A hand-in or a filled record sheet queues the item
 * versions its homework used (in its transaction, so a refused one queues nothing); the
 * worker recomputes them a moment later, once for every hand-in that arrived meanwhile.
 * Recomputing inside each hand-in made a class handing in the same homework at once wait for
 * each other on the same items, each rereading every observation of those items.
 */
export async function queueCalibrations(ctx: TxContext, assignmentIds: string[]): Promise<void> {
  if (assignmentIds.length === 0) return;
  await ctx.db.query(
    `INSERT INTO calibration_queue (school_id, item_id, version_no)
     SELECT DISTINCT school_id, item_id, version_no FROM assignment_items WHERE school_id = $1 AND assignment_id = ANY($2::uuid[])`,
    [ctx.schoolId, assignmentIds],
  );
}

/** Whether a statement comes from a background job (a TypeORM logger's `queryRunner` argument). */
export function isBackgroundStatement(queryRunner?: QueryRunner): boolean {
  return !!queryRunner?.data?.background;
}

/**
 * Queued item versions taken per transaction, by default (each with every row queued for it so
 * far). The embedded database serves one connection, which a recalibration holds until it
 * commits (a version of the bench's school year: about 45 ms there): there the worker takes few
 * at a time, so a hand-in waits for at most a short batch.
 */
export const CALIBRATION_BATCH: Record<DatabaseKind, number> = { postgres: 200, embedded: 4 };

/**
 * How long a turn of the worker's timer may go on while requests come in: after a batch past
 * this, it leaves the rest to the next turn. On the embedded database its statements run in the
 * service's own thread and hold the one connection, so under a flood of hand-ins the worker takes
 * about a quarter of each second (and its queue, longer, collapses more hand-ins into each
 * version); when no request came during the turn, it goes on, and catches up at full speed.
 */
export const CALIBRATION_TURN_MS: Record<DatabaseKind, number> = { postgres: Infinity, embedded: 250 };

/** What a turn of the worker's timer knows after a batch, to decide whether to end (see turnEnds). */
export interface TurnState {
  /** Requests wait for a database connection (the embedded database's one). */
  othersWaiting: boolean;
  elapsedMs: number;
  turnMs: number;
  /** Requests the service received since the turn began. */
  requestsDuringTurn: number;
}

/**
 * Whether the worker's turn ends after its current batch: at once when requests wait for the
 * database; after `turnMs` when requests came in meanwhile; never while the service is idle.
 */
export function turnEnds(t: TurnState): boolean {
  return t.othersWaiting || (t.elapsedMs >= t.turnMs && t.requestsDuringTurn > 0);
}

/**
 * Takes queued item versions, oldest first, each with every row queued for it (one per hand-in),
 * and recalibrates them: per batch one transaction as the table owner, per school with its
 * `app.school_id`; a failed batch goes back to the queue. Several processes may drain at once:
 * each takes rows the others have not locked. Stops when the queue is empty or, after a batch,
 * when `yieldNow()` says that others need the database more (the worker's timer: requests waiting
 * for the embedded database's one connection), leaving the rest to the next turn.
 * Resolves with the number of versions recalibrated.
 */
export async function drainCalibrationQueue(dataSource: DataSource, batch = CALIBRATION_BATCH.postgres, yieldNow: () => boolean = () => false): Promise<number> {
  let done = 0;
  for (;;) {
    const runner = dataSource.createQueryRunner();
    // Marks the worker's statements, so that loggers counting a request's statements can leave them out.
    runner.data = { background: 'calibration' };
    const taken = await runner.manager.transaction(async (tx) => {
      // The oldest rows name the versions; every other row of those versions goes with them, so a
      // version queued by a whole class's hand-ins is recalibrated once, however long the queue.
      const rows: { school_id: string; item_id: string; version_no: number; oldest: boolean }[] = await tx.query(
        `WITH oldest AS (SELECT id, school_id, item_id, version_no FROM calibration_queue ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         DELETE FROM calibration_queue q
          WHERE q.id IN (SELECT id FROM oldest)
             OR q.id IN (SELECT c.id FROM calibration_queue c
                          WHERE (c.school_id, c.item_id, c.version_no) IN (SELECT school_id, item_id, version_no FROM oldest)
                            FOR UPDATE SKIP LOCKED)
          RETURNING q.school_id, q.item_id, q.version_no, q.id IN (SELECT id FROM oldest) AS oldest`,
        [batch],
      ).then((r) => r[0]);
      const bySchool = new Map<string, Map<string, ItemVersionKey>>();
      for (const r of rows) {
        const versions = bySchool.get(r.school_id) ?? bySchool.set(r.school_id, new Map()).get(r.school_id)!;
        versions.set(`${r.item_id}:${r.version_no}`, { itemId: r.item_id, versionNo: r.version_no });
      }
      let versions = 0;
      for (const [schoolId, keys] of bySchool) {
        await tx.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
        await recalibrateVersions(tx, schoolId, [...keys.values()]);
        versions += keys.size;
      }
      return { oldest: rows.filter((r) => r.oldest).length, versions };
    }).finally(() => runner.release());
    done += taken.versions;
    if (taken.oldest < batch || yieldNow()) return done;
  }
}

/**
 * The service's calibration worker: drains the queue every `intervalMs`, one drain at a time,
 * each until, after a batch, `turnEnds` says so. `drain()` runs one to the end now (after the one in progress), for
 * whoever needs the figures current.
 */
export class CalibrationWorker {
  private inFlight: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Whoever waits for the end of the timer's next turn (nextTurn). */
  private turnWaiters: (() => void)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly batch = CALIBRATION_BATCH.postgres,
    private readonly turnMs = CALIBRATION_TURN_MS.postgres,
    /** Whether requests wait for the database (see turnEnds). */
    private readonly othersWaiting: () => boolean = () => false,
    /** How many requests the service has received so far (see turnEnds). */
    private readonly requestsSoFar: () => number = () => 0,
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.inFlight) return;
      const started = Date.now();
      const requests = this.requestsSoFar();
      this.drain(() => turnEnds({
        othersWaiting: this.othersWaiting(), elapsedMs: Date.now() - started, turnMs: this.turnMs, requestsDuringTurn: this.requestsSoFar() - requests,
      }))
        .catch((e) => this.logger.warn('calibration failed; its item versions stay queued', { error: e }))
        .finally(() => {
          const waiters = this.turnWaiters;
          this.turnWaiters = [];
          for (const done of waiters) done();
        });
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Resolves when a turn the timer starts from now on has ended (for tests of the running worker). */
  nextTurn(): Promise<void> {
    return new Promise((resolve) => this.turnWaiters.push(resolve));
  }

  /** Drains the queue (until `yieldNow()`, after a batch, says to leave the rest to the next turn). */
  drain(yieldNow: () => boolean = () => false): Promise<number> {
    const run = (this.inFlight ?? Promise.resolve(0)).catch(() => 0)
      .then(() => drainCalibrationQueue(this.dataSource, this.batch, yieldNow));
    const tracked: Promise<number> = run.finally(() => {
      if (this.inFlight === tracked) this.inFlight = null;
    });
    this.inFlight = tracked;
    return tracked;
  }

  /** Stops the timer and waits for a drain in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.inFlight?.catch(() => 0);
  }
}
