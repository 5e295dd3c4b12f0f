import { createHmac, randomUUID } from 'node:crypto';
import { parse, Kind, OperationDefinitionNode, FragmentDefinitionNode } from 'graphql';
import { PasswordChecksBusyError } from '../../src/modules/auth/auth.errors';
import { hashPassword, verifyPassword } from '../../src/modules/auth/password';
import { PasswordCheckQueue } from '../../src/modules/auth/password-checks';
import { passwordOperationsIn } from '../../src/modules/auth/password-operations';
import { checkToken, issueToken } from '../../src/modules/auth/token';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('明天会更好2026', 10);
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(await verifyPassword('明天会更好2026', stored)).toBe(true);
    expect(await verifyPassword('明天会更好2027', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same', 10)).not.toBe(await hashPassword('same', 10));
  });

  it('treats a malformed or out-of-range stored hash as a mismatch', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$30$8$1$AAAA$AAAA')).toBe(false);
  });
});

describe('bearer tokens', () => {
  const user = { id: randomUUID(), schoolId: randomUUID(), tokenVersion: 3 };
  const secret = 'k'.repeat(40);
  const now = Date.UTC(2026, 10, 23, 8, 0, 0);

  /** A token with these claims, correctly signed. */
  const signed = (claims: unknown) => {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
  };
  const claims = { sub: user.id, sch: user.schoolId, ver: 3, iat: now / 1000, exp: now / 1000 + 600, jti: 'j' };

  it('round-trips the claims until expiry', () => {
    const { token, expiresAt } = issueToken(user, secret, 600, now);
    expect(expiresAt.getTime()).toBe(now + 600_000);
    const check = checkToken(token, secret, 600, now + 599_000);
    expect(check).toMatchObject({ ok: true, claims: { sub: user.id, sch: user.schoolId, ver: 3 } });
    expect(checkToken(token, secret, 600, now + 600_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token whose claims or signature were changed', () => {
    const { token } = issueToken(user, secret, 600);
    const [h, body, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const changed = Buffer.from(JSON.stringify({ ...claims, ver: 99 })).toString('base64url');
    expect(checkToken(`${h}.${changed}.${sig}`, secret, 600)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(checkToken(token, 'other'.repeat(10), 600)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(checkToken('a.b', secret, 600)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('bounds the lifetime by the configured one, allowing a minute of clock skew on the issue time', () => {
    expect(checkToken(signed(claims), secret, 600, now)).toMatchObject({ ok: true });
    expect(checkToken(signed({ ...claims, exp: 1e20 }), secret, 600, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkToken(signed({ ...claims, exp: claims.iat + 601 }), secret, 600, now)).toEqual({ ok: false, reason: 'bad_lifetime' });
    expect(checkToken(signed({ ...claims, exp: claims.iat }), secret, 600, now)).toEqual({ ok: false, reason: 'bad_lifetime' });
    expect(checkToken(signed(claims), secret, 600, now - 60_000)).toMatchObject({ ok: true });
    expect(checkToken(signed(claims), secret, 600, now - 61_000)).toEqual({ ok: false, reason: 'bad_lifetime' });
  });

  it.each([
    ['sub', { sub: 'u1' }],
    ['sch', { sch: `${user.schoolId}'` }],
    ['ver', { ver: 1.5 }],
    ['ver', { ver: -1 }],
    ['ver', { ver: '3' }],
    ['iat', { iat: 'yesterday' }],
    ['exp', { exp: null }],
    ['jti', { jti: 7 }],
  ])('refuses a signed token with a malformed %s claim (%j)', (_claim, change) => {
    expect(checkToken(signed({ ...claims, ...change }), secret, 600, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses claims that are not an object', () => {
    for (const value of [null, 7, 'x', [claims]]) expect(checkToken(signed(value), secret, 600, now)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('one password operation per request', () => {
  const count = (source: string) => {
    const document = parse(source);
    const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    const fragments = Object.fromEntries(document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    return passwordOperationsIn(operation, fragments);
  };

  it('counts login and passwordChange at the root, aliased, in inline fragments and in named ones (once each)', () => {
    expect(count(`mutation { login(input: $i) { token } }`)).toBe(1);
    expect(count(`mutation { a: login(input: $i) { token } b: login(input: $i) { token } }`)).toBe(2);
    expect(count(`mutation { ... on Mutation { passwordChange(input: $i) { token } } login(input: $i) { token } }`)).toBe(2);
    expect(count(`mutation { ...F ...F } fragment F on Mutation { login(input: $i) { token } }`)).toBe(2);
    expect(count(`mutation { ...F } fragment F on Mutation { ...F login(input: $i) { token } }`)).toBe(1);
    expect(count(`mutation { logout { revoked } bankItemCreate(input: $i) { userErrors { code } } }`)).toBe(0);
  });
});

describe('the password check queue', () => {
  const limits = { concurrency: 2, maxWaiting: 2, maxPerAddress: 3 };

  /** A check that finishes when the test says so. */
  function gate() {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, work: async () => opened };
  }

  it('runs `concurrency` checks at once and starts the next as one ends', async () => {
    const queue = new PasswordCheckQueue();
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g, i) => queue.admit(`10.0.0.${i}`, limits, (check) => check(g.work)));
    await queue.until(() => queue.stats().running === 2 && queue.stats().waiting === 1);
    gates[0].open();
    await queue.until(() => queue.stats().checked === 1 && queue.stats().running === 2);
    gates[1].open();
    gates[2].open();
    await Promise.all(runs);
    expect(queue.stats()).toEqual({ running: 0, waiting: 0, refused: 0, checked: 3 });
  });

  it('refuses at once, as retryable, past the queue length or past the places of one address', async () => {
    const queue = new PasswordCheckQueue();
    const g = gate();
    const runs = ['a', 'a', 'a'].map((address) => queue.admit(address, limits, (check) => check(g.work)));
    await expect(queue.admit('a', limits, async () => 'ran')).rejects.toThrow(/来自该网络地址的密码核验过多（同时最多 3 个）/);
    runs.push(queue.admit('b', limits, (check) => check(g.work)));
    await expect(queue.admit('c', limits, async () => 'ran')).rejects.toThrow(/4 个正在核验或等待/);
    const refusal = await queue.admit('c', limits, async () => 'ran').catch((e) => e);
    expect(refusal).toBeInstanceOf(PasswordChecksBusyError);
    expect(refusal.details).toEqual({ retryable: true, retryAfterSeconds: expect.any(Number) });
    expect(refusal.extensions.http.status).toBe(503);
    expect(queue.stats()).toMatchObject({ refused: 3 });
    g.open();
    await Promise.all(runs);
    expect(await queue.admit('c', limits, async () => 'ran')).toBe('ran');
  });

  it('gives a free turn to the address served least recently, not to the oldest waiting', async () => {
    const queue = new PasswordCheckQueue();
    const started: string[] = [];
    const gates = [gate(), gate(), gate(), gate()];
    const run = (address: string, g: ReturnType<typeof gate>) =>
      queue.admit(address, { concurrency: 1, maxWaiting: 10, maxPerAddress: 10 }, (check) => check(async () => (started.push(address), g.work())));
    const floods = [run('flood', gates[0]), run('flood', gates[1]), run('flood', gates[2])];
    await queue.until(() => queue.stats('flood').running === 1 && queue.stats('flood').waiting === 2);
    const late = run('other', gates[3]);
    await queue.until(() => queue.stats('other').waiting === 1);
    for (const g of gates) g.open();
    await Promise.all([...floods, late]);
    expect(started).toEqual(['flood', 'other', 'flood', 'flood']);
  });

  it('gives a free turn to the address with the fewest checks running', async () => {
    const queue = new PasswordCheckQueue();
    const started: string[] = [];
    const flood = gate();
    const other = gate();
    const run = (address: string, g: ReturnType<typeof gate>) =>
      queue.admit(address, { concurrency: 2, maxWaiting: 10, maxPerAddress: 10 }, (check) => check(async () => (started.push(address), g.work())));
    const floods = [run('flood', flood), run('flood', flood), run('flood', flood)];
    await queue.until(() => queue.stats('flood').running === 2);
    const late = run('other', other);
    await queue.until(() => queue.stats('other').waiting === 1);
    flood.open();
    await queue.until(() => started.length === 4);
    expect(started).toEqual(['flood', 'flood', 'other', 'flood']);
    other.open();
    await Promise.all([...floods, late]);
  });

  it('holds the checks of an address while others run, and gives places back when a body fails', async () => {
    const queue = new PasswordCheckQueue();
    const release = queue.hold('held');
    const held = queue.admit('held', limits, (check) => check(async () => 'held ran'));
    expect(await queue.admit('free', limits, (check) => check(async () => 'free ran'))).toBe('free ran');
    expect(queue.stats('held')).toEqual({ running: 0, waiting: 1 });
    release();
    expect(await held).toBe('held ran');
    await expect(queue.admit('x', limits, async () => { throw new Error('counting failed'); })).rejects.toThrow('counting failed');
    expect(queue.stats()).toMatchObject({ running: 0, waiting: 0 });
  });
});
