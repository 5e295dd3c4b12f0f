import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { schoolSnapshot } from '../support/snapshot';
import { TestApp } from '../support/test-app';
import { CREATE, createAndPublish, ids, insertItem, packages, PUBLISH, UPDATE } from '../support/assignments';

/**
 * Each subject's share of the class's day (issue 19, item 2): the head teacher gives every
 * subject a daily budget per weekday within the class's cap; a subject publishes within its own
 * budget whoever comes first; unused minutes can be released to a named subject for one date.
 * Each refusal is checked for its code and figures and for leaving the school's data unchanged.
 */
const SCHOOL = { code: 'budget-test', name: '测试癸校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 2, studentsPerClass: 1, nameSeed: 23 };
// 2026-12-07 is a Monday; 12-08 Tuesday, 12-09 Wednesday, 12-12 Saturday.
const MONDAY = '2026-12-07';
const WEDNESDAY = '2026-12-09';
const SATURDAY = '2026-12-12';
let t: TestApp;
const tok: Record<string, string> = {};

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  // t5yw1 teaches Chinese in class (1) and is its head teacher (班主任); t5sx2 is the head teacher of class (2)
  // and, here, also teaches a school-based course in class (1): staff of the class, not its head teacher.
  const school = t.schools[0];
  const subjectId = randomUUID();
  await t.db.dataSource.query(`INSERT INTO subjects (school_id, id, code, name, sort_order) VALUES ($1, $2, 'reading_club', '阅读课', 60)`, [school.schoolId, subjectId]);
  await t.db.dataSource.query(`INSERT INTO teaching_assignments (school_id, id, teacher_id, class_id, subject_id) VALUES ($1, $2, $3, $4, $5)`,
    [school.schoolId, randomUUID(), t.user('t5sx2').id, classOne().id, subjectId]);
  for (const u of ['t5yw1', 't5sx1', 't5yy1', 't5kx', 't5sx2', 'jiaowu']) tok[u] = await t.login(u);
});
afterAll(() => t?.stop());

const classOne = () => t.schools[0].classes.find((c) => c.grade === 5 && c.classNo === 1)!;
const classId = () => toGlobalId('Class', classOne().id);
const subject = (code: string) => ids(t, 5, code).subjectId;
const snapshot = () => schoolSnapshot(t.db.dataSource, t.schools[0].schoolId);
const figures = (e: { figures: { name: string; value: number }[] }) => Object.fromEntries(e.figures.map((f) => [f.name, f.value]));

const USER_ERRORS = 'userErrors { code field message figures { name value } }';
const SET = `mutation($input: SubjectBudgetsSetInput!) { subjectBudgetsSet(input: $input) {
  week { revision writtenCapMinutes totalCapMinutes limitMinutes days { weekday totalMinutes budgets { subject { code } minutes } } } ${USER_ERRORS} } }`;
const WEEK = `query($c: ID!) { subjectBudgets(classId: $c) { revision limitMinutes days { weekday totalMinutes budgets { subject { code } minutes } } } }`;
const LINES = 'lines { subject { code } budgetMinutes releasedMinutes receivedMinutes availableMinutes usedMinutes remainingMinutes excessMinutes }';
const RELEASE = `mutation($input: SubjectBudgetReleaseInput!) { subjectBudgetRelease(input: $input) {
  day { date weekday budgeted ${LINES} releases { from { code } to { code } minutes } } ${USER_ERRORS} } }`;
const DAY = `query($c: ID!, $d: LocalDate!) { subjectBudgetDay(classId: $c, date: $d) { date weekday dayKind budgeted ${LINES} } }`;
const PREVIEW = `query($c: ID!, $d: LocalDate!, $draft: LoadDraftInput) { loadPreview(classId: $c, date: $d, draft: $draft) {
  capMinutes heaviestTotalMinutes subjectBudgets { subject { code } budgetMinutes availableMinutes usedMinutes remainingMinutes excessMinutes } } }`;

const budgets = (weekday: number, entries: Record<string, number>) => ({ weekday, budgets: Object.entries(entries).map(([code, minutes]) => ({ subjectId: subject(code), minutes })) });
const mondayPlan = () => budgets(1, { chinese: 20, math: 20, english: 10 });

async function draft(token: string, code: string, day: string, options: unknown[]) {
  const { assignmentCreate } = await t.ok(CREATE, { input: { ...ids(t, 5, code), date: day, shape: 'PACKAGES', title: '作业', options } }, token);
  expect(assignmentCreate.userErrors).toEqual([]);
  return assignmentCreate.assignment;
}

/** A written task of `minutes` in both packages: its heaviest written minutes are `minutes`. */
async function written(code: string, minutes: number, title = `书面练习${minutes}分钟`) {
  const item = await insertItem(t, { subject: code, grade: 5, title, minutes });
  return packages(item, item);
}

/** A refused mutation leaves every table of the school as it was; its payload. */
async function refused(query: string, input: unknown, token: string, field: string) {
  const before = await snapshot();
  const data = await t.ok(query, { input }, token);
  expect(data[field].userErrors).not.toEqual([]);
  expect(await snapshot()).toEqual(before);
  return data[field];
}

describe('003「加强学科组、年级组作业统筹」: the head teacher sets each subject\'s daily budget by weekday, within the cap', () => {
  it('班主任 sets 语文 20 / 数学 20 / 英语 10 on Mondays; the plan reads back with its revision and the limit', async () => {
    const { subjectBudgetsSet } = await t.ok(SET, { input: { classId: classId(), days: [mondayPlan()] } }, tok.t5yw1);
    expect(subjectBudgetsSet).toEqual({
      week: {
        revision: 1, writtenCapMinutes: 60, totalCapMinutes: null, limitMinutes: 60,
        days: [{ weekday: 1, totalMinutes: 50, budgets: [{ subject: { code: 'chinese' }, minutes: 20 }, { subject: { code: 'math' }, minutes: 20 }, { subject: { code: 'english' }, minutes: 10 }] }],
      },
      userErrors: [],
    });
    // Every teacher of the class reads it.
    const { subjectBudgets } = await t.ok(WEEK, { c: classId() }, tok.t5kx);
    expect(subjectBudgets).toMatchObject({ revision: 1, limitMinutes: 60, days: [{ weekday: 1, totalMinutes: 50 }] });
  });

  it('a weekday whose budgets sum above the written cap of a school day is refused with the figures, and nothing changes', async () => {
    const over = budgets(2, { chinese: 30, math: 30, english: 10 });
    const payload = await refused(SET, { classId: classId(), expectedRevision: 1, days: [mondayPlan(), over] }, tok.t5yw1, 'subjectBudgetsSet');
    expect(payload.week).toBeNull();
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]).toMatchObject({ code: 'BUDGETS_EXCEED_CAP', field: ['days', '1', 'budgets'] });
    expect(figures(payload.userErrors[0])).toEqual({ weekday: 2, capMinutes: 60, budgetsMinutes: 70, excessMinutes: 10 });
    expect(payload.userErrors[0].message).toBe(`${classOne().name} 周二各科预算合计 70 分钟，超过上学日书面作业上限 60 分钟 10 分钟`);
  });

  it('004「二年级家庭作业不超过30分钟 … 三、四年级家庭作业不超过40分钟」: with a lower cap on every form, the budgets fit that', async () => {
    const POLICY = `mutation($input: LoadPolicySetInput!) { loadPolicySet(input: $input) { cap { revision } userErrors { code } } }`;
    const { loadPolicySet } = await t.ok(POLICY, { input: { grade: 5, dayKind: 'SCHOOL_DAY', totalCapMinutes: 40 } }, tok.jiaowu);
    try {
      const payload = await refused(SET, { classId: classId(), expectedRevision: 1, days: [mondayPlan()] }, tok.t5yw1, 'subjectBudgetsSet');
      expect(payload.userErrors.map((e: any) => e.code)).toEqual(['BUDGETS_EXCEED_CAP']);
      expect(figures(payload.userErrors[0])).toEqual({ weekday: 1, capMinutes: 40, budgetsMinutes: 50, excessMinutes: 10 });
      expect(payload.userErrors[0].message).toBe(`${classOne().name} 周一各科预算合计 50 分钟，超过上学日家庭作业总时长上限 40 分钟 10 分钟`);
    } finally {
      await t.ok(POLICY, { input: { grade: 5, dayKind: 'SCHOOL_DAY', totalCapMinutes: null, expectedRevision: loadPolicySet.cap.revision } }, tok.jiaowu);
    }
  });

  it('a stale or missing revision is refused; a weekday or subject listed twice is bad input', async () => {
    const stale = await refused(SET, { classId: classId(), expectedRevision: 7, days: [mondayPlan()] }, tok.t5yw1, 'subjectBudgetsSet');
    expect(stale.userErrors[0].code).toBe('STALE_REVISION');
    expect(figures(stale.userErrors[0])).toEqual({ currentRevision: 1, expectedRevision: 7 });
    await t.expectToFail('BAD_USER_INPUT', SET, { input: { classId: classId(), days: [mondayPlan()] } }, tok.t5yw1);
    await t.expectToFail('BAD_USER_INPUT', SET, { input: { classId: classId(), expectedRevision: 1, days: [mondayPlan(), mondayPlan()] } }, tok.t5yw1);
  });

  it('only the class\'s head teacher or the academic office sets them: other staff of the class are refused, other classes\' staff see nothing', async () => {
    // A plain teacher holds neither role.
    const role = await t.expectToFail('FORBIDDEN', SET, { input: { classId: classId(), expectedRevision: 1, days: [mondayPlan()] } }, tok.t5sx1);
    expect(role.extensions?.reason).toBe('ROLE');
    // The head teacher of class (2), who teaches in class (1) too.
    const notHead = await t.expectToFail('FORBIDDEN', SET, { input: { classId: classId(), expectedRevision: 1, days: [mondayPlan()] } }, tok.t5sx2);
    expect(notHead.message).toBe(`只有${classOne().name}的班主任或教务处可以统筹本班各科作业时长`);
    // The academic office may (and saves the same plan: revision 2).
    const { subjectBudgetsSet } = await t.ok(SET, { input: { classId: classId(), expectedRevision: 1, days: [mondayPlan()] } }, tok.jiaowu);
    expect(subjectBudgetsSet.week.revision).toBe(2);
  });
});

describe('a subject publishes within its own budget, whoever publishes first', () => {
  it('数学 publishes its 20 minutes; 语文 asking 25 of its 20 is refused with SUBJECT_BUDGET_EXCEEDED though the cap has room', async () => {
    expect((await createAndPublish(t, tok.t5sx1, { ...ids(t, 5, 'math'), date: MONDAY, shape: 'PACKAGES', title: '数学', options: await written('math', 20) })).userErrors).toEqual([]);
    const chinese = await draft(tok.t5yw1, 'chinese', MONDAY, await written('chinese', 25));
    const payload = await refused(PUBLISH, { assignmentId: chinese.id, expectedRevision: chinese.revision }, tok.t5yw1, 'assignmentPublish');
    expect(payload.userErrors.map((e: any) => e.code)).toEqual(['SUBJECT_BUDGET_EXCEEDED']);
    expect(figures(payload.userErrors[0])).toEqual({
      budgetMinutes: 20, releasedMinutes: 0, receivedMinutes: 0, availableMinutes: 20, publishedMinutes: 0, thisAssignmentMinutes: 25, excessMinutes: 5,
    });
    expect(payload.userErrors[0].message).toBe(`${classOne().name} ${MONDAY} 语文的书面作业预算 20 分钟：已发布 0 分钟，本次最重的选择 25 分钟，超出 5 分钟`);
  });

  it('a subject without a budget on a budgeted day has none for written homework; homework of other forms is not counted', async () => {
    const science = await draft(tok.t5kx, 'science', MONDAY, await written('science', 5, '科学书面练习'));
    const payload = await refused(PUBLISH, { assignmentId: science.id, expectedRevision: science.revision }, tok.t5kx, 'assignmentPublish');
    expect(payload.userErrors.map((e: any) => e.code)).toEqual(['SUBJECT_BUDGET_EXCEEDED']);
    expect(figures(payload.userErrors[0])).toMatchObject({ budgetMinutes: 0, availableMinutes: 0, thisAssignmentMinutes: 5, excessMinutes: 5 });
    const observe = await insertItem(t, { subject: 'science', grade: 5, title: '观察月相', minutes: 15, form: 'practical' });
    const { assignmentUpdate } = await t.ok(UPDATE, { input: { assignmentId: science.id, expectedRevision: science.revision, title: '实践', options: packages(observe, observe) } }, tok.t5kx);
    const published = await t.ok(PUBLISH, { input: { assignmentId: science.id, expectedRevision: assignmentUpdate.assignment.revision } }, tok.t5kx);
    expect(published.assignmentPublish.userErrors).toEqual([]);
  });

  it('the load preview shows each subject\'s budget, use and what is left, the draft counted as it would be published', async () => {
    const draftInput = { subjectId: subject('chinese'), shape: 'PACKAGES', options: await written('chinese', 15) };
    const { loadPreview } = await t.ok(PREVIEW, { c: classId(), d: MONDAY, draft: draftInput }, tok.t5yw1);
    expect(loadPreview).toEqual({
      capMinutes: 60, heaviestTotalMinutes: 35,
      subjectBudgets: [
        { subject: { code: 'chinese' }, budgetMinutes: 20, availableMinutes: 20, usedMinutes: 15, remainingMinutes: 5, excessMinutes: 0 },
        { subject: { code: 'math' }, budgetMinutes: 20, availableMinutes: 20, usedMinutes: 20, remainingMinutes: 0, excessMinutes: 0 },
        { subject: { code: 'english' }, budgetMinutes: 10, availableMinutes: 10, usedMinutes: 0, remainingMinutes: 10, excessMinutes: 0 },
      ],
    });
  });

  it('without budgets (a Wednesday) the service behaves as before: the cap alone, and no budget lines', async () => {
    expect((await createAndPublish(t, tok.t5kx, { ...ids(t, 5, 'science'), date: WEDNESDAY, shape: 'PACKAGES', title: '科学', options: await written('science', 30, '科学书面练习三十分钟') })).userErrors).toEqual([]);
    const { loadPreview } = await t.ok(PREVIEW, { c: classId(), d: WEDNESDAY }, tok.t5yw1);
    expect(loadPreview).toEqual({ capMinutes: 60, heaviestTotalMinutes: 30, subjectBudgets: null });
    const { subjectBudgetDay } = await t.ok(DAY, { c: classId(), d: WEDNESDAY }, tok.t5yw1);
    expect(subjectBudgetDay).toEqual({ date: WEDNESDAY, weekday: 3, dayKind: 'SCHOOL_DAY', budgeted: false, lines: [] });
    // The cap still refuses what is over it, with its own code.
    const math = await draft(tok.t5sx1, 'math', WEDNESDAY, await written('math', 35));
    const payload = await refused(PUBLISH, { assignmentId: math.id, expectedRevision: math.revision }, tok.t5sx1, 'assignmentPublish');
    expect(payload.userErrors.map((e: any) => e.code)).toEqual(['DAILY_LOAD_EXCEEDED']);
  });
});

describe('004「要求以班级为组，合理统筹作业布置量」: the head teacher releases unused minutes of a subject to another for one date', () => {
  it('英语 gives its 10 unused minutes to 语文 on Monday: 语文 may now publish 25', async () => {
    const { subjectBudgetRelease } = await t.ok(RELEASE, { input: {
      classId: classId(), date: MONDAY, fromSubjectId: subject('english'), toSubjectId: subject('chinese'), minutes: 10,
    } }, tok.t5yw1);
    expect(subjectBudgetRelease.userErrors).toEqual([]);
    expect(subjectBudgetRelease.day).toEqual({
      date: MONDAY, weekday: 1, budgeted: true,
      lines: [
        { subject: { code: 'chinese' }, budgetMinutes: 20, releasedMinutes: 0, receivedMinutes: 10, availableMinutes: 30, usedMinutes: 0, remainingMinutes: 30, excessMinutes: 0 },
        { subject: { code: 'math' }, budgetMinutes: 20, releasedMinutes: 0, receivedMinutes: 0, availableMinutes: 20, usedMinutes: 20, remainingMinutes: 0, excessMinutes: 0 },
        { subject: { code: 'english' }, budgetMinutes: 10, releasedMinutes: 10, receivedMinutes: 0, availableMinutes: 0, usedMinutes: 0, remainingMinutes: 0, excessMinutes: 0 },
      ],
      releases: [{ from: { code: 'english' }, to: { code: 'chinese' }, minutes: 10 }],
    });
    const { classAssignments } = await t.ok(`query($c: ID!, $d: LocalDate!) { classAssignments(classId: $c, from: $d, to: $d) { id revision status subject { code } } }`,
      { c: classId(), d: MONDAY }, tok.t5yw1);
    const chinese = classAssignments.find((a: any) => a.subject.code === 'chinese');
    const { assignmentPublish } = await t.ok(PUBLISH, { input: { assignmentId: chinese.id, expectedRevision: chinese.revision } }, tok.t5yw1);
    expect(assignmentPublish.userErrors).toEqual([]);
    // Only that date: next Monday 英语 has its 10 again.
    const { subjectBudgetDay } = await t.ok(DAY, { c: classId(), d: '2026-12-14' }, tok.t5yy1);
    expect(subjectBudgetDay.lines.find((l: any) => l.subject.code === 'english')).toMatchObject({ availableMinutes: 10, releasedMinutes: 0 });
  });

  it('a subject cannot release more than it has unused; the refusal gives the figures and changes nothing', async () => {
    const payload = await refused(RELEASE, { classId: classId(), date: MONDAY, fromSubjectId: subject('math'), toSubjectId: subject('english'), minutes: 5 },
      tok.t5yw1, 'subjectBudgetRelease');
    expect(payload.day).toBeNull();
    expect(payload.userErrors.map((e: any) => e.code)).toEqual(['RELEASE_EXCEEDS_UNUSED']);
    expect(figures(payload.userErrors[0])).toEqual({ availableMinutes: 20, usedMinutes: 20, unusedMinutes: 0, requestedMinutes: 5, excessMinutes: 5 });
    expect(payload.userErrors[0].message).toBe(`${classOne().name} ${MONDAY} 数学可用 20 分钟，已用 20 分钟，未用 0 分钟：不能让出 5 分钟（多 5 分钟）`);
    // 语文 used 25 of its 30: 5 unused, not 6.
    const six = await refused(RELEASE, { classId: classId(), date: MONDAY, fromSubjectId: subject('chinese'), toSubjectId: subject('english'), minutes: 6 },
      tok.t5yw1, 'subjectBudgetRelease');
    expect(figures(six.userErrors[0])).toEqual({ availableMinutes: 30, usedMinutes: 25, unusedMinutes: 5, requestedMinutes: 6, excessMinutes: 1 });
  });

  it('a date without budgets (a Saturday) has nothing to release; a release to the same subject is bad input; other staff are refused', async () => {
    const payload = await refused(RELEASE, { classId: classId(), date: SATURDAY, fromSubjectId: subject('chinese'), toSubjectId: subject('math'), minutes: 5 },
      tok.t5yw1, 'subjectBudgetRelease');
    expect(payload.userErrors.map((e: any) => e.code)).toEqual(['NO_BUDGETS_ON_DAY']);
    expect(figures(payload.userErrors[0])).toEqual({ weekday: 6 });
    await t.expectToFail('BAD_USER_INPUT', RELEASE,
      { input: { classId: classId(), date: MONDAY, fromSubjectId: subject('chinese'), toSubjectId: subject('chinese'), minutes: 1 } }, tok.t5yw1);
    await t.expectToFail('FORBIDDEN', RELEASE,
      { input: { classId: classId(), date: MONDAY, fromSubjectId: subject('chinese'), toSubjectId: subject('math'), minutes: 1 } }, tok.t5sx2);
  });

  it('000「公开班级各学科作业」(作业公示): the weekly notice shows each subject\'s budget of the day where the class has budgets', async () => {
    const W = `query($c: ID!, $w: LocalDate!) { weeklyNotice(classId: $c, weekStart: $w) { days { day subjects { subject heaviestWrittenMinutes budgetMinutes } } } }`;
    const { weeklyNotice } = await t.ok(W, { c: classId(), w: MONDAY }, tok.jiaowu);
    const byDay = Object.fromEntries(weeklyNotice.days.map((d: any) => [d.day, d.subjects]));
    expect(byDay[MONDAY]).toEqual(expect.arrayContaining([
      { subject: '语文', heaviestWrittenMinutes: 25, budgetMinutes: 30 },
      { subject: '数学', heaviestWrittenMinutes: 20, budgetMinutes: 20 },
      { subject: '科学', heaviestWrittenMinutes: 0, budgetMinutes: 0 },
    ]));
    expect(byDay[WEDNESDAY]).toEqual([{ subject: '科学', heaviestWrittenMinutes: 30, budgetMinutes: null }]);
  });
});
