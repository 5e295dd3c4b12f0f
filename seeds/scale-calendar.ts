import { addDays } from '../src/core/dates';
import { CalendarDayKind, DayKind } from '../src/modules/load/load.entity';
import { dayKindOf } from '../src/modules/load/load.policy';
import { termOn } from '../src/modules/school/school.policy';
import { seedId } from './ids';
import { SchoolFixture } from './school-fixture';

/**
 * The school calendar of the scale seed: statutory holidays with their 调休 make-up school days,
 * the terms (the fixture's, extended a year at a time when a long run needs more), and from
 * them the school days a run covers.
 */
export interface CalendarMark {
  day: string;
  kind: CalendarDayKind;
  name: string;
}

export type TermRow = SchoolFixture['terms'][number];

function holidays(from: string, to: string, name: string): CalendarMark[] {
  const marks: CalendarMark[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) marks.push({ day: d, kind: CalendarDayKind.HOLIDAY, name });
  return marks;
}

const makeUp = (day: string, name: string): CalendarMark => ({ day, kind: CalendarDayKind.SCHOOL_DAY, name: `${name}调休上课` });

/**
 * 2026 as announced by the State Council (国办发明电〔2025〕); 2027 is not announced yet, so its
 * holidays are the festivals' dates without make-up days — replace them when it is.
 */
export const STATUTORY_CALENDAR: CalendarMark[] = [
  ...holidays('2026-01-01', '2026-01-03', '元旦'), makeUp('2026-01-04', '元旦'),
  makeUp('2026-02-14', '春节'), ...holidays('2026-02-15', '2026-02-23', '春节'), makeUp('2026-02-28', '春节'),
  ...holidays('2026-04-04', '2026-04-06', '清明节'),
  ...holidays('2026-05-01', '2026-05-05', '劳动节'), makeUp('2026-05-09', '劳动节'),
  ...holidays('2026-06-19', '2026-06-21', '端午节'),
  makeUp('2026-09-20', '国庆节'), ...holidays('2026-09-25', '2026-09-27', '中秋节'),
  ...holidays('2026-10-01', '2026-10-07', '国庆节'), makeUp('2026-10-10', '国庆节'),
  ...holidays('2027-01-01', '2027-01-03', '元旦'),
  ...holidays('2027-04-03', '2027-04-05', '清明节'),
  ...holidays('2027-05-01', '2027-05-05', '劳动节'),
  ...holidays('2027-06-09', '2027-06-09', '端午节'),
  ...holidays('2027-09-15', '2027-09-15', '中秋节'),
  ...holidays('2027-10-01', '2027-10-07', '国庆节'),
];

const TERM_NAMES = ['第一学期', '第二学期'];

/** The term after `term`, on the usual dates: 1 September – 20 January, 20 February – 10 July. */
export function nextTerm(schoolCode: string, term: TermRow): TermRow {
  const y2 = Number(term.academicYear.split('-')[1]);
  const academicYear = term.termNo === 1 ? term.academicYear : `${y2}-${y2 + 1}`;
  const termNo = term.termNo === 1 ? 2 : 1;
  const [a, b] = academicYear.split('-');
  return {
    id: seedId(schoolCode, 'term', academicYear, termNo),
    name: `${a}—${b}学年${TERM_NAMES[termNo - 1]}`,
    academicYear,
    termNo,
    startsOn: termNo === 1 ? `${y2}-09-01` : `${y2}-02-20`,
    endsOn: termNo === 1 ? `${y2 + 1}-01-20` : `${y2}-07-10`,
  };
}

export interface SchoolDay {
  day: string;
  term: TermRow;
  /** 0 for the term's first school day; with `daysInTerm`, how far the syllabus has come. */
  indexInTerm: number;
  daysInTerm: number;
}

export interface SchoolYearPlan {
  /** The terms the run touches, including any added beyond the fixture's. */
  terms: TermRow[];
  days: SchoolDay[];
  isSchoolDay(day: string): boolean;
  /** The first school day after `day` (the next morning's hand-in, the next day's marking). */
  nextSchoolDay(day: string): string;
}

/**
 * The `count` school days from `from` on: weekdays inside a term that the calendar does not
 * mark as holidays, and weekend days it marks as school days. Terms are added after the last
 * known one until the count is reached.
 */
export function planSchoolDays(schoolCode: string, knownTerms: TermRow[], calendar: CalendarMark[], from: string, count: number): SchoolYearPlan {
  const terms = [...knownTerms].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const isSchoolDay = (day: string) => termOn(terms, day) !== null && dayKindOf(day, calendar) === DayKind.SCHOOL_DAY;
  const termDays = new Map<string, string[]>();
  const daysOf = (term: TermRow) => {
    let list = termDays.get(term.id);
    if (!list) {
      list = [];
      for (let d = term.startsOn; d <= term.endsOn; d = addDays(d, 1)) if (isSchoolDay(d)) list.push(d);
      termDays.set(term.id, list);
    }
    return list;
  };

  const days: SchoolDay[] = [];
  const touched = new Set<string>();
  for (let d = from; days.length < count; d = addDays(d, 1)) {
    while (d > terms[terms.length - 1].endsOn) terms.push(nextTerm(schoolCode, terms[terms.length - 1]));
    const term = termOn(terms, d);
    if (!term || !isSchoolDay(d)) continue;
    const list = daysOf(term);
    touched.add(term.id);
    days.push({ day: d, term, indexInTerm: list.indexOf(d), daysInTerm: list.length });
  }
  // The hand-in after the run's last day may fall in the next term.
  if (days.length) while (addDays(days[days.length - 1].day, 60) > terms[terms.length - 1].endsOn) terms.push(nextTerm(schoolCode, terms[terms.length - 1]));

  const next = new Map<string, string>();
  const nextSchoolDay = (day: string) => {
    let found = next.get(day);
    if (!found) {
      found = addDays(day, 1);
      for (let i = 0; i < 120 && !isSchoolDay(found); i++) found = addDays(found, 1);
      next.set(day, found);
    }
    return found;
  };
  return { terms: terms.filter((t) => touched.has(t.id)), days, isSchoolDay, nextSchoolDay };
}
