import { QueryRunner } from 'typeorm';
import { fromGlobalId, toGlobalId } from '../../src/core/ids';
import { MIGRATIONS } from '../../migrations';
import { createAndPublish, CREATE as CREATE_ASSIGNMENT, ids, insertItem, packages } from '../support/assignments';
import { createMathUnit, CREATE_ITEM, CREATE_UNIT, itemContent } from '../support/bank';
import { SMALL_SCHOOL } from '../support/fixtures';
import { GraphQLResult, TestApp } from '../support/test-app';

/**
 * Client keys of every create mutation: a client's retries of one request racing each other
 * (twenty at once, over HTTP) create exactly one row and all get its answer; so does a retry
 * long after; the same key with another request is refused; a key whose request was refused
 * is free again. On PostgreSQL the retries really overlap (a pool of 5); on PGlite they queue.
 */
const AT_ONCE = 20;
const SUBMIT = `mutation($input: SubmissionCreateInput!) { submissionCreate(input: $input) {
  submission { id status choice late revision versions { versionNo answer } } userErrors { code field message } } }`;
const CORRECT = `mutation($input: SubmissionCorrectInput!) { submissionCorrect(input: $input) {
  submission { id status revision versions { versionNo answer } } userErrors { code field message } } }`;
const MARK = `mutation($input: SubmissionMarkInput!) { submissionMark(input: $input) { submission { id status revision } userErrors { code message } } }`;

let t: TestApp;
const tok: Record<string, string> = {};
let unit: { id: string; objectives: { id: string }[] };
let easy: string;
let harder: string;

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL]);
  for (const u of ['t3sx1', 's30101', 's30102']) tok[u] = await t.login(u);
  unit = await createMathUnit(t, tok.t3sx1);
  easy = await insertItem(t, { subject: 'math', grade: 3, title: '口算练习', minutes: 10 });
  harder = await insertItem(t, { subject: 'math', grade: 3, title: '应用题', minutes: 15 });
});
afterAll(() => t?.stop());

/** The same request `AT_ONCE` times at once, as retries of a client that gave up waiting. */
const atOnce = (query: string, variables: Record<string, unknown>, token: string) =>
  Promise.all(Array.from({ length: AT_ONCE }, () => t.gql(query, variables, token)));

/** Every answer is a success and the very same payload; returns it. */
function oneAnswer(results: GraphQLResult[], mutation: string) {
  expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
  const payloads = results.map((r) => r.data[mutation]);
  expect(payloads.flatMap((p) => p.userErrors)).toEqual([]);
  expect(payloads.filter((p) => JSON.stringify(p) !== JSON.stringify(payloads[0]))).toEqual([]);
  return payloads[0];
}

const count = async (sql: string, params: unknown[]) => (await t.db.dataSource.query(sql, params))[0].n as number;
const keyRows = (clientKey: string) =>
  t.db.dataSource.query(`SELECT operation, result_id FROM idempotency_keys WHERE client_key = $1`, [clientKey]);

describe('twenty retries at once with one client key', () => {
  it('bankItemCreate creates one item', async () => {
    const input = { ...itemContent({ title: '并发重试的题' }), unitId: unit.id, objectiveIds: [unit.objectives[0].id], clientKey: 'burst-item-key' };
    const { item } = oneAnswer(await atOnce(CREATE_ITEM, { input }, tok.t3sx1), 'bankItemCreate');
    expect(await count(`SELECT count(*)::int AS n FROM bank_item_versions WHERE title = $1`, ['并发重试的题'])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM bank_items WHERE id = $1`, [fromGlobalId(item.id, 'BankItem')])).toBe(1);
    expect(await keyRows('burst-item-key')).toEqual([{ operation: 'bankItemCreate', result_id: fromGlobalId(item.id, 'BankItem') }]);
  });

  it('unitCreate creates one unit with its objectives', async () => {
    const school = t.schools[0];
    const input = {
      subjectId: toGlobalId('Subject', school.subjects.find((s) => s.code === 'math')!.id), grade: 3, termId: toGlobalId('Term', school.terms[1].id),
      volume: '三年级上册', sortOrder: 9, title: '并发重试的单元', objectives: [{ kind: 'KNOWLEDGE', description: '认识时、分、秒' }], clientKey: 'burst-unit-key',
    };
    const { unit: created } = oneAnswer(await atOnce(CREATE_UNIT, { input }, tok.t3sx1), 'unitCreate');
    expect(await count(`SELECT count(*)::int AS n FROM units WHERE title = $1`, ['并发重试的单元'])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM unit_objectives WHERE unit_id = $1`, [fromGlobalId(created.id, 'Unit')])).toBe(1);
    expect(await keyRows('burst-unit-key')).toEqual([{ operation: 'unitCreate', result_id: fromGlobalId(created.id, 'Unit') }]);
  });

  it('assignmentCreate creates one draft (no CONCURRENT_CHANGE)', async () => {
    const input = { ...ids(t, 3, 'math'), date: '2026-12-08', shape: 'PACKAGES', title: '并发重试的作业', options: packages(easy, harder), clientKey: 'burst-assignment-key' };
    const { assignment } = oneAnswer(await atOnce(CREATE_ASSIGNMENT, { input }, tok.t3sx1), 'assignmentCreate');
    expect(await count(`SELECT count(*)::int AS n FROM assignments WHERE day = '2026-12-08'`, [])).toBe(1);
    expect(await keyRows('burst-assignment-key')).toEqual([{ operation: 'assignmentCreate', result_id: fromGlobalId(assignment.id, 'Assignment') }]);
  });

  it('submissionCreate hands in once (no ALREADY_SUBMITTED), and submissionCorrect corrects once', async () => {
    const published = await createAndPublish(t, tok.t3sx1, { ...ids(t, 3, 'math'), date: '2026-12-09', shape: 'PACKAGES', title: '重试交作业', options: packages(easy, harder) });
    expect(published.userErrors).toEqual([]);
    const input = { assignmentId: published.assignment.id, choice: 'A', answer: '24 × 3 = 72', attachments: [], actualMinutes: 12, clientKey: 'burst-submit-key' };
    const { submission } = oneAnswer(await atOnce(SUBMIT, { input }, tok.s30101), 'submissionCreate');
    const submissionId = fromGlobalId(submission.id, 'Submission');
    expect(await count(`SELECT count(*)::int AS n FROM submissions WHERE assignment_id = $1`, [fromGlobalId(published.assignment.id, 'Assignment')])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM submission_versions WHERE submission_id = $1`, [submissionId])).toBe(1);
    expect(await keyRows('burst-submit-key')).toEqual([{ operation: 'submissionCreate', result_id: submissionId }]);

    const { submissionMark } = await t.ok(MARK, { input: {
      submissionId: submission.id, expectedRevision: submission.revision, mark: 'A', comment: '第二题再检查一下进位', requestCorrection: true,
    } }, tok.t3sx1);
    expect(submissionMark.userErrors).toEqual([]);
    const correction = { submissionId: submission.id, answer: '24 × 3 = 72（已订正）', attachments: [], actualMinutes: 5, clientKey: 'burst-correct-key' };
    const corrected = oneAnswer(await atOnce(CORRECT, { input: correction }, tok.s30101), 'submissionCorrect').submission;
    expect(corrected.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([1, 2]);
    expect(await count(`SELECT count(*)::int AS n FROM submission_versions WHERE submission_id = $1`, [submissionId])).toBe(2);
    expect(await keyRows('burst-correct-key')).toEqual([{ operation: 'submissionCorrect', result_id: submissionId }]);
  });
});

describe('a retry later', () => {
  it('answers the first result; the same key with another request is IDEMPOTENCY_KEY_REUSED', async () => {
    const input = { ...itemContent({ title: '稍后重试的题' }), unitId: unit.id, objectiveIds: [], clientKey: 'later-item-key' };
    const first = (await t.ok(CREATE_ITEM, { input }, tok.t3sx1)).bankItemCreate;
    expect(first.userErrors).toEqual([]);
    expect((await t.ok(CREATE_ITEM, { input }, tok.t3sx1)).bankItemCreate).toEqual(first);

    const items = () => count(`SELECT count(*)::int AS n FROM bank_items`, []);
    const before = await items();
    const reused = (await t.ok(CREATE_ITEM, { input: { ...input, title: '另一道题' } }, tok.t3sx1)).bankItemCreate;
    expect(reused).toMatchObject({ item: null, userErrors: [{ code: 'IDEMPOTENCY_KEY_REUSED', field: ['clientKey'] }] });
    // A key names one request, whatever the mutation.
    const school = t.schools[0];
    const asUnit = (await t.ok(CREATE_UNIT, { input: {
      subjectId: toGlobalId('Subject', school.subjects.find((s) => s.code === 'math')!.id), grade: 3, termId: toGlobalId('Term', school.terms[1].id),
      volume: '三年级上册', sortOrder: 30, title: '借用钥匙的单元', objectives: [{ kind: 'ABILITY', description: '会用钥匙' }], clientKey: 'later-item-key',
    } }, tok.t3sx1)).unitCreate;
    expect(asUnit.userErrors.map((e: { code: string }) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await items()).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM units WHERE title = '借用钥匙的单元'`, [])).toBe(0);
  });

  it('a second hand-in under a used key is IDEMPOTENCY_KEY_REUSED, not a new submission', async () => {
    const published = await createAndPublish(t, tok.t3sx1, { ...ids(t, 3, 'math'), date: '2026-12-10', shape: 'PACKAGES', title: '换答案', options: packages(easy, harder) });
    const input = { assignmentId: published.assignment.id, choice: 'B', answer: '第一次的答案', attachments: [], actualMinutes: 14, clientKey: 'later-submit-key' };
    const first = (await t.ok(SUBMIT, { input }, tok.s30102)).submissionCreate;
    expect(first.userErrors).toEqual([]);
    expect((await t.ok(SUBMIT, { input }, tok.s30102)).submissionCreate).toEqual(first);
    const changed = (await atOnce(SUBMIT, { input: { ...input, answer: '改过的答案' } }, tok.s30102)).map((r) => r.data.submissionCreate);
    expect(new Set(changed.map((p) => p.userErrors.map((e: { code: string }) => e.code).join()))).toEqual(new Set(['IDEMPOTENCY_KEY_REUSED']));
    expect(await count(`SELECT count(*)::int AS n FROM submission_versions v JOIN submissions s ON s.id = v.submission_id WHERE s.student_id = $1`,
      [t.user('s30102').id])).toBe(1);
  });

  it('a refused request leaves its key free: twenty refused retries claim nothing, then the key creates', async () => {
    const school = t.schools[0];
    const input = {
      subjectId: toGlobalId('Subject', school.subjects.find((s) => s.code === 'math')!.id), grade: 3, termId: toGlobalId('Term', school.terms[1].id),
      // Unit 8 is the one createMathUnit made.
      volume: '三年级上册', sortOrder: 8, title: '位置被占的单元', objectives: [{ kind: 'KNOWLEDGE', description: '认识位置' }], clientKey: 'refused-unit-key',
    };
    const refused = (await atOnce(CREATE_UNIT, { input }, tok.t3sx1)).map((r) => r.data.unitCreate);
    expect(new Set(refused.map((p) => p.userErrors.map((e: { code: string }) => e.code).join()))).toEqual(new Set(['UNIT_ORDER_TAKEN']));
    expect(await keyRows('refused-unit-key')).toEqual([]);

    const { unit: created } = oneAnswer(await atOnce(CREATE_UNIT, { input: { ...input, sortOrder: 12 } }, tok.t3sx1), 'unitCreate');
    expect(await count(`SELECT count(*)::int AS n FROM units WHERE title = '位置被占的单元'`, [])).toBe(1);
    expect(await keyRows('refused-unit-key')).toEqual([{ operation: 'unitCreate', result_id: fromGlobalId(created.id, 'Unit') }]);
  });
});

describe('the migration that made submissions use the common keys', () => {
  const inTransaction = async (work: (runner: QueryRunner) => Promise<void>) => {
    const runner = t.db.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await work(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  };

  it('down() puts the keys back on submission versions and up() brings them over again, so a retry still answers', async () => {
    const Migration = MIGRATIONS.find((m) => m.name === 'ClientKeysForEveryCreate1765065600000');
    expect(Migration).toBeDefined();
    const migration = new Migration!();
    const input = { assignmentId: '', choice: 'A', answer: '迁移前交的作业', attachments: [], actualMinutes: 9, clientKey: 'migrated-submit-key' };
    input.assignmentId = (await createAndPublish(t, tok.t3sx1, { ...ids(t, 3, 'math'), date: '2026-12-11', shape: 'PACKAGES', title: '迁移', options: packages(easy, harder) })).assignment.id;
    const first = (await t.ok(SUBMIT, { input }, tok.s30102)).submissionCreate;
    const submissionId = fromGlobalId(first.submission.id, 'Submission');

    await inTransaction((runner) => migration.down(runner));
    expect(await t.db.dataSource.query(`SELECT client_key, version_no FROM submission_versions WHERE submission_id = $1`, [submissionId]))
      .toEqual([{ client_key: 'migrated-submit-key', version_no: 1 }]);
    expect(await keyRows('migrated-submit-key')).toEqual([]);

    await inTransaction((runner) => migration.up(runner));
    expect(await keyRows('migrated-submit-key')).toEqual([{ operation: 'submissionCreate', result_id: submissionId }]);
    expect((await t.ok(SUBMIT, { input }, tok.s30102)).submissionCreate).toEqual(first);
    expect(await count(`SELECT count(*)::int AS n FROM submission_versions WHERE submission_id = $1`, [submissionId])).toBe(1);
  });
});
