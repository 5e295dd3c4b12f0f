import { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_TABLES = ['weekly_list_settings', 'weekly_list_events'];

/**
 * The weekly list's deadline, load check and review (issue 19, item 8; seed 004: the lesson-prep
 * group designs unit homework a week ahead and files the weekly list with the academic office,
 * which coordinates each class's daily total).
 *
 * - `weekly_list_settings`: when a school's lists for a week are due — a weekday of the week
 *   before (1 = Monday … 7 = Sunday) and a time of day, China Standard Time. No row: Thursday
 *   17:00 of the week before.
 * - A list filed after its deadline is accepted and marked late (`minutes_late`, measured at
 *   its first filing; `first_filed_at`), so that no class is left without a list and the office
 *   sees who was late.
 * - The academic office approves a filed list or returns it with a comment (`approved`,
 *   `returned`; who, when and the comment on the list); a returned list is edited and filed
 *   again. Every filing and review is kept in `weekly_list_events`.
 * - An entry is done at home (the default) or in school; only home entries count against the caps.
 */
export class WeeklyListReview1765830000000 implements MigrationInterface {
  name = 'WeeklyListReview1765830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE weekly_lists DROP CONSTRAINT weekly_lists_status_check`);
    await q.query(`ALTER TABLE weekly_lists ADD CONSTRAINT weekly_lists_status_check CHECK (status IN ('draft', 'filed', 'approved', 'returned'))`);
    await q.query(`ALTER TABLE weekly_lists ADD COLUMN first_filed_at timestamptz`);
    await q.query(`ALTER TABLE weekly_lists ADD COLUMN minutes_late integer NOT NULL DEFAULT 0 CHECK (minutes_late >= 0)`);
    await q.query(`ALTER TABLE weekly_lists ADD COLUMN reviewed_by uuid`);
    await q.query(`ALTER TABLE weekly_lists ADD COLUMN reviewed_at timestamptz`);
    await q.query(`ALTER TABLE weekly_lists ADD COLUMN review_comment text CHECK (length(review_comment) BETWEEN 1 AND 500)`);
    await q.query(`UPDATE weekly_lists SET first_filed_at = filed_at WHERE filed_at IS NOT NULL`);
    await q.query(`ALTER TABLE weekly_list_entries ADD COLUMN at_home boolean NOT NULL DEFAULT true`);
    await q.query(`
      CREATE TABLE weekly_list_settings (
        school_id    uuid NOT NULL REFERENCES schools (school_id),
        due_weekday  smallint NOT NULL CHECK (due_weekday BETWEEN 1 AND 7),
        due_time     time NOT NULL,
        revision     integer NOT NULL CHECK (revision >= 1),
        updated_by   uuid NOT NULL,
        updated_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id),
        FOREIGN KEY (school_id, updated_by) REFERENCES users (school_id, id)
      )`);
    await q.query(`
      CREATE TABLE weekly_list_events (
        school_id     uuid NOT NULL,
        id            uuid NOT NULL,
        list_id       uuid NOT NULL,
        action        text NOT NULL CHECK (action IN ('filed', 'approved', 'returned')),
        revision      integer NOT NULL,
        actor_id      uuid NOT NULL,
        at            timestamptz NOT NULL,
        comment       text CHECK (length(comment) BETWEEN 1 AND 500),
        minutes_late  integer NOT NULL DEFAULT 0 CHECK (minutes_late >= 0),
        PRIMARY KEY (school_id, id),
        FOREIGN KEY (school_id, list_id) REFERENCES weekly_lists (school_id, id) ON DELETE CASCADE,
        FOREIGN KEY (school_id, actor_id) REFERENCES users (school_id, id)
      )`);
    await q.query(`CREATE INDEX weekly_list_events_list_idx ON weekly_list_events (school_id, list_id, at)`);
    for (const table of NEW_TABLES) {
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO homework_app`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (school_id = app_school_id()) WITH CHECK (school_id = app_school_id())`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE weekly_list_events`);
    await q.query(`DROP TABLE weekly_list_settings`);
    await q.query(`ALTER TABLE weekly_list_entries DROP COLUMN at_home`);
    // A reviewed list goes back to what it was before review existed: filed, or a draft again.
    await q.query(`UPDATE weekly_lists SET status = 'filed' WHERE status = 'approved'`);
    await q.query(`UPDATE weekly_lists SET status = 'draft', filed_at = NULL, filed_by = NULL WHERE status = 'returned'`);
    await q.query(`ALTER TABLE weekly_lists DROP COLUMN review_comment`);
    await q.query(`ALTER TABLE weekly_lists DROP COLUMN reviewed_at`);
    await q.query(`ALTER TABLE weekly_lists DROP COLUMN reviewed_by`);
    await q.query(`ALTER TABLE weekly_lists DROP COLUMN minutes_late`);
    await q.query(`ALTER TABLE weekly_lists DROP COLUMN first_filed_at`);
    await q.query(`ALTER TABLE weekly_lists DROP CONSTRAINT weekly_lists_status_check`);
    await q.query(`ALTER TABLE weekly_lists ADD CONSTRAINT weekly_lists_status_check CHECK (status IN ('draft', 'filed'))`);
  }
}
