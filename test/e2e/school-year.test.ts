import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { createAndPublish, insertItem, packages } from '../support/assignments';
import { TestApp } from '../support/test-app';

/**
 * 学年升级: a nine-year school with homework, marks and record sheets in 2026-2027 rolls into
 * 2027-2028. The dry run lists the plan and changes nothing; the rollover opens next year's
 * classes, moves the students, graduates 九年级, carries teaching and head teachers; last
 * year's class week, a student's marks and record sheets read exactly as before; a second
 * rollover, and one without the new year's terms, are refused and change nothing.
 */
const SCHOOL = { code: 'year-test', name: '测试升级校', stage: SchoolStage.NINE_YEAR, grades: [3, 9], classesPerGrade: 2, studentsPerClass: 2, nameSeed: 77 };
const DAY = '2026-12-01';
const WEEK = '2026-11-30';
let t: TestApp;
const tok: Record<string, string> = {};
const gid = (username: string) => toGlobalId('User', t.user(username).id);
const classGid = (grade: number, classNo: number) => toGlobalId('Class', t.schools[0].classes.find((c) => c.grade === grade && c.classNo === classNo)!.id);
const schoolId = () => t.schools[0].schoolId;
const submission: Record<string, string> = {};

const ROLLOVER = `mutation($i: SchoolYearRolloverInput!) { schoolYearRollover(input: $i) {
  dryRun academicYear previousYear studentsMoved graduates teachingAssignmentsCarried teachingAssignmentsDropped headTeachersCarried researchGroupsKept
  classes { from { name } graduates name grade classNo to { id name grade classNo } students headTeacher { username } teachingAssignmentsCarried teachingAssignmentsDropped }
  entryClasses { name class { id name } }
  userErrors { code field message figures { name value } } } }`;
const rollover = async (input: Record<string, unknown>) => (await t.ok(ROLLOVER, { i: input }, tok.jiaowu)).schoolYearRollover;

/** Everything a rollover may touch, as rows: it must be equal before and after a dry run or a refusal. */
async function state() {
  const q = (sql: string) => t.db.dataSource.query(sql, [schoolId()]);
  return {
    classes: await q(`SELECT id, grade, class_no, name, head_teacher_id, archived_at, revision FROM classes WHERE school_id = $1 ORDER BY id`),
    users: await q(`SELECT id, class_id, deactivated_at, graduated_at, token_version, revision FROM users WHERE school_id = $1 ORDER BY id`),
    teaching: await q(`SELECT id, teacher_id, class_id, subject_id FROM teaching_assignments WHERE school_id = $1 ORDER BY id`),
    groups: await q(`SELECT id, subject_id, grade, name, lead_id FROM research_groups WHERE school_id = $1 ORDER BY id`),
    members: await q(`SELECT group_id, user_id FROM research_group_members WHERE school_id = $1 ORDER BY group_id, user_id`),
    parentLinks: await q(`SELECT parent_id, student_id FROM parent_links WHERE school_id = $1 ORDER BY parent_id, student_id`),
    past: await q(`SELECT class_id, student_id FROM past_class_members WHERE school_id = $1 ORDER BY class_id, student_id`),
    rollovers: await q(`SELECT academic_year FROM school_year_rollovers WHERE school_id = $1`),
    work: await q(`SELECT (SELECT count(*)::int FROM assignments WHERE school_id = $1) AS assignments, (SELECT count(*)::int FROM submissions WHERE school_id = $1) AS submissions,
                          (SELECT count(*)::int FROM marks WHERE school_id = $1) AS marks, (SELECT count(*)::int FROM record_sheets WHERE school_id = $1) AS sheets`),
  };
}

/** The reads of last year that must answer the same after the rollover, each as whom it is read by. */
const READS: Record<string, () => Promise<unknown>> = {
  'class week (作业公示) of 三年级(1)班, read by a teacher': () =>
    t.ok(`query($c: ID!) { weeklyNotice(classId: $c, weekStart: "${WEEK}") { className weekStart days { day dayKind capMinutes heaviestTotalMinutes lightestTotalMinutes subjects { subject title content heaviestWrittenMinutes } } } }`,
      { c: classGid(3, 1) }, tok.t3yw1),
  "三年级(1)班's assignments, read by the office": () =>
    t.ok(`query($c: ID!) { classAssignments(classId: $c, from: "${WEEK}", to: "2026-12-06") { title day status class { name grade classNo } subject { name } teacher { username } } }`,
      { c: classGid(3, 1) }, tok.jiaowu),
  "a student's day with the mark, read by the student": () =>
    t.ok(`{ studentDay(date: "${DAY}") { assignment { title class { name } } choice submission { status currentMark { mark comment } marks { mark comment } } } }`, {}, tok.s30101),
  "a student's submission and its marks, read by the student": () =>
    t.ok(`query($id: ID!) { submission(id: $id) { status assignment { title class { name } } marks { mark comment markedBy { username } } } }`, { id: submission.s30101 }, tok.s30101),
  "a student's record sheet, read by the parent": () =>
    t.ok(`query($s: ID!) { recordSheet(date: "${DAY}", studentId: $s) { date filled flags capMinutes actualWrittenMinutes bedtime bedtimeTarget
      lines { assignment { title class { name } } choice content predictedMinutes actualMinutes } } }`, { s: gid('s30101') }, tok.p30101),
  "三年级(1)班's record sheets of the day, read by the office": () =>
    t.ok(`query($c: ID!) { classRecordSheets(classId: $c, date: "${DAY}") { student { username } filled flags capMinutes actualWrittenMinutes } }`,
      { c: classGid(3, 1) }, tok.jiaowu),
  "三年级(1)班 and its students, read by the office": () =>
    t.ok(`query($c: ID!) { class(id: $c) { name grade classNo students { username } headTeacher { username } teachingAssignments { teacher { username } subject { name } } } }`,
      { c: classGid(3, 1) }, tok.jiaowu),
  "a graduate's day with the mark, read by the parent": () =>
    t.ok(`query($s: ID!) { studentDay(date: "${DAY}", studentId: $s) { assignment { title class { name } } choice submission { currentMark { mark comment } } } }`,
      { s: gid('s90101') }, tok.p90101),
  "a graduate's record sheet, read by the parent": () =>
    t.ok(`query($s: ID!) { recordSheet(date: "${DAY}", studentId: $s) { filled capMinutes actualWrittenMinutes bedtime lines { assignment { title } actualMinutes } } }`,
      { s: gid('s90101') }, tok.p90101),
};
const before: Record<string, unknown> = {};

const SUBMIT = `mutation($i: SubmissionCreateInput!) { submissionCreate(input: $i) { submission { id } userErrors { code } } }`;
const MARK = `mutation($i: SubmissionMarkInput!) { submissionMark(input: $i) { userErrors { code message } } }`;
const FILL = `mutation($i: RecordSheetFillInput!) { recordSheetFill(input: $i) { userErrors { code message } } }`;

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['jiaowu', 't3sx1', 't3yw1', 't9sx1', 't9yw1', 's30101', 's30102', 's90101', 'p30101', 'p90101']) tok[u] = await t.login(u);
  for (const [grade, teacher, student] of [[3, 't3sx1', 's30101'], [9, 't9sx1', 's90101']] as const) {
    const a = await insertItem(t, { subject: 'math', grade, title: `${grade}年级计算`, minutes: 15 });
    const b = await insertItem(t, { subject: 'math', grade, title: `${grade}年级应用题`, minutes: 20 });
    const subjectId = toGlobalId('Subject', t.schools[0].subjects.find((s) => s.code === 'math')!.id);
    const published = await createAndPublish(t, tok[teacher], { classId: classGid(grade, 1), subjectId, date: DAY, shape: 'PACKAGES', title: `${grade}年级数学作业`, options: packages(a, b) });
    expect(published.userErrors).toEqual([]);
    const { submissionCreate } = await t.ok(SUBMIT, { i: { assignmentId: published.assignment.id, choice: 'A', answer: '我的答案', attachments: [], actualMinutes: 18, clientKey: `year-${student}` } }, tok[student]);
    submission[student] = submissionCreate.submission.id;
    expect((await t.ok(MARK, { i: { submissionId: submission[student], expectedRevision: 1, mark: 'A+', comment: '书写工整，思路清晰！' } }, tok[teacher])).submissionMark.userErrors).toEqual([]);
    expect((await t.ok(FILL, { i: { date: DAY, entries: [{ assignmentId: published.assignment.id, actualMinutes: 25 }], bedtime: '21:40' } }, tok[student])).recordSheetFill.userErrors).toEqual([]);
  }
  for (const [name, read] of Object.entries(READS)) before[name] = await read();
});
afterAll(() => t?.stop());

describe('rolling a school into the next year', () => {
  it("reads last year's work before the rollover (the snapshots are not empty)", async () => {
    expect(JSON.stringify(before[`a student's day with the mark, read by the student`])).toContain('书写工整，思路清晰！');
    expect(JSON.stringify(before["三年级(1)班 and its students, read by the office"])).toContain('s30102');
    expect(JSON.stringify(before["a graduate's record sheet, read by the parent"])).toContain('21:40');
    const { me } = await t.ok(`{ me { roles headTeacherOf { name } } }`, {}, tok.t9yw1);
    expect(me).toEqual({ roles: ['HEAD_TEACHER', 'RESEARCH_LEAD', 'TEACHER'], headTeacherOf: [{ name: '九年级(1)班' }] });
  });

  it("is refused, changing nothing, while the new year's terms do not exist", async () => {
    const was = await state();
    const refused = await rollover({ academicYear: '2027-2028', dryRun: false });
    expect(refused).toMatchObject({ classes: null, userErrors: [{
      code: 'YEAR_TERMS_MISSING', field: ['academicYear'], message: '2027-2028学年还没有建立学期（缺第一学期、第二学期）：升级前请先添加该学年的第一、二学期',
      figures: [{ name: 'missingTerms', value: 2 }],
    }] });
    expect(await state()).toEqual(was);
    const bad = await t.gql(ROLLOVER, { i: { academicYear: '2027-2029', dryRun: true } }, tok.jiaowu);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await t.expectToFail('FORBIDDEN', ROLLOVER, { i: { academicYear: '2027-2028', dryRun: true } }, tok.t3sx1);
  });

  it('the dry run lists each class and its next-year class, the graduates and what is carried, and changes nothing', async () => {
    for (const [termNo, startsOn, endsOn] of [[1, '2027-09-01', '2028-01-21'], [2, '2028-02-21', '2028-07-07']] as const) {
      const { termCreate } = await t.ok(`mutation($i: TermCreateInput!) { termCreate(input: $i) { userErrors { code } } }`,
        { i: { academicYear: '2027-2028', termNo, startsOn, endsOn } }, tok.jiaowu);
      expect(termCreate.userErrors).toEqual([]);
    }
    const was = await state();
    const fixture = t.schools[0];
    const teachingOf = (grade: number, classNo: number) => fixture.teaching.filter((x) => x.classId === fixture.classes.find((c) => c.grade === grade && c.classNo === classNo)!.id).length;
    const headOf = (grade: number, classNo: number) => fixture.users.find((u) => u.id === fixture.classes.find((c) => c.grade === grade && c.classNo === classNo)!.headTeacherId)!.username;
    const plan = await rollover({ academicYear: '2027-2028', dryRun: true, entryClasses: [{ grade: 1, classNo: 1 }, { grade: 1, classNo: 2 }] });
    expect(plan.userErrors).toEqual([]);
    expect(plan).toMatchObject({ dryRun: true, academicYear: '2027-2028', previousYear: '2026-2027', studentsMoved: 4, graduates: 4, headTeachersCarried: 2, teachingAssignmentsDropped: 0 });
    expect(plan.classes).toEqual([
      { from: { name: '三年级(1)班' }, graduates: false, name: '四年级(1)班', grade: 4, classNo: 1, to: null, students: 2, headTeacher: { username: headOf(3, 1) }, teachingAssignmentsCarried: teachingOf(3, 1), teachingAssignmentsDropped: 0 },
      { from: { name: '三年级(2)班' }, graduates: false, name: '四年级(2)班', grade: 4, classNo: 2, to: null, students: 2, headTeacher: { username: headOf(3, 2) }, teachingAssignmentsCarried: teachingOf(3, 2), teachingAssignmentsDropped: 0 },
      { from: { name: '九年级(1)班' }, graduates: true, name: null, grade: null, classNo: null, to: null, students: 2, headTeacher: null, teachingAssignmentsCarried: 0, teachingAssignmentsDropped: 0 },
      { from: { name: '九年级(2)班' }, graduates: true, name: null, grade: null, classNo: null, to: null, students: 2, headTeacher: null, teachingAssignmentsCarried: 0, teachingAssignmentsDropped: 0 },
    ]);
    expect(plan.teachingAssignmentsCarried).toBe(teachingOf(3, 1) + teachingOf(3, 2));
    expect(plan.researchGroupsKept).toBe(was.groups.length);
    expect(plan.entryClasses).toEqual([{ name: '一年级(1)班', class: null }, { name: '一年级(2)班', class: null }]);
    expect(await state()).toEqual(was);

    const dropping = await rollover({ academicYear: '2027-2028', dryRun: true, carryTeachingAssignments: false, carryHeadTeachers: false });
    expect(dropping).toMatchObject({ teachingAssignmentsCarried: 0, teachingAssignmentsDropped: teachingOf(3, 1) + teachingOf(3, 2), headTeachersCarried: 0 });
    expect(await state()).toEqual(was);
  });

  it('a new entry class that would take a moving class\'s name is refused and changes nothing', async () => {
    const was = await state();
    const refused = await rollover({ academicYear: '2027-2028', dryRun: false, entryClasses: [{ grade: 4, classNo: 2 }] });
    expect(refused.userErrors).toEqual([{ code: 'ENTRY_CLASS_TAKEN', field: ['entryClasses', '0'], message: '新学年已有四年级(2)班（由三年级(2)班升级），不能再开设同名新班', figures: [{ name: 'grade', value: 4 }, { name: 'classNo', value: 2 }] }]);
    expect(await state()).toEqual(was);
  });

  it('rolls over: next-year classes with the students, teaching and head teachers; 九年级 archived and graduated; nothing deleted', async () => {
    const was = await state();
    const done = await rollover({ academicYear: '2027-2028', dryRun: false, entryClasses: [{ grade: 1, classNo: 1 }] });
    expect(done.userErrors).toEqual([]);
    expect(done.dryRun).toBe(false);
    expect(done.classes.map((m: any) => m.to && [m.from.name, m.to.name])).toEqual([['三年级(1)班', '四年级(1)班'], ['三年级(2)班', '四年级(2)班'], null, null]);
    expect(done.entryClasses).toEqual([{ name: '一年级(1)班', class: { id: expect.any(String), name: '一年级(1)班' } }]);
    const now = await state();
    // Nothing of last year is deleted: every class, teaching row, group and link is still there.
    for (const c of was.classes) expect(now.classes.map((x: any) => x.id)).toContain(c.id);
    expect(now.classes.filter((c: any) => was.classes.some((o: any) => o.id === c.id)).every((c: any) => c.archived_at !== null)).toBe(true);
    for (const row of was.teaching) expect(now.teaching).toContainEqual(row);
    expect(now.groups).toEqual(was.groups);
    expect(now.members).toEqual(was.members);
    expect(now.parentLinks).toEqual(was.parentLinks);
    expect(now.work).toEqual(was.work);
    expect(now.past).toHaveLength(8);

    const four1 = done.classes[0].to.id;
    const { class: c } = await t.ok(`query($c: ID!) { class(id: $c) { name grade classNo archivedAt students { username class { name } } headTeacher { username } teachingAssignments { teacher { username } subject { name } } } }`, { c: four1 }, tok.jiaowu);
    expect(c).toMatchObject({ name: '四年级(1)班', grade: 4, classNo: 1, archivedAt: null, students: [{ username: 's30101', class: { name: '四年级(1)班' } }, { username: 's30102', class: { name: '四年级(1)班' } }] });
    expect(c.headTeacher).toEqual(done.classes[0].headTeacher);
    expect(c.teachingAssignments.map((x: any) => `${x.teacher.username}/${x.subject.name}`).sort())
      .toEqual((before["三年级(1)班 and its students, read by the office"] as any).class.teachingAssignments.map((x: any) => `${x.teacher.username}/${x.subject.name}`).sort());
    const { class: old } = await t.ok(`query($c: ID!) { class(id: $c) { name archivedAt } }`, { c: classGid(9, 1) }, tok.jiaowu);
    expect(old).toEqual({ name: '九年级(1)班', archivedAt: expect.any(String) });
  });

  it("last year's class week, marks and record sheets answer exactly as before", async () => {
    for (const [name, read] of Object.entries(READS)) expect([name, await read()]).toEqual([name, before[name]]);
  });

  it('graduates cannot sign in and their tokens stop working; their parents still see them and their history', async () => {
    await t.expectToFail('UNAUTHENTICATED', `{ me { id } }`, {}, tok.s90101);
    // The same password signed s90101 in before the rollover; a classmate who moved up still signs in.
    await expect(t.login('s90101')).rejects.toThrow('UNAUTHENTICATED');
    expect(await t.login('s30102')).toEqual(expect.any(String));
    const { me } = await t.ok(`{ me { children { student { username graduatedAt deactivatedAt class { name archivedAt } } } } }`, {}, tok.p90101);
    expect(me.children).toEqual([{ student: { username: 's90101', graduatedAt: expect.any(String), deactivatedAt: expect.any(String), class: { name: '九年级(1)班', archivedAt: expect.any(String) } } }]);
  });

  it('teachers and students see only current classes; the office lists archived ones on request', async () => {
    const names = async (token: string, args = '') => (await t.ok(`{ classes${args} { name } }`, {}, token)).classes.map((c: any) => c.name);
    expect(await names(tok.t3sx1)).toEqual(['四年级(1)班']);
    expect(await names(tok.s30101)).toEqual(['四年级(1)班']);
    expect(await names(tok.t9sx1)).toEqual([]);
    expect(await names(tok.jiaowu)).toEqual(['一年级(1)班', '四年级(1)班', '四年级(2)班']);
    expect(await names(tok.jiaowu, '(includeArchived: true)')).toEqual(['一年级(1)班', '三年级(1)班', '三年级(2)班', '四年级(1)班', '四年级(2)班', '九年级(1)班', '九年级(2)班']);
    const { me } = await t.ok(`{ me { roles teachingAssignments { class { name } } headTeacherOf { name } } }`, {}, tok.t9yw1);
    // 九年级(1)班's head teacher no longer heads a class; the research group (九年级语文) they lead stays.
    expect(me).toEqual({ roles: ['RESEARCH_LEAD', 'TEACHER'], teachingAssignments: [], headTeacherOf: [] });
    const three = await t.ok(`{ me { teachingAssignments { class { name } } } }`, {}, tok.t3sx1);
    expect(three.me.teachingAssignments).toEqual([{ class: { name: '四年级(1)班' } }]);
    // Last year's class takes no new homework.
    const item = await insertItem(t, { subject: 'math', grade: 3, title: '不该布置', minutes: 5 });
    const subjectId = toGlobalId('Subject', t.schools[0].subjects.find((s) => s.code === 'math')!.id);
    const { assignmentCreate } = await t.ok(`mutation($i: AssignmentCreateInput!) { assignmentCreate(input: $i) { assignment { id } userErrors { code message } } }`,
      { i: { classId: classGid(3, 1), subjectId, date: '2027-09-07', shape: 'PACKAGES', title: '旧班作业', options: packages(item, item) } }, tok.t3sx1);
    expect(assignmentCreate).toEqual({ assignment: null, userErrors: [{ code: 'CLASS_ARCHIVED', message: '三年级(1)班已在学年升级时归档，只能查看历史，不能再布置作业、任课、任命班主任或编入学生' }] });
  });

  it('a second rollover into the same year, or an earlier one, is refused and changes nothing', async () => {
    const was = await state();
    const again = await rollover({ academicYear: '2027-2028', dryRun: true });
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'YEAR_ALREADY_ROLLED', message: expect.stringMatching(/^学校已于\d{4}-\d\d-\d\d升级到2027-2028学年，同一学年不能再升级一次$/) })]);
    const back = await rollover({ academicYear: '2026-2027', dryRun: false });
    expect(back.userErrors).toEqual([expect.objectContaining({ code: 'YEAR_ALREADY_ROLLED', message: '学校已升级到2027-2028学年，不能再升级到更早的2026-2027学年' })]);
    expect(await state()).toEqual(was);
  });

  it('the command line rolls over too: a dry run prints the plan and changes nothing; a refusal exits non-zero', async () => {
    const run = async (args: string[]) => {
      const out: string[] = [];
      const code = await t.cli(args, out);
      return { code, out };
    };
    const was = await state();
    const missing = await run(['school-year-rollover', '--school', SCHOOL.code, '--year', '2028-2029', '--dry-run']);
    expect(missing.code).not.toBe(0);
    expect(missing.out.join('\n')).toContain('2028-2029学年还没有建立学期');
    await t.db.dataSource.query(
      `INSERT INTO terms (school_id, id, name, academic_year, term_no, starts_on, ends_on) VALUES
         ($1, gen_random_uuid(), '2028—2029学年第一学期', '2028-2029', 1, '2028-09-01', '2029-01-19'),
         ($1, gen_random_uuid(), '2028—2029学年第二学期', '2028-2029', 2, '2029-02-19', '2029-07-06')`, [schoolId()]);
    const dry = await run(['school-year-rollover', '--school', SCHOOL.code, '--year', '2028-2029', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toEqual(expect.arrayContaining([expect.stringMatching(/^一年级\(1\)班 → 二年级\(1\)班: 0 students/), expect.stringMatching(/^四年级\(2\)班 → 五年级\(2\)班: 2 students/)]));
    expect(dry.out[dry.out.length - 1]).toMatch(/^dry run, nothing changed: would roll 测试升级校 from 2027-2028 into 2028-2029: 4 students moved up, 0 graduated/);
    expect(await state()).toEqual(was);
  });
});
