import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['attachment_blobs', 'attachments', 'attachment_annotations'];
const OLD_RESOURCES = `'submission', 'record_sheet', 'tier_choice', 'assignment_overview', 'student_export'`;
const RESOURCES = `${OLD_RESOURCES}, 'attachment'`;

/**
 * Uploaded photos, recordings and PDFs (src/modules/attachment). `attachment_blobs` is what the
 * store holds: one row per content (sha-256 of the bytes kept, within a school), so the same
 * file uploaded twice is stored once; `attachments` is one upload, owned by its uploader, and
 * once used, by one submission version or one bank item; `attachment_annotations` is the
 * teacher's pen layer over a photo (vector strokes, the photo itself never changes).
 * Staff reads of a file are logged as `attachment` in the access log.
 */
export class Attachments1765500000000 implements MigrationInterface {
  name = 'Attachments1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachment_blobs (
        school_id   uuid NOT NULL REFERENCES schools (school_id),
        sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes  bigint NOT NULL CHECK (size_bytes > 0),
        mime_type   text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, sha256)
      )`);
    await q.query(`
      CREATE TABLE attachments (
        school_id      uuid NOT NULL,
        id             uuid NOT NULL,
        owner_id       uuid NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('image', 'audio', 'pdf')),
        mime_type      text NOT NULL,
        name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        size_bytes     bigint NOT NULL CHECK (size_bytes > 0),
        sha256         text NOT NULL,
        thumb_sha256   text,
        width          integer,
        height         integer,
        submission_id  uuid,
        version_no     integer,
        bank_item_id   uuid,
        created_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, id),
        FOREIGN KEY (school_id, owner_id) REFERENCES users (school_id, id),
        FOREIGN KEY (school_id, sha256) REFERENCES attachment_blobs (school_id, sha256),
        FOREIGN KEY (school_id, thumb_sha256) REFERENCES attachment_blobs (school_id, sha256),
        FOREIGN KEY (school_id, submission_id, version_no) REFERENCES submission_versions (school_id, submission_id, version_no),
        FOREIGN KEY (school_id, bank_item_id) REFERENCES bank_items (school_id, id),
        CHECK ((submission_id IS NULL) = (version_no IS NULL)),
        CHECK (submission_id IS NULL OR bank_item_id IS NULL)
      )`);
    await q.query(`CREATE INDEX attachments_version_idx ON attachments (school_id, submission_id, version_no) WHERE submission_id IS NOT NULL`);
    await q.query(`CREATE INDEX attachments_item_idx ON attachments (school_id, bank_item_id) WHERE bank_item_id IS NOT NULL`);
    await q.query(`CREATE INDEX attachments_owner_idx ON attachments (school_id, owner_id)`);
    await q.query(`CREATE INDEX attachments_blob_idx ON attachments (school_id, sha256)`);
    await q.query(`CREATE INDEX attachments_thumb_idx ON attachments (school_id, thumb_sha256) WHERE thumb_sha256 IS NOT NULL`);
    await q.query(`
      CREATE TABLE attachment_annotations (
        school_id      uuid NOT NULL,
        attachment_id  uuid NOT NULL,
        strokes        jsonb NOT NULL,
        author_id      uuid NOT NULL,
        revision       integer NOT NULL CHECK (revision >= 1),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, attachment_id),
        FOREIGN KEY (school_id, attachment_id) REFERENCES attachments (school_id, id) ON DELETE CASCADE,
        FOREIGN KEY (school_id, author_id) REFERENCES users (school_id, id)
      )`);
    for (const table of TABLES) {
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO homework_app`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (school_id = app_school_id()) WITH CHECK (school_id = app_school_id())`);
    }
    await q.query(`ALTER TABLE access_log DROP CONSTRAINT access_log_resource_check`);
    await q.query(`ALTER TABLE access_log ADD CONSTRAINT access_log_resource_check CHECK (resource IN (${RESOURCES}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The older log had no name for reads of files; their rows cannot be kept under its check.
    const schools: { school_id: string }[] = await q.query(`SELECT school_id FROM schools`);
    for (const { school_id: schoolId } of schools) {
      await q.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
      await q.query(`DELETE FROM access_log WHERE resource = 'attachment'`);
    }
    await q.query(`SELECT set_config('app.school_id', '', true)`);
    await q.query(`ALTER TABLE access_log DROP CONSTRAINT access_log_resource_check`);
    await q.query(`ALTER TABLE access_log ADD CONSTRAINT access_log_resource_check CHECK (resource IN (${OLD_RESOURCES}))`);
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
  }
}
