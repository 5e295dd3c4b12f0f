import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Record-sheet entries by assignment: the minutes students reported for a set of assignments
 * (the class load report, and the recalibration after every hand-in) are found through this
 * index instead of through each student's sheets.
 */
export class RecordSheetEntriesByAssignment1764720000000 implements MigrationInterface {
  name = 'RecordSheetEntriesByAssignment1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX record_sheet_entries_assignment_idx ON record_sheet_entries (school_id, assignment_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX record_sheet_entries_assignment_idx`);
  }
}
