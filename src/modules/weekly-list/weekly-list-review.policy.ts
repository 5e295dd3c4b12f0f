import { addDays, isoWeekday } from '../../core/dates';
import { HomeworkForm } from '../bank/bank.enums';
import { CalendarDayKind, DayKind } from '../load/load.entity';
import { dayKindOf, loadCapFor, SchoolCap, totalCapFor } from '../load/load.policy';
import { WeeklyListStatus } from './weekly-list.entity';
import { weekDays } from './weekly-list.policy';

/**
 * The rules of the weekly list's deadline, its own load check and its review, as pure
 * functions (seed 004: the lesson-prep group designs unit homework a week ahead and files the
 * weekly list with the academic office, which coordinates each class's daily total).
 */

/** When a school's lists are due: a weekday of the week before the list's week, at a time (China Standard Time). */
export interface DeadlineSetting {
  /** 1 = Monday … 7 = Sunday. */
  dueWeekday: number;
  /** HH:MM. */
  dueTime: string;
}

/** Unless the school sets its own: Thursday 17:00 of the week before. */
export const DEFAULT_DEADLINE: DeadlineSetting = { dueWeekday: 4, dueTime: '17:00' };

export interface Deadline {
  /** YYYY-MM-DD, in the week before the list's week. */
  date: string;
  /** HH:MM, China Standard Time. */
  time: string;
  at: Date;
}

/** The Monday of the week `day` falls in. */
export function weekStartOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** The deadline of the lists for the week starting on `weekStart`. */
export function deadlineOf(weekStart: string, setting: DeadlineSetting): Deadline {
  const date = addDays(weekStart, setting.dueWeekday - 8);
  const time = setting.dueTime.slice(0, 5);
  return { date, time, at: new Date(`${date}T${time}:00+08:00`) };
}

/** Whole minutes (rounded up) `now` is after the deadline; 0 when on time. */
export function minutesLate(deadline: Deadline, now: Date): number {
  return Math.max(0, Math.ceil((now.getTime() - deadline.at.getTime()) / 60_000));
}

/** A step of a list's life: the group saves or files it, the academic office approves or returns it. */
export type ListStep = 'save' | 'file' | 'approve' | 'return';

export type StepProblem = 'WEEKLY_LIST_FILED' | 'WEEKLY_LIST_APPROVED' | 'WEEKLY_LIST_NOT_FILED';

/**
 * Whether a list in `status` may take `step`: the group edits and files a draft or a returned
 * list; a filed list waits for the office, which approves or returns only a filed one; an
 * approved list is final. Null: allowed.
 */
export function stepProblem(status: WeeklyListStatus, step: ListStep): StepProblem | null {
  if (step === 'save' || step === 'file') {
    if (status === WeeklyListStatus.FILED) return 'WEEKLY_LIST_FILED';
    if (status === WeeklyListStatus.APPROVED) return 'WEEKLY_LIST_APPROVED';
    return null;
  }
  return status === WeeklyListStatus.FILED ? null : 'WEEKLY_LIST_NOT_FILED';
}

/** Whether a list counts for the office (filed or approved): it is in the grade's plan for the week. */
export function isInPlan(status: WeeklyListStatus): boolean {
  return status === WeeklyListStatus.FILED || status === WeeklyListStatus.APPROVED;
}

/** An entry as the load check sees it. */
export interface LoadEntry {
  day: string;
  form: HomeworkForm;
  atHome: boolean;
  predictedMinutes: number;
}

/** One day of a list's load check: this list and the grade's other filed lists against the caps. */
export interface ListDayLoad {
  day: string;
  dayKind: DayKind;
  /** The written cap in force (school's own or national). */
  capMinutes: number;
  /** The school's cap on every form at home; null: none. */
  totalCapMinutes: number | null;
  thisListWrittenMinutes: number;
  otherListsWrittenMinutes: number;
  writtenMinutes: number;
  writtenExcessMinutes: number;
  thisListMinutes: number;
  otherListsMinutes: number;
  minutes: number;
  /** 0 when the school sets no total cap. */
  totalExcessMinutes: number;
  fits: boolean;
}

const sum = (entries: LoadEntry[]) => entries.reduce((s, e) => s + e.predictedMinutes, 0);
const atHomeOn = (entries: LoadEntry[], day: string) => entries.filter((e) => e.day === day && e.atHome);
const written = (entries: LoadEntry[]) => entries.filter((e) => e.form === HomeworkForm.WRITTEN);

/**
 * The week of a list for its grade, day by day: its planned minutes at home added to those of
 * the grade's other filed lists for the same week, against the written cap (written homework
 * only) and the school's cap on every form. Work planned in school counts against neither.
 */
export function listLoadCheck(
  weekStart: string,
  grade: number,
  thisList: LoadEntry[],
  otherLists: LoadEntry[],
  policies: SchoolCap[],
  calendar: { day: string; kind: CalendarDayKind }[],
): ListDayLoad[] {
  return weekDays(weekStart).map((day) => {
    const dayKind = dayKindOf(day, calendar);
    const capMinutes = loadCapFor(policies, grade, dayKind);
    const totalCapMinutes = totalCapFor(policies, grade, dayKind);
    const mine = atHomeOn(thisList, day);
    const others = atHomeOn(otherLists, day);
    const thisListWrittenMinutes = sum(written(mine));
    const otherListsWrittenMinutes = sum(written(others));
    const writtenMinutes = thisListWrittenMinutes + otherListsWrittenMinutes;
    const thisListMinutes = sum(mine);
    const otherListsMinutes = sum(others);
    const minutes = thisListMinutes + otherListsMinutes;
    // A list that adds nothing on a day is not what takes that day over.
    const writtenExcessMinutes = thisListWrittenMinutes > 0 ? Math.max(0, writtenMinutes - capMinutes) : 0;
    const totalExcessMinutes = totalCapMinutes !== null && thisListMinutes > 0 ? Math.max(0, minutes - totalCapMinutes) : 0;
    return {
      day, dayKind, capMinutes, totalCapMinutes, thisListWrittenMinutes, otherListsWrittenMinutes, writtenMinutes, writtenExcessMinutes,
      thisListMinutes, otherListsMinutes, minutes, totalExcessMinutes, fits: writtenExcessMinutes === 0 && totalExcessMinutes === 0,
    };
  });
}

/** A class's budget for a subject on a weekday of school days (src/modules/load/subject-budget.*). */
export interface ClassBudget {
  className: string;
  weekday: number;
  subjectId: string;
  minutes: number;
}

/** A day of a list over the tightest budget its subject has in a class of the grade. */
export interface ListBudgetExcess {
  day: string;
  className: string;
  budgetMinutes: number;
  thisListMinutes: number;
  excessMinutes: number;
}

/**
 * The list's written minutes at home on each school day against its subject's budget in the
 * grade's classes (seed 003: 加强学科组、年级组作业统筹). Only a class that has budgets for the
 * weekday limits it (a class without budgets is checked by the caps alone, as publishing is);
 * in such a class a subject without a budget has none that day. Minutes a head teacher releases
 * for a date are not known a week ahead, so the plan is held to the weekday's budgets. Gives
 * the tightest class for each day over.
 */
export function listBudgetExcesses(
  weekStart: string,
  subjectId: string,
  entries: LoadEntry[],
  budgets: ClassBudget[],
  calendar: { day: string; kind: CalendarDayKind }[],
): ListBudgetExcess[] {
  const out: ListBudgetExcess[] = [];
  for (const day of weekDays(weekStart)) {
    if (dayKindOf(day, calendar) !== DayKind.SCHOOL_DAY) continue;
    const thisListMinutes = sum(written(atHomeOn(entries, day)));
    if (thisListMinutes === 0) continue;
    const weekday = isoWeekday(day);
    const classes = [...new Set(budgets.filter((b) => b.weekday === weekday).map((b) => b.className))];
    const limits = classes.map((className) => ({
      className,
      budgetMinutes: budgets.find((b) => b.className === className && b.weekday === weekday && b.subjectId === subjectId)?.minutes ?? 0,
    })).sort((a, b) => a.budgetMinutes - b.budgetMinutes || a.className.localeCompare(b.className, 'zh-CN'));
    const tightest = limits[0];
    if (tightest && thisListMinutes > tightest.budgetMinutes) {
      out.push({ day, ...tightest, thisListMinutes, excessMinutes: thisListMinutes - tightest.budgetMinutes });
    }
  }
  return out;
}
