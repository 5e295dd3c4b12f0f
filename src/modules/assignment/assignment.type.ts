import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../core/ids';
import { Node } from '../../core/node';
import { LocalDate } from '../../core/scalars';
import { DayKind } from '../load/load.entity';
import { SubjectBudgetLineNode } from '../load/subject-budget.type';
import { PlanChoice } from './assignment-plan';
import { Assignment, AssignmentStatus } from './assignment.entity';
import { AssignmentShape } from './assignment.policy';

registerEnumType(AssignmentShape, {
  name: 'AssignmentShape',
  description: 'How an assignment is tiered',
  valuesConfig: {
    PACKAGES: { description: 'A/B 套餐 (menu-style): two or more packages, the student picks one' },
    THREE_PART: { description: '三三三: part 1 basic (required), 2 extending and 3 divergent (optional); levels A, B, C' },
  },
});
registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'Draft or published',
  valuesConfig: { DRAFT: { description: 'Not yet checked or shown to students' }, PUBLISHED: { description: 'Checked and shown to students' } },
});

@ObjectType('Assignment', { implements: Node, description: "A class's homework in one subject on one day, or over several days (weekend, holiday, a week's reading, a project)" })
export class AssignmentNode extends Node {
  @Field(() => LocalDate, { description: 'The day; of homework over several days, its first day' }) day!: string;
  @Field(() => LocalDate, { description: 'The last day: the same as `day` for one day\'s homework; hand-ins are due the school day after it' }) dueDay!: string;
  @Field({ description: 'Homework over several days: its minutes are spread over them (see `spread`)' }) multiDay!: boolean;
  @Field(() => AssignmentShape, { description: 'Packages or three parts' }) shape!: AssignmentShape;
  @Field({ description: 'Title, e.g. 分数的初步认识·第2课时' }) title!: string;
  @Field(() => AssignmentStatus, { description: 'Draft or published' }) status!: AssignmentStatus;
  @Field(() => Int, { description: 'Revision for optimistic locking; pass it back as expectedRevision' }) revision!: number;
  @Field(() => Date, { nullable: true, description: 'When it was published' }) publishedAt!: Date | null;

  entity!: Assignment;

  static from(a: Assignment): AssignmentNode {
    return Object.assign(new AssignmentNode(), {
      id: toGlobalId('Assignment', a.id), day: a.day, dueDay: a.dueDay, multiDay: a.dueDay !== a.day, shape: a.shape, title: a.title, status: a.status, revision: a.revision,
      publishedAt: a.publishedAt, entity: a,
    });
  }
}

@ObjectType('AssignmentDay', { description: 'One day of an assignment with the share of its minutes counted on that day' })
export class AssignmentDayNode {
  @Field(() => LocalDate, { description: 'The day' }) day!: string;
  @Field(() => Int, { description: "The day's share (relative to the other days'; 0: no work that day)" }) share!: number;
  @Field(() => Int, { description: 'Written at-home minutes of the heaviest choice counted on the day (what the written cap counts)' }) heaviestWrittenMinutes!: number;
  @Field(() => Int, { description: "Minutes of every form at home of the heaviest choice counted on the day (what the school's total-time cap counts)" }) heaviestAllFormsMinutes!: number;
}

@ObjectType('AssignmentChoice', { description: 'A package or level a student may choose, with its predicted minutes' })
export class AssignmentChoiceNode {
  @Field({ description: 'What to send to assignmentChoose: a package key, or A, B2, B3, C' }) key!: string;
  @Field({ description: 'e.g. A 套餐 or B 层：基础 + 拓展' }) label!: string;
  @Field(() => [String], { description: 'The options (parts) it includes' }) optionKeys!: string[];
  @Field(() => Int, { description: 'Predicted minutes, all items' }) totalMinutes!: number;
  @Field(() => Int, { description: 'Predicted minutes of written homework at home (what the cap limits)' }) writtenHomeMinutes!: number;
  @Field(() => Int, { description: "Predicted minutes of every form at home: written, oral, reading, practical, labour, exercise … (what the school's total-time cap limits)" })
  homeMinutes!: number;
  @Field(() => Int, { description: 'Completion-time range: lower end' }) minMinutes!: number;
  @Field(() => Int, { description: 'Completion-time range: upper end' }) maxMinutes!: number;

  static from(c: PlanChoice): AssignmentChoiceNode {
    return Object.assign(new AssignmentChoiceNode(), c);
  }
}

@ObjectType('AssignmentItem', { description: 'An exact bank item version in an option' })
export class AssignmentItemNode {
  @Field(() => Int, { description: 'The pinned version' }) versionNo!: number;
  @Field({ description: 'Done at home (true) or in school (false)' }) atHome!: boolean;
  @Field(() => Int, { description: 'Predicted minutes of this version' }) predictedMinutes!: number;
  itemId!: string;
}

@ObjectType('AssignmentOption', { description: 'A package, or a part of a three-part assignment' })
export class AssignmentOptionNode {
  @Field({ description: 'A, B… for packages; 1, 2, 3 for parts' }) key!: string;
  @Field({ description: 'e.g. A 套餐 or 基础作业' }) name!: string;
  @Field(() => [AssignmentItemNode], { description: 'The items of the option' }) items!: AssignmentItemNode[];
}

@ObjectType({ description: "One subject's line in a load preview or notice" })
export class SubjectLoadLine {
  @Field(() => AssignmentNode, { description: 'The assignment' }) assignment!: AssignmentNode;
  @Field(() => Int, { description: 'Written at-home minutes of the lightest choice' }) lightestWrittenMinutes!: number;
  @Field(() => Int, { description: 'Written at-home minutes of the heaviest choice' }) heaviestWrittenMinutes!: number;
  @Field(() => Int, { description: 'Minutes of every form at home of the lightest choice' }) lightestAllFormsMinutes!: number;
  @Field(() => Int, { description: "Minutes of every form at home of the heaviest choice (what the school's total-time cap counts)" }) heaviestAllFormsMinutes!: number;
}

@ObjectType('HeaviestStudentLoad', { description: 'With homework addressed to groups: the student whose day is heaviest (the heaviest choice of each assignment addressed to them)' })
export class HeaviestStudentLoadNode {
  @Field(() => Int, { description: "Written minutes at home of that student's heaviest path (what must fit the written cap)" }) writtenMinutes!: number;
  @Field(() => Int, { description: "Minutes of every form at home of the heaviest path of any student (what must fit the school's total-time cap)" }) allFormsMinutes!: number;
  /** The student, resolved as a UserNode. */
  studentId!: string;
}

@ObjectType('AllFormsLoad', { description: "A class's day of homework of every form at home against the school's total-time cap (seed 004: 二年级家庭作业不超过30分钟)" })
export class AllFormsLoadNode {
  @Field(() => Int, { nullable: true, description: "The school's cap on every form at home; null: the school sets none" }) capMinutes!: number | null;
  @Field(() => Int, { description: 'Sum of the lightest choices, every form at home' }) lightestTotalMinutes!: number;
  @Field(() => Int, { description: 'Sum of the heaviest choices, every form at home (what must fit the cap)' }) heaviestTotalMinutes!: number;
  @Field(() => Int, { nullable: true, description: 'Minutes left under the cap; null without a cap' }) remainingMinutes!: number | null;
  @Field(() => Int, { description: 'Minutes over the cap (0 when it fits or there is none)' }) excessMinutes!: number;
}

@ObjectType('DraftLoad', { description: 'An assignment being composed, counted as it would be saved' })
export class DraftLoadNode {
  @Field(() => [AssignmentChoiceNode], { description: 'What students could choose, with predicted minutes and ranges' }) choices!: AssignmentChoiceNode[];
  @Field(() => Int, { description: 'Written at-home minutes of the lightest choice' }) lightestWrittenMinutes!: number;
  @Field(() => Int, { description: 'Written at-home minutes of the heaviest choice (what the cap counts)' }) heaviestWrittenMinutes!: number;
  @Field(() => Int, { description: 'Minutes of every form at home of the lightest choice' }) lightestAllFormsMinutes!: number;
  @Field(() => Int, { description: "Minutes of every form at home of the heaviest choice (what the school's total-time cap counts)" }) heaviestAllFormsMinutes!: number;
  subjectId!: string;
}

@ObjectType('LoadPreview', { description: "A class's day against its cap, before or after publishing" })
export class LoadPreviewNode {
  @Field(() => LocalDate, { description: 'The day' }) date!: string;
  @Field(() => DayKind, { description: 'School day, weekend or holiday' }) dayKind!: DayKind;
  @Field(() => Int, { description: 'Written-homework cap in force' }) capMinutes!: number;
  @Field(() => [SubjectLoadLine], { description: 'Published subjects, and the previewed saved draft' }) subjects!: SubjectLoadLine[];
  @Field(() => DraftLoadNode, { nullable: true, description: 'The unsaved draft given as `draft`, in place of its subject\'s published assignment' }) draft!: DraftLoadNode | null;
  @Field(() => Int, { description: 'Sum of the lightest choices' }) lightestTotalMinutes!: number;
  @Field(() => Int, { description: 'Sum of the heaviest choices (what must fit the cap)' }) heaviestTotalMinutes!: number;
  @Field(() => Int, { description: 'Minutes left under the cap' }) remainingMinutes!: number;
  @Field(() => Int, { description: 'Minutes over the cap (0 when it fits)' }) excessMinutes!: number;
  @Field(() => AllFormsLoadNode, { description: "Every form at home against the school's total-time cap" }) allForms!: AllFormsLoadNode;
  @Field(() => [SubjectBudgetLineNode], {
    nullable: true,
    description: "Each subject's budget of the day (学科组、年级组作业统筹), its use as previewed (the draft counted as it would be published) and what is left; null on a day without subject budgets",
  })
  subjectBudgets!: SubjectBudgetLineNode[] | null;
  @Field(() => HeaviestStudentLoadNode, {
    nullable: true,
    description: "When any of the day's homework is addressed to a group: the heaviest student's day (each student counts only what is addressed to them); null otherwise, when the class figures are every student's",
  })
  heaviestStudent!: HeaviestStudentLoadNode | null;
}

@ObjectType({ description: "One subject of a student's day" })
export class StudentDayEntry {
  @Field(() => AssignmentNode, { description: 'The assignment' }) assignment!: AssignmentNode;
  @Field(() => [AssignmentChoiceNode], { description: 'What the student may choose' }) choices!: AssignmentChoiceNode[];
  @Field(() => String, { nullable: true, description: "The student's choice; null until they choose (or after a change removed it)" }) choice!: string | null;
  @Field({ description: 'True when the student still has to choose' }) needsChoice!: boolean;
  @Field(() => String, { nullable: true, description: "The teacher's suggested choice for the student (分层、个性化); any offered choice may still be chosen" })
  suggestedChoice!: string | null;
  /** The student's submission, resolved in the submission module. */
  submissionId!: string | null;
}

@ObjectType({ description: 'One subject in the weekly public notice' })
export class NoticeSubject {
  @Field({ description: 'Subject name' }) subject!: string;
  @Field({ description: 'Title of the homework' }) title!: string;
  @Field(() => [String], { description: 'Content: the items of every option, by title' }) content!: string[];
  @Field(() => Int, { description: 'Written at-home minutes of the lightest choice' }) lightestWrittenMinutes!: number;
  @Field(() => Int, { description: 'Written at-home minutes of the heaviest choice' }) heaviestWrittenMinutes!: number;
  @Field(() => Int, { description: 'Predicted minutes of the heaviest choice, all forms' }) heaviestTotalMinutes!: number;
  @Field(() => Int, { description: 'Minutes of every form at home of the lightest choice' }) lightestAllFormsMinutes!: number;
  @Field(() => Int, { description: "Minutes of every form at home of the heaviest choice (what the school's total-time cap counts)" }) heaviestAllFormsMinutes!: number;
  @Field(() => LocalDate, { description: 'The first day of the homework (the notice\'s day for one day\'s homework)' }) firstDay!: string;
  @Field(() => LocalDate, { description: 'The last day of the homework; after the first day for homework over several days, whose minutes here are this day\'s share' }) dueDay!: string;
  /** The class, day and subject, for `budgetMinutes`. */
  classId!: string;
  day!: string;
  dayKind!: DayKind;
  subjectId!: string;
}

@ObjectType({ description: 'One day in the weekly public notice' })
export class NoticeDay {
  @Field(() => LocalDate, { description: 'The day' }) day!: string;
  @Field(() => DayKind, { description: 'School day, weekend or holiday' }) dayKind!: DayKind;
  @Field(() => Int, { description: 'The cap' }) capMinutes!: number;
  @Field(() => [NoticeSubject], { description: 'Homework per subject' }) subjects!: NoticeSubject[];
  @Field(() => Int, { description: 'Heaviest written total of the day' }) heaviestTotalMinutes!: number;
  @Field(() => Int, { description: 'Lightest written total of the day' }) lightestTotalMinutes!: number;
  @Field(() => AllFormsLoadNode, { description: "Every form at home against the school's total-time cap" }) allForms!: AllFormsLoadNode;
}

@ObjectType('WeeklyNotice', { description: "作业公示: a class's homework for a week, with no student data" })
export class WeeklyNoticeNode {
  @Field({ description: 'Class name' }) className!: string;
  @Field(() => LocalDate, { description: 'Monday of the week' }) weekStart!: string;
  @Field(() => [NoticeDay], { description: 'Monday to Sunday' }) days!: NoticeDay[];
}
