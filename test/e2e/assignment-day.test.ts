import { SchoolStage } from '../../src/modules/school/school.entity';
import { TestApp } from '../support/test-app';
import { CREATE, createAndPublish, ids, insertItem, packages, PUBLISH } from '../support/assignments';

/**
 * One day of a grade-5 class: three teachers publish, the fourth is refused with the figures,
 * the preview matches, students choose, and the weekly notice shows it.
 */
const SCHOOL = { code: 'day-test', name: '测试丙校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 1, studentsPerClass: 3, nameSeed: 5 };
const DAY = '2026-11-24';
let t: TestApp;
const tok: Record<string, string> = {};
const item: Record<string, string> = {};
let scienceDraft: { id: string; revision: number };
/** The database id inside a global id. */
const raw = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['t5yw1', 't5sx1', 't5yy1', 't5kx', 's50101', 's50102', 'p50101', 'jiaowu']) tok[u] = await t.login(u);
  const specs: [string, string, string, number, string?][] = [
    ['yw10', 'chinese', '《白鹭》字词运用', 10], ['yw15', 'chinese', '《白鹭》小练笔', 15],
    ['sx10', 'math', '小数乘整数·基础练习', 10], ['sx13', 'math', '小数乘整数·变式练习', 13], ['sx15fun', 'math', '小数乘整数·数学游戏', 15, 'fun'],
    ['yy8', 'english', 'Words: describing people', 8], ['yy13', 'english', 'Write sentences: describing people', 13],
    ['kx15', 'science', '观察记录：种子发芽', 15], ['kx12', 'science', '画一画：植物的结构', 12],
  ];
  for (const [key, subject, title, minutes, form] of specs) item[key] = await insertItem(t, { subject, grade: 5, title, minutes, form });
});
afterAll(() => t?.stop());

it('three subjects publish within the 60-minute cap', async () => {
  const chinese = await createAndPublish(t, tok.t5yw1, { ...ids(t, 5, 'chinese'), date: DAY, shape: 'PACKAGES', title: '《白鹭》', options: packages(item.yw10, item.yw15) });
  expect(chinese.userErrors).toEqual([]);
  expect(chinese.assignment).toMatchObject({ status: 'PUBLISHED', heaviestWrittenMinutes: 15 });

  const math = await createAndPublish(t, tok.t5sx1, {
    ...ids(t, 5, 'math'), date: DAY, shape: 'THREE_PART', title: '小数乘整数',
    options: [
      { key: '1', name: '基础作业', items: [{ itemId: item.sx10, atHome: true }] },
      { key: '2', name: '拓展作业', items: [{ itemId: item.sx13, atHome: true }] },
      { key: '3', name: '发散作业', items: [{ itemId: item.sx15fun, atHome: true }] },
    ],
  });
  expect(math.userErrors).toEqual([]);
  expect(math.assignment.choices).toEqual([
    { key: 'A', writtenHomeMinutes: 23, totalMinutes: 38, minMinutes: 30, maxMinutes: 48 },
    { key: 'B2', writtenHomeMinutes: 23, totalMinutes: 23, minMinutes: 18, maxMinutes: 29 },
    { key: 'B3', writtenHomeMinutes: 10, totalMinutes: 25, minMinutes: 20, maxMinutes: 32 },
    { key: 'C', writtenHomeMinutes: 10, totalMinutes: 10, minMinutes: 8, maxMinutes: 13 },
  ]);

  const english = await createAndPublish(t, tok.t5yy1, { ...ids(t, 5, 'english'), date: DAY, shape: 'PACKAGES', title: 'Unit 1', options: packages(item.yy8, item.yy13) });
  expect(english.userErrors).toEqual([]);
});

it('the preview shows the day with the science draft added: 66 minutes, 6 over', async () => {
  const { assignmentCreate } = await t.ok(CREATE, { input: { ...ids(t, 5, 'science'), date: DAY, shape: 'PACKAGES', title: '种子发芽', options: packages(item.kx15, item.kx12) } }, tok.t5kx);
  scienceDraft = assignmentCreate.assignment;
  const { loadPreview } = await t.ok(`query($c: ID!, $d: LocalDate!, $a: ID) { loadPreview(classId: $c, date: $d, assignmentId: $a) {
      date dayKind capMinutes lightestTotalMinutes heaviestTotalMinutes remainingMinutes excessMinutes
      subjects { assignment { subject { name } status } lightestWrittenMinutes heaviestWrittenMinutes } } }`,
    { c: ids(t, 5, 'science').classId, d: DAY, a: scienceDraft.id }, tok.t5kx);
  expect(loadPreview).toMatchObject({ date: DAY, dayKind: 'SCHOOL_DAY', capMinutes: 60, lightestTotalMinutes: 40, heaviestTotalMinutes: 66, remainingMinutes: 0, excessMinutes: 6 });
  expect(loadPreview.subjects.map((s: any) => [s.assignment.subject.name, s.assignment.status, s.heaviestWrittenMinutes]).sort()).toEqual([
    ['数学', 'PUBLISHED', 23], ['科学', 'DRAFT', 15], ['英语', 'PUBLISHED', 13], ['语文', 'PUBLISHED', 15],
  ].sort());
});

it('an unsaved draft is previewed as it would be saved: calibrated minutes win, the excess is exact', async () => {
  // Enough students' actual minutes have calibrated 《种子发芽》 at 21 minutes (the estimate was 15).
  await t.db.dataSource.query(`INSERT INTO item_calibrations (school_id, item_id, version_no, observations, median_minutes, p80_minutes, calibrated_minutes, updated_at)
    VALUES ($1, $2, 1, 30, 21, 25, 21, now())`, [t.schools[0].schoolId, raw(item.kx15)]);
  const BANK = `query($id: ID!) { node(id: $id) { ... on BankItem { calibratedMinutes countedMinutes approvedVersion { predictedMinutes } } } }`;
  expect((await t.ok(BANK, { id: item.kx15 }, tok.t5kx)).node).toEqual({ calibratedMinutes: 21, countedMinutes: 21, approvedVersion: { predictedMinutes: 15 } });
  expect((await t.ok(BANK, { id: item.kx12 }, tok.t5kx)).node).toEqual({ calibratedMinutes: null, countedMinutes: 12, approvedVersion: { predictedMinutes: 12 } });

  const PREVIEW = `query($c: ID!, $d: LocalDate!, $draft: LoadDraftInput) { loadPreview(classId: $c, date: $d, draft: $draft) {
      heaviestTotalMinutes lightestTotalMinutes remainingMinutes excessMinutes subjects { assignment { subject { name } status } }
      draft { subject { name } lightestWrittenMinutes heaviestWrittenMinutes choices { key totalMinutes writtenHomeMinutes minMinutes maxMinutes } } } }`;
  const { classId, subjectId } = ids(t, 5, 'science');
  const draft = { subjectId, shape: 'PACKAGES', options: [
    { key: 'A', name: 'A 套餐', items: [{ itemId: item.kx15, atHome: true }] },
    { key: 'B', name: 'B 套餐', items: [] },
  ] };
  const { loadPreview } = await t.ok(PREVIEW, { c: classId, d: DAY, draft }, tok.t5kx);
  // The published 51 minutes, the saved science draft replaced by the one being composed (21 with the calibration): 72, 12 over;
  // its empty B package is the lightest choice (0), so the lightest day is 10 + 10 + 8 = 28.
  expect(loadPreview).toMatchObject({ heaviestTotalMinutes: 72, lightestTotalMinutes: 28, remainingMinutes: 0, excessMinutes: 12 });
  expect(loadPreview.subjects.map((s: any) => s.assignment.subject.name).sort()).toEqual(['数学', '英语', '语文'].sort());
  expect(loadPreview.draft).toEqual({ subject: { name: '科学' }, lightestWrittenMinutes: 0, heaviestWrittenMinutes: 21, choices: [
    { key: 'A', totalMinutes: 21, writtenHomeMinutes: 21, minMinutes: 16, maxMinutes: 27 },
    { key: 'B', totalMinutes: 0, writtenHomeMinutes: 0, minMinutes: 0, maxMinutes: 0 },
  ] });
  // A saved assignment pins the same figure.
  const saved = (await t.ok(CREATE, { input: { ...ids(t, 5, 'science'), date: '2026-11-25', shape: 'PACKAGES', title: '种子发芽（二）', options: packages(item.kx15, item.kx12) } }, tok.t5kx)).assignmentCreate.assignment;
  const pinned = (await t.ok(`query($id: ID!) { assignment(id: $id) { options { items { predictedMinutes item { id countedMinutes } content { title } } } } }`, { id: saved.id }, tok.t5kx)).assignment;
  expect(pinned.options.map((o: any) => o.items[0])).toEqual([
    { predictedMinutes: 21, item: { id: item.kx15, countedMinutes: 21 }, content: { title: '观察记录：种子发芽' } },
    { predictedMinutes: 12, item: { id: item.kx12, countedMinutes: 12 }, content: { title: '画一画：植物的结构' } },
  ]);
  await t.db.dataSource.query(`DELETE FROM item_calibrations WHERE item_id = $1`, [raw(item.kx15)]);

  // An item of another subject cannot be in the draft; students and parents never see bank items.
  await t.expectToFail('NOT_FOUND', PREVIEW, { c: classId, d: DAY, draft: { ...draft, options: [{ key: 'A', name: 'A', items: [{ itemId: item.sx10, atHome: true }] }] } }, tok.t5kx);
});

it('the fourth subject is refused with the cap, the published minutes per subject, its own minutes and the excess', async () => {
  const before = await t.db.dataSource.query(`SELECT id, status, revision FROM assignments ORDER BY id`);
  const { assignmentPublish } = await t.ok(PUBLISH, { input: { assignmentId: scienceDraft.id, expectedRevision: scienceDraft.revision } }, tok.t5kx);
  expect(assignmentPublish.assignment).toBeNull();
  expect(assignmentPublish.userErrors).toHaveLength(1);
  const error = assignmentPublish.userErrors[0];
  expect(error.code).toBe('DAILY_LOAD_EXCEEDED');
  expect(error.message).toBe('五年级(1)班 2026-11-24（上学日）书面作业上限 60 分钟：已发布 51 分钟，本次最重的选择 15 分钟，超出 6 分钟');
  expect(Object.fromEntries(error.figures.map((f: any) => [f.name, f.value]))).toEqual({
    capMinutes: 60, publishedMinutes: 51, thisAssignmentMinutes: 15, excessMinutes: 6,
    'published.chinese': 15, 'published.math': 23, 'published.english': 13,
  });
  expect(await t.db.dataSource.query(`SELECT id, status, revision FROM assignments ORDER BY id`)).toEqual(before);
});

describe('students choose', () => {
  const DAYQ = `query($d: LocalDate!, $s: ID) { studentDay(date: $d, studentId: $s) { assignment { subject { name } title } choices { key } choice needsChoice } }`;
  const CHOOSE = `mutation($input: AssignmentChooseInput!) { assignmentChoose(input: $input) { entry { choice needsChoice } userErrors { code message } } }`;

  it('a student sees their day, chooses, and changes their mind', async () => {
    const { studentDay } = await t.ok(DAYQ, { d: DAY }, tok.s50101);
    expect(studentDay.map((e: any) => e.assignment.subject.name).sort()).toEqual(['数学', '英语', '语文'].sort());
    expect(studentDay.every((e: any) => e.needsChoice && e.choice === null)).toBe(true);
    const math = (await t.ok(`query($c: ID!) { classAssignments(classId: $c, from: "${DAY}", to: "${DAY}") { id subject { code } } }`, { c: ids(t, 5, 'math').classId }, tok.t5sx1))
      .classAssignments.find((a: any) => a.subject.code === 'math');
    expect((await t.ok(CHOOSE, { input: { assignmentId: math.id, choice: 'C' } }, tok.s50101)).assignmentChoose.entry).toEqual({ choice: 'C', needsChoice: false });
    expect((await t.ok(CHOOSE, { input: { assignmentId: math.id, choice: 'B2' } }, tok.s50101)).assignmentChoose.entry.choice).toBe('B2');
    const refused = (await t.ok(CHOOSE, { input: { assignmentId: math.id, choice: 'Z' } }, tok.s50101)).assignmentChoose;
    expect(refused.userErrors).toEqual([{ code: 'UNKNOWN_CHOICE', message: '这份作业没有这个选项，请从 A、B2、B3、C 中选择' }]);
    await t.ok(CHOOSE, { input: { assignmentId: math.id, choice: 'A' } }, tok.s50102);

    const mine = (await t.ok(DAYQ, { d: DAY }, tok.s50101)).studentDay.find((e: any) => e.assignment.subject.name === '数学');
    expect(mine.choice).toBe('B2');
    // The parent sees their child's day; nobody sees another student's choices.
    const child = t.user('s50101');
    const { toGlobalId } = await import('../../src/core/ids');
    const asParent = (await t.ok(DAYQ, { d: DAY, s: toGlobalId('User', child.id) }, tok.p50101)).studentDay.find((e: any) => e.assignment.subject.name === '数学');
    expect(asParent.choice).toBe('B2');
    await t.expectToFail('NOT_FOUND', DAYQ, { d: DAY, s: toGlobalId('User', t.user('s50102').id) }, tok.s50101);
    await t.expectToFail('NOT_FOUND', DAYQ, { d: DAY, s: toGlobalId('User', t.user('s50102').id) }, tok.p50101);
    // Teachers and parents never choose for a student.
    await t.expectToFail('FORBIDDEN', CHOOSE, { input: { assignmentId: math.id, choice: 'A' } }, tok.t5sx1);
    await t.expectToFail('FORBIDDEN', CHOOSE, { input: { assignmentId: math.id, choice: 'A' } }, tok.p50101);
  });
});

it('the weekly notice shows the day against its cap, with no student data, to everyone in the school', async () => {
  const Q = `query($c: ID!, $w: LocalDate!) { weeklyNotice(classId: $c, weekStart: $w) { className weekStart
    days { day dayKind capMinutes heaviestTotalMinutes lightestTotalMinutes subjects { subject title content heaviestWrittenMinutes } } } }`;
  for (const token of [tok.s50102, tok.p50101, tok.t5kx, tok.jiaowu]) {
    const { weeklyNotice } = await t.ok(Q, { c: ids(t, 5, 'math').classId, w: '2026-11-23' }, token);
    expect(weeklyNotice.className).toBe('五年级(1)班');
    expect(weeklyNotice.days).toHaveLength(7);
    const tuesday = weeklyNotice.days[1];
    expect(tuesday).toMatchObject({ day: DAY, dayKind: 'SCHOOL_DAY', capMinutes: 60, heaviestTotalMinutes: 51, lightestTotalMinutes: 28 });
    expect(tuesday.subjects.map((s: any) => s.subject).sort()).toEqual(['数学', '英语', '语文'].sort());
    expect(weeklyNotice.days[5]).toMatchObject({ dayKind: 'WEEKEND', subjects: [], heaviestTotalMinutes: 0 });
    const text = JSON.stringify(weeklyNotice);
    for (const s of t.schools[0].users.filter((u) => u.roles.includes('student' as never))) expect(text).not.toContain(s.displayName);
  }
});
