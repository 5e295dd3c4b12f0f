import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { TestApp } from '../support/test-app';
import { createAndPublish, ids, insertItem, packages } from '../support/assignments';

/** Minors' data: consent before anything personal is kept, the access log, export and deletion. */
const SCHOOL = { code: 'privacy-test', name: '测试辛校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 1, studentsPerClass: 2, nameSeed: 31 };
const DAY = '2026-12-01';
let t: TestApp;
const tok: Record<string, string> = {};
let assignmentId: string;
const gid = (u: string) => toGlobalId('User', t.user(u).id);

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['t5yw1', 's50101', 's50102', 'p50101', 'p50102', 'jiaowu']) tok[u] = await t.login(u);
  const a = await insertItem(t, { subject: 'chinese', grade: 5, title: '读一读', minutes: 10 });
  const b = await insertItem(t, { subject: 'chinese', grade: 5, title: '写一写', minutes: 12 });
  assignmentId = (await createAndPublish(t, tok.t5yw1, { ...ids(t, 5, 'chinese'), date: DAY, shape: 'PACKAGES', title: '语文', options: packages(a, b) })).assignment.id;
});
afterAll(() => t?.stop());

const SUBMIT = `mutation($i: SubmissionCreateInput!) { submissionCreate(input: $i) { submission { id } userErrors { code message } } }`;
const CONSENT = `mutation($s: ID!, $g: Boolean!) { guardianConsentSet(studentId: $s, given: $g) { student { guardianConsentAt } userErrors { code } } }`;

it('without a guardian\'s consent nothing personal of a minor is kept', async () => {
  await t.ok(CONSENT, { s: gid('s50102'), g: false }, tok.p50102);
  const before = await t.db.dataSource.query(`SELECT count(*)::int n FROM submissions`);
  const refused = (await t.ok(SUBMIT, { i: { assignmentId, choice: 'A', answer: '答案', attachments: [], actualMinutes: 10, clientKey: 'privacy-1' } }, tok.s50102)).submissionCreate;
  expect(refused.userErrors[0].code).toBe('CONSENT_REQUIRED');
  const choose = (await t.ok(`mutation($i: AssignmentChooseInput!) { assignmentChoose(input: $i) { userErrors { code } } }`, { i: { assignmentId, choice: 'A' } }, tok.s50102)).assignmentChoose;
  expect(choose.userErrors[0].code).toBe('CONSENT_REQUIRED');
  const sheet = (await t.ok(`mutation { recordSheetFill(input: { date: "${DAY}", bedtime: "20:00" }) { userErrors { code } } }`, {}, tok.s50102)).recordSheetFill;
  expect(sheet.userErrors[0].code).toBe('CONSENT_REQUIRED');
  expect(await t.db.dataSource.query(`SELECT count(*)::int n FROM submissions`)).toEqual(before);
  // Only the guardian gives consent; then the work is kept.
  await t.expectToFail('FORBIDDEN', CONSENT, { s: gid('s50102'), g: true }, tok.p50101);
  expect((await t.ok(CONSENT, { s: gid('s50102'), g: true }, tok.p50102)).guardianConsentSet.student.guardianConsentAt).toBeTruthy();
  expect((await t.ok(SUBMIT, { i: { assignmentId, choice: 'A', answer: '答案', attachments: [], actualMinutes: 10, clientKey: 'privacy-2' } }, tok.s50102)).submissionCreate.userErrors).toEqual([]);
});

it('logs every staff read of a student\'s work and record sheet, not the student\'s or parent\'s own', async () => {
  const sub = (await t.ok(SUBMIT, { i: { assignmentId, choice: 'B', answer: '我的答案', attachments: [], actualMinutes: 14, clientKey: 'privacy-3' } }, tok.s50101)).submissionCreate.submission;
  await t.ok(`query($id: ID!) { submission(id: $id) { status } }`, { id: sub.id }, tok.s50101);
  await t.ok(`query($id: ID!) { submission(id: $id) { status } }`, { id: sub.id }, tok.p50101);
  await t.ok(`query($id: ID!) { submission(id: $id) { status } }`, { id: sub.id }, tok.t5yw1);
  await t.ok(`query($s: ID!) { recordSheet(date: "${DAY}", studentId: $s) { flags } }`, { s: gid('s50101') }, tok.t5yw1);
  const { accessLog } = await t.ok(`query($s: ID) { accessLog(studentId: $s, first: 10) { edges { node { resource actor { username } student { username } } } } }`, { s: gid('s50101') }, tok.jiaowu);
  expect(accessLog.edges.map((e: any) => [e.node.resource, e.node.actor.username, e.node.student.username]).sort()).toEqual([
    ['record_sheet', 't5yw1', 's50101'], ['submission', 't5yw1', 's50101'],
  ]);
  await t.expectToFail('FORBIDDEN', `{ accessLog(first: 5) { edges { cursor } } }`, {}, tok.t5yw1);
});

it('exports everything about a student to their guardian, and deletes it on request keeping only aggregates', async () => {
  const exported = JSON.parse((await t.ok(`query($s: ID!) { studentDataExport(studentId: $s) }`, { s: gid('s50101') }, tok.p50101)).studentDataExport);
  expect(exported.student.displayName).toBe(t.user('s50101').displayName);
  expect(exported.submissionVersions[0]).toMatchObject({ answer: '我的答案', actual_minutes: 14 });
  expect(exported.accessLog.length).toBeGreaterThan(0);
  await t.expectToFail('FORBIDDEN', `query($s: ID!) { studentDataExport(studentId: $s) }`, { s: gid('s50101') }, tok.p50102);

  await t.expectToFail('FORBIDDEN', `mutation($s: ID!) { studentDataDelete(studentId: $s) { deleted } }`, { s: gid('s50101') }, tok.p50101);
  const calibrationsBefore = await t.db.dataSource.query(`SELECT observations FROM item_calibrations ORDER BY item_id`);
  const { studentDataDelete } = await t.ok(`mutation($s: ID!) { studentDataDelete(studentId: $s) { deleted userErrors { code } } }`, { s: gid('s50101') }, tok.jiaowu);
  expect(studentDataDelete.deleted).toBe(true);
  const left = await t.db.dataSource.query(`SELECT
      (SELECT count(*)::int FROM submissions WHERE student_id = $1) AS submissions,
      (SELECT count(*)::int FROM student_choices WHERE student_id = $1) AS choices,
      (SELECT count(*)::int FROM record_sheets WHERE student_id = $1) AS sheets,
      (SELECT count(*)::int FROM parent_links WHERE student_id = $1) AS links,
      (SELECT display_name FROM users WHERE id = $1) AS name`, [t.user('s50101').id]);
  expect(left).toEqual([{ submissions: 0, choices: 0, sheets: 0, links: 0, name: '已删除的学生' }]);
  expect(await t.db.dataSource.query(`SELECT observations FROM item_calibrations ORDER BY item_id`)).toEqual(calibrationsBefore);
  await t.expectToFail('UNAUTHENTICATED', `{ me { id } }`, {}, tok.s50101);
});
