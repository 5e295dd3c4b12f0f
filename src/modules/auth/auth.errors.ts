import { DomainError } from '../../core/errors';
import { defineMessages, Figures, MessageDef } from '../../core/messages';

/** Refusals of changing one's password. */
export const AuthErrors = defineMessages({
  SAME_PASSWORD: {
    description: 'The new password equals the current one',
    zh: () => '新密码不能与当前密码相同',
    en: () => 'The new password must differ from the current one',
  },
  WRONG_PASSWORD: {
    description: 'The current password given is wrong',
    zh: () => '当前密码不正确',
    en: () => 'The current password is wrong',
  },
});

/** Top-level errors of signing in and of tokens (UNAUTHENTICATED, TOO_MANY_ATTEMPTS, PASSWORD_CHECKS_BUSY…). */
export const AuthMessages = defineMessages({
  NO_SUCH_SCHOOL: {
    description: 'UNAUTHENTICATED: no school has the code given',
    zh: (f) => `没有学校代码为“${f.schoolCode}”的学校`,
    en: (f) => `No school has the code "${f.schoolCode}"`,
  },
  WRONG_CREDENTIALS: {
    description: 'UNAUTHENTICATED: wrong username or password (the same for both, so usernames do not leak)',
    zh: () => '用户名或密码错误',
    en: () => 'Wrong username or password',
  },
  TOO_MANY_FAILURES: {
    description: 'TOO_MANY_ATTEMPTS: too many failed sign-ins for the account or from the address',
    zh: (f) => `${f.kind === 'account' ? '该账号' : '该网络地址'}登录失败次数过多（${f.windowSeconds} 秒内最多 ${f.maxFailures} 次）；请 ${f.retryAfterSeconds} 秒后再试`,
    en: (f) => `Too many failed sign-ins ${f.kind === 'account' ? 'for this account' : 'from this address'} (${f.maxFailures} allowed in ${f.windowSeconds} s); try again in ${f.retryAfterSeconds} s`,
  },
  BAD_AUTHORIZATION_HEADER: {
    description: 'UNAUTHENTICATED: the Authorization header is not "Bearer <token>"',
    zh: () => 'Authorization 请求头须为“Bearer <令牌>”',
    en: () => 'The Authorization header must be "Bearer <token>"',
  },
  TOKEN_MALFORMED: {
    description: 'UNAUTHENTICATED: the bearer token is malformed',
    zh: () => '登录令牌格式不正确',
    en: () => 'The bearer token is malformed',
  },
  TOKEN_BAD_SIGNATURE: {
    description: 'UNAUTHENTICATED: the bearer token was tampered with or not issued by this service',
    zh: () => '登录令牌被篡改，或不是本服务签发的',
    en: () => 'The bearer token has been tampered with or was not issued by this service',
  },
  TOKEN_BAD_LIFETIME: {
    description: 'UNAUTHENTICATED: the bearer token claims a lifetime this service does not issue',
    zh: () => '登录令牌的有效期不是本服务签发的',
    en: () => 'The bearer token claims a lifetime this service does not issue',
  },
  TOKEN_EXPIRED: {
    description: 'UNAUTHENTICATED: the bearer token has expired',
    zh: () => '登录已过期，请重新登录',
    en: () => 'The bearer token has expired; sign in again',
  },
  ACCOUNT_GONE: {
    description: 'UNAUTHENTICATED: the account of the token no longer exists',
    zh: () => '该登录令牌对应的账号已不存在',
    en: () => 'The account of this token no longer exists',
  },
  TOKEN_REVOKED: {
    description: 'UNAUTHENTICATED: the token was revoked by a sign-out or a password change',
    zh: () => '该登录令牌已因退出登录或修改密码而失效，请重新登录',
    en: () => 'This token was revoked by a sign-out or password change; sign in again',
  },
  CHECKS_BUSY: {
    description: 'PASSWORD_CHECKS_BUSY: too many password checks are running or waiting',
    zh: (f) => `当前正在核验的密码过多（${f.places} 个正在核验或等待）；本次未核验，请 ${f.retryAfterSeconds} 秒后重试`,
    en: (f) => `Too many passwords are being checked at the moment (${f.places} running or waiting); nothing was checked, retry in ${f.retryAfterSeconds} s`,
  },
  CHECKS_BUSY_ADDRESS: {
    description: 'PASSWORD_CHECKS_BUSY: too many password checks from the address',
    zh: (f) => `来自该网络地址的密码核验过多（同时最多 ${f.maxPerAddress} 个）；本次未核验，请 ${f.retryAfterSeconds} 秒后重试`,
    en: (f) => `Too many passwords from this address are being checked at the moment (${f.maxPerAddress} at once); nothing was checked, retry in ${f.retryAfterSeconds} s`,
  },
  ONE_PASSWORD_OPERATION: {
    description: 'QUERY_LIMIT_EXCEEDED: a request signs in or changes a password once',
    zh: (f) => `一个请求只能登录或修改密码一次：本请求有 ${f.value} 次（login、passwordChange）`,
    en: (f) => `A request may sign in or change a password once: this one asks ${f.value} times (login, passwordChange)`,
  },
});

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

  constructor(rule: MessageDef, figures: Figures, retryAfterSeconds: number) {
    super(rule, { ...figures, retryAfterSeconds }, { retryable: true, retryAfterSeconds });
    this.extensions = { http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } };
  }
}
