import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ParentRelation } from '../user/user.entity';

export enum BindingStatus {
  PENDING = 'pending',
  APPROVED = 'approved',
  REJECTED = 'rejected',
}

/** A parent's request to be bound to a child, approved by the roster (automatically) or the head teacher. */
@Entity('parent_binding_requests')
export class ParentBindingRequest {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'parent_id', type: 'uuid' }) parentId!: string;
  @Column({ name: 'student_id', type: 'uuid' }) studentId!: string;
  /** The child's class when asked: whose head teacher decides. */
  @Column({ name: 'class_id', type: 'uuid' }) classId!: string;
  @Column('text') relation!: ParentRelation;
  /** The parent gave guardian consent with the request; it takes effect when the binding does. */
  @Column('boolean') consent!: boolean;
  @Column('text') status!: BindingStatus;
  /** Approved because the roster already listed this parent for this child. */
  @Column('boolean') automatic!: boolean;
  /** The head teacher's reason for a rejection. */
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
}
