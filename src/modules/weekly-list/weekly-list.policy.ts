import { addDays } from '../../core/dates';
import { HomeworkForm } from '../bank/bank.enums';

export interface PlannedEntry {
  day: string;
  grade: number;
  form: HomeworkForm;
  predictedMinutes: number;
  /** Done at home (the default); work done in school counts against no cap and is left out of the totals. */
  atHome?: boolean;
}

export interface DayTotal {
  day: string;
  minutes: number;
  /** Only written homework counts against the written-time caps. */
  writtenMinutes: number;
}

/** The seven days of the week starting on `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Predicted minutes at home per day of the week, all entries together (in-school work is left out, as in the caps). */
export function dailyTotals(monday: string, entries: Omit<PlannedEntry, 'grade'>[]): DayTotal[] {
  return weekDays(monday).map((day) => {
    const ofDay = entries.filter((e) => e.day === day && e.atHome !== false);
    return {
      day,
      minutes: ofDay.reduce((sum, e) => sum + e.predictedMinutes, 0),
      writtenMinutes: ofDay.filter((e) => e.form === HomeworkForm.WRITTEN).reduce((sum, e) => sum + e.predictedMinutes, 0),
    };
  });
}

/** Predicted daily totals per grade, for the academic office's side-by-side view. */
export function gradeTotals(monday: string, entries: PlannedEntry[]): { grade: number; days: DayTotal[] }[] {
  const grades = [...new Set(entries.map((e) => e.grade))].sort((a, b) => a - b);
  return grades.map((grade) => ({ grade, days: dailyTotals(monday, entries.filter((e) => e.grade === grade)) }));
}
