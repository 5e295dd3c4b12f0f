import { randomInt } from 'node:crypto';

/**
 * Letters and digits that cannot be mistaken for one another on paper (no 0/o, 1/l/i): an
 * initial password is read off a slip and typed by a child or a grandparent.
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 10;

/**
 * A new initial password: 10 characters of 31, about 49 random bits, with at least one letter
 * and one digit. Sign-ins are throttled per account, so guessing it is hopeless; it is shown
 * once (the slip) and must be changed at the first sign-in.
 */
export function initialPassword(): string {
  for (;;) {
    let password = '';
    for (let i = 0; i < LENGTH; i++) password += ALPHABET[randomInt(ALPHABET.length)];
    if (/[a-z]/.test(password) && /\d/.test(password)) return password;
  }
}

/** Runs `work` on every element, at most `limit` at a time; results in order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
