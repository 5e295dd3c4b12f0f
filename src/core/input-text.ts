import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit } from 'graphql';
import type { RequestContext } from './context';
import { render } from './messages';
import { RequestErrors } from './request-errors';

/**
 * Text the database cannot hold faithfully: a NUL character (PostgreSQL rejects it) or a lone
 * UTF-16 surrogate (it would be stored as U+FFFD, so two different inputs would become one).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(value: string): string | null {
  const kind = textProblemKind(value);
  return kind ? render(RequestErrors.BAD_TEXT, { kind }, 'en') : null;
}

/** What is wrong with the text: `nul`, `surrogate`, or nothing (null). */
function textProblemKind(value: string): 'nul' | 'surrogate' | null {
  if (value.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  return null;
}

function findBadText(value: unknown, path: string): { path: string; problem: 'nul' | 'surrogate' } | null {
  if (typeof value === 'string') {
    const problem = textProblemKind(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = findBadText(v, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Refuses, before any resolver runs, an operation whose variables or inline strings hold such text. */
export function inputTextPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue }) {
          let found = findBadText(request.variables ?? {}, '');
          if (!found) {
            visit(document, {
              [Kind.STRING]: (node) => {
                const problem = found ? null : textProblemKind(node.value);
                if (problem) found = { path: 'a string in the document', problem };
              },
            });
          }
          if (found) {
            const { path } = found;
            const problem = render(RequestErrors.BAD_TEXT, { kind: found.problem }, contextValue.locale);
            throw new GraphQLError(render(RequestErrors.INVALID_INPUT, { summary: `${path}: ${problem}` }, contextValue.locale), {
              extensions: { code: 'BAD_USER_INPUT', fields: [{ field: path, problems: [problem] }], http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
