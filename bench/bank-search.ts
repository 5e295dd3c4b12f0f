import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config';
import { RequestContext, Viewer } from '../src/core/context';
import { openDatabase } from '../src/core/database';
import { Logger } from '../src/core/logger';
import { migrate } from '../src/core/migrations';
import { Role } from '../src/core/roles';
import { BankItemFilter, bankSearchService } from '../src/modules/bank/bank-search.service';
import { normalizeText, searchGrams } from '../src/modules/bank/bank.policy';
import { createLoaders } from '../src/modules/registry';
import { SchoolStage } from '../src/modules/school/school.entity';
import { UNITS } from '../seeds/bank-content';
import { minutesFor, TEMPLATES } from '../seeds/bank-templates';
import { seedSchool } from '../seeds/demo';
import { insertBankRows } from '../seeds/bank';

/**
 * Bank search with many items in one school: seeds BENCH_ITEMS items (default 100,000) and
 * times typical searches through the service, printing p50/p95 per query and the plan of the
 * text search. Runs on DATABASE_URL if set, else on embedded PGlite in memory.
 */
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const silent = new Logger('silent');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 });
  await migrate(db, silent);
  const fixture = await seedSchool(db.dataSource, {
    code: `bench-${Date.now()}`, name: '基准测试学校', stage: SchoolStage.NINE_YEAR, grades: [3, 5, 8],
    classesPerGrade: 1, studentsPerClass: 1, nameSeed: 9,
  }, 10);
  const s = fixture.schoolId;
  const term = fixture.terms[1];

  // Units: the demo units; items: the demo templates over each unit's topics with numbered variants.
  const units = UNITS.map((u) => ({ u, id: randomUUID(), subjectId: fixture.subjects.find((x) => x.code === u.subject)!.id }));
  await insertBankRows(db.dataSource.manager, {
    units: units.map(({ u, id, subjectId }) => [s, id, subjectId, u.grade, term.id, `${u.grade}年级上册`, u.order, u.title]),
    objectives: [], items: [], versions: [], links: [],
  });
  const author = fixture.users.find((x) => x.username === 'jiaowu')!.id;
  const started = Date.now();
  const BATCH = 2000;
  for (let made = 0; made < ITEMS; made += BATCH) {
    const items: unknown[][] = [];
    const versions: unknown[][] = [];
    for (let n = made; n < Math.min(ITEMS, made + BATCH); n++) {
      const { u, id: unitId, subjectId } = units[n % units.length];
      const templates = TEMPLATES[u.subject];
      const round = Math.floor(n / units.length);
      const topic = u.topics[round % u.topics.length];
      const tpl = templates[Math.floor(round / u.topics.length) % templates.length];
      const title = `${tpl.title(topic)}（${n}）`;
      const body = tpl.body(topic, u);
      const text = `${title} ${body}`;
      const itemId = randomUUID();
      const minutes = minutesFor(tpl, u.grade);
      items.push([s, itemId, unitId, subjectId, u.grade, author, 'approved', 1, 1, 1, null, title, tpl.tier, tpl.form, minutes, normalizeText(text), searchGrams(text)]);
      versions.push([s, itemId, 1, title, body, tpl.guide(topic), tpl.tier, tpl.form, minutes, tpl.difficulty, ...tpl.tags, tpl.provenance, null, !!tpl.composition, author, new Date()]);
    }
    await db.dataSource.transaction(async (tx) => {
      await insertBankRows(tx, { units: [], objectives: [], items, versions, links: [] });
    });
  }
  await db.dataSource.query('ANALYZE');
  console.log(`database: ${db.kind}; seeded ${ITEMS} items in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const viewer: Viewer = {
    userId: author, schoolId: s, displayName: 'bench', roles: new Set([Role.ACADEMIC_OFFICE]), classId: null,
    taughtClassIds: new Set(), headClassIds: new Set(), childIds: new Set(), childClassIds: new Set(), groupIds: new Set(), ledGroupIds: new Set(),
  };
  const ctx = () => new RequestContext('bench', db.dataSource.manager, loadConfig({}), silent, viewer, createLoaders);
  const math3 = units.find((x) => x.u.subject === 'math' && x.u.grade === 3)!;
  const cases: [string, BankItemFilter][] = [
    ['text 分数 (common word)', { text: '分数' }],
    ['text 分数 计算 (two words narrow)', { text: '分数 计算' }],
    ['text rare (one item)', { text: `（${ITEMS - 7}）` }],
    ['text with no match', { text: '量子力学' }],
    ['subject+grade+tier+form', { subjectId: math3.subjectId, grade: 3, tiers: ['improving' as never], forms: ['written' as never] }],
    ['unit + max 8 minutes', { unitId: math3.id, maxPredictedMinutes: 8 }],
    ['no filter (newest first)', {}],
  ];
  console.log('query'.padEnd(38), 'rows', 'p50 ms'.padStart(8), 'p95 ms'.padStart(8));
  for (const [name, filter] of cases) {
    const times: number[] = [];
    let rows = 0;
    for (let r = 0; r < RUNS; r++) {
      const t0 = process.hrtime.bigint();
      const page = await bankSearchService.search(ctx(), filter, 20, null);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      rows = page.edges.length;
    }
    times.sort((a, b) => a - b);
    console.log(name.padEnd(38), String(rows).padStart(4), percentile(times, 50).toFixed(1).padStart(8), percentile(times, 95).toFixed(1).padStart(8));
  }
  const page1 = await bankSearchService.search(ctx(), { text: '分数' }, 20, null);
  const t0 = process.hrtime.bigint();
  await bankSearchService.search(ctx(), { text: '分数' }, 20, page1.pageInfo.endCursor);
  console.log('page 2 of text 分数'.padEnd(38), '', (Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1).padStart(13));

  const plan = await db.dataSource.query(
    `EXPLAIN ANALYZE SELECT id FROM bank_items WHERE school_id = $1 AND search_grams @> $2::text[] AND search_text LIKE $3
      ORDER BY created_at DESC, id DESC LIMIT 21`, [s, ['几分', '分之', '之几'], '%几分之几%']);
  console.log('\nplan of a text search:\n' + plan.map((r: Record<string, string>) => `  ${r['QUERY PLAN']}`).join('\n'));
  await db.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
