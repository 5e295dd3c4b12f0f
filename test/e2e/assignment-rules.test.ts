import { SchoolStage } from '../../src/modules/school/school.entity';
import { TestApp } from '../support/test-app';
import { CREATE, createAndPublish, ids, insertItem, packages, PUBLISH, UPDATE } from '../support/assignments';

/** Every publishing rule refuses with its code and figures and leaves the database unchanged. */
const SCHOOL = { code: 'rules-test', name: '测试丁校', stage: SchoolStage.PRIMARY, grades: [2, 5], classesPerGrade: 1, studentsPerClass: 2, nameSeed: 6 };
let t: TestApp;
const tok: Record<string, string> = {};
let n = 0;
const nextDay = () => `2026-12-${String(1 + (n++ % 4) + Math.floor(n / 4) * 7).padStart(2, '0')}`; // Tuesdays to Fridays

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['t5yw1', 't5sx1', 't2yw1', 't5yy1', 'jiaowu', 's50101']) tok[u] = await t.login(u);
});
afterAll(() => t?.stop());

const snapshot = () => t.db.dataSource.query(
  `SELECT a.id, a.status, a.revision, a.title, o.key, i.item_id FROM assignments a
     LEFT JOIN assignment_options o ON o.assignment_id = a.id LEFT JOIN assignment_items i ON i.assignment_id = a.id AND i.option_key = o.key
    ORDER BY a.id, o.key, i.item_id`);

async function draft(token: string, grade: number, subject: string, options: unknown[], shape = 'PACKAGES', day = nextDay()) {
  const { assignmentCreate } = await t.ok(CREATE, { input: { ...ids(t, grade, subject), date: day, shape, title: '作业', options } }, token);
  expect(assignmentCreate.userErrors).toEqual([]);
  return assignmentCreate.assignment;
}

async function refusedPublish(token: string, a: { id: string; revision: number }) {
  const before = await snapshot();
  const { assignmentPublish } = await t.ok(PUBLISH, { input: { assignmentId: a.id, expectedRevision: a.revision } }, token);
  expect(assignmentPublish.assignment).toBeNull();
  expect(await snapshot()).toEqual(before);
  return assignmentPublish.userErrors;
}

describe('item rules', () => {
  it.each([
    ['ITEM_NEEDS_PHONE', { needsPhone: true }],
    ['ITEM_NEEDS_PARENT', { needsParent: true }],
    ['ITEM_REPETITIVE', { repetitive: true }],
    ['ITEM_NOT_APPROVED', { retired: true }],
  ])('%s', async (code, flags) => {
    const bad = await insertItem(t, { subject: 'chinese', grade: 5, title: `问题题目${code}`, minutes: 5, ...flags });
    const ok = await insertItem(t, { subject: 'chinese', grade: 5, title: `正常题目${code}`, minutes: 5 });
    const errors = await refusedPublish(tok.t5yw1, await draft(tok.t5yw1, 5, 'chinese', packages(ok, bad)));
    expect(errors.map((e: any) => e.code)).toEqual([code]);
    expect(errors[0].message).toContain(`问题题目${code}`);
  });

  it('an item never approved cannot even be saved in a draft: its drafts stay with its research group', async () => {
    const draftItem = await insertItem(t, { subject: 'chinese', grade: 5, title: '未审核的题', minutes: 5, approved: false });
    const ok = await insertItem(t, { subject: 'chinese', grade: 5, title: '审核过的题', minutes: 5 });
    const { assignmentCreate } = await t.ok(CREATE, { input: { ...ids(t, 5, 'chinese'), date: nextDay(), shape: 'PACKAGES', title: 'x', options: packages(ok, draftItem) } }, tok.t5yw1);
    expect(assignmentCreate.userErrors[0]).toMatchObject({ code: 'ITEM_NOT_APPROVED', message: '「未审核的题」没有审核通过（或已停用）的版本，不能布置或列入作业清单' });
  });

  it('blank titles are refused as malformed input', async () => {
    const ok = await insertItem(t, { subject: 'chinese', grade: 5, title: '题', minutes: 5 });
    const error = await t.expectToFail('BAD_USER_INPUT', CREATE, { input: { ...ids(t, 5, 'chinese'), date: nextDay(), shape: 'PACKAGES', title: '   ', options: packages(ok, ok) } }, tok.t5yw1);
    expect(error.message).toContain('title 不能为空白');
  });

  it('a practical item may involve a parent', async () => {
    const a = await insertItem(t, { subject: 'chinese', grade: 5, title: '和家人一起做月饼', minutes: 20, form: 'practical', needsParent: true });
    const b = await insertItem(t, { subject: 'chinese', grade: 5, title: '读一读', minutes: 10, form: 'reading' });
    const result = await createAndPublish(t, tok.t5yw1, { ...ids(t, 5, 'chinese'), date: nextDay(), shape: 'PACKAGES', title: '实践', options: packages(a, b) });
    expect(result.userErrors).toEqual([]);
  });

  it('several bad items are all reported at once', async () => {
    const a = await insertItem(t, { subject: 'chinese', grade: 5, title: '要手机的', minutes: 5, needsPhone: true });
    const b = await insertItem(t, { subject: 'chinese', grade: 5, title: '机械重复的', minutes: 5, repetitive: true });
    expect((await refusedPublish(tok.t5yw1, await draft(tok.t5yw1, 5, 'chinese', packages(a, b)))).map((e: any) => e.code)).toEqual(['ITEM_NEEDS_PHONE', 'ITEM_REPETITIVE']);
  });
});

describe('grades 1–2', () => {
  it('refuse written homework at home, allow it in school and allow reading at home', async () => {
    const written = await insertItem(t, { subject: 'chinese', grade: 2, title: '写一写生字', minutes: 10 });
    const reading = await insertItem(t, { subject: 'chinese', grade: 2, title: '读绘本', minutes: 15, form: 'reading' });
    const errors = await refusedPublish(tok.t2yw1, await draft(tok.t2yw1, 2, 'chinese', packages(written, reading)));
    expect(errors.map((e: any) => e.code)).toEqual(['WRITTEN_AT_HOME_FORBIDDEN']);
    const inSchool = [
      { key: 'A', name: '课内巩固', items: [{ itemId: written, atHome: false }] },
      { key: 'B', name: '亲子阅读', items: [{ itemId: reading, atHome: true }] },
    ];
    const result = await createAndPublish(t, tok.t2yw1, { ...ids(t, 2, 'chinese'), date: nextDay(), shape: 'PACKAGES', title: '课内', options: inSchool });
    expect(result.userErrors).toEqual([]);
  });
});

describe('school load policy', () => {
  const SET = `mutation($input: LoadPolicySetInput!) { loadPolicySet(input: $input) {
    cap { grade dayKind nationalCapMinutes schoolCapMinutes capMinutes revision } userErrors { code message figures { name value } } } }`;

  it('refuses a cap looser than national, naming both figures', async () => {
    const before = await t.db.dataSource.query(`SELECT * FROM load_policies`);
    const { loadPolicySet } = await t.ok(SET, { input: { grade: 5, dayKind: 'SCHOOL_DAY', writtenCapMinutes: 70 } }, tok.jiaowu);
    expect(loadPolicySet.userErrors).toEqual([{
      code: 'LOOSER_THAN_NATIONAL',
      message: '五年级书面作业国家上限为每天 60 分钟，学校上限只能更严：70 分钟超出 10 分钟',
      figures: [{ name: 'nationalCapMinutes', value: 60 }, { name: 'requestedCapMinutes', value: 70 }, { name: 'excessMinutes', value: 10 }],
    }]);
    expect(await t.db.dataSource.query(`SELECT * FROM load_policies`)).toEqual(before);
  });

  it('a stricter weekend and holiday cap applies on those days', async () => {
    const { loadPolicySet } = await t.ok(SET, { input: { grade: 5, dayKind: 'HOLIDAY', writtenCapMinutes: 20 } }, tok.jiaowu);
    expect(loadPolicySet.cap).toEqual({ grade: 5, dayKind: 'HOLIDAY', nationalCapMinutes: 60, schoolCapMinutes: 20, capMinutes: 20, revision: 1 });
    await t.ok(`mutation { calendarDaySet(input: { day: "2027-01-01", kind: HOLIDAY, name: "元旦" }) { calendarDay { day } userErrors { code } } }`, {}, tok.jiaowu);
    const item = await insertItem(t, { subject: 'math', grade: 5, title: '假期口算', minutes: 25 });
    const other = await insertItem(t, { subject: 'math', grade: 5, title: '假期阅读', minutes: 10, form: 'reading' });
    const a = await draft(tok.t5sx1, 5, 'math', packages(item, other), 'PACKAGES', '2027-01-01');
    const [error] = await refusedPublish(tok.t5sx1, a);
    expect(error.code).toBe('DAILY_LOAD_EXCEEDED');
    expect(error.message).toContain('2027-01-01（节假日）书面作业上限 20 分钟');
    expect(Object.fromEntries(error.figures.map((f: any) => [f.name, f.value]))).toMatchObject({ capMinutes: 20, thisAssignmentMinutes: 25, excessMinutes: 5 });
  });

  it('the academic office alone sets policy; a stale revision is refused', async () => {
    await t.expectToFail('FORBIDDEN', SET, { input: { grade: 5, dayKind: 'WEEKEND', writtenCapMinutes: 30 } }, tok.t5yw1);
    await t.ok(SET, { input: { grade: 5, dayKind: 'WEEKEND', writtenCapMinutes: 30 } }, tok.jiaowu);
    const stale = (await t.ok(SET, { input: { grade: 5, dayKind: 'WEEKEND', writtenCapMinutes: 25, expectedRevision: 7 } }, tok.jiaowu)).loadPolicySet;
    expect(stale.userErrors[0].code).toBe('STALE_REVISION');
  });
});

describe('composing', () => {
  it('only a teacher of the class and subject may set its homework', async () => {
    const item = await insertItem(t, { subject: 'math', grade: 5, title: '数学题', minutes: 5 });
    await t.expectToFail('FORBIDDEN', CREATE, { input: { ...ids(t, 5, 'math'), date: nextDay(), shape: 'PACKAGES', title: 'x', options: packages(item, item) } }, tok.t5yw1);
  });

  it('malformed shapes are refused: one package, missing parts, an item of another subject', async () => {
    const a = await insertItem(t, { subject: 'math', grade: 5, title: '题A', minutes: 5 });
    const chinese = await insertItem(t, { subject: 'chinese', grade: 5, title: '语文题', minutes: 5 });
    const one = (await t.ok(CREATE, { input: { ...ids(t, 5, 'math'), date: nextDay(), shape: 'PACKAGES', title: 'x', options: [{ key: 'A', name: 'A', items: [{ itemId: a, atHome: true }] }] } }, tok.t5sx1)).assignmentCreate;
    expect(one.userErrors[0]).toMatchObject({ code: 'INVALID_STRUCTURE', message: '作业结构不正确：套餐作业须有 2–5 个选项，现有 1 个' });
    const parts = (await t.ok(CREATE, { input: { ...ids(t, 5, 'math'), date: nextDay(), shape: 'THREE_PART', title: 'x', options: packages(a, a) } }, tok.t5sx1)).assignmentCreate;
    expect(parts.userErrors[0].code).toBe('INVALID_STRUCTURE');
    await t.expectToFail('BAD_USER_INPUT', CREATE, { input: { ...ids(t, 5, 'math'), date: nextDay(), shape: 'PACKAGES', title: 'x', options: packages(a, chinese) } }, tok.t5sx1);
  });

  it('one assignment per class, subject and day', async () => {
    const a = await insertItem(t, { subject: 'english', grade: 5, title: 'Word A', minutes: 5 });
    const day = nextDay();
    await draft(tok.t5yy1, 5, 'english', packages(a, a === '' ? a : await insertItem(t, { subject: 'english', grade: 5, title: 'Word B', minutes: 5 })), 'PACKAGES', day);
    const second = (await t.ok(CREATE, { input: { ...ids(t, 5, 'english'), date: day, shape: 'PACKAGES', title: 'again', options: packages(a, a) } }, tok.t5yy1)).assignmentCreate;
    expect(second.userErrors[0].code).toBe('ASSIGNMENT_EXISTS');
  });
});

describe('changes after publishing', () => {
  it('an edit that would exceed the cap is refused and the published version stays', async () => {
    const day = '2026-12-22';
    const small = await insertItem(t, { subject: 'chinese', grade: 5, title: '小练习', minutes: 10 });
    const small2 = await insertItem(t, { subject: 'chinese', grade: 5, title: '小练习二', minutes: 12 });
    const heavy = await insertItem(t, { subject: 'math', grade: 5, title: '大练习', minutes: 45 });
    const huge = await insertItem(t, { subject: 'chinese', grade: 5, title: '超大练习', minutes: 30 });
    const chinese = (await createAndPublish(t, tok.t5yw1, { ...ids(t, 5, 'chinese'), date: day, shape: 'PACKAGES', title: '语文', options: packages(small, small2) })).assignment;
    expect((await createAndPublish(t, tok.t5sx1, { ...ids(t, 5, 'math'), date: day, shape: 'PACKAGES', title: '数学', options: packages(heavy, heavy === '' ? heavy : await insertItem(t, { subject: 'math', grade: 5, title: '小数学', minutes: 5 })) })).userErrors).toEqual([]);
    // A student chose B; an edit that keeps B keeps the choice, one that drops it asks again.
    await t.ok(`mutation($i: AssignmentChooseInput!) { assignmentChoose(input: $i) { userErrors { code } } }`, { i: { assignmentId: chinese.id, choice: 'B' } }, tok.s50101);

    const before = await snapshot();
    const refused = (await t.ok(UPDATE, { input: { assignmentId: chinese.id, expectedRevision: chinese.revision, title: '语文', options: packages(small, huge) } }, tok.t5yw1)).assignmentUpdate;
    expect(refused.userErrors[0]).toMatchObject({ code: 'DAILY_LOAD_EXCEEDED' });
    expect(Object.fromEntries(refused.userErrors[0].figures.map((f: any) => [f.name, f.value]))).toMatchObject({ capMinutes: 60, publishedMinutes: 45, thisAssignmentMinutes: 30, excessMinutes: 15 });
    expect(await snapshot()).toEqual(before);

    const kept = (await t.ok(UPDATE, { input: { assignmentId: chinese.id, expectedRevision: chinese.revision, title: '语文（改）', options: packages(small2, small) } }, tok.t5yw1)).assignmentUpdate;
    expect(kept.userErrors).toEqual([]);
    const DAYQ = `query($d: LocalDate!) { studentDay(date: $d) { assignment { title } choice needsChoice } }`;
    expect((await t.ok(DAYQ, { d: day }, tok.s50101)).studentDay.find((e: any) => e.assignment.title === '语文（改）').choice).toBe('B');

    const dropped = (await t.ok(UPDATE, { input: { assignmentId: chinese.id, expectedRevision: kept.assignment.revision, title: '语文（再改）',
      options: [{ key: 'A', name: 'A', items: [{ itemId: small, atHome: true }] }, { key: 'C', name: 'C', items: [{ itemId: small2, atHome: true }] }] } }, tok.t5yw1)).assignmentUpdate;
    expect(dropped.userErrors).toEqual([]);
    expect((await t.ok(DAYQ, { d: day }, tok.s50101)).studentDay.find((e: any) => e.assignment.title === '语文（再改）')).toMatchObject({ choice: null, needsChoice: true });
  });

  it('unpublishing frees the minutes; a stale publish is refused', async () => {
    const day = '2026-12-23';
    const x = await insertItem(t, { subject: 'chinese', grade: 5, title: '四十分钟', minutes: 40 });
    const y = await insertItem(t, { subject: 'math', grade: 5, title: '三十分钟', minutes: 30 });
    const a = (await createAndPublish(t, tok.t5yw1, { ...ids(t, 5, 'chinese'), date: day, shape: 'PACKAGES', title: '语文', options: packages(x, x === '' ? x : await insertItem(t, { subject: 'chinese', grade: 5, title: '五分钟', minutes: 5 })) })).assignment;
    const b = await draft(tok.t5sx1, 5, 'math', packages(y, await insertItem(t, { subject: 'math', grade: 5, title: '六分钟', minutes: 6 })), 'PACKAGES', day);
    expect((await refusedPublish(tok.t5sx1, b))[0].code).toBe('DAILY_LOAD_EXCEEDED');
    const UNPUBLISH = `mutation($input: AssignmentStepInput!) { assignmentUnpublish(input: $input) { assignment { status } userErrors { code } } }`;
    expect((await t.ok(UNPUBLISH, { input: { assignmentId: a.id, expectedRevision: a.revision } }, tok.t5yw1)).assignmentUnpublish.assignment.status).toBe('DRAFT');
    const stale = (await t.ok(PUBLISH, { input: { assignmentId: b.id, expectedRevision: b.revision + 5 } }, tok.t5sx1)).assignmentPublish;
    expect(stale.userErrors[0].code).toBe('STALE_REVISION');
    expect((await t.ok(PUBLISH, { input: { assignmentId: b.id, expectedRevision: b.revision } }, tok.t5sx1)).assignmentPublish.assignment.status).toBe('PUBLISHED');
  });
});
