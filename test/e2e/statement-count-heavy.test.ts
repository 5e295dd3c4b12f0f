import { SchoolStage } from '../../src/modules/school/school.entity';
import { StatementCounter } from '../support/statement-counter';
import { TestApp } from '../support/test-app';
import { CREATE, createAndPublish, ids, insertItem, packages, PUBLISH } from '../support/assignments';

/**
 * N+1 guard for the heavy reads: the same query over a small and a large class, or over one
 * day and a week, runs the same number of SQL statements.
 */
const counter = new StatementCounter();
const small = { code: 'heavy-small', name: '小班学校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 1, studentsPerClass: 2, nameSeed: 21 };
const large = { code: 'heavy-large', name: '大班学校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 1, studentsPerClass: 40, nameSeed: 22 };
const WEEK = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
let t: TestApp;
const tokens: Record<string, Record<string, string>> = {};

async function fill(schoolIndex: number, days: string[]) {
  const code = t.schools[schoolIndex].spec.code;
  const tok = tokens[code];
  const students = t.schools[schoolIndex].users.filter((u) => u.classId);
  for (const day of days) {
    for (const [subject, teacher] of [['chinese', 't5yw1'], ['math', 't5sx1']] as const) {
      const a = await insertItem(t, { subject, grade: 5, title: `${subject}${day}A`, minutes: 10 }, schoolIndex);
      const b = await insertItem(t, { subject, grade: 5, title: `${subject}${day}B`, minutes: 12 }, schoolIndex);
      const published = await createAndPublish(t, tok[teacher], { ...ids(t, 5, subject, schoolIndex), date: day, shape: 'PACKAGES', title: `${subject} ${day}`, options: packages(a, b) });
      for (const s of students) {
        const token = tok[s.username] ??= await t.login(s.username, code);
        await t.ok(`mutation($i: SubmissionCreateInput!) { submissionCreate(input: $i) { userErrors { code } } }`,
          { i: { assignmentId: published.assignment.id, choice: 'A', answer: '完成', attachments: [], actualMinutes: 11, clientKey: `k-${s.username}-${day}-${subject}` } }, token);
      }
    }
  }
}

beforeAll(async () => {
  t = await TestApp.start([small, large], {}, counter);
  for (const spec of [small, large]) {
    tokens[spec.code] = {};
    for (const u of ['t5yw1', 't5sx1', 'jiaowu', 's50101']) tokens[spec.code][u] = await t.login(u, spec.code);
  }
  await fill(0, WEEK);
  await fill(1, WEEK);
});
afterAll(() => t?.stop());

async function same(query: (schoolIndex: number) => [string, Record<string, unknown>, string]) {
  const [qa, va, ta] = query(0);
  const [qb, vb, tb] = query(1);
  const a = await counter.measure(() => t.ok(qa, va, ta));
  const b = await counter.measure(() => t.ok(qb, vb, tb));
  expect(b.statements).toBe(a.statements);
  return a.statements;
}

const CLASS_WEEK = `query($c: ID!, $from: LocalDate!, $to: LocalDate!) { classAssignments(classId: $c, from: $from, to: $to) {
  title day subject { name } teacher { displayName } choices { key totalMinutes writtenHomeMinutes }
  options { key name items { predictedMinutes content { title body } } } } }`;

it('the class week: 2 and 40 students, one day and five, the same statements', async () => {
  const perSize = await same((i) => [CLASS_WEEK, { c: ids(t, 5, 'math', i).classId, from: WEEK[0], to: WEEK[4] }, tokens[t.schools[i].spec.code].t5yw1]);
  const oneDay = await counter.measure(() => t.ok(CLASS_WEEK, { c: ids(t, 5, 'math', 1).classId, from: WEEK[0], to: WEEK[0] }, tokens['heavy-large'].t5yw1));
  expect(oneDay.statements).toBe(perSize);
  // Three round trips: the transaction's start (with the role, the school and the viewer); the
  // assignments with their plans, pinned versions, subjects and teachers; COMMIT.
  expect(perSize).toBeLessThanOrEqual(3);
});

it("a student's day", async () => {
  // Three round trips: the transaction's start with the viewer; the student, their class that day
  // and the day's homework with its fields, their choices, hand-ins, marks and suggestions; the
  // access log with COMMIT.
  const perSize = await same((i) => [`query($d: LocalDate!) { studentDay(date: $d) { assignment { title subject { name } } choices { key totalMinutes } choice submission { status currentMark { mark } } } }`,
    { d: WEEK[2] }, tokens[t.schools[i].spec.code].s50101]);
  expect(perSize).toBeLessThanOrEqual(3);
});

it("the teacher's marking queue", async () => {
  const perSize = await same((i) => [`{ markingQueue(first: 50) { edges { node { overdue dueAt submission { choice student { displayName } assignment { title } } } } } }`,
    {}, tokens[t.schools[i].spec.code].t5sx1]);
  // Three round trips: the transaction's start with the viewer; the queue with its calendar,
  // assignments and students; the access log with COMMIT.
  expect(perSize).toBeLessThanOrEqual(3);
});

it('the weekly public notice: one day of homework and five', async () => {
  const Q = `query($c: ID!, $w: LocalDate!) { weeklyNotice(classId: $c, weekStart: $w) { days { day capMinutes heaviestTotalMinutes subjects { subject title content } } } }`;
  const perSize = await same((i) => [Q, { c: ids(t, 5, 'math', i).classId, w: WEEK[0] }, tokens[t.schools[i].spec.code].jiaowu]);
  // Three round trips: the transaction's start with the viewer; the class, its caps, the week's
  // calendar and its homework with their subjects and plans; COMMIT.
  expect(perSize).toBeLessThanOrEqual(3);
});

it('bank search: a page of 2 and a page of 40', async () => {
  const Q = `query($f: Int!) { bankItems(first: $f) { edges { node { status current { title tier predictedMinutes } unit { title } author { displayName } } } } }`;
  const a = await counter.measure(() => t.ok(Q, { f: 2 }, tokens['heavy-large'].t5yw1));
  const b = await counter.measure(() => t.ok(Q, { f: 40 }, tokens['heavy-large'].t5yw1));
  expect(b.statements).toBe(a.statements);
  // Three round trips: the transaction's start with the viewer; the page with its units,
  // research groups, versions and authors; COMMIT.
  expect(a.statements).toBeLessThanOrEqual(3);
});

it('the class load report: 2 and 40 students, one day and five', async () => {
  const Q = `query($c: ID!, $from: LocalDate!, $to: LocalDate!) { classLoadReport(classId: $c, from: $from, to: $to) {
    day capMinutes studentsOverCap sheets onTimeBedtimes bedtimes subjects { subject predictedMinutes actualMinutes observations } } }`;
  const perSize = await same((i) => [Q, { c: ids(t, 5, 'math', i).classId, from: WEEK[0], to: WEEK[4] }, tokens[t.schools[i].spec.code].t5yw1]);
  const oneDay = await counter.measure(() => t.ok(Q, { c: ids(t, 5, 'math', 1).classId, from: WEEK[0], to: WEEK[0] }, tokens['heavy-large'].t5yw1));
  expect(oneDay.statements).toBe(perSize);
  const twoWeeks = await counter.measure(() => t.ok(Q, { c: ids(t, 5, 'math', 1).classId, from: WEEK[0], to: '2026-12-20' }, tokens['heavy-large'].t5yw1));
  expect(twoWeeks.statements).toBe(perSize);
  // Three round trips: the transaction's start with the viewer; the class, its students, the
  // range's homework, caps and calendar, and the sheets with their entries, choices and hand-ins;
  // COMMIT.
  expect(perSize).toBeLessThanOrEqual(3);
  // The figures are real: five school days, two subjects a day, every student's minutes observed.
  const { classLoadReport } = await t.ok(Q, { c: ids(t, 5, 'math', 1).classId, from: WEEK[0], to: WEEK[4] }, tokens['heavy-large'].t5yw1);
  expect(classLoadReport.map((d: any) => d.day)).toEqual(WEEK);
  expect(classLoadReport[0].subjects).toHaveLength(2);
  expect(classLoadReport[0].subjects[0]).toMatchObject({ actualMinutes: 11, observations: 40 });
});

it('publishing homework over 3 days and over 12 days: the same statements, whatever the span', async () => {
  // Each day of a span is checked against that day's cap and budget; what those checks read
  // (subjects, groups' members, budget lines and releases) is read once for the whole span.
  const token = tokens['heavy-large'].t5yw1;
  const publishOver = async (title: string, date: string, dueDay: string) => {
    const item = await insertItem(t, { subject: 'chinese', grade: 5, title, minutes: 24 }, 1);
    const { assignmentCreate } = await t.ok(CREATE, { input: { ...ids(t, 5, 'chinese', 1), date, dueDay, shape: 'PACKAGES', title, options: packages(item, item) } }, token);
    expect(assignmentCreate.userErrors).toEqual([]);
    const a = assignmentCreate.assignment;
    const { result, statements } = await counter.measure(() => t.ok(PUBLISH, { input: { assignmentId: a.id, expectedRevision: a.revision } }, token));
    expect(result.assignmentPublish.userErrors).toEqual([]);
    expect(result.assignmentPublish.assignment.status).toBe('PUBLISHED');
    return statements;
  };
  // Monday to Wednesday, and Monday 2027-01-04 to Friday 2027-01-15 (a weekend inside).
  const three = await publishOver('三天阅读', '2026-12-21', '2026-12-23');
  const twelve = await publishOver('两周阅读', '2027-01-04', '2027-01-15');
  expect(twelve).toBe(three);
  // The transaction's start and COMMIT, the savepoint and its release, the assignment locked and
  // the teacher checked, the class locked with the load rules, the caps with the calendar, the
  // school's publishing time, the published homework with its options and items (the new one's
  // read with them), the subjects, the budget lines and releases, and the update: the payload's
  // fields read nothing again.
  expect(three).toBeLessThanOrEqual(17);
});

it('the days of homework being composed, previewed at once: the same statements for 3 days and for 12', async () => {
  const token = tokens['heavy-large'].t5yw1;
  const item = await insertItem(t, { subject: 'chinese', grade: 5, title: '两周阅读', minutes: 36 }, 1);
  const draft = (firstDay: string, dueDay: string) => ({ subjectId: ids(t, 5, 'chinese', 1).subjectId, shape: 'PACKAGES', firstDay, dueDay,
    options: [{ key: 'A', name: 'A', items: [{ itemId: item, atHome: true }] }, { key: 'B', name: 'B', items: [{ itemId: item, atHome: true }] }] });
  const PREVIEWS = `query($c: ID!, $dates: [LocalDate!]!, $draft: LoadDraftInput) { loadPreviews(classId: $c, dates: $dates, draft: $draft) {
    date capMinutes heaviestTotalMinutes subjects { heaviestWrittenMinutes assignment { title subject { name } } }
    subjectBudgets { availableMinutes subject { name } } draft { heaviestWrittenMinutes } heaviestStudent { writtenMinutes } } }`;
  const c = ids(t, 5, 'chinese', 1).classId;
  const three = await counter.measure(() => t.ok(PREVIEWS, { c, dates: WEEK.slice(0, 3), draft: draft(WEEK[0], WEEK[2]) }, token));
  const twelveDays = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13', '2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18'];
  const twelve = await counter.measure(() => t.ok(PREVIEWS, { c, dates: twelveDays, draft: draft(twelveDays[0], twelveDays[11]) }, token));
  expect(three.result.loadPreviews).toHaveLength(3);
  expect(twelve.result.loadPreviews.map((p: { date: string }) => p.date)).toEqual(twelveDays);
  // The week's published homework shows on its days.
  expect(twelve.result.loadPreviews[0].subjects.length).toBeGreaterThan(0);
  expect(twelve.statements).toBe(three.statements);
});

it('handing in and marking: the same statements in a class of 2 and of 40, each within its bound', async () => {
  const SUBMIT = `mutation($i: SubmissionCreateInput!) { submissionCreate(input: $i) { submission { id status late revision } userErrors { code } } }`;
  const MARK = `mutation($i: SubmissionMarkInput!) { submissionMark(input: $i) { submission { id status revision } userErrors { code } } }`;
  const counts = [];
  for (const i of [0, 1]) {
    const tok = tokens[t.schools[i].spec.code];
    const a = await insertItem(t, { subject: 'math', grade: 5, title: '口算练习', minutes: 10 }, i);
    const b = await insertItem(t, { subject: 'math', grade: 5, title: '应用题', minutes: 12 }, i);
    const { assignment } = await createAndPublish(t, tok.t5sx1, { ...ids(t, 5, 'math', i), date: '2026-12-14', shape: 'PACKAGES', title: '周一数学', options: packages(a, b) });
    const handIn = await counter.measure(() => t.ok(SUBMIT, { i: { assignmentId: assignment.id, choice: 'A', answer: '完成', attachments: [], actualMinutes: 11, clientKey: `count-${i}-hand-in` } }, tok.s50101));
    const submission = handIn.result.submissionCreate.submission;
    expect(submission.status).toBe('AWAITING_MARK');
    const mark = await counter.measure(() => t.ok(MARK, { i: { submissionId: submission.id, expectedRevision: submission.revision, mark: 'A+', comment: '书写工整，思路清晰。' } }, tok.t5sx1));
    expect(mark.result.submissionMark.userErrors).toEqual([]);
    expect(mark.result.submissionMark.submission.revision).toBe(submission.revision + 1);
    counts.push([handIn.statements, mark.statements]);
  }
  expect(counts[1]).toEqual(counts[0]);
  // Hand-in: the transaction (2), the consent (1), the savepoint (2), the client key claimed and
  // its result noted (2), the assignment with its plan (3), the student locked, the earlier
  // hand-in looked for, the calendar (3), the submission, its version, the choice, the
  // calibration queue (4): the row is not read again.
  expect(counts[0][0]).toBeLessThanOrEqual(17);
  // Marking: the transaction (2), the savepoint (2), the submission locked, its assignment, the
  // teacher checked, the consent (4), the mark and the update (2); the access log goes with COMMIT.
  expect(counts[0][1]).toBeLessThanOrEqual(10);
});
