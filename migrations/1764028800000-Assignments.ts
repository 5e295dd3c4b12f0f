import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily tiered assignments and the load policy that caps them: school load policies per
 * grade and kind of day, the school calendar, assignments with their options (A/B packages or
 * the three parts of "三三三") and pinned item versions, and students' choices.
 */
export class Assignments1764028800000 implements MigrationInterface {
  name = 'Assignments1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE load_policies (
        school_id             uuid NOT NULL REFERENCES schools (school_id),
        grade                 smallint NOT NULL CHECK (grade BETWEEN 1 AND 9),
        day_kind              text NOT NULL CHECK (day_kind IN ('school_day', 'weekend', 'holiday')),
        written_cap_minutes   smallint NOT NULL CHECK (written_cap_minutes BETWEEN 0 AND 90),
        revision              integer NOT NULL DEFAULT 1,
        updated_by            uuid NOT NULL,
        updated_at            timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, grade, day_kind)
      )`);

    await q.query(`
      CREATE TABLE calendar_days (
        school_id  uuid NOT NULL REFERENCES schools (school_id),
        day        date NOT NULL,
        kind       text NOT NULL CHECK (kind IN ('holiday', 'school_day')),
        name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        PRIMARY KEY (school_id, day)
      )`);

    await q.query(`
      CREATE TABLE assignments (
        school_id     uuid NOT NULL,
        id            uuid NOT NULL,
        class_id      uuid NOT NULL,
        subject_id    uuid NOT NULL,
        teacher_id    uuid NOT NULL,
        day           date NOT NULL,
        shape         text NOT NULL CHECK (shape IN ('packages', 'three_part')),
        title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
        status        text NOT NULL CHECK (status IN ('draft', 'published')),
        revision      integer NOT NULL DEFAULT 1,
        published_at  timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, id),
        UNIQUE (school_id, class_id, day, subject_id),
        FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id),
        FOREIGN KEY (school_id, subject_id) REFERENCES subjects (school_id, id),
        FOREIGN KEY (school_id, teacher_id) REFERENCES users (school_id, id)
      )`);
    await q.query(`CREATE INDEX assignments_teacher_idx ON assignments (school_id, teacher_id, day)`);

    await q.query(`
      CREATE TABLE assignment_options (
        school_id      uuid NOT NULL,
        assignment_id  uuid NOT NULL,
        key            text NOT NULL CHECK (key ~ '^[A-Z0-9]{1,3}$'),
        name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        sort_order     smallint NOT NULL,
        PRIMARY KEY (school_id, assignment_id, key),
        FOREIGN KEY (school_id, assignment_id) REFERENCES assignments (school_id, id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE assignment_items (
        school_id      uuid NOT NULL,
        assignment_id  uuid NOT NULL,
        option_key     text NOT NULL,
        item_id        uuid NOT NULL,
        version_no     integer NOT NULL,
        at_home        boolean NOT NULL,
        sort_order     smallint NOT NULL,
        PRIMARY KEY (school_id, assignment_id, option_key, item_id),
        FOREIGN KEY (school_id, assignment_id, option_key) REFERENCES assignment_options (school_id, assignment_id, key) ON DELETE CASCADE,
        FOREIGN KEY (school_id, item_id, version_no) REFERENCES bank_item_versions (school_id, item_id, version_no)
      )`);

    await q.query(`
      CREATE TABLE student_choices (
        school_id      uuid NOT NULL,
        assignment_id  uuid NOT NULL,
        student_id     uuid NOT NULL,
        choice         text NOT NULL,
        chosen_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, assignment_id, student_id),
        FOREIGN KEY (school_id, assignment_id) REFERENCES assignments (school_id, id) ON DELETE CASCADE,
        FOREIGN KEY (school_id, student_id) REFERENCES users (school_id, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE student_choices`);
    await q.query(`DROP TABLE assignment_items`);
    await q.query(`DROP TABLE assignment_options`);
    await q.query(`DROP TABLE assignments`);
    await q.query(`DROP TABLE calendar_days`);
    await q.query(`DROP TABLE load_policies`);
  }
}
