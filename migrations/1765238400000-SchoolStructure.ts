import { MigrationInterface, QueryRunner } from 'typeorm';

const REVISIONED = ['terms', 'subjects', 'classes', 'users', 'research_groups'];

/**
 * The academic office builds the school's structure through the API: terms, subjects,
 * classes, research groups and users carry a revision so an edit based on a stale read is
 * refused; a teacher who leaves is deactivated (can no longer sign in) rather than deleted,
 * so their items and marks keep their author; a 学籍号 is unique within its school.
 */
export class SchoolStructure1765238400000 implements MigrationInterface {
  name = 'SchoolStructure1765238400000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of REVISIONED) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1)`);
    }
    await q.query(`ALTER TABLE users ADD COLUMN deactivated_at timestamptz`);
    await q.query(`CREATE UNIQUE INDEX users_student_no_key ON users (school_id, student_no) WHERE student_no IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX users_student_no_key`);
    await q.query(`ALTER TABLE users DROP COLUMN deactivated_at`);
    for (const table of REVISIONED) await q.query(`ALTER TABLE ${table} DROP COLUMN revision`);
  }
}
