import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum SchoolStage {
  PRIMARY = 'primary',
  JUNIOR = 'junior',
  NINE_YEAR = 'nine_year',
}

@Entity('schools')
export class School {
  /** The school's own id is its school_id, like every tenant row. */
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) id!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('text') stage!: SchoolStage;
  /** Whether a class's head teacher may mark its homework in every subject. */
  @Column({ name: 'head_teacher_may_mark', type: 'boolean' }) headTeacherMayMark!: boolean;
  /** When students get up (HH:MM:SS); bedtime targets count back from it. */
  @Column({ name: 'wake_up_time', type: 'time' }) wakeUpTime!: string;
  /** Grades with a wake-up time of their own (HH:MM by grade, e.g. {"7": "06:20"}); the others keep `wakeUpTime`. */
  @Column({ name: 'wake_up_times', type: 'jsonb' }) wakeUpTimes!: Record<string, string>;
  /** A subject that took more than this × its prediction is flagged on the record sheet. */
  @Column({ name: 'overrun_ratio', type: 'numeric', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) overrunRatio!: number;
  /** Observations an item version needs before its calibrated minutes are used. */
  @Column({ name: 'calibration_threshold', type: 'smallint' }) calibrationThreshold!: number;
  /** HH:MM:SS: homework for a school day is published by this time that day (在下课之前); null: no limit. */
  @Column({ name: 'latest_publish_time', type: 'time', nullable: true }) latestPublishTime!: string | null;
  /** Whether homework may be published for a day already past. */
  @Column({ name: 'past_day_publishing', type: 'boolean' }) pastDayPublishing!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('terms')
export class Term {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column({ name: 'academic_year', type: 'text' }) academicYear!: string;
  @Column({ name: 'term_no', type: 'smallint' }) termNo!: number;
  /** ISO date (YYYY-MM-DD). */
  @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Column({ name: 'ends_on', type: 'date' }) endsOn!: string;
  /** Bumped by every change; an edit naming an older revision is refused. */
  @Column('integer') revision!: number;
}

@Entity('subjects')
export class Subject {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column({ name: 'sort_order', type: 'smallint' }) sortOrder!: number;
  /** Bumped by every change; an edit naming an older revision is refused. */
  @Column('integer') revision!: number;
}
