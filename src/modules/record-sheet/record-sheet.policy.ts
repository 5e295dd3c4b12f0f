/**
 * Record-sheet flags as pure functions (calibration's are in calibration/calibration.policy.ts).
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

export type SheetFlag = 'WRITTEN_OVER_CAP' | 'LATE_BEDTIME' | 'SUBJECT_OVERRAN';

/** A subject line of a sheet, as far as the flags are concerned. */
export interface FlaggedLine {
  actualMinutes: number | null;
  predictedMinutes: number | null;
  /** The share of the choice's predicted minutes that is written homework at home (0–1). */
  writtenShare: number;
}

/** Actual minutes of written homework at home: each subject's actual minutes times its written share, rounded once. */
export function actualWrittenMinutes(lines: Pick<FlaggedLine, 'actualMinutes' | 'writtenShare'>[]): number {
  return Math.round(lines.reduce((s, l) => s + (l.actualMinutes ?? 0) * l.writtenShare, 0));
}

/** Whether a subject line took more than `overrunRatio` × its prediction; a line without both figures never did. */
export function lineOverran(line: Pick<FlaggedLine, 'actualMinutes' | 'predictedMinutes'>, overrunRatio: number): boolean {
  return line.actualMinutes !== null && line.predictedMinutes !== null && overran(line.actualMinutes, line.predictedMinutes, overrunRatio);
}

/** What the flags of one student's day are decided from. */
export interface SheetFacts {
  lines: FlaggedLine[];
  /** The day's written-homework cap. */
  capMinutes: number;
  /** HH:MM, or null when none was recorded. */
  bedtime: string | null;
  /** The grade's wake-up time (HH:MM), see wakeUpTimeFor. */
  wakeUp: string;
  grade: number;
  /** The school's overrun ratio. */
  overrunRatio: number;
}

/**
 * The flags a head teacher sees on a record sheet: written homework at home over the day's cap
 * (seeds 000, 002, 003), a bedtime later than the sleep rule allows (seeds 000, 002), a subject
 * that took more than the overrun ratio × its prediction (seed 004: the head teacher takes 各科作业的实际完成情况 up with the subject teachers).
 */
export function sheetFlags(f: SheetFacts): SheetFlag[] {
  const flags: SheetFlag[] = [];
  if (actualWrittenMinutes(f.lines) > f.capMinutes) flags.push('WRITTEN_OVER_CAP');
  if (f.bedtime && isLateBedtime(f.bedtime, f.wakeUp, f.grade)) flags.push('LATE_BEDTIME');
  if (f.lines.some((l) => lineOverran(l, f.overrunRatio))) flags.push('SUBJECT_OVERRAN');
  return flags;
}

/**
 * Parents' messages on a student's day (seed 004: 家长留言, 班主任回复): several a day, each
 * answered on its own, at most this many a day for one student (all their parents together),
 * so that the head teacher's day stays readable.
 */
export const MESSAGES_PER_DAY = 10;

/** A message of the day, as far as the thread's rules are concerned. */
export interface ThreadMessage {
  createdAt: Date;
  reply: string | null;
}

/** Whether one more message fits the day; `count` is how many the day has. */
export function messageFits(count: number, max = MESSAGES_PER_DAY): boolean {
  return count < max;
}

/**
 * The message the old one-message view of a sheet shows (`parentMessage` with its `reply`): the
 * latest still waiting for an answer, else the latest. So "has a message and no reply" still
 * means "a message waits for an answer". `messages` are in thread order, oldest first.
 */
export function shownMessage<M extends ThreadMessage>(messages: M[]): M | null {
  const waiting = messages.filter((m) => m.reply === null);
  return waiting.at(-1) ?? messages.at(-1) ?? null;
}

/** Which sheets of the head teacher's day to list, by their parents' messages. */
export enum SheetMessageFilter {
  /** Sheets with at least one parent's message. */
  ANY = 'ANY',
  /** Sheets with a parent's message not answered yet. */
  UNANSWERED = 'UNANSWERED',
}
