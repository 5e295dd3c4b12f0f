import { createHash } from 'node:crypto';
import { addDays } from '../../core/dates';
import { AssignmentShape } from '../assignment/assignment.policy';
import { MarkQuality } from './submission.entity';

/**
 * Marks and deadlines as pure functions.
 *
 * A mark is tier × quality (seed 004, "三三三"): A+ / A / A−, B+ / B / B−, C+ / C / C− where the
 * letter is the level the student did; for packages, the package's key with + / plain / −.
 */
export function levelOfChoice(shape: AssignmentShape, choice: string): string {
  return shape === AssignmentShape.THREE_PART ? choice.charAt(0) : choice;
}

const MARK = /^([A-Z0-9]{1,3})([+\-−]?)$/;

export function parseMark(text: string): { level: string; quality: MarkQuality } | null {
  const m = MARK.exec(text.trim());
  if (!m) return null;
  const quality = m[2] === '+' ? MarkQuality.PLUS : m[2] === '' ? MarkQuality.PLAIN : MarkQuality.MINUS;
  return { level: m[1], quality };
}

export function markLabel(level: string, quality: MarkQuality): string {
  return level + (quality === MarkQuality.PLUS ? '+' : quality === MarkQuality.MINUS ? '−' : '');
}

/**
 * When homework for `day` is due: 08:00 Beijing time the next morning (00:00 UTC), when
 * students hand it in. Later submissions are accepted and marked late.
 */
export function homeworkDueAt(day: string): Date {
  return new Date(`${addDays(day, 1)}T00:00:00Z`);
}

/** End of a school day: 18:00 Beijing time (10:00 UTC). */
const END_OF_SCHOOL_DAY_UTC = 'T10:00:00Z';

/**
 * When a submission must be marked (seed 004: same day; compositions within a week): by the
 * end of the first school day after the day it was submitted, or seven days after it for
 * compositions. `isSchoolDay` knows the school calendar.
 */
export function markingDueAt(submittedAt: Date, composition: boolean, isSchoolDay: (day: string) => boolean): Date {
  if (composition) return new Date(submittedAt.getTime() + 7 * 24 * 3600 * 1000);
  const beijingDay = new Date(submittedAt.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  let day = addDays(beijingDay, 1);
  for (let i = 0; i < 30 && !isSchoolDay(day); i++) day = addDays(day, 1);
  return new Date(`${day}${END_OF_SCHOOL_DAY_UTC}`);
}

/** A stable hash of what a student sent, to recognise a retry of the same request. */
export function fingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
