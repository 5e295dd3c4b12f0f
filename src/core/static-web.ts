import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/**
 * Serves the web app's production build (web/dist) at `/`, on the same origin as /graphql.
 *
 * - `/assets/*` are Vite's content-hashed files: cached for a year, immutable; a missing one
 *   is a 404, never the app (a stale page asking for an old chunk must fail visibly, not get HTML).
 * - Other files of the build (favicon …) are served with `no-cache` (revalidated each time).
 * - Any other GET for a page (no file extension, or the browser asks for HTML) gets index.html
 *   with `no-cache`, so client-side routes such as /student/today load the app and a new
 *   deployment is picked up at once.
 *
 * The build is looked up beside the service (`web/dist` at the repository root) once; when it
 * is missing (the web app not built) nothing is handled and the caller answers as before.
 */
const API_PATHS = ['/graphql', '/health', '/ready', '/metrics', '/charts/', '/explorer/'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Scripts and styles come from the build itself; Ant Design writes its styles into <style>
 * elements at run time, hence 'unsafe-inline' for styles only.
 */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

let resolvedRoot: string | null | undefined;

/** web/dist beside the service: from src/core (ts-node, tests) or dist/src/core (built). */
function webRoot(): string | null {
  if (resolvedRoot !== undefined) return resolvedRoot;
  const candidates = [path.resolve(__dirname, '..', '..', 'web', 'dist'), path.resolve(__dirname, '..', '..', '..', 'web', 'dist')];
  resolvedRoot = candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? null;
  return resolvedRoot;
}

/** The regular file at `pathname` inside `root`, or null (also for `..` escapes). */
function fileIn(root: string, pathname: string): string | null {
  const file = path.resolve(root, '.' + pathname);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function send(req: http.IncomingMessage, res: http.ServerResponse, file: string, cacheControl: string): void {
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.statusCode = 200;
  res.setHeader('content-type', type);
  res.setHeader('cache-control', cacheControl);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'same-origin');
  if (type.startsWith('text/html')) {
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-frame-options', 'DENY');
  }
  const size = fs.statSync(file).size;
  res.setHeader('content-length', String(size));
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Answers a GET or HEAD for the web app. Returns false when the request is not for it (an API
 * path, another method, or no build present), so the caller goes on with its own routes.
 */
export function serveWeb(req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  if (pathname.includes('\0') || API_PATHS.some((p) => pathname === p || (p.endsWith('/') && pathname.startsWith(p)))) return false;
  const root = webRoot();
  if (!root) return false;

  if (pathname.startsWith('/assets/')) {
    const asset = fileIn(root, pathname);
    if (!asset) {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end('Not found');
      return true;
    }
    send(req, res, asset, 'public, max-age=31536000, immutable');
    return true;
  }
  const file = pathname !== '/' ? fileIn(root, pathname) : null;
  if (file) {
    send(req, res, file, 'no-cache');
    return true;
  }
  const wantsPage = path.extname(pathname) === '' || String(req.headers.accept ?? '').includes('text/html');
  if (!wantsPage) return false;
  send(req, res, path.join(root, 'index.html'), 'no-cache');
  return true;
}
