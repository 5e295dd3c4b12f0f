import { DEMO_PASSWORDS } from '../../seeds/demo';
import { addressKey } from '../../src/modules/auth/login-attempts';
import { passwordChecks } from '../../src/modules/auth/password-checks';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TEST_SECRET, TestApp } from '../support/test-app';

/**
 * A flood of wrong-password sign-ins from one address must not stall anyone else. The flood's
 * password checks are parked in the hash queue (held, as if hashing took forever): while they
 * wait, a signed-in read and a sign-in from other addresses are answered, so the parked
 * sign-ins hold no database connection (on the embedded database the pool has one). Timings
 * are measured by bench/login-flood.ts, not here.
 */
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token user { username } } }`;
const CHANGE = `mutation($input: PasswordChangeInput!) { passwordChange(input: $input) { token userErrors { code } } }`;
const ME = `{ me { id username } }`;
const FLOOD = '203.0.113.66';
const PER_ADDRESS = 12;

let t: TestApp;
let office: string;
beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL], {
    TRUST_PROXY: 'true',
    PASSWORD_CHECK_CONCURRENCY: '2',
    PASSWORD_CHECK_QUEUE: '20',
    PASSWORD_CHECKS_PER_ADDRESS: String(PER_ADDRESS),
  });
  office = await t.login('jiaowu');
});
afterAll(() => t?.stop());

const from = (address: string) => ({ 'x-forwarded-for': address });

it('50 concurrent wrong sign-ins from one address leave a read and a sign-in from elsewhere unaffected, and are all counted', async () => {
  // 50 accounts, each guessed once: the flood stays under every failure limit.
  const names = [...t.schools[0].users.map((u) => u.username).filter((u) => u !== 'jiaowu' && u !== 's30101'), ...Array.from({ length: 50 }, (_, i) => `nobody${i}`)].slice(0, 50);
  const refusedBefore = passwordChecks.stats().refused;
  const release = passwordChecks.hold(FLOOD);
  const flood = names.map((username) => t.gql(LOGIN, { input: { schoolCode: 'test-a', username, password: 'not-the-password' } }, undefined, from(FLOOD)));
  // (Should a run fail while they are in flight, stopping the service ends them: not unhandled.)
  for (const request of flood) request.catch(() => undefined);
  try {
    // Every sign-in of the flood has reached the queue: parked there, or refused as busy.
    await passwordChecks.until(() => passwordChecks.stats(FLOOD).waiting === PER_ADDRESS && passwordChecks.stats().refused - refusedBefore === 50 - PER_ADDRESS);

    expect((await t.ok(ME, {}, office)).me.username).toBe('jiaowu');
    const signIn = await t.gql(LOGIN, { input: { schoolCode: 'test-a', username: 's30101', password: DEMO_PASSWORDS.student } }, undefined, from('198.51.100.7'));
    expect(signIn.errors).toBeUndefined();
    expect(signIn.data.login.user.username).toBe('s30101');
    // …all while the flood was still parked.
    expect(passwordChecks.stats(FLOOD)).toEqual({ running: 0, waiting: PER_ADDRESS });
  } finally {
    release();
  }

  const results = await Promise.all(flood);
  const codes = results.map((r) => r.errors?.[0]?.extensions?.code);
  expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(PER_ADDRESS);
  const busy = results.filter((r) => r.errors?.[0]?.extensions?.code === 'PASSWORD_CHECKS_BUSY');
  expect(busy).toHaveLength(50 - PER_ADDRESS);
  for (const r of busy) {
    expect(r.status).toBe(503);
    expect(r.errors![0].extensions).toMatchObject({ retryable: true, retryAfterSeconds: expect.any(Number) });
    expect(Number(r.headers.get('retry-after'))).toBe(r.errors![0].extensions!.retryAfterSeconds);
    expect(r.errors![0].message).toContain('来自该网络地址的密码核验过多');
  }
  // Checked or refused, every attempt of the flood counts against its address.
  const [row] = await t.db.dataSource.query(`SELECT failures FROM login_attempts WHERE key = $1`, [addressKey(TEST_SECRET, FLOOD)]);
  expect(row.failures).toBe(50);
});

it('a password change waits for its check in the same queue, holding no connection meanwhile', async () => {
  const changer = '198.51.100.77';
  const token = await t.login('t3sx1');
  const release = passwordChecks.hold(changer);
  const change = t.gql(CHANGE, { input: { currentPassword: DEMO_PASSWORDS.staff, newPassword: 'Parked2026pw' } }, token, from(changer));
  try {
    await passwordChecks.until(() => passwordChecks.stats(changer).waiting === 1);
    expect((await t.ok(ME, {}, office)).me.username).toBe('jiaowu');
  } finally {
    release();
  }
  const { data } = await change;
  expect(data.passwordChange.userErrors).toEqual([]);
  expect((await t.ok(ME, {}, data.passwordChange.token)).me.username).toBe('t3sx1');
});
