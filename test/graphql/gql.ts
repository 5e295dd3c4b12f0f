/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ClassNames { classes { name } }": typeof types.ClassNamesDocument,
    "query UserName($id: ID!) { user(id: $id) { displayName } }": typeof types.UserNameDocument,
    "query UsersPage($first: Int!, $after: String, $role: Role) {\n    users(first: $first, after: $after, role: $role) { edges { cursor node { username } } pageInfo { hasNextPage endCursor } } }": typeof types.UsersPageDocument,
};
const documents: Documents = {
    "query ClassNames { classes { name } }": types.ClassNamesDocument,
    "query UserName($id: ID!) { user(id: $id) { displayName } }": types.UserNameDocument,
    "query UsersPage($first: Int!, $after: String, $role: Role) {\n    users(first: $first, after: $after, role: $role) { edges { cursor node { username } } pageInfo { hasNextPage endCursor } } }": types.UsersPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClassNames { classes { name } }"): typeof import('./graphql').ClassNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserName($id: ID!) { user(id: $id) { displayName } }"): typeof import('./graphql').UserNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersPage($first: Int!, $after: String, $role: Role) {\n    users(first: $first, after: $after, role: $role) { edges { cursor node { username } } pageInfo { hasNextPage endCursor } } }"): typeof import('./graphql').UsersPageDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
