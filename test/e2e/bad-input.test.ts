import { randomBytes, randomUUID } from 'node:crypto';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLInputType,
  GraphQLOutputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { App, createApp } from '../../src/app';
import { toGlobalId } from '../../src/core/ids';
import { Logger } from '../../src/core/logger';
import { gradesOf } from '../../src/modules/school/school.policy';
import { getSchema } from '../../src/schema';
import { DEMO_PASSWORDS } from '../../seeds/demo';
import { approvedItem, CREATE_ITEM, CREATE_UNIT, itemContent, step } from '../support/bank';
import { CREATE, createAndPublish, packages } from '../support/assignments';
import { OTHER_SCHOOL, SMALL_SCHOOL } from '../support/fixtures';
import { asSchool as asSchoolOn, Query, schoolSnapshot, tenantTables as tenantTablesOf } from '../support/snapshot';
import { TestApp } from '../support/test-app';

/**
 * The bad-input sweep (issue 7): every mutation of the served schema — found by walking the
 * schema, so a new mutation is covered without touching this file — gets a valid-shaped input
 * derived from its argument types, then one hostile change at a time: wrong types, huge and
 * empty strings, numeric edges, NUL bytes and lone surrogates, ids of the wrong type or of the
 * other school, impossible dates. The service may refuse any of it in any clean way; it must
 * never answer with a 5xx or an INTERNAL_SERVER_ERROR, and nothing of the other school may
 * change. All offenders are collected, so one run shows them all.
 *
 * Own-school data may change only when a mutation succeeds: every refused request is checked
 * against a checksum of the school's tables. After the sweep, no text column may hold a NUL or
 * a U+FFFD (what a lone surrogate or invalid UTF-8 becomes on the way to the database).
 *
 * The requests go to a second App on the TestApp's database whose logger captures unexpected
 * errors, so each offender carries the server-side cause. BAD_INPUT_VERBOSE=1 prints how each
 * mutation's base input was answered, the answers by code and the slowest variants.
 */

// ---------------------------------------------------------------------------------------------
// Setup: two schools with some state each (unit, items in every review state, assignments in
// every state, submissions, a weekly list), so that valid-shaped inputs reach the services.
// ---------------------------------------------------------------------------------------------

let t: TestApp;
let sweepApp: App;
let sweepUrl: string;
let schema: GraphQLSchema;
const serverLog: string[] = [];

/** Global ids of one school's state, by role in the sweep. */
type SchoolIds = Record<
  | 'class' | 'subject' | 'term' | 'group' | 'teacher' | 'headTeacher' | 'member' | 'student' | 'deleteStudent' | 'user' | 'spareUser'
  | 'unit' | 'objective' | 'itemApproved' | 'itemSpare' | 'itemDraft' | 'itemToEdit' | 'itemSubmitted' | 'itemToReturn'
  | 'assignPublished' | 'assignDraft' | 'assignUnpublish' | 'assignUpdate'
  | 'submissionToMark' | 'submissionToCorrect' | 'list',
  string
>;
let own: SchoolIds;
let other: SchoolIds;

/** Who sends what. Tokens are kept fresh: a revoked one is signed in again. */
type ActorName = 'office' | 'lead' | 'headTeacher' | 'student' | 'classmate' | 'submitter' | 'parent' | 'pwUser' | 'logoutUser' | 'anonymous';
const ACTOR_USERS: Record<Exclude<ActorName, 'anonymous'>, string> = {
  office: 'jiaowu', // academic office
  lead: 't3sx1', // grade-3 maths: research group lead, teaches class 3(1)
  headTeacher: 't3yw1', // head teacher of class 3(1)
  student: 's30101',
  classmate: 's30102', // has a submission awaiting a correction
  submitter: 's30103', // has not submitted yet
  parent: 'p30101',
  pwUser: 't8ls', // only for passwordChange
  logoutUser: 't8dl', // only for logout
};
const tokens: Partial<Record<ActorName, string>> = {};
const passwords: Record<string, string> = {};

/** The actor that reaches deepest into each mutation; anything not named here goes to the office. */
const PRIMARY_ACTOR: Record<string, ActorName> = {
  assignmentChoose: 'submitter',
  assignmentCreate: 'lead',
  assignmentPublish: 'lead',
  assignmentUnpublish: 'lead',
  assignmentUpdate: 'lead',
  bankImport: 'lead',
  bankItemCreate: 'lead',
  bankItemSubmitForReview: 'lead',
  bankItemUpdate: 'lead',
  guardianConsentSet: 'parent',
  login: 'anonymous',
  logout: 'logoutUser',
  passwordChange: 'pwUser',
  recordSheetFill: 'student',
  recordSheetParentMessage: 'parent',
  recordSheetRead: 'headTeacher',
  submissionCorrect: 'classmate',
  submissionCreate: 'submitter',
  submissionMark: 'lead',
  submissionPeerComment: 'classmate',
  unitCreate: 'lead',
  unitObjectiveAdd: 'lead',
  unitObjectiveUpdate: 'lead',
  unitUpdate: 'lead',
  weeklyListFile: 'lead',
  weeklyListSave: 'lead',
};
/** Every mutation is also tried, with its base input and a few hostile ones, by each of these. */
const OTHER_ACTORS: ActorName[] = ['office', 'headTeacher', 'student', 'parent', 'anonymous'];
/** Mutations that would revoke the shared actors' tokens: only their dedicated user sends them. */
const ONLY_PRIMARY = new Set(['logout']);
/** Sent last: they delete data, revoke tokens, or count failed sign-ins from this address. */
const LAST = ['studentDataDelete', 'passwordChange', 'logout', 'login'];

async function prepareSchool(index: number): Promise<SchoolIds> {
  const school = t.schools[index];
  const code = school.spec.code;
  const user = (name: string) => school.users.find((u) => u.username === name)!;
  const [lead, office, s1, s2] = [await t.login('t3sx1', code), await t.login('jiaowu', code), await t.login('s30101', code), await t.login('s30102', code)];
  const math = school.subjects.find((s) => s.code === 'math')!;
  const cls = school.classes.find((c) => c.grade === 3 && c.classNo === 1)!;
  const group = school.groups.find((g) => g.grade === 3 && g.subjectId === math.id)!;
  const classId = toGlobalId('Class', cls.id);
  const subjectId = toGlobalId('Subject', math.id);

  const { unitCreate } = await t.ok(CREATE_UNIT, {
    input: {
      subjectId, grade: 3, termId: toGlobalId('Term', school.terms[1].id), volume: '三年级上册', sortOrder: 8, title: '分数的初步认识',
      objectives: [{ kind: 'KNOWLEDGE', description: '认识几分之一和几分之几' }],
    },
  }, lead);
  expect(unitCreate.userErrors).toEqual([]);
  const unit = unitCreate.unit;
  const content = itemContent({ unitId: unit.id, objectiveIds: [unit.objectives[0].id] });
  const approved = await approvedItem(t, lead, office, content);
  const spare = await approvedItem(t, lead, office, { ...content, title: '分数的意义（二）' });
  const draft = (await t.ok(CREATE_ITEM, { input: { ...content, title: '草稿题' } }, lead)).bankItemCreate.item;
  const toEdit = (await t.ok(CREATE_ITEM, { input: { ...content, title: '修改题' } }, lead)).bankItemCreate.item;
  const submit = async (title: string) => {
    const created = (await t.ok(CREATE_ITEM, { input: { ...content, title } }, lead)).bankItemCreate.item;
    const submitted = (await t.ok(step('bankItemSubmitForReview'), { input: { itemId: created.id, expectedRevision: created.revision } }, lead)).bankItemSubmitForReview;
    expect(submitted.userErrors).toEqual([]);
    return created.id as string;
  };
  const toReview = await submit('待审题');
  const toReturn = await submit('待退回题');

  const assignment = async (day: string) => {
    const { assignmentCreate } = await t.ok(CREATE, { input: { classId, subjectId, date: day, shape: 'PACKAGES', title: '分数练习', options: packages(approved.id, spare.id) } }, lead);
    expect(assignmentCreate.userErrors).toEqual([]);
    return assignmentCreate.assignment.id as string;
  };
  const publish = async (day: string) => {
    const result = await createAndPublish(t, lead, { classId, subjectId, date: day, shape: 'PACKAGES', title: '分数练习', options: packages(approved.id, spare.id) });
    expect(result.userErrors).toEqual([]);
    return result.assignment.id as string;
  };
  const assignDraft = await assignment('2026-12-01');
  const assignPublished = await publish('2026-12-02');
  const assignUnpublish = await publish('2026-12-03');
  const assignUpdate = await assignment('2026-12-04');

  const SUBMIT = `mutation($input: SubmissionCreateInput!) { submissionCreate(input: $input) { submission { id revision } userErrors { code message } } }`;
  const handIn = async (token: string) => {
    const { submissionCreate } = await t.ok(SUBMIT, {
      input: { assignmentId: assignPublished, choice: 'A', answer: '1/4', actualMinutes: 10, clientKey: `setup-${randomUUID()}` },
    }, token);
    expect(submissionCreate.userErrors).toEqual([]);
    return submissionCreate.submission as { id: string; revision: number };
  };
  const toMark = await handIn(s1);
  const toCorrect = await handIn(s2);
  const MARK = `mutation($input: SubmissionMarkInput!) { submissionMark(input: $input) { userErrors { code message } } }`;
  const marked = await t.ok(MARK, {
    input: { submissionId: toCorrect.id, expectedRevision: toCorrect.revision, mark: 'A', comment: '第二题再检查一下单位。', requestCorrection: true },
  }, lead);
  expect(marked.submissionMark.userErrors).toEqual([]);

  const SAVE = `mutation($input: WeeklyListSaveInput!) { weeklyListSave(input: $input) { list { id } userErrors { code message } } }`;
  const { weeklyListSave } = await t.ok(SAVE, {
    input: { groupId: toGlobalId('ResearchGroup', group.id), weekStart: '2026-11-30', entries: [{ day: '2026-12-01', unitId: unit.id, itemId: approved.id }] },
  }, lead);
  expect(weeklyListSave.userErrors).toEqual([]);

  return {
    class: classId,
    subject: subjectId,
    term: toGlobalId('Term', school.terms[1].id),
    group: toGlobalId('ResearchGroup', group.id),
    teacher: toGlobalId('User', user('t3sx1').id),
    headTeacher: toGlobalId('User', user('t3yw1').id),
    // A member of the grade-3 maths group besides its lead (the other school has only the lead).
    member: toGlobalId('User', user(index === 0 ? 't3sx2' : 't3sx1').id),
    student: toGlobalId('User', user('s30101').id),
    // The student whose data studentDataDelete may delete: nobody else in the sweep needs them.
    deleteStudent: toGlobalId('User', user(index === 0 ? 's80203' : 's30103').id),
    user: toGlobalId('User', user('jiaowu').id),
    // The teacher userDeactivate may deactivate: nobody else in the sweep needs them.
    spareUser: toGlobalId('User', user('t3kx').id),
    unit: unit.id,
    objective: unit.objectives[0].id,
    itemApproved: approved.id,
    itemSpare: spare.id,
    itemDraft: draft.id,
    itemToEdit: toEdit.id,
    itemSubmitted: toReview,
    itemToReturn: toReturn,
    assignPublished,
    assignDraft,
    assignUnpublish,
    assignUpdate,
    submissionToMark: toMark.id,
    submissionToCorrect: toCorrect.id,
    list: weeklyListSave.list.id,
  };
}

// ---------------------------------------------------------------------------------------------
// Base inputs, derived from the argument types.
// ---------------------------------------------------------------------------------------------

type Path = (string | number)[];
const OMIT = Symbol('omit');

/** An id field by name: its node type and which id of the school's state it names (per mutation). */
const ID_FIELDS: Record<string, [type: string, pick: (mutation: string) => keyof SchoolIds]> = {
  classId: ['Class', () => 'class'],
  subjectId: ['Subject', () => 'subject'],
  termId: ['Term', () => 'term'],
  groupId: ['ResearchGroup', () => 'group'],
  // The class's own head teacher: appointing them again changes nothing the sweep relies on.
  teacherId: ['User', () => 'headTeacher'],
  studentId: ['User', (m) => (m === 'studentDataDelete' ? 'deleteStudent' : 'student')],
  authorId: ['User', () => 'teacher'],
  // The academic office itself for userRolesSet (its base keeps the office role), a student for
  // userUpdate (class and 学籍号 are a student's), a spare teacher for userDeactivate.
  userId: ['User', (m) => (({ userUpdate: 'student', userDeactivate: 'spareUser' } as Record<string, keyof SchoolIds>)[m] ?? 'user')],
  leadId: ['User', () => 'teacher'],
  // researchGroupUpdate keeps the group's members as they are; a new group gets another teacher.
  memberIds: ['User', (m) => (m === 'researchGroupUpdate' ? 'member' : 'headTeacher')],
  unitId: ['Unit', () => 'unit'],
  objectiveId: ['UnitObjective', () => 'objective'],
  objectiveIds: ['UnitObjective', () => 'objective'],
  sourceItemId: ['BankItem', () => 'itemApproved'],
  itemId: ['BankItem', (m) => (({
    bankItemApprove: 'itemSubmitted', bankItemReturn: 'itemToReturn', bankItemSubmitForReview: 'itemDraft', bankItemUpdate: 'itemToEdit', bankItemRetire: 'itemSpare',
  } as Record<string, keyof SchoolIds>)[m] ?? 'itemApproved')],
  assignmentId: ['Assignment', (m) => (({
    assignmentPublish: 'assignDraft', assignmentUnpublish: 'assignUnpublish', assignmentUpdate: 'assignUpdate',
  } as Record<string, keyof SchoolIds>)[m] ?? 'assignPublished')],
  submissionId: ['Submission', (m) => (m === 'submissionCorrect' ? 'submissionToCorrect' : 'submissionToMark')],
  listId: ['WeeklyList', () => 'list'],
};

/** The node type an id field names; a guess from its name for fields this file does not know. */
function idTypeOf(field: string): string {
  if (ID_FIELDS[field]) return ID_FIELDS[field][0];
  const stem = field.replace(/Ids?$/, '');
  return stem ? stem[0].toUpperCase() + stem.slice(1) : 'Node';
}

function idValue(mutation: string, field: string, ids: SchoolIds): string {
  const known = ID_FIELDS[field];
  return known ? ids[known[1](mutation)] : toGlobalId(idTypeOf(field), randomUUID());
}

const CSV_HEADER = '单元,标题,题目内容,答案与评分标准,层级,形式,预估时长(分钟)\n';
const csvRow = (title: string | Buffer) => Buffer.concat([Buffer.from('分数的初步认识,'), Buffer.from(title), Buffer.from(',把一个蛋糕平均分成4份，每份是它的几分之一？,1/4,基础,书面,8\n')]);
const SAMPLE_CSV = Buffer.concat([Buffer.from(CSV_HEADER), csvRow('分蛋糕')]).toString('base64');

/**
 * The days of the calendar mutations, by the list they are in: calendarTermSet keeps the own
 * term's 2026-12-02 a holiday (as calendarDaySet left it) and makes a Saturday a school day;
 * calendarYearSet marks a year nothing else in the sweep uses.
 */
const CALENDAR_DAYS: Record<string, Record<string, string>> = {
  calendarTermSet: { holidays: '2026-12-02', makeUpSchoolDays: '2026-12-05' },
  calendarYearSet: { holidays: '2045-10-02', makeUpSchoolDays: '2045-09-30' },
};
const CALENDAR_YEAR = 2045;
/** termCreate adds terms from this academic year on, one a year (freshen and remember keep it free). */
let termYear = 2070;
/** Grades whose maths research group researchGroupCreate may add (set in beforeAll; freshen and remember keep it free). */
let freeGroupGrades: number[] = [];
const ownTerm = () => t.schools[0].terms[1];

/** A plausible string for a field, by its name (`within`: the field of the object it is in). */
function stringFor(mutation: string, field: string, index: number, within?: string): string {
  switch (field) {
    case 'date': return '2026-12-02';
    case 'day': return CALENDAR_DAYS[mutation]?.[within ?? ''] ?? '2026-12-02';
    case 'academicYear': return `${termYear}-${termYear + 1}`;
    // termUpdate's base keeps the own term's dates, which the sweep's state lies in.
    case 'startsOn': return mutation === 'termUpdate' ? ownTerm().startsOn : `${termYear}-09-01`;
    case 'endsOn': return mutation === 'termUpdate' ? ownTerm().endsOn : `${termYear + 1}-01-20`;
    case 'studentNo': return t.schools[0].users.find((u) => u.username === ACTOR_USERS.student)!.studentNo!;
    case 'weekStart': return '2026-11-30';
    case 'bedtime': return '21:30';
    case 'wakeUpTime': return '06:30';
    case 'latestPublishTime': return '17:30';
    case 'clientKey': return `bad-input-${randomUUID()}`;
    case 'choice': case 'mark': return 'A';
    case 'key': return String.fromCharCode(65 + index);
    case 'mimeType': return 'image/jpeg';
    case 'fileBase64': return SAMPLE_CSV;
    case 'schoolCode': return SMALL_SCHOOL.code;
    case 'username': return 'fuzz-nobody';
    case 'password': return 'wrong-password-1';
    case 'currentPassword': return passwords[ACTOR_USERS.pwUser];
    case 'newPassword': return `Fresh-passw0rd-${randomBytes(4).toString('hex')}`;
    case 'comment': case 'message': case 'reply': return '请再检查一下第二题的计算过程。';
    case 'answer': return '1/4';
    case 'volume': return '三年级上册';
    case 'name': return mutation.startsWith('submission') ? '作文.jpg' : mutation === 'subjectRename' ? '数学' : 'A 套餐';
    default: return '坏输入测试';
  }
}

function intFor(field: string): number {
  return ({
    grade: 3, sortOrder: 1, difficulty: 2, predictedMinutes: 8, actualMinutes: 10, sizeBytes: 1000, writtenCapMinutes: 30, calibrationThreshold: 30, selfStudyMinutes: 10,
    marginThreshold: 3, year: CALENDAR_YEAR, classNo: 9,
  } as Record<string, number>)[field] ?? 1;
}

/**
 * Enum values that make a valid input, by enum or by mutation.enum (the first value otherwise).
 * Always the GraphQL name: a variable names the value, whatever the service holds it as.
 */
const ENUM_BASE: Record<string, string> = {
  HomeworkForm: 'WRITTEN', Tier: 'BASIC', Provenance: 'CREATED', KnowledgeOrFun: 'KNOWLEDGE', ObjectiveKind: 'KNOWLEDGE',
  DayKind: 'SCHOOL_DAY', AssignmentShape: 'PACKAGES', SheetFormat: 'CSV', CalendarDayKind: 'HOLIDAY', PracticalOrHumanistic: 'PRACTICAL',
  PrescribedOrSelfChosen: 'PRESCRIBED', RoutineOrStage: 'ROUTINE',
  // userRolesSet names the academic office itself, which keeps its role; userCreate opens a parent's account.
  Role: 'ACADEMIC_OFFICE', 'userCreate.Role': 'PARENT', ParentRelation: 'FATHER',
};
/** Lists that need more than one element to be valid. */
const LIST_LENGTH: Record<string, number> = { options: 2 };
/**
 * Optional fields left out of the base input (they need a state the base does not have), by
 * name or by mutation.name: userCreate's base is a parent, who has no class or 学籍号.
 */
const NOT_IN_BASE = new Set(['sourceItemId', 'expectedRevision:optional', 'userCreate.classId', 'userCreate.studentNo']);
/** Argument values a mutation needs to leave the sweep's state usable. */
const ARG_BASE: Record<string, Record<string, unknown>> = {
  guardianConsentSet: { given: true },
};

function baseValue(mutation: string, type: GraphQLInputType, field: string, ids: SchoolIds, index = 0, within?: string): unknown {
  const required = isNonNullType(type);
  const inner = required ? type.ofType : type;
  if (!required && (NOT_IN_BASE.has(field === 'expectedRevision' ? 'expectedRevision:optional' : field) || NOT_IN_BASE.has(`${mutation}.${field}`))) return OMIT;
  if (ARG_BASE[mutation] && field in ARG_BASE[mutation]) return ARG_BASE[mutation][field];
  if (isListType(inner)) {
    return Array.from({ length: LIST_LENGTH[field] ?? 1 }, (_, i) => baseValue(mutation, inner.ofType, field, ids, i, within));
  }
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) {
      const v = baseValue(mutation, f.type, f.name, ids, index, field);
      if (v !== OMIT) value[f.name] = v;
    }
    return value;
  }
  if (isEnumType(inner)) return ENUM_BASE[`${mutation}.${inner.name}`] ?? ENUM_BASE[inner.name] ?? inner.getValues()[0].name;
  switch (inner.name) {
    case 'ID': return idValue(mutation, field, ids);
    case 'String': return stringFor(mutation, field, index, within);
    case 'Int': return intFor(field);
    case 'Float': return 1.5;
    case 'Boolean': return false;
    case 'DateTimeISO': case 'DateTime': return '2026-12-02T08:00:00.000Z';
    case 'Date': return '2026-12-02';
    case 'LocalDate': case 'Time': return stringFor(mutation, field, index, within);
    default: return 'x';
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile values.
// ---------------------------------------------------------------------------------------------

interface Hostile { label: string; value: unknown }
interface Variant { path: Path; label: string; value: unknown }

const DATE_FIELDS = /^(date|day|weekStart|from|to|startsOn|endsOn)$/;
const TIME_FIELDS = /^(bedtime|wakeUpTime|latestPublishTime)$/;
const MB = 'x'.repeat(1_000_000);
const K100 = '题'.repeat(100_000);

/**
 * Hostile strings that pass GraphQL's own checks and so reach validation and the services. The
 * first String (and ID) field of each mutation gets all of them; later ones the core set. Odd
 * characters go into the middle of the field's valid value, so length and format rules do not
 * stop them before the service.
 */
type StringMaker = [label: string, make: (valid: string) => string];
const inside = (odd: string) => (valid: string) => {
  const chars = [...(valid || 'abcdefghij')];
  const at = Math.min(2, chars.length);
  return [...chars.slice(0, at), odd, ...chars.slice(at)].join('');
};
const CORE_STRINGS: StringMaker[] = [
  ['empty string', () => ''],
  ['whitespace only', () => ' \t\n\u3000 '],
  ['100k chars', () => K100],
  ['NUL byte', inside('\u0000')],
  ['lone high surrogate', inside('\ud800')],
  ['zero-width joiner + RTL override', inside('\u202Eabc\u200D\u200B\u2066')],
  ['SQL', () => "'; DROP TABLE users; --"],
];
const MORE_STRINGS: StringMaker[] = [
  ['1 MB string', () => MB],
  ['lone low surrogate', inside('\udc00')],
  ['NUL only', () => '\u0000'],
  ['emoji ZWJ sequence', inside('👨‍👩‍👧‍👦🏳️‍🌈')],
  ['combining marks', inside('Z\u0351\u0352\u0353'.repeat(60))],
  ['full-width digits', () => '１２'],
  ['NaN', () => 'NaN'],
  ['control characters', inside('\u0001\u001b[31m\u007f\u2028')],
  ['markup', () => '<script>alert(1)</script>{{7*7}}${7*7}%s%n'],
];

/** Values that matter for particular fields, by name: dates, times, marks, files… */
function fieldSpecific(field: string): [string, string][] {
  const values: [string, string][] = [];
  if (DATE_FIELDS.test(field)) {
    values.push(['date 2026-02-30', '2026-02-30'], ['date 0000-00-00', '0000-00-00'], ['date 9999-12-31T99:99', '9999-12-31T99:99'],
      ['date 2026-13-01', '2026-13-01'], ['date +275760-09-13', '+275760-09-13'], ['date 9999-12-31', '9999-12-31'], ['date 0001-01-01', '0001-01-01'],
      ['date with full-width digits', '２０２６-１２-０２']);
  }
  if (TIME_FIELDS.test(field)) values.push(['time 24:00', '24:00'], ['time 25:61', '25:61'], ['time -1:00', '-1:00'], ['time 7:5', '7:5'], ['time 23:59:60', '23:59:60']);
  if (field === 'fileBase64') {
    values.push(
      ['not base64', '!!!% not base64 %!!!'],
      ['random bytes', randomBytes(2000).toString('base64')],
      ['CSV with invalid UTF-8 and NUL', Buffer.concat([Buffer.from('单元,标题\n'), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x0a])]).toString('base64')],
      ['CSV with a NUL in a title', Buffer.concat([Buffer.from(CSV_HEADER), csvRow('分\u0000蛋糕')]).toString('base64')],
      ['CSV with invalid UTF-8 in a title', Buffer.concat([Buffer.from(CSV_HEADER), csvRow(Buffer.from([0xe5, 0x88, 0xff, 0xc3, 0x28]))]).toString('base64')],
      ['CSV with a 100k-char title', Buffer.concat([Buffer.from(CSV_HEADER), csvRow(K100)]).toString('base64')],
      ['CSV formula injection', Buffer.from('单元,标题,题目内容,答案与评分标准,层级,形式,预估时长(分钟)\n=cmd|x,@SUM(1),+1,-1,基础,书面,99999999999\n').toString('base64')],
      ['CSV of 2001 rows', Buffer.from('单元,标题,题目内容,答案与评分标准,层级,形式,预估时长(分钟)\n' + 'a,b,c,d,基础,书面,8\n'.repeat(2001)).toString('base64')],
      ['XLSX that is no zip', Buffer.from('PK\u0003\u0004garbage').toString('base64')],
    );
  }
  if (field === 'mark' || field === 'choice' || field === 'key') values.push(['A++', 'A++'], ['full-width Ａ', 'Ａ'], ['lower a', 'a'], ['Z−', 'Z−'], ['B2', 'B2']);
  if (field === 'clientKey') values.push(['7 chars', 'abcdefg'], ['101 chars', 'k'.repeat(101)]);
  if (field === 'schoolCode') values.push(['other school code', OTHER_SCHOOL.code]);
  if (field === 'mimeType' || field === 'name') values.push(['path traversal', '../../etc/passwd'], ['CON', 'CON']);
  return values;
}

function hostileStrings(field: string, full: boolean, valid: unknown): Hostile[] {
  const base = typeof valid === 'string' ? valid : '';
  return [
    ...[...CORE_STRINGS, ...(full ? MORE_STRINGS : [])].map(([label, make]) => ({ label, value: make(base) })),
    ...fieldSpecific(field).map(([label, value]) => ({ label, value })),
  ];
}

function hostileIds(field: string, mutation: string, full: boolean): Hostile[] {
  const type = idTypeOf(field);
  const otherKey = ID_FIELDS[field]?.[1](mutation);
  const values: [string, unknown][] = [
    [`id of the wrong type (${type === 'User' ? 'Class' : 'User'})`, type === 'User' ? own.class : own.user],
    ['id of the other school', otherKey ? other[otherKey] : toGlobalId(type, randomUUID())],
    ['random uuid of the right type', toGlobalId(type, randomUUID())],
    ['malformed base64', '!!!%%%==='],
    ['right type, NUL in uuid', toGlobalId(type, `${randomUUID().slice(0, 8)}\u0000${randomUUID().slice(8)}`)],
    ['number for ID', 12345],
    ['empty string', ''],
  ];
  if (full) {
    values.push(
      ['plain uuid', randomUUID()],
      ['right type, SQL instead of uuid', toGlobalId(type, "1' OR '1'='1")],
      ['type with NUL', Buffer.from(`${type}\u0000:${randomUUID()}`).toString('base64url')],
      ['invalid UTF-8 bytes', Buffer.from([0xff, 0xfe, 0x3a, 0xc3, 0x28]).toString('base64url')],
      ['uppercase uuid', toGlobalId(type, randomUUID().toUpperCase())],
      ['100k chars', K100],
      ['1 MB string', MB],
      ['NUL byte', '\u0000'],
      ['lone high surrogate', '\ud800'],
    );
  }
  return values.map(([label, value]) => ({ label, value }));
}

const INT_EDGES: [string, unknown][] = [['-1', -1], ['0', 0], ['2^31-1', 2147483647], ['-2^31', -2147483648], ['1000000', 1_000_000]];
const FLOAT_EDGES: [string, unknown][] = [['-1', -1], ['0', 0], ['1e308', 1e308], ['-1e308', -1e308], ['5e-324', 5e-324], ['5.000000001', 5.000000001], ['2^53+1', 2 ** 53 + 1]];
/**
 * Values GraphQL itself refuses (type errors, Ints out of range). They never reach a resolver,
 * so each position gets one of its kind, in turn.
 */
const REFUSED_BY_GRAPHQL: Record<string, [string, unknown][]> = {
  String: [['number for string', 42], ['object for scalar', { a: 1 }], ['list of lists for scalar', [[1]]], ['boolean for string', true]],
  ID: [['float for ID', 1.5], ['object for scalar', { a: 1 }], ['boolean for ID', true]],
  Int: [['2^31', 2 ** 31], ['-2^31-1', -(2 ** 31) - 1], ['1e308', 1e308], ['float 1.5', 1.5], ['string "1"', '1'], ['full-width "１２"', '１２'], ['"NaN"', 'NaN']],
  Float: [['"Infinity"', 'Infinity'], ['"NaN"', 'NaN'], ['"1.5"', '1.5']],
  Boolean: [['string "true"', 'true'], ['number 1', 1], ['object', {}]],
  enum: [['enum NOT_A_VALUE', 'NOT_A_VALUE'], ['enum in lower case', '(lower)'], ['enum ""', ''], ['enum 0', 0]],
  object: [['string for object', 'x'], ['empty object', {}], ['unknown field', '(unknown)']],
  list: [['list of null', [null]], ['list of lists', [[]]]],
  other: [['object for scalar', { a: 1 }], ['list for scalar', [[1]]]],
};

interface Position { path: Path; type: GraphQLInputType; field: string }

/** Every position of the base input with its type, for fields present and optional ones left out. */
function positions(base: Record<string, unknown>, args: readonly GraphQLArgument[]): Position[] {
  const out: Position[] = [];
  const walk = (value: unknown, type: GraphQLInputType, path: Path, field: string) => {
    out.push({ path, type, field });
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner) && Array.isArray(value) && value.length) walk(value[0], inner.ofType, [...path, 0], field);
    if (isInputObjectType(inner) && value && typeof value === 'object') {
      for (const f of Object.values(inner.getFields())) walk((value as Record<string, unknown>)[f.name], f.type, [...path, f.name], f.name);
    }
  };
  for (const arg of args) walk(base[arg.name], arg.type, [arg.name], arg.name);
  return out;
}

/** The hostile values of one position; `fullSet` holds the kinds that already had their full set. */
function hostileFor(mutation: string, pos: Position, index: number, fullSet: Set<string>, base: unknown): Hostile[] {
  const required = isNonNullType(pos.type);
  const inner = (isNonNullType(pos.type) ? pos.type.ofType : pos.type) as GraphQLInputType;
  const out: Hostile[] = required ? [] : [{ label: 'null', value: null }, { label: 'left out', value: OMIT }];
  const kind = isListType(inner) ? 'list' : isInputObjectType(inner) ? 'object' : isEnumType(inner) ? 'enum' : REFUSED_BY_GRAPHQL[inner.name] ? inner.name : 'other';
  const refused = [...(required ? [['null for required', null] as [string, unknown]] : []), ...REFUSED_BY_GRAPHQL[kind]];
  let [label, value] = refused[index % refused.length];
  if (value === '(lower)' && isEnumType(inner)) value = inner.getValues()[0].name.toLowerCase();
  if (value === '(unknown)') value = { ...(base as object), notAField: 1 };
  out.push({ label, value });
  const full = !fullSet.has(kind);
  fullSet.add(kind);
  if (isListType(inner)) {
    const elementType = inner.ofType as GraphQLInputType;
    const element = baseValue(mutation, elementType, pos.field, own);
    // An element GraphQL refuses, 200 times: more errors than GraphQL collects for one request.
    const elementNamed = getNamedType(elementType);
    const refusedElement = isEnumType(elementNamed) ? 'NOT_A_VALUE' : isInputObjectType(elementNamed) ? 'x' : { a: 1 };
    out.push(
      { label: 'empty list', value: [] },
      { label: '200 elements', value: Array.from({ length: 200 }, (_, i) => baseValue(mutation, elementType, pos.field, own, i)) },
      { label: '200 elements GraphQL refuses (over its variable error limit)', value: Array.from({ length: 200 }, () => refusedElement) },
      { label: 'bare element for list', value: element },
      { label: 'duplicated element', value: [element, element] },
    );
  } else if (isScalarType(inner)) {
    switch (inner.name) {
      case 'ID': out.push(...hostileIds(pos.field, mutation, full)); break;
      case 'String': out.push(...hostileStrings(pos.field, full, base)); break;
      case 'Int': out.push(...INT_EDGES.map(([l, v]) => ({ label: l, value: v }))); break;
      case 'Float': out.push(...FLOAT_EDGES.map(([l, v]) => ({ label: l, value: v }))); break;
      case 'Boolean': break;
      default: // a custom scalar (dates and times, as far as this schema goes)
        out.push(...hostileStrings(pos.field, false, base));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sending, and what counts as an offence.
// ---------------------------------------------------------------------------------------------

interface Offender { mutation: string; actor: string; via: string; path: string; label: string; status: number | string; code?: string; message: string; cause?: string }
const offenders: Offender[] = [];
const notes: string[] = [];
let requestCount = 0;
const baseOutcomes: Record<string, string> = {};
let counter = 0;

interface Sent { status: number; body: any; transportError?: string }

async function send(query: string, variables: Record<string, unknown>, token: string | undefined): Promise<Sent> {
  requestCount++;
  try {
    const res = await fetch(`${sweepUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = { raw: text.slice(0, 200) };
    }
    return { status: res.status, body };
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, body: {}, transportError: `${(e as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}` };
  }
}

function causeOf(lines: string[]): string | undefined {
  const entries = lines.map((l) => { try { return JSON.parse(l); } catch { return { msg: l }; } });
  const found = entries.find((e) => e.level === 'error') ?? entries[0];
  if (!found) return undefined;
  const err = found.error ?? {};
  const frames = String(err.stack ?? '').split('\n').filter((s: string) => /^\s+at /.test(s));
  // The service's own frames first (typeorm's source maps also point into a src/ folder).
  const frame = (frames.find((s) => /\/src\/(modules|core|app\.ts|schema\.ts)/.test(s)) ?? frames[0])?.trim();
  return `${found.msg}: ${err.name ?? ''} ${err.message ?? ''}${frame ? ` ${frame}` : ''}`.trim();
}

/** Sends one request as `actor` and records it when the answer is a 5xx or an INTERNAL_SERVER_ERROR. */
async function probe(actor: ActorName, query: string, variables: Record<string, unknown>, where: Omit<Offender, 'actor' | 'status' | 'message' | 'cause' | 'code'>): Promise<Sent> {
  const logFrom = serverLog.length;
  let sent = await send(query, variables, tokens[actor]);
  if (actor !== 'anonymous' && sent.body?.errors?.some((e: any) => e.extensions?.code === 'UNAUTHENTICATED' && /revoked|失效/.test(e.message))) {
    notes.push(`${where.mutation} (${where.label}) revoked the token of ${actor}; signed in again`);
    tokens[actor] = await signIn(actor);
    sent = await send(query, variables, tokens[actor]);
  }
  const errors: any[] = sent.body?.errors ?? [];
  const internal = errors.filter((e) => e?.extensions?.code === 'INTERNAL_SERVER_ERROR' || !e?.extensions?.code);
  if (sent.status >= 500 || internal.length) {
    offenders.push({
      ...where, actor, status: sent.status,
      code: internal[0]?.extensions?.code ?? '(none)',
      message: internal[0]?.message ?? JSON.stringify(sent.body).slice(0, 200),
      cause: causeOf(serverLog.slice(logFrom)),
    });
  } else if (sent.transportError) {
    notes.push(`${where.mutation} ${where.path} ${where.label} as ${actor}: no HTTP answer — ${sent.transportError}`);
  }
  return sent;
}

async function signIn(actor: ActorName): Promise<string> {
  const username = ACTOR_USERS[actor as Exclude<ActorName, 'anonymous'>];
  const data = await t.ok(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
    input: { schoolCode: SMALL_SCHOOL.code, username, password: passwords[username] },
  });
  return data.login.token;
}

/** A selection of every argument-free leaf of the payload and of the objects it holds. */
function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return isLeafType(named) ? '' : '{ __typename }';
  const parts = ['__typename'];
  for (const f of Object.values(named.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const fieldType = getNamedType(f.type);
    if (isLeafType(fieldType)) parts.push(f.name);
    else if (depth > 0 && isObjectType(fieldType)) parts.push(`${f.name} ${selection(f.type, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** A GraphQL literal of `value` as `type` (enum names bare when they look like names). */
function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return Array.isArray(value) ? `[${value.map((v) => literal(v, inner.ofType)).join(', ')}]` : literal(value, inner.ofType);
  if (isInputObjectType(inner) && typeof value === 'object' && !Array.isArray(value)) {
    const fields = inner.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? inner)}`).join(', ')} }`;
  }
  if (isEnumType(inner) && typeof value === 'string' && /^[_A-Za-z]\w*$/.test(value)) return value;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(JSON.stringify(value));
  return String(value);
}

const clone = <T>(v: T): T => (v === undefined || typeof v === 'symbol' ? v : structuredClone(v));
const get = (obj: any, path: Path): any => path.reduce((o, k) => (o == null ? undefined : o[k]), obj);
function setPath(obj: any, path: Path, value: unknown): void {
  const parent = get(obj, path.slice(0, -1));
  if (parent == null || typeof parent !== 'object') return;
  const key = path[path.length - 1];
  if (value === OMIT) delete parent[key];
  else parent[key] = value;
}
const under = (path: Path, fuzzed: Path | null) => !!fuzzed && fuzzed.length <= path.length && fuzzed.every((k, i) => path[i] === k);
const touches = (path: Path, fuzzed: Path | null) => !!fuzzed && (under(path, fuzzed) || under(fuzzed, path));

// Days from 2030 and Mondays from 2031 on: no setup or earlier request used them.
const freshDay = () => { const d = new Date(Date.UTC(2030, 0, 7) + counter++ * 86_400_000); return d.toISOString().slice(0, 10); };
const freshMonday = () => { const d = new Date(Date.UTC(2031, 0, 6) + counter++ * 7 * 86_400_000); return d.toISOString().slice(0, 10); };

let nodeRevisionQuery = '';
/** Revisions looked up since the last mutation that changed something. */
const revisions = new Map<string, number | null>();

/**
 * Brings the parts of a request the fuzzing does not touch up to date with the state, so the
 * hostile part is what the service meets: the current revision of the named node, a new
 * clientKey, a free day or week for creations, the current password.
 */
async function freshen(mutation: string, actor: ActorName, args: Record<string, any>, fuzzed: Path | null): Promise<void> {
  const visit = async (value: any, path: Path): Promise<void> => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) await visit(value[i], [...path, i]);
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const key of Object.keys(value)) await visit(value[key], [...path, key]);
    const at = (key: string) => [...path, key];
    if (typeof value.clientKey === 'string' && !touches(at('clientKey'), fuzzed)) value.clientKey = `bad-input-${randomUUID()}`;
    if ('expectedRevision' in value && !touches(at('expectedRevision'), fuzzed)) {
      const idKey = Object.keys(value).find((k) => /Id$/.test(k) && typeof value[k] === 'string');
      if (idKey && !touches(at(idKey), fuzzed)) {
        const key = `${actor} ${value[idKey]}`;
        if (!revisions.has(key)) {
          const sent = await probe(actor, nodeRevisionQuery, { id: value[idKey] }, { mutation, via: 'revision lookup', path: idKey, label: 'current revision' });
          const revision = sent.body?.data?.node?.revision;
          revisions.set(key, typeof revision === 'number' ? revision : null);
        }
        const revision = revisions.get(key);
        if (typeof revision === 'number') value.expectedRevision = revision;
      }
    }
  };
  await visit(args, []);
  const input = args.input;
  if (mutation === 'assignmentCreate' && input && !touches(['input', 'date'], fuzzed)) input.date = freshDay();
  if (mutation === 'unitCreate' && input && !touches(['input', 'sortOrder'], fuzzed)) input.sortOrder = 10 + (counter++ % 89);
  if (mutation === 'termCreate' && input) {
    // A term of its own academic year, overlapping no other.
    if (!touches(['input', 'academicYear'], fuzzed)) input.academicYear = `${termYear}-${termYear + 1}`;
    if (!touches(['input', 'startsOn'], fuzzed)) input.startsOn = `${termYear}-09-01`;
    if (!touches(['input', 'endsOn'], fuzzed)) input.endsOn = `${termYear + 1}-01-20`;
  }
  if (mutation === 'researchGroupCreate' && input && freeGroupGrades.length && !touches(['input', 'grade'], fuzzed)) input.grade = freeGroupGrades[0];
  if (mutation === 'userCreate' && input && !touches(['input', 'username'], fuzzed)) input.username = `fuzz-${randomUUID().slice(0, 8)}`;
  if (mutation === 'weeklyListSave' && input && !touches(['input', 'weekStart'], fuzzed)) {
    input.weekStart = freshMonday();
    for (const [i, e] of (Array.isArray(input.entries) ? input.entries : []).entries()) {
      if (e && typeof e === 'object' && !touches(['input', 'entries', i, 'day'], fuzzed)) e.day = input.weekStart;
    }
  }
  if (mutation === 'passwordChange' && input && !touches(['input', 'currentPassword'], fuzzed)) input.currentPassword = passwords[ACTOR_USERS.pwUser];
  if (mutation === 'recordSheetFill' && input && typeof input.date === 'string' && !touches(['input', 'expectedRevision'], fuzzed) && !touches(['input', 'date'], fuzzed)) {
    const sent = await probe(actor, `query($d: LocalDate!) { recordSheet(date: $d) { revision } }`, { d: input.date }, { mutation, via: 'revision lookup', path: 'date', label: 'current revision' });
    const revision = sent.body?.data?.recordSheet?.revision;
    if (typeof revision === 'number' && revision >= 1) input.expectedRevision = revision;
  }
  if (mutation === 'loadPolicySet' && input && !touches(['input', 'expectedRevision'], fuzzed)) {
    const sent = await probe(actor, `{ loadCaps { grade dayKind revision } }`, {}, { mutation, via: 'revision lookup', path: '', label: 'current revision' });
    const cap = (sent.body?.data?.loadCaps ?? []).find((c: any) => c.grade === input.grade && c.dayKind === input.dayKind);
    if (typeof cap?.revision === 'number') input.expectedRevision = cap.revision;
  }
}

/**
 * After a successful password change the dedicated user's new password and token hold; after a
 * new term or research group, its year or grade is taken.
 */
function remember(mutation: string, actor: ActorName, args: Record<string, any>, sent: Sent): void {
  const payload = sent.body?.data?.[mutation];
  if (mutation === 'termCreate' && payload?.term) termYear++;
  if (mutation === 'researchGroupCreate' && payload?.researchGroup) freeGroupGrades = freeGroupGrades.filter((g) => g !== args.input?.grade);
  const token = payload?.token;
  if (mutation === 'passwordChange' && typeof token === 'string') {
    passwords[ACTOR_USERS[actor as Exclude<ActorName, 'anonymous'>]] = args.input.newPassword;
    tokens[actor] = token;
  }
}

interface MutationPlan { name: string; args: readonly GraphQLArgument[]; document: string; returns: GraphQLOutputType }

async function run(plan: MutationPlan, actor: ActorName, base: Record<string, unknown>, variant: Variant | null, via = 'variables'): Promise<Sent> {
  const startedAt = Date.now();
  const args = clone(base) as Record<string, any>;
  if (variant) setPath(args, variant.path, clone(variant.value));
  await freshen(plan.name, actor, args, variant?.path ?? null);
  const where = { mutation: plan.name, via, path: variant ? variant.path.join('.') : '(base)', label: variant?.label ?? 'valid-shaped base input' };
  const before = lastOwnState ?? (await ownState());
  let sent: Sent;
  if (via === 'inline') {
    const argText = plan.args.filter((a) => a.name in args).map((a) => `${a.name}: ${literal(args[a.name], a.type)}`).join(', ');
    sent = await probe(actor, `mutation BadInputInline { ${plan.name}${argText ? `(${argText})` : ''} ${selection(plan.returns, 1)} }`, {}, where);
  } else {
    sent = await probe(actor, plan.document, args, where);
  }
  remember(plan.name, actor, args, sent);
  // A refusal changes nothing of the school (the access log aside); a success may. A 4xx was
  // refused before anything ran (parse, validation, variable coercion, limits): no need to look.
  if (sent.status >= 400 && sent.status < 500) lastOwnState = before;
  else lastOwnState = await ownState();
  if (refused(plan.name, sent)) {
    const changed = Object.keys(lastOwnState).filter((table) => lastOwnState![table] !== before[table]);
    if (changed.length) {
      offenders.push({ ...where, actor, status: sent.status, code: 'REFUSED_BUT_CHANGED', message: `refused (${answerKind(sent)}) yet changed ${changed.join(', ')}` });
    }
  } else {
    revisions.clear();
  }
  codes.set(answerKind(sent), (codes.get(answerKind(sent)) ?? 0) + 1);
  for (const key of [`label ${where.label}`, `mutation ${plan.name}`]) timings.set(key, (timings.get(key) ?? 0) + Date.now() - startedAt);
  return sent;
}

/** Whether the mutation was refused: a request error, an error on the mutation's field itself, or userErrors. */
function refused(mutation: string, sent: Sent): boolean {
  const payload = sent.body?.data?.[mutation];
  return !!sent.transportError || sent.status >= 400 || payload == null
    || (sent.body?.errors ?? []).some((e: any) => !e.path || e.path.length <= 1)
    || !!payload?.userErrors?.length;
}

const codes = new Map<string, number>();
const timings = new Map<string, number>();
const answerKind = (sent: Sent) =>
  sent.transportError ? 'no answer' : sent.body?.errors?.length ? `${sent.status} ${sent.body.errors.map((e: any) => e.extensions?.code).join('+')}`
    : sent.body?.data && Object.values(sent.body.data).some((p: any) => p?.userErrors?.length) ? `${sent.status} userErrors` : `${sent.status} success`;

const summary = (sent: Sent) =>
  sent.transportError ? `no answer (${sent.transportError})` : sent.body?.errors?.length
    ? `${sent.status} ${sent.body.errors.map((e: any) => `${e.extensions?.code}: ${String(e.message).slice(0, 120)}`).join(' | ')}`
    : `${sent.status} ${JSON.stringify(Object.values(sent.body?.data ?? {}).map((p: any) => p?.userErrors?.length ? { userErrors: p.userErrors.map((e: any) => `${e.code}: ${e.message}`) } : 'ok'))}`;

// ---------------------------------------------------------------------------------------------
// Snapshots.
// ---------------------------------------------------------------------------------------------

/** Tables holding a school's rows: every table of the schema with a school_id column. */
const tenantTables = () => tenantTablesOf(t.db.dataSource);

/** Runs `work` as the owner with the school's id set, so forced row-level security shows its rows. */
const asSchool = <T>(schoolId: string, work: (q: Query) => Promise<T>): Promise<T> => asSchoolOn(t.db.dataSource, schoolId, work);

let ownStateSql = '';
let lastOwnState: Record<string, string> | null = null;

/** A checksum per table of the own school's rows, but for the access log (reads are logged too). */
async function ownState(): Promise<Record<string, string>> {
  const schoolId = t.schools[0].schoolId;
  if (!ownStateSql) {
    ownStateSql = (await tenantTables()).filter((table) => table !== 'access_log')
      .map((table) => `SELECT '${table}' AS t, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS sum FROM "${table}" x WHERE school_id = $1`)
      .join(' UNION ALL ');
  }
  const rows: { t: string; sum: string }[] = await asSchool(schoolId, (q) => q(ownStateSql, [schoolId]));
  return Object.fromEntries(rows.map((r) => [r.t, r.sum]));
}

/** A checksum per table of the school's rows, read as the school. */
const checksums = (schoolId: string) => schoolSnapshot(t.db.dataSource, schoolId);

// ---------------------------------------------------------------------------------------------

let otherBefore: Record<string, string>;
let sweepMs = 0;

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL, OTHER_SCHOOL]);
  schema = await getSchema();
  // The same service on the same database, with a logger that keeps unexpected errors.
  sweepApp = await createApp(t.config, { ...t.db, close: async () => undefined }, new Logger('error', {}, (line) => serverLog.push(line)));
  // Recalibrating between a refused mutation's before and after would look like a change it made.
  await sweepApp.calibrations.stop();
  sweepUrl = await sweepApp.listen(0, '127.0.0.1');

  own = await prepareSchool(0);
  other = await prepareSchool(1);
  freeGroupGrades = gradesOf(t.schools[0].spec.stage).filter(
    (grade) => !t.schools[0].groups.some((g) => g.grade === grade && toGlobalId('Subject', g.subjectId) === own.subject),
  );
  for (const u of t.schools[0].users) passwords[u.username] = DEMO_PASSWORDS[u.password];
  for (const actor of Object.keys(ACTOR_USERS) as Exclude<ActorName, 'anonymous'>[]) tokens[actor] = await signIn(actor);

  const revisionTypes = Object.values(schema.getTypeMap()).filter(
    (type) => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node') && 'revision' in type.getFields(),
  );
  nodeRevisionQuery = `query($id: ID!) { node(id: $id) { ${revisionTypes.map((type) => `... on ${type.name} { revision }`).join(' ')} } }`;

  otherBefore = await checksums(t.schools[1].schoolId);

  const mutationType = schema.getMutationType()!;
  const plans: MutationPlan[] = Object.values(mutationType.getFields())
    .sort((a, b) => LAST.indexOf(a.name) - LAST.indexOf(b.name) || a.name.localeCompare(b.name))
    .map((field) => {
      const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      return {
        name: field.name,
        args: field.args,
        returns: field.type,
        document: `mutation BadInput${defs ? `(${defs})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selection(field.type, 1)} }`,
      };
    });

  const started = Date.now();
  let oversizedBodySent = false;
  for (const plan of plans) {
    const primary = PRIMARY_ACTOR[plan.name] ?? 'office';
    const base: Record<string, unknown> = {};
    for (const arg of plan.args) {
      const v = baseValue(plan.name, arg.type, arg.name, own);
      if (v !== OMIT) base[arg.name] = v;
    }
    baseOutcomes[plan.name] = summary(await run(plan, primary, base, null));

    const variants: Variant[] = [];
    const fullSet = new Set<string>();
    positions(base, plan.args).forEach((pos, i) => {
      for (const h of hostileFor(plan.name, pos, i, fullSet, get(base, pos.path))) variants.push({ path: pos.path, ...h });
    });
    for (const v of variants) await run(plan, primary, base, v);

    // One body over the 1 MiB limit: refused with 413 (or the connection closed), never a 5xx.
    const firstStringVariant = variants.find((v) => v.value === MB);
    if (!oversizedBodySent && firstStringVariant) {
      oversizedBodySent = true;
      await run(plan, primary, base, { ...firstStringVariant, label: 'body over 1 MiB', value: 'x'.repeat(1_100_000) });
    }

    // A few, inline in the document: the base, NUL and lone-surrogate escapes, an Int out of range, a document over the size limit.
    await run(plan, primary, base, null, 'inline');
    const nul = variants.find((v) => v.label === 'NUL byte');
    const lone = variants.find((v) => v.label === 'lone high surrogate' && v.path === nul?.path);
    const firstIntPath = variants.find((v) => v.label === '2^31-1')?.path;
    if (nul) {
      await run(plan, primary, base, { ...nul, label: 'NUL escape' }, 'inline');
      if (lone) await run(plan, primary, base, { ...lone, label: 'lone surrogate escape' }, 'inline');
      await run(plan, primary, base, { path: nul.path, label: '30k chars inline (document limit)', value: 'y'.repeat(30_000) }, 'inline');
    }
    if (firstIntPath) await run(plan, primary, base, { path: firstIntPath, label: '99999999999 inline', value: 99999999999 }, 'inline');

    // Other roles: the base input and a few hostile ones.
    if (!ONLY_PRIMARY.has(plan.name)) {
      const sample = [variants.find((v) => v.label === 'id of the other school') ?? variants.find((v) => v.label === 'SQL') ?? variants[0]]
        .filter((v): v is Variant => !!v);
      for (const actor of OTHER_ACTORS.filter((a) => a !== primary)) {
        await run(plan, actor, base, null);
        for (const v of sample) await run(plan, actor, base, v);
      }
    }
  }
  sweepMs = Date.now() - started;
  if (process.env.BAD_INPUT_VERBOSE) {
    console.log(
      `bad-input sweep: ${plans.length} mutations, ${requestCount} requests in ${(sweepMs / 1000).toFixed(1)} s\n` +
      Object.entries(baseOutcomes).map(([m, s]) => `  ${m}: ${s}`).join('\n') + '\n' + notes.map((n) => `  note: ${n}`).join('\n') +
      `\n  slowest: ${[...timings].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, ms]) => `${k} ${ms} ms`).join(', ')}` +
      `\n  answers: ${[...codes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(', ')}`,
    );
  }
});

afterAll(async () => {
  await sweepApp?.close();
  await t?.stop();
});

describe('bad-input sweep over every mutation', () => {
  it('no hostile input gets a 5xx or an INTERNAL_SERVER_ERROR', () => {
    const seen = new Set<string>();
    const distinct = offenders.filter((o) => {
      const key = `${o.mutation} ${o.path} ${o.label} ${o.cause ?? o.message}`;
      return !seen.has(key) && !!seen.add(key);
    });
    expect(distinct.map((o) => `${o.mutation} [${o.via}, as ${o.actor}] ${o.path} = ${o.label} → ${o.status} ${o.code}: ${o.message}${o.cause ? ` — cause: ${o.cause}` : ''}`)).toEqual([]);
  });

  it('the base input of every mutation is well-formed (so the sweep reaches the services)', () => {
    const malformed = Object.entries(baseOutcomes).filter(([, s]) => /GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED|Variable "\$/.test(s));
    expect(malformed).toEqual([]);
  });

  it('nothing of the other school changed', async () => {
    for (const table of ['assignments', 'bank_items', 'submissions', 'units', 'users', 'weekly_lists']) {
      expect(otherBefore[table]).not.toMatch(/^0 rows/); // the snapshot holds what the sweep aimed at
    }
    expect(await checksums(t.schools[1].schoolId)).toEqual(otherBefore);
  });

  it('no NUL byte and no U+FFFD (what lone surrogates and invalid UTF-8 turn into) got stored', async () => {
    const schoolId = t.schools[0].schoolId;
    const columns: { table_name: string; column_name: string }[] = await t.db.dataSource.query(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
        WHERE c.table_schema = current_schema() AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
          AND EXISTS (SELECT 1 FROM information_schema.columns s WHERE s.table_schema = c.table_schema AND s.table_name = c.table_name AND s.column_name = 'school_id')
        ORDER BY 1, 2`,
    );
    const found = await asSchool(schoolId, async (q) => {
      const hits: string[] = [];
      for (const { table_name: table, column_name: column } of columns) {
        const [row] = await q(
          `SELECT count(*)::int AS n FROM "${table}" WHERE school_id = $1 AND (strpos("${column}"::text, chr(65533)) > 0 OR strpos("${column}"::text, '\\u0000') > 0)`,
          [schoolId],
        );
        if (row.n) hits.push(`${table}.${column}: ${row.n} rows`);
      }
      return hits;
    });
    expect(found).toEqual([]);
  });
});
