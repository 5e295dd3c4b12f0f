import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DayKind } from '../load/load.entity';
import { toGlobalId } from '../../core/ids';
import { Node } from '../../core/node';
import { LocalDate, Time } from '../../core/scalars';
import { HomeworkForm } from '../bank/bank.enums';
import { WeeklyList, WeeklyListAction, WeeklyListEntry, WeeklyListEvent, WeeklyListStatus } from './weekly-list.entity';
import { ListDayLoad } from './weekly-list-review.policy';

registerEnumType(WeeklyListStatus, {
  name: 'WeeklyListStatus',
  description: 'Where a weekly list is: being planned, filed with the academic office, approved, or returned to the group',
  valuesConfig: {
    DRAFT: { description: 'Being planned by the research group' },
    FILED: { description: 'Filed with the academic office; locked until the office approves or returns it' },
    APPROVED: { description: 'Approved by the academic office; final, and offered when teachers compose a day' },
    RETURNED: { description: 'Returned by the academic office with a comment; the group edits it and files it again' },
  },
});

registerEnumType(WeeklyListAction, {
  name: 'WeeklyListAction',
  description: 'A filing or review of a weekly list',
  valuesConfig: {
    FILED: { description: 'Filed by a member of the group' },
    APPROVED: { description: 'Approved by the academic office' },
    RETURNED: { description: 'Returned by the academic office with a comment' },
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

  @Field(() => Date, { nullable: true, description: 'When it was filed (last, after a return)' })
  filedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was first filed; lateness is measured then' })
  firstFiledAt!: Date | null;

  @Field({ description: "Whether it was first filed after the school's deadline (accepted, and shown to the office as late)" })
  late!: boolean;

  @Field(() => Int, { description: 'Minutes after the deadline it was first filed; 0 when on time or not filed' })
  minutesLate!: number;

  @Field(() => Date, { nullable: true, description: 'When the academic office last approved or returned it' })
  reviewedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The academic office's comment on its last review (always given on a return)" })
  reviewComment!: string | null;

  entity!: WeeklyList;

  static from(l: WeeklyList): WeeklyListNode {
    return Object.assign(new WeeklyListNode(), {
      id: toGlobalId('WeeklyList', l.id), weekStart: l.weekStart, status: l.status, revision: l.revision, filedAt: l.filedAt,
      firstFiledAt: l.firstFiledAt, late: l.minutesLate > 0, minutesLate: l.minutesLate, reviewedAt: l.reviewedAt, reviewComment: l.reviewComment, entity: l,
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

  @Field({ description: 'Done at home (counts against the caps) or in school' })
  atHome!: boolean;

  entity!: WeeklyListEntry;

  static from(e: WeeklyListEntry): WeeklyListEntryNode {
    return Object.assign(new WeeklyListEntryNode(), {
      day: e.day, description: e.description, form: e.form, predictedMinutes: e.predictedMinutes, versionNo: e.versionNo, atHome: e.atHome, entity: e,
    });
  }
}

@ObjectType('DayTotal', { description: 'Predicted minutes planned for one day' })
export class DayTotalNode {
  @Field(() => LocalDate, { description: 'The day' }) day!: string;
  @Field(() => Int, { description: 'All forms at home together' }) minutes!: number;
  @Field(() => Int, { description: 'Written homework at home only (what the caps limit)' }) writtenMinutes!: number;
}

@ObjectType({ description: "One grade's planned daily totals for a week" })
export class GradeWeekTotals {
  @Field(() => Int, { description: 'Grade 1–9' }) grade!: number;
  @Field(() => [DayTotalNode], { description: 'Monday to Sunday' }) days!: DayTotalNode[];
}

@ObjectType('WeeklyListEvent', { description: 'A filing or review of a weekly list, kept for the record' })
export class WeeklyListEventNode {
  @Field(() => WeeklyListAction, { description: 'Filed, approved or returned' }) action!: WeeklyListAction;
  @Field(() => Int, { description: "The list's revision after it" }) revision!: number;
  @Field(() => Date, { description: 'When' }) at!: Date;
  @Field(() => String, { nullable: true, description: "The academic office's comment" }) comment!: string | null;
  @Field(() => Int, { description: 'On a first filing after the deadline: minutes late; else 0' }) minutesLate!: number;

  entity!: WeeklyListEvent;

  static from(e: WeeklyListEvent): WeeklyListEventNode {
    return Object.assign(new WeeklyListEventNode(), { action: e.action, revision: e.revision, at: e.at, comment: e.comment, minutesLate: e.minutesLate, entity: e });
  }
}

@ObjectType('WeeklyListDayLoad', { description: "One day of a weekly list's load check: this list and the grade's other filed lists against the caps (work at home only)" })
export class WeeklyListDayLoadNode implements ListDayLoad {
  @Field(() => LocalDate, { description: 'The day' }) day!: string;
  @Field(() => DayKind, { description: 'School day, weekend or holiday' }) dayKind!: DayKind;
  @Field(() => Int, { description: "The grade's written cap in force that day" }) capMinutes!: number;
  @Field(() => Int, { nullable: true, description: "The school's cap on every form at home that day; null: none" }) totalCapMinutes!: number | null;
  @Field(() => Int, { description: 'Written minutes at home this list plans' }) thisListWrittenMinutes!: number;
  @Field(() => Int, { description: "Written minutes at home of the grade's other filed or approved lists" }) otherListsWrittenMinutes!: number;
  @Field(() => Int, { description: 'Both together' }) writtenMinutes!: number;
  @Field(() => Int, { description: 'Written minutes over the cap (0: fits)' }) writtenExcessMinutes!: number;
  @Field(() => Int, { description: 'Minutes of every form at home this list plans' }) thisListMinutes!: number;
  @Field(() => Int, { description: "Minutes of every form at home of the grade's other filed or approved lists" }) otherListsMinutes!: number;
  @Field(() => Int, { description: 'Both together' }) minutes!: number;
  @Field(() => Int, { description: "Minutes over the school's total cap (0: fits, or no total cap)" }) totalExcessMinutes!: number;
  @Field({ description: 'Whether the day fits both caps' }) fits!: boolean;
}

@ObjectType('WeeklyListLoadCheck', { description: "A weekly list's own load check: filing is refused while a day is over a cap; a draft may be saved over" })
export class WeeklyListLoadCheckNode {
  @Field({ description: 'Whether every day fits' }) fits!: boolean;
  @Field(() => [WeeklyListDayLoadNode], { description: 'Monday to Sunday' }) days!: WeeklyListDayLoadNode[];
  @Field(() => [WeeklyListDayLoadNode], { description: 'The days over a cap' }) daysOver!: WeeklyListDayLoadNode[];
}

@ObjectType('WeeklyListDeadline', { description: "When a school's weekly lists are due: a weekday of the week before the list's week, at a time (China Standard Time)" })
export class WeeklyListDeadlineNode {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday, of the week before' }) dueWeekday!: number;
  @Field(() => Time, { description: 'The time of day' }) dueTime!: string;
  @Field(() => Int, { nullable: true, description: 'Revision of the setting; null while the school keeps the default (Thursday 17:00)' }) revision!: number | null;
}

@ObjectType('WeeklyListSuggestion', { description: "A day of the class's grade group's weekly list: where composing the class's homework that day starts" })
export class WeeklyListSuggestionNode {
  @Field(() => WeeklyListNode, { description: 'The list (approved or filed)' }) list!: WeeklyListNode;
  @Field(() => LocalDate, { description: 'The day' }) day!: string;
  @Field(() => [WeeklyListEntryNode], { description: "The list's entries of that day" }) entries!: WeeklyListEntryNode[];
}
