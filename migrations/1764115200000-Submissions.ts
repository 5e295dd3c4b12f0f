import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Students' submissions with every version (original and corrections), the teachers' marks
 * (tier × quality) with their comments, and classmates' peer comments (advice, never a mark).
 */
export class Submissions1764115200000 implements MigrationInterface {
  name = 'Submissions1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE schools ADD COLUMN head_teacher_may_mark boolean NOT NULL DEFAULT false`);
    // Compositions (作文) may be marked within a week instead of the next school day.
    await q.query(`ALTER TABLE bank_item_versions ADD COLUMN composition boolean NOT NULL DEFAULT false`);

    await q.query(`
      CREATE TABLE submissions (
        school_id        uuid NOT NULL,
        id               uuid NOT NULL,
        assignment_id    uuid NOT NULL,
        student_id       uuid NOT NULL,
        choice           text NOT NULL,
        status           text NOT NULL CHECK (status IN ('awaiting_mark', 'marked', 'correction_requested')),
        late             boolean NOT NULL,
        version_no       integer NOT NULL DEFAULT 1,
        revision         integer NOT NULL DEFAULT 1,
        submitted_at     timestamptz NOT NULL,
        last_submitted_at timestamptz NOT NULL,
        PRIMARY KEY (school_id, id),
        UNIQUE (school_id, assignment_id, student_id),
        FOREIGN KEY (school_id, assignment_id) REFERENCES assignments (school_id, id),
        FOREIGN KEY (school_id, student_id) REFERENCES users (school_id, id)
      )`);
    await q.query(`CREATE INDEX submissions_queue_idx ON submissions (school_id, status, last_submitted_at)`);
    await q.query(`CREATE INDEX submissions_student_idx ON submissions (school_id, student_id)`);

    await q.query(`
      CREATE TABLE submission_versions (
        school_id       uuid NOT NULL,
        submission_id   uuid NOT NULL,
        version_no      integer NOT NULL,
        student_id      uuid NOT NULL,
        client_key      text NOT NULL CHECK (length(client_key) BETWEEN 8 AND 100),
        fingerprint     text NOT NULL,
        answer          text NOT NULL,
        attachments     jsonb NOT NULL DEFAULT '[]',
        actual_minutes  smallint NOT NULL CHECK (actual_minutes BETWEEN 0 AND 600),
        submitted_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, submission_id, version_no),
        UNIQUE (school_id, student_id, client_key),
        FOREIGN KEY (school_id, submission_id) REFERENCES submissions (school_id, id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE marks (
        school_id            uuid NOT NULL,
        id                   uuid NOT NULL,
        submission_id        uuid NOT NULL,
        version_no           integer NOT NULL,
        marked_by            uuid NOT NULL,
        level                text NOT NULL,
        quality              text NOT NULL CHECK (quality IN ('plus', 'plain', 'minus')),
        comment              text NOT NULL CHECK (length(comment) BETWEEN 5 AND 1000),
        face_to_face         boolean NOT NULL DEFAULT false,
        correction_requested boolean NOT NULL DEFAULT false,
        marked_at            timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, id),
        FOREIGN KEY (school_id, submission_id, version_no) REFERENCES submission_versions (school_id, submission_id, version_no) ON DELETE CASCADE,
        FOREIGN KEY (school_id, marked_by) REFERENCES users (school_id, id)
      )`);
    await q.query(`CREATE INDEX marks_submission_idx ON marks (school_id, submission_id)`);

    await q.query(`
      CREATE TABLE peer_comments (
        school_id      uuid NOT NULL,
        id             uuid NOT NULL,
        submission_id  uuid NOT NULL,
        author_id      uuid NOT NULL,
        comment        text NOT NULL CHECK (length(comment) BETWEEN 2 AND 500),
        created_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, id),
        FOREIGN KEY (school_id, submission_id) REFERENCES submissions (school_id, id) ON DELETE CASCADE,
        FOREIGN KEY (school_id, author_id) REFERENCES users (school_id, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE peer_comments`);
    await q.query(`DROP TABLE marks`);
    await q.query(`DROP TABLE submission_versions`);
    await q.query(`DROP TABLE submissions`);
    await q.query(`ALTER TABLE bank_item_versions DROP COLUMN composition`);
    await q.query(`ALTER TABLE schools DROP COLUMN head_teacher_may_mark`);
  }
}
