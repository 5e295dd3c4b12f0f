import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoadResult } from './load';
import { PreparedData, TargetName } from './prepare';

/** What one target's run produced; bench/service.ts fills it, writeReport prints it. */
export interface TargetReport {
  name: TargetName;
  data: PreparedData;
  poolSize: number;
  week: { monday: string; friday: string; wednesday: string };
  results: LoadResult[];
  statements: Record<string, number>;
  failures: Record<string, string[]>;
  floor: LoadResult[];
  floorMatches: boolean;
  notes: string[];
  seconds: number;
  warmupSeconds: number;
  /** PostgreSQL: the class week from the service, the floor and PostGraphile 5 in interleaved rounds. */
  interleaved?: Interleaved;
}

/** Interleaved rounds of the class week (bench/service.ts, interleavedRounds). */
export interface Interleaved {
  rounds: number;
  connections: number[];
  runs: { contestant: string; round: number; result: LoadResult }[];
  /** Whether the floor's and PostGraphile's answers are deep-equal to the service's (null: PostGraphile not run). */
  floorMatches: boolean;
  anchorMatches: boolean | null;
  anchorNode: string | null;
}

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Per contestant and concurrency: the medians over the rounds. */
export function interleavedMedians(i: Interleaved): { contestant: string; connections: number; rps: number; p50: number; p99: number; perRound: number[]; failures: number }[] {
  const out = [];
  for (const connections of i.connections) {
    for (const contestant of [...new Set(i.runs.map((r) => r.contestant))]) {
      const runs = i.runs.filter((r) => r.contestant === contestant && r.result.connections === connections).map((r) => r.result);
      out.push({
        contestant, connections, rps: median(runs.map((r) => r.rps)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)),
        perRound: runs.map((r) => r.rps), failures: runs.reduce((n, r) => n + r.graphqlErrors + r.errors + r.non2xx, 0),
      });
    }
  }
  return out;
}

function interleavedSection(i: Interleaved, serviceStatements: number | undefined): string[] {
  const medians = interleavedMedians(i);
  const lines = [`### Class week, interleaved: the service, the floor and PostGraphile 5`, '',
    `${i.rounds} rounds; in each, the contestants ran one after the other (${i.rounds > 1 ? 'each round starting with the next one' : 'once'}), ` +
    'for the same time and warm-up as above, so that what else ran on the machine fell on all alike. "service" is the one process measured above; ' +
    '"service, N processes" is `node dist/src/main.js` as `npm start` runs it (a worker per core, each with its own pool of the same size). Medians over the rounds:', '',
    '| contestant | connections | median req/s | median p50 ms | median p99 ms | req/s per round | statements/request | failed answers |',
    '|---|---:|---:|---:|---:|---|---:|---:|'];
  const statements: Record<string, string> = { service: String(serviceStatements ?? '—'), floor: '1', 'PostGraphile 5': '—' };
  for (const m of medians) {
    const st = statements[m.contestant] ?? (m.contestant.startsWith('service') ? statements.service : '—');
    lines.push(`| ${m.contestant} | ${m.connections} | ${rate(m.rps)} | ${ms(m.p50)} | ${ms(m.p99)} | ${m.perRound.map(rate).join(', ')} | ${st} | ${m.failures} |`);
  }
  lines.push('');
  for (const connections of i.connections) {
    const of = (c: string) => medians.find((m) => m.contestant === c && m.connections === connections);
    const service = of('service');
    const floor = of('floor');
    const anchor = of('PostGraphile 5');
    const parts = [];
    if (service && floor) parts.push(`service ÷ floor **${(service.rps / floor.rps * 100).toFixed(0)} %**`);
    if (service && anchor) parts.push(`service ÷ PostGraphile 5 **${(service.rps / anchor.rps).toFixed(2)}×**`);
    const clustered = medians.find((m) => m.connections === connections && /^service, \d+ processes$/.test(m.contestant));
    if (service && clustered) {
      parts.push(`${clustered.contestant} ÷ one process **${(clustered.rps / service.rps).toFixed(2)}×**`);
      if (floor) parts.push(`${clustered.contestant} ÷ floor ${(clustered.rps / floor.rps * 100).toFixed(0)} %`);
      if (anchor) parts.push(`${clustered.contestant} ÷ PostGraphile 5 ${(clustered.rps / anchor.rps).toFixed(2)}×`);
    }
    if (parts.length) lines.push(`Median throughput at ${connections} connections: ${parts.join(', ')}.`, '');
  }
  lines.push(`Answers: the floor's ${i.floorMatches ? 'is' : '**is not**'} deep-equal to the service's; ` +
    (i.anchorMatches === null ? 'PostGraphile 5 was not run (BENCH_ANCHOR=0).' :
      `PostGraphile 5's ${i.anchorMatches ? 'is' : '**is not**'} deep-equal to the service's (checked in this run, before the rounds${i.anchorMatches ? '' : '; see .data/bench-postgraphile-mismatch-postgres.json'}).`), '');
  return lines;
}

export interface MachineFacts {
  os: string;
  cpu: string;
  memory: string;
  node: string;
  pglite: string;
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  let pglite = 'unknown';
  try {
    let dir = path.dirname(require.resolve('@electric-sql/pglite'));
    while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
    pglite = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    // Reported as unknown.
  }
  return {
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    cpu: `${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    pglite,
  };
}

const TITLES: Record<TargetName, string> = { postgres: 'PostgreSQL server', embedded: 'Embedded PGlite' };

export const HEAVY_READS = ['class week', 'student day', 'marking queue', 'weekly notice', 'bank search', 'class load report'];

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');
const rate = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');

function resultTable(t: TargetReport): string[] {
  const lines = ['| operation | connections | req/s | p50 ms | p99 ms | statements/request | non-2xx | GraphQL errors |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const r of t.results) {
    const errors = `${r.graphqlErrors}${r.errors ? ` (+${r.errors} connection errors)` : ''}${r.exhausted ? ` (${r.exhausted} after the prepared writes ran out)` : ''}`;
    lines.push(`| ${r.operation} | ${r.connections} | ${rate(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.statements ?? '—'} | ${r.non2xx} | ${errors} |`);
  }
  for (const r of t.floor) lines.push(`| class week, floor: one SQL statement | ${r.connections} | ${rate(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | 1 | — | ${r.errors} |`);
  return lines;
}

function find(t: TargetReport | undefined, operation: string, connections: number): LoadResult | undefined {
  return t?.results.find((r) => r.operation === operation && r.connections === connections);
}

/** Service ÷ floor throughput of the class week at each concurrency. */
function floorRatios(t: TargetReport): { connections: number; service: number; floor: number; ratio: number }[] {
  return t.floor.flatMap((f) => {
    const s = find(t, 'class week', f.connections);
    return s ? [{ connections: f.connections, service: s.rps, floor: f.rps, ratio: s.rps / f.rps }] : [];
  });
}

function verdict(met: boolean, by: string): string {
  return met ? `**met** (${by})` : `**missed** (${by})`;
}

/** The Targets section: judged on PostgreSQL (the embedded figures follow for comparison). */
function targets(reports: TargetReport[], teachers: number): string[] {
  const pg = reports.find((r) => r.name === 'postgres');
  const pgl = reports.find((r) => r.name === 'embedded');
  const lines = ['| target | PostgreSQL | verdict | embedded PGlite, for comparison |', '|---|---|---|---|'];
  const other = (operation: string, connections: number, what: (r: LoadResult) => string) => {
    const r = find(pgl, operation, connections);
    return r ? what(r) : '—';
  };
  for (const op of HEAVY_READS) {
    const r = find(pg, op, 8);
    const max = op === 'class load report' ? 150 : 50;
    const p99 = (x: LoadResult) => `p99 ${ms(x.p99)} ms`;
    lines.push(`| ${op}: p99 ≤ ${max} ms at 8 connections | ${r ? p99(r) : 'not run'} | ${r ? verdict(r.p99 <= max, r.p99 <= max ? `${ms(max - r.p99)} ms to spare` : `${ms(r.p99 - max)} ms over, ×${(r.p99 / max).toFixed(1)}`) : '—'} | ${other(op, 8, p99)} |`);
  }
  const ratioText = (t: TargetReport | undefined, connections: number) => {
    const x = t && floorRatios(t).find((f) => f.connections === connections);
    return x ? `${(x.ratio * 100).toFixed(0)} % (${rate(x.service)} ÷ ${rate(x.floor)} req/s)` : '—';
  };
  const medians = pg?.interleaved ? interleavedMedians(pg.interleaved).filter((m) => m.connections === 8) : [];
  const medianOf = (c: string) => medians.find((m) => m.contestant === c);
  const [ms8, mf8, ma8] = [medianOf('service'), medianOf('floor'), medianOf('PostGraphile 5')];
  const pgRatio = ms8 && mf8 ? { ratio: ms8.rps / mf8.rps } : pg && floorRatios(pg).find((f) => f.connections === 8);
  const pgRatioText = ms8 && mf8 ? `${(pgRatio!.ratio * 100).toFixed(0)} % (medians of ${pg!.interleaved!.rounds} interleaved rounds: ${rate(ms8.rps)} ÷ ${rate(mf8.rps)} req/s)` : ratioText(pg, 8);
  if (ms8 && ma8) {
    const x = ms8.rps / ma8.rps;
    lines.push(`| class week: ≥ 1.0× PostGraphile 5's throughput at 8 connections (same RLS) | ${x.toFixed(2)}× (medians: ${rate(ms8.rps)} ÷ ${rate(ma8.rps)} req/s) | ` +
      `${verdict(x >= 1, x >= 1 ? `${((x - 1) * 100).toFixed(0)} % ahead` : `${((1 - x) * 100).toFixed(0)} % behind, needs ×${(1 / x).toFixed(1)}`)} | — |`);
  }
  lines.push(`| class week: ≥ 50 % of the floor's throughput at 8 connections | ${pgRatioText} | ${pgRatio ? verdict(pgRatio.ratio >= 0.5, pgRatio.ratio >= 0.5 ? `${((pgRatio.ratio - 0.5) * 100).toFixed(0)} points to spare` : `${((0.5 - pgRatio.ratio) * 100).toFixed(0)} points short, needs ×${(0.5 / pgRatio.ratio).toFixed(1)}`) : '—'} | ${ratioText(pgl, 8)} |`);
  const pub = `publish, ${teachers} teachers`;
  const p = find(pg, pub, teachers);
  lines.push(`| publish with the load check: p99 ≤ 100 ms while ${teachers} teachers publish at once | ${p ? `p99 ${ms(p.p99)} ms, ${rate(p.rps)} publishes/s` : 'not run'} | ${p ? verdict(p.p99 <= 100, p.p99 <= 100 ? `${ms(100 - p.p99)} ms to spare` : `${ms(p.p99 - 100)} ms over, ×${(p.p99 / 100).toFixed(1)}`) : '—'} | ${other(pub, teachers, (x) => `p99 ${ms(x.p99)} ms`)} |`);
  if (pg && pgl) {
    // A run with failed answers (a write run that ran out of prepared writes answers fast and
    // wrong) has no throughput to compare: it is left out and named.
    const clean = (r: LoadResult) => r.graphqlErrors + r.errors + r.non2xx === 0;
    const compared = pg.results.filter((r) => r.connections === 8 || r.operation.startsWith('publish,')).flatMap((r) => {
      const e = find(pgl, r.operation, r.connections);
      return e ? [{ operation: r.operation, x: r.rps / e.rps, clean: clean(r) && clean(e) }] : [];
    });
    const ratios = compared.filter((r) => r.clean);
    const leftOut = compared.filter((r) => !r.clean).map((r) => r.operation);
    const over = ratios.filter((r) => r.x > 3);
    const worst = ratios.reduce((a, b) => (b.x > a.x ? b : a), ratios[0]);
    if (worst) {
      const left = leftOut.length ? `; left out, a run of theirs had failed answers: ${leftOut.join(', ')}` : '';
      lines.push(`| embedded PGlite within 3× of PostgreSQL for every operation (throughput at 8 connections) | worst: ${worst.operation}, PostgreSQL ${worst.x.toFixed(1)}× PGlite | ` +
        `${verdict(!over.length, `${over.length ? `over 3× for ${over.map((o) => `${o.operation} (${o.x.toFixed(1)}×)`).join(', ')}` : 'all within 3×'}${left}`)} | — |`);
    }
  }
  for (const c of [1, 8]) {
    const b = find(pg, 'bank search', c);
    lines.push(`| bank search over ${pg?.data.bankItems ?? '100,000'} items: p99 ≤ 30 ms (${c} connection${c > 1 ? 's' : ''}) | ${b ? `p99 ${ms(b.p99)} ms` : 'not run'} | ${b ? verdict(b.p99 <= 30, b.p99 <= 30 ? `${ms(30 - b.p99)} ms to spare` : `${ms(b.p99 - 30)} ms over, ×${(b.p99 / 30).toFixed(1)}`) : '—'} | ${other('bank search', c, (x) => `p99 ${ms(x.p99)} ms`)} |`);
  }
  return lines;
}

const PROFILE_HEADING = '## What the profile shows';

/** The hand-written section of an earlier report, kept when the figures are rewritten. */
function keptProfileSection(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf(PROFILE_HEADING);
  return at >= 0 ? text.slice(at).trimEnd() : null;
}

export function writeReport(file: string, machine: MachineFacts, reports: TargetReport[], run: { days: number; items: number; teachers: number }): void {
  const kept = keptProfileSection(file);
  const out: string[] = [];
  const first = reports[0];
  out.push('# Benchmarks', '');
  out.push(`Written by \`npm run bench\` (bench/service.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; the last section is written by hand. ` +
    'Figures from one run on a shared machine: other work (tests of other engineers) may have run at the same time, so treat differences under ~20 % as noise.', '');
  out.push('## Machine', '');
  out.push(`- ${machine.os}; ${machine.cpu}; ${machine.memory} memory; Node ${machine.node}`);
  for (const r of reports) {
    out.push(`- ${TITLES[r.name]}: PostgreSQL ${r.data.serverVersion}${r.name === 'embedded' ? ` (PGlite ${machine.pglite}, one connection, in the service's process)` : ` on the same machine, pool of ${r.poolSize} connections`}`);
  }
  const anchorNode = reports.find((r) => r.interleaved?.anchorNode)?.interleaved?.anchorNode;
  out.push('- The service runs in one child process (bench/serve.ts, NODE_ENV=production, logging warnings only); autocannon runs in the parent. ' +
    `The floor runs in a process of its own${anchorNode ? `, and PostGraphile 5 in another, on Node ${anchorNode} (bench/postgraphile, NODE_ENV=production)` : ''}. ` +
    'All of them, and the database, share the cores above.', '');

  out.push('## Data', '');
  if (first) {
    const s = first.data.scale.sample;
    const d = first.data.schoolDays;
    out.push(`One school of the scale seed (seeds/scale.ts): ${s.schoolCode}, a nine-year school of 45 classes of 45 students, ${d.count} school days ` +
      `(${d.first} … ${d.last}) of homework life, and the bank topped up to ${first.data.bankItems.toLocaleString('en-US')} approved items for the search. ` +
      `The reads ask about ${s.className} and the week ${first.week.monday} … ${first.week.friday} (the student's day: ${first.week.wednesday}).`, '');
    const tables = Object.keys(first.data.rows);
    out.push(`| table | ${reports.map((r) => TITLES[r.name]).join(' | ')} |`, `|---|${reports.map(() => '---:').join('|')}|`);
    for (const table of tables) out.push(`| ${table} | ${reports.map((r) => (r.data.rows[table] ?? 0).toLocaleString('en-US')).join(' | ')} |`);
    out.push('', 'Rows of the school per table after loading (the bench days the write runs use are not counted).', '');
  }

  out.push('## How it is measured', '');
  out.push(`- Each operation runs for ${first?.seconds ?? 10} s at each concurrency (autocannon connections) after a ${first?.warmupSeconds ?? 2} s warm-up; ` +
    'latencies are autocannon\'s (from sending the request to the whole answer). Every answer\'s body is checked: "GraphQL errors" counts answers with top-level ' +
    'errors or userErrors, or without the expected success.');
  out.push('- Heavy reads are the documents of test/e2e/statement-count-heavy.test.ts (bench/operations.ts): the class week as its head teacher, the ' +
    'student\'s day as the student, the maths teacher\'s marking queue (first 50), the weekly public notice as the academic office, a bank search for 分数 ' +
    '(first 20) as the maths teacher, and the class load report of the week as the head teacher.');
  out.push(`- publish: the maths teacher of another class (not the sample class's) publishes a fresh A/B draft (two written items) on a day that already has published 语文 homework, so the load ` +
    `check reads the day and passes; all of them in one class, so concurrent publishes queue on the class lock the check takes. "publish, ${run.teachers} teachers": ` +
    `${run.teachers} maths teachers of ${run.teachers} more classes, one connection each. The drafts are written beforehand on bench days from 2090 on (bench/workloads.ts), ` +
    'never in the sample class or by its maths teacher, so the reads (the marking queue above all) see a real teacher\'s year. ' +
    'submit: students hand in homework of the school year they chose and had not handed in (grade 5 first; consecutive requests from different students), ' +
    'each with its own client key. Each hand-in queues its items for recalibration; the service\'s calibration worker (in the same process, ' +
    'so its CPU counts) recalibrates them with their real history once a second (on the embedded database 4 versions a transaction, its turn ended ' +
    'when a request waits for the one connection or, while requests come in, after 250 ms), and its statements are not counted in statements/request. The notes under each table say how many hand-ins were still queued for ' +
    'recalibration when the last submit run ended, and how long the worker took to catch up.');
  out.push('- statements/request: SQL statements the service sent for one request of the operation, counted by a TypeORM logger in the service (BEGIN, ' +
    'the role and school, COMMIT included).');
  out.push('- The floor: the class week as ONE hand-written SQL statement building the same JSON (bench/floor.ts), over node-postgres with the service\'s ' +
    'pool size, at the same concurrencies, in its own process; under the service\'s role and school (`homework_app`, `app.school_id`, set once per connection), ' +
    'so under the same row-level security. Its rows below ran after the service\'s.');
  out.push('- PostGraphile 5 (bench/anchor.ts, bench/postgraphile): the same class week with the same JSON (checked deep-equal in the run) from PostGraphile\'s ' +
    'own schema of the tables plus two small SQL functions (the week\'s assignments in order; an assignment\'s choices), on the PostgreSQL server only, ' +
    'with a pool of the service\'s size, each request as `homework_app` with `app.school_id` set (its `pgSettings`). No sign-in: the service also checks the ' +
    'bearer token and loads the viewer, which PostGraphile does not.');
  out.push(`- Interleaved rounds: on PostgreSQL, after the reads, the class week runs from the service, the floor and PostGraphile 5 one after the other, ` +
    `${reports.find((r) => r.interleaved)?.interleaved?.rounds ?? 5} times, each round starting with the next contestant; the ratios come from the medians.`, '');

  for (const r of reports) {
    out.push(`## ${TITLES[r.name]}`, '');
    out.push(...resultTable(r), '');
    const ratios = floorRatios(r);
    if (ratios.length) {
      out.push(`Class week, service ÷ floor throughput: ${ratios.map((x) => `${x.connections} connection${x.connections > 1 ? 's' : ''} ${(x.ratio * 100).toFixed(0)} %`).join(', ')}. ` +
        `The floor's answer ${r.floorMatches ? 'is the same JSON as the service\'s' : '**differs** from the service\'s (see .data/bench-floor-mismatch-*.json)'}.`, '');
    }
    if (r.interleaved) out.push(...interleavedSection(r.interleaved, r.statements['class week']));
    const failed = Object.entries(r.failures).filter(([, f]) => f.length);
    if (failed.length) {
      out.push('First failed answers:', '');
      for (const [op, f] of failed) out.push(`- ${op}: \`${f[0].replace(/`/g, "'").slice(0, 300)}\``);
      out.push('');
    }
    for (const n of r.notes) out.push(n, '');
  }

  out.push('## Targets', '');
  out.push(...targets(reports, run.teachers), '');
  out.push(kept ?? `${PROFILE_HEADING}\n\n(To be written by hand after a run: what a CPU profile or EXPLAIN ANALYZE shows for the missed targets.)`, '');
  fs.writeFileSync(file, out.join('\n'));
}
