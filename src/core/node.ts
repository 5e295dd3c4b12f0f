import { Field, ID, InterfaceType } from 'type-graphql';

/** An object with an opaque global id that `node(id:)` can fetch again. */
@InterfaceType('Node', { description: 'An object with an opaque global id that `node(id:)` can fetch again' })
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id' })
  id!: string;
}
