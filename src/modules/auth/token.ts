import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Bearer tokens: compact JWTs signed with HMAC-SHA256. The claims name the user, the school
 * and the user's token version, so a sign-out or password change (which bumps the version)
 * revokes every earlier token.
 */
export interface TokenClaims {
  sub: string;
  sch: string;
  ver: number;
  iat: number;
  exp: number;
  jti: string;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'bad_lifetime' | 'expired' };

/** How far a token's issue time may lie ahead of this clock: replicas' clocks differ a little. */
export const CLOCK_SKEW_SECONDS = 60;

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sign(data: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

export function issueToken(
  user: { id: string; schoolId: string; tokenVersion: number },
  secret: string,
  ttlSeconds: number,
  now = Date.now(),
): { token: string; expiresAt: Date } {
  const iat = Math.floor(now / 1000);
  const claims: TokenClaims = { sub: user.id, sch: user.schoolId, ver: user.tokenVersion, iat, exp: iat + ttlSeconds, jti: randomUUID() };
  const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return { token: `${body}.${sign(body, secret).toString('base64url')}`, expiresAt: new Date(claims.exp * 1000) };
}

/** The claims when each has the shape this service issues; null otherwise. */
function wellFormed(value: unknown): TokenClaims | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { sub, sch, ver, iat, exp, jti } = value as Record<string, unknown>;
  if (typeof sub !== 'string' || !UUID.test(sub) || typeof sch !== 'string' || !UUID.test(sch)) return null;
  if (!Number.isSafeInteger(ver) || (ver as number) < 0 || !Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) return null;
  if (typeof jti !== 'string') return null;
  return { sub, sch, ver: ver as number, iat: iat as number, exp: exp as number, jti };
}

/**
 * Checks a token's signature and claims. Even a correctly signed token is refused when a claim
 * is not what this service issues (ids that are not UUIDs, a version that is not an integer) or
 * its lifetime is longer than `ttlSeconds` or begins in the future: a leaked signing key or a
 * bug must not mint tokens that never expire.
 */
export function checkToken(token: string, secret: string, ttlSeconds: number, now = Date.now()): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(parts[2], 'base64url');
  const expected = sign(`${parts[0]}.${parts[1]}`, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  let claims: TokenClaims | null;
  try {
    claims = wellFormed(JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!claims) return { ok: false, reason: 'malformed' };
  const nowSeconds = now / 1000;
  if (claims.exp <= claims.iat || claims.exp - claims.iat > ttlSeconds || claims.iat > nowSeconds + CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: 'bad_lifetime' };
  }
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
