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

/** Draft or published */
export type AssignmentStatus =
  /** Not yet checked or shown to students */
  | 'DRAFT'
  /** Checked and shown to students */
  | 'PUBLISHED';

/** Publish or unpublish an assignment */
export type AssignmentStepInput = {
  /** The assignment */
  assignmentId: string | number;
  /** The revision you read */
  expectedRevision: number;
};

/** New title and options; a published assignment is checked again */
export type AssignmentUpdateInput = {
  /** The assignment */
  assignmentId: string | number;
  /** New shares, one per day of the span; absent: unchanged (evenly when `dueDay` changes); null: evenly */
  dayShares?: Array<number> | null | undefined;
  /** A new last day (the first day stays; the first day itself: one day's homework again); absent: unchanged */
  dueDay?: string | null | undefined;
  /** The revision you read */
  expectedRevision: number;
  /** Packages (2–5) or the parts 1, 2, 3 */
  options: Array<AssignmentOptionInput>;
  /** Title */
  title: string;
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

/** Filters of a bank search; all given filters must hold */
export type BankItemFilterInput = {
  /** Written by this user */
  authorId?: string | number | null | undefined;
  /** Any of these forms */
  forms?: Array<HomeworkForm> | null | undefined;
  /** Grade */
  grade?: number | null | undefined;
  /** At most this many predicted minutes */
  maxPredictedMinutes?: number | null | undefined;
  /** Covers this objective */
  objectiveId?: string | number | null | undefined;
  /** Any of these statuses (default: all but RETIRED) */
  statuses?: Array<ItemStatus> | null | undefined;
  /** Subject */
  subjectId?: string | number | null | undefined;
  /** Words that must all occur in the title or body (Chinese works without spaces) */
  text?: string | null | undefined;
  /** Any of these tiers */
  tiers?: Array<Tier> | null | undefined;
  /** Unit */
  unitId?: string | number | null | undefined;
};

/** Kind of day for the load caps */
export type DayKind =
  /** A holiday or vacation day of the school calendar */
  | 'HOLIDAY'
  /** A school day */
  | 'SCHOOL_DAY'
  /** Saturday or Sunday, unless the calendar makes it a school day */
  | 'WEEKEND';

/** Replace the pen layer over a photo of handed-in work */
export type FileAnnotateInput = {
  /** The revision you read; required once the photo has marks */
  expectedRevision?: number | null | undefined;
  /** The photo */
  fileId: string | number;
  /** Every stroke of the layer (at most 500); an empty list clears it */
  strokes: Array<PenStrokeInput>;
};

/** What an uploaded file is, read from its bytes */
export type FileKind =
  /** A recording (m4a, mp3 or webm) */
  | 'AUDIO'
  /** A photo (JPEG or PNG) */
  | 'IMAGE'
  /** A PDF document */
  | 'PDF';

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

/** Review status of a bank item (of its working version) */
export type ItemStatus =
  /** Approved; its approved version may be assigned */
  | 'APPROVED'
  /** Being written; members of the group may edit it */
  | 'DRAFT'
  /** No longer offered for new assignments; old assignments keep it */
  | 'RETIRED'
  /** Returned by the reviewer with a comment; editable again */
  | 'RETURNED'
  /** Waiting for the group lead to review it */
  | 'SUBMITTED';

/** An assignment being composed, not yet saved: previewed against the class-day cap */
export type LoadDraftInput = {
  /** Its shares, one per day; absent: evenly */
  dayShares?: Array<number> | null | undefined;
  /** Homework over several days: its last day; the preview counts its share of the previewed date */
  dueDay?: string | null | undefined;
  /** Homework over several days: its first day; absent: the previewed date */
  firstDay?: string | null | undefined;
  /** The group it would be addressed to; absent: the whole class */
  groupId?: string | number | null | undefined;
  /** Packages or parts as composed so far */
  options: Array<LoadDraftOptionInput>;
  /** Packages or three parts */
  shape: AssignmentShape;
  /** The subject; the draft replaces its published assignment of the day in the preview */
  subjectId: string | number;
};

/** A package or part of a draft being composed (may still be empty) */
export type LoadDraftOptionInput = {
  /** Items so far, 0–10 */
  items: Array<AssignmentItemInput>;
  /** A, B… for packages; 1, 2, 3 for parts */
  key: string;
  /** Name shown to students */
  name: string;
};

/** Credentials to sign in with */
export type LoginInput = {
  /** Password */
  password: string;
  /** The school code, e.g. jhsy */
  schoolCode: string;
  /** Username within the school */
  username: string;
};

/** How a parent is related to a student */
export type ParentRelation =
  /** 父亲 */
  | 'FATHER'
  /** 其他监护人 */
  | 'GUARDIAN'
  /** 母亲 */
  | 'MOTHER';

/** Change your own password */
export type PasswordChangeInput = {
  /** Your current password */
  currentPassword: string;
  /** The new password: 10–200 characters with at least one letter and one digit */
  newPassword: string;
};

/** One pen stroke */
export type PenStrokeInput = {
  /** Colour, #rrggbb */
  color: string;
  /** Points x1, y1, x2, y2, … in pixels of the stored photo (2–4000 numbers) */
  points: Array<number>;
  /** Line width in pixels (1–50) */
  width: number;
};

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

/** A parent's message on their child's day */
export type RecordSheetMessageAddInput = {
  /** 1–1000 characters, not blank */
  body: string;
  /** A key the client makes once per message (8–100 characters); a retry with it adds the message once */
  clientKey?: string | null | undefined;
  /** The day */
  date: string;
  /** Your child */
  studentId: string | number;
};

/** The head teacher's answer to one parent's message */
export type RecordSheetMessageAnswerInput = {
  /** The message (RecordSheetMessage.id) */
  messageId: string | number;
  /** 1–1000 characters, not blank; answering again replaces the answer */
  reply: string;
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

/** Actual minutes of one subject */
export type SheetEntryInput = {
  /** Minutes actually spent (0–600) */
  actualMinutes: number;
  /** The homework */
  assignmentId: string | number;
};

/** A new group of students of a class, for a subject you teach the class */
export type StudentGroupCreateInput = {
  /** The class */
  classId: string | number;
  /** Name (1–40 characters), unique per class and subject */
  name: string;
  /** Students of the class (0–100) */
  studentIds: Array<string | number>;
  /** The subject (you must teach it to the class) */
  subjectId: string | number;
};

/** A group to delete (no homework may be addressed to it) */
export type StudentGroupDeleteInput = {
  /** The revision you read */
  expectedRevision: number;
  /** The group */
  groupId: string | number;
};

/** A new name for a group */
export type StudentGroupRenameInput = {
  /** The revision you read */
  expectedRevision: number;
  /** The group */
  groupId: string | number;
  /** Name (1–40 characters), unique per class and subject */
  name: string;
};

/** A group's members, replacing the present ones */
export type StudentGroupSetMembersInput = {
  /** The revision you read */
  expectedRevision: number;
  /** The group */
  groupId: string | number;
  /** Students of the class (0–100) */
  studentIds: Array<string | number>;
};

/** A subject's daily budget of written minutes at home */
export type SubjectBudgetInput = {
  /** Written minutes at home the subject may publish that weekday (0–90) */
  minutes: number;
  /** The subject */
  subjectId: string | number;
};

/** Give unused minutes of one subject's budget to another for one date */
export type SubjectBudgetReleaseInput = {
  /** The class */
  classId: string | number;
  /** The date */
  date: string;
  /** The subject giving minutes */
  fromSubjectId: string | number;
  /** Minutes (1–90), no more than the giver has unused that date */
  minutes: number;
  /** The subject receiving them */
  toSubjectId: string | number;
};

/** One weekday's budgets of a class */
export type SubjectBudgetWeekdayInput = {
  /** Each subject with a budget that weekday; a subject left out has none (0) on a weekday with budgets */
  budgets: Array<SubjectBudgetInput>;
  /** ISO weekday: 1 = Monday (周一) … 7 = Sunday (a weekend school day, 调休) */
  weekday: number;
};

/** Replace a class's weekly plan of subject budgets (its head teacher or the academic office) */
export type SubjectBudgetsSetInput = {
  /** The class */
  classId: string | number;
  /** The weekdays with budgets; a weekday left out has none (the caps alone apply) */
  days: Array<SubjectBudgetWeekdayInput>;
  /** The revision you read; required once the class has budgets */
  expectedRevision?: number | null | undefined;
};

/** Send the correction the teacher asked for */
export type SubmissionCorrectInput = {
  /** Minutes the student actually spent (0–600) */
  actualMinutes: number;
  /** The answer as text (may be empty when the work is on paper or attached) */
  answer: string;
  /** Attachments, at most 10 */
  attachments?: Array<AttachmentInput>;
  /** A key the client makes once per submission (8–100 characters); a retry with it returns the first result */
  clientKey: string;
  /** Uploaded files handed in with the work (ids from POST /uploads): up to the photo limit (9 unless configured), or one recording or one PDF */
  fileIds?: Array<string | number>;
  /** The submission */
  submissionId: string | number;
};

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

/** A filing or review of a weekly list */
export type WeeklyListAction =
  /** Approved by the academic office */
  | 'APPROVED'
  /** Filed by a member of the group */
  | 'FILED'
  /** Returned by the academic office with a comment */
  | 'RETURNED';

/** Approve a filed weekly list (academic office) */
export type WeeklyListApproveInput = {
  /** A comment for the group, at most 500 characters */
  comment?: string | null | undefined;
  /** The revision you read */
  expectedRevision: number;
  /** The list */
  listId: string | number;
};

/** Set when the school's weekly lists are due (academic office) */
export type WeeklyListDeadlineSetInput = {
  /** The time of day (China Standard Time) */
  dueTime: string;
  /** 1 = Monday … 7 = Sunday, of the week before the list's week */
  dueWeekday: number;
  /** The revision you read; required once the school has set its own deadline */
  expectedRevision?: number | null | undefined;
};

/** Return a filed weekly list to its group with a comment (academic office) */
export type WeeklyListReturnInput = {
  /** What the group should change, 1–500 characters (required) */
  comment: string;
  /** The revision you read */
  expectedRevision: number;
  /** The list */
  listId: string | number;
};

/** Where a weekly list is: being planned, filed with the academic office, approved, or returned to the group */
export type WeeklyListStatus =
  /** Approved by the academic office; final, and offered when teachers compose a day */
  | 'APPROVED'
  /** Being planned by the research group */
  | 'DRAFT'
  /** Filed with the academic office; locked until the office approves or returns it */
  | 'FILED'
  /** Returned by the academic office with a comment; the group edits it and files it again */
  | 'RETURNED';

export type PasswordChangeMutationVariables = Exact<{
  input: PasswordChangeInput;
}>;


export type PasswordChangeMutation = { passwordChange: { token: string | null, expiresAt: string | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: { revoked: boolean } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { token: string | null, expiresAt: string | null, mustChangePassword: boolean | null, user: { roles: Array<Role> } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { me: { id: string, displayName: string, username: string, roles: Array<Role>, class: { id: string, name: string, grade: number } | null, children: Array<{ relation: ParentRelation, student: { id: string, displayName: string, guardianConsentAt: string | null, class: { id: string, name: string, grade: number } | null } }>, teachingAssignments: Array<{ id: string, class: { id: string, name: string, grade: number }, subject: { id: string, name: string, code: string } }>, headTeacherOf: Array<{ id: string, name: string, grade: number }>, researchGroups: Array<{ id: string, grade: number, subject: { id: string } }> }, school: { name: string } };

export type LoadGauge_PreviewFragment = { capMinutes: number, dayKind: DayKind, subjects: Array<{ heaviestWrittenMinutes: number, assignment: { id: string, status: AssignmentStatus, subject: { id: string, name: string } } }>, subjectBudgets: Array<{ availableMinutes: number, budgetMinutes: number, releasedMinutes: number, receivedMinutes: number, subject: { id: string, name: string } }> | null } & { ' $fragmentName'?: 'LoadGauge_PreviewFragment' };

export type FileAnnotateMutationVariables = Exact<{
  input: FileAnnotateInput;
}>;


export type FileAnnotateMutation = { fileAnnotate: { file: { id: string, penLayer: { revision: number, strokes: Array<{ color: string, width: number, points: Array<number> }> } | null } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type AllClassesQueryVariables = Exact<{ [key: string]: never; }>;


export type AllClassesQuery = { classes: Array<{ id: string, name: string }> };

export type ClassSheetsQueryVariables = Exact<{
  classId: string | number;
  date: string;
}>;


export type ClassSheetsQuery = { classRecordSheets: Array<{ filled: boolean, locked: boolean, flags: Array<string>, bedtime: string | null, bedtimeTarget: string, actualWrittenMinutes: number, capMinutes: number, readNote: string | null, unansweredMessages: number, selfStudyContent: string | null, selfStudyMinutes: number | null, messages: Array<{ id: string, body: string, createdAt: string, reply: string | null, author: { displayName: string } | null }>, student: { id: string, displayName: string, studentNo: string | null }, lines: Array<{ choice: string | null, predictedMinutes: number | null, actualMinutes: number | null, overran: boolean, assignment: { id: string, subject: { name: string } } }> }> };

export type SheetReadMutationVariables = Exact<{
  studentId: string | number;
  date: string;
  reply?: string | null | undefined;
  reopen: boolean;
}>;


export type SheetReadMutation = { recordSheetRead: { sheet: { locked: boolean, readNote: string | null } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type MessageAnswerMutationVariables = Exact<{
  input: RecordSheetMessageAnswerInput;
}>;


export type MessageAnswerMutation = { recordSheetMessageAnswer: { message: { id: string, reply: string | null } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type BudgetClassesQueryVariables = Exact<{ [key: string]: never; }>;


export type BudgetClassesQuery = { classes: Array<{ id: string, name: string }> };

export type SubjectBudgetWeekQueryVariables = Exact<{
  classId: string | number;
}>;


export type SubjectBudgetWeekQuery = { school: { subjects: Array<{ id: string, name: string }> }, subjectBudgets: { revision: number | null, limitMinutes: number, writtenCapMinutes: number, totalCapMinutes: number | null, days: Array<{ weekday: number, totalMinutes: number, budgets: Array<{ minutes: number, subject: { id: string } }> }> } };

export type SubjectBudgetsSaveMutationVariables = Exact<{
  input: SubjectBudgetsSetInput;
}>;


export type SubjectBudgetsSaveMutation = { subjectBudgetsSet: { week: { revision: number | null } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type SubjectBudgetDayViewQueryVariables = Exact<{
  classId: string | number;
  date: string;
}>;


export type SubjectBudgetDayViewQuery = { subjectBudgetDay: { budgeted: boolean, lines: Array<{ budgetMinutes: number, releasedMinutes: number, receivedMinutes: number, availableMinutes: number, usedMinutes: number, remainingMinutes: number, subject: { id: string, name: string } }>, releases: Array<{ minutes: number, from: { name: string }, to: { name: string } }> } };

export type SubjectBudgetGiveMutationVariables = Exact<{
  input: SubjectBudgetReleaseInput;
}>;


export type SubjectBudgetGiveMutation = { subjectBudgetRelease: { day: { budgeted: boolean } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type OfficeWeeklyListsQueryVariables = Exact<{
  weekStart: string;
}>;


export type OfficeWeeklyListsQuery = { weeklyListDeadline: { dueWeekday: number, dueTime: string, revision: number | null }, weeklyListOverview: { weekStart: string, dueAt: string, pastDeadline: boolean, lists: Array<{ id: string, status: WeeklyListStatus, revision: number, late: boolean, minutesLate: number, filedAt: string | null, reviewedAt: string | null, reviewComment: string | null, group: { id: string, name: string, grade: number }, filedBy: { displayName: string } | null, reviewedBy: { displayName: string } | null, entries: Array<{ day: string, description: string, form: HomeworkForm, predictedMinutes: number, atHome: boolean }>, loadCheck: { fits: boolean, daysOver: Array<{ day: string, capMinutes: number, writtenMinutes: number, totalCapMinutes: number | null, minutes: number }> }, history: Array<{ action: WeeklyListAction, at: string, comment: string | null, actor: { displayName: string } }> }>, groupsNotFiled: Array<{ id: string, name: string, grade: number }>, grades: Array<{ grade: number, days: Array<{ day: string, minutes: number, writtenMinutes: number }> }> } };

export type WeeklyListApproveMutationVariables = Exact<{
  input: WeeklyListApproveInput;
}>;


export type WeeklyListApproveMutation = { weeklyListApprove: { list: { id: string, status: WeeklyListStatus, revision: number } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type WeeklyListReturnMutationVariables = Exact<{
  input: WeeklyListReturnInput;
}>;


export type WeeklyListReturnMutation = { weeklyListReturn: { list: { id: string, status: WeeklyListStatus, revision: number } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type WeeklyListDeadlineSetMutationVariables = Exact<{
  input: WeeklyListDeadlineSetInput;
}>;


export type WeeklyListDeadlineSetMutation = { weeklyListDeadlineSet: { deadline: { dueWeekday: number, dueTime: string, revision: number | null } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type ChildDayQueryVariables = Exact<{
  date: string;
  studentId: string | number;
}>;


export type ChildDayQuery = { studentDay: Array<{ choice: string | null, choices: Array<{ key: string, label: string }>, assignment: { id: string, title: string, subject: { name: string } }, submission: { status: SubmissionStatus, versions: Array<{ versionNo: number }>, currentMark: { mark: string, comment: string, faceToFace: boolean } | null } | null }>, recordSheet: { filled: boolean, locked: boolean, bedtime: string | null, bedtimeTarget: string, selfStudyContent: string | null, selfStudyMinutes: number | null, readNote: string | null, flags: Array<string>, actualWrittenMinutes: number, capMinutes: number, messages: Array<{ id: string, body: string, createdAt: string, reply: string | null, repliedAt: string | null }>, lines: Array<{ predictedMinutes: number | null, actualMinutes: number | null, content: Array<string>, assignment: { id: string } }>, files: Array<{ id: string, kind: FileKind, name: string, url: string, thumbnailUrl: string | null }> } };

export type MessageAddMutationVariables = Exact<{
  input: RecordSheetMessageAddInput;
}>;


export type MessageAddMutation = { recordSheetMessageAdd: { message: { id: string } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type ParentBedtimeMutationVariables = Exact<{
  date: string;
  studentId: string | number;
  bedtime: string;
}>;


export type ParentBedtimeMutation = { recordSheetParentBedtime: { sheet: { bedtime: string | null, flags: Array<string> } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type GuardianConsentMutationVariables = Exact<{
  studentId: string | number;
  given: boolean;
}>;


export type GuardianConsentMutation = { guardianConsentSet: { student: { id: string, guardianConsentAt: string | null } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type MyRecordSheetQueryVariables = Exact<{
  date: string;
}>;


export type MyRecordSheetQuery = { recordSheet: { revision: number, filled: boolean, locked: boolean, bedtime: string | null, bedtimeTarget: string, selfStudyContent: string | null, selfStudyMinutes: number | null, parentMessage: string | null, reply: string | null, flags: Array<string>, actualWrittenMinutes: number, capMinutes: number, lines: Array<{ actualMinutes: number | null, predictedMinutes: number | null, prefilled: boolean, assignment: { id: string, subject: { name: string } } }>, files: Array<{ id: string, kind: FileKind, name: string, url: string, thumbnailUrl: string | null }> } };

export type RecordSheetFillMutationVariables = Exact<{
  input: RecordSheetFillInput;
}>;


export type RecordSheetFillMutation = { recordSheetFill: { sheet: { revision: number } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type SubjectCard_EntryFragment = { choice: string | null, needsChoice: boolean, choices: Array<{ key: string, label: string, minMinutes: number, maxMinutes: number, totalMinutes: number, writtenHomeMinutes: number, optionKeys: Array<string> }>, assignment: { id: string, title: string, shape: AssignmentShape, day: string, dueDay: string, multiDay: boolean, subject: { name: string } }, submission: { id: string, status: SubmissionStatus, late: boolean, versions: Array<{ versionNo: number, actualMinutes: number, files: Array<{ id: string, kind: FileKind, name: string, url: string, thumbnailUrl: string | null }> }>, currentMark: { mark: string, comment: string, faceToFace: boolean, correctionRequested: boolean, versionNo: number } | null } | null } & { ' $fragmentName'?: 'SubjectCard_EntryFragment' };

export type AssignmentContentQueryVariables = Exact<{
  id: string | number;
}>;


export type AssignmentContentQuery = { assignment: { id: string, options: Array<{ key: string, name: string, items: Array<{ atHome: boolean, predictedMinutes: number, content: { title: string, body: string, form: HomeworkForm, tier: Tier } }> }> } };

export type AssignmentChooseMutationVariables = Exact<{
  input: AssignmentChooseInput;
}>;


export type AssignmentChooseMutation = { assignmentChoose: { entry: { choice: string | null } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type SubmissionCreateMutationVariables = Exact<{
  input: SubmissionCreateInput;
}>;


export type SubmissionCreateMutation = { submissionCreate: { submission: { id: string, status: SubmissionStatus } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type SubmissionCorrectMutationVariables = Exact<{
  input: SubmissionCorrectInput;
}>;


export type SubmissionCorrectMutation = { submissionCorrect: { submission: { id: string, status: SubmissionStatus } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type StudentTodayQueryVariables = Exact<{
  date: string;
}>;


export type StudentTodayQuery = { studentDay: Array<(
    { assignment: { id: string } }
    & { ' $fragmentRefs'?: { 'SubjectCard_EntryFragment': SubjectCard_EntryFragment } }
  )> };

export type WeekAssignmentsQueryVariables = Exact<{
  classId: string | number;
  from: string;
  to: string;
}>;


export type WeekAssignmentsQuery = { classAssignments: Array<{ id: string, day: string, title: string, status: AssignmentStatus, shape: AssignmentShape, heaviestWrittenMinutes: number, subject: { id: string, name: string }, teacher: { displayName: string } }> };

export type AssignmentOverviewPageQueryVariables = Exact<{
  id: string | number;
}>;


export type AssignmentOverviewPageQuery = { assignment: { id: string, title: string, day: string, class: { name: string }, subject: { name: string }, choices: Array<{ key: string, label: string }> }, assignmentOverview: { studentCount: number, submittedCount: number, markedCount: number, correctionCount: number, lateCount: number, completionRate: number, onTimeRate: number, choiceCounts: Array<{ choice: string, count: number }>, markDistribution: Array<{ mark: string, count: number }>, states: Array<{ state: string, count: number, students: Array<{ id: string, displayName: string }> }> } };

export type ComposeDayQueryVariables = Exact<{
  classId: string | number;
  date: string;
}>;


export type ComposeDayQuery = { loadPreview: { ' $fragmentRefs'?: { 'LoadGauge_PreviewFragment': LoadGauge_PreviewFragment } }, classAssignments: Array<{ id: string, title: string, status: AssignmentStatus, day: string, dueDay: string, subject: { id: string } }> };

export type ComposeGroupsQueryVariables = Exact<{
  classId: string | number;
  subjectId: string | number;
}>;


export type ComposeGroupsQuery = { studentGroups: Array<{ id: string, name: string, members: Array<{ id: string }> }> };

export type ComposeAssignmentQueryVariables = Exact<{
  id: string | number;
}>;


export type ComposeAssignmentQuery = { assignment: { id: string, revision: number, status: AssignmentStatus, day: string, dueDay: string, title: string, shape: AssignmentShape, spread: Array<{ share: number }>, group: { id: string } | null, class: { id: string, grade: number }, subject: { id: string }, options: Array<{ key: string, name: string, items: Array<{ atHome: boolean, predictedMinutes: number, versionNo: number, item: { id: string } | null, content: { title: string, tier: Tier, form: HomeworkForm } }> }> } };

export type DraftLoadQueryVariables = Exact<{
  classId: string | number;
  date: string;
  draft: LoadDraftInput;
}>;


export type DraftLoadQuery = { loadPreview: { draft: { heaviestWrittenMinutes: number } | null } };

export type AssignmentCreateMutationVariables = Exact<{
  input: AssignmentCreateInput;
}>;


export type AssignmentCreateMutation = { assignmentCreate: { assignment: { id: string, revision: number, status: AssignmentStatus } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type AssignmentUpdateMutationVariables = Exact<{
  input: AssignmentUpdateInput;
}>;


export type AssignmentUpdateMutation = { assignmentUpdate: { assignment: { id: string, revision: number, status: AssignmentStatus } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type AssignmentPublishMutationVariables = Exact<{
  input: AssignmentStepInput;
}>;


export type AssignmentPublishMutation = { assignmentPublish: { assignment: { id: string, revision: number, status: AssignmentStatus } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type AssignmentUnpublishMutationVariables = Exact<{
  input: AssignmentStepInput;
}>;


export type AssignmentUnpublishMutation = { assignmentUnpublish: { assignment: { id: string, revision: number, status: AssignmentStatus } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type GroupsOfClassQueryVariables = Exact<{
  classId: string | number;
  subjectId: string | number;
}>;


export type GroupsOfClassQuery = { class: { students: Array<{ id: string, displayName: string, studentNo: string | null }> }, studentGroups: Array<{ id: string, name: string, revision: number, members: Array<{ id: string, displayName: string }> }> };

export type GroupCreateMutationVariables = Exact<{
  input: StudentGroupCreateInput;
}>;


export type GroupCreateMutation = { studentGroupCreate: { group: { id: string } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type GroupRenameMutationVariables = Exact<{
  input: StudentGroupRenameInput;
}>;


export type GroupRenameMutation = { studentGroupRename: { group: { id: string } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type GroupSetMembersMutationVariables = Exact<{
  input: StudentGroupSetMembersInput;
}>;


export type GroupSetMembersMutation = { studentGroupSetMembers: { group: { id: string } | null, userErrors: Array<{ code: UserErrorCode, message: string, figures: Array<{ name: string, value: number }> }> } };

export type GroupDeleteMutationVariables = Exact<{
  input: StudentGroupDeleteInput;
}>;


export type GroupDeleteMutation = { studentGroupDelete: { deletedGroupId: string | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type MarkingQueuePageQueryVariables = Exact<{
  first: number;
  classId?: string | number | null | undefined;
}>;


export type MarkingQueuePageQuery = { markingQueue: { edges: Array<{ node: { dueAt: string, overdue: boolean, submission: { id: string, status: SubmissionStatus, late: boolean, choice: string, student: { id: string, displayName: string, studentNo: string | null }, assignment: { id: string, title: string, day: string, subject: { name: string }, class: { name: string } }, versions: Array<{ versionNo: number }> } } }>, pageInfo: { hasNextPage: boolean } } };

export type MarkingSubmissionQueryVariables = Exact<{
  id: string | number;
}>;


export type MarkingSubmissionQuery = { submission: { id: string, revision: number, status: SubmissionStatus, choice: string, late: boolean, student: { displayName: string, studentNo: string | null }, assignment: { id: string, title: string, shape: AssignmentShape, day: string, subject: { name: string }, class: { name: string }, choices: Array<{ key: string, label: string, optionKeys: Array<string> }>, options: Array<{ key: string, name: string, items: Array<{ predictedMinutes: number, content: { title: string, body: string } }> }> }, versions: Array<{ versionNo: number, answer: string, actualMinutes: number, submittedAt: string, attachments: Array<{ name: string }>, files: Array<{ id: string, kind: FileKind, name: string, url: string, thumbnailUrl: string | null, width: number | null, height: number | null, penLayer: { revision: number, strokes: Array<{ color: string, width: number, points: Array<number> }> } | null }> }>, marks: Array<{ versionNo: number, mark: string, comment: string, faceToFace: boolean, correctionRequested: boolean, markedAt: string, markedBy: { displayName: string } }> } };

export type SubmissionMarkMutationVariables = Exact<{
  input: SubmissionMarkInput;
}>;


export type SubmissionMarkMutation = { submissionMark: { submission: { id: string, status: SubmissionStatus } | null, userErrors: Array<{ code: UserErrorCode, figures: Array<{ name: string, value: number }> }> } };

export type BankSearchQueryVariables = Exact<{
  filter: BankItemFilterInput;
  first: number;
}>;


export type BankSearchQuery = { bankItems: { edges: Array<{ node: { id: string, approvedVersionNo: number | null, calibratedMinutes: number | null, countedMinutes: number | null, unit: { title: string }, approvedVersion: { title: string, body: string, tier: Tier, form: HomeworkForm, predictedMinutes: number, needsPhone: boolean, needsParent: boolean, repetitive: boolean } | null } }>, pageInfo: { hasNextPage: boolean } } };

export type SpanLoadQueryVariables = Exact<{
  classId: string | number;
  dates: Array<string> | string;
  draft: LoadDraftInput;
}>;


export type SpanLoadQuery = { loadPreviews: Array<(
    { date: string }
    & { ' $fragmentRefs'?: { 'LoadGauge_PreviewFragment': LoadGauge_PreviewFragment } }
  )>, withDraft: Array<{ date: string, draft: { heaviestWrittenMinutes: number } | null }> };

export type ComposeWeeklyListQueryVariables = Exact<{
  classId: string | number;
  subjectId: string | number;
  day: string;
}>;


export type ComposeWeeklyListQuery = { weeklyListSuggestion: { list: { id: string, status: WeeklyListStatus, group: { name: string } }, entries: Array<{ description: string, form: HomeworkForm, atHome: boolean, predictedMinutes: number, item: { id: string, countedMinutes: number | null, approvedVersion: { title: string, tier: Tier, form: HomeworkForm, predictedMinutes: number } | null } | null }> } | null };

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
export const LoadGauge_PreviewFragmentDoc = new TypedDocumentString(`
    fragment LoadGauge_preview on LoadPreview {
  capMinutes
  dayKind
  subjects {
    heaviestWrittenMinutes
    assignment {
      id
      status
      subject {
        id
        name
      }
    }
  }
  subjectBudgets {
    availableMinutes
    budgetMinutes
    releasedMinutes
    receivedMinutes
    subject {
      id
      name
    }
  }
}
    `, {"fragmentName":"LoadGauge_preview"}) as unknown as TypedDocumentString<LoadGauge_PreviewFragment, unknown>;
export const SubjectCard_EntryFragmentDoc = new TypedDocumentString(`
    fragment SubjectCard_entry on StudentDayEntry {
  choice
  needsChoice
  choices {
    key
    label
    minMinutes
    maxMinutes
    totalMinutes
    writtenHomeMinutes
    optionKeys
  }
  assignment {
    id
    title
    shape
    day
    dueDay
    multiDay
    subject {
      name
    }
  }
  submission {
    id
    status
    late
    versions {
      versionNo
      actualMinutes
      files {
        id
        kind
        name
        url
        thumbnailUrl
      }
    }
    currentMark {
      mark
      comment
      faceToFace
      correctionRequested
      versionNo
    }
  }
}
    `, {"fragmentName":"SubjectCard_entry"}) as unknown as TypedDocumentString<SubjectCard_EntryFragment, unknown>;
export const PasswordChangeDocument = new TypedDocumentString(`
    mutation PasswordChange($input: PasswordChangeInput!) {
  passwordChange(input: $input) {
    token
    expiresAt
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PasswordChangeMutation, PasswordChangeMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout {
    revoked
  }
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    token
    expiresAt
    mustChangePassword
    user {
      roles
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  me {
    id
    displayName
    username
    roles
    class {
      id
      name
      grade
    }
    children {
      relation
      student {
        id
        displayName
        guardianConsentAt
        class {
          id
          name
          grade
        }
      }
    }
    teachingAssignments {
      id
      class {
        id
        name
        grade
      }
      subject {
        id
        name
        code
      }
    }
    headTeacherOf {
      id
      name
      grade
    }
    researchGroups {
      id
      grade
      subject {
        id
      }
    }
  }
  school {
    name
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const FileAnnotateDocument = new TypedDocumentString(`
    mutation FileAnnotate($input: FileAnnotateInput!) {
  fileAnnotate(input: $input) {
    file {
      id
      penLayer {
        revision
        strokes {
          color
          width
          points
        }
      }
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FileAnnotateMutation, FileAnnotateMutationVariables>;
export const AllClassesDocument = new TypedDocumentString(`
    query AllClasses {
  classes {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AllClassesQuery, AllClassesQueryVariables>;
export const ClassSheetsDocument = new TypedDocumentString(`
    query ClassSheets($classId: ID!, $date: LocalDate!) {
  classRecordSheets(classId: $classId, date: $date) {
    filled
    locked
    flags
    bedtime
    bedtimeTarget
    actualWrittenMinutes
    capMinutes
    readNote
    unansweredMessages
    selfStudyContent
    selfStudyMinutes
    messages {
      id
      body
      createdAt
      reply
      author {
        displayName
      }
    }
    student {
      id
      displayName
      studentNo
    }
    lines {
      choice
      predictedMinutes
      actualMinutes
      overran
      assignment {
        id
        subject {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClassSheetsQuery, ClassSheetsQueryVariables>;
export const SheetReadDocument = new TypedDocumentString(`
    mutation SheetRead($studentId: ID!, $date: LocalDate!, $reply: String, $reopen: Boolean!) {
  recordSheetRead(
    studentId: $studentId
    date: $date
    reply: $reply
    reopen: $reopen
  ) {
    sheet {
      locked
      readNote
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SheetReadMutation, SheetReadMutationVariables>;
export const MessageAnswerDocument = new TypedDocumentString(`
    mutation MessageAnswer($input: RecordSheetMessageAnswerInput!) {
  recordSheetMessageAnswer(input: $input) {
    message {
      id
      reply
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MessageAnswerMutation, MessageAnswerMutationVariables>;
export const BudgetClassesDocument = new TypedDocumentString(`
    query BudgetClasses {
  classes {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<BudgetClassesQuery, BudgetClassesQueryVariables>;
export const SubjectBudgetWeekDocument = new TypedDocumentString(`
    query SubjectBudgetWeek($classId: ID!) {
  school {
    subjects {
      id
      name
    }
  }
  subjectBudgets(classId: $classId) {
    revision
    limitMinutes
    writtenCapMinutes
    totalCapMinutes
    days {
      weekday
      totalMinutes
      budgets {
        minutes
        subject {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubjectBudgetWeekQuery, SubjectBudgetWeekQueryVariables>;
export const SubjectBudgetsSaveDocument = new TypedDocumentString(`
    mutation SubjectBudgetsSave($input: SubjectBudgetsSetInput!) {
  subjectBudgetsSet(input: $input) {
    week {
      revision
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubjectBudgetsSaveMutation, SubjectBudgetsSaveMutationVariables>;
export const SubjectBudgetDayViewDocument = new TypedDocumentString(`
    query SubjectBudgetDayView($classId: ID!, $date: LocalDate!) {
  subjectBudgetDay(classId: $classId, date: $date) {
    budgeted
    lines {
      budgetMinutes
      releasedMinutes
      receivedMinutes
      availableMinutes
      usedMinutes
      remainingMinutes
      subject {
        id
        name
      }
    }
    releases {
      minutes
      from {
        name
      }
      to {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubjectBudgetDayViewQuery, SubjectBudgetDayViewQueryVariables>;
export const SubjectBudgetGiveDocument = new TypedDocumentString(`
    mutation SubjectBudgetGive($input: SubjectBudgetReleaseInput!) {
  subjectBudgetRelease(input: $input) {
    day {
      budgeted
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubjectBudgetGiveMutation, SubjectBudgetGiveMutationVariables>;
export const OfficeWeeklyListsDocument = new TypedDocumentString(`
    query OfficeWeeklyLists($weekStart: LocalDate!) {
  weeklyListDeadline {
    dueWeekday
    dueTime
    revision
  }
  weeklyListOverview(weekStart: $weekStart) {
    weekStart
    dueAt
    pastDeadline
    lists {
      id
      status
      revision
      late
      minutesLate
      filedAt
      reviewedAt
      reviewComment
      group {
        id
        name
        grade
      }
      filedBy {
        displayName
      }
      reviewedBy {
        displayName
      }
      entries {
        day
        description
        form
        predictedMinutes
        atHome
      }
      loadCheck {
        fits
        daysOver {
          day
          capMinutes
          writtenMinutes
          totalCapMinutes
          minutes
        }
      }
      history {
        action
        at
        comment
        actor {
          displayName
        }
      }
    }
    groupsNotFiled {
      id
      name
      grade
    }
    grades {
      grade
      days {
        day
        minutes
        writtenMinutes
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OfficeWeeklyListsQuery, OfficeWeeklyListsQueryVariables>;
export const WeeklyListApproveDocument = new TypedDocumentString(`
    mutation WeeklyListApprove($input: WeeklyListApproveInput!) {
  weeklyListApprove(input: $input) {
    list {
      id
      status
      revision
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WeeklyListApproveMutation, WeeklyListApproveMutationVariables>;
export const WeeklyListReturnDocument = new TypedDocumentString(`
    mutation WeeklyListReturn($input: WeeklyListReturnInput!) {
  weeklyListReturn(input: $input) {
    list {
      id
      status
      revision
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WeeklyListReturnMutation, WeeklyListReturnMutationVariables>;
export const WeeklyListDeadlineSetDocument = new TypedDocumentString(`
    mutation WeeklyListDeadlineSet($input: WeeklyListDeadlineSetInput!) {
  weeklyListDeadlineSet(input: $input) {
    deadline {
      dueWeekday
      dueTime
      revision
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WeeklyListDeadlineSetMutation, WeeklyListDeadlineSetMutationVariables>;
export const ChildDayDocument = new TypedDocumentString(`
    query ChildDay($date: LocalDate!, $studentId: ID!) {
  studentDay(date: $date, studentId: $studentId) {
    choice
    choices {
      key
      label
    }
    assignment {
      id
      title
      subject {
        name
      }
    }
    submission {
      status
      versions {
        versionNo
      }
      currentMark {
        mark
        comment
        faceToFace
      }
    }
  }
  recordSheet(date: $date, studentId: $studentId) {
    filled
    locked
    bedtime
    bedtimeTarget
    selfStudyContent
    selfStudyMinutes
    readNote
    flags
    actualWrittenMinutes
    capMinutes
    messages {
      id
      body
      createdAt
      reply
      repliedAt
    }
    lines {
      predictedMinutes
      actualMinutes
      content
      assignment {
        id
      }
    }
    files {
      id
      kind
      name
      url
      thumbnailUrl
    }
  }
}
    `) as unknown as TypedDocumentString<ChildDayQuery, ChildDayQueryVariables>;
export const MessageAddDocument = new TypedDocumentString(`
    mutation MessageAdd($input: RecordSheetMessageAddInput!) {
  recordSheetMessageAdd(input: $input) {
    message {
      id
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MessageAddMutation, MessageAddMutationVariables>;
export const ParentBedtimeDocument = new TypedDocumentString(`
    mutation ParentBedtime($date: LocalDate!, $studentId: ID!, $bedtime: Time!) {
  recordSheetParentBedtime(date: $date, studentId: $studentId, bedtime: $bedtime) {
    sheet {
      bedtime
      flags
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ParentBedtimeMutation, ParentBedtimeMutationVariables>;
export const GuardianConsentDocument = new TypedDocumentString(`
    mutation GuardianConsent($studentId: ID!, $given: Boolean!) {
  guardianConsentSet(studentId: $studentId, given: $given) {
    student {
      id
      guardianConsentAt
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GuardianConsentMutation, GuardianConsentMutationVariables>;
export const MyRecordSheetDocument = new TypedDocumentString(`
    query MyRecordSheet($date: LocalDate!) {
  recordSheet(date: $date) {
    revision
    filled
    locked
    bedtime
    bedtimeTarget
    selfStudyContent
    selfStudyMinutes
    parentMessage
    reply
    flags
    actualWrittenMinutes
    capMinutes
    lines {
      actualMinutes
      predictedMinutes
      prefilled
      assignment {
        id
        subject {
          name
        }
      }
    }
    files {
      id
      kind
      name
      url
      thumbnailUrl
    }
  }
}
    `) as unknown as TypedDocumentString<MyRecordSheetQuery, MyRecordSheetQueryVariables>;
export const RecordSheetFillDocument = new TypedDocumentString(`
    mutation RecordSheetFill($input: RecordSheetFillInput!) {
  recordSheetFill(input: $input) {
    sheet {
      revision
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordSheetFillMutation, RecordSheetFillMutationVariables>;
export const AssignmentContentDocument = new TypedDocumentString(`
    query AssignmentContent($id: ID!) {
  assignment(id: $id) {
    id
    options {
      key
      name
      items {
        atHome
        predictedMinutes
        content {
          title
          body
          form
          tier
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssignmentContentQuery, AssignmentContentQueryVariables>;
export const AssignmentChooseDocument = new TypedDocumentString(`
    mutation AssignmentChoose($input: AssignmentChooseInput!) {
  assignmentChoose(input: $input) {
    entry {
      choice
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssignmentChooseMutation, AssignmentChooseMutationVariables>;
export const SubmissionCreateDocument = new TypedDocumentString(`
    mutation SubmissionCreate($input: SubmissionCreateInput!) {
  submissionCreate(input: $input) {
    submission {
      id
      status
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubmissionCreateMutation, SubmissionCreateMutationVariables>;
export const SubmissionCorrectDocument = new TypedDocumentString(`
    mutation SubmissionCorrect($input: SubmissionCorrectInput!) {
  submissionCorrect(input: $input) {
    submission {
      id
      status
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubmissionCorrectMutation, SubmissionCorrectMutationVariables>;
export const StudentTodayDocument = new TypedDocumentString(`
    query StudentToday($date: LocalDate!) {
  studentDay(date: $date) {
    assignment {
      id
    }
    ...SubjectCard_entry
  }
}
    fragment SubjectCard_entry on StudentDayEntry {
  choice
  needsChoice
  choices {
    key
    label
    minMinutes
    maxMinutes
    totalMinutes
    writtenHomeMinutes
    optionKeys
  }
  assignment {
    id
    title
    shape
    day
    dueDay
    multiDay
    subject {
      name
    }
  }
  submission {
    id
    status
    late
    versions {
      versionNo
      actualMinutes
      files {
        id
        kind
        name
        url
        thumbnailUrl
      }
    }
    currentMark {
      mark
      comment
      faceToFace
      correctionRequested
      versionNo
    }
  }
}`) as unknown as TypedDocumentString<StudentTodayQuery, StudentTodayQueryVariables>;
export const WeekAssignmentsDocument = new TypedDocumentString(`
    query WeekAssignments($classId: ID!, $from: LocalDate!, $to: LocalDate!) {
  classAssignments(classId: $classId, from: $from, to: $to) {
    id
    day
    title
    status
    shape
    heaviestWrittenMinutes
    subject {
      id
      name
    }
    teacher {
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<WeekAssignmentsQuery, WeekAssignmentsQueryVariables>;
export const AssignmentOverviewPageDocument = new TypedDocumentString(`
    query AssignmentOverviewPage($id: ID!) {
  assignment(id: $id) {
    id
    title
    day
    class {
      name
    }
    subject {
      name
    }
    choices {
      key
      label
    }
  }
  assignmentOverview(assignmentId: $id) {
    studentCount
    submittedCount
    markedCount
    correctionCount
    lateCount
    completionRate
    onTimeRate
    choiceCounts {
      choice
      count
    }
    markDistribution {
      mark
      count
    }
    states {
      state
      count
      students {
        id
        displayName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssignmentOverviewPageQuery, AssignmentOverviewPageQueryVariables>;
export const ComposeDayDocument = new TypedDocumentString(`
    query ComposeDay($classId: ID!, $date: LocalDate!) {
  loadPreview(classId: $classId, date: $date) {
    ...LoadGauge_preview
  }
  classAssignments(classId: $classId, from: $date, to: $date) {
    id
    title
    status
    day
    dueDay
    subject {
      id
    }
  }
}
    fragment LoadGauge_preview on LoadPreview {
  capMinutes
  dayKind
  subjects {
    heaviestWrittenMinutes
    assignment {
      id
      status
      subject {
        id
        name
      }
    }
  }
  subjectBudgets {
    availableMinutes
    budgetMinutes
    releasedMinutes
    receivedMinutes
    subject {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<ComposeDayQuery, ComposeDayQueryVariables>;
export const ComposeGroupsDocument = new TypedDocumentString(`
    query ComposeGroups($classId: ID!, $subjectId: ID!) {
  studentGroups(classId: $classId, subjectId: $subjectId) {
    id
    name
    members {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ComposeGroupsQuery, ComposeGroupsQueryVariables>;
export const ComposeAssignmentDocument = new TypedDocumentString(`
    query ComposeAssignment($id: ID!) {
  assignment(id: $id) {
    id
    revision
    status
    day
    dueDay
    title
    shape
    spread {
      share
    }
    group {
      id
    }
    class {
      id
      grade
    }
    subject {
      id
    }
    options {
      key
      name
      items {
        atHome
        predictedMinutes
        versionNo
        item {
          id
        }
        content {
          title
          tier
          form
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ComposeAssignmentQuery, ComposeAssignmentQueryVariables>;
export const DraftLoadDocument = new TypedDocumentString(`
    query DraftLoad($classId: ID!, $date: LocalDate!, $draft: LoadDraftInput!) {
  loadPreview(classId: $classId, date: $date, draft: $draft) {
    draft {
      heaviestWrittenMinutes
    }
  }
}
    `) as unknown as TypedDocumentString<DraftLoadQuery, DraftLoadQueryVariables>;
export const AssignmentCreateDocument = new TypedDocumentString(`
    mutation AssignmentCreate($input: AssignmentCreateInput!) {
  assignmentCreate(input: $input) {
    assignment {
      id
      revision
      status
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssignmentCreateMutation, AssignmentCreateMutationVariables>;
export const AssignmentUpdateDocument = new TypedDocumentString(`
    mutation AssignmentUpdate($input: AssignmentUpdateInput!) {
  assignmentUpdate(input: $input) {
    assignment {
      id
      revision
      status
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssignmentUpdateMutation, AssignmentUpdateMutationVariables>;
export const AssignmentPublishDocument = new TypedDocumentString(`
    mutation AssignmentPublish($input: AssignmentStepInput!) {
  assignmentPublish(input: $input) {
    assignment {
      id
      revision
      status
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssignmentPublishMutation, AssignmentPublishMutationVariables>;
export const AssignmentUnpublishDocument = new TypedDocumentString(`
    mutation AssignmentUnpublish($input: AssignmentStepInput!) {
  assignmentUnpublish(input: $input) {
    assignment {
      id
      revision
      status
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssignmentUnpublishMutation, AssignmentUnpublishMutationVariables>;
export const GroupsOfClassDocument = new TypedDocumentString(`
    query GroupsOfClass($classId: ID!, $subjectId: ID!) {
  class(id: $classId) {
    students {
      id
      displayName
      studentNo
    }
  }
  studentGroups(classId: $classId, subjectId: $subjectId) {
    id
    name
    revision
    members {
      id
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<GroupsOfClassQuery, GroupsOfClassQueryVariables>;
export const GroupCreateDocument = new TypedDocumentString(`
    mutation GroupCreate($input: StudentGroupCreateInput!) {
  studentGroupCreate(input: $input) {
    group {
      id
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GroupCreateMutation, GroupCreateMutationVariables>;
export const GroupRenameDocument = new TypedDocumentString(`
    mutation GroupRename($input: StudentGroupRenameInput!) {
  studentGroupRename(input: $input) {
    group {
      id
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GroupRenameMutation, GroupRenameMutationVariables>;
export const GroupSetMembersDocument = new TypedDocumentString(`
    mutation GroupSetMembers($input: StudentGroupSetMembersInput!) {
  studentGroupSetMembers(input: $input) {
    group {
      id
    }
    userErrors {
      code
      message
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GroupSetMembersMutation, GroupSetMembersMutationVariables>;
export const GroupDeleteDocument = new TypedDocumentString(`
    mutation GroupDelete($input: StudentGroupDeleteInput!) {
  studentGroupDelete(input: $input) {
    deletedGroupId
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GroupDeleteMutation, GroupDeleteMutationVariables>;
export const MarkingQueuePageDocument = new TypedDocumentString(`
    query MarkingQueuePage($first: Int!, $classId: ID) {
  markingQueue(first: $first, classId: $classId) {
    edges {
      node {
        dueAt
        overdue
        submission {
          id
          status
          late
          choice
          student {
            id
            displayName
            studentNo
          }
          assignment {
            id
            title
            day
            subject {
              name
            }
            class {
              name
            }
          }
          versions {
            versionNo
          }
        }
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<MarkingQueuePageQuery, MarkingQueuePageQueryVariables>;
export const MarkingSubmissionDocument = new TypedDocumentString(`
    query MarkingSubmission($id: ID!) {
  submission(id: $id) {
    id
    revision
    status
    choice
    late
    student {
      displayName
      studentNo
    }
    assignment {
      id
      title
      shape
      day
      subject {
        name
      }
      class {
        name
      }
      choices {
        key
        label
        optionKeys
      }
      options {
        key
        name
        items {
          predictedMinutes
          content {
            title
            body
          }
        }
      }
    }
    versions {
      versionNo
      answer
      actualMinutes
      submittedAt
      attachments {
        name
      }
      files {
        id
        kind
        name
        url
        thumbnailUrl
        width
        height
        penLayer {
          revision
          strokes {
            color
            width
            points
          }
        }
      }
    }
    marks {
      versionNo
      mark
      comment
      faceToFace
      correctionRequested
      markedAt
      markedBy {
        displayName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MarkingSubmissionQuery, MarkingSubmissionQueryVariables>;
export const SubmissionMarkDocument = new TypedDocumentString(`
    mutation SubmissionMark($input: SubmissionMarkInput!) {
  submissionMark(input: $input) {
    submission {
      id
      status
    }
    userErrors {
      code
      figures {
        name
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubmissionMarkMutation, SubmissionMarkMutationVariables>;
export const BankSearchDocument = new TypedDocumentString(`
    query BankSearch($filter: BankItemFilterInput!, $first: Int!) {
  bankItems(filter: $filter, first: $first) {
    edges {
      node {
        id
        approvedVersionNo
        calibratedMinutes
        countedMinutes
        unit {
          title
        }
        approvedVersion {
          title
          body
          tier
          form
          predictedMinutes
          needsPhone
          needsParent
          repetitive
        }
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<BankSearchQuery, BankSearchQueryVariables>;
export const SpanLoadDocument = new TypedDocumentString(`
    query SpanLoad($classId: ID!, $dates: [LocalDate!]!, $draft: LoadDraftInput!) {
  loadPreviews(classId: $classId, dates: $dates) {
    date
    ...LoadGauge_preview
  }
  withDraft: loadPreviews(classId: $classId, dates: $dates, draft: $draft) {
    date
    draft {
      heaviestWrittenMinutes
    }
  }
}
    fragment LoadGauge_preview on LoadPreview {
  capMinutes
  dayKind
  subjects {
    heaviestWrittenMinutes
    assignment {
      id
      status
      subject {
        id
        name
      }
    }
  }
  subjectBudgets {
    availableMinutes
    budgetMinutes
    releasedMinutes
    receivedMinutes
    subject {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<SpanLoadQuery, SpanLoadQueryVariables>;
export const ComposeWeeklyListDocument = new TypedDocumentString(`
    query ComposeWeeklyList($classId: ID!, $subjectId: ID!, $day: LocalDate!) {
  weeklyListSuggestion(classId: $classId, subjectId: $subjectId, day: $day) {
    list {
      id
      status
      group {
        name
      }
    }
    entries {
      description
      form
      atHome
      predictedMinutes
      item {
        id
        countedMinutes
        approvedVersion {
          title
          tier
          form
          predictedMinutes
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ComposeWeeklyListQuery, ComposeWeeklyListQueryVariables>;