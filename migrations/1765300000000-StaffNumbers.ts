import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A teacher's 工号 (staff number), the key a school's roster names teachers by: unique within
 * the school, null for everyone without one (students, parents, accounts opened by hand).
 */
export class StaffNumbers1765300000000 implements MigrationInterface {
  name = 'StaffNumbers1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN staff_no text`);
    await q.query(`CREATE UNIQUE INDEX users_staff_no_key ON users (school_id, staff_no) WHERE staff_no IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX users_staff_no_key`);
    await q.query(`ALTER TABLE users DROP COLUMN staff_no`);
  }
}
