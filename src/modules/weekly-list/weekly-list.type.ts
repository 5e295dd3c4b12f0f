import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../core/ids';
import { Node } from '../../core/node';
import { LocalDate } from '../../core/scalars';
import { HomeworkForm } from '../bank/bank.enums';
import { WeeklyList, WeeklyListEntry, WeeklyListStatus } from './weekly-list.entity';

registerEnumType(WeeklyListStatus, {
  name: 'WeeklyListStatus',
  description: 'Whether a weekly list is still being planned or has been filed',
  valuesConfig: {
    DRAFT: { description: 'Being planned by the research group' },
    FILED: { description: 'Filed with the academic office; locked' },
  },
});

@ObjectType('WeeklyList', { implements: Node, description: "周学科作业清单: a research group's planned homework for one week" })
export class WeeklyListNode extends Node {
  @Field(() => LocalDate, { description: 'Monday of the week' })
  weekStart!: string;

  @Field(() => WeeklyListStatus, { description: 'Draft or filed' })
  status!: WeeklyListStatus;

  @Field(() => Int, { description: 'Revision for optimistic locking; pass it back as expectedRevision' })
  revision!: number;

  @Field(() => Date, { nullable: true, description: 'When it was filed' })
  filedAt!: Date | null;

  entity!: WeeklyList;

  static from(l: WeeklyList): WeeklyListNode {
    return Object.assign(new WeeklyListNode(), {
      id: toGlobalId('WeeklyList', l.id), weekStart: l.weekStart, status: l.status, revision: l.revision, filedAt: l.filedAt, entity: l,
    });
  }
}

@ObjectType('WeeklyListEntry', { description: 'One planned piece of homework on one day' })
export class WeeklyListEntryNode {
  @Field(() => LocalDate, { description: 'The day' })
  day!: string;

  @Field({ description: 'What the homework is' })
  description!: string;

  @Field(() => HomeworkForm, { description: 'Form of the homework' })
  form!: HomeworkForm;

  @Field(() => Int, { description: 'Predicted minutes' })
  predictedMinutes!: number;

  @Field(() => Int, { nullable: true, description: 'The approved version of the bank item planned, if one was named' })
  versionNo!: number | null;

  entity!: WeeklyListEntry;

  static from(e: WeeklyListEntry): WeeklyListEntryNode {
    return Object.assign(new WeeklyListEntryNode(), {
      day: e.day, description: e.description, form: e.form, predictedMinutes: e.predictedMinutes, versionNo: e.versionNo, entity: e,
    });
  }
}

@ObjectType('DayTotal', { description: 'Predicted minutes planned for one day' })
export class DayTotalNode {
  @Field(() => LocalDate, { description: 'The day' }) day!: string;
  @Field(() => Int, { description: 'All forms together' }) minutes!: number;
  @Field(() => Int, { description: 'Written homework only (what the caps limit)' }) writtenMinutes!: number;
}

@ObjectType({ description: "One grade's planned daily totals for a week" })
export class GradeWeekTotals {
  @Field(() => Int, { description: 'Grade 1–9' }) grade!: number;
  @Field(() => [DayTotalNode], { description: 'Monday to Sunday' }) days!: DayTotalNode[];
}
