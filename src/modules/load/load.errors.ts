import { defineMessages } from '../../core/messages';
import { gradeName } from '../school/school.policy';

const DAY_KINDS: Readonly<Record<string, { zh: string; en: string }>> = {
  school_day: { zh: '上学日', en: 'school day' },
  weekend: { zh: '周末', en: 'weekend' },
  holiday: { zh: '节假日', en: 'holiday' },
};
const dayKindName = (kind: unknown, en: boolean) => DAY_KINDS[String(kind)]?.[en ? 'en' : 'zh'] ?? String(kind);
const WEEKDAYS_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAYS_EN = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const weekdayName = (weekday: unknown, en: boolean) => (en ? WEEKDAYS_EN : WEEKDAYS_ZH)[Number(weekday)] ?? String(weekday);

/**
 * With homework addressed to groups the caps are checked on each student's own day: the refusal
 * names the student whose day goes over (and the figures are that student's).
 */
const forStudentZh = (f: Record<string, unknown>) => (f.student ? `学生${f.student}的` : '');
const forStudentEn = (f: Record<string, unknown>) => (f.student ? `For ${f.student}: ` : '');

/** Refusals of the homework load rules (双减 caps). */
export const LoadErrors = defineMessages({
  DAILY_LOAD_EXCEEDED: {
    description: "The class's written homework at home would exceed the day's cap; figures give cap, published, this and excess minutes",
    zh: (f) => `${f.className} ${f.day}（${dayKindName(f.dayKind, false)}）${forStudentZh(f)}书面作业上限 ${f.capMinutes} 分钟：已发布 ${f.publishedMinutes} 分钟，本次最重的选择 ${f.thisAssignmentMinutes} 分钟，超出 ${f.excessMinutes} 分钟`,
    en: (f) => `${forStudentEn(f)}${f.className} may have at most ${f.capMinutes} minutes of written homework at home on ${f.day} (${dayKindName(f.dayKind, true)}); ` +
      `${f.publishedMinutes} are already published and this assignment's heaviest choice adds ${f.thisAssignmentMinutes}: ${f.excessMinutes} over`,
  },
  TOTAL_LOAD_EXCEEDED: {
    description: "The class's homework of every form at home would exceed the school's total-time cap for the day; figures give cap, published, this and excess minutes",
    zh: (f) => `${f.className} ${f.day}（${dayKindName(f.dayKind, false)}）${forStudentZh(f)}家庭作业总时长（书面、阅读、口头、实践、劳动、锻炼等各类合计）学校上限 ${f.capMinutes} 分钟：` +
      `已发布 ${f.publishedMinutes} 分钟，本次最重的选择 ${f.thisAssignmentMinutes} 分钟，超出 ${f.excessMinutes} 分钟`,
    en: (f) => `${forStudentEn(f)}${f.className} may have at most ${f.capMinutes} minutes of homework of every form at home on ${f.day} (${dayKindName(f.dayKind, true)}) by the school's policy; ` +
      `${f.publishedMinutes} are already published and this assignment's heaviest choice adds ${f.thisAssignmentMinutes}: ${f.excessMinutes} over`,
  },
  BUDGETS_EXCEED_CAP: {
    description: "A weekday's subject budgets may not sum above the class's cap for a school day (the written cap, or the school's total-time cap when lower); figures give weekday, cap, sum and excess minutes",
    zh: (f) => `${f.className} ${weekdayName(f.weekday, false)}各科预算合计 ${f.budgetsMinutes} 分钟，超过上学日${f.limitedBy === 'total' ? '家庭作业总时长' : '书面作业'}上限 ${f.capMinutes} 分钟 ${f.excessMinutes} 分钟`,
    en: (f) => `The subject budgets of ${f.className} on ${weekdayName(f.weekday, true)} sum to ${f.budgetsMinutes} minutes, ` +
      `${f.excessMinutes} over the school-day ${f.limitedBy === 'total' ? 'cap on homework of every form' : 'written cap'} of ${f.capMinutes}`,
  },
  SUBJECT_BUDGET_EXCEEDED: {
    description: "A subject's written homework at home would exceed its budget of the day; figures give budget, released, received, available, published, this and excess minutes",
    zh: (f) => `${f.className} ${f.day} ${f.subject}的书面作业预算 ${f.availableMinutes} 分钟` +
      `${Number(f.releasedMinutes) || Number(f.receivedMinutes) ? `（${weekdayName(f.weekday, false)}预算 ${f.budgetMinutes} 分钟，让出 ${f.releasedMinutes} 分钟，获得 ${f.receivedMinutes} 分钟）` : ''}：` +
      `已发布 ${f.publishedMinutes} 分钟，本次最重的选择 ${f.thisAssignmentMinutes} 分钟，超出 ${f.excessMinutes} 分钟`,
    en: (f) => `${f.subject} may have at most ${f.availableMinutes} minutes of written homework at home for ${f.className} on ${f.day} ` +
      `(budget ${f.budgetMinutes}, released ${f.releasedMinutes}, received ${f.receivedMinutes}); ` +
      `${f.publishedMinutes} are already published and this assignment's heaviest choice adds ${f.thisAssignmentMinutes}: ${f.excessMinutes} over`,
  },
  RELEASE_EXCEEDS_UNUSED: {
    description: 'A subject can release only the minutes of its budget it has not used that day; figures give available, used, unused, requested and excess minutes',
    zh: (f) => `${f.className} ${f.day} ${f.subject}可用 ${f.availableMinutes} 分钟，已用 ${f.usedMinutes} 分钟，未用 ${f.unusedMinutes} 分钟：不能让出 ${f.requestedMinutes} 分钟（多 ${f.excessMinutes} 分钟）`,
    en: (f) => `${f.subject} of ${f.className} has ${f.availableMinutes} minutes on ${f.day}, ${f.usedMinutes} used, ${f.unusedMinutes} unused: ` +
      `it cannot release ${f.requestedMinutes} (${f.excessMinutes} too many)`,
  },
  NO_BUDGETS_ON_DAY: {
    description: 'Minutes are released on a school day whose weekday has subject budgets; figures give the weekday',
    zh: (f) => `${f.className} ${f.day}（${weekdayName(f.weekday, false)}）${f.schoolDay === 'yes' ? '没有设置各科预算' : '不是上学日，不按各科预算统筹'}，无需让出时长`,
    en: (f) => `${f.className} has ${f.schoolDay === 'yes' ? 'no subject budgets' : 'no subject budgets, as it is not a school day,'} on ${f.day} (${weekdayName(f.weekday, true)}): there is nothing to release`,
  },
  LOOSER_THAN_NATIONAL: {
    description: 'A school cap may be stricter than the national one, never looser',
    zh: (f) => `${gradeName(Number(f.grade))}书面作业国家上限为每天 ${f.nationalCapMinutes} 分钟，学校上限只能更严：${f.requestedCapMinutes} 分钟超出 ${f.excessMinutes} 分钟`,
    en: (f) => `Grade ${f.grade} may have at most ${f.nationalCapMinutes} minutes of written homework a day nationally; ${f.requestedCapMinutes} is looser by ${f.excessMinutes}`,
  },
});

/** Top-level errors of the load module. */
export const LoadMessages = defineMessages({
  LOAD_OFFICE_ONLY: {
    description: 'FORBIDDEN: only the academic office sets caps and the calendar',
    zh: (f) => `只有教务处可以${f.action === 'edit the school calendar' ? '修改校历' : '设置作业时长上限'}`,
    en: (f) => `Only the academic office may ${f.action}`,
  },
  BUDGET_HEAD_TEACHER_ONLY: {
    description: "FORBIDDEN: only the class's head teacher or the academic office sets its subject budgets and releases minutes",
    zh: (f) => `只有${f.className}的班主任或教务处可以统筹本班各科作业时长`,
    en: (f) => `Only the head teacher of ${f.className} or the academic office may set its subject budgets`,
  },
  BUDGET_REVISION_REQUIRED: {
    description: "BAD_USER_INPUT: changing a class's existing subject budgets needs the revision the client read",
    zh: () => '修改本班已有的各科预算须给出 expectedRevision（你读到的版本号）',
    en: () => "expectedRevision is required to change a class's existing subject budgets",
  },
  BUDGET_LISTED_TWICE: {
    description: 'BAD_USER_INPUT: a weekday, or a subject within a weekday, is listed twice',
    zh: (f) => (f.subjectId ? `${weekdayName(f.weekday, false)}的预算重复列出了同一学科` : `${weekdayName(f.weekday, false)}重复列出`),
    en: (f) => (f.subjectId ? `weekday ${f.weekday} lists a subject twice` : `weekday ${f.weekday} is listed twice`),
  },
  RELEASE_TO_ITSELF: {
    description: 'BAD_USER_INPUT: minutes are released to another subject',
    zh: () => '时长只能让给其他学科',
    en: () => 'Minutes are released to another subject',
  },
});
