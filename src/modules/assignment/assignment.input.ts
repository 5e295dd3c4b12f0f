import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
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
}
