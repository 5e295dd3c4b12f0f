import { Field, ID, InputType, Int } from 'type-graphql';
import {
  ArrayMaxSize, ArrayMinSize, IsIn, IsNotEmpty, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import {
  HomeworkForm, ItemStatus, KnowledgeOrFun, ObjectiveKind, PracticalOrHumanistic, PrescribedOrSelfChosen, Provenance,
  RoutineOrStage, Tier,
} from './bank.enums';
import { Revisioned, RevisionedInput } from '../../core/revisioned-input';

/** Sane bounds of a predicted duration: a single item of daily homework. */
export const MIN_PREDICTED_MINUTES = 1;
export const MAX_PREDICTED_MINUTES = 120;

@InputType({ description: 'An objective of a unit' })
export class ObjectiveInput {
  @Field(() => ObjectiveKind, { description: '知识, 能力 or 素养' })
  kind!: ObjectiveKind;

  @Field({ description: 'What students should know or be able to do (1–200 characters)' })
  @Length(1, 200)
  @Matches(/\S/, { message: '$property must not be blank' })
  description!: string;
}

@InputType({ description: 'A new unit with its objectives' })
export class UnitCreateInput {
  @Field(() => ID, { description: 'The subject' })
  @IsNotEmpty()
  subjectId!: string;

  @Field(() => Int, { description: 'Grade 1–9' })
  @Min(1)
  @Max(9)
  grade!: number;

  @Field(() => ID, { description: 'The term' })
  @IsNotEmpty()
  termId!: string;

  @Field({ description: 'Textbook volume, e.g. 三年级上册' })
  @Length(1, 40)
  @Matches(/\S/, { message: '$property must not be blank' })
  volume!: string;

  @Field(() => Int, { description: 'Position of the unit in its volume (1–99)' })
  @Min(1)
  @Max(99)
  sortOrder!: number;

  @Field({ description: 'Title (1–100 characters)' })
  @Length(1, 100)
  @Matches(/\S/, { message: '$property must not be blank' })
  title!: string;

  @Field(() => [ObjectiveInput], { description: 'Objectives: at least one, at most 50' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  objectives!: ObjectiveInput[];

  @Field(() => String, { nullable: true, description: 'A key the client makes once per create (8–100 characters); a retry with it returns the first result' })
  @IsOptional()
  @Length(8, 100)
  clientKey?: string | null;
}

@InputType({ description: 'Change a unit; give only what changes' })
export class UnitUpdateInput extends RevisionedInput {
  @Field(() => ID, { description: 'The unit' })
  @IsNotEmpty()
  unitId!: string;

  @Field(() => String, { nullable: true, description: 'New volume' })
  @IsOptional()
  @Length(1, 40)
  @Matches(/\S/, { message: '$property must not be blank' })
  volume?: string | null;

  @Field(() => Int, { nullable: true, description: 'New position' })
  @IsOptional()
  @Min(1)
  @Max(99)
  sortOrder?: number | null;

  @Field(() => String, { nullable: true, description: 'New title' })
  @IsOptional()
  @Length(1, 100)
  @Matches(/\S/, { message: '$property must not be blank' })
  title?: string | null;
}

@InputType({ description: 'Add an objective to a unit' })
export class UnitObjectiveAddInput {
  @Field(() => ID, { description: 'The unit' })
  @IsNotEmpty()
  unitId!: string;

  @Field(() => ObjectiveInput, { description: 'The objective' })
  @ValidateNested()
  objective!: ObjectiveInput;
}

@InputType({ description: 'Reword an objective' })
export class UnitObjectiveUpdateInput {
  @Field(() => ID, { description: 'The objective' })
  @IsNotEmpty()
  objectiveId!: string;

  @Field(() => ObjectiveInput, { description: 'Its new kind and wording' })
  @ValidateNested()
  objective!: ObjectiveInput;
}

/** Content fields shared by create and update. */
@InputType('BankItemContentFields', { description: 'Content of a bank item version' })
export abstract class BankItemContentFields {
  @Field({ description: 'Title (1–100 characters)' })
  @Length(1, 100)
  @Matches(/\S/, { message: '$property must not be blank' })
  title!: string;

  @Field({ description: 'The task as students read it, Markdown (1–5000 characters)' })
  @Length(1, 5000)
  @Matches(/\S/, { message: '$property must not be blank' })
  body!: string;

  @Field({ description: 'Answer and marking guide, for teachers only (1–5000 characters)' })
  @Length(1, 5000)
  @Matches(/\S/, { message: '$property must not be blank' })
  answerGuide!: string;

  @Field(() => Tier, { description: '基础, 提高 or 拓展' })
  tier!: Tier;

  @Field(() => HomeworkForm, { description: 'Form of homework' })
  form!: HomeworkForm;

  @Field(() => Int, { description: `Minutes a student needs, estimated after doing it (${MIN_PREDICTED_MINUTES}–${MAX_PREDICTED_MINUTES})` })
  @Min(MIN_PREDICTED_MINUTES)
  @Max(MAX_PREDICTED_MINUTES)
  predictedMinutes!: number;

  @Field(() => Int, { description: 'Difficulty 1–5 within the curriculum standard' })
  @Min(1)
  @Max(5)
  difficulty!: number;

  @Field({ defaultValue: false, description: 'Set when the item goes beyond the curriculum standard (课标); it then cannot be submitted' })
  beyondCurriculumStandard!: boolean;

  @Field(() => RoutineOrStage, { description: '常规性 or 阶段性' })
  routineOrStage!: RoutineOrStage;

  @Field(() => PrescribedOrSelfChosen, { description: '规定性 or 自主性' })
  prescribedOrSelfChosen!: PrescribedOrSelfChosen;

  @Field(() => KnowledgeOrFun, { description: '知识性 or 趣味性' })
  knowledgeOrFun!: KnowledgeOrFun;

  @Field(() => PracticalOrHumanistic, { description: '实践性 or 人文性' })
  practicalOrHumanistic!: PracticalOrHumanistic;

  @Field(() => Provenance, { description: '选编, 改编 or 创编' })
  provenance!: Provenance;

  @Field(() => ID, { nullable: true, description: 'For an adapted (改编) item: the approved bank item it adapts' })
  @IsOptional()
  sourceItemId?: string | null;

  @Field(() => String, { nullable: true, description: 'Source of a selected item, or what an adaptation changed' })
  @IsOptional()
  @MaxLength(500)
  sourceNote?: string | null;

  @Field({ defaultValue: false, description: 'Needs a parent to take part' })
  needsParent!: boolean;

  @Field({ defaultValue: false, description: 'Needs a phone or tablet' })
  needsPhone!: boolean;

  @Field({ defaultValue: false, description: 'Mechanical or repetitive practice' })
  repetitive!: boolean;

  @Field({ defaultValue: false, description: 'A composition (作文): marked within a week instead of the next school day' })
  composition!: boolean;

  @Field(() => [ID], { description: "Objectives of the item's unit that it covers" })
  @ArrayMaxSize(50)
  objectiveIds!: string[];
}

@InputType({ description: 'A new draft item in a unit' })
export class BankItemCreateInput extends BankItemContentFields {
  @Field(() => ID, { description: 'The unit' })
  @IsNotEmpty()
  unitId!: string;

  @Field(() => String, { nullable: true, description: 'A key the client makes once per create (8–100 characters); a retry with it returns the first result' })
  @IsOptional()
  @Length(8, 100)
  clientKey?: string | null;
}

@InputType({ description: 'New content for an item; an approved item gets a new version' })
export class BankItemUpdateInput extends Revisioned({ base: BankItemContentFields }) {
  @Field(() => ID, { description: 'The item' })
  @IsNotEmpty()
  itemId!: string;
}

@InputType({ description: 'A review step on an item' })
export class BankItemStepInput extends RevisionedInput {
  @Field(() => ID, { description: 'The item' })
  @IsNotEmpty()
  itemId!: string;
}

@InputType({ description: 'Mark the grades an item suits besides its own (research group lead or academic office)' })
export class BankItemSuitedGradesSetInput extends BankItemStepInput {
  @Field(() => [Int], { description: "Other grades of the school it suits (its own grade always counts); [] for its own grade only" })
  @ArrayMaxSize(9)
  @Min(1, { each: true })
  @Max(9, { each: true })
  grades!: number[];
}

@InputType({ description: 'Return an item to its authors with a comment' })
export class BankItemReturnInput extends BankItemStepInput {
  @Field({ description: 'What to change: guiding and specific (5–1000 characters)' })
  @Length(5, 1000)
  @Matches(/\S/, { message: '$property must not be blank' })
  comment!: string;
}

@InputType({ description: 'Filters of a bank search; all given filters must hold' })
export class BankItemFilterInput {
  @Field(() => ID, { nullable: true, description: 'Subject' }) @IsOptional() subjectId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Grade' }) @IsOptional() @Min(1) @Max(9) grade?: number | null;
  @Field(() => ID, { nullable: true, description: 'Unit' }) @IsOptional() unitId?: string | null;
  @Field(() => [Tier], { nullable: true, description: 'Any of these tiers' }) @IsOptional() tiers?: Tier[] | null;
  @Field(() => [HomeworkForm], { nullable: true, description: 'Any of these forms' }) @IsOptional() forms?: HomeworkForm[] | null;
  @Field(() => ID, { nullable: true, description: 'Covers this objective' }) @IsOptional() objectiveId?: string | null;
  @Field(() => [ItemStatus], { nullable: true, description: 'Any of these statuses (default: all but RETIRED)' })
  @IsOptional()
  @IsIn(Object.values(ItemStatus), { each: true })
  statuses?: ItemStatus[] | null;
  @Field(() => ID, { nullable: true, description: 'Written by this user' }) @IsOptional() authorId?: string | null;
  @Field(() => Int, { nullable: true, description: 'At most this many predicted minutes' })
  @IsOptional()
  @Min(1)
  @Max(MAX_PREDICTED_MINUTES)
  maxPredictedMinutes?: number | null;
  @Field(() => String, { nullable: true, description: 'Words that must all occur in the title or body (Chinese works without spaces)' })
  @IsOptional()
  @MaxLength(100)
  text?: string | null;
}
