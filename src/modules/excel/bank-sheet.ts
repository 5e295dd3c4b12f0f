import { textProblem } from '../../core/input-text';
import {
  HomeworkForm, KnowledgeOrFun, PracticalOrHumanistic, PrescribedOrSelfChosen, Provenance, RoutineOrStage, Tier,
} from '../bank/bank.enums';

/**
 * The Excel/CSV layout of a unit homework bank, with Chinese headers as research groups keep
 * it. One row per item; the header row names the columns (order does not matter on import).
 */
export const COLUMNS = [
  { key: 'unit', header: '单元', required: true },
  { key: 'title', header: '标题', required: true },
  { key: 'body', header: '题目内容', required: true },
  { key: 'answerGuide', header: '答案与评分标准', required: true },
  { key: 'tier', header: '层级', required: true },
  { key: 'form', header: '形式', required: true },
  { key: 'predictedMinutes', header: '预估时长(分钟)', required: true },
  { key: 'difficulty', header: '难度', required: false },
  { key: 'objectives', header: '目标', required: false },
  { key: 'provenance', header: '来源', required: false },
  { key: 'adaptedFrom', header: '改编自', required: false },
  { key: 'sourceNote', header: '来源说明', required: false },
  { key: 'routineOrStage', header: '常规/阶段', required: false },
  { key: 'prescribedOrSelfChosen', header: '规定/自主', required: false },
  { key: 'knowledgeOrFun', header: '知识/趣味', required: false },
  { key: 'practicalOrHumanistic', header: '实践/人文', required: false },
  { key: 'needsParent', header: '需家长', required: false },
  { key: 'needsPhone', header: '需手机', required: false },
  { key: 'repetitive', header: '机械重复', required: false },
  { key: 'composition', header: '作文', required: false },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];

const label = <T extends string>(pairs: [string, T][]) => ({ toValue: new Map(pairs), toLabel: new Map(pairs.map(([l, v]) => [v, l])) });

export const LABELS = {
  tier: label<Tier>([['基础', Tier.BASIC], ['提高', Tier.IMPROVING], ['拓展', Tier.EXTENDING]]),
  form: label<HomeworkForm>([['书面', HomeworkForm.WRITTEN], ['口头', HomeworkForm.ORAL], ['阅读', HomeworkForm.READING], ['实践', HomeworkForm.PRACTICAL],
    ['探究', HomeworkForm.INQUIRY], ['趣味', HomeworkForm.FUN], ['个性化', HomeworkForm.INDIVIDUAL]]),
  provenance: label<Provenance>([['选编', Provenance.SELECTED], ['改编', Provenance.ADAPTED], ['创编', Provenance.CREATED]]),
  routineOrStage: label<RoutineOrStage>([['常规', RoutineOrStage.ROUTINE], ['阶段', RoutineOrStage.STAGE]]),
  prescribedOrSelfChosen: label<PrescribedOrSelfChosen>([['规定', PrescribedOrSelfChosen.PRESCRIBED], ['自主', PrescribedOrSelfChosen.SELF_CHOSEN]]),
  knowledgeOrFun: label<KnowledgeOrFun>([['知识', KnowledgeOrFun.KNOWLEDGE], ['趣味', KnowledgeOrFun.FUN]]),
  practicalOrHumanistic: label<PracticalOrHumanistic>([['实践', PracticalOrHumanistic.PRACTICAL], ['人文', PracticalOrHumanistic.HUMANISTIC]]),
};

export interface SheetRow {
  unit: string;
  title: string;
  body: string;
  answerGuide: string;
  tier: Tier;
  form: HomeworkForm;
  predictedMinutes: number;
  difficulty: number;
  objectives: string[];
  provenance: Provenance;
  adaptedFrom: string | null;
  sourceNote: string | null;
  routineOrStage: RoutineOrStage;
  prescribedOrSelfChosen: PrescribedOrSelfChosen;
  knowledgeOrFun: KnowledgeOrFun;
  practicalOrHumanistic: PracticalOrHumanistic;
  needsParent: boolean;
  needsPhone: boolean;
  repetitive: boolean;
  composition: boolean;
}

export interface Problem {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' && v && 'text' in v ? String((v as { text: unknown }).text) : String(v)).trim();

/** Parses one row of cells keyed by column; returns the row or the problems found in it. */
export function parseRow(rowNo: number, cells: Partial<Record<ColumnKey, unknown>>): { row?: SheetRow; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (key: ColumnKey, message: string) => problems.push({ row: rowNo, column: COLUMNS.find((c) => c.key === key)!.header, message });
  const get = (key: ColumnKey) => text(cells[key]);
  for (const c of COLUMNS) if (c.required && !get(c.key)) problem(c.key, '不能为空');
  for (const c of COLUMNS) {
    const bad = textProblem(get(c.key));
    if (bad) problem(c.key, `含有无法保存的字符：${bad}`);
  }
  const pick = <T>(key: keyof typeof LABELS & ColumnKey, fallback?: T): T | undefined => {
    const raw = get(key);
    if (!raw) return fallback;
    const v = (LABELS[key].toValue as Map<string, unknown>).get(raw) as T | undefined;
    if (v === undefined) problem(key, `「${raw}」不是可选值：${[...LABELS[key].toValue.keys()].join('、')}`);
    return v;
  };
  const int = (key: ColumnKey, min: number, max: number, fallback?: number): number | undefined => {
    const raw = get(key);
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problem(key, `应为 ${min}–${max} 的整数，实际为「${raw}」`);
    return n;
  };
  const yes = (key: ColumnKey): boolean => {
    const raw = get(key);
    if (!raw || raw === '否') return false;
    if (raw === '是') return true;
    problem(key, `应为「是」或「否」，实际为「${raw}」`);
    return false;
  };
  const lengths: [ColumnKey, number][] = [['title', 100], ['body', 5000], ['answerGuide', 5000], ['sourceNote', 500]];
  for (const [key, max] of lengths) if (get(key).length > max) problem(key, `不能超过 ${max} 个字符`);
  const row: Partial<SheetRow> = {
    unit: get('unit'), title: get('title'), body: get('body'), answerGuide: get('answerGuide'),
    tier: pick<Tier>('tier'), form: pick<HomeworkForm>('form'), predictedMinutes: int('predictedMinutes', 1, 120),
    difficulty: int('difficulty', 1, 5, 2),
    objectives: get('objectives').split(/[；;\n]/).map((s) => s.trim()).filter(Boolean),
    provenance: pick<Provenance>('provenance', Provenance.CREATED), adaptedFrom: get('adaptedFrom') || null, sourceNote: get('sourceNote') || null,
    routineOrStage: pick('routineOrStage', RoutineOrStage.ROUTINE), prescribedOrSelfChosen: pick('prescribedOrSelfChosen', PrescribedOrSelfChosen.PRESCRIBED),
    knowledgeOrFun: pick('knowledgeOrFun', KnowledgeOrFun.KNOWLEDGE), practicalOrHumanistic: pick('practicalOrHumanistic', PracticalOrHumanistic.PRACTICAL),
    needsParent: yes('needsParent'), needsPhone: yes('needsPhone'), repetitive: yes('repetitive'), composition: yes('composition'),
  };
  if (row.provenance === Provenance.ADAPTED && !row.adaptedFrom) problem('adaptedFrom', '改编的题目须写明改编自哪道题（标题）');
  return problems.length ? { problems } : { row: row as SheetRow, problems };
}

/** The cells of an item for export, in column order. */
export function toCells(r: SheetRow): (string | number)[] {
  return [
    r.unit, r.title, r.body, r.answerGuide, LABELS.tier.toLabel.get(r.tier)!, LABELS.form.toLabel.get(r.form)!, r.predictedMinutes, r.difficulty,
    r.objectives.join('；'), LABELS.provenance.toLabel.get(r.provenance)!, r.adaptedFrom ?? '', r.sourceNote ?? '',
    LABELS.routineOrStage.toLabel.get(r.routineOrStage)!, LABELS.prescribedOrSelfChosen.toLabel.get(r.prescribedOrSelfChosen)!,
    LABELS.knowledgeOrFun.toLabel.get(r.knowledgeOrFun)!, LABELS.practicalOrHumanistic.toLabel.get(r.practicalOrHumanistic)!,
    r.needsParent ? '是' : '否', r.needsPhone ? '是' : '否', r.repetitive ? '是' : '否', r.composition ? '是' : '否',
  ];
}
