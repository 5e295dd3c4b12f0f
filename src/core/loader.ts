import DataLoader from 'dataloader';

/**
 * Dispatches a request's DataLoader batches in waves: batches asked for while others of the
 * request are still running wait until all of those have answered, then go together. So the
 * statements a request runs depend on the shape of its query, not on which answer arrived
 * first, and each level of a query costs one statement per relation, whatever the data.
 */
export class BatchScheduler {
  private pending: (() => void)[] = [];
  private inFlight = 0;
  private armed = false;

  /** DataLoader's batchScheduleFn. */
  readonly schedule = (dispatch: () => void): void => {
    this.pending.push(dispatch);
    this.arm();
  };

  /** Counts a batch as running until `work` settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight++;
    return work.finally(() => {
      this.inFlight--;
      if (this.inFlight === 0 && this.pending.length) this.arm();
    });
  }

  private arm(): void {
    if (this.armed || this.inFlight > 0) return;
    this.armed = true;
    // After the I/O callbacks and promise jobs now due, so every resolver they wake has asked.
    setImmediate(() => {
      this.armed = false;
      if (this.inFlight > 0) return;
      for (const dispatch of this.pending.splice(0)) dispatch();
    });
  }
}

/**
 * Makes a request's DataLoaders: every loader made by one `Batches` shares its scheduler, so the
 * request's batches go in waves. Loader factories take it as a parameter.
 */
export class Batches {
  constructor(readonly scheduler: BatchScheduler = new BatchScheduler()) {}

  /** A DataLoader on this request's scheduler. */
  scheduled<K, V>(batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    const scheduler = this.scheduler;
    return new DataLoader<K, V>((keys) => scheduler.track(batch(keys)), { batchScheduleFn: scheduler.schedule });
  }

  /**
   * A loader for rows by a unique key: one query for a batch of keys, results in key order,
   * null for a miss.
   */
  unique<K, V>(fetch: (keys: K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
    return this.scheduled<K, V | null>(async (keys) => {
      const rows = await fetch([...keys]);
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      return keys.map((key) => byKey.get(key) ?? null);
    });
  }

  /** A loader for the rows that share a key (a one-to-many relation): one query per batch. */
  group<K, V>(fetch: (keys: K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
    return this.scheduled<K, V[]>(async (keys) => {
      const rows = await fetch([...keys]);
      const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(keyOf(row))?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    });
  }
}
