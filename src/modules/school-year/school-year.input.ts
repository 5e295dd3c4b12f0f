import { ArrayMaxSize, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ClassCreateInput } from '../school-admin/school-admin.input';

@InputType({ description: 'Roll the school into the next academic year (学年升级); with dryRun, only report what would happen' })
export class SchoolYearRolloverInput {
  @Field({ description: 'The academic year to roll into, e.g. 2027-2028; its two terms must exist' })
  @Matches(/^\d{4}-\d{4}$/)
  academicYear!: string;

  @Field({ description: 'Only report the plan; change nothing' })
  dryRun!: boolean;

  @Field({ defaultValue: true, description: "Copy each class's teaching assignments (任课) to its next-year class; false: the new classes start without" })
  @IsOptional()
  carryTeachingAssignments!: boolean;

  @Field({ defaultValue: true, description: "Keep each class's head teacher (班主任) for its next-year class; false: the new classes start without" })
  @IsOptional()
  carryHeadTeachers!: boolean;

  @Field(() => [ClassCreateInput], { defaultValue: [], description: 'New empty entry classes to open, e.g. 一年级(1)班 (or leave them to the roster import)' })
  @IsOptional() @ArrayMaxSize(60) @ValidateNested({ each: true })
  entryClasses!: ClassCreateInput[];
}
