import { test as base, expect, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startService, type RunningService } from './service';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = path.resolve(HERE, '..', 'screenshots');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** The real service, one per worker, on a fresh database; `baseURL` points at it. */
export const test = base.extend<{ as: (username: string, password: string, viewport?: { width: number; height: number }) => Promise<Page> }, { service: RunningService }>({
  service: [
    async ({}, use) => {
      const service = await startService();
      await use(service);
      await service.stop();
    },
    { scope: 'worker', timeout: 5 * 60 * 1000 },
  ],
  baseURL: async ({ service }, use) => use(service.url),
  /** A person signed in through the sign-in page, in a browser context of their own. */
  as: async ({ browser, baseURL }, use) => {
    const contexts: Awaited<ReturnType<Browser['newContext']>>[] = [];
    await use(async (username, password, viewport = DESKTOP) => {
      // bypassCSP: axe-core is injected as an inline script, which the app's CSP rightly refuses.
      const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, username, password);
      return page;
    });
    for (const c of contexts) await c.close();
  },
});

export { expect };

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('学校代码').fill('jhsy');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: /账号菜单/ })).toBeVisible();
}

/**
 * Screenshots of the page as it is, at 1280 px and 390 px wide, into web/screenshots/; the
 * page goes back to its own size afterwards. Full-page, so a layout problem further down shows.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const own = page.viewportSize() ?? DESKTOP;
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize(own);
}

/** axe-core in the page (through @axe-core/playwright): no serious or critical accessibility violations. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Whatever is fading in or out (a closing dialog, a collapsing panel) is read once it has
  // finished: read mid-fade its text is paler than it is, and whether axe caught one would depend
  // on the machine's speed. Endless animations (a spinner) do not fade anything.
  await page.waitForFunction(() => document.getAnimations()
    .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  // A passing toast (「留言已发送」…) is left out: it stays 3 s and then fades, so axe could read it
  // mid-fade whatever the wait above; its text is Ant Design's message text on white.
  const result = await new AxeBuilder({ page }).exclude('.ant-message').analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })) }));
  expect(serious, `${what}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}

/** The page fits a 360 px wide phone: nothing sticks out sideways. */
export async function expectFitsNarrowPhone(page: Page): Promise<void> {
  const own = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize({ width: 360, height: 780 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.setViewportSize(own);
  expect(overflow, 'horizontal overflow at 360 px').toBeLessThanOrEqual(0);
}

/** One GraphQL request to the service, as the app makes it (same origin, JSON). */
export async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
