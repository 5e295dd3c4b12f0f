import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the real service (started by e2e/service.ts on a fresh database: the
 * embedded one, or PostgreSQL when TEST_DATABASE_URL is set), driving the system Chromium —
 * browser downloads do not work here, so `playwright install` is never needed.
 * Timeouts are generous hang guards only: the machine has 2 cores shared with other work.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 15 * 60 * 1000,
  expect: { timeout: 30 * 1000 },
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    // axe-core is injected as an inline script, which the app's CSP rightly refuses.
    bypassCSP: true,
    timezoneId: 'Asia/Shanghai',
    actionTimeout: 30 * 1000,
    navigationTimeout: 60 * 1000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // --lang: the browser's own widgets (the date field) in Chinese, as on a Chinese school's computer.
      args: ['--lang=zh-CN', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
