import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_RESOURCES = `'submission', 'record_sheet'`;
const RESOURCES = `'submission', 'record_sheet', 'tier_choice', 'assignment_overview', 'student_export'`;

/**
 * The access log names every kind of staff read of a child's data: besides work and record
 * sheets, tier choices (a student's day), class overviews by student, and exports. A record
 * sheet is named by its day (the student is in `student_id`), no longer by an id that embedded
 * the student's. Leftovers of students deleted before deletion removed everything — their
 * anonymised account, their access-log rows and client keys — are removed, as deletion now does.
 */
export class AccessLogResources1765152000000 implements MigrationInterface {
  name = 'AccessLogResources1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE access_log DROP CONSTRAINT access_log_resource_check`);
    await q.query(`ALTER TABLE access_log ADD CONSTRAINT access_log_resource_check CHECK (resource IN (${RESOURCES}))`);
    await forEachSchool(q, async () => {
      await q.query(`UPDATE access_log a SET resource_id = to_char(r.day, 'YYYY-MM-DD') FROM record_sheets r
                      WHERE a.resource = 'record_sheet' AND r.school_id = a.school_id AND r.id::text = a.resource_id`);
      await q.query(`UPDATE access_log SET resource_id = split_part(resource_id, ':', 2) WHERE resource = 'record_sheet' AND resource_id LIKE '%:%'`);
      await q.query(`DELETE FROM access_log a USING users u WHERE u.school_id = a.school_id AND u.id = a.student_id AND u.deleted_at IS NOT NULL`);
      await q.query(`DELETE FROM idempotency_keys k USING users u WHERE u.school_id = k.school_id AND u.id = k.user_id AND u.deleted_at IS NOT NULL`);
      await q.query(`DELETE FROM users WHERE deleted_at IS NOT NULL`);
    });
  }

  async down(q: QueryRunner): Promise<void> {
    // The older log had no name for these reads; their rows cannot be kept under its check.
    await forEachSchool(q, () => q.query(`DELETE FROM access_log WHERE resource NOT IN (${OLD_RESOURCES})`));
    await q.query(`ALTER TABLE access_log DROP CONSTRAINT access_log_resource_check`);
    await q.query(`ALTER TABLE access_log ADD CONSTRAINT access_log_resource_check CHECK (resource IN (${OLD_RESOURCES}))`);
  }
}

/**
 * Runs `work` once per school with that school set, as the service does: row-level security is
 * forced on the tenant tables, so an owner that is not a superuser sees only the school set.
 */
async function forEachSchool(q: QueryRunner, work: () => Promise<unknown>): Promise<void> {
  const schools: { school_id: string }[] = await q.query(`SELECT school_id FROM schools`);
  for (const { school_id: schoolId } of schools) {
    await q.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
    await work();
  }
  await q.query(`SELECT set_config('app.school_id', '', true)`);
}
