import { WeekTierSuggestionsNode } from '../assignment/tier-suggestion.type';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsNotEmpty, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { toGlobalId } from '../../core/ids';
import { Revisioned } from '../../core/revisioned-input';
import { LocalDate, Time } from '../../core/scalars';
import { AssignmentNode } from '../assignment/assignment.type';
import { UserNode } from '../user/user.type';
import { RecordSheetMessage } from './record-sheet.entity';
import { SheetMessageFilter } from './record-sheet.policy';

registerEnumType(SheetMessageFilter, {
  name: 'SheetMessageFilter',
  description: "Which sheets of the head teacher's day to list, by their parents' messages",
  valuesConfig: {
    ANY: { description: "Sheets with at least one parent's message" },
    UNANSWERED: { description: "Sheets with a parent's message not answered yet" },
  },
});

@ObjectType('RecordSheetMessage', { description: "A parent's message on a student's day (家长留言), with the head teacher's answer" })
export class RecordSheetMessageNode {
  @Field(() => ID, { description: 'Global id, for recordSheetMessageAnswer' }) id!: string;
  @Field({ description: 'The message (1–1000 characters)' }) body!: string;
  @Field({ description: 'When the parent wrote it' }) createdAt!: Date;
  @Field(() => String, { nullable: true, description: "The head teacher's answer; null while it waits for one" }) reply!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was answered (last changed)' }) repliedAt!: Date | null;
  @Field({ description: 'It has an answer' }) answered!: boolean;
  /** For the field resolvers of author and repliedBy. */
  authorId!: string | null;
  repliedById!: string | null;

  static from(m: RecordSheetMessage): RecordSheetMessageNode {
    return Object.assign(new RecordSheetMessageNode(), {
      id: toGlobalId('RecordSheetMessage', m.id), body: m.body, createdAt: m.createdAt, reply: m.reply, repliedAt: m.repliedAt,
      answered: m.reply !== null, authorId: m.authorId, repliedById: m.repliedBy,
    });
  }
}

@ObjectType('RecordSheetLine', { description: 'One subject on a record sheet' })
export class SheetLineNode {
  @Field(() => AssignmentNode, { description: 'The homework' }) assignment!: AssignmentNode;
  @Field(() => String, { nullable: true, description: 'The package or level the student did' }) choice!: string | null;
  @Field(() => [String], { description: 'Content: the items of that choice' }) content!: string[];
  @Field(() => Int, { nullable: true, description: "Predicted minutes of the student's choice" }) predictedMinutes!: number | null;
  @Field(() => Int, { nullable: true, description: 'Minutes actually spent' }) actualMinutes!: number | null;
  @Field({ description: 'Actual minutes were taken from the submission' }) prefilled!: boolean;
  @Field({ description: 'Took more than the overrun ratio × the prediction' }) overran!: boolean;
}

@ObjectType('RecordSheet', { description: "作业记录单: one student's homework day" })
export class RecordSheetNode {
  @Field(() => LocalDate, { description: 'The day' }) date!: string;
  @Field(() => UserNode, { description: 'The student' }) student!: UserNode;
  @Field(() => [SheetLineNode], { description: 'Each subject of the day' }) lines!: SheetLineNode[];
  @Field(() => String, { nullable: true, description: 'Self-arranged study' }) selfStudyContent!: string | null;
  @Field(() => Int, { nullable: true, description: 'Minutes of self-arranged study' }) selfStudyMinutes!: number | null;
  @Field(() => Int, { nullable: true, description: 'Minutes of physical exercise this day (体育锻炼)' }) exerciseMinutes!: number | null;
  @Field(() => Int, { nullable: true, description: 'Minutes of reading this day (阅读)' }) readingMinutes!: number | null;
  @Field(() => Time, { nullable: true, description: 'Bedtime' }) bedtime!: string | null;
  @Field(() => Time, { description: 'Latest bedtime that keeps the sleep rule (primary 10 h, junior 9 h before the wake-up time)' }) bedtimeTarget!: string;
  @Field(() => Int, { description: "The day's written-homework cap" }) capMinutes!: number;
  @Field(() => Int, { description: 'Actual minutes of written homework at home' }) actualWrittenMinutes!: number;
  @Field(() => [String], { description: 'WRITTEN_OVER_CAP, LATE_BEDTIME, SUBJECT_OVERRAN' }) flags!: string[];
  @Field({ description: 'The student has filled it in' }) filled!: boolean;
  @Field(() => [RecordSheetMessageNode], { description: "The parents' messages of the day, oldest first, each with the head teacher's answer" })
  messages!: RecordSheetMessageNode[];
  @Field(() => Int, { description: "Parents' messages of the day still waiting for an answer" }) unansweredMessages!: number;
  @Field(() => String, { nullable: true, description: "The head teacher's note on reading a day with no parent's message to answer" }) readNote!: string | null;
  @Field(() => String, {
    nullable: true, description: "A parent's message: the latest still waiting for an answer, else the latest",
    deprecationReason: 'A day has several messages: use messages (each with its answer)',
  }) parentMessage!: string | null;
  @Field(() => String, {
    nullable: true, description: "The head teacher's answer to parentMessage; on a day without messages, the note on reading (readNote)",
    deprecationReason: 'Each message has its own answer: use messages { reply } and readNote',
  }) reply!: string | null;
  @Field({ description: 'Read by the head teacher: the student\'s entries are locked' }) locked!: boolean;
  @Field(() => Int, { description: 'Revision for optimistic locking' }) revision!: number;
}

@InputType({ description: "A parent's message on their child's day" })
export class RecordSheetMessageAddInput {
  @Field(() => ID, { description: 'Your child' }) @IsNotEmpty() studentId!: string;
  @Field(() => LocalDate, { description: 'The day' }) date!: string;
  @Field({ description: '1–1000 characters, not blank' }) body!: string;
  @Field(() => String, { nullable: true, description: 'A key the client makes once per message (8–100 characters); a retry with it adds the message once' })
  @IsOptional() @Length(8, 100) clientKey?: string | null;
}

@InputType({ description: "The head teacher's answer to one parent's message" })
export class RecordSheetMessageAnswerInput {
  @Field(() => ID, { description: 'The message (RecordSheetMessage.id)' }) @IsNotEmpty() messageId!: string;
  @Field({ description: '1–1000 characters, not blank; answering again replaces the answer' }) reply!: string;
}

@InputType({ description: 'Actual minutes of one subject' })
export class SheetEntryInput {
  @Field(() => ID, { description: 'The homework' }) @IsNotEmpty() assignmentId!: string;
  @Field(() => Int, { description: 'Minutes actually spent (0–600)' }) @Min(0) @Max(600) actualMinutes!: number;
}

@InputType({ description: 'Fill in your record sheet' })
export class RecordSheetFillInput extends Revisioned({ requiredWhen: 'once filled' }) {
  @Field(() => LocalDate, { description: 'The day' }) date!: string;
  @Field(() => [SheetEntryInput], { defaultValue: [], description: 'Actual minutes per subject' }) @ArrayMaxSize(20) @ValidateNested({ each: true }) entries!: SheetEntryInput[];
  @Field(() => String, { nullable: true, description: 'Self-arranged study' }) @IsOptional() @MaxLength(500) selfStudyContent?: string | null;
  @Field(() => Int, { nullable: true, description: 'Minutes of self-arranged study' }) @IsOptional() @Min(0) @Max(600) selfStudyMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: 'Minutes of physical exercise this day (体育锻炼)' }) @IsOptional() @Min(0) @Max(600) exerciseMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: 'Minutes of reading this day (阅读)' }) @IsOptional() @Min(0) @Max(600) readingMinutes?: number | null;
  @Field(() => Time, { nullable: true, description: 'Bedtime' }) @IsOptional() bedtime?: string | null;
}

@ObjectType('SubjectDayLoad', { description: "One subject's predicted and actual minutes on a day" })
export class SubjectDayLoadNode {
  @Field({ description: 'Subject name' }) subject!: string;
  @Field(() => Float, { description: "Mean predicted minutes of the students' choices" }) predictedMinutes!: number;
  @Field(() => Float, { nullable: true, description: 'Mean actual minutes' }) actualMinutes!: number | null;
  @Field(() => Int, { description: 'Students with an actual figure' }) observations!: number;
}

@ObjectType('DayLoad', { description: "A class's day in the load report" })
export class DayLoadNode {
  @Field(() => LocalDate, { description: 'The day' }) day!: string;
  @Field(() => Int, { description: 'Written cap' }) capMinutes!: number;
  @Field(() => [SubjectDayLoadNode], { description: 'Per subject' }) subjects!: SubjectDayLoadNode[];
  @Field(() => Int, { description: 'Students whose actual written minutes went over the cap' }) studentsOverCap!: number;
  @Field(() => Int, { description: 'Sheets filled' }) sheets!: number;
  @Field(() => Int, { description: 'Bedtimes within the sleep rule' }) onTimeBedtimes!: number;
  @Field(() => Int, { description: 'Bedtimes recorded' }) bedtimes!: number;
}

@ObjectType('WeekTiers', { description: 'Choices per tier in one week' })
export class WeekTiersNode {
  @Field(() => LocalDate, { description: 'Monday' }) weekStart!: string;
  @Field(() => [TierCountNode], { description: 'Counts per tier, level or package' }) counts!: TierCountNode[];
  @Field(() => WeekTierSuggestionsNode, { description: "How often the teachers' suggested choices were followed that week (分层、个性化: suggested, never fixed; counts only)" })
  suggestions!: WeekTierSuggestionsNode;
}

@ObjectType('TierChoiceCount', { description: 'A count of choices' })
export class TierCountNode {
  @Field({ description: 'A, B, C or a package key' }) tier!: string;
  @Field(() => Int, { description: 'Choices' }) count!: number;
}
