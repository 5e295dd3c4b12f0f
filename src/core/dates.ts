/** The service's schools keep China Standard Time; school days are dates in that zone. */
export const SCHOOL_TIME_ZONE = 'Asia/Shanghai';

/** Today's date (YYYY-MM-DD) in the school's time zone. */
export function schoolToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: SCHOOL_TIME_ZONE }).format(now);
}
