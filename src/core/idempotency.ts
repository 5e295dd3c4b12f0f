import { createHash } from 'node:crypto';
import { RequestContext } from './context';
import { RuleViolation } from './errors';
import { UserErrorCode } from './user-error';

/**
 * Runs a create mutation at most once per client key: a retry with the same key and the same
 * input returns what the first request created; the same key with other input is refused.
 * Without a key the mutation simply runs.
 */
export async function idempotent<T extends { id: string }>(
  ctx: RequestContext,
  operation: string,
  clientKey: string | null | undefined,
  input: unknown,
  create: () => Promise<T>,
  load: (id: string) => Promise<T>,
): Promise<T> {
  if (!clientKey) return create();
  const fingerprint = createHash('sha256').update(JSON.stringify({ operation, input })).digest('hex');
  const key = [ctx.schoolId, ctx.viewer.userId, clientKey];
  const [seen]: { fingerprint: string; result_id: string }[] = await ctx.db.query(
    `SELECT fingerprint, result_id FROM idempotency_keys WHERE school_id = $1 AND user_id = $2 AND client_key = $3`, key);
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      throw new RuleViolation(UserErrorCode.IDEMPOTENCY_KEY_REUSED, 'This client key was already used for a different request; use a new key', ['clientKey']);
    }
    return load(seen.result_id);
  }
  const result = await create();
  await ctx.db.query(
    `INSERT INTO idempotency_keys (school_id, user_id, client_key, operation, fingerprint, result_id) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING`,
    [...key, operation, fingerprint, result.id],
  );
  return result;
}
