import { SchoolStage } from './school.entity';

/** The grades a school of this stage teaches. */
export function gradesOf(stage: SchoolStage): number[] {
  switch (stage) {
    case SchoolStage.PRIMARY:
      return [1, 2, 3, 4, 5, 6];
    case SchoolStage.JUNIOR:
      return [7, 8, 9];
    case SchoolStage.NINE_YEAR:
      return [1, 2, 3, 4, 5, 6, 7, 8, 9];
  }
}

/** Chinese name of a grade, e.g. 3 → 三年级, 8 → 八年级. */
export function gradeName(grade: number): string {
  return `${'一二三四五六七八九'[grade - 1]}年级`;
}

/** The term that contains `date` (YYYY-MM-DD), if any. */
export function termOn<T extends { startsOn: string; endsOn: string }>(terms: T[], date: string): T | null {
  return terms.find((t) => t.startsOn <= date && date <= t.endsOn) ?? null;
}
