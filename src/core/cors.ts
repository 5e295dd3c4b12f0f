import http from 'node:http';

/**
 * CORS for web clients served from other origins, named exactly in CORS_ORIGINS. Clients send
 * bearer tokens, not cookies, so credentials are never allowed. With no origins configured the
 * service is same-origin only and sends no CORS headers at all.
 */
const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const ALLOWED_HEADERS = 'content-type, authorization, x-request-id, apollo-require-preflight';
/** Response headers a client's script may read besides the CORS-safelisted ones. */
const EXPOSED_HEADERS = 'x-request-id, retry-after';
/** How long a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Adds the CORS headers a request's origin is entitled to and answers OPTIONS requests.
 * Returns true when it answered the request: a preflight (204, or 403 for an origin not
 * listed) or a plain OPTIONS (204 with `Allow`).
 */
export function handleCors(req: http.IncomingMessage, res: http.ServerResponse, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  const allowed = typeof origin === 'string' && allowedOrigins.includes(origin);
  // Answers differ by Origin, so caches must keep them apart.
  if (allowedOrigins.length > 0) res.setHeader('vary', 'Origin');
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
  }
  if (req.method !== 'OPTIONS') return false;
  const preflight = typeof origin === 'string' && req.headers['access-control-request-method'] !== undefined;
  if (preflight && !allowed) {
    res.statusCode = 403;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ errors: [{ message: `Cross-origin requests from ${origin} are not allowed: CORS_ORIGINS names the origins that are`, extensions: { code: 'CORS_ORIGIN_NOT_ALLOWED' } }] }));
    return true;
  }
  if (preflight) {
    res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
  } else {
    res.setHeader('allow', ALLOWED_METHODS);
  }
  res.statusCode = 204;
  res.end();
  return true;
}
