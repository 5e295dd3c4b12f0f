/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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