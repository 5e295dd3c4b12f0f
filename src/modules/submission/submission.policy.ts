import { addDays } from '../../core/dates';

/*
 * Deadlines of handing in and marking as pure functions (the mark itself: grading.policy.ts).
 */

/** The first school day on or after `day`. */
export function schoolDayFrom(day: string, isSchoolDay: (day: string) => boolean): string {
  let d = day;
  for (let i = 0; i < 60 && !isSchoolDay(d); i++) d = addDays(d, 1);
  return d;
}

/**
 * When homework for `day` is due: 08:00 Beijing time (00:00 UTC) on the next school day, when
 * students hand it in. Later submissions are accepted and marked late.
 */
export function homeworkDueAt(day: string, isSchoolDay: (day: string) => boolean = () => true): Date {
  return new Date(`${schoolDayFrom(addDays(day, 1), isSchoolDay)}T00:00:00Z`);
}

/** End of a school day: 18:00 Beijing time (10:00 UTC). */
const END_OF_SCHOOL_DAY_UTC = 'T10:00:00Z';

/**
 * When a submission must be marked (seed 004: same day; compositions within a week): by the
 * end (18:00) of the school day it was handed in on, or seven days after it for compositions.
 * `isSchoolDay` knows the school calendar.
 */
export function markingDueAt(submittedAt: Date, composition: boolean, isSchoolDay: (day: string) => boolean): Date {
  if (composition) return new Date(submittedAt.getTime() + 7 * 24 * 3600 * 1000);
  const beijing = new Date(submittedAt.getTime() + 8 * 3600 * 1000).toISOString();
  // Work handed in during a school day is marked that day; after 18:00, the next school day.
  const from = beijing.slice(11, 16) >= '18:00' ? addDays(beijing.slice(0, 10), 1) : beijing.slice(0, 10);
  return new Date(`${schoolDayFrom(from, isSchoolDay)}${END_OF_SCHOOL_DAY_UTC}`);
}
