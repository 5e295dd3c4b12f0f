import { randomUUID } from 'node:crypto';
import { TENANT_TABLES } from '../../migrations/1764547200000-RowLevelSecurity';
import { fromGlobalId } from '../../src/core/ids';
import { databaseAdvisories } from '../../src/core/migrations';
import { RequestScope, SERVICE_ROLE } from '../../src/core/request-scope';
import { insertItem } from '../support/assignments';
import { OTHER_SCHOOL, SMALL_SCHOOL } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * Row-level security, the second wall: statements sent on the service's own connection, the
 * way a request sends them, but with no school filter of their own (as a bug in a service
 * would), see only the school set for the transaction — and with none set, nothing.
 * The assertions outside a scope run on the test's owner connection, which is a superuser.
 */
let t: TestApp;
let a: string;
let b: string;

/** The tenant tables of the RowLevelSecurity migration, and those of later migrations. */
const TABLES = [...TENANT_TABLES, 'calibration_queue', 'schools', 'parent_binding_requests'];

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL, OTHER_SCHOOL]);
  a = t.schools[0].schoolId;
  b = t.schools[1].schoolId;
  // A queued recalibration in each school, so that the queue is not empty in the checks below.
  for (const school of [0, 1]) {
    const item = fromGlobalId(await insertItem(t, { subject: 'math', grade: 3, title: '队列探针', minutes: 10 }, school), 'BankItem');
    await t.db.dataSource.query(`INSERT INTO calibration_queue (school_id, item_id, version_no) VALUES ($1, $2, 1)`, [t.schools[school].schoolId, item]);
  }
});
afterAll(() => t?.stop());

/** Runs `work` the way a request does: the service role, one transaction, `schoolId` set. */
async function asService<T>(schoolId: string | null, work: (q: (sql: string, params?: unknown[]) => Promise<any[]>) => Promise<T>): Promise<T> {
  const scope = await RequestScope.open(t.db.dataSource, schoolId);
  try {
    const result = await work((sql, params) => scope.manager.query(sql, params));
    await scope.commit();
    return result;
  } catch (e) {
    await scope.rollback();
    throw e;
  }
}

const countBySchool = async (table: string): Promise<Map<string, number>> =>
  new Map((await t.db.dataSource.query(`SELECT school_id, count(*)::int AS n FROM ${table} GROUP BY school_id`)).map((r: any) => [r.school_id, r.n]));

describe('row-level security', () => {
  it('a query without its own school filter sees only the school set for the transaction, on every tenant table', async () => {
    for (const table of TABLES) {
      const owner = await countBySchool(table);
      for (const school of [a, b]) {
        const rows = await asService(school, (q) => q(`SELECT school_id, count(*)::int AS n FROM ${table} GROUP BY school_id`));
        const expected = owner.get(school) ? [{ school_id: school, n: owner.get(school) }] : [];
        expect({ table, rows }).toEqual({ table, rows: expected });
      }
    }
    // The fixture has rows of both schools in the main tables, so the check above is not vacuous.
    for (const table of ['users', 'classes', 'subjects', 'terms', 'research_groups', 'user_roles', 'parent_links', 'calibration_queue', 'schools']) {
      const owner = await countBySchool(table);
      expect(owner.get(a)).toBeGreaterThan(0);
      expect(owner.get(b)).toBeGreaterThan(0);
    }
  });

  it('with no school set, every tenant table is empty', async () => {
    for (const table of TABLES) {
      const [{ n }] = await asService(null, (q) => q(`SELECT count(*)::int AS n FROM ${table}`));
      expect({ table, n }).toEqual({ table, n: 0 });
    }
  });

  it("writing a row of another school, or moving one there, is refused and changes nothing", async () => {
    const before = await t.db.dataSource.query(`SELECT school_id, id, display_name FROM users ORDER BY school_id, id`);
    const someoneOfB = t.schools[1].users[0].id;
    const someoneOfA = t.schools[0].users[0].id;
    await expect(asService(a, (q) => q(`INSERT INTO subjects (school_id, id, code, name) VALUES ($1, $2, 'rls_probe', '探针')`, [b, randomUUID()])))
      .rejects.toThrow(/row-level security/);
    await expect(asService(a, (q) => q(`UPDATE users SET school_id = $1 WHERE id = $2`, [b, someoneOfA])))
      .rejects.toThrow(/row-level security/);
    // An update or delete of the other school's rows finds nothing to change.
    const updated = await asService(a, (q) => q(`UPDATE users SET display_name = 'x' WHERE id = $1 RETURNING id`, [someoneOfB]));
    const deleted = await asService(a, (q) => q(`DELETE FROM parent_links WHERE school_id = $1 RETURNING student_id`, [b]));
    // (For UPDATE and DELETE the driver answers [rows, affected count].)
    expect(updated).toEqual([[], 0]);
    expect(deleted).toEqual([[], 0]);
    expect(await t.db.dataSource.query(`SELECT school_id, id, display_name FROM users ORDER BY school_id, id`)).toEqual(before);
  });

  it('the service acts as a role that owns no table, is no superuser and cannot bypass RLS', async () => {
    const [me] = await asService(a, (q) => q(`SELECT current_user AS name, r.rolsuper, r.rolbypassrls,
        (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned
      FROM pg_roles r WHERE r.rolname = current_user`));
    expect(me).toEqual({ name: SERVICE_ROLE, rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it('the role and the school end with the transaction, so the next user of the connection starts with neither', async () => {
    const runner = t.db.dataSource.createQueryRunner();
    try {
      const [{ owner }] = await runner.query(`SELECT current_user AS owner`);
      await runner.startTransaction();
      await runner.query(`SELECT set_config('role', $1, true), set_config('app.school_id', $2, true)`, [SERVICE_ROLE, a]);
      expect(await runner.query(`SELECT current_user AS u, current_setting('app.school_id', true) AS s`)).toEqual([{ u: SERVICE_ROLE, s: a }]);
      await runner.commitTransaction();
      const [after] = await runner.query(`SELECT current_user AS u, coalesce(current_setting('app.school_id', true), '') AS s`);
      expect(after).toEqual({ u: owner, s: '' });
    } finally {
      await runner.release();
    }
  });

  it('every table with a school_id column has RLS enabled, forced and a policy (the sign-in counter exempt; schools and the calibration queue not forced)', async () => {
    const rows: { table: string; enabled: boolean; forced: boolean; policies: number }[] = await t.db.dataSource.query(`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname) AS policies
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'
         AND EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = 'public' AND k.table_name = c.relname AND k.column_name = 'school_id')
       ORDER BY 1`);
    const notForced = ['schools', 'calibration_queue'];
    const unprotected = rows.filter((r) => r.table !== 'login_attempts' && !(r.enabled && (r.forced || notForced.includes(r.table)) && r.policies > 0));
    expect(unprotected).toEqual([]);
    // Enabled with a policy but not forced: sign-in reads schools through a function, the calibration worker drains the queue of every school.
    for (const table of notForced) expect(rows.find((r) => r.table === table)).toMatchObject({ enabled: true, forced: false, policies: 1 });
  });

  it('every tenant table can be distributed by school: its primary key, unique constraints and indexes, and foreign keys lead with school_id', async () => {
    const rows: { table: string; kind: string; name: string; columns: string[] }[] = await t.db.dataSource.query(`
      SELECT c.relname AS table, 'constraint ' || k.contype::text AS kind, k.conname AS name,
             array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord) AS columns
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND k.contype IN ('p', 'u', 'f')
         AND EXISTS (SELECT 1 FROM information_schema.columns x WHERE x.table_schema = 'public' AND x.table_name = c.relname AND x.column_name = 'school_id')
      UNION ALL
      SELECT c.relname, 'unique index', i.relname,
             array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY u(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.attnum ORDER BY u.ord)
        FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND x.indisunique
         AND EXISTS (SELECT 1 FROM information_schema.columns y WHERE y.table_schema = 'public' AND y.table_name = c.relname AND y.column_name = 'school_id')
       ORDER BY 1, 2, 3`);
    expect(rows.length).toBeGreaterThan(40);
    // `schools` would be a reference table (its code is unique across schools); the sign-in counter is keyed by account or address, not by school.
    const scattered = rows.filter((r) => r.columns[0] !== 'school_id' && !(r.table === 'schools' && r.name === 'schools_code_key') && r.table !== 'login_attempts').map((r) => `${r.table} ${r.kind} ${r.name} (${r.columns.join(', ')})`);
    expect(scattered).toEqual([]);
  });

  it('sign-in finds a school by its code without seeing any school row', async () => {
    const [found] = await asService(null, (q) => q(`SELECT school_id_for_code($1) AS id, (SELECT count(*)::int FROM schools) AS visible`, [SMALL_SCHOOL.code]));
    expect(found).toEqual({ id: a, visible: 0 });
    // And over HTTP: the whole sign-in runs as the service role.
    expect(await t.login('jiaowu')).toEqual(expect.any(String));
  });

  it('a text search of the bank uses the gram index under RLS instead of scanning every item', async () => {
    // 3,000 more items of school a, each with a gram of its own: a scan is now far dearer than the index.
    const one = { id: fromGlobalId(await insertItem(t, { subject: 'math', grade: 5, title: '探针', minutes: 10 }), 'BankItem') };
    await t.db.dataSource.query(
      `INSERT INTO bank_items (school_id, id, unit_id, subject_id, grade, author_id, status, title, tier, form, predicted_minutes, search_text, search_grams)
       SELECT school_id, gen_random_uuid(), unit_id, subject_id, grade, author_id, 'draft', title, tier, form, predicted_minutes,
              'rls-probe-' || n, ARRAY['rls-probe-' || n]
         FROM bank_items, generate_series(1, 3000) n WHERE school_id = $1 AND id = $2`,
      [a, one.id],
    );
    try {
      await t.db.dataSource.query(`ANALYZE bank_items`);
      // The predicate the search sends (bank-search.service.ts), as the service role.
      const search = `FROM bank_items i WHERE i.school_id = $1 AND i.search_grams @> CAST($2 AS text[]) AND i.search_text LIKE $3`;
      const params = [a, ['rls-probe-17'], '%rls-probe-17%'];
      const plan = await asService(a, (q) => q(`EXPLAIN SELECT i.id ${search}`, params));
      expect(plan.map((r: any) => r['QUERY PLAN']).join('\n')).toContain('bank_items_grams_idx');
      expect(await asService(a, (q) => q(`SELECT i.search_text ${search}`, params))).toEqual([{ search_text: 'rls-probe-17' }]);
      expect(await asService(b, (q) => q(`SELECT i.search_text ${search}`, params))).toEqual([]);
      // The migration made the containment operator leakproof (the tests' database role is a superuser).
      expect(await databaseAdvisories(t.db)).toEqual([]);
    } finally {
      await t.db.dataSource.query(`DELETE FROM bank_items WHERE school_id = $1 AND search_text LIKE 'rls-probe-%'`, [a]);
    }
  });
});
