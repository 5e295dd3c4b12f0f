import type { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import type { RequestContext } from '../../core/context';
import { render } from '../../core/messages';
import { AuthMessages } from './auth.errors';

/** The mutations that check or hash a password (a parent's registration hashes theirs). */
const PASSWORD_FIELDS = new Set(['login', 'passwordChange', 'parentRegister']);

/** How many password fields the operation's root selects, aliased, in fragments or not. */
export function passwordOperationsIn(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): number {
  const count = (selectionSet: SelectionSetNode, seen: Set<string>): number => {
    let n = 0;
    for (const sel of selectionSet.selections) {
      if (sel.kind === Kind.FIELD) n += PASSWORD_FIELDS.has(sel.name.value) ? 1 : 0;
      else if (sel.kind === Kind.INLINE_FRAGMENT) n += count(sel.selectionSet, seen);
      else if (fragments[sel.name.value] && !seen.has(sel.name.value)) {
        n += count(fragments[sel.name.value].selectionSet, new Set([...seen, sel.name.value]));
      }
    }
    return n;
  };
  return count(operation.selectionSet, new Set());
}

/**
 * One password operation per request: aliases would otherwise multiply guesses and hashes in
 * one document past the per-request checks. Refused before anything runs, naming the limit.
 */
export function onePasswordOperationPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
          const value = passwordOperationsIn(operation, fragments);
          if (value > 1) {
            throw new GraphQLError(render(AuthMessages.ONE_PASSWORD_OPERATION, { value }, contextValue.locale), {
              extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'password operations', value, max: 1, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
