import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A wake-up time per grade (issue 19, item 7): the primary and junior sections of a nine-year
 * school get up at different times, and the bedtime targets count back from each grade's own.
 * `wake_up_times` maps a grade ("7") to its time ("06:20"); a grade not in it keeps the school's
 * `wake_up_time`.
 */
export class WakeUpTimePerGrade1765803000000 implements MigrationInterface {
  name = 'WakeUpTimePerGrade1765803000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE schools ADD COLUMN wake_up_times jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(wake_up_times) = 'object')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE schools DROP COLUMN wake_up_times`);
  }
}
