import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every tenant table's keys lead with school_id, so a deployment that distributes the tables by
 * school (Citus) needs no schema change: the calibration queue was the last one keyed by id
 * alone. (`schools` itself would be a reference table; the sign-in counter is not per school.)
 */
export class DistributableBySchool1765295000000 implements MigrationInterface {
  name = 'DistributableBySchool1765295000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calibration_queue DROP CONSTRAINT calibration_queue_pkey`);
    await q.query(`ALTER TABLE calibration_queue ADD CONSTRAINT calibration_queue_pkey PRIMARY KEY (school_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calibration_queue DROP CONSTRAINT calibration_queue_pkey`);
    await q.query(`ALTER TABLE calibration_queue ADD CONSTRAINT calibration_queue_pkey PRIMARY KEY (id)`);
  }
}
