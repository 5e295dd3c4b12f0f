import { defineMessages } from '../../core/messages';

const DAY_KINDS: Readonly<Record<string, { zh: string; en: string }>> = {
  school_day: { zh: '上学日', en: 'school day' },
  weekend: { zh: '周末', en: 'weekend' },
  holiday: { zh: '节假日', en: 'holiday' },
};
const dayKindName = (kind: unknown, en: boolean) => DAY_KINDS[String(kind)]?.[en ? 'en' : 'zh'] ?? String(kind);

const STATUS_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  draft: { zh: '草稿', en: 'a draft' },
  filed: { zh: '已提交', en: 'filed' },
  approved: { zh: '已审核通过', en: 'approved' },
  returned: { zh: '已退回', en: 'returned' },
};
const statusName = (status: unknown, en: boolean) => STATUS_NAMES[String(status)]?.[en ? 'en' : 'zh'] ?? String(status);

/** Refusals of the weekly homework lists. */
export const WeeklyListErrors = defineMessages({
  WEEKLY_LIST_FILED: {
    description: 'The weekly list has been filed with the academic office and is locked',
    zh: (f) => `${f.weekStart} 这一周的作业清单已提交教务处，不能再修改`,
    en: (f) => `The list of the week of ${f.weekStart} has been filed and is locked`,
  },
  WEEKLY_LIST_APPROVED: {
    description: 'The weekly list has been approved by the academic office and is final',
    zh: (f) => `${f.weekStart} 这一周的作业清单已由教务处审核通过，不能再修改`,
    en: (f) => `The list of the week of ${f.weekStart} has been approved and is final`,
  },
  WEEKLY_LIST_NOT_FILED: {
    description: 'Only a filed weekly list is approved or returned by the academic office',
    zh: (f) => `只有已提交的作业清单可以审核或退回：这份清单${statusName(f.status, false)}`,
    en: (f) => `Only a filed list is approved or returned: this one is ${statusName(f.status, true)}`,
  },
  WEEKLY_LIST_OVER_WRITTEN_CAP: {
    description: "Filing would take a day of the grade over its written cap; figures give cap, this list's, the other filed lists' and excess minutes",
    zh: (f) => `${f.day}（${dayKindName(f.dayKind, false)}）${f.grade}书面家庭作业上限 ${f.capMinutes} 分钟：其他备课组已提交 ${f.otherListsMinutes} 分钟，` +
      `本清单 ${f.thisListMinutes} 分钟，合计 ${f.totalMinutes} 分钟，超出 ${f.excessMinutes} 分钟`,
    en: (f) => `${f.day} (${dayKindName(f.dayKind, true)}): ${f.grade} may have at most ${f.capMinutes} minutes of written homework at home; ` +
      `the other groups' filed lists plan ${f.otherListsMinutes} and this list ${f.thisListMinutes}, ${f.totalMinutes} in all: ${f.excessMinutes} over`,
  },
  WEEKLY_LIST_OVER_SUBJECT_BUDGET: {
    description: "Filing would plan more written minutes at home for a school day than the subject's daily budget in a class of the grade; figures give the budget, this list's and excess minutes",
    zh: (f) => `${f.day}（星期${'一二三四五六日'[Number(f.weekday) - 1]}）${f.className}${f.subject}每日书面作业预算 ${f.budgetMinutes} 分钟：` +
      `本清单 ${f.thisListMinutes} 分钟，超出 ${f.excessMinutes} 分钟`,
    en: (f) => `${f.day}: ${f.subject} has a daily budget of ${f.budgetMinutes} written minutes at home in ${f.className}; ` +
      `this list plans ${f.thisListMinutes}: ${f.excessMinutes} over`,
  },
  WEEKLY_LIST_OVER_TOTAL_CAP: {
    description: "Filing would take a day of the grade over the school's cap on homework of every form at home; figures give cap, this list's, the other filed lists' and excess minutes",
    zh: (f) => `${f.day}（${dayKindName(f.dayKind, false)}）${f.grade}家庭作业总时长（各类合计）学校上限 ${f.capMinutes} 分钟：其他备课组已提交 ${f.otherListsMinutes} 分钟，` +
      `本清单 ${f.thisListMinutes} 分钟，合计 ${f.totalMinutes} 分钟，超出 ${f.excessMinutes} 分钟`,
    en: (f) => `${f.day} (${dayKindName(f.dayKind, true)}): ${f.grade} may have at most ${f.capMinutes} minutes of homework of every form at home by the school's policy; ` +
      `the other groups' filed lists plan ${f.otherListsMinutes} and this list ${f.thisListMinutes}, ${f.totalMinutes} in all: ${f.excessMinutes} over`,
  },
  DAY_OUTSIDE_WEEK: {
    description: 'An entry falls outside the week of the list (Monday to Sunday)',
    zh: (f) => `${f.where}：${f.day} 不在 ${f.weekStart} 至 ${f.lastDay} 这一周之内`,
    en: (f) => `${f.where}: ${f.day} is not a day of the week ${f.weekStart} – ${f.lastDay}`,
  },
});

/** Top-level errors of the weekly lists (FORBIDDEN, BAD_USER_INPUT reasons). */
export const WeeklyListMessages = defineMessages({
  ALL_LISTS_OFFICE_ONLY: {
    description: "FORBIDDEN: only the academic office sees every group's weekly list",
    zh: () => '只有教务处可以查看所有教研组的周作业清单',
    en: () => "Only the academic office sees every group's weekly list",
  },
  REVIEW_OFFICE_ONLY: {
    description: 'FORBIDDEN: only the academic office approves or returns weekly lists and sets their deadline',
    zh: (f) => `只有教务处可以${f.action === 'set the deadline' ? '设置周作业清单的提交截止时间' : '审核或退回周作业清单'}`,
    en: (f) => `Only the academic office may ${f.action}`,
  },
  DEADLINE_REVISION_REQUIRED: {
    description: 'BAD_USER_INPUT: changing the school\'s own deadline needs the revision the client read',
    zh: () => '修改学校已设置的周作业清单截止时间须给出 expectedRevision（你读到的版本号）',
    en: () => "expectedRevision is required to change the school's own deadline",
  },
  SUGGESTION_NOT_YOUR_CLASS: {
    description: 'FORBIDDEN: the weekly list is offered to the teachers of the class and subject',
    zh: () => '只有任教该班这门学科的老师可以按周清单布置作业',
    en: () => 'Only a teacher of the class in the subject starts a day from the weekly list',
  },
  UNIT_OF_ANOTHER_GROUP: {
    description: 'BAD_USER_INPUT: the unit of an entry is not a unit of the group',
    zh: (f) => `${f.where}：该单元不属于${f.group}`,
    en: (f) => `${f.where}: the unit is not a unit of ${f.group}`,
  },
  ITEM_OF_ANOTHER_UNIT: {
    description: 'BAD_USER_INPUT: the item of an entry is not an item of its unit',
    zh: (f) => `${f.where}：该题目不属于这个单元`,
    en: (f) => `${f.where}: the item is not an item of the unit`,
  },
  DESCRIPTION_REQUIRED: {
    description: 'BAD_USER_INPUT: an entry describes its homework or names a bank item',
    zh: (f) => `${f.where}：请填写作业内容，或选择一道题库题目`,
    en: (f) => `${f.where}: describe the homework or name a bank item`,
  },
  MINUTES_REQUIRED: {
    description: 'BAD_USER_INPUT: an entry gives its predicted minutes or names a bank item',
    zh: (f) => `${f.where}：请填写预计用时（分钟），或选择一道题库题目`,
    en: (f) => `${f.where}: give the predicted minutes or name a bank item`,
  },
});
