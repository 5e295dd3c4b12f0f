import { toGlobalId } from '../../src/core/ids';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { approvedItem, CREATE_ITEM, createMathUnit, itemContent } from '../support/bank';

/** 周学科作业清单: a group files next week's plan; the academic office sees all side by side. */
let t: TestApp;
let lead: string;
let member: string;
let office: string;
let unit: { id: string; objectives: { id: string }[] };
let item: { id: string };
let draftId: string;
let mathGroup: string;
const WEEK = '2026-11-30';

const SAVE = `mutation($input: WeeklyListSaveInput!) { weeklyListSave(input: $input) {
  list { id status revision entries { day description form predictedMinutes versionNo item { id } unit { title } }
         dailyTotals { day minutes writtenMinutes } }
  userErrors { code field message figures { name value } } } }`;
const FILE = `mutation($input: WeeklyListFileInput!) { weeklyListFile(input: $input) { list { status revision filedBy { username } } userErrors { code message } } }`;

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL]);
  [lead, member, office] = await Promise.all(['t3sx1', 't3sx2', 'jiaowu'].map((u) => t.login(u)));
  unit = await createMathUnit(t, lead);
  item = await approvedItem(t, member, lead, { unitId: unit.id, ...itemContent({ title: '分数的意义', predictedMinutes: 8 }) });
  draftId = (await t.ok(CREATE_ITEM, { input: { unitId: unit.id, ...itemContent({ title: '草稿题' }) } }, member)).bankItemCreate.item.id;
  const school = t.schools[0];
  mathGroup = toGlobalId('ResearchGroup', school.groups.find((g) => g.grade === 3 && g.subjectId === school.subjects.find((s) => s.code === 'math')!.id)!.id);
});
afterAll(() => t?.stop());

const listRows = () => t.db.dataSource.query(`SELECT l.status, l.revision, e.day::text, e.description, e.predicted_minutes
  FROM weekly_lists l LEFT JOIN weekly_list_entries e ON e.list_id = l.id ORDER BY e.day, e.sort_order`);

it('a member saves next week, the totals add up, and the list is filed and locked', async () => {
  const { weeklyListSave } = await t.ok(SAVE, { input: { groupId: mathGroup, weekStart: WEEK, entries: [
    { day: '2026-11-30', unitId: unit.id, itemId: item.id },
    { day: '2026-11-30', unitId: unit.id, description: '口算练习：分数比大小', form: 'ORAL', predictedMinutes: 5 },
    { day: '2026-12-02', unitId: unit.id, description: '分数墙手工', form: 'PRACTICAL', predictedMinutes: 15 },
  ] } }, member);
  expect(weeklyListSave.userErrors).toEqual([]);
  const list = weeklyListSave.list;
  expect(list.entries[0]).toEqual({ day: '2026-11-30', description: '分数的意义', form: 'WRITTEN', predictedMinutes: 8, versionNo: 1, item: { id: item.id }, unit: { title: '分数的初步认识' } });
  expect(list.dailyTotals[0]).toEqual({ day: '2026-11-30', minutes: 13, writtenMinutes: 8 });
  expect(list.dailyTotals[2]).toEqual({ day: '2026-12-02', minutes: 15, writtenMinutes: 0 });

  const filed = (await t.ok(FILE, { input: { listId: list.id, expectedRevision: 1 } }, lead)).weeklyListFile;
  expect(filed.list).toEqual({ status: 'FILED', revision: 2, filedBy: { username: 't3sx1' } });
  const before = await listRows();
  const locked = (await t.ok(SAVE, { input: { groupId: mathGroup, weekStart: WEEK, expectedRevision: 2, entries: [] } }, member)).weeklyListSave;
  expect(locked.userErrors[0].code).toBe('WEEKLY_LIST_FILED');
  expect(await listRows()).toEqual(before);
});

it('the academic office sees every group side by side with daily totals per grade', async () => {
  const { weeklyListOverview } = await t.ok(`query($w: LocalDate!) { weeklyListOverview(weekStart: $w) {
    lists { status group { name } } groupsNotFiled { name } grades { grade days { day minutes writtenMinutes } } } }`, { w: WEEK }, office);
  expect(weeklyListOverview.lists).toEqual([{ status: 'FILED', group: { name: '三年级数学备课组' } }]);
  expect(weeklyListOverview.groupsNotFiled.map((g: any) => g.name)).toContain('三年级语文备课组');
  expect(weeklyListOverview.grades).toHaveLength(1);
  expect(weeklyListOverview.grades[0].grade).toBe(3);
  expect(weeklyListOverview.grades[0].days.slice(0, 3)).toEqual([
    { day: '2026-11-30', minutes: 13, writtenMinutes: 8 },
    { day: '2026-12-01', minutes: 0, writtenMinutes: 0 },
    { day: '2026-12-02', minutes: 15, writtenMinutes: 0 },
  ]);
  await t.expectToFail('FORBIDDEN', `query($w: LocalDate!) { weeklyListOverview(weekStart: $w) { weekStart } }`, { w: WEEK }, member);
});

describe('refusals', () => {
  const next = '2026-12-07';
  const save = (entries: unknown[], token = member, extra: Record<string, unknown> = {}) =>
    t.gql(SAVE, { input: { groupId: mathGroup, weekStart: next, entries, ...extra } }, token);

  it('a day outside the week: DAY_OUTSIDE_WEEK', async () => {
    const { data } = await save([{ day: '2026-12-14', unitId: unit.id, description: '预习', predictedMinutes: 5 }]);
    expect(data.weeklyListSave.userErrors[0]).toMatchObject({ code: 'DAY_OUTSIDE_WEEK', field: ['entries[0]', 'day'] });
  });

  it('an item that is not approved: ITEM_NOT_APPROVED', async () => {
    const { data } = await save([{ day: next, unitId: unit.id, itemId: draftId }]);
    expect(data.weeklyListSave.userErrors[0].code).toBe('ITEM_NOT_APPROVED');
  });

  it('a week that does not start on Monday, or an entry without minutes: BAD_USER_INPUT', async () => {
    let result = await t.gql(SAVE, { input: { groupId: mathGroup, weekStart: '2026-12-08', entries: [] } }, member);
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    result = await save([{ day: next, unitId: unit.id, description: '预习' }]);
    expect(result.errors![0].message).toContain('请填写预计用时（分钟）');
  });

  it('a teacher outside the group: FORBIDDEN; a stale save: STALE_REVISION', async () => {
    const outsider = await t.login('t3yw1');
    expect((await save([], outsider)).errors![0].extensions!.code).toBe('FORBIDDEN');
    const first = (await save([{ day: next, unitId: unit.id, description: '预习', predictedMinutes: 5 }])).data.weeklyListSave;
    expect(first.list.revision).toBe(1);
    const missing = await save([]);
    expect(missing.errors![0].extensions!.fields[0].field).toBe('expectedRevision');
    await save([], member, { expectedRevision: 1 });
    const stale = (await save([], lead, { expectedRevision: 1 })).data.weeklyListSave;
    expect(stale.userErrors[0]).toMatchObject({ code: 'STALE_REVISION', figures: [{ name: 'currentRevision', value: 2 }, { name: 'expectedRevision', value: 1 }] });
  });
});
