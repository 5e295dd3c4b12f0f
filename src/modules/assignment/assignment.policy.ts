import { HomeworkForm, Tier } from '../bank/bank.enums';
import { SubjectLoad } from '../load/load.policy';
import { DEFAULT_LOCALE, Locale, render } from '../../core/messages';
import { daysBetween } from '../../core/dates';
import { StructureProblems } from './assignment.errors';

/**
 * The shapes of a tiered assignment (seed 004) as pure functions.
 *
 * - PACKAGES (A/B 套餐, menu-style): two or more named options; a student picks one.
 * - THREE_PART (三三三): part 1 basic (required), part 2 extending and part 3 divergent
 *   (optional). Level A = all three parts, B = part 1 plus one optional part of the
 *   student's choice, C = part 1 only.
 */
export enum AssignmentShape {
  PACKAGES = 'packages',
  THREE_PART = 'three_part',
}

export const THREE_PART_KEYS = ['1', '2', '3'] as const;
export const MAX_PACKAGES = 5;

export interface Choice {
  /** What a student sends: a package key, or A, B2, B3, C for the three parts. */
  key: string;
  label: string;
  /** The option keys (parts) this choice includes. */
  optionKeys: string[];
}

export interface PlannedItem {
  optionKey: string;
  predictedMinutes: number;
  form: HomeworkForm;
  atHome: boolean;
}

export interface ChoiceMinutes {
  totalMinutes: number;
  writtenHomeMinutes: number;
  /** At-home minutes of every form (written, reading, oral, labour, exercise …): what the total-time cap counts. */
  homeMinutes: number;
  /** Completion-time range shown to students: −20 % to +25 % of the prediction. */
  minMinutes: number;
  maxMinutes: number;
}

/** The 三三三 levels and the parts each covers: the one place of this map. */
const THREE_PART_CHOICES: readonly Readonly<Choice>[] = [
  { key: 'A', label: 'A 层：基础 + 拓展 + 发散', optionKeys: ['1', '2', '3'] },
  { key: 'B2', label: 'B 层：基础 + 拓展', optionKeys: ['1', '2'] },
  { key: 'B3', label: 'B 层：基础 + 发散', optionKeys: ['1', '3'] },
  { key: 'C', label: 'C 层：基础', optionKeys: ['1'] },
];

/** The choices an assignment offers. */
export function choicesOf(shape: AssignmentShape, options: { key: string; name: string }[]): Choice[] {
  if (shape === AssignmentShape.PACKAGES) return options.map((o) => ({ key: o.key, label: o.name, optionKeys: [o.key] }));
  return THREE_PART_CHOICES.map((c) => ({ ...c, optionKeys: [...c.optionKeys] }));
}

/**
 * The option keys a choice covers: a package is itself; a 三三三 level its parts. A level the
 * map does not know (a choice was checked when it was made) covers the required basic part only.
 */
export function optionKeysOfChoice(shape: AssignmentShape, choice: string): string[] {
  if (shape !== AssignmentShape.THREE_PART) return [choice];
  return [...(THREE_PART_CHOICES.find((c) => c.key === choice)?.optionKeys ?? ['1'])];
}

export function choiceMinutes(choice: Choice, items: PlannedItem[]): ChoiceMinutes {
  const included = items.filter((i) => choice.optionKeys.includes(i.optionKey));
  const totalMinutes = included.reduce((sum, i) => sum + i.predictedMinutes, 0);
  const writtenHomeMinutes = included
    .filter((i) => i.atHome && i.form === HomeworkForm.WRITTEN)
    .reduce((sum, i) => sum + i.predictedMinutes, 0);
  const homeMinutes = included.filter((i) => i.atHome).reduce((sum, i) => sum + i.predictedMinutes, 0);
  return { totalMinutes, writtenHomeMinutes, homeMinutes, minMinutes: Math.floor(totalMinutes * 0.8), maxMinutes: Math.ceil(totalMinutes * 1.25) };
}

/** The lightest and heaviest at-home load (written, and every form) a subject's assignment can put on a student. */
export function subjectLoadOf(subjectId: string, shape: AssignmentShape, options: { key: string; name: string }[], items: PlannedItem[]): SubjectLoad {
  return subjectLoadOfChoices(subjectId, choicesOf(shape, options).map((c) => choiceMinutes(c, items)));
}

/** The same from the minutes of each choice (of one day of homework over several days, that day's). */
export function subjectLoadOfChoices(subjectId: string, minutes: ChoiceMinutes[]): SubjectLoad {
  const written = minutes.map((m) => m.writtenHomeMinutes);
  const allForms = minutes.map((m) => m.homeMinutes);
  return {
    subjectId,
    lightestWrittenMinutes: written.length ? Math.min(...written) : 0,
    heaviestWrittenMinutes: written.length ? Math.max(...written) : 0,
    lightestAllFormsMinutes: allForms.length ? Math.min(...allForms) : 0,
    heaviestAllFormsMinutes: allForms.length ? Math.max(...allForms) : 0,
  };
}

/** Structural problems of an assignment's options, as messages in `locale`; empty when it is well formed. */
export function structureProblems(shape: AssignmentShape, options: { key: string; itemCount: number }[], locale: Locale = DEFAULT_LOCALE): string[] {
  const problems: string[] = [];
  const keys = options.map((o) => o.key);
  if (new Set(keys).size !== keys.length) problems.push(render(StructureProblems.KEYS_NOT_UNIQUE, {}, locale));
  if (shape === AssignmentShape.PACKAGES) {
    if (options.length < 2 || options.length > MAX_PACKAGES) problems.push(render(StructureProblems.PACKAGE_COUNT, { max: MAX_PACKAGES, count: options.length }, locale));
  } else if (keys.length !== 3 || !THREE_PART_KEYS.every((k) => keys.includes(k))) {
    problems.push(render(StructureProblems.THREE_PARTS, {}, locale));
  }
  for (const o of options) if (o.itemCount === 0) problems.push(render(StructureProblems.EMPTY_OPTION, { key: o.key }, locale));
  return problems;
}

/** Rules on the items themselves (seeds 000–004); each problem names the rule. */
export interface ItemFacts {
  title: string;
  form: HomeworkForm;
  atHome: boolean;
  approved: boolean;
  retired: boolean;
  needsPhone: boolean;
  needsParent: boolean;
  repetitive: boolean;
  /** The item's tier: part 1 of a 三三三 holds basic items only. */
  tier: Tier;
  /** The grades the item suits: its own, plus those its research group marked it as suited to. */
  grades: number[];
}

export type ItemRule =
  | 'ITEM_NOT_APPROVED'
  | 'ITEM_NEEDS_PHONE'
  | 'ITEM_NEEDS_PARENT'
  | 'ITEM_REPETITIVE'
  | 'WRITTEN_AT_HOME_FORBIDDEN'
  | 'ITEM_OF_ANOTHER_GRADE'
  | 'PART_ONE_NOT_BASIC';

/**
 * The problems of one item placed in an assignment for a class of `grade`. With `placed`
 * (the shape and the option it is in), the 三三三 rule too: part 1 is the required basic part
 * (seed 004: 基础性作业为必做题), so it holds basic-tier items only.
 */
export function itemProblems(item: ItemFacts, grade: number, placed?: { shape: AssignmentShape; optionKey: string }): { rule: ItemRule }[] {
  const problems: { rule: ItemRule }[] = [];
  if (!item.grades.includes(grade)) problems.push({ rule: 'ITEM_OF_ANOTHER_GRADE' });
  if (placed?.shape === AssignmentShape.THREE_PART && placed.optionKey === '1' && item.tier !== Tier.BASIC) problems.push({ rule: 'PART_ONE_NOT_BASIC' });
  if (!item.approved || item.retired) problems.push({ rule: 'ITEM_NOT_APPROVED' });
  if (item.needsPhone) problems.push({ rule: 'ITEM_NEEDS_PHONE' });
  if (item.needsParent && item.form !== HomeworkForm.PRACTICAL) problems.push({ rule: 'ITEM_NEEDS_PARENT' });
  if (item.repetitive) problems.push({ rule: 'ITEM_REPETITIVE' });
  if (grade <= 2 && item.atHome && item.form === HomeworkForm.WRITTEN) problems.push({ rule: 'WRITTEN_AT_HOME_FORBIDDEN' });
  return problems;
}

/** A school's rule on when homework may be published (seed 004: 在下课之前完成作业布置). */
export interface PublishWindow {
  /** HH:MM: homework for a school day is published by this time that day; null: no limit. */
  latestPublishTime: string | null;
  /** Whether homework may be published for a day already past (never, by default). */
  pastDaysAllowed: boolean;
}

export type PublishTimeProblem =
  | { rule: 'PUBLISHED_FOR_PAST_DAY'; daysPast: number }
  | { rule: 'PUBLISHED_TOO_LATE'; minutesLate: number };

const minutesOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether homework for `day` may be published at `now` (the school's date and HH:MM): never
 * for a past day unless the school allows it; on a school day itself, not after the school's
 * latest publishing time. Homework for a later day, or for a weekend or holiday on that day,
 * may be published at any time.
 */
export function publishTimeProblem(day: string, isSchoolDay: boolean, now: { date: string; time: string }, window: PublishWindow): PublishTimeProblem | null {
  const daysPast = daysBetween(day, now.date);
  if (daysPast > 0) return window.pastDaysAllowed ? null : { rule: 'PUBLISHED_FOR_PAST_DAY', daysPast };
  if (daysPast === 0 && isSchoolDay && window.latestPublishTime) {
    const minutesLate = minutesOfDay(now.time) - minutesOfDay(window.latestPublishTime);
    if (minutesLate > 0) return { rule: 'PUBLISHED_TOO_LATE', minutesLate };
  }
  return null;
}
