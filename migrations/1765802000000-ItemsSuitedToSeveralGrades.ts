import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An item belongs to its unit's grade; its research group may mark it as suited to other grades
 * too (issue 19, item 7). An item is assigned only to a class of a grade it suits.
 */
export class ItemsSuitedToSeveralGrades1765802000000 implements MigrationInterface {
  name = 'ItemsSuitedToSeveralGrades1765802000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bank_items ADD COLUMN also_suited_grades smallint[] NOT NULL DEFAULT '{}'
      CHECK (also_suited_grades <@ ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9]::smallint[] AND NOT (grade = ANY (also_suited_grades)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bank_items DROP COLUMN also_suited_grades`);
  }
}
