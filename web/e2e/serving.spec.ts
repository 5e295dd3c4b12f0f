import { test, expect } from './fixtures';

test('the service serves the app: pages uncached, hashed assets cached for a year, the API untouched', async ({ request }) => {
  const page = await request.get('/student/today', { headers: { accept: 'text/html' } });
  expect(page.status()).toBe(200);
  expect(page.headers()['content-type']).toContain('text/html');
  expect(page.headers()['cache-control']).toBe('no-cache');
  expect(page.headers()['content-security-policy']).toContain("default-src 'self'");
  const html = await page.text();
  expect(html).toContain('<div id="root">');

  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  const script = await request.get(asset!);
  expect(script.status()).toBe(200);
  expect(script.headers()['content-type']).toContain('text/javascript');
  expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');

  expect((await request.get('/assets/missing-0000.js')).status()).toBe(404);
  expect((await request.get('/assets/..%2f..%2f..%2fpackage.json')).status()).toBe(404);
  expect((await request.get('/package.json')).status()).toBe(404);

  const api = await request.post('/graphql', { data: { query: '{ __typename }' }, headers: { 'content-type': 'application/json' } });
  expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  expect((await request.get('/health')).status()).toBe(200);
});
