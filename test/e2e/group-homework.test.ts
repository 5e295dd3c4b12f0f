import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { schoolSnapshot } from '../support/snapshot';
import { TestApp } from '../support/test-app';
import { CREATE, ids, insertItem, packages, PUBLISH } from '../support/assignments';

/**
 * Homework for a group, not the whole class (issue 19, item 4; seed 000: 鼓励布置分层、弹性、个性化作业):
 * a teacher keeps named groups of a class's students, addresses an assignment to one, and the caps
 * are checked on each student's own day. Each refusal is checked for its code and figures and for
 * leaving the school's data unchanged.
 */
const SCHOOL = { code: 'group-test', name: '测试子校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 2, studentsPerClass: 3, nameSeed: 31 };
const SEED = '000「鼓励布置分层、弹性、个性化作业」';
// 2026-12-15 is a Tuesday; the test clock is at 2026-09-01.
const DAY = '2026-12-15';
let t: TestApp;
const tok: Record<string, string> = {};

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['t5yw1', 't5sx1', 't5yy1', 't5kx', 's50101', 's50102', 's50103', 'p50103', 'jiaowu']) tok[u] = await t.login(u);
});
afterAll(() => t?.stop());

const classOne = () => t.schools[0].classes.find((c) => c.grade === 5 && c.classNo === 1)!;
const classId = () => toGlobalId('Class', classOne().id);
const subject = (code: string) => ids(t, 5, code).subjectId;
const student = (username: string) => toGlobalId('User', t.user(username).id);
const nameOf = (username: string) => t.user(username).displayName;
const snapshot = () => schoolSnapshot(t.db.dataSource, t.schools[0].schoolId);
const titles = (data: { studentDay: { assignment: { title: string } }[] }) => data.studentDay.map((e) => e.assignment.title).sort();
const figures = (e: { figures: { name: string; value: number }[] }) => Object.fromEntries(e.figures.map((f) => [f.name, f.value]));

const USER_ERRORS = 'userErrors { code field message figures { name value } }';
const GROUP = 'group { id name revision subject { code } members { username } }';
const CREATE_GROUP = `mutation($input: StudentGroupCreateInput!) { studentGroupCreate(input: $input) { ${GROUP} ${USER_ERRORS} } }`;
const RENAME = `mutation($input: StudentGroupRenameInput!) { studentGroupRename(input: $input) { ${GROUP} ${USER_ERRORS} } }`;
const SET_MEMBERS = `mutation($input: StudentGroupSetMembersInput!) { studentGroupSetMembers(input: $input) { ${GROUP} ${USER_ERRORS} } }`;
const DELETE = `mutation($input: StudentGroupDeleteInput!) { studentGroupDelete(input: $input) { deletedGroupId ${USER_ERRORS} } }`;
const GROUPS = `query($c: ID!, $s: ID) { studentGroups(classId: $c, subjectId: $s) { name members { username } } }`;
const DAY_OF = `query($d: LocalDate!, $s: ID) { studentDay(date: $d, studentId: $s) { assignment { title group { name } } } }`;
const ASSIGNMENT = `query($id: ID!) { assignment(id: $id) { title group { name } } }`;
const CHOOSE = `mutation($input: AssignmentChooseInput!) { assignmentChoose(input: $input) { entry { choice } userErrors { code } } }`;
const SUBMIT = `mutation($input: SubmissionCreateInput!) { submissionCreate(input: $input) { submission { id } userErrors { code } } }`;
const PREVIEW = `query($c: ID!, $d: LocalDate!) { loadPreview(classId: $c, date: $d) {
  capMinutes heaviestTotalMinutes heaviestStudent { student { username } writtenMinutes allFormsMinutes } } }`;

/** A refused mutation leaves every table of the school as it was; its payload. */
async function refused(query: string, input: unknown, token: string, field: string) {
  const before = await snapshot();
  const data = await t.ok(query, { input }, token);
  expect(data[field].userErrors).not.toEqual([]);
  expect(await snapshot()).toEqual(before);
  return data[field];
}

async function group(token: string, code: string, name: string, members: string[]) {
  const { studentGroupCreate } = await t.ok(CREATE_GROUP, { input: { classId: classId(), subjectId: subject(code), name, studentIds: members.map(student) } }, token);
  expect(studentGroupCreate.userErrors).toEqual([]);
  return studentGroupCreate.group;
}

async function draft(token: string, code: string, minutes: number, groupId?: string, day = DAY) {
  const item = await insertItem(t, { subject: code, grade: 5, title: `书面练习${minutes}分钟`, minutes });
  const { assignmentCreate } = await t.ok(CREATE, { input: { ...ids(t, 5, code), date: day, shape: 'PACKAGES', title: `${code}作业`, options: packages(item, item), groupId } }, token);
  expect(assignmentCreate.userErrors).toEqual([]);
  return assignmentCreate.assignment;
}

const publish = async (token: string, a: { id: string; revision: number }) =>
  (await t.ok(PUBLISH, { input: { assignmentId: a.id, expectedRevision: a.revision } }, token)).assignmentPublish;

let consolidation: { id: string; revision: number };
let math: { id: string; revision: number };

describe(`${SEED}: a teacher keeps named groups of the class's students`, () => {
  it('数学老师 makes 「需要巩固的同学」 of two students; it reads back with its members', async () => {
    consolidation = await group(tok.t5sx1, 'math', '需要巩固的同学', ['s50101', 's50102']);
    expect(consolidation).toMatchObject({ name: '需要巩固的同学', revision: 1, subject: { code: 'math' }, members: [{ username: 's50101' }, { username: 's50102' }] });
    const { studentGroups } = await t.ok(GROUPS, { c: classId(), s: subject('math') }, tok.t5yw1);
    expect(studentGroups).toEqual([{ name: '需要巩固的同学', members: [{ username: 's50101' }, { username: 's50102' }] }]);
  });

  it('a student of another class is refused with the count, and nothing changes', async () => {
    const payload = await refused(CREATE_GROUP, { classId: classId(), subjectId: subject('math'), name: '拓展小组', studentIds: [student('s50101'), student('s50201')] }, tok.t5sx1, 'studentGroupCreate');
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]).toMatchObject({ code: 'GROUP_MEMBER_NOT_IN_CLASS', field: ['studentIds'] });
    expect(figures(payload.userErrors[0])).toEqual({ outsideCount: 1 });
    expect(payload.userErrors[0].message).toBe(`小组「拓展小组」只能包含${classOne().name}的学生：有 1 名学生不在本班`);
  });

  it('a name the class already has for the subject is refused; a stale revision too; nothing changes', async () => {
    const taken = await refused(CREATE_GROUP, { classId: classId(), subjectId: subject('math'), name: '需要巩固的同学', studentIds: [] }, tok.t5sx1, 'studentGroupCreate');
    expect(taken.userErrors.map((e: any) => e.code)).toEqual(['GROUP_NAME_TAKEN']);
    const stale = await refused(RENAME, { groupId: consolidation.id, expectedRevision: 9, name: '巩固组' }, tok.t5sx1, 'studentGroupRename');
    expect(stale.userErrors[0].code).toBe('STALE_REVISION');
    expect(figures(stale.userErrors[0])).toEqual({ currentRevision: 1, expectedRevision: 9 });
  });

  it('only a teacher of the class and subject keeps its groups', async () => {
    await t.expectToFail('FORBIDDEN', CREATE_GROUP, { input: { classId: classId(), subjectId: subject('math'), name: '英语老师的组', studentIds: [] } }, tok.t5yy1);
    await t.expectToFail('FORBIDDEN', RENAME, { input: { groupId: consolidation.id, expectedRevision: 1, name: '改名' } }, tok.t5yy1);
    await t.expectToFail('FORBIDDEN', GROUPS, { c: classId() }, tok.s50101);
  });

  it('renames, and deletes a group no homework is addressed to', async () => {
    const { studentGroupRename } = await t.ok(RENAME, { input: { groupId: consolidation.id, expectedRevision: 1, name: '需要巩固的同学（第一组）' } }, tok.t5sx1);
    expect(studentGroupRename.group).toMatchObject({ name: '需要巩固的同学（第一组）', revision: 2 });
    consolidation = studentGroupRename.group;
    const spare = await group(tok.t5sx1, 'math', '临时组', ['s50103']);
    const { studentGroupDelete } = await t.ok(DELETE, { input: { groupId: spare.id, expectedRevision: spare.revision } }, tok.t5sx1);
    expect(studentGroupDelete).toEqual({ deletedGroupId: spare.id, userErrors: [] });
  });
});

describe(`${SEED}: homework addressed to a group reaches its students only`, () => {
  it('a group of another subject cannot be addressed, and nothing changes', async () => {
    const item = await insertItem(t, { subject: 'english', grade: 5, title: '英语书面', minutes: 10 });
    const payload = await refused(CREATE, { ...ids(t, 5, 'english'), date: DAY, shape: 'PACKAGES', title: '英语', options: packages(item, item), groupId: consolidation.id }, tok.t5yy1, 'assignmentCreate');
    expect(payload.userErrors.map((e: any) => e.code)).toEqual(['GROUP_OF_ANOTHER_CLASS_OR_SUBJECT']);
  });

  it('数学 30 minutes to 「需要巩固的同学」: its students see it, the third student does not, cannot choose or hand it in', async () => {
    // 语文 25 minutes for the whole class first.
    expect((await publish(tok.t5yw1, await draft(tok.t5yw1, 'chinese', 25))).userErrors).toEqual([]);
    math = await draft(tok.t5sx1, 'math', 30, consolidation.id);
    const published = await publish(tok.t5sx1, math);
    expect(published.userErrors).toEqual([]);
    math = published.assignment;

    for (const u of ['s50101', 's50102']) {
      // A student never sees the group's name: a group is not a label on them.
      expect(titles(await t.ok(DAY_OF, { d: DAY }, tok[u]))).toEqual(['chinese作业', 'math作业']);
      expect((await t.ok(DAY_OF, { d: DAY }, tok[u])).studentDay.map((e: any) => e.assignment.group)).toEqual([null, null]);
    }
    expect(titles(await t.ok(DAY_OF, { d: DAY }, tok.s50103))).toEqual(['chinese作业']);
    // The parent of the third student does not see it either; staff see the group's name.
    expect(titles(await t.ok(DAY_OF, { d: DAY, s: student('s50103') }, tok.p50103))).toEqual(['chinese作业']);
    expect((await t.ok(ASSIGNMENT, { id: math.id }, tok.t5yw1)).assignment).toEqual({ title: 'math作业', group: { name: '需要巩固的同学（第一组）' } });
    await t.expectToFail('NOT_FOUND', ASSIGNMENT, { id: math.id }, tok.s50103);
    await t.expectToFail('NOT_FOUND', CHOOSE, { input: { assignmentId: math.id, choice: 'A' } }, tok.s50103);
    const before = await snapshot();
    await t.expectToFail('NOT_FOUND', SUBMIT, { input: { assignmentId: math.id, choice: 'A', answer: '答案', attachments: [], actualMinutes: 20, clientKey: 'group-test-s50103' } }, tok.s50103);
    expect(await snapshot()).toEqual(before);
    expect((await t.ok(CHOOSE, { input: { assignmentId: math.id, choice: 'B' } }, tok.s50101)).assignmentChoose).toEqual({ entry: { choice: 'B' }, userErrors: [] });
  });

  it("the group's homework is on its students' record sheets only: the third student's sheet leaves it out and refuses minutes for it", async () => {
    const SHEET = `query($d: LocalDate!, $s: ID) { recordSheet(date: $d, studentId: $s) { lines { assignment { title } } } }`;
    const FILL = `mutation($input: RecordSheetFillInput!) { recordSheetFill(input: $input) { sheet { revision } userErrors { code } } }`;
    const sheetTitles = async (u: string, s?: string) =>
      (await t.ok(SHEET, { d: DAY, s }, tok[u])).recordSheet.lines.map((l: { assignment: { title: string } }) => l.assignment.title).sort();
    expect(await sheetTitles('s50101')).toEqual(['chinese作业', 'math作业']);
    expect(await sheetTitles('s50103')).toEqual(['chinese作业']);
    // The head teacher reads the third student's sheet the same way.
    expect(await sheetTitles('t5yw1', student('s50103'))).toEqual(['chinese作业']);
    const before = await snapshot();
    const bad = await t.gql(FILL, { input: { date: DAY, entries: [{ assignmentId: math.id, actualMinutes: 20 }] } }, tok.s50103);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });

  it('a group that homework is addressed to cannot be deleted', async () => {
    const payload = await refused(DELETE, { groupId: consolidation.id, expectedRevision: consolidation.revision }, tok.t5sx1, 'studentGroupDelete');
    expect(payload.userErrors[0]).toMatchObject({ code: 'GROUP_IN_USE' });
    expect(figures(payload.userErrors[0])).toEqual({ assignmentCount: 1 });
  });
});

describe(`${SEED}: the caps count the heaviest path of each student`, () => {
  let extension: { id: string; revision: number };

  it('英语 20 minutes to the third student alone fits: each student\'s day is under 60, though the class\'s sum is 75', async () => {
    extension = await group(tok.t5yy1, 'english', '拓展阅读组', ['s50103']);
    const english = await publish(tok.t5yy1, await draft(tok.t5yy1, 'english', 20, extension.id));
    expect(english.userErrors).toEqual([]);
    const { loadPreview } = await t.ok(PREVIEW, { c: classId(), d: DAY }, tok.t5yw1);
    expect(loadPreview).toEqual({
      capMinutes: 60, heaviestTotalMinutes: 75,
      heaviestStudent: { student: { username: 's50101' }, writtenMinutes: 55, allFormsMinutes: 55 },
    });
  });

  it('科学 10 minutes for the whole class would take 「需要巩固的同学」 to 65: refused naming the student, with their figures; nothing changes', async () => {
    const science = await draft(tok.t5kx, 'science', 10);
    const payload = await refused(PUBLISH, { assignmentId: science.id, expectedRevision: science.revision }, tok.t5kx, 'assignmentPublish');
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0].code).toBe('DAILY_LOAD_EXCEEDED');
    expect(figures(payload.userErrors[0])).toEqual({
      capMinutes: 60, publishedMinutes: 55, thisAssignmentMinutes: 10, excessMinutes: 5, 'published.chinese': 25, 'published.math': 30,
    });
    expect(payload.userErrors[0].message).toBe(
      `${classOne().name} ${DAY}（上学日）学生${nameOf('s50101')}的书面作业上限 60 分钟：已发布 55 分钟，本次最重的选择 10 分钟，超出 5 分钟`);
  });

  it('科学 5 minutes fits every student; the preview shows the heaviest student at the cap', async () => {
    const science = await t.ok(`query($c: ID!) { classAssignments(classId: $c, from: "${DAY}", to: "${DAY}") { id revision subject { code } } }`, { c: classId() }, tok.t5kx);
    const draftToday = science.classAssignments.find((a: any) => a.subject.code === 'science');
    // The 10-minute draft of the test before is still there: edit it down to 5, then publish.
    const item = await insertItem(t, { subject: 'science', grade: 5, title: '科学观察记录', minutes: 5 });
    const UPDATE = `mutation($input: AssignmentUpdateInput!) { assignmentUpdate(input: $input) { assignment { id revision } userErrors { code } } }`;
    const { assignmentUpdate } = await t.ok(UPDATE, { input: { assignmentId: draftToday.id, expectedRevision: draftToday.revision, title: '科学', options: packages(item, item) } }, tok.t5kx);
    expect((await publish(tok.t5kx, assignmentUpdate.assignment)).userErrors).toEqual([]);
    const { loadPreview } = await t.ok(PREVIEW, { c: classId(), d: DAY }, tok.t5yw1);
    expect(loadPreview.heaviestStudent).toEqual({ student: { username: 's50101' }, writtenMinutes: 60, allFormsMinutes: 60 });
  });

  it('adding the third student to 「需要巩固的同学」 would give them 数学 30 on top of 50: refused naming them, nothing changes', async () => {
    const payload = await refused(SET_MEMBERS, {
      groupId: consolidation.id, expectedRevision: consolidation.revision, studentIds: [student('s50101'), student('s50102'), student('s50103')],
    }, tok.t5sx1, 'studentGroupSetMembers');
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0].code).toBe('DAILY_LOAD_EXCEEDED');
    expect(figures(payload.userErrors[0])).toEqual({
      capMinutes: 60, publishedMinutes: 50, thisAssignmentMinutes: 30, excessMinutes: 20, 'published.chinese': 25, 'published.english': 20, 'published.science': 5,
    });
    expect(payload.userErrors[0].message).toContain(`学生${nameOf('s50103')}的书面作业上限 60 分钟`);
  });

  it('taking a student out is accepted, and putting them back in when their day has room', async () => {
    const { studentGroupSetMembers } = await t.ok(SET_MEMBERS, {
      input: { groupId: consolidation.id, expectedRevision: consolidation.revision, studentIds: [student('s50101')] },
    }, tok.t5sx1);
    expect(studentGroupSetMembers).toMatchObject({ group: { revision: consolidation.revision + 1, members: [{ username: 's50101' }] }, userErrors: [] });
    expect(titles(await t.ok(DAY_OF, { d: DAY }, tok.s50102))).toEqual(['chinese作业', '科学']);
    expect(titles(await t.ok(DAY_OF, { d: DAY }, tok.s50101))).toEqual(['chinese作业', 'math作业', '科学']);
    // Back in: 语文 25 + 科学 5 + 数学 30 is exactly the cap.
    const back = await t.ok(SET_MEMBERS, {
      input: { groupId: consolidation.id, expectedRevision: studentGroupSetMembers.group.revision, studentIds: [student('s50101'), student('s50102')] },
    }, tok.t5sx1);
    expect(back.studentGroupSetMembers.userErrors).toEqual([]);
    expect(titles(await t.ok(DAY_OF, { d: DAY }, tok.s50102))).toEqual(['chinese作业', 'math作业', '科学']);
  });
});

describe(`${SEED}: without groups the class check is as before`, () => {
  it('a day of whole-class homework is refused with the class figures, no student named', async () => {
    const day = '2026-12-17';
    expect((await publish(tok.t5yw1, await draft(tok.t5yw1, 'chinese', 40, undefined, day))).userErrors).toEqual([]);
    const math2 = await draft(tok.t5sx1, 'math', 30, undefined, day);
    const payload = await refused(PUBLISH, { assignmentId: math2.id, expectedRevision: math2.revision }, tok.t5sx1, 'assignmentPublish');
    expect(figures(payload.userErrors[0])).toEqual({ capMinutes: 60, publishedMinutes: 40, thisAssignmentMinutes: 30, excessMinutes: 10, 'published.chinese': 40 });
    expect(payload.userErrors[0].message).toBe(`${classOne().name} ${day}（上学日）书面作业上限 60 分钟：已发布 40 分钟，本次最重的选择 30 分钟，超出 10 分钟`);
    const { loadPreview } = await t.ok(PREVIEW, { c: classId(), d: day }, tok.t5yw1);
    expect(loadPreview.heaviestStudent).toBeNull();
  });
});

describe('004「学生可根据自身学业情况自主选择每天的作业数量层级」「既不把学生人为地分级定等，标签化，固定化」: a teacher suggests a tier without fixing it', () => {
  const SUGGEST = `mutation($input: TierSuggestInput!) { tierSuggest(input: $input) {
    suggestion { choice chosen followed student { username } suggestedBy { username } } ${USER_ERRORS} } }`;
  const SUGGESTIONS = `query($a: ID!) { tierSuggestions(assignmentId: $a) { choice chosen followed student { username } } }`;
  const TREND = `query($c: ID!, $s: ID!) { tierSuggestionTrend(classId: $c, subjectId: $s, from: "2026-12-14", to: "2026-12-20") { weekStart suggested followed notFollowed notChosen } }`;
  const DAY_ENTRY = `query($d: LocalDate!) { studentDay(date: $d) { assignment { title } choice suggestedChoice } }`;
  const entryOf = async (username: string) => (await t.ok(DAY_ENTRY, { d: DAY }, tok[username])).studentDay.find((e: any) => e.assignment.title === 'math作业');

  it('数学老师 suggests A to a student who chose B: both are kept, and the student sees the suggestion', async () => {
    const { tierSuggest } = await t.ok(SUGGEST, { input: { assignmentId: math.id, studentId: student('s50101'), choice: 'A' } }, tok.t5sx1);
    expect(tierSuggest).toEqual({
      suggestion: { choice: 'A', chosen: 'B', followed: false, student: { username: 's50101' }, suggestedBy: { username: 't5sx1' } }, userErrors: [],
    });
    expect(await entryOf('s50101')).toEqual({ assignment: { title: 'math作业' }, choice: 'B', suggestedChoice: 'A' });
  });

  it('the student still chooses any offered choice; following the suggestion is their decision', async () => {
    await t.ok(SUGGEST, { input: { assignmentId: math.id, studentId: student('s50102'), choice: 'B' } }, tok.t5sx1);
    expect((await entryOf('s50102')).suggestedChoice).toBe('B');
    expect((await t.ok(CHOOSE, { input: { assignmentId: math.id, choice: 'A' } }, tok.s50102)).assignmentChoose.entry).toEqual({ choice: 'A' });
    expect((await t.ok(CHOOSE, { input: { assignmentId: math.id, choice: 'B' } }, tok.s50102)).assignmentChoose.entry).toEqual({ choice: 'B' });
    const { tierSuggestions } = await t.ok(SUGGESTIONS, { a: math.id }, tok.t5sx1);
    expect(tierSuggestions).toEqual([
      { choice: 'A', chosen: 'B', followed: false, student: { username: 's50101' } },
      { choice: 'B', chosen: 'B', followed: true, student: { username: 's50102' } },
    ]);
  });

  it("the assignment's overview lists the group's students only", async () => {
    const { assignmentOverview } = await t.ok(`query($a: ID!) { assignmentOverview(assignmentId: $a) { states { state students { username } } } }`, { a: math.id }, tok.t5sx1);
    expect(assignmentOverview.states.flatMap((s: any) => s.students.map((x: any) => `${s.state}:${x.username}`)).sort()).toEqual(['chosen:s50101', 'chosen:s50102']);
  });

  it('the tier trend shows how often suggestions were followed (counts only)', async () => {
    const { tierSuggestionTrend } = await t.ok(TREND, { c: classId(), s: subject('math') }, tok.t5yw1);
    expect(tierSuggestionTrend).toEqual([{ weekStart: '2026-12-14', suggested: 2, followed: 1, notFollowed: 1, notChosen: 0 }]);
    // The tier trend itself carries them beside the week's counts per tier (its readers: the head teacher, the office).
    const { tierTrend } = await t.ok(`query($c: ID!, $s: ID!) { tierTrend(classId: $c, subjectId: $s, from: "2026-12-14", to: "2026-12-20") {
      weekStart counts { tier count } suggestions { suggested followed notFollowed notChosen } } }`, { c: classId(), s: subject('math') }, tok.jiaowu);
    expect(tierTrend).toEqual([{ weekStart: '2026-12-14', counts: [{ tier: 'B', count: 2 }], suggestions: { suggested: 2, followed: 1, notFollowed: 1, notChosen: 0 } }]);
  });

  it('a student the homework is not addressed to, or a choice it does not offer, is refused; nothing changes', async () => {
    const outside = await refused(SUGGEST, { assignmentId: math.id, studentId: student('s50103'), choice: 'A' }, tok.t5sx1, 'tierSuggest');
    expect(outside.userErrors).toEqual([{
      code: 'SUGGESTION_NOT_ADDRESSED', field: ['studentId'], figures: [], message: `这份作业没有布置给${nameOf('s50103')}，不能为其建议层次`,
    }]);
    const unknown = await refused(SUGGEST, { assignmentId: math.id, studentId: student('s50101'), choice: 'C' }, tok.t5sx1, 'tierSuggest');
    expect(unknown.userErrors.map((e: any) => e.code)).toEqual(['UNKNOWN_CHOICE']);
  });

  it('only a teacher of the subject suggests; students and other teachers cannot', async () => {
    await t.expectToFail('FORBIDDEN', SUGGEST, { input: { assignmentId: math.id, studentId: student('s50101'), choice: 'B' } }, tok.t5yy1);
    await t.expectToFail('FORBIDDEN', SUGGEST, { input: { assignmentId: math.id, studentId: student('s50101'), choice: 'B' } }, tok.s50101);
  });
});

describe('004「二年级家庭作业不超过30分钟 … 三、四年级家庭作业不超过40分钟」 with groups: the school\'s cap on every form counts each student\'s path', () => {
  it('a group\'s homework that takes its students over the total-time cap is refused naming the student; nothing changes', async () => {
    const POLICY = `mutation($input: LoadPolicySetInput!) { loadPolicySet(input: $input) { cap { revision } userErrors { code } } }`;
    const { loadPolicySet } = await t.ok(POLICY, { input: { grade: 5, dayKind: 'SCHOOL_DAY', totalCapMinutes: 40 } }, tok.jiaowu);
    expect(loadPolicySet.userErrors).toEqual([]);
    try {
      const day = '2026-12-18';
      expect((await publish(tok.t5yw1, await draft(tok.t5yw1, 'chinese', 20, undefined, day))).userErrors).toEqual([]);
      const forGroup = await draft(tok.t5sx1, 'math', 25, consolidation.id, day);
      const payload = await refused(PUBLISH, { assignmentId: forGroup.id, expectedRevision: forGroup.revision }, tok.t5sx1, 'assignmentPublish');
      expect(payload.userErrors.map((e: any) => e.code)).toEqual(['TOTAL_LOAD_EXCEEDED']);
      expect(figures(payload.userErrors[0])).toEqual({ capMinutes: 40, publishedMinutes: 20, thisAssignmentMinutes: 25, excessMinutes: 5, 'published.chinese': 20 });
      expect(payload.userErrors[0].message).toContain(`学生${nameOf('s50101')}的家庭作业总时长`);
    } finally {
      await t.ok(POLICY, { input: { grade: 5, dayKind: 'SCHOOL_DAY', totalCapMinutes: null, expectedRevision: loadPolicySet.cap.revision } }, tok.jiaowu);
    }
  });
});
