import { ArrayMaxSize, IsNotEmpty, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Revisioned } from '../../core/revisioned-input';
import { LocalDate } from '../../core/scalars';
import { ClassNode } from '../class/class.type';
import { SubjectNode } from '../school/school.type';
import { DayKind } from './load.entity';

@InputType({ description: "A subject's daily budget of written minutes at home" })
export class SubjectBudgetInput {
  @Field(() => ID, { description: 'The subject' }) @IsNotEmpty() subjectId!: string;
  @Field(() => Int, { description: 'Written minutes at home the subject may publish that weekday (0–90)' }) @Min(0) @Max(90) minutes!: number;
}

@InputType({ description: "One weekday's budgets of a class" })
export class SubjectBudgetWeekdayInput {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday (周一) … 7 = Sunday (a weekend school day, 调休)' }) @Min(1) @Max(7) weekday!: number;
  @Field(() => [SubjectBudgetInput], { description: 'Each subject with a budget that weekday; a subject left out has none (0) on a weekday with budgets' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  budgets!: SubjectBudgetInput[];
}

@InputType({ description: "Replace a class's weekly plan of subject budgets (its head teacher or the academic office)" })
export class SubjectBudgetsSetInput extends Revisioned({ requiredWhen: 'once the class has budgets' }) {
  @Field(() => ID, { description: 'The class' }) @IsNotEmpty() classId!: string;
  @Field(() => [SubjectBudgetWeekdayInput], { description: 'The weekdays with budgets; a weekday left out has none (the caps alone apply)' })
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  days!: SubjectBudgetWeekdayInput[];
}

@InputType({ description: "Give unused minutes of one subject's budget to another for one date" })
export class SubjectBudgetReleaseInput {
  @Field(() => ID, { description: 'The class' }) @IsNotEmpty() classId!: string;
  @Field(() => LocalDate, { description: 'The date' }) date!: string;
  @Field(() => ID, { description: 'The subject giving minutes' }) @IsNotEmpty() fromSubjectId!: string;
  @Field(() => ID, { description: 'The subject receiving them' }) @IsNotEmpty() toSubjectId!: string;
  @Field(() => Int, { description: 'Minutes (1–90), no more than the giver has unused that date' }) @Min(1) @Max(90) minutes!: number;
}

@ObjectType('SubjectBudget', { description: "A subject's budget on a weekday" })
export class SubjectBudgetNode {
  @Field(() => SubjectNode, { description: 'The subject' }) subject!: SubjectNode;
  @Field(() => Int, { description: 'Written minutes at home it may publish' }) minutes!: number;
}

@ObjectType('SubjectBudgetWeekday', { description: "A weekday's budgets of a class" })
export class SubjectBudgetWeekdayNode {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday' }) weekday!: number;
  @Field(() => [SubjectBudgetNode], { description: 'Each budgeted subject, in the school\'s order' }) budgets!: SubjectBudgetNode[];
  @Field(() => Int, { description: 'Sum of the budgets' }) totalMinutes!: number;
}

@ObjectType('SubjectBudgetWeek', { description: "A class's weekly plan of subject budgets (学科组、年级组作业统筹)" })
export class SubjectBudgetWeekNode {
  @Field(() => ClassNode, { description: 'The class' }) class!: ClassNode;
  @Field(() => Int, { nullable: true, description: 'Revision for expectedRevision; null until the class has a plan' }) revision!: number | null;
  @Field(() => Int, { description: 'The written cap of a school day for the class' }) writtenCapMinutes!: number;
  @Field(() => Int, { nullable: true, description: "The school's total-time cap of a school day; null: none" }) totalCapMinutes!: number | null;
  @Field(() => Int, { description: "What one weekday's budgets may sum to: the written cap, or the total-time cap when lower" }) limitMinutes!: number;
  @Field(() => [SubjectBudgetWeekdayNode], { description: 'The weekdays with budgets' }) days!: SubjectBudgetWeekdayNode[];
}

@ObjectType('SubjectBudgetLine', { description: "A subject's budget on a date: the weekday's budget, releases, and use" })
export class SubjectBudgetLineNode {
  @Field(() => SubjectNode, { description: 'The subject' }) subject!: SubjectNode;
  @Field(() => Int, { description: "The weekday's budget (0 for a subject without one)" }) budgetMinutes!: number;
  @Field(() => Int, { description: 'Given to other subjects that date' }) releasedMinutes!: number;
  @Field(() => Int, { description: 'Received from other subjects that date' }) receivedMinutes!: number;
  @Field(() => Int, { description: 'What it may publish: budget − released + received' }) availableMinutes!: number;
  @Field(() => Int, { description: 'Written minutes at home of its heaviest choice published (in a preview: with the draft)' }) usedMinutes!: number;
  @Field(() => Int, { description: 'Minutes left of its budget' }) remainingMinutes!: number;
  @Field(() => Int, { description: 'Minutes over its budget (0 when it fits)' }) excessMinutes!: number;
}

@ObjectType('SubjectBudgetRelease', { description: 'Minutes one subject gave another for one date' })
export class SubjectBudgetReleaseNode {
  @Field(() => SubjectNode, { description: 'The giver' }) from!: SubjectNode;
  @Field(() => SubjectNode, { description: 'The receiver' }) to!: SubjectNode;
  @Field(() => Int, { description: 'Minutes' }) minutes!: number;
  @Field(() => Date, { description: 'When' }) releasedAt!: Date;
}

@ObjectType('SubjectBudgetDay', { description: "A class's subject budgets on a date" })
export class SubjectBudgetDayNode {
  @Field(() => LocalDate, { description: 'The date' }) date!: string;
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday' }) weekday!: number;
  @Field(() => DayKind, { description: 'School day, weekend or holiday' }) dayKind!: DayKind;
  @Field({ description: 'A school day whose weekday has budgets: each subject publishes within its own' }) budgeted!: boolean;
  @Field(() => [SubjectBudgetLineNode], { description: 'Each subject with a budget, a release or homework that day (empty when not budgeted)' }) lines!: SubjectBudgetLineNode[];
  @Field(() => [SubjectBudgetReleaseNode], { description: 'The releases of the date, oldest first' }) releases!: SubjectBudgetReleaseNode[];
}
