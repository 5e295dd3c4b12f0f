import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 作业记录单: one per student per school day. */
@Entity('record_sheets')
export class RecordSheet {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'student_id', type: 'uuid' }) studentId!: string;
  @Column({ name: 'class_id', type: 'uuid' }) classId!: string;
  @Column('date') day!: string;
  @Column({ name: 'self_study_content', type: 'text', nullable: true }) selfStudyContent!: string | null;
  @Column({ name: 'self_study_minutes', type: 'smallint', nullable: true }) selfStudyMinutes!: number | null;
  /** The day's physical exercise and reading after school (seed 000: 体育锻炼、阅读), in minutes. */
  @Column({ name: 'exercise_minutes', type: 'smallint', nullable: true }) exerciseMinutes!: number | null;
  @Column({ name: 'reading_minutes', type: 'smallint', nullable: true }) readingMinutes!: number | null;
  /** HH:MM, Beijing time. */
  @Column({ type: 'text', nullable: true }) bedtime!: string | null;
  @Column({ name: 'filled_at', type: 'timestamptz', nullable: true }) filledAt!: Date | null;
  @Column({ name: 'parent_message', type: 'text', nullable: true }) parentMessage!: string | null;
  @Column({ name: 'parent_message_by', type: 'uuid', nullable: true }) parentMessageBy!: string | null;
  @Column({ name: 'parent_message_at', type: 'timestamptz', nullable: true }) parentMessageAt!: Date | null;
  /** Once the head teacher has read it, the student's entries are locked. */
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt!: Date | null;
  @Column({ name: 'read_by', type: 'uuid', nullable: true }) readBy!: string | null;
  @Column({ type: 'text', nullable: true }) reply!: string | null;
  @Column({ name: 'replied_at', type: 'timestamptz', nullable: true }) repliedAt!: Date | null;
  @Column('integer') revision!: number;
}

@Entity('record_sheet_entries')
export class RecordSheetEntry {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'sheet_id', type: 'uuid' }) sheetId!: string;
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  @Column({ name: 'actual_minutes', type: 'smallint' }) actualMinutes!: number;
}

/** Observed minutes of one item version and, with enough observations, its calibrated prediction. */
@Entity('item_calibrations')
export class ItemCalibration {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @PrimaryColumn({ name: 'version_no', type: 'integer' }) versionNo!: number;
  @Column('integer') observations!: number;
  @Column({ name: 'median_minutes', type: 'numeric', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) medianMinutes!: number;
  @Column({ name: 'p80_minutes', type: 'numeric', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) p80Minutes!: number;
  @Column({ name: 'calibrated_minutes', type: 'smallint', nullable: true }) calibratedMinutes!: number | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
