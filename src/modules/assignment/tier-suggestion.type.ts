import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsNotEmpty, Matches } from 'class-validator';
import { LocalDate } from '../../core/scalars';

@ObjectType('TierSuggestion', { description: "A teacher's suggested choice for a student on an assignment, beside the student's own choice (guidance, never a fixed label)" })
export class TierSuggestionNode {
  @Field({ description: 'The suggested choice key (A, B2, C or a package key)' }) choice!: string;
  @Field(() => Date, { description: 'When it was suggested' }) suggestedAt!: Date;
  @Field(() => String, { nullable: true, description: "The student's own choice; null until they choose" }) chosen!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the student chose as suggested; null until they choose' }) followed!: boolean | null;
  /** Resolved as UserNodes. */
  studentId!: string;
  suggestedBy!: string;
}

@ObjectType('WeekTierSuggestions', { description: "How often a week's tier suggestions were followed (counts only, no student named)" })
export class WeekTierSuggestionsNode {
  @Field(() => LocalDate, { description: 'Monday' }) weekStart!: string;
  @Field(() => Int, { description: 'Suggestions made' }) suggested!: number;
  @Field(() => Int, { description: 'The student chose the suggested choice' }) followed!: number;
  @Field(() => Int, { description: 'The student chose another offered choice' }) notFollowed!: number;
  @Field(() => Int, { description: 'The student has not chosen yet' }) notChosen!: number;
}

@InputType({ description: 'A suggested choice for one student' })
export class TierSuggestInput {
  @Field(() => ID, { description: 'The assignment (you teach its subject to the class)' }) @IsNotEmpty() assignmentId!: string;
  @Field(() => ID, { description: 'A student it is addressed to' }) @IsNotEmpty() studentId!: string;
  @Field({ description: 'One of its choices; the student may still choose any' }) @Matches(/^[A-Z0-9]{1,3}$/, { message: 'choice must be 1–3 capital letters or digits' }) choice!: string;
}
