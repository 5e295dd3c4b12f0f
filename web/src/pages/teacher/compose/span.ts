import dayjs from 'dayjs';

/** The longest span the service accepts (days, both ends counted): about a summer holiday. */
export const MAX_SPAN_DAYS = 62;

/** The days from `first` to `last`, both counted (none when `last` is before `first`). */
export function daysOf(first: string, last: string): string[] {
  const n = dayjs(last).diff(dayjs(first), 'day') + 1;
  return Array.from({ length: Math.max(0, Math.min(n, MAX_SPAN_DAYS + 1)) }, (_, i) => dayjs(first).add(i, 'day').format('YYYY-MM-DD'));
}

/**
 * Whole minutes over the days by their shares, as the service splits them (largest remainder,
 * ties to the earlier day): shown while composing, before the service's figures arrive.
 */
export function apportion(total: number, shares: number[]): number[] {
  const sum = shares.reduce((s, w) => s + w, 0);
  if (sum <= 0) return shares.map(() => 0);
  const exact = shares.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]++;
    left--;
  }
  return parts;
}

/** The shares resized to a new span: days kept keep theirs, new days get 1. */
export function resizeShares(shares: number[], days: number): number[] {
  return Array.from({ length: days }, (_, i) => shares[i] ?? 1);
}
