import { randomUUID } from 'node:crypto';
import {
  GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLSchema, getNamedType, isEnumType, isInputObjectType, isLeafType,
  isListType, isNonNullType, isScalarType,
} from 'graphql';
import { toGlobalId } from '../../src/core/ids';
import { render } from '../../src/core/messages';
import { RequestErrors } from '../../src/core/request-errors';
import { Role } from '../../src/core/roles';
import { getSchema } from '../../src/schema';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * Every operation of the schema × every role, generated from the schema itself: an operation
 * added without an entry in EXPECTED fails here, and each entry is checked by calling the
 * operation over HTTP as a user of each role and as nobody. The role check comes before the
 * arguments are looked at, so placeholder arguments of the right types are enough; row
 * scoping (this teacher, this class) is tested per module.
 */
const STAFF = [Role.ACADEMIC_OFFICE, Role.RESEARCH_LEAD, Role.TEACHER, Role.HEAD_TEACHER];
const SIGNED_IN = 'signed in' as const;
const PUBLIC = 'public' as const;
type Access = typeof SIGNED_IN | typeof PUBLIC | Role[];

/** Who may call each operation: anyone, anyone signed in, or the roles listed. */
const EXPECTED: Record<string, Access> = {
  'Query.assignment': SIGNED_IN,
  'Query.classAssignments': STAFF,
  'Query.loadPreview': STAFF,
  'Query.loadPreviews': STAFF,
  'Query.studentDay': SIGNED_IN,
  'Query.weeklyNotice': SIGNED_IN,
  'Query.bankItem': STAFF,
  'Query.bankItems': STAFF,
  'Query.units': STAFF,
  'Query.unitCoverage': STAFF,
  'Query.researchGroupCoverage': STAFF,
  'Query.classLoadChartUrl': STAFF,
  'Query.studentWeekChartUrl': SIGNED_IN,
  'Query.classes': SIGNED_IN,
  'Query.class': SIGNED_IN,
  'Query.bankExport': STAFF,
  'Query.weeklyNoticeExport': SIGNED_IN,
  'Query.recordSheetPrint': SIGNED_IN,
  'Query.loadCaps': STAFF,
  'Query.calendar': SIGNED_IN,
  'Query.node': SIGNED_IN,
  'Query.accessLog': [Role.ACADEMIC_OFFICE],
  'Query.studentDataExport': [Role.PARENT, Role.ACADEMIC_OFFICE],
  'Query.recordSheet': SIGNED_IN,
  'Query.classRecordSheets': [Role.HEAD_TEACHER, Role.ACADEMIC_OFFICE],
  'Query.classLoadReport': STAFF,
  'Query.tierTrend': STAFF,
  'Query.researchGroupCalibration': STAFF,
  'Query.researchGroups': STAFF,
  'Query.school': SIGNED_IN,
  'Query.submission': SIGNED_IN,
  'Query.markingQueue': [Role.TEACHER, Role.HEAD_TEACHER],
  'Query.assignmentOverview': STAFF,
  'Query.me': SIGNED_IN,
  'Query.user': SIGNED_IN,
  'Query.users': [Role.ACADEMIC_OFFICE],
  'Query.weeklyList': STAFF,
  'Query.weeklyListOverview': [Role.ACADEMIC_OFFICE],
  'Query.weeklyListDeadline': STAFF,
  'Query.weeklyListSuggestion': STAFF,
  'Mutation.assignmentCreate': [Role.TEACHER],
  'Mutation.assignmentUpdate': [Role.TEACHER],
  'Mutation.assignmentPublish': [Role.TEACHER],
  'Mutation.assignmentUnpublish': [Role.TEACHER],
  'Mutation.assignmentChoose': [Role.STUDENT],
  'Mutation.login': PUBLIC,
  'Mutation.logout': SIGNED_IN,
  'Mutation.passwordChange': SIGNED_IN,
  'Mutation.bankItemCreate': STAFF,
  'Mutation.bankItemUpdate': STAFF,
  'Mutation.bankItemSubmitForReview': STAFF,
  'Mutation.bankItemApprove': STAFF,
  'Mutation.bankItemReturn': STAFF,
  'Mutation.bankItemRetire': STAFF,
  'Mutation.bankItemSuitedGradesSet': STAFF,
  'Mutation.unitCreate': STAFF,
  'Mutation.unitUpdate': STAFF,
  'Mutation.unitObjectiveAdd': STAFF,
  'Mutation.unitObjectiveUpdate': STAFF,
  'Mutation.classHeadTeacherSet': [Role.ACADEMIC_OFFICE],
  'Mutation.bankImport': STAFF,
  'Mutation.loadPolicySet': [Role.ACADEMIC_OFFICE],
  'Mutation.calendarDaySet': [Role.ACADEMIC_OFFICE],
  'Mutation.calendarDayRemove': [Role.ACADEMIC_OFFICE],
  'Query.subjectBudgets': STAFF,
  'Query.subjectBudgetDay': STAFF,
  'Mutation.subjectBudgetsSet': [Role.HEAD_TEACHER, Role.ACADEMIC_OFFICE],
  'Mutation.subjectBudgetRelease': [Role.HEAD_TEACHER, Role.ACADEMIC_OFFICE],
  'Query.studentGroups': STAFF,
  'Mutation.studentGroupCreate': [Role.TEACHER],
  'Mutation.studentGroupRename': [Role.TEACHER],
  'Mutation.studentGroupSetMembers': [Role.TEACHER],
  'Mutation.studentGroupDelete': [Role.TEACHER],
  'Mutation.tierSuggest': [Role.TEACHER],
  'Query.tierSuggestions': STAFF,
  'Query.tierSuggestionTrend': STAFF,
  'Mutation.guardianConsentSet': [Role.PARENT],
  'Mutation.studentDataDelete': [Role.ACADEMIC_OFFICE],
  'Mutation.recordSheetFill': [Role.STUDENT],
  'Mutation.recordSheetParentMessage': [Role.PARENT],
  'Mutation.recordSheetMessageAdd': [Role.PARENT],
  'Mutation.recordSheetMessageAnswer': [Role.HEAD_TEACHER],
  'Mutation.recordSheetRead': [Role.HEAD_TEACHER],
  'Mutation.schoolSettingsUpdate': [Role.ACADEMIC_OFFICE],
  'Mutation.termCreate': [Role.ACADEMIC_OFFICE],
  'Mutation.termUpdate': [Role.ACADEMIC_OFFICE],
  'Mutation.calendarTermSet': [Role.ACADEMIC_OFFICE],
  'Mutation.calendarYearSet': [Role.ACADEMIC_OFFICE],
  'Mutation.subjectCreate': [Role.ACADEMIC_OFFICE],
  'Mutation.subjectRename': [Role.ACADEMIC_OFFICE],
  'Mutation.classCreate': [Role.ACADEMIC_OFFICE],
  'Mutation.teachingAssignmentCreate': [Role.ACADEMIC_OFFICE],
  'Mutation.researchGroupCreate': [Role.ACADEMIC_OFFICE],
  'Mutation.researchGroupUpdate': [Role.ACADEMIC_OFFICE],
  'Mutation.userCreate': [Role.ACADEMIC_OFFICE],
  'Mutation.userUpdate': [Role.ACADEMIC_OFFICE],
  'Mutation.userRolesSet': [Role.ACADEMIC_OFFICE],
  'Mutation.userDeactivate': [Role.ACADEMIC_OFFICE],
  'Mutation.submissionCreate': [Role.STUDENT],
  'Mutation.submissionCorrect': [Role.STUDENT],
  'Mutation.submissionMark': [Role.TEACHER, Role.HEAD_TEACHER],
  'Mutation.submissionPeerComment': [Role.STUDENT],
  'Mutation.weeklyListSave': STAFF,
  'Mutation.weeklyListFile': STAFF,
  'Mutation.weeklyListApprove': [Role.ACADEMIC_OFFICE],
  'Mutation.weeklyListReturn': [Role.ACADEMIC_OFFICE],
  'Mutation.weeklyListDeadlineSet': [Role.ACADEMIC_OFFICE],
  'Query.storageUsage': [Role.ACADEMIC_OFFICE],
  'Query.parentBindingRequests': SIGNED_IN,
  'Query.rosterExport': [Role.ACADEMIC_OFFICE],
  'Mutation.accountSlipsIssue': [Role.ACADEMIC_OFFICE],
  'Mutation.fileAnnotate': [Role.TEACHER, Role.HEAD_TEACHER],
  'Mutation.bankItemImagesSet': [Role.TEACHER, Role.HEAD_TEACHER, Role.ACADEMIC_OFFICE],
  'Mutation.parentRegister': PUBLIC,
  'Mutation.parentBindingRequest': [Role.PARENT],
  'Mutation.parentBindingDecide': [Role.HEAD_TEACHER, Role.ACADEMIC_OFFICE],
  'Mutation.classJoinCodeRegenerate': [Role.HEAD_TEACHER, Role.ACADEMIC_OFFICE],
  'Mutation.recordSheetParentBedtime': [Role.PARENT],
  'Mutation.rosterImport': [Role.ACADEMIC_OFFICE],
  'Mutation.schoolYearRollover': [Role.ACADEMIC_OFFICE],
};

/** A placeholder value of an input type that passes GraphQL's own coercion. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) out[field.name] = placeholder(field.type);
    }
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID': return toGlobalId('Class', randomUUID());
      case 'Int': return 1;
      case 'Float': return 1;
      case 'Boolean': return false;
      case 'LocalDate': return '2026-09-14';
      case 'Time': return '21:00';
      case 'DateTime': return '2026-09-14T08:00:00.000Z';
      default: return '占位';
    }
  }
  throw new Error(`no placeholder for ${String(type)}`);
}

/** An operation document calling `field` with every required argument as a variable. */
function documentFor(kind: 'Query' | 'Mutation', field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined);
  const declared = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${kind === 'Query' ? 'query' : 'mutation'}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
  return { query, variables: Object.fromEntries(required.map((a) => [a.name, placeholder(a.type)])) };
}

function operations(schema: GraphQLSchema) {
  return (['Query', 'Mutation'] as const).flatMap((kind) => {
    const type = kind === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
    return Object.values(type.getFields()).map((field) => ({ key: `${kind}.${field.name}`, kind, field }));
  });
}

let t: TestApp;
let schema: GraphQLSchema;
/** One user per role, holding that role (and as few others as the school allows), with their roles. */
const callers: { role: Role; username: string; roles: Set<Role>; token: string }[] = [];

beforeAll(async () => {
  schema = await getSchema();
  t = await TestApp.start([SMALL_SCHOOL]);
  const school = t.schools[0];
  const heads = new Set(school.classes.map((c) => c.headTeacherId));
  const leads = new Set(school.groups.map((g) => g.leadId));
  const rolesOf = (u: (typeof school.users)[number]) => new Set<Role>([
    ...u.roles, ...(heads.has(u.id) ? [Role.HEAD_TEACHER] : []), ...(leads.has(u.id) ? [Role.RESEARCH_LEAD] : []),
  ]);
  for (const role of Object.values(Role)) {
    const holders = school.users.filter((u) => rolesOf(u).has(role)).sort((a, b) => rolesOf(a).size - rolesOf(b).size);
    const user = holders[0];
    if (!user) throw new Error(`the test school has nobody with role ${role}`);
    callers.push({ role, username: user.username, roles: rolesOf(user), token: await t.login(user.username) });
  }
});
afterAll(() => t?.stop());

it('every operation of the schema has an expected access, and every expectation names an operation', () => {
  const keys = operations(schema).map((o) => o.key).sort();
  expect(Object.keys(EXPECTED).sort()).toEqual(keys);
  expect(keys.length).toBeGreaterThan(80);
});

it('the callers hold distinct roles: a plain teacher, a head teacher, a research lead, the office, a student, a parent', () => {
  expect(callers.map((c) => c.role)).toEqual(Object.values(Role));
  const plainTeacher = callers.find((c) => c.role === Role.TEACHER)!;
  expect([...plainTeacher.roles]).toEqual([Role.TEACHER]);
});

describe('each operation × each role', () => {
  /** The operations are listed when the file loads, before the service starts. */
  const cases = Object.entries(EXPECTED);

  it.each(cases)('%s', async (key) => {
    const op = operations(schema).find((o) => o.key === key)!;
    const { query, variables } = documentFor(op.kind, op.field);
    const access = EXPECTED[key];
    // Signing out ends the caller's session: each call of `logout` signs in afresh.
    const tokenOf = async (c: (typeof callers)[number]) => (op.field.name === 'logout' ? t.login(c.username) : c.token);

    for (const caller of callers) {
      const result = await t.gql(query, variables, await tokenOf(caller));
      const refusedByRole = (result.errors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN' && e.extensions?.reason === 'ROLE');
      const unauthenticated = (result.errors ?? []).some((e) => e.extensions?.code === 'UNAUTHENTICATED');
      const allowed = access === PUBLIC || access === SIGNED_IN || access.some((r) => caller.roles.has(r));
      // A public operation that checks credentials (signing in, registering) may answer UNAUTHENTICATED to anyone.
      const tokenRefused = unauthenticated && access !== PUBLIC;
      expect({ caller: caller.role, refusedByRole, tokenRefused }).toEqual({ caller: caller.role, refusedByRole: !allowed, tokenRefused: false });
    }
    // Signing out ends every session of the user: the callers sign in again for the operations after it.
    if (op.field.name === 'logout') for (const caller of callers) caller.token = await t.login(caller.username);

    // Nobody: refused for want of a sign-in, unless the operation is public (which may still refuse bad credentials).
    const anonymous = await t.gql(query, variables);
    const signInFirst = (anonymous.errors ?? []).some((e) => e.extensions?.code === 'UNAUTHENTICATED' && e.message === render(RequestErrors.SIGN_IN_FIRST));
    expect({ key, signInFirst }).toEqual({ key, signInFirst: access !== PUBLIC });
  });
});
