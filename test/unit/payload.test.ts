import 'reflect-metadata';
import { validate } from 'class-validator';
import { GraphQLInputObjectType, GraphQLObjectType, GraphQLSchema, printType } from 'graphql';
import { Arg, buildSchema, Field, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../src/core/context';
import { RuleViolation } from '../../src/core/errors';
import { Payload } from '../../src/core/payload';
import { Revisioned, RevisionedInput } from '../../src/core/revisioned-input';
import { CoreErrors } from '../../src/core/user-error';

/** The generic payload and the revisioned-input base, in a schema of their own. */
@ObjectType('Thing', { description: 'A thing' })
class Thing {
  @Field({ description: 'Its name' }) name!: string;
}

const ThingPayload = Payload('thing', () => Thing, { name: 'ThingPayload', description: 'Result of a change to a thing', fieldDescription: 'The thing after the change' });
const DonePayload = Payload('done', () => Boolean, { name: 'DonePayload', description: 'Result of doing it', fieldDescription: 'True when done', whenRefused: false });

@InputType({ description: 'Fields of a thing' })
class ThingFields {
  @Field({ description: 'Its name' }) name!: string;
}

@InputType({ description: 'Change a thing' })
class ThingUpdateInput extends RevisionedInput {
  @Field({ description: 'The thing' }) thingId!: string;
}

@InputType({ description: 'Save a thing, creating it when missing' })
class ThingSaveInput extends Revisioned({ requiredWhen: 'once it exists' }) {
  @Field({ description: 'The thing' }) thingId!: string;
}

@InputType({ description: 'New fields of a thing' })
class ThingEditInput extends Revisioned({ base: ThingFields }) {
  @Field({ description: 'The thing' }) thingId!: string;
}

@Resolver()
class ThingResolver {
  @Query(() => Thing, { description: 'A thing' }) thing(): Thing {
    return { name: 'x' };
  }

  @Mutation(() => ThingPayload, { description: 'Update' }) thingUpdate(@Arg('input', () => ThingUpdateInput) _i: ThingUpdateInput) {
    return ThingPayload.of(async () => ({ name: 'x' }));
  }

  @Mutation(() => ThingPayload, { description: 'Save' }) thingSave(@Arg('input', () => ThingSaveInput) _i: ThingSaveInput) {
    return ThingPayload.of(async () => ({ name: 'x' }));
  }

  @Mutation(() => DonePayload, { description: 'Edit' }) thingEdit(@Arg('input', () => ThingEditInput) _i: ThingEditInput) {
    return DonePayload.of(async () => true);
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema({ resolvers: [ThingResolver], validate: false });
});
const typeSdl = (name: string) => printType(schema.getType(name) as GraphQLObjectType | GraphQLInputObjectType);
const refusal = new RuleViolation(CoreErrors.STALE_REVISION, ['expectedRevision'], { currentRevision: 3, expectedRevision: 2 });

describe('Payload', () => {
  it('declares the result field, nullable, and userErrors', () => {
    expect(typeSdl('ThingPayload')).toBe([
      '"""Result of a change to a thing"""',
      'type ThingPayload {',
      '  """Business-rule refusals; empty on success"""',
      '  userErrors: [UserError!]!',
      '',
      '  """The thing after the change"""',
      '  thing: Thing',
      '}',
    ].join('\n'));
  });

  it('makes the field non-null when it has a value for refusals', () => {
    expect(typeSdl('DonePayload')).toContain('done: Boolean!');
  });

  it('answers the result, or the refusals with the field null or its refused value', async () => {
    expect(await ThingPayload.of(async () => ({ name: 'x' }))).toEqual({ thing: { name: 'x' }, userErrors: [] });
    const refused = await ThingPayload.of(async () => { throw refusal; });
    expect(refused.thing ?? null).toBeNull();
    expect(refused.userErrors).toHaveLength(1);
    const [error] = refused.userErrors;
    expect(error).toMatchObject({ code: 'STALE_REVISION', field: ['expectedRevision'], figures: [{ name: 'currentRevision', value: 3 }, { name: 'expectedRevision', value: 2 }] });
    // The message is written when read, in the language of the request reading it.
    expect(error.message({ locale: 'zh-CN' } as RequestContext)).toBe('这条记录已被他人修改：你编辑的是第 2 版，当前是第 3 版。请刷新后再改');
    expect(error.message({ locale: 'en' } as RequestContext)).toBe('The record was changed by someone else: you edited revision 2, the current revision is 3');
    expect(await DonePayload.of(async () => { throw refusal; })).toMatchObject({ done: false, userErrors: [{ code: 'STALE_REVISION' }] });
  });

  it('lets any other error through', async () => {
    await expect(ThingPayload.of(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
  });
});

describe('Revisioned inputs', () => {
  it('add expectedRevision: required, optional with when it is required, or on top of other fields', () => {
    expect(typeSdl('ThingUpdateInput')).toContain('"""The revision you read"""\n  expectedRevision: Int!');
    expect(typeSdl('ThingSaveInput')).toContain('"""The revision you read; required once it exists"""\n  expectedRevision: Int\n');
    expect(typeSdl('ThingEditInput')).toContain('expectedRevision: Int!');
    expect(typeSdl('ThingEditInput')).toContain('name: String!');
  });

  it('refuse a revision below 1 and accept a missing optional one', async () => {
    const update = Object.assign(new ThingUpdateInput(), { thingId: 't', expectedRevision: 0 });
    expect((await validate(update)).map((e) => e.property)).toEqual(['expectedRevision']);
    expect(await validate(Object.assign(new ThingSaveInput(), { thingId: 't' }))).toEqual([]);
    const edit = Object.assign(new ThingEditInput(), { thingId: 't', name: 'n', expectedRevision: 0 });
    expect((await validate(edit)).map((e) => e.property)).toEqual(['expectedRevision']);
  });

  it('do not reach the schema themselves', () => {
    expect(Object.keys(schema.getTypeMap()).filter((name) => /Revisioned|MutationPayload|NoFields/.test(name))).toEqual([]);
  });
});
