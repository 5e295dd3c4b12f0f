import { Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../core/user-error';
import { ClassNode } from '../class/class.type';
import { UserNode } from '../user/user.type';

@ObjectType({ description: "One class at a rollover: last year's class and what it becomes" })
export class SchoolYearClassMove {
  @Field(() => ClassNode, { description: "Last year's class (archived by the rollover)" }) from!: ClassNode;
  @Field({ description: 'True when the class graduates: archived with no next-year class, its students closed' }) graduates!: boolean;
  @Field(() => String, { nullable: true, description: 'Name of the next-year class, e.g. 四年级(2)班; null when graduating' }) name!: string | null;
  @Field(() => Int, { nullable: true, description: 'Grade of the next-year class' }) grade!: number | null;
  @Field(() => Int, { nullable: true, description: 'Number of the next-year class' }) classNo!: number | null;
  @Field(() => ClassNode, { nullable: true, description: 'The next-year class; null in a dry run and when graduating' }) to!: ClassNode | null;
  @Field(() => Int, { description: 'Students who move up (or graduate)' }) students!: number;
  @Field(() => UserNode, { nullable: true, description: 'Head teacher carried to the next-year class' }) headTeacher!: UserNode | null;
  @Field(() => Int, { description: 'Teaching assignments carried to the next-year class' }) teachingAssignmentsCarried!: number;
  @Field(() => Int, { description: 'Teaching assignments not carried (by option, or the teacher left)' }) teachingAssignmentsDropped!: number;
}

@ObjectType({ description: 'A new empty entry class opened by a rollover' })
export class SchoolYearEntryClass {
  @Field({ description: 'e.g. 一年级(1)班' }) name!: string;
  @Field(() => ClassNode, { nullable: true, description: 'The class; null in a dry run' }) class!: ClassNode | null;
}

@ObjectType({ description: 'Result of a school-year rollover or its dry run' })
export class SchoolYearRolloverPayload {
  @Field(() => Boolean, { nullable: true, description: 'True when nothing was changed (a dry run)' }) dryRun!: boolean | null;
  @Field(() => String, { nullable: true, description: 'The year rolled into, e.g. 2027-2028' }) academicYear!: string | null;
  @Field(() => String, { nullable: true, description: 'The year left, e.g. 2026-2027' }) previousYear!: string | null;
  @Field(() => [SchoolYearClassMove], { nullable: true, description: 'Every current class and what it becomes, by grade and number' }) classes!: SchoolYearClassMove[] | null;
  @Field(() => [SchoolYearEntryClass], { nullable: true, description: 'New empty entry classes' }) entryClasses!: SchoolYearEntryClass[] | null;
  @Field(() => Int, { nullable: true, description: 'Students moved up a grade' }) studentsMoved!: number | null;
  @Field(() => Int, { nullable: true, description: 'Students graduating' }) graduates!: number | null;
  @Field(() => Int, { nullable: true, description: 'Teaching assignments carried' }) teachingAssignmentsCarried!: number | null;
  @Field(() => Int, { nullable: true, description: 'Teaching assignments not carried' }) teachingAssignmentsDropped!: number | null;
  @Field(() => Int, { nullable: true, description: 'Head teachers carried' }) headTeachersCarried!: number | null;
  @Field(() => Int, { nullable: true, description: 'Research groups (subject × grade), kept with their lead and members' }) researchGroupsKept!: number | null;
  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' }) userErrors!: UserError[];
}
