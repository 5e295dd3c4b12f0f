import { addDays } from '../../core/dates';

/** Dates as printed forms write them. */

/** 2026-12-07 → 2026年12月7日 */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2026-12-07 → 12月7日 */
export function chineseMonthDay(isoDate: string): string {
  const [, m, d] = isoDate.split('-').map(Number);
  return `${m}月${d}日`;
}

/** The week from Monday `weekStart`: 2026年12月7日—12月13日 (the year again when Sunday is in the next). */
export function chineseWeek(weekStart: string): string {
  const sunday = addDays(weekStart, 6);
  return `${chineseDate(weekStart)}—${sunday.slice(0, 4) === weekStart.slice(0, 4) ? chineseMonthDay(sunday) : chineseDate(sunday)}`;
}
