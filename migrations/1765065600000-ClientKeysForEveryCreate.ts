import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One store of client keys for every create mutation. Submissions kept theirs on
 * submission_versions, checked apart from idempotency_keys; they move there and leave the
 * versions. A create now claims its key before it writes — the key's row first, its result
 * filled in by the same transaction — so `result_id` is empty inside that transaction only.
 *
 * The submissions' fingerprints hash the same input as the service does now, so a retry of a
 * hand-in made before this migration still gets its first answer. Keys of the other creates
 * from before hashed their GraphQL input with the operation name: a retry of one of those is
 * refused as IDEMPOTENCY_KEY_REUSED, never applied twice.
 */
export class ClientKeysForEveryCreate1765065600000 implements MigrationInterface {
  name = 'ClientKeysForEveryCreate1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ALTER COLUMN result_id DROP NOT NULL`);
    await forEachSchool(q, () => q.query(`
      INSERT INTO idempotency_keys (school_id, user_id, client_key, operation, fingerprint, result_id, created_at)
      SELECT school_id, student_id, client_key, CASE WHEN version_no = 1 THEN 'submissionCreate' ELSE 'submissionCorrect' END,
             fingerprint, submission_id, submitted_at
        FROM submission_versions
      ON CONFLICT DO NOTHING`));
    await q.query(`ALTER TABLE submission_versions DROP COLUMN client_key, DROP COLUMN fingerprint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE submission_versions ADD COLUMN client_key text, ADD COLUMN fingerprint text`);
    await forEachSchool(q, async () => {
      // A submission's corrections share its id as their result: the n-th correction key is version n + 1's.
      await q.query(`
        UPDATE submission_versions v SET client_key = k.client_key, fingerprint = k.fingerprint
          FROM (SELECT school_id, user_id, client_key, fingerprint, result_id,
                       CASE WHEN operation = 'submissionCreate' THEN 1
                            ELSE 1 + row_number() OVER (PARTITION BY school_id, result_id, operation ORDER BY created_at, client_key) END AS version_no
                  FROM idempotency_keys WHERE operation IN ('submissionCreate', 'submissionCorrect')) k
         WHERE k.school_id = v.school_id AND k.user_id = v.student_id AND k.result_id = v.submission_id AND k.version_no = v.version_no`);
      // Versions that never had a key here (seeded, imported) get one no request sends; the fingerprint matches nothing.
      await q.query(`UPDATE submission_versions SET client_key = 'restored-' || submission_id || '-' || version_no, fingerprint = ''
                      WHERE client_key IS NULL`);
      await q.query(`DELETE FROM idempotency_keys WHERE operation IN ('submissionCreate', 'submissionCorrect') OR result_id IS NULL`);
    });
    await q.query(`ALTER TABLE submission_versions ALTER COLUMN client_key SET NOT NULL, ALTER COLUMN fingerprint SET NOT NULL,
      ADD CONSTRAINT submission_versions_client_key_check CHECK (length(client_key) BETWEEN 8 AND 100),
      ADD CONSTRAINT submission_versions_school_id_student_id_client_key_key UNIQUE (school_id, student_id, client_key)`);
    await q.query(`ALTER TABLE idempotency_keys ALTER COLUMN result_id SET NOT NULL`);
  }
}

/**
 * Runs `work` once per school with that school set, as the service does: row-level security is
 * forced on the tenant tables, so an owner that is not a superuser sees only the school set.
 */
async function forEachSchool(q: QueryRunner, work: () => Promise<unknown>): Promise<void> {
  const schools: { school_id: string }[] = await q.query(`SELECT school_id FROM schools`);
  for (const { school_id: schoolId } of schools) {
    await q.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
    await work();
  }
  await q.query(`SELECT set_config('app.school_id', '', true)`);
}
