import { randomBytes, randomUUID } from 'node:crypto';
import { GraphQLArgument, GraphQLInputType, GraphQLOutputType, getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType } from 'graphql';
import { toGlobalId } from '../../src/core/ids';
import { OTHER_SCHOOL } from './fixtures';

/**
 * The values of the bad-input sweep (sweep.ts): how a valid-shaped base input is derived from a
 * mutation's argument types, the hostile values each kind of position gets, and the pure helpers
 * that build documents and walk inputs. Nothing here holds state; the sweep's state is in sweep.ts.
 */

/** Global ids of one school's state, by role in the sweep. */
export type SchoolIds = Record<
  | 'class' | 'subject' | 'term' | 'group' | 'teacher' | 'headTeacher' | 'member' | 'student' | 'deleteStudent' | 'user' | 'spareUser'
  | 'unit' | 'objective' | 'itemApproved' | 'itemSpare' | 'itemDraft' | 'itemToEdit' | 'itemSubmitted' | 'itemToReturn'
  | 'assignPublished' | 'assignDraft' | 'assignUnpublish' | 'assignUpdate'
  | 'submissionToMark' | 'submissionToCorrect' | 'list',
  string
>;

export type Path = (string | number)[];
export const OMIT = Symbol('omit');

/** An id field by name: its node type and which id of the school's state it names (per mutation). */
export const ID_FIELDS: Record<string, [type: string, pick: (mutation: string) => keyof SchoolIds]> = {
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
export function idTypeOf(field: string): string {
  if (ID_FIELDS[field]) return ID_FIELDS[field][0];
  const stem = field.replace(/Ids?$/, '');
  return stem ? stem[0].toUpperCase() + stem.slice(1) : 'Node';
}

export function idValue(mutation: string, field: string, ids: SchoolIds): string {
  const known = ID_FIELDS[field];
  return known ? ids[known[1](mutation)] : toGlobalId(idTypeOf(field), randomUUID());
}

export const CSV_HEADER = '单元,标题,题目内容,答案与评分标准,层级,形式,预估时长(分钟)\n';
export const csvRow = (title: string | Buffer) => Buffer.concat([Buffer.from('分数的初步认识,'), Buffer.from(title), Buffer.from(',把一个蛋糕平均分成4份，每份是它的几分之一？,1/4,基础,书面,8\n')]);
export const SAMPLE_CSV = Buffer.concat([Buffer.from(CSV_HEADER), csvRow('分蛋糕')]).toString('base64');

/**
 * The days of the calendar mutations, by the list they are in: calendarTermSet keeps the own
 * term's 2026-12-02 a holiday (as calendarDaySet left it) and makes a Saturday a school day;
 * calendarYearSet marks a year nothing else in the sweep uses.
 */
export const CALENDAR_DAYS: Record<string, Record<string, string>> = {
  calendarTermSet: { holidays: '2026-12-02', makeUpSchoolDays: '2026-12-05' },
  calendarYearSet: { holidays: '2045-10-02', makeUpSchoolDays: '2045-09-30' },
};
export const CALENDAR_YEAR = 2045;

export function intFor(field: string): number {
  return ({
    grade: 3, sortOrder: 1, difficulty: 2, predictedMinutes: 8, actualMinutes: 10, sizeBytes: 1000, writtenCapMinutes: 30, calibrationThreshold: 30, selfStudyMinutes: 10,
    marginThreshold: 3, year: CALENDAR_YEAR, classNo: 9,
  } as Record<string, number>)[field] ?? 1;
}

/**
 * Enum values that make a valid input, by enum or by mutation.enum (the first value otherwise).
 * Always the GraphQL name: a variable names the value, whatever the service holds it as.
 */
export const ENUM_BASE: Record<string, string> = {
  HomeworkForm: 'WRITTEN', Tier: 'BASIC', Provenance: 'CREATED', KnowledgeOrFun: 'KNOWLEDGE', ObjectiveKind: 'KNOWLEDGE',
  DayKind: 'SCHOOL_DAY', AssignmentShape: 'PACKAGES', SheetFormat: 'CSV', CalendarDayKind: 'HOLIDAY', PracticalOrHumanistic: 'PRACTICAL',
  PrescribedOrSelfChosen: 'PRESCRIBED', RoutineOrStage: 'ROUTINE',
  // userRolesSet names the academic office itself, which keeps its role; userCreate opens a parent's account.
  Role: 'ACADEMIC_OFFICE', 'userCreate.Role': 'PARENT', ParentRelation: 'FATHER',
};
/** Lists that need more than one element to be valid. */
export const LIST_LENGTH: Record<string, number> = { options: 2 };
/**
 * Optional fields left out of the base input (they need a state the base does not have), by
 * name or by mutation.name: userCreate's base is a parent, who has no class or 学籍号.
 */
export const NOT_IN_BASE = new Set(['sourceItemId', 'expectedRevision:optional', 'userCreate.classId', 'userCreate.studentNo']);
/** Argument values a mutation needs to leave the sweep's state usable. */
export const ARG_BASE: Record<string, Record<string, unknown>> = {
  guardianConsentSet: { given: true },
};


// ---------------------------------------------------------------------------------------------
// Hostile values.
// ---------------------------------------------------------------------------------------------

export interface Hostile { label: string; value: unknown }
export interface Variant { path: Path; label: string; value: unknown }

export const DATE_FIELDS = /^(date|day|weekStart|from|to|startsOn|endsOn)$/;
export const TIME_FIELDS = /^(bedtime|wakeUpTime|latestPublishTime)$/;
export const MB = 'x'.repeat(1_000_000);
export const K100 = '题'.repeat(100_000);

/**
 * Hostile strings that pass GraphQL's own checks and so reach validation and the services. The
 * first String (and ID) field of each mutation gets all of them; later ones the core set. Odd
 * characters go into the middle of the field's valid value, so length and format rules do not
 * stop them before the service.
 */
export type StringMaker = [label: string, make: (valid: string) => string];
export const inside = (odd: string) => (valid: string) => {
  const chars = [...(valid || 'abcdefghij')];
  const at = Math.min(2, chars.length);
  return [...chars.slice(0, at), odd, ...chars.slice(at)].join('');
};
export const CORE_STRINGS: StringMaker[] = [
  ['empty string', () => ''],
  ['whitespace only', () => ' \t\n\u3000 '],
  ['100k chars', () => K100],
  ['NUL byte', inside('\u0000')],
  ['lone high surrogate', inside('\ud800')],
  ['zero-width joiner + RTL override', inside('\u202Eabc\u200D\u200B\u2066')],
  ['SQL', () => "'; DROP TABLE users; --"],
];
export const MORE_STRINGS: StringMaker[] = [
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
export function fieldSpecific(field: string, scalar?: string): [string, string][] {
  const values: [string, string][] = [];
  if (DATE_FIELDS.test(field) || scalar === 'LocalDate') {
    values.push(['date 2026-02-30', '2026-02-30'], ['date 0000-00-00', '0000-00-00'], ['date 9999-12-31T99:99', '9999-12-31T99:99'],
      ['date 2026-13-01', '2026-13-01'], ['date +275760-09-13', '+275760-09-13'], ['date 9999-12-31', '9999-12-31'], ['date 0001-01-01', '0001-01-01'],
      ['date with full-width digits', '２０２６-１２-０２']);
  }
  if (TIME_FIELDS.test(field) || scalar === 'Time') values.push(['time 24:00', '24:00'], ['time 25:61', '25:61'], ['time -1:00', '-1:00'], ['time 7:5', '7:5'], ['time 23:59:60', '23:59:60']);
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

/** Hostile strings for a field (`scalar`: its custom scalar, whose own edge values it gets too, whatever the field's name). */
export function hostileStrings(field: string, full: boolean, valid: unknown, scalar?: string): Hostile[] {
  const base = typeof valid === 'string' ? valid : '';
  return [
    ...[...CORE_STRINGS, ...(full ? MORE_STRINGS : [])].map(([label, make]) => ({ label, value: make(base) })),
    ...fieldSpecific(field, scalar).map(([label, value]) => ({ label, value })),
  ];
}

/** Hostile ids for an id field; `own` and `other` are the two schools' state. */
export function hostileIds(field: string, mutation: string, full: boolean, own: SchoolIds, other: SchoolIds): Hostile[] {
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

export const INT_EDGES: [string, unknown][] = [['-1', -1], ['0', 0], ['2^31-1', 2147483647], ['-2^31', -2147483648], ['1000000', 1_000_000]];
export const FLOAT_EDGES: [string, unknown][] = [['-1', -1], ['0', 0], ['1e308', 1e308], ['-1e308', -1e308], ['5e-324', 5e-324], ['5.000000001', 5.000000001], ['2^53+1', 2 ** 53 + 1]];
/**
 * Values GraphQL itself refuses (type errors, Ints out of range). They never reach a resolver,
 * so each position gets one of its kind, in turn.
 */
export const REFUSED_BY_GRAPHQL: Record<string, [string, unknown][]> = {
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

export interface Position { path: Path; type: GraphQLInputType; field: string }

/** Every position of the base input with its type, for fields present and optional ones left out. */
export function positions(base: Record<string, unknown>, args: readonly GraphQLArgument[]): Position[] {
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


export function causeOf(lines: string[]): string | undefined {
  const entries = lines.map((l) => { try { return JSON.parse(l); } catch { return { msg: l }; } });
  const found = entries.find((e) => e.level === 'error') ?? entries[0];
  if (!found) return undefined;
  const err = found.error ?? {};
  const frames = String(err.stack ?? '').split('\n').filter((s: string) => /^\s+at /.test(s));
  // The service's own frames first (typeorm's source maps also point into a src/ folder).
  const frame = (frames.find((s) => /\/src\/(modules|core|app\.ts|schema\.ts)/.test(s)) ?? frames[0])?.trim();
  return `${found.msg}: ${err.name ?? ''} ${err.message ?? ''}${frame ? ` ${frame}` : ''}`.trim();
}

/** A selection of every argument-free leaf of the payload and of the objects it holds. */
export function selection(type: GraphQLOutputType, depth: number): string {
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
export function literal(value: unknown, type: GraphQLInputType): string {
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

export const clone = <T>(v: T): T => (v === undefined || typeof v === 'symbol' ? v : structuredClone(v));
export const get = (obj: any, path: Path): any => path.reduce((o, k) => (o == null ? undefined : o[k]), obj);
export function setPath(obj: any, path: Path, value: unknown): void {
  const parent = get(obj, path.slice(0, -1));
  if (parent == null || typeof parent !== 'object') return;
  const key = path[path.length - 1];
  if (value === OMIT) delete parent[key];
  else parent[key] = value;
}
export const under = (path: Path, fuzzed: Path | null) => !!fuzzed && fuzzed.length <= path.length && fuzzed.every((k, i) => path[i] === k);
export const touches = (path: Path, fuzzed: Path | null) => !!fuzzed && (under(path, fuzzed) || under(fuzzed, path));
