import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsNotEmpty, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Revisioned, RevisionedInput } from '../../core/revisioned-input';
import { LocalDate, Time } from '../../core/scalars';
import { HomeworkForm } from '../bank/bank.enums';

@InputType({ description: 'One planned piece of homework' })
export class WeeklyListEntryInput {
  @Field(() => LocalDate, { description: 'The day, within the week' })
  day!: string;

  @Field(() => ID, { description: "A unit of the group's subject and grade" })
  @IsNotEmpty()
  unitId!: string;

  @Field(() => ID, { nullable: true, description: 'An approved bank item of that unit (its approved version is planned)' })
  @IsOptional()
  itemId?: string | null;

  @Field(() => String, { nullable: true, description: "What the homework is; defaults to the item's title" })
  @IsOptional()
  @Length(1, 200)
  @Matches(/\S/, { message: '$property must not be blank' })
  description?: string | null;

  @Field(() => HomeworkForm, { nullable: true, description: "Form; defaults to the item's form, else WRITTEN" })
  @IsOptional()
  form?: HomeworkForm | null;

  @Field(() => Int, { nullable: true, description: "Predicted minutes (1–120); defaults to the item's" })
  @IsOptional()
  @Min(1)
  @Max(120)
  predictedMinutes?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Done at home (the default; counts against the caps) or in school' })
  @IsOptional()
  atHome?: boolean | null;
}

@InputType({ description: "Save a research group's weekly list; its entries are replaced" })
export class WeeklyListSaveInput extends Revisioned({ requiredWhen: 'when the list exists' }) {
  @Field(() => ID, { description: 'The research group' })
  @IsNotEmpty()
  groupId!: string;

  @Field(() => LocalDate, { description: 'Monday of the week' })
  weekStart!: string;

  @Field(() => [WeeklyListEntryInput], { description: 'The planned homework, at most 100 entries' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  entries!: WeeklyListEntryInput[];
}

@InputType({ description: 'File a weekly list with the academic office' })
export class WeeklyListFileInput extends RevisionedInput {
  @Field(() => ID, { description: 'The list' })
  @IsNotEmpty()
  listId!: string;
}

@InputType({ description: 'Approve a filed weekly list (academic office)' })
export class WeeklyListApproveInput extends RevisionedInput {
  @Field(() => ID, { description: 'The list' })
  @IsNotEmpty()
  listId!: string;

  @Field(() => String, { nullable: true, description: 'A comment for the group, at most 500 characters' })
  @IsOptional()
  @Length(1, 500)
  @Matches(/\S/, { message: '$property must not be blank' })
  comment?: string | null;
}

@InputType({ description: 'Return a filed weekly list to its group with a comment (academic office)' })
export class WeeklyListReturnInput extends RevisionedInput {
  @Field(() => ID, { description: 'The list' })
  @IsNotEmpty()
  listId!: string;

  @Field({ description: 'What the group should change, 1–500 characters (required)' })
  @Length(1, 500)
  @Matches(/\S/, { message: '$property must not be blank' })
  comment!: string;
}

@InputType({ description: "Set when the school's weekly lists are due (academic office)" })
export class WeeklyListDeadlineSetInput extends Revisioned({ requiredWhen: 'once the school has set its own deadline' }) {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday, of the week before the list\'s week' })
  @Min(1)
  @Max(7)
  dueWeekday!: number;

  @Field(() => Time, { description: 'The time of day (China Standard Time)' })
  dueTime!: string;
}
