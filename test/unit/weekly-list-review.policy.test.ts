import { HomeworkForm } from '../../src/modules/bank/bank.enums';
import { CalendarDayKind, DayKind } from '../../src/modules/load/load.entity';
import { WeeklyListStatus } from '../../src/modules/weekly-list/weekly-list.entity';
import {
  deadlineOf, DEFAULT_DEADLINE, isInPlan, listBudgetExcesses, listLoadCheck, LoadEntry, minutesLate, stepProblem, weekStartOf,
} from '../../src/modules/weekly-list/weekly-list-review.policy';

const WEEK = '2026-12-07';
const entry = (day: string, predictedMinutes: number, form = HomeworkForm.WRITTEN, atHome = true): LoadEntry => ({ day, form, atHome, predictedMinutes });

describe('the deadline of a weekly list (seed 004: the lesson-prep group files the weekly list a week ahead)', () => {
  it('by default the Thursday 17:00 of the week before, China Standard Time', () => {
    const d = deadlineOf(WEEK, DEFAULT_DEADLINE);
    expect(d).toEqual({ date: '2026-12-03', time: '17:00', at: new Date('2026-12-03T09:00:00Z') });
  });

  it("a school's own weekday and time: Monday is the Monday of the week before, Sunday the day before the week", () => {
    expect(deadlineOf(WEEK, { dueWeekday: 1, dueTime: '08:30' }).date).toBe('2026-11-30');
    expect(deadlineOf(WEEK, { dueWeekday: 7, dueTime: '20:00:00' })).toMatchObject({ date: '2026-12-06', time: '20:00' });
  });

  it('minutes late are whole minutes rounded up; on time or early is 0', () => {
    const d = deadlineOf(WEEK, DEFAULT_DEADLINE);
    expect(minutesLate(d, new Date('2026-12-03T16:59:00+08:00'))).toBe(0);
    expect(minutesLate(d, new Date('2026-12-03T17:00:00+08:00'))).toBe(0);
    expect(minutesLate(d, new Date('2026-12-03T17:00:01+08:00'))).toBe(1);
    expect(minutesLate(d, new Date('2026-12-04T08:30:00+08:00'))).toBe(930);
  });

  it('the week of a day starts on its Monday', () => {
    expect(['2026-12-07', '2026-12-09', '2026-12-13'].map(weekStartOf)).toEqual([WEEK, WEEK, WEEK]);
    expect(weekStartOf('2026-12-06')).toBe('2026-11-30');
  });
});

describe("a list's steps: the group files it, the academic office approves or returns it", () => {
  it.each([
    [WeeklyListStatus.DRAFT, 'save', null], [WeeklyListStatus.DRAFT, 'file', null],
    [WeeklyListStatus.RETURNED, 'save', null], [WeeklyListStatus.RETURNED, 'file', null],
    [WeeklyListStatus.FILED, 'save', 'WEEKLY_LIST_FILED'], [WeeklyListStatus.FILED, 'file', 'WEEKLY_LIST_FILED'],
    [WeeklyListStatus.APPROVED, 'save', 'WEEKLY_LIST_APPROVED'], [WeeklyListStatus.APPROVED, 'file', 'WEEKLY_LIST_APPROVED'],
    [WeeklyListStatus.FILED, 'approve', null], [WeeklyListStatus.FILED, 'return', null],
    [WeeklyListStatus.DRAFT, 'approve', 'WEEKLY_LIST_NOT_FILED'], [WeeklyListStatus.RETURNED, 'return', 'WEEKLY_LIST_NOT_FILED'],
    [WeeklyListStatus.APPROVED, 'approve', 'WEEKLY_LIST_NOT_FILED'], [WeeklyListStatus.APPROVED, 'return', 'WEEKLY_LIST_NOT_FILED'],
  ] as const)('%s, %s: %s', (status, step, problem) => {
    expect(stepProblem(status, step)).toBe(problem);
  });

  it('only filed and approved lists are in the grade\'s plan', () => {
    expect(Object.values(WeeklyListStatus).filter(isInPlan)).toEqual([WeeklyListStatus.FILED, WeeklyListStatus.APPROVED]);
  });
});

describe("a list's own load check (seeds 000, 002, 003: 小学三至六年级书面作业平均完成时间不超过60分钟)", () => {
  it('adds the grade\'s other filed lists day by day and finds the day over the written cap', () => {
    const days = listLoadCheck(WEEK, 3, [entry('2026-12-07', 25), entry('2026-12-08', 20)], [entry('2026-12-07', 40), entry('2026-12-08', 30)], [], []);
    expect(days).toHaveLength(7);
    expect(days[0]).toEqual({
      day: '2026-12-07', dayKind: DayKind.SCHOOL_DAY, capMinutes: 60, totalCapMinutes: null,
      thisListWrittenMinutes: 25, otherListsWrittenMinutes: 40, writtenMinutes: 65, writtenExcessMinutes: 5,
      thisListMinutes: 25, otherListsMinutes: 40, minutes: 65, totalExcessMinutes: 0, fits: false,
    });
    expect(days[1]).toMatchObject({ writtenMinutes: 50, writtenExcessMinutes: 0, fits: true });
  });

  it('only written homework at home counts against the written cap; work in school counts against no cap', () => {
    const [monday] = listLoadCheck(WEEK, 3, [
      entry('2026-12-07', 50), entry('2026-12-07', 30, HomeworkForm.READING), entry('2026-12-07', 30, HomeworkForm.WRITTEN, false),
    ], [], [], []);
    expect(monday).toMatchObject({ thisListWrittenMinutes: 50, thisListMinutes: 80, fits: true });
  });

  it("the school's cap on every form (seed 004) and its stricter written cap by kind of day (seed 002: weekends and holidays are capped too)", () => {
    const policies = [
      { grade: 4, dayKind: DayKind.SCHOOL_DAY, writtenCapMinutes: 40, totalCapMinutes: 40 },
      { grade: 4, dayKind: DayKind.HOLIDAY, writtenCapMinutes: 20, totalCapMinutes: null },
    ];
    const calendar = [{ day: '2026-12-08', kind: CalendarDayKind.HOLIDAY }];
    const days = listLoadCheck(WEEK, 4, [
      entry('2026-12-07', 20), entry('2026-12-07', 15, HomeworkForm.ORAL), entry('2026-12-08', 25),
    ], [entry('2026-12-07', 10, HomeworkForm.READING)], policies, calendar);
    expect(days[0]).toMatchObject({ capMinutes: 40, totalCapMinutes: 40, writtenExcessMinutes: 0, minutes: 45, totalExcessMinutes: 5, fits: false });
    expect(days[1]).toMatchObject({ dayKind: DayKind.HOLIDAY, capMinutes: 20, writtenExcessMinutes: 5, totalCapMinutes: null, fits: false });
  });

  it('grades 1–2 (seed 000: 小学一、二年级不布置家庭书面作业): written homework at home goes over; reading fits', () => {
    const [monday] = listLoadCheck(WEEK, 2, [entry('2026-12-07', 10), entry('2026-12-07', 15, HomeworkForm.READING)], [], [], []);
    expect(monday).toMatchObject({ capMinutes: 0, writtenExcessMinutes: 10, fits: false });
    const [reading] = listLoadCheck(WEEK, 2, [entry('2026-12-07', 15, HomeworkForm.READING)], [], [], []);
    expect(reading.fits).toBe(true);
  });

  it('a list that plans nothing for a day is not blamed for the other lists over it', () => {
    const [monday] = listLoadCheck(WEEK, 3, [], [entry('2026-12-07', 70)], [], []);
    expect(monday).toMatchObject({ writtenMinutes: 70, writtenExcessMinutes: 0, fits: true });
  });
});

describe("a list against its subject's daily budgets in the grade's classes (seed 003: 加强学科组、年级组作业统筹)", () => {
  const budget = (className: string, weekday: number, subjectId: string, minutes: number) => ({ className, weekday, subjectId, minutes });

  it("names the tightest class of each school day over; a class with budgets that day but none for the subject allows nothing", () => {
    const budgets = [
      budget('三年级(1)班', 1, 'math', 20), budget('三年级(2)班', 1, 'math', 15),
      budget('三年级(1)班', 2, 'math', 30), budget('三年级(2)班', 2, 'chinese', 20),
    ];
    const excess = listBudgetExcesses(WEEK, 'math', [entry('2026-12-07', 18), entry('2026-12-08', 10), entry('2026-12-08', 5, HomeworkForm.READING)], budgets, []);
    expect(excess).toEqual([
      { day: '2026-12-07', className: '三年级(2)班', budgetMinutes: 15, thisListMinutes: 18, excessMinutes: 3 },
      { day: '2026-12-08', className: '三年级(2)班', budgetMinutes: 0, thisListMinutes: 10, excessMinutes: 10 },
    ]);
  });

  it('counts written work at home only; a weekday without budgets, a weekend or a holiday is left to the caps', () => {
    const budgets = [budget('三年级(1)班', 1, 'math', 10), budget('三年级(1)班', 3, 'math', 10), budget('三年级(1)班', 6, 'math', 0)];
    const entries = [
      entry('2026-12-07', 10), entry('2026-12-07', 20, HomeworkForm.WRITTEN, false), entry('2026-12-07', 15, HomeworkForm.ORAL),
      entry('2026-12-08', 40), entry('2026-12-09', 30), entry('2026-12-12', 30),
    ];
    const holiday = [{ day: '2026-12-09', kind: CalendarDayKind.HOLIDAY }];
    expect(listBudgetExcesses(WEEK, 'math', entries, budgets, holiday)).toEqual([]);
  });
});
