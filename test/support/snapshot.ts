import { DataSource } from 'typeorm';

export type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

/**
 * Runs `work` as the owner with the school's id set, in a transaction rolled back afterwards:
 * forced row-level security shows that school's rows (with no school set, every tenant table
 * reads empty, so an "unchanged" check done that way would pass on nothing).
 */
export async function asSchool<T>(db: DataSource, schoolId: string, work: (q: Query) => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
    const result = await work((sql, params) => runner.query(sql, params));
    await runner.rollbackTransaction();
    return result;
  } finally {
    await runner.release();
  }
}

/** Every table with a `school_id` column. */
export async function tenantTables(db: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await db.query(
    `SELECT DISTINCT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'school_id' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

export interface SnapshotOptions {
  /** Tables left out (e.g. the access log, which reads write to). */
  except?: string[];
  /** Tables that must hold rows of the school, so that the snapshot is known to see them. */
  nonEmpty?: string[];
}

/**
 * The school's rows, table by table, as a row count and a digest, read as the school. Throws
 * when a table named in `nonEmpty` (by default `users`) reads empty: a snapshot that sees
 * nothing proves nothing. Compare two snapshots with `toEqual` to show that nothing changed.
 */
export async function schoolSnapshot(db: DataSource, schoolId: string, options: SnapshotOptions = {}): Promise<Record<string, string>> {
  const except = new Set(options.except ?? []);
  const tables = (await tenantTables(db)).filter((table) => !except.has(table));
  const out = await asSchool(db, schoolId, async (q) => {
    const digests: Record<string, string> = {};
    for (const table of tables) {
      const [row] = await q(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS sum FROM "${table}" t WHERE school_id = $1`,
        [schoolId],
      );
      digests[table] = `${row.n} rows ${row.sum}`;
    }
    return digests;
  });
  for (const table of options.nonEmpty ?? ['users']) {
    if (!out[table] || out[table].startsWith('0 rows')) throw new Error(`the snapshot of ${table} is empty: it would prove nothing`);
  }
  return out;
}
