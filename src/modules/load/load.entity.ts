import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum DayKind {
  SCHOOL_DAY = 'school_day',
  WEEKEND = 'weekend',
  HOLIDAY = 'holiday',
}

export enum CalendarDayKind {
  HOLIDAY = 'holiday',
  /** A weekend day that is a school day (调休). */
  SCHOOL_DAY = 'school_day',
}

/**
 * A school's own caps for a grade and kind of day: on written homework (never looser than
 * national; null: the national cap) and on homework of every form at home (null: none).
 */
@Entity('load_policies')
export class LoadPolicy {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('smallint') grade!: number;
  @PrimaryColumn({ name: 'day_kind', type: 'text' }) dayKind!: DayKind;
  @Column({ name: 'written_cap_minutes', type: 'smallint', nullable: true }) writtenCapMinutes!: number | null;
  @Column({ name: 'total_cap_minutes', type: 'smallint', nullable: true }) totalCapMinutes!: number | null;
  @Column('integer') revision!: number;
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** The school calendar: holidays, and weekend days that are school days. */
@Entity('calendar_days')
export class CalendarDay {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('date') day!: string;
  @Column('text') kind!: CalendarDayKind;
  @Column('text') name!: string;
}
