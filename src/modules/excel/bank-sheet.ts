import { textProblem } from '../../core/input-text';
import type { ItemContent } from '../bank/bank-item.service';
import {
  HomeworkForm, ItemStatus, KnowledgeOrFun, PracticalOrHumanistic, PrescribedOrSelfChosen, Provenance, RoutineOrStage, Tier,
} from '../bank/bank.enums';

/**
 * The Excel/CSV layout of a unit homework bank, with Chinese headers as research groups keep
 * it. One row per item; the header row names the columns (order does not matter on import).
 * `aliases` are the other names teachers give a column; each names one column only, so a
 * sheet's header never reads two ways. Headers compare after `normalizeHeader`, so full-width
 * brackets and slashes, spaces and a required-column asterisk need no aliases of their own.
 * 状态 is written on export so drafts and approved items can be told apart; the import never
 * sets a status from it (items arrive as drafts).
 */
export const COLUMNS = [
  { key: 'unit', header: '单元', aliases: ['单元名称', '所属单元'], required: true },
  { key: 'title', header: '标题', aliases: ['题目标题', '作业标题'], required: true },
  { key: 'body', header: '题目内容', aliases: ['题目', '作业内容', '题干'], required: true },
  { key: 'answerGuide', header: '答案与评分标准', aliases: ['答案及评分标准', '答案和评分标准', '参考答案', '答案', '评分标准'], required: true },
  { key: 'tier', header: '层级', aliases: ['层次', '分层', '作业层级', '作业层次'], required: true },
  { key: 'form', header: '形式', aliases: ['作业形式'], required: true },
  {
    key: 'predictedMinutes', header: '预估时长(分钟)', required: true,
    aliases: ['预估时长/分钟', '预估时长(分)', '预估时长', '预计时长(分钟)', '预计时长/分钟', '预计用时(分钟)', '时长(分钟)', '时长/分钟', '时长(分)', '时长', '用时(分钟)'],
  },
  { key: 'difficulty', header: '难度', aliases: ['难度等级', '难易程度'], required: false },
  { key: 'objectives', header: '目标', aliases: ['学习目标', '教学目标', '对应目标'], required: false },
  { key: 'provenance', header: '来源', aliases: ['来源类型'], required: false },
  { key: 'adaptedFrom', header: '改编自', aliases: ['原题'], required: false },
  { key: 'sourceNote', header: '来源说明', aliases: ['出处'], required: false },
  { key: 'routineOrStage', header: '常规/阶段', aliases: ['常规性/阶段性'], required: false },
  { key: 'prescribedOrSelfChosen', header: '规定/自主', aliases: ['规定性/自主性'], required: false },
  { key: 'knowledgeOrFun', header: '知识/趣味', aliases: ['知识性/趣味性'], required: false },
  { key: 'practicalOrHumanistic', header: '实践/人文', aliases: ['实践性/人文性'], required: false },
  { key: 'needsParent', header: '需家长', aliases: ['需要家长', '需家长参与'], required: false },
  { key: 'needsPhone', header: '需手机', aliases: ['需要手机', '需用手机'], required: false },
  { key: 'repetitive', header: '机械重复', aliases: ['机械重复性'], required: false },
  { key: 'composition', header: '作文', aliases: ['是否作文'], required: false },
  { key: 'status', header: '状态', aliases: ['审核状态'], required: false },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type Column = (typeof COLUMNS)[number];

/**
 * A header cell as compared with the table: NFKC folds full-width brackets, slashes, digits and
 * letters to their ASCII forms; spaces (a line break in a wrapped header too) and the asterisk
 * templates put on required columns do not count.
 */
export const normalizeHeader = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '').replace(/^\*+|\*+$/g, '');

const COLUMN_BY_HEADER = new Map<string, ColumnKey>(COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normalizeHeader(h), c.key] as [string, ColumnKey])));

/** The column a header cell names, if any. */
export const columnOfHeader = (text: string): ColumnKey | undefined => COLUMN_BY_HEADER.get(normalizeHeader(text));

/** A column's header with the variants the import accepts, for whole-file messages. */
export const describeColumn = (c: Column): string => (c.aliases.length ? `${c.header}（也可写作：${c.aliases.join('、')}）` : c.header);

const label = <T extends string>(pairs: [string, T][]) => ({ toValue: new Map(pairs), toLabel: new Map(pairs.map(([l, v]) => [v, l])) });

export const LABELS = {
  tier: label<Tier>([['基础', Tier.BASIC], ['提高', Tier.IMPROVING], ['拓展', Tier.EXTENDING]]),
  form: label<HomeworkForm>([['书面', HomeworkForm.WRITTEN], ['口头', HomeworkForm.ORAL], ['阅读', HomeworkForm.READING], ['实践', HomeworkForm.PRACTICAL],
    ['探究', HomeworkForm.INQUIRY], ['趣味', HomeworkForm.FUN], ['个性化', HomeworkForm.INDIVIDUAL],
    ['劳动', HomeworkForm.LABOUR], ['体育锻炼', HomeworkForm.EXERCISE]]),
  provenance: label<Provenance>([['选编', Provenance.SELECTED], ['改编', Provenance.ADAPTED], ['创编', Provenance.CREATED]]),
  routineOrStage: label<RoutineOrStage>([['常规', RoutineOrStage.ROUTINE], ['阶段', RoutineOrStage.STAGE]]),
  prescribedOrSelfChosen: label<PrescribedOrSelfChosen>([['规定', PrescribedOrSelfChosen.PRESCRIBED], ['自主', PrescribedOrSelfChosen.SELF_CHOSEN]]),
  knowledgeOrFun: label<KnowledgeOrFun>([['知识', KnowledgeOrFun.KNOWLEDGE], ['趣味', KnowledgeOrFun.FUN]]),
  practicalOrHumanistic: label<PracticalOrHumanistic>([['实践', PracticalOrHumanistic.PRACTICAL], ['人文', PracticalOrHumanistic.HUMANISTIC]]),
  status: label<ItemStatus>([['草稿', ItemStatus.DRAFT], ['待审', ItemStatus.SUBMITTED], ['已通过', ItemStatus.APPROVED], ['已退回', ItemStatus.RETURNED],
    ['已停用', ItemStatus.RETIRED]]),
};

/** One row of the bank sheet: an item's content as the sheet names it (unit and objectives by text). */
export interface SheetRow extends Omit<ItemContent, 'beyondCurriculumStandard' | 'sourceItemId' | 'sourceNote' | 'objectiveIds'> {
  unit: string;
  objectives: string[];
  adaptedFrom: string | null;
  sourceNote: string | null;
  /** 状态 as the sheet states it; null when the cell is empty or the column absent. */
  status: ItemStatus | null;
}

export interface Problem {
  /** Row number as the spreadsheet shows it (title rows above the header count). */
  row: number;
  column: string;
  message: string;
}

/** What a cell reads as: its text, or why it has none the import could use. */
export type CellReading = { text: string } | { refusal: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The text of an exceljs cell value. Besides strings, numbers and booleans a cell may hold a
 * formula (its cached result is what Excel shows; a file saved by a program that does not
 * calculate has none), rich text (runs of formatted text), a hyperlink (shown text, itself
 * possibly rich text), an error (#N/A, #REF!…) or a date. An error or a formula without a
 * result has no text to import: the reading says why, for the row's problem.
 */
export function cellText(value: unknown): CellReading {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { refusal: '是无效的日期' };
    const iso = value.toISOString();
    return { text: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ') };
  }
  if (!isObject(value)) return { text: String(value) };
  if ('error' in value) return { refusal: `是错误值 ${String(value.error)}，请改正后再导入` };
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined || value.result === null) {
      return { refusal: `是公式 =${String(value.formula ?? value.sharedFormula)}，但文件里没有保存它的计算结果；请在 Excel 中打开并保存，或改填数值` };
    }
    return cellText(value.result);
  }
  if (Array.isArray(value.richText)) {
    return { text: value.richText.map((run: unknown) => (isObject(run) && run.text != null ? String(run.text) : '')).join('') };
  }
  if ('hyperlink' in value) return value.text === undefined || value.text === null ? { text: String(value.hyperlink) } : cellText(value.text);
  if ('text' in value) return cellText(value.text);
  return { refusal: '的内容无法识别，请改填文字或数值' };
}

/**
 * A whole number as teachers type it: full-width digits (１５) fold to ASCII, and the minutes
 * column also takes its unit and an estimate's 约 (15分钟, 15 分钟, 约15分钟). NaN when the
 * text is no such number.
 */
function wholeNumber(raw: string, minutes: boolean): number {
  const folded = raw.normalize('NFKC').replace(/\s+/g, '');
  const match = folded.match(minutes ? /^(?:大约|约)?(\d+(?:\.\d+)?)(?:分钟|分)?$/ : /^(\d+(?:\.\d+)?)$/);
  const n = match ? Number(match[1]) : NaN;
  return Number.isInteger(n) ? n : NaN;
}

/**
 * Parses one row of cells keyed by column; returns the row or the problems found in it.
 * `sheet` names the worksheet in the problems of cells that cannot be read; `headers` are the
 * column headers as the sheet writes them, so a problem names the column the teacher sees.
 */
export function parseRow(
  rowNo: number, cells: Partial<Record<ColumnKey, unknown>>, sheet: string, headers: Partial<Record<ColumnKey, string>> = {},
): { row?: SheetRow; problems: Problem[] } {
  const problems: Problem[] = [];
  const headerOf = (key: ColumnKey) => headers[key] ?? COLUMNS.find((c) => c.key === key)!.header;
  const problem = (key: ColumnKey, message: string) => problems.push({ row: rowNo, column: headerOf(key), message });
  const texts = new Map<ColumnKey, string>();
  const unreadable = new Set<ColumnKey>();
  for (const c of COLUMNS) {
    const reading = cellText(cells[c.key]);
    if ('refusal' in reading) {
      unreadable.add(c.key);
      problem(c.key, `工作表「${sheet}」第 ${rowNo} 行「${headerOf(c.key)}」列${reading.refusal}`);
    } else {
      texts.set(c.key, reading.text.trim());
    }
  }
  // An unreadable cell reads as empty below; its own problem says what is wrong with it.
  const get = (key: ColumnKey) => texts.get(key) ?? '';
  for (const c of COLUMNS) if (c.required && !unreadable.has(c.key) && !get(c.key)) problem(c.key, '不能为空');
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
    const minutes = key === 'predictedMinutes';
    const n = wholeNumber(raw, minutes);
    if (Number.isNaN(n) || n < min || n > max) {
      problem(key, minutes ? `应为 ${min}–${max} 的整数（分钟），如 15 或「15分钟」，实际为「${raw}」` : `应为 ${min}–${max} 的整数，实际为「${raw}」`);
    }
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
    status: pick<ItemStatus>('status') ?? null,
  };
  if (row.provenance === Provenance.ADAPTED && !row.adaptedFrom) problem('adaptedFrom', '改编的题目须写明改编自哪道题（标题）');
  return problems.length ? { problems } : { row: row as SheetRow, problems };
}

/** The cells of an item for export, in column order. */
export function toCells(r: SheetRow & { status: ItemStatus }): (string | number)[] {
  return [
    r.unit, r.title, r.body, r.answerGuide, LABELS.tier.toLabel.get(r.tier)!, LABELS.form.toLabel.get(r.form)!, r.predictedMinutes, r.difficulty,
    r.objectives.join('；'), LABELS.provenance.toLabel.get(r.provenance)!, r.adaptedFrom ?? '', r.sourceNote ?? '',
    LABELS.routineOrStage.toLabel.get(r.routineOrStage)!, LABELS.prescribedOrSelfChosen.toLabel.get(r.prescribedOrSelfChosen)!,
    LABELS.knowledgeOrFun.toLabel.get(r.knowledgeOrFun)!, LABELS.practicalOrHumanistic.toLabel.get(r.practicalOrHumanistic)!,
    r.needsParent ? '是' : '否', r.needsPhone ? '是' : '否', r.repetitive ? '是' : '否', r.composition ? '是' : '否', LABELS.status.toLabel.get(r.status)!,
  ];
}
