import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Chart images are fetched by <img> tags, which send no Authorization header; so a report
 * hands out a short-lived URL signed for the viewer who may see the chart, and for the session
 * it was asked in: a link is good only while the viewer's tokens are (`ver`, the user's token
 * version, which a sign-out or password change bumps).
 */
export interface ChartClaims {
  kind: 'class-load' | 'student-week';
  schoolId: string;
  userId: string;
  ver: number;
  params: Record<string, string>;
  exp: number;
}

export const CHART_URL_TTL_SECONDS = 600;

const sign = (payload: string, secret: string) => createHmac('sha256', `chart:${secret}`).update(payload).digest('base64url');

export function chartUrl(claims: Omit<ChartClaims, 'exp'>, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(now / 1000) + CHART_URL_TTL_SECONDS })).toString('base64url');
  return `/charts/${claims.kind}.svg?p=${payload}&s=${sign(payload, secret)}`;
}

export function checkChartUrl(kind: string, payload: string | null, signature: string | null, secret: string, now = Date.now()): ChartClaims | null {
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ChartClaims;
    return claims.kind === kind && claims.exp * 1000 > now ? claims : null;
  } catch {
    return null;
  }
}
