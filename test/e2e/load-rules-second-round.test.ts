import ExcelJS from 'exceljs';
import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { schoolSnapshot } from '../support/snapshot';
import { TEST_NOW, TestApp } from '../support/test-app';
import { CREATE, createAndPublish, ids, insertItem, packages, PUBLISH } from '../support/assignments';

/**
 * The rules, second round (issue 19): the total time of every form, labour / exercise / reading,
 * publishing at the right time, and the consistency of items. Each refusal is checked for its
 * code and figures and for leaving the school's data unchanged.
 */
const SCHOOL = { code: 'rules-two', name: '测试庚校', stage: SchoolStage.PRIMARY, grades: [2, 5], classesPerGrade: 1, studentsPerClass: 2, nameSeed: 19 };
let t: TestApp;
const tok: Record<string, string> = {};

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['t2yw1', 't2sx1', 't5yw1', 't5sx1', 't5yy1', 'jiaowu', 's50101']) tok[u] = await t.login(u);
});
afterAll(() => t?.stop());
afterEach(() => t.clock.set(TEST_NOW));

const snapshot = () => schoolSnapshot(t.db.dataSource, t.schools[0].schoolId);
const figures = (e: { figures: { name: string; value: number }[] }) => Object.fromEntries(e.figures.map((f) => [f.name, f.value]));

async function draft(token: string, grade: number, subject: string, day: string, options: unknown[], shape = 'PACKAGES') {
  const { assignmentCreate } = await t.ok(CREATE, { input: { ...ids(t, grade, subject), date: day, shape, title: '作业', options } }, token);
  expect(assignmentCreate.userErrors).toEqual([]);
  return assignmentCreate.assignment;
}

/** Publishing is refused and nothing in the school changes; the refusals. */
async function refusedPublish(token: string, a: { id: string; revision: number }) {
  const before = await snapshot();
  const { assignmentPublish } = await t.ok(PUBLISH, { input: { assignmentId: a.id, expectedRevision: a.revision } }, token);
  expect(assignmentPublish.assignment).toBeNull();
  expect(await snapshot()).toEqual(before);
  return assignmentPublish.userErrors;
}

const SET = `mutation($input: LoadPolicySetInput!) { loadPolicySet(input: $input) {
  cap { grade dayKind nationalCapMinutes schoolCapMinutes capMinutes totalCapMinutes revision } userErrors { code message figures { name value } } } }`;
const PREVIEW = `query($c: ID!, $d: LocalDate!, $draft: LoadDraftInput) { loadPreview(classId: $c, date: $d, draft: $draft) {
  capMinutes heaviestTotalMinutes subjects { heaviestWrittenMinutes lightestAllFormsMinutes heaviestAllFormsMinutes }
  draft { heaviestWrittenMinutes heaviestAllFormsMinutes }
  allForms { capMinutes lightestTotalMinutes heaviestTotalMinutes remainingMinutes excessMinutes } } }`;

describe('004 「二年级家庭作业不超过30分钟 … 三、四年级家庭作业不超过40分钟」: a cap on the total of every form at home', () => {
  // 2026-12-01 to 12-04 are Tuesday to Friday, school days.
  it('grade 2 (national written cap 0) can be given a 30-minute total; reading and oral homework at home count against it', async () => {
    const { loadPolicySet } = await t.ok(SET, { input: { grade: 2, dayKind: 'SCHOOL_DAY', totalCapMinutes: 30 } }, tok.jiaowu);
    expect(loadPolicySet).toEqual({
      cap: { grade: 2, dayKind: 'SCHOOL_DAY', nationalCapMinutes: 0, schoolCapMinutes: null, capMinutes: 0, totalCapMinutes: 30, revision: 1 }, userErrors: [],
    });
    const day = '2026-12-01';
    const reading = await insertItem(t, { subject: 'chinese', grade: 2, title: '读绘本二十分钟', minutes: 20, form: 'reading' });
    const readingShort = await insertItem(t, { subject: 'chinese', grade: 2, title: '读儿歌', minutes: 10, form: 'reading' });
    expect((await createAndPublish(t, tok.t2yw1, { ...ids(t, 2, 'chinese'), date: day, shape: 'PACKAGES', title: '阅读', options: packages(reading, readingShort) })).userErrors).toEqual([]);

    const oral = await insertItem(t, { subject: 'math', grade: 2, title: '口算接龙', minutes: 15, form: 'oral' });
    const oralShort = await insertItem(t, { subject: 'math', grade: 2, title: '说一说', minutes: 5, form: 'oral' });
    const math = await draft(tok.t2sx1, 2, 'math', day, packages(oral, oralShort));
    const errors = await refusedPublish(tok.t2sx1, math);
    expect(errors.map((e: any) => e.code)).toEqual(['TOTAL_LOAD_EXCEEDED']);
    expect(figures(errors[0])).toEqual({ capMinutes: 30, publishedMinutes: 20, thisAssignmentMinutes: 15, excessMinutes: 5, 'published.chinese': 20 });
    expect(errors[0].message).toBe(`${t.schools[0].classes.find((c) => c.grade === 2)!.name} 2026-12-01（上学日）家庭作业总时长（书面、阅读、口头、实践、劳动、锻炼等各类合计）学校上限 30 分钟：已发布 20 分钟，本次最重的选择 15 分钟，超出 5 分钟`);

    // The preview shows the total against its cap, the draft counted as it would be saved.
    const classId = ids(t, 2, 'math').classId;
    const draftInput = { subjectId: ids(t, 2, 'math').subjectId, shape: 'PACKAGES', options: packages(oral, oralShort) };
    const { loadPreview } = await t.ok(PREVIEW, { c: classId, d: day, draft: draftInput }, tok.t2sx1);
    expect(loadPreview).toEqual({
      capMinutes: 0, heaviestTotalMinutes: 0,
      subjects: [{ heaviestWrittenMinutes: 0, lightestAllFormsMinutes: 10, heaviestAllFormsMinutes: 20 }],
      draft: { heaviestWrittenMinutes: 0, heaviestAllFormsMinutes: 15 },
      allForms: { capMinutes: 30, lightestTotalMinutes: 15, heaviestTotalMinutes: 35, remainingMinutes: 0, excessMinutes: 5 },
    });

    // Done in school, the oral task does not count: it is published.
    const inSchool = [{ key: 'A', name: '课内', items: [{ itemId: oral, atHome: false }] }, { key: 'B', name: '在家', items: [{ itemId: oralShort, atHome: true }] }];
    expect((await createAndPublish(t, tok.t2sx1, { ...ids(t, 2, 'math'), date: '2026-12-02', shape: 'PACKAGES', title: '口算', options: inSchool })).userErrors).toEqual([]);
    const after = (await t.ok(PREVIEW, { c: classId, d: day }, tok.t2sx1)).loadPreview;
    expect(after.allForms).toEqual({ capMinutes: 30, lightestTotalMinutes: 10, heaviestTotalMinutes: 20, remainingMinutes: 10, excessMinutes: 0 });
  });

  it('a school caps written minutes (stricter than national) and the total together; both refusals come at once, with figures', async () => {
    await t.ok(SET, { input: { grade: 5, dayKind: 'SCHOOL_DAY', writtenCapMinutes: 40, totalCapMinutes: 50 } }, tok.jiaowu);
    const day = '2026-12-03';
    const written = await insertItem(t, { subject: 'chinese', grade: 5, title: '写作练习', minutes: 30 });
    const reading = await insertItem(t, { subject: 'chinese', grade: 5, title: '读课外书', minutes: 15, form: 'reading' });
    const chinese = [{ key: 'A', name: 'A', items: [{ itemId: written, atHome: true }, { itemId: reading, atHome: true }] }, { key: 'B', name: 'B', items: [{ itemId: reading, atHome: true }] }];
    expect((await createAndPublish(t, tok.t5yw1, { ...ids(t, 5, 'chinese'), date: day, shape: 'PACKAGES', title: '语文', options: chinese })).userErrors).toEqual([]);
    const mathWritten = await insertItem(t, { subject: 'math', grade: 5, title: '应用题', minutes: 12 });
    const mathShort = await insertItem(t, { subject: 'math', grade: 5, title: '口算', minutes: 5, form: 'oral' });
    const errors = await refusedPublish(tok.t5sx1, await draft(tok.t5sx1, 5, 'math', day, packages(mathWritten, mathShort)));
    expect(errors.map((e: any) => e.code)).toEqual(['DAILY_LOAD_EXCEEDED', 'TOTAL_LOAD_EXCEEDED']);
    expect(figures(errors[0])).toMatchObject({ capMinutes: 40, publishedMinutes: 30, thisAssignmentMinutes: 12, excessMinutes: 2 });
    expect(figures(errors[1])).toMatchObject({ capMinutes: 50, publishedMinutes: 45, thisAssignmentMinutes: 12, excessMinutes: 7 });
    // The caps as the office reads them.
    const caps = (await t.ok(`{ loadCaps { grade dayKind capMinutes totalCapMinutes } }`, {}, tok.jiaowu)).loadCaps;
    expect(caps.filter((c: any) => c.dayKind === 'SCHOOL_DAY' && [2, 3, 5].includes(c.grade))).toEqual([
      { grade: 2, dayKind: 'SCHOOL_DAY', capMinutes: 0, totalCapMinutes: 30 }, { grade: 3, dayKind: 'SCHOOL_DAY', capMinutes: 60, totalCapMinutes: null },
      { grade: 5, dayKind: 'SCHOOL_DAY', capMinutes: 40, totalCapMinutes: 50 },
    ]);
  });

  it('a cap left out keeps its value, null removes it; with neither left the national caps alone apply', async () => {
    const set = async (input: Record<string, unknown>) => (await t.ok(SET, { input: { grade: 5, dayKind: 'WEEKEND', ...input } }, tok.jiaowu)).loadPolicySet;
    expect((await set({ writtenCapMinutes: 30, totalCapMinutes: 45 })).cap).toMatchObject({ capMinutes: 30, totalCapMinutes: 45, revision: 1 });
    expect((await set({ writtenCapMinutes: 20, expectedRevision: 1 })).cap).toMatchObject({ capMinutes: 20, totalCapMinutes: 45, revision: 2 });
    expect((await set({ totalCapMinutes: null, expectedRevision: 2 })).cap).toMatchObject({ capMinutes: 20, totalCapMinutes: null, revision: 3 });
    expect((await set({ writtenCapMinutes: null, expectedRevision: 3 })).cap).toMatchObject({ capMinutes: 60, schoolCapMinutes: null, totalCapMinutes: null, revision: null });
    const before = await snapshot();
    const looser = await set({ writtenCapMinutes: 70, totalCapMinutes: 80 });
    expect(looser.userErrors.map((e: any) => e.code)).toEqual(['LOOSER_THAN_NATIONAL']);
    expect(await snapshot()).toEqual(before);
  });

  it('the weekly notice (作业公示) shows each day\'s total of every form against the school\'s cap', async () => {
    const W = `query($c: ID!, $w: LocalDate!) { weeklyNotice(classId: $c, weekStart: $w) {
      days { day capMinutes heaviestTotalMinutes subjects { subject heaviestWrittenMinutes heaviestAllFormsMinutes } allForms { capMinutes heaviestTotalMinutes remainingMinutes excessMinutes } } } }`;
    const { weeklyNotice } = await t.ok(W, { c: ids(t, 2, 'chinese').classId, w: '2026-11-30' }, tok.jiaowu);
    const byDay = Object.fromEntries(weeklyNotice.days.map((d: any) => [d.day, d]));
    expect(byDay['2026-12-01']).toEqual({
      day: '2026-12-01', capMinutes: 0, heaviestTotalMinutes: 0,
      subjects: [{ subject: '语文', heaviestWrittenMinutes: 0, heaviestAllFormsMinutes: 20 }],
      allForms: { capMinutes: 30, heaviestTotalMinutes: 20, remainingMinutes: 10, excessMinutes: 0 },
    });
    // Saturday: the school caps no total on weekends.
    expect(byDay['2026-12-05'].allForms).toEqual({ capMinutes: null, heaviestTotalMinutes: 0, remainingMinutes: null, excessMinutes: 0 });
    // The workbook adds the total of every form and its cap as two columns.
    const { weeklyNoticeExport } = await t.ok(`{ weeklyNoticeExport(weekStart: "2026-11-30", grade: 2) { contentBase64 } }`, {}, tok.jiaowu);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(weeklyNoticeExport.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['日期', '星期', '类型', '语文', '数学', '书面作业合计(分钟)', '上限(分钟)', '各类作业合计(分钟)', '总时长上限(分钟)']);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(['2026-12-01', '星期二', '上学日', '阅读：读绘本二十分钟、读儿歌（共 10–20 分钟，无书面作业）', '', 0, 0, 20, 30]);
    expect((sheet.getRow(8).values as unknown[]).slice(-2)).toEqual([0, '—']);
  });
});

describe('000 「从事力所能及的家务劳动，开展适宜的体育锻炼、阅读」: labour, exercise and reading', () => {
  it('count against the total-time cap, not the written cap (grade 2 may have them at home)', async () => {
    const day = '2026-12-04';
    const labour = await insertItem(t, { subject: 'chinese', grade: 2, title: '帮家人择菜', minutes: 15, form: 'labour' });
    const exercise = await insertItem(t, { subject: 'chinese', grade: 2, title: '跳绳', minutes: 20, form: 'exercise' });
    const ok = await createAndPublish(t, tok.t2yw1, { ...ids(t, 2, 'chinese'), date: day, shape: 'PACKAGES', title: '劳动与锻炼', options: packages(labour, exercise) });
    expect(ok.userErrors).toEqual([]);
    expect(ok.assignment.choices.map((c: any) => [c.key, c.writtenHomeMinutes, c.totalMinutes])).toEqual([['A', 0, 15], ['B', 0, 20]]);
    // Another 15 minutes of exercise would take the total over the 30 minutes.
    const more = await insertItem(t, { subject: 'math', grade: 2, title: '拍球数数', minutes: 15, form: 'exercise' });
    const more2 = await insertItem(t, { subject: 'math', grade: 2, title: '踢毽子', minutes: 10, form: 'exercise' });
    const errors = await refusedPublish(tok.t2sx1, await draft(tok.t2sx1, 2, 'math', day, packages(more, more2)));
    expect(errors.map((e: any) => e.code)).toEqual(['TOTAL_LOAD_EXCEEDED']);
    expect(figures(errors[0])).toMatchObject({ capMinutes: 30, publishedMinutes: 20, thisAssignmentMinutes: 15, excessMinutes: 5 });
  });

  it('the record sheet records the day\'s exercise and reading minutes', async () => {
    const FILL = `mutation($i: RecordSheetFillInput!) { recordSheetFill(input: $i) { sheet { exerciseMinutes readingMinutes selfStudyMinutes revision } userErrors { code } } }`;
    const filled = (await t.ok(FILL, { i: { date: '2026-12-03', entries: [], exerciseMinutes: 60, readingMinutes: 30 } }, tok.s50101)).recordSheetFill;
    expect(filled).toEqual({ sheet: { exerciseMinutes: 60, readingMinutes: 30, selfStudyMinutes: null, revision: 2 }, userErrors: [] });
    const again = (await t.ok(FILL, { i: { date: '2026-12-03', entries: [], readingMinutes: 45, expectedRevision: 2 } }, tok.s50101)).recordSheetFill;
    expect(again.sheet).toMatchObject({ exerciseMinutes: 60, readingMinutes: 45 });
    const before = await snapshot();
    await t.expectToFail('BAD_USER_INPUT', FILL, { i: { date: '2026-12-03', entries: [], exerciseMinutes: 601, expectedRevision: 3 } }, tok.s50101);
    expect(await snapshot()).toEqual(before);
    const HEAD = `query($c: ID!, $d: LocalDate!) { classRecordSheets(classId: $c, date: $d) { student { id } exerciseMinutes readingMinutes } }`;
    // The head teacher reads them with the class's sheets.
    const { classRecordSheets } = await t.ok(HEAD, { c: ids(t, 5, 'chinese').classId, d: '2026-12-03' }, tok.t5yw1);
    expect(classRecordSheets.find((s: any) => s.student.id === toGlobalId('User', t.user('s50101').id))).toMatchObject({ exerciseMinutes: 60, readingMinutes: 45 });
  });
});

describe('004 「要在下课之前完成作业布置」: publishing at the right time', () => {
  const SETTINGS = `mutation($i: SchoolSettingsInput!) { schoolSettingsUpdate(input: $i) { settings { latestPublishTime pastDayPublishing } userErrors { code } } }`;

  it('never for a day already past, by default; the school may allow it', async () => {
    t.clock.set('2026-12-08T09:00:00+08:00');
    const item = await insertItem(t, { subject: 'english', grade: 5, title: 'Read aloud', minutes: 10, form: 'oral' });
    const item2 = await insertItem(t, { subject: 'english', grade: 5, title: 'Spell', minutes: 5, form: 'oral' });
    const a = await draft(tok.t5yy1, 5, 'english', '2026-12-07', packages(item, item2));
    const errors = await refusedPublish(tok.t5yy1, a);
    expect(errors).toEqual([{
      code: 'PUBLISHED_FOR_PAST_DAY', field: ['assignmentId'], figures: [{ name: 'daysPast', value: 1 }],
      message: '不能为已经过去的日期补发作业：2026-12-07 已过去 1 天（今天是 2026-12-08），本校不允许补发',
    }]);
    expect((await t.ok(SETTINGS, { i: { pastDayPublishing: true } }, tok.jiaowu)).schoolSettingsUpdate.settings).toEqual({ latestPublishTime: null, pastDayPublishing: true });
    expect((await t.ok(PUBLISH, { input: { assignmentId: a.id, expectedRevision: a.revision } }, tok.t5yy1)).assignmentPublish.userErrors).toEqual([]);
    await t.ok(SETTINGS, { i: { pastDayPublishing: false } }, tok.jiaowu);
  });

  it('homework for a school day is published by the school\'s latest time that day, in China Standard Time', async () => {
    expect((await t.ok(SETTINGS, { i: { latestPublishTime: '17:30' } }, tok.jiaowu)).schoolSettingsUpdate.settings).toEqual({ latestPublishTime: '17:30', pastDayPublishing: false });
    const day = '2026-12-09'; // a Wednesday
    const i1 = await insertItem(t, { subject: 'english', grade: 5, title: 'Listen', minutes: 10, form: 'oral' });
    const i2 = await insertItem(t, { subject: 'english', grade: 5, title: 'Copy', minutes: 5, form: 'reading' });
    const late = await draft(tok.t5yy1, 5, 'english', day, packages(i1, i2));
    // 17:31 in Beijing is 09:31 UTC.
    t.clock.set('2026-12-09T09:31:00Z');
    const errors = await refusedPublish(tok.t5yy1, late);
    expect(errors).toEqual([{
      code: 'PUBLISHED_TOO_LATE', field: ['assignmentId'], figures: [{ name: 'minutesLate', value: 1 }],
      message: '当天作业须在下课之前布置：本校规定 2026-12-09 的作业最晚 17:30 发布，现在是 17:31，已晚 1 分钟',
    }]);
    // At 17:30 it is in time; homework for tomorrow may be published in the evening.
    t.clock.set('2026-12-09T17:30:00+08:00');
    expect((await t.ok(PUBLISH, { input: { assignmentId: late.id, expectedRevision: late.revision } }, tok.t5yy1)).assignmentPublish.userErrors).toEqual([]);
    t.clock.set('2026-12-09T21:00:00+08:00');
    const j1 = await insertItem(t, { subject: 'math', grade: 5, title: '明天的口算', minutes: 5, form: 'oral' });
    const j2 = await insertItem(t, { subject: 'math', grade: 5, title: '明天的阅读', minutes: 5, form: 'reading' });
    expect((await createAndPublish(t, tok.t5sx1, { ...ids(t, 5, 'math'), date: '2026-12-10', shape: 'PACKAGES', title: '明天', options: packages(j1, j2) })).userErrors).toEqual([]);
    // A weekend day's homework on that day is not bound by the school-day time.
    t.clock.set('2026-12-12T20:00:00+08:00');
    expect((await createAndPublish(t, tok.t5sx1, { ...ids(t, 5, 'math'), date: '2026-12-12', shape: 'PACKAGES', title: '周六', options: packages(j1, j2) })).userErrors).toEqual([]);
    expect((await t.ok(SETTINGS, { i: { latestPublishTime: null } }, tok.jiaowu)).schoolSettingsUpdate.settings.latestPublishTime).toBeNull();
  });
});

describe('consistency checks', () => {
  it('an item of another grade is refused unless its research group marks it as suited to the class\'s grade', async () => {
    const day = '2026-12-14';
    const grade2 = await insertItem(t, { subject: 'chinese', grade: 2, title: '二年级的儿歌', minutes: 5, form: 'reading' });
    const own = await insertItem(t, { subject: 'chinese', grade: 5, title: '五年级的课文', minutes: 5, form: 'reading' });
    const a = await draft(tok.t5yw1, 5, 'chinese', day, packages(own, grade2));
    const errors = await refusedPublish(tok.t5yw1, a);
    expect(errors).toEqual([{
      code: 'ITEM_OF_ANOTHER_GRADE', field: ['options', 'B', 'items'], figures: [{ name: 'grade', value: 5 }, { name: 'itemGrade', value: 2 }],
      message: '「二年级的儿歌」是二年级的题目，不能布置给五年级（除非备课组标注它也适用于五年级）',
    }]);
    const MARK = `mutation($i: BankItemSuitedGradesSetInput!) { bankItemSuitedGradesSet(input: $i) { item { suitedGrades revision } userErrors { code } } }`;
    const revision = (await t.ok(`query($id: ID!) { node(id: $id) { ... on BankItem { revision suitedGrades } } }`, { id: grade2 }, tok.jiaowu)).node;
    expect(revision.suitedGrades).toEqual([2]);
    // Only the research group's lead or the academic office marks it.
    await t.expectToFail('FORBIDDEN', MARK, { i: { itemId: grade2, grades: [5], expectedRevision: revision.revision } }, tok.t5sx1);
    const marked = (await t.ok(MARK, { i: { itemId: grade2, grades: [5], expectedRevision: revision.revision } }, tok.jiaowu)).bankItemSuitedGradesSet;
    expect(marked).toEqual({ item: { suitedGrades: [2, 5], revision: revision.revision + 1 }, userErrors: [] });
    expect((await t.ok(PUBLISH, { input: { assignmentId: a.id, expectedRevision: a.revision } }, tok.t5yw1)).assignmentPublish.userErrors).toEqual([]);
  });

  it('002 「小学不少于10小时,初中不少于9小时」: a grade may get up at its own time, and its bedtime target counts back from it', async () => {
    const SHEET = `query($d: LocalDate!) { recordSheet(date: $d) { bedtimeTarget } }`;
    const SETTINGS = `mutation($i: SchoolSettingsInput!) { schoolSettingsUpdate(input: $i) {
      settings { wakeUpTime gradeWakeUpTimes { grade wakeUpTime } } userErrors { code field figures { name value } } } }`;
    const school = (await t.ok(`{ school { settings { wakeUpTime gradeWakeUpTimes { grade } } } }`, {}, tok.jiaowu)).school.settings;
    expect(school.gradeWakeUpTimes).toEqual([]);
    const before = (await t.ok(SHEET, { d: '2026-12-17' }, tok.s50101)).recordSheet.bedtimeTarget;
    const set = (await t.ok(SETTINGS, { i: { gradeWakeUpTimes: [{ grade: 5, wakeUpTime: '06:00' }] } }, tok.jiaowu)).schoolSettingsUpdate;
    expect(set).toEqual({ settings: { wakeUpTime: school.wakeUpTime, gradeWakeUpTimes: [{ grade: 5, wakeUpTime: '06:00' }] }, userErrors: [] });
    expect((await t.ok(SHEET, { d: '2026-12-17' }, tok.s50101)).recordSheet.bedtimeTarget).toBe('20:00');
    expect(before).not.toBe('20:00');
    // A grade the school does not teach is refused, and nothing changes.
    const unchanged = await snapshot();
    const refused = (await t.ok(SETTINGS, { i: { gradeWakeUpTimes: [{ grade: 8, wakeUpTime: '06:00' }] } }, tok.jiaowu)).schoolSettingsUpdate;
    expect(refused).toEqual({ settings: null, userErrors: [{ code: 'GRADE_NOT_IN_SCHOOL', field: ['gradeWakeUpTimes'], figures: [{ name: 'grade', value: 8 }] }] });
    expect(await snapshot()).toEqual(unchanged);
    await t.ok(SETTINGS, { i: { gradeWakeUpTimes: [] } }, tok.jiaowu);
    expect((await t.ok(SHEET, { d: '2026-12-17' }, tok.s50101)).recordSheet.bedtimeTarget).toBe(before);
  });

  it('004 「基础性作业为必做题」: part 1 of a 三三三 holds basic-tier items only', async () => {
    const improving = await insertItem(t, { subject: 'math', grade: 5, title: '提高题', minutes: 5, tier: 'improving', form: 'oral' });
    const basic = await insertItem(t, { subject: 'math', grade: 5, title: '基础题', minutes: 5, form: 'oral' });
    const extending = await insertItem(t, { subject: 'math', grade: 5, title: '拓展题', minutes: 5, tier: 'extending', form: 'oral' });
    const parts = (first: string) => [
      { key: '1', name: '基础', items: [{ itemId: first, atHome: true }] },
      { key: '2', name: '拓展', items: [{ itemId: improving, atHome: true }] },
      { key: '3', name: '发散', items: [{ itemId: extending, atHome: true }] },
    ];
    const a = await draft(tok.t5sx1, 5, 'math', '2026-12-15', parts(improving), 'THREE_PART');
    const errors = await refusedPublish(tok.t5sx1, a);
    expect(errors).toEqual([{
      code: 'PART_ONE_NOT_BASIC', field: ['options', '1', 'items'], figures: [],
      message: '「提高题」是提高题，三三三作业的第一部分（基础性作业，必做）只能放基础题',
    }]);
    expect((await createAndPublish(t, tok.t5sx1, { ...ids(t, 5, 'math'), date: '2026-12-16', shape: 'THREE_PART', title: '三三三', options: parts(basic) })).userErrors).toEqual([]);
  });
});
