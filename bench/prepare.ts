import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { Database, openDatabase } from '../src/core/database';
import { Logger } from '../src/core/logger';
import { migrate } from '../src/core/migrations';
import { normalizeText, searchGrams } from '../src/modules/bank/bank.policy';
import { UNITS } from '../seeds/bank-content';
import { minutesFor, TEMPLATES } from '../seeds/bank-templates';
import { seedId } from '../seeds/ids';
import { loadScale, scaleSchoolSpec, ScaleSummary } from '../seeds/scale';
import { insertBankRows } from '../seeds/bank';
import { buildSchool } from '../seeds/school-fixture';
import { refreshCalibrations } from '../src/modules/calibration/calibration.service';
import { BENCH_CLIENT_KEY, BENCH_DAY_BASE } from './workloads';

/**
 * The data `npm run bench` runs on: one school year of the scale seed (seeds/scale.ts) and a
 * bank topped up to BENCH_ITEMS items for the search. Both steps are idempotent, so a rerun on
 * the kept database takes seconds.
 */
export type TargetName = 'postgres' | 'embedded';

export interface TargetPlace {
  name: TargetName;
  /** PostgreSQL: the bench database; embedded: undefined. */
  databaseUrl?: string;
  /** Embedded: the data folder. */
  dataDir?: string;
}

export const BENCH_DATABASE = 'bench_service';

/** The bench database on the server of `adminUrl`, created when missing (and kept between runs). */
export async function ensureBenchDatabase(adminUrl: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE]);
    if (!found.rowCount) await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

export function openPlace(place: TargetPlace, poolSize = 4): Promise<Database> {
  return openDatabase({ databaseUrl: place.databaseUrl, embeddedDataDir: place.dataDir, poolSize });
}

/** In one transaction scoped to the school (row-level security binds the service's role only, but be explicit). */
function inSchool<R>(ds: DataSource, schoolId: string, work: (tx: EntityManager) => Promise<R>): Promise<R> {
  return ds.transaction(async (tx) => {
    await tx.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
    return work(tx);
  });
}

/**
 * Tops the school's bank up to `target` items: approved items written from the demo
 * templates over the school's own units of 语文, 数学 and 英语, numbered so that every title
 * differs. Ids are fixed, so the top-up is idempotent.
 */
export async function ensureBankItems(ds: DataSource, schoolId: string, code: string, target: number, log: (line: string) => void): Promise<number> {
  const [{ n: present }] = await inSchool(ds, schoolId, (tx) => tx.query(`SELECT count(*)::int AS n FROM bank_items WHERE school_id = $1`, [schoolId]));
  if (present >= target) return present;
  const units: { id: string; subjectId: string; subject: 'chinese' | 'math' | 'english'; grade: number }[] = await inSchool(ds, schoolId, (tx) => tx.query(
    `SELECT u.id, u.subject_id AS "subjectId", s.code AS subject, u.grade FROM units u
       JOIN subjects s ON s.school_id = u.school_id AND s.id = u.subject_id
      WHERE u.school_id = $1 AND s.code IN ('chinese', 'math', 'english') ORDER BY u.grade, s.code, u.sort_order, u.id`, [schoolId]));
  const [{ id: author }] = await inSchool(ds, schoolId, (tx) => tx.query(`SELECT id FROM users WHERE school_id = $1 AND username = 'jiaowu'`, [schoolId]));
  const missing = target - present;
  const started = Date.now();
  const BATCH = 2000;
  for (let made = 0; made < missing; made += BATCH) {
    const items: unknown[][] = [];
    const versions: unknown[][] = [];
    for (let k = made; k < Math.min(missing, made + BATCH); k++) {
      // Numbered on from the items present, so that a higher target adds items instead of finding its ids taken.
      const n = present + k;
      const unit = units[n % units.length];
      const topics = UNITS.filter((u) => u.subject === unit.subject);
      const round = Math.floor(n / units.length);
      const seedUnit = topics[round % topics.length];
      const topic = seedUnit.topics[Math.floor(round / topics.length) % seedUnit.topics.length];
      const templates = TEMPLATES[unit.subject];
      const tpl = templates[Math.floor(round / (topics.length * seedUnit.topics.length)) % templates.length];
      const title = `${tpl.title(topic)}（${n}）`;
      const body = tpl.body(topic, seedUnit);
      const text = `${title} ${body}`;
      const id = seedId(code, 'bench', 'item', n);
      const minutes = minutesFor(tpl, unit.grade);
      items.push([schoolId, id, unit.id, unit.subjectId, unit.grade, author, 'approved', 1, 1, 1, null, title, tpl.tier, tpl.form, minutes, normalizeText(text), searchGrams(text)]);
      versions.push([schoolId, id, 1, title, body, tpl.guide(topic), tpl.tier, tpl.form, minutes, tpl.difficulty, ...tpl.tags, tpl.provenance, null, !!tpl.composition, author, new Date()]);
    }
    await inSchool(ds, schoolId, async (tx) => {
      await insertBankRows(tx, { units: [], objectives: [], items, versions, links: [] });
    });
    if ((made / BATCH) % 10 === 9) log(`bank items: ${present + Math.min(missing, made + BATCH)}/${target} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  await ds.query('VACUUM (ANALYZE) bank_items');
  await ds.query('VACUUM (ANALYZE) bank_item_versions');
  return target;
}

export interface PreparedData {
  scale: ScaleSummary;
  /** The school days with homework in the database (an earlier run may have loaded more than this one asked for). */
  schoolDays: { first: string; last: string; count: number };
  bankItems: number;
  serverVersion: string;
  /** Rows per table of the school after loading. */
  rows: Record<string, number>;
}

/** Migrates, loads the school year and tops up the bank; closes the database again. */
export async function prepareData(place: TargetPlace, days: number, items: number, log: (line: string) => void): Promise<PreparedData> {
  const db = await openPlace(place);
  try {
    await migrate(db, new Logger('warn'));
    // What the write runs of an earlier run left. The bench days (from BENCH_DAY_BASE on, far
    // after the school year) are kept and their drafts taken back to draft: deleting assignments
    // costs a scan of record_sheet_entries per row, which has no index on assignment_id.
    const schoolId = buildSchool(scaleSchoolSpec(1, 0)).schoolId;
    await inSchool(db.dataSource, schoolId, async (tx) => {
      await tx.query(
        `UPDATE assignments SET status = 'draft', revision = 1, published_at = NULL, updated_at = now()
          WHERE school_id = $1 AND day >= $2 AND status = 'published' AND subject_id IN (SELECT id FROM subjects WHERE school_id = $1 AND code = 'math')`,
        [schoolId, BENCH_DAY_BASE]);
      // A DELETE answers [rows, count].
      const [handedIn]: [{ assignment_id: string }[], number] = await tx.query(
        `WITH keys AS (DELETE FROM idempotency_keys WHERE school_id = $1 AND operation = 'submissionCreate' AND client_key LIKE $2 RETURNING result_id)
         DELETE FROM submissions s USING keys k WHERE s.school_id = $1 AND s.id = k.result_id
          RETURNING s.assignment_id`, [schoolId, `${BENCH_CLIENT_KEY}%`]);
      const assignmentIds = [...new Set(handedIn.map((r) => r.assignment_id))];
      if (assignmentIds.length) {
        log(`removing ${handedIn.length} hand-ins of an earlier run and recalibrating their items`);
        await refreshCalibrations(tx, schoolId, assignmentIds);
      }
    });
    let lastDay = -1;
    const scale = await loadScale(db.dataSource, {
      schools: 1,
      days,
      // Sign-in is not measured; a cheap hash keeps the many sign-ins of the write runs quick.
      passwordHashCost: 10,
      connections: db.kind === 'postgres' ? 2 : 1,
      onProgress: (p) => {
        if (p.phase === 'days' && p.rows > 0 && p.day - lastDay >= 20) {
          lastDay = p.day;
          log(`scale data: day ${p.day}/${p.days} · ${p.rows} rows · ${Math.round(p.elapsedMs / 1000)} s`);
        }
      },
    });
    const bankItems = await ensureBankItems(db.dataSource, scale.sample.schoolId, scale.sample.schoolCode, items, log);
    const [{ server_version: serverVersion }] = await db.dataSource.query('SHOW server_version');
    // The bench days' assignments (kept for the next run) are not part of the school year.
    const [bench] = await inSchool(db.dataSource, schoolId, (tx) => tx.query(
      `SELECT count(*)::int AS assignments, (SELECT count(*)::int FROM assignment_options o WHERE o.school_id = $1 AND o.assignment_id IN (SELECT id FROM assignments WHERE school_id = $1 AND day >= $2)) AS options,
              (SELECT count(*)::int FROM assignment_items i WHERE i.school_id = $1 AND i.assignment_id IN (SELECT id FROM assignments WHERE school_id = $1 AND day >= $2)) AS items
         FROM assignments WHERE school_id = $1 AND day >= $2`, [schoolId, BENCH_DAY_BASE]));
    const [schoolDays] = await inSchool(db.dataSource, schoolId, (tx) => tx.query(
      `SELECT to_char(min(day), 'YYYY-MM-DD') AS first, to_char(max(day), 'YYYY-MM-DD') AS last, count(DISTINCT day)::int AS count
         FROM assignments WHERE school_id = $1 AND day < $2`, [schoolId, BENCH_DAY_BASE]));
    const rows: Record<string, number> = { ...scale.totals, bank_items: bankItems, bank_item_versions: scale.totals.bank_item_versions + bankItems - scale.totals.bank_items };
    rows.assignments -= bench.assignments;
    rows.assignment_options -= bench.options;
    rows.assignment_items -= bench.items;
    return { scale, schoolDays, bankItems, serverVersion, rows };
  } finally {
    await db.close();
  }
}
