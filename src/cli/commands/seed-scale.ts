import { isIsoDate } from '../../core/dates';
import { Logger } from '../../core/logger';
import { migrate } from '../../core/migrations';
import { defaultFrom, loadScale, ScaleProgress, ScaleSummary } from '../../../seeds/scale';
import { defineCommand, UsageError } from '../command';
import { compactCount } from '../progress-bar';

function intOption(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function describe(p: ScaleProgress): [number, string] {
  const done = (p.school - 1 + (p.phase === 'done' ? 1 : p.day / Math.max(1, p.days) * 0.97)) / p.schools;
  const step = { setup: 'setting up', days: `day ${p.day}/${p.days}`, calibration: 'calibrating', done: 'done' }[p.phase];
  return [done, `school ${p.school}/${p.schools} ${p.code} ${step} · ${compactCount(p.rows)} rows · ${Math.round(p.elapsedMs / 1000)} s`];
}

function summaryLines(summary: ScaleSummary): string[] {
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
  return out;
}

/**
 * N schools of ~2,000 students with D school days of homework each (seeds/scale.ts), applying
 * pending migrations first. Idempotent: a rerun skips what is loaded.
 */
export const seedScaleCommand = defineCommand({
  name: 'seed-scale',
  summary: 'load schools of ~2,000 students with a school year of homework, for trying the service at scale',
  options: {
    schools: { type: 'string', value: 'N', description: 'how many schools, 1–999 (default 1)' },
    days: { type: 'string', value: 'D', description: 'school days of homework in each, 1–1000 (default 190)' },
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'the first school day (default: the first school day of this term, or of the next)' },
    'students-per-class': { type: 'string', value: 'K', description: 'students in a class, 1–99 (default 45)' },
  },
  examples: ['--schools 1 --days 190', '--schools 3 --days 20 --from 2026-09-01'],
  async run(o, { io, config, database }) {
    const from = o.from ?? defaultFrom();
    if (!isIsoDate(from)) throw new UsageError(`--from must be a date YYYY-MM-DD, got "${from}"`);
    const options = {
      schools: intOption(o.schools, 'schools', 1, 1, 999),
      days: intOption(o.days, 'days', 190, 1, 1000),
      from,
      studentsPerClass: intOption(o['students-per-class'], 'students-per-class', 45, 1, 99),
    };
    const db = await database();
    const applied = await migrate(db, new Logger('silent'));
    if (applied.length) io.out(`applied ${applied.join(', ')}`);
    const summary = await loadScale(db.dataSource, {
      ...options,
      passwordHashCost: config.passwordHashCost,
      // Two connections keep both cores of a small server busy; the embedded database has one.
      connections: db.kind === 'postgres' ? 2 : 1,
      onProgress: (p) => io.progress.update(...describe(p), p.phase !== 'days'),
    });
    io.progress.done();
    for (const line of summaryLines(summary)) io.out(line);
  },
});
