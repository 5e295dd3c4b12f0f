import { randomUUID } from 'node:crypto';
import { ParentMessageThreads1765840000000 } from '../../migrations/1765840000000-ParentMessageThreads';
import { seedSchool } from '../../seeds/demo';
import { toGlobalId } from '../../src/core/ids';
import { MESSAGES_PER_DAY } from '../../src/modules/record-sheet/record-sheet.policy';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { pdfPages, squeezed } from '../support/pdf';
import { schoolSnapshot } from '../support/snapshot';
import { createTestDatabase } from '../support/test-database';
import { TestApp } from '../support/test-app';

/**
 * Parents' messages on the record sheet (seed 004: the record sheet has 家长留言; the head
 * teacher reads the sheets daily and 回复家长), as a thread: issue 19 item 7, "a parent may
 * leave several messages a day, each answered".
 */
const SCHOOL = { code: 'messages-test', name: '测试癸校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 2, studentsPerClass: 3, nameSeed: 43 };
const DAY = '2026-12-01';
let t: TestApp;
const tok: Record<string, string> = {};
const gid = (username: string) => toGlobalId('User', t.user(username).id);

const MESSAGE_FIELDS = 'id body reply answered author { username } repliedBy { username }';
const ADD = `mutation($i: RecordSheetMessageAddInput!) { recordSheetMessageAdd(input: $i) {
  message { ${MESSAGE_FIELDS} } sheet { unansweredMessages parentMessage reply messages { body } } userErrors { code field figures { name value } } } }`;
const ANSWER = `mutation($i: RecordSheetMessageAnswerInput!) { recordSheetMessageAnswer(input: $i) {
  message { ${MESSAGE_FIELDS} } sheet { unansweredMessages parentMessage reply } userErrors { code } } }`;
const SHEET = `query($d: LocalDate!, $s: ID) { recordSheet(date: $d, studentId: $s) { unansweredMessages parentMessage reply readNote messages { ${MESSAGE_FIELDS} } } }`;
const CLASS_DAY = `query($c: ID!, $d: LocalDate!, $m: SheetMessageFilter) { classRecordSheets(classId: $c, date: $d, messages: $m) { student { username } unansweredMessages } }`;

const add = async (student: string, body: string, parent: string, clientKey?: string) =>
  (await t.ok(ADD, { i: { studentId: gid(student), date: DAY, body, clientKey } }, tok[parent])).recordSheetMessageAdd;
const answer = async (messageId: string, reply: string, teacher = 't5yw1') =>
  (await t.ok(ANSWER, { i: { messageId, reply } }, tok[teacher])).recordSheetMessageAnswer;
const classId = () => toGlobalId('Class', t.schools[0].classes.find((c) => c.grade === 5 && c.classNo === 1)!.id);
const listed = async (m: string | null) =>
  (await t.ok(CLASS_DAY, { c: classId(), d: DAY, m }, tok.t5yw1)).classRecordSheets.map((s: any) => s.student.username);
/** The school's data, less the access log (staff reads write to it). */
const snapshot = () => schoolSnapshot(t.db.dataSource, t.schools[0].schoolId, { except: ['access_log'] });

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['t5yw1', 't5sx1', 't5sx2', 's50101', 'p50101', 'p50102', 'p50103']) tok[u] = await t.login(u);
});
afterAll(() => t?.stop());

describe("parents' messages on a student's day", () => {
  it('a parent leaves several messages a day and the head teacher answers each one (seed 004: 家长留言, 班主任回复)', async () => {
    const first = await add('s50101', '孩子数学作业做到九点半，请老师关注。', 'p50101');
    expect(first.userErrors).toEqual([]);
    const second = await add('s50101', '另外，明天的手工课需要带什么材料？', 'p50101');
    const third = await add('s50101', '孩子说今天的拓展题很有意思。', 'p50101');
    expect(third.sheet).toEqual({
      unansweredMessages: 3, parentMessage: '孩子说今天的拓展题很有意思。', reply: null,
      messages: [{ body: '孩子数学作业做到九点半，请老师关注。' }, { body: '另外，明天的手工课需要带什么材料？' }, { body: '孩子说今天的拓展题很有意思。' }],
    });
    expect(await listed('UNANSWERED')).toEqual(['s50101']);
    expect(await listed('ANY')).toEqual(['s50101']);
    expect(await listed(null)).toEqual(['s50101', 's50102', 's50103']);

    const answered = await answer(second.message.id, '请带彩纸和剪刀。');
    expect(answered.message).toMatchObject({ body: '另外，明天的手工课需要带什么材料？', reply: '请带彩纸和剪刀。', answered: true, author: { username: 'p50101' }, repliedBy: { username: 't5yw1' } });
    // The old one-message view shows the latest message still waiting for an answer.
    expect(answered.sheet).toEqual({ unansweredMessages: 2, parentMessage: '孩子说今天的拓展题很有意思。', reply: null });
    await answer(third.message.id, '谢谢反馈，会继续设计有趣的题目。');
    expect((await answer(first.message.id, '已和数学老师沟通。')).sheet)
      .toEqual({ unansweredMessages: 0, parentMessage: '孩子说今天的拓展题很有意思。', reply: '谢谢反馈，会继续设计有趣的题目。' });
    expect(await listed('UNANSWERED')).toEqual([]);
    expect(await listed('ANY')).toEqual(['s50101']);

    // Answering again replaces that message's answer; the others keep theirs.
    await answer(first.message.id, '已和数学老师沟通，明天课上讲评。');
    const { recordSheet } = await t.ok(SHEET, { d: DAY, s: gid('s50101') }, tok.p50101);
    expect(recordSheet.messages.map((m: any) => [m.body, m.reply])).toEqual([
      ['孩子数学作业做到九点半，请老师关注。', '已和数学老师沟通，明天课上讲评。'],
      ['另外，明天的手工课需要带什么材料？', '请带彩纸和剪刀。'],
      ['孩子说今天的拓展题很有意思。', '谢谢反馈，会继续设计有趣的题目。'],
    ]);
    // The student sees the day's thread too.
    expect((await t.ok(SHEET, { d: DAY }, tok.s50101)).recordSheet.messages).toHaveLength(3);
  });

  it('the old mutations keep working: a message is added, not overwritten, and a reply on reading answers the waiting one', async () => {
    const OLD = `mutation($s: ID!, $d: LocalDate!, $m: String!) { recordSheetParentMessage(studentId: $s, date: $d, message: $m) { sheet { parentMessage reply } userErrors { code } } }`;
    const READ = `mutation($s: ID!, $d: LocalDate!, $r: String) { recordSheetRead(studentId: $s, date: $d, reply: $r) { sheet { locked parentMessage reply unansweredMessages } userErrors { code } } }`;
    expect((await t.ok(OLD, { s: gid('s50101'), d: DAY, m: '老师好，孩子今天有点咳嗽。' }, tok.p50101)).recordSheetParentMessage)
      .toEqual({ sheet: { parentMessage: '老师好，孩子今天有点咳嗽。', reply: null }, userErrors: [] });
    expect((await t.ok(READ, { s: gid('s50101'), d: DAY, r: '收到，请注意休息。' }, tok.t5yw1)).recordSheetRead)
      .toEqual({ sheet: { locked: true, parentMessage: '老师好，孩子今天有点咳嗽。', reply: '收到，请注意休息。', unansweredMessages: 0 }, userErrors: [] });
    const { recordSheet } = await t.ok(SHEET, { d: DAY, s: gid('s50101') }, tok.p50101);
    expect(recordSheet.messages.map((m: any) => m.reply)).toEqual(['已和数学老师沟通，明天课上讲评。', '请带彩纸和剪刀。', '谢谢反馈，会继续设计有趣的题目。', '收到，请注意休息。']);
    expect(recordSheet.readNote).toBeNull();

    // On a day without messages the reply is the head teacher's note on the sheet.
    const note = (await t.ok(READ, { s: gid('s50103'), d: DAY, r: '已阅，明天继续加油。' }, tok.t5yw1)).recordSheetRead;
    expect(note).toEqual({ sheet: { locked: true, parentMessage: null, reply: '已阅，明天继续加油。', unansweredMessages: 0 }, userErrors: [] });
    expect((await t.ok(SHEET, { d: DAY, s: gid('s50103') }, tok.p50103)).recordSheet).toMatchObject({ readNote: '已阅，明天继续加油。', messages: [] });
  });

  it(`a day takes at most ${MESSAGES_PER_DAY} messages; the next is refused with the figures and changes nothing`, async () => {
    for (let n = 1; n <= MESSAGES_PER_DAY; n++) expect((await add('s50102', `第 ${n} 条留言`, 'p50102')).userErrors).toEqual([]);
    const before = await snapshot();
    const refused = await add('s50102', '还有一件事想说。', 'p50102');
    expect(refused.message).toBeNull();
    expect(refused.userErrors).toEqual([{
      code: 'MESSAGES_PER_DAY_EXCEEDED', field: ['body'],
      figures: expect.arrayContaining([{ name: 'messages', value: MESSAGES_PER_DAY }, { name: 'maxMessages', value: MESSAGES_PER_DAY }]),
    }]);
    expect(await snapshot()).toEqual(before);
    // Another day has room again.
    const next = (await t.ok(ADD, { i: { studentId: gid('s50102'), date: '2026-12-02', body: '今天顺利完成。' } }, tok.p50102)).recordSheetMessageAdd;
    expect(next.userErrors).toEqual([]);
  });

  it('a retry with the same client key adds the message once', async () => {
    const once = await add('s50103', '孩子今天按时睡觉了。', 'p50103', 'message-key-1');
    const again = await add('s50103', '孩子今天按时睡觉了。', 'p50103', 'message-key-1');
    expect(again.message.id).toBe(once.message.id);
    expect(again.sheet.messages).toEqual([{ body: '孩子今天按时睡觉了。' }]);
  });

  it("a parent of another child, a teacher who is not the class's head teacher and a head teacher of another class are refused, changing nothing", async () => {
    const { recordSheet } = await t.ok(SHEET, { d: DAY, s: gid('s50101') }, tok.p50101);
    const messageId = recordSheet.messages[0].id;
    const before = await snapshot();
    await t.expectToFail('FORBIDDEN', ADD, { i: { studentId: gid('s50101'), date: DAY, body: '你好' } }, tok.p50102);
    // The subject teacher of the class reads the sheets but does not answer the parents.
    await t.expectToFail('FORBIDDEN', ANSWER, { i: { messageId, reply: '收到。' } }, tok.t5sx1);
    // The head teacher of 五年级(2)班 does not see 五年级(1)班's messages at all.
    await t.expectToFail('NOT_FOUND', ANSWER, { i: { messageId, reply: '收到。' } }, tok.t5sx2);
    await t.expectToFail('FORBIDDEN', ANSWER, { i: { messageId, reply: '收到。' } }, tok.p50101);
    await t.expectToFail('BAD_USER_INPUT', ADD, { i: { studentId: gid('s50101'), date: DAY, body: '   ' } }, tok.p50101);
    await t.expectToFail('BAD_USER_INPUT', ADD, { i: { studentId: gid('s50101'), date: DAY, body: '留'.repeat(1001) } }, tok.p50101);
    expect(await snapshot()).toEqual(before);
  });

  it("without the guardian's consent no message is kept", async () => {
    const CONSENT = `mutation($s: ID!, $g: Boolean!) { guardianConsentSet(studentId: $s, given: $g) { userErrors { code } } }`;
    await t.ok(CONSENT, { s: gid('s50103'), g: false }, tok.p50103);
    try {
      const before = await snapshot();
      expect((await add('s50103', '孩子今天很开心。', 'p50103')).userErrors).toEqual([expect.objectContaining({ code: 'CONSENT_REQUIRED' })]);
      expect(await snapshot()).toEqual(before);
    } finally {
      await t.ok(CONSENT, { s: gid('s50103'), g: true }, tok.p50103);
    }
  });

  it("the head teacher's reads of a student's messages are in the access log", async () => {
    const count = async () => (await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM access_log WHERE actor_id = $1 AND student_id = $2 AND resource = 'record_sheet'`,
      [t.user('t5yw1').id, t.user('s50101').id]))[0].n as number;
    const before = await count();
    await t.ok(SHEET, { d: DAY, s: gid('s50101') }, tok.t5yw1);
    await t.ok(CLASS_DAY, { c: classId(), d: DAY, m: 'ANY' }, tok.t5yw1);
    expect(await count()).toBe(before + 2);
  });
});

describe("every message in the guardian's export and on the printed sheet", () => {
  it("the privacy export and the week's printed record sheet carry each message with its answer", async () => {
    const { studentDataExport } = await t.ok(`query($s: ID!) { studentDataExport(studentId: $s) }`, { s: gid('s50101') }, tok.p50101);
    expect(JSON.parse(studentDataExport).recordSheetMessages.map((m: any) => [m.day, m.body, m.reply])).toEqual([
      [DAY, '孩子数学作业做到九点半，请老师关注。', '已和数学老师沟通，明天课上讲评。'],
      [DAY, '另外，明天的手工课需要带什么材料？', '请带彩纸和剪刀。'],
      [DAY, '孩子说今天的拓展题很有意思。', '谢谢反馈，会继续设计有趣的题目。'],
      [DAY, '老师好，孩子今天有点咳嗽。', '收到，请注意休息。'],
    ]);
    const { recordSheetPrint } = await t.ok(`query($s: ID!) { recordSheetPrint(weekStart: "2026-11-30", studentId: $s) { contentBase64 } }`, { s: gid('s50101') }, tok.p50101);
    const [page] = await pdfPages(Buffer.from(recordSheetPrint.contentBase64, 'base64'));
    for (const line of ['另外，明天的手工课需要带什么材料？', '班主任回复：请带彩纸和剪刀。', '老师好，孩子今天有点咳嗽。', '班主任回复：收到，请注意休息。']) {
      expect(squeezed(page.text)).toContain(squeezed(line));
    }
  });
});

describe('the migration to threads', () => {
  it("moves every sheet's message with its reply into the thread, keeps a reply without a message as the note, and moves the first message of a day back down", async () => {
    const db = await createTestDatabase();
    const school = await seedSchool(db.dataSource, { ...SCHOOL, code: 'messages-legacy' }, 10);
    // A second school: each school's sheets move once, under its own school.
    const other = await seedSchool(db.dataSource, { ...SCHOOL, code: 'messages-legacy-b', nameSeed: 44 }, 10);
    // The embedded database has one connection: from here on everything goes through this runner.
    const runner = db.dataSource.createQueryRunner();
    try {
      const q = (sql: string, params: unknown[] = []) => runner.query(sql, params);
      const migration = new ParentMessageThreads1765840000000();
      await runner.startTransaction();
      await migration.down(runner);
      await runner.commitTransaction();
      const [a, b, c] = school.users.filter((u) => u.classId && u.username.startsWith('s5'));
      const parentOf = (studentId: string) => school.parentLinks.find((l) => l.studentId === studentId)!.parentId;
      const head = school.classes.find((k) => k.id === a.classId)!.headTeacherId;
      const sheet = (student: typeof a, values: string, params: unknown[]) =>
        q(`INSERT INTO record_sheets (school_id, id, student_id, class_id, day, parent_message, parent_message_by, parent_message_at, read_at, read_by, reply, replied_at)
           VALUES ($1, $2, $3, $4, '${DAY}', ${values})`, [school.schoolId, randomUUID(), student.id, student.classId, ...params]);
      // Answered on reading; waiting for an answer; a reply with no message.
      await sheet(a, `$5, $6, '2026-12-01T12:40:00Z', '2026-12-02T00:30:00Z', $7, '收到，谢谢。', '2026-12-02T00:35:00Z'`, ['数学作业用时较长。', parentOf(a.id), head]);
      await sheet(b, `$5, $6, '2026-12-01T13:00:00Z', NULL, NULL, NULL, NULL`, ['孩子睡得有点晚。', parentOf(b.id)]);
      await sheet(c, `NULL, NULL, NULL, '2026-12-02T00:30:00Z', $5, '已阅，继续加油。', '2026-12-02T00:31:00Z'`, [head]);
      const [d] = other.users.filter((u) => u.classId && u.username.startsWith('s5'));
      await q(`INSERT INTO record_sheets (school_id, id, student_id, class_id, day, parent_message, parent_message_by, parent_message_at)
               VALUES ($1, $2, $3, $4, '${DAY}', '孩子今天很开心。', $5, '2026-12-01T11:00:00Z')`,
        [other.schoolId, randomUUID(), d.id, d.classId, other.parentLinks.find((l) => l.studentId === d.id)!.parentId]);

      await runner.startTransaction();
      await migration.up(runner);
      await runner.commitTransaction();

      const iso = (v: unknown) => (v === null ? null : new Date(v as string).toISOString());
      const thread = async () => (await q(`SELECT student_id, author_id, body, created_at, reply, replied_by, replied_at FROM record_sheet_messages WHERE school_id = $1 ORDER BY created_at`, [school.schoolId]))
        .map((m: any) => ({ ...m, created_at: iso(m.created_at), replied_at: iso(m.replied_at) }));
      expect(await thread()).toEqual([
        { student_id: a.id, author_id: parentOf(a.id), body: '数学作业用时较长。', created_at: '2026-12-01T12:40:00.000Z',
          reply: '收到，谢谢。', replied_by: head, replied_at: '2026-12-02T00:35:00.000Z' },
        { student_id: b.id, author_id: parentOf(b.id), body: '孩子睡得有点晚。', created_at: '2026-12-01T13:00:00.000Z', reply: null, replied_by: null, replied_at: null },
      ]);
      expect(await q(`SELECT student_id, read_note FROM record_sheets WHERE read_note IS NOT NULL`)).toEqual([{ student_id: c.id, read_note: '已阅，继续加油。' }]);
      expect(await q(`SELECT school_id, student_id, body FROM record_sheet_messages WHERE school_id = $1`, [other.schoolId]))
        .toEqual([{ school_id: other.schoolId, student_id: d.id, body: '孩子今天很开心。' }]);
      expect((await q(`SELECT column_name FROM information_schema.columns WHERE table_name = 'record_sheets' AND column_name LIKE 'parent_message%'`))).toEqual([]);

      // A second message on a's day: down keeps the first one of the day, with its answer.
      await q(`INSERT INTO record_sheet_messages (school_id, id, student_id, day, author_id, body, created_at) VALUES ($1, $2, $3, '${DAY}', $4, '还有一件事。', '2026-12-01T14:00:00Z')`,
        [school.schoolId, randomUUID(), a.id, parentOf(a.id)]);
      await runner.startTransaction();
      await migration.down(runner);
      await runner.commitTransaction();
      expect(await q(`SELECT student_id, parent_message, parent_message_by, reply FROM record_sheets
                      WHERE school_id = $1 AND (parent_message IS NOT NULL OR reply IS NOT NULL) ORDER BY parent_message_at NULLS LAST`, [school.schoolId])).toEqual([
        { student_id: a.id, parent_message: '数学作业用时较长。', parent_message_by: parentOf(a.id), reply: '收到，谢谢。' },
        { student_id: b.id, parent_message: '孩子睡得有点晚。', parent_message_by: parentOf(b.id), reply: null },
        { student_id: c.id, parent_message: null, parent_message_by: null, reply: '已阅，继续加油。' },
      ]);
      await runner.startTransaction();
      await migration.up(runner);
      await runner.commitTransaction();
      expect(await q(`SELECT school_id, count(*)::int AS n FROM record_sheet_messages GROUP BY 1 ORDER BY 2`))
        .toEqual([{ school_id: other.schoolId, n: 1 }, { school_id: school.schoolId, n: 2 }]);
    } finally {
      await runner.release();
      await db.close();
    }
  });
});
