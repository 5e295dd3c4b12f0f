import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table that holds one school's rows, by its `school_id` (on `schools`, its own id). */
export const TENANT_TABLES = [
  'access_log', 'assignment_items', 'assignment_options', 'assignments', 'bank_item_objectives', 'bank_item_versions',
  'bank_items', 'calendar_days', 'classes', 'idempotency_keys', 'item_calibrations', 'load_policies', 'marks',
  'parent_links', 'peer_comments', 'record_sheet_entries', 'record_sheets', 'research_group_members', 'research_groups',
  'student_choices', 'subjects', 'submission_versions', 'submissions', 'teaching_assignments', 'terms',
  'unit_objectives', 'units', 'user_roles', 'users', 'weekly_list_entries', 'weekly_lists',
];

/**
 * Row-level security as a second wall between schools. The service acts as `homework_app`
 * (it owns no table and cannot bypass RLS) with the caller's school in `app.school_id`, set per
 * transaction; every tenant table's policy admits only that school's rows, for reads and
 * writes alike, and with no school set nothing at all. RLS is forced, so it binds the table
 * owner too (a superuser, as on a development machine, still bypasses it).
 *
 * `schools` is not forced: sign-in finds a school by its code through `school_id_for_code`,
 * which runs as the owner and returns only the id. `login_attempts` has no policy: it counts
 * failed sign-ins per account and address before anyone is signed in, and holds no personal
 * data beyond the username typed.
 */
export class RowLevelSecurity1764547200000 implements MigrationInterface {
  name = 'RowLevelSecurity1764547200000';

  async up(q: QueryRunner): Promise<void> {
    // Roles belong to the whole server: another database may be creating it at this moment.
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE homework_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    // The owner switches to the role per transaction, which needs membership unless it is a superuser.
    await q.query(`
      DO $$ BEGIN
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          EXECUTE format('GRANT homework_app TO %I', current_user);
        END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO homework_app`);
    await q.query(`
      CREATE FUNCTION app_school_id() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.school_id', true), '')::uuid $$`);
    for (const table of TENANT_TABLES) {
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO homework_app`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (school_id = app_school_id()) WITH CHECK (school_id = app_school_id())`);
    }
    await q.query(`GRANT SELECT, UPDATE ON schools TO homework_app`);
    await q.query(`ALTER TABLE schools ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON schools USING (school_id = app_school_id()) WITH CHECK (school_id = app_school_id())`);
    await q.query(`
      CREATE FUNCTION school_id_for_code(school_code text) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp
      AS $$ SELECT school_id FROM schools WHERE code = school_code $$`);
    await q.query(`REVOKE ALL ON FUNCTION school_id_for_code(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION school_id_for_code(text) TO homework_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON login_attempts TO homework_app`);
    // Tables of later migrations are granted as they are created; their policies come with them.
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO homework_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM homework_app`);
    await q.query(`REVOKE ALL ON login_attempts FROM homework_app`);
    await q.query(`DROP FUNCTION school_id_for_code(text)`);
    for (const table of [...TENANT_TABLES, 'schools']) {
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await q.query(`REVOKE ALL ON ${table} FROM homework_app`);
    }
    await q.query(`DROP FUNCTION app_school_id()`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM homework_app`);
  }
}
