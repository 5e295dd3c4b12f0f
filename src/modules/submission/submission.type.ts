import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../core/ids';
import { Node } from '../../core/node';
import { UserNode } from '../user/user.type';
import { Attachment, Mark, MarkQuality, PeerComment, Submission, SubmissionStatus, SubmissionVersion } from './submission.entity';
import { markLabel } from './grading.policy';

registerEnumType(SubmissionStatus, {
  name: 'SubmissionStatus',
  description: 'Where a submission stands',
  valuesConfig: {
    AWAITING_MARK: { description: 'Handed in (or corrected) and waiting for the teacher' },
    MARKED: { description: 'Marked' },
    CORRECTION_REQUESTED: { description: 'The teacher asked for a correction' },
  },
});
registerEnumType(MarkQuality, {
  name: 'MarkQuality',
  description: 'Quality within the level',
  valuesConfig: { PLUS: { description: '+' }, PLAIN: { description: 'plain' }, MINUS: { description: '−' } },
});

@ObjectType('Attachment', { description: 'A file handed in with the work' })
export class AttachmentNode {
  @Field({ description: 'File name' }) name!: string;
  @Field({ description: 'MIME type' }) mimeType!: string;
  @Field(() => Int, { description: 'Size in bytes' }) sizeBytes!: number;
}

@ObjectType('SubmissionVersion', { description: 'One hand-in: the original (1) or a correction (2…)' })
export class SubmissionVersionNode {
  @Field(() => Int, { description: '1 for the original, 2… for corrections' }) versionNo!: number;
  @Field({ description: 'The answer' }) answer!: string;
  @Field(() => [AttachmentNode], { description: 'Attached files' }) attachments!: Attachment[];
  @Field(() => Int, { description: 'Minutes actually spent' }) actualMinutes!: number;
  @Field({ description: 'When it was handed in' }) submittedAt!: Date;
  submissionId!: string;

  static from(v: SubmissionVersion): SubmissionVersionNode {
    return Object.assign(new SubmissionVersionNode(), {
      submissionId: v.submissionId, versionNo: v.versionNo, answer: v.answer, attachments: v.attachments, actualMinutes: v.actualMinutes, submittedAt: v.submittedAt,
    });
  }
}

@ObjectType('Mark', { description: "A teacher's mark on one version: tier × quality, with a comment" })
export class MarkNode {
  @Field({ description: 'e.g. A+, B, C−' }) mark!: string;
  @Field({ description: 'The level (A, B, C) or package key' }) level!: string;
  @Field(() => MarkQuality, { description: '+, plain or −' }) quality!: MarkQuality;
  @Field({ description: "The teacher's comment" }) comment!: string;
  @Field({ description: 'Marked face to face (面批)' }) faceToFace!: boolean;
  @Field({ description: 'A correction was asked for' }) correctionRequested!: boolean;
  @Field(() => Int, { description: 'The version it marks' }) versionNo!: number;
  @Field({ description: 'When it was marked' }) markedAt!: Date;
  entity!: Mark;

  static from(m: Mark): MarkNode {
    return Object.assign(new MarkNode(), {
      mark: markLabel(m.level, m.quality), level: m.level, quality: m.quality, comment: m.comment, faceToFace: m.faceToFace,
      correctionRequested: m.correctionRequested, versionNo: m.versionNo, markedAt: m.markedAt, entity: m,
    });
  }
}

@ObjectType('PeerComment', { description: "A classmate's advice; never a mark" })
export class PeerCommentNode {
  @Field({ description: 'The advice' }) comment!: string;
  @Field({ description: 'When it was written' }) createdAt!: Date;

  static from(c: PeerComment): PeerCommentNode {
    return Object.assign(new PeerCommentNode(), { comment: c.comment, createdAt: c.createdAt });
  }
}

@ObjectType('Submission', { implements: Node, description: "A student's work on one assignment, with its whole history" })
export class SubmissionNode extends Node {
  @Field({ description: 'The package or level done' }) choice!: string;
  @Field(() => SubmissionStatus, { description: 'Awaiting mark, marked, or correction requested' }) status!: SubmissionStatus;
  @Field({ description: 'Handed in after 08:00 the morning after the homework day' }) late!: boolean;
  @Field(() => Int, { description: 'Revision for optimistic locking; pass it back as expectedRevision' }) revision!: number;
  @Field({ description: 'When the original was handed in' }) submittedAt!: Date;
  @Field({ description: 'When the latest version was handed in' }) lastSubmittedAt!: Date;
  entity!: Submission;

  static from(s: Submission): SubmissionNode {
    return Object.assign(new SubmissionNode(), {
      id: toGlobalId('Submission', s.id), choice: s.choice, status: s.status, late: s.late, revision: s.revision,
      submittedAt: s.submittedAt, lastSubmittedAt: s.lastSubmittedAt, entity: s,
    });
  }
}

@ObjectType('MarkingQueueEntry', { description: 'A submission waiting in a marking queue' })
export class QueueEntryNode {
  @Field(() => SubmissionNode, { description: 'The submission' }) submission!: SubmissionNode;
  @Field({ description: 'Mark by: end of the next school day, or a week for compositions' }) dueAt!: Date;
  @Field({ description: 'Past its marking deadline' }) overdue!: boolean;
}

@ObjectType({ description: 'How many students chose a package or level' })
export class ChoiceCount {
  @Field({ description: 'The choice' }) choice!: string;
  @Field(() => Int, { description: 'Students' }) count!: number;
}

@ObjectType({ description: 'How many latest marks carry a label' })
export class MarkCount {
  @Field({ description: 'e.g. B+' }) mark!: string;
  @Field(() => Int, { description: 'Submissions' }) count!: number;
}

@ObjectType({ description: 'The students in one state, in student-number order' })
export class StudentsInState {
  @Field({ description: 'not_chosen, chosen, awaiting_mark, marked or correction_requested' }) state!: string;
  @Field(() => Int, { description: 'How many' }) count!: number;
  @Field(() => [UserNode], { description: 'Who (never sorted by mark)' }) students!: UserNode[];
}

@ObjectType('AssignmentOverview', { description: "A teacher's view of one assignment; class aggregates only, no rankings" })
export class AssignmentOverviewNode {
  @Field(() => Int, { description: 'Students in the class' }) studentCount!: number;
  @Field(() => [ChoiceCount], { description: 'Students per package or level chosen' }) choiceCounts!: ChoiceCount[];
  @Field(() => [StudentsInState], { description: 'Students per state' }) states!: StudentsInState[];
  @Field(() => Int, { description: 'Submitted' }) submittedCount!: number;
  @Field(() => Int, { description: 'Marked' }) markedCount!: number;
  @Field(() => Int, { description: 'Waiting for a correction' }) correctionCount!: number;
  @Field(() => Int, { description: 'Handed in late' }) lateCount!: number;
  @Field(() => [MarkCount], { description: 'Distribution of the latest marks per tier and quality' }) markDistribution!: MarkCount[];
  @Field(() => Float, { description: 'Submitted ÷ students' }) completionRate!: number;
  @Field(() => Float, { description: 'On time ÷ submitted' }) onTimeRate!: number;
}
