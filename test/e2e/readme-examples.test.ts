import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadConfig } from '../../src/config';
import { seedDemo } from '../../seeds/demo';
import { TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

/**
 * The README's worked examples, run as a newcomer runs them: every ```sh block under a
 * "Worked example" heading goes to bash, in order and in one shell (later examples use what
 * earlier ones define), against a fresh service on the demo school seeded as `npm start`
 * seeds it; the README's `http://localhost:4000` becomes the test service's address. Each
 * command followed by a `# → {…}` comment, or by a ```json answer block after its sh block,
 * must print what the README shows — exact JSON, except that `…` in an array or object stands
 * for "and more" and at the end of a string for "and the rest". Every other command must
 * print nothing, so no answer goes unchecked. The README's figures can then never drift from
 * what the service answers, and the README can be fixed by reading a failure.
 */
const ROOT = path.join(__dirname, '..', '..');
const README = path.join(ROOT, 'README.md');
/** Where the README's examples send their requests; replaced by the test service's origin. */
const README_ORIGIN = 'http://localhost:4000';

interface Fence { lang: string; lines: string[] }
interface Section { title: string; fences: Fence[] }

/** The "Worked example" sections of the README (each up to the next heading of level 1 or 2) with their fenced blocks. */
function workedExamples(markdown: string): Section[] {
  const sections: Section[] = [];
  let section: Section | undefined;
  let fence: Fence | undefined;
  for (const line of markdown.split('\n')) {
    if (fence) {
      if (/^```\s*$/.test(line)) {
        section?.fences.push(fence);
        fence = undefined;
      } else fence.lines.push(line);
      continue;
    }
    const open = /^```(\S*)/.exec(line);
    if (open) {
      fence = { lang: open[1], lines: [] };
      continue;
    }
    const heading = /^(#{1,2}) (.*)$/.exec(line);
    if (heading) {
      section = /^Worked example\b/.test(heading[2]) ? { title: heading[2], fences: [] } : undefined;
      if (section) sections.push(section);
    }
  }
  return sections;
}

/** A command of the README whose output is shown, and what it shows. */
interface Check {
  id: number;
  section: string;
  /** The command's operation name, else its first line. */
  label: string;
  command: string;
  expected: string;
}

/** Whether `text` closes every bracket it opens (outside strings): a `# →` comment goes on until it does. */
function balanced(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth === 0 && !inString;
}

const isShell = (fence: Fence) => fence.lang === 'sh' || fence.lang === 'bash';
const marker = (kind: 'start' | 'end', id: number) => `printf '\\n@@readme ${kind} ${id}@@\\n'`;
const MARKER = /\n@@readme (start|end) (\d+)@@\n/;

/**
 * Where the command whose last line is `last` starts: the nearest line at or above it that
 * begins in the first column, is no comment, and does not continue a line ending in `\`.
 * (The README indents the continuation lines of a command; bash -n checks every cut.)
 */
function commandStart(lines: string[], last: number, lowest: number, where: string): number {
  for (let k = last; k >= lowest; k--) {
    const line = lines[k];
    if (line.trim() === '' || /^\s/.test(line) || line.startsWith('#')) continue;
    if (k > 0 && lines[k - 1].trimEnd().endsWith('\\')) continue;
    return k;
  }
  throw new Error(`${where}: no command above the expected output on line ${last + 2} of its block`);
}

interface Plan {
  script: string;
  checks: Check[];
  /** The pieces of shell between markers, each of which must parse alone. */
  pieces: string[];
  /** The operation names the examples give their queries and mutations. */
  operationNames: Set<string>;
}

/** The examples' shell blocks with a marker before and after each command whose output the README shows. */
function instrument(sections: Section[]): Plan {
  const checks: Check[] = [];
  const pieces: string[] = [];
  const script: string[] = [];
  const operationNames = new Set<string>();
  for (const section of sections) {
    section.fences.forEach((fence, f) => {
      if (!isShell(fence)) return;
      const { lines } = fence;
      const cuts: { at: number; text: string }[] = [];
      let lowest = 0;
      const check = (start: number, end: number, expected: string) => {
        const command = lines.slice(start, end).join('\n');
        const id = checks.length;
        const name = /\b(?:query|mutation)\s+([A-Za-z_]\w*)/.exec(command)?.[1];
        checks.push({ id, section: section.title, label: name ?? lines[start].slice(0, 60), command, expected });
        cuts.push({ at: start, text: marker('start', id) });
        cuts.push({ at: end, text: marker('end', id) });
      };
      for (let i = 0; i < lines.length; i++) {
        const arrow = /^#\s*→\s?(.*)$/.exec(lines[i]);
        if (!arrow) continue;
        const start = commandStart(lines, i - 1, lowest, section.title);
        let expected = arrow[1];
        let j = i + 1;
        while (!balanced(expected) && j < lines.length && lines[j].startsWith('#')) expected += ` ${lines[j++].replace(/^#\s*/, '')}`;
        if (!balanced(expected)) throw new Error(`${section.title}: the expected output on line ${i + 1} of its block never closes`);
        check(start, j, expected);
        lowest = j;
        i = j - 1;
      }
      // A ```json block right after this one is the answer of its last command.
      const answer = section.fences[f + 1];
      if (answer?.lang === 'json') {
        let last = lines.length - 1;
        while (last >= 0 && lines[last].trim() === '') last--;
        check(commandStart(lines, last, lowest, section.title), lines.length, answer.lines.join('\n'));
      }
      let from = 0;
      for (const cut of cuts) {
        pieces.push(lines.slice(from, cut.at).join('\n'));
        script.push(...lines.slice(from, cut.at), cut.text);
        from = cut.at;
      }
      pieces.push(lines.slice(from).join('\n'));
      script.push(...lines.slice(from));
      const commands = lines.filter((line) => !line.startsWith('#')).join('\n');
      for (const m of commands.matchAll(/\b(?:query|mutation)\s+([A-Za-z_]\w*)/g)) operationNames.add(m[1]);
    });
  }
  return { script: script.join('\n'), checks, pieces, operationNames };
}

/** What the README shows of an answer: JSON in which `…` stands for more elements, entries or characters. */
type Pattern =
  | { kind: 'exact'; value: unknown }
  | { kind: 'prefix'; text: string }
  | { kind: 'object'; entries: [string, Pattern][]; more: boolean }
  | { kind: 'array'; items: Pattern[]; more: boolean };

function parsePattern(text: string): Pattern {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at character ${i} of the README's expected output: ${text}`);
  };
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const take = (c: string) => {
    ws();
    if (text[i] !== c) fail(`expected ${c}`);
    i++;
  };
  const ellipsis = () => {
    ws();
    if (text[i] !== '…') return false;
    i++;
    return true;
  };
  const string = (): string => {
    ws();
    const start = i;
    if (text[i] !== '"') fail('expected a string');
    for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  // Elements (or entries) separated by commas, optionally ending with `…`.
  const list = <T>(close: string, element: () => T): { items: T[]; more: boolean } => {
    const items: T[] = [];
    ws();
    if (text[i] === close) {
      i++;
      return { items, more: false };
    }
    for (;;) {
      if (ellipsis()) {
        take(close);
        return { items, more: true };
      }
      items.push(element());
      ws();
      if (text[i] === ',') i++;
      else {
        take(close);
        return { items, more: false };
      }
    }
  };
  const value = (): Pattern => {
    ws();
    if (text[i] === '{') {
      i++;
      const { items, more } = list('}', () => {
        const key = string();
        take(':');
        return [key, value()] as [string, Pattern];
      });
      return { kind: 'object', entries: items, more };
    }
    if (text[i] === '[') {
      i++;
      const { items, more } = list(']', value);
      return { kind: 'array', items, more };
    }
    if (text[i] === '"') {
      const s = string();
      return s.endsWith('…') ? { kind: 'prefix', text: s.slice(0, -1) } : { kind: 'exact', value: s };
    }
    const literal = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!literal) return fail('expected a value');
    i += literal[0].length;
    return { kind: 'exact', value: JSON.parse(literal[0]) };
  };
  const pattern = value();
  ws();
  if (i < text.length) fail('unexpected text');
  return pattern;
}

const show = (v: unknown) => JSON.stringify(v);

/** Where `actual` differs from what the README shows, one line each. */
function differences(p: Pattern, actual: unknown, at = '$'): string[] {
  switch (p.kind) {
    case 'exact':
      return isDeepStrictEqual(p.value, actual) ? [] : [`${at}: the README shows ${show(p.value)}, the service answers ${show(actual)}`];
    case 'prefix':
      return typeof actual === 'string' && actual.startsWith(p.text) ? [] : [`${at}: the README shows ${show(`${p.text}…`)}, the service answers ${show(actual)}`];
    case 'object': {
      if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${at}: the README shows an object, the service answers ${show(actual)}`];
      const record = actual as Record<string, unknown>;
      const out = p.entries.flatMap(([key, v]) =>
        key in record ? differences(v, record[key], `${at}.${key}`) : [`${at}.${key}: shown in the README, not in the answer`]);
      const shown = new Set(p.entries.map(([key]) => key));
      const extra = Object.keys(record).filter((key) => !shown.has(key));
      if (!p.more && extra.length) out.push(`${at}: the answer also has ${extra.join(', ')} (not shown, and no …)`);
      return out;
    }
    case 'array': {
      if (!Array.isArray(actual)) return [`${at}: the README shows a list, the service answers ${show(actual)}`];
      const out: string[] = [];
      if (p.more ? actual.length < p.items.length : actual.length !== p.items.length) {
        out.push(`${at}: the README shows ${p.items.length}${p.more ? ' or more' : ''} elements, the service answers ${actual.length}`);
      }
      p.items.forEach((item, k) => {
        if (k < actual.length) out.push(...differences(item, actual[k], `${at}[${k}]`));
      });
      return out;
    }
  }
}

/**
 * Runs `script` with bash (`-n`: only parses it) in a folder of its own, never through a proxy.
 * Asynchronously: the service answering it runs in this process.
 */
function bash(script: string, cwd: string, parseOnly = false): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, LC_ALL: 'C.UTF-8', NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };
    const child = spawn('bash', [...(parseOnly ? ['-n'] : []), '-c', script], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Splits the marked output into each check's output and what was printed outside any check. */
function outputs(stdout: string): { byCheck: Map<number, string>; stray: string } {
  const parts = `\n${stdout}`.split(MARKER);
  const byCheck = new Map<number, string>();
  let stray = parts[0];
  for (let k = 1; k < parts.length; k += 3) {
    const [kind, id, text] = [parts[k], Number(parts[k + 1]), parts[k + 2]];
    if (kind === 'start') byCheck.set(id, text);
    else stray += text;
  }
  return { byCheck, stray };
}

const sections = workedExamples(fs.readFileSync(README, 'utf8'));
const plan = instrument(sections);

let t: TestApp;
let run: { code: number | null; stdout: string; stderr: string };
let printed: ReturnType<typeof outputs>;
let metrics: string;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));

beforeAll(async () => {
  const db = await createTestDatabase();
  try {
    // As `npm start` seeds an empty database.
    await seedDemo(db.dataSource, loadConfig(process.env).passwordHashCost);
    t = await TestApp.startOn(db, []);
  } catch (e) {
    await db.close();
    throw e;
  }
  // What the service's calibration worker (stopped in tests) would do within a second of starting.
  await t.drainCalibrations();
  const origin = new URL(t.url).origin;
  run = await bash(plan.script.replaceAll(README_ORIGIN, origin), workDir);
  printed = outputs(run.stdout);
  metrics = await (await fetch(`${origin}/metrics`)).text();
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

it('finds the worked examples, the commands whose answers they show, and parses every answer', () => {
  expect(sections.length).toBeGreaterThan(0);
  for (const section of sections) {
    expect({ section: section.title, shown: plan.checks.some((c) => c.section === section.title) }).toEqual({ section: section.title, shown: true });
  }
  expect(plan.script).toContain(README_ORIGIN);
  for (const check of plan.checks) expect(() => parsePattern(check.expected)).not.toThrow();
});

it('cuts the blocks only between whole commands (each piece parses alone)', async () => {
  for (const piece of plan.pieces) {
    const parsed = await bash(piece, workDir, true);
    expect({ piece, stderr: parsed.stderr }).toEqual({ piece, stderr: '' });
  }
});

it('runs every block to the end without an error', () => {
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
});

describe.each(sections.map((s) => [s.title, s] as const))('%s', (_title, section) => {
  const checks = plan.checks.filter((c) => c.section === section.title);
  it.each(checks.map((c, k) => [k + 1, c.label, c] as const))('answer %i (%s) is what the README shows', (_n, _label, check) => {
    const output = printed.byCheck.get(check.id);
    if (output === undefined) throw new Error(`the command never ran:\n${check.command}\nstderr: ${run.stderr}`);
    let actual: unknown;
    try {
      actual = JSON.parse(output);
    } catch {
      throw new Error(`the command printed no JSON:\n${check.command}\nit printed: ${output}`);
    }
    const found = differences(parsePattern(check.expected), actual);
    if (found.length) throw new Error(`${found.join('\n')}\n\nthe command:\n${check.command}\n\nthe whole answer:\n${output.trim()}`);
  });
});

it('prints nothing the README does not show', () => {
  expect(printed.stray.trim()).toBe('');
});

it('names every query and mutation, so /metrics tells them apart', () => {
  // Labels in any order: graphql_operations_total{operation="SignIn",outcome="ok"} 4
  const operations = [...metrics.matchAll(/^graphql_operations_total\{([^}]*)\} (\S+)$/gm)].map((m) => {
    const labels: Record<string, string> = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    return { operation: labels.operation, outcome: labels.outcome, count: Number(m[2]) };
  });
  expect(operations.length).toBeGreaterThan(0);
  expect(operations.filter((o) => o.operation === 'anonymous')).toEqual([]);
  expect(operations.filter((o) => o.outcome !== 'ok')).toEqual([]);
  expect(new Set(operations.map((o) => o.operation))).toEqual(plan.operationNames);
});

it('stands alone: it names no file outside the repository and links only to files in it', () => {
  const lines = fs.readFileSync(README, 'utf8').split('\n');
  expect(lines.filter((line) => /\.\.\/shared|\]\(\.\.\//.test(line))).toEqual([]);
  const targets = lines.flatMap((line) => [...line.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]))
    .filter((target) => !/^(https?:|mailto:|#)/.test(target));
  expect(targets.filter((target) => !fs.existsSync(path.join(ROOT, target.split('#')[0])))).toEqual([]);
});
