import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { schoolToday } from '../../src/core/dates';
import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { createAndPublish, ids, insertItem, packages } from '../support/assignments';
import { keepForLooking, pdfPages, PdfPage, renderPage, squeezed } from '../support/pdf';
import { TestApp } from '../support/test-app';

/**
 * What the school prints: the weekly notice (作业公示) as an A4 workbook and as a PDF for the
 * notice board, and the week's record sheets (作业记录单) as a PDF, one A4 page per student.
 * Files are read back as a person would meet them: the workbook with exceljs, the PDF's text with
 * pdfjs-dist, and a page rendered to PNG with pdftoppm where it is installed (left in
 * PRINT_OUTPUT to look at).
 */
const SCHOOL = { code: 'print-test', name: '测试印校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 2, studentsPerClass: 3, nameSeed: 57 };
const WEEK = '2026-12-14';
const DAYS = ['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18', '2026-12-19', '2026-12-20'];
const LONG_TITLE = '综合实践：调查家庭一周的用水情况，记录每天的用水量，画出统计图并写出节约用水的三条建议';
const A4 = { long: 841.89, short: 595.28 };

let t: TestApp;
const tok: Record<string, string> = {};
const assignment: Record<string, string> = {};
const gid = (username: string) => toGlobalId('User', t.user(username).id);
const name = (username: string) => t.user(username).displayName;
const classId = (classNo: number) => toGlobalId('Class', t.schools[0].classes.find((c) => c.grade === 5 && c.classNo === classNo)!.id);
const headOf = (classNo: number) => t.schools[0].users.find((u) => u.id === t.schools[0].classes.find((c) => c.grade === 5 && c.classNo === classNo)!.headTeacherId)!;

const NOTICE = `query($w: LocalDate!, $c: ID, $g: Int, $f: NoticeFormat) { weeklyNoticeExport(weekStart: $w, classId: $c, grade: $g, format: $f) { fileName mimeType contentBase64 } }`;
const PRINT = `query($w: LocalDate!, $c: ID, $s: ID) { recordSheetPrint(weekStart: $w, classId: $c, studentId: $s) { fileName mimeType contentBase64 } }`;

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['t5yw1', 't5sx1', 't5sx2', 't5yy1', 't5kx', 'jiaowu', 's50101', 's50102', 'p50101', 'p50102']) tok[u] = await t.login(u);
  const item = {
    ywA: await insertItem(t, { subject: 'chinese', grade: 5, title: '字词听写与订正', minutes: 10 }),
    ywB: await insertItem(t, { subject: 'chinese', grade: 5, title: '小练笔：写一写秋天的景色', minutes: 15 }),
    sxA: await insertItem(t, { subject: 'math', grade: 5, title: '分数乘法计算练习', minutes: 20 }),
    sxB: await insertItem(t, { subject: 'math', grade: 5, title: '数学阅读：分数的由来', minutes: 10, form: 'reading' }),
    yyA: await insertItem(t, { subject: 'english', grade: 5, title: '朗读 Unit 3 对话', minutes: 10, form: 'oral' }),
    yyB: await insertItem(t, { subject: 'english', grade: 5, title: '英语绘本阅读', minutes: 15, form: 'reading' }),
    kxA: await insertItem(t, { subject: 'science', grade: 5, title: '观察月相并记录', minutes: 15, form: 'practical' }),
    kxB: await insertItem(t, { subject: 'science', grade: 5, title: '制作简易日晷', minutes: 20, form: 'practical' }),
    long: await insertItem(t, { subject: 'chinese', grade: 5, title: LONG_TITLE, minutes: 12 }),
  };
  const publish = async (teacher: string, subject: string, day: string, title: string, options: unknown[]) => {
    assignment[`${subject}/${day}`] = (await createAndPublish(t, tok[teacher], { ...ids(t, 5, subject), date: day, shape: 'PACKAGES', title, options })).assignment.id;
  };
  // Monday to Friday; the weekend has none.
  for (const day of DAYS.slice(0, 5)) {
    await publish('t5yw1', 'chinese', day, '语文作业', day === DAYS[3] ? packages(item.long, item.ywA) : packages(item.ywA, item.ywB));
    if (day !== DAYS[4]) await publish('t5sx1', 'math', day, '数学作业', packages(item.sxA, item.sxB));
    if ([DAYS[0], DAYS[2], DAYS[4]].includes(day)) await publish('t5yy1', 'english', day, '英语作业', packages(item.yyA, item.yyB));
    if ([DAYS[1], DAYS[4]].includes(day)) await publish('t5kx', 'science', day, '科学作业', packages(item.kxA, item.kxB));
  }
  // s50101 hands in Monday's 语文 (B, 18 minutes), records Monday; a parent writes, the head teacher replies.
  await t.ok(`mutation($i: SubmissionCreateInput!) { submissionCreate(input: $i) { userErrors { code } } }`,
    { i: { assignmentId: assignment[`chinese/${DAYS[0]}`], choice: 'B', answer: '秋天到了。', attachments: [], actualMinutes: 18, clientKey: 'print-s50101-yw' } }, tok.s50101);
  await t.ok(`mutation($i: AssignmentChooseInput!) { assignmentChoose(input: $i) { userErrors { code } } }`, { i: { assignmentId: assignment[`math/${DAYS[0]}`], choice: 'A' } }, tok.s50101);
  const fill = await t.ok(`mutation($i: RecordSheetFillInput!) { recordSheetFill(input: $i) { userErrors { code message } } }`, {
    i: { date: DAYS[0], entries: [{ assignmentId: assignment[`math/${DAYS[0]}`], actualMinutes: 32 }], selfStudyContent: '阅读《西游记》第三回', selfStudyMinutes: 25, bedtime: '21:10' },
  }, tok.s50101);
  expect(fill.recordSheetFill.userErrors).toEqual([]);
  await t.ok(`mutation($s: ID!, $d: LocalDate!, $m: String!) { recordSheetParentMessage(studentId: $s, date: $d, message: $m) { userErrors { code } } }`,
    { s: gid('s50101'), d: DAYS[0], m: '孩子周一数学作业用时较长，请老师关注。' }, tok.p50101);
  await t.ok(`mutation($s: ID!, $d: LocalDate!) { recordSheetRead(studentId: $s, date: $d, reply: "已与数学老师沟通，明天讲评。") { userErrors { code } } }`,
    { s: gid('s50101'), d: DAYS[0] }, tok.t5yw1);
});
afterAll(() => t?.stop());

/** 2026-12-07 → 2026年12月7日 */
const chinese = (iso: string) => iso.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

async function notice(variables: Record<string, unknown>, token = tok.p50101) {
  const { weeklyNoticeExport } = await t.ok(NOTICE, { w: WEEK, ...variables }, token);
  return { ...weeklyNoticeExport, data: Buffer.from(weeklyNoticeExport.contentBase64, 'base64') as Buffer };
}

async function printSheets(variables: Record<string, unknown>, token: string) {
  const { recordSheetPrint } = await t.ok(PRINT, { w: WEEK, ...variables }, token);
  return { ...recordSheetPrint, data: Buffer.from(recordSheetPrint.contentBase64, 'base64') as Buffer };
}

const expectA4 = (page: PdfPage, layout: 'portrait' | 'landscape') => {
  const [width, height] = layout === 'portrait' ? [A4.short, A4.long] : [A4.long, A4.short];
  expect(page.width).toBeCloseTo(width, 1);
  expect(page.height).toBeCloseTo(height, 1);
};

const expectText = (page: PdfPage, phrases: string[]) => {
  const text = squeezed(page.text);
  for (const phrase of phrases) expect({ phrase, found: text.includes(squeezed(phrase)) }).toEqual({ phrase, found: true });
};

/** Looked at where pdftoppm is installed: the page has ink, and a PNG of it is left to open. */
async function expectRendered(pdf: Buffer, fileName: string) {
  const rendered = await renderPage(pdf, fileName);
  // .ci/run installs poppler-utils and sets REQUIRE_BROWSER: there the rendering is never left out.
  if (process.env.REQUIRE_BROWSER) expect(rendered).not.toBeNull();
  if (rendered) {
    expect(fs.statSync(rendered.png).size).toBeGreaterThan(10_000);
    expect(rendered.ink).toBeGreaterThan(0.01);
  }
}

describe('the weekly notice as a workbook', () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    const file = await notice({ c: classId(1) });
    expect(file).toMatchObject({ fileName: '五年级(1)班作业公示-2026-12-14.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    keepForLooking('notice-class-1.xlsx', file.data);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.data as unknown as ArrayBuffer);
    sheet = wb.worksheets[0];
  });

  it('prints on A4 landscape, one page wide, the title and header repeated on every page', () => {
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: '1:2' });
  });

  it('has its title merged over the whole table and centred', () => {
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual(['日期', '星期', '类型', '语文', '数学', '英语', '科学', '书面作业合计(分钟)', '上限(分钟)']);
    expect(sheet.model.merges).toContain('A1:I1');
    const title = sheet.getCell('A1');
    expect(title.value).toBe('五年级(1)班作业公示（2026年12月14日—12月20日）');
    expect(title.alignment).toMatchObject({ horizontal: 'center' });
    expect(title.font).toMatchObject({ bold: true });
  });

  it('rules every cell of the header and of the seven days', () => {
    for (let r = 2; r <= 9; r++) {
      for (let c = 1; c <= 9; c++) {
        const { border } = sheet.getCell(r, c);
        expect({ cell: sheet.getCell(r, c).address, sides: ['top', 'left', 'bottom', 'right'].map((side) => border?.[side as keyof ExcelJS.Borders] && (border as any)[side].style) })
          .toEqual({ cell: sheet.getCell(r, c).address, sides: ['thin', 'thin', 'thin', 'thin'] });
      }
    }
  });

  it('shows each subject with its homework and minutes, of every form', () => {
    const monday = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(monday).toEqual(['2026-12-14', '星期一', '上学日',
      '语文作业：字词听写与订正、小练笔：写一写秋天的景色（书面 10–15 分钟）',
      '数学作业：分数乘法计算练习、数学阅读：分数的由来（共 10–20 分钟，其中书面 0–20 分钟）',
      '英语作业：朗读 Unit 3 对话、英语绘本阅读（共 10–15 分钟，无书面作业）', '', 35, 60]);
    expect((sheet.getRow(8).values as unknown[]).slice(1, 4)).toEqual(['2026-12-19', '星期六', '周末']);
  });

  it('has a footer with the class, its head teacher and the day it is posted', () => {
    const footer = sheet.headerFooter.oddFooter!;
    expect(footer).toContain('班级：五年级(1)班');
    expect(footer).toContain(`班主任：${headOf(1).displayName}`);
    expect(footer).toContain(`公示日期：${chinese(schoolToday())}`);
    expect(footer).toContain('&P');
  });
});

describe('the weekly notice as a PDF', () => {
  it('puts each class of a grade on its own A4 landscape page with its subjects and minutes', async () => {
    const file = await notice({ g: 5, f: 'PDF' });
    expect(file).toMatchObject({ fileName: '5年级作业公示-2026-12-14.pdf', mimeType: 'application/pdf' });
    expect(file.data.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(file.data);
    expect(pages).toHaveLength(2);
    for (const page of pages) expectA4(page, 'landscape');
    expectText(pages[0], [
      '五年级(1)班作业公示', '2026年12月14日—12月20日', '语文', '数学', '英语', '科学',
      '字词听写与订正、小练笔：写一写秋天的景色', '书面 10–15 分钟', '共 10–20 分钟，其中书面 0–20 分钟', '共 10–15 分钟，无书面作业', '共 15–20 分钟，无书面作业',
      '书面作业合计(分钟)', '上限(分钟)',
      `班级：五年级(1)班　班主任：${headOf(1).displayName}`, `公示日期：${chinese(schoolToday())}`, '第 1 页，共 2 页',
    ]);
    // Class 2 has no homework this week: its page says so rather than showing an empty grid.
    expectText(pages[1], ['五年级(2)班作业公示', '无', `班主任：${headOf(2).displayName}`, '第 2 页，共 2 页']);
    expect(squeezed(pages[1].text)).not.toContain('字词听写');
    await expectRendered(file.data, 'notice-grade-5');
  });

  it('embeds a subset of its Chinese font, so it prints the same on any machine', async () => {
    const file = await notice({ c: classId(1), f: 'PDF' });
    const raw = file.data.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toContain('/FontFile2');
    // A subset: the whole font is over 10 MB.
    expect(file.data.length).toBeLessThan(200_000);
  });

  it('is written by the command line with --pdf, and a file name that does not say PDF is refused', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'print-cli-'));
    try {
      const out: string[] = [];
      const err: string[] = [];
      const cli = (...argv: string[]) => t.cli(argv, out, err);
      const pdf = path.join(dir, 'notice.pdf');
      expect(await cli('notice-export', '--school', SCHOOL.code, '--week', WEEK, '--grade', '五年级', '--class-no', '1', '--pdf', '--out', pdf)).toBe(0);
      expect(out).toEqual([`wrote ${pdf}: 作业公示 of 五年级(1)班 as PDF, week of ${WEEK}`]);
      const pages = await pdfPages(fs.readFileSync(pdf));
      expect(pages).toHaveLength(1);
      expectText(pages[0], ['五年级(1)班作业公示', '语文', '书面 10–15 分钟']);
      expect(await cli('notice-export', '--school', SCHOOL.code, '--week', WEEK, '--grade', '5', '--pdf', '--out', path.join(dir, 'notice.xlsx'))).toBe(2);
      expect(err[0]).toBe(`homework notice-export: --out must name a .pdf file with --pdf, got "${path.join(dir, 'notice.xlsx')}"`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the record sheets of a week, printed', () => {
  const logged = async (reader: string) => (await t.db.dataSource.query(
    `SELECT u.username AS student, count(*)::int AS days FROM access_log a JOIN users u ON u.school_id = a.school_id AND u.id = a.student_id
      WHERE a.actor_id = $1 AND a.resource = 'record_sheet' AND a.resource_id BETWEEN $2 AND $3 GROUP BY u.username ORDER BY u.username`,
    [t.user(reader).id, DAYS[0], DAYS[6]]));

  it("gives the head teacher one A4 page per student of the class, Monday to Sunday, with what each has recorded; each sheet is logged", async () => {
    const before = await logged('t5yw1');
    const file = await printSheets({ c: classId(1) }, tok.t5yw1);
    const days = (rows: { student: string; days: number }[], student: string) => rows.find((r) => r.student === student)?.days ?? 0;
    const after = await logged('t5yw1');
    expect(['s50101', 's50102', 's50103'].map((s) => days(after, s) - days(before, s))).toEqual([7, 7, 7]);
    expect(file).toMatchObject({ fileName: '五年级(1)班作业记录单-2026-12-14.pdf', mimeType: 'application/pdf' });
    const pages = await pdfPages(file.data);
    expect(pages).toHaveLength(3);
    for (const page of pages) expectA4(page, 'portrait');
    expectText(pages[0], [
      '作业记录单', SCHOOL.name, '班级：五年级(1)班', `姓名：${name('s50101')}`, '2026年12月14日—12月20日', '就寝目标：20:30 前',
      '日期', '学科', '作业内容', '预估(分钟)', '实际(分钟)', '自主安排学习', '就寝时间', '家长留言',
      '12月14日', '星期一', '12月20日', '星期日', '本日未布置作业', '语文', '数学', '英语', '科学',
      // Monday: 语文 B chosen (15, handed in after 18 minutes), 数学 A chosen (20, recorded 32: over 1.5 × 20).
      'B 套餐：小练笔：写一写秋天的景色', 'A 套餐：分数乘法计算练习', '32', '超时',
      '阅读《西游记》第三回', '25 分钟', '21:10', '晚于目标', '孩子周一数学作业用时较长，请老师关注。', '班主任回复：已与数学老师沟通，明天讲评。',
    ]);
    expect(squeezed(pages[0].text)).toContain('秋天的景色1518');
    expect(squeezed(pages[0].text)).toContain('分数乘法计算练习2032超时');
    // Another student has chosen nothing: the range of the choices, and nothing of s50101's.
    expectText(pages[1], [`姓名：${name('s50102')}`, '语文字词听写与订正、小练笔：写一写秋天的景色10–15', '第 2 页，共 3 页']);
    expect(squeezed(pages[1].text)).not.toContain('西游记');
    await expectRendered(file.data, 'record-sheets-class-1');
  });

  it('keeps a long week to one page per student', async () => {
    const pages = await pdfPages((await printSheets({ s: gid('s50102') }, tok.t5yw1)).data);
    expect(pages).toHaveLength(1);
    // Thursday's long item is there, cut if it must be, but on the page.
    expect(squeezed(pages[0].text)).toContain(squeezed(LONG_TITLE.slice(0, 12)));
  });

  it('lets the academic office print any student, logged as a read of each of the seven days', async () => {
    expect(await logged('jiaowu')).toEqual([]);
    const pages = await pdfPages((await printSheets({ s: gid('s50103') }, tok.jiaowu)).data);
    expect(pages).toHaveLength(1);
    expect(await logged('jiaowu')).toEqual([{ student: 's50103', days: 7 }]);
  });

  it("lets a parent print their own child's week, unlogged (it is their own child's)", async () => {
    const file = await printSheets({ s: gid('s50101') }, tok.p50101);
    expect(file.fileName).toBe(`${name('s50101')}作业记录单-2026-12-14.pdf`);
    const pages = await pdfPages(file.data);
    expect(pages).toHaveLength(1);
    expectText(pages[0], [`姓名：${name('s50101')}`, '孩子周一数学作业用时较长，请老师关注。', '家长不检查、不批改作业']);
    expect(await logged('p50101')).toEqual([]);
  });

  it.each<[string, string, { s?: string; c?: number }, string]>([
    ['another child\'s parent', 'p50102', { s: 's50101' }, 'NOT_FOUND'],
    ['the head teacher of another class, for a student', 't5sx2', { s: 's50101' }, 'NOT_FOUND'],
    ['the head teacher of another class, for the class', 't5sx2', { c: 1 }, 'FORBIDDEN'],
    ['a subject teacher of the class, for the class', 't5sx1', { c: 1 }, 'FORBIDDEN'],
    ['a subject teacher of the class, for a student', 't5sx1', { s: 's50101' }, 'FORBIDDEN'],
    ['the student', 's50101', { s: 's50101' }, 'FORBIDDEN'],
  ])('refuses %s (%s), logging nothing', async (_who, reader, target, code) => {
    const variables = target.s ? { s: gid(target.s) } : { c: classId(target.c!) };
    const before = await logged(reader);
    await t.expectToFail(code, PRINT, { w: WEEK, ...variables }, tok[reader]);
    expect(await logged(reader)).toEqual(before);
  });

  it.each<[string, { w?: string; s?: string; c?: number }]>([
    ['a week that does not start on Monday', { w: DAYS[1], s: 's50101' }],
    ['both a class and a student', { c: 1, s: 's50101' }],
    ['neither a class nor a student', {}],
  ])('answers %s with BAD_USER_INPUT', async (_what, input) => {
    const variables = { w: input.w ?? WEEK, ...(input.s ? { s: gid(input.s) } : {}), ...(input.c ? { c: classId(input.c) } : {}) };
    await t.expectToFail('BAD_USER_INPUT', PRINT, variables, tok.t5yw1);
  });
});
