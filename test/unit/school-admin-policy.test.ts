import { RuleViolation, RuleViolations } from '../../src/core/errors';
import { CoreErrors } from '../../src/core/user-error';
import { SchoolAdminErrors } from '../../src/modules/school-admin/school-admin.errors';
import { CalendarDayKind } from '../../src/modules/load/load.entity';
import { calendarMarks, calendarSummary, checkRevision, className, researchGroupName, subjectCode, termName } from '../../src/modules/school-admin/school-admin.policy';

function codesOf(work: () => unknown): string[] {
  try {
    work();
  } catch (e) {
    if (e instanceof RuleViolations) return e.violations.map((v) => v.code);
    if (e instanceof RuleViolation) return [e.code];
    throw e;
  }
  return [];
}

describe('generated names', () => {
  it('names a class, a research group and a term from their parts', () => {
    expect(className(1, 1)).toBe('一年级(1)班');
    expect(className(3, 12)).toBe('三年级(12)班');
    expect(researchGroupName(8, '物理')).toBe('八年级物理备课组');
    expect(termName('2026-2027', 1)).toBe('2026—2027学年第一学期');
    expect(termName('2026-2027', 2)).toBe('2026—2027学年第二学期');
  });
});

describe('subject codes', () => {
  it('uses the curriculum code of a known Chinese name, as the seeds do', () => {
    expect(subjectCode('语文', [])).toBe('chinese');
    expect(subjectCode('道德与法治', ['chinese'])).toBe('morality_law');
    expect(subjectCode(' 数学 ', [])).toBe('math');
  });

  it('gives any other name, or a taken code, the first free numbered code', () => {
    expect(subjectCode('围棋', [])).toBe('subject_1');
    expect(subjectCode('围棋', ['subject_1', 'subject_2'])).toBe('subject_3');
    expect(subjectCode('数学', ['math'])).toBe('math_2');
    for (const code of [subjectCode('围棋', []), subjectCode('数学', ['math'])]) expect(code).toMatch(/^[a-z][a-z0-9_]{1,39}$/);
  });
});

describe('revisions', () => {
  it('refuses a stale revision in Chinese with both figures, accepts the current one', () => {
    expect(() => checkRevision('三年级(2)班', 3, 3)).not.toThrow();
    try {
      checkRevision('三年级(2)班', 4, 3);
      throw new Error('not refused');
    } catch (e) {
      expect(e).toMatchObject({ code: CoreErrors.STALE_REVISION.code, details: { currentRevision: 4, expectedRevision: 3 } });
      expect((e as Error).message).toBe('三年级(2)班已被他人修改：你编辑的是第 3 版，当前是第 4 版。请刷新后再改');
    }
  });
});

describe('the calendar of a term', () => {
  // 2026-09-28 is a Monday; 2026-10-01 a Thursday; 2026-10-10 a Saturday.
  const from = '2026-09-28';
  const to = '2026-10-11';

  it('stores only holidays and 调休 days, in day order; weekdays are school days and weekends weekends', () => {
    const marks = calendarMarks(from, to, [{ day: '2026-10-02', name: '国庆节' }, { day: '2026-10-01', name: ' 国庆节 ' }], [{ day: '2026-10-10', name: '国庆调休' }]);
    expect(marks).toEqual([
      { day: '2026-10-01', kind: CalendarDayKind.HOLIDAY, name: '国庆节' },
      { day: '2026-10-02', kind: CalendarDayKind.HOLIDAY, name: '国庆节' },
      { day: '2026-10-10', kind: CalendarDayKind.SCHOOL_DAY, name: '国庆调休' },
    ]);
    // Two weeks: 10 weekdays less 2 holidays, plus the 调休 Saturday; 4 weekend days less that one.
    expect(calendarSummary(from, to, marks)).toEqual({ schoolDays: 9, weekendDays: 3, holidayDays: 2 });
    expect(calendarSummary(from, to, [])).toEqual({ schoolDays: 10, weekendDays: 4, holidayDays: 0 });
  });

  it('a holiday on a weekend counts as a holiday', () => {
    const marks = calendarMarks(from, to, [{ day: '2026-10-03', name: '国庆节' }], []);
    expect(calendarSummary(from, to, marks)).toEqual({ schoolDays: 10, weekendDays: 3, holidayDays: 1 });
  });

  it('reports every problem at once: outside the term, listed twice, a 调休 day on a weekday', () => {
    expect(codesOf(() => calendarMarks(from, to, [{ day: '2026-10-12', name: '假' }], []))).toEqual([SchoolAdminErrors.DAY_OUTSIDE_RANGE.code]);
    expect(codesOf(() => calendarMarks(from, to, [{ day: '2026-10-03', name: '假' }], [{ day: '2026-10-03', name: '调休' }]))).toEqual([SchoolAdminErrors.DAY_MARKED_TWICE.code]);
    expect(codesOf(() => calendarMarks(from, to, [], [{ day: '2026-09-30', name: '调休' }]))).toEqual([SchoolAdminErrors.MAKE_UP_DAY_NOT_WEEKEND.code]);
    expect(codesOf(() => calendarMarks(from, to, [{ day: '2026-09-27', name: '假' }], [{ day: '2026-10-01', name: '调休' }])))
      .toEqual([SchoolAdminErrors.DAY_OUTSIDE_RANGE.code, SchoolAdminErrors.MAKE_UP_DAY_NOT_WEEKEND.code]);
  });
});
