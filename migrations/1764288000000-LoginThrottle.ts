import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins counted per account and per client address, so guessing is throttled on every
 * replica alike. `school_id` is null for attempts against an unknown school.
 */
export class LoginThrottle1764288000000 implements MigrationInterface {
  name = 'LoginThrottle1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_attempts (
        key                text PRIMARY KEY,
        school_id          uuid,
        failures           integer NOT NULL,
        window_started_at  timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempts`);
  }
}
