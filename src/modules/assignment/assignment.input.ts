import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsNotEmpty, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { MAX_SPAN_DAYS } from './assignment-span.policy';
import { RevisionedInput } from '../../core/revisioned-input';
import { LocalDate } from '../../core/scalars';
import { AssignmentShape } from './assignment.policy';

@InputType({ description: 'A bank item in an option' })
export class AssignmentItemInput {
  @Field(() => ID, { description: 'A bank item; its approved version is pinned' }) @IsNotEmpty() itemId!: string;
  @Field({ description: 'Done at home (true) or in school (false)' }) atHome!: boolean;
}

@InputType({ description: 'A package, or a part of a three-part assignment' })
export class AssignmentOptionInput {
  @Field({ description: 'A, B… for packages; 1, 2, 3 for parts (1 basic, 2 extending, 3 divergent)' })
  @Matches(/^[A-Z0-9]{1,3}$/, { message: 'key must be 1–3 capital letters or digits' })
  key!: string;

  @Field({ description: 'Name shown to students' }) @Length(1, 40)
  @Matches(/\S/, { message: '$property must not be blank' }) name!: string;

  @Field(() => [AssignmentItemInput], { description: 'Items, 1–10' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  items!: AssignmentItemInput[];
}

@InputType({ description: 'A new draft assignment' })
export class AssignmentCreateInput {
  @Field(() => String, { nullable: true, description: 'A key the client makes once per create (8–100 characters); a retry with it returns the first result' })
  @IsOptional()
  @Length(8, 100)
  clientKey?: string | null;

  @Field(() => ID, { description: 'The class' }) @IsNotEmpty() classId!: string;
  @Field(() => ID, { description: 'The subject (you must teach it to the class)' }) @IsNotEmpty() subjectId!: string;
  @Field(() => LocalDate, { description: 'The day' }) date!: string;
  @Field(() => AssignmentShape, { description: 'Packages or three parts' }) shape!: AssignmentShape;
  @Field({ description: 'Title' }) @Length(1, 100)
  @Matches(/\S/, { message: '$property must not be blank' }) title!: string;
  @Field(() => [AssignmentOptionInput], { description: 'Packages (2–5) or the parts 1, 2, 3' })
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  options!: AssignmentOptionInput[];

  @Field(() => ID, { nullable: true, description: 'A group of the class kept for the subject: only its students get the homework (分层、个性化); absent: the whole class' })
  @IsOptional()
  groupId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Homework over several days (weekend, holiday, a week\'s reading, a project): its last day, at most 62 days from `date` counted both; absent: one day\'s homework' })
  @IsOptional()
  dueDay?: string | null;

  @Field(() => [Int], { nullable: true, description: 'How its minutes are spread over its days: one relative share (0–100) per day from `date` to `dueDay`, 0 for a day without work; absent: evenly' })
  @IsOptional()
  @ArrayMaxSize(MAX_SPAN_DAYS)
  @IsInt({ each: true })
  dayShares?: number[] | null;
}

@InputType({ description: 'New title and options; a published assignment is checked again' })
export class AssignmentUpdateInput extends RevisionedInput {
  @Field(() => ID, { description: 'The assignment' }) @IsNotEmpty() assignmentId!: string;
  @Field({ description: 'Title' }) @Length(1, 100)
  @Matches(/\S/, { message: '$property must not be blank' }) title!: string;
  @Field(() => [AssignmentOptionInput], { description: 'Packages (2–5) or the parts 1, 2, 3' })
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  options!: AssignmentOptionInput[];

  @Field(() => LocalDate, { nullable: true, description: 'A new last day (the first day stays; the first day itself: one day\'s homework again); absent: unchanged' })
  @IsOptional()
  dueDay?: string | null;

  @Field(() => [Int], { nullable: true, description: 'New shares, one per day of the span; absent: unchanged (evenly when `dueDay` changes); null: evenly' })
  @IsOptional()
  @ArrayMaxSize(MAX_SPAN_DAYS)
  @IsInt({ each: true })
  dayShares?: number[] | null;
}

@InputType({ description: 'Publish or unpublish an assignment' })
export class AssignmentStepInput extends RevisionedInput {
  @Field(() => ID, { description: 'The assignment' }) @IsNotEmpty() assignmentId!: string;
}

@InputType({ description: "A student's choice of package or level" })
export class AssignmentChooseInput {
  @Field(() => ID, { description: 'The assignment' }) @IsNotEmpty() assignmentId!: string;
  @Field({ description: 'A key from the assignment\'s choices (a package key, or A, B2, B3, C)' }) @Length(1, 3)
  @Matches(/\S/, { message: '$property must not be blank' }) choice!: string;
}

@InputType({ description: 'A package or part of a draft being composed (may still be empty)' })
export class LoadDraftOptionInput {
  @Field({ description: 'A, B… for packages; 1, 2, 3 for parts' })
  @Matches(/^[A-Z0-9]{1,3}$/, { message: 'key must be 1–3 capital letters or digits' })
  key!: string;

  @Field({ description: 'Name shown to students' }) @Length(1, 40) name!: string;

  @Field(() => [AssignmentItemInput], { description: 'Items so far, 0–10' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  items!: AssignmentItemInput[];
}

@InputType({ description: 'An assignment being composed, not yet saved: previewed against the class-day cap' })
export class LoadDraftInput {
  @Field(() => ID, { description: 'The subject; the draft replaces its published assignment of the day in the preview' }) @IsNotEmpty() subjectId!: string;
  @Field(() => AssignmentShape, { description: 'Packages or three parts' }) shape!: AssignmentShape;
  @Field(() => [LoadDraftOptionInput], { description: 'Packages or parts as composed so far' })
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  options!: LoadDraftOptionInput[];

  @Field(() => ID, { nullable: true, description: 'The group it would be addressed to; absent: the whole class' })
  @IsOptional()
  groupId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Homework over several days: its first day; absent: the previewed date' })
  @IsOptional()
  firstDay?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Homework over several days: its last day; the preview counts its share of the previewed date' })
  @IsOptional()
  dueDay?: string | null;

  @Field(() => [Int], { nullable: true, description: 'Its shares, one per day; absent: evenly' })
  @IsOptional()
  @ArrayMaxSize(MAX_SPAN_DAYS)
  @IsInt({ each: true })
  dayShares?: number[] | null;
}
