/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: it
 * throws on anything a Prometheus server would reject or misread — a malformed line, a
 * metric family declared twice or split into two groups, a sample before its family's TYPE,
 * a duplicate series, a histogram whose buckets are out of order or disagree with its count.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help?: string;
  samples: Sample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"/;
const TYPES = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];

/**
 * A sample's value as Prometheus reads it (Go's ParseFloat): infinities and NaN in any case —
 * prom-client writes `Nan`, e.g. the event-loop lag's mean before its first sample.
 */
function parseValue(raw: string, line: string): number {
  if (/^\+?inf$/i.test(raw)) return Infinity;
  if (/^-inf$/i.test(raw)) return -Infinity;
  if (/^nan$/i.test(raw)) return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) throw new Error(`not a number: ${raw} in "${line}"`);
  return Number(raw);
}

function parseSample(line: string): Sample {
  const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0];
  if (!name) throw new Error(`bad sample line: "${line}"`);
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    while (!rest.startsWith('}')) {
      const m = LABEL.exec(rest);
      if (!m) throw new Error(`bad label in "${line}"`);
      if (m[1] in labels) throw new Error(`label ${m[1]} twice in "${line}"`);
      labels[m[1]] = m[2].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      rest = rest.slice(m[0].length);
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) throw new Error(`bad label list in "${line}"`);
    }
    rest = rest.slice(1);
  }
  const fields = rest.trim().split(/\s+/);
  if (!/^\s/.test(rest) || fields.length < 1 || fields.length > 2) throw new Error(`bad sample line: "${line}"`);
  if (fields[1] !== undefined && !/^-?\d+$/.test(fields[1])) throw new Error(`bad timestamp in "${line}"`);
  return { name, labels, value: parseValue(fields[0], line) };
}

/** The family a sample belongs to: its own name, or a histogram's or summary's base name. */
function familyOf(sample: string, families: Map<string, MetricFamily>): MetricFamily | undefined {
  const own = families.get(sample);
  if (own) return own;
  const m = /^(.*)_(bucket|sum|count)$/.exec(sample);
  const base = m ? families.get(m[1]) : undefined;
  if (base && (base.type === 'histogram' || (base.type === 'summary' && m![2] !== 'bucket'))) return base;
  return undefined;
}

function checkHistogram(family: MetricFamily): void {
  const series = new Map<string, { buckets: [number, number][]; count?: number; sum?: number }>();
  for (const s of family.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const entry = series.get(key) ?? { buckets: [] };
    series.set(key, entry);
    if (s.name === `${family.name}_bucket`) {
      if (le === undefined) throw new Error(`${family.name}: a bucket without le`);
      entry.buckets.push([parseValue(le, le), s.value]);
    } else if (s.name === `${family.name}_count`) entry.count = s.value;
    else if (s.name === `${family.name}_sum`) entry.sum = s.value;
    else throw new Error(`${family.name}: unexpected sample ${s.name}`);
  }
  for (const [key, { buckets, count, sum }] of series) {
    const at = `${family.name}${key}`;
    if (count === undefined || sum === undefined) throw new Error(`${at}: no _count or _sum`);
    const last = buckets[buckets.length - 1];
    if (!last || last[0] !== Infinity) throw new Error(`${at}: no +Inf bucket`);
    if (last[1] !== count) throw new Error(`${at}: +Inf bucket ${last[1]} differs from _count ${count}`);
    buckets.forEach(([le, n], i) => {
      if (i > 0 && (le <= buckets[i - 1][0] || n < buckets[i - 1][1])) throw new Error(`${at}: buckets out of order at le=${le}`);
    });
  }
}

/** Parses an exposition into its metric families, by name; throws on anything invalid. */
export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  if (text.length > 0 && !text.endsWith('\n')) throw new Error('the exposition must end with a line feed');
  const families = new Map<string, MetricFamily>();
  const seen = new Set<string>();
  const typed = new Set<string>();
  let current: MetricFamily | undefined;
  const declare = (name: string): MetricFamily => {
    if (!METRIC_NAME.test(name)) throw new Error(`bad metric name ${name}`);
    let family = families.get(name);
    if (!family) {
      family = { name, type: 'untyped', samples: [] };
      families.set(name, family);
    } else if (family.samples.length > 0) {
      throw new Error(`${name}: HELP or TYPE after its samples`);
    }
    current = family;
    return family;
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const m = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s(.*))?$/.exec(line);
      if (!m) continue;
      const [, keyword, name, rest = ''] = m;
      if (keyword === 'HELP') {
        const family = declare(name);
        if (family.help !== undefined) throw new Error(`${name}: HELP twice`);
        family.help = rest;
      } else {
        if (typed.has(name)) throw new Error(`${name}: TYPE twice`);
        typed.add(name);
        if (!TYPES.includes(rest.trim())) throw new Error(`${name}: unknown type "${rest}"`);
        declare(name).type = rest.trim() as MetricFamily['type'];
      }
      continue;
    }
    const sample = parseSample(line);
    const family = familyOf(sample.name, families);
    if (!family) throw new Error(`sample ${sample.name} has no HELP or TYPE before it`);
    if (family !== current) throw new Error(`${family.name}: its samples are not in one group`);
    const series = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seen.has(series)) throw new Error(`duplicate series ${series}`);
    seen.add(series);
    family.samples.push(sample);
  }
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return families;
}
