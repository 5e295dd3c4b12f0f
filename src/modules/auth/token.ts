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
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

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

export function checkToken(token: string, secret: string, now = Date.now()): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(parts[2], 'base64url');
  const expected = sign(`${parts[0]}.${parts[1]}`, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.sub !== 'string' || typeof claims.sch !== 'string' || typeof claims.exp !== 'number') {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
