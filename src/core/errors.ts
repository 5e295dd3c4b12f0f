import { Figures, Locale, MessageDef, render } from './messages';
import { RequestErrors } from './request-errors';

/**
 * Domain errors. Services throw these; they know nothing of GraphQL. The single mapping to
 * GraphQL error codes lives in src/core/format-error.ts.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /**
   * `rule` is the catalogue entry of the message, written from `figures`. `message` is the
   * Chinese (for logs); where the error is answered it is written in the request's language
   * (`messageIn`). `details` go to the error's `extensions` (never the message's names).
   */
  constructor(readonly rule: MessageDef, readonly figures: Figures = {}, readonly details: Record<string, unknown> = {}) {
    super(render(rule, figures));
    this.name = new.target.name;
  }

  /** The message in `locale` (the request's, where the error is answered). */
  messageIn(locale: Locale): string {
    return render(this.rule, this.figures, locale);
  }
}

/** Not signed in, or the credentials or token are not valid. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

/** Too many failed sign-ins: wait before trying again. */
export class TooManyAttemptsError extends DomainError {
  readonly code = 'TOO_MANY_ATTEMPTS';
}

/** Signed in, but this user may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/**
 * The thing does not exist in the caller's school. Rows of other schools and rows the caller
 * may not see are reported the same way, so ids of other schools leak nothing. The message
 * names the entity in the request's language (`entityName`).
 */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, id: string) {
    super(RequestErrors.NOT_FOUND, { entity, id }, { entity, id });
  }
}

/**
 * Malformed input that class-validator cannot see (a bad global id, say). `reason` is a
 * catalogue entry whose key names the problem (it goes to `extensions.reason`); the GraphQL
 * code stays BAD_USER_INPUT.
 */
export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly field: string, reason: MessageDef, figures: Figures = {}) {
    super(reason, { field, ...figures }, { field, reason: reason.code });
  }
}

/**
 * A business rule refused the change. Mutations return it as a `userErrors` entry with a
 * stable code and the figures a client needs.
 */
export class RuleViolation extends DomainError {
  readonly code: string;
  readonly field: string[];

  /**
   * `rule` is the catalogue entry of the refusal (a module's `<module>.errors.ts`); its
   * message is written from `details` in the request's language. Numbers in `details` are
   * the figures clients get; strings only fill in the message.
   */
  constructor(rule: MessageDef, field: string[] = [], details: Figures = {}) {
    super(rule, details, { ...details });
    this.code = rule.code;
    this.field = field;
  }
}

/** Several rules refused the change at once; each becomes a `userErrors` entry. */
export class RuleViolations extends DomainError {
  readonly code = 'RULE_VIOLATIONS';
  constructor(readonly violations: RuleViolation[]) {
    super(RequestErrors.RULE_VIOLATIONS, { messages: violations.map((v) => v.message) });
  }

  override messageIn(locale: Locale): string {
    return render(this.rule, { messages: this.violations.map((v) => v.messageIn(locale)) }, locale);
  }
}

/**
 * The database cannot be reached (down, restarting, connection lost). Nothing of the request
 * was committed unless it says otherwise; the client should retry, with the same client key
 * for a create, after `retryAfterSeconds`.
 */
export class DatabaseUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(override readonly cause: unknown) {
    super(RequestErrors.SERVICE_UNAVAILABLE, { retryAfterSeconds: 2 }, { retryable: true, retryAfterSeconds: 2 });
  }
}

/** SQLSTATE classes and driver errors that mean the connection, not the statement, failed. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);

export function isConnectionFailure(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  if (e instanceof DatabaseUnavailableError) return true;
  const { code, message } = e as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  const text = typeof message === 'string' ? message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end|not queryable|Query runner already released/i.test(text)
    || (e as { driverError?: unknown }).driverError !== undefined && isConnectionFailure((e as { driverError: unknown }).driverError);
}
