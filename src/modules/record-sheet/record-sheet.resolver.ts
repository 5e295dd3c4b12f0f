import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { InvalidInputError } from '../../core/errors';
import { fromGlobalId } from '../../core/ids';
import { Role, STAFF_ROLES } from '../../core/roles';
import { LocalDate, Time } from '../../core/scalars';
import { MutationPayload, Payload } from '../../core/payload';
import { payloadOf } from '../../core/user-error';
import { AssignmentNode } from '../assignment/assignment.type';
import { schoolService } from '../school/school.service';
import { UserNode } from '../user/user.type';
import { reportService } from './report.service';
import { MessageView, recordSheetService, SheetView } from './record-sheet.service';
import {
  DayLoadNode, RecordSheetFillInput, RecordSheetMessageAddInput, RecordSheetMessageAnswerInput, RecordSheetMessageNode, RecordSheetNode, WeekTiersNode,
} from './record-sheet.type';
import { RecordSheetMessages } from './record-sheet.errors';
import { MESSAGES_PER_DAY, SheetMessageFilter, shownMessage } from './record-sheet.policy';

const RecordSheetPayload = Payload('sheet', () => RecordSheetNode, {
  name: 'RecordSheetPayload', description: 'Result of a change to a record sheet', fieldDescription: 'The sheet after the change',
});
type RecordSheetPayload = InstanceType<typeof RecordSheetPayload>;

@ObjectType('RecordSheetMessagePayload', { description: "Result of a change to a parent's message" })
class RecordSheetMessagePayload extends MutationPayload {
  @Field(() => RecordSheetMessageNode, { nullable: true, description: 'The message after the change' }) message!: RecordSheetMessageNode | null;
  @Field(() => RecordSheetNode, { nullable: true, description: 'The sheet of its day after the change' }) sheet!: RecordSheetNode | null;
}

const messagePayload = (work: () => Promise<MessageView>) => payloadOf<RecordSheetMessagePayload>(async () => {
  const { message, sheet } = await work();
  return { message: RecordSheetMessageNode.from(message), sheet: sheetNode(sheet) };
});

export function sheetNode(v: SheetView): RecordSheetNode {
  // The one-message view older clients read: see shownMessage.
  const shown = shownMessage(v.messages);
  return {
    date: v.day, student: UserNode.from(v.student), capMinutes: v.capMinutes, actualWrittenMinutes: v.actualWrittenMinutes,
    bedtimeTarget: v.bedtimeTarget, flags: v.flags, locked: v.locked, filled: !!v.sheet?.filledAt,
    selfStudyContent: v.sheet?.selfStudyContent ?? null, selfStudyMinutes: v.sheet?.selfStudyMinutes ?? null,
    exerciseMinutes: v.sheet?.exerciseMinutes ?? null, readingMinutes: v.sheet?.readingMinutes ?? null, bedtime: v.sheet?.bedtime ?? null,
    messages: v.messages.map(RecordSheetMessageNode.from), unansweredMessages: v.messages.filter((m) => m.reply === null).length,
    readNote: v.sheet?.readNote ?? null, parentMessage: shown?.body ?? null, reply: shown ? shown.reply : v.sheet?.readNote ?? null,
    revision: v.sheet?.revision ?? 0,
    lines: v.lines.map((l) => ({ ...l, assignment: AssignmentNode.from(l.plan.assignment) })),
  };
}

const sheetPayload = (work: () => Promise<SheetView>) => RecordSheetPayload.of(async () => sheetNode(await work()));

@Resolver()
export class RecordSheetResolver {
  @Authorized()
  @Query(() => RecordSheetNode, { description: 'A record sheet: the student, their parents and staff of the class' })
  async recordSheet(
    @Arg('date', () => LocalDate) date: string,
    @Arg('studentId', () => ID, { nullable: true, description: 'Defaults to yourself' }) studentId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordSheetNode> {
    return sheetNode(await recordSheetService.view(ctx, studentId ? fromGlobalId(studentId, 'User', 'studentId') : ctx.viewer.userId, date));
  }

  @Authorized(Role.HEAD_TEACHER, Role.ACADEMIC_OFFICE)
  @Query(() => [RecordSheetNode], { description: "The head teacher's day: every sheet of the class, or those with parents' messages; filter further by filled, flags and unansweredMessages" })
  async classRecordSheets(
    @Arg('classId', () => ID) classId: string, @Arg('date', () => LocalDate) date: string,
    @Arg('messages', () => SheetMessageFilter, { nullable: true, description: "Only sheets with a parent's message (ANY) or with one not answered yet (UNANSWERED)" })
    messages: SheetMessageFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordSheetNode[]> {
    return (await recordSheetService.headTeacherDay(ctx, fromGlobalId(classId, 'Class', 'classId'), date, messages ?? null)).map(sheetNode);
  }

  @Authorized(Role.STUDENT)
  @Mutation(() => RecordSheetPayload, { description: 'Fill in your record sheet (until your head teacher has read it)' })
  recordSheetFill(@Arg('input', () => RecordSheetFillInput) input: RecordSheetFillInput, @Ctx() ctx: RequestContext): Promise<RecordSheetPayload> {
    return sheetPayload(() => recordSheetService.fill(ctx, {
      ...input, day: input.date,
      entries: input.entries.map((e, i) => ({ ...e, assignmentId: fromGlobalId(e.assignmentId, 'Assignment', `entries[${i}].assignmentId`) })),
    }));
  }

  @Authorized(Role.PARENT)
  @Mutation(() => RecordSheetPayload, {
    description: "Leave a message on your child's record sheet: adds one to the day's messages",
    deprecationReason: 'A day has several messages: use recordSheetMessageAdd, which returns the message',
  })
  recordSheetParentMessage(
    @Arg('studentId', () => ID) studentId: string, @Arg('date', () => LocalDate) date: string,
    @Arg('message', () => String, { description: '1–1000 characters' }) message: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordSheetPayload> {
    return sheetPayload(async () => {
      return (await recordSheetService.addMessage(ctx, fromGlobalId(studentId, 'User', 'studentId'), date, checkMessage(message, 'message'))).sheet;
    });
  }

  @Authorized(Role.PARENT)
  @Mutation(() => RecordSheetMessagePayload, { description: `Add a message to your child's day (several a day, at most ${MESSAGES_PER_DAY}); each is answered on its own` })
  recordSheetMessageAdd(@Arg('input', () => RecordSheetMessageAddInput) input: RecordSheetMessageAddInput, @Ctx() ctx: RequestContext): Promise<RecordSheetMessagePayload> {
    return messagePayload(() => recordSheetService.addMessage(
      ctx, fromGlobalId(input.studentId, 'User', 'studentId'), input.date, checkMessage(input.body, 'body'), input.clientKey));
  }

  @Authorized(Role.HEAD_TEACHER)
  @Mutation(() => RecordSheetMessagePayload, { description: "Answer one parent's message (the class's head teacher); answering again replaces the answer" })
  recordSheetMessageAnswer(@Arg('input', () => RecordSheetMessageAnswerInput) input: RecordSheetMessageAnswerInput, @Ctx() ctx: RequestContext): Promise<RecordSheetMessagePayload> {
    return messagePayload(() => recordSheetService.answerMessage(ctx, fromGlobalId(input.messageId, 'RecordSheetMessage', 'messageId'), checkMessage(input.reply, 'reply')));
  }

  @Authorized(Role.PARENT)
  @Mutation(() => RecordSheetPayload, { description: "Record your child's bedtime on their record sheet (until the head teacher has read it)" })
  recordSheetParentBedtime(
    @Arg('studentId', () => ID) studentId: string, @Arg('date', () => LocalDate) date: string,
    @Arg('bedtime', () => Time, { description: 'When the child went to bed' }) bedtime: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordSheetPayload> {
    return sheetPayload(() => recordSheetService.parentBedtime(ctx, fromGlobalId(studentId, 'User', 'studentId'), date, bedtime));
  }

  @Authorized(Role.HEAD_TEACHER)
  @Mutation(() => RecordSheetPayload, { description: 'Read a sheet (locking the student\'s entries) and reply; or reopen it for a correction' })
  recordSheetRead(
    @Arg('studentId', () => ID) studentId: string, @Arg('date', () => LocalDate) date: string,
    @Arg('reply', () => String, {
      nullable: true,
      description: "Answers the message parentMessage shows (the latest unanswered, else the latest); on a day without messages, kept as readNote. Answer each message with recordSheetMessageAnswer",
    }) reply: string | null,
    @Arg('reopen', { defaultValue: false, description: 'Unlock instead of reading' }) reopen: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordSheetPayload> {
    return sheetPayload(() => recordSheetService.read(ctx, fromGlobalId(studentId, 'User', 'studentId'), date, reply && checkMessage(reply, 'reply'), reopen));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => [DayLoadNode], { description: 'Class load: per day and subject predicted vs actual, students over the cap, sleep compliance' })
  async classLoadReport(@Arg('classId', () => ID) classId: string, @Arg('from', () => LocalDate) from: string, @Arg('to', () => LocalDate) to: string, @Ctx() ctx: RequestContext): Promise<DayLoadNode[]> {
    const days = await reportService.classLoad(ctx, fromGlobalId(classId, 'Class', 'classId'), from, to);
    // The range's subjects came with its homework (in the loaders).
    const ids = [...new Set(days.flatMap((d) => d.subjects.map((s) => s.subjectId)))];
    const subjects = await Promise.all(ids.map((id) => schoolService.subject(ctx, id)));
    return days.map((d) => ({ ...d, subjects: d.subjects.map((s) => ({ ...s, subject: subjects.find((x) => x.id === s.subjectId)?.name ?? '' })) }));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => [WeekTiersNode], { description: "Tier trend: how a class's choices moved between tiers week by week (counts only)" })
  tierTrend(
    @Arg('classId', () => ID) classId: string, @Arg('subjectId', () => ID) subjectId: string,
    @Arg('from', () => LocalDate) from: string, @Arg('to', () => LocalDate) to: string, @Ctx() ctx: RequestContext,
  ): Promise<WeekTiersNode[]> {
    return reportService.tierTrend(ctx, fromGlobalId(classId, 'Class', 'classId'), fromGlobalId(subjectId, 'Subject', 'subjectId'), from, to);
  }
}

/** Free-text messages on a sheet: 1–1000 characters, not blank. */
function checkMessage(value: string, field: string): string {
  if (!value.trim() || value.length > 1000) throw new InvalidInputError(field, RecordSheetMessages.MESSAGE_LENGTH, { max: 1000 });
  return value;
}

@Resolver(() => RecordSheetMessageNode)
export class RecordSheetMessageResolver {
  @FieldResolver(() => UserNode, { nullable: true, description: 'The parent who wrote it' })
  async author(@Root() m: RecordSheetMessageNode, @Ctx() ctx: RequestContext): Promise<UserNode | null> {
    const user = m.authorId ? await ctx.loaders.userById.load(m.authorId) : null;
    return user ? UserNode.from(user) : null;
  }

  @FieldResolver(() => UserNode, { nullable: true, description: 'The head teacher who answered' })
  async repliedBy(@Root() m: RecordSheetMessageNode, @Ctx() ctx: RequestContext): Promise<UserNode | null> {
    const user = m.repliedById ? await ctx.loaders.userById.load(m.repliedById) : null;
    return user ? UserNode.from(user) : null;
  }
}
