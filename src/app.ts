import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, parse } from 'graphql';
import type { AppConfig } from './config';
import { RequestContext } from './core/context';
import { connectionsAwaited, Database } from './core/database';
import { DatabaseUnavailableError, DomainError, isConnectionFailure } from './core/errors';
import { RequestScope } from './core/request-scope';
import { createFormatError, errorLocalePlugin } from './core/format-error';
import { queryLimitsPlugin } from './core/query-limits';
import { inputTextPlugin } from './core/input-text';
import { Metrics, metricsPlugin } from './core/metrics';
import { handleCors } from './core/cors';
import { EXPLORER_HTML, explorerAsset } from './core/explorer';
import { Logger } from './core/logger';
import { authService } from './modules/auth/auth.service';
import { onePasswordOperationPlugin } from './modules/auth/password-operations';
import { checkChartUrl } from './modules/chart/chart-url';
import { chartService } from './modules/chart/chart.service';
import { userService, ViewerRow } from './modules/user/user.service';
import { privacyService } from './modules/privacy/privacy.service';
import { CALIBRATION_BATCH, CALIBRATION_TURN_MS, CalibrationWorker } from './modules/calibration/calibration-queue';
import { createLoaders } from './modules/registry';
import { getSchema } from './schema';
import { serveWeb } from './core/static-web';
import { UploadEndpoint } from './modules/attachment/upload-endpoint';
import { Figures, Locale, localeOf, MessageDef, render } from './core/messages';
import { RequestErrors } from './core/request-errors';
import { Clock, systemClock } from './core/clock';
import { ChartMessages } from './modules/chart/chart.errors';

const MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

export interface App {
  httpServer: http.Server;
  /** Recalibrates the item versions hand-ins have queued, every second; `drain()` does it now. */
  calibrations: CalibrationWorker;
  /** Starts listening; resolves with the base URL. */
  listen(port: number, host: string): Promise<string>;
  /** Graceful shutdown: stop accepting, finish in-flight requests, close the database. */
  close(): Promise<void>;
}

/** A lost database connection as a GraphQL error: 503 with Retry-After, retryable. Anything else as it is. */
function unavailable(e: unknown, locale: Locale): unknown {
  if (!isConnectionFailure(e)) return e;
  const error = new DatabaseUnavailableError(e);
  const headers = new HeaderMap([['retry-after', String(error.details.retryAfterSeconds)]]);
  return new GraphQLError(error.messageIn(locale), { extensions: { code: error.code, ...error.details, http: { status: 503, headers } } });
}

/** An HTTP-level refusal. Its message is written when it is answered, in the request's language. */
class HttpError extends Error {
  constructor(readonly status: number, readonly rule: MessageDef, readonly figures: Figures = {}, readonly limit?: string) {
    super(render(rule, figures, 'en'));
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Answer 413 at once; the rest of the body is read and dropped so the client gets it.
        reject(new HttpError(413, RequestErrors.BODY_TOO_LARGE, { max: MAX_BODY_BYTES }));
        chunks.length = 0;
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * Refuses an oversized or over-long document before Apollo parses it, naming the limit. The
 * document is where Apollo reads it: a POST's JSON body, or a GET's `query` search parameter.
 */
function checkDocument(method: string | undefined, body: unknown, url: URL, limits: AppConfig['queryLimits']): void {
  const query = method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
  if (typeof query !== 'string') return;
  const bytes = Buffer.byteLength(query, 'utf8');
  if (bytes > limits.maxDocumentBytes) {
    throw new HttpError(413, RequestErrors.DOCUMENT_TOO_LARGE, { value: bytes, max: limits.maxDocumentBytes }, 'document size');
  }
  try {
    parse(query, { maxTokens: limits.maxTokens });
  } catch (e) {
    if (e instanceof GraphQLError && /Document contains more th\w+ \d+ tokens/i.test(e.message)) {
      throw new HttpError(400, RequestErrors.TOO_MANY_TOKENS, { max: limits.maxTokens }, 'tokens');
    }
  }
}

/**
 * The HTTP service: GraphQL at /graphql (Apollo Server on node:http), GET /health (process
 * up) and GET /ready (database reachable), a request id on every request and one JSON log
 * line per request.
 */
export async function createApp(config: AppConfig, db: Database, logger: Logger, options: { clock?: Clock } = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const production = config.nodeEnv === 'production';
  const httpServer = http.createServer();
  const metrics = new Metrics(db.dataSource);
  let shuttingDown = false;
  /** Requests not yet answered, so a shutdown can tell their keep-alive clients the connection ends. */
  const unanswered = new Set<http.ServerResponse>();
  const uploads = new UploadEndpoint(config, db, logger);

  const apollo = new ApolloServer<RequestContext>({
    schema: await getSchema(),
    formatError: createFormatError(logger, production),
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    hideSchemaDetailsFromClientErrors: production,
    // main.ts owns the signals. Apollo's own handler would stop the server and then re-send the
    // signal, which main.ts would take for an impatient second one and exit before closing the rest.
    stopOnTerminationSignals: false,
    logger: {
      debug: (m) => logger.debug(String(m)),
      info: (m) => logger.info(String(m)),
      warn: (m) => logger.warn(String(m)),
      error: (m) => logger.error(String(m)),
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      // Notes each error's request language for formatError (Apollo formats errors without the context).
      errorLocalePlugin(),
      queryLimitsPlugin(config.queryLimits),
      inputTextPlugin(),
      onePasswordOperationPlugin(),
      metricsPlugin(metrics),
      // The explorer is ours (served locally in development); Apollo's landing page loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used (answers are per user, never shared); Apollo's default plugin would walk every field for them.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  /**
   * Opens the request's transaction (see request-scope.ts) in the school of the bearer token
   * and loads the viewer within it, in the same round trip. The caller commits or rolls back `scope`.
   */
  async function contextFor(req: http.IncomingMessage, requestId: string, locale: Locale, log: Logger, open: (scope: RequestScope) => void): Promise<RequestContext> {
    try {
      const claims = authService.claimsFromAuthorization(config, req.headers.authorization);
      const { scope, viewer } = claims
        ? await authService.openAs(db.dataSource, claims)
        : { scope: await RequestScope.open(db.dataSource, null), viewer: null };
      open(scope);
      // Behind a trusted proxy, the last hop it appended is the client; earlier ones are client-written.
      const forwarded = config.trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').pop()!.trim() : '';
      const address = forwarded || req.socket.remoteAddress || 'unknown';
      const ctx = new RequestContext(requestId, scope.manager, config, log.child({ userId: viewer?.userId }), viewer, createLoaders, address, (id) => scope.setSchool(id), scope);
      ctx.clock = clock;
      ctx.locale = locale;
      return ctx;
    } catch (e) {
      if (e instanceof DomainError) {
        throw new GraphQLError(e.messageIn(locale), { extensions: { code: e.code, http: { status: 401 } } });
      }
      throw unavailable(e, locale);
    }
  }

  async function handleGraphQL(req: http.IncomingMessage, res: http.ServerResponse, url: URL, requestId: string, locale: Locale, log: Logger) {
    const raw = req.method === 'POST' ? await readBody(req) : '';
    let body: unknown = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        throw new HttpError(400, RequestErrors.BODY_NOT_JSON);
      }
    }
    checkDocument(req.method, body, url, config.queryLimits);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let ctx: RequestContext | undefined;
    let scope: RequestScope | undefined;
    let response: HTTPGraphQLResponse;
    try {
      response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => (ctx = await contextFor(req, requestId, locale, log, (s) => (scope = s))),
      });
      // The answer is sent only once its writes are committed; the access log goes with the COMMIT.
      await scope?.commit(ctx && privacyService.flushStatement(ctx));
      await ctx?.committed();
    } catch (e) {
      await scope?.rollback();
      throw e;
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  /**
   * A chart behind a signed, short-lived URL, drawn with the rights of the viewer it was signed
   * for, while the session it was signed in lasts (the viewer's token version is unchanged).
   */
  async function serveChart(url: URL, res: http.ServerResponse): Promise<void> {
    const kind = url.pathname.slice('/charts/'.length, -'.svg'.length);
    const claims = checkChartUrl(kind, url.searchParams.get('p'), url.searchParams.get('s'), config.authTokenSecret);
    if (!claims) throw new HttpError(403, ChartMessages.CHART_LINK_INVALID);
    const { scope, rows } = await RequestScope.openReading<ViewerRow>(db.dataSource, claims.schoolId, userService.viewerStatement(claims.schoolId, claims.userId));
    try {
      const loaded = userService.viewerOfRows(rows, claims.userId);
      if (!loaded || loaded.tokenVersion !== claims.ver) throw new HttpError(403, ChartMessages.CHART_LINK_INVALID);
      const ctx = new RequestContext('chart', scope.manager, config, logger, loaded.viewer, createLoaders);
      const svg = claims.kind === 'class-load'
        ? await chartService.classLoad(ctx, claims.params.classId, claims.params.from, claims.params.to)
        : await chartService.studentWeek(ctx, claims.params.studentId, claims.params.weekStart);
      await scope.commit(privacyService.flushStatement(ctx));
      res.setHeader('content-type', 'image/svg+xml; charset=utf-8');
      res.setHeader('cache-control', 'private, max-age=60');
      res.end(svg);
    } catch (e) {
      await scope.rollback();
      if (e instanceof DomainError) throw new HttpError(e.code === 'BAD_USER_INPUT' ? 400 : 403, e.rule, e.figures);
      throw e;
    }
  }

  /** Requests received so far: the calibration worker goes on with its turn while none come. */
  let requestsReceived = 0;
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => handleRequest(req, res));

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    requestsReceived++;
    // Each request is answered in the language its Accept-Language asks for (Chinese by default):
    // its context carries it (`RequestContext.locale`) to where messages are written.
    const locale = localeOf(req.headers['accept-language']);
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    const log = logger.child({ requestId });
    const started = process.hrtime.bigint();
    res.setHeader('x-request-id', requestId);
    if (shuttingDown) res.setHeader('connection', 'close');
    unanswered.add(res);
    res.on('close', () => unanswered.delete(res));
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.on('finish', () => {
      const route = ['/graphql', '/health', '/ready', '/metrics'].includes(url.pathname) ? url.pathname : url.pathname.startsWith('/explorer/') ? '/explorer' : 'other';
      metrics.observeHttp(route, res.statusCode);
      log.info('request', {
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      });
    });
    try {
      if (handleCors(req, res, config.corsOrigins)) {
        // A preflight or a plain OPTIONS, answered.
      } else if (url.pathname === '/metrics' && req.method === 'GET') {
        const text = await metrics.render();
        res.setHeader('content-type', metrics.contentType);
        res.end(text);
      } else if (url.pathname === '/health' && req.method === 'GET') {
        sendJson(res, 200, { status: 'ok' });
      } else if (url.pathname === '/ready' && req.method === 'GET') {
        if (shuttingDown) return sendJson(res, 503, { status: 'shutting_down' });
        try {
          await db.dataSource.query('SELECT 1');
          sendJson(res, 200, { status: 'ready', database: db.kind });
        } catch (e) {
          log.warn('readiness check failed', { error: e });
          sendJson(res, 503, { status: 'database_unreachable' });
        }
      } else if (!production && req.method === 'GET' && url.pathname === '/graphql' && !url.search && String(req.headers.accept ?? '').includes('text/html')) {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(EXPLORER_HTML);
      } else if (!production && req.method === 'GET' && explorerAsset(url.pathname)) {
        const asset = explorerAsset(url.pathname)!;
        res.setHeader('content-type', asset.type);
        res.setHeader('cache-control', 'public, max-age=86400');
        res.end(asset.body);
      } else if (req.method === 'GET' && /^\/charts\/(class-load|student-week)\.svg$/.test(url.pathname)) {
        await serveChart(url, res);
      } else if (await uploads.handle(req, res, url, locale)) {
        // Chunked uploads at /uploads, files behind signed links at /files (src/modules/attachment).
      } else if (url.pathname === '/graphql') {
        await handleGraphQL(req, res, url, requestId, locale, log);
      } else if (serveWeb(req, res, url)) {
        // The web app (web/dist), on the same origin as /graphql.
      } else {
        sendJson(res, 404, { error: render(RequestErrors.NO_SUCH_ROUTE, {}, locale) });
      }
    } catch (e) {
      if (isConnectionFailure(e)) {
        log.warn('database unreachable', { error: e });
        const error = new DatabaseUnavailableError(e);
        if (res.headersSent) return void res.end();
        res.setHeader('retry-after', String(error.details.retryAfterSeconds));
        return sendJson(res, 503, { errors: [{ message: error.messageIn(locale), extensions: { code: error.code, ...error.details } }] });
      }
      if (e instanceof HttpError) {
        const { value, max } = e.figures;
        const extensions = e.limit ? { code: 'QUERY_LIMIT_EXCEEDED', limit: e.limit, value, max } : { code: 'BAD_REQUEST' };
        return sendJson(res, e.status, { errors: [{ message: render(e.rule, e.figures, locale), extensions }] });
      }
      log.error('request failed', { error: e });
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: render(RequestErrors.INTERNAL, {}, locale) }] });
      else res.end();
    }
  }

  const calibrations = new CalibrationWorker(db.dataSource, logger.child({ worker: 'calibration' }), CALIBRATION_BATCH[db.kind], CALIBRATION_TURN_MS[db.kind],
    // The embedded database's one connection: a request waiting for it ends the worker's turn (after its batch).
    db.kind === 'embedded' ? () => connectionsAwaited(db.dataSource) > 0 : undefined,
    () => requestsReceived);
  calibrations.start();

  return {
    httpServer,
    calibrations,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    async close() {
      if (shuttingDown) return;
      shuttingDown = true;
      // Answers still to come say `Connection: close`: a keep-alive client told otherwise could
      // send its next request into a socket the drain is about to close.
      for (const res of unanswered) if (!res.headersSent) res.setHeader('connection', 'close');
      // The drain plugin stops accepting connections, closes idle ones and waits for in-flight requests.
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await calibrations.stop();
      await db.close();
    },
  };
}
