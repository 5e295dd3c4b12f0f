import { HomeworkForm } from '../../src/modules/bank/bank.enums';
import { dailyTotals, gradeTotals, PlannedEntry, weekDays } from '../../src/modules/weekly-list/weekly-list.policy';

describe('weekDays', () => {
  it('are the seven days from Monday, across a month and a year end', () => {
    expect(weekDays('2026-11-30')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weekDays('2026-12-28').slice(-3)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
  });
});

describe('dailyTotals', () => {
  const entry = (day: string, form: HomeworkForm, predictedMinutes: number) => ({ day, form, predictedMinutes });

  it('004 「学科备课组提前一周研究设计单元作业，并形成周学科作业清单」: sums the week\'s predicted minutes per day, written apart', () => {
    const totals = dailyTotals('2026-11-30', [
      entry('2026-11-30', HomeworkForm.WRITTEN, 20),
      entry('2026-11-30', HomeworkForm.READING, 15),
      entry('2026-11-30', HomeworkForm.WRITTEN, 25),
      entry('2026-12-02', HomeworkForm.ORAL, 10),
      entry('2026-12-05', HomeworkForm.PRACTICAL, 40),
    ]);
    expect(totals).toHaveLength(7);
    expect(totals[0]).toEqual({ day: '2026-11-30', minutes: 60, writtenMinutes: 45 });
    expect(totals[1]).toEqual({ day: '2026-12-01', minutes: 0, writtenMinutes: 0 });
    expect(totals[2]).toEqual({ day: '2026-12-02', minutes: 10, writtenMinutes: 0 });
    expect(totals[5]).toEqual({ day: '2026-12-05', minutes: 40, writtenMinutes: 0 });
  });

  it('000 「可在校内适当安排巩固练习」: leaves out work done in school, as the caps do', () => {
    const totals = dailyTotals('2026-11-30', [
      entry('2026-11-30', HomeworkForm.WRITTEN, 20),
      { ...entry('2026-11-30', HomeworkForm.WRITTEN, 15), atHome: false },
      { ...entry('2026-11-30', HomeworkForm.READING, 10), atHome: true },
    ]);
    expect(totals[0]).toEqual({ day: '2026-11-30', minutes: 30, writtenMinutes: 20 });
  });

  it('leaves out entries of another week', () => {
    const totals = dailyTotals('2026-11-30', [entry('2026-11-29', HomeworkForm.WRITTEN, 30), entry('2026-12-07', HomeworkForm.WRITTEN, 30)]);
    expect(totals.every((t) => t.minutes === 0 && t.writtenMinutes === 0)).toBe(true);
  });
});

describe('gradeTotals', () => {
  it('004 「统筹协调每日各班学生的作业总量」: gives the academic office each grade\'s days side by side, by grade', () => {
    const entries: PlannedEntry[] = [
      { day: '2026-12-01', grade: 5, form: HomeworkForm.WRITTEN, predictedMinutes: 30 },
      { day: '2026-12-01', grade: 3, form: HomeworkForm.WRITTEN, predictedMinutes: 20 },
      { day: '2026-12-01', grade: 5, form: HomeworkForm.READING, predictedMinutes: 15 },
      { day: '2026-12-03', grade: 3, form: HomeworkForm.ORAL, predictedMinutes: 10 },
    ];
    const grades = gradeTotals('2026-11-30', entries);
    expect(grades.map((g) => g.grade)).toEqual([3, 5]);
    expect(grades[0].days[1]).toEqual({ day: '2026-12-01', minutes: 20, writtenMinutes: 20 });
    expect(grades[0].days[3]).toEqual({ day: '2026-12-03', minutes: 10, writtenMinutes: 0 });
    expect(grades[1].days[1]).toEqual({ day: '2026-12-01', minutes: 45, writtenMinutes: 30 });
    expect(grades[1].days.map((d) => d.day)).toEqual(weekDays('2026-11-30'));
  });

  it('has no row for a week with nothing planned', () => {
    expect(gradeTotals('2026-11-30', [])).toEqual([]);
  });
});
