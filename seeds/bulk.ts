import { QueryRunner } from 'typeorm';

/**
 * Bulk loading for large seeds: rows are collected column by column and written with
 * `INSERT … SELECT * FROM unnest($1::uuid[], $2::text[], …)`, one array parameter per column.
 * That is a multi-row INSERT whose bind-parameter count does not grow with the number of rows
 * (a VALUES list of 5,000 rows × 11 columns would need 55,000 of the 65,535 parameters), and
 * PostgreSQL parses and plans one short statement instead of a long one. No new dependency:
 * it runs over the TypeORM query runner on a real server and on embedded PGlite alike.
 */
export type ColumnType = 'uuid' | 'text' | 'date' | 'timestamptz' | 'integer' | 'smallint' | 'boolean';

export interface TableSpec {
  table: string;
  /** Column name and PostgreSQL type, in insert order. */
  columns: readonly (readonly [string, ColumnType])[];
}

type Cell = string | number | boolean | null;

/** Rows of one table held as one array per column. */
export class ColumnRows {
  readonly columns: Cell[][];
  private count = 0;

  constructor(readonly spec: TableSpec) {
    this.columns = spec.columns.map(() => []);
  }

  get length(): number {
    return this.count;
  }

  push(...cells: Cell[]): void {
    if (cells.length !== this.columns.length) {
      throw new Error(`${this.spec.table}: ${cells.length} values for ${this.columns.length} columns`);
    }
    for (let i = 0; i < cells.length; i++) this.columns[i].push(cells[i]);
    this.count++;
  }

  /** The rows whose `column` holds one of `keep`; used to drop children of rows that already existed. */
  filter(column: string, keep: Set<string>): ColumnRows {
    const at = this.spec.columns.findIndex(([name]) => name === column);
    const out = new ColumnRows(this.spec);
    for (let r = 0; r < this.count; r++) {
      if (keep.has(this.columns[at][r] as string)) out.push(...this.columns.map((c) => c[r]));
    }
    return out;
  }
}

/** Rows per statement: large enough to amortise a round trip, small enough to keep statements short. */
export const ROWS_PER_STATEMENT = 5000;

/**
 * A PostgreSQL array literal. Text is quoted and escaped; uuids, numbers, booleans, dates and
 * ISO timestamps never contain a character that needs quoting, so they are written bare.
 */
function arrayLiteral(values: Cell[], type: ColumnType, from: number, to: number): string {
  const parts: string[] = new Array(to - from);
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (v === null) parts[i - from] = 'NULL';
    else if (type === 'text') parts[i - from] = `"${String(v).replace(/["\\]/g, '\\$&')}"`;
    else parts[i - from] = String(v);
  }
  return `{${parts.join(',')}}`;
}

/**
 * Writes the rows with `ON CONFLICT DO NOTHING` in statements of ROWS_PER_STATEMENT rows, so a
 * rerun with the same fixed ids changes nothing. Runs in the caller's transaction; returns the
 * number of rows written (rows whose key already existed are skipped).
 */
export async function bulkInsert(qr: QueryRunner, rows: ColumnRows): Promise<number> {
  const { table, columns } = rows.spec;
  const names = columns.map(([name]) => name).join(', ');
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const sql = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${unnest}) ON CONFLICT DO NOTHING`;
  let inserted = 0;
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    const to = Math.min(rows.length, from + ROWS_PER_STATEMENT);
    const params = columns.map(([, type], i) => arrayLiteral(rows.columns[i], type, from, to));
    inserted += (await qr.query(sql, params, true)).affected ?? 0;
  }
  return inserted;
}
