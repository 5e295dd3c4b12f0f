import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishing at the right time (issue 19, item 6; seed 004: 在下课之前完成作业布置). A school may
 * set the latest time of day homework for that same school day may be published
 * (`latest_publish_time`, China Standard Time; null: no limit), and whether homework may be
 * published for a day already past (never, by default).
 */
export class PublishingTime1765801000000 implements MigrationInterface {
  name = 'PublishingTime1765801000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE schools ADD COLUMN latest_publish_time time`);
    await q.query(`ALTER TABLE schools ADD COLUMN past_day_publishing boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE schools DROP COLUMN past_day_publishing`);
    await q.query(`ALTER TABLE schools DROP COLUMN latest_publish_time`);
  }
}
