import { HomeworkForm } from '../bank/bank.enums';
import { SubjectLoad } from '../load/load.policy';

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
  /** Completion-time range shown to students: −20 % to +25 % of the prediction. */
  minMinutes: number;
  maxMinutes: number;
}

/** The choices an assignment offers. */
export function choicesOf(shape: AssignmentShape, options: { key: string; name: string }[]): Choice[] {
  if (shape === AssignmentShape.PACKAGES) return options.map((o) => ({ key: o.key, label: o.name, optionKeys: [o.key] }));
  return [
    { key: 'A', label: 'A 层：基础 + 拓展 + 发散', optionKeys: ['1', '2', '3'] },
    { key: 'B2', label: 'B 层：基础 + 拓展', optionKeys: ['1', '2'] },
    { key: 'B3', label: 'B 层：基础 + 发散', optionKeys: ['1', '3'] },
    { key: 'C', label: 'C 层：基础', optionKeys: ['1'] },
  ];
}

export function choiceMinutes(choice: Choice, items: PlannedItem[]): ChoiceMinutes {
  const included = items.filter((i) => choice.optionKeys.includes(i.optionKey));
  const totalMinutes = included.reduce((sum, i) => sum + i.predictedMinutes, 0);
  const writtenHomeMinutes = included
    .filter((i) => i.atHome && i.form === HomeworkForm.WRITTEN)
    .reduce((sum, i) => sum + i.predictedMinutes, 0);
  return { totalMinutes, writtenHomeMinutes, minMinutes: Math.floor(totalMinutes * 0.8), maxMinutes: Math.ceil(totalMinutes * 1.25) };
}

/** The lightest and heaviest written at-home load a subject's assignment can put on a student. */
export function subjectLoadOf(subjectId: string, shape: AssignmentShape, options: { key: string; name: string }[], items: PlannedItem[]): SubjectLoad {
  const written = choicesOf(shape, options).map((c) => choiceMinutes(c, items).writtenHomeMinutes);
  return {
    subjectId,
    lightestWrittenMinutes: written.length ? Math.min(...written) : 0,
    heaviestWrittenMinutes: written.length ? Math.max(...written) : 0,
  };
}

/** Structural problems of an assignment's options, as messages; empty when it is well formed. */
export function structureProblems(shape: AssignmentShape, options: { key: string; itemCount: number }[]): string[] {
  const problems: string[] = [];
  const keys = options.map((o) => o.key);
  if (new Set(keys).size !== keys.length) problems.push('option keys must be unique');
  if (shape === AssignmentShape.PACKAGES) {
    if (options.length < 2 || options.length > MAX_PACKAGES) problems.push(`packages need 2–${MAX_PACKAGES} options, got ${options.length}`);
  } else if (keys.length !== 3 || !THREE_PART_KEYS.every((k) => keys.includes(k))) {
    problems.push('three-part homework has exactly the parts 1 (basic), 2 (extending) and 3 (divergent)');
  }
  for (const o of options) if (o.itemCount === 0) problems.push(`option ${o.key} has no item`);
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
}

export type ItemRule =
  | 'ITEM_NOT_APPROVED'
  | 'ITEM_NEEDS_PHONE'
  | 'ITEM_NEEDS_PARENT'
  | 'ITEM_REPETITIVE'
  | 'WRITTEN_AT_HOME_FORBIDDEN';

export function itemProblems(item: ItemFacts, grade: number): { rule: ItemRule; message: string }[] {
  const problems: { rule: ItemRule; message: string }[] = [];
  if (!item.approved || item.retired) problems.push({ rule: 'ITEM_NOT_APPROVED', message: `「${item.title}」 is not an approved, unretired bank item version` });
  if (item.needsPhone) problems.push({ rule: 'ITEM_NEEDS_PHONE', message: `「${item.title}」 needs a phone; homework may not` });
  if (item.needsParent && item.form !== HomeworkForm.PRACTICAL) {
    problems.push({ rule: 'ITEM_NEEDS_PARENT', message: `「${item.title}」 needs a parent but is not practical homework; homework is never assigned to parents` });
  }
  if (item.repetitive) problems.push({ rule: 'ITEM_REPETITIVE', message: `「${item.title}」 is mechanical or repetitive` });
  if (grade <= 2 && item.atHome && item.form === HomeworkForm.WRITTEN) {
    problems.push({ rule: 'WRITTEN_AT_HOME_FORBIDDEN', message: `Grade ${grade} has no written homework at home: 「${item.title}」 must be done in school or be another form` });
  }
  return problems;
}
