import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { toGlobalId } from '../../src/core/ids';
import { columnOfHeader, COLUMNS } from '../../src/modules/excel/bank-sheet';
import { graphql } from '../graphql';
import type { BankItemUpdateInput } from '../graphql/graphql';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { createMathUnit, itemContent } from '../support/bank';
import { createAndPublish, ids, insertItem, packages } from '../support/assignments';

/** Banks in and out of Excel, and the printable weekly notice. */
let t: TestApp;
let lead: string;
let member: string;
let group: string;
const IMPORT = graphql(`mutation ExcelImport($i: BankImportInput!) { bankImport(input: $i) { dryRun rows created unchanged problems { row column message } userErrors { code } } }`);
const STEPS = {
  bankItemSubmitForReview: graphql(`mutation ExcelSubmitForReview($input: BankItemStepInput!) { bankItemSubmitForReview(input: $input) { item { id revision } userErrors { code field message } } }`),
  bankItemApprove: graphql(`mutation ExcelApprove($input: BankItemStepInput!) { bankItemApprove(input: $input) { item { id revision } userErrors { code field message } } }`),
  bankItemReturn: graphql(`mutation ExcelReturn($input: BankItemReturnInput!) { bankItemReturn(input: $input) { item { id revision } userErrors { code field message } } }`),
};
const UPDATE_ITEM = graphql(`mutation ExcelUpdateItem($input: BankItemUpdateInput!) { bankItemUpdate(input: $input) { item { id revision } userErrors { code field message } } }`);
const EXPORT = graphql(`query ExcelExport($u: ID!) { bankExport(unitId: $u) { fileName mimeType contentBase64 } }`);
const TIERS = ['基础', '提高', '拓展'];
const FORMS = ['书面', '口头', '阅读', '实践', '探究'];
const OBJECTIVES = ['初步认识几分之一和几分之几', '会比较简单分数的大小，会计算同分母分数加减', '在生活中发现分数，培养数感'];

function row(i: number): (string | number)[] {
  return ['分数的初步认识', `分数练习第${i + 1}题`, `把一张纸平均分成${(i % 8) + 2}份，涂色表示其中的${(i % 3) + 1}份，写出分数。`, `答案：${(i % 3) + 1}/${(i % 8) + 2}`,
    TIERS[i % 3], FORMS[i % 5], 5 + (i % 20), 1 + (i % 5), OBJECTIVES[i % 3], '创编', '', '', i % 2 ? '阶段' : '常规', '规定', i % 4 ? '知识' : '趣味', '实践',
    '否', '否', '否', '否'];
}

async function workbook(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('题库');
  sheet.addRow(COLUMNS.map((c) => c.header));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** A workbook whose rows are exceljs cell values (formulas, rich text, hyperlinks, errors), on a sheet of that name. */
async function workbookOfCells(sheetName: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  sheet.addRow(COLUMNS.map((c) => c.header));
  rows.forEach((r, i) => r.forEach((value, j) => { sheet.getCell(i + 2, j + 1).value = value as ExcelJS.CellValue; }));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const versionOf = async (title: string) => (await t.db.dataSource.query(
  `SELECT title, body, answer_guide, tier, predicted_minutes, difficulty, source_note FROM bank_item_versions WHERE title = $1`, [title]))[0];

async function readBack(base64: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((r, n) => { if (n > 1) rows.push((r.values as unknown[]).slice(1)); });
  return rows;
}

const itemCount = async () => (await t.db.dataSource.query(`SELECT count(*)::int n FROM bank_items`))[0].n;

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL]);
  [lead, member] = await Promise.all(['t3sx1', 't3sx2'].map((u) => t.login(u)));
  await createMathUnit(t, lead);
  const school = t.schools[0];
  group = toGlobalId('ResearchGroup', school.groups.find((g) => g.grade === 3 && g.subjectId === school.subjects.find((s) => s.code === 'math')!.id)!.id);
});
afterAll(() => t?.stop());

describe('bank import and export', () => {
  const rows = Array.from({ length: 300 }, (_, i) => row(i));
  let unitId: string;

  it('a dry run reports and writes nothing', async () => {
    const { bankImport } = await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: await workbook(rows), dryRun: true } }, member);
    expect(bankImport).toEqual({ dryRun: true, rows: 300, created: 300, unchanged: 0, problems: [], userErrors: [] });
    expect(await itemCount()).toBe(0);
  });

  it('imports 300 items as drafts of the importer; export → import round-trips with no change', async () => {
    const { bankImport } = await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: await workbook(rows), dryRun: false } }, member);
    expect(bankImport).toMatchObject({ rows: 300, created: 300, unchanged: 0, problems: [] });
    const drafts = await t.db.dataSource.query(`SELECT DISTINCT status, author_id FROM bank_items`);
    expect(drafts).toEqual([{ status: 'draft', author_id: t.user('t3sx2').id }]);
    unitId = (await t.op(graphql(`query ExcelUnits { units(grade: 3) { id title } }`), {}, member)).units.find((u) => u.title === '分数的初步认识')!.id;
    const { bankExport } = await t.op(EXPORT, { u: unitId }, member);
    expect(bankExport.fileName).toBe('分数的初步认识.xlsx');
    const exported = await readBack(bankExport.contentBase64);
    expect(exported).toEqual(rows.map((r) => [...r, '草稿']));
    const again = (await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: bankExport.contentBase64, dryRun: false } }, member)).bankImport;
    expect(again).toMatchObject({ rows: 300, created: 0, unchanged: 300, problems: [] });
    expect(await itemCount()).toBe(300);
  });

  it('the export tells drafts, items in review and approved items apart; other staff get approved versions only; it imports back unchanged', async () => {
    const stepInput = async (title: string) => {
      const [item]: { id: string; revision: number }[] = await t.db.dataSource.query(`SELECT id, revision FROM bank_items WHERE title = $1`, [title]);
      return { itemId: toGlobalId('BankItem', item.id), expectedRevision: item.revision };
    };
    const move = async (mutation: keyof typeof STEPS, title: string, token: string, extra: { comment?: string } = {}) => {
      const input = { ...(await stepInput(title)), ...extra };
      const payload = mutation === 'bankItemReturn'
        ? (await t.op(STEPS.bankItemReturn, { input: { ...input, comment: extra.comment ?? '' } }, token)).bankItemReturn
        : mutation === 'bankItemApprove' ? (await t.op(STEPS.bankItemApprove, { input }, token)).bankItemApprove
          : (await t.op(STEPS.bankItemSubmitForReview, { input }, token)).bankItemSubmitForReview;
      expect(payload.userErrors).toEqual([]);
    };
    await move('bankItemSubmitForReview', '分数练习第1题', member);
    await move('bankItemApprove', '分数练习第1题', lead);
    await move('bankItemSubmitForReview', '分数练习第2题', member);
    await move('bankItemSubmitForReview', '分数练习第3题', member);
    await move('bankItemReturn', '分数练习第3题', lead, { comment: '请把涂色的要求写得更具体一些' });
    // An approved item edited again: its group works on version 2, everyone else still sees version 1.
    const edited: Omit<BankItemUpdateInput, 'itemId' | 'expectedRevision'> = {
      ...itemContent(), title: '分数练习第1题', body: '把一根绳子平均分成3段，每段是全长的几分之一？',
      tier: 'BASIC', form: 'WRITTEN', routineOrStage: 'ROUTINE', prescribedOrSelfChosen: 'PRESCRIBED', knowledgeOrFun: 'KNOWLEDGE',
      practicalOrHumanistic: 'PRACTICAL', provenance: 'CREATED', objectiveIds: [],
    };
    const { bankItemUpdate } = await t.op(UPDATE_ITEM, { input: { ...(await stepInput('分数练习第1题')), ...edited } }, member);
    expect(bankItemUpdate.userErrors).toEqual([]);
    const exportAs = async (token: string) => (await t.op(EXPORT, { u: unitId }, token)).bankExport.contentBase64;

    const ours = await exportAs(member);
    const rowsOfOurs = await readBack(ours);
    expect(rowsOfOurs.slice(0, 4).map((r) => [r[1], r[2], r[20]])).toEqual([
      ['分数练习第1题', edited.body, '草稿'], ['分数练习第2题', rows[1][2], '待审'], ['分数练习第3题', rows[2][2], '已退回'], ['分数练习第4题', rows[3][2], '草稿'],
    ]);
    const again = (await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: ours, dryRun: false } }, member)).bankImport;
    expect(again).toMatchObject({ rows: 300, created: 0, unchanged: 300, problems: [] });

    const theirs = await exportAs(await t.login('t3yw1'));
    expect(await readBack(theirs)).toEqual([[...rows[0], '已通过']]);
    // Version 1 is no longer the text the group works on, so this row would be a new item, and a new item cannot arrive approved.
    const refused = (await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: theirs, dryRun: false } }, member)).bankImport;
    expect(refused).toMatchObject({ created: 0, problems: [{
      row: 2, column: '状态',
      message: '「已通过」无法照办：这一行不在题库里（标题或题目内容与已有题目都不同），导入后只能是草稿，审核要在系统里进行；请清空此格或改为「草稿」',
    }] });
    const { bankImport: unknownStatus } = await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: await workbook([[...row(3000), '完成'], [...row(3001), '草稿']]), dryRun: false } }, member);
    expect(unknownStatus).toMatchObject({ created: 0, problems: [{ row: 2, column: '状态', message: '「完成」不是可选值：草稿、待审、已通过、已退回、已停用' }] });
    expect(await itemCount()).toBe(300);
    const { bankImport: asDraft } = await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: await workbook([[...row(3001), '草稿']]), dryRun: true } }, member);
    expect(asDraft).toMatchObject({ created: 1, problems: [] });
  });

  it('a file with three broken rows is refused with those rows named, and nothing is written', async () => {
    const broken = Array.from({ length: 10 }, (_, i) => row(1000 + i));
    broken[2][4] = '很难';
    broken[5][6] = 0;
    broken[8][0] = '不存在的单元';
    const before = await itemCount();
    const { bankImport } = await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: await workbook(broken), dryRun: false } }, member);
    expect(bankImport.created).toBe(0);
    expect(bankImport.problems.map((p) => [p.row, p.column])).toEqual([[4, '层级'], [7, '预估时长(分钟)'], [10, '单元']]);
    expect(bankImport.problems[0].message).toBe('「很难」不是可选值：基础、提高、拓展');
    expect(await itemCount()).toBe(before);
  });

  it('reads the CSV sample, and refuses outsiders', async () => {
    const csv = fs.readFileSync(path.join(__dirname, '..', '..', 'seeds', 'sample-bank.csv'));
    const { bankImport } = await t.op(IMPORT, { i: { groupId: group, format: 'CSV', fileBase64: csv.toString('base64'), dryRun: true } }, member);
    expect(bankImport.problems).toEqual([]);
    expect(bankImport.rows).toBeGreaterThanOrEqual(5);
    await t.expectToFail('FORBIDDEN', IMPORT.toString(), { i: { groupId: group, format: 'CSV', fileBase64: csv.toString('base64'), dryRun: true } }, await t.login('t3yw1'));
  });
});

describe('cells that are formulas, rich text, hyperlinks or errors', () => {
  it('imports a formula as its cached result, rich text and a hyperlink as their text', async () => {
    const cells: unknown[] = row(2000);
    cells[1] = { richText: [{ text: '分数', font: { bold: true } }, { text: '富文本练习' }] };
    cells[2] = { text: '打开链接，读一读分数的故事。', hyperlink: 'https://example.com/fractions' };
    cells[3] = { text: { richText: [{ text: '能说出', font: { italic: true } }, { text: '一个例子' }] }, hyperlink: 'https://example.com/guide' };
    cells[4] = { formula: 'IF(TRUE,"提高","基础")', result: '提高' };
    cells[6] = { formula: '5+7', result: 12 };
    cells[7] = { sharedFormula: 'G2', result: 3 };
    const before = await itemCount();
    const { bankImport } = await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: await workbookOfCells('题库', [cells]), dryRun: false } }, member);
    expect(bankImport).toMatchObject({ rows: 1, created: 1, problems: [] });
    expect(await itemCount()).toBe(before + 1);
    expect(await versionOf('分数富文本练习')).toEqual({
      title: '分数富文本练习', body: '打开链接，读一读分数的故事。', answer_guide: '能说出一个例子', tier: 'improving', predicted_minutes: 12, difficulty: 3, source_note: null,
    });
  });

  it('refuses error cells and formulas without a result, naming sheet, row and column, and writes nothing', async () => {
    const rows: unknown[][] = [row(2100), row(2101), row(2102), row(2103)];
    rows[0][1] = { error: '#N/A' };
    rows[1][6] = { error: '#REF!' };
    rows[2][2] = { formula: 'CONCAT(A4,"练习")' };
    rows[3][4] = { formula: 'VLOOKUP(A5,Z:Z,1,FALSE)', result: { error: '#N/A' } };
    const before = await itemCount();
    const { bankImport } = await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: await workbookOfCells('三年级题库', rows), dryRun: false } }, member);
    expect(bankImport.created).toBe(0);
    expect(bankImport.problems).toEqual([
      { row: 2, column: '标题', message: '工作表「三年级题库」第 2 行「标题」列是错误值 #N/A，请改正后再导入' },
      { row: 3, column: '预估时长(分钟)', message: '工作表「三年级题库」第 3 行「预估时长(分钟)」列是错误值 #REF!，请改正后再导入' },
      { row: 4, column: '题目内容', message: '工作表「三年级题库」第 4 行「题目内容」列是公式 =CONCAT(A4,"练习")，但文件里没有保存它的计算结果；请在 Excel 中打开并保存，或改填数值' },
      { row: 5, column: '层级', message: '工作表「三年级题库」第 5 行「层级」列是错误值 #N/A，请改正后再导入' },
    ]);
    expect(await itemCount()).toBe(before);
  });

  it('reads a CSV cell as the text written, not as a number, a date or an error', async () => {
    const header = COLUMNS.map((c) => c.header).join(',');
    const line = (title: string, body: string) => ['分数的初步认识', title, body, '能说清即可', '基础', '书面', '6', '', '', '', '', '', '', '', '', '', '', '', '', ''].join(',');
    const csv = [header, line('1e3', '2024-01-01 那天分了几块蛋糕？'), line('2024-01-01', '#N/A 是什么意思？'), line(' ', '空白标题')].join('\n');
    const fileBase64 = Buffer.from(csv).toString('base64');
    const { bankImport: refused } = await t.op(IMPORT, { i: { groupId: group, format: 'CSV', fileBase64, dryRun: true } }, member);
    expect(refused.problems).toEqual([{ row: 4, column: '标题', message: '不能为空' }]);
    const fixed = Buffer.from(csv.split('\n').slice(0, 3).join('\n')).toString('base64');
    const { bankImport } = await t.op(IMPORT, { i: { groupId: group, format: 'CSV', fileBase64: fixed, dryRun: false } }, member);
    expect(bankImport).toMatchObject({ rows: 2, created: 2, problems: [] });
    expect((await versionOf('1e3')).body).toBe('2024-01-01 那天分了几块蛋糕？');
    expect((await versionOf('2024-01-01')).body).toBe('#N/A 是什么意思？');
  });
});

/** A workbook built cell by cell, as a teacher would lay it out. */
async function sheetFile(build: (sheet: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, name = '题库'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet(name), wb);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const TITLE = '三年级数学《分数的初步认识》单元作业';

describe('workbooks as teachers make them', () => {
  it('every header and alias names its own column, whatever the brackets and spaces', () => {
    const named = COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [h, columnOfHeader(h)]));
    expect(named).toEqual(COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [h, c.key])));
    expect([' 预估时长（分钟） ', '预估时长\n(分钟)', '预估时长／分钟', '*层级', '层次＊', '常规 / 阶段'].map(columnOfHeader))
      .toEqual(['predictedMinutes', 'predictedMinutes', 'predictedMinutes', 'tier', 'tier', 'routineOrStage']);
    expect(['题目内容说明', '单元作业', TITLE, ''].map(columnOfHeader)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('imports a sheet under a merged title and a blank row, with header variants, full-width digits and 「15分钟」', async () => {
    const items: (string | number | null)[][] = [
      ['分数的初步认识', '折一折', '把一张圆形纸片对折，涂出它的二分之一。', '涂色部分正好是一半', '基础', '实践', '１０', '３', OBJECTIVES[0]],
      [null, '涂一涂', '在方格图中涂出四分之三。', '涂对3格即可', '基础', '书面', '15分钟', '２', ''],
      [null, '说一说', '说说生活中哪里用到了分数。', '能举出一个例子', '提高', '口头', '15 分钟', 2, OBJECTIVES[2]],
      [null, '比一比', '比较三分之一和四分之一的大小，说明理由。', '三分之一大；能用图说明', '拓展', '探究', '约15分钟', '', ''],
      [null, '算一算', '计算 2/5 + 1/5。', '3/5', '提高', '书面', 8, 1, OBJECTIVES[1]],
    ];
    const fileBase64 = await sheetFile((sheet) => {
      sheet.getCell('A1').value = TITLE;
      sheet.mergeCells('A1:I1');
      sheet.getRow(3).values = [' 单元 ', '标题', '题目', '答案与评分标准', '层次', '形式', '预估时长（分钟）', '难度', '学习目标'];
      items.forEach((r, i) => { sheet.getRow(4 + i).values = r; });
      // Teachers merge the unit down the rows it covers; every row of the merge reads the unit.
      sheet.mergeCells(`A4:A${3 + items.length}`);
    }, '三年级数学');
    const before = await itemCount();
    const { bankImport } = await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64, dryRun: false } }, member);
    expect(bankImport).toEqual({ dryRun: false, rows: 5, created: 5, unchanged: 0, problems: [], userErrors: [] });
    expect(await itemCount()).toBe(before + 5);
    type Stored = { title: string; body: string; tier: string; form: string; predicted_minutes: number; difficulty: number; status: string; unit: string };
    const stored: Stored[] = await t.db.dataSource.query(
      `SELECT v.title, v.body, v.tier, v.form, v.predicted_minutes, v.difficulty, i.status, u.title AS unit
         FROM bank_item_versions v JOIN bank_items i ON i.id = v.item_id JOIN units u ON u.id = i.unit_id
        WHERE v.title = ANY($1)`, [items.map((r) => r[1])]);
    expect(Object.fromEntries(stored.map((r) => [r.title, [r.predicted_minutes, r.difficulty, r.tier, r.form, r.status, r.unit]]))).toEqual({
      折一折: [10, 3, 'basic', 'practical', 'draft', '分数的初步认识'],
      涂一涂: [15, 2, 'basic', 'written', 'draft', '分数的初步认识'],
      说一说: [15, 2, 'improving', 'oral', 'draft', '分数的初步认识'],
      比一比: [15, 2, 'extending', 'inquiry', 'draft', '分数的初步认识'],
      算一算: [8, 1, 'improving', 'written', 'draft', '分数的初步认识'],
    });
    expect(stored.find((r) => r.title === '折一折')!.body).toBe('把一张圆形纸片对折，涂出它的二分之一。');
  });

  it.each(['预估时长/分钟', '时长（分）', '时长(分钟)', '＊预估时长（分钟）'])('reads the minutes column headed 「%s」', async (minutesHeader) => {
    const fileBase64 = await sheetFile((sheet) => {
      sheet.addRow(['单元', '标题', '题目内容', '答案与评分标准', '层级', '形式', minutesHeader]);
      sheet.addRow(['分数的初步认识', `表头是${minutesHeader}`, '把一个蛋糕平均分成4份，每份是它的几分之一？', '1/4', '基础', '书面', '１２分钟']);
    });
    const { bankImport } = await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64, dryRun: true } }, member);
    expect(bankImport).toMatchObject({ rows: 1, created: 1, problems: [] });
  });

  it('a value it still cannot read is a row problem under the column as the sheet names it, by the sheet\'s row number', async () => {
    const fileBase64 = await sheetFile((sheet) => {
      sheet.addRow([TITLE]);
      sheet.addRow(['单元', '标题', '题目', '答案', '层次', '形式', '时长（分）', '难度']);
      sheet.addRow(['分数的初步认识', '很难的题', '把一个蛋糕平均分成4份，每份是它的几分之一？', '1/4', '很难', '书面', '10', '２']);
      sheet.addRow(['分数的初步认识', '说不准的题', '把一个蛋糕平均分成8份，每份是它的几分之一？', '1/8', '基础', '书面', '10-15分钟', '３级']);
    });
    const before = await itemCount();
    const { bankImport } = await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64, dryRun: false } }, member);
    expect(bankImport).toMatchObject({ created: 0, problems: [
      { row: 3, column: '层次', message: '「很难」不是可选值：基础、提高、拓展' },
      { row: 4, column: '时长（分）', message: '应为 1–120 的整数（分钟），如 15 或「15分钟」，实际为「10-15分钟」' },
      { row: 4, column: '难度', message: '应为 1–5 的整数，实际为「３级」' },
    ] });
    expect(await itemCount()).toBe(before);
  });

  const required = '单元（也可写作：单元名称、所属单元）；标题（也可写作：题目标题、作业标题）；题目内容（也可写作：题目、作业内容、题干）；'
    + '答案与评分标准（也可写作：答案及评分标准、答案和评分标准、参考答案、答案、评分标准）；层级（也可写作：层次、分层、作业层级、作业层次）；形式（也可写作：作业形式）；'
    + '预估时长(分钟)（也可写作：预估时长/分钟、预估时长(分)、预估时长、预计时长(分钟)、预计时长/分钟、预计用时(分钟)、时长(分钟)、时长/分钟、时长(分)、时长、用时(分钟)）';
  const wholeFileErrors: [string, 'XLSX' | 'CSV', () => Promise<string>, string][] = [
    ['not a workbook', 'XLSX', async () => Buffer.from('单元,标题\n分数的初步认识,折一折\n').toString('base64'),
      '文件不是可读取的 Excel 工作簿（.xlsx）；请上传 Excel 保存的 .xlsx 文件'],
    ['an Excel 97–2003 .xls', 'XLSX', async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]).toString('base64'),
      '这是旧版 Excel 97–2003（.xls）文件，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 后再导入'],
    ['a CSV saved as GBK', 'CSV', async () => Buffer.from([0xb5, 0xa5, 0xd4, 0xaa, 0x2c, 0xb1, 0xea, 0xcc, 0xe2, 0x0a]).toString('base64'),
      'CSV 文件不是 UTF-8 编码（Excel 默认另存的 CSV 多是 GBK 编码）；请另存为「CSV UTF-8（逗号分隔）」，或直接上传 .xlsx 文件'],
    ['an empty workbook', 'XLSX', () => sheetFile(() => undefined, 'Sheet1'), '文件是空的：工作表「Sheet1」里没有任何内容'],
    ['no header row', 'XLSX', () => sheetFile((sheet) => {
      sheet.addRow([TITLE]);
      sheet.addRow(['分数的初步认识', '折一折', '把一张圆形纸片对折。', '对折即可', '基础', '实践', 10]);
    }), `找不到表头行：各工作表的前 20 行里没有一行写着列名。表头行应包含必填列：${required}。列名前后的空格、全角或半角括号都可以`],
    ['required columns missing', 'XLSX', () => sheetFile((sheet) => {
      sheet.getCell('A1').value = TITLE;
      sheet.mergeCells('A1:E1');
      sheet.getRow(3).values = ['单元', '标题', '题目内容', '答案与评分标准', '形式'];
      sheet.getRow(4).values = ['分数的初步认识', '折一折', '把一张圆形纸片对折。', '对折即可', '实践'];
    }), '工作表「题库」第 3 行的表头缺少必填列：层级（也可写作：层次、分层、作业层级、作业层次）；'
      + '预估时长(分钟)（也可写作：预估时长/分钟、预估时长(分)、预估时长、预计时长(分钟)、预计时长/分钟、预计用时(分钟)、时长(分钟)、时长/分钟、时长(分)、时长、用时(分钟)）'],
    ['two columns for one', 'XLSX', () => sheetFile((sheet) => {
      sheet.addRow(['单元', '标题', '题目', '题目内容', '答案', '层级', '形式', '时长']);
      sheet.addRow(['分数的初步认识', '折一折', '折纸', '把一张圆形纸片对折。', '对折即可', '基础', '实践', 10]);
    }), '工作表「题库」第 1 行的表头有 2 列都表示「题目内容」：「题目」「题目内容」；请删去或改名其中的列，只留一列'],
  ];

  it.each(wholeFileErrors)('refuses %s as a whole, in Chinese, and imports nothing', async (_, format, file, message) => {
    const before = await itemCount();
    const error = await t.expectToFail('BAD_USER_INPUT', IMPORT.toString(), { i: { groupId: group, format, fileBase64: await file(), dryRun: false } }, member);
    expect(error.message).toBe(message);
    expect(await itemCount()).toBe(before);
  });

  it('reads the first sheet that has a header row, past a sheet of instructions', async () => {
    const fileBase64 = await sheetFile((notes, wb) => {
      notes.addRow(['填表说明：层级填 基础/提高/拓展；时长写分钟数']);
      const sheet = wb.addWorksheet('题目');
      sheet.addRow(['单元', '标题', '题目', '答案', '层次', '形式', '时长（分）']);
      sheet.addRow(['分数的初步认识', '第二张表的题', '把一个蛋糕平均分成6份，每份是它的几分之一？', '1/6', '基础', '书面', '５']);
    }, '说明');
    const { bankImport } = await t.op(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64, dryRun: false } }, member);
    expect(bankImport).toMatchObject({ rows: 1, created: 1, problems: [] });
    expect(await versionOf('第二张表的题')).toMatchObject({ predicted_minutes: 5, tier: 'basic' });
  });
});

describe('weekly notice export', () => {
  it('opens as a workbook with one sheet per class, the homework and the day\'s total against its cap', async () => {
    const yw = await t.login('t3yw1');
    const a = await insertItem(t, { subject: 'chinese', grade: 3, title: '读一读课文', minutes: 10 });
    const b = await insertItem(t, { subject: 'chinese', grade: 3, title: '写一写词语', minutes: 15 });
    await createAndPublish(t, yw, { ...ids(t, 3, 'chinese'), date: '2026-12-08', shape: 'PACKAGES', title: '语文作业', options: packages(a, b) });
    const { weeklyNoticeExport } = await t.op(graphql(`query ExcelWeeklyNotice($w: LocalDate!, $g: Int) { weeklyNoticeExport(weekStart: $w, grade: $g) { fileName contentBase64 } }`),
      { w: '2026-12-07', g: 3 }, await t.login('p30101'));
    expect(weeklyNoticeExport.fileName).toBe('3年级作业公示-2026-12-07.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(weeklyNoticeExport.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['三年级(1)班', '三年级(2)班']);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['日期', '星期', '类型', '语文', '书面作业合计(分钟)', '上限(分钟)']);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(['2026-12-08', '星期二', '上学日', '语文作业：读一读课文、写一写词语（书面 10–15 分钟）', 15, 60]);
  });
});
