import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parents' messages as a thread (issue 19, item 7: "a parent may leave several messages a day,
 * each answered"; seed 004: 家长留言, 班主任回复).
 *
 * - `record_sheet_messages`: the messages of a student's day, each with its own answer by the
 *   head teacher. It hangs off the day's record sheet (deleted with it).
 * - Every `parent_message` of `record_sheets` moves into it with its `reply`; the old message
 *   columns go. A reply on a sheet without a message (the head teacher's word on reading it)
 *   stays on the sheet as `read_note`.
 * - `down()` moves the first message of each day back, with its answer, onto the sheet.
 */
export class ParentMessageThreads1765840000000 implements MigrationInterface {
  name = 'ParentMessageThreads1765840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE record_sheet_messages (
        school_id   uuid NOT NULL,
        id          uuid NOT NULL,
        student_id  uuid NOT NULL,
        day         date NOT NULL,
        author_id   uuid,
        body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
        created_at  timestamptz NOT NULL DEFAULT now(),
        reply       text CHECK (length(reply) BETWEEN 1 AND 1000),
        replied_by  uuid,
        replied_at  timestamptz,
        PRIMARY KEY (school_id, id),
        CHECK ((reply IS NULL) = (replied_at IS NULL)),
        FOREIGN KEY (school_id, student_id, day) REFERENCES record_sheets (school_id, student_id, day) ON DELETE CASCADE,
        FOREIGN KEY (school_id, author_id) REFERENCES users (school_id, id),
        FOREIGN KEY (school_id, replied_by) REFERENCES users (school_id, id)
      )`);
    await q.query(`CREATE INDEX record_sheet_messages_day_idx ON record_sheet_messages (school_id, student_id, day, created_at)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON record_sheet_messages TO homework_app`);
    await q.query(`ALTER TABLE record_sheet_messages ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE record_sheet_messages FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON record_sheet_messages USING (school_id = app_school_id()) WITH CHECK (school_id = app_school_id())`);
    await q.query(`ALTER TABLE record_sheets RENAME COLUMN reply TO read_note`);
    await q.query(`ALTER TABLE record_sheets RENAME COLUMN replied_at TO read_note_at`);
    await forEachSchool(q, async (schoolId) => {
      // A reply was written when the sheet was read: who read it answered (unknown once reopened).
      await q.query(`
        INSERT INTO record_sheet_messages (school_id, id, student_id, day, author_id, body, created_at, reply, replied_by, replied_at)
        SELECT school_id, gen_random_uuid(), student_id, day, parent_message_by, parent_message,
               coalesce(parent_message_at, filled_at, day::timestamptz),
               read_note, CASE WHEN read_note IS NULL THEN NULL ELSE read_by END,
               CASE WHEN read_note IS NULL THEN NULL ELSE coalesce(read_note_at, read_at, parent_message_at, day::timestamptz) END
          FROM record_sheets WHERE school_id = $1 AND parent_message IS NOT NULL`, [schoolId]);
      await q.query(`UPDATE record_sheets SET read_note = NULL, read_note_at = NULL WHERE school_id = $1 AND parent_message IS NOT NULL`, [schoolId]);
    });
    await q.query(`ALTER TABLE record_sheets DROP COLUMN parent_message, DROP COLUMN parent_message_by, DROP COLUMN parent_message_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE record_sheets ADD COLUMN parent_message text CHECK (length(parent_message) <= 1000),
      ADD COLUMN parent_message_by uuid, ADD COLUMN parent_message_at timestamptz`);
    await q.query(`ALTER TABLE record_sheets RENAME COLUMN read_note TO reply`);
    await q.query(`ALTER TABLE record_sheets RENAME COLUMN read_note_at TO replied_at`);
    await forEachSchool(q, (schoolId) => q.query(`
      UPDATE record_sheets r SET parent_message = m.body, parent_message_by = m.author_id, parent_message_at = m.created_at,
             reply = coalesce(m.reply, r.reply), replied_at = CASE WHEN m.reply IS NULL THEN r.replied_at ELSE m.replied_at END
        FROM (SELECT DISTINCT ON (school_id, student_id, day) * FROM record_sheet_messages WHERE school_id = $1
               ORDER BY school_id, student_id, day, created_at, id) m
       WHERE r.school_id = $1 AND m.school_id = r.school_id AND m.student_id = r.student_id AND m.day = r.day`, [schoolId]));
    await q.query(`DROP TABLE record_sheet_messages`);
  }
}

/**
 * Runs `work` once per school with that school set, as the service does: row-level security is
 * forced on the tenant tables, so an owner that is not a superuser sees only the school set. A
 * superuser sees every school's rows regardless, so `work` filters by the school it is given too.
 */
async function forEachSchool(q: QueryRunner, work: (schoolId: string) => Promise<unknown>): Promise<void> {
  const schools: { school_id: string }[] = await q.query(`SELECT school_id FROM schools`);
  for (const { school_id: schoolId } of schools) {
    await q.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
    await work(schoolId);
  }
  await q.query(`SELECT set_config('app.school_id', '', true)`);
}
