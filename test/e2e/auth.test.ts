import { createHmac, randomUUID } from 'node:crypto';
import { DEMO_PASSWORDS } from '../../seeds/demo';
import { RequestScope } from '../../src/core/request-scope';
import { accountKey, forgetLoginAttempts } from '../../src/modules/auth/login-attempts';
import { passwordChecks } from '../../src/modules/auth/password-checks';
import { issueToken } from '../../src/modules/auth/token';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TEST_SECRET, TestApp } from '../support/test-app';

const ME = `{ me { id username displayName roles class { name } children { relation student { displayName } }
  headTeacherOf { name } teachingAssignments { class { name } subject { name } } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token expiresAt user { username } userErrors { code } } }`;

let t: TestApp;
beforeAll(async () => {
  // Room in the password check queue for the parallel guesses below: they meet the throttle, not the queue.
  t = await TestApp.start([SMALL_SCHOOL], { PASSWORD_CHECK_QUEUE: '20', PASSWORD_CHECKS_PER_ADDRESS: '20' });
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
    expect(error.message).toBe('用户名或密码错误');
  });

  it('refuses an unknown user exactly like a wrong password', async () => {
    const error = await t.expectToFail('UNAUTHENTICATED', LOGIN, {
      input: { schoolCode: 'test-a', username: 'nobody', password: 'xuesheng2026' },
    });
    expect(error.message).toBe('用户名或密码错误');
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
    const checkedBefore = passwordChecks.stats().checked;
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      t.gql(LOGIN, { input: { schoolCode: 'test-a', username: 'p30202', password: `guess-${i}` } })));
    const codes = guesses.map((g) => g.errors![0].extensions!.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(7);
    expect(passwordChecks.stats().checked - checkedBefore).toBeLessThanOrEqual(5);
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
    expect(result.errors![0].message).toBe('登录已过期，请重新登录');
  });

  it('a tampered token is UNAUTHENTICATED', async () => {
    const token = await t.login('s30101');
    const [header, body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: t.user('jiaowu').id })).toString('base64url');
    const result = await t.gql(ME, {}, `${header}.${forged}.${signature}`);
    expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(result.errors![0].message).toBe('登录令牌被篡改，或不是本服务签发的');
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
      expect(error.message).toBe('该登录令牌已因退出登录或修改密码而失效，请重新登录');
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
      { code: 'WRONG_PASSWORD', field: ['currentPassword'], message: '当前密码不正确' },
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

/** Claims signed with the service's key, as a client holding the key could forge them. */
function signed(claims: unknown): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${createHmac('sha256', TEST_SECRET).update(body).digest('base64url')}`;
}

describe('token claims', () => {
  const claims = () => {
    const iat = Math.floor(Date.now() / 1000);
    return { sub: t.user('s30101').id, sch: t.schools[0].schoolId, ver: 0, iat, exp: iat + 600, jti: randomUUID() };
  };

  it('a token with well-formed claims signed by the service is accepted (the cases below change one claim)', async () => {
    expect((await t.ok(ME, {}, signed(claims()))).me.username).toBe('s30101');
  });

  it.each([
    ['an expiry of 1e20', (c: any) => ({ ...c, exp: 1e20 })],
    ['a lifetime one second longer than the configured one', (c: any) => ({ ...c, exp: c.iat + t.config.authTokenTtlSeconds + 1 })],
    ['an issue time an hour ahead', (c: any) => ({ ...c, iat: c.iat + 3600, exp: c.iat + 3700 })],
    ['an expiry before its issue time', (c: any) => ({ ...c, exp: c.iat - 1, iat: c.iat })],
    ['a school that is not a UUID', (c: any) => ({ ...c, sch: 'not-a-uuid' })],
    ['a user that is not a UUID', (c: any) => ({ ...c, sub: "' OR 1=1 --" })],
    ['a version that is not an integer', (c: any) => ({ ...c, ver: 0.5 })],
    ['a version given as text', (c: any) => ({ ...c, ver: '0' })],
    ['no expiry', ({ exp: _exp, ...c }: any) => c],
    ['claims that are not an object', () => [1, 2, 3]],
    ['claims that are null', () => null],
  ])('a token with %s is UNAUTHENTICATED with HTTP 401', async (_label, change) => {
    const result = await t.gql(ME, {}, signed(change(claims())));
    expect(result.status).toBe(401);
    expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('password change throttling', () => {
  const CHANGE = `mutation($input: PasswordChangeInput!) { passwordChange(input: $input) { token userErrors { code } } }`;
  const hashOf = async (username: string) =>
    (await t.db.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [t.user(username).id]))[0].password_hash;

  it('counts wrong current passwords with the account\'s sign-ins: past the limit it refuses even the right one', async () => {
    const token = await t.login('p30203');
    const before = await hashOf('p30203');
    for (let i = 0; i < 5; i++) {
      const { passwordChange } = await t.ok(CHANGE, { input: { currentPassword: `guess-${i}`, newPassword: 'Changed2026x' } }, token);
      expect(passwordChange.userErrors).toEqual([{ code: 'WRONG_PASSWORD' }]);
    }
    const refused = await t.expectToFail('TOO_MANY_ATTEMPTS', CHANGE, { input: { currentPassword: DEMO_PASSWORDS.parent, newPassword: 'Changed2026x' } }, token);
    expect(refused.extensions).toMatchObject({ maxFailures: 5, retryAfterSeconds: expect.any(Number) });
    expect(await hashOf('p30203')).toBe(before);
    // The guesses count against the account's sign-ins as well.
    await t.expectToFail('TOO_MANY_ATTEMPTS', LOGIN, { input: { schoolCode: 'test-a', username: 'p30203', password: DEMO_PASSWORDS.parent } });
  });

  it.each([
    ['two aliased password changes', `mutation { a: passwordChange(input: { currentPassword: "x1", newPassword: "Changed2026x" }) { token } b: passwordChange(input: { currentPassword: "x2", newPassword: "Changed2026x" }) { token } }`],
    ['a sign-in and a password change', `mutation { login(input: { schoolCode: "test-a", username: "p30103", password: "x1" }) { token } passwordChange(input: { currentPassword: "x2", newPassword: "Changed2026x" }) { token } }`],
    ['two sign-ins, one in a fragment', `mutation { ...Guess login(input: { schoolCode: "test-a", username: "p30103", password: "x1" }) { token } } fragment Guess on Mutation { again: login(input: { schoolCode: "test-a", username: "p30103", password: "x2" }) { token } }`],
  ])('refuses a document with %s before running either', async (_label, document) => {
    const token = await t.login('p30103');
    const before = await t.db.dataSource.query(`SELECT key, failures FROM login_attempts ORDER BY key`);
    const result = await t.gql(document, {}, token);
    expect(result.status).toBe(400);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'password operations', value: 2, max: 1 });
    expect(await t.db.dataSource.query(`SELECT key, failures FROM login_attempts ORDER BY key`)).toEqual(before);
  });
});

describe('the sign-in counter', () => {
  /** Runs `sql` the way a request does: as the service role, `schoolId` set. */
  async function asService<T>(schoolId: string | null, work: (scope: RequestScope) => Promise<T>): Promise<T> {
    const scope = await RequestScope.open(t.db.dataSource, schoolId);
    try {
      const result = await work(scope);
      await scope.commit();
      return result;
    } catch (e) {
      await scope.rollback();
      throw e;
    }
  }

  it('is out of the service role\'s reach, in every school and in none', async () => {
    await t.gql(LOGIN, { input: { schoolCode: 'test-a', username: 't8wl', password: 'wrong-password' } });
    for (const school of [t.schools[0].schoolId, null]) {
      await expect(asService(school, (s) => s.manager.query(`SELECT key FROM login_attempts`))).rejects.toThrow(/permission denied/);
      await expect(asService(school, (s) => s.manager.query(`DELETE FROM login_attempts`))).rejects.toThrow(/permission denied/);
    }
  });

  it('keeps no username, school or address: rows are keyed by keyed hashes', async () => {
    await t.gql(LOGIN, { input: { schoolCode: 'test-a', username: 'p30102', password: 'wrong-password' } });
    await t.gql(LOGIN, { input: { schoolCode: 'no-such-school', username: 'p30102', password: 'wrong-password' } });
    const rows: { key: string; school_id: string | null }[] = await t.db.dataSource.query(`SELECT key, school_id FROM login_attempts`);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row).toEqual({ key: expect.stringMatching(/^(account|address):[0-9a-f]{64}$/), school_id: null });
    expect(rows.map((r) => r.key)).toContain(accountKey(TEST_SECRET, t.schools[0].schoolId, 'p30102'));
  });

  it('forgetLoginAttempts forgets an account\'s attempts, within the caller\'s transaction', async () => {
    for (let i = 0; i < 5; i++) await t.gql(LOGIN, { input: { schoolCode: 'test-a', username: 'p30201', password: `wrong-${i}` } });
    const right = { input: { schoolCode: 'test-a', username: 'p30201', password: DEMO_PASSWORDS.parent } };
    await t.expectToFail('TOO_MANY_ATTEMPTS', LOGIN, right);
    const key = accountKey(TEST_SECRET, t.schools[0].schoolId, 'p30201');
    const count = async () => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM login_attempts WHERE key = $1`, [key]))[0].n;
    // Undone with a transaction that fails…
    await expect(asService(t.schools[0].schoolId, async (s) => {
      await forgetLoginAttempts(s.manager, t.config, t.schools[0].schoolId, 'P30201');
      throw new Error('the deletion failed');
    })).rejects.toThrow('the deletion failed');
    expect(await count()).toBe(1);
    // …done with one that commits.
    await asService(t.schools[0].schoolId, (s) => forgetLoginAttempts(s.manager, t.config, t.schools[0].schoolId, 'p30201'));
    expect(await count()).toBe(0);
    expect((await t.ok(LOGIN, right)).login.user.username).toBe('p30201');
  });
});
