import http from 'node:http';
import { graphql } from '../graphql';
import type { SchoolNameQuery } from '../graphql/graphql';
import { SMALL_SCHOOL } from '../support/fixtures';
import { parsePrometheusText } from '../support/prometheus-text';
import { TestApp } from '../support/test-app';

/** A named operation, as the metrics count it. */
const SCHOOL_NAME = graphql(`query SchoolName { school { name } }`);
/** The answer to `{ school { name } }`, sent by hand below. */
type SchoolNameAnswer = { data: SchoolNameQuery };

describe('HTTP operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start([SMALL_SCHOOL]);
  });
  afterAll(() => t?.stop());

  it('GET /health answers while the process is up', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready answers when the database is reachable', async () => {
    const res = await fetch(`${t.url}/ready`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('ready');
  });

  it('echoes a given request id and makes one up otherwise', async () => {
    const given = await fetch(`${t.url}/health`, { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await fetch(`${t.url}/health`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a body over 1 MiB with 413, not a dropped connection', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toBe('请求体超过 1048576 字节');
  });

  it('answers unknown paths with 404 and bad JSON with 400', async () => {
    // Not a page path: with the web app built, those load the app (static-web.ts).
    expect((await fetch(`${t.url}/nope.json`)).status).toBe(404);
    expect((await fetch(`${t.url}/nope`, { method: 'POST' })).status).toBe(404);
    const bad = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(bad.status).toBe(400);
  });

  it('refuses batched requests', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('blocks a simple cross-site GET (CSRF prevention)', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('CSRF');
  });

  it('serves the GraphQL explorer and its assets locally, nothing from a CDN', async () => {
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/explorer/graphiql.min.js');
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['/explorer/graphiql.min.js', '/explorer/graphiql.min.css', '/explorer/react.production.min.js', '/explorer/react-dom.production.min.js']) {
      const res = await fetch(`${t.url}${asset}`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it("exposes Prometheus metrics in one valid exposition: the service's own and the process's", async () => {
    await t.gql<SchoolNameQuery>(SCHOOL_NAME.toString());
    await t.op(SCHOOL_NAME, {}, await t.login('jiaowu'));
    const res = await fetch(`${t.url}/metrics`);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const families = parsePrometheusText(await res.text());
    const value = (family: string, sample: string, labels: Record<string, string>) =>
      families.get(family)?.samples.find((s) => s.name === sample && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

    // The service's own, by the names they have always had.
    expect(families.get('graphql_operations_total')?.type).toBe('counter');
    expect(value('graphql_operations_total', 'graphql_operations_total', { operation: 'SchoolName', outcome: 'error' })).toBe(1);
    expect(value('graphql_operations_total', 'graphql_operations_total', { operation: 'SchoolName', outcome: 'ok' })).toBe(1);
    expect(families.get('graphql_operation_duration_seconds')?.type).toBe('histogram');
    expect(value('graphql_operation_duration_seconds', 'graphql_operation_duration_seconds_count', { operation: 'SchoolName' })).toBe(2);
    expect(value('http_responses_total', 'http_responses_total', { route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(families.get('db_pool_connections')?.type).toBe('gauge');
    expect(value('db_pool_connections', 'db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);

    // The process's: memory, event-loop lag, garbage collection.
    expect(value('nodejs_heap_size_used_bytes', 'nodejs_heap_size_used_bytes', {})).toBeGreaterThan(0);
    expect(value('process_resident_memory_bytes', 'process_resident_memory_bytes', {})).toBeGreaterThan(0);
    expect(families.get('nodejs_eventloop_lag_seconds')?.type).toBe('gauge');
    expect(families.get('nodejs_eventloop_lag_p99_seconds')?.samples).toHaveLength(1);
    expect(families.get('nodejs_gc_duration_seconds')?.type).toBe('histogram');
  });

  it('counts what a client names, so a named operation is not `anonymous`', async () => {
    // Sent as written: one without a name, one named by hand.
    await t.gql<unknown>('query { school { name } }');
    await t.gql<unknown>('query HealthProbe { __typename }');
    const families = parsePrometheusText(await (await fetch(`${t.url}/metrics`)).text());
    const operations = families.get('graphql_operations_total')!.samples.map((s) => s.labels.operation);
    expect(operations).toEqual(expect.arrayContaining(['anonymous', 'HealthProbe']));
  });

  it('reports a syntax error as GRAPHQL_PARSE_FAILED', async () => {
    const result = await t.gql<unknown>('{ me { ');
    expect(result.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('document limits on GET, as on POST', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start([SMALL_SCHOOL], { MAX_DOCUMENT_BYTES: '2000', MAX_QUERY_TOKENS: '100' });
  });
  afterAll(() => t?.stop());

  // The preflight header is what a non-browser client sends to pass CSRF prevention on GET.
  const get = async (query: string) => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true' } });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  };
  const sized = (bytes: number) => { const head = '{ __typename } #'; return head + 'x'.repeat(bytes - head.length); };
  // "{" + n names + "}": n + 2 tokens
  const tokens = (n: number) => `{ ${'__typename '.repeat(n)}}`;

  it('refuses a document over the size limit, naming it, and serves one at the limit', async () => {
    expect(await get(sized(2000))).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    const over = await get(sized(2001));
    expect(over.status).toBe(413);
    expect(over.body.errors![0]).toMatchObject({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'document size', value: 2001, max: 2000 } });
  });

  it('refuses a document over the tokens limit, naming it, and serves one at the limit', async () => {
    expect(await get(tokens(98))).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    const over = await get(tokens(99));
    expect(over.status).toBe(400);
    expect(over.body.errors![0]).toMatchObject({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'tokens', max: 100 } });
  });
});

describe('CORS for web clients on other origins', () => {
  const WEB = 'https://homework.example.cn';
  const DEV = 'http://localhost:5173';
  const preflight = (base: string, origin: string, headers = 'content-type, authorization') =>
    fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers } });
  const corsHeaders = (res: Response) => [...res.headers.keys()].filter((k) => k.startsWith('access-control-'));

  describe('with CORS_ORIGINS', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start([SMALL_SCHOOL], { CORS_ORIGINS: `${WEB}, ${DEV}` });
    });
    afterAll(() => t?.stop());

    it("answers a listed origin's preflight with 204, the methods and headers a client sends, and Vary: Origin", async () => {
      for (const origin of [WEB, DEV]) {
        const res = await preflight(t.url, origin, 'content-type, authorization, x-request-id, apollo-require-preflight');
        expect(res.status).toBe(204);
        expect(res.headers.get('access-control-allow-origin')).toBe(origin);
        expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
        expect(res.headers.get('access-control-allow-headers')).toBe('content-type, authorization, x-request-id, apollo-require-preflight');
        expect(res.headers.get('access-control-allow-credentials')).toBeNull();
        expect(res.headers.get('vary')).toBe('Origin');
      }
    });

    it('lets a listed origin read the answer to a signed-in request, and its request id', async () => {
      const token = await t.login('jiaowu');
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { origin: WEB, 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ school { name } }' }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as SchoolNameAnswer).data.school.name).toBe(SMALL_SCHOOL.name);
      expect(res.headers.get('access-control-allow-origin')).toBe(WEB);
      expect(res.headers.get('access-control-expose-headers')).toBe('x-request-id, retry-after');
      expect(res.headers.get('vary')).toBe('Origin');
    });

    it('gives an origin not listed (nor one differing only by a slash or case) no CORS headers; its preflight is refused', async () => {
      for (const origin of ['https://evil.example.com', `${WEB}/`, 'https://HOMEWORK.example.cn', 'null']) {
        const refused = await preflight(t.url, origin);
        expect(refused.status).toBe(403);
        expect(corsHeaders(refused)).toEqual([]);
        expect(refused.headers.get('vary')).toBe('Origin');
        const answered = await fetch(`${t.url}/health`, { headers: { origin } });
        expect(answered.status).toBe(200);
        expect(corsHeaders(answered)).toEqual([]);
      }
    });
  });

  describe('without CORS_ORIGINS (same origin only)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start([SMALL_SCHOOL]);
    });
    afterAll(() => t?.stop());

    it('sends no CORS headers and refuses every preflight', async () => {
      const refused = await preflight(t.url, WEB);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('CORS_ORIGIN_NOT_ALLOWED');
      expect(corsHeaders(refused)).toEqual([]);
      const answered = await fetch(`${t.url}/health`, { headers: { origin: WEB } });
      expect(corsHeaders(answered)).toEqual([]);
      expect(answered.headers.get('vary')).toBeNull();
    });

    it('answers a plain OPTIONS (no preflight) with the methods it allows', async () => {
      const res = await fetch(`${t.url}/graphql`, { method: 'OPTIONS' });
      expect(res.status).toBe(204);
      expect(res.headers.get('allow')).toBe('GET, POST, OPTIONS');
    });
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start([SMALL_SCHOOL], { NODE_ENV: 'production' });
  });
  afterAll(() => t?.stop());

  it('turns introspection off', async () => {
    const result = await t.gql<unknown>('{ __schema { types { name } } }');
    expect(result.errors![0].message).toMatch(/introspection/i);
  });

  it('serves no explorer', async () => {
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('graphiql');
    expect((await fetch(`${t.url}/explorer/graphiql.min.js`)).status).toBe(404);
  });

  it('sends no stack traces', async () => {
    const result = await t.gql<unknown>('{ me { id } }');
    expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(result.errors)).not.toContain('stacktrace');
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, then stops accepting and closes the database', async () => {
    const t = await TestApp.start([SMALL_SCHOOL]);
    const token = await t.login('jiaowu');
    const body = JSON.stringify({ query: '{ school { name } }' });
    const { port } = new URL(t.url);
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    const closing = t.stop();
    const answered = await response;
    await closing;
    expect(answered.status).toBe(200);
    expect((JSON.parse(answered.body) as SchoolNameAnswer).data.school.name).toBe('测试甲校');
    await expect(fetch(`${t.url}/health`)).rejects.toThrow();
    expect(t.db.dataSource.isInitialized).toBe(false);
  });
});
