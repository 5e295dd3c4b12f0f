import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum SubmissionStatus {
  AWAITING_MARK = 'awaiting_mark',
  MARKED = 'marked',
  CORRECTION_REQUESTED = 'correction_requested',
}

export enum MarkQuality {
  PLUS = 'plus',
  PLAIN = 'plain',
  MINUS = 'minus',
}

export interface Attachment {
  name: string;
  mimeType: string;
  sizeBytes: number;
}

/** A student's work on one assignment: the original and every correction. */
@Entity('submissions')
export class Submission {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  @Column({ name: 'student_id', type: 'uuid' }) studentId!: string;
  /** The package or level the student did. */
  @Column('text') choice!: string;
  @Column('text') status!: SubmissionStatus;
  @Column('boolean') late!: boolean;
  /** The latest version (1 = original, 2… = corrections). */
  @Column({ name: 'version_no', type: 'integer' }) versionNo!: number;
  @Column('integer') revision!: number;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
  @Column({ name: 'last_submitted_at', type: 'timestamptz' }) lastSubmittedAt!: Date;
}

@Entity('submission_versions')
export class SubmissionVersion {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'submission_id', type: 'uuid' }) submissionId!: string;
  @PrimaryColumn({ name: 'version_no', type: 'integer' }) versionNo!: number;
  @Column({ name: 'student_id', type: 'uuid' }) studentId!: string;
  @Column('text') answer!: string;
  @Column('jsonb') attachments!: Attachment[];
  @Column({ name: 'actual_minutes', type: 'smallint' }) actualMinutes!: number;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
}

/** A teacher's mark on one version: tier × quality, with a comment. */
@Entity('marks')
export class Mark {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'submission_id', type: 'uuid' }) submissionId!: string;
  @Column({ name: 'version_no', type: 'integer' }) versionNo!: number;
  @Column({ name: 'marked_by', type: 'uuid' }) markedBy!: string;
  @Column('text') level!: string;
  @Column('text') quality!: MarkQuality;
  @Column('text') comment!: string;
  @Column({ name: 'face_to_face', type: 'boolean' }) faceToFace!: boolean;
  @Column({ name: 'correction_requested', type: 'boolean' }) correctionRequested!: boolean;
  @Column({ name: 'marked_at', type: 'timestamptz' }) markedAt!: Date;
}

/** A classmate's advice on a submission; never a mark. */
@Entity('peer_comments')
export class PeerComment {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'submission_id', type: 'uuid' }) submissionId!: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @Column('text') comment!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
