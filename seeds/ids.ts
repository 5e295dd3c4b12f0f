import { createHash } from 'node:crypto';

/** A fixed uuid derived from a name, so seeds are idempotent and tests can refer to rows. */
export function seedId(...parts: (string | number)[]): string {
  const hex = createHash('sha1').update(parts.join('/')).digest('hex');
  // Shape it as a version-5 uuid (name-based, SHA-1).
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A small deterministic PRNG (mulberry32), so generated names are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
