import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { RequestContext } from '../../core/context';
import { ForbiddenError, RuleViolation } from '../../core/errors';
import { Role } from '../../core/roles';
import { Time } from '../../core/scalars';
import { withTransaction } from '../../core/transaction';
import { School } from './school.entity';
import { SchoolErrors, SchoolMessages } from './school.errors';
import { gradesOf } from './school.policy';

@ObjectType({ description: 'A grade with a wake-up time of its own' })
export class GradeWakeUpTime {
  @Field(() => Int, { description: 'Grade 1–9' }) grade!: number;
  @Field(() => Time, { description: "When the grade's students get up" }) wakeUpTime!: string;
}

@InputType({ description: 'A grade with a wake-up time of its own' })
export class GradeWakeUpTimeInput {
  @Field(() => Int, { description: 'Grade 1–9' }) @Min(1) @Max(9) grade!: number;
  @Field(() => Time, { description: "When the grade's students get up" }) wakeUpTime!: string;
}

@ObjectType({ description: "The school's own settings" })
export class SchoolSettings {
  @Field({ description: "A class's head teacher may mark its homework in every subject" }) headTeacherMayMark!: boolean;
  @Field(() => Time, { description: 'When students get up; bedtime targets count back from it' }) wakeUpTime!: string;
  @Field(() => [GradeWakeUpTime], { description: 'Grades with a wake-up time of their own (the primary and junior sections may differ); the others keep wakeUpTime' })
  gradeWakeUpTimes!: GradeWakeUpTime[];
  @Field(() => Float, { description: 'A subject taking more than this × its prediction is flagged on the record sheet' }) overrunRatio!: number;
  @Field(() => Int, { description: 'Observations an item needs before its calibrated minutes are used' }) calibrationThreshold!: number;
  @Field(() => Time, { nullable: true, description: 'Homework for a school day is published by this time that day (在下课之前, e.g. 17:30); null: no limit' })
  latestPublishTime!: string | null;
  @Field({ description: 'Whether homework may be published for a day already past (never, by default)' }) pastDayPublishing!: boolean;

  static from(s: School): SchoolSettings {
    const gradeWakeUpTimes = Object.entries(s.wakeUpTimes ?? {}).map(([grade, time]) => ({ grade: Number(grade), wakeUpTime: time.slice(0, 5) }))
      .sort((a, b) => a.grade - b.grade);
    return { headTeacherMayMark: s.headTeacherMayMark, wakeUpTime: s.wakeUpTime.slice(0, 5), gradeWakeUpTimes, overrunRatio: s.overrunRatio, calibrationThreshold: s.calibrationThreshold,
      latestPublishTime: s.latestPublishTime?.slice(0, 5) ?? null, pastDayPublishing: s.pastDayPublishing };
  }
}

@InputType({ description: 'Change school settings; give only what changes' })
export class SchoolSettingsInput {
  @Field({ nullable: true, description: 'Head teachers may mark' }) @IsOptional() headTeacherMayMark?: boolean;
  @Field(() => Time, { nullable: true, description: 'Wake-up time' }) @IsOptional() wakeUpTime?: string;
  @Field(() => [GradeWakeUpTimeInput], { nullable: true, description: 'Wake-up times of grades with their own; replaces the list ([] : every grade keeps wakeUpTime)' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(9)
  gradeWakeUpTimes?: GradeWakeUpTimeInput[];
  @Field(() => Float, { nullable: true, description: 'Overrun ratio, 1–5' }) @IsOptional() @Min(1) @Max(5) overrunRatio?: number;
  @Field(() => Int, { nullable: true, description: 'Calibration threshold, 1–1000 observations' }) @IsOptional() @Min(1) @Max(1000) calibrationThreshold?: number;
  @Field(() => Time, { nullable: true, description: 'Latest publishing time for a school day; left out: unchanged; null: no limit' }) @IsOptional() latestPublishTime?: string | null;
  @Field({ nullable: true, description: 'Allow publishing homework for a past day' }) @IsOptional() pastDayPublishing?: boolean;
}

/** Reads and changes the school's settings (changes: academic office). */
export class SchoolSettingsService {
  async get(ctx: RequestContext): Promise<School> {
    return ctx.db.getRepository(School).findOneByOrFail({ id: ctx.schoolId });
  }

  async update(ctx: RequestContext, input: SchoolSettingsInput): Promise<School> {
    if (!ctx.hasRole(Role.ACADEMIC_OFFICE)) throw new ForbiddenError(SchoolMessages.SETTINGS_OFFICE_ONLY);
    return withTransaction(ctx, async (txCtx) => {
      const changes: Partial<School> = {};
      if (input.headTeacherMayMark != null) changes.headTeacherMayMark = input.headTeacherMayMark;
      if (input.wakeUpTime != null) changes.wakeUpTime = input.wakeUpTime;
      if (input.gradeWakeUpTimes != null) {
        const school = await txCtx.db.findOneByOrFail(School, { id: txCtx.schoolId });
        const outside = input.gradeWakeUpTimes.find((g) => !gradesOf(school.stage).includes(g.grade));
        if (outside) throw new RuleViolation(SchoolErrors.GRADE_NOT_IN_SCHOOL, ['gradeWakeUpTimes'], { grade: outside.grade, school: school.name });
        changes.wakeUpTimes = Object.fromEntries(input.gradeWakeUpTimes.map((g) => [String(g.grade), g.wakeUpTime]));
      }
      if (input.overrunRatio != null) changes.overrunRatio = input.overrunRatio;
      if (input.calibrationThreshold != null) changes.calibrationThreshold = input.calibrationThreshold;
      if (input.latestPublishTime !== undefined) changes.latestPublishTime = input.latestPublishTime;
      if (input.pastDayPublishing != null) changes.pastDayPublishing = input.pastDayPublishing;
      if (Object.keys(changes).length) await txCtx.db.update(School, { id: txCtx.schoolId }, changes);
      return txCtx.db.findOneByOrFail(School, { id: txCtx.schoolId });
    });
  }
}

export const schoolSettingsService = new SchoolSettingsService();
