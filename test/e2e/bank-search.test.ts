import { SMALL_SCHOOL } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { approvedItem, CREATE_ITEM, createMathUnit, itemContent } from '../support/bank';

/** Bank search: Chinese free text, every filter, visibility of drafts, and paging. */
let t: TestApp;
let lead: string;
let member: string;
let outsider: string;
let unit: { id: string; objectives: { id: string }[] };
let otherUnit: { id: string; objectives: { id: string }[] };
const ids: Record<string, string> = {};

const SEARCH = `query($filter: BankItemFilterInput, $first: Int!, $after: String) {
  bankItems(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id status current { title } } } pageInfo { hasNextPage endCursor } } }`;

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL]);
  [lead, member, outsider] = await Promise.all(['t3sx1', 't3sx2', 't3yw1'].map((u) => t.login(u)));
  unit = await createMathUnit(t, lead);
  otherUnit = await createMathUnit(t, lead, { sortOrder: 9, title: '测量' });
  const items: [string, Record<string, unknown>][] = [
    ['分数的意义', { tier: 'BASIC', form: 'WRITTEN', predictedMinutes: 8, objectiveIds: [unit.objectives[0].id] }],
    ['认识分数', { tier: 'IMPROVING', form: 'ORAL', predictedMinutes: 5, objectiveIds: [unit.objectives[1].id] }],
    ['小数的意义', { tier: 'EXTENDING', form: 'INQUIRY', predictedMinutes: 20, objectiveIds: [] }],
    ['分数与除法', { tier: 'BASIC', form: 'WRITTEN', predictedMinutes: 12, objectiveIds: [unit.objectives[0].id] }],
    ['量一量课桌', { tier: 'BASIC', form: 'PRACTICAL', predictedMinutes: 15, unitId: otherUnit.id, objectiveIds: [] }],
  ];
  for (const [title, over] of items) {
    ids[title] = (await approvedItem(t, member, lead, { unitId: unit.id, ...itemContent({ title, body: `${title}：请完成下面的练习。`, ...over }) })).id;
  }
  const { bankItemCreate } = await t.ok(CREATE_ITEM, { input: { unitId: unit.id, ...itemContent({ title: '分数墙（草稿）' }) } }, member);
  ids.draft = bankItemCreate.item.id;
});
afterAll(() => t?.stop());

async function titles(filter: Record<string, unknown>, token = member, first = 50): Promise<string[]> {
  const { bankItems } = await t.ok(SEARCH, { filter, first }, token);
  return bankItems.edges.map((e: any) => e.node.current.title).sort();
}

describe('Chinese free-text search', () => {
  it('a word finds it inside longer titles, at any position', async () => {
    expect(await titles({ text: '分数', statuses: ['APPROVED'] })).toEqual(['分数与除法', '分数的意义', '认识分数'].sort());
  });

  it('two words narrow the result', async () => {
    expect(await titles({ text: '分数 意义' })).toEqual(['分数的意义']);
    expect(await titles({ text: '意义' })).toEqual(['分数的意义', '小数的意义'].sort());
  });

  it('one character works, and text that occurs nowhere finds nothing', async () => {
    expect(await titles({ text: '量' })).toEqual(['量一量课桌']);
    expect(await titles({ text: '几何' })).toEqual([]);
  });

  it('matches the body as well as the title, ignoring punctuation and width', async () => {
    expect(await titles({ text: '完成下面的练习' })).toHaveLength(5);
    expect(await titles({ text: '分数：', statuses: ['APPROVED'] })).toHaveLength(3);
    expect(await titles({ text: 'ＡＢＣ' })).toEqual([]);
  });

  it('treats LIKE wildcards as separators, never as wildcards', async () => {
    expect(await titles({ text: '分%意义' })).toEqual(['分数的意义']);
    expect(await titles({ text: '分_除' })).toEqual(['分数与除法']);
  });
});

describe('filters', () => {
  it.each([
    [{ tiers: ['BASIC'] }, ['分数与除法', '分数的意义', '量一量课桌']],
    [{ tiers: ['IMPROVING', 'EXTENDING'] }, ['小数的意义', '认识分数']],
    [{ forms: ['WRITTEN'], statuses: ['APPROVED'] }, ['分数与除法', '分数的意义']],
    [{ maxPredictedMinutes: 8 }, ['分数的意义', '认识分数']],
  ])('%j', async (filter, expected) => {
    expect(await titles({ statuses: ['APPROVED'], ...filter })).toEqual([...expected].sort());
  });

  it('by unit, objective, subject and grade, author and status', async () => {
    expect(await titles({ unitId: otherUnit.id })).toEqual(['量一量课桌']);
    expect(await titles({ objectiveId: unit.objectives[0].id, statuses: ['APPROVED'] })).toEqual(['分数与除法', '分数的意义']);
    const math = t.schools[0].subjects.find((s) => s.code === 'math')!;
    const { toGlobalId } = await import('../../src/core/ids');
    expect(await titles({ subjectId: toGlobalId('Subject', math.id), grade: 3 })).toHaveLength(6);
    expect(await titles({ grade: 8 })).toEqual([]);
    expect(await titles({ authorId: toGlobalId('User', t.user('t3sx2').id), statuses: ['DRAFT'] })).toEqual(['分数墙（草稿）']);
  });

  it('retired items are left out unless asked for', async () => {
    const { bankItem } = await t.ok(`query($id: ID!) { bankItem(id: $id) { revision } }`, { id: ids['小数的意义'] }, lead);
    await t.ok(`mutation($input: BankItemStepInput!) { bankItemRetire(input: $input) { userErrors { code } } }`,
      { input: { itemId: ids['小数的意义'], expectedRevision: bankItem.revision } }, lead);
    expect(await titles({ text: '小数' })).toEqual([]);
    expect(await titles({ text: '小数', statuses: ['RETIRED'] })).toEqual(['小数的意义']);
  });
});

describe('visibility', () => {
  it('drafts are found by their research group, not by other staff', async () => {
    expect(await titles({ text: '分数墙' }, member)).toEqual(['分数墙（草稿）']);
    expect(await titles({ text: '分数墙' }, outsider)).toEqual([]);
    expect(await titles({ text: '分数', statuses: ['APPROVED'] }, outsider)).toHaveLength(3);
  });
});

describe('paging', () => {
  it('pages through every match newest first without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { bankItems }: { bankItems: any } = await t.ok(SEARCH, { filter: {}, first: 2, after }, member);
      seen.push(...bankItems.edges.map((e: any) => e.node.id));
      after = bankItems.pageInfo.hasNextPage ? bankItems.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    expect(seen[0]).toBe(ids.draft);
  });

  it('refuses a page above 100 and a forged cursor', async () => {
    await t.expectToFail('BAD_USER_INPUT', SEARCH, { filter: {}, first: 101 }, member);
    const forged = Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url');
    const error = await t.expectToFail('BAD_USER_INPUT', SEARCH, { filter: {}, first: 5, after: forged }, member);
    expect(error.message).toBe('after 不是这个列表的游标，请从第一页重新读取');
  });
});

describe('search index', () => {
  it('the text search can be served by the gram index', async () => {
    const plan = await t.db.dataSource.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      return tx.query(`EXPLAIN SELECT id FROM bank_items WHERE search_grams @> $1::text[]`, [['分数']]);
    });
    expect(plan.map((r: any) => r['QUERY PLAN']).join('\n')).toContain('bank_items_grams_idx');
  });
});
