import { SMALL_SCHOOL } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { CREATE_ITEM, createMathUnit, itemContent, step, UPDATE_ITEM } from '../support/bank';

/** The review lifecycle of bank items, every transition and permission, allowed and refused. */
let t: TestApp;
let lead: string; // t3sx1: lead of 三年级数学备课组
let member: string; // t3sx2: member
let outsider: string; // t3yw1: lead of the Chinese group, not a maths member
let office: string;
let student: string;
let unit: { id: string; objectives: { id: string }[] };

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL]);
  [lead, member, outsider, office, student] = await Promise.all(['t3sx1', 't3sx2', 't3yw1', 'jiaowu', 's30101'].map((u) => t.login(u)));
  unit = await createMathUnit(t, lead);
});
afterAll(() => t?.stop());

const snapshot = () => t.db.dataSource.query(
  `SELECT i.status, i.revision, i.version_no, i.approved_version_no, i.review_comment, v.title, v.version_no AS v
     FROM bank_items i JOIN bank_item_versions v ON v.item_id = i.id ORDER BY i.id, v.version_no`);

async function draft(token = member, over: Record<string, unknown> = {}) {
  const { bankItemCreate } = await t.ok(CREATE_ITEM, { input: { unitId: unit.id, ...itemContent({ objectiveIds: [unit.objectives[0].id] }), ...over } }, token);
  expect(bankItemCreate.userErrors).toEqual([]);
  return bankItemCreate.item;
}
const run = async (name: string, input: Record<string, unknown>, token: string, inputType?: string) =>
  (await t.ok(step(name, inputType), { input }, token))[name];

describe('bank item lifecycle', () => {
  it('draft → submitted → approved, by a member and the group lead', async () => {
    const item = await draft();
    expect(item).toMatchObject({ status: 'DRAFT', revision: 1, approvedVersionNo: null, current: { versionNo: 1, title: '分数的意义' } });
    const submitted = await run('bankItemSubmitForReview', { itemId: item.id, expectedRevision: 1 }, member);
    expect(submitted.item).toMatchObject({ status: 'SUBMITTED', revision: 2 });
    const approved = await run('bankItemApprove', { itemId: item.id, expectedRevision: 2 }, lead);
    expect(approved.userErrors).toEqual([]);
    expect(approved.item).toMatchObject({ status: 'APPROVED', revision: 3, approvedVersionNo: 1 });
  });

  it('returned with a comment, edited, resubmitted and approved by the academic office', async () => {
    const item = await draft();
    await run('bankItemSubmitForReview', { itemId: item.id, expectedRevision: 1 }, member);
    const returned = await run('bankItemReturn', { itemId: item.id, expectedRevision: 2, comment: '请把图形换成生活中的例子。' }, lead, 'BankItemReturnInput');
    expect(returned.item).toMatchObject({ status: 'RETURNED', reviewComment: '请把图形换成生活中的例子。' });
    const { bankItemUpdate } = await t.ok(UPDATE_ITEM, { input: { itemId: item.id, expectedRevision: 3, ...itemContent({ title: '分一分披萨' }) } }, member);
    expect(bankItemUpdate.item).toMatchObject({ status: 'DRAFT', current: { versionNo: 1, title: '分一分披萨' } });
    await run('bankItemSubmitForReview', { itemId: item.id, expectedRevision: 4 }, member);
    const approved = await run('bankItemApprove', { itemId: item.id, expectedRevision: 5 }, office);
    expect(approved.item).toMatchObject({ status: 'APPROVED', approvedVersionNo: 1 });
  });

  it('editing an approved item makes a new version; the approved one stays readable and assignable', async () => {
    const item = await draft();
    await run('bankItemSubmitForReview', { itemId: item.id, expectedRevision: 1 }, member);
    await run('bankItemApprove', { itemId: item.id, expectedRevision: 2 }, lead);
    const { bankItemUpdate } = await t.ok(UPDATE_ITEM, {
      input: { itemId: item.id, expectedRevision: 3, ...itemContent({ title: '分数的意义（修订）', predictedMinutes: 10 }) },
    }, member);
    expect(bankItemUpdate.item).toMatchObject({ status: 'DRAFT', approvedVersionNo: 1, current: { versionNo: 2, title: '分数的意义（修订）' } });

    const Q = `query($id: ID!) { bankItem(id: $id) { status current { versionNo title } approvedVersion { versionNo title predictedMinutes }
      v1: version(versionNo: 1) { title } versions { versionNo } } }`;
    const asMember = (await t.ok(Q, { id: item.id }, member)).bankItem;
    expect(asMember.versions.map((v: any) => v.versionNo)).toEqual([2, 1]);
    expect(asMember.approvedVersion).toEqual({ versionNo: 1, title: '分数的意义', predictedMinutes: 8 });
    // Other staff read the approved version, not the draft.
    const asOutsider = (await t.ok(Q, { id: item.id }, outsider)).bankItem;
    expect(asOutsider.current).toEqual({ versionNo: 1, title: '分数的意义' });
    expect(asOutsider.versions).toEqual([{ versionNo: 1 }]);
  });

  it('retires an item: the lead may, a member may not', async () => {
    const item = await draft();
    const refused = await t.expectToFail('FORBIDDEN', step('bankItemRetire'), { input: { itemId: item.id, expectedRevision: 1 } }, member);
    expect(refused.message).toContain('三年级数学备课组');
    const retired = await run('bankItemRetire', { itemId: item.id, expectedRevision: 1 }, lead);
    expect(retired.item.status).toBe('RETIRED');
    const again = await run('bankItemRetire', { itemId: item.id, expectedRevision: 2 }, lead);
    expect(again.userErrors[0].code).toBe('INVALID_TRANSITION');
  });
});

describe('retries', () => {
  it('a create retried with its client key returns the first item and creates nothing; other input under that key is refused', async () => {
    const input = { unitId: unit.id, ...itemContent({ title: '重试的题' }), clientKey: 'create-retry-0001' };
    const first = (await t.ok(CREATE_ITEM, { input }, member)).bankItemCreate.item;
    const count = (await t.db.dataSource.query(`SELECT count(*)::int n FROM bank_items`))[0].n;
    const again = (await t.ok(CREATE_ITEM, { input }, member)).bankItemCreate.item;
    expect(again.id).toBe(first.id);
    expect((await t.db.dataSource.query(`SELECT count(*)::int n FROM bank_items`))[0].n).toBe(count);
    const other = (await t.ok(CREATE_ITEM, { input: { ...input, title: '另一道题' } }, member)).bankItemCreate;
    expect(other.userErrors[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('refusals leave the data unchanged', () => {
  it('a lead approving their own item: OWN_ITEM_REVIEW', async () => {
    const item = await draft(lead);
    await run('bankItemSubmitForReview', { itemId: item.id, expectedRevision: 1 }, lead);
    const before = await snapshot();
    const result = await run('bankItemApprove', { itemId: item.id, expectedRevision: 2 }, lead);
    expect(result.item).toBeNull();
    expect(result.userErrors).toEqual([expect.objectContaining({ code: 'OWN_ITEM_REVIEW' })]);
    expect(await snapshot()).toEqual(before);
  });

  it('a lead approving an item they last edited: OWN_ITEM_REVIEW', async () => {
    const item = await draft(member);
    await t.ok(UPDATE_ITEM, { input: { itemId: item.id, expectedRevision: 1, ...itemContent({ title: '组长改过的' }) } }, lead);
    await run('bankItemSubmitForReview', { itemId: item.id, expectedRevision: 2 }, member);
    expect((await run('bankItemApprove', { itemId: item.id, expectedRevision: 3 }, lead)).userErrors[0].code).toBe('OWN_ITEM_REVIEW');
  });

  it('a member who is not the lead approving: FORBIDDEN', async () => {
    const item = await draft(lead);
    await run('bankItemSubmitForReview', { itemId: item.id, expectedRevision: 1 }, lead);
    const before = await snapshot();
    await t.expectToFail('FORBIDDEN', step('bankItemApprove'), { input: { itemId: item.id, expectedRevision: 2 } }, member);
    expect(await snapshot()).toEqual(before);
  });

  it('a teacher outside the research group editing a draft: FORBIDDEN', async () => {
    const item = await draft();
    const before = await snapshot();
    const error = await t.expectToFail('FORBIDDEN', UPDATE_ITEM, { input: { itemId: item.id, expectedRevision: 1, ...itemContent({ title: '外人改的' }) } }, outsider);
    expect(error.message).toBe('只有三年级数学备课组的成员可以修改这道题');
    expect(await snapshot()).toEqual(before);
  });

  it('an outsider cannot see or create drafts of the group', async () => {
    const item = await draft();
    await t.expectToFail('NOT_FOUND', `query($id: ID!) { bankItem(id: $id) { id } }`, { id: item.id }, outsider);
    await t.expectToFail('FORBIDDEN', CREATE_ITEM, { input: { unitId: unit.id, ...itemContent() } }, outsider);
  });

  it('a student reading the bank or a marking guide: FORBIDDEN', async () => {
    const item = await draft();
    const error = await t.expectToFail('FORBIDDEN', `query($id: ID!) { bankItem(id: $id) { current { answerGuide } } }`, { id: item.id }, student);
    expect(error.path).toEqual(['bankItem']);
    await t.expectToFail('FORBIDDEN', `{ bankItems(first: 5) { edges { node { id } } } }`, {}, student);
    const guide = await t.ok(`query($id: ID!) { bankItem(id: $id) { current { answerGuide } } }`, { id: item.id }, member);
    expect(guide.bankItem.current.answerGuide).toContain('平均分');
  });

  it('a stale edit gets STALE_REVISION naming the current revision; nothing is overwritten', async () => {
    const item = await draft();
    await t.ok(UPDATE_ITEM, { input: { itemId: item.id, expectedRevision: 1, ...itemContent({ title: '第一个人改的' }) } }, member);
    const before = await snapshot();
    const { bankItemUpdate } = await t.ok(UPDATE_ITEM, { input: { itemId: item.id, expectedRevision: 1, ...itemContent({ title: '第二个人改的' }) } }, lead);
    expect(bankItemUpdate.userErrors).toEqual([{
      code: 'STALE_REVISION', field: ['expectedRevision'],
      message: '这条记录已被他人修改：你编辑的是第 1 版，当前是第 2 版。请刷新后再改',
      figures: [{ name: 'currentRevision', value: 2 }, { name: 'expectedRevision', value: 1 }],
    }]);
    expect(await snapshot()).toEqual(before);
  });

  it('approving a draft that was never submitted: INVALID_TRANSITION', async () => {
    const item = await draft();
    const result = await run('bankItemApprove', { itemId: item.id, expectedRevision: 1 }, lead);
    expect(result.userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: '这道题当前是「草稿」状态，不能审核通过' });
  });

  it('editing an item under review: INVALID_TRANSITION', async () => {
    const item = await draft();
    await run('bankItemSubmitForReview', { itemId: item.id, expectedRevision: 1 }, member);
    const { bankItemUpdate } = await t.ok(UPDATE_ITEM, { input: { itemId: item.id, expectedRevision: 2, ...itemContent() } }, member);
    expect(bankItemUpdate.userErrors[0].code).toBe('INVALID_TRANSITION');
  });

  it('submitting an item beyond the curriculum standard: BEYOND_CURRICULUM_STANDARD', async () => {
    const item = await draft(member, { beyondCurriculumStandard: true });
    const before = await snapshot();
    const result = await run('bankItemSubmitForReview', { itemId: item.id, expectedRevision: 1 }, member);
    expect(result.userErrors[0].code).toBe('BEYOND_CURRICULUM_STANDARD');
    expect(await snapshot()).toEqual(before);
  });

  it('returning without a real comment: BAD_USER_INPUT', async () => {
    const item = await draft();
    await run('bankItemSubmitForReview', { itemId: item.id, expectedRevision: 1 }, member);
    const error = await t.expectToFail('BAD_USER_INPUT', step('bankItemReturn', 'BankItemReturnInput'), { input: { itemId: item.id, expectedRevision: 2, comment: '改' } }, lead);
    expect(error.extensions!.fields[0].field).toBe('comment');
  });

  it.each([
    [{ predictedMinutes: 0 }, 'predictedMinutes'],
    [{ predictedMinutes: 121 }, 'predictedMinutes'],
    [{ difficulty: 6 }, 'difficulty'],
    [{ title: '' }, 'title'],
  ])('malformed content %j: BAD_USER_INPUT on %s, nothing created', async (over, field) => {
    const count = (await t.db.dataSource.query(`SELECT count(*)::int n FROM bank_items`))[0].n;
    const error = await t.expectToFail('BAD_USER_INPUT', CREATE_ITEM, { input: { unitId: unit.id, ...itemContent(over) } }, member);
    expect(error.extensions!.fields.map((f: any) => f.field)).toContain(field);
    expect((await t.db.dataSource.query(`SELECT count(*)::int n FROM bank_items`))[0].n).toBe(count);
  });

  it('an objective of another unit, or an adapted item without its source: BAD_USER_INPUT', async () => {
    const other = await createMathUnit(t, lead, { sortOrder: 9, title: '测量' });
    let error = await t.expectToFail('BAD_USER_INPUT', CREATE_ITEM, { input: { unitId: unit.id, ...itemContent({ objectiveIds: [other.objectives[0].id] }) } }, member);
    expect(error.message).toBe('有 1 个目标不属于这道题所在的单元');
    error = await t.expectToFail('BAD_USER_INPUT', CREATE_ITEM, { input: { unitId: unit.id, ...itemContent({ provenance: 'ADAPTED' }) } }, member);
    expect(error.extensions!.fields[0].field).toBe('sourceItemId');
  });

  it('an adapted item names its approved source', async () => {
    const source = await draft();
    await run('bankItemSubmitForReview', { itemId: source.id, expectedRevision: 1 }, member);
    await run('bankItemApprove', { itemId: source.id, expectedRevision: 2 }, lead);
    const adapted = await draft(member, { provenance: 'ADAPTED', sourceItemId: source.id, sourceNote: '把图形换成了月饼' });
    const { bankItem } = await t.ok(`query($id: ID!) { bankItem(id: $id) { current { provenance sourceNote sourceVersionNo sourceItem { id } } } }`, { id: adapted.id }, member);
    expect(bankItem.current).toEqual({ provenance: 'ADAPTED', sourceNote: '把图形换成了月饼', sourceVersionNo: 1, sourceItem: { id: source.id } });
  });
});
