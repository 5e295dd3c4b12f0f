import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RuleViolation, RuleViolations } from './errors';

/**
 * Stable codes of business-rule refusals returned in `userErrors`. Clients switch on these;
 * messages may change, codes do not.
 */
export enum UserErrorCode {
  NOT_A_TEACHER = 'NOT_A_TEACHER',
  SAME_PASSWORD = 'SAME_PASSWORD',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  STALE_REVISION = 'STALE_REVISION',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  OWN_ITEM_REVIEW = 'OWN_ITEM_REVIEW',
  BEYOND_CURRICULUM_STANDARD = 'BEYOND_CURRICULUM_STANDARD',
  UNIT_ORDER_TAKEN = 'UNIT_ORDER_TAKEN',
  GRADE_NOT_IN_SCHOOL = 'GRADE_NOT_IN_SCHOOL',
  WEEKLY_LIST_FILED = 'WEEKLY_LIST_FILED',
  DAY_OUTSIDE_WEEK = 'DAY_OUTSIDE_WEEK',
  ITEM_NOT_APPROVED = 'ITEM_NOT_APPROVED',
  ITEM_NEEDS_PHONE = 'ITEM_NEEDS_PHONE',
  ITEM_NEEDS_PARENT = 'ITEM_NEEDS_PARENT',
  ITEM_REPETITIVE = 'ITEM_REPETITIVE',
  WRITTEN_AT_HOME_FORBIDDEN = 'WRITTEN_AT_HOME_FORBIDDEN',
  DAILY_LOAD_EXCEEDED = 'DAILY_LOAD_EXCEEDED',
  LOOSER_THAN_NATIONAL = 'LOOSER_THAN_NATIONAL',
  ASSIGNMENT_EXISTS = 'ASSIGNMENT_EXISTS',
  INVALID_STRUCTURE = 'INVALID_STRUCTURE',
  NOT_PUBLISHED = 'NOT_PUBLISHED',
  ALREADY_PUBLISHED = 'ALREADY_PUBLISHED',
  UNKNOWN_CHOICE = 'UNKNOWN_CHOICE',
  ALREADY_SUBMITTED = 'ALREADY_SUBMITTED',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  NO_CORRECTION_REQUESTED = 'NO_CORRECTION_REQUESTED',
  NOTHING_TO_MARK = 'NOTHING_TO_MARK',
  MARK_LEVEL_MISMATCH = 'MARK_LEVEL_MISMATCH',
  CONCURRENT_CHANGE = 'CONCURRENT_CHANGE',
  SHEET_LOCKED = 'SHEET_LOCKED',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  TERM_EXISTS = 'TERM_EXISTS',
  TERM_OVERLAP = 'TERM_OVERLAP',
  SUBJECT_EXISTS = 'SUBJECT_EXISTS',
  CLASS_EXISTS = 'CLASS_EXISTS',
  TEACHING_ASSIGNMENT_EXISTS = 'TEACHING_ASSIGNMENT_EXISTS',
  RESEARCH_GROUP_EXISTS = 'RESEARCH_GROUP_EXISTS',
  USERNAME_TAKEN = 'USERNAME_TAKEN',
  STUDENT_NO_TAKEN = 'STUDENT_NO_TAKEN',
  USER_DEACTIVATED = 'USER_DEACTIVATED',
  NOT_A_STUDENT = 'NOT_A_STUDENT',
  DAY_OUTSIDE_RANGE = 'DAY_OUTSIDE_RANGE',
  DAY_MARKED_TWICE = 'DAY_MARKED_TWICE',
  MAKE_UP_DAY_NOT_WEEKEND = 'MAKE_UP_DAY_NOT_WEEKEND',
  OWN_OFFICE_ROLE = 'OWN_OFFICE_ROLE',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Stable code of a business-rule refusal',
  valuesConfig: {
    NOT_A_TEACHER: { description: 'The user named does not hold the teacher role' },
    SAME_PASSWORD: { description: 'The new password equals the current one' },
    WRONG_PASSWORD: { description: 'The current password given is wrong' },
    STALE_REVISION: { description: 'Someone changed the record since you read it; figures name the current revision' },
    INVALID_TRANSITION: { description: 'The review lifecycle does not allow this step from the current status' },
    OWN_ITEM_REVIEW: { description: 'Nobody approves or returns an item they wrote or last edited' },
    BEYOND_CURRICULUM_STANDARD: { description: 'The item is harder than the national curriculum standard (课标) allows' },
    UNIT_ORDER_TAKEN: { description: 'Another unit of the subject, grade and term already has this order' },
    GRADE_NOT_IN_SCHOOL: { description: 'The school does not teach this grade' },
    WEEKLY_LIST_FILED: { description: 'The weekly list has been filed with the academic office and is locked' },
    DAY_OUTSIDE_WEEK: { description: 'An entry falls outside the week of the list (Monday to Sunday)' },
    ITEM_NOT_APPROVED: { description: 'Only approved bank items may be planned or assigned' },
    ITEM_NEEDS_PHONE: { description: 'Homework may not need a phone' },
    ITEM_NEEDS_PARENT: { description: 'Only practical homework may involve a parent; homework is never assigned to parents' },
    ITEM_REPETITIVE: { description: 'Mechanical or repetitive homework may not be assigned' },
    WRITTEN_AT_HOME_FORBIDDEN: { description: 'Grades 1–2 have no written homework at home' },
    DAILY_LOAD_EXCEEDED: { description: "The class's written homework at home would exceed the day's cap; figures give cap, published, this and excess minutes" },
    LOOSER_THAN_NATIONAL: { description: 'A school cap may be stricter than the national one, never looser' },
    ASSIGNMENT_EXISTS: { description: 'The class already has homework in this subject on this day' },
    INVALID_STRUCTURE: { description: 'The packages or parts of the assignment are not well formed' },
    NOT_PUBLISHED: { description: 'The assignment is not published' },
    ALREADY_PUBLISHED: { description: 'The assignment is already published' },
    UNKNOWN_CHOICE: { description: 'The assignment offers no such package or level' },
    ALREADY_SUBMITTED: { description: 'The student has already submitted this assignment; corrections go through submissionCorrect' },
    IDEMPOTENCY_KEY_REUSED: { description: 'The client key was already used for a different request' },
    NO_CORRECTION_REQUESTED: { description: 'The teacher has not asked for a correction of this submission' },
    NOTHING_TO_MARK: { description: 'The latest version of the submission has already been marked' },
    CONSENT_REQUIRED: { description: "A guardian must consent before the service keeps a minor's work, choices or record sheets" },
    SHEET_LOCKED: { description: 'The head teacher has read the record sheet; corrections go through them' },
    CONCURRENT_CHANGE: { description: 'Someone else made the same change at the same moment; reload and try again' },
    MARK_LEVEL_MISMATCH: { description: 'The letter of a mark is the level the student did: a C-level submission cannot receive an A mark' },
    TERM_EXISTS: { description: 'The school already has this term of this academic year' },
    TERM_OVERLAP: { description: 'The dates overlap another term of the school' },
    SUBJECT_EXISTS: { description: 'The school already has a subject of this name' },
    CLASS_EXISTS: { description: 'The grade already has a class of this number; figures give grade and classNo' },
    TEACHING_ASSIGNMENT_EXISTS: { description: 'The teacher already teaches this subject to this class' },
    RESEARCH_GROUP_EXISTS: { description: 'The school already has a research group for this subject and grade' },
    USERNAME_TAKEN: { description: 'Another user of the school has this username' },
    STUDENT_NO_TAKEN: { description: 'Another student of the school has this 学籍号' },
    USER_DEACTIVATED: { description: 'The user has been deactivated (left the school) and cannot be given new work' },
    NOT_A_STUDENT: { description: 'The user named does not hold the student role' },
    DAY_OUTSIDE_RANGE: { description: 'A calendar day lies outside the term or year being set' },
    DAY_MARKED_TWICE: { description: 'A day is listed both as a holiday and as a make-up school day, or twice' },
    MAKE_UP_DAY_NOT_WEEKEND: { description: 'A make-up school day (调休) must be a Saturday or Sunday' },
    OWN_OFFICE_ROLE: { description: 'Nobody removes their own academic-office role or deactivates themselves' },
  },
});

/** One figure a refusal reports, e.g. `{ name: "capMinutes", value: 60 }`. */
@ObjectType({ description: 'A figure that explains a refusal (a cap, a current total, an excess)' })
export class UserErrorFigure {
  @Field({ description: 'What the figure is, e.g. capMinutes' })
  name!: string;

  @Field(() => Int, { description: 'Its value' })
  value!: number;
}

/** A business rule refused the mutation; nothing was changed. */
@ObjectType({ description: 'A business rule refused the mutation; nothing was changed' })
export class UserError {
  @Field(() => UserErrorCode, { description: 'Stable code of the rule' })
  code!: UserErrorCode;

  @Field(() => [String], { description: 'Path of the input field at fault, if any' })
  field!: string[];

  @Field({ description: 'Human-readable explanation, naming the rule and by how much it was missed' })
  message!: string;

  @Field(() => [UserErrorFigure], { description: 'The figures behind the refusal' })
  figures!: UserErrorFigure[];

  static from(violation: RuleViolation): UserError {
    return Object.assign(new UserError(), {
      code: violation.code as UserErrorCode,
      field: violation.field,
      message: violation.message,
      figures: Object.entries(violation.details)
        .filter(([, value]) => typeof value === 'number')
        .map(([name, value]) => ({ name, value: value as number })),
    });
  }
}

/**
 * Runs a mutation and turns a RuleViolation into a payload with `userErrors`; any other
 * error propagates (and is mapped to a top-level GraphQL error). On a refusal the payload's
 * other fields are `refused` (a non-null field needs a value there, e.g. `{ deleted: false }`)
 * and null otherwise.
 */
export async function payloadOf<P extends { userErrors: UserError[] }>(
  work: () => Promise<Omit<P, 'userErrors'>>,
  refused: Partial<Omit<P, 'userErrors'>> = {},
): Promise<P> {
  try {
    return { ...(await work()), userErrors: [] } as unknown as P;
  } catch (e) {
    if (e instanceof RuleViolation) return { ...refused, userErrors: [UserError.from(e)] } as unknown as P;
    if (e instanceof RuleViolations) return { ...refused, userErrors: e.violations.map((v) => UserError.from(v)) } as unknown as P;
    throw e;
  }
}
