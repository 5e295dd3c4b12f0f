import { createHmac } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config';

/**
 * The sign-in counter, table `login_attempts`: attempts per account and per client address
 * within a window, shared by every replica. The service role cannot read or write the table;
 * it counts through functions of the schema owner (migration 1764979200000). Rows are keyed
 * by a keyed hash — `account:` HMAC(school id, username), `address:` HMAC(address) — and carry
 * no school, so the table holds no username, school or address, and a row left behind names
 * nobody.
 */
export interface AttemptCount {
  kind: 'account' | 'address';
  failures: number;
  retryAfterSeconds: number;
}

/** The keys of one attempt; an absent one is not counted. */
export interface AttemptKeys {
  account?: string;
  address?: string;
}

/** Keyed with a key of its own derived from the token secret, so neither use can stand in for the other. */
function keyedHash(secret: string, parts: string[]): string {
  const key = createHmac('sha256', secret).update('login_attempts').digest();
  return createHmac('sha256', key).update(parts.join('\u0000')).digest('hex');
}

export function accountKey(secret: string, schoolId: string, username: string): string {
  return `account:${keyedHash(secret, [schoolId, username.trim().toLowerCase()])}`;
}

export function addressKey(secret: string, address: string): string {
  return `address:${keyedHash(secret, [address])}`;
}

/**
 * Counts one attempt under each key, atomically, and returns the counts: in one statement of
 * its own so that, run in a short transaction, no lock on a counter outlives it.
 */
export async function countLoginAttempt(db: EntityManager, keys: AttemptKeys, windowSeconds: number): Promise<AttemptCount[]> {
  const rows: { attempt_key: string; attempt_failures: number; retry_after_seconds: number }[] = await db.query(
    `SELECT attempt_key, attempt_failures, retry_after_seconds FROM login_attempt_count($1, $2, $3)`,
    [keys.account ?? null, keys.address ?? null, windowSeconds],
  );
  return rows.map((r) => ({
    kind: r.attempt_key.startsWith('account:') ? 'account' : 'address',
    failures: r.attempt_failures,
    retryAfterSeconds: r.retry_after_seconds,
  }));
}

/** A right password: clears the account's count and takes this attempt off the address's. */
export async function loginSucceeded(db: EntityManager, account: string, address: string | null): Promise<void> {
  await db.query(`SELECT login_attempt_succeeded($1, $2)`, [account, address]);
}

/**
 * Forgets the counted sign-in attempts of an account (its data is being deleted). Runs in the
 * caller's transaction, so it is undone with it.
 */
export async function forgetLoginAttempts(
  db: EntityManager,
  config: Pick<AppConfig, 'authTokenSecret'>,
  schoolId: string,
  username: string,
): Promise<void> {
  await db.query(`SELECT login_attempts_forget($1)`, [accountKey(config.authTokenSecret, schoolId, username)]);
}
