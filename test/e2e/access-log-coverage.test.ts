import { getNamedType, GraphQLNamedType, GraphQLSchema, isAbstractType, isObjectType } from 'graphql';
import { randomUUID } from 'node:crypto';
import { fromGlobalId, toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { getSchema } from '../../src/schema';
import { createAndPublish, ids, insertItem, packages } from '../support/assignments';
import { TestApp } from '../support/test-app';

/**
 * Every staff read of a child's personal data is in the access log. Which fields can return
 * such data is derived from the built schema, not listed by hand: a field the tables below do
 * not classify fails the first tests, and every field classified "logged" is read as staff and
 * must add a row naming the reader, the student and the kind of record.
 */
const SCHOOL = { code: 'access-log-test', name: '测试壬校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 1, studentsPerClass: 3, nameSeed: 41 };
const DAY = '2026-12-01';
const WEEK = '2026-11-30';
let t: TestApp;
const tok: Record<string, string> = {};
let assignmentId: string;
/** s50101's hand-in stays awaiting a mark; s50103's is marked by a probe. */
const submission: Record<string, string> = {};
const gid = (username: string) => toGlobalId('User', t.user(username).id);

/** Object types whose values are one child's personal data: work, marks, choices, record sheets, who is in which state. */
const PERSONAL_TYPES = [
  'Submission', 'SubmissionVersion', 'Attachment', 'Mark', 'PeerComment', 'MarkingQueueEntry',
  'RecordSheet', 'RecordSheetLine', 'RecordSheetMessage', 'StudentDayEntry', 'StudentsInState', 'RecordSheetPdf',
  'UploadedFile', 'PenLayer', 'PenStroke', 'StudentGroup', 'HeaviestStudentLoad', 'TierSuggestion',
];

/** Every other object type, by why it holds no child's personal data. */
const NOT_PERSONAL_TYPES: Record<string, string[]> = {
  'homework, bank, calendar and school data: no student in it': [
    'AllFormsLoad', 'Assignment', 'AssignmentChoice', 'AssignmentDay', 'AssignmentItem', 'AssignmentOption', 'BalanceCounts', 'BalanceTags', 'BankItem', 'BankItemVersion',
    'CalendarDay', 'DayTotal', 'DraftLoad', 'ExcelFile', 'GradeWeekTotals', 'GroupCoverageReport', 'ImportProblem', 'LoadCap', 'LoadPreview',
    'NoticeDay', 'NoticeSubject', 'ObjectiveCoverage', 'School', 'SchoolSettings', 'GradeWakeUpTime', 'Subject', 'SubjectLoadLine', 'Term', 'TierCounts', 'Unit',
    'UnitCoverageReport', 'UnitObjective', 'WeeklyList', 'WeeklyListEntry', 'WeeklyListOverview', 'WeeklyNotice',
    'SubjectBudget', 'SubjectBudgetDay', 'SubjectBudgetLine', 'SubjectBudgetRelease', 'SubjectBudgetWeek', 'SubjectBudgetWeekday',
    'WeeklyListDayLoad', 'WeeklyListDeadline', 'WeeklyListEvent', 'WeeklyListLoadCheck', 'WeeklyListSuggestion',
  ],
  'the directory (name, class, student number, roles, links, consent): what the school keeps of every student without consent': [
    'User', 'ChildLink', 'Class', 'TeachingAssignment', 'ResearchGroup',
    'AccountSlipFile', 'IssuedAccount', 'ParentBindingRequest', 'SchoolYearEntryClass',
    'RosterFile', 'RosterLine', 'RosterProblem', 'RosterSheetCount',
  ],
  'class or item aggregates (counts, rates, means); no student named': [
    'AssignmentOverview', 'WeekTierSuggestions', 'ChoiceCount', 'MarkCount', 'DayLoad', 'SubjectDayLoad', 'WeekTiers', 'TierChoiceCount',
    'GroupCalibration', 'ItemCalibration', 'TeacherBias', 'StorageUsage', 'SchoolYearClassMove',
  ],
  'the access log: who read which record, never the record (academic office only)': ['AccessLogEntry'],
  'a root, payload or page: its fields are classified one by one below': [
    'Query', 'Mutation', 'PageInfo', 'UserError', 'UserErrorFigure',
    'AccessLogConnection', 'AccessLogEdge', 'BankItemConnection', 'BankItemEdge', 'MarkingQueueConnection', 'MarkingQueueEdge', 'UserConnection', 'UserEdge',
    'AssignmentChoosePayload', 'AssignmentPayload', 'BankImportPayload', 'BankItemPayload', 'CalendarDayPayload', 'CalendarDayRemovePayload', 'ClassHeadTeacherSetPayload',
    'ConsentPayload', 'LoadPolicyPayload', 'LoginPayload', 'LogoutPayload', 'PeerCommentPayload', 'RecordSheetPayload', 'SchoolSettingsPayload',
    'StudentDataDeletePayload', 'SubmissionPayload', 'UnitPayload', 'WeeklyListPayload', 'WeeklyListDeadlinePayload',
    'AccountSlipsIssuePayload', 'ClassJoinCodePayload', 'ParentBindingPayload', 'ParentRegisterPayload',
    'CalendarSetPayload', 'ClassCreatePayload', 'ResearchGroupPayload', 'SubjectPayload', 'TeachingAssignmentPayload', 'TermPayload',
    'UserCreatePayload', 'UserPayload', 'UploadedFilePayload', 'BankItemImagesPayload', 'SchoolYearRolloverPayload', 'RosterImportPayload',
    'SubjectBudgetsPayload', 'SubjectBudgetReleasePayload', 'RecordSheetMessagePayload', 'StudentGroupPayload', 'StudentGroupDeletePayload', 'TierSuggestPayload',
  ],
};

/** A read by staff of one student's data, and the kind of record the log must name. */
interface Probe {
  reader: string;
  student: string;
  resource: string;
  read: () => Promise<unknown>;
}
type Classification = { logged: Probe } | { notLogged: string };

const HOMEWORK = 'not personal: homework, bank, calendar or school data';
const DIRECTORY = 'not personal: the directory (names, classes, student numbers), kept without consent';
const AGGREGATE = 'not personal: class or item aggregates, no student named';

const readSubmission: Probe = {
  reader: 't5yw1', student: 's50101', resource: 'submission',
  read: () => t.ok(`query($id: ID!) { submission(id: $id) { status versions { answer } } }`, { id: submission.s50101 }, tok.t5yw1),
};
const readQueue: Probe = {
  reader: 't5yw1', student: 's50101', resource: 'submission',
  read: async () => {
    const { markingQueue } = await t.ok(`{ markingQueue(first: 20) { edges { node { submission { id student { username } } } } } }`, {}, tok.t5yw1);
    expect(markingQueue.edges.map((e: any) => e.node.submission.id)).toContain(submission.s50101);
  },
};
const readOverview: Probe = {
  reader: 't5yw1', student: 's50102', resource: 'assignment_overview',
  read: async () => {
    const { assignmentOverview } = await t.ok(`query($a: ID!) { assignmentOverview(assignmentId: $a) { states { state students { username } } } }`, { a: assignmentId }, tok.t5yw1);
    expect(assignmentOverview.states.find((s: any) => s.state === 'chosen').students).toEqual([{ username: 's50102' }]);
  },
};
const readSheet: Probe = {
  reader: 't5yw1', student: 's50101', resource: 'record_sheet',
  read: () => t.ok(`query($s: ID!) { recordSheet(date: "${DAY}", studentId: $s) { bedtime } }`, { s: gid('s50101') }, tok.t5yw1),
};

/** The head teacher answers a message s50101's parent has just left: the answer comes back with the student's day. */
const answerMessage: Probe = {
  reader: 't5yw1', student: 's50101', resource: 'record_sheet',
  read: async () => {
    const { recordSheetMessageAdd } = await t.ok(`mutation($s: ID!) { recordSheetMessageAdd(input: { studentId: $s, date: "${DAY}", body: "孩子今天作业做得很快。" }) { message { id } userErrors { code } } }`,
      { s: gid('s50101') }, await t.login('p50101'));
    const { recordSheetMessageAnswer } = await t.ok(`mutation($m: ID!) { recordSheetMessageAnswer(input: { messageId: $m, reply: "收到，谢谢。" }) { message { reply } sheet { messages { body } } userErrors { code } } }`,
      { m: recordSheetMessageAdd.message.id }, tok.t5yw1);
    expect(recordSheetMessageAnswer.userErrors).toEqual([]);
  },
};

/**
 * A group of students (分层、个性化) with homework addressed to it on another day: who is in
 * which group is a child's record (logged as `tier_choice`, the tiering it serves).
 */
const GROUP_DAY = '2026-12-02';
let groupWork: Promise<{ groupId: string; assignmentId: string; teacher: string }> | undefined;
const groupOfS50101 = () => (groupWork ??= (async () => {
  const teacher = await t.login('t5sx1');
  const { studentGroupCreate } = await t.ok(`mutation($i: StudentGroupCreateInput!) { studentGroupCreate(input: $i) { group { id } userErrors { code } } }`,
    { i: { ...ids(t, 5, 'math'), name: '需要巩固的同学', studentIds: [gid('s50101')] } }, teacher);
  const groupId = studentGroupCreate.group.id;
  const item = await insertItem(t, { subject: 'math', grade: 5, title: '口算练习', minutes: 10 });
  const published = await createAndPublish(t, teacher, { ...ids(t, 5, 'math'), date: GROUP_DAY, shape: 'PACKAGES', title: '数学', options: packages(item, item), groupId });
  return { groupId, assignmentId: published.assignment.id, teacher };
})());
const readGroups: Probe = {
  reader: 't5yw1', student: 's50101', resource: 'tier_choice',
  read: async () => {
    await groupOfS50101();
    const { studentGroups } = await t.ok(`query($c: ID!) { studentGroups(classId: $c) { members { username } } }`, { c: ids(t, 5, 'math').classId }, tok.t5yw1);
    expect(studentGroups).toEqual([{ members: [{ username: 's50101' }] }]);
  },
};

const FIELDS: Record<string, Classification> = {
  'Query.studentGroups': { logged: readGroups },
  'Assignment.group': {
    logged: {
      ...readGroups,
      read: async () => {
        const { assignmentId: id } = await groupOfS50101();
        const { assignment } = await t.ok(`query($id: ID!) { assignment(id: $id) { group { members { username } } } }`, { id }, tok.t5yw1);
        expect(assignment.group.members).toEqual([{ username: 's50101' }]);
      },
    },
  },
  'StudentGroupPayload.group': {
    logged: {
      reader: 't5sx1', student: 's50101', resource: 'tier_choice',
      read: async () => {
        const { groupId, teacher } = await groupOfS50101();
        const { studentGroups } = await t.ok(`query($c: ID!) { studentGroups(classId: $c) { id revision } }`, { c: ids(t, 5, 'math').classId }, teacher);
        const revision = studentGroups.find((g: any) => g.id === groupId).revision;
        const { studentGroupRename } = await t.ok(`mutation($i: StudentGroupRenameInput!) { studentGroupRename(input: $i) { group { members { username } } userErrors { code } } }`,
          { i: { groupId, expectedRevision: revision, name: `需要巩固的同学${revision}` } }, teacher);
        expect(studentGroupRename.userErrors).toEqual([]);
      },
    },
  },
  'TierSuggestPayload.suggestion': {
    logged: {
      reader: 't5sx1', student: 's50101', resource: 'tier_choice',
      read: async () => {
        const { assignmentId, teacher } = await groupOfS50101();
        const { tierSuggest } = await t.ok(`mutation($i: TierSuggestInput!) { tierSuggest(input: $i) { suggestion { chosen } userErrors { code } } }`,
          { i: { assignmentId, studentId: gid('s50101'), choice: 'A' } }, teacher);
        expect(tierSuggest).toEqual({ suggestion: { chosen: null }, userErrors: [] });
      },
    },
  },
  'Query.tierSuggestions': {
    logged: {
      ...readGroups,
      read: async () => {
        const { assignmentId, teacher } = await groupOfS50101();
        await t.ok(`mutation($i: TierSuggestInput!) { tierSuggest(input: $i) { userErrors { code } } }`, { i: { assignmentId, studentId: gid('s50101'), choice: 'B' } }, teacher);
        const { tierSuggestions } = await t.ok(`query($a: ID!) { tierSuggestions(assignmentId: $a) { choice student { username } } }`, { a: assignmentId }, tok.t5yw1);
        expect(tierSuggestions).toEqual([{ choice: 'B', student: { username: 's50101' } }]);
      },
    },
  },
  'Query.tierSuggestionTrend': { notLogged: AGGREGATE },
  'LoadPreview.heaviestStudent': {
    logged: {
      ...readGroups,
      read: async () => {
        await groupOfS50101();
        const { loadPreview } = await t.ok(`query($c: ID!) { loadPreview(classId: $c, date: "${GROUP_DAY}") { heaviestStudent { student { username } writtenMinutes } } }`,
          { c: ids(t, 5, 'math').classId }, tok.t5yw1);
        expect(loadPreview.heaviestStudent).toEqual({ student: { username: 's50101' }, writtenMinutes: 10 });
      },
    },
  },
  'Query.submission': { logged: readSubmission },
  'Query.node': {
    logged: { ...readSubmission, read: () => t.ok(`query($id: ID!) { node(id: $id) { ... on Submission { status } } }`, { id: submission.s50101 }, tok.t5yw1) },
  },
  'Query.markingQueue': { logged: readQueue },
  'MarkingQueueEdge.node': { logged: readQueue },
  'Query.assignmentOverview': { logged: readOverview },
  'AssignmentOverview.states': { logged: readOverview },
  'Query.studentDay': {
    logged: {
      reader: 't5yw1', student: 's50102', resource: 'tier_choice',
      read: async () => {
        const { studentDay } = await t.ok(`query($s: ID!) { studentDay(date: "${DAY}", studentId: $s) { choice } }`, { s: gid('s50102') }, tok.t5yw1);
        expect(studentDay).toEqual([{ choice: 'B' }]);
      },
    },
  },
  'Query.recordSheet': { logged: readSheet },
  'Query.classRecordSheets': {
    logged: {
      reader: 't5yw1', student: 's50101', resource: 'record_sheet',
      read: () => t.ok(`query($c: ID!) { classRecordSheets(classId: $c, date: "${DAY}") { bedtime } }`, { c: ids(t, 5, 'chinese').classId }, tok.t5yw1),
    },
  },
  'Query.recordSheetPrint': {
    logged: {
      reader: 't5yw1', student: 's50101', resource: 'record_sheet',
      read: () => t.ok(`query($s: ID!) { recordSheetPrint(weekStart: "${WEEK}", studentId: $s) { mimeType } }`, { s: gid('s50101') }, tok.t5yw1),
    },
  },
  'Query.studentWeekChartUrl': {
    logged: {
      reader: 't5yw1', student: 's50101', resource: 'record_sheet',
      read: async () => {
        const { studentWeekChartUrl } = await t.ok(`query($s: ID!) { studentWeekChartUrl(studentId: $s, weekStart: "${WEEK}") }`, { s: gid('s50101') }, tok.t5yw1);
        expect((await fetch(`${t.url}${studentWeekChartUrl}`)).status).toBe(200);
      },
    },
  },
  'Query.studentDataExport': {
    logged: {
      reader: 'jiaowu', student: 's50101', resource: 'student_export',
      read: async () => {
        const { studentDataExport } = await t.ok(`query($s: ID!) { studentDataExport(studentId: $s) }`, { s: gid('s50101') }, tok.jiaowu);
        expect(JSON.parse(studentDataExport).submissions).toHaveLength(1);
      },
    },
  },
  'SubmissionPayload.submission': {
    logged: {
      reader: 't5yw1', student: 's50103', resource: 'submission',
      read: async () => {
        const { submissionMark } = await t.ok(`mutation($i: SubmissionMarkInput!) { submissionMark(input: $i) { submission { versions { answer } } userErrors { code } } }`,
          { i: { submissionId: submission.s50103, expectedRevision: 1, mark: 'B+', comment: '思路清楚，字迹工整。' } }, tok.t5yw1);
        expect(submissionMark.userErrors).toEqual([]);
      },
    },
  },
  'RecordSheetPayload.sheet': {
    logged: {
      reader: 't5yw1', student: 's50101', resource: 'record_sheet',
      read: async () => {
        const { recordSheetRead } = await t.ok(`mutation($s: ID!) { recordSheetRead(studentId: $s, date: "${DAY}", reply: "已阅，早点休息。") { sheet { bedtime } userErrors { code } } }`,
          { s: gid('s50101') }, tok.t5yw1);
        expect(recordSheetRead.userErrors).toEqual([]);
      },
    },
  },
  'RecordSheetMessagePayload.message': { logged: answerMessage },
  'RecordSheetMessagePayload.sheet': { logged: answerMessage },
  'UploadedFilePayload.file': {
    logged: {
      reader: 't5yw1', student: 's50101', resource: 'attachment',
      read: async () => {
        // A photo handed in with s50101's work (rows only: marking on it needs no bytes).
        const school = t.schools[0].schoolId;
        const fileId = randomUUID();
        await t.db.dataSource.query(`INSERT INTO attachment_blobs (school_id, sha256, size_bytes, mime_type) VALUES ($1, repeat('a', 64), 10, 'image/jpeg') ON CONFLICT DO NOTHING`, [school]);
        await t.db.dataSource.query(`INSERT INTO attachments (school_id, id, owner_id, kind, mime_type, name, size_bytes, sha256, width, height, submission_id, version_no)
          VALUES ($1, $2, $3, 'image', 'image/jpeg', '作业.jpg', 10, repeat('a', 64), 100, 100, $4, 1)`, [school, fileId, t.user('s50101').id, fromGlobalId(submission.s50101, 'Submission')]);
        const { fileAnnotate } = await t.ok(`mutation($i: FileAnnotateInput!) { fileAnnotate(input: $i) { file { penLayer { revision } } userErrors { code } } }`,
          { i: { fileId: toGlobalId('UploadedFile', fileId), strokes: [{ color: '#ff0000', width: 3, points: [1, 2, 3, 4] }] } }, tok.t5yw1);
        expect(fileAnnotate).toEqual({ file: { penLayer: { revision: 1 } }, userErrors: [] });
      },
    },
  },
  'BankItem.images': { notLogged: `${HOMEWORK}: pictures of a bank item` },
  'BankItemImagesPayload.images': { notLogged: `${HOMEWORK}: pictures of a bank item` },
  'Query.storageUsage': { notLogged: `${AGGREGATE}: the school's storage in bytes` },
  'AssignmentChoosePayload.entry': { notLogged: 'no staff read: only a student chooses, for themself' },
  'PeerCommentPayload.peerComment': { notLogged: 'no staff read: only students comment, and get their own comment back' },
  'Query.accessLog': { notLogged: 'the access log itself: who read which record, never the record (academic office only)' },
  'Query.assignment': { notLogged: HOMEWORK },
  'Query.bankExport': { notLogged: HOMEWORK },
  'Query.bankItem': { notLogged: HOMEWORK },
  'Query.bankItems': { notLogged: HOMEWORK },
  'Query.calendar': { notLogged: HOMEWORK },
  'Query.classAssignments': { notLogged: HOMEWORK },
  'Query.loadCaps': { notLogged: HOMEWORK },
  'Query.loadPreview': { notLogged: HOMEWORK },
  'Query.loadPreviews': { notLogged: HOMEWORK },
  'Query.subjectBudgets': { notLogged: HOMEWORK },
  'Query.subjectBudgetDay': { notLogged: HOMEWORK },
  'Query.researchGroupCoverage': { notLogged: HOMEWORK },
  'Query.researchGroups': { notLogged: HOMEWORK },
  'Query.school': { notLogged: HOMEWORK },
  'Query.unitCoverage': { notLogged: HOMEWORK },
  'Query.units': { notLogged: HOMEWORK },
  'Query.weeklyList': { notLogged: HOMEWORK },
  'Query.weeklyListOverview': { notLogged: HOMEWORK },
  'Query.weeklyListDeadline': { notLogged: HOMEWORK },
  'Query.weeklyListSuggestion': { notLogged: HOMEWORK },
  'Query.weeklyNotice': { notLogged: HOMEWORK },
  'Query.weeklyNoticeExport': { notLogged: HOMEWORK },
  'Query.class': { notLogged: DIRECTORY },
  'Query.classes': { notLogged: DIRECTORY },
  'Query.me': { notLogged: `${DIRECTORY}; and a student reading themself is no staff read` },
  'Query.user': { notLogged: DIRECTORY },
  'Query.users': { notLogged: DIRECTORY },
  'Query.rosterExport': { notLogged: `${DIRECTORY}: the roster workbook (academic office only)` },
  'Query.parentBindingRequests': { notLogged: `${DIRECTORY}: who asks to be bound to which child` },
  'Query.classLoadChartUrl': { notLogged: AGGREGATE },
  'Query.classLoadReport': { notLogged: AGGREGATE },
  'Query.tierTrend': { notLogged: AGGREGATE },
  'Query.researchGroupCalibration': { notLogged: `${AGGREGATE}; the biases are teachers'` },
};

/**
 * The fields that need a classification: every root query (a scalar such as an export or a
 * URL can carry a child's data where no type shows it), and every field of any other type that
 * can return a personal type — the ways into a child's data. Fields inside a personal type are
 * read only through one of these.
 */
function fieldsToClassify(schema: GraphQLSchema): string[] {
  const personal = new Set(PERSONAL_TYPES);
  const returnsPersonal = (type: GraphQLNamedType) =>
    isAbstractType(type) ? schema.getPossibleTypes(type).some((p) => personal.has(p.name)) : personal.has(type.name);
  const fields: string[] = [];
  for (const type of objectTypes(schema)) {
    if (personal.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      if (type === schema.getQueryType() || returnsPersonal(getNamedType(field.type))) fields.push(`${type.name}.${field.name}`);
    }
  }
  return fields.sort();
}

const objectTypes = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap()).filter(isObjectType).filter((type) => !type.name.startsWith('__'));

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  for (const u of ['t5yw1', 'jiaowu', 's50101', 's50102', 's50103']) tok[u] = await t.login(u);
  const a = await insertItem(t, { subject: 'chinese', grade: 5, title: '读一读', minutes: 10 });
  const b = await insertItem(t, { subject: 'chinese', grade: 5, title: '写一写', minutes: 12 });
  assignmentId = (await createAndPublish(t, tok.t5yw1, { ...ids(t, 5, 'chinese'), date: DAY, shape: 'PACKAGES', title: '语文', options: packages(a, b) })).assignment.id;
  const SUBMIT = `mutation($i: SubmissionCreateInput!) { submissionCreate(input: $i) { submission { id } userErrors { code } } }`;
  for (const [student, choice] of [['s50101', 'A'], ['s50103', 'B']]) {
    const { submissionCreate } = await t.ok(SUBMIT, { i: { assignmentId, choice, answer: '我的答案', attachments: [], actualMinutes: 11, clientKey: `coverage-${student}` } }, tok[student]);
    submission[student] = submissionCreate.submission.id;
  }
  await t.ok(`mutation($i: AssignmentChooseInput!) { assignmentChoose(input: $i) { userErrors { code } } }`, { i: { assignmentId, choice: 'B' } }, tok.s50102);
  await t.ok(`mutation { recordSheetFill(input: { date: "${DAY}", bedtime: "20:30" }) { userErrors { code } } }`, {}, tok.s50101);
});
afterAll(() => t?.stop());

describe('the classification of the schema', () => {
  it('names every object type once, as personal or with why it is not', async () => {
    const named = [...PERSONAL_TYPES, ...Object.values(NOT_PERSONAL_TYPES).flat()];
    expect(named.length).toBe(new Set(named).size);
    expect(objectTypes(await getSchema()).map((type) => type.name).sort()).toEqual(named.sort());
  });

  it('classifies every way into a child\'s data as logged or not, with no stale entries', async () => {
    expect(fieldsToClassify(await getSchema())).toEqual(Object.keys(FIELDS).sort());
  });
});

describe('every staff read of a child\'s data adds an access-log row', () => {
  const logged = Object.entries(FIELDS).flatMap(([field, c]) => ('logged' in c ? [[field, c.logged] as const] : []));

  it.each(logged)('%s', async (_field, probe) => {
    const count = async () => (await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM access_log WHERE actor_id = $1 AND student_id = $2 AND resource = $3`,
      [t.user(probe.reader).id, t.user(probe.student).id, probe.resource],
    ))[0].n as number;
    const before = await count();
    await probe.read();
    expect(await count()).toBeGreaterThan(before);
  });
});
