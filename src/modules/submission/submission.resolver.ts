import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Connection, PageArgs } from '../../core/pagination';
import { Role, STAFF_ROLES } from '../../core/roles';
import { Payload } from '../../core/payload';
import { assignmentService } from '../assignment/assignment.service';
import { AssignmentNode, StudentDayEntry } from '../assignment/assignment.type';
import { userService } from '../user/user.service';
import { UserNode } from '../user/user.type';
import { markingService } from './marking.service';
import { PeerCommentInput, SubmissionCorrectInput, SubmissionCreateInput, SubmissionMarkInput } from './submission.input';
import { submissionService } from './submission.service';
import { AssignmentOverviewNode, MarkNode, PeerCommentNode, QueueEntryNode, SubmissionNode, SubmissionVersionNode } from './submission.type';

const QueueConnection = Connection(QueueEntryNode, 'MarkingQueue');

const SubmissionPayload = Payload('submission', () => SubmissionNode, {
  name: 'SubmissionPayload', description: 'Result of a change to a submission', fieldDescription: 'The submission after the change',
});
type SubmissionPayload = InstanceType<typeof SubmissionPayload>;

const PeerCommentPayload = Payload('peerComment', () => PeerCommentNode, {
  name: 'PeerCommentPayload', description: 'Result of a peer comment', fieldDescription: 'The comment',
});
type PeerCommentPayload = InstanceType<typeof PeerCommentPayload>;

/** The work with its uploaded files' global ids turned into ids. */
const withFileIds = <W extends { fileIds?: string[] }>(work: W): W => ({ ...work, fileIds: (work.fileIds ?? []).map((id) => fromGlobalId(id, 'UploadedFile', 'fileIds')) });

const submissionPayload = (work: () => Promise<import('./submission.entity').Submission>) =>
  SubmissionPayload.of(async () => SubmissionNode.from(await work()));

@Resolver(() => SubmissionNode)
export class SubmissionResolver {
  @Authorized()
  @Query(() => SubmissionNode, { description: 'A submission: its student, their parents and staff of the class' })
  async submission(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<SubmissionNode> {
    return SubmissionNode.from(await submissionService.get(ctx, fromGlobalId(id, 'Submission')));
  }

  @Authorized(Role.TEACHER, Role.HEAD_TEACHER)
  @Query(() => QueueConnection, { description: 'Your marking queue: unmarked work by marking deadline (overdue first), with deadlines and overdue flags' })
  async markingQueue(
    @Args(() => PageArgs) args: PageArgs,
    @Arg('classId', () => ID, { nullable: true, description: 'Only this class' }) classId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const page = await markingService.queue(ctx, args.first, args.after, ctx.clock.now(), classId ? fromGlobalId(classId, 'Class', 'classId') : null);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: { ...e.node, submission: SubmissionNode.from(e.node.submission) } })) };
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => AssignmentOverviewNode, { description: "A teacher's view of one assignment: choices, submissions, marks, corrections (staff of the class)" })
  async assignmentOverview(@Arg('assignmentId', () => ID) assignmentId: string, @Ctx() ctx: RequestContext): Promise<AssignmentOverviewNode> {
    const o = await markingService.overview(ctx, fromGlobalId(assignmentId, 'Assignment', 'assignmentId'));
    return { ...o, states: o.stateStudents.map((s) => ({ state: s.state, count: s.students.length, students: s.students.map(UserNode.from) })) };
  }

  @Authorized(Role.STUDENT)
  @Mutation(() => SubmissionPayload, { description: 'Hand in homework (students); a retry with the same clientKey returns the first result' })
  submissionCreate(@Arg('input', () => SubmissionCreateInput) input: SubmissionCreateInput, @Ctx() ctx: RequestContext): Promise<SubmissionPayload> {
    return submissionPayload(() => submissionService.submit(ctx, fromGlobalId(input.assignmentId, 'Assignment', 'assignmentId'), input.choice, withFileIds(input)));
  }

  @Authorized(Role.STUDENT)
  @Mutation(() => SubmissionPayload, { description: 'Hand in the correction the teacher asked for' })
  submissionCorrect(@Arg('input', () => SubmissionCorrectInput) input: SubmissionCorrectInput, @Ctx() ctx: RequestContext): Promise<SubmissionPayload> {
    return submissionPayload(() => submissionService.correct(ctx, fromGlobalId(input.submissionId, 'Submission', 'submissionId'), withFileIds(input)));
  }

  @Authorized(Role.TEACHER, Role.HEAD_TEACHER)
  @Mutation(() => SubmissionPayload, { description: 'Mark the latest version (a teacher of the class and subject); students and parents never mark' })
  submissionMark(@Arg('input', () => SubmissionMarkInput) input: SubmissionMarkInput, @Ctx() ctx: RequestContext): Promise<SubmissionPayload> {
    return submissionPayload(() => submissionService.mark(ctx, { ...input, submissionId: fromGlobalId(input.submissionId, 'Submission', 'submissionId') }));
  }

  @Authorized(Role.STUDENT)
  @Mutation(() => PeerCommentPayload, { description: "Advice on a classmate's work; never a mark" })
  submissionPeerComment(@Arg('input', () => PeerCommentInput) input: PeerCommentInput, @Ctx() ctx: RequestContext): Promise<PeerCommentPayload> {
    return PeerCommentPayload.of(async () =>
      PeerCommentNode.from(await submissionService.peerComment(ctx, fromGlobalId(input.submissionId, 'Submission', 'submissionId'), input.comment)));
  }

  @FieldResolver(() => AssignmentNode, { description: 'The assignment' })
  async assignment(@Root() s: SubmissionNode, @Ctx() ctx: RequestContext): Promise<AssignmentNode> {
    return AssignmentNode.from(await assignmentService.get(ctx, s.entity.assignmentId));
  }

  @FieldResolver(() => UserNode, { description: 'The student' })
  async student(@Root() s: SubmissionNode, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from(await userService.get(ctx, s.entity.studentId));
  }

  @FieldResolver(() => [SubmissionVersionNode], { description: 'Every version, oldest first' })
  async versions(@Root() s: SubmissionNode, @Ctx() ctx: RequestContext): Promise<SubmissionVersionNode[]> {
    return (await submissionService.versions(ctx, s.entity)).map(SubmissionVersionNode.from);
  }

  @FieldResolver(() => [MarkNode], { description: 'Every mark with its comment, oldest first' })
  async marks(@Root() s: SubmissionNode, @Ctx() ctx: RequestContext): Promise<MarkNode[]> {
    return (await submissionService.marks(ctx, s.entity)).map(MarkNode.from);
  }

  @FieldResolver(() => MarkNode, { nullable: true, description: 'The latest mark' })
  async currentMark(@Root() s: SubmissionNode, @Ctx() ctx: RequestContext): Promise<MarkNode | null> {
    const marks = await submissionService.marks(ctx, s.entity);
    return marks.length ? MarkNode.from(marks[marks.length - 1]) : null;
  }

  @FieldResolver(() => [PeerCommentNode], { description: "Classmates' advice" })
  async peerComments(@Root() s: SubmissionNode, @Ctx() ctx: RequestContext): Promise<PeerCommentNode[]> {
    return (await submissionService.peerComments(ctx, s.entity)).map(PeerCommentNode.from);
  }
}

@Resolver(() => StudentDayEntry)
export class StudentDayEntrySubmissionResolver {
  @FieldResolver(() => SubmissionNode, { nullable: true, description: "The student's submission with its marks, once handed in" })
  async submission(@Root() e: StudentDayEntry, @Ctx() ctx: RequestContext): Promise<SubmissionNode | null> {
    return e.submissionId ? SubmissionNode.from(await submissionService.get(ctx, e.submissionId)) : null;
  }
}

@Resolver(() => MarkNode)
export class MarkResolver {
  @FieldResolver(() => UserNode, { description: 'The teacher who marked' })
  async markedBy(@Root() m: MarkNode, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from(await userService.get(ctx, m.entity.markedBy));
  }
}
