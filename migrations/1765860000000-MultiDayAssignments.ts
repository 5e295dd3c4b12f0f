import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Homework that spans days (issue 19, item 3; seed 004: 周末、节假日作业, 快乐暑假).
 *
 * - `assignments.due_day`: the last day of the homework; the first is `day`. One-day homework
 *   (all of it before this change) has `due_day = day`. At most 62 days, both counted.
 * - `assignments.day_shares`: how its minutes are spread over its days, one relative share per
 *   day (0: a day without work); null: evenly.
 * - A class keeps one one-day assignment per subject and day (a partial unique index in place of
 *   the table's constraint); homework over several days may run alongside the daily homework.
 * - The overlap reads (`day <= to AND due_day >= from`) use an index on the class and the first day.
 */
export class MultiDayAssignments1765860000000 implements MigrationInterface {
  name = 'MultiDayAssignments1765860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assignments ADD COLUMN due_day date`);
    await q.query(`UPDATE assignments SET due_day = day`);
    await q.query(`ALTER TABLE assignments ALTER COLUMN due_day SET NOT NULL`);
    await q.query(`ALTER TABLE assignments ADD COLUMN day_shares smallint[]`);
    await q.query(`ALTER TABLE assignments ADD CONSTRAINT assignments_span_check CHECK (due_day >= day AND due_day - day < 62)`);
    await q.query(`ALTER TABLE assignments ADD CONSTRAINT assignments_day_shares_check
      CHECK (day_shares IS NULL OR cardinality(day_shares) = due_day - day + 1)`);
    await q.query(`ALTER TABLE assignments DROP CONSTRAINT assignments_school_id_class_id_day_subject_id_key`);
    await q.query(`CREATE UNIQUE INDEX assignments_one_day_subject_key ON assignments (school_id, class_id, day, subject_id) WHERE due_day = day`);
    await q.query(`CREATE INDEX assignments_class_day_idx ON assignments (school_id, class_id, day)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM assignments WHERE due_day <> day`);
    if (n > 0) throw new Error(`${n} assignments span several days; one-day assignments cannot hold them: remove them first`);
    await q.query(`DROP INDEX assignments_class_day_idx`);
    await q.query(`DROP INDEX assignments_one_day_subject_key`);
    await q.query(`ALTER TABLE assignments ADD CONSTRAINT assignments_school_id_class_id_day_subject_id_key UNIQUE (school_id, class_id, day, subject_id)`);
    await q.query(`ALTER TABLE assignments DROP CONSTRAINT assignments_day_shares_check`);
    await q.query(`ALTER TABLE assignments DROP CONSTRAINT assignments_span_check`);
    await q.query(`ALTER TABLE assignments DROP COLUMN day_shares`);
    await q.query(`ALTER TABLE assignments DROP COLUMN due_day`);
  }
}
