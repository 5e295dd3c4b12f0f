import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived signed links, for what a browser fetches without an Authorization header (an
 * <img> or <audio> tag): the claims travel base64url-encoded in `p`, their HMAC in `s`, keyed
 * by the token secret and the link's purpose (a chart link is no file link). The claims name
 * the viewer the link was signed for and the session (`ver`, the user's token version); the
 * server that serves a link reloads that viewer and applies the usual rules again.
 */
export interface SignedClaims {
  schoolId: string;
  userId: string;
  ver: number;
  exp: number;
}

const sign = (purpose: string, payload: string, secret: string) => createHmac('sha256', `${purpose}:${secret}`).update(payload).digest('base64url');

/** The `p=…&s=…` query of a link for `claims`, good for `ttlSeconds` from `now`. */
export function signLinkQuery<C extends Omit<SignedClaims, 'exp'>>(purpose: string, claims: C, secret: string, ttlSeconds: number, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(now / 1000) + ttlSeconds })).toString('base64url');
  return `p=${payload}&s=${sign(purpose, payload, secret)}`;
}

/** The claims of a link signed for `purpose`, unless its signature is wrong or it has expired. */
export function checkLinkQuery<C extends SignedClaims>(purpose: string, payload: string | null, signature: string | null, secret: string, now = Date.now()): C | null {
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(purpose, payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as C;
    return typeof claims.exp === 'number' && claims.exp * 1000 > now ? claims : null;
  } catch {
    return null;
  }
}
