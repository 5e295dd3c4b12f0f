import { addDays, daysBetween } from '../../core/dates';
import { ChoiceMinutes } from './assignment.policy';

/**
 * Homework that spans days (seed 004: 周末、节假日作业, 快乐暑假; a week's reading, a project over
 * two weeks) as pure functions. An assignment runs from its day to its due day; its minutes are
 * spread over those days by the teacher's shares (relative weights, one per day, 0 for a day
 * without work) or evenly. Each day counts its share in that day's load, notice and record sheet.
 */

/** The longest span: about a summer holiday (two months), as long as a class report may cover. */
export const MAX_SPAN_DAYS = 62;
/** The largest share a day may have (shares are relative; 1–100 is enough to say any split). */
export const MAX_DAY_SHARE = 100;

export interface Span {
  day: string;
  dueDay: string;
  /** One share per day of the span; null: evenly. */
  dayShares: number[] | null;
}

/** Number of days from the first to the due day, both counted. */
export const spanLength = (s: Pick<Span, 'day' | 'dueDay'>): number => daysBetween(s.day, s.dueDay) + 1;

export const isMultiDay = (s: Pick<Span, 'day' | 'dueDay'>): boolean => s.dueDay !== s.day;

/** The days of the span, in order. */
export function spanDays(s: Pick<Span, 'day' | 'dueDay'>): string[] {
  const n = spanLength(s);
  return Array.from({ length: Math.max(0, n) }, (_, i) => addDays(s.day, i));
}

/** The shares in force: the teacher's, else 1 for every day. */
export const sharesOf = (s: Span): number[] => s.dayShares ?? spanDays(s).map(() => 1);

/** Whether a day is within the span. */
export const covers = (s: Pick<Span, 'day' | 'dueDay'>, day: string): boolean => s.day <= day && day <= s.dueDay;

/**
 * Splits whole minutes over the days by their shares (largest remainder): the parts are whole
 * minutes, add up to `total` exactly, and a day with share 0 gets 0. Ties go to the earlier day.
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

/**
 * A choice's minutes counted on one day of the span: its total, written and at-home minutes
 * each apportioned by the shares; the completion-time range as for any prediction.
 */
export function choiceMinutesOn(m: ChoiceMinutes, span: Span, day: string): ChoiceMinutes {
  if (!isMultiDay(span)) return m;
  const i = daysBetween(span.day, day);
  const shares = sharesOf(span);
  if (i < 0 || i >= shares.length) return { totalMinutes: 0, writtenHomeMinutes: 0, homeMinutes: 0, minMinutes: 0, maxMinutes: 0 };
  const totalMinutes = apportion(m.totalMinutes, shares)[i];
  return {
    totalMinutes,
    writtenHomeMinutes: apportion(m.writtenHomeMinutes, shares)[i],
    homeMinutes: apportion(m.homeMinutes, shares)[i],
    minMinutes: Math.floor(totalMinutes * 0.8),
    maxMinutes: Math.ceil(totalMinutes * 1.25),
  };
}

export type SpanProblem =
  | { rule: 'DUE_BEFORE_START' }
  | { rule: 'SPAN_TOO_LONG'; spanDays: number }
  | { rule: 'DAY_SHARES_COUNT'; spanDays: number; shareCount: number }
  | { rule: 'DAY_SHARES_INVALID'; reason: 'range' | 'all_zero' };

/** What is wrong with a span as given; null when it is well formed. */
export function spanProblem(s: Span): SpanProblem | null {
  if (s.dueDay < s.day) return { rule: 'DUE_BEFORE_START' };
  const n = spanLength(s);
  if (n > MAX_SPAN_DAYS) return { rule: 'SPAN_TOO_LONG', spanDays: n };
  if (s.dayShares === null) return null;
  if (s.dayShares.length !== n) return { rule: 'DAY_SHARES_COUNT', spanDays: n, shareCount: s.dayShares.length };
  if (s.dayShares.some((w) => !Number.isInteger(w) || w < 0 || w > MAX_DAY_SHARE)) return { rule: 'DAY_SHARES_INVALID', reason: 'range' };
  if (s.dayShares.every((w) => w === 0)) return { rule: 'DAY_SHARES_INVALID', reason: 'all_zero' };
  return null;
}

/** Shares that are all equal say nothing more than "evenly": stored as null. */
export function normalisedShares(shares: number[] | null | undefined): number[] | null {
  if (!shares || shares.length === 0) return null;
  return shares.every((w) => w === shares[0]) && shares[0] > 0 ? null : shares;
}
