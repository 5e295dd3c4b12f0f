import type { AssignmentShape, HomeworkForm, Tier } from '../../../graphql/graphql';

/** An item placed in an option while composing, with the minutes the service will count. */
export interface DraftItem {
  itemId: string;
  title: string;
  tier: Tier;
  form: HomeworkForm;
  /** Calibrated minutes when the bank has enough observations, else the teacher's prediction. */
  minutes: number;
  atHome: boolean;
}

export interface DraftOption {
  key: string;
  name: string;
  items: DraftItem[];
}

export interface ChoicePreview {
  key: string;
  label: string;
  optionKeys: string[];
  totalMinutes: number;
  writtenHomeMinutes: number;
  minMinutes: number;
  maxMinutes: number;
}

export const THREE_PART_OPTIONS: DraftOption[] = [
  { key: '1', name: '基础作业', items: [] },
  { key: '2', name: '拓展作业', items: [] },
  { key: '3', name: '发散作业', items: [] },
];

export const PACKAGE_KEYS = ['A', 'B', 'C', 'D', 'E'];

export function packageOptions(count: number): DraftOption[] {
  return PACKAGE_KEYS.slice(0, count).map((key) => ({ key, name: `${key} 套餐`, items: [] }));
}

/** The three levels of 三三三 (seed 004): A all parts, B two parts, C the basic part only. */
const LEVELS = [
  { key: 'A', label: 'A 层：基础 + 拓展 + 发散', optionKeys: ['1', '2', '3'] },
  { key: 'B2', label: 'B 层：基础 + 拓展', optionKeys: ['1', '2'] },
  { key: 'B3', label: 'B 层：基础 + 发散', optionKeys: ['1', '3'] },
  { key: 'C', label: 'C 层：基础', optionKeys: ['1'] },
];

/**
 * What students may choose and what each takes, as the service works it out: written minutes
 * count only items done at home; the range shown to students is −20 % to +25 %.
 */
export function choicesOf(shape: AssignmentShape, options: DraftOption[]): ChoicePreview[] {
  const defs = shape === 'THREE_PART' ? LEVELS : options.map((o) => ({ key: o.key, label: o.name, optionKeys: [o.key] }));
  return defs.map((d) => {
    const items = options.filter((o) => d.optionKeys.includes(o.key)).flatMap((o) => o.items);
    const totalMinutes = items.reduce((s, i) => s + i.minutes, 0);
    const writtenHomeMinutes = items.filter((i) => i.form === 'WRITTEN' && i.atHome).reduce((s, i) => s + i.minutes, 0);
    return { ...d, totalMinutes, writtenHomeMinutes, minMinutes: Math.floor(totalMinutes * 0.8), maxMinutes: Math.ceil(totalMinutes * 1.25) };
  });
}

/** Written at-home minutes of the heaviest choice: what the class's daily cap counts. */
export function heaviestWrittenMinutes(shape: AssignmentShape, options: DraftOption[]): number {
  return Math.max(0, ...choicesOf(shape, options).map((c) => c.writtenHomeMinutes));
}

/** Problems the service would refuse as INVALID_STRUCTURE, said before sending. */
export function structureProblems(options: DraftOption[]): string[] {
  const problems: string[] = [];
  for (const o of options) {
    if (o.items.length === 0) problems.push(`「${o.name}」还没有题目`);
    if (o.items.length > 10) problems.push(`「${o.name}」最多 10 道题`);
  }
  return problems;
}
