import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { TestApp } from '../support/test-app';

/**
 * Parents bind themselves to their child with the class's join code (班级码), the child's name
 * and the last digits of the 学籍号: approved at once when the roster already lists the parent
 * for the child, otherwise by the head teacher. A child has at most two guardians; guesses are
 * throttled like sign-ins; a refusal changes nothing.
 */
const SCHOOL = { code: 'bind-test', name: '测试绑定校', stage: SchoolStage.PRIMARY, grades: [3], classesPerGrade: 2, studentsPerClass: 4, nameSeed: 73 };

let t: TestApp;
const tok: Record<string, string> = {};
let joinCode: string;

const REGISTER = `mutation($i: ParentRegisterInput!) { parentRegister(input: $i) {
  token user { username mustChangePassword roles }
  request { id status automatic relation consent childName parentName class { name } }
  userErrors { code message field figures { name value } } } }`;
const REQUEST = `mutation($i: ParentBindingRequestInput!) { parentBindingRequest(input: $i) {
  request { id status childName } userErrors { code message field figures { name value } } } }`;
const DECIDE = `mutation($i: ParentBindingDecideInput!) { parentBindingDecide(input: $i) {
  request { id status reason decidedAt student { username } } userErrors { code message field figures { name value } } } }`;
const QUEUE = `query($c: ID, $s: BindingStatus) { parentBindingRequests(classId: $c, status: $s) { id status childName parentName parentUsername reason relation } }`;

const schoolId = () => t.schools[0].schoolId;
const classOf = (no: number) => t.schools[0].classes.find((c) => c.classNo === no)!;
const student = (username: string) => t.user(username);
const digits = (username: string, n = 4) => student(username).studentNo!.slice(-n);
const claim = (username: string, extra: Record<string, unknown> = {}) => ({
  joinCode, childName: student(username).displayName, studentNoDigits: digits(username), relation: 'MOTHER', consent: true, ...extra,
});
const register = (username: string, child: string, extra: Record<string, unknown> = {}) =>
  t.gql(REGISTER, { i: { schoolCode: SCHOOL.code, username, displayName: `${student(child).displayName}妈妈`, password: 'jiazhang-2026x', ...claim(child, extra) } });
const children = async (token: string) => (await t.ok(`{ me { children { relation student { username } } } }`, {}, token)).me.children
  .map((c: any) => `${c.student.username}:${c.relation}`).sort();
/** Everything a binding could change. */
const snapshot = async () => {
  const q = (sql: string) => t.db.dataSource.query(sql, [schoolId()]);
  return {
    users: await q(`SELECT username, password_hash, must_change_password, token_version, guardian_consent_at FROM users WHERE school_id = $1 ORDER BY username`),
    roles: await q(`SELECT user_id, role FROM user_roles WHERE school_id = $1 ORDER BY user_id, role`),
    links: await q(`SELECT parent_id, student_id, relation FROM parent_links WHERE school_id = $1 ORDER BY parent_id, student_id`),
    requests: await q(`SELECT id, status, reason FROM parent_binding_requests WHERE school_id = $1 ORDER BY id`),
  };
};

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['jiaowu', 't3yw1', 't3sx2', 't3yy1', 'p30101']) tok[u] = await t.login(u);
});
afterAll(() => t?.stop());

describe('join codes', () => {
  it('the head teacher and the office see the class join code; others see null; a new code replaces the old', async () => {
    const q = `query($id: ID!) { node(id: $id) { ... on Class { name joinCode } } }`;
    const id = toGlobalId('Class', classOf(1).id);
    const head = (await t.ok(q, { id }, tok.t3yw1)).node;
    expect(head.joinCode).toMatch(/^[0-9A-F]{8}$/);
    expect((await t.ok(q, { id }, tok.jiaowu)).node.joinCode).toBe(head.joinCode);
    expect((await t.ok(q, { id }, tok.t3yy1)).node.joinCode).toBeNull();
    const codes = await t.db.dataSource.query(`SELECT DISTINCT join_code FROM classes WHERE school_id = $1`, [schoolId()]);
    expect(codes).toHaveLength(2);

    const regen = `mutation($c: ID!) { classJoinCodeRegenerate(classId: $c) { joinCode class { name joinCode } userErrors { code } } }`;
    await t.expectToFail('FORBIDDEN', regen, { c: id }, tok.t3sx2);
    const { classJoinCodeRegenerate: r } = await t.ok(regen, { c: id }, tok.t3yw1);
    expect(r.joinCode).toMatch(/^[0-9A-F]{8}$/);
    expect(r.joinCode).not.toBe(head.joinCode);
    expect(r.class).toEqual({ name: '三年级(1)班', joinCode: r.joinCode });
    joinCode = r.joinCode;
    // The old code no longer names the class.
    const old = await register('13700000009', 's30104', { joinCode: head.joinCode });
    expect(old.data.parentRegister.userErrors[0].code).toBe('BINDING_NOT_MATCHED');
  });
});

describe('a parent binds themselves', () => {
  it('approved at once when the roster lists the parent for the child: the account (no password yet) becomes theirs', async () => {
    // What a roster import leaves for a second guardian of s30102: an account named by the mobile, linked, no password.
    const parentId = randomUUID();
    await t.db.dataSource.query(`INSERT INTO users (school_id, id, username, display_name, password_hash, must_change_password) VALUES ($1, $2, '13800000002', '王爸爸', NULL, true)`, [schoolId(), parentId]);
    await t.db.dataSource.query(`INSERT INTO user_roles (school_id, user_id, role) VALUES ($1, $2, 'parent')`, [schoolId(), parentId]);
    await t.db.dataSource.query(`INSERT INTO parent_links (school_id, parent_id, student_id, relation) VALUES ($1, $2, $3, 'father')`, [schoolId(), parentId, student('s30102').id]);

    const r = await register('13800000002', 's30102', { relation: 'FATHER' });
    expect(r.errors).toBeUndefined();
    const p = r.data.parentRegister;
    expect(p.userErrors).toEqual([]);
    expect(p.user).toEqual({ username: '13800000002', mustChangePassword: false, roles: ['PARENT'] });
    expect(p.request).toMatchObject({ status: 'APPROVED', automatic: true, relation: 'FATHER', childName: student('s30102').displayName, class: { name: '三年级(1)班' } });
    expect(await children(p.token)).toEqual(['s30102:FATHER']);
    // The password chosen at registration is theirs: no forced change.
    const login = await t.ok(`mutation { login(input: { schoolCode: "${SCHOOL.code}", username: "13800000002", password: "jiazhang-2026x" }) { mustChangePassword } }`);
    expect(login.login.mustChangePassword).toBe(false);
  });

  it('otherwise a new parent account waits for the head teacher, who approves: the parent then sees the child, with consent given', async () => {
    await t.db.dataSource.query(`UPDATE users SET guardian_consent_at = NULL, guardian_consent_by = NULL WHERE school_id = $1 AND id = $2`, [schoolId(), student('s30101').id]);
    const r = (await register('13900000001', 's30101', { studentNoDigits: digits('s30101', 6) })).data.parentRegister;
    expect(r.userErrors).toEqual([]);
    expect(r.request).toMatchObject({ status: 'PENDING', automatic: false, consent: true });
    expect(r.user).toMatchObject({ username: '13900000001', roles: ['PARENT'] });
    const parent = r.token;
    expect(await children(parent)).toEqual([]);
    // The parent sees their own request; the head teacher has it in the queue; another class's head teacher does not.
    expect((await t.ok(QUEUE, {}, parent)).parentBindingRequests).toEqual([expect.objectContaining({ id: r.request.id, status: 'PENDING' })]);
    const queue = (await t.ok(QUEUE, { s: 'PENDING' }, tok.t3yw1)).parentBindingRequests;
    expect(queue).toEqual([expect.objectContaining({ id: r.request.id, childName: student('s30101').displayName, parentUsername: '13900000001', relation: 'MOTHER' })]);
    expect((await t.ok(QUEUE, { s: 'PENDING' }, tok.t3sx2)).parentBindingRequests).toEqual([]);
    const other = (await t.gql(DECIDE, { i: { requestId: r.request.id, approve: true } }, tok.t3sx2));
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const { parentBindingDecide: d } = await t.ok(DECIDE, { i: { requestId: r.request.id, approve: true } }, tok.t3yw1);
    expect(d).toMatchObject({ userErrors: [], request: { status: 'APPROVED', student: { username: 's30101' } } });
    expect(await children(parent)).toEqual(['s30101:MOTHER']);
    const [consent] = await t.db.dataSource.query(`SELECT guardian_consent_by FROM users WHERE school_id = $1 AND id = $2`, [schoolId(), student('s30101').id]);
    const [mother] = await t.db.dataSource.query(`SELECT id FROM users WHERE school_id = $1 AND username = '13900000001'`, [schoolId()]);
    expect(consent.guardian_consent_by).toBe(mother.id);
    const again = (await t.ok(DECIDE, { i: { requestId: r.request.id, approve: false } }, tok.t3yw1)).parentBindingDecide;
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'BINDING_ALREADY_DECIDED' })]);
  });

  it('a third guardian is refused with the rule, and nothing is created', async () => {
    const before = await snapshot();
    const r = (await register('13900000003', 's30101')).data.parentRegister;
    expect(r).toMatchObject({ token: null, user: null, request: null });
    expect(r.userErrors).toEqual([{
      code: 'GUARDIANS_FULL', field: ['childName'], figures: [{ name: 'maxGuardians', value: 2 }, { name: 'guardians', value: 2 }],
      message: `每名学生最多绑定 2 位监护人，${student('s30101').displayName}已绑定 2 位。如需更换，请联系班主任`,
    }]);
    expect(await snapshot()).toEqual(before);
  });

  it('an existing parent asks for another child: pending, then rejected with a reason; asking for their own child again is refused', async () => {
    const asked = (await t.ok(REQUEST, { i: claim('s30103') }, tok.p30101)).parentBindingRequest;
    expect(asked).toMatchObject({ userErrors: [], request: { status: 'PENDING', childName: student('s30103').displayName } });
    const twice = (await t.ok(REQUEST, { i: claim('s30103') }, tok.p30101)).parentBindingRequest;
    expect(twice.userErrors).toEqual([expect.objectContaining({ code: 'BINDING_PENDING' })]);
    const own = (await t.ok(REQUEST, { i: claim('s30101') }, tok.p30101)).parentBindingRequest;
    expect(own.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_BOUND', message: `你已经绑定了${student('s30101').displayName}，无需再次申请` })]);
    const { parentBindingDecide: d } = await t.ok(DECIDE, { i: { requestId: asked.request.id, approve: false, reason: '家长信息与花名册不符' } }, tok.jiaowu);
    expect(d.request).toMatchObject({ status: 'REJECTED', reason: '家长信息与花名册不符', student: { username: 's30103' } });
    expect(await children(tok.p30101)).toEqual([expect.stringMatching(/^s30101:/)]);
    // The parent reads the reason; the child they were not bound to stays hidden from them.
    expect((await t.ok(`{ parentBindingRequests { status reason student { username } } }`, {}, tok.p30101)).parentBindingRequests)
      .toEqual([{ status: 'REJECTED', reason: '家长信息与花名册不符', student: null }]);
    // Students and teachers cannot ask.
    await t.expectToFail('FORBIDDEN', REQUEST, { i: claim('s30103') }, tok.t3yy1);
  });

  it('wrong last digits are refused without saying which part is wrong, and guessing is throttled', async () => {
    const before = await snapshot();
    for (let left = 4; left >= 0; left--) {
      const r = (await register('13900000004', 's30104', { studentNoDigits: `9${left}99` })).data.parentRegister;
      expect(r.userErrors).toEqual([{
        code: 'BINDING_NOT_MATCHED', field: ['studentNoDigits'], figures: [{ name: 'attemptsLeft', value: left }],
        message: `学校代码、班级码、孩子姓名或学籍号后几位不符，请核对班主任发的班级码和孩子的学籍号（还可尝试 ${left} 次）`,
      }]);
    }
    // Now even the right digits are not checked.
    const paused = await register('13900000004', 's30104');
    expect(paused.errors?.[0].extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    const signedIn = await t.gql(REQUEST, { i: claim('s30104') }, tok.p30101);
    expect(signedIn.errors?.[0].extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    // A wrong name or join code reads the same.
    const wrongName = (await register('13900000005', 's30103', { childName: '不存在' })).data.parentRegister;
    expect(wrongName.userErrors[0].code).toBe('BINDING_NOT_MATCHED');
    const wrongSchool = (await t.gql(REGISTER, { i: { schoolCode: 'nowhere', username: '13900000006', displayName: '某家长', password: 'jiazhang-2026x', ...claim('s30103') } })).data.parentRegister;
    expect(wrongSchool.userErrors[0]).toMatchObject({ code: 'BINDING_NOT_MATCHED', field: ['schoolCode'] });
    expect(await snapshot()).toEqual(before);
  });

  it('a username that already has an account is told to sign in instead', async () => {
    const before = await snapshot();
    const r = (await register('p30102', 's30103')).data.parentRegister;
    expect(r.userErrors).toEqual([expect.objectContaining({ code: 'PARENT_ACCOUNT_EXISTS', field: ['username'] })]);
    expect(await snapshot()).toEqual(before);
  });
});
