import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FileKind } from './file-type';

/** Bytes kept in the store under `<school id>/<sha256>`: one row per content, whatever uses it. */
@Entity('attachment_blobs')
export class AttachmentBlob {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('text') sha256!: string;
  @Column({ name: 'size_bytes', type: 'bigint' }) sizeBytes!: string;
  @Column({ name: 'mime_type', type: 'text' }) mimeType!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** One upload: owned by its uploader, used at most once (a submission version or a bank item). */
@Entity('attachments')
export class FileAttachment {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'owner_id', type: 'uuid' }) ownerId!: string;
  @Column('text') kind!: FileKind;
  @Column({ name: 'mime_type', type: 'text' }) mimeType!: string;
  @Column('text') name!: string;
  @Column({ name: 'size_bytes', type: 'bigint' }) sizeBytes!: string;
  @Column('text') sha256!: string;
  @Column({ name: 'thumb_sha256', type: 'text', nullable: true }) thumbSha256!: string | null;
  @Column({ type: 'integer', nullable: true }) width!: number | null;
  @Column({ type: 'integer', nullable: true }) height!: number | null;
  @Column({ name: 'submission_id', type: 'uuid', nullable: true }) submissionId!: string | null;
  @Column({ name: 'version_no', type: 'integer', nullable: true }) versionNo!: number | null;
  @Column({ name: 'bank_item_id', type: 'uuid', nullable: true }) bankItemId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** One pen stroke: a colour, a width and the points it passes, in pixels of the stored photo. */
export interface PenStroke {
  color: string;
  width: number;
  points: number[];
}

/** The teacher's pen layer over a photo; the photo itself never changes. */
@Entity('attachment_annotations')
export class AttachmentAnnotation {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'attachment_id', type: 'uuid' }) attachmentId!: string;
  @Column('jsonb') strokes!: PenStroke[];
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @Column('integer') revision!: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
