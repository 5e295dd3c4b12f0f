/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ClassNames { classes { name } }": typeof types.ClassNamesDocument,
    "query UserName($id: ID!) { user(id: $id) { displayName } }": typeof types.UserNameDocument,
    "query UsersPage($first: Int!, $after: String, $role: Role) {\n    users(first: $first, after: $after, role: $role) { edges { cursor node { username } } pageInfo { hasNextPage endCursor } } }": typeof types.UsersPageDocument,
    "mutation ChartsSubmit($i: SubmissionCreateInput!) { submissionCreate(input: $i) { userErrors { code } } }": typeof types.ChartsSubmitDocument,
    "query ChartsClassLoadUrl($c: ID!, $from: LocalDate!, $to: LocalDate!) { classLoadChartUrl(classId: $c, from: $from, to: $to) }": typeof types.ChartsClassLoadUrlDocument,
    "query ChartsStudentWeekUrl($s: ID!, $w: LocalDate!) { studentWeekChartUrl(studentId: $s, weekStart: $w) }": typeof types.ChartsStudentWeekUrlDocument,
    "mutation ChartsLogout { logout { revoked } }": typeof types.ChartsLogoutDocument,
    "mutation ChartsPasswordChange($i: PasswordChangeInput!) { passwordChange(input: $i) { token userErrors { code } } }": typeof types.ChartsPasswordChangeDocument,
    "mutation ExcelImport($i: BankImportInput!) { bankImport(input: $i) { dryRun rows created unchanged problems { row column message } userErrors { code } } }": typeof types.ExcelImportDocument,
    "mutation ExcelSubmitForReview($input: BankItemStepInput!) { bankItemSubmitForReview(input: $input) { item { id revision } userErrors { code field message } } }": typeof types.ExcelSubmitForReviewDocument,
    "mutation ExcelApprove($input: BankItemStepInput!) { bankItemApprove(input: $input) { item { id revision } userErrors { code field message } } }": typeof types.ExcelApproveDocument,
    "mutation ExcelReturn($input: BankItemReturnInput!) { bankItemReturn(input: $input) { item { id revision } userErrors { code field message } } }": typeof types.ExcelReturnDocument,
    "mutation ExcelUpdateItem($input: BankItemUpdateInput!) { bankItemUpdate(input: $input) { item { id revision } userErrors { code field message } } }": typeof types.ExcelUpdateItemDocument,
    "query ExcelExport($u: ID!) { bankExport(unitId: $u) { fileName mimeType contentBase64 } }": typeof types.ExcelExportDocument,
    "query ExcelUnits { units(grade: 3) { id title } }": typeof types.ExcelUnitsDocument,
    "query ExcelWeeklyNotice($w: LocalDate!, $g: Int) { weeklyNoticeExport(weekStart: $w, grade: $g) { fileName contentBase64 } }": typeof types.ExcelWeeklyNoticeDocument,
    "query SchoolName { school { name } }": typeof types.SchoolNameDocument,
    "mutation LimitsLogin($i: LoginInput!) { login(input: $i) { token } }": typeof types.LimitsLoginDocument,
    "mutation PrivacySubmit($i: SubmissionCreateInput!) { submissionCreate(input: $i) { submission { id } userErrors { code message } } }": typeof types.PrivacySubmitDocument,
    "mutation PrivacyConsent($s: ID!, $g: Boolean!) { guardianConsentSet(studentId: $s, given: $g) { student { guardianConsentAt } userErrors { code } } }": typeof types.PrivacyConsentDocument,
    "mutation PrivacyChoose($i: AssignmentChooseInput!) { assignmentChoose(input: $i) { userErrors { code } } }": typeof types.PrivacyChooseDocument,
    "mutation PrivacyFill($i: RecordSheetFillInput!) { recordSheetFill(input: $i) { userErrors { code } } }": typeof types.PrivacyFillDocument,
    "query PrivacySubmission($id: ID!) { submission(id: $id) { status } }": typeof types.PrivacySubmissionDocument,
    "query PrivacySheet($d: LocalDate!, $s: ID!) { recordSheet(date: $d, studentId: $s) { flags bedtime } }": typeof types.PrivacySheetDocument,
    "query PrivacyAccessLog($s: ID) { accessLog(studentId: $s, first: 10) { edges { node { resource actor { username } student { username } } } } }": typeof types.PrivacyAccessLogDocument,
    "query PrivacyAccessLogAny { accessLog(first: 5) { edges { cursor } } }": typeof types.PrivacyAccessLogAnyDocument,
    "query PrivacyDaySubmission($d: LocalDate!, $s: ID!) { studentDay(date: $d, studentId: $s) { submission { id peerComments { comment } } } }": typeof types.PrivacyDaySubmissionDocument,
    "mutation PrivacyParentMessage($d: LocalDate!, $s: ID!, $m: String!) { recordSheetParentMessage(studentId: $s, date: $d, message: $m) { userErrors { code } } }": typeof types.PrivacyParentMessageDocument,
    "query PrivacyExport($s: ID!) { studentDataExport(studentId: $s) }": typeof types.PrivacyExportDocument,
    "mutation PrivacyDelete($s: ID!) { studentDataDelete(studentId: $s) { deleted userErrors { code } } }": typeof types.PrivacyDeleteDocument,
    "mutation PrivacyLogin($i: LoginInput!) { login(input: $i) { token } }": typeof types.PrivacyLoginDocument,
    "query PrivacyMe { me { id username } }": typeof types.PrivacyMeDocument,
    "mutation PrivacyMark($i: SubmissionMarkInput!) { submissionMark(input: $i) { submission { id } userErrors { code } } }": typeof types.PrivacyMarkDocument,
    "mutation PrivacyPeer($i: PeerCommentInput!) { submissionPeerComment(input: $i) { peerComment { comment } userErrors { code } } }": typeof types.PrivacyPeerDocument,
    "mutation PrivacyRead($d: LocalDate!, $s: ID!, $r: String, $o: Boolean! = false) { recordSheetRead(studentId: $s, date: $d, reply: $r, reopen: $o) { sheet { reply } userErrors { code } } }": typeof types.PrivacyReadDocument,
    "query TenantMe { me { id } }": typeof types.TenantMeDocument,
    "query TenantNode($id: ID!) { node(id: $id) { id } }": typeof types.TenantNodeDocument,
    "query TenantOfficeLists { school { id name subjects { id } terms { id } }\n         classes { id name headTeacher { id } students { id } teachingAssignments { id teacher { id } subject { id } } }\n         researchGroups { id lead { id } members { id } subject { id } }\n         users(first: 100) { edges { node { id username } } pageInfo { hasNextPage } } }": typeof types.TenantOfficeListsDocument,
    "query TenantClass($id: ID!) { class(id: $id) { name } }": typeof types.TenantClassDocument,
    "query TenantUser($id: ID!) { user(id: $id) { displayName } }": typeof types.TenantUserDocument,
    "mutation TenantHeadTeacherSet($input: ClassHeadTeacherSetInput!) {\n      classHeadTeacherSet(input: $input) { class { id } userErrors { code } } }": typeof types.TenantHeadTeacherSetDocument,
    "mutation SweepUnitCreate($input: UnitCreateInput!) { unitCreate(input: $input) { unit { id objectives { id } } userErrors { code message } } }": typeof types.SweepUnitCreateDocument,
    "mutation SweepItemCreate($input: BankItemCreateInput!) { bankItemCreate(input: $input) { item { id revision } userErrors { code message } } }": typeof types.SweepItemCreateDocument,
    "mutation SweepItemSubmit($input: BankItemStepInput!) { bankItemSubmitForReview(input: $input) { item { id revision } userErrors { code message } } }": typeof types.SweepItemSubmitDocument,
    "mutation SweepItemApprove($input: BankItemStepInput!) { bankItemApprove(input: $input) { item { id revision } userErrors { code message } } }": typeof types.SweepItemApproveDocument,
    "mutation SweepAssignmentCreate($input: AssignmentCreateInput!) {\n    assignmentCreate(input: $input) { assignment { id revision } userErrors { code message } } }": typeof types.SweepAssignmentCreateDocument,
    "mutation SweepAssignmentPublish($input: AssignmentStepInput!) {\n    assignmentPublish(input: $input) { assignment { id } userErrors { code message } } }": typeof types.SweepAssignmentPublishDocument,
    "mutation SweepSubmissionCreate($input: SubmissionCreateInput!) {\n    submissionCreate(input: $input) { submission { id revision } userErrors { code message } } }": typeof types.SweepSubmissionCreateDocument,
    "mutation SweepSubmissionMark($input: SubmissionMarkInput!) { submissionMark(input: $input) { userErrors { code message } } }": typeof types.SweepSubmissionMarkDocument,
    "mutation SweepWeeklyListSave($input: WeeklyListSaveInput!) { weeklyListSave(input: $input) { list { id } userErrors { code message } } }": typeof types.SweepWeeklyListSaveDocument,
    "mutation SweepLogin($input: LoginInput!) { login(input: $input) { token } }": typeof types.SweepLoginDocument,
};
const documents: Documents = {
    "query ClassNames { classes { name } }": types.ClassNamesDocument,
    "query UserName($id: ID!) { user(id: $id) { displayName } }": types.UserNameDocument,
    "query UsersPage($first: Int!, $after: String, $role: Role) {\n    users(first: $first, after: $after, role: $role) { edges { cursor node { username } } pageInfo { hasNextPage endCursor } } }": types.UsersPageDocument,
    "mutation ChartsSubmit($i: SubmissionCreateInput!) { submissionCreate(input: $i) { userErrors { code } } }": types.ChartsSubmitDocument,
    "query ChartsClassLoadUrl($c: ID!, $from: LocalDate!, $to: LocalDate!) { classLoadChartUrl(classId: $c, from: $from, to: $to) }": types.ChartsClassLoadUrlDocument,
    "query ChartsStudentWeekUrl($s: ID!, $w: LocalDate!) { studentWeekChartUrl(studentId: $s, weekStart: $w) }": types.ChartsStudentWeekUrlDocument,
    "mutation ChartsLogout { logout { revoked } }": types.ChartsLogoutDocument,
    "mutation ChartsPasswordChange($i: PasswordChangeInput!) { passwordChange(input: $i) { token userErrors { code } } }": types.ChartsPasswordChangeDocument,
    "mutation ExcelImport($i: BankImportInput!) { bankImport(input: $i) { dryRun rows created unchanged problems { row column message } userErrors { code } } }": types.ExcelImportDocument,
    "mutation ExcelSubmitForReview($input: BankItemStepInput!) { bankItemSubmitForReview(input: $input) { item { id revision } userErrors { code field message } } }": types.ExcelSubmitForReviewDocument,
    "mutation ExcelApprove($input: BankItemStepInput!) { bankItemApprove(input: $input) { item { id revision } userErrors { code field message } } }": types.ExcelApproveDocument,
    "mutation ExcelReturn($input: BankItemReturnInput!) { bankItemReturn(input: $input) { item { id revision } userErrors { code field message } } }": types.ExcelReturnDocument,
    "mutation ExcelUpdateItem($input: BankItemUpdateInput!) { bankItemUpdate(input: $input) { item { id revision } userErrors { code field message } } }": types.ExcelUpdateItemDocument,
    "query ExcelExport($u: ID!) { bankExport(unitId: $u) { fileName mimeType contentBase64 } }": types.ExcelExportDocument,
    "query ExcelUnits { units(grade: 3) { id title } }": types.ExcelUnitsDocument,
    "query ExcelWeeklyNotice($w: LocalDate!, $g: Int) { weeklyNoticeExport(weekStart: $w, grade: $g) { fileName contentBase64 } }": types.ExcelWeeklyNoticeDocument,
    "query SchoolName { school { name } }": types.SchoolNameDocument,
    "mutation LimitsLogin($i: LoginInput!) { login(input: $i) { token } }": types.LimitsLoginDocument,
    "mutation PrivacySubmit($i: SubmissionCreateInput!) { submissionCreate(input: $i) { submission { id } userErrors { code message } } }": types.PrivacySubmitDocument,
    "mutation PrivacyConsent($s: ID!, $g: Boolean!) { guardianConsentSet(studentId: $s, given: $g) { student { guardianConsentAt } userErrors { code } } }": types.PrivacyConsentDocument,
    "mutation PrivacyChoose($i: AssignmentChooseInput!) { assignmentChoose(input: $i) { userErrors { code } } }": types.PrivacyChooseDocument,
    "mutation PrivacyFill($i: RecordSheetFillInput!) { recordSheetFill(input: $i) { userErrors { code } } }": types.PrivacyFillDocument,
    "query PrivacySubmission($id: ID!) { submission(id: $id) { status } }": types.PrivacySubmissionDocument,
    "query PrivacySheet($d: LocalDate!, $s: ID!) { recordSheet(date: $d, studentId: $s) { flags bedtime } }": types.PrivacySheetDocument,
    "query PrivacyAccessLog($s: ID) { accessLog(studentId: $s, first: 10) { edges { node { resource actor { username } student { username } } } } }": types.PrivacyAccessLogDocument,
    "query PrivacyAccessLogAny { accessLog(first: 5) { edges { cursor } } }": types.PrivacyAccessLogAnyDocument,
    "query PrivacyDaySubmission($d: LocalDate!, $s: ID!) { studentDay(date: $d, studentId: $s) { submission { id peerComments { comment } } } }": types.PrivacyDaySubmissionDocument,
    "mutation PrivacyParentMessage($d: LocalDate!, $s: ID!, $m: String!) { recordSheetParentMessage(studentId: $s, date: $d, message: $m) { userErrors { code } } }": types.PrivacyParentMessageDocument,
    "query PrivacyExport($s: ID!) { studentDataExport(studentId: $s) }": types.PrivacyExportDocument,
    "mutation PrivacyDelete($s: ID!) { studentDataDelete(studentId: $s) { deleted userErrors { code } } }": types.PrivacyDeleteDocument,
    "mutation PrivacyLogin($i: LoginInput!) { login(input: $i) { token } }": types.PrivacyLoginDocument,
    "query PrivacyMe { me { id username } }": types.PrivacyMeDocument,
    "mutation PrivacyMark($i: SubmissionMarkInput!) { submissionMark(input: $i) { submission { id } userErrors { code } } }": types.PrivacyMarkDocument,
    "mutation PrivacyPeer($i: PeerCommentInput!) { submissionPeerComment(input: $i) { peerComment { comment } userErrors { code } } }": types.PrivacyPeerDocument,
    "mutation PrivacyRead($d: LocalDate!, $s: ID!, $r: String, $o: Boolean! = false) { recordSheetRead(studentId: $s, date: $d, reply: $r, reopen: $o) { sheet { reply } userErrors { code } } }": types.PrivacyReadDocument,
    "query TenantMe { me { id } }": types.TenantMeDocument,
    "query TenantNode($id: ID!) { node(id: $id) { id } }": types.TenantNodeDocument,
    "query TenantOfficeLists { school { id name subjects { id } terms { id } }\n         classes { id name headTeacher { id } students { id } teachingAssignments { id teacher { id } subject { id } } }\n         researchGroups { id lead { id } members { id } subject { id } }\n         users(first: 100) { edges { node { id username } } pageInfo { hasNextPage } } }": types.TenantOfficeListsDocument,
    "query TenantClass($id: ID!) { class(id: $id) { name } }": types.TenantClassDocument,
    "query TenantUser($id: ID!) { user(id: $id) { displayName } }": types.TenantUserDocument,
    "mutation TenantHeadTeacherSet($input: ClassHeadTeacherSetInput!) {\n      classHeadTeacherSet(input: $input) { class { id } userErrors { code } } }": types.TenantHeadTeacherSetDocument,
    "mutation SweepUnitCreate($input: UnitCreateInput!) { unitCreate(input: $input) { unit { id objectives { id } } userErrors { code message } } }": types.SweepUnitCreateDocument,
    "mutation SweepItemCreate($input: BankItemCreateInput!) { bankItemCreate(input: $input) { item { id revision } userErrors { code message } } }": types.SweepItemCreateDocument,
    "mutation SweepItemSubmit($input: BankItemStepInput!) { bankItemSubmitForReview(input: $input) { item { id revision } userErrors { code message } } }": types.SweepItemSubmitDocument,
    "mutation SweepItemApprove($input: BankItemStepInput!) { bankItemApprove(input: $input) { item { id revision } userErrors { code message } } }": types.SweepItemApproveDocument,
    "mutation SweepAssignmentCreate($input: AssignmentCreateInput!) {\n    assignmentCreate(input: $input) { assignment { id revision } userErrors { code message } } }": types.SweepAssignmentCreateDocument,
    "mutation SweepAssignmentPublish($input: AssignmentStepInput!) {\n    assignmentPublish(input: $input) { assignment { id } userErrors { code message } } }": types.SweepAssignmentPublishDocument,
    "mutation SweepSubmissionCreate($input: SubmissionCreateInput!) {\n    submissionCreate(input: $input) { submission { id revision } userErrors { code message } } }": types.SweepSubmissionCreateDocument,
    "mutation SweepSubmissionMark($input: SubmissionMarkInput!) { submissionMark(input: $input) { userErrors { code message } } }": types.SweepSubmissionMarkDocument,
    "mutation SweepWeeklyListSave($input: WeeklyListSaveInput!) { weeklyListSave(input: $input) { list { id } userErrors { code message } } }": types.SweepWeeklyListSaveDocument,
    "mutation SweepLogin($input: LoginInput!) { login(input: $input) { token } }": types.SweepLoginDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClassNames { classes { name } }"): typeof import('./graphql').ClassNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserName($id: ID!) { user(id: $id) { displayName } }"): typeof import('./graphql').UserNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersPage($first: Int!, $after: String, $role: Role) {\n    users(first: $first, after: $after, role: $role) { edges { cursor node { username } } pageInfo { hasNextPage endCursor } } }"): typeof import('./graphql').UsersPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChartsSubmit($i: SubmissionCreateInput!) { submissionCreate(input: $i) { userErrors { code } } }"): typeof import('./graphql').ChartsSubmitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChartsClassLoadUrl($c: ID!, $from: LocalDate!, $to: LocalDate!) { classLoadChartUrl(classId: $c, from: $from, to: $to) }"): typeof import('./graphql').ChartsClassLoadUrlDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChartsStudentWeekUrl($s: ID!, $w: LocalDate!) { studentWeekChartUrl(studentId: $s, weekStart: $w) }"): typeof import('./graphql').ChartsStudentWeekUrlDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChartsLogout { logout { revoked } }"): typeof import('./graphql').ChartsLogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChartsPasswordChange($i: PasswordChangeInput!) { passwordChange(input: $i) { token userErrors { code } } }"): typeof import('./graphql').ChartsPasswordChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ExcelImport($i: BankImportInput!) { bankImport(input: $i) { dryRun rows created unchanged problems { row column message } userErrors { code } } }"): typeof import('./graphql').ExcelImportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ExcelSubmitForReview($input: BankItemStepInput!) { bankItemSubmitForReview(input: $input) { item { id revision } userErrors { code field message } } }"): typeof import('./graphql').ExcelSubmitForReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ExcelApprove($input: BankItemStepInput!) { bankItemApprove(input: $input) { item { id revision } userErrors { code field message } } }"): typeof import('./graphql').ExcelApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ExcelReturn($input: BankItemReturnInput!) { bankItemReturn(input: $input) { item { id revision } userErrors { code field message } } }"): typeof import('./graphql').ExcelReturnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ExcelUpdateItem($input: BankItemUpdateInput!) { bankItemUpdate(input: $input) { item { id revision } userErrors { code field message } } }"): typeof import('./graphql').ExcelUpdateItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExcelExport($u: ID!) { bankExport(unitId: $u) { fileName mimeType contentBase64 } }"): typeof import('./graphql').ExcelExportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExcelUnits { units(grade: 3) { id title } }"): typeof import('./graphql').ExcelUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExcelWeeklyNotice($w: LocalDate!, $g: Int) { weeklyNoticeExport(weekStart: $w, grade: $g) { fileName contentBase64 } }"): typeof import('./graphql').ExcelWeeklyNoticeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SchoolName { school { name } }"): typeof import('./graphql').SchoolNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LimitsLogin($i: LoginInput!) { login(input: $i) { token } }"): typeof import('./graphql').LimitsLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PrivacySubmit($i: SubmissionCreateInput!) { submissionCreate(input: $i) { submission { id } userErrors { code message } } }"): typeof import('./graphql').PrivacySubmitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PrivacyConsent($s: ID!, $g: Boolean!) { guardianConsentSet(studentId: $s, given: $g) { student { guardianConsentAt } userErrors { code } } }"): typeof import('./graphql').PrivacyConsentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PrivacyChoose($i: AssignmentChooseInput!) { assignmentChoose(input: $i) { userErrors { code } } }"): typeof import('./graphql').PrivacyChooseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PrivacyFill($i: RecordSheetFillInput!) { recordSheetFill(input: $i) { userErrors { code } } }"): typeof import('./graphql').PrivacyFillDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivacySubmission($id: ID!) { submission(id: $id) { status } }"): typeof import('./graphql').PrivacySubmissionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivacySheet($d: LocalDate!, $s: ID!) { recordSheet(date: $d, studentId: $s) { flags bedtime } }"): typeof import('./graphql').PrivacySheetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivacyAccessLog($s: ID) { accessLog(studentId: $s, first: 10) { edges { node { resource actor { username } student { username } } } } }"): typeof import('./graphql').PrivacyAccessLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivacyAccessLogAny { accessLog(first: 5) { edges { cursor } } }"): typeof import('./graphql').PrivacyAccessLogAnyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivacyDaySubmission($d: LocalDate!, $s: ID!) { studentDay(date: $d, studentId: $s) { submission { id peerComments { comment } } } }"): typeof import('./graphql').PrivacyDaySubmissionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PrivacyParentMessage($d: LocalDate!, $s: ID!, $m: String!) { recordSheetParentMessage(studentId: $s, date: $d, message: $m) { userErrors { code } } }"): typeof import('./graphql').PrivacyParentMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivacyExport($s: ID!) { studentDataExport(studentId: $s) }"): typeof import('./graphql').PrivacyExportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PrivacyDelete($s: ID!) { studentDataDelete(studentId: $s) { deleted userErrors { code } } }"): typeof import('./graphql').PrivacyDeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PrivacyLogin($i: LoginInput!) { login(input: $i) { token } }"): typeof import('./graphql').PrivacyLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivacyMe { me { id username } }"): typeof import('./graphql').PrivacyMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PrivacyMark($i: SubmissionMarkInput!) { submissionMark(input: $i) { submission { id } userErrors { code } } }"): typeof import('./graphql').PrivacyMarkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PrivacyPeer($i: PeerCommentInput!) { submissionPeerComment(input: $i) { peerComment { comment } userErrors { code } } }"): typeof import('./graphql').PrivacyPeerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PrivacyRead($d: LocalDate!, $s: ID!, $r: String, $o: Boolean! = false) { recordSheetRead(studentId: $s, date: $d, reply: $r, reopen: $o) { sheet { reply } userErrors { code } } }"): typeof import('./graphql').PrivacyReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantMe { me { id } }"): typeof import('./graphql').TenantMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantNode($id: ID!) { node(id: $id) { id } }"): typeof import('./graphql').TenantNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantOfficeLists { school { id name subjects { id } terms { id } }\n         classes { id name headTeacher { id } students { id } teachingAssignments { id teacher { id } subject { id } } }\n         researchGroups { id lead { id } members { id } subject { id } }\n         users(first: 100) { edges { node { id username } } pageInfo { hasNextPage } } }"): typeof import('./graphql').TenantOfficeListsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantClass($id: ID!) { class(id: $id) { name } }"): typeof import('./graphql').TenantClassDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantUser($id: ID!) { user(id: $id) { displayName } }"): typeof import('./graphql').TenantUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TenantHeadTeacherSet($input: ClassHeadTeacherSetInput!) {\n      classHeadTeacherSet(input: $input) { class { id } userErrors { code } } }"): typeof import('./graphql').TenantHeadTeacherSetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SweepUnitCreate($input: UnitCreateInput!) { unitCreate(input: $input) { unit { id objectives { id } } userErrors { code message } } }"): typeof import('./graphql').SweepUnitCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SweepItemCreate($input: BankItemCreateInput!) { bankItemCreate(input: $input) { item { id revision } userErrors { code message } } }"): typeof import('./graphql').SweepItemCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SweepItemSubmit($input: BankItemStepInput!) { bankItemSubmitForReview(input: $input) { item { id revision } userErrors { code message } } }"): typeof import('./graphql').SweepItemSubmitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SweepItemApprove($input: BankItemStepInput!) { bankItemApprove(input: $input) { item { id revision } userErrors { code message } } }"): typeof import('./graphql').SweepItemApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SweepAssignmentCreate($input: AssignmentCreateInput!) {\n    assignmentCreate(input: $input) { assignment { id revision } userErrors { code message } } }"): typeof import('./graphql').SweepAssignmentCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SweepAssignmentPublish($input: AssignmentStepInput!) {\n    assignmentPublish(input: $input) { assignment { id } userErrors { code message } } }"): typeof import('./graphql').SweepAssignmentPublishDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SweepSubmissionCreate($input: SubmissionCreateInput!) {\n    submissionCreate(input: $input) { submission { id revision } userErrors { code message } } }"): typeof import('./graphql').SweepSubmissionCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SweepSubmissionMark($input: SubmissionMarkInput!) { submissionMark(input: $input) { userErrors { code message } } }"): typeof import('./graphql').SweepSubmissionMarkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SweepWeeklyListSave($input: WeeklyListSaveInput!) { weeklyListSave(input: $input) { list { id } userErrors { code message } } }"): typeof import('./graphql').SweepWeeklyListSaveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SweepLogin($input: LoginInput!) { login(input: $input) { token } }"): typeof import('./graphql').SweepLoginDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
