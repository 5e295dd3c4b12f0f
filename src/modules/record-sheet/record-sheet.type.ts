import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsNotEmpty, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Revisioned } from '../../core/revisioned-input';
import { LocalDate, Time } from '../../core/scalars';
import { AssignmentNode } from '../assignment/assignment.type';
import { BankItemNode } from '../bank/bank.type';
import { UserNode } from '../user/user.type';

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
  @Field(() => String, { nullable: true, description: "A parent's message" }) parentMessage!: string | null;
  @Field(() => String, { nullable: true, description: "The head teacher's reply" }) reply!: string | null;
  @Field({ description: 'Read by the head teacher: the student\'s entries are locked' }) locked!: boolean;
  @Field(() => Int, { description: 'Revision for optimistic locking' }) revision!: number;
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
}

@ObjectType('TierChoiceCount', { description: 'A count of choices' })
export class TierCountNode {
  @Field({ description: 'A, B, C or a package key' }) tier!: string;
  @Field(() => Int, { description: 'Choices' }) count!: number;
}

@ObjectType('ItemCalibration', { description: 'Observed against predicted minutes of one item version' })
export class ItemCalibrationNode {
  @Field(() => BankItemNode, { description: 'The item' }) item!: BankItemNode;
  @Field(() => Int, { description: 'The version' }) versionNo!: number;
  @Field(() => Int, { description: "The teacher's estimate" }) predictedMinutes!: number;
  @Field(() => Int, { description: 'Observations' }) observations!: number;
  @Field(() => Float, { description: 'Median observed minutes' }) medianMinutes!: number;
  @Field(() => Float, { description: '80th percentile of observed minutes' }) p80Minutes!: number;
  @Field(() => Int, { nullable: true, description: 'Used by new assignments once there are enough observations' }) calibratedMinutes!: number | null;
  @Field(() => Float, { description: 'Median observed ÷ estimate' }) ratio!: number;
  @Field({ description: 'Off by more than the school ratio either way' }) off!: boolean;
}

@ObjectType('TeacherBias', { description: "A teacher's estimation bias" })
export class TeacherBiasNode {
  @Field(() => UserNode, { description: 'The teacher who estimated' }) teacher!: UserNode;
  @Field(() => Float, { description: 'Median of actual ÷ predicted' }) bias!: number;
  @Field(() => Int, { description: 'Observations' }) observations!: number;
}

@ObjectType('GroupCalibration', { description: "Calibration of a research group's items" })
export class GroupCalibrationNode {
  @Field(() => Float, { description: 'The ratio beyond which an estimate is off' }) overrunRatio!: number;
  @Field(() => Int, { description: 'Observations needed before calibrated minutes are used' }) threshold!: number;
  @Field(() => Float, { nullable: true, description: 'Median of actual ÷ predicted over all observations' }) groupBias!: number | null;
  @Field(() => [TeacherBiasNode], { description: 'Per teacher' }) teacherBiases!: TeacherBiasNode[];
  @Field(() => [ItemCalibrationNode], { description: 'Items with observations, most off first' }) items!: ItemCalibrationNode[];
  @Field(() => [ItemCalibrationNode], { description: 'Items whose estimate is off by more than the ratio' }) offItems!: ItemCalibrationNode[];
}
