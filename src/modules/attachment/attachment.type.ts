import { ArrayMaxSize, IsNotEmpty, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../core/ids';
import { Node } from '../../core/node';
import { Revisioned } from '../../core/revisioned-input';
import { AttachmentAnnotation, FileAttachment, PenStroke } from './attachment.entity';

export enum FileKindEnum {
  IMAGE = 'image',
  AUDIO = 'audio',
  PDF = 'pdf',
}
registerEnumType(FileKindEnum, {
  name: 'FileKind',
  description: 'What an uploaded file is, read from its bytes',
  valuesConfig: { IMAGE: { description: 'A photo (JPEG or PNG)' }, AUDIO: { description: 'A recording (m4a, mp3 or webm)' }, PDF: { description: 'A PDF document' } },
});

@ObjectType('PenStroke', { description: 'One pen stroke over a photo, in pixels of the stored photo' })
export class PenStrokeNode {
  @Field({ description: 'Colour, #rrggbb' }) color!: string;
  @Field(() => Float, { description: 'Line width in pixels' }) width!: number;
  @Field(() => [Float], { description: 'The points it passes: x1, y1, x2, y2, …' }) points!: number[];
}

@ObjectType('PenLayer', { description: "The teacher's marks on a photo, a layer over it; the photo is never changed" })
export class PenLayerNode {
  @Field(() => [PenStrokeNode], { description: 'The strokes, in drawing order' }) strokes!: PenStroke[];
  @Field(() => Int, { description: 'Revision; pass it back as expectedRevision to change the layer' }) revision!: number;
  @Field({ description: 'Last changed' }) updatedAt!: Date;

  static from(a: AttachmentAnnotation): PenLayerNode {
    return Object.assign(new PenLayerNode(), { strokes: a.strokes, revision: a.revision, updatedAt: a.updatedAt });
  }
}

@ObjectType('UploadedFile', { implements: Node, description: 'A photo, recording or PDF kept by the service; its bytes only through short-lived signed links' })
export class UploadedFileNode extends Node {
  @Field(() => FileKindEnum, { description: 'Photo, recording or PDF' }) kind!: FileKindEnum;
  @Field({ description: 'MIME type of the stored bytes (photos are stored re-encoded, without metadata)' }) mimeType!: string;
  @Field({ description: 'The name it was uploaded with' }) name!: string;
  @Field(() => Int, { description: 'Size of the stored bytes' }) sizeBytes!: number;
  @Field(() => Int, { nullable: true, description: 'Width of a photo in pixels' }) width!: number | null;
  @Field(() => Int, { nullable: true, description: 'Height of a photo in pixels' }) height!: number | null;
  @Field({ description: 'When it was uploaded' }) createdAt!: Date;
  entity!: FileAttachment;

  static from(f: FileAttachment): UploadedFileNode {
    return Object.assign(new UploadedFileNode(), {
      id: toGlobalId('UploadedFile', f.id), kind: f.kind as FileKindEnum, mimeType: f.mimeType, name: f.name, sizeBytes: Number(f.sizeBytes),
      width: f.width, height: f.height, createdAt: f.createdAt, entity: f,
    });
  }
}

@ObjectType('StorageUsage', { description: "A school's file storage: what a term added, what is kept now, and the limit" })
export class StorageUsageNode {
  @Field({ description: 'The term, e.g. 第一学期' }) termName!: string;
  @Field({ description: 'Its academic year, e.g. 2026-2027' }) academicYear!: string;
  @Field(() => Float, { description: 'Bytes of new content stored during the term (a file uploaded twice counts once)' }) addedBytes!: number;
  @Field(() => Int, { description: 'Files uploaded during the term' }) addedFiles!: number;
  @Field(() => Float, { description: 'Bytes the school keeps now' }) usedBytes!: number;
  @Field(() => Float, { description: 'Bytes the school may keep' }) quotaBytes!: number;
}

@InputType({ description: 'One pen stroke' })
export class PenStrokeInput {
  @Field({ description: 'Colour, #rrggbb' }) @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'color must be #rrggbb' }) color!: string;
  @Field(() => Float, { description: 'Line width in pixels (1–50)' }) @Min(1) @Max(50) width!: number;
  @Field(() => [Float], { description: 'Points x1, y1, x2, y2, … in pixels of the stored photo (2–4000 numbers)' })
  @ArrayMaxSize(4000)
  @Min(-100000, { each: true })
  @Max(100000, { each: true })
  points!: number[];
}

@InputType({ description: 'Replace the pen layer over a photo of handed-in work' })
export class FileAnnotateInput extends Revisioned({ requiredWhen: 'once the photo has marks' }) {
  @Field(() => ID, { description: 'The photo' }) @IsNotEmpty() fileId!: string;
  @Field(() => [PenStrokeInput], { description: 'Every stroke of the layer (at most 500); an empty list clears it' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  strokes!: PenStrokeInput[];
}

@InputType({ description: "Set a bank item's pictures (figures in maths, pictures in English)" })
export class BankItemImagesInput {
  @Field(() => ID, { description: 'The item' }) @IsNotEmpty() itemId!: string;
  @Field(() => [ID], { description: 'Uploaded photos, in order: your unused uploads, or pictures the item already has; those left out are removed' })
  @ArrayMaxSize(50)
  fileIds!: string[];
}
