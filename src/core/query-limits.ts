import { ApolloServerPlugin } from '@apollo/server';
import {
  FieldNode, FragmentDefinitionNode, getNamedType, GraphQLError, GraphQLObjectType, GraphQLSchema, isListType, isNonNullType,
  isObjectType, GraphQLOutputType, Kind, OperationDefinitionNode, SelectionSetNode, valueFromASTUntyped,
} from 'graphql';
import type { QueryLimits } from '../config';
import type { RequestContext } from './context';
import { Locale, render } from './messages';
import { RequestErrors } from './request-errors';

/**
 * Limits on one GraphQL operation: depth, aliases and cost. Cost counts 1 per field, and a
 * list multiplies what is below it by its `first` argument (or a default page size). Each
 * refusal names the limit and by how much it was exceeded. Introspection is exempt here
 * (it is off in production).
 */
export const DEFAULT_LIST_SIZE = 20;

export interface OperationFigures {
  depth: number;
  aliases: number;
  cost: number;
}

function unwrap(type: GraphQLOutputType): { list: boolean } {
  let t = type;
  if (isNonNullType(t)) t = t.ofType;
  return { list: isListType(t) };
}

export function measureOperation(
  schema: GraphQLSchema, op: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown>,
): OperationFigures {
  let aliases = 0;
  const root = op.operation === 'mutation' ? schema.getMutationType() : op.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();

  // `paged`: the parent field took `first`, so its `edges` are already counted by it.
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLObjectType | null, depth: number, seen: Set<string>, paged = false): { depth: number; cost: number } => {
    let maxDepth = depth;
    let cost = 0;
    for (const sel of selectionSet.selections) {
      if (sel.kind === Kind.FIELD) {
        const field = sel as FieldNode;
        if (field.alias) aliases++;
        if (field.name.value.startsWith('__')) continue;
        const def = parent?.getFields()[field.name.value];
        let multiplier = 1;
        if (def && unwrap(def.type).list && !(paged && field.name.value === 'edges')) multiplier = DEFAULT_LIST_SIZE;
        const firstArg = field.arguments?.find((a) => a.name.value === 'first');
        if (firstArg) {
          const value = valueFromASTUntyped(firstArg.value, variables);
          multiplier = typeof value === 'number' ? Math.max(1, value) : DEFAULT_LIST_SIZE;
        }
        if (field.selectionSet) {
          const named = def ? getNamedType(def.type) : null;
          const next = named && isObjectType(named) ? named : null;
          const child = walk(field.selectionSet, next, depth + 1, seen, !!firstArg);
          maxDepth = Math.max(maxDepth, child.depth);
          cost += 1 + multiplier * child.cost;
        } else {
          cost += 1;
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const typeName = sel.typeCondition?.name.value;
        const t = typeName ? schema.getType(typeName) : parent;
        const child = walk(sel.selectionSet, t && isObjectType(t) ? t : parent, depth, seen, paged);
        maxDepth = Math.max(maxDepth, child.depth);
        cost += child.cost;
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const name = sel.name.value;
        const frag = fragments[name];
        if (!frag || seen.has(name)) continue;
        const t = schema.getType(frag.typeCondition.name.value);
        const child = walk(frag.selectionSet, t && isObjectType(t) ? t : parent, depth, new Set([...seen, name]), paged);
        maxDepth = Math.max(maxDepth, child.depth);
        cost += child.cost;
      }
    }
    return { depth: maxDepth, cost };
  };

  const { depth, cost } = walk(op.selectionSet, root ?? null, 0, new Set());
  return { depth, aliases, cost };
}

function refuse(limit: string, value: number, max: number, locale: Locale): GraphQLError {
  return new GraphQLError(render(RequestErrors.QUERY_LIMIT, { limit, value, max }, locale), {
    extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit, value, max, http: { status: 400 } },
  });
}

export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema, contextValue }) {
          if (!operation) return;
          const onlyIntrospection = operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'));
          if (onlyIntrospection) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
          const figures = measureOperation(schema, operation, fragments, request.variables ?? {});
          if (figures.depth > limits.maxDepth) throw refuse('depth', figures.depth, limits.maxDepth, contextValue.locale);
          if (figures.aliases > limits.maxAliases) throw refuse('aliases', figures.aliases, limits.maxAliases, contextValue.locale);
          if (figures.cost > limits.maxCost) throw refuse('cost', figures.cost, limits.maxCost, contextValue.locale);
        },
      };
    },
  };
}
