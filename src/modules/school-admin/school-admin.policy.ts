import { addDays, isoWeekday } from '../../core/dates';
import { RuleViolation, RuleViolations } from '../../core/errors';
import { CalendarDayKind, DayKind } from '../load/load.entity';
import { dayKindOf } from '../load/load.policy';
import { gradeName } from '../school/school.policy';
import { CoreErrors } from '../../core/user-error';
import { SchoolAdminErrors } from './school-admin.errors';

/** A class's name from its grade and number, e.g. (3, 2) → 三年级(2)班. */
export function className(grade: number, classNo: number): string {
  return `${gradeName(grade)}(${classNo})班`;
}

/** A research group's name, e.g. (3, 数学) → 三年级数学备课组. */
export function researchGroupName(grade: number, subjectName: string): string {
  return `${gradeName(grade)}${subjectName}备课组`;
}

/** A term's name, e.g. (2026-2027, 1) → 2026—2027学年第一学期. */
export function termName(academicYear: string, termNo: number): string {
  return `${academicYear.replace('-', '—')}学年第${termNo === 1 ? '一' : '二'}学期`;
}

/** Codes of the subjects of the national curriculum, by their Chinese names (the seeds use the same). */
const KNOWN_SUBJECT_CODES: Record<string, string> = {
  语文: 'chinese', 数学: 'math', 英语: 'english', 科学: 'science', 道德与法治: 'morality_law',
  物理: 'physics', 化学: 'chemistry', 生物: 'biology', 生物学: 'biology', 历史: 'history', 地理: 'geography',
  音乐: 'music', 美术: 'art', 艺术: 'arts', 体育: 'pe', 体育与健康: 'pe', 信息科技: 'it', 信息技术: 'it',
  劳动: 'labour', 综合实践活动: 'practice', 书法: 'calligraphy', 日语: 'japanese', 俄语: 'russian',
};

/**
 * The internal code of a new subject: the curriculum's code for a known name, otherwise
 * `subject_<n>`; a taken code gets the first free numeric suffix. Nobody types codes.
 */
export function subjectCode(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = KNOWN_SUBJECT_CODES[name.trim()];
  if (base && !used.has(base)) return base;
  const stem = base ?? 'subject';
  for (let n = base ? 2 : 1; ; n++) {
    const code = `${stem}_${n}`;
    if (!used.has(code)) return code;
  }
}

/** Refuses an edit based on a stale read, naming both revisions. */
export function checkRevision(what: string, current: number, expected: number): void {
  if (current !== expected) {
    throw new RuleViolation(CoreErrors.STALE_REVISION, ['expectedRevision'], { currentRevision: current, expectedRevision: expected, name: what, what });
  }
}

export interface NamedDay {
  day: string;
  name: string;
}

export interface CalendarMark {
  day: string;
  kind: CalendarDayKind;
  name: string;
}

export interface CalendarSummary {
  schoolDays: number;
  weekendDays: number;
  holidayDays: number;
}

/**
 * The marks a calendar of the days `from`–`to` stores: Monday–Friday are school days and
 * Saturday–Sunday weekends without a mark, so only holidays (any day) and make-up school
 * days (调休, a Saturday or Sunday made a school day) are stored. Every problem is reported
 * at once: a day outside the range, a day listed twice, a make-up day on a weekday.
 */
export function calendarMarks(from: string, to: string, holidays: NamedDay[], makeUpSchoolDays: NamedDay[]): CalendarMark[] {
  const problems: RuleViolation[] = [];
  const seen = new Set<string>();
  const check = (list: NamedDay[], field: string) => list.forEach((d, i) => {
    if (d.day < from || d.day > to) {
      problems.push(new RuleViolation(SchoolAdminErrors.DAY_OUTSIDE_RANGE, [field, String(i), 'day'], { day: d.day, from, to }));
    }
    if (seen.has(d.day)) {
      problems.push(new RuleViolation(SchoolAdminErrors.DAY_MARKED_TWICE, [field, String(i), 'day'], { day: d.day }));
    }
    seen.add(d.day);
  });
  check(holidays, 'holidays');
  check(makeUpSchoolDays, 'makeUpSchoolDays');
  makeUpSchoolDays.forEach((d, i) => {
    if (isoWeekday(d.day) <= 5) {
      problems.push(new RuleViolation(SchoolAdminErrors.MAKE_UP_DAY_NOT_WEEKEND, ['makeUpSchoolDays', String(i), 'day'],
        { weekday: isoWeekday(d.day), day: d.day }));
    }
  });
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new RuleViolations(problems);
  return [
    ...holidays.map((d) => ({ day: d.day, kind: CalendarDayKind.HOLIDAY, name: d.name.trim() })),
    ...makeUpSchoolDays.map((d) => ({ day: d.day, kind: CalendarDayKind.SCHOOL_DAY, name: d.name.trim() })),
  ].sort((a, b) => a.day.localeCompare(b.day));
}

/** How many school days, weekend days and holidays the days `from`–`to` have under `marks`. */
export function calendarSummary(from: string, to: string, marks: { day: string; kind: CalendarDayKind }[]): CalendarSummary {
  const summary: CalendarSummary = { schoolDays: 0, weekendDays: 0, holidayDays: 0 };
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const kind = dayKindOf(day, marks);
    if (kind === DayKind.SCHOOL_DAY) summary.schoolDays++;
    else if (kind === DayKind.WEEKEND) summary.weekendDays++;
    else summary.holidayDays++;
  }
  return summary;
}
