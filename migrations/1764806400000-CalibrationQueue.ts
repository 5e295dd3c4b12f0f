import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Item versions waiting to be recalibrated. A hand-in or a filled record sheet only queues the
 * versions its homework used; the service's calibration worker recomputes them a moment later,
 * once for however many hand-ins arrived meanwhile. Recomputing inside the hand-in made a
 * class handing in the same homework at once queue behind each other on the same items.
 *
 * A row per queuing, not per version: a hand-in never waits for another transaction's row of
 * the same version (the worker's, above all, while it recalibrates). The worker collapses them.
 *
 * RLS is enabled with the usual policy, so the service role sees only its school's rows, but
 * not forced: the worker drains the queue of every school as the table owner. The rows hold
 * item ids only. Calibrations so far were computed with their hand-ins: nothing to queue.
 */
export class CalibrationQueue1764806400000 implements MigrationInterface {
  name = 'CalibrationQueue1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calibration_queue (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        school_id   uuid NOT NULL,
        item_id     uuid NOT NULL,
        version_no  integer NOT NULL,
        queued_at   timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (school_id, item_id, version_no) REFERENCES bank_item_versions (school_id, item_id, version_no) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX calibration_queue_version_idx ON calibration_queue (school_id, item_id, version_no)`);
    // A recalibration finds every assignment that used a version.
    await q.query(`CREATE INDEX assignment_items_version_idx ON assignment_items (school_id, item_id, version_no)`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON calibration_queue TO homework_app`);
    await q.query(`ALTER TABLE calibration_queue ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON calibration_queue USING (school_id = app_school_id()) WITH CHECK (school_id = app_school_id())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX assignment_items_version_idx`);
    await q.query(`DROP TABLE calibration_queue`);
  }
}
