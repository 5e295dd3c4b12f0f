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
  /** Once the head teacher has read it, the student's entries are locked. */
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt!: Date | null;
  @Column({ name: 'read_by', type: 'uuid', nullable: true }) readBy!: string | null;
  /**
   * The head teacher's word on reading a day with no parent's message to answer (parents'
   * messages and their answers are RecordSheetMessage rows).
   */
  @Column({ name: 'read_note', type: 'text', nullable: true }) readNote!: string | null;
  @Column({ name: 'read_note_at', type: 'timestamptz', nullable: true }) readNoteAt!: Date | null;
  @Column('integer') revision!: number;
}

@Entity('record_sheet_entries')
export class RecordSheetEntry {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'sheet_id', type: 'uuid' }) sheetId!: string;
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  @Column({ name: 'actual_minutes', type: 'smallint' }) actualMinutes!: number;
}

/**
 * A parent's message on a student's day (家长留言, seed 004), with the head teacher's answer.
 * Several a day; each is answered on its own.
 */
@Entity('record_sheet_messages')
export class RecordSheetMessage {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'student_id', type: 'uuid' }) studentId!: string;
  @Column('date') day!: string;
  /** The parent; null only for a message moved from before threads whose author was not recorded. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId!: string | null;
  @Column('text') body!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'text', nullable: true }) reply!: string | null;
  /** Who answered; null only for an answer moved from before threads on a sheet reopened since. */
  @Column({ name: 'replied_by', type: 'uuid', nullable: true }) repliedBy!: string | null;
  @Column({ name: 'replied_at', type: 'timestamptz', nullable: true }) repliedAt!: Date | null;
}
