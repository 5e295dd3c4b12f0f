/**
 * Calibration of predicted durations as pure functions (seed 004: the record sheets let the
 * school check whether predicted times are right).
 *
 * A student's actual minutes on an assignment are spread over the items of the choice they
 * did; each item version's observations give its median and 80th percentile; with enough of
 * them the median becomes the version's calibrated minutes, which new assignments count
 * instead of the teacher's estimate.
 */

/**
 * A student's actual minutes on an assignment, attributed to the items of the choice they did,
 * in proportion to each item's predicted minutes (evenly when none has a prediction).
 */
export function attribute(actualMinutes: number, items: { key: string; predictedMinutes: number }[]): Map<string, number> {
  const total = items.reduce((s, i) => s + i.predictedMinutes, 0);
  return new Map(items.map((i) => [i.key, total > 0 ? (actualMinutes * i.predictedMinutes) / total : actualMinutes / items.length]));
}

/** The p-th percentile (0–100) by linear interpolation; `values` need not be sorted; 0 for none. */
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

/**
 * The calibration of one item version from the minutes attributed to it: median and 80th
 * percentile to a tenth of a minute; from `threshold` observations on, the median in whole
 * minutes (at least 1) is its calibrated figure.
 */
export function calibratedMinutes(observations: number[], threshold: number): Calibration {
  const median = percentile(observations, 50);
  return {
    observations: observations.length,
    medianMinutes: Math.round(median * 10) / 10,
    p80Minutes: Math.round(percentile(observations, 80) * 10) / 10,
    calibratedMinutes: observations.length >= threshold ? Math.max(1, Math.round(median)) : null,
  };
}

/**
 * The minutes a new or edited assignment counts for an item version: the calibrated figure
 * wins over the teacher's estimate once there is one.
 */
export function countedMinutes(estimatedMinutes: number, calibrated: number | null): number {
  return calibrated ?? estimatedMinutes;
}

/**
 * How far observed minutes are from the estimate: median observed ÷ estimate, and whether it is
 * off by more than the school's overrun ratio either way (too long or too short).
 */
export function estimateOff(medianMinutes: number, estimatedMinutes: number, overrunRatio: number): { ratio: number; off: boolean } {
  const ratio = medianMinutes / estimatedMinutes;
  return { ratio, off: ratio > overrunRatio || ratio < 1 / overrunRatio };
}

/** Minutes attributed to an item version, against the estimate they were measured against. */
export interface BiasObservation {
  minutes: number;
  estimatedMinutes: number;
  /** Who made the estimate (the last editor of the version); null when unknown. */
  estimatorId: string | null;
}

const toHundredths = (x: number) => Math.round(x * 100) / 100;

/** Estimation bias: the median of actual ÷ predicted over the observations, to two decimals; null with none. */
export function estimationBias(observations: Pick<BiasObservation, 'minutes' | 'estimatedMinutes'>[]): number | null {
  if (observations.length === 0) return null;
  return toHundredths(percentile(observations.map((o) => o.minutes / o.estimatedMinutes), 50));
}

/** Each estimator's bias and how many observations it rests on, in the order the estimators first appear. */
export function teacherBiases(observations: BiasObservation[]): { teacherId: string; bias: number; observations: number }[] {
  const byTeacher = new Map<string, BiasObservation[]>();
  for (const o of observations) {
    if (o.estimatorId) (byTeacher.get(o.estimatorId) ?? byTeacher.set(o.estimatorId, []).get(o.estimatorId)!).push(o);
  }
  return [...byTeacher.entries()].map(([teacherId, own]) => ({ teacherId, bias: estimationBias(own)!, observations: own.length }));
}
