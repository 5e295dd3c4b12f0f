import { toGlobalId } from '../../src/core/ids';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { approvedItem, CREATE_ITEM, createMathUnit, itemContent } from '../support/bank';

/** The "two full coverages" report on a unit with a known gap and a tier without margin. */
let t: TestApp;
let lead: string;
let member: string;
let unit: { id: string; objectives: { id: string; description: string }[] };
let second: { id: string; objectives: { id: string }[] };

const REPORT = `query($unitId: ID!, $m: Int!) { unitCoverage(unitId: $unitId, marginThreshold: $m) {
  marginThreshold matrix { objective { description } items { basic improving extending } }
  uncoveredObjectives { description } itemsPerTier { basic improving extending } tiersWithoutMargin
  balance { routine stage prescribed selfChosen knowledge fun practical humanistic } } }`;

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL]);
  [lead, member] = await Promise.all(['t3sx1', 't3sx2'].map((u) => t.login(u)));
  unit = await createMathUnit(t, lead);
  second = await createMathUnit(t, lead, { sortOrder: 9, title: '测量' });
  const [k, a] = unit.objectives;
  for (let i = 0; i < 3; i++) {
    await approvedItem(t, member, lead, { unitId: unit.id, ...itemContent({ title: `基础${i}`, tier: 'BASIC', objectiveIds: [k.id] }) });
  }
  await approvedItem(t, member, lead, {
    unitId: unit.id,
    ...itemContent({ title: '提高', tier: 'IMPROVING', objectiveIds: [k.id, a.id], routineOrStage: 'STAGE', knowledgeOrFun: 'FUN', practicalOrHumanistic: 'HUMANISTIC', prescribedOrSelfChosen: 'SELF_CHOSEN' }),
  });
  // A draft never counts.
  await t.ok(CREATE_ITEM, { input: { unitId: unit.id, ...itemContent({ title: '草稿', tier: 'EXTENDING', objectiveIds: [unit.objectives[2].id] }) } }, member);
  await approvedItem(t, member, lead, { unitId: second.id, ...itemContent({ title: '量一量', tier: 'EXTENDING', objectiveIds: [second.objectives[2].id] }) });
});
afterAll(() => t?.stop());

it('shows the matrix, the uncovered objective, tiers without margin and the balance', async () => {
  const { unitCoverage } = await t.ok(REPORT, { unitId: unit.id, m: 3 }, lead);
  expect(unitCoverage.matrix).toEqual([
    { objective: { description: '初步认识几分之一和几分之几' }, items: { basic: 3, improving: 1, extending: 0 } },
    { objective: { description: '会比较简单分数的大小，会计算同分母分数加减' }, items: { basic: 0, improving: 1, extending: 0 } },
    { objective: { description: '在生活中发现分数，培养数感' }, items: { basic: 0, improving: 0, extending: 0 } },
  ]);
  expect(unitCoverage.uncoveredObjectives).toEqual([{ description: '在生活中发现分数，培养数感' }]);
  expect(unitCoverage.itemsPerTier).toEqual({ basic: 3, improving: 1, extending: 0 });
  expect(unitCoverage.tiersWithoutMargin).toEqual(['IMPROVING', 'EXTENDING']);
  expect(unitCoverage.balance).toEqual({ routine: 3, stage: 1, prescribed: 3, selfChosen: 1, knowledge: 3, fun: 1, practical: 3, humanistic: 1 });
});

it('takes the margin threshold as an argument', async () => {
  const { unitCoverage } = await t.ok(REPORT, { unitId: unit.id, m: 1 }, lead);
  expect(unitCoverage.tiersWithoutMargin).toEqual(['EXTENDING']);
  await t.expectToFail('BAD_USER_INPUT', REPORT, { unitId: unit.id, m: -1 }, lead);
});

it('rolls the report up for the research group', async () => {
  const group = t.schools[0].groups.find((g) => g.grade === 3 && g.subjectId === t.schools[0].subjects.find((s) => s.code === 'math')!.id)!;
  const { researchGroupCoverage } = await t.ok(`query($g: ID!) { researchGroupCoverage(groupId: $g) {
      units { unit { title } itemsPerTier { basic improving extending } } uncoveredObjectiveCount
      itemsPerTier { basic improving extending } unitsWithoutMargin { title } balance { routine stage } } }`,
    { g: toGlobalId('ResearchGroup', group.id) }, lead);
  expect(researchGroupCoverage.units.map((u: any) => u.unit.title)).toEqual(['分数的初步认识', '测量']);
  expect(researchGroupCoverage.itemsPerTier).toEqual({ basic: 3, improving: 1, extending: 1 });
  expect(researchGroupCoverage.uncoveredObjectiveCount).toBe(1 + 2);
  expect(researchGroupCoverage.unitsWithoutMargin.map((u: any) => u.title)).toEqual(['分数的初步认识', '测量']);
  expect(researchGroupCoverage.balance).toEqual({ routine: 4, stage: 1 });
});

it('is refused to students and parents', async () => {
  await t.expectToFail('FORBIDDEN', REPORT, { unitId: unit.id, m: 3 }, await t.login('s30101'));
  await t.expectToFail('FORBIDDEN', REPORT, { unitId: unit.id, m: 3 }, await t.login('p30101'));
});

describe('units', () => {
  const UPDATE = `mutation($input: UnitUpdateInput!) { unitUpdate(input: $input) { unit { title revision } userErrors { code message figures { name value } } } }`;

  it('a member edits a unit; a stale revision and a taken order are refused', async () => {
    const { unitUpdate } = await t.ok(UPDATE, { input: { unitId: second.id, expectedRevision: 1, title: '测量（长度单位）' } }, member);
    expect(unitUpdate).toEqual({ unit: { title: '测量（长度单位）', revision: 2 }, userErrors: [] });
    const stale = (await t.ok(UPDATE, { input: { unitId: second.id, expectedRevision: 1, title: 'x' } }, member)).unitUpdate;
    expect(stale.userErrors[0]).toMatchObject({ code: 'STALE_REVISION', figures: [{ name: 'currentRevision', value: 2 }, { name: 'expectedRevision', value: 1 }] });
    const taken = (await t.ok(UPDATE, { input: { unitId: second.id, expectedRevision: 2, sortOrder: 8 } }, member)).unitUpdate;
    expect(taken.userErrors[0]).toMatchObject({ code: 'UNIT_ORDER_TAKEN', message: '本学科、本年级、本学期的第 8 单元已是「分数的初步认识」，请换一个序号' });
  });

  it('a teacher outside the group may not create or edit its units', async () => {
    const outsider = await t.login('t3yw1');
    await t.expectToFail('FORBIDDEN', UPDATE, { input: { unitId: second.id, expectedRevision: 2, title: 'x' } }, outsider);
    await expect(createMathUnit(t, outsider, { sortOrder: 20 })).rejects.toThrow('FORBIDDEN');
  });

  it('a grade without a research group of the subject is refused', async () => {
    await expect(createMathUnit(t, lead, { grade: 5, sortOrder: 21 })).rejects.toThrow('只有本学科本年级教研组的成员可以新建本学科本年级的单元');
  });

  it('objectives can be added and reworded', async () => {
    const { unitObjectiveAdd } = await t.ok(`mutation($input: UnitObjectiveAddInput!) { unitObjectiveAdd(input: $input) {
      unit { objectives { kind description } } userErrors { code } } }`,
      { input: { unitId: second.id, objective: { kind: 'ABILITY', description: '会用尺子量物体的长度' } } }, member);
    expect(unitObjectiveAdd.unit.objectives.at(-1)).toEqual({ kind: 'ABILITY', description: '会用尺子量物体的长度' });
  });
});
