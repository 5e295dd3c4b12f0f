import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { constraintMessage, entityName, RequestErrors } from '../../src/core/request-errors';
import { Figures, localeOf, MessageDef, render } from '../../src/core/messages';
import { NotFoundError, InvalidInputError, RuleViolation, RuleViolations } from '../../src/core/errors';
import { MESSAGE_CATALOGUES } from '../../src/modules/registry';
import { LoadErrors } from '../../src/modules/load/load.errors';
import { SubmissionMessages } from '../../src/modules/submission/submission.errors';

describe('localeOf (Accept-Language)', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en;q=0.5,zh-TW;q=0.8', 'zh-CN'],
    ['zh;q=0.2,en-GB;q=0.7', 'en'],
    ['fr-FR,de', 'zh-CN'],
    ['fr, en;q=0.3', 'en'],
    ['*', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
    [['en-US', 'zh;q=0.1'], 'en'],
  ] as const)('%j → %s', (header, locale) => {
    expect(localeOf(header as string | string[] | undefined)).toBe(locale);
  });
});

describe('an error\'s message', () => {
  it('is Chinese as made, and written in the language of the request where it is answered', () => {
    const notFound = new NotFoundError('Assignment', 'x1');
    expect(notFound.message).toBe('找不到该作业（x1）');
    expect(notFound.messageIn('zh-CN')).toBe('找不到该作业（x1）');
    expect(notFound.messageIn('en')).toBe('The assignment x1 was not found');
    const refusal = new InvalidInputError('comment', SubmissionMessages.COMMENT_TOO_SHORT, { min: 5 });
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', message: '评语至少 5 个字（不计空格）', details: { field: 'comment', reason: 'COMMENT_TOO_SHORT' } });
    expect(refusal.messageIn('en')).toBe('comment must have at least 5 characters besides spaces');
  });

  it('of several refusals lists each in the language asked for', () => {
    const figures = { capMinutes: 60, publishedMinutes: 45, thisAssignmentMinutes: 25, excessMinutes: 10, className: '三年级(2)班', day: '2026-09-14', dayKind: 'school_day' };
    const one = new RuleViolation(LoadErrors.DAILY_LOAD_EXCEEDED, ['options'], figures);
    const both = new RuleViolations([one, new RuleViolation(LoadErrors.DAILY_LOAD_EXCEEDED, ['options'], { ...figures, day: '2026-09-15' })]);
    expect(both.message).toBe(`${one.message}；${one.message.replace('2026-09-14', '2026-09-15')}`);
    expect(both.messageIn('en')).toBe(`${one.messageIn('en')}; ${one.messageIn('en').replace('2026-09-14', '2026-09-15')}`);
  });

  it('gives a refusal its figures whatever the language; strings only fill in the message', () => {
    const figures = { capMinutes: 60, publishedMinutes: 45, thisAssignmentMinutes: 25, excessMinutes: 10, className: '三年级(2)班', day: '2026-09-14', dayKind: 'school_day' };
    const zh = new RuleViolation(LoadErrors.DAILY_LOAD_EXCEEDED, ['options'], figures);
    expect(zh.message).toBe('三年级(2)班 2026-09-14（上学日）书面作业上限 60 分钟：已发布 45 分钟，本次最重的选择 25 分钟，超出 10 分钟');
    const en = new RuleViolation(LoadErrors.DAILY_LOAD_EXCEEDED, ['options'], figures);
    expect(en.messageIn('en')).toBe("三年级(2)班 may have at most 60 minutes of written homework at home on 2026-09-14 (school day); 45 are already published and this assignment's heaviest choice adds 25: 10 over");
    expect(en.code).toBe(zh.code);
    expect(en.details).toEqual(zh.details);
  });
});

describe('class-validator problems', () => {
  it('are translated by constraint name with their figures, and kept as they are in English', () => {
    expect(constraintMessage('isLength', 'title must be shorter than or equal to 200 characters', 'title', 'zh-CN')).toBe('title 最多 200 个字符');
    expect(constraintMessage('isLength', 'title must be longer than or equal to 1 characters', 'title', 'zh-CN')).toBe('title 至少 1 个字符');
    expect(constraintMessage('min', 'minutes must not be less than 1', 'minutes', 'zh-CN')).toBe('minutes 不能小于 1');
    expect(constraintMessage('max', 'minutes must not be greater than 120', 'minutes', 'zh-CN')).toBe('minutes 不能大于 120');
    expect(constraintMessage('arrayMaxSize', 'options must contain no more than 5 elements', 'options', 'zh-CN')).toBe('options 最多 5 项');
    expect(constraintMessage('matches', 'title must not be blank', 'title', 'zh-CN')).toBe('title 不能为空白');
    expect(constraintMessage('min', 'minutes must not be less than 1', 'minutes', 'en')).toBe('minutes must not be less than 1');
    expect(constraintMessage('someCustomRule', 'x is odd', 'x', 'zh-CN')).toBe('x is odd');
  });
});

describe('entity names of NOT_FOUND', () => {
  it('name the entity in each language and show unknown ones as they are', () => {
    expect(entityName('Class', 'zh-CN')).toBe('班级');
    expect(entityName('Class', 'en')).toBe('class');
    expect(entityName('Gadget', 'zh-CN')).toBe('Gadget');
  });
});

/** Exported catalogues by their name, from every `*.errors.ts` and core's own. */
let exportsCache: [string, unknown][] | null = null;
function catalogueExports(): [string, unknown][] {
  if (exportsCache) return exportsCache;
  const files = sourceFiles().filter((f) => f.endsWith('.errors.ts') || f.endsWith('core/user-error.ts') || f.endsWith('core/request-errors.ts') || f.endsWith('core/password-change.ts'));
  exportsCache = files.flatMap((file) => Object.entries(require(file) as Record<string, unknown>));
  return exportsCache;
}

function sourceFiles(dir = join(__dirname, '../../src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Figures added by the error class itself, by the class the site constructs. */
const CLASS_FIGURES: Record<string, string[]> = {
  InvalidInputError: ['field'],
  PasswordChecksBusyError: ['retryAfterSeconds'],
};

/**
 * Tables of catalogue entries (`export const ITEM_RULE_ERRORS: Readonly<Record<string, MessageDef>> = { … }`):
 * a site that names `TABLE[…]` passes its figures to every entry of the table.
 */
function entryTables(): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const text = readFileSync(file, 'utf8');
    const table = /export const ([A-Z][A-Z0-9_]*)\s*:\s*Readonly<Record<string, MessageDef>>\s*=\s*\{([^}]*)\}/g;
    for (let m = table.exec(text); m; m = table.exec(text)) {
      tables.set(m[1], [...m[2].matchAll(/\b([A-Z]\w*(?:Errors|Messages|Problems))\.([A-Z][A-Z0-9_]*)\b/g)].map((r) => `${r[1]}.${r[2]}`));
    }
  }
  return tables;
}

/** For each `Catalogue.KEY` (or `TABLE[…]`) named as a call argument in src/, the figure names of each site. */
function throwSites(): Map<string, string[][]> {
  const sites = new Map<string, string[][]>();
  const tables = entryTables();
  for (const file of sourceFiles()) {
    if (file.endsWith('.errors.ts')) continue;
    const text = readFileSync(file, 'utf8');
    const ref = /\b([A-Z]\w*(?:Errors|Messages|Problems))\.([A-Z][A-Z0-9_]*)\b|\b([A-Z][A-Z0-9_]*)\[[^\]]*\]/g;
    for (let m = ref.exec(text); m; m = ref.exec(text)) {
      const names = m[3] ? tables.get(m[3]) ?? [] : [`${m[1]}.${m[2]}`];
      if (!names.length) continue;
      const before = text.slice(0, m.index).replace(/\s+$/, '');
      const call = /(?:new\s+(\w+)|(\w+))\(\s*(?:[^(),]+,\s*)?[^(),]*$/.exec(before);
      if (!call) continue;
      const cls = call[1] ?? call[2];
      const keys = [...literalKeys(text, m.index + m[0].length), ...(CLASS_FIGURES[cls] ?? [])];
      for (const name of names) sites.set(name, [...(sites.get(name) ?? []), keys]);
    }
  }
  return sites;
}

/** The keys of the first object literal among the rest of a call's arguments, from `from`. */
function literalKeys(text: string, from: number): string[] {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      if (depth === 0) return [];
      depth--;
    } else if (c === '{' && depth === 0) {
      let d = 0;
      let j = i;
      for (; j < text.length; j++) {
        if ('{(['.includes(text[j])) d++;
        else if ('})]'.includes(text[j]) && --d === 0) break;
      }
      return objectKeys(text.slice(i + 1, j));
    } else if (c === ';' && depth === 0) return [];
  }
  return [];
}

/**
 * The keys of an object literal's body; a spread of object literals (`...(c ? { a: 1 } : {})`)
 * counts with theirs, a spread of a variable with none.
 */
function objectKeys(body: string): string[] {
  return topLevelParts(body).map((part) => part.trim()).filter(Boolean).flatMap((part) => {
    if (!part.startsWith('...')) return [/^(\w+)/.exec(part)?.[1] ?? ''].filter(Boolean);
    const keys: string[] = [];
    for (let i = part.indexOf('{'); i >= 0; i = part.indexOf('{', i + 1)) {
      let d = 0;
      let j = i;
      for (; j < part.length; j++) {
        if ('{(['.includes(part[j])) d++;
        else if ('})]'.includes(part[j]) && --d === 0) break;
      }
      keys.push(...objectKeys(part.slice(i + 1, j)));
      i = j;
    }
    return keys;
  });
}

function topLevelParts(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote && body[i - 1] !== '\\') quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('{(['.includes(c)) depth++;
    else if ('})]'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

const NUMERIC = /minutes|revision|count|grade|classno|termno|^max|^min|value|sortorder|rows?$|weekday|seconds|places|peraddress|failures|days|limit$|bytes/i;
const LISTS = new Set(['sheets', 'messages']);

/** Plausible figures for the names a site passes: numbers where the name says so, lists, else text. */
function sampleFigures(keys: string[]): Figures {
  return Object.fromEntries(keys.map((k) => [k, LISTS.has(k) ? ['样例一', '样例二'] : NUMERIC.test(k) ? 3 : k === 'dayKind' ? 'school_day' : `样例${k}`]));
}

/**
 * Every catalogue entry rendered in both languages with the figures its throw sites pass. The
 * sites are found in the source: a catalogue entry named as an argument of a call (`new
 * RuleViolation(XErrors.CODE, field, { … })`, `new ForbiddenError(XMessages.KEY, { … })`,
 * `render(…)`, …); the keys of the object literal that follows it in the call are its figures
 * (plus those the error class adds itself). An entry named only indirectly (in a table) is
 * rendered with every figure name known.
 */
describe('the message catalogues', () => {
  const entries = new Map<MessageDef, string>();
  for (const catalogue of MESSAGE_CATALOGUES) for (const def of Object.values(catalogue)) entries.set(def, def.code);
  const byName = new Map<string, MessageDef>();
  for (const catalogue of MESSAGE_CATALOGUES) {
    for (const def of Object.values(catalogue)) {
      const owner = catalogueName(catalogue);
      if (owner) byName.set(`${owner}.${def.code}`, def);
    }
  }

  const sites = throwSites();
  const allKeys = [...new Set([...sites.values()].flat(2))];

  it('finds the throw sites of the catalogues', () => {
    expect(byName.size).toBeGreaterThan(100);
    expect(sites.get('LoadErrors.DAILY_LOAD_EXCEEDED')?.[0]).toEqual(expect.arrayContaining(['capMinutes', 'className', 'day', 'dayKind']));
    expect(sites.get('SubmissionMessages.COMMENT_TOO_SHORT')).toEqual([['min', 'field'], ['min', 'field']]);
    expect(sites.get('AuthMessages.CHECKS_BUSY')).toEqual([['places', 'maxPerAddress', 'retryAfterSeconds']]);
    expect(sites.get('RequestErrors.NOT_FOUND')).toEqual([['entity', 'id']]);
    expect(sites.get('AssignmentErrors.ITEM_NEEDS_PHONE')?.[0]).toEqual(expect.arrayContaining(['title', 'grade']));
    expect(sites.get('SchoolAdminErrors.OWN_OFFICE_ROLE')).toEqual([[], ['deactivate']]);
  });

  it('has no code twice in one catalogue and a description for every entry', () => {
    for (const def of entries.keys()) expect(def.description.trim().length).toBeGreaterThan(5);
  });

  const cases: [string, MessageDef][] = [];
  for (const catalogue of MESSAGE_CATALOGUES) {
    const owner = catalogueName(catalogue) ?? '?';
    for (const def of Object.values(catalogue)) cases.push([`${owner}.${def.code}`, def]);
  }

  it.each(cases)('%s reads well in Chinese and English with its figures', (name, def) => {
    const figureSets = sites.get(name) ?? [allKeys];
    for (const keys of figureSets) {
      const figures = sampleFigures(keys);
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = render(def, figures, locale);
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
        if (locale === 'zh-CN') expect(text).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  function catalogueName(catalogue: Readonly<Record<string, MessageDef>>): string | null {
    if (catalogue === RequestErrors) return 'RequestErrors';
    const found = catalogueExports().find(([, value]) => value === catalogue);
    return found ? found[0] : null;
  }
});
