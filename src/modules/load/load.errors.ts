import { defineMessages } from '../../core/messages';
import { gradeName } from '../school/school.policy';

const DAY_KINDS: Readonly<Record<string, { zh: string; en: string }>> = {
  school_day: { zh: '上学日', en: 'school day' },
  weekend: { zh: '周末', en: 'weekend' },
  holiday: { zh: '节假日', en: 'holiday' },
};
const dayKindName = (kind: unknown, en: boolean) => DAY_KINDS[String(kind)]?.[en ? 'en' : 'zh'] ?? String(kind);

/** Refusals of the homework load rules (双减 caps). */
export const LoadErrors = defineMessages({
  DAILY_LOAD_EXCEEDED: {
    description: "The class's written homework at home would exceed the day's cap; figures give cap, published, this and excess minutes",
    zh: (f) => `${f.className} ${f.day}（${dayKindName(f.dayKind, false)}）书面作业上限 ${f.capMinutes} 分钟：已发布 ${f.publishedMinutes} 分钟，本次最重的选择 ${f.thisAssignmentMinutes} 分钟，超出 ${f.excessMinutes} 分钟`,
    en: (f) => `${f.className} may have at most ${f.capMinutes} minutes of written homework at home on ${f.day} (${dayKindName(f.dayKind, true)}); ` +
      `${f.publishedMinutes} are already published and this assignment's heaviest choice adds ${f.thisAssignmentMinutes}: ${f.excessMinutes} over`,
  },
  TOTAL_LOAD_EXCEEDED: {
    description: "The class's homework of every form at home would exceed the school's total-time cap for the day; figures give cap, published, this and excess minutes",
    zh: (f) => `${f.className} ${f.day}（${dayKindName(f.dayKind, false)}）家庭作业总时长（书面、阅读、口头、实践、劳动、锻炼等各类合计）学校上限 ${f.capMinutes} 分钟：` +
      `已发布 ${f.publishedMinutes} 分钟，本次最重的选择 ${f.thisAssignmentMinutes} 分钟，超出 ${f.excessMinutes} 分钟`,
    en: (f) => `${f.className} may have at most ${f.capMinutes} minutes of homework of every form at home on ${f.day} (${dayKindName(f.dayKind, true)}) by the school's policy; ` +
      `${f.publishedMinutes} are already published and this assignment's heaviest choice adds ${f.thisAssignmentMinutes}: ${f.excessMinutes} over`,
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
});
