import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Headless Chromium (Debian's package), if installed; `.ci/run` installs it. */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p)) ?? null;

/**
 * `describe` for tests that need the browser. Without one they are skipped (and counted as
 * skipped) on a developer's machine, but with REQUIRE_BROWSER set (`.ci/run`) they run and fail.
 */
export const describeWithBrowser: jest.Describe = CHROMIUM || process.env.REQUIRE_BROWSER ? describe : describe.skip;

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--virtual-time-budget=8000'];

// Asynchronous: the server under test runs in this same process and must keep answering.
const run = promisify(execFile);

/** The DOM of a page after its scripts ran. */
export async function dumpDom(url: string): Promise<string> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-'));
  try {
    return (await run(CHROMIUM!, [...FLAGS, `--user-data-dir=${profile}`, '--dump-dom', url], { encoding: 'utf8', timeout: 60000 })).stdout;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** A PNG screenshot of a page; returns its bytes. `env` is added to the browser's environment (e.g. FONTCONFIG_FILE). */
export async function screenshot(url: string, size = '900,500', env: Record<string, string> = {}): Promise<Buffer> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-'));
  const file = path.join(profile, 'shot.png');
  try {
    await run(CHROMIUM!, [...FLAGS, `--user-data-dir=${profile}`, `--window-size=${size}`, `--screenshot=${file}`, url], { timeout: 60000, env: { ...process.env, ...env } });
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
