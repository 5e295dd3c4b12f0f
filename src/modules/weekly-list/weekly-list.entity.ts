import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HomeworkForm } from '../bank/bank.enums';

export enum WeeklyListStatus {
  DRAFT = 'draft',
  FILED = 'filed',
  /** Approved by the academic office: composing a class-day starts from it. */
  APPROVED = 'approved',
  /** Returned by the academic office with a comment: the group edits and files it again. */
  RETURNED = 'returned',
}

/** What happened to a list: filed by its group, approved or returned by the academic office. */
export enum WeeklyListAction {
  FILED = 'filed',
  APPROVED = 'approved',
  RETURNED = 'returned',
}

/** 周学科作业清单: a research group's planned homework for one week. */
@Entity('weekly_lists')
export class WeeklyList {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  /** Monday of the week (YYYY-MM-DD). */
  @Column({ name: 'week_start', type: 'date' }) weekStart!: string;
  @Column('text') status!: WeeklyListStatus;
  @Column('integer') revision!: number;
  @Column({ name: 'filed_at', type: 'timestamptz', nullable: true }) filedAt!: Date | null;
  @Column({ name: 'filed_by', type: 'uuid', nullable: true }) filedBy!: string | null;
  /** When it was first filed: lateness is measured then, a refiling after a return keeps it. */
  @Column({ name: 'first_filed_at', type: 'timestamptz', nullable: true }) firstFiledAt!: Date | null;
  /** Minutes after the school's deadline it was first filed; 0: on time (or not filed yet). */
  @Column({ name: 'minutes_late', type: 'integer' }) minutesLate!: number;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy!: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
  /** The academic office's comment on its last review (required when it returned the list). */
  @Column({ name: 'review_comment', type: 'text', nullable: true }) reviewComment!: string | null;
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('weekly_list_entries')
export class WeeklyListEntry {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'list_id', type: 'uuid' }) listId!: string;
  @Column('date') day!: string;
  @Column({ name: 'sort_order', type: 'smallint' }) sortOrder!: number;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column({ name: 'item_id', type: 'uuid', nullable: true }) itemId!: string | null;
  @Column({ name: 'version_no', type: 'integer', nullable: true }) versionNo!: number | null;
  @Column('text') description!: string;
  @Column('text') form!: HomeworkForm;
  @Column({ name: 'predicted_minutes', type: 'smallint' }) predictedMinutes!: number;
  /** Done at home (counts against the caps) or in school. */
  @Column({ name: 'at_home', type: 'boolean' }) atHome!: boolean;
}

/** When a school's weekly lists are due: a weekday of the week before, at a time (China Standard Time). */
@Entity('weekly_list_settings')
export class WeeklyListSettings {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  /** 1 = Monday … 7 = Sunday, of the week before the list's week. */
  @Column({ name: 'due_weekday', type: 'smallint' }) dueWeekday!: number;
  /** HH:MM:SS. */
  @Column({ name: 'due_time', type: 'time' }) dueTime!: string;
  @Column('integer') revision!: number;
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One filing or review of a list, kept for the record (who, when, the comment). */
@Entity('weekly_list_events')
export class WeeklyListEvent {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'list_id', type: 'uuid' }) listId!: string;
  @Column('text') action!: WeeklyListAction;
  /** The list's revision after this action. */
  @Column('integer') revision!: number;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ name: 'minutes_late', type: 'integer' }) minutesLate!: number;
}
