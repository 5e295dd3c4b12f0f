import { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config';
import { RequestContext, Viewer } from '../../core/context';
import { RuleViolation, TooManyAttemptsError, UnauthenticatedError } from '../../core/errors';
import { withTransaction } from '../../core/transaction';
import { UserErrorCode } from '../../core/user-error';
import { User } from '../user/user.entity';
import { userService } from '../user/user.service';
import { PasswordChecksBusyError } from './auth.errors';
import { accountKey, addressKey, AttemptCount, countLoginAttempt, loginSucceeded } from './login-attempts';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { passwordChecks } from './password-checks';
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
  bad_lifetime: 'The bearer token claims a lifetime this service does not issue',
  expired: 'The bearer token has expired; sign in again',
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
            throw new UnauthenticatedError(`No school has the code "${input.schoolCode}"`);
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
          if (!candidate || !valid) throw new UnauthenticatedError('Wrong username or password');
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

  /** Refuses the attempt when any of its counts, this one included, is past its limit. */
  private refuseOverLimit(ctx: RequestContext, counts: AttemptCount[]): void {
    const { maxFailuresPerAccount, maxFailuresPerAddress, windowSeconds } = ctx.config.loginThrottle;
    for (const count of counts) {
      const max = count.kind === 'account' ? maxFailuresPerAccount : maxFailuresPerAddress;
      // The attempt being made may still succeed: refuse only once the earlier ones reached the limit.
      if (count.failures > max) {
        throw new TooManyAttemptsError(
          `Too many failed sign-ins ${count.kind === 'account' ? 'for this account' : 'from this address'} (${max} allowed in ${windowSeconds} s); try again in ${count.retryAfterSeconds} s`,
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
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
    const check = checkToken(match[1], config.authTokenSecret, config.authTokenTtlSeconds);
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

  /**
   * Changes the caller's password and revokes earlier tokens; returns a fresh session. A wrong
   * current password counts against the account as a failed sign-in does, and is found before
   * the new password is hashed; both hashes run in the password check queue holding no
   * connection, and the change is written only if nobody changed the password or signed out
   * meanwhile.
   */
  async changePassword(ctx: RequestContext, input: PasswordChangeInput): Promise<Session> {
    if (input.currentPassword === input.newPassword) {
      throw new RuleViolation(UserErrorCode.SAME_PASSWORD, 'The new password must differ from the current one', [
        'newPassword',
      ]);
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
          throw new RuleViolation(UserErrorCode.WRONG_PASSWORD, 'The current password is wrong', ['currentPassword']);
        }
        return { current, account, newHash };
      }));
    const { current, account, newHash } = checked;
    const user = await withTransaction(ctx, async (tx) => {
      const { affected } = await tx.update(
        User,
        { schoolId, id: userId, tokenVersion: current.tokenVersion },
        { passwordHash: newHash, tokenVersion: current.tokenVersion + 1 },
      );
      if (!affected) {
        throw new RuleViolation(UserErrorCode.CONCURRENT_CHANGE, 'Your password was changed or you signed out while this change was checked; sign in again', []);
      }
      await loginSucceeded(tx, account, null);
      return { ...current, tokenVersion: current.tokenVersion + 1 };
    });
    const { token, expiresAt } = issueToken(user, config.authTokenSecret, config.authTokenTtlSeconds);
    return { token, expiresAt, user };
  }
}

export const authService = new AuthService();
