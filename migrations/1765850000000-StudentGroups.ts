import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['student_groups', 'student_group_members', 'tier_suggestions'];

/**
 * Homework for a group, not the whole class (issue 19, item 4; seed 000: 鼓励布置分层、弹性、个性化作业).
 *
 * - `student_groups`: named groups of a class's students kept by a teacher of the class and
 *   subject (e.g. 需要巩固的同学), with the revision the editor saves against.
 * - `student_group_members`: the students of a group.
 * - `assignments.group_id`: an assignment addressed to one group (null: the whole class).
 * - `tier_suggestions`: a teacher's suggested choice for a student on an assignment; the student
 *   still chooses any offered choice (student_choices), and both are kept.
 *
 * Memberships and suggestions go with a student's account (ON DELETE CASCADE), like roles and parent links.
 */
export class StudentGroups1765850000000 implements MigrationInterface {
  name = 'StudentGroups1765850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE student_groups (
        school_id   uuid NOT NULL,
        id          uuid NOT NULL,
        class_id    uuid NOT NULL,
        subject_id  uuid NOT NULL,
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        revision    integer NOT NULL CHECK (revision >= 1),
        created_by  uuid NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, id),
        UNIQUE (school_id, class_id, subject_id, name),
        FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id),
        FOREIGN KEY (school_id, subject_id) REFERENCES subjects (school_id, id),
        FOREIGN KEY (school_id, created_by) REFERENCES users (school_id, id)
      )`);
    await q.query(`
      CREATE TABLE student_group_members (
        school_id   uuid NOT NULL,
        group_id    uuid NOT NULL,
        student_id  uuid NOT NULL,
        PRIMARY KEY (school_id, group_id, student_id),
        FOREIGN KEY (school_id, group_id) REFERENCES student_groups (school_id, id) ON DELETE CASCADE,
        -- Deleting a student's data (studentDataDelete) takes their memberships with the account.
        FOREIGN KEY (school_id, student_id) REFERENCES users (school_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX student_group_members_student_idx ON student_group_members (school_id, student_id)`);
    await q.query(`ALTER TABLE assignments ADD COLUMN group_id uuid`);
    await q.query(`ALTER TABLE assignments ADD CONSTRAINT assignments_group_fk FOREIGN KEY (school_id, group_id) REFERENCES student_groups (school_id, id)`);
    await q.query(`
      CREATE TABLE tier_suggestions (
        school_id      uuid NOT NULL,
        assignment_id  uuid NOT NULL,
        student_id     uuid NOT NULL,
        choice         text NOT NULL,
        suggested_by   uuid NOT NULL,
        suggested_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, assignment_id, student_id),
        FOREIGN KEY (school_id, assignment_id) REFERENCES assignments (school_id, id) ON DELETE CASCADE,
        FOREIGN KEY (school_id, student_id) REFERENCES users (school_id, id) ON DELETE CASCADE,
        FOREIGN KEY (school_id, suggested_by) REFERENCES users (school_id, id)
      )`);
    for (const table of TABLES) {
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO homework_app`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (school_id = app_school_id()) WITH CHECK (school_id = app_school_id())`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tier_suggestions`);
    await q.query(`ALTER TABLE assignments DROP CONSTRAINT assignments_group_fk`);
    await q.query(`ALTER TABLE assignments DROP COLUMN group_id`);
    await q.query(`DROP TABLE student_group_members`);
    await q.query(`DROP TABLE student_groups`);
  }
}
