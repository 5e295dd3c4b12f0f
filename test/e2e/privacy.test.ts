import { randomUUID } from 'node:crypto';
import { AccessLogResources1765152000000 } from '../../migrations/1765152000000-AccessLogResources';
import { seedSchool } from '../../seeds/demo';
import { toGlobalId } from '../../src/core/ids';
import { accountKey } from '../../src/modules/auth/login-attempts';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { graphql } from '../graphql';
import { createTestDatabase } from '../support/test-database';
import { TEST_SECRET, TestApp } from '../support/test-app';
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

const SUBMIT = graphql(`mutation PrivacySubmit($i: SubmissionCreateInput!) { submissionCreate(input: $i) { submission { id } userErrors { code message } } }`);
const CONSENT = graphql(`mutation PrivacyConsent($s: ID!, $g: Boolean!) { guardianConsentSet(studentId: $s, given: $g) { student { guardianConsentAt } userErrors { code } } }`);
const CHOOSE = graphql(`mutation PrivacyChoose($i: AssignmentChooseInput!) { assignmentChoose(input: $i) { userErrors { code } } }`);
const FILL = graphql(`mutation PrivacyFill($i: RecordSheetFillInput!) { recordSheetFill(input: $i) { userErrors { code } } }`);
const SUBMISSION = graphql(`query PrivacySubmission($id: ID!) { submission(id: $id) { status } }`);
const SHEET = graphql(`query PrivacySheet($d: LocalDate!, $s: ID!) { recordSheet(date: $d, studentId: $s) { flags bedtime } }`);
const ACCESS_LOG = graphql(`query PrivacyAccessLog($s: ID) { accessLog(studentId: $s, first: 10) { edges { node { resource actor { username } student { username } } } } }`);
const ACCESS_LOG_ANY = graphql(`query PrivacyAccessLogAny { accessLog(first: 5) { edges { cursor } } }`);
const DAY_SUBMISSION = graphql(`query PrivacyDaySubmission($d: LocalDate!, $s: ID!) { studentDay(date: $d, studentId: $s) { submission { id peerComments { comment } } } }`);
const PARENT_MESSAGE = graphql(`mutation PrivacyParentMessage($d: LocalDate!, $s: ID!, $m: String!) { recordSheetParentMessage(studentId: $s, date: $d, message: $m) { userErrors { code } } }`);
const EXPORT = graphql(`query PrivacyExport($s: ID!) { studentDataExport(studentId: $s) }`);
const DELETE = graphql(`mutation PrivacyDelete($s: ID!) { studentDataDelete(studentId: $s) { deleted userErrors { code } } }`);
const LOGIN = graphql(`mutation PrivacyLogin($i: LoginInput!) { login(input: $i) { token } }`);
const ME = graphql(`query PrivacyMe { me { id username } }`);

it('without a guardian\'s consent nothing personal of a minor is kept', async () => {
  await t.op(CONSENT, { s: gid('s50102'), g: false }, tok.p50102);
  const before = await t.db.dataSource.query(`SELECT count(*)::int n FROM submissions`);
  const refused = (await t.op(SUBMIT, { i: { assignmentId, choice: 'A', answer: '答案', attachments: [], actualMinutes: 10, clientKey: 'privacy-1' } }, tok.s50102)).submissionCreate;
  expect(refused.userErrors[0].code).toBe('CONSENT_REQUIRED');
  const choose = (await t.op(CHOOSE, { i: { assignmentId, choice: 'A' } }, tok.s50102)).assignmentChoose;
  expect(choose.userErrors[0].code).toBe('CONSENT_REQUIRED');
  const sheet = (await t.op(FILL, { i: { date: DAY, bedtime: '20:00' } }, tok.s50102)).recordSheetFill;
  expect(sheet.userErrors[0].code).toBe('CONSENT_REQUIRED');
  expect(await t.db.dataSource.query(`SELECT count(*)::int n FROM submissions`)).toEqual(before);
  // Only the guardian gives consent; then the work is kept.
  await t.expectToFail('FORBIDDEN', CONSENT.toString(), { s: gid('s50102'), g: true }, tok.p50101);
  expect((await t.op(CONSENT, { s: gid('s50102'), g: true }, tok.p50102)).guardianConsentSet.student?.guardianConsentAt).toBeTruthy();
  expect((await t.op(SUBMIT, { i: { assignmentId, choice: 'A', answer: '答案', attachments: [], actualMinutes: 10, clientKey: 'privacy-2' } }, tok.s50102)).submissionCreate.userErrors).toEqual([]);
});

it('logs every staff read of a student\'s work and record sheet, not the student\'s or parent\'s own', async () => {
  const sub = (await t.op(SUBMIT, { i: { assignmentId, choice: 'B', answer: '我的答案', attachments: [], actualMinutes: 14, clientKey: 'privacy-3' } }, tok.s50101)).submissionCreate.submission!;
  await t.op(SUBMISSION, { id: sub.id }, tok.s50101);
  await t.op(SUBMISSION, { id: sub.id }, tok.p50101);
  await t.op(SUBMISSION, { id: sub.id }, tok.t5yw1);
  await t.op(SHEET, { d: DAY, s: gid('s50101') }, tok.t5yw1);
  const { accessLog } = await t.op(ACCESS_LOG, { s: gid('s50101') }, tok.jiaowu);
  expect(accessLog.edges.map((e) => [e.node.resource, e.node.actor?.username, e.node.student?.username]).sort()).toEqual([
    ['record_sheet', 't5yw1', 's50101'], ['submission', 't5yw1', 's50101'],
  ]);
  await t.expectToFail('FORBIDDEN', ACCESS_LOG_ANY.toString(), {}, tok.t5yw1);
});

const MARK = graphql(`mutation PrivacyMark($i: SubmissionMarkInput!) { submissionMark(input: $i) { submission { id } userErrors { code } } }`);
const PEER = graphql(`mutation PrivacyPeer($i: PeerCommentInput!) { submissionPeerComment(input: $i) { peerComment { comment } userErrors { code } } }`);
const READ = graphql(`mutation PrivacyRead($d: LocalDate!, $s: ID!, $r: String, $o: Boolean! = false) { recordSheetRead(studentId: $s, date: $d, reply: $r, reopen: $o) { sheet { reply } userErrors { code } } }`);

/** A digest of every table that holds a student's personal data, to show a refusal wrote nothing. */
async function personalData(): Promise<Record<string, string>> {
  const tables = ['student_choices', 'submissions', 'submission_versions', 'marks', 'peer_comments', 'record_sheets', 'record_sheet_entries', 'access_log'];
  const [row] = await t.db.dataSource.query(`SELECT ${tables.map((x) => `(SELECT count(*) || ':' || coalesce(md5(string_agg(r::text, ',' ORDER BY r::text)), '') FROM ${x} r) AS ${x}`).join(', ')}`);
  return row;
}

it('refuses every write of a student\'s personal data while their guardian has not consented, writing nothing', async () => {
  const theirs = (await t.op(DAY_SUBMISSION, { d: DAY, s: gid('s50102') }, tok.s50102)).studentDay[0].submission!.id;
  const classmates = (await t.op(DAY_SUBMISSION, { d: DAY, s: gid('s50101') }, tok.s50101)).studentDay[0].submission!.id;
  await t.op(CONSENT, { s: gid('s50102'), g: false }, tok.p50102);
  const before = await personalData();
  // The head teacher's reply, or merely marking the sheet read, would create the student's sheet.
  expect((await t.op(READ, { d: DAY, s: gid('s50102'), r: '已阅，明天继续加油。' }, tok.t5yw1)).recordSheetRead.userErrors).toEqual([{ code: 'CONSENT_REQUIRED' }]);
  expect((await t.op(READ, { d: DAY, s: gid('s50102') }, tok.t5yw1)).recordSheetRead.userErrors).toEqual([{ code: 'CONSENT_REQUIRED' }]);
  expect((await t.op(READ, { d: DAY, s: gid('s50102'), o: true }, tok.t5yw1)).recordSheetRead.userErrors).toEqual([{ code: 'CONSENT_REQUIRED' }]);
  // A mark and a comment on work handed in before consent was withdrawn are new personal data too.
  expect((await t.op(MARK, { i: { submissionId: theirs, expectedRevision: 1, mark: 'A', comment: '书写认真，继续保持。' } }, tok.t5yw1)).submissionMark.userErrors)
    .toEqual([{ code: 'CONSENT_REQUIRED' }]);
  expect((await t.op(PEER, { i: { submissionId: theirs, comment: '写得真好' } }, tok.s50101)).submissionPeerComment.userErrors).toEqual([{ code: 'CONSENT_REQUIRED' }]);
  expect((await t.op(PEER, { i: { submissionId: classmates, comment: '写得真好' } }, tok.s50102)).submissionPeerComment.userErrors).toEqual([{ code: 'CONSENT_REQUIRED' }]);
  expect((await t.op(PARENT_MESSAGE, { d: DAY, s: gid('s50102'), m: '孩子昨晚睡得早。' }, tok.p50102)).recordSheetParentMessage.userErrors).toEqual([{ code: 'CONSENT_REQUIRED' }]);
  expect(await personalData()).toEqual(before);

  await t.op(CONSENT, { s: gid('s50102'), g: true }, tok.p50102);
  expect((await t.op(READ, { d: DAY, s: gid('s50102'), r: '已阅，明天继续加油。' }, tok.t5yw1)).recordSheetRead).toEqual({ sheet: { reply: '已阅，明天继续加油。' }, userErrors: [] });
  expect((await t.op(PEER, { i: { submissionId: theirs, comment: '写得真好' } }, tok.s50101)).submissionPeerComment.userErrors).toEqual([]);
});

it('exports everything about a student to their guardian', async () => {
  const exported = JSON.parse((await t.op(EXPORT, { s: gid('s50101') }, tok.p50101)).studentDataExport);
  expect(exported.student.displayName).toBe(t.user('s50101').displayName);
  expect(exported.submissionVersions[0]).toMatchObject({ answer: '我的答案', actual_minutes: 14 });
  expect(exported.accessLog.length).toBeGreaterThan(0);
  await t.expectToFail('FORBIDDEN', EXPORT.toString(), { s: gid('s50101') }, tok.p50102);
});

/** Every column of every table, as the schema owner, holding any of `needles` (as text): `table.column`. */
async function columnsHolding(needles: string[]): Promise<string[]> {
  const columns: { table_name: string; column_name: string }[] = await t.db.dataSource.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables b ON b.table_schema = c.table_schema AND b.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND b.table_type = 'BASE TABLE' ORDER BY 1, 2`);
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const [{ n }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM "${table}" WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS needle WHERE strpos("${column}"::text, needle) > 0)`, [needles]);
    if (n > 0) found.push(`${table}.${column}`);
  }
  return found;
}

it('deletes a student\'s data on request: no identifier of them is left in any table, aggregates stay', async () => {
  const student = t.user('s50101');
  const mine = (await t.op(DAY_SUBMISSION, { d: DAY, s: gid('s50101') }, tok.s50101)).studentDay[0].submission!.id;
  await t.op(FILL, { i: { date: DAY, bedtime: '20:15', selfStudyContent: '读绘本', selfStudyMinutes: 15 } }, tok.s50101);
  await t.op(PARENT_MESSAGE, { d: DAY, s: gid('s50101'), m: '今天按时完成。' }, tok.p50101);
  const classmates = (await t.op(DAY_SUBMISSION, { d: DAY, s: gid('s50102') }, tok.s50102)).studentDay[0].submission!.id;
  await t.op(PEER, { i: { submissionId: mine, comment: '步骤很清楚' } }, tok.s50102);
  await t.op(PEER, { i: { submissionId: classmates, comment: '字写得工整' } }, tok.s50101);
  await t.op(SHEET, { d: DAY, s: gid('s50101') }, tok.t5yw1);
  await t.op(EXPORT, { s: gid('s50101') }, tok.jiaowu);
  await t.expectToFail('UNAUTHENTICATED', LOGIN.toString(),
    { i: { schoolCode: SCHOOL.code, username: 's50101', password: 'not-the-password-1' } });
  // Sign-in attempts are counted under a keyed hash of the account, which no scan for the name finds.
  const attempts = () => t.db.dataSource.query(`SELECT count(*)::int AS n FROM login_attempts WHERE key = $1`,
    [accountKey(TEST_SECRET, t.schools[0].schoolId, 's50101')]);
  expect(await attempts()).toEqual([{ n: 1 }]);
  const identifiers = [student.id, student.username, student.displayName, student.studentNo!, gid('s50101')];
  // The scan sees every school's rows: the student is found where their data is before deletion.
  expect(await columnsHolding(identifiers)).toEqual(expect.arrayContaining([
    'access_log.student_id', 'peer_comments.author_id', 'record_sheets.student_id', 'student_choices.student_id', 'submissions.student_id',
    'users.display_name', 'users.id', 'users.student_no', 'users.username',
  ]));

  await t.expectToFail('FORBIDDEN', DELETE.toString(), { s: gid('s50101') }, tok.p50101);
  await t.drainCalibrations();
  const calibrationsBefore = await t.db.dataSource.query(`SELECT item_id, version_no, observations FROM item_calibrations ORDER BY item_id`);
  expect(calibrationsBefore.length).toBeGreaterThan(0);
  const { studentDataDelete } = await t.op(DELETE, { s: gid('s50101') }, tok.jiaowu);
  expect(studentDataDelete).toEqual({ deleted: true, userErrors: [] });

  expect(await columnsHolding(identifiers)).toEqual([]);
  expect(await attempts()).toEqual([{ n: 0 }]);
  expect(await t.db.dataSource.query(`SELECT item_id, version_no, observations FROM item_calibrations ORDER BY item_id`)).toEqual(calibrationsBefore);
  await t.expectToFail('UNAUTHENTICATED', ME.toString(), {}, tok.s50101);
  await t.expectToFail('NOT_FOUND', EXPORT.toString(), { s: gid('s50101') }, tok.jiaowu);
  // The classmate and the parent keep their own accounts and data.
  expect((await t.op(ME, {}, tok.p50101)).me.username).toBe('p50101');
  expect((await t.op(DAY_SUBMISSION, { d: DAY, s: gid('s50102') }, tok.s50102)).studentDay[0].submission!.peerComments).toEqual([]);
});

it('the migration removes what deletions before it left behind, and names record sheets by their day', async () => {
  const db = await createTestDatabase();
  const school = await seedSchool(db.dataSource, { ...SCHOOL, code: 'privacy-legacy' }, 10);
  // The embedded database has one connection: from here on everything goes through this runner.
  const runner = db.dataSource.createQueryRunner();
  try {
    const [gone, kept] = school.users.filter((u) => u.classId);
    const migration = new AccessLogResources1765152000000();
    const q = (sql: string, params: unknown[] = []) => runner.query(sql, params);
    await runner.startTransaction();
    await migration.down(runner);
    await runner.commitTransaction();
    // What the service wrote before: an anonymised account with its reads and keys, sheets named by id or by student:day.
    const sheetId = randomUUID();
    await q(`INSERT INTO record_sheets (school_id, id, student_id, class_id, day) VALUES ($1, $2, $3, $4, '2026-12-02')`, [school.schoolId, sheetId, kept.id, kept.classId]);
    await q(`DELETE FROM parent_links WHERE student_id = $1`, [gone.id]);
    await q(`UPDATE users SET display_name = '已删除的学生', username = $2, class_id = NULL, student_no = NULL, deleted_at = now() WHERE id = $1`,
      [gone.id, `deleted-${gone.id.slice(0, 8)}`]);
    const actor = school.users.find((u) => u.username === 't5yw1')!.id;
    const log = (studentId: string, resource: string, resourceId: string) =>
      q(`INSERT INTO access_log (school_id, id, actor_id, student_id, resource, resource_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [school.schoolId, randomUUID(), actor, studentId, resource, resourceId]);
    await log(gone.id, 'record_sheet', `${gone.id}:2026-12-01`);
    await log(gone.id, 'submission', randomUUID());
    await log(kept.id, 'record_sheet', `${kept.id}:2026-12-01`);
    await log(kept.id, 'record_sheet', sheetId);
    await q(`INSERT INTO idempotency_keys (school_id, user_id, client_key, operation, fingerprint, result_id) VALUES ($1, $2, 'legacy-key', 'op', 'f', $3)`,
      [school.schoolId, gone.id, randomUUID()]);

    await runner.startTransaction();
    await migration.up(runner);
    await runner.commitTransaction();

    expect(await q(`SELECT student_id, resource, resource_id FROM access_log ORDER BY resource_id`)).toEqual([
      { student_id: kept.id, resource: 'record_sheet', resource_id: '2026-12-01' },
      { student_id: kept.id, resource: 'record_sheet', resource_id: '2026-12-02' },
    ]);
    expect(await q(`SELECT count(*)::int AS n FROM users WHERE id = $1`, [gone.id])).toEqual([{ n: 0 }]);
    expect(await q(`SELECT count(*)::int AS n FROM idempotency_keys`)).toEqual([{ n: 0 }]);
    await log(kept.id, 'student_export', 'all');
  } finally {
    await runner.release();
    await db.close();
  }
});
