import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Role } from '../../core/roles';
import { LocalDate } from '../../core/scalars';
import { ParentRelation } from '../user/user.entity';

const NOT_BLANK = { message: '$property must not be blank' };

@InputType({ description: 'Add a term (学期)' })
export class TermCreateInput {
  @Field({ description: 'Academic year, e.g. 2026-2027' }) @Matches(/^\d{4}-\d{4}$/) academicYear!: string;
  @Field(() => Int, { description: '1 for the autumn term, 2 for the spring term' }) @Min(1) @Max(2) termNo!: number;
  @Field(() => LocalDate, { description: 'First day' }) startsOn!: string;
  @Field(() => LocalDate, { description: 'Last day' }) endsOn!: string;
}

@InputType({ description: "Change a term's dates" })
export class TermUpdateInput {
  @Field(() => ID, { description: 'The term' }) termId!: string;
  @Field(() => Int, { description: 'The revision you read' }) @Min(1) expectedRevision!: number;
  @Field(() => LocalDate, { description: 'First day' }) startsOn!: string;
  @Field(() => LocalDate, { description: 'Last day' }) endsOn!: string;
}

@InputType({ description: 'A named day of the calendar' })
export class NamedDayInput {
  @Field(() => LocalDate, { description: 'The day' }) day!: string;
  @Field({ description: 'e.g. 国庆节 or 国庆调休' }) @Length(1, 40) @Matches(/\S/, NOT_BLANK) name!: string;
}

@InputType({ description: "Set a term's calendar: Monday–Friday are school days and Saturday–Sunday weekends, except the days listed" })
export class CalendarTermSetInput {
  @Field(() => ID, { description: 'The term' }) termId!: string;
  @Field(() => Int, { description: 'The revision of the term you read' }) @Min(1) expectedRevision!: number;
  @Field(() => [NamedDayInput], { description: 'Holidays and vacation days within the term' })
  @ArrayMaxSize(366) @ValidateNested({ each: true })
  holidays!: NamedDayInput[];
  @Field(() => [NamedDayInput], { description: 'Saturdays or Sundays that are school days (调休)' })
  @ArrayMaxSize(366) @ValidateNested({ each: true })
  makeUpSchoolDays!: NamedDayInput[];
}

@InputType({ description: "Enter a calendar year's national holidays and 调休 days once; replaces that year's marks" })
export class CalendarYearSetInput {
  @Field(() => Int, { description: 'The calendar year, e.g. 2026' }) @Min(2000) @Max(2099) year!: number;
  @Field(() => [NamedDayInput], { description: 'Holidays of the year' })
  @ArrayMaxSize(366) @ValidateNested({ each: true })
  holidays!: NamedDayInput[];
  @Field(() => [NamedDayInput], { description: 'Saturdays or Sundays that are school days (调休)' })
  @ArrayMaxSize(366) @ValidateNested({ each: true })
  makeUpSchoolDays!: NamedDayInput[];
}

@InputType({ description: 'Add a subject by its Chinese name; its code is generated' })
export class SubjectCreateInput {
  @Field({ description: 'e.g. 语文, 数学, 道德与法治' }) @Length(1, 20) @Matches(/\S/, NOT_BLANK) name!: string;
}

@InputType({ description: 'Rename a subject' })
export class SubjectRenameInput {
  @Field(() => ID, { description: 'The subject' }) subjectId!: string;
  @Field(() => Int, { description: 'The revision you read' }) @Min(1) expectedRevision!: number;
  @Field({ description: 'The new name' }) @Length(1, 20) @Matches(/\S/, NOT_BLANK) name!: string;
}

@InputType({ description: 'Add a class; its name (e.g. 三年级(2)班) is generated' })
export class ClassCreateInput {
  @Field(() => Int, { description: 'Grade 1–9' }) @Min(1) @Max(9) grade!: number;
  @Field(() => Int, { description: 'Number within the grade' }) @Min(1) @Max(99) classNo!: number;
}

@InputType({ description: 'A teacher teaches a subject to a class (任课)' })
export class TeachingAssignmentCreateInput {
  @Field(() => ID, { description: 'A teacher of the school' }) teacherId!: string;
  @Field(() => ID, { description: 'The class' }) classId!: string;
  @Field(() => ID, { description: 'The subject' }) subjectId!: string;
}

@InputType({ description: 'Add a research group (one subject × one grade); its name is generated' })
export class ResearchGroupCreateInput {
  @Field(() => ID, { description: 'The subject' }) subjectId!: string;
  @Field(() => Int, { description: 'Grade 1–9' }) @Min(1) @Max(9) grade!: number;
  @Field(() => ID, { description: 'The lead (组长), a teacher' }) leadId!: string;
  @Field(() => [ID], { description: 'Members besides the lead, teachers' }) @ArrayMaxSize(100) memberIds!: string[];
}

@InputType({ description: "Change a research group's lead and members" })
export class ResearchGroupUpdateInput {
  @Field(() => ID, { description: 'The group' }) groupId!: string;
  @Field(() => Int, { description: 'The revision you read' }) @Min(1) expectedRevision!: number;
  @Field(() => ID, { description: 'The lead (组长), a teacher' }) leadId!: string;
  @Field(() => [ID], { description: 'Members besides the lead, teachers' }) @ArrayMaxSize(100) memberIds!: string[];
}

@InputType({ description: 'A child of a new parent account' })
export class ChildLinkInput {
  @Field(() => ID, { description: 'The student' }) studentId!: string;
  @Field(() => ParentRelation, { description: 'How the parent is related' }) relation!: ParentRelation;
}

@InputType({ description: 'Open an account; the initial password is generated and returned once' })
export class UserCreateInput {
  @Field({ description: 'Sign-in name, unique within the school: 2–64 lower-case letters, digits, dots, dashes or underscores' })
  @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/)
  username!: string;
  @Field({ description: 'Name shown to others, e.g. 王老师 or 李明' }) @Length(1, 64) @Matches(/\S/, NOT_BLANK) displayName!: string;
  @Field(() => [Role], { description: 'Roles (head teacher and research lead follow from appointments and are not given here)' })
  @ArrayMaxSize(6)
  roles!: Role[];
  @Field(() => ID, { nullable: true, description: "A student's class" }) @IsOptional() classId?: string | null;
  @Field(() => String, { nullable: true, description: "A student's 学籍号, unique within the school" })
  @IsOptional() @Length(1, 40) @Matches(/\S/, NOT_BLANK)
  studentNo?: string | null;
  @Field(() => [ChildLinkInput], { nullable: true, description: "A parent's children" })
  @IsOptional() @ArrayMaxSize(10) @ValidateNested({ each: true })
  children?: ChildLinkInput[] | null;
}

@InputType({ description: "Change a user's name, or a student's class or 学籍号; omitted fields stay" })
export class UserUpdateInput {
  @Field(() => ID, { description: 'The user' }) userId!: string;
  @Field(() => Int, { description: 'The revision you read' }) @Min(1) expectedRevision!: number;
  @Field(() => String, { nullable: true, description: 'Name shown to others' }) @IsOptional() @Length(1, 64) @Matches(/\S/, NOT_BLANK) displayName?: string | null;
  @Field(() => ID, { nullable: true, description: "A student's new class" }) @IsOptional() classId?: string | null;
  @Field(() => String, { nullable: true, description: "A student's 学籍号" }) @IsOptional() @Length(1, 40) @Matches(/\S/, NOT_BLANK) studentNo?: string | null;
}

@InputType({ description: 'Set the roles a user holds' })
export class UserRolesSetInput {
  @Field(() => ID, { description: 'The user' }) userId!: string;
  @Field(() => Int, { description: 'The revision you read' }) @Min(1) expectedRevision!: number;
  @Field(() => [Role], { description: 'The roles, replacing the stored ones' }) @ArrayMaxSize(6) roles!: Role[];
}

@InputType({ description: 'Deactivate an account (someone who left): it can no longer sign in; its history stays' })
export class UserDeactivateInput {
  @Field(() => ID, { description: 'The user' }) userId!: string;
  @Field(() => Int, { description: 'The revision you read' }) @Min(1) expectedRevision!: number;
}
