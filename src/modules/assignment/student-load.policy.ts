import { LoadCheck, SubjectLoad } from '../load/load.policy';

/**
 * The load of homework addressed to part of a class (分层、个性化, seed 000). A class's day
 * without groups is one path for everyone (the class check); with groups each student has their
 * own path: the homework addressed to the whole class plus that of the groups they belong to.
 */
export interface AddressedLoad {
  load: SubjectLoad;
  /** The students it is addressed to; null: the whole class. */
  audience: ReadonlySet<string> | null;
}

export const reaches = (l: AddressedLoad, studentId: string): boolean => l.audience === null || l.audience.has(studentId);

/** Whether any of the day's homework is addressed to a group (else the class check applies as before). */
export const groupsInvolved = (loads: AddressedLoad[]): boolean => loads.some((l) => l.audience !== null);

export interface StudentCheck {
  studentId: string;
  /** The student's published homework of other subjects. */
  others: SubjectLoad[];
  check: LoadCheck;
}

/**
 * The student whose day is worst when `adding` is published (`published`: the rest of the day's
 * homework, without `adding`): among the students it reaches,
 * the one with the largest excess, then the largest total, then the first in `students`' order.
 * Null when it reaches no student. `measure` is the class check (checkDailyLoad or
 * checkDailyAllForms with its cap) applied to one student's path.
 */
export function heaviestStudentCheck(
  students: string[], published: AddressedLoad[], adding: AddressedLoad, measure: (others: SubjectLoad[], adding: SubjectLoad) => LoadCheck,
): StudentCheck | null {
  let worst: StudentCheck | null = null;
  for (const studentId of students) {
    if (!reaches(adding, studentId)) continue;
    const others = published.filter((p) => reaches(p, studentId)).map((p) => p.load);
    const check = measure(others, adding.load);
    if (!worst || check.excessMinutes > worst.check.excessMinutes
      || (check.excessMinutes === worst.check.excessMinutes && check.totalMinutes > worst.check.totalMinutes)) {
      worst = { studentId, others, check };
    }
  }
  return worst;
}

/** The heaviest day of any student (heaviest choice of each assignment addressed to them); null without students. */
export function heaviestStudentPath(
  students: string[], loads: AddressedLoad[], minutes: (l: SubjectLoad) => number,
): { studentId: string; minutes: number } | null {
  let worst: { studentId: string; minutes: number } | null = null;
  for (const studentId of students) {
    const total = loads.filter((l) => reaches(l, studentId)).reduce((s, l) => s + minutes(l.load), 0);
    if (!worst || total > worst.minutes) worst = { studentId, minutes: total };
  }
  return worst;
}
