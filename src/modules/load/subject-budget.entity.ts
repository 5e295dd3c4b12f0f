import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A class's plan of daily subject budgets: one row per class, the revision its page saves against. */
@Entity('subject_budget_plans')
export class SubjectBudgetPlan {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'class_id', type: 'uuid' }) classId!: string;
  @Column('integer') revision!: number;
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** The written minutes at home a subject may publish for a class on a weekday of school days. */
@Entity('subject_budgets')
export class SubjectBudget {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'class_id', type: 'uuid' }) classId!: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @PrimaryColumn('smallint') weekday!: number;
  @PrimaryColumn({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  @Column('smallint') minutes!: number;
}

/** Unused minutes of one subject given to another for one date. */
@Entity('subject_budget_releases')
export class SubjectBudgetRelease {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'class_id', type: 'uuid' }) classId!: string;
  @Column('date') day!: string;
  @Column({ name: 'from_subject_id', type: 'uuid' }) fromSubjectId!: string;
  @Column({ name: 'to_subject_id', type: 'uuid' }) toSubjectId!: string;
  @Column('smallint') minutes!: number;
  @Column({ name: 'released_by', type: 'uuid' }) releasedBy!: string;
  @Column({ name: 'released_at', type: 'timestamptz' }) releasedAt!: Date;
}
