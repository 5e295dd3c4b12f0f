import { toGlobalId } from '../../src/core/ids';
import { approvedItem, createMathUnit, itemContent } from '../support/bank';
import { SMALL_SCHOOL } from '../support/fixtures';
import { schoolSnapshot } from '../support/snapshot';
import { TestApp, TEST_NOW } from '../support/test-app';

/**
 * The weekly list's deadline, its own load check, the academic office's review, and the list as
 * the start of a class-day (issue 19, item 8; seed 004: the lesson-prep group designs unit
 * homework a week ahead and files the weekly list with the academic office, which coordinates
 * each class's daily total).
 */
let t: TestApp;
const tok: Record<string, string> = {};
let mathUnit: { id: string };
let chineseUnit: { id: string };
let item: { id: string };
let group: (code: string) => string;
let classId: string;
let subjectId: (code: string) => string;

const WEEK = '2026-12-07';
const MONDAY = WEEK;
const TUESDAY = '2026-12-08';

const LIST = `id status revision late minutesLate dueAt filedAt firstFiledAt reviewedAt reviewComment reviewedBy { username }
  history { action revision comment minutesLate actor { username } }`;
const SAVE = `mutation($input: WeeklyListSaveInput!) { weeklyListSave(input: $input) {
  list { ${LIST} loadCheck { fits daysOver { day dayKind capMinutes totalCapMinutes thisListWrittenMinutes otherListsWrittenMinutes writtenMinutes writtenExcessMinutes thisListMinutes otherListsMinutes minutes totalExcessMinutes fits } } }
  userErrors { code field message figures { name value } } } }`;
const FILE = `mutation($input: WeeklyListFileInput!) { weeklyListFile(input: $input) { list { ${LIST} } userErrors { code field message figures { name value } } } }`;
const APPROVE = `mutation($input: WeeklyListApproveInput!) { weeklyListApprove(input: $input) { list { ${LIST} } userErrors { code message figures { name value } } } }`;
const RETURN = `mutation($input: WeeklyListReturnInput!) { weeklyListReturn(input: $input) { list { ${LIST} } userErrors { code message figures { name value } } } }`;
const DEADLINE = `query { weeklyListDeadline { dueWeekday dueTime revision } }`;
const SET_DEADLINE = `mutation($input: WeeklyListDeadlineSetInput!) { weeklyListDeadlineSet(input: $input) {
  deadline { dueWeekday dueTime revision } userErrors { code message figures { name value } } } }`;
const SUGGESTION = `query($c: ID!, $s: ID!, $d: LocalDate!) { weeklyListSuggestion(classId: $c, subjectId: $s, day: $d) {
  day list { status } entries { day description form predictedMinutes atHome item { id } } } }`;
const OVERVIEW = `query($w: LocalDate!) { weeklyListOverview(weekStart: $w) {
  dueAt pastDeadline lists { status late minutesLate group { name } } groupsNotFiled { name } } }`;

const snapshot = () => schoolSnapshot(t.db.dataSource, t.schools[0].schoolId);
const figures = (e: { figures: { name: string; value: number }[] }) => Object.fromEntries(e.figures.map((f) => [f.name, f.value]));

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL]);
  for (const u of ['t3sx1', 't3sx2', 't3yw1', 't3yw2', 'jiaowu']) tok[u] = await t.login(u);
  const school = t.schools[0];
  subjectId = (code) => toGlobalId('Subject', school.subjects.find((s) => s.code === code)!.id);
  group = (code) => toGlobalId('ResearchGroup', school.groups.find((g) => g.grade === 3 && g.subjectId === school.subjects.find((s) => s.code === code)!.id)!.id);
  classId = toGlobalId('Class', school.classes.find((c) => c.grade === 3 && c.classNo === 1)!.id);
  mathUnit = await createMathUnit(t, tok.t3sx1);
  chineseUnit = await createMathUnit(t, tok.t3yw1, { subjectId: subjectId('chinese'), title: '秋天的雨', volume: '三年级上册' });
  item = await approvedItem(t, tok.t3sx2, tok.t3sx1, { unitId: mathUnit.id, ...itemContent({ title: '分数的意义', predictedMinutes: 8 }) });
});
afterAll(() => t?.stop());
afterEach(() => t.clock.set(TEST_NOW));

const save = (groupCode: string, entries: unknown[], token: string, extra: Record<string, unknown> = {}) =>
  t.ok(SAVE, { input: { groupId: group(groupCode), weekStart: WEEK, entries, ...extra } }, token).then((d) => d.weeklyListSave);
const file = (listId: string, expectedRevision: number, token: string) =>
  t.ok(FILE, { input: { listId, expectedRevision } }, token).then((d) => d.weeklyListFile);

let chineseList: { id: string; revision: number };
let mathList: { id: string; revision: number };

describe('the deadline: a school setting, Thursday 17:00 of the week before unless the office sets its own', () => {
  it('every member of staff reads it; the academic office sets it, revisioned; a teacher may not', async () => {
    expect((await t.ok(DEADLINE, {}, tok.t3sx2)).weeklyListDeadline).toEqual({ dueWeekday: 4, dueTime: '17:00', revision: null });
    await t.expectToFail('FORBIDDEN', SET_DEADLINE, { input: { dueWeekday: 5, dueTime: '12:00' } }, tok.t3sx1);
    const set = (await t.ok(SET_DEADLINE, { input: { dueWeekday: 5, dueTime: '12:00' } }, tok.jiaowu)).weeklyListDeadlineSet;
    expect(set).toEqual({ deadline: { dueWeekday: 5, dueTime: '12:00', revision: 1 }, userErrors: [] });
    const before = await snapshot();
    const missing = await t.gql(SET_DEADLINE, { input: { dueWeekday: 4, dueTime: '17:00' } }, tok.jiaowu);
    expect(missing.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const stale = (await t.ok(SET_DEADLINE, { input: { dueWeekday: 4, dueTime: '17:00', expectedRevision: 3 } }, tok.jiaowu)).weeklyListDeadlineSet;
    expect(stale.userErrors[0]).toMatchObject({ code: 'STALE_REVISION', figures: [{ name: 'currentRevision', value: 1 }, { name: 'expectedRevision', value: 3 }] });
    const badWeekday = await t.gql(SET_DEADLINE, { input: { dueWeekday: 8, dueTime: '17:00', expectedRevision: 1 } }, tok.jiaowu);
    expect(badWeekday.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
    const back = (await t.ok(SET_DEADLINE, { input: { dueWeekday: 4, dueTime: '17:00', expectedRevision: 1 } }, tok.jiaowu)).weeklyListDeadlineSet;
    expect(back.deadline).toEqual({ dueWeekday: 4, dueTime: '17:00', revision: 2 });
  });
});

describe("the list's own load check (seeds 000, 002, 003: 小学三至六年级书面作业平均完成时间不超过60分钟)", () => {
  it('the Chinese group files on time: not late, due Thursday 17:00 China Standard Time, the filing kept', async () => {
    const saved = await save('chinese', [{ day: MONDAY, unitId: chineseUnit.id, description: '生字抄写与组词', predictedMinutes: 40 }], tok.t3yw2);
    expect(saved.userErrors).toEqual([]);
    expect(saved.list.dueAt).toBe('2026-12-03T09:00:00.000Z');
    t.clock.set('2026-12-03T16:59:00+08:00');
    const filed = await file(saved.list.id, saved.list.revision, tok.t3yw1);
    expect(filed.userErrors).toEqual([]);
    expect(filed.list).toMatchObject({ status: 'FILED', late: false, minutesLate: 0, filedAt: '2026-12-03T08:59:00.000Z', firstFiledAt: '2026-12-03T08:59:00.000Z' });
    expect(filed.list.history).toEqual([{ action: 'FILED', revision: 2, comment: null, minutesLate: 0, actor: { username: 't3yw1' } }]);
    chineseList = filed.list;
  });

  it("a draft over the cap with the grade's other filed lists is saved and shows the day; filing it is refused with the day, the cap and the figures, and nothing changes", async () => {
    const saved = await save('math', [
      { day: MONDAY, unitId: mathUnit.id, itemId: item.id },
      { day: MONDAY, unitId: mathUnit.id, description: '分数计算练习', predictedMinutes: 17 },
      { day: TUESDAY, unitId: mathUnit.id, description: '分数墙手工', form: 'PRACTICAL', predictedMinutes: 15 },
    ], tok.t3sx2);
    expect(saved.userErrors).toEqual([]);
    expect(saved.list.loadCheck).toEqual({ fits: false, daysOver: [{
      day: MONDAY, dayKind: 'SCHOOL_DAY', capMinutes: 60, totalCapMinutes: null, thisListWrittenMinutes: 25, otherListsWrittenMinutes: 40, writtenMinutes: 65,
      writtenExcessMinutes: 5, thisListMinutes: 25, otherListsMinutes: 40, minutes: 65, totalExcessMinutes: 0, fits: false,
    }] });
    const before = await snapshot();
    const refused = await file(saved.list.id, saved.list.revision, tok.t3sx1);
    expect(refused.list).toBeNull();
    expect(refused.userErrors).toHaveLength(1);
    expect(refused.userErrors[0]).toMatchObject({ code: 'WEEKLY_LIST_OVER_WRITTEN_CAP', field: ['entries', MONDAY] });
    expect(figures(refused.userErrors[0])).toEqual({ capMinutes: 60, thisListMinutes: 25, otherListsMinutes: 40, totalMinutes: 65, excessMinutes: 5 });
    expect(refused.userErrors[0].message).toBe('2026-12-07（上学日）三年级书面家庭作业上限 60 分钟：其他备课组已提交 40 分钟，本清单 25 分钟，合计 65 分钟，超出 5 分钟');
    expect(await snapshot()).toEqual(before);
    mathList = saved.list;
  });

  it('written work planned in school counts against no cap: moved into class, the list files — after the deadline, accepted and marked late', async () => {
    const saved = await save('math', [
      { day: MONDAY, unitId: mathUnit.id, itemId: item.id },
      { day: MONDAY, unitId: mathUnit.id, description: '分数计算练习', predictedMinutes: 17, atHome: false },
      { day: TUESDAY, unitId: mathUnit.id, description: '分数墙手工', form: 'PRACTICAL', predictedMinutes: 15 },
    ], tok.t3sx2, { expectedRevision: mathList.revision });
    expect(saved.list.loadCheck.fits).toBe(true);
    t.clock.set('2026-12-04T08:30:00+08:00');
    const filed = await file(saved.list.id, saved.list.revision, tok.t3sx2);
    expect(filed.userErrors).toEqual([]);
    expect(filed.list).toMatchObject({ status: 'FILED', late: true, minutesLate: 930 });
    expect(filed.list.history).toEqual([{ action: 'FILED', revision: saved.list.revision + 1, comment: null, minutesLate: 930, actor: { username: 't3sx2' } }]);
    mathList = filed.list;
  });

  it('the office sees who filed late and who has not filed once the deadline has passed', async () => {
    t.clock.set('2026-12-04T08:31:00+08:00');
    const { weeklyListOverview: o } = await t.ok(OVERVIEW, { w: WEEK }, tok.jiaowu);
    expect(o.dueAt).toBe('2026-12-03T09:00:00.000Z');
    expect(o.pastDeadline).toBe(true);
    expect(o.lists).toEqual(expect.arrayContaining([
      { status: 'FILED', late: false, minutesLate: 0, group: { name: '三年级语文备课组' } },
      { status: 'FILED', late: true, minutesLate: 930, group: { name: '三年级数学备课组' } },
    ]));
    const notFiled = o.groupsNotFiled.map((g: { name: string }) => g.name);
    expect(notFiled).toContain('三年级英语备课组');
    expect(notFiled).not.toContain('三年级数学备课组');
  });
});

describe('the academic office approves a filed list or returns it with a comment', () => {
  it('only the office reviews; a return needs a comment; nothing changes on a refusal', async () => {
    const before = await snapshot();
    await t.expectToFail('FORBIDDEN', APPROVE, { input: { listId: chineseList.id, expectedRevision: chineseList.revision } }, tok.t3yw1);
    await t.expectToFail('FORBIDDEN', RETURN, { input: { listId: chineseList.id, expectedRevision: chineseList.revision, comment: '请修改' } }, tok.t3sx1);
    const blank = await t.gql(RETURN, { input: { listId: chineseList.id, expectedRevision: chineseList.revision, comment: '   ' } }, tok.jiaowu);
    expect(blank.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const stale = (await t.ok(APPROVE, { input: { listId: chineseList.id, expectedRevision: chineseList.revision - 1 } }, tok.jiaowu)).weeklyListApprove;
    expect(stale.userErrors[0].code).toBe('STALE_REVISION');
    expect(await snapshot()).toEqual(before);
  });

  it('a returned list keeps who, when and the comment; the group edits it and files it again, its first filing\'s lateness kept', async () => {
    t.clock.set('2026-12-04T09:00:00+08:00');
    const returned = (await t.ok(RETURN, {
      input: { listId: chineseList.id, expectedRevision: chineseList.revision, comment: '周一书面作业偏多，请把抄写减到30分钟以内' },
    }, tok.jiaowu)).weeklyListReturn;
    expect(returned.userErrors).toEqual([]);
    expect(returned.list).toMatchObject({
      status: 'RETURNED', reviewComment: '周一书面作业偏多，请把抄写减到30分钟以内', reviewedAt: '2026-12-04T01:00:00.000Z', reviewedBy: { username: 'jiaowu' },
    });

    const before = await snapshot();
    const notFiled = (await t.ok(APPROVE, { input: { listId: chineseList.id, expectedRevision: returned.list.revision } }, tok.jiaowu)).weeklyListApprove;
    expect(notFiled.userErrors).toEqual([{ code: 'WEEKLY_LIST_NOT_FILED', message: '只有已提交的作业清单可以审核或退回：这份清单已退回', figures: [] }]);
    expect(await snapshot()).toEqual(before);

    const edited = await save('chinese', [{ day: MONDAY, unitId: chineseUnit.id, description: '生字抄写与组词', predictedMinutes: 30 }], tok.t3yw2,
      { expectedRevision: returned.list.revision });
    expect(edited.userErrors).toEqual([]);
    expect(edited.list.status).toBe('RETURNED');
    const refiled = await file(edited.list.id, edited.list.revision, tok.t3yw2);
    expect(refiled.userErrors).toEqual([]);
    expect(refiled.list).toMatchObject({ status: 'FILED', late: false, minutesLate: 0, firstFiledAt: '2026-12-03T08:59:00.000Z', filedAt: '2026-12-04T01:00:00.000Z' });
    expect(refiled.list.history.map((h: { action: string; actor: { username: string }; comment: string | null }) => [h.action, h.actor.username, h.comment])).toEqual([
      ['FILED', 't3yw1', null], ['RETURNED', 'jiaowu', '周一书面作业偏多，请把抄写减到30分钟以内'], ['FILED', 't3yw2', null],
    ]);
    chineseList = refiled.list;
  });

  it('an approved list is final: saving or filing it again is refused and nothing changes', async () => {
    const approved = (await t.ok(APPROVE, { input: { listId: chineseList.id, expectedRevision: chineseList.revision, comment: '同意' } }, tok.jiaowu)).weeklyListApprove;
    expect(approved.userErrors).toEqual([]);
    expect(approved.list).toMatchObject({ status: 'APPROVED', reviewComment: '同意', reviewedBy: { username: 'jiaowu' } });
    chineseList = approved.list;
    const before = await snapshot();
    const locked = await save('chinese', [], tok.t3yw1, { expectedRevision: approved.list.revision });
    expect(locked.userErrors[0]).toMatchObject({ code: 'WEEKLY_LIST_APPROVED', message: '2026-12-07 这一周的作业清单已由教务处审核通过，不能再修改' });
    const again = await file(approved.list.id, approved.list.revision, tok.t3yw1);
    expect(again.userErrors[0].code).toBe('WEEKLY_LIST_APPROVED');
    const twice = (await t.ok(APPROVE, { input: { listId: chineseList.id, expectedRevision: chineseList.revision } }, tok.jiaowu)).weeklyListApprove;
    expect(twice.userErrors[0].code).toBe('WEEKLY_LIST_NOT_FILED');
    expect(await snapshot()).toEqual(before);
  });
});

describe('composing a class-day starts from the weekly list', () => {
  it("the class's teacher of the subject gets the day's entries of the filed list with their bank items", async () => {
    const { weeklyListSuggestion: s } = await t.ok(SUGGESTION, { c: classId, s: subjectId('math'), d: MONDAY }, tok.t3sx1);
    expect(s).toEqual({
      day: MONDAY, list: { status: 'FILED' }, entries: [
        { day: MONDAY, description: '分数的意义', form: 'WRITTEN', predictedMinutes: 8, atHome: true, item: { id: item.id } },
        { day: MONDAY, description: '分数计算练习', form: 'WRITTEN', predictedMinutes: 17, atHome: false, item: null },
      ],
    });
    const chinese = (await t.ok(SUGGESTION, { c: classId, s: subjectId('chinese'), d: MONDAY }, tok.t3yw1)).weeklyListSuggestion;
    expect(chinese.list.status).toBe('APPROVED');
    expect(chinese.entries.map((e: { predictedMinutes: number }) => e.predictedMinutes)).toEqual([30]);
  });

  it('no list filed for the week: null; a teacher of another subject: FORBIDDEN', async () => {
    expect((await t.ok(SUGGESTION, { c: classId, s: subjectId('math'), d: '2026-12-14' }, tok.t3sx1)).weeklyListSuggestion).toBeNull();
    expect((await t.ok(SUGGESTION, { c: classId, s: subjectId('english'), d: MONDAY }, tok.jiaowu)).weeklyListSuggestion).toBeNull();
    await t.expectToFail('FORBIDDEN', SUGGESTION, { c: classId, s: subjectId('math'), d: MONDAY }, tok.t3yw1);
  });
});

describe("the school's cap on every form at home (seed 004)", () => {
  const NEXT = '2026-12-14';
  const SET_CAP = `mutation($input: LoadPolicySetInput!) { loadPolicySet(input: $input) { cap { revision } userErrors { code } } }`;

  it('filing a list that takes a day over the total cap is refused with the cap and the figures; the data is unchanged', async () => {
    const cap = (await t.ok(SET_CAP, { input: { grade: 3, dayKind: 'SCHOOL_DAY', totalCapMinutes: 30 } }, tok.jiaowu)).loadPolicySet;
    expect(cap.userErrors).toEqual([]);
    const saved = (await t.ok(SAVE, { input: { groupId: group('math'), weekStart: NEXT, entries: [
      { day: '2026-12-15', unitId: mathUnit.id, description: '分数故事阅读', form: 'READING', predictedMinutes: 20 },
      { day: '2026-12-15', unitId: mathUnit.id, description: '分数计算练习', predictedMinutes: 15 },
    ] } }, tok.t3sx2)).weeklyListSave;
    expect(saved.list.loadCheck.daysOver).toEqual([expect.objectContaining({ day: '2026-12-15', totalCapMinutes: 30, minutes: 35, totalExcessMinutes: 5, writtenExcessMinutes: 0 })]);
    const before = await snapshot();
    const refused = await file(saved.list.id, saved.list.revision, tok.t3sx2);
    expect(refused.userErrors.map((e: { code: string }) => e.code)).toEqual(['WEEKLY_LIST_OVER_TOTAL_CAP']);
    expect(figures(refused.userErrors[0])).toEqual({ capMinutes: 30, thisListMinutes: 35, otherListsMinutes: 0, totalMinutes: 35, excessMinutes: 5 });
    expect(await snapshot()).toEqual(before);
  });
});

describe("each subject's daily budget in the grade's classes (seed 003: 加强学科组、年级组作业统筹)", () => {
  const WEEK3 = '2026-12-21';
  const SET_BUDGETS = `mutation($input: SubjectBudgetsSetInput!) { subjectBudgetsSet(input: $input) { week { revision } userErrors { code } } }`;

  it('filing a list that plans more written minutes at home than its subject has in a class is refused with the class, the budget and the figures; within the budget it files', async () => {
    const set = (await t.ok(SET_BUDGETS, { input: { classId, days: [{ weekday: 1, budgets: [
      { subjectId: subjectId('chinese'), minutes: 20 }, { subjectId: subjectId('math'), minutes: 10 },
    ] }] } }, tok.jiaowu)).subjectBudgetsSet;
    expect(set.userErrors).toEqual([]);
    const saved = (await t.ok(SAVE, { input: { groupId: group('chinese'), weekStart: WEEK3, entries: [
      { day: WEEK3, unitId: chineseUnit.id, description: '课文朗读', form: 'ORAL', predictedMinutes: 5 },
      { day: WEEK3, unitId: chineseUnit.id, description: '生字抄写', predictedMinutes: 25 },
      // Tuesday has no budgets: the caps alone hold it.
      { day: '2026-12-22', unitId: chineseUnit.id, description: '小练笔', predictedMinutes: 25 },
    ] } }, tok.t3yw1)).weeklyListSave;
    expect(saved.userErrors).toEqual([]);
    const before = await snapshot();
    const refused = await file(saved.list.id, saved.list.revision, tok.t3yw1);
    expect(refused.list).toBeNull();
    expect(refused.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field])).toEqual([['WEEKLY_LIST_OVER_SUBJECT_BUDGET', ['entries', WEEK3]]]);
    expect(figures(refused.userErrors[0])).toEqual({ budgetMinutes: 20, thisListMinutes: 25, excessMinutes: 5, weekday: 1 });
    expect(refused.userErrors[0].message).toBe('2026-12-21（星期一）三年级(1)班语文每日书面作业预算 20 分钟：本清单 25 分钟，超出 5 分钟');
    expect(await snapshot()).toEqual(before);

    const fitted = (await t.ok(SAVE, { input: { groupId: group('chinese'), weekStart: WEEK3, expectedRevision: saved.list.revision, entries: [
      { day: WEEK3, unitId: chineseUnit.id, description: '生字抄写', predictedMinutes: 20 },
      { day: '2026-12-22', unitId: chineseUnit.id, description: '小练笔', predictedMinutes: 25 },
    ] } }, tok.t3yw1)).weeklyListSave;
    expect(fitted.userErrors).toEqual([]);
    const filed = await file(fitted.list.id, fitted.list.revision, tok.t3yw1);
    expect(filed.userErrors).toEqual([]);
    expect(filed.list.status).toBe('FILED');
  });
});
