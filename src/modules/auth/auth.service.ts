import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config';
import { RequestContext, Viewer } from '../../core/context';
import { RuleViolation, TooManyAttemptsError, UnauthenticatedError } from '../../core/errors';
import { withTransaction } from '../../core/transaction';
import { User } from '../user/user.entity';
import { userService, ViewerRow } from '../user/user.service';
import { RequestScope } from '../../core/request-scope';
import { AuthErrors, AuthMessages, PasswordChecksBusyError } from './auth.errors';
import { accountKey, addressKey, AttemptCount, countLoginAttempt, loginSucceeded } from './login-attempts';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { passwordChecks } from './password-checks';
import { checkToken, issueToken, TokenClaims } from './token';
import { CoreErrors } from '../../core/user-error';

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
  malformed: AuthMessages.TOKEN_MALFORMED,
  bad_signature: AuthMessages.TOKEN_BAD_SIGNATURE,
  bad_lifetime: AuthMessages.TOKEN_BAD_LIFETIME,
  expired: AuthMessages.TOKEN_EXPIRED,
} as const;

export class AuthService {
  /**
   * Signs a user in and issues a bearer token. An unknown school, an unknown user and a
   * wrong password are each UNAUTHENTICATED; the last two read the same so usernames do not
   * leak, and take the same time. The rest of the request then acts as the signed-in user.
   *
   * The attempt is counted for the account and the address before the password is checked,
   * each count a statement committed at once, so parallel guesses are all counted and no lock
   * is held meanwhile; the check waits its turn in the password check queue holding no
   * connection. Refused by the queue, the attempt still counts against the address.
   */
  async login(ctx: RequestContext, input: LoginInput): Promise<Session> {
    const { config } = ctx;
    const username = input.username.trim().toLowerCase();
    const address = addressKey(config.authTokenSecret, ctx.clientAddress);
    const window = config.loginThrottle.windowSeconds;
    const user = await ctx.withoutConnection(async (short) => {
      try {
        // A place first: when the queue is full the attempt is refused before any other work.
        return await passwordChecks.admit(ctx.clientAddress, config.passwordChecks, async (check) => {
          // Before sign-in no school is set, so row-level security hides every school: the code is
          // looked up by a function of the schema owner that returns only the id.
          const [found]: { id: string | null }[] = await short(null, (db) => db.query(`SELECT school_id_for_code($1) AS id`, [input.schoolCode.trim().toLowerCase()]));
          const schoolId = found?.id;
          if (!schoolId) {
            this.refuseOverLimit(ctx, await short(null, (db) => countLoginAttempt(db, { address }, window)));
            throw new UnauthenticatedError(AuthMessages.NO_SUCH_SCHOOL, { schoolCode: input.schoolCode });
          }
          const account = accountKey(config.authTokenSecret, schoolId, username);
          this.refuseOverLimit(ctx, await short(null, (db) => countLoginAttempt(db, { account, address }, window)));
          const candidate = await short(schoolId, (db) => db
            .getRepository(User)
            .createQueryBuilder('u')
            .addSelect('u.passwordHash')
            .where('u.school_id = :schoolId AND u.username = :username AND u.deactivated_at IS NULL', { schoolId, username })
            .getOne());
          const valid = await check(async () => verifyPassword(input.password, candidate?.passwordHash ?? (await decoyHash(config.passwordHashCost))));
          if (!candidate || !valid) throw new UnauthenticatedError(AuthMessages.WRONG_CREDENTIALS);
          await short(null, (db) => loginSucceeded(db, account, address));
          return candidate;
        });
      } catch (e) {
        if (e instanceof PasswordChecksBusyError) await short(null, (db) => countLoginAttempt(db, { address }, window));
        throw e;
      }
    });
    await ctx.moveToSchool(user.schoolId);
    const loaded = await userService.loadViewer(ctx.db, user.schoolId, user.id);
    if (loaded) ctx.signIn(loaded.viewer);
    const { token, expiresAt } = issueToken(user, config.authTokenSecret, config.authTokenTtlSeconds);
    return { token, expiresAt, user };
  }

  /** Refuses the attempt when any of its counts, this one included, is past its limit (also for join-code guesses). */
  refuseOverLimit(ctx: RequestContext, counts: AttemptCount[]): void {
    const { maxFailuresPerAccount, maxFailuresPerAddress, windowSeconds } = ctx.config.loginThrottle;
    for (const count of counts) {
      const max = count.kind === 'account' ? maxFailuresPerAccount : maxFailuresPerAddress;
      // The attempt being made may still succeed: refuse only once the earlier ones reached the limit.
      if (count.failures > max) {
        throw new TooManyAttemptsError(
          AuthMessages.TOO_MANY_FAILURES,
          { kind: count.kind, windowSeconds, retryAfterSeconds: count.retryAfterSeconds, maxFailures: max },
          { retryAfterSeconds: count.retryAfterSeconds, maxFailures: max },
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
    if (!match) throw new UnauthenticatedError(AuthMessages.BAD_AUTHORIZATION_HEADER);
    const check = checkToken(match[1], config.authTokenSecret, config.authTokenTtlSeconds);
    if (!check.ok) throw new UnauthenticatedError(TOKEN_REASONS[check.reason]);
    return check.claims;
  }

  /**
   * Opens a request's transaction (core/request-scope.ts) in the school of checked claims with
   * the viewer they name loaded in the same round trip. UNAUTHENTICATED, with nothing left open,
   * when the account is gone or the token revoked.
   */
  async openAs(dataSource: DataSource, claims: TokenClaims): Promise<{ scope: RequestScope; viewer: Viewer }> {
    const { scope, rows } = await RequestScope.openReading<ViewerRow>(dataSource, claims.sch, userService.viewerStatement(claims.sch, claims.sub));
    const loaded = userService.viewerOfRows(rows, claims.sub);
    if (!loaded || loaded.tokenVersion !== claims.ver) {
      await scope.rollback();
      throw new UnauthenticatedError(loaded ? AuthMessages.TOKEN_REVOKED : AuthMessages.ACCOUNT_GONE);
    }
    return { scope, viewer: loaded.viewer };
  }

  /** Revokes every token of the caller (all devices). */
  async logout(ctx: RequestContext): Promise<void> {
    await withTransaction(ctx, (txCtx) =>
      txCtx.db.increment(User, { schoolId: txCtx.schoolId, id: txCtx.viewer.userId }, 'tokenVersion', 1),
    );
  }

  /**
   * Changes the caller's password and revokes earlier tokens; returns a fresh session. A wrong
   * current password counts against the account as a failed sign-in does, and is found before
   * the new password is hashed; both hashes run in the password check queue holding no
   * connection, and the change is written only if nobody changed the password or signed out
   * meanwhile.
   */
  async changePassword(ctx: RequestContext, input: PasswordChangeInput): Promise<Session> {
    if (input.currentPassword === input.newPassword) {
      throw new RuleViolation(AuthErrors.SAME_PASSWORD, ['newPassword']);
    }
    const { config } = ctx;
    const { schoolId, userId } = ctx.viewer;
    const checked = await ctx.withoutConnection((short) =>
      passwordChecks.admit(ctx.clientAddress, config.passwordChecks, async (check) => {
        const current = await short(schoolId, (db) => db
          .getRepository(User)
          .createQueryBuilder('u')
          .addSelect('u.passwordHash')
          .where('u.school_id = :schoolId AND u.id = :id', { schoolId, id: userId })
          .getOneOrFail());
        const account = accountKey(config.authTokenSecret, schoolId, current.username);
        this.refuseOverLimit(ctx, await short(null, (db) => countLoginAttempt(db, { account }, config.loginThrottle.windowSeconds)));
        const newHash = await check(async () =>
          (current.passwordHash !== null && await verifyPassword(input.currentPassword, current.passwordHash)) ? hashPassword(input.newPassword, config.passwordHashCost) : null);
        if (!newHash) {
          throw new RuleViolation(AuthErrors.WRONG_PASSWORD, ['currentPassword']);
        }
        return { current, account, newHash };
      }));
    const { current, account, newHash } = checked;
    const user = await withTransaction(ctx, async (txCtx) => {
      const { affected } = await txCtx.db.update(
        User,
        { schoolId, id: userId, tokenVersion: current.tokenVersion },
        // The password is the user's own now: the school's initial one is gone.
        { passwordHash: newHash, tokenVersion: current.tokenVersion + 1, mustChangePassword: false },
      );
      if (!affected) {
        throw new RuleViolation(CoreErrors.CONCURRENT_CHANGE, [], { what: 'password' });
      }
      await loginSucceeded(txCtx.db, account, null);
      return { ...current, tokenVersion: current.tokenVersion + 1, mustChangePassword: false };
    });
    ctx.signIn({ ...ctx.viewer, mustChangePassword: false });
    const { token, expiresAt } = issueToken(user, config.authTokenSecret, config.authTokenTtlSeconds);
    return { token, expiresAt, user };
  }
}

export const authService = new AuthService();
