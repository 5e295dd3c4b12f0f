import { defineMessages } from '../../core/messages';

/** Refusals of the weekly homework lists. */
export const WeeklyListErrors = defineMessages({
  WEEKLY_LIST_FILED: {
    description: 'The weekly list has been filed with the academic office and is locked',
    zh: (f) => `${f.weekStart} 这一周的作业清单已提交教务处，不能再修改`,
    en: (f) => `The list of the week of ${f.weekStart} has been filed and is locked`,
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
