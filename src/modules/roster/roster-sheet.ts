import type ExcelJS from 'exceljs';
import { textProblem } from '../../core/input-text';
import { cellText, normalizeHeader } from '../excel/bank-sheet';
import { gradeName } from '../school/school.policy';
import { ParentRelation } from '../user/user.entity';

/**
 * The layout of a school's roster workbook (花名册), as schools keep it and the education
 * bureau's student system exports it: one sheet each for 班级, 教师, 任课, 学生 and 家长, a
 * header row of Chinese column names (a merged title may stand above it), one row per thing.
 * Headers compare after `normalizeHeader` (full-width brackets and digits, spaces, a
 * required-column asterisk); sheet names by the word they contain.
 */
export type SheetKey = 'classes' | 'teachers' | 'teaching' | 'students' | 'parents';

interface ColumnDef {
  key: string;
  header: string;
  aliases: string[];
  required: boolean;
}

interface SheetDef {
  key: SheetKey;
  name: string;
  /** Words a sheet's name may contain instead. */
  words: string[];
  columns: ColumnDef[];
}

const col = (key: string, header: string, aliases: string[] = [], required = false): ColumnDef => ({ key, header, aliases, required });

/** Sheets in the order they are read and written; columns in the order the export writes them. */
export const SHEETS: SheetDef[] = [
  {
    key: 'classes', name: '班级', words: ['班级'],
    columns: [
      col('grade', '年级'), col('class', '班级', ['班级名称', '班名', '班'], true),
      col('headStaffNo', '班主任工号'), col('headName', '班主任', ['班主任姓名']),
    ],
  },
  {
    key: 'teachers', name: '教师', words: ['教师', '老师', '教职工'],
    columns: [
      col('staffNo', '工号', ['教师工号', '职工号', '教工号', '教职工号'], true), col('name', '姓名', ['教师姓名'], true),
      col('gender', '性别'), col('username', '用户名', ['登录名', '账号']),
    ],
  },
  {
    key: 'teaching', name: '任课', words: ['任课', '授课', '课表'],
    columns: [
      col('staffNo', '工号', ['教师工号', '任课教师工号', '职工号']), col('teacherName', '教师姓名', ['任课教师', '教师', '姓名']),
      col('grade', '年级'), col('class', '班级', ['班级名称', '班名', '班'], true), col('subject', '学科', ['科目', '任教学科', '任课学科', '课程'], true),
    ],
  },
  {
    key: 'parents', name: '家长', words: ['家长', '监护人'],
    columns: [
      col('studentNo', '学生学籍号', ['学籍号', '全国学籍号', '子女学籍号'], true), col('studentName', '学生姓名', ['子女姓名', '学生']),
      col('name', '家长姓名', ['监护人姓名', '姓名'], true), col('relation', '关系', ['与学生关系', '家长关系', '监护关系', '称谓']),
      col('mobile', '手机号', ['手机', '手机号码', '联系电话', '家长手机号', '电话']), col('username', '用户名', ['登录名', '账号']),
    ],
  },
  {
    key: 'students', name: '学生', words: ['学生', '花名册'],
    columns: [
      col('studentNo', '学籍号', ['全国学籍号', '学生学籍号', '学籍编号'], true), col('name', '姓名', ['学生姓名'], true),
      col('gender', '性别'), col('grade', '年级'), col('class', '班级', ['班级名称', '班名', '班', '所在班级'], true),
      col('username', '用户名', ['登录名', '账号']),
    ],
  },
];

/** The sheets in the order a workbook shows them (and the export writes them). */
export const SHEET_ORDER: SheetKey[] = ['classes', 'teachers', 'teaching', 'students', 'parents'];

export const sheetDef = (key: SheetKey): SheetDef => SHEETS.find((s) => s.key === key)!;

/** One problem of a roster: where (sheet, row as the spreadsheet numbers it, column) and what, in Chinese. */
export interface RosterProblem {
  /** The sheet's name as the workbook writes it; null for the whole file. */
  sheet: string | null;
  /** The row as Excel shows it; null for a whole sheet or file. */
  row: number | null;
  column: string | null;
  message: string;
}

/** A data row of a sheet: its row number and the text of each named column. */
export interface SheetRow {
  rowNo: number;
  cells: Record<string, string>;
}

export interface ReadSheet {
  key: SheetKey;
  /** As the workbook names it. */
  name: string;
  /** Header text by column key, as the sheet writes it. */
  headers: Record<string, string>;
  rows: SheetRow[];
}

/** How far down a sheet the header row may stand, below a title, notes and blank rows. */
const HEADER_SEARCH_ROWS = 20;

/** Which roster sheet a worksheet is, by its name: exact name first, then a word it contains. */
export function sheetOfName(name: string): SheetKey | null {
  const n = normalizeHeader(name);
  const exact = SHEETS.find((s) => s.name === n);
  if (exact) return exact.key;
  // 任课教师 is 任课 and 学生家长 is 家长, so the more particular words are tried first.
  const order: SheetKey[] = ['parents', 'teaching', 'classes', 'teachers', 'students'];
  return order.find((k) => sheetDef(k).words.some((w) => n.includes(w))) ?? null;
}

function columnOf(def: SheetDef, text: string): ColumnDef | undefined {
  const n = normalizeHeader(text);
  if (!n) return undefined;
  return def.columns.find((c) => c.header === n || c.aliases.includes(n));
}

const describe = (c: ColumnDef) => (c.aliases.length ? `${c.header}（也可写作：${c.aliases.join('、')}）` : c.header);

/**
 * Reads the roster sheets of a workbook: each worksheet whose name says which sheet it is,
 * its header row (the row of its first 20 naming the most columns, at least two, so a merged
 * title above it is passed over) and the rows under it as text. A sheet that cannot be read
 * (no header, a missing required column, no rows) is a problem of that sheet.
 */
export function readRosterSheets(worksheets: ExcelJS.Worksheet[]): { sheets: ReadSheet[]; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const sheets: ReadSheet[] = [];
  for (const ws of worksheets) {
    const key = sheetOfName(ws.name);
    if (!key) continue;
    const def = sheetDef(key);
    const sheetProblem = (message: string, row: number | null = null) => problems.push({ sheet: ws.name, row, column: null, message });
    if (sheets.some((s) => s.key === key)) {
      sheetProblem(`工作簿里有两张「${def.name}」工作表（「${sheets.find((s) => s.key === key)!.name}」和「${ws.name}」）；请合并为一张`);
      continue;
    }
    let best: { rowNo: number; found: { col: number; text: string; def: ColumnDef }[]; named: number } | null = null;
    for (let rowNo = 1; rowNo <= Math.min(ws.rowCount, HEADER_SEARCH_ROWS); rowNo++) {
      const found: { col: number; text: string; def: ColumnDef }[] = [];
      ws.getRow(rowNo).eachCell((cell, colNo) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const reading = cellText(cell.value);
        const text = 'text' in reading ? reading.text.trim() : '';
        const c = columnOf(def, text);
        if (c) found.push({ col: colNo, text, def: c });
      });
      const named = new Set(found.map((f) => f.def.key)).size;
      if (named >= 2 && (!best || named > best.named)) best = { rowNo, found, named };
    }
    const required = def.columns.filter((c) => c.required);
    if (!best) {
      sheetProblem(ws.actualRowCount === 0
        ? `工作表「${ws.name}」是空的；不用这张表就请删去它，否则请填写`
        : `工作表「${ws.name}」的前 ${HEADER_SEARCH_ROWS} 行里找不到表头行；表头应包含：${required.map(describe).join('；')}`);
      continue;
    }
    const header = best;
    const duplicate = def.columns.find((c) => header.found.filter((f) => f.def.key === c.key).length > 1);
    if (duplicate) {
      sheetProblem(`第 ${header.rowNo} 行的表头有多列都表示「${duplicate.header}」；请只留一列`, header.rowNo);
      continue;
    }
    const missing = required.filter((c) => !header.found.some((f) => f.def.key === c.key));
    if (missing.length) {
      sheetProblem(`第 ${header.rowNo} 行的表头缺少必填列：${missing.map(describe).join('；')}`, header.rowNo);
      continue;
    }
    const headers: Record<string, string> = Object.fromEntries(def.columns.map((c) => [c.key, c.header]));
    for (const f of header.found) headers[f.def.key] = f.text;
    const rows: SheetRow[] = [];
    for (let r = header.rowNo + 1; r <= ws.rowCount; r++) {
      const cells: Record<string, string> = {};
      let blank = true;
      for (const f of header.found) {
        const reading = cellText(ws.getRow(r).getCell(f.col).value);
        if ('refusal' in reading) {
          problems.push({ sheet: ws.name, row: r, column: f.text, message: `「${f.text}」列${reading.refusal}` });
          blank = false;
          continue;
        }
        const text = reading.text.trim();
        const bad = textProblem(text);
        if (bad) problems.push({ sheet: ws.name, row: r, column: f.text, message: '含有无法保存的字符' });
        cells[f.def.key] = text;
        if (text) blank = false;
      }
      if (!blank) rows.push({ rowNo: r, cells });
    }
    if (!rows.length) {
      sheetProblem(`工作表「${ws.name}」在表头（第 ${header.rowNo} 行）下没有任何数据行；不用这张表就请删去它`, header.rowNo);
      continue;
    }
    sheets.push({ key, name: ws.name, headers, rows });
  }
  if (!sheets.length && !problems.length) {
    problems.push({
      sheet: null, row: null, column: null,
      message: `工作簿里没有花名册工作表；工作表应命名为：${SHEET_ORDER.map((k) => `「${sheetDef(k).name}」`).join('、')}（可只含其中几张）`,
    });
  }
  return { sheets, problems };
}

const CN_DIGITS = '一二三四五六七八九';

/** 一 … 九十九 (and plain digits) as a number; NaN otherwise. */
export function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || !text) return NaN;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? CN_DIGITS.indexOf(tens) + 1 : NaN;
  return (tens ? CN_DIGITS.indexOf(tens) + 1 : 1) * 10 + (units ? CN_DIGITS.indexOf(units) + 1 : 0);
}

export interface ClassRef {
  grade: number;
  classNo: number;
}

/** A grade as rosters write it: 3, 三年级, 三, 3年级, 初一 (7) … 初三 (9). */
export function parseGrade(text: string): number | null {
  const t = normalizeHeader(text);
  const junior = /^初([一二三123])(?:年级)?$/.exec(t);
  if (junior) return 6 + chineseNumber(junior[1]);
  const m = /^([一二三四五六七八九1-9])(?:年级|年)?$/.exec(t);
  return m ? chineseNumber(m[1]) : null;
}

/**
 * A class as rosters write it: 三年级(2)班, 三年级（2）班, 三年级2班, 三年级二班, 3年级2班, 3年2班,
 * 初一(2)班, 3.2, 3-2, 302, 3班 with the grade in its own 年级 column. Null when it is none of these.
 */
export function parseClassRef(classText: string, gradeText = ''): ClassRef | null {
  const t = normalizeHeader(classText).replace(/（/g, '(').replace(/）/g, ')');
  const num = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
  const full = new RegExp(`^(?:([一二三四五六七八九1-9])(?:年级|年)|初([一二三123])(?:年级)?)\\(?${num}\\)?班?$`).exec(t);
  if (full) {
    const grade = full[1] ? chineseNumber(full[1]) : 6 + chineseNumber(full[2]);
    return ref(grade, chineseNumber(full[3]));
  }
  const dotted = /^([1-9])[.\-－·/](\d{1,2})班?$/.exec(t);
  if (dotted) return ref(Number(dotted[1]), Number(dotted[2]));
  const coded = /^([1-9])(\d{2})班?$/.exec(t);
  if (coded) return ref(Number(coded[1]), Number(coded[2]));
  const alone = new RegExp(`^\\(?${num}\\)?班?$`).exec(t);
  if (alone && gradeText.trim()) {
    const grade = parseGrade(gradeText);
    return grade ? ref(grade, chineseNumber(alone[1])) : null;
  }
  return null;
}

function ref(grade: number, classNo: number): ClassRef | null {
  return grade >= 1 && grade <= 9 && Number.isInteger(classNo) && classNo >= 1 && classNo <= 99 ? { grade, classNo } : null;
}

/** The key of a class: `3-2`. */
export const classKey = (c: ClassRef): string => `${c.grade}-${c.classNo}`;

/** How the import writes a class back: 三年级(2)班. */
export const classLabel = (c: ClassRef): string => `${gradeName(c.grade)}(${c.classNo})班`;

/** 性别 as rosters write it; the roster checks it but it is not stored (a minor's data kept to name and class). */
export function isGender(text: string): boolean {
  return ['男', '女', '男生', '女生', '男性', '女性', 'M', 'F'].includes(normalizeHeader(text).toUpperCase());
}

const RELATIONS: [string[], ParentRelation][] = [
  [['父亲', '爸爸', '父', '爸'], ParentRelation.FATHER],
  [['母亲', '妈妈', '母', '妈'], ParentRelation.MOTHER],
  [['监护人', '其他监护人', '其他', '爷爷', '奶奶', '外公', '外婆', '姥姥', '姥爷', '祖父', '祖母', '外祖父', '外祖母', '哥哥', '姐姐', '叔叔', '阿姨', '姑姑', '舅舅'],
    ParentRelation.GUARDIAN],
];

/** 关系 as rosters write it (an empty cell is 监护人); undefined when it is no relation. */
export function parseRelation(text: string): ParentRelation | undefined {
  const t = normalizeHeader(text);
  if (!t) return ParentRelation.GUARDIAN;
  return RELATIONS.find(([words]) => words.includes(t))?.[1];
}

export const RELATION_LABELS: Record<ParentRelation, string> = {
  [ParentRelation.FATHER]: '父亲', [ParentRelation.MOTHER]: '母亲', [ParentRelation.GUARDIAN]: '监护人',
};

/** A mainland mobile number as written (spaces, dashes, +86, full-width digits); null when it is none. */
export function parseMobile(text: string): string | null {
  const t = text.normalize('NFKC').replace(/[\s\-－]/g, '').replace(/^(?:\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(t) ? t : null;
}

/** A 学籍号 or 工号 as compared and stored: full-width folded, spaces dropped, letters upper-case (G1101…). */
export const normalizeNumber = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/** A sign-in name: lower-case, full-width folded; null when it is not 2–64 letters, digits, dots, dashes or underscores. */
export function parseUsername(text: string): string | null {
  const t = text.normalize('NFKC').trim().toLowerCase();
  return /^[a-z0-9][a-z0-9._-]{1,63}$/.test(t) ? t : null;
}

/** A person's name as stored: full-width spaces and runs of spaces folded (张 三 stays 张 三). */
export const normalizeName = (text: string): string => text.replace(/[\u3000\s]+/g, ' ').trim();
