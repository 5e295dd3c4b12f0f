import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts opened from a roster have no password until the academic office prints their
 * account slip (which issues an initial password); the first sign-in with an issued password
 * must change it. A graduated or dissolved class is archived, never deleted, so last year's
 * work stays readable under it.
 */
export class AccountIssuance1765290000000 implements MigrationInterface {
  name = 'AccountIssuance1765290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE classes ADD COLUMN archived_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE classes DROP COLUMN archived_at`);
    await q.query(`ALTER TABLE users DROP COLUMN must_change_password`);
    await q.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
