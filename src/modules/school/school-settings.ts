import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, Max, Min } from 'class-validator';
import { RequestContext } from '../../core/context';
import { ForbiddenError } from '../../core/errors';
import { Role } from '../../core/roles';
import { Time } from '../../core/scalars';
import { withTransaction } from '../../core/transaction';
import { School } from './school.entity';

@ObjectType({ description: "The school's own settings" })
export class SchoolSettings {
  @Field({ description: "A class's head teacher may mark its homework in every subject" }) headTeacherMayMark!: boolean;
  @Field(() => Time, { description: 'When students get up; bedtime targets count back from it' }) wakeUpTime!: string;
  @Field(() => Float, { description: 'A subject taking more than this × its prediction is flagged on the record sheet' }) overrunRatio!: number;
  @Field(() => Int, { description: 'Observations an item needs before its calibrated minutes are used' }) calibrationThreshold!: number;

  static from(s: School): SchoolSettings {
    return { headTeacherMayMark: s.headTeacherMayMark, wakeUpTime: s.wakeUpTime.slice(0, 5), overrunRatio: s.overrunRatio, calibrationThreshold: s.calibrationThreshold };
  }
}

@InputType({ description: 'Change school settings; give only what changes' })
export class SchoolSettingsInput {
  @Field({ nullable: true, description: 'Head teachers may mark' }) @IsOptional() headTeacherMayMark?: boolean;
  @Field(() => Time, { nullable: true, description: 'Wake-up time' }) @IsOptional() wakeUpTime?: string;
  @Field(() => Float, { nullable: true, description: 'Overrun ratio, 1–5' }) @IsOptional() @Min(1) @Max(5) overrunRatio?: number;
  @Field(() => Int, { nullable: true, description: 'Calibration threshold, 1–1000 observations' }) @IsOptional() @Min(1) @Max(1000) calibrationThreshold?: number;
}

/** Reads and changes the school's settings (changes: academic office). */
export class SchoolSettingsService {
  async get(ctx: RequestContext): Promise<School> {
    return ctx.db.getRepository(School).findOneByOrFail({ id: ctx.schoolId });
  }

  async update(ctx: RequestContext, input: SchoolSettingsInput): Promise<School> {
    if (!ctx.hasRole(Role.ACADEMIC_OFFICE)) throw new ForbiddenError('Only the academic office changes school settings');
    return withTransaction(ctx, async (tx) => {
      const changes: Partial<School> = {};
      if (input.headTeacherMayMark != null) changes.headTeacherMayMark = input.headTeacherMayMark;
      if (input.wakeUpTime != null) changes.wakeUpTime = input.wakeUpTime;
      if (input.overrunRatio != null) changes.overrunRatio = input.overrunRatio;
      if (input.calibrationThreshold != null) changes.calibrationThreshold = input.calibrationThreshold;
      if (Object.keys(changes).length) await tx.update(School, { id: ctx.schoolId }, changes);
      return tx.findOneByOrFail(School, { id: ctx.schoolId });
    });
  }
}

export const schoolSettingsService = new SchoolSettingsService();
