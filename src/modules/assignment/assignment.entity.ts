import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AssignmentShape } from './assignment.policy';

export enum AssignmentStatus {
  DRAFT = 'draft',
  PUBLISHED = 'published',
}

/** One class's homework in one subject on one day, or over several days (weekend, holiday, a week's reading, a project). */
@Entity('assignments')
export class Assignment {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'class_id', type: 'uuid' }) classId!: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  @Column({ name: 'teacher_id', type: 'uuid' }) teacherId!: string;
  /** The day the homework is for (YYYY-MM-DD); of homework over several days, its first day. */
  @Column('date') day!: string;
  /** The last day of homework over several days; the same as `day` for one day's homework. */
  @Column({ name: 'due_day', type: 'date' }) dueDay!: string;
  /** How its minutes are spread over its days, one relative share per day; null: evenly. */
  @Column({ name: 'day_shares', type: 'smallint', array: true, nullable: true }) dayShares!: number[] | null;
  @Column('text') shape!: AssignmentShape;
  @Column('text') title!: string;
  /** The group of the class it is addressed to (分层、个性化); null: the whole class. */
  @Column({ name: 'group_id', type: 'uuid', nullable: true }) groupId!: string | null;
  @Column('text') status!: AssignmentStatus;
  @Column('integer') revision!: number;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A package (A/B 套餐) or a part (1, 2, 3 of 三三三). */
@Entity('assignment_options')
export class AssignmentOption {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  @PrimaryColumn('text') key!: string;
  @Column('text') name!: string;
  @Column({ name: 'sort_order', type: 'smallint' }) sortOrder!: number;
}

/** An exact approved version of a bank item in an option, done at home or in school. */
@Entity('assignment_items')
export class AssignmentItem {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  @PrimaryColumn({ name: 'option_key', type: 'text' }) optionKey!: string;
  @PrimaryColumn({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @Column({ name: 'version_no', type: 'integer' }) versionNo!: number;
  @Column({ name: 'at_home', type: 'boolean' }) atHome!: boolean;
  @Column({ name: 'sort_order', type: 'smallint' }) sortOrder!: number;
  /** Minutes counted for this item when saved: the calibrated figure if known then, else the teacher's. */
  @Column({ name: 'predicted_minutes', type: 'smallint' }) predictedMinutes!: number;
}

/** A student's choice of package or level; they may change it until they submit. */
@Entity('student_choices')
export class StudentChoice {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  @PrimaryColumn({ name: 'student_id', type: 'uuid' }) studentId!: string;
  @Column('text') choice!: string;
  @Column({ name: 'chosen_at', type: 'timestamptz' }) chosenAt!: Date;
}
