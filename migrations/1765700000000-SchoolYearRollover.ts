import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new school year (学年升级): the rollover opens a new class row for every class that moves up
 * a grade and archives last year's rows, so last year's assignments, record sheets and marks keep
 * pointing at last year's class with its old name and grade. Hence a grade and class number are
 * unique only among the classes not archived.
 *
 * `past_class_members` keeps who was in an archived class and until which day (the first day of
 * the next year), so last year's class lists, record sheets and a student's past days still read
 * the same after the students moved on. `school_year_rollovers` records each rollover once: a
 * second rollover into the same year is refused. A graduate's account is closed (`graduated_at`,
 * and deactivated so it cannot sign in); its history and its parents' links stay.
 */
export class SchoolYearRollover1765700000000 implements MigrationInterface {
  name = 'SchoolYearRollover1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE classes DROP CONSTRAINT classes_school_id_grade_class_no_key`);
    await q.query(`CREATE UNIQUE INDEX classes_current_grade_class_no_key ON classes (school_id, grade, class_no) WHERE archived_at IS NULL`);
    await q.query(`ALTER TABLE users ADD COLUMN graduated_at timestamptz`);
    await q.query(`
      CREATE TABLE past_class_members (
        school_id      uuid NOT NULL,
        class_id       uuid NOT NULL,
        student_id     uuid NOT NULL,
        academic_year  text NOT NULL CHECK (academic_year ~ '^[0-9]{4}-[0-9]{4}$'),
        until_day      date NOT NULL,
        PRIMARY KEY (school_id, class_id, student_id),
        FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id),
        FOREIGN KEY (school_id, student_id) REFERENCES users (school_id, id)
      )`);
    await q.query(`CREATE INDEX past_class_members_student_idx ON past_class_members (school_id, student_id, until_day)`);
    await q.query(`
      CREATE TABLE school_year_rollovers (
        school_id      uuid NOT NULL REFERENCES schools (school_id),
        academic_year  text NOT NULL CHECK (academic_year ~ '^[0-9]{4}-[0-9]{4}$'),
        rolled_at      timestamptz NOT NULL DEFAULT now(),
        rolled_by      uuid NOT NULL,
        PRIMARY KEY (school_id, academic_year),
        FOREIGN KEY (school_id, rolled_by) REFERENCES users (school_id, id)
      )`);
    for (const table of ['past_class_members', 'school_year_rollovers']) {
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO homework_app`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (school_id = app_school_id()) WITH CHECK (school_id = app_school_id())`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE school_year_rollovers`);
    await q.query(`DROP TABLE past_class_members`);
    await q.query(`ALTER TABLE users DROP COLUMN graduated_at`);
    await q.query(`DROP INDEX classes_current_grade_class_no_key`);
    await q.query(`ALTER TABLE classes ADD CONSTRAINT classes_school_id_grade_class_no_key UNIQUE (school_id, grade, class_no)`);
  }
}
