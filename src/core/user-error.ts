import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RuleViolation, RuleViolations } from './errors';
import { defineMessages, MessageDef } from './messages';

/**
 * Stable codes of business-rule refusals returned in `userErrors`. Clients switch on these;
 * messages may change, codes do not. Core knows only its own few (below); each module defines
 * its refusals in `<module>.errors.ts` and the module registry adds them here with
 * `registerUserErrors` before the schema is built. Ordered as registered.
 */
export const UserErrorCode: Record<string, string> = {};
const valuesConfig: Record<string, { description: string }> = {};
const catalogue = new Map<string, MessageDef>();

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Stable code of a business-rule refusal',
  valuesConfig,
});

/** Adds refusals to the `UserErrorCode` enum and the message catalogue. A code is defined once. */
export function registerUserErrors(...definitions: Readonly<Record<string, MessageDef>>[]): void {
  for (const defs of definitions) {
    for (const def of Object.values(defs)) {
      const known = catalogue.get(def.code);
      if (known === def) continue;
      if (known) throw new Error(`The refusal code ${def.code} is defined twice`);
      catalogue.set(def.code, def);
      UserErrorCode[def.code] = def.code;
      valuesConfig[def.code] = { description: def.description };
    }
  }
}

/** Every registered refusal, by code: the message catalogue. */
export function userErrorCatalogue(): ReadonlyMap<string, MessageDef> {
  return catalogue;
}

/** Refusals of the core: stale edits, racing writes and reused client keys, whatever the module. */
export const CoreErrors = defineMessages({
  STALE_REVISION: {
    description: 'Someone changed the record since you read it; figures name the current revision',
    zh: (f) => `这条记录已被他人修改：你编辑的是第 ${f.expectedRevision} 版，当前是第 ${f.currentRevision} 版。请刷新后再改`,
    en: (f) => `${f.what ?? 'The record'} was changed by someone else: you edited revision ${f.expectedRevision}, the current revision is ${f.currentRevision}`,
  },
  CONCURRENT_CHANGE: {
    description: 'Someone else made the same change at the same moment; reload and try again',
    zh: () => '有人在同一时刻做了同样的修改，请刷新后重试',
    en: () => 'Someone else made the same change at the same moment; reload and try again',
  },
  IDEMPOTENCY_KEY_REUSED: {
    description: 'The client key was already used for a different request',
    zh: () => '这个请求编号（clientKey）已用于另一项操作，请换一个新的编号',
    en: () => 'This client key was already used for a different request; use a new key',
  },
});
registerUserErrors(CoreErrors);

/**
 * Refusals not yet moved into their module's catalogue (`<module>.errors.ts`): code and
 * description only; their messages are still written where they are thrown. Transitional.
 */
const LEGACY_DESCRIPTIONS: Record<string, string> = {
  NOT_A_TEACHER: 'The user named does not hold the teacher role',
  SAME_PASSWORD: 'The new password equals the current one',
  WRONG_PASSWORD: 'The current password given is wrong',
  INVALID_TRANSITION: 'The review lifecycle does not allow this step from the current status',
  OWN_ITEM_REVIEW: 'Nobody approves or returns an item they wrote or last edited',
  BEYOND_CURRICULUM_STANDARD: 'The item is harder than the national curriculum standard (课标) allows',
  UNIT_ORDER_TAKEN: 'Another unit of the subject, grade and term already has this order',
  GRADE_NOT_IN_SCHOOL: 'The school does not teach this grade',
  WEEKLY_LIST_FILED: 'The weekly list has been filed with the academic office and is locked',
  DAY_OUTSIDE_WEEK: 'An entry falls outside the week of the list (Monday to Sunday)',
  ITEM_NOT_APPROVED: 'Only approved bank items may be planned or assigned',
  ITEM_NEEDS_PHONE: 'Homework may not need a phone',
  ITEM_NEEDS_PARENT: 'Only practical homework may involve a parent; homework is never assigned to parents',
  ITEM_REPETITIVE: 'Mechanical or repetitive homework may not be assigned',
  WRITTEN_AT_HOME_FORBIDDEN: 'Grades 1–2 have no written homework at home',
  DAILY_LOAD_EXCEEDED: "The class's written homework at home would exceed the day's cap; figures give cap, published, this and excess minutes",
  LOOSER_THAN_NATIONAL: 'A school cap may be stricter than the national one, never looser',
  ASSIGNMENT_EXISTS: 'The class already has homework in this subject on this day',
  INVALID_STRUCTURE: 'The packages or parts of the assignment are not well formed',
  NOT_PUBLISHED: 'The assignment is not published',
  ALREADY_PUBLISHED: 'The assignment is already published',
  UNKNOWN_CHOICE: 'The assignment offers no such package or level',
  ALREADY_SUBMITTED: 'The student has already submitted this assignment; corrections go through submissionCorrect',
  NO_CORRECTION_REQUESTED: 'The teacher has not asked for a correction of this submission',
  NOTHING_TO_MARK: 'The latest version of the submission has already been marked',
  CONSENT_REQUIRED: "A guardian must consent before the service keeps a minor's work, choices or record sheets",
  SHEET_LOCKED: 'The head teacher has read the record sheet; corrections go through them',
  MARK_LEVEL_MISMATCH: 'The letter of a mark is the level the student did: a C-level submission cannot receive an A mark',
  TERM_EXISTS: 'The school already has this term of this academic year',
  TERM_OVERLAP: 'The dates overlap another term of the school',
  SUBJECT_EXISTS: 'The school already has a subject of this name',
  CLASS_EXISTS: 'The grade already has a class of this number; figures give grade and classNo',
  TEACHING_ASSIGNMENT_EXISTS: 'The teacher already teaches this subject to this class',
  RESEARCH_GROUP_EXISTS: 'The school already has a research group for this subject and grade',
  USERNAME_TAKEN: 'Another user of the school has this username',
  STUDENT_NO_TAKEN: 'Another student of the school has this 学籍号',
  USER_DEACTIVATED: 'The user has been deactivated (left the school) and cannot be given new work',
  NOT_A_STUDENT: 'The user named does not hold the student role',
  DAY_OUTSIDE_RANGE: 'A calendar day lies outside the term or year being set',
  DAY_MARKED_TWICE: 'A day is listed both as a holiday and as a make-up school day, or twice',
  MAKE_UP_DAY_NOT_WEEKEND: 'A make-up school day (调休) must be a Saturday or Sunday',
  OWN_OFFICE_ROLE: 'Nobody removes their own academic-office role or deactivates themselves',
};
for (const [code, description] of Object.entries(LEGACY_DESCRIPTIONS)) {
  UserErrorCode[code] = code;
  valuesConfig[code] = { description };
}

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
  code!: string;

  @Field(() => [String], { description: 'Path of the input field at fault, if any' })
  field!: string[];

  @Field({ description: 'Human-readable explanation, naming the rule and by how much it was missed' })
  message!: string;

  @Field(() => [UserErrorFigure], { description: 'The figures behind the refusal' })
  figures!: UserErrorFigure[];

  static from(violation: RuleViolation): UserError {
    return Object.assign(new UserError(), {
      code: violation.code,
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
