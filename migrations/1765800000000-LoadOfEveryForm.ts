import { MigrationInterface, QueryRunner } from 'typeorm';

const FORMS_BEFORE = `'written', 'oral', 'reading', 'practical', 'inquiry', 'fun', 'individual'`;
const FORMS_AFTER = `${FORMS_BEFORE}, 'labour', 'exercise'`;
const FORM_TABLES = ['bank_item_versions', 'weekly_list_entries'];

/**
 * The load of every form (issue 19, items 1 and 5).
 *
 * - A school's load policy for a grade and kind of day may cap the minutes of every form at
 *   home (`total_cap_minutes`, seed 004: 二年级家庭作业不超过30分钟), besides or instead of its
 *   written cap: `written_cap_minutes` may now be null (the national cap applies).
 * - Labour (家务劳动) and physical exercise (体育锻炼) become forms of homework (seed 000); like
 *   reading they count against the total-time cap, not the written one.
 * - The record sheet records the day's exercise and reading minutes.
 */
export class LoadOfEveryForm1765800000000 implements MigrationInterface {
  name = 'LoadOfEveryForm1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE load_policies ALTER COLUMN written_cap_minutes DROP NOT NULL`);
    await q.query(`ALTER TABLE load_policies ADD COLUMN total_cap_minutes smallint CHECK (total_cap_minutes BETWEEN 0 AND 300)`);
    await q.query(`ALTER TABLE load_policies ADD CONSTRAINT load_policies_some_cap CHECK (written_cap_minutes IS NOT NULL OR total_cap_minutes IS NOT NULL)`);
    for (const table of FORM_TABLES) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_form_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_form_check CHECK (form IN (${FORMS_AFTER}))`);
    }
    await q.query(`ALTER TABLE record_sheets ADD COLUMN exercise_minutes smallint CHECK (exercise_minutes BETWEEN 0 AND 600)`);
    await q.query(`ALTER TABLE record_sheets ADD COLUMN reading_minutes smallint CHECK (reading_minutes BETWEEN 0 AND 600)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE record_sheets DROP COLUMN reading_minutes`);
    await q.query(`ALTER TABLE record_sheets DROP COLUMN exercise_minutes`);
    for (const table of FORM_TABLES) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_form_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_form_check CHECK (form IN (${FORMS_BEFORE}))`);
    }
    await q.query(`DELETE FROM load_policies WHERE written_cap_minutes IS NULL`);
    await q.query(`ALTER TABLE load_policies DROP CONSTRAINT load_policies_some_cap`);
    await q.query(`ALTER TABLE load_policies DROP COLUMN total_cap_minutes`);
    await q.query(`ALTER TABLE load_policies ALTER COLUMN written_cap_minutes SET NOT NULL`);
  }
}
