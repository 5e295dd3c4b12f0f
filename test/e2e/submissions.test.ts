import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { OTHER_SCHOOL } from '../support/fixtures';
import { TEST_NOW, TestApp } from '../support/test-app';
import { createAndPublish, ids, insertItem } from '../support/assignments';

/**
 * A grade-8 class's day end to end — publish, choose, submit, mark, request a correction,
 * re-check — and every refusal around it.
 */
const SCHOOL = { code: 'mark-test', name: '测试己校', stage: SchoolStage.JUNIOR, grades: [8], classesPerGrade: 1, studentsPerClass: 3, nameSeed: 11 };
const DAY = '2026-12-01';
let t: TestApp;
const tok: Record<string, string> = {};
let assignment: { id: string };
let submissionId: string;

const SUBMIT = `mutation($input: SubmissionCreateInput!) { submissionCreate(input: $input) {
  submission { id status choice late revision } userErrors { code field message } } }`;
const CORRECT = `mutation($input: SubmissionCorrectInput!) { submissionCorrect(input: $input) { submission { id status revision } userErrors { code message } } }`;
const MARK = `mutation($input: SubmissionMarkInput!) { submissionMark(input: $input) { submission { id status revision } userErrors { code field message } } }`;
const HISTORY = `query($id: ID!) { submission(id: $id) { status choice currentMark { mark }
  versions { versionNo answer actualMinutes attachments { name } } marks { mark comment faceToFace correctionRequested versionNo markedBy { username } }
  peerComments { comment } } }`;
const work = (clientKey: string, answer = '3.2 × 4 = 12.8', over: Record<string, unknown> = {}) =>
  ({ answer, attachments: [{ name: '草稿.jpg', mimeType: 'image/jpeg', sizeBytes: 12345 }], actualMinutes: 18, clientKey, ...over });

beforeAll(async () => {
  t = await TestApp.start([SCHOOL, OTHER_SCHOOL]);
  for (const u of ['t8sx1', 't8yw1', 't8wl', 's80101', 's80102', 'p80101', 'p80102', 'jiaowu']) tok[u] = await t.login(u);
  tok.other = await t.login('t3sx1', 'test-b');
  const basic = await insertItem(t, { subject: 'math', grade: 8, title: '整式乘法·基础练习', minutes: 12 });
  const extending = await insertItem(t, { subject: 'math', grade: 8, title: '整式乘法·变式练习', minutes: 15 });
  const divergent = await insertItem(t, { subject: 'math', grade: 8, title: '整式乘法·找规律', minutes: 15, form: 'inquiry' });
  const published = await createAndPublish(t, tok.t8sx1, {
    ...ids(t, 8, 'math'), date: DAY, shape: 'THREE_PART', title: '整式的乘法',
    options: [
      { key: '1', name: '基础作业', items: [{ itemId: basic, atHome: true }] },
      { key: '2', name: '拓展作业', items: [{ itemId: extending, atHome: true }] },
      { key: '3', name: '发散作业', items: [{ itemId: divergent, atHome: true }] },
    ],
  });
  expect(published.userErrors).toEqual([]);
  assignment = published.assignment;
});
afterAll(() => t?.stop());
afterEach(() => t.clock.set(TEST_NOW));

const rows = () => t.db.dataSource.query(`SELECT s.status, s.revision, s.version_no, (SELECT count(*)::int FROM marks m WHERE m.submission_id = s.id) AS marks
  FROM submissions s ORDER BY s.id`);

describe('a day end to end', () => {
  it('the student chooses B (part 2) and hands the work in', async () => {
    await t.ok(`mutation($i: AssignmentChooseInput!) { assignmentChoose(input: $i) { userErrors { code } } }`, { i: { assignmentId: assignment.id, choice: 'B2' } }, tok.s80101);
    const { submissionCreate } = await t.ok(SUBMIT, { input: { assignmentId: assignment.id, choice: 'B2', ...work('key-s80101-1') } }, tok.s80101);
    expect(submissionCreate.userErrors).toEqual([]);
    expect(submissionCreate.submission).toMatchObject({ status: 'AWAITING_MARK', choice: 'B2', late: false, revision: 1 });
    submissionId = submissionCreate.submission.id;
  });

  it('a retry with the same key returns the first result and creates nothing', async () => {
    const before = await rows();
    const { submissionCreate } = await t.ok(SUBMIT, { input: { assignmentId: assignment.id, choice: 'B2', ...work('key-s80101-1') } }, tok.s80101);
    expect(submissionCreate.submission.id).toBe(submissionId);
    expect(await rows()).toEqual(before);
    const reused = (await t.ok(SUBMIT, { input: { assignmentId: assignment.id, choice: 'B2', ...work('key-s80101-1', '另一个答案') } }, tok.s80101)).submissionCreate;
    expect(reused.userErrors[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
    const again = (await t.ok(SUBMIT, { input: { assignmentId: assignment.id, choice: 'B2', ...work('key-s80101-2') } }, tok.s80101)).submissionCreate;
    expect(again.userErrors[0].code).toBe('ALREADY_SUBMITTED');
    expect(await rows()).toEqual(before);
  });

  it("the student's day shows the submission", async () => {
    const { studentDay } = await t.ok(`query($d: LocalDate!) { studentDay(date: $d) { choice submission { id status } } }`, { d: DAY }, tok.s80101);
    expect(studentDay).toEqual([{ choice: 'B2', submission: { id: submissionId, status: 'AWAITING_MARK' } }]);
  });

  it('the choice is locked once handed in', async () => {
    const { assignmentChoose } = await t.ok(`mutation($i: AssignmentChooseInput!) { assignmentChoose(input: $i) { userErrors { code } } }`,
      { i: { assignmentId: assignment.id, choice: 'A' } }, tok.s80101);
    expect(assignmentChoose.userErrors[0].code).toBe('ALREADY_SUBMITTED');
  });

  it('the work is in the teacher\'s queue, not overdue', async () => {
    const { markingQueue } = await t.ok(`{ markingQueue(first: 10) { edges { node { overdue dueAt submission { id student { username } } } } } }`, {}, tok.t8sx1);
    expect(markingQueue.edges).toHaveLength(1);
    expect(markingQueue.edges[0].node).toMatchObject({ overdue: false, submission: { id: submissionId, student: { username: 's80101' } } });
  });

  it('a mark above the level done is refused: a B-level submission cannot receive an A', async () => {
    const before = await rows();
    const { submissionMark } = await t.ok(MARK, { input: { submissionId, expectedRevision: 1, mark: 'A+', comment: '思路清晰，书写工整，继续保持！' } }, tok.t8sx1);
    expect(submissionMark.userErrors[0]).toMatchObject({ code: 'MARK_LEVEL_MISMATCH', message: '这份作业做的是 B 层次：等第只能是 B+、B 或 B−，不能是 A+' });
    expect(await rows()).toEqual(before);
  });

  it('a comment is required with a sensible minimum', async () => {
    const error = await t.expectToFail('BAD_USER_INPUT', MARK, { input: { submissionId, expectedRevision: 1, mark: 'B', comment: '好' } }, tok.t8sx1);
    expect(error.extensions!.fields[0].field).toBe('comment');
  });

  it('marked B− face to face with a correction asked; the student corrects; the teacher re-checks B+', async () => {
    const first = (await t.ok(MARK, { input: { submissionId, expectedRevision: 1, mark: 'B-', comment: '第二题符号错了，订正后再交。', faceToFace: true, requestCorrection: true } }, tok.t8sx1)).submissionMark;
    expect(first.submission).toMatchObject({ status: 'CORRECTION_REQUESTED', revision: 2 });
    const corrected = (await t.ok(CORRECT, { input: { submissionId, ...work('key-s80101-fix', '3.2 × 4 = 12.8（已订正第二题）', { actualMinutes: 6 }) } }, tok.s80101)).submissionCorrect;
    expect(corrected.submission).toMatchObject({ status: 'AWAITING_MARK', revision: 3 });
    const second = (await t.ok(MARK, { input: { submissionId, expectedRevision: 3, mark: 'B+', comment: '订正认真，进步很大！' } }, tok.t8sx1)).submissionMark;
    expect(second.submission.status).toBe('MARKED');

    const { submission } = await t.ok(HISTORY, { id: submissionId }, tok.s80101);
    expect(submission.currentMark).toEqual({ mark: 'B+' });
    expect(submission.versions.map((v: any) => [v.versionNo, v.actualMinutes])).toEqual([[1, 18], [2, 6]]);
    expect(submission.marks).toEqual([
      { mark: 'B−', comment: '第二题符号错了，订正后再交。', faceToFace: true, correctionRequested: true, versionNo: 1, markedBy: { username: 't8sx1' } },
      { mark: 'B+', comment: '订正认真，进步很大！', faceToFace: false, correctionRequested: false, versionNo: 2, markedBy: { username: 't8sx1' } },
    ]);
  });

  it('nothing is left to mark, and a correction nobody asked for is refused', async () => {
    expect((await t.ok(MARK, { input: { submissionId, expectedRevision: 4, mark: 'B', comment: '再看一遍没有问题。' } }, tok.t8sx1)).submissionMark.userErrors[0].code).toBe('NOTHING_TO_MARK');
    expect((await t.ok(CORRECT, { input: { submissionId, ...work('key-s80101-extra') } }, tok.s80101)).submissionCorrect.userErrors[0].code).toBe('NO_CORRECTION_REQUESTED');
  });
});

describe('who may mark', () => {
  let target: string;
  beforeAll(async () => {
    target = (await t.ok(SUBMIT, { input: { assignmentId: assignment.id, choice: 'C', ...work('key-s80102-1') } }, tok.s80102)).submissionCreate.submission.id;
  });
  const attempt = (token: string) => t.gql(MARK, { input: { submissionId: target, expectedRevision: 1, mark: 'C', comment: '完成得不错，继续努力。' } }, token);

  it.each([
    ['the student themself', 's80102', 'FORBIDDEN'],
    ['a classmate', 's80101', 'FORBIDDEN'],
    ['a parent', 'p80102', 'FORBIDDEN'],
    ['a teacher of another subject', 't8wl', 'FORBIDDEN'],
    ['the head teacher when the school does not allow it', 't8yw1', 'FORBIDDEN'],
    ['the academic office', 'jiaowu', 'FORBIDDEN'],
    ['a teacher of another school', 'other', 'NOT_FOUND'],
  ])('%s: %s', async (_label, who, code) => {
    const before = await rows();
    const result = await attempt(tok[who]);
    expect(result.errors?.[0].extensions?.code).toBe(code);
    expect(await rows()).toEqual(before);
  });

  it('the head teacher may mark when the school allows it', async () => {
    const SETTINGS = `mutation($i: SchoolSettingsInput!) { schoolSettingsUpdate(input: $i) { settings { headTeacherMayMark wakeUpTime overrunRatio calibrationThreshold } userErrors { code } } }`;
    await t.expectToFail('FORBIDDEN', SETTINGS, { i: { headTeacherMayMark: true } }, tok.t8yw1);
    await t.expectToFail('BAD_USER_INPUT', SETTINGS, { i: { overrunRatio: 0.5 } }, tok.jiaowu);
    const { schoolSettingsUpdate } = await t.ok(SETTINGS, { i: { headTeacherMayMark: true } }, tok.jiaowu);
    expect(schoolSettingsUpdate.settings).toEqual({ headTeacherMayMark: true, wakeUpTime: '06:30', overrunRatio: 1.5, calibrationThreshold: 10 });
    const result = await attempt(tok.t8yw1);
    expect(result.data.submissionMark.submission.status).toBe('MARKED');
    await t.ok(SETTINGS, { i: { headTeacherMayMark: false } }, tok.jiaowu);
  });

  it('a classmate may leave advice, which is never a mark; nobody comments on their own work', async () => {
    const { submissionPeerComment } = await t.ok(`mutation($i: PeerCommentInput!) { submissionPeerComment(input: $i) { peerComment { comment } userErrors { code } } }`,
      { i: { submissionId, comment: '第三步可以写得更简洁。' } }, tok.s80102);
    expect(submissionPeerComment.peerComment).toEqual({ comment: '第三步可以写得更简洁。' });
    await t.expectToFail('FORBIDDEN', `mutation($i: PeerCommentInput!) { submissionPeerComment(input: $i) { userErrors { code } } }`,
      { i: { submissionId, comment: '我写得很好' } }, tok.s80101);
    const { submission } = await t.ok(HISTORY, { id: submissionId }, tok.s80101);
    expect(submission.peerComments).toEqual([{ comment: '第三步可以写得更简洁。' }]);
    expect(submission.currentMark).toEqual({ mark: 'B+' });
  });
});

describe('privacy and no rankings', () => {
  it('no student or parent reaches another student\'s submission or mark', async () => {
    for (const who of ['s80102', 'p80102']) {
      await t.expectToFail('NOT_FOUND', HISTORY, { id: submissionId }, tok[who]);
      const { node } = await t.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: submissionId }, tok[who]);
      expect(node).toBeNull();
    }
    expect((await t.ok(HISTORY, { id: submissionId }, tok.p80101)).submission.currentMark).toEqual({ mark: 'B+' });
    await t.expectToFail('FORBIDDEN', `query($a: ID!) { assignmentOverview(assignmentId: $a) { submittedCount } }`, { a: assignment.id }, tok.s80101);
    await t.expectToFail('FORBIDDEN', `query($a: ID!) { assignmentOverview(assignmentId: $a) { submittedCount } }`, { a: assignment.id }, tok.p80101);
  });

  it('the teacher\'s view counts choices and states, lists students by number, and has no ranking', async () => {
    const { assignmentOverview } = await t.ok(`query($a: ID!) { assignmentOverview(assignmentId: $a) {
      studentCount choiceCounts { choice count } states { state count students { username } }
      submittedCount markedCount correctionCount lateCount markDistribution { mark count } completionRate onTimeRate } }`, { a: assignment.id }, tok.t8sx1);
    expect(assignmentOverview).toMatchObject({
      studentCount: 3, submittedCount: 2, markedCount: 2, correctionCount: 0, lateCount: 0, onTimeRate: 1,
      choiceCounts: [{ choice: 'B2', count: 1 }, { choice: 'C', count: 1 }],
      markDistribution: [{ mark: 'B+', count: 1 }, { mark: 'C', count: 1 }],
    });
    expect(assignmentOverview.completionRate).toBeCloseTo(2 / 3);
    const marked = assignmentOverview.states.find((s: any) => s.state === 'marked');
    expect(marked.students.map((s: any) => s.username)).toEqual(['s80101', 's80102']);
    expect(assignmentOverview.states.find((s: any) => s.state === 'not_chosen').students).toEqual([{ username: 's80103' }]);
  });
});

describe('timeliness', () => {
  it('late work is accepted and marked late; old unmarked work is flagged overdue, oldest first', async () => {
    const item = await insertItem(t, { subject: 'math', grade: 8, title: '旧作业', minutes: 10 });
    const item2 = await insertItem(t, { subject: 'math', grade: 8, title: '旧作业二', minutes: 10 });
    const old = await createAndPublish(t, tok.t8sx1, { ...ids(t, 8, 'math'), date: '2026-11-02', shape: 'PACKAGES', title: '上周的作业',
      options: [{ key: 'A', name: 'A', items: [{ itemId: item, atHome: true }] }, { key: 'B', name: 'B', items: [{ itemId: item2, atHome: true }] }] });
    // Handed in a month after the homework's day, by the service's clock (not the machine's).
    t.clock.set('2026-12-02T09:00:00+08:00');
    const late = (await t.ok(SUBMIT, { input: { assignmentId: old.assignment.id, choice: 'A', ...work('key-s80103-late') } }, await t.login('s80103'))).submissionCreate;
    expect(late.submission).toMatchObject({ late: true, status: 'AWAITING_MARK' });
    await t.db.dataSource.query(`UPDATE submissions SET submitted_at = $2::timestamptz - interval '10 days', last_submitted_at = $2::timestamptz - interval '10 days' WHERE id = $1`,
      [Buffer.from(late.submission.id, 'base64url').toString().split(':')[1], '2026-12-02T09:00:00+08:00']);
    const { markingQueue } = await t.ok(`{ markingQueue(first: 10) { edges { node { overdue submission { student { username } } } } } }`, {}, tok.t8sx1);
    expect(markingQueue.edges.map((e: any) => [e.node.submission.student.username, e.node.overdue])).toEqual([['s80103', true]]);
  });

  it('the queue puts what is due soonest first (overdue first), and can be limited to one class', async () => {
    const regular = await insertItem(t, { subject: 'math', grade: 8, title: '周末练习', minutes: 10 });
    const essay = await insertItem(t, { subject: 'math', grade: 8, title: '数学小论文', minutes: 30 });
    await t.db.dataSource.query(`UPDATE bank_item_versions SET composition = true WHERE item_id = $1`, [Buffer.from(essay, 'base64url').toString().split(':')[1]]);
    const publish = (date: string, itemId: string, title: string) => createAndPublish(t, tok.t8sx1, { ...ids(t, 8, 'math'), date, shape: 'PACKAGES', title,
      options: [{ key: 'A', name: 'A', items: [{ itemId, atHome: true }] }, { key: 'B', name: 'B', items: [{ itemId: regular === itemId ? essay : regular, atHome: true }] }] });
    const a1 = (await publish('2026-11-16', regular, '周末练习')).assignment;
    const a2 = (await publish('2026-11-17', essay, '数学小论文')).assignment;
    // The queue is read on the service's clock: a fortnight after the homework's days.
    const NOW = '2026-12-02T09:00:00+08:00';
    t.clock.set(NOW);
    const handIn = async (student: string, assignmentId: string, ago: string) => {
      const s = (await t.ok(SUBMIT, { input: { assignmentId, choice: 'A', ...work(`key-${student}-${assignmentId}`) } }, tok[student])).submissionCreate.submission;
      await t.db.dataSource.query(`UPDATE submissions SET submitted_at = $2::timestamptz - interval '${ago}', last_submitted_at = $2::timestamptz - interval '${ago}' WHERE id = $1`,
        [Buffer.from(s.id, 'base64url').toString().split(':')[1], NOW]);
    };
    // The composition was handed in first but has a week; the plain work after it is past its deadline.
    await handIn('s80101', a2.id, '6 days 12 hours');
    await handIn('s80102', a1.id, '5 days');
    const Q = `query($c: ID) { markingQueue(first: 10, classId: $c) { edges { node { overdue submission { student { username } assignment { title } } } } } }`;
    const order = (q: any) => q.markingQueue.edges.map((e: any) => [e.node.submission.student.username, e.node.submission.assignment.title, e.node.overdue]);
    const expected = [['s80103', '上周的作业', true], ['s80102', '周末练习', true], ['s80101', '数学小论文', false]];
    expect(order(await t.ok(Q, {}, tok.t8sx1))).toEqual(expected);
    expect(order(await t.ok(Q, { c: ids(t, 8, 'math').classId }, tok.t8sx1))).toEqual(expected);
    // Pages follow the same order.
    const first = await t.ok(`{ markingQueue(first: 2) { edges { node { submission { student { username } } } } pageInfo { endCursor hasNextPage } } }`, {}, tok.t8sx1);
    expect(first.markingQueue.pageInfo.hasNextPage).toBe(true);
    const next = await t.ok(`query($a: String) { markingQueue(first: 2, after: $a) { edges { node { submission { student { username } } } } pageInfo { hasNextPage } } }`,
      { a: first.markingQueue.pageInfo.endCursor }, tok.t8sx1);
    expect(next.markingQueue.edges.map((e: any) => e.node.submission.student.username)).toEqual(['s80101']);
    // Another school's class is nobody's queue here.
    expect((await t.ok(Q, { c: toGlobalId('Class', t.schools[1].classes[0].id) }, tok.t8sx1)).markingQueue.edges).toEqual([]);
  });

  it('the queue is for teachers only', async () => {
    await t.expectToFail('FORBIDDEN', `{ markingQueue(first: 5) { edges { cursor } } }`, {}, tok.s80101);
    await t.expectToFail('FORBIDDEN', `{ markingQueue(first: 5) { edges { cursor } } }`, {}, tok.p80101);
  });
});

void toGlobalId;
