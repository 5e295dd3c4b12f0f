import { Field, InputType, Int } from 'type-graphql';
import { IsOptional, Min } from 'class-validator';

type Constructor<T = object> = abstract new (...args: any[]) => T;

/** An input with no fields: what `Revisioned()` extends unless given another base. */
abstract class NoFields {}

/**
 * The base of every input that writes a shared record (optimistic locking): `expectedRevision`,
 * the revision the client read; a stale one is refused with STALE_REVISION (see `checkRevision`).
 *
 * - `extends RevisionedInput`: required (`expectedRevision: Int!`).
 * - `extends Revisioned({ requiredWhen: 'once filled' })`: for a write that may create the
 *   record: nullable, required only when the record exists.
 * - `extends Revisioned({ base: SomeFields })`: the same on top of another input class.
 */
export function Revisioned<B extends Constructor>(options: { base?: B; requiredWhen?: undefined }): Constructor<InstanceType<B> & { expectedRevision: number }>;
export function Revisioned<B extends Constructor>(options: { base?: B; requiredWhen: string }): Constructor<InstanceType<B> & { expectedRevision?: number | null }>;
export function Revisioned(options: { base?: Constructor; requiredWhen?: string }): Constructor {
  const Base = (options.base ?? NoFields) as abstract new () => object;
  const optional = options.requiredWhen !== undefined;

  @InputType({ description: 'An input naming the revision it was based on' })
  abstract class RevisionedFields extends Base {
    expectedRevision?: number | null;
  }
  Field(() => Int, {
    nullable: optional,
    description: optional ? `The revision you read; required ${options.requiredWhen}` : 'The revision you read',
  })(RevisionedFields.prototype, 'expectedRevision');
  Min(1)(RevisionedFields.prototype, 'expectedRevision');
  if (optional) IsOptional()(RevisionedFields.prototype, 'expectedRevision');
  return RevisionedFields;
}

/** An input that changes a shared record: `expectedRevision: Int!`, the revision you read. */
export const RevisionedInput = Revisioned({});
