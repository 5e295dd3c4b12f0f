import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['subject_budget_plans', 'subject_budgets', 'subject_budget_releases'];

/**
 * Each subject's share of a class's day (issue 19, item 2; seed 003: 加强学科组、年级组作业统筹).
 *
 * - `subject_budget_plans`: a class's plan of daily budgets, one row per class, carrying the
 *   revision the head teacher's page saves against.
 * - `subject_budgets`: the written minutes a subject may publish for the class on a weekday
 *   (1 = Monday … 7 = Sunday) of school days.
 * - `subject_budget_releases`: minutes a subject gives to another on one date (the head teacher's
 *   release of unused minutes).
 */
export class SubjectBudgets1765820000000 implements MigrationInterface {
  name = 'SubjectBudgets1765820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subject_budget_plans (
        school_id   uuid NOT NULL,
        class_id    uuid NOT NULL,
        revision    integer NOT NULL CHECK (revision >= 1),
        updated_by  uuid NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, class_id),
        FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id),
        FOREIGN KEY (school_id, updated_by) REFERENCES users (school_id, id)
      )`);
    await q.query(`
      CREATE TABLE subject_budgets (
        school_id   uuid NOT NULL,
        class_id    uuid NOT NULL,
        weekday     smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        subject_id  uuid NOT NULL,
        minutes     smallint NOT NULL CHECK (minutes BETWEEN 0 AND 90),
        PRIMARY KEY (school_id, class_id, weekday, subject_id),
        FOREIGN KEY (school_id, class_id) REFERENCES subject_budget_plans (school_id, class_id) ON DELETE CASCADE,
        FOREIGN KEY (school_id, subject_id) REFERENCES subjects (school_id, id)
      )`);
    await q.query(`
      CREATE TABLE subject_budget_releases (
        school_id        uuid NOT NULL,
        id               uuid NOT NULL,
        class_id         uuid NOT NULL,
        day              date NOT NULL,
        from_subject_id  uuid NOT NULL,
        to_subject_id    uuid NOT NULL,
        minutes          smallint NOT NULL CHECK (minutes BETWEEN 1 AND 90),
        released_by      uuid NOT NULL,
        released_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, id),
        CHECK (from_subject_id <> to_subject_id),
        FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id),
        FOREIGN KEY (school_id, from_subject_id) REFERENCES subjects (school_id, id),
        FOREIGN KEY (school_id, to_subject_id) REFERENCES subjects (school_id, id),
        FOREIGN KEY (school_id, released_by) REFERENCES users (school_id, id)
      )`);
    await q.query(`CREATE INDEX subject_budget_releases_day_idx ON subject_budget_releases (school_id, class_id, day)`);
    for (const table of TABLES) {
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO homework_app`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (school_id = app_school_id()) WITH CHECK (school_id = app_school_id())`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
  }
}
