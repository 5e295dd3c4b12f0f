import { createHash } from 'node:crypto';
import { TxContext } from './context';
import { RuleViolation } from './errors';
import { CoreErrors } from './user-error';

/** A create as its client named it: the key it made once and what it asked for. */
export interface ClientKeyed {
  /** The mutation, e.g. `bankItemCreate`: a key names one request, so one operation. */
  operation: string;
  /** The client's key; without one the create simply runs. */
  clientKey: string | null | undefined;
  /** What was asked, less the key: a retry asks the same, byte for byte once serialised. */
  input: unknown;
}

/**
 * Runs `create` at most once per client key, inside the caller's transaction (`ctx.db`), and answers
 * every retry of it with what the first created (`replay(id)`). The same key with another
 * input or operation is refused with IDEMPOTENCY_KEY_REUSED.
 *
 * The key is claimed before anything is read or written: its row goes in first, and the
 * primary key makes a concurrent request with the same key wait until the claimer's
 * transaction ends. If that commits, the waiter finds the key taken and replays its result; if
 * it rolls back (a rule refused the create), the claim goes with it and the waiter runs as if
 * it were first. Call it first thing in the transaction, so no lock is held while waiting.
 */
export async function idempotent<T extends { id: string }>(
  ctx: TxContext,
  request: ClientKeyed,
  replay: (id: string) => Promise<T>,
  create: () => Promise<T>,
): Promise<T> {
  if (!request.clientKey) return create();
  const key = [ctx.schoolId, ctx.viewer.userId, request.clientKey];
  const fingerprint = fingerprintOf(request.input);
  const claimed: unknown[] = await ctx.db.query(
    `INSERT INTO idempotency_keys (school_id, user_id, client_key, operation, fingerprint) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING client_key`,
    [...key, request.operation, fingerprint],
  );
  if (claimed.length === 0) {
    // Taken by a committed transaction, whose result is set: a claim and its result commit together.
    const [seen]: { operation: string; fingerprint: string; result_id: string }[] = await ctx.db.query(
      `SELECT operation, fingerprint, result_id FROM idempotency_keys WHERE school_id = $1 AND user_id = $2 AND client_key = $3`, key);
    if (seen.operation !== request.operation || seen.fingerprint !== fingerprint) {
      throw new RuleViolation(CoreErrors.IDEMPOTENCY_KEY_REUSED, ['clientKey']);
    }
    return replay(seen.result_id);
  }
  const result = await create();
  await ctx.db.query(`UPDATE idempotency_keys SET result_id = $4 WHERE school_id = $1 AND user_id = $2 AND client_key = $3`, [...key, result.id]);
  return result;
}

/** Hash of what a request asked, to tell a retry from another request under the same key. */
function fingerprintOf(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}
