/**
 * Record-sheet flags and calibration as pure functions.
 *
 * Sleep (seeds 000, 002): primary pupils sleep at least 10 hours, junior students 9; the
 * bedtime target counts back from the school's wake-up time.
 */
export function sleepHoursFor(grade: number): number {
  return grade <= 6 ? 10 : 9;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const pad = (n: number) => String(n).padStart(2, '0');

/** A grade's wake-up time (HH:MM): its own where the school set one, else the school's. */
export function wakeUpTimeFor(school: { wakeUpTime: string; wakeUpTimes?: Record<string, string> | null }, grade: number): string {
  return (school.wakeUpTimes?.[String(grade)] ?? school.wakeUpTime).slice(0, 5);
}

/** Latest bedtime (HH:MM) that still gives the grade its sleep before `wakeUp`. */
export function bedtimeTarget(wakeUp: string, grade: number): string {
  const m = (toMinutes(wakeUp) - sleepHoursFor(grade) * 60 + 24 * 60) % (24 * 60);
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** Minutes after noon, so a bedtime past midnight counts as later than one before it. */
function eveningMinutes(hhmm: string): number {
  const m = toMinutes(hhmm);
  return m < 12 * 60 ? m + 24 * 60 : m;
}

export function isLateBedtime(bedtime: string, wakeUp: string, grade: number): boolean {
  return eveningMinutes(bedtime) > eveningMinutes(bedtimeTarget(wakeUp, grade));
}

export function overran(actualMinutes: number, predictedMinutes: number, ratio: number): boolean {
  return predictedMinutes > 0 && actualMinutes > predictedMinutes * ratio;
}

/**
 * A student's actual minutes on an assignment, attributed to the items of the choice they did,
 * in proportion to each item's predicted minutes.
 */
export function attribute(actualMinutes: number, items: { key: string; predictedMinutes: number }[]): Map<string, number> {
  const total = items.reduce((s, i) => s + i.predictedMinutes, 0);
  return new Map(items.map((i) => [i.key, total > 0 ? (actualMinutes * i.predictedMinutes) / total : actualMinutes / items.length]));
}

/** The p-th percentile (0–100) by linear interpolation; `values` need not be sorted. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export interface Calibration {
  observations: number;
  medianMinutes: number;
  p80Minutes: number;
  /** Used by new assignments once there are at least `threshold` observations. */
  calibratedMinutes: number | null;
}

export function calibratedMinutes(observations: number[], threshold: number): Calibration {
  const median = percentile(observations, 50);
  return {
    observations: observations.length,
    medianMinutes: Math.round(median * 10) / 10,
    p80Minutes: Math.round(percentile(observations, 80) * 10) / 10,
    calibratedMinutes: observations.length >= threshold ? Math.max(1, Math.round(median)) : null,
  };
}
