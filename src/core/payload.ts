import { GraphQLScalarType } from 'graphql';
import { ClassType, Field, ObjectType } from 'type-graphql';
import { payloadOf, UserError } from './user-error';

/**
 * What every mutation answers: its result, and the business-rule refusals (`userErrors`, empty
 * on success; nothing was changed when there are any). Payloads with several result fields
 * extend this class; payloads with one use `Payload(…)` below.
 */
@ObjectType('MutationPayload', { description: 'Result of a mutation' })
export abstract class MutationPayload {
  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' })
  userErrors!: UserError[];
}

/** The TypeScript value of a field of GraphQL type `T` (a class, a scalar, Boolean, String, Number). */
type ValueOf<T> = T extends BooleanConstructor ? boolean
  : T extends StringConstructor ? string
  : T extends NumberConstructor ? number
  : T extends GraphQLScalarType<infer V> ? V
  : T extends ClassType<infer V> ? V
  : never;

export type PayloadValue<K extends string, V> = MutationPayload & { [P in K]: V | null };

/** A payload class made by `Payload(…)`: the GraphQL type, and `of` to answer a mutation with it. */
export interface PayloadClass<K extends string, V> {
  new (): PayloadValue<K, V>;
  /**
   * Runs the mutation's work: its result under the payload's field, or the refusals it raised
   * (a `RuleViolation`) in `userErrors`. Any other error propagates.
   */
  of(work: () => Promise<V>): Promise<PayloadValue<K, V>>;
}

export interface PayloadOptions<V> {
  /** The payload's GraphQL name, e.g. `AssignmentPayload`. */
  name: string;
  /** What the payload is, e.g. `Result of a change to an assignment`. */
  description: string;
  /** What its field holds, e.g. `The assignment after the change`. */
  fieldDescription: string;
  /**
   * The field's value on a refusal. Without it the field is nullable and null on a refusal;
   * with it (e.g. `false` for `deleted`) it is non-null.
   */
  whenRefused?: V;
}

/**
 * A generic payload: one result field of the given type, plus `userErrors`. For example
 * `Payload('assignment', () => AssignmentNode, { name: 'AssignmentPayload', … })` declares
 * `type AssignmentPayload { assignment: Assignment  userErrors: [UserError!]! }`.
 */
export function Payload<K extends string, T>(field: K, type: () => T, options: PayloadOptions<ValueOf<T>>): PayloadClass<K, ValueOf<T>> {
  type V = ValueOf<T>;
  const refused = ('whenRefused' in options ? { [field]: options.whenRefused } : {}) as Partial<Omit<PayloadValue<K, V>, 'userErrors'>>;

  class GenericPayload extends MutationPayload {
    static of(work: () => Promise<V>): Promise<PayloadValue<K, V>> {
      return payloadOf<PayloadValue<K, V>>(async () => ({ [field]: await work() }) as Omit<PayloadValue<K, V>, 'userErrors'>, refused);
    }
  }
  Field(type as () => ClassType, { nullable: !('whenRefused' in options), description: options.fieldDescription })(GenericPayload.prototype, field);
  ObjectType(options.name, { description: options.description })(GenericPayload);
  return GenericPayload as unknown as PayloadClass<K, V>;
}
