import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { isIsoDate } from '../core/dates';
import { openDatabase } from '../core/database';
import { Logger } from '../core/logger';
import { migrate } from '../core/migrations';
import { defaultFrom, loadScale, ScaleProgress, ScaleSummary } from '../../seeds/scale';
import { compactCount, ProgressBar } from './progress-bar';

/**
 * `npm run seed:scale -- --schools N --days D [--from YYYY-MM-DD] [--students-per-class K]`:
 * loads N schools of ~2,000 students with D school days of homework each (seeds/scale.ts) into
 * the configured database (DATABASE_URL, else the embedded one), applying pending migrations
 * first. Idempotent: a rerun skips what is loaded. Progress on stderr, summary on stdout.
 */
function intOption(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  return value;
}

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      schools: { type: 'string' },
      days: { type: 'string' },
      from: { type: 'string' },
      'students-per-class': { type: 'string' },
    },
    strict: true,
  });
  const from = values.from ?? defaultFrom();
  if (!isIsoDate(from)) throw new Error(`--from must be a date YYYY-MM-DD, got "${from}"`);
  return {
    schools: intOption(values.schools, 'schools', 1, 1, 999),
    days: intOption(values.days, 'days', 190, 1, 1000),
    from,
    studentsPerClass: intOption(values['students-per-class'], 'students-per-class', 45, 1, 99),
  };
}

function describe(p: ScaleProgress): [number, string] {
  const done = (p.school - 1 + (p.phase === 'done' ? 1 : p.day / Math.max(1, p.days) * 0.97)) / p.schools;
  const step = { setup: 'setting up', days: `day ${p.day}/${p.days}`, calibration: 'calibrating', done: 'done' }[p.phase];
  return [done, `school ${p.school}/${p.schools} ${p.code} ${step} · ${compactCount(p.rows)} rows · ${Math.round(p.elapsedMs / 1000)} s`];
}

function printSummary(summary: ScaleSummary): void {
  const out: string[] = [];
  for (const s of summary.schools) {
    const state = s.daysLoaded === 0 ? 'already loaded' : s.daysAlreadyLoaded ? `${s.daysAlreadyLoaded} days were already loaded` : 'loaded';
    out.push(`${s.code} ${s.name}: ${s.firstDay} … ${s.lastDay}, ${s.daysLoaded + s.daysAlreadyLoaded} school days — ${state}`);
  }
  out.push('', `${'table'.padEnd(24)} ${'inserted'.padStart(10)} ${'in database'.padStart(12)}`);
  for (const table of Object.keys(summary.totals)) {
    out.push(`${table.padEnd(24)} ${String(summary.inserted[table]).padStart(10)} ${String(summary.totals[table]).padStart(12)}`);
  }
  const inserted = Object.values(summary.inserted).reduce((a, b) => a + b, 0);
  const total = Object.values(summary.totals).reduce((a, b) => a + b, 0);
  out.push(`${'total'.padEnd(24)} ${String(inserted).padStart(10)} ${String(total).padStart(12)}`);
  const seconds = summary.elapsedMs / 1000;
  out.push('', `elapsed ${seconds.toFixed(1)} s${inserted ? ` (${Math.round(inserted / Math.max(seconds, 0.001))} rows/s)` : ''}`);
  const x = summary.sample;
  out.push('', `sample (${x.schoolCode}): class ${x.classId} ${x.className} (${x.classStudents} students); teacher ${x.teacherUsername}, ` +
    `head teacher ${x.headTeacherUsername}, student ${x.studentUsername}, parent ${x.parentUsername}, office ${x.officeUsername}; ` +
    `passwords ${Object.entries(x.passwords).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

async function run(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const config = loadConfig();
  const logger = new Logger(config.logLevel === 'silent' ? 'info' : config.logLevel);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDataDir: config.embeddedDataDir });
  const bar = new ProgressBar();
  try {
    await migrate(db, logger);
    const summary = await loadScale(db.dataSource, {
      ...options,
      passwordHashCost: config.passwordHashCost,
      // Two connections keep both cores of a small server busy; the embedded database has one.
      connections: db.kind === 'postgres' ? 2 : 1,
      onProgress: (p) => bar.update(...describe(p), p.phase !== 'days'),
    });
    bar.done();
    printSummary(summary);
  } finally {
    bar.done();
    await db.close();
  }
}

run().catch((e) => {
  process.stderr.write(`seed:scale failed: ${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
});
