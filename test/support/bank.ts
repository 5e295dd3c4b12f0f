import { toGlobalId } from '../../src/core/ids';
import { TestApp } from './test-app';

/** GraphQL helpers for the bank, used by several test files. */
export const ITEM_FIELDS = `id status revision approvedVersionNo reviewComment
  current { versionNo title tier form predictedMinutes }`;

export const CREATE_UNIT = `mutation($input: UnitCreateInput!) {
  unitCreate(input: $input) { unit { id title revision objectives { id kind description } } userErrors { code field message figures { name value } } } }`;
export const CREATE_ITEM = `mutation($input: BankItemCreateInput!) {
  bankItemCreate(input: $input) { item { ${ITEM_FIELDS} } userErrors { code field message figures { name value } } } }`;
export const UPDATE_ITEM = `mutation($input: BankItemUpdateInput!) {
  bankItemUpdate(input: $input) { item { ${ITEM_FIELDS} } userErrors { code field message figures { name value } } } }`;
export const step = (name: string, input = 'BankItemStepInput') => `mutation($input: ${input}!) {
  ${name}(input: $input) { item { ${ITEM_FIELDS} } userErrors { code field message figures { name value } } } }`;

export function itemContent(over: Record<string, unknown> = {}) {
  return {
    title: '分数的意义',
    body: '用涂色的方法表示下面每个图形的 1/2，并说一说你是怎么想的。',
    answerGuide: '涂色部分占整体的一半即可；能说清"平均分"得满分。',
    tier: 'BASIC',
    form: 'WRITTEN',
    predictedMinutes: 8,
    difficulty: 2,
    routineOrStage: 'ROUTINE',
    prescribedOrSelfChosen: 'PRESCRIBED',
    knowledgeOrFun: 'KNOWLEDGE',
    practicalOrHumanistic: 'PRACTICAL',
    provenance: 'CREATED',
    objectiveIds: [],
    ...over,
  };
}

/** Creates a unit of the fixture school's grade-3 maths as `t3sx1` (the group lead). */
export async function createMathUnit(t: TestApp, token: string, over: Record<string, unknown> = {}) {
  const school = t.schools[0];
  const math = school.subjects.find((s) => s.code === 'math')!;
  const term = school.terms[1];
  const { unitCreate } = await t.ok(CREATE_UNIT, {
    input: {
      subjectId: toGlobalId('Subject', math.id),
      grade: 3,
      termId: toGlobalId('Term', term.id),
      volume: '三年级上册',
      sortOrder: 8,
      title: '分数的初步认识',
      objectives: [
        { kind: 'KNOWLEDGE', description: '初步认识几分之一和几分之几' },
        { kind: 'ABILITY', description: '会比较简单分数的大小，会计算同分母分数加减' },
        { kind: 'LITERACY', description: '在生活中发现分数，培养数感' },
      ],
      ...over,
    },
  }, token);
  if (unitCreate.userErrors.length) throw new Error(JSON.stringify(unitCreate.userErrors));
  return unitCreate.unit;
}

/** Creates an item as `author`, submits it, and has `reviewer` approve it. */
export async function approvedItem(t: TestApp, author: string, reviewer: string, input: Record<string, unknown>) {
  const { bankItemCreate } = await t.ok(CREATE_ITEM, { input }, author);
  if (bankItemCreate.userErrors.length) throw new Error(JSON.stringify(bankItemCreate.userErrors));
  const item = bankItemCreate.item;
  const { bankItemSubmitForReview: s } = await t.ok(step('bankItemSubmitForReview'), { input: { itemId: item.id, expectedRevision: item.revision } }, author);
  const { bankItemApprove: a } = await t.ok(step('bankItemApprove'), { input: { itemId: item.id, expectedRevision: s.item.revision } }, reviewer);
  if (a.userErrors.length) throw new Error(JSON.stringify(a.userErrors));
  return a.item;
}
