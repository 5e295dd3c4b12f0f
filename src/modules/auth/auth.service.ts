import { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config';
import { RequestContext, Viewer } from '../../core/context';
import { RuleViolation, TooManyAttemptsError, UnauthenticatedError } from '../../core/errors';
import { withTransaction } from '../../core/transaction';
import { UserErrorCode } from '../../core/user-error';
import { User } from '../user/user.entity';
import { userService } from '../user/user.service';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { checkToken, issueToken, TokenClaims } from './token';

export interface LoginInput {
  schoolCode: string;
  username: string;
  password: string;
}

export interface PasswordChangeInput {
  currentPassword: string;
  newPassword: string;
}

export interface Session {
  token: string;
  expiresAt: Date;
  user: User;
}

const TOKEN_REASONS = {
  malformed: 'The bearer token is malformed',
  bad_signature: 'The bearer token has been tampered with or was not issued by this service',
  expired: 'The bearer token has expired; sign in again',
} as const;

export class AuthService {
  /**
   * Signs a user in and issues a bearer token. An unknown school, an unknown user and a
   * wrong password are each UNAUTHENTICATED; the last two read the same so usernames do not
   * leak, and take the same time. The rest of the request then acts as the signed-in user.
   */
  async login(ctx: RequestContext, input: LoginInput): Promise<Session> {
    const { db: ds, config } = ctx;
    const code = input.schoolCode.trim().toLowerCase();
    const keys = [`account:${code}:${input.username.trim().toLowerCase()}`, `address:${ctx.clientAddress}`];
    // Count the attempt before checking the password, atomically, so parallel guesses are counted too.
    await this.countAttempt(ctx, keys);
    // Before sign-in no school is set, so row-level security hides every school: the code is
    // looked up by a function of the schema owner that returns only the id.
    const [found]: { id: string | null }[] = await ds.query(`SELECT school_id_for_code($1) AS id`, [code]);
    if (!found?.id) throw new UnauthenticatedError(`No school has the code "${input.schoolCode}"`);
    const school = { id: found.id };
    await ctx.moveToSchool(school.id);
    const user = await ds
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.school_id = :schoolId AND u.username = :username', {
        schoolId: school.id,
        username: input.username.trim().toLowerCase(),
      })
      .getOne();
    const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash(config.passwordHashCost)));
    if (!user || !valid) throw new UnauthenticatedError('Wrong username or password');
    // A success clears the account's count and takes this attempt off the address's.
    await ds.query(`DELETE FROM login_attempts WHERE key = $1`, [keys[0]]);
    await ds.query(`UPDATE login_attempts SET failures = greatest(failures - 1, 0) WHERE key = $1`, [keys[1]]);
    const loaded = await userService.loadViewer(ds, school.id, user.id);
    if (loaded) ctx.signIn(loaded.viewer);
    const { token, expiresAt } = issueToken(user, config.authTokenSecret, config.authTokenTtlSeconds);
    return { token, expiresAt, user };
  }

  /**
   * Counts a sign-in attempt for the account and the address (in one statement each, so
   * concurrent attempts cannot slip past) and refuses it when either is over its limit.
   */
  private async countAttempt(ctx: RequestContext, [account, address]: string[]): Promise<void> {
    const { maxFailuresPerAccount, maxFailuresPerAddress, windowSeconds } = ctx.config.loginThrottle;
    for (const [key, max] of [[account, maxFailuresPerAccount], [address, maxFailuresPerAddress]] as const) {
      const [row]: { failures: number; retry: number }[] = await ctx.db.query(
        `INSERT INTO login_attempts (key, school_id, failures, window_started_at) VALUES ($1, NULL, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_attempts.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE login_attempts.failures + 1 END,
           window_started_at = CASE WHEN login_attempts.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE login_attempts.window_started_at END
         RETURNING failures, ceil(extract(epoch FROM window_started_at + make_interval(secs => $2) - now()))::int AS retry`,
        [key, windowSeconds],
      );
      // The attempt being made may still succeed: refuse only once the earlier ones reached the limit.
      if (row.failures > max) {
        throw new TooManyAttemptsError(
          `Too many failed sign-ins ${key === account ? 'for this account' : 'from this address'} (${max} allowed in ${windowSeconds} s); try again in ${row.retry} s`,
          { retryAfterSeconds: row.retry, maxFailures: max },
        );
      }
    }
  }

  /**
   * The claims of an `Authorization: Bearer …` header; null when there is no header. A bad or
   * expired token is UNAUTHENTICATED rather than anonymous, so a client learns its token is no
   * good instead of seeing less data.
   */
  claimsFromAuthorization(config: AppConfig, header: string | undefined): TokenClaims | null {
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
    const check = checkToken(match[1], config.authTokenSecret);
    if (!check.ok) throw new UnauthenticatedError(TOKEN_REASONS[check.reason]);
    return check.claims;
  }

  /** The viewer that checked claims name; UNAUTHENTICATED when the account is gone or the token revoked. */
  async viewerOfClaims(ds: EntityManager, claims: TokenClaims): Promise<Viewer> {
    const loaded = await userService.loadViewer(ds, claims.sch, claims.sub);
    if (!loaded) throw new UnauthenticatedError('The account of this token no longer exists');
    if (loaded.tokenVersion !== claims.ver) {
      throw new UnauthenticatedError('This token was revoked by a sign-out or password change; sign in again');
    }
    return loaded.viewer;
  }

  /** Revokes every token of the caller (all devices). */
  async logout(ctx: RequestContext): Promise<void> {
    await withTransaction(ctx, (tx) =>
      tx.increment(User, { schoolId: ctx.schoolId, id: ctx.viewer.userId }, 'tokenVersion', 1),
    );
  }

  /** Changes the caller's password and revokes earlier tokens; returns a fresh session. */
  async changePassword(ctx: RequestContext, input: PasswordChangeInput): Promise<Session> {
    if (input.currentPassword === input.newPassword) {
      throw new RuleViolation(UserErrorCode.SAME_PASSWORD, 'The new password must differ from the current one', [
        'newPassword',
      ]);
    }
    const newHash = await hashPassword(input.newPassword, ctx.config.passwordHashCost);
    const user = await withTransaction(ctx, async (tx) => {
      const current = await tx
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .setLock('pessimistic_write')
        .where('u.school_id = :schoolId AND u.id = :id', { schoolId: ctx.schoolId, id: ctx.viewer.userId })
        .getOneOrFail();
      if (!(await verifyPassword(input.currentPassword, current.passwordHash))) {
        throw new RuleViolation(UserErrorCode.WRONG_PASSWORD, 'The current password is wrong', ['currentPassword']);
      }
      await tx.update(
        User,
        { schoolId: ctx.schoolId, id: current.id },
        { passwordHash: newHash, tokenVersion: current.tokenVersion + 1 },
      );
      return { ...current, tokenVersion: current.tokenVersion + 1 };
    });
    const { token, expiresAt } = issueToken(user, ctx.config.authTokenSecret, ctx.config.authTokenTtlSeconds);
    return { token, expiresAt, user };
  }
}

export const authService = new AuthService();
