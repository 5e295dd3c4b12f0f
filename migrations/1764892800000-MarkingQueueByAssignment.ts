import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work awaiting a mark, by assignment: a teacher's marking queue starts from the assignments of
 * the classes and subjects they teach and looks up only their unmarked hand-ins, instead of
 * walking every unmarked hand-in of the school in time order.
 */
export class MarkingQueueByAssignment1764892800000 implements MigrationInterface {
  name = 'MarkingQueueByAssignment1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX submissions_awaiting_idx ON submissions (school_id, assignment_id) WHERE status = 'awaiting_mark'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX submissions_awaiting_idx`);
  }
}
