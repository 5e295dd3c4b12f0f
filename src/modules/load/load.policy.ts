import { isoWeekday } from '../../core/dates';
import { CalendarDayKind, DayKind } from './load.entity';

/**
 * The load caps of the 双减 policy as pure functions.
 *
 * National caps on written homework at home (seeds 000, 002, 003): grades 1–2 none, grades
 * 3–6 at most 60 minutes a day on average, grades 7–9 at most 90, all subjects together.
 * Weekends and holidays are capped too (seed 002); unless the school sets its own, the same
 * daily cap applies. A school may only be stricter (seed 004).
 */
export function nationalCap(grade: number): number {
  if (grade <= 2) return 0;
  if (grade <= 6) return 60;
  return 90;
}

export interface SchoolCap {
  grade: number;
  dayKind: DayKind;
  writtenCapMinutes: number;
}

/** The cap in force: the school's own when set, else the national one (and never above it). */
export function loadCapFor(policies: SchoolCap[], grade: number, dayKind: DayKind): number {
  const own = policies.find((p) => p.grade === grade && p.dayKind === dayKind);
  return Math.min(nationalCap(grade), own?.writtenCapMinutes ?? Infinity);
}

/** What kind of day a date is: the calendar first (holidays, 调休 school days), then the weekday. */
export function dayKindOf(date: string, calendar: { day: string; kind: CalendarDayKind }[]): DayKind {
  const marked = calendar.find((c) => c.day === date);
  if (marked) return marked.kind === CalendarDayKind.HOLIDAY ? DayKind.HOLIDAY : DayKind.SCHOOL_DAY;
  return isoWeekday(date) >= 6 ? DayKind.WEEKEND : DayKind.SCHOOL_DAY;
}

/** One subject's homework of the day, as the load check sees it. */
export interface SubjectLoad {
  subjectId: string;
  /** Written at-home minutes of the lightest and heaviest choice offered. */
  lightestWrittenMinutes: number;
  heaviestWrittenMinutes: number;
}

export interface LoadCheck {
  capMinutes: number;
  /** Heaviest written at-home minutes of the other subjects already published. */
  publishedMinutes: number;
  /** Heaviest written at-home minutes of the assignment being checked. */
  addingMinutes: number;
  totalMinutes: number;
  excessMinutes: number;
  fits: boolean;
}

/**
 * The class's day fits when a student who picks the heaviest choice in every subject still
 * stays within the cap.
 */
export function checkDailyLoad(published: SubjectLoad[], adding: SubjectLoad, capMinutes: number): LoadCheck {
  const others = published.filter((p) => p.subjectId !== adding.subjectId);
  const publishedMinutes = others.reduce((sum, p) => sum + p.heaviestWrittenMinutes, 0);
  const totalMinutes = publishedMinutes + adding.heaviestWrittenMinutes;
  const excessMinutes = Math.max(0, totalMinutes - capMinutes);
  return { capMinutes, publishedMinutes, addingMinutes: adding.heaviestWrittenMinutes, totalMinutes, excessMinutes, fits: excessMinutes === 0 };
}
