import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '../../core/roles';

@Entity('users')
export class User {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('text') username!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  /** Null until an initial password is issued (an account slip): such an account cannot sign in. */
  @Column({ name: 'password_hash', type: 'text', select: false, nullable: true }) passwordHash!: string | null;
  /** The password was issued by the school (a slip or a reset): the next sign-in must change it. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false }) mustChangePassword!: boolean;
  /** Bumped on sign-out and password change; tokens carrying an older version are refused. */
  @Column({ name: 'token_version', type: 'integer' }) tokenVersion!: number;
  /** The class a student belongs to; null for everyone else. */
  @Column({ name: 'class_id', type: 'uuid', nullable: true }) classId!: string | null;
  @Column({ name: 'student_no', type: 'text', nullable: true }) studentNo!: string | null;
  /** A teacher's 工号, unique within the school: the key the roster names teachers by. */
  @Column({ name: 'staff_no', type: 'text', nullable: true }) staffNo!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** A guardian's consent to storing a minor's personal data beyond name and class. */
  @Column({ name: 'guardian_consent_at', type: 'timestamptz', nullable: true }) guardianConsentAt!: Date | null;
  @Column({ name: 'guardian_consent_by', type: 'uuid', nullable: true }) guardianConsentBy!: string | null;
  /** Set when the student's personal data was deleted at a guardian's request. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  /** Set when the account was deactivated (a teacher who left): it cannot sign in, its history stays. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true }) deactivatedAt!: Date | null;
  /** Set when the student graduated at a school-year rollover (the account is deactivated too); their history stays. */
  @Column({ name: 'graduated_at', type: 'timestamptz', nullable: true }) graduatedAt!: Date | null;
  /** Bumped by every change; an edit naming an older revision is refused. */
  @Column('integer') revision!: number;
}

@Entity('user_roles')
export class UserRole {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn('text') role!: Role;
}

export enum ParentRelation {
  FATHER = 'father',
  MOTHER = 'mother',
  GUARDIAN = 'guardian',
}

@Entity('parent_links')
export class ParentLink {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'parent_id', type: 'uuid' }) parentId!: string;
  @PrimaryColumn({ name: 'student_id', type: 'uuid' }) studentId!: string;
  @Column('text') relation!: ParentRelation;
}
