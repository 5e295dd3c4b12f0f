import { checkLinkQuery, SignedClaims, signLinkQuery } from '../../core/signed-link';

/**
 * Chart images are fetched by <img> tags, which send no Authorization header; so a report
 * hands out a short-lived URL signed for the viewer who may see the chart, and for the session
 * it was asked in: a link is good only while the viewer's tokens are (`ver`, the user's token
 * version, which a sign-out or password change bumps).
 */
export interface ChartClaims extends SignedClaims {
  kind: 'class-load' | 'student-week';
  schoolId: string;
  userId: string;
  ver: number;
  params: Record<string, string>;
  exp: number;
}

export const CHART_URL_TTL_SECONDS = 600;

export function chartUrl(claims: Omit<ChartClaims, 'exp'>, secret: string, now = Date.now()): string {
  return `/charts/${claims.kind}.svg?${signLinkQuery('chart', claims, secret, CHART_URL_TTL_SECONDS, now)}`;
}

export function checkChartUrl(kind: string, payload: string | null, signature: string | null, secret: string, now = Date.now()): ChartClaims | null {
  const claims = checkLinkQuery<ChartClaims>('chart', payload, signature, secret, now);
  return claims?.kind === kind ? claims : null;
}
