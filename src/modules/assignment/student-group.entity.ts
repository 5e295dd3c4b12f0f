import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A named group of a class's students kept by a teacher of the class and subject (e.g. 需要巩固的同学). */
@Entity('student_groups')
export class StudentGroup {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'class_id', type: 'uuid' }) classId!: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  @Column('text') name!: string;
  @Column('integer') revision!: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A student of a group. */
@Entity('student_group_members')
export class StudentGroupMember {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ name: 'student_id', type: 'uuid' }) studentId!: string;
}

/** A teacher's suggested choice for a student on an assignment: guidance, never a fixed label. */
@Entity('tier_suggestions')
export class TierSuggestion {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  @PrimaryColumn({ name: 'student_id', type: 'uuid' }) studentId!: string;
  @Column('text') choice!: string;
  @Column({ name: 'suggested_by', type: 'uuid' }) suggestedBy!: string;
  @Column({ name: 'suggested_at', type: 'timestamptz' }) suggestedAt!: Date;
}
