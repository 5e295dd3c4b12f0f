import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { ids, insertItem, packages } from '../support/assignments';
import { schoolSnapshot } from '../support/snapshot';
import { TestApp } from '../support/test-app';

/**
 * Dates and times arrive through one LocalDate scalar and one Time scalar: a date the database
 * cannot hold (year 0) or outside the service's range is refused up front as BAD_USER_INPUT,
 * whether it comes in a variable or in the query text, and nothing is written.
 */
const SCHOOL = { code: 'dates-test', name: '测试日期校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 1, studentsPerClass: 2, nameSeed: 51 };
/** Days within the range, each used once per operation (a filled record sheet needs its revision to change). */
const DAYS = ['2026-12-01', '2026-12-02', '2026-12-03'];
let t: TestApp;
const tok: Record<string, string> = {};
let itemA: string;
let itemB: string;

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['t5sx1', 's50101', 'p50101', 'jiaowu']) tok[u] = await t.login(u);
  itemA = await insertItem(t, { subject: 'math', grade: 5, title: '计算练习', minutes: 10 });
  itemB = await insertItem(t, { subject: 'math', grade: 5, title: '数学阅读', minutes: 10, form: 'reading' });
});
afterAll(() => t?.stop());

/** Row counts and a digest of every table of the school, read as the school. */
const snapshot = () => schoolSnapshot(t.db.dataSource, t.schools[0].schoolId);

interface Case {
  name: string;
  actor: string;
  /** The operation with the date in a variable `$d`. */
  viaVariable: string;
  /** The same operation with the date written in the query text. */
  viaText: (date: string) => string;
  variables: () => Record<string, unknown>;
}

const CASES: Case[] = [
  {
    name: 'recordSheetFill',
    actor: 's50101',
    viaVariable: `mutation($d: LocalDate!) { recordSheetFill(input: { date: $d, bedtime: "20:30" }) { userErrors { code } } }`,
    viaText: (d) => `mutation { recordSheetFill(input: { date: "${d}", bedtime: "20:30" }) { userErrors { code } } }`,
    variables: () => ({}),
  },
  {
    name: 'recordSheetParentMessage',
    actor: 'p50101',
    viaVariable: `mutation($s: ID!, $d: LocalDate!) { recordSheetParentMessage(studentId: $s, date: $d, message: "孩子今天按时完成。") { userErrors { code } } }`,
    viaText: (d) => `mutation($s: ID!) { recordSheetParentMessage(studentId: $s, date: "${d}", message: "孩子今天按时完成。") { userErrors { code } } }`,
    variables: () => ({ s: toGlobalId('User', t.user('s50101').id) }),
  },
  {
    name: 'assignmentCreate',
    actor: 't5sx1',
    viaVariable: `mutation($c: ID!, $sub: ID!, $o: [AssignmentOptionInput!]!, $d: LocalDate!) {
      assignmentCreate(input: { classId: $c, subjectId: $sub, date: $d, shape: PACKAGES, title: "数学作业", options: $o }) { userErrors { code } } }`,
    viaText: (d) => `mutation($c: ID!, $sub: ID!, $o: [AssignmentOptionInput!]!) {
      assignmentCreate(input: { classId: $c, subjectId: $sub, date: "${d}", shape: PACKAGES, title: "数学作业", options: $o }) { userErrors { code } } }`,
    variables: () => ({ c: ids(t, 5, 'math').classId, sub: ids(t, 5, 'math').subjectId, o: packages(itemA, itemB) }),
  },
  {
    name: 'loadPreview',
    actor: 't5sx1',
    viaVariable: `query($c: ID!, $d: LocalDate!) { loadPreview(classId: $c, date: $d) { date capMinutes } }`,
    viaText: (d) => `query($c: ID!) { loadPreview(classId: $c, date: "${d}") { date capMinutes } }`,
    variables: () => ({ c: ids(t, 5, 'math').classId }),
  },
  {
    name: 'calendarDaySet',
    actor: 'jiaowu',
    viaVariable: `mutation($d: LocalDate!) { calendarDaySet(input: { day: $d, kind: HOLIDAY, name: "元旦" }) { calendarDay { day } userErrors { code } } }`,
    viaText: (d) => `mutation { calendarDaySet(input: { day: "${d}", kind: HOLIDAY, name: "元旦" }) { calendarDay { day } userErrors { code } } }`,
    variables: () => ({}),
  },
];

describe.each(CASES)('$name', (c) => {
  it.each(['0000-01-01', '1999-12-31', '2100-01-01', '2026-02-30'])('refuses %s as BAD_USER_INPUT naming the value and the range, and writes nothing', async (date) => {
    const before = await snapshot();
    const sent = [
      await t.gql(c.viaVariable, { ...c.variables(), d: date }, tok[c.actor]),
      await t.gql(c.viaText(date), c.variables(), tok[c.actor]),
    ];
    for (const result of sent) {
      expect(result.data?.[c.name] ?? null).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toContain(`"${date}" is not a date the service accepts`);
      expect(result.errors![0].message).toContain('from 2000-01-01 to 2099-12-31');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('passes a date within the range on to the service', async () => {
    for (const result of [await t.gql(c.viaVariable, { ...c.variables(), d: DAYS[0] }, tok[c.actor]), await t.gql(c.viaText(DAYS[1]), c.variables(), tok[c.actor])]) {
      expect(result.errors ?? []).toEqual([]);
      expect(result.data?.[c.name]).toBeTruthy();
    }
  });
});

describe('times of day', () => {
  const FILL = `mutation($b: Time) { recordSheetFill(input: { date: "${DAYS[2]}", bedtime: $b }) { sheet { bedtime bedtimeTarget } userErrors { code } } }`;

  it.each(['24:00', '7:5', '21:30:00'])('refuses the bedtime %s as BAD_USER_INPUT, and writes nothing', async (bedtime) => {
    const before = await snapshot();
    const error = await t.expectToFail('BAD_USER_INPUT', FILL, { b: bedtime }, tok.s50101);
    expect(error.message).toContain(`"${bedtime}" is not a time the service accepts: a Time is a time of day written HH:MM from 00:00 to 23:59`);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a wake-up time past 23:59, and keeps the school\'s', async () => {
    const SET = `mutation($w: Time) { schoolSettingsUpdate(input: { wakeUpTime: $w }) { settings { wakeUpTime } } }`;
    const read = async () => (await t.ok(`{ school { settings { wakeUpTime } } }`, {}, tok.jiaowu)).school.settings.wakeUpTime;
    const before = await read();
    await t.expectToFail('BAD_USER_INPUT', SET, { w: '24:00' }, tok.jiaowu);
    expect(await read()).toBe(before);
    expect(before).toMatch(/^\d{2}:\d{2}$/);
  });

  it('takes a bedtime HH:MM and sends it back as it came', async () => {
    const { recordSheetFill } = await t.ok(FILL, { b: '23:59' }, tok.s50101);
    if (recordSheetFill.userErrors.length === 0) expect(recordSheetFill.sheet).toMatchObject({ bedtime: '23:59', bedtimeTarget: expect.stringMatching(/^\d{2}:\d{2}$/) });
    else expect(recordSheetFill.userErrors).toEqual([{ code: 'CONSENT_REQUIRED' }]);
  });
});
