import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsNotEmpty, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { RevisionedInput } from '../../core/revisioned-input';

@InputType({ description: 'A file handed in with the work (stored elsewhere; only its reference is kept)' })
export class AttachmentInput {
  @Field({ description: 'File name, e.g. 作文.jpg' }) @Length(1, 200) name!: string;
  @Field({ description: 'MIME type, e.g. image/jpeg' }) @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'mimeType must look like type/subtype' }) mimeType!: string;
  @Field(() => Int, { description: 'Size in bytes, at most 20 MB' }) @Min(1) @Max(20 * 1024 * 1024) sizeBytes!: number;
}

@InputType('WorkFields', { description: 'The work itself: answer, attachments and actual minutes' })
export class WorkFields {
  @Field({ description: 'The answer as text (may be empty when the work is on paper or attached)' }) @MaxLength(20000) answer!: string;
  @Field(() => [AttachmentInput], { defaultValue: [], description: 'Attachments, at most 10' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  attachments!: AttachmentInput[];
  @Field(() => [ID], { defaultValue: [], description: 'Uploaded files handed in with the work (ids from POST /uploads): up to the photo limit (9 unless configured), or one recording or one PDF' })
  @ArrayMaxSize(50)
  fileIds!: string[];
  @Field(() => Int, { description: 'Minutes the student actually spent (0–600)' }) @Min(0) @Max(600) actualMinutes!: number;
  @Field({ description: 'A key the client makes once per submission (8–100 characters); a retry with it returns the first result' })
  @Length(8, 100)
  clientKey!: string;
}

@InputType({ description: 'Submit homework' })
export class SubmissionCreateInput extends WorkFields {
  @Field(() => ID, { description: 'The assignment' }) @IsNotEmpty() assignmentId!: string;
  @Field({ description: 'The package or level done (a key of the assignment\'s choices)' }) @Length(1, 3) choice!: string;
}

@InputType({ description: 'Send the correction the teacher asked for' })
export class SubmissionCorrectInput extends WorkFields {
  @Field(() => ID, { description: 'The submission' }) @IsNotEmpty() submissionId!: string;
}

@InputType({ description: "Mark the latest version of a submission" })
export class SubmissionMarkInput extends RevisionedInput {
  @Field(() => ID, { description: 'The submission' }) @IsNotEmpty() submissionId!: string;
  @Field({ description: 'Tier × quality, e.g. A+, B, C− (the letter is the level the student did; for packages the package key)' })
  @Matches(/^[A-Z0-9]{1,3}[+\-−]?$/, { message: 'mark must be a level with +, nothing or −, e.g. B+' })
  mark!: string;
  @Field({ description: 'Guiding, encouraging comment (5–1000 characters; Chinese is dense)' })
  @Length(5, 1000)
  @Matches(/\S/, { message: '$property must not be blank' })
  comment!: string;
  @Field({ defaultValue: false, description: 'Marked face to face (面批)' }) faceToFace!: boolean;
  @Field({ defaultValue: false, description: 'Ask the student for a correction, to be re-checked' }) requestCorrection!: boolean;
}

@InputType({ description: "A classmate's advice on a submission; never a mark" })
export class PeerCommentInput {
  @Field(() => ID, { description: 'The submission' }) @IsNotEmpty() submissionId!: string;
  @Field({ description: 'The advice (2–500 characters)' }) @Length(2, 500) @Matches(/\S/, { message: '$property must not be blank' }) comment!: string;
}
