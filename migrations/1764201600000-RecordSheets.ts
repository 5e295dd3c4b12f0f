import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily homework record sheet (作业记录单) and what calibrates predicted durations: the
 * school's sleep and overrun settings, each assignment item's minutes as pinned when it was
 * saved, and per item version the observed minutes and the calibrated prediction.
 */
export class RecordSheets1764201600000 implements MigrationInterface {
  name = 'RecordSheets1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE schools
      ADD COLUMN wake_up_time time NOT NULL DEFAULT '06:30',
      ADD COLUMN overrun_ratio numeric(3, 2) NOT NULL DEFAULT 1.5 CHECK (overrun_ratio BETWEEN 1 AND 5),
      ADD COLUMN calibration_threshold smallint NOT NULL DEFAULT 10 CHECK (calibration_threshold BETWEEN 1 AND 1000)`);

    // The minutes an option counted when it was saved: calibrated if known then, else the teacher's.
    await q.query(`ALTER TABLE assignment_items ADD COLUMN predicted_minutes smallint`);
    await q.query(`UPDATE assignment_items ai SET predicted_minutes = v.predicted_minutes FROM bank_item_versions v
                    WHERE v.school_id = ai.school_id AND v.item_id = ai.item_id AND v.version_no = ai.version_no`);
    await q.query(`ALTER TABLE assignment_items ALTER COLUMN predicted_minutes SET NOT NULL`);

    await q.query(`
      CREATE TABLE item_calibrations (
        school_id           uuid NOT NULL,
        item_id             uuid NOT NULL,
        version_no          integer NOT NULL,
        observations        integer NOT NULL,
        median_minutes      numeric(6, 1) NOT NULL,
        p80_minutes         numeric(6, 1) NOT NULL,
        calibrated_minutes  smallint,
        updated_at          timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, item_id, version_no),
        FOREIGN KEY (school_id, item_id, version_no) REFERENCES bank_item_versions (school_id, item_id, version_no) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE record_sheets (
        school_id           uuid NOT NULL,
        id                  uuid NOT NULL,
        student_id          uuid NOT NULL,
        class_id            uuid NOT NULL,
        day                 date NOT NULL,
        self_study_content  text CHECK (length(self_study_content) <= 500),
        self_study_minutes  smallint CHECK (self_study_minutes BETWEEN 0 AND 600),
        bedtime             text CHECK (bedtime ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        filled_at           timestamptz,
        parent_message      text CHECK (length(parent_message) <= 1000),
        parent_message_by   uuid,
        parent_message_at   timestamptz,
        read_at             timestamptz,
        read_by             uuid,
        reply               text CHECK (length(reply) <= 1000),
        replied_at          timestamptz,
        revision            integer NOT NULL DEFAULT 1,
        PRIMARY KEY (school_id, id),
        UNIQUE (school_id, student_id, day),
        FOREIGN KEY (school_id, student_id) REFERENCES users (school_id, id),
        FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id)
      )`);
    await q.query(`CREATE INDEX record_sheets_class_day_idx ON record_sheets (school_id, class_id, day)`);

    await q.query(`
      CREATE TABLE record_sheet_entries (
        school_id       uuid NOT NULL,
        sheet_id        uuid NOT NULL,
        assignment_id   uuid NOT NULL,
        actual_minutes  smallint NOT NULL CHECK (actual_minutes BETWEEN 0 AND 600),
        PRIMARY KEY (school_id, sheet_id, assignment_id),
        FOREIGN KEY (school_id, sheet_id) REFERENCES record_sheets (school_id, id) ON DELETE CASCADE,
        FOREIGN KEY (school_id, assignment_id) REFERENCES assignments (school_id, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE record_sheet_entries`);
    await q.query(`DROP TABLE record_sheets`);
    await q.query(`DROP TABLE item_calibrations`);
    await q.query(`ALTER TABLE assignment_items DROP COLUMN predicted_minutes`);
    await q.query(`ALTER TABLE schools DROP COLUMN wake_up_time, DROP COLUMN overrun_ratio, DROP COLUMN calibration_threshold`);
  }
}
