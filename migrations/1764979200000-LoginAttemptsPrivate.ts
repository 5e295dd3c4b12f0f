import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sign-in counter out of the service role's reach. `login_attempts` has no school of its
 * own (it counts attempts before anyone is signed in), so row-level security cannot split it;
 * instead `homework_app` loses every privilege on it and counts through three functions that
 * run as the schema owner, as `school_id_for_code` does. They take keyed hashes of the account
 * and the address (src/modules/auth/login-attempts.ts) and return only the counts of the keys
 * they are given; `school_id` stays null, so a row names no school either, and a school's
 * rows hold nothing a refused sign-in changed. Existing rows are keyed by username and address
 * in clear: they go (the counts are minutes old at most; each starts again).
 */
export class LoginAttemptsPrivate1764979200000 implements MigrationInterface {
  name = 'LoginAttemptsPrivate1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM login_attempts`);
    await q.query(`REVOKE ALL ON login_attempts FROM homework_app`);
    // One statement for both keys, in key order (account: before address:), so that concurrent
    // counts lock rows in the same order; the caller commits it at once.
    await q.query(`
      CREATE FUNCTION login_attempt_count(account_key text, address_key text, window_seconds integer)
      RETURNS TABLE (attempt_key text, attempt_failures integer, retry_after_seconds integer)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$
        INSERT INTO login_attempts AS a (key, school_id, failures, window_started_at)
        SELECT k.key, NULL, 1, now()
          FROM (VALUES (account_key), (address_key)) AS k (key)
         WHERE k.key IS NOT NULL
         ORDER BY k.key
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN a.window_started_at <= now() - make_interval(secs => window_seconds) THEN 1 ELSE a.failures + 1 END,
          window_started_at = CASE WHEN a.window_started_at <= now() - make_interval(secs => window_seconds) THEN now() ELSE a.window_started_at END
        RETURNING a.key, a.failures, ceil(extract(epoch FROM a.window_started_at + make_interval(secs => window_seconds) - now()))::int
      $$`);
    await q.query(`
      CREATE FUNCTION login_attempt_succeeded(account_key text, address_key text) RETURNS void
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$
        DELETE FROM login_attempts WHERE key = account_key;
        UPDATE login_attempts SET failures = greatest(failures - 1, 0) WHERE key = address_key;
      $$`);
    await q.query(`
      CREATE FUNCTION login_attempts_forget(account_key text) RETURNS void
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ DELETE FROM login_attempts WHERE key = account_key $$`);
    for (const fn of FUNCTIONS) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO homework_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) await q.query(`DROP FUNCTION ${fn}`);
    // Hashed keys mean nothing to the earlier code.
    await q.query(`DELETE FROM login_attempts`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON login_attempts TO homework_app`);
  }
}

const FUNCTIONS = ['login_attempt_count(text, text, integer)', 'login_attempt_succeeded(text, text)', 'login_attempts_forget(text)'];
