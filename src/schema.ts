import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './core/auth-checker';
import { RESOLVERS } from './modules/registry';

export { RESOLVERS };

let built: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built once from the resolvers (type-graphql metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS as unknown as [Function, ...Function[]],
    authChecker,
    validate: { forbidUnknownValues: false },
  });
  return built;
}
