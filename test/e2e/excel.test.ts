import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { toGlobalId } from '../../src/core/ids';
import { COLUMNS } from '../../src/modules/excel/bank-sheet';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { createMathUnit } from '../support/bank';
import { createAndPublish, ids, insertItem, packages } from '../support/assignments';

/** Banks in and out of Excel, and the printable weekly notice. */
let t: TestApp;
let lead: string;
let member: string;
let group: string;
const IMPORT = `mutation($i: BankImportInput!) { bankImport(input: $i) { dryRun rows created unchanged problems { row column message } userErrors { code } } }`;
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
    const { bankImport } = await t.ok(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: await workbook(rows), dryRun: true } }, member);
    expect(bankImport).toEqual({ dryRun: true, rows: 300, created: 300, unchanged: 0, problems: [], userErrors: [] });
    expect(await itemCount()).toBe(0);
  });

  it('imports 300 items as drafts of the importer; export → import round-trips with no change', async () => {
    const { bankImport } = await t.ok(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: await workbook(rows), dryRun: false } }, member);
    expect(bankImport).toMatchObject({ rows: 300, created: 300, unchanged: 0, problems: [] });
    const drafts = await t.db.dataSource.query(`SELECT DISTINCT status, author_id FROM bank_items`);
    expect(drafts).toEqual([{ status: 'draft', author_id: t.user('t3sx2').id }]);
    unitId = (await t.ok(`{ units(grade: 3) { id title } }`, {}, member)).units.find((u: any) => u.title === '分数的初步认识').id;
    const { bankExport } = await t.ok(`query($u: ID!) { bankExport(unitId: $u) { fileName mimeType contentBase64 } }`, { u: unitId }, member);
    expect(bankExport.fileName).toBe('分数的初步认识.xlsx');
    const exported = await readBack(bankExport.contentBase64);
    expect(exported).toEqual(rows);
    const again = (await t.ok(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: bankExport.contentBase64, dryRun: false } }, member)).bankImport;
    expect(again).toMatchObject({ rows: 300, created: 0, unchanged: 300, problems: [] });
    expect(await itemCount()).toBe(300);
  });

  it('a file with three broken rows is refused with those rows named, and nothing is written', async () => {
    const broken = Array.from({ length: 10 }, (_, i) => row(1000 + i));
    broken[2][4] = '很难';
    broken[5][6] = 0;
    broken[8][0] = '不存在的单元';
    const before = await itemCount();
    const { bankImport } = await t.ok(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: await workbook(broken), dryRun: false } }, member);
    expect(bankImport.created).toBe(0);
    expect(bankImport.problems.map((p: any) => [p.row, p.column])).toEqual([[4, '层级'], [7, '预估时长(分钟)'], [10, '单元']]);
    expect(bankImport.problems[0].message).toBe('「很难」不是可选值：基础、提高、拓展');
    expect(await itemCount()).toBe(before);
  });

  it('reads the CSV sample, and refuses outsiders', async () => {
    const csv = fs.readFileSync(path.join(__dirname, '..', '..', 'seeds', 'sample-bank.csv'));
    const { bankImport } = await t.ok(IMPORT, { i: { groupId: group, format: 'CSV', fileBase64: csv.toString('base64'), dryRun: true } }, member);
    expect(bankImport.problems).toEqual([]);
    expect(bankImport.rows).toBeGreaterThanOrEqual(5);
    await t.expectToFail('FORBIDDEN', IMPORT, { i: { groupId: group, format: 'CSV', fileBase64: csv.toString('base64'), dryRun: true } }, await t.login('t3yw1'));
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
    const { bankImport } = await t.ok(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: await workbookOfCells('题库', [cells]), dryRun: false } }, member);
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
    const { bankImport } = await t.ok(IMPORT, { i: { groupId: group, format: 'XLSX', fileBase64: await workbookOfCells('三年级题库', rows), dryRun: false } }, member);
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
    const { bankImport: refused } = await t.ok(IMPORT, { i: { groupId: group, format: 'CSV', fileBase64, dryRun: true } }, member);
    expect(refused.problems).toEqual([{ row: 4, column: '标题', message: '不能为空' }]);
    const fixed = Buffer.from(csv.split('\n').slice(0, 3).join('\n')).toString('base64');
    const { bankImport } = await t.ok(IMPORT, { i: { groupId: group, format: 'CSV', fileBase64: fixed, dryRun: false } }, member);
    expect(bankImport).toMatchObject({ rows: 2, created: 2, problems: [] });
    expect((await versionOf('1e3')).body).toBe('2024-01-01 那天分了几块蛋糕？');
    expect((await versionOf('2024-01-01')).body).toBe('#N/A 是什么意思？');
  });
});

describe('weekly notice export', () => {
  it('opens as a workbook with one sheet per class, the homework and the day\'s total against its cap', async () => {
    const yw = await t.login('t3yw1');
    const a = await insertItem(t, { subject: 'chinese', grade: 3, title: '读一读课文', minutes: 10 });
    const b = await insertItem(t, { subject: 'chinese', grade: 3, title: '写一写词语', minutes: 15 });
    await createAndPublish(t, yw, { ...ids(t, 3, 'chinese'), date: '2026-12-08', shape: 'PACKAGES', title: '语文作业', options: packages(a, b) });
    const { weeklyNoticeExport } = await t.ok(`{ weeklyNoticeExport(weekStart: "2026-12-07", grade: 3) { fileName contentBase64 } }`, {}, await t.login('p30101'));
    expect(weeklyNoticeExport.fileName).toBe('3年级作业公示-2026-12-07.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(weeklyNoticeExport.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['三年级(1)班', '三年级(2)班']);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['日期', '星期', '类型', '语文', '书面作业合计(分钟)', '上限(分钟)']);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(['2026-12-08', '星期二', '上学日', '语文作业：读一读课文、写一写词语（书面 10–15 分钟）', 15, 60]);
  });
});
