import { Ctx, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { RequestContext } from './context';
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
    zh: (f) => `${f.name ?? '这条记录'}已被他人修改：你编辑的是第 ${f.expectedRevision} 版，当前是第 ${f.currentRevision} 版。请刷新后再改`,
    en: (f) => `${f.what ?? 'The record'} was changed by someone else: you edited revision ${f.expectedRevision}, the current revision is ${f.currentRevision}`,
  },
  CONCURRENT_CHANGE: {
    description: 'Someone else made the same change at the same moment; reload and try again',
    zh: (f) => (f.what === 'password'
      ? '核验期间你的密码已被修改或你已退出登录，请重新登录'
      : '有人在同一时刻做了同样的修改，请刷新后重试'),
    en: (f) => (f.what === 'password'
      ? 'Your password was changed or you signed out while this change was checked; sign in again'
      : 'Someone else made the same change at the same moment; reload and try again'),
  },
  IDEMPOTENCY_KEY_REUSED: {
    description: 'The client key was already used for a different request',
    zh: () => '这个请求编号（clientKey）已用于另一项操作，请换一个新的编号',
    en: () => 'This client key was already used for a different request; use a new key',
  },
});
registerUserErrors(CoreErrors);

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

  /** The refusal; its message is written when read, in the request's language. */
  private violation!: RuleViolation;

  @Field(() => String, { description: 'Human-readable explanation, naming the rule and by how much it was missed' })
  message(@Ctx() ctx: RequestContext): string {
    return this.violation.messageIn(ctx.locale);
  }

  @Field(() => [UserErrorFigure], { description: 'The figures behind the refusal' })
  figures!: UserErrorFigure[];

  static from(violation: RuleViolation): UserError {
    return Object.assign(new UserError(), {
      code: violation.code,
      field: violation.field,
      violation,
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
