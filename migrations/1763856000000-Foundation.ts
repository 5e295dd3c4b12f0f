import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schools and their structure: terms, subjects, classes, people with roles, teaching
 * assignments, research groups and parent–child links.
 *
 * Every table carries school_id, and keys and foreign keys lead with it, so rows of one
 * school stay together when the database is later sharded by school.
 */
export class Foundation1763856000000 implements MigrationInterface {
  name = 'Foundation1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE schools (
        school_id   uuid PRIMARY KEY,
        code        text NOT NULL,
        name        text NOT NULL,
        stage       text NOT NULL CHECK (stage IN ('primary', 'junior', 'nine_year')),
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT schools_code_format CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$')
      )`);
    await q.query(`CREATE UNIQUE INDEX schools_code_key ON schools (code)`);

    await q.query(`
      CREATE TABLE terms (
        school_id      uuid NOT NULL REFERENCES schools (school_id),
        id             uuid NOT NULL,
        name           text NOT NULL,
        academic_year  text NOT NULL CHECK (academic_year ~ '^[0-9]{4}-[0-9]{4}$'),
        term_no        smallint NOT NULL CHECK (term_no IN (1, 2)),
        starts_on      date NOT NULL,
        ends_on        date NOT NULL,
        PRIMARY KEY (school_id, id),
        UNIQUE (school_id, academic_year, term_no),
        CHECK (ends_on > starts_on)
      )`);

    await q.query(`
      CREATE TABLE subjects (
        school_id   uuid NOT NULL REFERENCES schools (school_id),
        id          uuid NOT NULL,
        code        text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        name        text NOT NULL,
        sort_order  smallint NOT NULL DEFAULT 0,
        PRIMARY KEY (school_id, id),
        UNIQUE (school_id, code),
        UNIQUE (school_id, name)
      )`);

    await q.query(`
      CREATE TABLE users (
        school_id      uuid NOT NULL REFERENCES schools (school_id),
        id             uuid NOT NULL,
        username       text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
        display_name   text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 64),
        password_hash  text NOT NULL,
        token_version  integer NOT NULL DEFAULT 0,
        class_id       uuid,
        student_no     text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, id),
        UNIQUE (school_id, username)
      )`);

    await q.query(`
      CREATE TABLE classes (
        school_id        uuid NOT NULL REFERENCES schools (school_id),
        id               uuid NOT NULL,
        grade            smallint NOT NULL CHECK (grade BETWEEN 1 AND 9),
        class_no         smallint NOT NULL CHECK (class_no BETWEEN 1 AND 99),
        name             text NOT NULL,
        head_teacher_id  uuid,
        PRIMARY KEY (school_id, id),
        UNIQUE (school_id, grade, class_no),
        FOREIGN KEY (school_id, head_teacher_id) REFERENCES users (school_id, id)
      )`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_class_fk
        FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id)`);
    await q.query(`CREATE INDEX users_class_idx ON users (school_id, class_id) WHERE class_id IS NOT NULL`);
    await q.query(`CREATE INDEX classes_head_teacher_idx ON classes (school_id, head_teacher_id)`);

    await q.query(`
      CREATE TABLE user_roles (
        school_id  uuid NOT NULL,
        user_id    uuid NOT NULL,
        role       text NOT NULL CHECK (role IN
                     ('academic_office', 'research_lead', 'teacher', 'head_teacher', 'student', 'parent')),
        PRIMARY KEY (school_id, user_id, role),
        FOREIGN KEY (school_id, user_id) REFERENCES users (school_id, id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE teaching_assignments (
        school_id   uuid NOT NULL,
        id          uuid NOT NULL,
        teacher_id  uuid NOT NULL,
        class_id    uuid NOT NULL,
        subject_id  uuid NOT NULL,
        PRIMARY KEY (school_id, id),
        UNIQUE (school_id, class_id, subject_id, teacher_id),
        FOREIGN KEY (school_id, teacher_id) REFERENCES users (school_id, id),
        FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id),
        FOREIGN KEY (school_id, subject_id) REFERENCES subjects (school_id, id)
      )`);
    await q.query(`CREATE INDEX teaching_assignments_teacher_idx ON teaching_assignments (school_id, teacher_id)`);

    await q.query(`
      CREATE TABLE research_groups (
        school_id   uuid NOT NULL,
        id          uuid NOT NULL,
        subject_id  uuid NOT NULL,
        grade       smallint NOT NULL CHECK (grade BETWEEN 1 AND 9),
        name        text NOT NULL,
        lead_id     uuid NOT NULL,
        PRIMARY KEY (school_id, id),
        UNIQUE (school_id, subject_id, grade),
        FOREIGN KEY (school_id, subject_id) REFERENCES subjects (school_id, id),
        FOREIGN KEY (school_id, lead_id) REFERENCES users (school_id, id)
      )`);

    await q.query(`
      CREATE TABLE research_group_members (
        school_id  uuid NOT NULL,
        group_id   uuid NOT NULL,
        user_id    uuid NOT NULL,
        PRIMARY KEY (school_id, group_id, user_id),
        FOREIGN KEY (school_id, group_id) REFERENCES research_groups (school_id, id) ON DELETE CASCADE,
        FOREIGN KEY (school_id, user_id) REFERENCES users (school_id, id)
      )`);
    await q.query(`CREATE INDEX research_group_members_user_idx ON research_group_members (school_id, user_id)`);

    await q.query(`
      CREATE TABLE parent_links (
        school_id   uuid NOT NULL,
        parent_id   uuid NOT NULL,
        student_id  uuid NOT NULL,
        relation    text NOT NULL CHECK (relation IN ('father', 'mother', 'guardian')),
        PRIMARY KEY (school_id, parent_id, student_id),
        FOREIGN KEY (school_id, parent_id) REFERENCES users (school_id, id) ON DELETE CASCADE,
        FOREIGN KEY (school_id, student_id) REFERENCES users (school_id, id) ON DELETE CASCADE,
        CHECK (parent_id <> student_id)
      )`);
    await q.query(`CREATE INDEX parent_links_student_idx ON parent_links (school_id, student_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE parent_links`);
    await q.query(`DROP TABLE research_group_members`);
    await q.query(`DROP TABLE research_groups`);
    await q.query(`DROP TABLE teaching_assignments`);
    await q.query(`DROP TABLE user_roles`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_class_fk`);
    await q.query(`DROP TABLE classes`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE subjects`);
    await q.query(`DROP TABLE terms`);
    await q.query(`DROP TABLE schools`);
  }
}
