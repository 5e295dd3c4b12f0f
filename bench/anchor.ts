import { execFileSync, ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/**
 * The anchor of the class-week comparison: PostGraphile 5 on the same PostgreSQL database,
 * answering the class week with the same JSON, under the same role (`homework_app`) and school
 * (`app.school_id`), so under the same row-level security as the service.
 *
 * PostGraphile 5 needs Node >= 22 and the service runs on Node 20: it lives in bench/postgraphile
 * with its own package.json and lockfile, which install a Node 22 of its own (the npm package
 * `node`) next to PostGraphile; nothing of it is in the service's dependencies. It is installed
 * (`npm ci` there) the first time the bench needs it.
 *
 * What PostGraphile cannot derive from the tables is two small SQL functions, installed by the
 * bench in its own database: `bench_class_week` (the class's assignments between two days,
 * ordered by day and subject, as the service orders them; a root field) and
 * `assignments_bench_choices` (an assignment's choices with their minutes, as the floor computes
 * them; a computed field of Assignment). Options and items are PostGraphile's own relations,
 * ordered by their sort order.
 */
export const ANCHOR_DIR = path.resolve(__dirname, '..', '..', 'bench', 'postgraphile');
const NODE_22 = path.join(ANCHOR_DIR, 'node_modules', 'node', 'bin', 'node');

export const ANCHOR_SQL = `
CREATE OR REPLACE FUNCTION bench_class_week(class_id uuid, from_day date, to_day date) RETURNS SETOF assignments
LANGUAGE sql STABLE AS $$
  SELECT a.* FROM assignments a
   WHERE a.school_id = current_setting('app.school_id')::uuid AND a.class_id = $1 AND a.day BETWEEN $2 AND $3
   ORDER BY a.day, a.subject_id
$$;
DROP FUNCTION IF EXISTS assignments_bench_choices(assignments);
DROP TYPE IF EXISTS bench_choice;
CREATE TYPE bench_choice AS (key text, total_minutes int, written_home_minutes int);
CREATE FUNCTION assignments_bench_choices(a assignments) RETURNS SETOF bench_choice
LANGUAGE sql STABLE AS $$
  SELECT k.key,
         coalesce(sum(ai.predicted_minutes), 0)::int,
         coalesce(sum(ai.predicted_minutes) FILTER (WHERE ai.at_home AND v.form = 'written'), 0)::int
    FROM (
      SELECT o.sort_order::int AS ord, o.key, ARRAY[o.key] AS parts
        FROM assignment_options o
       WHERE a.shape = 'packages' AND o.school_id = a.school_id AND o.assignment_id = a.id
      UNION ALL
      SELECT l.ord, l.key, l.parts
        FROM (VALUES (1, 'A', ARRAY['1', '2', '3']), (2, 'B2', ARRAY['1', '2']), (3, 'B3', ARRAY['1', '3']), (4, 'C', ARRAY['1'])) AS l (ord, key, parts)
       WHERE a.shape = 'three_part'
    ) k
    LEFT JOIN assignment_items ai ON ai.school_id = a.school_id AND ai.assignment_id = a.id AND ai.option_key = ANY (k.parts)
    LEFT JOIN bank_item_versions v ON v.school_id = ai.school_id AND v.item_id = ai.item_id AND v.version_no = ai.version_no
   GROUP BY k.ord, k.key
   ORDER BY k.ord
$$;`;

/** The class week in PostGraphile's schema, aliased to the service's field names (CLASS_WEEK in bench/operations.ts). */
export const ANCHOR_CLASS_WEEK = `query($c: UUID!, $from: Date!, $to: Date!) { week: benchClassWeekList(classId: $c, fromDay: $from, toDay: $to) {
  title day subject: subjectBySchoolIdAndSubjectId { name } teacher: userBySchoolIdAndTeacherId { displayName }
  choices: benchChoicesList { key totalMinutes writtenHomeMinutes }
  options: assignmentOptionsBySchoolIdAndAssignmentIdList(orderBy: SORT_ORDER_ASC) { key name
    items: assignmentItemsBySchoolIdAndAssignmentIdAndOptionKeyList(orderBy: SORT_ORDER_ASC) {
      predictedMinutes content: bankItemVersionBySchoolIdAndItemIdAndVersionNo { title body } } } } }`;

/** Installs bench/postgraphile's dependencies (its Node 22 among them) when they are missing. */
export function ensureAnchorInstalled(log: (line: string) => void): void {
  if (fs.existsSync(NODE_22) && fs.existsSync(path.join(ANCHOR_DIR, 'node_modules', 'postgraphile'))) return;
  log(`  installing PostGraphile 5 and its Node 22 in ${path.relative(process.cwd(), ANCHOR_DIR)} (npm ci, once)`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ANCHOR_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Creates (or replaces) the anchor's two functions in the bench database, as its owner. */
export async function installAnchorFunctions(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(ANCHOR_SQL);
  } finally {
    await client.end();
  }
}

/** PostGraphile 5 in a child process on bench/postgraphile's Node 22 (bench/postgraphile/serve.mjs). */
export class AnchorProcess {
  private constructor(private readonly child: ChildProcess, readonly url: string, readonly nodeVersion: string) {}

  static start(databaseUrl: string, schoolId: string, poolSize: number, logFile: string): Promise<AnchorProcess> {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const log = fs.openSync(logFile, 'a');
    const nodeVersion = execFileSync(NODE_22, ['--version'], { encoding: 'utf8' }).trim();
    const child = fork(path.join(ANCHOR_DIR, 'serve.mjs'), [], {
      cwd: ANCHOR_DIR,
      execPath: NODE_22,
      execArgv: [],
      env: { ...process.env, NODE_ENV: 'production', ANCHOR_DATABASE_URL: databaseUrl, ANCHOR_SCHOOL_ID: schoolId, ANCHOR_POOL_SIZE: String(poolSize) },
      stdio: ['ignore', log, log, 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const failed = (code: number | null) => reject(new Error(`PostGraphile exited with ${code} before it was ready; see ${logFile}`));
      child.once('exit', failed);
      child.once('message', (m: { type: string; url: string }) => {
        if (m.type !== 'ready') return;
        child.off('exit', failed);
        resolve(new AnchorProcess(child, m.url, nodeVersion));
      });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
