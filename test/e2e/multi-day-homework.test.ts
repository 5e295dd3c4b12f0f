import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { schoolSnapshot } from '../support/snapshot';
import { TestApp } from '../support/test-app';
import { CREATE, ids, insertItem, packages, PUBLISH, UPDATE } from '../support/assignments';

/**
 * Homework that spans days (issue 19, item 3): weekend and holiday homework, a week's reading, a
 * project over days. Its minutes are spread over its days (by the teacher's shares, or evenly),
 * counted in each day's load, and shown on each day's notice, student day and record sheet.
 * Each refusal is checked for its code, figures and for leaving the school's data unchanged.
 */
const SCHOOL = { code: 'multi-day', name: '多日作业测试校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 1, studentsPerClass: 2, nameSeed: 41 };
const SEED = '004「周末、节假日作业 … 快乐暑假」';
// The test clock is at 2026-09-01. 2026-12-14 is a Monday; 12-19 and 12-20 are the weekend.
const MON = '2026-12-14';
const TUE = '2026-12-15';
const WED = '2026-12-16';
const THU = '2026-12-17';
const SAT = '2026-12-19';
const SUN = '2026-12-20';
let t: TestApp;
const tok: Record<string, string> = {};

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['t5yw1', 't5sx1', 't5yy1', 's50101', 'p50101', 'jiaowu']) tok[u] = await t.login(u);
});
afterAll(() => t?.stop());

const cls = () => t.schools[0].classes.find((c) => c.grade === 5)!;
const classId = () => toGlobalId('Class', cls().id);
const snapshot = () => schoolSnapshot(t.db.dataSource, t.schools[0].schoolId);
const figures = (e: { figures: { name: string; value: number }[] }) => Object.fromEntries(e.figures.map((f) => [f.name, f.value]));

const SPREAD = `query($id: ID!) { assignment(id: $id) { day dueDay multiDay spread { day share heaviestWrittenMinutes heaviestAllFormsMinutes } } }`;
const NOTICE = `query($c: ID!, $w: LocalDate!) { weeklyNotice(classId: $c, weekStart: $w) {
  days { day heaviestTotalMinutes subjects { subject title firstDay dueDay heaviestWrittenMinutes } } } }`;
const DAY_OF = `query($d: LocalDate!, $s: ID) { studentDay(date: $d, studentId: $s) { assignment { title day dueDay multiDay } choices { key totalMinutes writtenHomeMinutes } } }`;
const PREVIEW = `query($c: ID!, $d: LocalDate!, $draft: LoadDraftInput) { loadPreview(classId: $c, date: $d, draft: $draft) {
  heaviestTotalMinutes subjects { assignment { title } heaviestWrittenMinutes } draft { heaviestWrittenMinutes } } }`;
const SHEET = `query($d: LocalDate!, $s: ID) { recordSheet(date: $d, studentId: $s) { revision lines { assignment { title } choice predictedMinutes actualMinutes prefilled } } }`;
const FILL = `mutation($input: RecordSheetFillInput!) { recordSheetFill(input: $input) { sheet { revision lines { assignment { title } actualMinutes } } userErrors { code } } }`;
const CHOOSE = `mutation($input: AssignmentChooseInput!) { assignmentChoose(input: $input) { entry { choice choices { key totalMinutes } } userErrors { code } } }`;
const REPORT = `query($c: ID!, $from: LocalDate!, $to: LocalDate!) { classLoadReport(classId: $c, from: $from, to: $to) { day subjects { subject predictedMinutes actualMinutes observations } } }`;

/** A draft of `minutes` written minutes at home (packages A and B alike), over `date`…`dueDay`. */
async function draft(token: string, code: string, minutes: number, date: string, dueDay?: string, dayShares?: number[], title = `${code}作业`) {
  const item = await insertItem(t, { subject: code, grade: 5, title: `${title}练习${minutes}分钟`, minutes });
  const { assignmentCreate } = await t.ok(CREATE, { input: { ...ids(t, 5, code), date, dueDay, dayShares, shape: 'PACKAGES', title, options: packages(item, item) } }, token);
  expect(assignmentCreate.userErrors).toEqual([]);
  return assignmentCreate.assignment as { id: string; revision: number };
}

const publish = async (token: string, a: { id: string; revision: number }) =>
  (await t.ok(PUBLISH, { input: { assignmentId: a.id, expectedRevision: a.revision } }, token)).assignmentPublish;

/** A refused mutation leaves every table of the school as it was; its payload. */
async function refused(query: string, input: unknown, token: string, field: string) {
  const before = await snapshot();
  const data = await t.ok(query, { input }, token);
  expect(data[field].userErrors).not.toEqual([]);
  expect(await snapshot()).toEqual(before);
  return data[field];
}

let weekend: { id: string; revision: number };
let reading: { id: string; revision: number };

describe(`${SEED}: a span of days and how its minutes are spread`, () => {
  it('a span due before it starts, longer than a summer holiday, or with shares that do not fit is refused with its figures; nothing changes', async () => {
    const item = await insertItem(t, { subject: 'math', grade: 5, title: '数学周末练习', minutes: 20 });
    const base = { ...ids(t, 5, 'math'), shape: 'PACKAGES', title: '周末作业', options: packages(item, item) };
    const before = await refused(CREATE, { ...base, date: SUN, dueDay: SAT }, tok.t5sx1, 'assignmentCreate');
    expect(before.userErrors[0]).toMatchObject({ code: 'DUE_BEFORE_START', field: ['dueDay'], message: `截止日期 ${SAT} 早于开始日期 ${SUN}` });

    const long = await refused(CREATE, { ...base, date: '2027-07-01', dueDay: '2027-09-01' }, tok.t5sx1, 'assignmentCreate');
    expect(long.userErrors[0]).toMatchObject({ code: 'SPAN_TOO_LONG', field: ['dueDay'] });
    expect(figures(long.userErrors[0])).toEqual({ spanDays: 63, maxDays: 62, excessDays: 1 });
    expect(long.userErrors[0].message).toBe('多日作业最长 62 天（约一个暑假），2027-07-01 至 2027-09-01 共 63 天，多出 1 天');

    const count = await refused(CREATE, { ...base, date: SAT, dueDay: SUN, dayShares: [1, 1, 1] }, tok.t5sx1, 'assignmentCreate');
    expect(count.userErrors[0]).toMatchObject({ code: 'DAY_SHARES_COUNT', field: ['dayShares'] });
    expect(figures(count.userErrors[0])).toEqual({ spanDays: 2, shareCount: 3 });

    const zero = await refused(CREATE, { ...base, date: SAT, dueDay: SUN, dayShares: [0, 0] }, tok.t5sx1, 'assignmentCreate');
    expect(zero.userErrors[0]).toMatchObject({ code: 'DAY_SHARES_INVALID', message: '每日分配不能全为 0：至少要有一天布置作业' });
  });

  it('weekend homework, Saturday to Sunday, 40 minutes evenly: 20 on each day', async () => {
    weekend = await draft(tok.t5sx1, 'math', 40, SAT, SUN, undefined, '数学周末作业');
    const published = await publish(tok.t5sx1, weekend);
    expect(published.userErrors).toEqual([]);
    weekend = published.assignment;
    const { assignment } = await t.ok(SPREAD, { id: weekend.id }, tok.t5sx1);
    expect(assignment).toEqual({
      day: SAT, dueDay: SUN, multiDay: true,
      spread: [
        { day: SAT, share: 1, heaviestWrittenMinutes: 20, heaviestAllFormsMinutes: 20 },
        { day: SUN, share: 1, heaviestWrittenMinutes: 20, heaviestAllFormsMinutes: 20 },
      ],
    });
  });

  it('the notice shows it on each of its days with that day\'s minutes and its span', async () => {
    const { weeklyNotice } = await t.ok(NOTICE, { c: classId(), w: MON }, tok.jiaowu);
    const day = (d: string) => weeklyNotice.days.find((x: { day: string }) => x.day === d);
    for (const d of [SAT, SUN]) {
      expect(day(d).subjects).toEqual([{ subject: '数学', title: '数学周末作业', firstDay: SAT, dueDay: SUN, heaviestWrittenMinutes: 20 }]);
      expect(day(d).heaviestTotalMinutes).toBe(20);
    }
    expect(day(MON).subjects).toEqual([]);
  });

  it("the student's day shows it on Saturday and Sunday with the day's share of each choice; the student chooses once for the whole", async () => {
    for (const d of [SAT, SUN]) {
      const { studentDay } = await t.ok(DAY_OF, { d }, tok.s50101);
      expect(studentDay).toEqual([{
        assignment: { title: '数学周末作业', day: SAT, dueDay: SUN, multiDay: true },
        choices: [{ key: 'A', totalMinutes: 20, writtenHomeMinutes: 20 }, { key: 'B', totalMinutes: 20, writtenHomeMinutes: 20 }],
      }]);
    }
    expect((await t.ok(DAY_OF, { d: THU }, tok.s50101)).studentDay).toEqual([]);
    const { assignmentChoose } = await t.ok(CHOOSE, { input: { assignmentId: weekend.id, choice: 'B' } }, tok.s50101);
    expect(assignmentChoose).toEqual({ entry: { choice: 'B', choices: [{ key: 'A', totalMinutes: 40 }, { key: 'B', totalMinutes: 40 }] }, userErrors: [] });
  });
});

describe(`${SEED}: each day of the span is checked against that day's cap`, () => {
  it('数学 45 minutes on Wednesday, then 语文 60 minutes of reading notes Monday to Wednesday evenly (20 a day) is refused on Wednesday only: 65 > 60; nothing changes', async () => {
    expect((await publish(tok.t5sx1, await draft(tok.t5sx1, 'math', 45, WED, undefined, undefined, '数学周三作业'))).userErrors).toEqual([]);
    reading = await draft(tok.t5yw1, 'chinese', 60, MON, WED, undefined, '语文读书笔记');
    const payload = await refused(PUBLISH, { assignmentId: reading.id, expectedRevision: reading.revision }, tok.t5yw1, 'assignmentPublish');
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0].code).toBe('DAILY_LOAD_EXCEEDED');
    // Wednesday is the third of its three days.
    expect(figures(payload.userErrors[0])).toEqual({ capMinutes: 60, publishedMinutes: 45, thisAssignmentMinutes: 20, excessMinutes: 5, 'published.math': 45, dayOfSpan: 3, spanDays: 3 });
    expect(payload.userErrors[0].message).toContain(`${WED}（上学日）`);
  });

  it('the teacher puts less on Wednesday (shares 2, 2, 1: 24, 24, 12) and it is published', async () => {
    const item = await insertItem(t, { subject: 'chinese', grade: 5, title: '读书笔记60分钟', minutes: 60 });
    const { assignmentUpdate } = await t.ok(UPDATE, { input: {
      assignmentId: reading.id, expectedRevision: reading.revision, title: '语文读书笔记', options: packages(item, item), dayShares: [2, 2, 1],
    } }, tok.t5yw1);
    expect(assignmentUpdate.userErrors).toEqual([]);
    const published = await publish(tok.t5yw1, assignmentUpdate.assignment);
    expect(published.userErrors).toEqual([]);
    reading = published.assignment;
    const { assignment } = await t.ok(SPREAD, { id: reading.id }, tok.t5yw1);
    expect(assignment.spread.map((d: { share: number; heaviestWrittenMinutes: number }) => [d.share, d.heaviestWrittenMinutes])).toEqual([[2, 24], [2, 24], [1, 12]]);
  });

  it("the same subject's day's homework runs alongside it and both count: 语文 40 on Tuesday would make 64 and is refused; 36 fits", async () => {
    const heavy = await draft(tok.t5yw1, 'chinese', 40, TUE, undefined, undefined, '语文周二作业');
    const payload = await refused(PUBLISH, { assignmentId: heavy.id, expectedRevision: heavy.revision }, tok.t5yw1, 'assignmentPublish');
    expect(payload.userErrors[0].code).toBe('DAILY_LOAD_EXCEEDED');
    expect(figures(payload.userErrors[0])).toEqual({ capMinutes: 60, publishedMinutes: 24, thisAssignmentMinutes: 40, excessMinutes: 4, 'published.chinese': 24 });
    // A second day's homework of the subject on the same day is still refused.
    const item = await insertItem(t, { subject: 'chinese', grade: 5, title: '另一份', minutes: 5 });
    const twice = await refused(CREATE, { ...ids(t, 5, 'chinese'), date: TUE, shape: 'PACKAGES', title: '第二份', options: packages(item, item) }, tok.t5yw1, 'assignmentCreate');
    expect(twice.userErrors[0].code).toBe('ASSIGNMENT_EXISTS');
    const light = await t.ok(UPDATE, { input: {
      assignmentId: heavy.id, expectedRevision: heavy.revision, title: '语文周二作业',
      options: packages(await insertItem(t, { subject: 'chinese', grade: 5, title: '语文36分钟', minutes: 36 }), item),
    } }, tok.t5yw1);
    expect(light.assignmentUpdate.userErrors).toEqual([]);
    expect((await publish(tok.t5yw1, light.assignmentUpdate.assignment)).userErrors).toEqual([]);
  });

  it("the preview counts each day's share; a draft over several days counts its share of the previewed day", async () => {
    const { loadPreview } = await t.ok(PREVIEW, { c: classId(), d: TUE }, tok.t5yw1);
    expect(loadPreview.heaviestTotalMinutes).toBe(60);
    expect(loadPreview.subjects.map((s: { assignment: { title: string }; heaviestWrittenMinutes: number }) => [s.assignment.title, s.heaviestWrittenMinutes]).sort())
      .toEqual([['语文周二作业', 36], ['语文读书笔记', 24]]);
    const item = await insertItem(t, { subject: 'english', grade: 5, title: '英语一周阅读', minutes: 14 });
    const drafted = await t.ok(PREVIEW, {
      c: classId(), d: THU,
      draft: { subjectId: ids(t, 5, 'english').subjectId, shape: 'PACKAGES', options: [{ key: 'A', name: 'A', items: [{ itemId: item, atHome: true }] }, { key: 'B', name: 'B', items: [{ itemId: item, atHome: true }] }],
        firstDay: MON, dueDay: SUN },
    }, tok.t5yy1);
    expect(drafted.loadPreview.draft).toEqual({ heaviestWrittenMinutes: 2 });
  });

  it("an edit of the span is checked again: moving the reading's last day to Thursday spreads it evenly (80 minutes: 20 a day, 65 on Wednesday); nothing changes when refused", async () => {
    const { assignment } = await t.ok(`query($id: ID!) { assignment(id: $id) { revision } }`, { id: reading.id }, tok.t5yw1);
    const item = await insertItem(t, { subject: 'chinese', grade: 5, title: '读书笔记80分钟', minutes: 80 });
    // 80 over Monday–Thursday is 20 a day; Tuesday would be 36 + 20 = 56, Wednesday 45 + 20 = 65.
    const payload = await refused(UPDATE, { assignmentId: reading.id, expectedRevision: assignment.revision, title: '语文读书笔记', options: packages(item, item), dueDay: THU },
      tok.t5yw1, 'assignmentUpdate');
    expect(payload.userErrors.map((e: { code: string }) => e.code)).toEqual(['DAILY_LOAD_EXCEEDED']);
    expect(figures(payload.userErrors[0])).toMatchObject({ thisAssignmentMinutes: 20, excessMinutes: 5 });
  });
});

describe(`${SEED} and 003「加强学科组、年级组作业统筹」: a subject's budget on each day of the span`, () => {
  const FRI = '2026-12-18';
  const SET = `mutation($input: SubjectBudgetsSetInput!) { subjectBudgetsSet(input: $input) { week { revision } userErrors { code } } }`;
  const BUDGETS = `query($c: ID!, $d: LocalDate!) { loadPreview(classId: $c, date: $d) { subjectBudgets { subject { code } budgetMinutes usedMinutes remainingMinutes } } }`;
  let english: { id: string; revision: number };

  it('with 英语 budgeted 10 minutes on Thursdays, 英语 24 minutes Thursday to Friday evenly (12 on Thursday) is refused on Thursday, the first of its two days; nothing changes', async () => {
    const subjects = ['chinese', 'math', 'english'].map((code) => ({ subjectId: ids(t, 5, code).subjectId, minutes: code === 'english' ? 10 : 20 }));
    const { subjectBudgetsSet } = await t.ok(SET, { input: { classId: classId(), days: [{ weekday: 4, budgets: subjects }] } }, tok.t5yw1);
    expect(subjectBudgetsSet.userErrors).toEqual([]);
    english = await draft(tok.t5yy1, 'english', 24, THU, FRI, undefined, '英语两天阅读');
    const payload = await refused(PUBLISH, { assignmentId: english.id, expectedRevision: english.revision }, tok.t5yy1, 'assignmentPublish');
    expect(payload.userErrors.map((e: { code: string }) => e.code)).toEqual(['SUBJECT_BUDGET_EXCEEDED']);
    expect(figures(payload.userErrors[0])).toMatchObject({ budgetMinutes: 10, availableMinutes: 10, publishedMinutes: 0, thisAssignmentMinutes: 12, excessMinutes: 2, dayOfSpan: 1, spanDays: 2 });
  });

  it('shares 1 and 2 (8 on Thursday, 16 on Friday, which has no budgets) fit; the preview shows 英语 using 8 of its 10 on Thursday', async () => {
    const item = await insertItem(t, { subject: 'english', grade: 5, title: '英语阅读24分钟', minutes: 24 });
    const { assignmentUpdate } = await t.ok(UPDATE, { input: {
      assignmentId: english.id, expectedRevision: english.revision, title: '英语两天阅读', options: packages(item, item), dayShares: [1, 2],
    } }, tok.t5yy1);
    expect(assignmentUpdate.userErrors).toEqual([]);
    expect((await publish(tok.t5yy1, assignmentUpdate.assignment)).userErrors).toEqual([]);
    const { loadPreview } = await t.ok(BUDGETS, { c: classId(), d: THU }, tok.t5yy1);
    expect(loadPreview.subjectBudgets.find((l: { subject: { code: string } }) => l.subject.code === 'english'))
      .toEqual({ subject: { code: 'english' }, budgetMinutes: 10, usedMinutes: 8, remainingMinutes: 2 });
    expect((await t.ok(BUDGETS, { c: classId(), d: FRI }, tok.t5yy1)).loadPreview.subjectBudgets).toBeNull();
  });

  const DAY_FIELDS = `date dayKind capMinutes heaviestTotalMinutes lightestTotalMinutes remainingMinutes excessMinutes
    allForms { capMinutes heaviestTotalMinutes } subjects { assignment { title } heaviestWrittenMinutes }
    subjectBudgets { subject { code } budgetMinutes usedMinutes remainingMinutes } draft { heaviestWrittenMinutes choices { key writtenHomeMinutes } }`;
  const week = [MON, TUE, WED, THU, FRI, SAT, SUN];

  it('the days of a span being composed, previewed at once, are each as previewed alone (the composer asks once for all of them)', async () => {
    const item = await insertItem(t, { subject: 'math', grade: 5, title: '数学一周练习', minutes: 35 });
    const draftInput = { subjectId: ids(t, 5, 'math').subjectId, shape: 'PACKAGES', options: [{ key: 'A', name: 'A', items: [{ itemId: item, atHome: true }] }, { key: 'B', name: 'B', items: [{ itemId: item, atHome: true }] }],
      firstDay: MON, dueDay: SUN };
    // Out of order, as a client may ask: answered in the order asked.
    const dates = [THU, MON, TUE, WED, FRI, SAT, SUN];
    const { loadPreviews } = await t.ok(`query($c: ID!, $dates: [LocalDate!]!, $draft: LoadDraftInput) { loadPreviews(classId: $c, dates: $dates, draft: $draft) { ${DAY_FIELDS} } }`,
      { c: classId(), dates, draft: draftInput }, tok.t5sx1);
    expect(loadPreviews.map((p: { date: string }) => p.date)).toEqual(dates);
    for (const [n, date] of dates.entries()) {
      const { loadPreview } = await t.ok(`query($c: ID!, $d: LocalDate!, $draft: LoadDraftInput) { loadPreview(classId: $c, date: $d, draft: $draft) { ${DAY_FIELDS} } }`,
        { c: classId(), d: date, draft: draftInput }, tok.t5sx1);
      expect(loadPreviews[n]).toEqual(loadPreview);
    }
    // The figures are the week's: 5 minutes a day of the draft, the reading on Monday to Wednesday, 英语's budget on Thursday.
    expect(loadPreviews.map((p: { draft: { heaviestWrittenMinutes: number } }) => p.draft.heaviestWrittenMinutes)).toEqual([5, 5, 5, 5, 5, 5, 5]);
    expect(loadPreviews[0].subjectBudgets.find((l: { subject: { code: string } }) => l.subject.code === 'math')).toMatchObject({ budgetMinutes: 20, usedMinutes: 5 });
    expect(loadPreviews[1].subjects.map((s: { assignment: { title: string } }) => s.assignment.title)).toContain('语文读书笔记');
  });

  it('more days than the longest span, or a day twice, is refused, saying how many', async () => {
    const PREVIEWS = `query($c: ID!, $dates: [LocalDate!]!) { loadPreviews(classId: $c, dates: $dates) { date } }`;
    const many = Array.from({ length: 63 }, (_, n) => new Date(Date.UTC(2026, 11, 14 + n)).toISOString().slice(0, 10));
    const tooMany = await t.gql(PREVIEWS, { c: classId(), dates: many }, tok.t5sx1);
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dates', reason: 'TOO_MANY_PREVIEW_DAYS' });
    expect(tooMany.errors?.[0].message).toBe('一次最多预览 62 天的作业量，这次要了 63 天');
    const twice = await t.gql(PREVIEWS, { c: classId(), dates: [MON, TUE, MON] }, tok.t5sx1);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dates', reason: 'PREVIEW_DAY_REPEATED' });
    expect(twice.errors?.[0].message).toBe(`${MON} 重复了：每天只预览一次`);
    expect((await t.ok(PREVIEWS, { c: classId(), dates: week }, tok.t5sx1)).loadPreviews).toHaveLength(7);
  });
});

describe(`${SEED}: the record sheet of each day`, () => {
  it("each day's sheet has the homework with the day's share of the chosen choice; minutes are given day by day", async () => {
    const { recordSheet } = await t.ok(SHEET, { d: SAT }, tok.s50101);
    expect(recordSheet.lines).toEqual([{ assignment: { title: '数学周末作业' }, choice: 'B', predictedMinutes: 20, actualMinutes: null, prefilled: false }]);
    const { recordSheetFill } = await t.ok(FILL, { input: { date: SAT, entries: [{ assignmentId: weekend.id, actualMinutes: 25 }] } }, tok.s50101);
    expect(recordSheetFill.userErrors).toEqual([]);
    expect(recordSheetFill.sheet.lines).toEqual([{ assignment: { title: '数学周末作业' }, actualMinutes: 25 }]);
    // Sunday's sheet keeps its own figure; the parent reads the same.
    expect((await t.ok(SHEET, { d: SUN, s: toGlobalId('User', t.user('s50101').id) }, tok.p50101)).recordSheet.lines)
      .toEqual([{ assignment: { title: '数学周末作业' }, choice: 'B', predictedMinutes: 20, actualMinutes: null, prefilled: false }]);
  });

  it('minutes for it on a day outside its span are refused; nothing changes', async () => {
    const before = await snapshot();
    const bad = await t.gql(FILL, { input: { date: THU, entries: [{ assignmentId: weekend.id, actualMinutes: 10 }] } }, tok.s50101);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });

  it("the class load report has it on each of its days with the day's prediction and the minutes given that day", async () => {
    const { classLoadReport } = await t.ok(REPORT, { c: classId(), from: SAT, to: SUN }, tok.jiaowu);
    expect(classLoadReport).toEqual([
      { day: SAT, subjects: [{ subject: '数学', predictedMinutes: 20, actualMinutes: 25, observations: 1 }] },
      { day: SUN, subjects: [{ subject: '数学', predictedMinutes: 20, actualMinutes: null, observations: 0 }] },
    ]);
  });
});
