import { Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../core/user-error';
import { ClassNode, TeachingAssignmentNode } from '../class/class.type';
import { CalendarDayNode } from '../load/load.type';
import { ResearchGroupNode } from '../research-group/research-group.type';
import { SubjectNode, TermNode } from '../school/school.type';
import { UserNode } from '../user/user.type';

@ObjectType({ description: 'Result of adding or changing a term' })
export class TermPayload {
  @Field(() => TermNode, { nullable: true, description: 'The term' }) term!: TermNode | null;
  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' }) userErrors!: UserError[];
}

@ObjectType({ description: 'Result of setting the calendar of a term or a year' })
export class CalendarSetPayload {
  @Field(() => TermNode, { nullable: true, description: 'The term, with its new revision (null for a year)' }) term!: TermNode | null;
  @Field(() => [CalendarDayNode], { nullable: true, description: 'The marked days of the range now' }) calendarDays!: CalendarDayNode[] | null;
  @Field(() => Int, { nullable: true, description: 'School days in the range (weekdays and 调休 days, less holidays)' }) schoolDays!: number | null;
  @Field(() => Int, { nullable: true, description: 'Saturdays and Sundays that are not school days or holidays' }) weekendDays!: number | null;
  @Field(() => Int, { nullable: true, description: 'Holidays in the range' }) holidayDays!: number | null;
  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' }) userErrors!: UserError[];
}

@ObjectType({ description: 'Result of adding or renaming a subject' })
export class SubjectPayload {
  @Field(() => SubjectNode, { nullable: true, description: 'The subject' }) subject!: SubjectNode | null;
  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' }) userErrors!: UserError[];
}

@ObjectType({ description: 'Result of adding a class' })
export class ClassCreatePayload {
  @Field(() => ClassNode, { nullable: true, description: 'The class' }) class!: ClassNode | null;
  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' }) userErrors!: UserError[];
}

@ObjectType({ description: 'Result of adding a teaching assignment' })
export class TeachingAssignmentPayload {
  @Field(() => TeachingAssignmentNode, { nullable: true, description: 'The teaching assignment' }) teachingAssignment!: TeachingAssignmentNode | null;
  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' }) userErrors!: UserError[];
}

@ObjectType({ description: 'Result of adding or changing a research group' })
export class ResearchGroupPayload {
  @Field(() => ResearchGroupNode, { nullable: true, description: 'The group' }) researchGroup!: ResearchGroupNode | null;
  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' }) userErrors!: UserError[];
}

@ObjectType({ description: 'Result of opening an account' })
export class UserCreatePayload {
  @Field(() => UserNode, { nullable: true, description: 'The new user' }) user!: UserNode | null;
  @Field(() => String, { nullable: true, description: 'The initial password, shown this once and never stored in clear; the user should change it' })
  initialPassword!: string | null;
  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' }) userErrors!: UserError[];
}

@ObjectType({ description: 'Result of changing a user' })
export class UserPayload {
  @Field(() => UserNode, { nullable: true, description: 'The user' }) user!: UserNode | null;
  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' }) userErrors!: UserError[];
}
