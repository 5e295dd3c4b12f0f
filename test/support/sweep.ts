import { randomBytes, randomUUID } from 'node:crypto';
import { GraphQLArgument, GraphQLInputType, GraphQLOutputType, GraphQLSchema, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType } from 'graphql';
import { App, createApp } from '../../src/app';
import { toGlobalId } from '../../src/core/ids';
import { Logger } from '../../src/core/logger';
import { gradesOf } from '../../src/modules/school/school.policy';
import { getSchema } from '../../src/schema';
import { DEMO_PASSWORDS } from '../../seeds/demo';
import { graphql } from '../graphql';
import type { BankItemCreateInput } from '../graphql/graphql';
import { packages } from './assignments';
import { OTHER_SCHOOL, SMALL_SCHOOL } from './fixtures';
import { asSchool as asSchoolOn, Query, schoolSnapshot, tenantTables as tenantTablesOf } from './snapshot';
import {
  ARG_BASE, CALENDAR_DAYS, causeOf, clone, ENUM_BASE, FLOAT_EDGES, get, Hostile, hostileIds, hostileStrings, idValue, INT_EDGES, intFor,
  LIST_LENGTH, literal, MB, NOT_IN_BASE, OMIT, Path, Position, positions, REFUSED_BY_GRAPHQL, SAMPLE_CSV, SchoolIds, selection, setPath, touches, Variant,
} from './sweep-values';
import { TestApp } from './test-app';

/**
 * The bad-input sweep (issue 7): every mutation of the served schema — found by walking the
 * schema, so a new mutation is covered without touching any test — gets a valid-shaped input
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
 * The mutations are swept in groups, one test file each (test/e2e/bad-input-<group>.test.ts
 * calls `sweepMutations('<group>')`), so that the groups run side by side, each on its own copy
 * of the seeded database. SWEEP_GROUPS names each group's mutations; the group `rest` sweeps
 * every served mutation no group names, so a new mutation is swept before anyone files it.
 *
 * The requests go to a second App on the TestApp's database whose logger captures unexpected
 * errors, so each offender carries the server-side cause. BAD_INPUT_VERBOSE=1 prints how each
 * mutation's base input was answered, the answers by code and the slowest variants.
 */

/** The mutations of each group, by module. Anything served and not named here is swept by `rest`. */
export const SWEEP_GROUPS = {
  /** The bank (units, objectives, items, imports) and the research groups' weekly lists. */
  bank: [
    'bankImport', 'bankItemApprove', 'bankItemCreate', 'bankItemImagesSet', 'bankItemRetire', 'bankItemReturn', 'bankItemSubmitForReview',
    'bankItemSuitedGradesSet', 'bankItemUpdate', 'unitCreate', 'unitObjectiveAdd', 'unitObjectiveUpdate', 'unitUpdate',
    'weeklyListApprove', 'weeklyListDeadlineSet', 'weeklyListFile', 'weeklyListReturn', 'weeklyListSave',
  ],
  /** Assignments, groups of students and tier suggestions, hand-ins, marking and annotated files. */
  assignment: [
    'assignmentChoose', 'assignmentCreate', 'assignmentPublish', 'assignmentUnpublish', 'assignmentUpdate',
    'fileAnnotate', 'studentGroupCreate', 'studentGroupDelete', 'studentGroupRename', 'studentGroupSetMembers',
    'submissionCorrect', 'submissionCreate', 'submissionMark', 'submissionPeerComment', 'tierSuggest',
  ],
  /** Record sheets, load policy and subject budgets, and what parents do: consent, binding, registration. */
  family: [
    'guardianConsentSet', 'loadPolicySet', 'parentBindingDecide', 'parentBindingRequest', 'parentRegister', 'subjectBudgetRelease', 'subjectBudgetsSet',
    'recordSheetFill', 'recordSheetMessageAdd', 'recordSheetMessageAnswer', 'recordSheetParentBedtime', 'recordSheetParentMessage', 'recordSheetRead',
  ],
  /** The school's structure: calendar, terms, classes, subjects, research groups. */
  school: [
    'calendarDayRemove', 'calendarDaySet', 'calendarTermSet', 'calendarYearSet', 'classCreate', 'classHeadTeacherSet',
    'researchGroupCreate', 'researchGroupUpdate', 'subjectCreate', 'subjectRename', 'teachingAssignmentCreate', 'termCreate', 'termUpdate',
  ],
  /** The school's people and settings: accounts, slips, roster, join codes, settings, the year's rollover. */
  people: [
    'accountSlipsIssue', 'classJoinCodeRegenerate', 'rosterImport', 'schoolSettingsUpdate', 'schoolYearRollover',
    'userCreate', 'userDeactivate', 'userRolesSet', 'userUpdate',
  ],
} as const satisfies Record<string, readonly string[]>;

/** A group of SWEEP_GROUPS, or `rest`: every served mutation no group names (sign-in, passwords, deletion, and anything new). */
export type SweepGroup = keyof typeof SWEEP_GROUPS | 'rest';

/** The mutations of `group` among those `served`, in the order they are sent. */
export function mutationsOf(group: SweepGroup, served: string[]): string[] {
  const named = new Set<string>(Object.values(SWEEP_GROUPS).flat());
  const mine = group === 'rest' ? served.filter((m) => !named.has(m)) : served.filter((m) => (SWEEP_GROUPS[group] as readonly string[]).includes(m));
  return mine.sort((a, b) => LAST.indexOf(a) - LAST.indexOf(b) || a.localeCompare(b));
}

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

interface Offender { mutation: string; actor: string; via: string; path: string; label: string; status: number | string; code?: string; message: string; cause?: string }
/** An error of an answer, as far as the sweep reads it. */
interface AnswerError { message?: string; path?: readonly (string | number)[]; extensions?: { code?: string } }
/** An object of an answer (a mutation's payload, a node), read field by field. */
interface Payload { [field: string]: unknown; userErrors?: { code?: string; message?: string }[] }
/**
 * What the service answered. A hostile request may get anything back, so the sweep reads the
 * answer as this shape, every part optional, and checks each value before it uses it.
 */
interface Answer { data?: Record<string, unknown> | null; errors?: AnswerError[]; raw?: string }
interface Sent { status: number; body: Answer; transportError?: string }

const isPayload = (value: unknown): value is Payload => !!value && typeof value === 'object' && !Array.isArray(value);
/** The object the answer holds at its top-level field `field`, if it is one. */
const payloadOf = (sent: Sent, field: string): Payload | undefined => {
  const value = sent.body.data?.[field];
  return isPayload(value) ? value : undefined;
};
interface MutationPlan { name: string; args: readonly GraphQLArgument[]; document: string; returns: GraphQLOutputType }

/** The string of a field this sweep knows nothing about. */
const UNKNOWN_FIELD = '坏输入测试';

/** The operations that prepare each school's state (typed: generated by `npm run codegen:test`). */
const SETUP = {
  unitCreate: graphql(`mutation SweepUnitCreate($input: UnitCreateInput!) { unitCreate(input: $input) { unit { id objectives { id } } userErrors { code message } } }`),
  itemCreate: graphql(`mutation SweepItemCreate($input: BankItemCreateInput!) { bankItemCreate(input: $input) { item { id revision } userErrors { code message } } }`),
  itemSubmit: graphql(`mutation SweepItemSubmit($input: BankItemStepInput!) { bankItemSubmitForReview(input: $input) { item { id revision } userErrors { code message } } }`),
  itemApprove: graphql(`mutation SweepItemApprove($input: BankItemStepInput!) { bankItemApprove(input: $input) { item { id revision } userErrors { code message } } }`),
  assignmentCreate: graphql(`mutation SweepAssignmentCreate($input: AssignmentCreateInput!) {
    assignmentCreate(input: $input) { assignment { id revision } userErrors { code message } } }`),
  assignmentPublish: graphql(`mutation SweepAssignmentPublish($input: AssignmentStepInput!) {
    assignmentPublish(input: $input) { assignment { id } userErrors { code message } } }`),
  submissionCreate: graphql(`mutation SweepSubmissionCreate($input: SubmissionCreateInput!) {
    submissionCreate(input: $input) { submission { id revision } userErrors { code message } } }`),
  submissionMark: graphql(`mutation SweepSubmissionMark($input: SubmissionMarkInput!) { submissionMark(input: $input) { userErrors { code message } } }`),
  weeklyListSave: graphql(`mutation SweepWeeklyListSave($input: WeeklyListSaveInput!) { weeklyListSave(input: $input) { list { id } userErrors { code message } } }`),
  login: graphql(`mutation SweepLogin($input: LoginInput!) { login(input: $input) { token } }`),
};

/**
 * Sweeps the mutations of `group` (see SWEEP_GROUPS): starts the service on a copy of the seeded
 * database with two schools, prepares state in both, sends every request in beforeAll and
 * declares the tests that judge the answers. One call per test file.
 */
export function sweepMutations(group: SweepGroup): void {
  let t: TestApp;
  let sweepApp: App;
  let sweepUrl: string;
  let schema: GraphQLSchema;
  const serverLog: string[] = [];

  let own: SchoolIds;
  let other: SchoolIds;
  const tokens: Partial<Record<ActorName, string>> = {};
  const passwords: Record<string, string> = {};

  /** termCreate adds terms from this academic year on, one a year (freshen and remember keep it free). */
  let termYear = 2070;
  /** Grades whose maths research group researchGroupCreate may add (set in beforeAll; freshen and remember keep it free). */
  let freeGroupGrades: number[] = [];
  const ownTerm = () => t.schools[0].terms[1];

  const offenders: Offender[] = [];
  const notes: string[] = [];
  let requestCount = 0;
  const baseOutcomes: Record<string, string> = {};
  let counter = 0;

  let nodeRevisionQuery = '';
  /** Revisions looked up since the last mutation that changed something. */
  const revisions = new Map<string, number | null>();

  let ownStateSql = '';
  let lastOwnState: Record<string, string> | null = null;
  let otherBefore: Record<string, string>;
  /** The names of every mutation the schema serves. */
  let served: string[] = [];
  let sweepMs = 0;

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

    const { unitCreate } = await t.op(SETUP.unitCreate, {
      input: {
        subjectId, grade: 3, termId: toGlobalId('Term', school.terms[1].id), volume: '三年级上册', sortOrder: 8, title: '分数的初步认识',
        objectives: [{ kind: 'KNOWLEDGE', description: '认识几分之一和几分之几' }],
      },
    }, lead);
    expect(unitCreate.userErrors).toEqual([]);
    const unit = unitCreate.unit!;
    const content: BankItemCreateInput = {
      unitId: unit.id, objectiveIds: [unit.objectives[0].id], title: '分数的意义',
      body: '用涂色的方法表示下面每个图形的 1/2，并说一说你是怎么想的。', answerGuide: '涂色部分占整体的一半即可；能说清"平均分"得满分。',
      tier: 'BASIC', form: 'WRITTEN', predictedMinutes: 8, difficulty: 2, routineOrStage: 'ROUTINE', prescribedOrSelfChosen: 'PRESCRIBED',
      knowledgeOrFun: 'KNOWLEDGE', practicalOrHumanistic: 'PRACTICAL', provenance: 'CREATED',
    };
    const create = async (title: string) => {
      const { bankItemCreate } = await t.op(SETUP.itemCreate, { input: { ...content, title } }, lead);
      expect(bankItemCreate.userErrors).toEqual([]);
      return bankItemCreate.item!;
    };
    const submit = async (title: string) => {
      const created = await create(title);
      const { bankItemSubmitForReview } = await t.op(SETUP.itemSubmit, { input: { itemId: created.id, expectedRevision: created.revision } }, lead);
      expect(bankItemSubmitForReview.userErrors).toEqual([]);
      return bankItemSubmitForReview.item!;
    };
    const approve = async (title: string) => {
      const submitted = await submit(title);
      const { bankItemApprove } = await t.op(SETUP.itemApprove, { input: { itemId: submitted.id, expectedRevision: submitted.revision } }, office);
      expect(bankItemApprove.userErrors).toEqual([]);
      return bankItemApprove.item!;
    };
    const approved = await approve(content.title);
    const spare = await approve('分数的意义（二）');
    const draft = await create('草稿题');
    const toEdit = await create('修改题');
    const toReview = (await submit('待审题')).id;
    const toReturn = (await submit('待退回题')).id;

    const assignment = async (day: string) => {
      const { assignmentCreate } = await t.op(SETUP.assignmentCreate, {
        input: { classId, subjectId, date: day, shape: 'PACKAGES', title: '分数练习', options: packages(approved.id, spare.id) },
      }, lead);
      expect(assignmentCreate.userErrors).toEqual([]);
      return assignmentCreate.assignment!;
    };
    const publish = async (day: string) => {
      const created = await assignment(day);
      const { assignmentPublish } = await t.op(SETUP.assignmentPublish, { input: { assignmentId: created.id, expectedRevision: created.revision } }, lead);
      expect(assignmentPublish.userErrors).toEqual([]);
      return assignmentPublish.assignment!.id;
    };
    const assignDraft = (await assignment('2026-12-01')).id;
    const assignPublished = await publish('2026-12-02');
    const assignUnpublish = await publish('2026-12-03');
    const assignUpdate = (await assignment('2026-12-04')).id;

    const handIn = async (token: string) => {
      const { submissionCreate } = await t.op(SETUP.submissionCreate, {
        input: { assignmentId: assignPublished, choice: 'A', answer: '1/4', actualMinutes: 10, clientKey: `setup-${randomUUID()}` },
      }, token);
      expect(submissionCreate.userErrors).toEqual([]);
      return submissionCreate.submission!;
    };
    const toMark = await handIn(s1);
    const toCorrect = await handIn(s2);
    const { submissionMark } = await t.op(SETUP.submissionMark, {
      input: { submissionId: toCorrect.id, expectedRevision: toCorrect.revision, mark: 'A', comment: '第二题再检查一下单位。', requestCorrection: true },
    }, lead);
    expect(submissionMark.userErrors).toEqual([]);

    const { weeklyListSave } = await t.op(SETUP.weeklyListSave, {
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
      list: weeklyListSave.list!.id,
    };
  }

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
      default: return UNKNOWN_FIELD;
    }
  }

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
      // A field this sweep does not know by name still gets a value of its scalar.
      case 'LocalDate': { const v = stringFor(mutation, field, index, within); return v === UNKNOWN_FIELD ? '2026-12-02' : v; }
      case 'Time': { const v = stringFor(mutation, field, index, within); return v === UNKNOWN_FIELD ? '17:30' : v; }
      default: return 'x';
    }
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
        case 'ID': out.push(...hostileIds(pos.field, mutation, full, own, other)); break;
        case 'String': out.push(...hostileStrings(pos.field, full, base)); break;
        case 'Int': out.push(...INT_EDGES.map(([l, v]) => ({ label: l, value: v }))); break;
        case 'Float': out.push(...FLOAT_EDGES.map(([l, v]) => ({ label: l, value: v }))); break;
        case 'Boolean': break;
        default: // a custom scalar (dates and times, as far as this schema goes)
          out.push(...hostileStrings(pos.field, false, base, inner.name));
      }
    }
    return out;
  }

  async function send(query: string, variables: Record<string, unknown>, token: string | undefined): Promise<Sent> {
    requestCount++;
    try {
      const res = await fetch(`${sweepUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: Answer;
      try {
        body = JSON.parse(text) as Answer;
      } catch {
        body = { raw: text.slice(0, 200) };
      }
      return { status: res.status, body };
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      return { status: 0, body: {}, transportError: `${(e as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}` };
    }
  }

  /** Sends one request as `actor` and records it when the answer is a 5xx or an INTERNAL_SERVER_ERROR. */
  async function probe(actor: ActorName, query: string, variables: Record<string, unknown>, where: Omit<Offender, 'actor' | 'status' | 'message' | 'cause' | 'code'>): Promise<Sent> {
    const logFrom = serverLog.length;
    let sent = await send(query, variables, tokens[actor]);
    if (actor !== 'anonymous' && sent.body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && /revoked|失效/.test(e.message ?? ''))) {
      notes.push(`${where.mutation} (${where.label}) revoked the token of ${actor}; signed in again`);
      tokens[actor] = await signIn(actor);
      sent = await send(query, variables, tokens[actor]);
    }
    const errors: AnswerError[] = sent.body.errors ?? [];
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
    const data = await t.op(SETUP.login, {
      input: { schoolCode: SMALL_SCHOOL.code, username, password: passwords[username] },
    });
    if (!data.login.token) throw new Error(`${username} got no token`);
    return data.login.token;
  }

  // Days from 2030 and Mondays from 2031 on: no setup or earlier request used them.
  const freshDay = () => { const d = new Date(Date.UTC(2030, 0, 7) + counter++ * 86_400_000); return d.toISOString().slice(0, 10); };
  const freshMonday = () => { const d = new Date(Date.UTC(2031, 0, 6) + counter++ * 7 * 86_400_000); return d.toISOString().slice(0, 10); };

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
            const revision = payloadOf(sent, 'node')?.revision;
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
      const revision = payloadOf(sent, 'recordSheet')?.revision;
      if (typeof revision === 'number' && revision >= 1) input.expectedRevision = revision;
    }
    if (mutation === 'loadPolicySet' && input && !touches(['input', 'expectedRevision'], fuzzed)) {
      const sent = await probe(actor, `{ loadCaps { grade dayKind revision } }`, {}, { mutation, via: 'revision lookup', path: '', label: 'current revision' });
      const caps = sent.body.data?.loadCaps;
      const cap = (Array.isArray(caps) ? caps.filter(isPayload) : []).find((c) => c.grade === input.grade && c.dayKind === input.dayKind);
      if (typeof cap?.revision === 'number') input.expectedRevision = cap.revision;
    }
  }

  /**
   * After a successful password change the dedicated user's new password and token hold; after a
   * new term or research group, its year or grade is taken.
   */
  function remember(mutation: string, actor: ActorName, args: Record<string, any>, sent: Sent): void {
    const payload = payloadOf(sent, mutation);
    if (mutation === 'termCreate' && payload?.term) termYear++;
    if (mutation === 'researchGroupCreate' && payload?.researchGroup) freeGroupGrades = freeGroupGrades.filter((g) => g !== args.input?.grade);
    const token = payload?.token;
    if (mutation === 'passwordChange' && typeof token === 'string') {
      passwords[ACTOR_USERS[actor as Exclude<ActorName, 'anonymous'>]] = args.input.newPassword;
      tokens[actor] = token;
    }
  }

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
    const payload = sent.body.data?.[mutation];
    return !!sent.transportError || sent.status >= 400 || payload == null
      || (sent.body.errors ?? []).some((e) => !e.path || e.path.length <= 1)
      || (isPayload(payload) && !!payload.userErrors?.length);
  }

  const codes = new Map<string, number>();
  const timings = new Map<string, number>();
  const answerKind = (sent: Sent) =>
    sent.transportError ? 'no answer' : sent.body.errors?.length ? `${sent.status} ${sent.body.errors.map((e) => e.extensions?.code).join('+')}`
      : sent.body.data && Object.values(sent.body.data).some((p) => isPayload(p) && p.userErrors?.length) ? `${sent.status} userErrors` : `${sent.status} success`;

  const summary = (sent: Sent) =>
    sent.transportError ? `no answer (${sent.transportError})` : sent.body.errors?.length
      ? `${sent.status} ${sent.body.errors.map((e) => `${e.extensions?.code}: ${String(e.message).slice(0, 120)}`).join(' | ')}`
      : `${sent.status} ${JSON.stringify(Object.values(sent.body.data ?? {}).map((p) => isPayload(p) && p.userErrors?.length ? { userErrors: p.userErrors.map((e) => `${e.code}: ${e.message}`) } : 'ok'))}`;

  /** Tables holding a school's rows: every table of the schema with a school_id column. */
  const tenantTables = () => tenantTablesOf(t.db.dataSource);

  /** Runs `work` as the owner with the school's id set, so forced row-level security shows its rows. */
  const asSchool = <T>(schoolId: string, work: (q: Query) => Promise<T>): Promise<T> => asSchoolOn(t.db.dataSource, schoolId, work);

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
    served = Object.keys(mutationType.getFields());
    const plans: MutationPlan[] = mutationsOf(group, served)
      .map((name) => mutationType.getFields()[name])
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
        `bad-input sweep (${group}): ${plans.length} mutations, ${requestCount} requests in ${(sweepMs / 1000).toFixed(1)} s\n` +
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

  describe(`bad-input sweep over the mutations of ${group === 'rest' ? 'no group (SWEEP_GROUPS)' : `the group ${group}`}`, () => {
    it('sweeps at least one mutation, and the group names only mutations the schema serves', () => {
      expect(Object.keys(baseOutcomes).length).toBeGreaterThan(0);
      if (group !== 'rest') expect(SWEEP_GROUPS[group].filter((m) => !served.includes(m))).toEqual([]);
    });

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
}
