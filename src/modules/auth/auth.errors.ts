import { DomainError } from '../../core/errors';

/**
 * Too many password checks are running or waiting (all of them, or those of the caller's
 * address): nothing was checked; retry after `retryAfterSeconds`. Answered with HTTP 503 and
 * a Retry-After header.
 */
export class PasswordChecksBusyError extends DomainError {
  readonly code = 'PASSWORD_CHECKS_BUSY';
  /**
   * graphql-js copies an original error's `extensions` into the GraphQL error it wraps it in,
   * and Apollo Server takes the HTTP status and headers of the response from there.
   */
  readonly extensions: { http: { status: number; headers: Map<string, string> } };

  constructor(message: string, retryAfterSeconds: number) {
    super(message, { retryable: true, retryAfterSeconds });
    this.extensions = { http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } };
  }
}
