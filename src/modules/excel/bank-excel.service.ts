import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { In } from 'typeorm';
import { RequestContext } from '../../core/context';
import { InvalidInputError, NotFoundError } from '../../core/errors';
import { withTransaction } from '../../core/transaction';
import { requireMember, requireStaff } from '../bank/bank-access';
import { BankItem, BankItemObjective, BankItemVersion } from '../bank/bank-item.entity';
import { bankItemService } from '../bank/bank-item.service';
import { Provenance } from '../bank/bank.enums';
import { Unit, UnitObjective } from '../bank/unit.entity';
import { cellText, ColumnKey, COLUMNS, parseRow, Problem, SheetRow, toCells } from './bank-sheet';

export type SheetFormat = 'xlsx' | 'csv';

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  unchanged: number;
  problems: Problem[];
}

export const MAX_IMPORT_ROWS = 2000;

const textOf = (value: unknown) => {
  const reading = cellText(value);
  return 'text' in reading ? reading.text.trim() : '';
};

/**
 * Reads the first worksheet into rows of cells keyed by column (by the header's text), with
 * the sheet's name for the problems of cells that cannot be read.
 */
async function readRows(data: Buffer, format: SheetFormat): Promise<{ sheetName: string; rows: { rowNo: number; cells: Partial<Record<ColumnKey, unknown>> }[] }> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (format === 'xlsx') {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else {
      let csv: string;
      try {
        csv = new TextDecoder('utf-8', { fatal: true }).decode(data);
      } catch {
        throw new InvalidInputError('file', 'The CSV file is not valid UTF-8; save it as "CSV UTF-8"');
      }
      // A CSV cell is the text written: exceljs would otherwise turn "1e3" into 1000, " " into 0,
      // "2024-01-01" into a Date and "#N/A" into an error value.
      sheet = await workbook.csv.read(Readable.from(csv.replace(/^\uFEFF/, '')), { map: (value: string) => (value === '' ? null : value) });
    }
  } catch (e) {
    if (e instanceof InvalidInputError) throw e;
    throw new InvalidInputError('file', `The file is not a readable ${format.toUpperCase()} file`);
  }
  if (!sheet || sheet.rowCount < 1) throw new InvalidInputError('file', 'The file has no rows');
  const header = (sheet.getRow(1).values as unknown[]).map(textOf);
  const columnOf = new Map<number, ColumnKey>();
  header.forEach((h, i) => {
    const c = COLUMNS.find((col) => col.header === h);
    if (c) columnOf.set(i, c.key);
  });
  const missing = COLUMNS.filter((c) => c.required && ![...columnOf.values()].includes(c.key)).map((c) => c.header);
  if (missing.length) throw new InvalidInputError('file', `The header row lacks the columns ${missing.join('、')}`);
  if (sheet.rowCount - 1 > MAX_IMPORT_ROWS) throw new InvalidInputError('file', `A file may hold at most ${MAX_IMPORT_ROWS} items`);
  const rows: { rowNo: number; cells: Partial<Record<ColumnKey, unknown>> }[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    if (!values || values.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) continue;
    const cells: Partial<Record<ColumnKey, unknown>> = {};
    for (const [i, key] of columnOf) cells[key] = values[i];
    rows.push({ rowNo: r, cells });
  }
  return { sheetName: sheet.name, rows };
}

export class BankExcelService {
  /**
   * Imports a research group's bank from a spreadsheet: every row is checked first (units and
   * objectives of the group, labels, bounds); one bad row and nothing is written. Rows whose
   * unit, title and text already exist are left alone, so importing the same file twice creates
   * nothing new. Items arrive as drafts of the importing member.
   */
  async importBank(
    ctx: RequestContext, groupId: string, data: Buffer, format: SheetFormat, dryRun: boolean,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ImportReport> {
    const group = await ctx.loaders.researchGroupById.load(groupId);
    if (!group) throw new NotFoundError('ResearchGroup', groupId);
    requireMember(ctx, group, "import into this group's bank");
    const { sheetName, rows: raw } = await readRows(data, format);
    const units = await ctx.db.getRepository(Unit).findBy({ schoolId: ctx.schoolId, subjectId: group.subjectId, grade: group.grade });
    const objectives = units.length ? await ctx.db.getRepository(UnitObjective).findBy({ schoolId: ctx.schoolId, unitId: In(units.map((u) => u.id)) }) : [];
    const existing = await this.itemsOf(ctx, units.map((u) => u.id));
    const problems: Problem[] = [];
    const parsed: { rowNo: number; row: SheetRow; unit: Unit; objectiveIds: string[]; sourceItemId: string | null }[] = [];
    for (const { rowNo, cells } of raw) {
      const result = parseRow(rowNo, cells, sheetName);
      problems.push(...result.problems);
      if (!result.row) continue;
      const row = result.row;
      const unit = units.find((u) => u.title === row.unit);
      if (!unit) { problems.push({ row: rowNo, column: '单元', message: `「${row.unit}」不是${group.name}的单元` }); continue; }
      const unitObjectives = objectives.filter((o) => o.unitId === unit.id);
      const unknown = row.objectives.filter((d) => !unitObjectives.some((o) => o.description === d));
      if (unknown.length) problems.push({ row: rowNo, column: '目标', message: `单元没有这些目标：${unknown.join('；')}` });
      let sourceItemId: string | null = null;
      if (row.provenance === Provenance.ADAPTED) {
        sourceItemId = existing.find((e) => e.item.title === row.adaptedFrom && e.item.approvedVersionNo !== null)?.item.id ?? null;
        if (!sourceItemId) problems.push({ row: rowNo, column: '改编自', message: `找不到已审核的题目「${row.adaptedFrom}」` });
      }
      parsed.push({ rowNo, row, unit, objectiveIds: unitObjectives.filter((o) => row.objectives.includes(o.description)).map((o) => o.id), sourceItemId });
    }
    const isKnown = (p: (typeof parsed)[number]) => existing.some((e) => e.item.unitId === p.unit.id && e.item.title === p.row.title && e.version.body === p.row.body);
    const fresh = parsed.filter((p) => !isKnown(p));
    const report = { dryRun, rows: raw.length, created: 0, unchanged: parsed.length - fresh.length, problems };
    if (problems.length || dryRun) return { ...report, created: problems.length ? 0 : fresh.length };
    // One millisecond apart, so the bank keeps the file's order (newest-first lists show it reversed).
    const start = Date.now();
    await withTransaction(ctx, async (tx) => {
      for (const [i, p] of fresh.entries()) {
        await bankItemService.insertDraft(ctx, tx, p.unit, {
          ...p.row, beyondCurriculumStandard: false, objectiveIds: p.objectiveIds, sourceItemId: p.sourceItemId,
        }, new Date(start + i));
        onProgress?.(i + 1, fresh.length);
      }
    });
    return { ...report, created: fresh.length };
  }

  /** A unit's bank as a workbook in the import layout (the working version for its group). */
  async exportUnit(ctx: RequestContext, unitId: string): Promise<{ fileName: string; data: Buffer }> {
    requireStaff(ctx);
    const unit = await ctx.loaders.unitById.load(unitId);
    if (!unit) throw new NotFoundError('Unit', unitId);
    const objectives = await ctx.loaders.objectivesByUnitId.load(unit.id);
    const items = (await this.itemsOf(ctx, [unit.id])).filter((e) => e.item.status !== 'retired');
    const visible = await Promise.all(items.map(async (e) => (await bankItemService.canSeeWorkingCopy(ctx, e.item)) || e.item.approvedVersionNo !== null));
    const shown = items.filter((_, i) => visible[i]);
    const sources = new Map((await this.itemsOf(ctx, [], shown.flatMap((e) => (e.version.sourceItemId ? [e.version.sourceItemId] : [])))).map((e) => [e.item.id, e.item.title]));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(unit.title.slice(0, 31));
    sheet.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
    for (const { version, objectiveIds } of shown) {
      sheet.addRow(toCells({
        unit: unit.title, title: version.title, body: version.body, answerGuide: version.answerGuide, tier: version.tier, form: version.form,
        predictedMinutes: version.predictedMinutes, difficulty: version.difficulty,
        objectives: objectives.filter((o) => objectiveIds.includes(o.id)).map((o) => o.description),
        provenance: version.provenance, adaptedFrom: version.sourceItemId ? sources.get(version.sourceItemId) ?? null : null, sourceNote: version.sourceNote,
        routineOrStage: version.routineOrStage, prescribedOrSelfChosen: version.prescribedOrSelfChosen, knowledgeOrFun: version.knowledgeOrFun,
        practicalOrHumanistic: version.practicalOrHumanistic, needsParent: version.needsParent, needsPhone: version.needsPhone,
        repetitive: version.repetitive, composition: version.composition,
      }));
    }
    sheet.columns.forEach((c, i) => { c.width = [16, 24, 50, 40][i] ?? 12; });
    return { fileName: `${unit.title}.xlsx`, data: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }

  /** Items of units (or by id) with their working version and its objectives: three statements. */
  private async itemsOf(ctx: RequestContext, unitIds: string[], itemIds: string[] = []) {
    if (!unitIds.length && !itemIds.length) return [];
    const where = unitIds.length ? { schoolId: ctx.schoolId, unitId: In(unitIds) } : { schoolId: ctx.schoolId, id: In(itemIds) };
    const items = await ctx.db.getRepository(BankItem).find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
    if (!items.length) return [];
    const versions = await ctx.db.getRepository(BankItemVersion).findBy({ schoolId: ctx.schoolId, itemId: In(items.map((i) => i.id)) });
    const links = await ctx.db.getRepository(BankItemObjective).findBy({ schoolId: ctx.schoolId, itemId: In(items.map((i) => i.id)) });
    return items.map((item) => ({
      item,
      version: versions.find((v) => v.itemId === item.id && v.versionNo === item.versionNo)!,
      objectiveIds: links.filter((l) => l.itemId === item.id && l.versionNo === item.versionNo).map((l) => l.objectiveId),
    }));
  }
}

export const bankExcelService = new BankExcelService();
