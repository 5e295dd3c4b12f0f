import { hashPassword, verifyPassword } from '../../src/modules/auth/password';
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
  const user = { id: 'u1', schoolId: 's1', tokenVersion: 3 };
  const secret = 'k'.repeat(40);

  it('round-trips the claims until expiry', () => {
    const now = Date.UTC(2026, 10, 23, 8, 0, 0);
    const { token, expiresAt } = issueToken(user, secret, 600, now);
    expect(expiresAt.getTime()).toBe(now + 600_000);
    const check = checkToken(token, secret, now + 599_000);
    expect(check).toMatchObject({ ok: true, claims: { sub: 'u1', sch: 's1', ver: 3 } });
    expect(checkToken(token, secret, now + 600_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token whose claims or signature were changed', () => {
    const { token } = issueToken(user, secret, 600);
    const [h, body, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const changed = Buffer.from(JSON.stringify({ ...claims, ver: 99 })).toString('base64url');
    expect(checkToken(`${h}.${changed}.${sig}`, secret)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(checkToken(token, 'other'.repeat(10))).toEqual({ ok: false, reason: 'bad_signature' });
    expect(checkToken('a.b', secret)).toEqual({ ok: false, reason: 'malformed' });
  });
});
