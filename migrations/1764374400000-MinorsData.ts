import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Protection of minors' data: a guardian's consent per student, an access log of every read of
 * a student's work and record sheets by staff, and a marker for students whose data was deleted.
 */
export class MinorsData1764374400000 implements MigrationInterface {
  name = 'MinorsData1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users
      ADD COLUMN guardian_consent_at timestamptz,
      ADD COLUMN guardian_consent_by uuid,
      ADD COLUMN deleted_at timestamptz`);
    // Students enrolled before this change gave consent at enrolment.
    await q.query(`UPDATE users SET guardian_consent_at = created_at WHERE class_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE access_log (
        school_id    uuid NOT NULL,
        id           uuid NOT NULL,
        actor_id     uuid NOT NULL,
        student_id   uuid NOT NULL,
        resource     text NOT NULL CHECK (resource IN ('submission', 'record_sheet')),
        resource_id  text NOT NULL,
        at           timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, id)
      )`);
    await q.query(`CREATE INDEX access_log_student_idx ON access_log (school_id, student_id, at DESC)`);
    await q.query(`CREATE INDEX access_log_actor_idx ON access_log (school_id, actor_id, at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access_log`);
    await q.query(`ALTER TABLE users DROP COLUMN guardian_consent_at, DROP COLUMN guardian_consent_by, DROP COLUMN deleted_at`);
  }
}
