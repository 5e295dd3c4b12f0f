import { SMALL_SCHOOL } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * A real school builds its structure through GraphQL after `school-create`: a term and its
 * calendar, subjects, classes, teachers and their teaching, a head teacher, a research group,
 * a student and a parent. Every refusal is a userError in Chinese and changes nothing.
 */
let t: TestApp;
let office: string;
const CODE = 'xinkai';

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL]);
  const out: string[] = [];
  const code = await t.cli(['school-create', '--code', CODE, '--name', '新开小学', '--stage', '小学', '--admin-username', 'zhuren', '--admin-name', '王主任'], out);
  expect(code).toBe(0);
  office = await signIn('zhuren', /password (\S+)/.exec(out[0])![1]);
});
afterAll(() => t?.stop());

async function signIn(username: string, password: string): Promise<string> {
  const { login } = await t.ok(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { schoolCode: CODE, username, password } });
  return login.token;
}

/** Runs a mutation `name(input: $i) { … userErrors }` as `token`; returns its payload. */
async function mutate(name: string, inputType: string, input: Record<string, unknown>, fields: string, token = office) {
  const data = await t.ok(
    `mutation($i: ${inputType}!) { ${name}(input: $i) { ${fields} userErrors { code field message figures { name value } } } }`,
    { i: input }, token,
  );
  return data[name];
}

const ids: Record<string, string> = {};
const passwords: Record<string, string> = {};
const TERM_FIELDS = 'term { id name startsOn endsOn revision }';
const CALENDAR_FIELDS = `term { revision } calendarDays { day kind name } schoolDays weekendDays holidayDays`;
const USER_FIELDS = 'user { id username displayName studentNo revision deactivatedAt roles class { name } }';
const CREATE_FIELDS = `${USER_FIELDS} initialPassword`;

const countOf = async (sql: string, params: unknown[] = []) => (await t.db.dataSource.query(sql, params))[0].n as number;
const schoolId = async () => (await t.db.dataSource.query(`SELECT school_id AS id FROM schools WHERE code = $1`, [CODE]))[0].id as string;

describe('the academic office builds a school from scratch', () => {
  it('adds a term, named from its year and number; the same term twice is refused', async () => {
    const created = await mutate('termCreate', 'TermCreateInput', { academicYear: '2026-2027', termNo: 1, startsOn: '2026-09-01', endsOn: '2027-01-22' }, TERM_FIELDS);
    expect(created).toMatchObject({ term: { name: '2026—2027学年第一学期', startsOn: '2026-09-01', endsOn: '2027-01-22', revision: 1 }, userErrors: [] });
    ids.term = created.term.id;
    const again = await mutate('termCreate', 'TermCreateInput', { academicYear: '2026-2027', termNo: 1, startsOn: '2026-09-02', endsOn: '2027-01-20' }, TERM_FIELDS);
    expect(again).toEqual({ term: null, userErrors: [{ code: 'TERM_EXISTS', field: ['termNo'], message: '2026—2027学年第一学期已存在', figures: [{ name: 'termNo', value: 1 }] }] });
    const overlapping = await mutate('termCreate', 'TermCreateInput', { academicYear: '2026-2027', termNo: 2, startsOn: '2027-01-10', endsOn: '2027-07-09' }, TERM_FIELDS);
    expect(overlapping.userErrors).toEqual([expect.objectContaining({ code: 'TERM_OVERLAP', message: '与2026—2027学年第一学期（2026-09-01 至 2027-01-22）的日期重叠' })]);
    expect(await countOf(`SELECT count(*)::int AS n FROM terms WHERE school_id = $1`, [await schoolId()])).toBe(1);
  });

  it("sets the term's calendar with one holiday and one 调休 day; a stale revision is refused and changes nothing", async () => {
    const input = {
      termId: ids.term, expectedRevision: 1,
      holidays: [{ day: '2026-10-01', name: '国庆节' }], makeUpSchoolDays: [{ day: '2026-10-10', name: '国庆调休' }],
    };
    const set = await mutate('calendarTermSet', 'CalendarTermSetInput', input, CALENDAR_FIELDS);
    // 2026-09-01 – 2027-01-22 has 104 weekdays and 40 weekend days; the holiday is a Thursday, the 调休 day a Saturday.
    expect(set).toEqual({
      term: { revision: 2 },
      calendarDays: [{ day: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' }, { day: '2026-10-10', kind: 'SCHOOL_DAY', name: '国庆调休' }],
      schoolDays: 104, weekendDays: 39, holidayDays: 1, userErrors: [],
    });
    const stale = await mutate('calendarTermSet', 'CalendarTermSetInput', { ...input, holidays: [] }, CALENDAR_FIELDS);
    expect(stale).toMatchObject({ calendarDays: null, userErrors: [{
      code: 'STALE_REVISION', message: '2026—2027学年第一学期已被他人修改：你编辑的是第 1 版，当前是第 2 版。请刷新后再改',
      figures: [{ name: 'currentRevision', value: 2 }, { name: 'expectedRevision', value: 1 }],
    }] });
    const weekdayMakeUp = await mutate('calendarTermSet', 'CalendarTermSetInput', { ...input, expectedRevision: 2, makeUpSchoolDays: [{ day: '2026-10-09', name: '调休' }] }, CALENDAR_FIELDS);
    expect(weekdayMakeUp.userErrors).toEqual([expect.objectContaining({ code: 'MAKE_UP_DAY_NOT_WEEKEND', message: '调休上课日 2026-10-09 不是周六或周日' })]);
    const { calendar } = await t.ok(`{ calendar(from: "2026-09-01", to: "2027-01-22") { day kind } }`, {}, office);
    expect(calendar).toEqual([{ day: '2026-10-01', kind: 'HOLIDAY' }, { day: '2026-10-10', kind: 'SCHOOL_DAY' }]);
  });

  it('adds subjects by their Chinese names with generated codes; a duplicate name is refused', async () => {
    for (const [name, code] of [['语文', 'chinese'], ['数学', 'math']]) {
      const r = await mutate('subjectCreate', 'SubjectCreateInput', { name }, 'subject { id code name revision }');
      expect(r).toMatchObject({ subject: { code, name, revision: 1 }, userErrors: [] });
      ids[code] = r.subject.id;
    }
    const again = await mutate('subjectCreate', 'SubjectCreateInput', { name: ' 数学 ' }, 'subject { id }');
    expect(again).toEqual({ subject: null, userErrors: [{ code: 'SUBJECT_EXISTS', field: ['name'], message: '学科“数学”已存在', figures: [] }] });
    const { school } = await t.ok(`{ school { subjects { name } } }`, {}, office);
    expect(school.subjects).toEqual([{ name: '语文' }, { name: '数学' }]);
  });

  it('adds two classes named from grade and number; a duplicate and a grade the school lacks are refused', async () => {
    for (const classNo of [1, 2]) {
      const r = await mutate('classCreate', 'ClassCreateInput', { grade: 3, classNo }, 'class { id name revision }');
      expect(r).toMatchObject({ class: { name: `三年级(${classNo})班`, revision: 1 }, userErrors: [] });
      ids[`class${classNo}`] = r.class.id;
    }
    expect(await mutate('classCreate', 'ClassCreateInput', { grade: 3, classNo: 2 }, 'class { id }')).toEqual({
      class: null, userErrors: [{ code: 'CLASS_EXISTS', field: ['classNo'], message: '三年级(2)班已存在', figures: [{ name: 'grade', value: 3 }, { name: 'classNo', value: 2 }] }],
    });
    expect((await mutate('classCreate', 'ClassCreateInput', { grade: 7, classNo: 1 }, 'class { id }')).userErrors)
      .toEqual([expect.objectContaining({ code: 'GRADE_NOT_IN_SCHOOL', message: '新开小学没有七年级' })]);
    const { classes } = await t.ok(`{ classes { name } }`, {}, office);
    expect(classes).toEqual([{ name: '三年级(1)班' }, { name: '三年级(2)班' }]);
  });

  it('opens two teacher accounts, each with an initial password returned once and stored only as a hash', async () => {
    for (const [username, displayName] of [['wanglaoshi', '王老师'], ['lilaoshi', '李老师']]) {
      const r = await mutate('userCreate', 'UserCreateInput', { username, displayName, roles: ['TEACHER'] }, CREATE_FIELDS);
      expect(r).toMatchObject({ user: { username, displayName, roles: ['TEACHER'], revision: 1, deactivatedAt: null }, userErrors: [] });
      expect(r.initialPassword).toMatch(/^\S{12}$/);
      ids[username] = r.user.id;
      passwords[username] = r.initialPassword;
      const [row] = await t.db.dataSource.query(`SELECT password_hash FROM users WHERE username = $1 AND school_id = $2`, [username, await schoolId()]);
      expect(row.password_hash).toMatch(/^scrypt\$/);
      expect(row.password_hash).not.toContain(r.initialPassword);
    }
    const taken = await mutate('userCreate', 'UserCreateInput', { username: 'wanglaoshi', displayName: '另一位王老师', roles: ['TEACHER'] }, CREATE_FIELDS);
    expect(taken).toEqual({ user: null, initialPassword: null, userErrors: [{ code: 'USERNAME_TAKEN', field: ['username'], message: '用户名 wanglaoshi 已被占用', figures: [] }] });
  });

  it('assigns the teacher to teach 数学 in 三年级(1)班 and makes them its head teacher; the same assignment twice is refused', async () => {
    const input = { teacherId: ids.wanglaoshi, classId: ids.class1, subjectId: ids.math };
    const r = await mutate('teachingAssignmentCreate', 'TeachingAssignmentCreateInput', input, 'teachingAssignment { id teacher { displayName } class { name } subject { name } }');
    expect(r).toMatchObject({ teachingAssignment: { teacher: { displayName: '王老师' }, class: { name: '三年级(1)班' }, subject: { name: '数学' } }, userErrors: [] });
    const again = await mutate('teachingAssignmentCreate', 'TeachingAssignmentCreateInput', input, 'teachingAssignment { id }');
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'TEACHING_ASSIGNMENT_EXISTS', message: '王老师已在三年级(1)班任教数学' })]);
    expect(await countOf(`SELECT count(*)::int AS n FROM teaching_assignments WHERE school_id = $1`, [await schoolId()])).toBe(1);
    const head = await mutate('classHeadTeacherSet', 'ClassHeadTeacherSetInput', { classId: ids.class1, teacherId: ids.wanglaoshi }, 'class { headTeacher { displayName } }');
    expect(head).toEqual({ class: { headTeacher: { displayName: '王老师' } }, userErrors: [] });
  });

  it('adds a research group of 数学 × grade 3 with a lead and a member; a second one is refused', async () => {
    const input = { subjectId: ids.math, grade: 3, leadId: ids.wanglaoshi, memberIds: [ids.lilaoshi] };
    const fields = 'researchGroup { id name revision lead { displayName } members { displayName } subject { name } }';
    const r = await mutate('researchGroupCreate', 'ResearchGroupCreateInput', input, fields);
    expect(r.userErrors).toEqual([]);
    expect(r.researchGroup).toMatchObject({ name: '三年级数学备课组', revision: 1, lead: { displayName: '王老师' }, subject: { name: '数学' } });
    expect(r.researchGroup.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['李老师', '王老师'].sort());
    ids.group = r.researchGroup.id;
    expect((await mutate('researchGroupCreate', 'ResearchGroupCreateInput', input, 'researchGroup { id }')).userErrors)
      .toEqual([expect.objectContaining({ code: 'RESEARCH_GROUP_EXISTS', message: '三年级数学备课组已存在' })]);
    const stale = await mutate('researchGroupUpdate', 'ResearchGroupUpdateInput', { groupId: ids.group, expectedRevision: 2, leadId: ids.lilaoshi, memberIds: [] }, 'researchGroup { id }');
    expect(stale.userErrors).toEqual([expect.objectContaining({ code: 'STALE_REVISION' })]);
    expect(await countOf(`SELECT count(*)::int AS n FROM research_group_members WHERE group_id = $1`, [(await t.db.dataSource.query(`SELECT id FROM research_groups WHERE name = '三年级数学备课组' AND school_id = $1`, [await schoolId()]))[0].id])).toBe(2);
  });

  it('opens a student in a class with a 学籍号 (unique in the school) and a parent linked to the child', async () => {
    const student = await mutate('userCreate', 'UserCreateInput',
      { username: 's001', displayName: '张小明', roles: ['STUDENT'], classId: ids.class1, studentNo: 'G2026001' }, CREATE_FIELDS);
    expect(student).toMatchObject({ user: { studentNo: 'G2026001', class: { name: '三年级(1)班' }, roles: ['STUDENT'] }, userErrors: [] });
    ids.student = student.user.id;
    const twin = await mutate('userCreate', 'UserCreateInput',
      { username: 's002', displayName: '张小红', roles: ['STUDENT'], classId: ids.class1, studentNo: 'G2026001' }, CREATE_FIELDS);
    expect(twin).toEqual({ user: null, initialPassword: null, userErrors: [{ code: 'STUDENT_NO_TAKEN', field: ['studentNo'], message: '学籍号 G2026001 已属于张小明', figures: [] }] });
    expect(await countOf(`SELECT count(*)::int AS n FROM users WHERE username = 's002'`)).toBe(0);
    const parent = await mutate('userCreate', 'UserCreateInput',
      { username: 'p001', displayName: '张爸爸', roles: ['PARENT'], children: [{ studentId: ids.student, relation: 'FATHER' }] },
      'user { children { relation student { displayName } } } initialPassword');
    expect(parent).toMatchObject({ user: { children: [{ relation: 'FATHER', student: { displayName: '张小明' } }] }, userErrors: [] });
    const parentToken = await signIn('p001', parent.initialPassword);
    const { me } = await t.ok(`{ me { children { student { displayName class { name } } } } }`, {}, parentToken);
    expect(me.children).toEqual([{ student: { displayName: '张小明', class: { name: '三年级(1)班' } } }]);
  });

  it('the new teacher signs in with the returned password and sees their class and subject', async () => {
    const token = await signIn('wanglaoshi', passwords.wanglaoshi);
    const { me } = await t.ok(`{ me { roles teachingAssignments { class { name } subject { name } } headTeacherOf { name } researchGroups { name } } }`, {}, token);
    expect(me).toEqual({
      roles: ['HEAD_TEACHER', 'RESEARCH_LEAD', 'TEACHER'],
      teachingAssignments: [{ class: { name: '三年级(1)班' }, subject: { name: '数学' } }],
      headTeacherOf: [{ name: '三年级(1)班' }],
      researchGroups: [{ name: '三年级数学备课组' }],
    });
  });

  it('only the academic office changes the structure: a teacher is FORBIDDEN and nothing changes', async () => {
    const token = await signIn('lilaoshi', passwords.lilaoshi);
    await t.expectToFail('FORBIDDEN', `mutation { classCreate(input: { grade: 3, classNo: 3 }) { class { id } } }`, {}, token);
    await t.expectToFail('FORBIDDEN', `mutation { subjectCreate(input: { name: "英语" }) { subject { id } } }`, {}, token);
    await t.expectToFail('FORBIDDEN', `mutation($i: UserCreateInput!) { userCreate(input: $i) { initialPassword } }`,
      { i: { username: 'x01', displayName: '某人', roles: ['ACADEMIC_OFFICE'] } }, token);
    expect(await countOf(`SELECT count(*)::int AS n FROM classes WHERE school_id = $1`, [await schoolId()])).toBe(2);
    expect(await countOf(`SELECT count(*)::int AS n FROM users WHERE school_id = $1`, [await schoolId()])).toBe(5);
  });

  it("moves a student to another class with the revision read; a stale edit is refused and changes nothing", async () => {
    const moved = await mutate('userUpdate', 'UserUpdateInput', { userId: ids.student, expectedRevision: 1, classId: ids.class2, displayName: '张晓明' }, USER_FIELDS);
    expect(moved).toMatchObject({ user: { displayName: '张晓明', class: { name: '三年级(2)班' }, revision: 2 }, userErrors: [] });
    const stale = await mutate('userUpdate', 'UserUpdateInput', { userId: ids.student, expectedRevision: 1, classId: ids.class1 }, USER_FIELDS);
    expect(stale).toMatchObject({ user: null, userErrors: [{ code: 'STALE_REVISION', message: '张晓明已被他人修改：你编辑的是第 1 版，当前是第 2 版。请刷新后再改' }] });
    const { user } = await t.ok(`query($id: ID!) { user(id: $id) { class { name } } }`, { id: ids.student }, office);
    expect(user.class).toEqual({ name: '三年级(2)班' });
  });

  it('a deactivated teacher cannot sign in and their tokens stop working, but their teaching and group still read', async () => {
    const token = await signIn('wanglaoshi', passwords.wanglaoshi);
    const r = await mutate('userDeactivate', 'UserDeactivateInput', { userId: ids.wanglaoshi, expectedRevision: 1 }, 'user { revision deactivatedAt }');
    expect(r.userErrors).toEqual([]);
    expect(r.user.revision).toBe(2);
    expect(r.user.deactivatedAt).not.toBeNull();
    await t.expectToFail('UNAUTHENTICATED', `{ me { id } }`, {}, token);
    await t.expectToFail('UNAUTHENTICATED', `mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { schoolCode: CODE, username: 'wanglaoshi', password: passwords.wanglaoshi } });
    const { class: c } = await t.ok(`query($id: ID!) { class(id: $id) { headTeacher { displayName } teachingAssignments { teacher { displayName deactivatedAt } subject { name } } } }`, { id: ids.class1 }, office);
    expect(c.headTeacher).toEqual({ displayName: '王老师' });
    expect(c.teachingAssignments).toEqual([{ teacher: { displayName: '王老师', deactivatedAt: expect.any(String) }, subject: { name: '数学' } }]);
    const again = await mutate('teachingAssignmentCreate', 'TeachingAssignmentCreateInput', { teacherId: ids.wanglaoshi, classId: ids.class2, subjectId: ids.math }, 'teachingAssignment { id }');
    expect(again).toEqual({ teachingAssignment: null, userErrors: [{ code: 'USER_DEACTIVATED', field: ['teacherId'], message: '该教师已离职，不能再任课（王老师）', figures: [] }] });
    expect(await countOf(`SELECT count(*)::int AS n FROM teaching_assignments WHERE school_id = $1`, [await schoolId()])).toBe(1);
  });

  it('the office cannot remove its own role or deactivate itself', async () => {
    const { me } = await t.ok(`{ me { id revision } }`, {}, office);
    expect((await mutate('userRolesSet', 'UserRolesSetInput', { userId: me.id, expectedRevision: me.revision, roles: ['TEACHER'] }, 'user { id }')).userErrors)
      .toEqual([expect.objectContaining({ code: 'OWN_OFFICE_ROLE', message: '不能取消自己的教务处角色' })]);
    expect((await mutate('userDeactivate', 'UserDeactivateInput', { userId: me.id, expectedRevision: me.revision }, 'user { id }')).userErrors)
      .toEqual([expect.objectContaining({ code: 'OWN_OFFICE_ROLE', message: '不能停用自己的账号' })]);
    const roles = await mutate('userRolesSet', 'UserRolesSetInput', { userId: me.id, expectedRevision: me.revision, roles: ['ACADEMIC_OFFICE', 'TEACHER'] }, 'user { roles revision }');
    expect(roles).toEqual({ user: { roles: ['ACADEMIC_OFFICE', 'TEACHER'], revision: me.revision + 1 }, userErrors: [] });
  });
});
