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
  /** The school's own written cap; null: the national one. */
  writtenCapMinutes: number | null;
  /** The school's cap on homework of every form at home (seed 004: 二年级家庭作业不超过30分钟); null: none. */
  totalCapMinutes?: number | null;
}

/** The cap in force: the school's own when set, else the national one (and never above it). */
export function loadCapFor(policies: SchoolCap[], grade: number, dayKind: DayKind): number {
  const own = policies.find((p) => p.grade === grade && p.dayKind === dayKind);
  return Math.min(nationalCap(grade), own?.writtenCapMinutes ?? Infinity);
}

/**
 * The school's cap on the minutes of every form at home (written, oral, reading, practical,
 * labour, exercise …) for a grade and kind of day; null when the school sets none. There is no
 * national figure for it: the national caps are on written homework only.
 */
export function totalCapFor(policies: SchoolCap[], grade: number, dayKind: DayKind): number | null {
  return policies.find((p) => p.grade === grade && p.dayKind === dayKind)?.totalCapMinutes ?? null;
}

/** What kind of day a date is: the calendar first (holidays, 调休 school days), then the weekday. */
export function dayKindOf(date: string, calendar: { day: string; kind: CalendarDayKind }[]): DayKind {
  const marked = calendar.find((c) => c.day === date);
  if (marked) return marked.kind === CalendarDayKind.HOLIDAY ? DayKind.HOLIDAY : DayKind.SCHOOL_DAY;
  return isoWeekday(date) >= 6 ? DayKind.WEEKEND : DayKind.SCHOOL_DAY;
}

/** One subject's homework of the day, as the load checks see it. */
export interface SubjectLoad {
  subjectId: string;
  /** Written at-home minutes of the lightest and heaviest choice offered. */
  lightestWrittenMinutes: number;
  heaviestWrittenMinutes: number;
  /** At-home minutes of every form of the lightest and heaviest choice offered (the total-time cap). */
  lightestAllFormsMinutes: number;
  heaviestAllFormsMinutes: number;
}

export interface LoadCheck {
  capMinutes: number;
  /** Heaviest at-home minutes of the other subjects already published. */
  publishedMinutes: number;
  /** Heaviest at-home minutes of the assignment being checked. */
  addingMinutes: number;
  totalMinutes: number;
  excessMinutes: number;
  fits: boolean;
}

function sumCheck(others: number[], adding: number, capMinutes: number): LoadCheck {
  const publishedMinutes = others.reduce((sum, m) => sum + m, 0);
  const totalMinutes = publishedMinutes + adding;
  const excessMinutes = Math.max(0, totalMinutes - capMinutes);
  return { capMinutes, publishedMinutes, addingMinutes: adding, totalMinutes, excessMinutes, fits: excessMinutes === 0 };
}

type Written = Pick<SubjectLoad, 'subjectId' | 'heaviestWrittenMinutes'> & Partial<SubjectLoad>;
type AllForms = Pick<SubjectLoad, 'subjectId' | 'heaviestAllFormsMinutes'> & Partial<SubjectLoad>;

/**
 * The class's day fits when a student who picks the heaviest choice of every assignment still
 * stays within the cap. `published` is the rest of the day's homework, without the one being
 * checked (of the same subject too: a week's reading runs alongside the day's homework).
 */
export function checkDailyLoad(published: Written[], adding: Written, capMinutes: number): LoadCheck {
  return sumCheck(published.map((p) => p.heaviestWrittenMinutes), adding.heaviestWrittenMinutes, capMinutes);
}

/**
 * The same for the school's total-time cap: every form at home counts (reading, oral,
 * practical, labour, exercise as well as written); work done in school does not.
 */
export function checkDailyAllForms(published: AllForms[], adding: AllForms, capMinutes: number): LoadCheck {
  return sumCheck(published.map((p) => p.heaviestAllFormsMinutes), adding.heaviestAllFormsMinutes, capMinutes);
}
