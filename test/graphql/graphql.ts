/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A student's choice of package or level */
export type AssignmentChooseInput = {
  /** The assignment */
  assignmentId: string | number;
  /** A key from the assignment's choices (a package key, or A, B2, B3, C) */
  choice: string;
};

/** A new draft assignment */
export type AssignmentCreateInput = {
  /** The class */
  classId: string | number;
  /** A key the client makes once per create (8–100 characters); a retry with it returns the first result */
  clientKey?: string | null | undefined;
  /** The day */
  date: string;
  /** How its minutes are spread over its days: one relative share (0–100) per day from `date` to `dueDay`, 0 for a day without work; absent: evenly */
  dayShares?: Array<number> | null | undefined;
  /** Homework over several days (weekend, holiday, a week's reading, a project): its last day, at most 62 days from `date` counted both; absent: one day's homework */
  dueDay?: string | null | undefined;
  /** A group of the class kept for the subject: only its students get the homework (分层、个性化); absent: the whole class */
  groupId?: string | number | null | undefined;
  /** Packages (2–5) or the parts 1, 2, 3 */
  options: Array<AssignmentOptionInput>;
  /** Packages or three parts */
  shape: AssignmentShape;
  /** The subject (you must teach it to the class) */
  subjectId: string | number;
  /** Title */
  title: string;
};

/** A bank item in an option */
export type AssignmentItemInput = {
  /** Done at home (true) or in school (false) */
  atHome: boolean;
  /** A bank item; its approved version is pinned */
  itemId: string | number;
};

/** A package, or a part of a three-part assignment */
export type AssignmentOptionInput = {
  /** Items, 1–10 */
  items: Array<AssignmentItemInput>;
  /** A, B… for packages; 1, 2, 3 for parts (1 basic, 2 extending, 3 divergent) */
  key: string;
  /** Name shown to students */
  name: string;
};

/** How an assignment is tiered */
export type AssignmentShape =
  /** A/B 套餐 (menu-style): two or more packages, the student picks one */
  | 'PACKAGES'
  /** 三三三: part 1 basic (required), 2 extending and 3 divergent (optional); levels A, B, C */
  | 'THREE_PART';

/** Publish or unpublish an assignment */
export type AssignmentStepInput = {
  /** The assignment */
  assignmentId: string | number;
  /** The revision you read */
  expectedRevision: number;
};

/** A file handed in with the work (stored elsewhere; only its reference is kept) */
export type AttachmentInput = {
  /** MIME type, e.g. image/jpeg */
  mimeType: string;
  /** File name, e.g. 作文.jpg */
  name: string;
  /** Size in bytes, at most 20 MB */
  sizeBytes: number;
};

/** Import items into a research group's bank */
export type BankImportInput = {
  /** Only check and report; write nothing */
  dryRun?: boolean;
  /** The file, base64-encoded (at most ~700 KB) */
  fileBase64: string;
  /** XLSX or CSV */
  format: SheetFormat;
  /** The research group */
  groupId: string | number;
};

/** A new draft item in a unit */
export type BankItemCreateInput = {
  /** Answer and marking guide, for teachers only (1–5000 characters) */
  answerGuide: string;
  /** Set when the item goes beyond the curriculum standard (课标); it then cannot be submitted */
  beyondCurriculumStandard?: boolean;
  /** The task as students read it, Markdown (1–5000 characters) */
  body: string;
  /** A key the client makes once per create (8–100 characters); a retry with it returns the first result */
  clientKey?: string | null | undefined;
  /** A composition (作文): marked within a week instead of the next school day */
  composition?: boolean;
  /** Difficulty 1–5 within the curriculum standard */
  difficulty: number;
  /** Form of homework */
  form: HomeworkForm;
  /** 知识性 or 趣味性 */
  knowledgeOrFun: KnowledgeOrFun;
  /** Needs a parent to take part */
  needsParent?: boolean;
  /** Needs a phone or tablet */
  needsPhone?: boolean;
  /** Objectives of the item's unit that it covers */
  objectiveIds: Array<string | number>;
  /** 实践性 or 人文性 */
  practicalOrHumanistic: PracticalOrHumanistic;
  /** Minutes a student needs, estimated after doing it (1–120) */
  predictedMinutes: number;
  /** 规定性 or 自主性 */
  prescribedOrSelfChosen: PrescribedOrSelfChosen;
  /** 选编, 改编 or 创编 */
  provenance: Provenance;
  /** Mechanical or repetitive practice */
  repetitive?: boolean;
  /** 常规性 or 阶段性 */
  routineOrStage: RoutineOrStage;
  /** For an adapted (改编) item: the approved bank item it adapts */
  sourceItemId?: string | number | null | undefined;
  /** Source of a selected item, or what an adaptation changed */
  sourceNote?: string | null | undefined;
  /** 基础, 提高 or 拓展 */
  tier: Tier;
  /** Title (1–100 characters) */
  title: string;
  /** The unit */
  unitId: string | number;
};

/** Return an item to its authors with a comment */
export type BankItemReturnInput = {
  /** What to change: guiding and specific (5–1000 characters) */
  comment: string;
  /** The revision you read */
  expectedRevision: number;
  /** The item */
  itemId: string | number;
};

/** A review step on an item */
export type BankItemStepInput = {
  /** The revision you read */
  expectedRevision: number;
  /** The item */
  itemId: string | number;
};

/** New content for an item; an approved item gets a new version */
export type BankItemUpdateInput = {
  /** Answer and marking guide, for teachers only (1–5000 characters) */
  answerGuide: string;
  /** Set when the item goes beyond the curriculum standard (课标); it then cannot be submitted */
  beyondCurriculumStandard?: boolean;
  /** The task as students read it, Markdown (1–5000 characters) */
  body: string;
  /** A composition (作文): marked within a week instead of the next school day */
  composition?: boolean;
  /** Difficulty 1–5 within the curriculum standard */
  difficulty: number;
  /** The revision you read */
  expectedRevision: number;
  /** Form of homework */
  form: HomeworkForm;
  /** The item */
  itemId: string | number;
  /** 知识性 or 趣味性 */
  knowledgeOrFun: KnowledgeOrFun;
  /** Needs a parent to take part */
  needsParent?: boolean;
  /** Needs a phone or tablet */
  needsPhone?: boolean;
  /** Objectives of the item's unit that it covers */
  objectiveIds: Array<string | number>;
  /** 实践性 or 人文性 */
  practicalOrHumanistic: PracticalOrHumanistic;
  /** Minutes a student needs, estimated after doing it (1–120) */
  predictedMinutes: number;
  /** 规定性 or 自主性 */
  prescribedOrSelfChosen: PrescribedOrSelfChosen;
  /** 选编, 改编 or 创编 */
  provenance: Provenance;
  /** Mechanical or repetitive practice */
  repetitive?: boolean;
  /** 常规性 or 阶段性 */
  routineOrStage: RoutineOrStage;
  /** For an adapted (改编) item: the approved bank item it adapts */
  sourceItemId?: string | number | null | undefined;
  /** Source of a selected item, or what an adaptation changed */
  sourceNote?: string | null | undefined;
  /** 基础, 提高 or 拓展 */
  tier: Tier;
  /** Title (1–100 characters) */
  title: string;
};

/** Appoint the head teacher (班主任) of a class */
export type ClassHeadTeacherSetInput = {
  /** The class */
  classId: string | number;
  /** A teacher of the same school */
  teacherId: string | number;
};

/** Form of homework; only WRITTEN counts against the written-time caps, every form at home against the school's total-time cap */
export type HomeworkForm =
  /** 体育锻炼 */
  | 'EXERCISE'
  /** 趣味 */
  | 'FUN'
  /** 个性化 */
  | 'INDIVIDUAL'
  /** 探究 */
  | 'INQUIRY'
  /** 家务劳动 */
  | 'LABOUR'
  /** 口头 */
  | 'ORAL'
  /** 实践 */
  | 'PRACTICAL'
  /** 阅读 */
  | 'READING'
  /** 书面 */
  | 'WRITTEN';

/** "142": 知识性 or 趣味性 */
export type KnowledgeOrFun =
  /** 趣味性 */
  | 'FUN'
  /** 知识性 */
  | 'KNOWLEDGE';

/** Credentials to sign in with */
export type LoginInput = {
  /** Password */
  password: string;
  /** The school code, e.g. jhsy */
  schoolCode: string;
  /** Username within the school */
  username: string;
};

/** An objective of a unit */
export type ObjectiveInput = {
  /** What students should know or be able to do (1–200 characters) */
  description: string;
  /** 知识, 能力 or 素养 */
  kind: ObjectiveKind;
};

/** Kind of unit objective */
export type ObjectiveKind =
  /** 能力 */
  | 'ABILITY'
  /** 知识 */
  | 'KNOWLEDGE'
  /** 素养 */
  | 'LITERACY';

/** Change your own password */
export type PasswordChangeInput = {
  /** Your current password */
  currentPassword: string;
  /** The new password: 10–200 characters with at least one letter and one digit */
  newPassword: string;
};

/** A classmate's advice on a submission; never a mark */
export type PeerCommentInput = {
  /** The advice (2–500 characters) */
  comment: string;
  /** The submission */
  submissionId: string | number;
};

/** "142": 实践性 or 人文性 */
export type PracticalOrHumanistic =
  /** 人文性 */
  | 'HUMANISTIC'
  /** 实践性 */
  | 'PRACTICAL';

/** "142": 规定性 or 自主性 */
export type PrescribedOrSelfChosen =
  /** 规定性 */
  | 'PRESCRIBED'
  /** 自主性 */
  | 'SELF_CHOSEN';

/** Where an item comes from */
export type Provenance =
  /** 改编: adapted from another bank item */
  | 'ADAPTED'
  /** 创编: written by the group */
  | 'CREATED'
  /** 选编: taken as it is from a source */
  | 'SELECTED';

/** Fill in your record sheet */
export type RecordSheetFillInput = {
  /** Bedtime */
  bedtime?: string | null | undefined;
  /** The day */
  date: string;
  /** Actual minutes per subject */
  entries?: Array<SheetEntryInput>;
  /** Minutes of physical exercise this day (体育锻炼) */
  exerciseMinutes?: number | null | undefined;
  /** The revision you read; required once filled */
  expectedRevision?: number | null | undefined;
  /** Minutes of reading this day (阅读) */
  readingMinutes?: number | null | undefined;
  /** Self-arranged study */
  selfStudyContent?: string | null | undefined;
  /** Minutes of self-arranged study */
  selfStudyMinutes?: number | null | undefined;
};

/** A role a user holds in their school */
export type Role =
  /** 教务处: sets load policy, oversees every class */
  | 'ACADEMIC_OFFICE'
  /** 班主任: coordinates a class */
  | 'HEAD_TEACHER'
  /** 家长: reads their own children's record */
  | 'PARENT'
  /** 教研组长/备课组长: leads a research group */
  | 'RESEARCH_LEAD'
  /** 学生 */
  | 'STUDENT'
  /** 学科教师: teaches a subject to classes */
  | 'TEACHER';

/** "142": 常规性 or 阶段性 */
export type RoutineOrStage =
  /** 常规性 */
  | 'ROUTINE'
  /** 阶段性 */
  | 'STAGE';

/** Actual minutes of one subject */
export type SheetEntryInput = {
  /** Minutes actually spent (0–600) */
  actualMinutes: number;
  /** The homework */
  assignmentId: string | number;
};

/** Spreadsheet file format */
export type SheetFormat =
  /** UTF-8 CSV */
  | 'CSV'
  /** Excel workbook */
  | 'XLSX';

/** Submit homework */
export type SubmissionCreateInput = {
  /** Minutes the student actually spent (0–600) */
  actualMinutes: number;
  /** The answer as text (may be empty when the work is on paper or attached) */
  answer: string;
  /** The assignment */
  assignmentId: string | number;
  /** Attachments, at most 10 */
  attachments?: Array<AttachmentInput>;
  /** The package or level done (a key of the assignment's choices) */
  choice: string;
  /** A key the client makes once per submission (8–100 characters); a retry with it returns the first result */
  clientKey: string;
  /** Uploaded files handed in with the work (ids from POST /uploads): up to the photo limit (9 unless configured), or one recording or one PDF */
  fileIds?: Array<string | number>;
};

/** Mark the latest version of a submission */
export type SubmissionMarkInput = {
  /** Guiding, encouraging comment (5–1000 characters; Chinese is dense) */
  comment: string;
  /** The revision you read */
  expectedRevision: number;
  /** Marked face to face (面批) */
  faceToFace?: boolean;
  /** Tier × quality, e.g. A+, B, C− (the letter is the level the student did; for packages the package key) */
  mark: string;
  /** Ask the student for a correction, to be re-checked */
  requestCorrection?: boolean;
  /** The submission */
  submissionId: string | number;
};

/** Where a submission stands */
export type SubmissionStatus =
  /** Handed in (or corrected) and waiting for the teacher */
  | 'AWAITING_MARK'
  /** The teacher asked for a correction */
  | 'CORRECTION_REQUESTED'
  /** Marked */
  | 'MARKED';

/** Tier of a bank item */
export type Tier =
  /** 基础 */
  | 'BASIC'
  /** 拓展 */
  | 'EXTENDING'
  /** 提高 */
  | 'IMPROVING';

/** A new unit with its objectives */
export type UnitCreateInput = {
  /** A key the client makes once per create (8–100 characters); a retry with it returns the first result */
  clientKey?: string | null | undefined;
  /** Grade 1–9 */
  grade: number;
  /** Objectives: at least one, at most 50 */
  objectives: Array<ObjectiveInput>;
  /** Position of the unit in its volume (1–99) */
  sortOrder: number;
  /** The subject */
  subjectId: string | number;
  /** The term */
  termId: string | number;
  /** Title (1–100 characters) */
  title: string;
  /** Textbook volume, e.g. 三年级上册 */
  volume: string;
};

/** Stable code of a business-rule refusal */
export type UserErrorCode =
  /** The parent is already bound to this child */
  | 'ALREADY_BOUND'
  /** The assignment is already published */
  | 'ALREADY_PUBLISHED'
  /** The student has already submitted this assignment; corrections go through submissionCorrect */
  | 'ALREADY_SUBMITTED'
  /** The class already has one day's homework in this subject on this day (homework over several days may run alongside it) */
  | 'ASSIGNMENT_EXISTS'
  /** The item is harder than the national curriculum standard (课标) allows */
  | 'BEYOND_CURRICULUM_STANDARD'
  /** The request was already approved or rejected */
  | 'BINDING_ALREADY_DECIDED'
  /** The school code, the class's join code, the child's name and the last digits of the 学籍号 do not name one student; figures give attemptsLeft before sign-ins of this kind are paused */
  | 'BINDING_NOT_MATCHED'
  /** The parent already has a request for this child waiting for the head teacher */
  | 'BINDING_PENDING'
  /** A weekday's subject budgets may not sum above the class's cap for a school day (the written cap, or the school's total-time cap when lower); figures give weekday, cap, sum and excess minutes */
  | 'BUDGETS_EXCEED_CAP'
  /** The class was archived at a school-year rollover: its history is readable, nothing new is added to it */
  | 'CLASS_ARCHIVED'
  /** The grade already has a class of this number; figures give grade and classNo */
  | 'CLASS_EXISTS'
  /** Someone else made the same change at the same moment; reload and try again */
  | 'CONCURRENT_CHANGE'
  /** A guardian must consent before the service keeps a minor's work, choices or record sheets */
  | 'CONSENT_REQUIRED'
  /** The class's written homework at home would exceed the day's cap; figures give cap, published, this and excess minutes */
  | 'DAILY_LOAD_EXCEEDED'
  /** A day is listed both as a holiday and as a make-up school day, or twice */
  | 'DAY_MARKED_TWICE'
  /** A calendar day lies outside the term or year being set */
  | 'DAY_OUTSIDE_RANGE'
  /** An entry falls outside the week of the list (Monday to Sunday) */
  | 'DAY_OUTSIDE_WEEK'
  /** One share per day of the span, in order */
  | 'DAY_SHARES_COUNT'
  /** Each day's share is a whole number from 0 to 100, and at least one day has work */
  | 'DAY_SHARES_INVALID'
  /** Homework over several days is due on or after its first day */
  | 'DUE_BEFORE_START'
  /** A new entry class would have the grade and number of a class moving up or of another new class; figures give grade and classNo */
  | 'ENTRY_CLASS_TAKEN'
  /** A file named is not an upload of yours that is still unused (each upload is used once) */
  | 'FILE_NOT_USABLE'
  /** The file is larger than its kind allows; figures give sizeBytes and maxBytes */
  | 'FILE_TOO_LARGE'
  /** The bytes of the upload are not a JPEG, PNG, PDF, M4A, MP3 or WebM file (the type is read from the content, not the name) */
  | 'FILE_TYPE_NOT_ALLOWED'
  /** The file starts like an accepted type but cannot be decoded (damaged or cut short) */
  | 'FILE_UNREADABLE'
  /** The school does not teach this grade */
  | 'GRADE_NOT_IN_SCHOOL'
  /** A group that homework is addressed to cannot be deleted; figures give how many assignments */
  | 'GROUP_IN_USE'
  /** A group holds students of its class only; figures give how many of the named students are not in it */
  | 'GROUP_MEMBER_NOT_IN_CLASS'
  /** A class has one group of a name per subject */
  | 'GROUP_NAME_TAKEN'
  /** Homework is addressed to a group of its own class and subject */
  | 'GROUP_OF_ANOTHER_CLASS_OR_SUBJECT'
  /** A child may have at most two guardians bound; figures give maxGuardians and guardians */
  | 'GUARDIANS_FULL'
  /** HEIC photos (iPhone "High Efficiency") cannot be read by the server; take the photo as JPEG */
  | 'HEIC_NOT_SUPPORTED'
  /** The client key was already used for a different request */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The packages or parts of the assignment are not well formed */
  | 'INVALID_STRUCTURE'
  /** The review lifecycle does not allow this step from the current status */
  | 'INVALID_TRANSITION'
  /** Only practical homework may involve a parent; homework is never assigned to parents */
  | 'ITEM_NEEDS_PARENT'
  /** Homework may not need a phone */
  | 'ITEM_NEEDS_PHONE'
  /** Only approved bank items may be planned or assigned */
  | 'ITEM_NOT_APPROVED'
  /** An item of another grade cannot be assigned to the class unless its research group marked it as suited to the class's grade */
  | 'ITEM_OF_ANOTHER_GRADE'
  /** Mechanical or repetitive homework may not be assigned */
  | 'ITEM_REPETITIVE'
  /** A school cap may be stricter than the national one, never looser */
  | 'LOOSER_THAN_NATIONAL'
  /** A make-up school day (调休) must be a Saturday or Sunday */
  | 'MAKE_UP_DAY_NOT_WEEKEND'
  /** The letter of a mark is the level the student did: a C-level submission cannot receive an A mark */
  | 'MARK_LEVEL_MISMATCH'
  /** A student's day takes a limited number of parents' messages (figures: messages, maxMessages) */
  | 'MESSAGES_PER_DAY_EXCEEDED'
  /** The latest version of the submission has already been marked */
  | 'NOTHING_TO_MARK'
  /** Only photos can be marked on or carried by a bank item */
  | 'NOT_AN_IMAGE'
  /** The user named does not hold the student role */
  | 'NOT_A_STUDENT'
  /** The user named does not hold the teacher role */
  | 'NOT_A_TEACHER'
  /** The assignment is not published */
  | 'NOT_PUBLISHED'
  /** Every account chosen already has a password of its own (or none is active); name accounts in userIds to reset them */
  | 'NO_ACCOUNTS_TO_ISSUE'
  /** Minutes are released on a school day whose weekday has subject budgets; figures give the weekday */
  | 'NO_BUDGETS_ON_DAY'
  /** The teacher has not asked for a correction of this submission */
  | 'NO_CORRECTION_REQUESTED'
  /** Nobody approves or returns an item they wrote or last edited */
  | 'OWN_ITEM_REVIEW'
  /** Nobody removes their own academic-office role or deactivates themselves */
  | 'OWN_OFFICE_ROLE'
  /** Nobody issues an initial password to themselves; change your own password with passwordChange */
  | 'OWN_PASSWORD_RESET'
  /** The username (a mobile number) already has an account: sign in with it and add the child there */
  | 'PARENT_ACCOUNT_EXISTS'
  /** Part 1 of a 三三三 assignment is the required basic part: basic-tier items only */
  | 'PART_ONE_NOT_BASIC'
  /** Homework may not be published for a day already past (the school may allow it); figures give the days past */
  | 'PUBLISHED_FOR_PAST_DAY'
  /** Homework for a school day is published before the school's latest publishing time of that day (在下课之前); figures give the minutes late */
  | 'PUBLISHED_TOO_LATE'
  /** A subject can release only the minutes of its budget it has not used that day; figures give available, used, unused, requested and excess minutes */
  | 'RELEASE_EXCEEDS_UNUSED'
  /** The school already has a research group for this subject and grade */
  | 'RESEARCH_GROUP_EXISTS'
  /** The new password equals the current one */
  | 'SAME_PASSWORD'
  /** The school's storage space is used up; figures give usedBytes, sizeBytes and quotaBytes */
  | 'SCHOOL_STORAGE_FULL'
  /** The head teacher has read the record sheet; corrections go through them */
  | 'SHEET_LOCKED'
  /** Homework over several days spans at most 62 days (about a summer holiday); figures give the days asked for */
  | 'SPAN_TOO_LONG'
  /** Someone changed the record since you read it; figures name the current revision */
  | 'STALE_REVISION'
  /** Another student of the school has this 学籍号 */
  | 'STUDENT_NO_TAKEN'
  /** A subject's written homework at home would exceed its budget of the day; figures give budget, released, received, available, published, this and excess minutes */
  | 'SUBJECT_BUDGET_EXCEEDED'
  /** The school already has a subject of this name */
  | 'SUBJECT_EXISTS'
  /** A tier is suggested only to a student the assignment is addressed to */
  | 'SUGGESTION_NOT_ADDRESSED'
  /** The teacher already teaches this subject to this class */
  | 'TEACHING_ASSIGNMENT_EXISTS'
  /** The school already has this term of this academic year */
  | 'TERM_EXISTS'
  /** The dates overlap another term of the school */
  | 'TERM_OVERLAP'
  /** A hand-in carries at most N photos or one recording (or one PDF), not a mix; figures give count and max */
  | 'TOO_MANY_FILES'
  /** The class's homework of every form at home would exceed the school's total-time cap for the day; figures give cap, published, this and excess minutes */
  | 'TOTAL_LOAD_EXCEEDED'
  /** Another unit of the subject, grade and term already has this order */
  | 'UNIT_ORDER_TAKEN'
  /** The assignment offers no such package or level */
  | 'UNKNOWN_CHOICE'
  /** Another user of the school has this username */
  | 'USERNAME_TAKEN'
  /** The user has been deactivated (left the school) and cannot be given new work */
  | 'USER_DEACTIVATED'
  /** The weekly list has been approved by the academic office and is final */
  | 'WEEKLY_LIST_APPROVED'
  /** The weekly list has been filed with the academic office and is locked */
  | 'WEEKLY_LIST_FILED'
  /** Only a filed weekly list is approved or returned by the academic office */
  | 'WEEKLY_LIST_NOT_FILED'
  /** Filing would plan more written minutes at home for a school day than the subject's daily budget in a class of the grade; figures give the budget, this list's and excess minutes */
  | 'WEEKLY_LIST_OVER_SUBJECT_BUDGET'
  /** Filing would take a day of the grade over the school's cap on homework of every form at home; figures give cap, this list's, the other filed lists' and excess minutes */
  | 'WEEKLY_LIST_OVER_TOTAL_CAP'
  /** Filing would take a day of the grade over its written cap; figures give cap, this list's, the other filed lists' and excess minutes */
  | 'WEEKLY_LIST_OVER_WRITTEN_CAP'
  /** Grades 1–2 have no written homework at home */
  | 'WRITTEN_AT_HOME_FORBIDDEN'
  /** The current password given is wrong */
  | 'WRONG_PASSWORD'
  /** The school was already rolled into this academic year (or a later one) */
  | 'YEAR_ALREADY_ROLLED'
  /** The academic year rolled into has no terms yet: add its first and second terms first; figures give missingTerms */
  | 'YEAR_TERMS_MISSING';

/** One planned piece of homework */
export type WeeklyListEntryInput = {
  /** Done at home (the default; counts against the caps) or in school */
  atHome?: boolean | null | undefined;
  /** The day, within the week */
  day: string;
  /** What the homework is; defaults to the item's title */
  description?: string | null | undefined;
  /** Form; defaults to the item's form, else WRITTEN */
  form?: HomeworkForm | null | undefined;
  /** An approved bank item of that unit (its approved version is planned) */
  itemId?: string | number | null | undefined;
  /** Predicted minutes (1–120); defaults to the item's */
  predictedMinutes?: number | null | undefined;
  /** A unit of the group's subject and grade */
  unitId: string | number;
};

/** Save a research group's weekly list; its entries are replaced */
export type WeeklyListSaveInput = {
  /** The planned homework, at most 100 entries */
  entries: Array<WeeklyListEntryInput>;
  /** The revision you read; required when the list exists */
  expectedRevision?: number | null | undefined;
  /** The research group */
  groupId: string | number;
  /** Monday of the week */
  weekStart: string;
};

export type ClassNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type ClassNamesQuery = { classes: Array<{ name: string }> };

export type UserNameQueryVariables = Exact<{
  id: string | number;
}>;


export type UserNameQuery = { user: { displayName: string } };

export type UsersPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  role?: Role | null | undefined;
}>;


export type UsersPageQuery = { users: { edges: Array<{ cursor: string, node: { username: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ChartsSubmitMutationVariables = Exact<{
  i: SubmissionCreateInput;
}>;


export type ChartsSubmitMutation = { submissionCreate: { userErrors: Array<{ code: UserErrorCode }> } };

export type ChartsClassLoadUrlQueryVariables = Exact<{
  c: string | number;
  from: string;
  to: string;
}>;


export type ChartsClassLoadUrlQuery = { classLoadChartUrl: string };

export type ChartsStudentWeekUrlQueryVariables = Exact<{
  s: string | number;
  w: string;
}>;


export type ChartsStudentWeekUrlQuery = { studentWeekChartUrl: string };

export type ChartsLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type ChartsLogoutMutation = { logout: { revoked: boolean } };

export type ChartsPasswordChangeMutationVariables = Exact<{
  i: PasswordChangeInput;
}>;


export type ChartsPasswordChangeMutation = { passwordChange: { token: string | null, userErrors: Array<{ code: UserErrorCode }> } };

export type ExcelImportMutationVariables = Exact<{
  i: BankImportInput;
}>;


export type ExcelImportMutation = { bankImport: { dryRun: boolean, rows: number, created: number, unchanged: number, problems: Array<{ row: number, column: string, message: string }>, userErrors: Array<{ code: UserErrorCode }> } };

export type ExcelSubmitForReviewMutationVariables = Exact<{
  input: BankItemStepInput;
}>;


export type ExcelSubmitForReviewMutation = { bankItemSubmitForReview: { item: { id: string, revision: number } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string>, message: string }> } };

export type ExcelApproveMutationVariables = Exact<{
  input: BankItemStepInput;
}>;


export type ExcelApproveMutation = { bankItemApprove: { item: { id: string, revision: number } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string>, message: string }> } };

export type ExcelReturnMutationVariables = Exact<{
  input: BankItemReturnInput;
}>;


export type ExcelReturnMutation = { bankItemReturn: { item: { id: string, revision: number } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string>, message: string }> } };

export type ExcelUpdateItemMutationVariables = Exact<{
  input: BankItemUpdateInput;
}>;


export type ExcelUpdateItemMutation = { bankItemUpdate: { item: { id: string, revision: number } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string>, message: string }> } };

export type ExcelExportQueryVariables = Exact<{
  u: string | number;
}>;


export type ExcelExportQuery = { bankExport: { fileName: string, mimeType: string, contentBase64: string } };

export type ExcelUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type ExcelUnitsQuery = { units: Array<{ id: string, title: string }> };

export type ExcelWeeklyNoticeQueryVariables = Exact<{
  w: string;
  g?: number | null | undefined;
}>;


export type ExcelWeeklyNoticeQuery = { weeklyNoticeExport: { fileName: string, contentBase64: string } };

export type SchoolNameQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolNameQuery = { school: { name: string } };

export type LimitsLoginMutationVariables = Exact<{
  i: LoginInput;
}>;


export type LimitsLoginMutation = { login: { token: string | null } };

export type PrivacySubmitMutationVariables = Exact<{
  i: SubmissionCreateInput;
}>;


export type PrivacySubmitMutation = { submissionCreate: { submission: { id: string } | null, userErrors: Array<{ code: UserErrorCode, message: string }> } };

export type PrivacyConsentMutationVariables = Exact<{
  s: string | number;
  g: boolean;
}>;


export type PrivacyConsentMutation = { guardianConsentSet: { student: { guardianConsentAt: string | null } | null, userErrors: Array<{ code: UserErrorCode }> } };

export type PrivacyChooseMutationVariables = Exact<{
  i: AssignmentChooseInput;
}>;


export type PrivacyChooseMutation = { assignmentChoose: { userErrors: Array<{ code: UserErrorCode }> } };

export type PrivacyFillMutationVariables = Exact<{
  i: RecordSheetFillInput;
}>;


export type PrivacyFillMutation = { recordSheetFill: { userErrors: Array<{ code: UserErrorCode }> } };

export type PrivacySubmissionQueryVariables = Exact<{
  id: string | number;
}>;


export type PrivacySubmissionQuery = { submission: { status: SubmissionStatus } };

export type PrivacySheetQueryVariables = Exact<{
  d: string;
  s: string | number;
}>;


export type PrivacySheetQuery = { recordSheet: { flags: Array<string>, bedtime: string | null } };

export type PrivacyAccessLogQueryVariables = Exact<{
  s?: string | number | null | undefined;
}>;


export type PrivacyAccessLogQuery = { accessLog: { edges: Array<{ node: { resource: string, actor: { username: string }, student: { username: string } } }> } };

export type PrivacyAccessLogAnyQueryVariables = Exact<{ [key: string]: never; }>;


export type PrivacyAccessLogAnyQuery = { accessLog: { edges: Array<{ cursor: string }> } };

export type PrivacyDaySubmissionQueryVariables = Exact<{
  d: string;
  s: string | number;
}>;


export type PrivacyDaySubmissionQuery = { studentDay: Array<{ submission: { id: string, peerComments: Array<{ comment: string }> } | null }> };

export type PrivacyParentMessageMutationVariables = Exact<{
  d: string;
  s: string | number;
  m: string;
}>;


export type PrivacyParentMessageMutation = { recordSheetParentMessage: { userErrors: Array<{ code: UserErrorCode }> } };

export type PrivacyExportQueryVariables = Exact<{
  s: string | number;
}>;


export type PrivacyExportQuery = { studentDataExport: string };

export type PrivacyDeleteMutationVariables = Exact<{
  s: string | number;
}>;


export type PrivacyDeleteMutation = { studentDataDelete: { deleted: boolean, userErrors: Array<{ code: UserErrorCode }> } };

export type PrivacyLoginMutationVariables = Exact<{
  i: LoginInput;
}>;


export type PrivacyLoginMutation = { login: { token: string | null } };

export type PrivacyMeQueryVariables = Exact<{ [key: string]: never; }>;


export type PrivacyMeQuery = { me: { id: string, username: string } };

export type PrivacyMarkMutationVariables = Exact<{
  i: SubmissionMarkInput;
}>;


export type PrivacyMarkMutation = { submissionMark: { submission: { id: string } | null, userErrors: Array<{ code: UserErrorCode }> } };

export type PrivacyPeerMutationVariables = Exact<{
  i: PeerCommentInput;
}>;


export type PrivacyPeerMutation = { submissionPeerComment: { peerComment: { comment: string } | null, userErrors: Array<{ code: UserErrorCode }> } };

export type PrivacyReadMutationVariables = Exact<{
  d: string;
  s: string | number;
  r?: string | null | undefined;
  o?: boolean;
}>;


export type PrivacyReadMutation = { recordSheetRead: { sheet: { reply: string | null } | null, userErrors: Array<{ code: UserErrorCode }> } };

export type TenantMeQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantMeQuery = { me: { id: string } };

export type TenantNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type TenantNodeQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type TenantOfficeListsQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantOfficeListsQuery = { school: { id: string, name: string, subjects: Array<{ id: string }>, terms: Array<{ id: string }> }, classes: Array<{ id: string, name: string, headTeacher: { id: string } | null, students: Array<{ id: string }>, teachingAssignments: Array<{ id: string, teacher: { id: string }, subject: { id: string } }> }>, researchGroups: Array<{ id: string, lead: { id: string }, members: Array<{ id: string }>, subject: { id: string } }>, users: { edges: Array<{ node: { id: string, username: string } }>, pageInfo: { hasNextPage: boolean } } };

export type TenantClassQueryVariables = Exact<{
  id: string | number;
}>;


export type TenantClassQuery = { class: { name: string } };

export type TenantUserQueryVariables = Exact<{
  id: string | number;
}>;


export type TenantUserQuery = { user: { displayName: string } };

export type TenantHeadTeacherSetMutationVariables = Exact<{
  input: ClassHeadTeacherSetInput;
}>;


export type TenantHeadTeacherSetMutation = { classHeadTeacherSet: { class: { id: string } | null, userErrors: Array<{ code: UserErrorCode }> } };

export type SweepUnitCreateMutationVariables = Exact<{
  input: UnitCreateInput;
}>;


export type SweepUnitCreateMutation = { unitCreate: { unit: { id: string, objectives: Array<{ id: string }> } | null, userErrors: Array<{ code: UserErrorCode, message: string }> } };

export type SweepItemCreateMutationVariables = Exact<{
  input: BankItemCreateInput;
}>;


export type SweepItemCreateMutation = { bankItemCreate: { item: { id: string, revision: number } | null, userErrors: Array<{ code: UserErrorCode, message: string }> } };

export type SweepItemSubmitMutationVariables = Exact<{
  input: BankItemStepInput;
}>;


export type SweepItemSubmitMutation = { bankItemSubmitForReview: { item: { id: string, revision: number } | null, userErrors: Array<{ code: UserErrorCode, message: string }> } };

export type SweepItemApproveMutationVariables = Exact<{
  input: BankItemStepInput;
}>;


export type SweepItemApproveMutation = { bankItemApprove: { item: { id: string, revision: number } | null, userErrors: Array<{ code: UserErrorCode, message: string }> } };

export type SweepAssignmentCreateMutationVariables = Exact<{
  input: AssignmentCreateInput;
}>;


export type SweepAssignmentCreateMutation = { assignmentCreate: { assignment: { id: string, revision: number } | null, userErrors: Array<{ code: UserErrorCode, message: string }> } };

export type SweepAssignmentPublishMutationVariables = Exact<{
  input: AssignmentStepInput;
}>;


export type SweepAssignmentPublishMutation = { assignmentPublish: { assignment: { id: string } | null, userErrors: Array<{ code: UserErrorCode, message: string }> } };

export type SweepSubmissionCreateMutationVariables = Exact<{
  input: SubmissionCreateInput;
}>;


export type SweepSubmissionCreateMutation = { submissionCreate: { submission: { id: string, revision: number } | null, userErrors: Array<{ code: UserErrorCode, message: string }> } };

export type SweepSubmissionMarkMutationVariables = Exact<{
  input: SubmissionMarkInput;
}>;


export type SweepSubmissionMarkMutation = { submissionMark: { userErrors: Array<{ code: UserErrorCode, message: string }> } };

export type SweepWeeklyListSaveMutationVariables = Exact<{
  input: WeeklyListSaveInput;
}>;


export type SweepWeeklyListSaveMutation = { weeklyListSave: { list: { id: string } | null, userErrors: Array<{ code: UserErrorCode, message: string }> } };

export type SweepLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type SweepLoginMutation = { login: { token: string | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ClassNamesDocument = new TypedDocumentString(`
    query ClassNames {
  classes {
    name
  }
}
    `) as unknown as TypedDocumentString<ClassNamesQuery, ClassNamesQueryVariables>;
export const UserNameDocument = new TypedDocumentString(`
    query UserName($id: ID!) {
  user(id: $id) {
    displayName
  }
}
    `) as unknown as TypedDocumentString<UserNameQuery, UserNameQueryVariables>;
export const UsersPageDocument = new TypedDocumentString(`
    query UsersPage($first: Int!, $after: String, $role: Role) {
  users(first: $first, after: $after, role: $role) {
    edges {
      cursor
      node {
        username
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<UsersPageQuery, UsersPageQueryVariables>;
export const ChartsSubmitDocument = new TypedDocumentString(`
    mutation ChartsSubmit($i: SubmissionCreateInput!) {
  submissionCreate(input: $i) {
    userErrors {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ChartsSubmitMutation, ChartsSubmitMutationVariables>;
export const ChartsClassLoadUrlDocument = new TypedDocumentString(`
    query ChartsClassLoadUrl($c: ID!, $from: LocalDate!, $to: LocalDate!) {
  classLoadChartUrl(classId: $c, from: $from, to: $to)
}
    `) as unknown as TypedDocumentString<ChartsClassLoadUrlQuery, ChartsClassLoadUrlQueryVariables>;
export const ChartsStudentWeekUrlDocument = new TypedDocumentString(`
    query ChartsStudentWeekUrl($s: ID!, $w: LocalDate!) {
  studentWeekChartUrl(studentId: $s, weekStart: $w)
}
    `) as unknown as TypedDocumentString<ChartsStudentWeekUrlQuery, ChartsStudentWeekUrlQueryVariables>;
export const ChartsLogoutDocument = new TypedDocumentString(`
    mutation ChartsLogout {
  logout {
    revoked
  }
}
    `) as unknown as TypedDocumentString<ChartsLogoutMutation, ChartsLogoutMutationVariables>;
export const ChartsPasswordChangeDocument = new TypedDocumentString(`
    mutation ChartsPasswordChange($i: PasswordChangeInput!) {
  passwordChange(input: $i) {
    token
    userErrors {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ChartsPasswordChangeMutation, ChartsPasswordChangeMutationVariables>;
export const ExcelImportDocument = new TypedDocumentString(`
    mutation ExcelImport($i: BankImportInput!) {
  bankImport(input: $i) {
    dryRun
    rows
    created
    unchanged
    problems {
      row
      column
      message
    }
    userErrors {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ExcelImportMutation, ExcelImportMutationVariables>;
export const ExcelSubmitForReviewDocument = new TypedDocumentString(`
    mutation ExcelSubmitForReview($input: BankItemStepInput!) {
  bankItemSubmitForReview(input: $input) {
    item {
      id
      revision
    }
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ExcelSubmitForReviewMutation, ExcelSubmitForReviewMutationVariables>;
export const ExcelApproveDocument = new TypedDocumentString(`
    mutation ExcelApprove($input: BankItemStepInput!) {
  bankItemApprove(input: $input) {
    item {
      id
      revision
    }
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ExcelApproveMutation, ExcelApproveMutationVariables>;
export const ExcelReturnDocument = new TypedDocumentString(`
    mutation ExcelReturn($input: BankItemReturnInput!) {
  bankItemReturn(input: $input) {
    item {
      id
      revision
    }
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ExcelReturnMutation, ExcelReturnMutationVariables>;
export const ExcelUpdateItemDocument = new TypedDocumentString(`
    mutation ExcelUpdateItem($input: BankItemUpdateInput!) {
  bankItemUpdate(input: $input) {
    item {
      id
      revision
    }
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ExcelUpdateItemMutation, ExcelUpdateItemMutationVariables>;
export const ExcelExportDocument = new TypedDocumentString(`
    query ExcelExport($u: ID!) {
  bankExport(unitId: $u) {
    fileName
    mimeType
    contentBase64
  }
}
    `) as unknown as TypedDocumentString<ExcelExportQuery, ExcelExportQueryVariables>;
export const ExcelUnitsDocument = new TypedDocumentString(`
    query ExcelUnits {
  units(grade: 3) {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<ExcelUnitsQuery, ExcelUnitsQueryVariables>;
export const ExcelWeeklyNoticeDocument = new TypedDocumentString(`
    query ExcelWeeklyNotice($w: LocalDate!, $g: Int) {
  weeklyNoticeExport(weekStart: $w, grade: $g) {
    fileName
    contentBase64
  }
}
    `) as unknown as TypedDocumentString<ExcelWeeklyNoticeQuery, ExcelWeeklyNoticeQueryVariables>;
export const SchoolNameDocument = new TypedDocumentString(`
    query SchoolName {
  school {
    name
  }
}
    `) as unknown as TypedDocumentString<SchoolNameQuery, SchoolNameQueryVariables>;
export const LimitsLoginDocument = new TypedDocumentString(`
    mutation LimitsLogin($i: LoginInput!) {
  login(input: $i) {
    token
  }
}
    `) as unknown as TypedDocumentString<LimitsLoginMutation, LimitsLoginMutationVariables>;
export const PrivacySubmitDocument = new TypedDocumentString(`
    mutation PrivacySubmit($i: SubmissionCreateInput!) {
  submissionCreate(input: $i) {
    submission {
      id
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacySubmitMutation, PrivacySubmitMutationVariables>;
export const PrivacyConsentDocument = new TypedDocumentString(`
    mutation PrivacyConsent($s: ID!, $g: Boolean!) {
  guardianConsentSet(studentId: $s, given: $g) {
    student {
      guardianConsentAt
    }
    userErrors {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacyConsentMutation, PrivacyConsentMutationVariables>;
export const PrivacyChooseDocument = new TypedDocumentString(`
    mutation PrivacyChoose($i: AssignmentChooseInput!) {
  assignmentChoose(input: $i) {
    userErrors {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacyChooseMutation, PrivacyChooseMutationVariables>;
export const PrivacyFillDocument = new TypedDocumentString(`
    mutation PrivacyFill($i: RecordSheetFillInput!) {
  recordSheetFill(input: $i) {
    userErrors {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacyFillMutation, PrivacyFillMutationVariables>;
export const PrivacySubmissionDocument = new TypedDocumentString(`
    query PrivacySubmission($id: ID!) {
  submission(id: $id) {
    status
  }
}
    `) as unknown as TypedDocumentString<PrivacySubmissionQuery, PrivacySubmissionQueryVariables>;
export const PrivacySheetDocument = new TypedDocumentString(`
    query PrivacySheet($d: LocalDate!, $s: ID!) {
  recordSheet(date: $d, studentId: $s) {
    flags
    bedtime
  }
}
    `) as unknown as TypedDocumentString<PrivacySheetQuery, PrivacySheetQueryVariables>;
export const PrivacyAccessLogDocument = new TypedDocumentString(`
    query PrivacyAccessLog($s: ID) {
  accessLog(studentId: $s, first: 10) {
    edges {
      node {
        resource
        actor {
          username
        }
        student {
          username
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacyAccessLogQuery, PrivacyAccessLogQueryVariables>;
export const PrivacyAccessLogAnyDocument = new TypedDocumentString(`
    query PrivacyAccessLogAny {
  accessLog(first: 5) {
    edges {
      cursor
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacyAccessLogAnyQuery, PrivacyAccessLogAnyQueryVariables>;
export const PrivacyDaySubmissionDocument = new TypedDocumentString(`
    query PrivacyDaySubmission($d: LocalDate!, $s: ID!) {
  studentDay(date: $d, studentId: $s) {
    submission {
      id
      peerComments {
        comment
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacyDaySubmissionQuery, PrivacyDaySubmissionQueryVariables>;
export const PrivacyParentMessageDocument = new TypedDocumentString(`
    mutation PrivacyParentMessage($d: LocalDate!, $s: ID!, $m: String!) {
  recordSheetParentMessage(studentId: $s, date: $d, message: $m) {
    userErrors {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacyParentMessageMutation, PrivacyParentMessageMutationVariables>;
export const PrivacyExportDocument = new TypedDocumentString(`
    query PrivacyExport($s: ID!) {
  studentDataExport(studentId: $s)
}
    `) as unknown as TypedDocumentString<PrivacyExportQuery, PrivacyExportQueryVariables>;
export const PrivacyDeleteDocument = new TypedDocumentString(`
    mutation PrivacyDelete($s: ID!) {
  studentDataDelete(studentId: $s) {
    deleted
    userErrors {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacyDeleteMutation, PrivacyDeleteMutationVariables>;
export const PrivacyLoginDocument = new TypedDocumentString(`
    mutation PrivacyLogin($i: LoginInput!) {
  login(input: $i) {
    token
  }
}
    `) as unknown as TypedDocumentString<PrivacyLoginMutation, PrivacyLoginMutationVariables>;
export const PrivacyMeDocument = new TypedDocumentString(`
    query PrivacyMe {
  me {
    id
    username
  }
}
    `) as unknown as TypedDocumentString<PrivacyMeQuery, PrivacyMeQueryVariables>;
export const PrivacyMarkDocument = new TypedDocumentString(`
    mutation PrivacyMark($i: SubmissionMarkInput!) {
  submissionMark(input: $i) {
    submission {
      id
    }
    userErrors {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacyMarkMutation, PrivacyMarkMutationVariables>;
export const PrivacyPeerDocument = new TypedDocumentString(`
    mutation PrivacyPeer($i: PeerCommentInput!) {
  submissionPeerComment(input: $i) {
    peerComment {
      comment
    }
    userErrors {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacyPeerMutation, PrivacyPeerMutationVariables>;
export const PrivacyReadDocument = new TypedDocumentString(`
    mutation PrivacyRead($d: LocalDate!, $s: ID!, $r: String, $o: Boolean! = false) {
  recordSheetRead(studentId: $s, date: $d, reply: $r, reopen: $o) {
    sheet {
      reply
    }
    userErrors {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PrivacyReadMutation, PrivacyReadMutationVariables>;
export const TenantMeDocument = new TypedDocumentString(`
    query TenantMe {
  me {
    id
  }
}
    `) as unknown as TypedDocumentString<TenantMeQuery, TenantMeQueryVariables>;
export const TenantNodeDocument = new TypedDocumentString(`
    query TenantNode($id: ID!) {
  node(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<TenantNodeQuery, TenantNodeQueryVariables>;
export const TenantOfficeListsDocument = new TypedDocumentString(`
    query TenantOfficeLists {
  school {
    id
    name
    subjects {
      id
    }
    terms {
      id
    }
  }
  classes {
    id
    name
    headTeacher {
      id
    }
    students {
      id
    }
    teachingAssignments {
      id
      teacher {
        id
      }
      subject {
        id
      }
    }
  }
  researchGroups {
    id
    lead {
      id
    }
    members {
      id
    }
    subject {
      id
    }
  }
  users(first: 100) {
    edges {
      node {
        id
        username
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<TenantOfficeListsQuery, TenantOfficeListsQueryVariables>;
export const TenantClassDocument = new TypedDocumentString(`
    query TenantClass($id: ID!) {
  class(id: $id) {
    name
  }
}
    `) as unknown as TypedDocumentString<TenantClassQuery, TenantClassQueryVariables>;
export const TenantUserDocument = new TypedDocumentString(`
    query TenantUser($id: ID!) {
  user(id: $id) {
    displayName
  }
}
    `) as unknown as TypedDocumentString<TenantUserQuery, TenantUserQueryVariables>;
export const TenantHeadTeacherSetDocument = new TypedDocumentString(`
    mutation TenantHeadTeacherSet($input: ClassHeadTeacherSetInput!) {
  classHeadTeacherSet(input: $input) {
    class {
      id
    }
    userErrors {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<TenantHeadTeacherSetMutation, TenantHeadTeacherSetMutationVariables>;
export const SweepUnitCreateDocument = new TypedDocumentString(`
    mutation SweepUnitCreate($input: UnitCreateInput!) {
  unitCreate(input: $input) {
    unit {
      id
      objectives {
        id
      }
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SweepUnitCreateMutation, SweepUnitCreateMutationVariables>;
export const SweepItemCreateDocument = new TypedDocumentString(`
    mutation SweepItemCreate($input: BankItemCreateInput!) {
  bankItemCreate(input: $input) {
    item {
      id
      revision
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SweepItemCreateMutation, SweepItemCreateMutationVariables>;
export const SweepItemSubmitDocument = new TypedDocumentString(`
    mutation SweepItemSubmit($input: BankItemStepInput!) {
  bankItemSubmitForReview(input: $input) {
    item {
      id
      revision
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SweepItemSubmitMutation, SweepItemSubmitMutationVariables>;
export const SweepItemApproveDocument = new TypedDocumentString(`
    mutation SweepItemApprove($input: BankItemStepInput!) {
  bankItemApprove(input: $input) {
    item {
      id
      revision
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SweepItemApproveMutation, SweepItemApproveMutationVariables>;
export const SweepAssignmentCreateDocument = new TypedDocumentString(`
    mutation SweepAssignmentCreate($input: AssignmentCreateInput!) {
  assignmentCreate(input: $input) {
    assignment {
      id
      revision
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SweepAssignmentCreateMutation, SweepAssignmentCreateMutationVariables>;
export const SweepAssignmentPublishDocument = new TypedDocumentString(`
    mutation SweepAssignmentPublish($input: AssignmentStepInput!) {
  assignmentPublish(input: $input) {
    assignment {
      id
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SweepAssignmentPublishMutation, SweepAssignmentPublishMutationVariables>;
export const SweepSubmissionCreateDocument = new TypedDocumentString(`
    mutation SweepSubmissionCreate($input: SubmissionCreateInput!) {
  submissionCreate(input: $input) {
    submission {
      id
      revision
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SweepSubmissionCreateMutation, SweepSubmissionCreateMutationVariables>;
export const SweepSubmissionMarkDocument = new TypedDocumentString(`
    mutation SweepSubmissionMark($input: SubmissionMarkInput!) {
  submissionMark(input: $input) {
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SweepSubmissionMarkMutation, SweepSubmissionMarkMutationVariables>;
export const SweepWeeklyListSaveDocument = new TypedDocumentString(`
    mutation SweepWeeklyListSave($input: WeeklyListSaveInput!) {
  weeklyListSave(input: $input) {
    list {
      id
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SweepWeeklyListSaveMutation, SweepWeeklyListSaveMutationVariables>;
export const SweepLoginDocument = new TypedDocumentString(`
    mutation SweepLogin($input: LoginInput!) {
  login(input: $input) {
    token
  }
}
    `) as unknown as TypedDocumentString<SweepLoginMutation, SweepLoginMutationVariables>;