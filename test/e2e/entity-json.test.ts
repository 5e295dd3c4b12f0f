import { isDeepStrictEqual } from 'node:util';
import { entityOfJson, jsonOfRow } from '../../src/core/entity-json';
import { SMALL_SCHOOL } from '../support/fixtures';
import { createAndPublish, ids, insertItem, packages } from '../support/assignments';
import { TestApp } from '../support/test-app';

/**
 * The heavy reads bring related rows as JSON (`jsonOfRow`) and hydrate them with `entityOfJson`
 * to fill the request's loaders, where a repository's entities would otherwise be. For every
 * entity with rows in a seeded school (homework published, so that assignments, their options,
 * items and pinned versions are there too), the entity made from its JSON is deep-equal to the
 * one the repository reads: the same class, the same properties, Dates where TypeORM makes Dates.
 */
let t: TestApp;

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL]);
  const teacher = await t.login('t3sx1');
  const office = await t.login('jiaowu');
  const item = await insertItem(t, { subject: 'math', grade: 3, title: '口算练习', minutes: 15 });
  const { assignment } = await createAndPublish(t, teacher, { ...ids(t, 3, 'math'), date: '2026-12-14', shape: 'PACKAGES', title: '数学作业', options: packages(item, item) });
  const classRowId = t.schools[0].classes.find((c) => c.grade === 3)!.id;
  const student = t.schools[0].users.find((u) => u.classId === classRowId)!;
  const handIn = await t.ok(`mutation($i: SubmissionCreateInput!) { submissionCreate(input: $i) { userErrors { code } } }`,
    { i: { assignmentId: assignment.id, choice: 'A', answer: '完成', attachments: [], actualMinutes: 11, clientKey: 'k-entity-json' } }, await t.login(student.username));
  expect(handIn.submissionCreate.userErrors).toEqual([]);
  const cap = await t.ok(`mutation { loadPolicySet(input: { grade: 3, dayKind: SCHOOL_DAY, writtenCapMinutes: 50 }) { userErrors { code } } }`, {}, office);
  expect(cap.loadPolicySet.userErrors).toEqual([]);
  const day = await t.ok(`mutation { calendarDaySet(input: { day: "2027-01-01", kind: HOLIDAY, name: "元旦" }) { userErrors { code } } }`, {}, office);
  expect(day.calendarDaySet.userErrors).toEqual([]);
});
afterAll(() => t?.stop());

test('every entity read as JSON is the entity the repository reads', async () => {
  const ds = t.db.dataSource;
  const compared: string[] = [];
  const differences: string[] = [];
  for (const metadata of ds.entityMetadatas) {
    if (metadata.tableType !== 'regular') continue;
    const repository = ds.getRepository(metadata.target);
    const rows = await repository.find({ take: 20 });
    if (rows.length === 0) continue;
    const keys = metadata.primaryColumns;
    const where = rows.map((_, r) => `(${keys.map((k, n) => `t."${k.databaseName}" = $${r * keys.length + n + 1}`).join(' AND ')})`).join(' OR ');
    const params = rows.flatMap((row) => keys.map((k) => k.getEntityValue(row)));
    const json: { j: unknown[] }[] = await ds.query(`SELECT ${jsonOfRow(ds.manager, metadata.target, 't')} AS j FROM "${metadata.tableName}" t WHERE ${where}`, params);
    expect(json).toHaveLength(rows.length);
    const keyOf = (row: object) => keys.map((k) => String(k.getEntityValue(row))).join('/');
    const byKey = new Map(json.map(({ j }) => {
      const entity = entityOfJson(ds.manager, metadata.target, j);
      return [keyOf(entity), entity];
    }));
    for (const row of rows) {
      const fromJson = byKey.get(keyOf(row));
      if (!isDeepStrictEqual(fromJson, row)) differences.push(`${metadata.name}: ${JSON.stringify(fromJson)} ≠ ${JSON.stringify(row)}`);
    }
    compared.push(metadata.name);
  }
  expect(differences).toEqual([]);
  // The entities the heavy reads hydrate from JSON had rows to compare.
  expect(compared).toEqual(expect.arrayContaining([
    'Assignment', 'AssignmentOption', 'AssignmentItem', 'BankItemVersion', 'User', 'Subject', 'SchoolClass', 'School', 'LoadPolicy', 'CalendarDay',
    'Submission', 'SubmissionVersion',
  ]));
});
