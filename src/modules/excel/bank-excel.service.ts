import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { In } from 'typeorm';
import { RequestContext } from '../../core/context';
import { InvalidInputError, NotFoundError } from '../../core/errors';
import { withTransaction } from '../../core/transaction';
import { requireMember, requireStaff } from '../bank/bank-access';
import { BankItem, BankItemObjective, BankItemVersion } from '../bank/bank-item.entity';
import { bankItemService } from '../bank/bank-item.service';
import { ItemStatus, Provenance } from '../bank/bank.enums';
import { Unit, UnitObjective } from '../bank/unit.entity';
import { cellText, ColumnKey, columnOfHeader, COLUMNS, describeColumn, LABELS, parseRow, Problem, SheetRow, toCells } from './bank-sheet';
import { ExcelMessages } from './excel.errors';
import { Figures, MessageDef } from '../../core/messages';

export type SheetFormat = 'xlsx' | 'csv';

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  unchanged: number;
  problems: Problem[];
}

export const MAX_IMPORT_ROWS = 2000;

/** How far down a sheet the header row may stand, below a title, notes and blank rows. */
const HEADER_SEARCH_ROWS = 20;

/** The first bytes of an OLE compound file: an Excel 97–2003 .xls, which exceljs cannot read. */
const XLS_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

type RowCells = { rowNo: number; cells: Partial<Record<ColumnKey, unknown>> };
/** A header cell naming a column: where it stands and how the sheet writes it. */
type HeaderCell = { col: number; text: string; key: ColumnKey };

const textOf = (value: unknown) => {
  const reading = cellText(value);
  return 'text' in reading ? reading.text.trim() : '';
};

const fileError = (reason: MessageDef, figures: Figures = {}) => new InvalidInputError('file', reason, figures);

/** The worksheets of a file; a file that is no readable workbook (or UTF-8 CSV) is refused in Chinese. */
export async function worksheetsOf(data: Buffer, format: SheetFormat): Promise<ExcelJS.Worksheet[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  if (format === 'csv') {
    let csv: string;
    try {
      csv = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      throw fileError(ExcelMessages.CSV_NOT_UTF8);
    }
    try {
      // A CSV cell is the text written: exceljs would otherwise turn "1e3" into 1000, " " into 0,
      // "2024-01-01" into a Date and "#N/A" into an error value.
      return [await workbook.csv.read(Readable.from(csv.replace(/^\uFEFF/, '')), { map: (value: string) => (value === '' ? null : value) })];
    } catch {
      throw fileError(ExcelMessages.CSV_UNREADABLE);
    }
  }
  if (data.subarray(0, XLS_SIGNATURE.length).equals(XLS_SIGNATURE)) {
    throw fileError(ExcelMessages.OLD_XLS);
  }
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw fileError(ExcelMessages.XLSX_UNREADABLE);
  }
  return workbook.worksheets;
}

/**
 * The header row of a sheet: of its first rows, the one naming the most columns (at least two,
 * so a title or a 单元：… note is not taken for it). A merged header cell counts once.
 */
function headerRowOf(sheet: ExcelJS.Worksheet): { rowNo: number; found: HeaderCell[] } | null {
  let best: { rowNo: number; found: HeaderCell[]; named: number } | null = null;
  for (let rowNo = 1; rowNo <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); rowNo++) {
    const found: HeaderCell[] = [];
    sheet.getRow(rowNo).eachCell((cell, col) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = textOf(cell.value);
      const key = columnOfHeader(text);
      if (key) found.push({ col, text, key });
    });
    const named = new Set(found.map((f) => f.key)).size;
    if (named >= 2 && (!best || named > best.named)) best = { rowNo, found, named };
  }
  return best;
}

const requiredColumns = () => COLUMNS.filter((c) => c.required).map(describeColumn).join('；');

/**
 * Reads the bank of a file: the first worksheet with a header row, which may stand below a
 * title (merged or not) and blank rows; the rows under it keyed by column. Everything that
 * makes the whole file unusable is refused here, in Chinese, before any row is read.
 */
async function readRows(data: Buffer, format: SheetFormat): Promise<{ sheetName: string; headers: Record<ColumnKey, string>; rows: RowCells[] }> {
  const sheets = await worksheetsOf(data, format);
  if (!sheets.some((s) => s.actualRowCount > 0)) {
    throw fileError(ExcelMessages.FILE_EMPTY, { sheets: sheets.map((s) => s.name) });
  }
  const [sheet, header] = sheets.map((s) => [s, headerRowOf(s)] as const).find(([, h]) => h) ?? [];
  if (!sheet || !header) {
    throw fileError(ExcelMessages.NO_HEADER_ROW, { csv: format === 'csv', rows: HEADER_SEARCH_ROWS, required: requiredColumns() });
  }
  const headers = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;
  const columnOf = new Map<number, ColumnKey>();
  for (const c of COLUMNS) {
    const named = header.found.filter((f) => f.key === c.key);
    if (named.length > 1) {
      throw fileError(ExcelMessages.COLUMN_TWICE, { sheet: sheet.name, row: header.rowNo, count: named.length, header: c.header, names: named.map((f) => `「${f.text}」`).join('') });
    }
    if (named.length) {
      headers[c.key] = named[0].text;
      columnOf.set(named[0].col, c.key);
    }
  }
  const missing = COLUMNS.filter((c) => c.required && !header.found.some((f) => f.key === c.key));
  if (missing.length) throw fileError(ExcelMessages.MISSING_COLUMNS, { sheet: sheet.name, row: header.rowNo, missing: missing.map(describeColumn).join('；') });
  if (sheet.rowCount - header.rowNo > MAX_IMPORT_ROWS) {
    throw fileError(ExcelMessages.TOO_MANY_ROWS, { max: MAX_IMPORT_ROWS, sheet: sheet.name, rows: sheet.rowCount - header.rowNo });
  }
  const rows: RowCells[] = [];
  for (let r = header.rowNo + 1; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    if (!values || values.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) continue;
    const cells: Partial<Record<ColumnKey, unknown>> = {};
    for (const [i, key] of columnOf) cells[key] = values[i];
    rows.push({ rowNo: r, cells });
  }
  return { sheetName: sheet.name, headers, rows };
}

export class BankExcelService {
  /**
   * Imports a research group's bank from a spreadsheet: every row is checked first (units and
   * objectives of the group, labels, bounds); one bad row and nothing is written. Rows whose
   * unit, title and text already exist are left alone, so importing the same file twice creates
   * nothing new. Items arrive as drafts of the importing member; a 状态 column is never applied.
   */
  async importBank(
    ctx: RequestContext, groupId: string, data: Buffer, format: SheetFormat, dryRun: boolean,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ImportReport> {
    const group = await ctx.loaders.researchGroupById.load(groupId);
    if (!group) throw new NotFoundError('ResearchGroup', groupId);
    requireMember(ctx, group, "import into this group's bank");
    const { sheetName, headers, rows: raw } = await readRows(data, format);
    const units = await ctx.db.getRepository(Unit).findBy({ schoolId: ctx.schoolId, subjectId: group.subjectId, grade: group.grade });
    const objectives = units.length ? await ctx.db.getRepository(UnitObjective).findBy({ schoolId: ctx.schoolId, unitId: In(units.map((u) => u.id)) }) : [];
    const existing = await this.itemsOf(ctx, units.map((u) => u.id));
    const problems: Problem[] = [];
    const parsed: { rowNo: number; row: SheetRow; unit: Unit; objectiveIds: string[]; sourceItemId: string | null }[] = [];
    for (const { rowNo, cells } of raw) {
      const result = parseRow(rowNo, cells, sheetName, headers);
      problems.push(...result.problems);
      if (!result.row) continue;
      const row = result.row;
      const unit = units.find((u) => u.title === row.unit);
      if (!unit) { problems.push({ row: rowNo, column: headers.unit, message: `「${row.unit}」不是${group.name}的单元` }); continue; }
      const unitObjectives = objectives.filter((o) => o.unitId === unit.id);
      const unknown = row.objectives.filter((d) => !unitObjectives.some((o) => o.description === d));
      if (unknown.length) problems.push({ row: rowNo, column: headers.objectives, message: `单元没有这些目标：${unknown.join('；')}` });
      let sourceItemId: string | null = null;
      if (row.provenance === Provenance.ADAPTED) {
        sourceItemId = existing.find((e) => e.item.title === row.adaptedFrom && e.item.approvedVersionNo !== null)?.item.id ?? null;
        if (!sourceItemId) problems.push({ row: rowNo, column: headers.adaptedFrom, message: `找不到已审核的题目「${row.adaptedFrom}」` });
      }
      parsed.push({ rowNo, row, unit, objectiveIds: unitObjectives.filter((o) => row.objectives.includes(o.description)).map((o) => o.id), sourceItemId });
    }
    const isKnown = (p: (typeof parsed)[number]) => existing.some((e) => e.item.unitId === p.unit.id && e.item.title === p.row.title && e.version.body === p.row.body);
    const fresh = parsed.filter((p) => !isKnown(p));
    // 状态 is the bank's to keep: a row already in the bank is left alone whatever it says, and a
    // new row can only arrive as a draft, so any other status there is refused rather than dropped.
    for (const p of fresh) {
      if (p.row.status && p.row.status !== ItemStatus.DRAFT) {
        problems.push({
          row: p.rowNo, column: headers.status,
          message: `「${LABELS.status.toLabel.get(p.row.status)}」无法照办：这一行不在题库里（标题或题目内容与已有题目都不同），导入后只能是草稿，审核要在系统里进行；请清空此格或改为「草稿」`,
        });
      }
    }
    problems.sort((a, b) => a.row - b.row);
    const report = { dryRun, rows: raw.length, created: 0, unchanged: parsed.length - fresh.length, problems };
    if (problems.length || dryRun) return { ...report, created: problems.length ? 0 : fresh.length };
    // One millisecond apart, so the bank keeps the file's order (newest-first lists show it reversed).
    const start = Date.now();
    await withTransaction(ctx, async (txCtx) => {
      for (const [i, p] of fresh.entries()) {
        await bankItemService.insertDraft(txCtx, p.unit, {
          ...p.row, beyondCurriculumStandard: false, objectiveIds: p.objectiveIds, sourceItemId: p.sourceItemId,
        }, new Date(start + i));
        onProgress?.(i + 1, fresh.length);
      }
    });
    return { ...report, created: fresh.length };
  }

  /**
   * A unit's bank as a workbook in the import layout, with each item's 状态: members of its group
   * (and its author) get the working version, other staff the approved one. Retired items are
   * left out. The file imports back unchanged.
   */
  async exportUnit(ctx: RequestContext, unitId: string): Promise<{ fileName: string; data: Buffer }> {
    requireStaff(ctx);
    const unit = await ctx.loaders.unitById.load(unitId);
    if (!unit) throw new NotFoundError('Unit', unitId);
    const objectives = await ctx.loaders.objectivesByUnitId.load(unit.id);
    const shown = await this.itemsOf(ctx, [unit.id], [], async (item) => {
      if (item.status === ItemStatus.RETIRED) return null;
      return (await bankItemService.canSeeWorkingCopy(ctx, item)) ? item.versionNo : item.approvedVersionNo;
    });
    const sources = new Map((await this.itemsOf(ctx, [], shown.flatMap((e) => (e.version.sourceItemId ? [e.version.sourceItemId] : [])))).map((e) => [e.item.id, e.item.title]));
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(unit.title.slice(0, 31));
    sheet.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
    for (const { item, version, objectiveIds } of shown) {
      sheet.addRow(toCells({
        unit: unit.title, title: version.title, body: version.body, answerGuide: version.answerGuide, tier: version.tier, form: version.form,
        predictedMinutes: version.predictedMinutes, difficulty: version.difficulty,
        objectives: objectives.filter((o) => objectiveIds.includes(o.id)).map((o) => o.description),
        provenance: version.provenance, adaptedFrom: version.sourceItemId ? sources.get(version.sourceItemId) ?? null : null, sourceNote: version.sourceNote,
        routineOrStage: version.routineOrStage, prescribedOrSelfChosen: version.prescribedOrSelfChosen, knowledgeOrFun: version.knowledgeOrFun,
        practicalOrHumanistic: version.practicalOrHumanistic, needsParent: version.needsParent, needsPhone: version.needsPhone,
        repetitive: version.repetitive, composition: version.composition,
        // An earlier version than the working one is shown only because it is the approved one.
        status: version.versionNo === item.versionNo ? item.status : ItemStatus.APPROVED,
      }));
    }
    sheet.columns.forEach((c, i) => { c.width = [16, 24, 50, 40][i] ?? 12; });
    return { fileName: `${unit.title}.xlsx`, data: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }

  /**
   * Items of units (or by id) with one version each and its objectives: three statements. The
   * working version unless `shownVersionNo` picks another; items it gives null are left out.
   */
  private async itemsOf(
    ctx: RequestContext, unitIds: string[], itemIds: string[] = [],
    shownVersionNo: (item: BankItem) => Promise<number | null> = async (item) => item.versionNo,
  ) {
    if (!unitIds.length && !itemIds.length) return [];
    const where = unitIds.length ? { schoolId: ctx.schoolId, unitId: In(unitIds) } : { schoolId: ctx.schoolId, id: In(itemIds) };
    const items = await ctx.db.getRepository(BankItem).find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
    if (!items.length) return [];
    const versions = await ctx.db.getRepository(BankItemVersion).findBy({ schoolId: ctx.schoolId, itemId: In(items.map((i) => i.id)) });
    const links = await ctx.db.getRepository(BankItemObjective).findBy({ schoolId: ctx.schoolId, itemId: In(items.map((i) => i.id)) });
    const shown = await Promise.all(items.map(shownVersionNo));
    return items.flatMap((item, i) => {
      const no = shown[i];
      if (no === null) return [];
      return [{
        item,
        version: versions.find((v) => v.itemId === item.id && v.versionNo === no)!,
        objectiveIds: links.filter((l) => l.itemId === item.id && l.versionNo === no).map((l) => l.objectiveId),
      }];
    });
  }
}

export const bankExcelService = new BankExcelService();
