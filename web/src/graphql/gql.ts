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
    "\n  mutation PasswordChange($input: PasswordChangeInput!) {\n    passwordChange(input: $input) { token expiresAt userErrors { code figures { name value } } }\n  }\n": typeof types.PasswordChangeDocument,
    "\n  mutation Logout { logout { revoked } }\n": typeof types.LogoutDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { token expiresAt mustChangePassword user { roles } userErrors { code figures { name value } } }\n  }\n": typeof types.LoginDocument,
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      username\n      roles\n      class { id name grade }\n      children { relation student { id displayName guardianConsentAt class { id name grade } } }\n      teachingAssignments { id class { id name grade } subject { id name code } }\n      headTeacherOf { id name grade }\n      researchGroups { id grade subject { id } }\n    }\n    school { name }\n  }\n": typeof types.ViewerDocument,
    "\n  fragment LoadGauge_preview on LoadPreview {\n    capMinutes\n    dayKind\n    subjects { heaviestWrittenMinutes assignment { id status subject { id name } } }\n    subjectBudgets { availableMinutes budgetMinutes releasedMinutes receivedMinutes subject { id name } }\n  }\n": typeof types.LoadGauge_PreviewFragmentDoc,
    "\n  mutation FileAnnotate($input: FileAnnotateInput!) {\n    fileAnnotate(input: $input) {\n      file { id penLayer { revision strokes { color width points } } }\n      userErrors { code figures { name value } }\n    }\n  }\n": typeof types.FileAnnotateDocument,
    "\n  query AllClasses { classes { id name } }\n": typeof types.AllClassesDocument,
    "\n  query ClassSheets($classId: ID!, $date: LocalDate!) {\n    classRecordSheets(classId: $classId, date: $date) {\n      filled locked flags bedtime bedtimeTarget actualWrittenMinutes capMinutes readNote unansweredMessages selfStudyContent selfStudyMinutes\n      messages { id body createdAt reply author { displayName } }\n      student { id displayName studentNo }\n      lines { choice predictedMinutes actualMinutes overran assignment { id subject { name } } }\n    }\n  }\n": typeof types.ClassSheetsDocument,
    "\n  mutation SheetRead($studentId: ID!, $date: LocalDate!, $reply: String, $reopen: Boolean!) {\n    recordSheetRead(studentId: $studentId, date: $date, reply: $reply, reopen: $reopen) { sheet { locked readNote } userErrors { code figures { name value } } }\n  }\n": typeof types.SheetReadDocument,
    "\n  mutation MessageAnswer($input: RecordSheetMessageAnswerInput!) {\n    recordSheetMessageAnswer(input: $input) { message { id reply } userErrors { code figures { name value } } }\n  }\n": typeof types.MessageAnswerDocument,
    "\n  query BudgetClasses { classes { id name } }\n": typeof types.BudgetClassesDocument,
    "\n  query SubjectBudgetWeek($classId: ID!) {\n    school { subjects { id name } }\n    subjectBudgets(classId: $classId) {\n      revision limitMinutes writtenCapMinutes totalCapMinutes\n      days { weekday totalMinutes budgets { minutes subject { id } } }\n    }\n  }\n": typeof types.SubjectBudgetWeekDocument,
    "\n  mutation SubjectBudgetsSave($input: SubjectBudgetsSetInput!) {\n    subjectBudgetsSet(input: $input) { week { revision } userErrors { code figures { name value } } }\n  }\n": typeof types.SubjectBudgetsSaveDocument,
    "\n  query SubjectBudgetDayView($classId: ID!, $date: LocalDate!) {\n    subjectBudgetDay(classId: $classId, date: $date) {\n      budgeted\n      lines { budgetMinutes releasedMinutes receivedMinutes availableMinutes usedMinutes remainingMinutes subject { id name } }\n      releases { minutes from { name } to { name } }\n    }\n  }\n": typeof types.SubjectBudgetDayViewDocument,
    "\n  mutation SubjectBudgetGive($input: SubjectBudgetReleaseInput!) {\n    subjectBudgetRelease(input: $input) { day { budgeted } userErrors { code figures { name value } } }\n  }\n": typeof types.SubjectBudgetGiveDocument,
    "\n  query OfficeWeeklyLists($weekStart: LocalDate!) {\n    weeklyListDeadline { dueWeekday dueTime revision }\n    weeklyListOverview(weekStart: $weekStart) {\n      weekStart dueAt pastDeadline\n      lists {\n        id status revision late minutesLate filedAt reviewedAt reviewComment\n        group { id name grade }\n        filedBy { displayName }\n        reviewedBy { displayName }\n        entries { day description form predictedMinutes atHome }\n        loadCheck { fits daysOver { day capMinutes writtenMinutes totalCapMinutes minutes } }\n        history { action at comment actor { displayName } }\n      }\n      groupsNotFiled { id name grade }\n      grades { grade days { day minutes writtenMinutes } }\n    }\n  }\n": typeof types.OfficeWeeklyListsDocument,
    "\n  mutation WeeklyListApprove($input: WeeklyListApproveInput!) {\n    weeklyListApprove(input: $input) { list { id status revision } userErrors { code figures { name value } } }\n  }\n": typeof types.WeeklyListApproveDocument,
    "\n  mutation WeeklyListReturn($input: WeeklyListReturnInput!) {\n    weeklyListReturn(input: $input) { list { id status revision } userErrors { code figures { name value } } }\n  }\n": typeof types.WeeklyListReturnDocument,
    "\n  mutation WeeklyListDeadlineSet($input: WeeklyListDeadlineSetInput!) {\n    weeklyListDeadlineSet(input: $input) { deadline { dueWeekday dueTime revision } userErrors { code figures { name value } } }\n  }\n": typeof types.WeeklyListDeadlineSetDocument,
    "\n  query ChildDay($date: LocalDate!, $studentId: ID!) {\n    studentDay(date: $date, studentId: $studentId) {\n      choice\n      choices { key label }\n      assignment { id title subject { name } }\n      submission { status versions { versionNo } currentMark { mark comment faceToFace } }\n    }\n    recordSheet(date: $date, studentId: $studentId) {\n      filled locked bedtime bedtimeTarget selfStudyContent selfStudyMinutes readNote flags actualWrittenMinutes capMinutes\n      messages { id body createdAt reply repliedAt }\n      lines { predictedMinutes actualMinutes content assignment { id } }\n      files { id kind name url thumbnailUrl }\n    }\n  }\n": typeof types.ChildDayDocument,
    "\n  mutation MessageAdd($input: RecordSheetMessageAddInput!) {\n    recordSheetMessageAdd(input: $input) { message { id } userErrors { code figures { name value } } }\n  }\n": typeof types.MessageAddDocument,
    "\n  mutation ParentBedtime($date: LocalDate!, $studentId: ID!, $bedtime: Time!) {\n    recordSheetParentBedtime(date: $date, studentId: $studentId, bedtime: $bedtime) { sheet { bedtime flags } userErrors { code figures { name value } } }\n  }\n": typeof types.ParentBedtimeDocument,
    "\n  mutation GuardianConsent($studentId: ID!, $given: Boolean!) {\n    guardianConsentSet(studentId: $studentId, given: $given) { student { id guardianConsentAt } userErrors { code figures { name value } } }\n  }\n": typeof types.GuardianConsentDocument,
    "\n  query MyRecordSheet($date: LocalDate!) {\n    recordSheet(date: $date) {\n      revision filled locked bedtime bedtimeTarget selfStudyContent selfStudyMinutes parentMessage reply flags\n      actualWrittenMinutes capMinutes\n      lines { actualMinutes predictedMinutes prefilled assignment { id subject { name } } }\n      files { id kind name url thumbnailUrl }\n    }\n  }\n": typeof types.MyRecordSheetDocument,
    "\n  mutation RecordSheetFill($input: RecordSheetFillInput!) {\n    recordSheetFill(input: $input) { sheet { revision } userErrors { code figures { name value } } }\n  }\n": typeof types.RecordSheetFillDocument,
    "\n  fragment SubjectCard_entry on StudentDayEntry {\n    choice\n    needsChoice\n    choices { key label minMinutes maxMinutes totalMinutes writtenHomeMinutes optionKeys }\n    assignment { id title shape day dueDay multiDay subject { name } }\n    submission {\n      id status late\n      versions { versionNo actualMinutes files { id kind name url thumbnailUrl } }\n      currentMark { mark comment faceToFace correctionRequested versionNo }\n    }\n  }\n": typeof types.SubjectCard_EntryFragmentDoc,
    "\n  query AssignmentContent($id: ID!) {\n    assignment(id: $id) {\n      id\n      options { key name items { atHome predictedMinutes content { title body form tier } } }\n    }\n  }\n": typeof types.AssignmentContentDocument,
    "\n  mutation AssignmentChoose($input: AssignmentChooseInput!) {\n    assignmentChoose(input: $input) { entry { choice } userErrors { code figures { name value } } }\n  }\n": typeof types.AssignmentChooseDocument,
    "\n  mutation SubmissionCreate($input: SubmissionCreateInput!) {\n    submissionCreate(input: $input) { submission { id status } userErrors { code figures { name value } } }\n  }\n": typeof types.SubmissionCreateDocument,
    "\n  mutation SubmissionCorrect($input: SubmissionCorrectInput!) {\n    submissionCorrect(input: $input) { submission { id status } userErrors { code figures { name value } } }\n  }\n": typeof types.SubmissionCorrectDocument,
    "\n  query StudentToday($date: LocalDate!) {\n    studentDay(date: $date) { assignment { id } ...SubjectCard_entry }\n  }\n": typeof types.StudentTodayDocument,
    "\n  query WeekAssignments($classId: ID!, $from: LocalDate!, $to: LocalDate!) {\n    classAssignments(classId: $classId, from: $from, to: $to) {\n      id day title status shape heaviestWrittenMinutes\n      subject { id name }\n      teacher { displayName }\n    }\n  }\n": typeof types.WeekAssignmentsDocument,
    "\n  query AssignmentOverviewPage($id: ID!) {\n    assignment(id: $id) { id title day class { name } subject { name } choices { key label } }\n    assignmentOverview(assignmentId: $id) {\n      studentCount submittedCount markedCount correctionCount lateCount completionRate onTimeRate\n      choiceCounts { choice count }\n      markDistribution { mark count }\n      states { state count students { id displayName } }\n    }\n  }\n": typeof types.AssignmentOverviewPageDocument,
    "\n  query ComposeDay($classId: ID!, $date: LocalDate!) {\n    loadPreview(classId: $classId, date: $date) { ...LoadGauge_preview }\n    classAssignments(classId: $classId, from: $date, to: $date) { id title status day dueDay subject { id } }\n  }\n": typeof types.ComposeDayDocument,
    "\n  query ComposeGroups($classId: ID!, $subjectId: ID!) {\n    studentGroups(classId: $classId, subjectId: $subjectId) { id name members { id } }\n  }\n": typeof types.ComposeGroupsDocument,
    "\n  query ComposeAssignment($id: ID!) {\n    assignment(id: $id) {\n      id revision status day dueDay title shape\n      spread { share }\n      group { id }\n      class { id grade }\n      subject { id }\n      options { key name items { atHome predictedMinutes versionNo item { id } content { title tier form } } }\n    }\n  }\n": typeof types.ComposeAssignmentDocument,
    "\n  query DraftLoad($classId: ID!, $date: LocalDate!, $draft: LoadDraftInput!) {\n    loadPreview(classId: $classId, date: $date, draft: $draft) { draft { heaviestWrittenMinutes } }\n  }\n": typeof types.DraftLoadDocument,
    "\n  mutation AssignmentCreate($input: AssignmentCreateInput!) {\n    assignmentCreate(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }\n  }\n": typeof types.AssignmentCreateDocument,
    "\n  mutation AssignmentUpdate($input: AssignmentUpdateInput!) {\n    assignmentUpdate(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }\n  }\n": typeof types.AssignmentUpdateDocument,
    "\n  mutation AssignmentPublish($input: AssignmentStepInput!) {\n    assignmentPublish(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }\n  }\n": typeof types.AssignmentPublishDocument,
    "\n  mutation AssignmentUnpublish($input: AssignmentStepInput!) {\n    assignmentUnpublish(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }\n  }\n": typeof types.AssignmentUnpublishDocument,
    "\n  query GroupsOfClass($classId: ID!, $subjectId: ID!) {\n    class(id: $classId) { students { id displayName studentNo } }\n    studentGroups(classId: $classId, subjectId: $subjectId) { id name revision members { id displayName } }\n  }\n": typeof types.GroupsOfClassDocument,
    "\n  mutation GroupCreate($input: StudentGroupCreateInput!) {\n    studentGroupCreate(input: $input) { group { id } userErrors { code figures { name value } } }\n  }\n": typeof types.GroupCreateDocument,
    "\n  mutation GroupRename($input: StudentGroupRenameInput!) {\n    studentGroupRename(input: $input) { group { id } userErrors { code figures { name value } } }\n  }\n": typeof types.GroupRenameDocument,
    "\n  mutation GroupSetMembers($input: StudentGroupSetMembersInput!) {\n    studentGroupSetMembers(input: $input) { group { id } userErrors { code message figures { name value } } }\n  }\n": typeof types.GroupSetMembersDocument,
    "\n  mutation GroupDelete($input: StudentGroupDeleteInput!) {\n    studentGroupDelete(input: $input) { deletedGroupId userErrors { code figures { name value } } }\n  }\n": typeof types.GroupDeleteDocument,
    "\n  query MarkingQueuePage($first: Int!, $classId: ID) {\n    markingQueue(first: $first, classId: $classId) {\n      edges {\n        node {\n          dueAt\n          overdue\n          submission {\n            id status late choice\n            student { id displayName studentNo }\n            assignment { id title day subject { name } class { name } }\n            versions { versionNo }\n          }\n        }\n      }\n      pageInfo { hasNextPage }\n    }\n  }\n": typeof types.MarkingQueuePageDocument,
    "\n  query MarkingSubmission($id: ID!) {\n    submission(id: $id) {\n      id revision status choice late\n      student { displayName studentNo }\n      assignment {\n        id title shape day\n        subject { name }\n        class { name }\n        choices { key label optionKeys }\n        options { key name items { predictedMinutes content { title body } } }\n      }\n      versions {\n        versionNo answer actualMinutes submittedAt attachments { name }\n        files { id kind name url thumbnailUrl width height penLayer { revision strokes { color width points } } }\n      }\n      marks { versionNo mark comment faceToFace correctionRequested markedAt markedBy { displayName } }\n    }\n  }\n": typeof types.MarkingSubmissionDocument,
    "\n  mutation SubmissionMark($input: SubmissionMarkInput!) {\n    submissionMark(input: $input) { submission { id status } userErrors { code figures { name value } } }\n  }\n": typeof types.SubmissionMarkDocument,
    "\n  query BankSearch($filter: BankItemFilterInput!, $first: Int!) {\n    bankItems(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          approvedVersionNo\n          calibratedMinutes\n          countedMinutes\n          unit { title }\n          approvedVersion { title body tier form predictedMinutes needsPhone needsParent repetitive }\n        }\n      }\n      pageInfo { hasNextPage }\n    }\n  }\n": typeof types.BankSearchDocument,
    "\n  query SpanLoad($classId: ID!, $dates: [LocalDate!]!, $draft: LoadDraftInput!) {\n    loadPreviews(classId: $classId, dates: $dates) { date ...LoadGauge_preview }\n    withDraft: loadPreviews(classId: $classId, dates: $dates, draft: $draft) { date draft { heaviestWrittenMinutes } }\n  }\n": typeof types.SpanLoadDocument,
    "\n  query ComposeWeeklyList($classId: ID!, $subjectId: ID!, $day: LocalDate!) {\n    weeklyListSuggestion(classId: $classId, subjectId: $subjectId, day: $day) {\n      list { id status group { name } }\n      entries {\n        description form atHome predictedMinutes\n        item { id countedMinutes approvedVersion { title tier form predictedMinutes } }\n      }\n    }\n  }\n": typeof types.ComposeWeeklyListDocument,
};
const documents: Documents = {
    "\n  mutation PasswordChange($input: PasswordChangeInput!) {\n    passwordChange(input: $input) { token expiresAt userErrors { code figures { name value } } }\n  }\n": types.PasswordChangeDocument,
    "\n  mutation Logout { logout { revoked } }\n": types.LogoutDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { token expiresAt mustChangePassword user { roles } userErrors { code figures { name value } } }\n  }\n": types.LoginDocument,
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      username\n      roles\n      class { id name grade }\n      children { relation student { id displayName guardianConsentAt class { id name grade } } }\n      teachingAssignments { id class { id name grade } subject { id name code } }\n      headTeacherOf { id name grade }\n      researchGroups { id grade subject { id } }\n    }\n    school { name }\n  }\n": types.ViewerDocument,
    "\n  fragment LoadGauge_preview on LoadPreview {\n    capMinutes\n    dayKind\n    subjects { heaviestWrittenMinutes assignment { id status subject { id name } } }\n    subjectBudgets { availableMinutes budgetMinutes releasedMinutes receivedMinutes subject { id name } }\n  }\n": types.LoadGauge_PreviewFragmentDoc,
    "\n  mutation FileAnnotate($input: FileAnnotateInput!) {\n    fileAnnotate(input: $input) {\n      file { id penLayer { revision strokes { color width points } } }\n      userErrors { code figures { name value } }\n    }\n  }\n": types.FileAnnotateDocument,
    "\n  query AllClasses { classes { id name } }\n": types.AllClassesDocument,
    "\n  query ClassSheets($classId: ID!, $date: LocalDate!) {\n    classRecordSheets(classId: $classId, date: $date) {\n      filled locked flags bedtime bedtimeTarget actualWrittenMinutes capMinutes readNote unansweredMessages selfStudyContent selfStudyMinutes\n      messages { id body createdAt reply author { displayName } }\n      student { id displayName studentNo }\n      lines { choice predictedMinutes actualMinutes overran assignment { id subject { name } } }\n    }\n  }\n": types.ClassSheetsDocument,
    "\n  mutation SheetRead($studentId: ID!, $date: LocalDate!, $reply: String, $reopen: Boolean!) {\n    recordSheetRead(studentId: $studentId, date: $date, reply: $reply, reopen: $reopen) { sheet { locked readNote } userErrors { code figures { name value } } }\n  }\n": types.SheetReadDocument,
    "\n  mutation MessageAnswer($input: RecordSheetMessageAnswerInput!) {\n    recordSheetMessageAnswer(input: $input) { message { id reply } userErrors { code figures { name value } } }\n  }\n": types.MessageAnswerDocument,
    "\n  query BudgetClasses { classes { id name } }\n": types.BudgetClassesDocument,
    "\n  query SubjectBudgetWeek($classId: ID!) {\n    school { subjects { id name } }\n    subjectBudgets(classId: $classId) {\n      revision limitMinutes writtenCapMinutes totalCapMinutes\n      days { weekday totalMinutes budgets { minutes subject { id } } }\n    }\n  }\n": types.SubjectBudgetWeekDocument,
    "\n  mutation SubjectBudgetsSave($input: SubjectBudgetsSetInput!) {\n    subjectBudgetsSet(input: $input) { week { revision } userErrors { code figures { name value } } }\n  }\n": types.SubjectBudgetsSaveDocument,
    "\n  query SubjectBudgetDayView($classId: ID!, $date: LocalDate!) {\n    subjectBudgetDay(classId: $classId, date: $date) {\n      budgeted\n      lines { budgetMinutes releasedMinutes receivedMinutes availableMinutes usedMinutes remainingMinutes subject { id name } }\n      releases { minutes from { name } to { name } }\n    }\n  }\n": types.SubjectBudgetDayViewDocument,
    "\n  mutation SubjectBudgetGive($input: SubjectBudgetReleaseInput!) {\n    subjectBudgetRelease(input: $input) { day { budgeted } userErrors { code figures { name value } } }\n  }\n": types.SubjectBudgetGiveDocument,
    "\n  query OfficeWeeklyLists($weekStart: LocalDate!) {\n    weeklyListDeadline { dueWeekday dueTime revision }\n    weeklyListOverview(weekStart: $weekStart) {\n      weekStart dueAt pastDeadline\n      lists {\n        id status revision late minutesLate filedAt reviewedAt reviewComment\n        group { id name grade }\n        filedBy { displayName }\n        reviewedBy { displayName }\n        entries { day description form predictedMinutes atHome }\n        loadCheck { fits daysOver { day capMinutes writtenMinutes totalCapMinutes minutes } }\n        history { action at comment actor { displayName } }\n      }\n      groupsNotFiled { id name grade }\n      grades { grade days { day minutes writtenMinutes } }\n    }\n  }\n": types.OfficeWeeklyListsDocument,
    "\n  mutation WeeklyListApprove($input: WeeklyListApproveInput!) {\n    weeklyListApprove(input: $input) { list { id status revision } userErrors { code figures { name value } } }\n  }\n": types.WeeklyListApproveDocument,
    "\n  mutation WeeklyListReturn($input: WeeklyListReturnInput!) {\n    weeklyListReturn(input: $input) { list { id status revision } userErrors { code figures { name value } } }\n  }\n": types.WeeklyListReturnDocument,
    "\n  mutation WeeklyListDeadlineSet($input: WeeklyListDeadlineSetInput!) {\n    weeklyListDeadlineSet(input: $input) { deadline { dueWeekday dueTime revision } userErrors { code figures { name value } } }\n  }\n": types.WeeklyListDeadlineSetDocument,
    "\n  query ChildDay($date: LocalDate!, $studentId: ID!) {\n    studentDay(date: $date, studentId: $studentId) {\n      choice\n      choices { key label }\n      assignment { id title subject { name } }\n      submission { status versions { versionNo } currentMark { mark comment faceToFace } }\n    }\n    recordSheet(date: $date, studentId: $studentId) {\n      filled locked bedtime bedtimeTarget selfStudyContent selfStudyMinutes readNote flags actualWrittenMinutes capMinutes\n      messages { id body createdAt reply repliedAt }\n      lines { predictedMinutes actualMinutes content assignment { id } }\n      files { id kind name url thumbnailUrl }\n    }\n  }\n": types.ChildDayDocument,
    "\n  mutation MessageAdd($input: RecordSheetMessageAddInput!) {\n    recordSheetMessageAdd(input: $input) { message { id } userErrors { code figures { name value } } }\n  }\n": types.MessageAddDocument,
    "\n  mutation ParentBedtime($date: LocalDate!, $studentId: ID!, $bedtime: Time!) {\n    recordSheetParentBedtime(date: $date, studentId: $studentId, bedtime: $bedtime) { sheet { bedtime flags } userErrors { code figures { name value } } }\n  }\n": types.ParentBedtimeDocument,
    "\n  mutation GuardianConsent($studentId: ID!, $given: Boolean!) {\n    guardianConsentSet(studentId: $studentId, given: $given) { student { id guardianConsentAt } userErrors { code figures { name value } } }\n  }\n": types.GuardianConsentDocument,
    "\n  query MyRecordSheet($date: LocalDate!) {\n    recordSheet(date: $date) {\n      revision filled locked bedtime bedtimeTarget selfStudyContent selfStudyMinutes parentMessage reply flags\n      actualWrittenMinutes capMinutes\n      lines { actualMinutes predictedMinutes prefilled assignment { id subject { name } } }\n      files { id kind name url thumbnailUrl }\n    }\n  }\n": types.MyRecordSheetDocument,
    "\n  mutation RecordSheetFill($input: RecordSheetFillInput!) {\n    recordSheetFill(input: $input) { sheet { revision } userErrors { code figures { name value } } }\n  }\n": types.RecordSheetFillDocument,
    "\n  fragment SubjectCard_entry on StudentDayEntry {\n    choice\n    needsChoice\n    choices { key label minMinutes maxMinutes totalMinutes writtenHomeMinutes optionKeys }\n    assignment { id title shape day dueDay multiDay subject { name } }\n    submission {\n      id status late\n      versions { versionNo actualMinutes files { id kind name url thumbnailUrl } }\n      currentMark { mark comment faceToFace correctionRequested versionNo }\n    }\n  }\n": types.SubjectCard_EntryFragmentDoc,
    "\n  query AssignmentContent($id: ID!) {\n    assignment(id: $id) {\n      id\n      options { key name items { atHome predictedMinutes content { title body form tier } } }\n    }\n  }\n": types.AssignmentContentDocument,
    "\n  mutation AssignmentChoose($input: AssignmentChooseInput!) {\n    assignmentChoose(input: $input) { entry { choice } userErrors { code figures { name value } } }\n  }\n": types.AssignmentChooseDocument,
    "\n  mutation SubmissionCreate($input: SubmissionCreateInput!) {\n    submissionCreate(input: $input) { submission { id status } userErrors { code figures { name value } } }\n  }\n": types.SubmissionCreateDocument,
    "\n  mutation SubmissionCorrect($input: SubmissionCorrectInput!) {\n    submissionCorrect(input: $input) { submission { id status } userErrors { code figures { name value } } }\n  }\n": types.SubmissionCorrectDocument,
    "\n  query StudentToday($date: LocalDate!) {\n    studentDay(date: $date) { assignment { id } ...SubjectCard_entry }\n  }\n": types.StudentTodayDocument,
    "\n  query WeekAssignments($classId: ID!, $from: LocalDate!, $to: LocalDate!) {\n    classAssignments(classId: $classId, from: $from, to: $to) {\n      id day title status shape heaviestWrittenMinutes\n      subject { id name }\n      teacher { displayName }\n    }\n  }\n": types.WeekAssignmentsDocument,
    "\n  query AssignmentOverviewPage($id: ID!) {\n    assignment(id: $id) { id title day class { name } subject { name } choices { key label } }\n    assignmentOverview(assignmentId: $id) {\n      studentCount submittedCount markedCount correctionCount lateCount completionRate onTimeRate\n      choiceCounts { choice count }\n      markDistribution { mark count }\n      states { state count students { id displayName } }\n    }\n  }\n": types.AssignmentOverviewPageDocument,
    "\n  query ComposeDay($classId: ID!, $date: LocalDate!) {\n    loadPreview(classId: $classId, date: $date) { ...LoadGauge_preview }\n    classAssignments(classId: $classId, from: $date, to: $date) { id title status day dueDay subject { id } }\n  }\n": types.ComposeDayDocument,
    "\n  query ComposeGroups($classId: ID!, $subjectId: ID!) {\n    studentGroups(classId: $classId, subjectId: $subjectId) { id name members { id } }\n  }\n": types.ComposeGroupsDocument,
    "\n  query ComposeAssignment($id: ID!) {\n    assignment(id: $id) {\n      id revision status day dueDay title shape\n      spread { share }\n      group { id }\n      class { id grade }\n      subject { id }\n      options { key name items { atHome predictedMinutes versionNo item { id } content { title tier form } } }\n    }\n  }\n": types.ComposeAssignmentDocument,
    "\n  query DraftLoad($classId: ID!, $date: LocalDate!, $draft: LoadDraftInput!) {\n    loadPreview(classId: $classId, date: $date, draft: $draft) { draft { heaviestWrittenMinutes } }\n  }\n": types.DraftLoadDocument,
    "\n  mutation AssignmentCreate($input: AssignmentCreateInput!) {\n    assignmentCreate(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }\n  }\n": types.AssignmentCreateDocument,
    "\n  mutation AssignmentUpdate($input: AssignmentUpdateInput!) {\n    assignmentUpdate(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }\n  }\n": types.AssignmentUpdateDocument,
    "\n  mutation AssignmentPublish($input: AssignmentStepInput!) {\n    assignmentPublish(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }\n  }\n": types.AssignmentPublishDocument,
    "\n  mutation AssignmentUnpublish($input: AssignmentStepInput!) {\n    assignmentUnpublish(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }\n  }\n": types.AssignmentUnpublishDocument,
    "\n  query GroupsOfClass($classId: ID!, $subjectId: ID!) {\n    class(id: $classId) { students { id displayName studentNo } }\n    studentGroups(classId: $classId, subjectId: $subjectId) { id name revision members { id displayName } }\n  }\n": types.GroupsOfClassDocument,
    "\n  mutation GroupCreate($input: StudentGroupCreateInput!) {\n    studentGroupCreate(input: $input) { group { id } userErrors { code figures { name value } } }\n  }\n": types.GroupCreateDocument,
    "\n  mutation GroupRename($input: StudentGroupRenameInput!) {\n    studentGroupRename(input: $input) { group { id } userErrors { code figures { name value } } }\n  }\n": types.GroupRenameDocument,
    "\n  mutation GroupSetMembers($input: StudentGroupSetMembersInput!) {\n    studentGroupSetMembers(input: $input) { group { id } userErrors { code message figures { name value } } }\n  }\n": types.GroupSetMembersDocument,
    "\n  mutation GroupDelete($input: StudentGroupDeleteInput!) {\n    studentGroupDelete(input: $input) { deletedGroupId userErrors { code figures { name value } } }\n  }\n": types.GroupDeleteDocument,
    "\n  query MarkingQueuePage($first: Int!, $classId: ID) {\n    markingQueue(first: $first, classId: $classId) {\n      edges {\n        node {\n          dueAt\n          overdue\n          submission {\n            id status late choice\n            student { id displayName studentNo }\n            assignment { id title day subject { name } class { name } }\n            versions { versionNo }\n          }\n        }\n      }\n      pageInfo { hasNextPage }\n    }\n  }\n": types.MarkingQueuePageDocument,
    "\n  query MarkingSubmission($id: ID!) {\n    submission(id: $id) {\n      id revision status choice late\n      student { displayName studentNo }\n      assignment {\n        id title shape day\n        subject { name }\n        class { name }\n        choices { key label optionKeys }\n        options { key name items { predictedMinutes content { title body } } }\n      }\n      versions {\n        versionNo answer actualMinutes submittedAt attachments { name }\n        files { id kind name url thumbnailUrl width height penLayer { revision strokes { color width points } } }\n      }\n      marks { versionNo mark comment faceToFace correctionRequested markedAt markedBy { displayName } }\n    }\n  }\n": types.MarkingSubmissionDocument,
    "\n  mutation SubmissionMark($input: SubmissionMarkInput!) {\n    submissionMark(input: $input) { submission { id status } userErrors { code figures { name value } } }\n  }\n": types.SubmissionMarkDocument,
    "\n  query BankSearch($filter: BankItemFilterInput!, $first: Int!) {\n    bankItems(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          approvedVersionNo\n          calibratedMinutes\n          countedMinutes\n          unit { title }\n          approvedVersion { title body tier form predictedMinutes needsPhone needsParent repetitive }\n        }\n      }\n      pageInfo { hasNextPage }\n    }\n  }\n": types.BankSearchDocument,
    "\n  query SpanLoad($classId: ID!, $dates: [LocalDate!]!, $draft: LoadDraftInput!) {\n    loadPreviews(classId: $classId, dates: $dates) { date ...LoadGauge_preview }\n    withDraft: loadPreviews(classId: $classId, dates: $dates, draft: $draft) { date draft { heaviestWrittenMinutes } }\n  }\n": types.SpanLoadDocument,
    "\n  query ComposeWeeklyList($classId: ID!, $subjectId: ID!, $day: LocalDate!) {\n    weeklyListSuggestion(classId: $classId, subjectId: $subjectId, day: $day) {\n      list { id status group { name } }\n      entries {\n        description form atHome predictedMinutes\n        item { id countedMinutes approvedVersion { title tier form predictedMinutes } }\n      }\n    }\n  }\n": types.ComposeWeeklyListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PasswordChange($input: PasswordChangeInput!) {\n    passwordChange(input: $input) { token expiresAt userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').PasswordChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout { logout { revoked } }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { token expiresAt mustChangePassword user { roles } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      displayName\n      username\n      roles\n      class { id name grade }\n      children { relation student { id displayName guardianConsentAt class { id name grade } } }\n      teachingAssignments { id class { id name grade } subject { id name code } }\n      headTeacherOf { id name grade }\n      researchGroups { id grade subject { id } }\n    }\n    school { name }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LoadGauge_preview on LoadPreview {\n    capMinutes\n    dayKind\n    subjects { heaviestWrittenMinutes assignment { id status subject { id name } } }\n    subjectBudgets { availableMinutes budgetMinutes releasedMinutes receivedMinutes subject { id name } }\n  }\n"): typeof import('./graphql').LoadGauge_PreviewFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FileAnnotate($input: FileAnnotateInput!) {\n    fileAnnotate(input: $input) {\n      file { id penLayer { revision strokes { color width points } } }\n      userErrors { code figures { name value } }\n    }\n  }\n"): typeof import('./graphql').FileAnnotateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllClasses { classes { id name } }\n"): typeof import('./graphql').AllClassesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassSheets($classId: ID!, $date: LocalDate!) {\n    classRecordSheets(classId: $classId, date: $date) {\n      filled locked flags bedtime bedtimeTarget actualWrittenMinutes capMinutes readNote unansweredMessages selfStudyContent selfStudyMinutes\n      messages { id body createdAt reply author { displayName } }\n      student { id displayName studentNo }\n      lines { choice predictedMinutes actualMinutes overran assignment { id subject { name } } }\n    }\n  }\n"): typeof import('./graphql').ClassSheetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SheetRead($studentId: ID!, $date: LocalDate!, $reply: String, $reopen: Boolean!) {\n    recordSheetRead(studentId: $studentId, date: $date, reply: $reply, reopen: $reopen) { sheet { locked readNote } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').SheetReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MessageAnswer($input: RecordSheetMessageAnswerInput!) {\n    recordSheetMessageAnswer(input: $input) { message { id reply } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').MessageAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BudgetClasses { classes { id name } }\n"): typeof import('./graphql').BudgetClassesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectBudgetWeek($classId: ID!) {\n    school { subjects { id name } }\n    subjectBudgets(classId: $classId) {\n      revision limitMinutes writtenCapMinutes totalCapMinutes\n      days { weekday totalMinutes budgets { minutes subject { id } } }\n    }\n  }\n"): typeof import('./graphql').SubjectBudgetWeekDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubjectBudgetsSave($input: SubjectBudgetsSetInput!) {\n    subjectBudgetsSet(input: $input) { week { revision } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').SubjectBudgetsSaveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectBudgetDayView($classId: ID!, $date: LocalDate!) {\n    subjectBudgetDay(classId: $classId, date: $date) {\n      budgeted\n      lines { budgetMinutes releasedMinutes receivedMinutes availableMinutes usedMinutes remainingMinutes subject { id name } }\n      releases { minutes from { name } to { name } }\n    }\n  }\n"): typeof import('./graphql').SubjectBudgetDayViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubjectBudgetGive($input: SubjectBudgetReleaseInput!) {\n    subjectBudgetRelease(input: $input) { day { budgeted } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').SubjectBudgetGiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfficeWeeklyLists($weekStart: LocalDate!) {\n    weeklyListDeadline { dueWeekday dueTime revision }\n    weeklyListOverview(weekStart: $weekStart) {\n      weekStart dueAt pastDeadline\n      lists {\n        id status revision late minutesLate filedAt reviewedAt reviewComment\n        group { id name grade }\n        filedBy { displayName }\n        reviewedBy { displayName }\n        entries { day description form predictedMinutes atHome }\n        loadCheck { fits daysOver { day capMinutes writtenMinutes totalCapMinutes minutes } }\n        history { action at comment actor { displayName } }\n      }\n      groupsNotFiled { id name grade }\n      grades { grade days { day minutes writtenMinutes } }\n    }\n  }\n"): typeof import('./graphql').OfficeWeeklyListsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WeeklyListApprove($input: WeeklyListApproveInput!) {\n    weeklyListApprove(input: $input) { list { id status revision } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').WeeklyListApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WeeklyListReturn($input: WeeklyListReturnInput!) {\n    weeklyListReturn(input: $input) { list { id status revision } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').WeeklyListReturnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WeeklyListDeadlineSet($input: WeeklyListDeadlineSetInput!) {\n    weeklyListDeadlineSet(input: $input) { deadline { dueWeekday dueTime revision } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').WeeklyListDeadlineSetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChildDay($date: LocalDate!, $studentId: ID!) {\n    studentDay(date: $date, studentId: $studentId) {\n      choice\n      choices { key label }\n      assignment { id title subject { name } }\n      submission { status versions { versionNo } currentMark { mark comment faceToFace } }\n    }\n    recordSheet(date: $date, studentId: $studentId) {\n      filled locked bedtime bedtimeTarget selfStudyContent selfStudyMinutes readNote flags actualWrittenMinutes capMinutes\n      messages { id body createdAt reply repliedAt }\n      lines { predictedMinutes actualMinutes content assignment { id } }\n      files { id kind name url thumbnailUrl }\n    }\n  }\n"): typeof import('./graphql').ChildDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MessageAdd($input: RecordSheetMessageAddInput!) {\n    recordSheetMessageAdd(input: $input) { message { id } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').MessageAddDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ParentBedtime($date: LocalDate!, $studentId: ID!, $bedtime: Time!) {\n    recordSheetParentBedtime(date: $date, studentId: $studentId, bedtime: $bedtime) { sheet { bedtime flags } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').ParentBedtimeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GuardianConsent($studentId: ID!, $given: Boolean!) {\n    guardianConsentSet(studentId: $studentId, given: $given) { student { id guardianConsentAt } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').GuardianConsentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRecordSheet($date: LocalDate!) {\n    recordSheet(date: $date) {\n      revision filled locked bedtime bedtimeTarget selfStudyContent selfStudyMinutes parentMessage reply flags\n      actualWrittenMinutes capMinutes\n      lines { actualMinutes predictedMinutes prefilled assignment { id subject { name } } }\n      files { id kind name url thumbnailUrl }\n    }\n  }\n"): typeof import('./graphql').MyRecordSheetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSheetFill($input: RecordSheetFillInput!) {\n    recordSheetFill(input: $input) { sheet { revision } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').RecordSheetFillDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubjectCard_entry on StudentDayEntry {\n    choice\n    needsChoice\n    choices { key label minMinutes maxMinutes totalMinutes writtenHomeMinutes optionKeys }\n    assignment { id title shape day dueDay multiDay subject { name } }\n    submission {\n      id status late\n      versions { versionNo actualMinutes files { id kind name url thumbnailUrl } }\n      currentMark { mark comment faceToFace correctionRequested versionNo }\n    }\n  }\n"): typeof import('./graphql').SubjectCard_EntryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignmentContent($id: ID!) {\n    assignment(id: $id) {\n      id\n      options { key name items { atHome predictedMinutes content { title body form tier } } }\n    }\n  }\n"): typeof import('./graphql').AssignmentContentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignmentChoose($input: AssignmentChooseInput!) {\n    assignmentChoose(input: $input) { entry { choice } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').AssignmentChooseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmissionCreate($input: SubmissionCreateInput!) {\n    submissionCreate(input: $input) { submission { id status } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').SubmissionCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmissionCorrect($input: SubmissionCorrectInput!) {\n    submissionCorrect(input: $input) { submission { id status } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').SubmissionCorrectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudentToday($date: LocalDate!) {\n    studentDay(date: $date) { assignment { id } ...SubjectCard_entry }\n  }\n"): typeof import('./graphql').StudentTodayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WeekAssignments($classId: ID!, $from: LocalDate!, $to: LocalDate!) {\n    classAssignments(classId: $classId, from: $from, to: $to) {\n      id day title status shape heaviestWrittenMinutes\n      subject { id name }\n      teacher { displayName }\n    }\n  }\n"): typeof import('./graphql').WeekAssignmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignmentOverviewPage($id: ID!) {\n    assignment(id: $id) { id title day class { name } subject { name } choices { key label } }\n    assignmentOverview(assignmentId: $id) {\n      studentCount submittedCount markedCount correctionCount lateCount completionRate onTimeRate\n      choiceCounts { choice count }\n      markDistribution { mark count }\n      states { state count students { id displayName } }\n    }\n  }\n"): typeof import('./graphql').AssignmentOverviewPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComposeDay($classId: ID!, $date: LocalDate!) {\n    loadPreview(classId: $classId, date: $date) { ...LoadGauge_preview }\n    classAssignments(classId: $classId, from: $date, to: $date) { id title status day dueDay subject { id } }\n  }\n"): typeof import('./graphql').ComposeDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComposeGroups($classId: ID!, $subjectId: ID!) {\n    studentGroups(classId: $classId, subjectId: $subjectId) { id name members { id } }\n  }\n"): typeof import('./graphql').ComposeGroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComposeAssignment($id: ID!) {\n    assignment(id: $id) {\n      id revision status day dueDay title shape\n      spread { share }\n      group { id }\n      class { id grade }\n      subject { id }\n      options { key name items { atHome predictedMinutes versionNo item { id } content { title tier form } } }\n    }\n  }\n"): typeof import('./graphql').ComposeAssignmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DraftLoad($classId: ID!, $date: LocalDate!, $draft: LoadDraftInput!) {\n    loadPreview(classId: $classId, date: $date, draft: $draft) { draft { heaviestWrittenMinutes } }\n  }\n"): typeof import('./graphql').DraftLoadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignmentCreate($input: AssignmentCreateInput!) {\n    assignmentCreate(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').AssignmentCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignmentUpdate($input: AssignmentUpdateInput!) {\n    assignmentUpdate(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').AssignmentUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignmentPublish($input: AssignmentStepInput!) {\n    assignmentPublish(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').AssignmentPublishDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignmentUnpublish($input: AssignmentStepInput!) {\n    assignmentUnpublish(input: $input) { assignment { id revision status } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').AssignmentUnpublishDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsOfClass($classId: ID!, $subjectId: ID!) {\n    class(id: $classId) { students { id displayName studentNo } }\n    studentGroups(classId: $classId, subjectId: $subjectId) { id name revision members { id displayName } }\n  }\n"): typeof import('./graphql').GroupsOfClassDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupCreate($input: StudentGroupCreateInput!) {\n    studentGroupCreate(input: $input) { group { id } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').GroupCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupRename($input: StudentGroupRenameInput!) {\n    studentGroupRename(input: $input) { group { id } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').GroupRenameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupSetMembers($input: StudentGroupSetMembersInput!) {\n    studentGroupSetMembers(input: $input) { group { id } userErrors { code message figures { name value } } }\n  }\n"): typeof import('./graphql').GroupSetMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupDelete($input: StudentGroupDeleteInput!) {\n    studentGroupDelete(input: $input) { deletedGroupId userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').GroupDeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarkingQueuePage($first: Int!, $classId: ID) {\n    markingQueue(first: $first, classId: $classId) {\n      edges {\n        node {\n          dueAt\n          overdue\n          submission {\n            id status late choice\n            student { id displayName studentNo }\n            assignment { id title day subject { name } class { name } }\n            versions { versionNo }\n          }\n        }\n      }\n      pageInfo { hasNextPage }\n    }\n  }\n"): typeof import('./graphql').MarkingQueuePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarkingSubmission($id: ID!) {\n    submission(id: $id) {\n      id revision status choice late\n      student { displayName studentNo }\n      assignment {\n        id title shape day\n        subject { name }\n        class { name }\n        choices { key label optionKeys }\n        options { key name items { predictedMinutes content { title body } } }\n      }\n      versions {\n        versionNo answer actualMinutes submittedAt attachments { name }\n        files { id kind name url thumbnailUrl width height penLayer { revision strokes { color width points } } }\n      }\n      marks { versionNo mark comment faceToFace correctionRequested markedAt markedBy { displayName } }\n    }\n  }\n"): typeof import('./graphql').MarkingSubmissionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmissionMark($input: SubmissionMarkInput!) {\n    submissionMark(input: $input) { submission { id status } userErrors { code figures { name value } } }\n  }\n"): typeof import('./graphql').SubmissionMarkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BankSearch($filter: BankItemFilterInput!, $first: Int!) {\n    bankItems(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          approvedVersionNo\n          calibratedMinutes\n          countedMinutes\n          unit { title }\n          approvedVersion { title body tier form predictedMinutes needsPhone needsParent repetitive }\n        }\n      }\n      pageInfo { hasNextPage }\n    }\n  }\n"): typeof import('./graphql').BankSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpanLoad($classId: ID!, $dates: [LocalDate!]!, $draft: LoadDraftInput!) {\n    loadPreviews(classId: $classId, dates: $dates) { date ...LoadGauge_preview }\n    withDraft: loadPreviews(classId: $classId, dates: $dates, draft: $draft) { date draft { heaviestWrittenMinutes } }\n  }\n"): typeof import('./graphql').SpanLoadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComposeWeeklyList($classId: ID!, $subjectId: ID!, $day: LocalDate!) {\n    weeklyListSuggestion(classId: $classId, subjectId: $subjectId, day: $day) {\n      list { id status group { name } }\n      entries {\n        description form atHome predictedMinutes\n        item { id countedMinutes approvedVersion { title tier form predictedMinutes } }\n      }\n    }\n  }\n"): typeof import('./graphql').ComposeWeeklyListDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
