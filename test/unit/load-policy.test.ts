import { HomeworkForm } from '../../src/modules/bank/bank.enums';
import { AssignmentShape, choiceMinutes, choicesOf, itemProblems, structureProblems, subjectLoadOf } from '../../src/modules/assignment/assignment.policy';
import { CalendarDayKind, DayKind } from '../../src/modules/load/load.entity';
import { checkDailyLoad, dayKindOf, loadCapFor, nationalCap } from '../../src/modules/load/load.policy';

describe('load caps', () => {
  it('national caps: none for grades 1–2, 60 for 3–6, 90 for 7–9', () => {
    expect([1, 2, 3, 6, 7, 9].map(nationalCap)).toEqual([0, 0, 60, 60, 90, 90]);
  });

  it('a school cap applies when stricter and never loosens the national one', () => {
    const policies = [
      { grade: 2, dayKind: DayKind.SCHOOL_DAY, writtenCapMinutes: 30 },
      { grade: 3, dayKind: DayKind.SCHOOL_DAY, writtenCapMinutes: 40 },
      { grade: 3, dayKind: DayKind.WEEKEND, writtenCapMinutes: 30 },
    ];
    expect(loadCapFor(policies, 3, DayKind.SCHOOL_DAY)).toBe(40);
    expect(loadCapFor(policies, 3, DayKind.WEEKEND)).toBe(30);
    expect(loadCapFor(policies, 3, DayKind.HOLIDAY)).toBe(60);
    expect(loadCapFor(policies, 2, DayKind.SCHOOL_DAY)).toBe(0);
    expect(loadCapFor(policies, 8, DayKind.SCHOOL_DAY)).toBe(90);
  });

  it('kinds of day: calendar first, then the weekday', () => {
    const calendar = [
      { day: '2026-10-01', kind: CalendarDayKind.HOLIDAY },
      { day: '2026-10-11', kind: CalendarDayKind.SCHOOL_DAY },
    ];
    expect(dayKindOf('2026-10-01', calendar)).toBe(DayKind.HOLIDAY);
    expect(dayKindOf('2026-10-11', calendar)).toBe(DayKind.SCHOOL_DAY); // a Sunday made a school day (调休)
    expect(dayKindOf('2026-11-28', calendar)).toBe(DayKind.WEEKEND);
    expect(dayKindOf('2026-11-27', calendar)).toBe(DayKind.SCHOOL_DAY);
  });

  it('the daily check sums the heaviest choice of every other subject with the new one', () => {
    const published = [
      { subjectId: 'chinese', lightestWrittenMinutes: 10, heaviestWrittenMinutes: 20 },
      { subjectId: 'math', lightestWrittenMinutes: 10, heaviestWrittenMinutes: 25 },
    ];
    expect(checkDailyLoad(published, { subjectId: 'english', lightestWrittenMinutes: 5, heaviestWrittenMinutes: 15 }, 60))
      .toEqual({ capMinutes: 60, publishedMinutes: 45, addingMinutes: 15, totalMinutes: 60, excessMinutes: 0, fits: true });
    expect(checkDailyLoad(published, { subjectId: 'english', lightestWrittenMinutes: 5, heaviestWrittenMinutes: 16 }, 60))
      .toMatchObject({ excessMinutes: 1, fits: false });
    // Re-publishing a subject replaces its own earlier figures.
    expect(checkDailyLoad(published, { subjectId: 'math', lightestWrittenMinutes: 5, heaviestWrittenMinutes: 40 }, 60))
      .toMatchObject({ publishedMinutes: 20, totalMinutes: 60, fits: true });
  });
});

describe('assignment shapes', () => {
  const items = [
    { optionKey: '1', predictedMinutes: 10, form: HomeworkForm.WRITTEN, atHome: true },
    { optionKey: '1', predictedMinutes: 5, form: HomeworkForm.ORAL, atHome: true },
    { optionKey: '2', predictedMinutes: 12, form: HomeworkForm.WRITTEN, atHome: true },
    { optionKey: '3', predictedMinutes: 20, form: HomeworkForm.PRACTICAL, atHome: true },
    { optionKey: '3', predictedMinutes: 8, form: HomeworkForm.WRITTEN, atHome: false },
  ];
  const parts = [{ key: '1', name: '基础' }, { key: '2', name: '拓展' }, { key: '3', name: '发散' }];

  it('三三三: levels A, B (with either optional part) and C', () => {
    expect(choicesOf(AssignmentShape.THREE_PART, parts).map((c) => [c.key, c.optionKeys])).toEqual([
      ['A', ['1', '2', '3']], ['B2', ['1', '2']], ['B3', ['1', '3']], ['C', ['1']],
    ]);
  });

  it('minutes of a choice: all items, written at home only, and a range', () => {
    const [a, , , c] = choicesOf(AssignmentShape.THREE_PART, parts);
    expect(choiceMinutes(a, items)).toEqual({ totalMinutes: 55, writtenHomeMinutes: 22, minMinutes: 44, maxMinutes: 69 });
    expect(choiceMinutes(c, items)).toEqual({ totalMinutes: 15, writtenHomeMinutes: 10, minMinutes: 12, maxMinutes: 19 });
  });

  it('a subject load is its lightest and heaviest written at-home choice', () => {
    expect(subjectLoadOf('math', AssignmentShape.THREE_PART, parts, items)).toEqual({ subjectId: 'math', lightestWrittenMinutes: 10, heaviestWrittenMinutes: 22 });
  });

  it('structure: packages need 2–5 options, three parts exactly 1, 2, 3, no empty option', () => {
    expect(structureProblems(AssignmentShape.PACKAGES, [{ key: 'A', itemCount: 1 }])).toEqual(['packages need 2–5 options, got 1']);
    expect(structureProblems(AssignmentShape.THREE_PART, [{ key: '1', itemCount: 1 }, { key: '2', itemCount: 0 }])).toEqual([
      'three-part homework has exactly the parts 1 (basic), 2 (extending) and 3 (divergent)', 'option 2 has no item',
    ]);
    expect(structureProblems(AssignmentShape.PACKAGES, [{ key: 'A', itemCount: 1 }, { key: 'B', itemCount: 2 }])).toEqual([]);
  });

  it('item rules name each refusal', () => {
    const base = { title: 't', form: HomeworkForm.WRITTEN, atHome: true, approved: true, retired: false, needsPhone: false, needsParent: false, repetitive: false };
    expect(itemProblems(base, 5)).toEqual([]);
    expect(itemProblems({ ...base, needsPhone: true, repetitive: true }, 5).map((p) => p.rule)).toEqual(['ITEM_NEEDS_PHONE', 'ITEM_REPETITIVE']);
    expect(itemProblems({ ...base, needsParent: true }, 5).map((p) => p.rule)).toEqual(['ITEM_NEEDS_PARENT']);
    expect(itemProblems({ ...base, needsParent: true, form: HomeworkForm.PRACTICAL }, 5)).toEqual([]);
    expect(itemProblems(base, 2).map((p) => p.rule)).toEqual(['WRITTEN_AT_HOME_FORBIDDEN']);
    expect(itemProblems({ ...base, atHome: false }, 2)).toEqual([]);
    expect(itemProblems({ ...base, form: HomeworkForm.READING }, 1)).toEqual([]);
    expect(itemProblems({ ...base, approved: false }, 5).map((p) => p.rule)).toEqual(['ITEM_NOT_APPROVED']);
  });
});
