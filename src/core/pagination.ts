import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { InvalidInputError } from './errors';
import { RequestErrors } from './request-errors';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1–${MAX_PAGE_SIZE}` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;
}

@ObjectType({ description: 'Where a page of a connection ends' })
export class PageInfo {
  @Field({ description: 'Whether more edges follow this page' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of this page' })
  endCursor!: string | null;
}

/** A cursor is the keyset (sort values) of the last row, opaque to clients. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // fall through to the error below
  }
  throw new InvalidInputError('after', RequestErrors.BAD_CURSOR);
}

export interface Page<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
}

/** Builds a page from up to `first + 1` rows fetched in order (the extra row means "more"). */
export function pageOf<R, T>(rows: R[], first: number, keysetOf: (row: R) => unknown[], toNode: (row: R) => T): Page<T> {
  const hasNextPage = rows.length > first;
  const shown = rows.slice(0, first);
  const edges = shown.map((row) => ({ node: toNode(row), cursor: encodeCursor(keysetOf(row)) }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
}

/** Declares `<Name>Connection` and `<Name>Edge` GraphQL types for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection` })
  class Edge {
    @Field(() => nodeType, { description: 'The item' })
    node!: T;

    @Field({ description: 'Cursor to pass as `after` to continue after this item' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The items of this page' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page ends' })
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

