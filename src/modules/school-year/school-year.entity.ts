import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who was in an archived class: written when a school-year rollover archives the class, so last
 * year's class list, record sheets and a student's past days still read the same after the
 * students moved on to next year's class (or graduated).
 */
@Entity('past_class_members')
export class PastClassMember {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'class_id', type: 'uuid' }) classId!: string;
  @PrimaryColumn({ name: 'student_id', type: 'uuid' }) studentId!: string;
  /** The academic year the class served, e.g. 2026-2027. */
  @Column({ name: 'academic_year', type: 'text' }) academicYear!: string;
  /** The first day of the next year (ISO date): before it, the student's class was this one. */
  @Column({ name: 'until_day', type: 'date' }) untilDay!: string;
}

/** A school rolled into an academic year, once. */
@Entity('school_year_rollovers')
export class SchoolYearRollover {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'academic_year', type: 'text' }) academicYear!: string;
  @Column({ name: 'rolled_at', type: 'timestamptz' }) rolledAt!: Date;
  @Column({ name: 'rolled_by', type: 'uuid' }) rolledBy!: string;
}
