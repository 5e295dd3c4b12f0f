import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { DatabaseUnavailableError, DomainError, InvalidInputError, isConnectionFailure } from './errors';
import { Logger } from './logger';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_LOCALE, Locale, render } from './messages';
import type { RequestContext } from './context';
import { constraintMessage, RequestErrors } from './request-errors';
import { ScalarInputError } from './scalars';

/** Codes that GraphQL itself or Apollo produce for bad requests; they pass through as they are. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'QUERY_LIMIT_EXCEEDED',
  'TOO_MANY_ATTEMPTS',
  'SERVICE_UNAVAILABLE',
]);

/** How graphql-js's error starts when a request's variables hold more refused values than it collects. */
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached';

interface FieldProblem {
  field: string;
  problems: string[];
}

/** Each field's problems, in the request's language (see `constraintMessage`). */
function flattenValidation(errors: ValidationError[], locale: Locale, prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const problems = Object.entries(e.constraints ?? {}).map(([name, message]) => constraintMessage(name, message, e.property, locale));
    const own = e.constraints ? [{ field, problems }] : [];
    return [...own, ...flattenValidation(e.children ?? [], locale, field)];
  });
}

/** The language of the request each error was raised in; set before the errors are formatted. */
const errorLocales = new WeakMap<object, Locale>();

/**
 * Notes the request's language on its errors (Apollo formats them without the request's
 * context), so that `formatError` writes their messages in it.
 */
export function errorLocalePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          for (const e of errors) errorLocales.set(e, contextValue.locale);
        },
      };
    },
  };
}

/**
 * The one place that maps errors to what clients see: domain errors to their codes,
 * class-validator failures to BAD_USER_INPUT with each field's problems, type-graphql's
 * authorization failures to FORBIDDEN, and anything unexpected to a masked
 * INTERNAL_SERVER_ERROR (logged in full).
 */
export function createFormatError(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const locale = (typeof error === 'object' && error && errorLocales.get(error)) || DEFAULT_LOCALE;
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof ArgumentValidationError) {
      const fields = flattenValidation(original.extensions.validationErrors, locale);
      const summary = fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | ');
      return { ...base, message: render(RequestErrors.INVALID_INPUT, { summary }, locale), extensions: { code: 'BAD_USER_INPUT', fields } };
    }
    if (!(original instanceof DomainError) && isConnectionFailure(original)) {
      logger.warn('database unreachable', { error: original, path: formatted.path });
      const unavailable = new DatabaseUnavailableError(original);
      return { ...base, message: unavailable.messageIn(locale), extensions: { code: unavailable.code, ...unavailable.details } };
    }
    if (original instanceof DomainError) {
      const extensions: Record<string, unknown> = { code: original.code, ...original.details };
      const message = original.messageIn(locale);
      if (original instanceof InvalidInputError) extensions.fields = [{ field: original.field, problems: [message] }];
      return { ...base, message, extensions };
    }
    if (original instanceof AuthorizationError) {
      return { ...base, message: render(RequestErrors.ROLES_FORBID, {}, locale), extensions: { code: 'FORBIDDEN', reason: 'ROLE' } };
    }
    if (original instanceof AuthenticationError) {
      return { ...base, message: render(RequestErrors.SIGN_IN_FIRST, {}, locale), extensions: { code: 'UNAUTHENTICATED' } };
    }
    if (error instanceof GraphQLError && error.originalError instanceof ScalarInputError) {
      // A date or time refused in the query text: the same code as when it comes in a variable.
      return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      if (!production) return formatted;
      const { stacktrace: _hidden, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (original instanceof GraphQLError && !original.originalError && !original.path && original.message.startsWith(VARIABLE_ERROR_LIMIT)) {
      // graphql-js stops coercing variables after 50 refused values and adds this code-less error: still the client's input.
      return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (original instanceof GraphQLError && !original.originalError && !original.path) {
      // A request-level GraphQL error (e.g. a validation rule) without a recognised code.
      return production ? { ...base, extensions: { code: code ?? 'BAD_REQUEST' } } : formatted;
    }
    logger.error('unexpected error', { error: original, path: formatted.path });
    return { ...base, message: render(RequestErrors.INTERNAL, {}, locale), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
