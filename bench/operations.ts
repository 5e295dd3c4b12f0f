/**
 * The operations `npm run bench` measures: the heavy reads of test/e2e/statement-count-heavy.test.ts
 * (the same documents) and the two hot writes.
 */

/** The class-week overview: a class's homework Monday to Friday with options, items and choices. */
export const CLASS_WEEK = `query($c: ID!, $from: LocalDate!, $to: LocalDate!) { classAssignments(classId: $c, from: $from, to: $to) {
  title day subject { name } teacher { displayName } choices { key totalMinutes writtenHomeMinutes }
  options { key name items { predictedMinutes content { title body } } } } }`;

export const STUDENT_DAY = `query($d: LocalDate!) { studentDay(date: $d) { assignment { title subject { name } } choices { key totalMinutes } choice submission { status currentMark { mark } } } }`;

export const MARKING_QUEUE = `{ markingQueue(first: 50) { edges { node { overdue dueAt submission { choice student { displayName } assignment { title } } } } } }`;

export const WEEKLY_NOTICE = `query($c: ID!, $w: LocalDate!) { weeklyNotice(classId: $c, weekStart: $w) { days { day capMinutes heaviestTotalMinutes subjects { subject title content } } } }`;

export const BANK_SEARCH = `query($f: BankItemFilterInput, $n: Int!) { bankItems(filter: $f, first: $n) { edges { node { status current { title tier predictedMinutes } unit { title } author { displayName } } } } }`;

export const CLASS_LOAD_REPORT = `query($c: ID!, $from: LocalDate!, $to: LocalDate!) { classLoadReport(classId: $c, from: $from, to: $to) {
  day capMinutes studentsOverCap sheets onTimeBedtimes bedtimes subjects { subject predictedMinutes actualMinutes observations } } }`;

export const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token } }`;

export const PUBLISH = `mutation($i: AssignmentStepInput!) { assignmentPublish(input: $i) { assignment { id status revision } userErrors { code message } } }`;

export const SUBMIT = `mutation($i: SubmissionCreateInput!) { submissionCreate(input: $i) { submission { id status late } userErrors { code message } } }`;
