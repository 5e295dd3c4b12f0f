import { RequestContext } from '../../core/context';
import { schoolToday } from '../../core/dates';
import { InvalidInputError, NotFoundError } from '../../core/errors';
import { planChoices } from '../assignment/assignment-plan';
import { classDayService, SubjectLine } from '../assignment/class-day.service';
import { SchoolClass } from '../class/class.entity';
import { budgetNote } from '../load/subject-budget.policy';
import { chineseMonthDay, chineseWeek } from '../print/chinese-dates';
import { isMultiDay } from '../assignment/assignment-span.policy';
import { schoolService } from '../school/school.service';
import { ExcelMessages } from './excel.errors';

/**
 * 作业公示 as the printed forms show it — the workbook and the PDF alike: per class, days ×
 * subjects with each subject's homework and written minutes, and the day's total against its cap.
 */
export const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const DAY_KINDS: Record<string, string> = { school_day: '上学日', weekend: '周末', holiday: '节假日' };
export const TOTAL_HEADER = '书面作业合计(分钟)';
export const CAP_HEADER = '上限(分钟)';
/** Shown only where the school caps the total of every form at home (seed 004: 二年级家庭作业不超过30分钟). */
export const ALL_FORMS_HEADER = '各类作业合计(分钟)';
export const ALL_FORMS_CAP_HEADER = '总时长上限(分钟)';
/** What the minutes mean, printed under each class's table. */
export const NOTICE_NOTE = '注：时长为预估用时，分层作业写最轻与最重的选择；口头、阅读、实践等作业另计总时长。书面作业合计为各科在家书面作业按最重选择之和，与每日上限对照。';

/** One subject's homework of one day. */
export interface NoticeEntry {
  title: string;
  items: string[];
  /** `书面 10–15 分钟`; with the total of every form where some is not written at home: `共 20–30 分钟，其中书面 10–15 分钟`. */
  minutes: string;
}

export interface NoticeDay {
  day: string;
  /** 星期二 */
  weekday: string;
  /** 上学日, 周末, 节假日 */
  dayKind: string;
  /** One per subject of the class notice, null where the subject has no homework that day. */
  entries: (NoticeEntry | null)[];
  totalMinutes: number;
  capMinutes: number;
  /** Heaviest minutes of every form at home (written, reading, oral, practical, labour, exercise …). */
  allFormsMinutes: number;
  /** The school's cap on them; null: none. */
  allFormsCapMinutes: number | null;
}

export interface ClassNotice {
  cls: SchoolClass;
  headTeacher: string | null;
  /** Names of the subjects with homework this week, in the school's order. */
  subjects: string[];
  days: NoticeDay[];
}

export interface WeeklyNotices {
  /** What the file is named after: the class, or the grade (`3年级`). */
  name: string;
  weekStart: string;
  /** The day it is made for posting: today in the school's time zone. */
  postedOn: string;
  notices: ClassNotice[];
}

/** `语文作业：读一读课文、写一写词语（书面 10–15 分钟）` */
export function entryText(e: NoticeEntry): string {
  return `${e.title}：${e.items.join('、')}（${e.minutes}）`;
}

/** Written minutes are what the caps count; oral, reading and practical homework take time too, and the notice says how much. */
function minutesOf(line: SubjectLine): string {
  const range = (low: number, high: number) => (low === high ? `${high}` : `${low}–${high}`);
  const written = range(line.lightestWrittenMinutes, line.heaviestWrittenMinutes);
  const totals = planChoices(line.plan).map((c) => c.totalMinutes);
  const total = totals.length ? range(Math.min(...totals), Math.max(...totals)) : written;
  if (total === written) return `书面 ${written} 分钟`;
  return line.heaviestWrittenMinutes === 0 ? `共 ${total} 分钟，无书面作业` : `共 ${total} 分钟，其中书面 ${written} 分钟`;
}

/** The homework's title; homework over several days says its span (its minutes on the notice are the day's share). */
function titleOf(line: SubjectLine): string {
  const a = line.plan.assignment;
  return isMultiDay(a) ? `${a.title}（${chineseMonthDay(a.day)}—${chineseMonthDay(a.dueDay)}，按天分摊）` : a.title;
}

/** `三年级(1)班作业公示（2026年12月7日—12月13日）` */
export function noticeTitle(n: ClassNotice, weekStart: string): string {
  return `${n.cls.name}作业公示（${chineseWeek(weekStart)}）`;
}

/** The published homework of a class, or of every class of a grade, for the week starting `weekStart` (everyone in the school). */
export async function weeklyNotices(ctx: RequestContext, weekStart: string, classId: string | null, grade: number | null): Promise<WeeklyNotices> {
  if (!classId && !grade) throw new InvalidInputError('classId', ExcelMessages.CLASS_OR_GRADE);
  const classes = classId
    ? [await ctx.loaders.classById.load(classId)].filter((c): c is SchoolClass => !!c)
    : await ctx.db.getRepository(SchoolClass).find({ where: { schoolId: ctx.schoolId, grade: grade! }, order: { classNo: 'ASC' } });
  if (!classes.length) throw new NotFoundError('Class', classId ?? `grade ${grade}`);
  const [subjects, heads] = await Promise.all([
    schoolService.subjects(ctx),
    ctx.loaders.userById.loadMany(classes.flatMap((c) => (c.headTeacherId ? [c.headTeacherId] : []))),
  ]);
  const headName = new Map(heads.flatMap((u) => (u && !(u instanceof Error) ? [[u.id, u.displayName] as const] : [])));
  const notices: ClassNotice[] = [];
  for (const cls of classes) {
    const notice = await classDayService.weeklyNotice(ctx, cls.id, weekStart, true);
    const used = subjects.filter((s) => notice.days.some((d) => d.subjects.some((l) => l.plan.assignment.subjectId === s.id)));
    notices.push({
      cls,
      headTeacher: (cls.headTeacherId && headName.get(cls.headTeacherId)) || null,
      subjects: used.map((s) => s.name),
      days: notice.days.map((day, i) => ({
        day: day.day,
        weekday: `星期${WEEKDAYS[i]}`,
        dayKind: DAY_KINDS[day.dayKind] ?? day.dayKind,
        entries: used.map((s) => {
          // A subject's day's homework and its homework over several days that covers the day, together.
          const lines = day.subjects.filter((l) => l.plan.assignment.subjectId === s.id);
          if (!lines.length) return null;
          return {
            title: lines.map(titleOf).join('；'),
            items: lines.flatMap((l) => l.plan.items.map((it) => it.title)),
            minutes: lines.map(minutesOf).join('；') + budgetNote(day.budgets, s.id),
          };
        }),
        totalMinutes: day.heaviestTotalMinutes,
        capMinutes: day.capMinutes,
        allFormsMinutes: day.allForms.heaviestTotalMinutes,
        allFormsCapMinutes: day.allForms.capMinutes,
      })),
    });
  }
  return { name: classId ? classes[0].name : `${grade}年级`, weekStart, postedOn: schoolToday(), notices };
}
