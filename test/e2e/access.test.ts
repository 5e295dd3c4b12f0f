import { toGlobalId } from '../../src/core/ids';
import { SMALL_SCHOOL } from '../support/fixtures';
import { graphql } from '../graphql';
import type { UsersPageQuery } from '../graphql/graphql';
import { TestApp } from '../support/test-app';

/** Role × operation authorization, and row scoping inside one school. */
let t: TestApp;
const tokens: Record<string, string> = {};
const ROLES = { office: 'jiaowu', teacher: 't3sx1', head: 't3yw1', student: 's30101', parent: 'p30101' } as const;

const classGid = (grade: number, no: number) =>
  toGlobalId('Class', t.schools[0].classes.find((c) => c.grade === grade && c.classNo === no)!.id);
const userGid = (username: string) => toGlobalId('User', t.user(username).id);

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL]);
  for (const [key, username] of Object.entries(ROLES)) tokens[key] = await t.login(username);
});
afterAll(() => t?.stop());

describe('row scoping', () => {
  const names = (list: { name: string }[]) => list.map((c) => c.name);

  it('each role lists only the classes it works with', async () => {
    const q = graphql(`query ClassNames { classes { name } }`);
    expect(names((await t.op(q, {}, tokens.office)).classes)).toEqual(['三年级(1)班', '三年级(2)班', '八年级(1)班', '八年级(2)班']);
    expect(names((await t.op(q, {}, tokens.teacher)).classes)).toEqual(['三年级(1)班']);
    expect(names((await t.op(q, {}, await t.login('t3kx'))).classes)).toEqual(['三年级(1)班', '三年级(2)班']);
    expect(names((await t.op(q, {}, tokens.student)).classes)).toEqual(['三年级(1)班']);
    expect(names((await t.op(q, {}, tokens.parent)).classes)).toEqual(['三年级(1)班']);
  });

  it('a teacher cannot open a class they do not teach', async () => {
    await t.expectToFail('NOT_FOUND', `query($id: ID!) { class(id: $id) { name } }`, { id: classGid(3, 2) }, tokens.teacher);
  });

  it('a student sees themself and staff, never a classmate', async () => {
    const q = graphql(`query UserName($id: ID!) { user(id: $id) { displayName } }`);
    expect((await t.op(q, { id: userGid('s30101') }, tokens.student)).user?.displayName).toBe(t.user('s30101').displayName);
    expect((await t.op(q, { id: userGid('t3sx1') }, tokens.student)).user?.displayName).toBe(t.user('t3sx1').displayName);
    await t.expectToFail('NOT_FOUND', q.toString(), { id: userGid('s30102') }, tokens.student);
    await t.expectToFail('NOT_FOUND', q.toString(), { id: userGid('p30101') }, tokens.student);
  });

  it('a parent sees only their own child', async () => {
    const q = `query($id: ID!) { user(id: $id) { displayName } }`;
    expect((await t.ok(q, { id: userGid('s30101') }, tokens.parent)).user.displayName).toBe(t.user('s30101').displayName);
    await t.expectToFail('NOT_FOUND', q, { id: userGid('s30102') }, tokens.parent);
    await t.expectToFail('NOT_FOUND', q, { id: userGid('p30102') }, tokens.parent);
  });

  it('a teacher sees students and parents of classes they teach, not of others', async () => {
    const q = `query($id: ID!) { user(id: $id) { displayName } }`;
    await t.ok(q, { id: userGid('s30101') }, tokens.teacher);
    await t.ok(q, { id: userGid('p30101') }, tokens.teacher);
    await t.expectToFail('NOT_FOUND', q, { id: userGid('s30201') }, tokens.teacher);
    await t.expectToFail('NOT_FOUND', q, { id: userGid('p30201') }, tokens.teacher);
  });

  it('a parent reading a teacher does not see the teacher\'s other classes', async () => {
    const { user } = await t.ok(
      `query($id: ID!) { user(id: $id) { teachingAssignments { class { name } } headTeacherOf { name } } }`,
      { id: userGid('t3kx') },
      tokens.parent,
    );
    expect(user.teachingAssignments).toEqual([{ class: { name: '三年级(1)班' } }]);
  });

  it('a student may not list their classmates', async () => {
    const error = await t.expectToFail('FORBIDDEN', `{ me { class { name students { id } } } }`, {}, tokens.student);
    expect(error.message).toMatch(/^(你的角色无权进行此操作|只有在三年级\(1\)班任教或任职的教职工可以查看学生名单)$/);
  });

  it('a malformed or wrong-type id is BAD_USER_INPUT naming the argument', async () => {
    const error = await t.expectToFail('BAD_USER_INPUT', `query($id: ID!) { class(id: $id) { name } }`, { id: userGid('s30101') }, tokens.office);
    expect(error.message).toBe('id 不是有效的班级编号');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'INVALID_ID' });
    await t.expectToFail('BAD_USER_INPUT', `query($id: ID!) { class(id: $id) { name } }`, { id: 'garbage' }, tokens.office);
  });
});

describe('appointing a head teacher', () => {
  const SET = `mutation($input: ClassHeadTeacherSetInput!) {
    classHeadTeacherSet(input: $input) { class { name headTeacher { username } } userErrors { code field message } } }`;

  it('the academic office appoints a teacher, who then leads the class', async () => {
    const { classHeadTeacherSet } = await t.ok(SET, { input: { classId: classGid(8, 2), teacherId: userGid('t8wl') } }, tokens.office);
    expect(classHeadTeacherSet).toEqual({ class: { name: '八年级(2)班', headTeacher: { username: 't8wl' } }, userErrors: [] });
    const { me } = await t.ok(`{ me { roles headTeacherOf { name students { id } } } }`, {}, await t.login('t8wl'));
    expect(me.roles).toContain('HEAD_TEACHER');
    expect(me.headTeacherOf[0].students).toHaveLength(3);
  });

  it('refuses someone who is not a teacher, leaving the class as it was', async () => {
    const before = await t.db.dataSource.query(`SELECT head_teacher_id FROM classes WHERE id = $1`, [t.schools[0].classes[0].id]);
    const { classHeadTeacherSet } = await t.ok(SET, { input: { classId: classGid(3, 1), teacherId: userGid('p30101') } }, tokens.office);
    expect(classHeadTeacherSet.class).toBeNull();
    expect(classHeadTeacherSet.userErrors).toEqual([
      { code: 'NOT_A_TEACHER', field: ['teacherId'], message: `${t.user('p30101').displayName}不是本校教师` },
    ]);
    expect(await t.db.dataSource.query(`SELECT head_teacher_id FROM classes WHERE id = $1`, [t.schools[0].classes[0].id])).toEqual(before);
  });
});

describe('users connection', () => {
  const USERS = graphql(`query UsersPage($first: Int!, $after: String, $role: Role) {
    users(first: $first, after: $after, role: $role) { edges { cursor node { username } } pageInfo { hasNextPage endCursor } } }`);
  const Q = USERS.toString();

  it('pages through every user in username order without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { users }: UsersPageQuery = await t.op(USERS, { first: 7, after }, tokens.office);
      seen.push(...users.edges.map((e) => e.node.username));
      if (!users.pageInfo.hasNextPage) break;
      after = users.pageInfo.endCursor;
    }
    const expected = t.schools[0].users.map((u) => u.username).sort();
    expect(seen).toEqual(expected);
  });

  it('filters by role, including roles held by position', async () => {
    const { users } = await t.op(USERS, { first: 100, role: 'RESEARCH_LEAD' }, tokens.office);
    expect(users.edges).toHaveLength(t.schools[0].groups.length);
  });

  it('refuses a page size above 100 and a forged cursor', async () => {
    await t.expectToFail('BAD_USER_INPUT', Q, { first: 101 }, tokens.office);
    const error = await t.expectToFail('BAD_USER_INPUT', Q, { first: 5, after: 'not-a-cursor' }, tokens.office);
    expect(error.extensions).toMatchObject({ field: 'after', reason: 'BAD_CURSOR' });
  });
});
