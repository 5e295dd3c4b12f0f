import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit } from 'graphql';

/**
 * Text the database cannot hold faithfully: a NUL character (PostgreSQL rejects it) or a lone
 * UTF-16 surrogate (it would be stored as U+FFFD, so two different inputs would become one).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate (not valid Unicode)';
  return null;
}

function findBadText(value: unknown, path: string): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
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
export function inputTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let found = findBadText(request.variables ?? {}, '');
          if (!found) {
            visit(document, {
              [Kind.STRING]: (node) => {
                const problem = found ? null : textProblem(node.value);
                if (problem) found = { path: 'a string in the document', problem };
              },
            });
          }
          if (found) {
            const { path, problem } = found;
            throw new GraphQLError(`Invalid input — ${path}: ${problem}`, {
              extensions: { code: 'BAD_USER_INPUT', fields: [{ field: path, problems: [problem] }], http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
