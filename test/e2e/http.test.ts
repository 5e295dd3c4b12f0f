import http from 'node:http';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TestApp } from '../support/test-app';

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
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/exceeds 1048576 bytes/);
  });

  it('answers unknown paths with 404 and bad JSON with 400', async () => {
    expect((await fetch(`${t.url}/nope`)).status).toBe(404);
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

  it('exposes Prometheus metrics: operations by name and outcome, latency, HTTP responses, the pool', async () => {
    await t.gql('query SchoolName { school { name } }');
    await t.gql('query SchoolName { school { name } }', {}, await t.login('jiaowu'));
    const res = await fetch(`${t.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('graphql_operations_total{operation="SchoolName",outcome="error"} 1');
    expect(text).toContain('graphql_operations_total{operation="SchoolName",outcome="ok"} 1');
    expect(text).toMatch(/graphql_operation_duration_seconds_count\{operation="SchoolName"\} 2/);
    expect(text).toMatch(/http_responses_total\{route="\/graphql",status="200"\} \d+/);
    expect(text).toMatch(/db_pool_connections\{state="total"\} \d+/);
  });

  it('reports a syntax error as GRAPHQL_PARSE_FAILED', async () => {
    const result = await t.gql('{ me { ');
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

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start([SMALL_SCHOOL], { NODE_ENV: 'production' });
  });
  afterAll(() => t?.stop());

  it('turns introspection off', async () => {
    const result = await t.gql('{ __schema { types { name } } }');
    expect(result.errors![0].message).toMatch(/introspection/i);
  });

  it('serves no explorer', async () => {
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('graphiql');
    expect((await fetch(`${t.url}/explorer/graphiql.min.js`)).status).toBe(404);
  });

  it('sends no stack traces', async () => {
    const result = await t.gql('{ me { id } }');
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
    expect(JSON.parse(answered.body).data.school.name).toBe('测试甲校');
    await expect(fetch(`${t.url}/health`)).rejects.toThrow();
    expect(t.db.dataSource.isInitialized).toBe(false);
  });
});
