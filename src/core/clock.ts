/**
 * The service's clock, for the rules that depend on the time of day (publishing by the school's
 * latest time). The running service reads the system clock; tests set the instant they need, so
 * they pass at any hour.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that reads a set instant once set (until then, the system clock). */
export class SettableClock implements Clock {
  private instant: Date | null = null;

  constructor(instant?: Date | string) {
    if (instant) this.set(instant);
  }

  now(): Date {
    return this.instant ? new Date(this.instant) : new Date();
  }

  /** Sets the instant, e.g. `2026-12-01T17:31:00+08:00`. */
  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }
}
