import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('classes')
export class SchoolClass {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('smallint') grade!: number;
  @Column({ name: 'class_no', type: 'smallint' }) classNo!: number;
  @Column('text') name!: string;
  @Column({ name: 'head_teacher_id', type: 'uuid', nullable: true }) headTeacherId!: string | null;
  /** Bumped by every change; an edit naming an older revision is refused. */
  @Column('integer') revision!: number;
  /** Set when the class graduated or was dissolved at a school-year rollover; its history stays. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt!: Date | null;
}

@Entity('teaching_assignments')
export class TeachingAssignment {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'teacher_id', type: 'uuid' }) teacherId!: string;
  @Column({ name: 'class_id', type: 'uuid' }) classId!: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
}
