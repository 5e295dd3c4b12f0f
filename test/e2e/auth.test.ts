import { issueToken } from '../../src/modules/auth/token';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TEST_SECRET, TestApp } from '../support/test-app';

const ME = `{ me { id username displayName roles class { name } children { relation student { displayName } }
  headTeacherOf { name } teachingAssignments { class { name } subject { name } } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token expiresAt user { username } userErrors { code } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL]);
});
afterAll(() => t?.stop());

describe('sign-in', () => {
  it.each([
    ['academic office', 'jiaowu', ['ACADEMIC_OFFICE']],
    ['teacher and head teacher', 't3yw1', ['HEAD_TEACHER', 'RESEARCH_LEAD', 'TEACHER']],
    ['teacher of one subject', 't3kx', ['RESEARCH_LEAD', 'TEACHER']],
    ['student', 's30101', ['STUDENT']],
    ['parent', 'p30101', ['PARENT']],
  ])('a demo %s signs in and reads me', async (_label, username, roles) => {
    const token = await t.login(username);
    const { me } = await t.ok(ME, {}, token);
    expect(me.username).toBe(username);
    expect(me.roles).toEqual(roles);
  });

  it('me shows a student their class, a parent their child, a head teacher their class', async () => {
    const student = (await t.ok(ME, {}, await t.login('s30101'))).me;
    expect(student.class.name).toBe('三年级(1)班');
    const parent = (await t.ok(ME, {}, await t.login('p30101'))).me;
    expect(parent.children).toEqual([
      { relation: expect.stringMatching(/^(MOTHER|FATHER)$/), student: { displayName: t.user('s30101').displayName } },
    ]);
    const head = (await t.ok(ME, {}, await t.login('t3yw1'))).me;
    expect(head.headTeacherOf).toEqual([{ name: '三年级(1)班' }]);
    expect(head.teachingAssignments).toEqual([{ class: { name: '三年级(1)班' }, subject: { name: '语文' } }]);
  });

  it('lets the login payload be read with the new user\'s rights', async () => {
    const { login } = await t.ok(
      `mutation($input: LoginInput!) { login(input: $input) { user { username roles class { name } } } }`,
      { input: { schoolCode: 'test-a', username: 's30101', password: 'xuesheng2026' } },
    );
    expect(login.user).toEqual({ username: 's30101', roles: ['STUDENT'], class: { name: '三年级(1)班' } });
  });

  it('returns a token that expires after the configured time', async () => {
    const before = Date.now();
    const { login } = await t.ok(LOGIN, { input: { schoolCode: 'TEST-A', username: 'S30101', password: 'xuesheng2026' } });
    const expires = new Date(login.expiresAt).getTime();
    expect(expires - before).toBeGreaterThan((t.config.authTokenTtlSeconds - 5) * 1000);
    expect(expires - before).toBeLessThanOrEqual((t.config.authTokenTtlSeconds + 1) * 1000);
  });

  it('refuses a wrong password with UNAUTHENTICATED', async () => {
    const error = await t.expectToFail('UNAUTHENTICATED', LOGIN, {
      input: { schoolCode: 'test-a', username: 's30101', password: 'wrong-password' },
    });
    expect(error.message).toBe('Wrong username or password');
  });

  it('refuses an unknown user exactly like a wrong password', async () => {
    const error = await t.expectToFail('UNAUTHENTICATED', LOGIN, {
      input: { schoolCode: 'test-a', username: 'nobody', password: 'xuesheng2026' },
    });
    expect(error.message).toBe('Wrong username or password');
  });

  it('refuses an unknown school with UNAUTHENTICATED naming the code', async () => {
    const error = await t.expectToFail('UNAUTHENTICATED', LOGIN, {
      input: { schoolCode: 'no-such-school', username: 's30101', password: 'xuesheng2026' },
    });
    expect(error.message).toContain('no-such-school');
  });

  it('refuses malformed credentials with BAD_USER_INPUT naming the field', async () => {
    const error = await t.expectToFail('BAD_USER_INPUT', LOGIN, {
      input: { schoolCode: 'test-a', username: 'x', password: '' },
    });
    expect(error.extensions!.fields.map((f: any) => f.field).sort()).toEqual(['password', 'username']);
  });
});

describe('throttling under parallel guessing', () => {
  it('counts parallel wrong passwords: no more than the limit get checked', async () => {
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      t.gql(LOGIN, { input: { schoolCode: 'test-a', username: 'p30202', password: `guess-${i}` } })));
    const codes = guesses.map((g) => g.errors![0].extensions!.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(7);
  });
});

describe('bearer tokens', () => {
  it('an operation that needs a user without a token is UNAUTHENTICATED', async () => {
    await t.expectToFail('UNAUTHENTICATED', ME);
  });

  it('an expired token is UNAUTHENTICATED with HTTP 401', async () => {
    const user = t.user('s30101');
    const { token } = issueToken(
      { id: user.id, schoolId: t.schools[0].schoolId, tokenVersion: 0 },
      TEST_SECRET,
      60,
      Date.now() - 3600 * 1000,
    );
    const result = await t.gql(ME, {}, token);
    expect(result.status).toBe(401);
    expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(result.errors![0].message).toContain('expired');
  });

  it('a tampered token is UNAUTHENTICATED', async () => {
    const token = await t.login('s30101');
    const [header, body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: t.user('jiaowu').id })).toString('base64url');
    const result = await t.gql(ME, {}, `${header}.${forged}.${signature}`);
    expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(result.errors![0].message).toContain('tampered');
  });

  it('a token signed with another key is UNAUTHENTICATED', async () => {
    const user = t.user('s30101');
    const { token } = issueToken({ id: user.id, schoolId: t.schools[0].schoolId, tokenVersion: 0 }, 'x'.repeat(40), 600);
    await t.expectToFail('UNAUTHENTICATED', ME, {}, token);
  });

  it('a header that is not a bearer token is UNAUTHENTICATED', async () => {
    const result = await t.gql(ME, {}, undefined, { authorization: 'Basic abc' });
    expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('logout revokes every earlier token of the user', async () => {
    const first = await t.login('p30201');
    const second = await t.login('p30201');
    const { logout } = await t.ok(`mutation { logout { revoked userErrors { code } } }`, {}, first);
    expect(logout).toEqual({ revoked: true, userErrors: [] });
    for (const token of [first, second]) {
      const error = await t.expectToFail('UNAUTHENTICATED', ME, {}, token);
      expect(error.message).toContain('revoked');
    }
    const fresh = await t.login('p30201');
    expect((await t.ok(ME, {}, fresh)).me.username).toBe('p30201');
  });
});

describe('password change', () => {
  const CHANGE = `mutation($input: PasswordChangeInput!) {
    passwordChange(input: $input) { token user { username } userErrors { code field message } } }`;

  it('refuses a wrong current password as a userError and keeps the old password', async () => {
    const token = await t.login('s30102');
    const { passwordChange } = await t.ok(CHANGE, { input: { currentPassword: 'nope', newPassword: 'abcdefgh123' } }, token);
    expect(passwordChange.token).toBeNull();
    expect(passwordChange.userErrors).toEqual([
      { code: 'WRONG_PASSWORD', field: ['currentPassword'], message: 'The current password is wrong' },
    ]);
    expect((await t.ok(ME, {}, token)).me.username).toBe('s30102');
    await t.login('s30102');
  });

  it('refuses a weak new password with BAD_USER_INPUT', async () => {
    const token = await t.login('s30102');
    const error = await t.expectToFail('BAD_USER_INPUT', CHANGE, { input: { currentPassword: 'xuesheng2026', newPassword: 'short' } }, token);
    expect(error.extensions!.fields[0].field).toBe('newPassword');
  });

  it('changes the password, revokes older tokens and returns a working one', async () => {
    const old = await t.login('s30103');
    const { passwordChange } = await t.ok(CHANGE, { input: { currentPassword: 'xuesheng2026', newPassword: 'NewSecret2026' } }, old);
    expect(passwordChange.userErrors).toEqual([]);
    await t.expectToFail('UNAUTHENTICATED', ME, {}, old);
    expect((await t.ok(ME, {}, passwordChange.token)).me.username).toBe('s30103');
    await t.expectToFail('UNAUTHENTICATED', LOGIN, { input: { schoolCode: 'test-a', username: 's30103', password: 'xuesheng2026' } });
    const { login } = await t.ok(LOGIN, { input: { schoolCode: 'test-a', username: 's30103', password: 'NewSecret2026' } });
    expect(login.user.username).toBe('s30103');
  });
});
