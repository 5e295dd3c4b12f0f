import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { TestApp } from '../support/test-app';
import { createAndPublish, ids, insertItem, packages } from '../support/assignments';

/** The record sheet, its flags and locking, calibration, and the reports, on hand-computed figures. */
const SCHOOL = { code: 'sheet-test', name: '测试庚校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 1, studentsPerClass: 3, nameSeed: 12 };
const DAY = '2026-12-01';
let t: TestApp;
const tok: Record<string, string> = {};
const item: Record<string, string> = {};
let chinese: { id: string };
let math: { id: string };
const gid = (username: string) => toGlobalId('User', t.user(username).id);

const SHEET = `query($d: LocalDate!, $s: ID) { recordSheet(date: $d, studentId: $s) { date revision filled locked flags capMinutes actualWrittenMinutes bedtime bedtimeTarget
  parentMessage reply lines { assignment { subject { name } } choice content predictedMinutes actualMinutes prefilled overran } } }`;
const FILL = `mutation($i: RecordSheetFillInput!) { recordSheetFill(input: $i) { sheet { revision flags actualWrittenMinutes locked
  lines { assignment { subject { name } } actualMinutes prefilled } } userErrors { code message } } }`;
const SUBMIT = `mutation($i: SubmissionCreateInput!) { submissionCreate(input: $i) { submission { id } userErrors { code } } }`;
const CHOOSE = `mutation($i: AssignmentChooseInput!) { assignmentChoose(input: $i) { userErrors { code } } }`;

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['t5yw1', 't5sx1', 's50101', 's50102', 's50103', 'p50101', 'p50102', 'jiaowu']) tok[u] = await t.login(u);
  item.yw10 = await insertItem(t, { subject: 'chinese', grade: 5, title: '字词运用', minutes: 10 });
  item.yw15 = await insertItem(t, { subject: 'chinese', grade: 5, title: '小练笔', minutes: 15 });
  item.sx20 = await insertItem(t, { subject: 'math', grade: 5, title: '计算练习', minutes: 20 });
  item.sx10r = await insertItem(t, { subject: 'math', grade: 5, title: '数学阅读', minutes: 10, form: 'reading' });
  chinese = (await createAndPublish(t, tok.t5yw1, { ...ids(t, 5, 'chinese'), date: DAY, shape: 'PACKAGES', title: '语文作业', options: packages(item.yw10, item.yw15) })).assignment;
  math = (await createAndPublish(t, tok.t5sx1, { ...ids(t, 5, 'math'), date: DAY, shape: 'PACKAGES', title: '数学作业', options: packages(item.sx20, item.sx10r) })).assignment;
  await t.ok(CHOOSE, { i: { assignmentId: math.id, choice: 'A' } }, tok.s50101);
  await t.ok(SUBMIT, { i: { assignmentId: chinese.id, choice: 'B', answer: '小练笔', attachments: [], actualMinutes: 30, clientKey: 'sheet-s50101-yw' } }, tok.s50101);
  await t.ok(SUBMIT, { i: { assignmentId: chinese.id, choice: 'A', answer: '字词', attachments: [], actualMinutes: 12, clientKey: 'sheet-s50102-yw' } }, tok.s50102);
});
afterAll(() => t?.stop());

describe('the record sheet', () => {
  it('fills itself from the day: content, predicted minutes of the choice, actual minutes from the submission', async () => {
    const { recordSheet } = await t.ok(SHEET, { d: DAY }, tok.s50101);
    expect(recordSheet).toMatchObject({ date: DAY, filled: false, locked: false, capMinutes: 60, bedtimeTarget: '20:30' });
    const bySubject = Object.fromEntries(recordSheet.lines.map((l: any) => [l.assignment.subject.name, l]));
    expect(bySubject['语文']).toEqual({ assignment: { subject: { name: '语文' } }, choice: 'B', content: ['小练笔'], predictedMinutes: 15, actualMinutes: 30, prefilled: true, overran: true });
    expect(bySubject['数学']).toMatchObject({ choice: 'A', content: ['计算练习'], predictedMinutes: 20, actualMinutes: null });
    expect(recordSheet.flags).toEqual(['SUBJECT_OVERRAN']);
  });

  it('the student enters actual minutes and bedtime; the flags follow', async () => {
    const { recordSheetFill } = await t.ok(FILL, { i: { date: DAY, entries: [{ assignmentId: math.id, actualMinutes: 40 }], selfStudyContent: '读《西游记》', selfStudyMinutes: 20, bedtime: '22:00' } }, tok.s50101);
    expect(recordSheetFill.userErrors).toEqual([]);
    // Written at home: 语文 30 (all written) + 数学 40 (all written) = 70 > 60.
    expect(recordSheetFill.sheet).toMatchObject({ actualWrittenMinutes: 70, flags: ['WRITTEN_OVER_CAP', 'LATE_BEDTIME', 'SUBJECT_OVERRAN'] });
  });

  it('a parent leaves a message on their own child\'s sheet only', async () => {
    const M = `mutation($s: ID!, $d: LocalDate!, $m: String!) { recordSheetParentMessage(studentId: $s, date: $d, message: $m) { sheet { parentMessage } userErrors { code } } }`;
    expect((await t.ok(M, { s: gid('s50101'), d: DAY, m: '孩子数学作业做到很晚，请老师关注。' }, tok.p50101)).recordSheetParentMessage.sheet.parentMessage).toBe('孩子数学作业做到很晚，请老师关注。');
    await t.expectToFail('FORBIDDEN', M, { s: gid('s50101'), d: DAY, m: '你好' }, tok.p50102);
    await t.expectToFail('NOT_FOUND', SHEET, { d: DAY, s: gid('s50101') }, tok.p50102);
    await t.expectToFail('NOT_FOUND', SHEET, { d: DAY, s: gid('s50101') }, tok.s50102);
  });

  it("the head teacher's day lists unfilled sheets, flagged sheets and messages waiting for a reply", async () => {
    const { classRecordSheets } = await t.ok(`query($c: ID!, $d: LocalDate!) { classRecordSheets(classId: $c, date: $d) { student { username } filled flags parentMessage reply } }`,
      { c: ids(t, 5, 'math').classId, d: DAY }, tok.t5yw1);
    expect(classRecordSheets.filter((s: any) => !s.filled).map((s: any) => s.student.username)).toEqual(['s50102', 's50103']);
    expect(classRecordSheets.filter((s: any) => s.flags.length).map((s: any) => s.student.username)).toEqual(['s50101']);
    expect(classRecordSheets.filter((s: any) => s.parentMessage && !s.reply).map((s: any) => s.student.username)).toEqual(['s50101']);
    // The same, asked of the service: the sheets with a parent's message waiting for an answer.
    const waiting = await t.ok(`query($c: ID!, $d: LocalDate!) { classRecordSheets(classId: $c, date: $d, messages: UNANSWERED) { student { username } unansweredMessages } }`,
      { c: ids(t, 5, 'math').classId, d: DAY }, tok.t5yw1);
    expect(waiting.classRecordSheets).toEqual([{ student: { username: 's50101' }, unansweredMessages: 1 }]);
    await t.expectToFail('FORBIDDEN', `query($c: ID!, $d: LocalDate!) { classRecordSheets(classId: $c, date: $d) { filled } }`, { c: ids(t, 5, 'math').classId, d: DAY }, tok.t5sx1);
  });

  it('once read, the student\'s entries are locked; the head teacher can reopen them', async () => {
    const READ = `mutation($s: ID!, $d: LocalDate!, $r: String, $o: Boolean!) { recordSheetRead(studentId: $s, date: $d, reply: $r, reopen: $o) { sheet { locked reply revision } userErrors { code } } }`;
    const read = (await t.ok(READ, { s: gid('s50101'), d: DAY, r: '已了解，明天和数学老师沟通。', o: false }, tok.t5yw1)).recordSheetRead.sheet;
    expect(read).toMatchObject({ locked: true, reply: '已了解，明天和数学老师沟通。' });
    const before = await t.db.dataSource.query(`SELECT e.actual_minutes FROM record_sheet_entries e ORDER BY 1`);
    const refused = (await t.ok(FILL, { i: { date: DAY, expectedRevision: read.revision, entries: [{ assignmentId: math.id, actualMinutes: 25 }] } }, tok.s50101)).recordSheetFill;
    expect(refused.userErrors[0].code).toBe('SHEET_LOCKED');
    expect(await t.db.dataSource.query(`SELECT e.actual_minutes FROM record_sheet_entries e ORDER BY 1`)).toEqual(before);
    const reopened = (await t.ok(READ, { s: gid('s50101'), d: DAY, r: null, o: true }, tok.t5yw1)).recordSheetRead.sheet;
    const fixed = (await t.ok(FILL, { i: { date: DAY, expectedRevision: reopened.revision, entries: [{ assignmentId: math.id, actualMinutes: 25 }] } }, tok.s50101)).recordSheetFill;
    expect(fixed.userErrors).toEqual([]);
    expect(fixed.sheet.actualWrittenMinutes).toBe(55);
    await t.expectToFail('FORBIDDEN', READ, { s: gid('s50101'), d: DAY, r: null, o: false }, tok.t5sx1);
  });

  it("a parent records their own child's bedtime, under the same consent and locking rules", async () => {
    const BED = `mutation($s: ID!, $d: LocalDate!, $b: Time!) { recordSheetParentBedtime(studentId: $s, date: $d, bedtime: $b) {
      sheet { bedtime flags filled revision } userErrors { code } } }`;
    const CONSENT = `mutation($s: ID!, $g: Boolean!) { guardianConsentSet(studentId: $s, given: $g) { userErrors { code } } }`;
    const READ = `mutation($s: ID!, $d: LocalDate!, $o: Boolean!) { recordSheetRead(studentId: $s, date: $d, reopen: $o) { sheet { locked } userErrors { code } } }`;
    const bedtimes = () => t.db.dataSource.query(`SELECT bedtime, revision FROM record_sheets WHERE student_id = $1`, [t.user('s50102').id]);

    const recorded = (await t.ok(BED, { s: gid('s50102'), d: DAY, b: '21:45' }, tok.p50102)).recordSheetParentBedtime;
    expect(recorded.userErrors).toEqual([]);
    // 21:45 is after the grade-5 target of 20:30; the student has still not filled the sheet themselves.
    expect(recorded.sheet).toMatchObject({ bedtime: '21:45', filled: false });
    expect(recorded.sheet.flags).toContain('LATE_BEDTIME');
    expect((await t.ok(SHEET, { d: DAY }, tok.s50102)).recordSheet.bedtime).toBe('21:45');
    // Another child's parent, the student and a teacher may not.
    await t.expectToFail('FORBIDDEN', BED, { s: gid('s50102'), d: DAY, b: '20:00' }, tok.p50101);
    await t.expectToFail('FORBIDDEN', BED, { s: gid('s50102'), d: DAY, b: '20:00' }, tok.s50102);
    await t.expectToFail('FORBIDDEN', BED, { s: gid('s50102'), d: DAY, b: '20:00' }, tok.t5yw1);

    // Without consent, nothing is written.
    await t.ok(CONSENT, { s: gid('s50102'), g: false }, tok.p50102);
    const before = await bedtimes();
    expect((await t.ok(BED, { s: gid('s50102'), d: DAY, b: '20:15' }, tok.p50102)).recordSheetParentBedtime.userErrors).toEqual([{ code: 'CONSENT_REQUIRED' }]);
    expect(await bedtimes()).toEqual(before);
    await t.ok(CONSENT, { s: gid('s50102'), g: true }, tok.p50102);

    // Once the head teacher has read the sheet it is locked for the parent's bedtime too, until reopened.
    await t.ok(READ, { s: gid('s50102'), d: DAY, o: false }, tok.t5yw1);
    const locked = await bedtimes();
    expect((await t.ok(BED, { s: gid('s50102'), d: DAY, b: '20:15' }, tok.p50102)).recordSheetParentBedtime.userErrors).toEqual([{ code: 'SHEET_LOCKED' }]);
    expect(await bedtimes()).toEqual(locked);
    await t.ok(READ, { s: gid('s50102'), d: DAY, o: true }, tok.t5yw1);
    const fixed = (await t.ok(BED, { s: gid('s50102'), d: DAY, b: '20:15' }, tok.p50102)).recordSheetParentBedtime;
    expect(fixed.userErrors).toEqual([]);
    expect(fixed.sheet.bedtime).toBe('20:15');
    expect(fixed.sheet.flags).not.toContain('LATE_BEDTIME');
  });
});

describe('calibration', () => {
  const CAL = `query($g: ID!) { researchGroupCalibration(groupId: $g) { threshold groupBias
    items { item { current { title } } predictedMinutes observations medianMinutes calibratedMinutes ratio off }
    offItems { item { current { title } } } teacherBiases { bias observations } } }`;
  const group = () => toGlobalId('ResearchGroup', t.schools[0].groups.find((g) => g.grade === 5 && g.subjectId === t.schools[0].subjects.find((s) => s.code === 'chinese')!.id)!.id);

  it('switches on at the threshold and moves a new option\'s predicted minutes', async () => {
    await t.db.dataSource.query(`UPDATE schools SET calibration_threshold = 2 WHERE code = 'sheet-test'`);
    // Hand-ins queue their items; the worker recalibrates them within a second, the test at once.
    await t.drainCalibrations();
    let report = (await t.ok(CAL, { g: group() }, tok.t5yw1)).researchGroupCalibration;
    const writing = () => report.items.find((i: any) => i.item.current.title === '小练笔');
    // One observation so far (s50101: 30 minutes on 小练笔) — below the threshold of 2.
    expect(writing()).toMatchObject({ predictedMinutes: 15, observations: 1, medianMinutes: 30, calibratedMinutes: null });

    await t.ok(SUBMIT, { i: { assignmentId: chinese.id, choice: 'B', answer: '小练笔', attachments: [], actualMinutes: 20, clientKey: 'sheet-s50103-yw' } }, tok.s50103);
    await t.drainCalibrations();
    report = (await t.ok(CAL, { g: group() }, tok.t5yw1)).researchGroupCalibration;
    expect(writing()).toMatchObject({ observations: 2, medianMinutes: 25, calibratedMinutes: 25, ratio: 1.67, off: true });
    expect(report.offItems.map((i: any) => i.item.current.title)).toEqual(['小练笔']);
    // Bias: observations 30/15, 20/15 (小练笔) and 12/10 (字词运用): median 1.33.
    expect(report.groupBias).toBe(1.33);

    const next = (await createAndPublish(t, tok.t5yw1, { ...ids(t, 5, 'chinese'), date: '2026-12-02', shape: 'PACKAGES', title: '语文作业二', options: packages(item.yw10, item.yw15) })).assignment;
    expect(next.choices.map((c: any) => [c.key, c.totalMinutes])).toEqual([['A', 10], ['B', 25]]);
    // The day already published keeps the minutes it was checked with.
    const { assignment } = await t.ok(`query($id: ID!) { assignment(id: $id) { choices { key totalMinutes } } }`, { id: chinese.id }, tok.t5yw1);
    expect(assignment.choices.map((c: any) => [c.key, c.totalMinutes])).toEqual([['A', 10], ['B', 15]]);
  });
});

describe('reports', () => {
  it('class load against hand-computed figures', async () => {
    const { classLoadReport } = await t.ok(`query($c: ID!) { classLoadReport(classId: $c, from: "${DAY}", to: "${DAY}") {
      day capMinutes studentsOverCap sheets bedtimes onTimeBedtimes subjects { subject predictedMinutes actualMinutes observations } } }`,
      { c: ids(t, 5, 'math').classId }, tok.jiaowu);
    expect(classLoadReport).toHaveLength(1);
    const [day] = classLoadReport;
    // Bedtimes: s50101's own 22:00 (late) and the 20:15 s50102's parent recorded (on time); only s50101 filled a sheet.
    expect(day).toMatchObject({ day: DAY, capMinutes: 60, studentsOverCap: 0, sheets: 1, bedtimes: 2, onTimeBedtimes: 1 });
    const bySubject = Object.fromEntries(day.subjects.map((s: any) => [s.subject, s]));
    // 语文: choices B (15), A (10), B (15) → mean 13.3; actual 30, 12, 20 → mean 20.7.
    expect(bySubject['语文']).toEqual({ subject: '语文', predictedMinutes: 13.3, actualMinutes: 20.7, observations: 3 });
    // 数学: one choice A (20); actual 25 from the sheet.
    expect(bySubject['数学']).toEqual({ subject: '数学', predictedMinutes: 20, actualMinutes: 25, observations: 1 });
  });

  it('tier trend counts choices per week, and is refused to teachers who are neither head teacher nor lead', async () => {
    const Q = `query($c: ID!, $s: ID!) { tierTrend(classId: $c, subjectId: $s, from: "2026-11-30", to: "2026-12-13") { weekStart counts { tier count } } }`;
    const { tierTrend } = await t.ok(Q, { c: ids(t, 5, 'chinese').classId, s: ids(t, 5, 'chinese').subjectId }, tok.t5yw1);
    expect(tierTrend).toEqual([{ weekStart: '2026-11-30', counts: [{ tier: 'A', count: 1 }, { tier: 'B', count: 2 }] }]);
    await t.expectToFail('FORBIDDEN', Q, { c: ids(t, 5, 'chinese').classId, s: ids(t, 5, 'chinese').subjectId }, tok.t5sx1 === '' ? '' : await t.login('t5yy1'));
  });
});
