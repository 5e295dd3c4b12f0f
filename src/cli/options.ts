import { parseArgs } from 'node:util';
import { OptionSpecs, OptionValues, UsageError } from './command';

/** `--help` or `-h` before any `--` asks for help, whatever else the line holds. */
export function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * Parses a command's arguments with util.parseArgs and checks them against its option table.
 * parseArgs runs non-strict with tokens so that each mistake gets its own short message (its
 * strict errors are long and name no command); every token is checked here instead.
 */
export function parseOptions<O extends OptionSpecs>(specs: O, args: string[]): OptionValues<O> {
  const config = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { type: spec.type }]));
  const { tokens } = parseArgs({ args, options: config, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean | undefined> = {};
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') throw new UsageError(`unexpected argument "${token.value}"`);
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (!spec) {
      const near = closest(token.name, Object.keys(specs));
      throw new UsageError(`unknown option ${token.rawName}${near ? ` (did you mean --${near}?)` : ''}`);
    }
    if (token.name in values) throw new UsageError(`${token.rawName} is given twice`);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      values[token.name] = true;
    } else {
      // Without `=`, parseArgs takes the next word even when it is the next option.
      if (!token.value || (!token.inlineValue && token.value.startsWith('-'))) {
        throw new UsageError(`${token.rawName} needs a value (${spec.value ?? 'text'})`);
      }
      values[token.name] = token.value;
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && values[name] === undefined) throw new UsageError(`--${name} is required`);
    if (spec.type === 'boolean') values[name] ??= false;
  }
  return values as OptionValues<O>;
}

/** The candidate a mistyped word most likely meant: a prefix of it, or at most two edits away. */
export function closest(word: string, candidates: string[]): string | undefined {
  if (!word) return undefined;
  const scored = candidates
    .map((c) => ({ c, d: c.startsWith(word) ? 0 : editDistance(word, c) }))
    .filter(({ d }) => d <= 2)
    .sort((a, b) => a.d - b.d);
  return scored[0]?.c;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}
