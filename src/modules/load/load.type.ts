import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Revisioned } from '../../core/revisioned-input';
import { LocalDate } from '../../core/scalars';
import { CalendarDayKind, DayKind } from './load.entity';

registerEnumType(DayKind, {
  name: 'DayKind',
  description: 'Kind of day for the load caps',
  valuesConfig: {
    SCHOOL_DAY: { description: 'A school day' },
    WEEKEND: { description: 'Saturday or Sunday, unless the calendar makes it a school day' },
    HOLIDAY: { description: 'A holiday or vacation day of the school calendar' },
  },
});
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'What the school calendar says of a day',
  valuesConfig: {
    HOLIDAY: { description: 'A holiday or vacation day' },
    SCHOOL_DAY: { description: 'A weekend day that is a school day (调休)' },
  },
});

@ObjectType('LoadCap', { description: 'The caps of a grade on a kind of day: written homework, and (if the school sets one) every form at home' })
export class LoadCapNode {
  @Field(() => Int, { description: 'Grade 1–9' }) grade!: number;
  @Field(() => DayKind, { description: 'Kind of day' }) dayKind!: DayKind;
  @Field(() => Int, { description: 'National cap (0 for grades 1–2, 60 for 3–6, 90 for 7–9)' }) nationalCapMinutes!: number;
  @Field(() => Int, { nullable: true, description: "The school's own cap, if set" }) schoolCapMinutes!: number | null;
  @Field(() => Int, { description: 'The written cap in force' }) capMinutes!: number;
  @Field(() => Int, { nullable: true, description: "The school's cap on homework of every form at home (written, oral, reading, practical, labour, exercise …); null: none" })
  totalCapMinutes!: number | null;
  @Field(() => Int, { nullable: true, description: "Revision of the school's own cap, for expectedRevision" }) revision!: number | null;
}

@ObjectType('CalendarDay', { description: 'A day the school calendar marks' })
export class CalendarDayNode {
  @Field(() => LocalDate, { description: 'The day' }) day!: string;
  @Field(() => CalendarDayKind, { description: 'Holiday or school day' }) kind!: CalendarDayKind;
  @Field({ description: 'e.g. 国庆节 or 国庆调休' }) name!: string;
}

@InputType({ description: "Set the school's own caps for a grade and kind of day; a cap left out keeps its value, null removes it" })
export class LoadPolicySetInput extends Revisioned({ requiredWhen: 'when the school cap exists' }) {
  @Field(() => Int, { description: 'Grade 1–9' }) @Min(1) @Max(9) grade!: number;
  @Field(() => DayKind, { description: 'Kind of day' }) dayKind!: DayKind;
  @Field(() => Int, { nullable: true, description: 'Minutes of written homework at home, all subjects together; never above the national cap; null: the national cap' })
  @IsOptional()
  @Min(0)
  @Max(90)
  writtenCapMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes of homework of every form at home, all subjects together (seed 004: 二年级家庭作业不超过30分钟); null: no such cap' })
  @IsOptional()
  @Min(0)
  @Max(300)
  totalCapMinutes?: number | null;
}

@InputType({ description: 'Mark a day in the school calendar' })
export class CalendarDaySetInput {
  @Field(() => LocalDate, { description: 'The day' }) day!: string;
  @Field(() => CalendarDayKind, { description: 'Holiday or school day' }) kind!: CalendarDayKind;
  @Field({ description: 'Name, e.g. 国庆节' })
  @Length(1, 40)
  @Matches(/\S/, { message: '$property must not be blank' })
  name!: string;
}
