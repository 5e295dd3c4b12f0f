import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HomeworkForm } from '../bank/bank.enums';

export enum WeeklyListStatus {
  DRAFT = 'draft',
  FILED = 'filed',
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
}
