import { MigrationInterface, QueryRunner } from 'typeorm';

/** Client keys of create mutations, so a retried request returns what the first one created. */
export class IdempotencyKeys1764460800000 implements MigrationInterface {
  name = 'IdempotencyKeys1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        school_id    uuid NOT NULL,
        user_id      uuid NOT NULL,
        client_key   text NOT NULL CHECK (length(client_key) BETWEEN 8 AND 100),
        operation    text NOT NULL,
        fingerprint  text NOT NULL,
        result_id    uuid NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, user_id, client_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
