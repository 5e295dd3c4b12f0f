import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { pdfPages, squeezed } from '../support/pdf';
import { TestApp } from '../support/test-app';

/**
 * Accounts handed out on paper: the academic office issues initial passwords and prints account
 * slips; the first sign-in with a slip's password must change it before anything else; a new
 * slip (a reset) invalidates the earlier one. Read back as a person meets them: the PDF's text
 * with pdfjs-dist, the workbook with exceljs.
 */
const SCHOOL = { code: 'slip-test', name: '测试发条校', stage: SchoolStage.PRIMARY, grades: [3], classesPerGrade: 2, studentsPerClass: 3, nameSeed: 61 };

let t: TestApp;
let office: string;
/** The initial passwords of the latest slips, by username. */
let slip: Record<string, string> = {};
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token mustChangePassword user { username mustChangePassword } userErrors { code } } }`;
const ISSUE = `mutation($i: AccountSlipsIssueInput!) { accountSlipsIssue(input: $i) {
  file { fileName mimeType contentBase64 } accounts { username displayName roleName className childName initialPassword user { id } }
  userErrors { code message field figures { name value } } } }`;

const cls = (classNo: number) => t.schools[0].classes.find((c) => c.grade === 3 && c.classNo === classNo)!;
const classGid = (classNo: number) => toGlobalId('Class', cls(classNo).id);
const usersOf = (classNo: number) => {
  const students = t.schools[0].users.filter((u) => u.classId === cls(classNo).id);
  const parents = t.schools[0].parentLinks.filter((l) => students.some((s) => s.id === l.studentId)).map((l) => t.schools[0].users.find((u) => u.id === l.parentId)!);
  return [...students, ...parents];
};
const login = (username: string, password: string) => t.gql(LOGIN, { i: { schoolCode: SCHOOL.code, username, password } });
const hashes = async () => Object.fromEntries((await t.db.dataSource.query(
  `SELECT username, password_hash, must_change_password, token_version FROM users WHERE school_id = $1 ORDER BY username`, [t.schools[0].schoolId],
)).map((r: any) => [r.username, `${r.password_hash}|${r.must_change_password}|${r.token_version}`]));
/** What a roster import leaves: accounts without a password, to be issued on slips. */
const asFromRoster = (usernames: string[]) => t.db.dataSource.query(
  `UPDATE users SET password_hash = NULL, must_change_password = true WHERE school_id = $1 AND username = ANY($2::text[])`, [t.schools[0].schoolId, usernames]);

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  office = await t.login('jiaowu');
  await asFromRoster(usersOf(1).map((u) => u.username));
});
afterAll(() => t?.stop());

describe('account slips', () => {
  it('an account without a password cannot sign in', async () => {
    expect((await login('s30101', '')).errors).toBeDefined();
    const r = await login('s30101', 'xuesheng2026');
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("a class's slips: students each followed by their parents, a PDF with every name, username and initial password; only hashes are kept", async () => {
    const { accountSlipsIssue: r } = await t.ok(ISSUE, { i: { classId: classGid(1) } }, office);
    expect(r.userErrors).toEqual([]);
    const expected = usersOf(1);
    expect(r.accounts.map((a: any) => a.username).sort()).toEqual(expected.map((u) => u.username).sort());
    const students = r.accounts.filter((a: any) => a.roleName === '学生');
    expect(students.map((a: any) => a.username)).toEqual(['s30101', 's30102', 's30103']);
    // Each student's slip is followed by their parent's, which names the child.
    expect(r.accounts.map((a: any) => a.username)).toEqual(['s30101', 'p30101', 's30102', 'p30102', 's30103', 'p30103']);
    expect(r.accounts[1]).toMatchObject({ roleName: '家长', childName: t.user('s30101').displayName, className: '三年级(1)班' });
    for (const a of r.accounts) expect(a.initialPassword).toMatch(/^[a-hj-km-np-z2-9]{10}$/);
    expect(new Set(r.accounts.map((a: any) => a.initialPassword)).size).toBe(6);

    expect(r.file).toMatchObject({ mimeType: 'application/pdf', fileName: `${SCHOOL.name}账号条-三年级(1)班.pdf` });
    const pages = await pdfPages(Buffer.from(r.file.contentBase64, 'base64'));
    expect(pages).toHaveLength(1);
    expect(pages[0].width).toBeCloseTo(595.28, 0);
    const text = squeezed(pages[0].text);
    for (const phrase of [`${SCHOOL.name}·账号条`, `学校代码：${SCHOOL.code}`, '班级：三年级(1)班', '首次登录须修改密码', '沿虚线剪开']) expect(text).toContain(phrase);
    for (const a of r.accounts) {
      expect(text).toContain(`用户名：${a.username}`);
      expect(text).toContain(`初始密码：${a.initialPassword}`);
      expect(text).toContain(squeezed(a.displayName));
    }

    const rows = await t.db.dataSource.query(
      `SELECT username, password_hash, must_change_password FROM users WHERE school_id = $1 AND username = ANY($2::text[])`, [t.schools[0].schoolId, expected.map((u) => u.username)]);
    for (const row of rows) {
      const issued = r.accounts.find((a: any) => a.username === row.username);
      expect(row.must_change_password).toBe(true);
      expect(row.password_hash).toMatch(/^scrypt\$/);
      expect(row.password_hash).not.toContain(issued.initialPassword);
    }
    slip = Object.fromEntries(r.accounts.map((a: any) => [a.username, a.initialPassword]));
  });

  it('signing in with the slip must change the password first: every other operation is refused until then', async () => {
    const first = await login('s30101', slip.s30101);
    expect(first.errors).toBeUndefined();
    expect(first.data.login).toMatchObject({ mustChangePassword: true, user: { username: 's30101', mustChangePassword: true }, userErrors: [] });
    const token = first.data.login.token;
    expect((await t.ok(`{ me { username mustChangePassword } }`, {}, token)).me).toEqual({ username: 's30101', mustChangePassword: true });
    for (const query of [`{ school { name } }`, `{ me { username } school { name } }`, `mutation { assignmentChoose(input: { assignmentId: "x", choice: "A" }) { userErrors { code } } }`]) {
      const refused = await t.expectToFail('PASSWORD_CHANGE_REQUIRED', query, {}, token);
      expect(refused.message).toContain('首次登录须修改密码');
    }
    // A sign-in and another field in one document: the second is refused too.
    const both = await t.gql(`mutation($i: LoginInput!) { login(input: $i) { mustChangePassword } assignmentChoose(input: { assignmentId: "x", choice: "A" }) { userErrors { code } } }`,
      { i: { schoolCode: SCHOOL.code, username: 's30101', password: slip.s30101 } });
    expect(both.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['assignmentChoose'], 'PASSWORD_CHANGE_REQUIRED']]);

    const again = (await login('s30101', slip.s30101)).data.login.token;
    const { passwordChange } = await t.ok(`mutation($i: PasswordChangeInput!) { passwordChange(input: $i) { token mustChangePassword userErrors { code } } }`,
      { i: { currentPassword: slip.s30101, newPassword: 'mein-neues-2026' } }, again);
    expect(passwordChange).toMatchObject({ mustChangePassword: false, userErrors: [] });
    expect((await t.ok(`{ me { mustChangePassword } school { name } }`, {}, passwordChange.token))).toEqual({ me: { mustChangePassword: false }, school: { name: SCHOOL.name } });
    expect((await login('s30101', 'mein-neues-2026')).data.login.mustChangePassword).toBe(false);
    expect((await login('s30101', slip.s30101)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('accounts with passwords of their own are unaffected, and printing the class again skips them', async () => {
    const teacher = await t.login('t3yw1');
    expect((await t.ok(`{ me { mustChangePassword } school { name } }`, {}, teacher)).me.mustChangePassword).toBe(false);
    const { accountSlipsIssue: r } = await t.ok(ISSUE, { i: { classId: classGid(1), format: 'XLSX' } }, office);
    // s30101 changed their password: no new slip; the other five still must change, so they get new ones.
    expect(r.accounts.map((a: any) => a.username)).toEqual(['p30101', 's30102', 'p30102', 's30103', 'p30103']);
    expect((await login('s30102', slip.s30102)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login('s30102', r.accounts[1].initialPassword)).data.login.mustChangePassword).toBe(true);
    slip = Object.fromEntries(r.accounts.map((a: any) => [a.username, a.initialPassword]));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(r.file.contentBase64, 'base64') as never);
    const sheet = workbook.getWorksheet('账号条')!;
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(String(sheet.getCell(1, 1).value)).toContain(`${SCHOOL.name}账号条（三年级(1)班`);
    expect(sheet.getRow(2).values).toEqual([undefined, '学校代码', '班级', '姓名', '身份', '用户名', '初始密码']);
    expect(sheet.getRow(3).values).toEqual([undefined, SCHOOL.code, '三年级(1)班', t.user('p30101').displayName, `家长（${t.user('s30101').displayName}）`, 'p30101', r.accounts[0].initialPassword]);
    expect(String(sheet.getCell(8, 1).value)).toContain('首次登录须修改密码');
  });

  it("a reset (naming the account) issues a new slip: the earlier password and the account's tokens stop working", async () => {
    const teacherToken = await t.login('t3sx1');
    const { accountSlipsIssue: r } = await t.ok(ISSUE, { i: { userIds: [toGlobalId('User', t.user('t3sx1').id)] } }, office);
    expect(r.accounts).toEqual([expect.objectContaining({ username: 't3sx1', roleName: '教师', className: '教职工', childName: null })]);
    expect((await t.gql(`{ me { id } }`, {}, teacherToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login('t3sx1', 'jiaoshi2026')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const signedIn = await login('t3sx1', r.accounts[0].initialPassword);
    expect(signedIn.data.login.mustChangePassword).toBe(true);
    await t.expectToFail('PASSWORD_CHANGE_REQUIRED', `{ classes { id } }`, {}, signedIn.data.login.token);
  });

  it("an account the office opens by hand gets its initial password once, to be changed at the first sign-in too", async () => {
    const { userCreate } = await t.ok(`mutation($i: UserCreateInput!) { userCreate(input: $i) { initialPassword userErrors { code } } }`,
      { i: { username: 'zhaolaoshi', displayName: '赵老师', roles: ['TEACHER'] } }, office);
    const r = await login('zhaolaoshi', userCreate.initialPassword);
    expect(r.data.login.mustChangePassword).toBe(true);
    await t.expectToFail('PASSWORD_CHANGE_REQUIRED', `{ classes { id } }`, {}, r.data.login.token);
    // A role the account lacks is still FORBIDDEN first.
    await t.expectToFail('FORBIDDEN', ISSUE, { i: { teachers: true } }, r.data.login.token);
  });

  it('refusals change nothing: nobody to issue, yourself, a teacher asking, no or two selections', async () => {
    const before = await hashes();
    const none = (await t.ok(ISSUE, { i: { classId: classGid(2) } }, office)).accountSlipsIssue;
    expect(none).toMatchObject({ file: null, accounts: null, userErrors: [{ code: 'NO_ACCOUNTS_TO_ISSUE', field: ['classId'] }] });
    expect(none.userErrors[0].message).toContain('三年级(2)班内没有需要发放初始密码的账号');
    const self = (await t.ok(ISSUE, { i: { userIds: [toGlobalId('User', t.user('jiaowu').id)] } }, office)).accountSlipsIssue;
    expect(self.userErrors).toEqual([expect.objectContaining({ code: 'OWN_PASSWORD_RESET', field: ['userIds'] })]);
    await t.expectToFail('FORBIDDEN', ISSUE, { i: { classId: classGid(2) } }, await t.login('t3yw1'));
    await t.expectToFail('BAD_USER_INPUT', ISSUE, { i: {} }, office);
    await t.expectToFail('BAD_USER_INPUT', ISSUE, { i: { classId: classGid(2), teachers: true } }, office);
    expect(await hashes()).toEqual(before);
  });

  it('the staff slips and the command line: `account-slips --school … --class … --out …`', async () => {
    await asFromRoster(['t3yw2', 't3kx']);
    const { accountSlipsIssue: r } = await t.ok(ISSUE, { i: { teachers: true } }, office);
    expect(r.accounts.map((a: any) => a.username)).toEqual(['t3kx', 't3sx1', 't3yw2', 'zhaolaoshi']);

    await asFromRoster(usersOf(2).map((u) => u.username));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slips-cli-'));
    try {
      const out: string[] = [];
      const err: string[] = [];
      const cli = (...argv: string[]) => t.cli(argv, out, err);
      const file = path.join(dir, 'slips.pdf');
      expect(await cli('account-slips', '--school', SCHOOL.code, '--class', '三年级（2）班', '--out', file)).toBe(0);
      expect(out).toEqual([`wrote ${file}: 6 account slips of 三年级(2)班 (new initial passwords; earlier slips of these accounts no longer work)`]);
      const text = squeezed((await pdfPages(fs.readFileSync(file))).map((p) => p.text).join(''));
      for (const u of usersOf(2)) expect(text).toContain(`用户名：${u.username}`);
      const password = /用户名：s30201初始密码：([a-z0-9]{10})/.exec(text)![1];
      expect((await login('s30201', password)).data.login.mustChangePassword).toBe(true);
      // Printed again (a lost sheet): new passwords, and the first sheet's no longer work.
      const again = path.join(dir, 'again.xlsx');
      expect(await cli('account-slips', '--school', SCHOOL.code, '--class', '3.2', '--out', again)).toBe(0);
      expect((await login('s30201', password)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(fs.readFileSync(again) as never);
      const row = workbook.getWorksheet('账号条')!.getRows(3, 6)!.find((r) => r.getCell(5).value === 's30201')!;
      expect((await login('s30201', String(row.getCell(6).value))).data.login.mustChangePassword).toBe(true);
      expect(await cli('account-slips', '--school', SCHOOL.code, '--class', '3.2', '--out', path.join(dir, 'slips.txt'))).toBe(2);
      expect(err.at(-2)).toBe(`homework account-slips: --out must name a .pdf or .xlsx file, got "${path.join(dir, 'slips.txt')}"`);
      expect(await cli('account-slips', '--school', SCHOOL.code, '--class', '3.2', '--teachers', '--out', file)).toBe(2);
      expect(await cli('account-slips', '--school', SCHOOL.code, '--class', '十年级1班', '--out', file)).toBe(2);
      expect(await cli('account-slips', '--school', SCHOOL.code, '--class', '304', '--out', file)).toBe(1);
      expect(err.at(-1)).toBe(`homework account-slips: ${SCHOOL.name} has no class 三年级(4)班`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
