import { HomeworkForm, Tier } from '../../src/modules/bank/bank.enums';
import { AssignmentShape, choiceMinutes, choicesOf, itemProblems, publishTimeProblem, structureProblems, subjectLoadOf } from '../../src/modules/assignment/assignment.policy';
import { CalendarDayKind, DayKind } from '../../src/modules/load/load.entity';
import { checkDailyAllForms, checkDailyLoad, dayKindOf, loadCapFor, nationalCap, totalCapFor } from '../../src/modules/load/load.policy';

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

  it("the daily check sums the heaviest choice of the rest of the day's homework with the new one", () => {
    const published = [
      { subjectId: 'chinese', lightestWrittenMinutes: 10, heaviestWrittenMinutes: 20 },
      { subjectId: 'math', lightestWrittenMinutes: 10, heaviestWrittenMinutes: 25 },
    ];
    expect(checkDailyLoad(published, { subjectId: 'english', lightestWrittenMinutes: 5, heaviestWrittenMinutes: 15 }, 60))
      .toEqual({ capMinutes: 60, publishedMinutes: 45, addingMinutes: 15, totalMinutes: 60, excessMinutes: 0, fits: true });
    expect(checkDailyLoad(published, { subjectId: 'english', lightestWrittenMinutes: 5, heaviestWrittenMinutes: 16 }, 60))
      .toMatchObject({ excessMinutes: 1, fits: false });
    // The rest of the day counts as given, the same subject's other homework too (a week's reading beside the day's homework).
    expect(checkDailyLoad(published, { subjectId: 'math', lightestWrittenMinutes: 5, heaviestWrittenMinutes: 15 }, 60))
      .toMatchObject({ publishedMinutes: 45, totalMinutes: 60, fits: true });
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
    expect(choiceMinutes(a, items)).toEqual({ totalMinutes: 55, writtenHomeMinutes: 22, homeMinutes: 47, minMinutes: 44, maxMinutes: 69 });
    expect(choiceMinutes(c, items)).toEqual({ totalMinutes: 15, writtenHomeMinutes: 10, homeMinutes: 15, minMinutes: 12, maxMinutes: 19 });
  });

  it('a subject load is its lightest and heaviest at-home choice, written and of every form', () => {
    expect(subjectLoadOf('math', AssignmentShape.THREE_PART, parts, items)).toEqual({
      subjectId: 'math', lightestWrittenMinutes: 10, heaviestWrittenMinutes: 22, lightestAllFormsMinutes: 15, heaviestAllFormsMinutes: 47,
    });
  });

  it('structure: packages need 2–5 options, three parts exactly 1, 2, 3, no empty option', () => {
    expect(structureProblems(AssignmentShape.PACKAGES, [{ key: 'A', itemCount: 1 }])).toEqual(['套餐作业须有 2–5 个选项，现有 1 个']);
    expect(structureProblems(AssignmentShape.THREE_PART, [{ key: '1', itemCount: 1 }, { key: '2', itemCount: 0 }])).toEqual([
      '分层作业须正好有 1（基础）、2（拓展）、3（发散）三部分', '选项 2 没有题目',
    ]);
    expect(structureProblems(AssignmentShape.PACKAGES, [{ key: 'A', itemCount: 1 }], 'en')).toEqual(['packages need 2–5 options, got 1']);
    expect(structureProblems(AssignmentShape.PACKAGES, [{ key: 'A', itemCount: 1 }, { key: 'B', itemCount: 2 }])).toEqual([]);
  });

  it('item rules name each refusal', () => {
    const base = {
      title: 't', form: HomeworkForm.WRITTEN, atHome: true, approved: true, retired: false, needsPhone: false, needsParent: false, repetitive: false,
      tier: Tier.BASIC, grades: [1, 2, 5],
    };
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

describe('issue 19: total load of every form', () => {
  const policies = [
    { grade: 2, dayKind: DayKind.SCHOOL_DAY, writtenCapMinutes: null, totalCapMinutes: 30 },
    { grade: 3, dayKind: DayKind.SCHOOL_DAY, writtenCapMinutes: 30, totalCapMinutes: 40 },
    { grade: 4, dayKind: DayKind.SCHOOL_DAY, writtenCapMinutes: 40 },
  ];

  it('004 「二年级家庭作业不超过30分钟 … 三、四年级家庭作业不超过40分钟」: a school caps the total of every form, besides the written cap', () => {
    expect(totalCapFor(policies, 2, DayKind.SCHOOL_DAY)).toBe(30);
    expect(loadCapFor(policies, 2, DayKind.SCHOOL_DAY)).toBe(0); // the national written cap of grades 1–2 stays
    expect(totalCapFor(policies, 3, DayKind.SCHOOL_DAY)).toBe(40);
    expect(loadCapFor(policies, 3, DayKind.SCHOOL_DAY)).toBe(30);
    expect(totalCapFor(policies, 4, DayKind.SCHOOL_DAY)).toBeNull();
    expect(totalCapFor(policies, 2, DayKind.WEEKEND)).toBeNull();
    expect(loadCapFor(policies, 5, DayKind.SCHOOL_DAY)).toBe(60);
  });

  it('004 「二年级家庭作业不超过30分钟」: the total check sums every other subject\'s heaviest choice of every form at home', () => {
    const published = [{ subjectId: 'chinese', heaviestAllFormsMinutes: 20 }];
    expect(checkDailyAllForms(published, { subjectId: 'math', heaviestAllFormsMinutes: 10 }, 30))
      .toEqual({ capMinutes: 30, publishedMinutes: 20, addingMinutes: 10, totalMinutes: 30, excessMinutes: 0, fits: true });
    expect(checkDailyAllForms(published, { subjectId: 'math', heaviestAllFormsMinutes: 15 }, 30)).toMatchObject({ excessMinutes: 5, fits: false });
    expect(checkDailyAllForms(published, { subjectId: 'chinese', heaviestAllFormsMinutes: 10 }, 30)).toMatchObject({ publishedMinutes: 20, fits: true });
    expect(checkDailyAllForms([], { subjectId: 'chinese', heaviestAllFormsMinutes: 30 }, 30)).toMatchObject({ publishedMinutes: 0, fits: true });
  });

  it('000 「家务劳动 … 体育锻炼、阅读」: labour, exercise and reading count in the total, not in the written minutes; in-school work in neither', () => {
    const items = [
      { optionKey: 'A', predictedMinutes: 10, form: HomeworkForm.WRITTEN, atHome: true },
      { optionKey: 'A', predictedMinutes: 15, form: HomeworkForm.LABOUR, atHome: true },
      { optionKey: 'B', predictedMinutes: 20, form: HomeworkForm.EXERCISE, atHome: true },
      { optionKey: 'B', predictedMinutes: 25, form: HomeworkForm.READING, atHome: true },
      { optionKey: 'B', predictedMinutes: 30, form: HomeworkForm.WRITTEN, atHome: false },
    ];
    const options = [{ key: 'A', name: 'A' }, { key: 'B', name: 'B' }];
    const [a, b] = choicesOf(AssignmentShape.PACKAGES, options);
    expect(choiceMinutes(a, items)).toMatchObject({ writtenHomeMinutes: 10, homeMinutes: 25 });
    expect(choiceMinutes(b, items)).toMatchObject({ writtenHomeMinutes: 0, homeMinutes: 45, totalMinutes: 75 });
    expect(subjectLoadOf('pe', AssignmentShape.PACKAGES, options, items)).toEqual({
      subjectId: 'pe', lightestWrittenMinutes: 0, heaviestWrittenMinutes: 10, lightestAllFormsMinutes: 25, heaviestAllFormsMinutes: 45,
    });
  });
});

describe('issue 19: consistency of items', () => {
  const base = {
    title: 't', form: HomeworkForm.READING, atHome: true, approved: true, retired: false, needsPhone: false, needsParent: false, repetitive: false,
    tier: Tier.BASIC, grades: [5],
  };

  it('an item of another grade is refused unless its research group marked it as suited to the class\'s grade', () => {
    expect(itemProblems(base, 4).map((p) => p.rule)).toEqual(['ITEM_OF_ANOTHER_GRADE']);
    expect(itemProblems({ ...base, grades: [5, 4] }, 4)).toEqual([]);
  });

  it('004 「基础性作业为必做题」: part 1 of a 三三三 holds basic-tier items only; other parts and packages any tier', () => {
    const improving = { ...base, tier: Tier.IMPROVING };
    expect(itemProblems(improving, 5, { shape: AssignmentShape.THREE_PART, optionKey: '1' }).map((p) => p.rule)).toEqual(['PART_ONE_NOT_BASIC']);
    expect(itemProblems({ ...base, tier: Tier.EXTENDING }, 5, { shape: AssignmentShape.THREE_PART, optionKey: '1' }).map((p) => p.rule)).toEqual(['PART_ONE_NOT_BASIC']);
    expect(itemProblems(base, 5, { shape: AssignmentShape.THREE_PART, optionKey: '1' })).toEqual([]);
    expect(itemProblems(improving, 5, { shape: AssignmentShape.THREE_PART, optionKey: '2' })).toEqual([]);
    expect(itemProblems(improving, 5, { shape: AssignmentShape.PACKAGES, optionKey: '1' })).toEqual([]);
  });
});

describe('issue 19: 004 「要在下课之前完成作业布置」 — publishing at the right time', () => {
  const window = { latestPublishTime: '17:30', pastDaysAllowed: false };

  it('homework for a school day is published by the school\'s latest time that day', () => {
    expect(publishTimeProblem('2026-12-01', true, { date: '2026-12-01', time: '17:30' }, window)).toBeNull();
    expect(publishTimeProblem('2026-12-01', true, { date: '2026-12-01', time: '17:31' }, window)).toEqual({ rule: 'PUBLISHED_TOO_LATE', minutesLate: 1 });
    expect(publishTimeProblem('2026-12-01', true, { date: '2026-12-01', time: '21:05' }, window)).toEqual({ rule: 'PUBLISHED_TOO_LATE', minutesLate: 215 });
    // For tomorrow, or for a weekend day on that day, any time; without a latest time, any time.
    expect(publishTimeProblem('2026-12-02', true, { date: '2026-12-01', time: '23:59' }, window)).toBeNull();
    expect(publishTimeProblem('2026-12-05', false, { date: '2026-12-05', time: '20:00' }, window)).toBeNull();
    expect(publishTimeProblem('2026-12-01', true, { date: '2026-12-01', time: '23:00' }, { ...window, latestPublishTime: null })).toBeNull();
  });

  it('never for a day already past, unless the school allows it', () => {
    expect(publishTimeProblem('2026-11-28', false, { date: '2026-12-01', time: '08:00' }, window)).toEqual({ rule: 'PUBLISHED_FOR_PAST_DAY', daysPast: 3 });
    expect(publishTimeProblem('2026-11-30', true, { date: '2026-12-01', time: '00:01' }, window)).toEqual({ rule: 'PUBLISHED_FOR_PAST_DAY', daysPast: 1 });
    expect(publishTimeProblem('2026-11-30', true, { date: '2026-12-01', time: '08:00' }, { ...window, pastDaysAllowed: true })).toBeNull();
  });
});
