import { defineMessages, Figures, Locale } from '../../core/messages';

const STATUS_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  draft: { zh: '草稿', en: 'a draft' },
  submitted: { zh: '待审核', en: 'waiting for review' },
  approved: { zh: '已审核通过', en: 'approved' },
  returned: { zh: '已退回', en: 'returned' },
  retired: { zh: '已停用', en: 'retired' },
};

const ACTIONS: Readonly<Record<string, { zh: string; en: string }>> = {
  edit: { zh: '修改', en: 'edited' },
  submit: { zh: '提交审核', en: 'submitted' },
  approve: { zh: '审核通过', en: 'approved' },
  return: { zh: '退回', en: 'returned' },
  retire: { zh: '停用', en: 'retired' },
};

/** What a bank permission lets one do, by the action services name (English). */
const PERMITTED_ACTIONS: Readonly<Record<string, string>> = {
  'add items to this unit': '向本单元添加题目',
  'create units of this subject and grade': '新建本学科本年级的单元',
  'edit units of this subject and grade': '修改本学科本年级的单元',
  'edit this item': '修改这道题',
  'submit this item': '提交这道题审核',
  'approve items': '审核通过题目',
  'return items': '退回题目',
  'retire items': '停用题目',
  "file this group's weekly homework list": '填写并提交本组的周作业清单',
  "import into this group's bank": '向本组题库导入题目',
};

const name = (table: Readonly<Record<string, { zh: string; en: string }>>, key: unknown, locale: Locale) =>
  table[String(key)]?.[locale === 'en' ? 'en' : 'zh'] ?? String(key);

/** The action a permission is refused for, in `locale`. */
export function permittedAction(f: Figures, locale: Locale): string {
  return locale === 'en' ? String(f.action) : PERMITTED_ACTIONS[String(f.action)] ?? String(f.action);
}

/** Refusals of the homework bank. */
export const BankErrors = defineMessages({
  BEYOND_CURRICULUM_STANDARD: {
    description: 'The item is harder than the national curriculum standard (课标) allows',
    zh: () => '作业难度不得超出国家课程标准（课标）：请先降低难度再提交',
    en: () => 'Homework may not be harder than the national curriculum standard (课标); lower its difficulty first',
  },
  INVALID_TRANSITION: {
    description: 'The review lifecycle does not allow this step from the current status',
    zh: (f) => `这道题当前是「${name(STATUS_NAMES, f.status, 'zh-CN')}」状态，不能${name(ACTIONS, f.action, 'zh-CN')}`,
    en: (f) => `An item that is ${name(STATUS_NAMES, f.status, 'en')} cannot be ${name(ACTIONS, f.action, 'en')}`,
  },
  OWN_ITEM_REVIEW: {
    description: 'Nobody approves or returns an item they wrote or last edited',
    zh: (f) => `不能${name(ACTIONS, f.action, 'zh-CN')}自己编写或最后修改的题目，须由其他审核人处理`,
    en: (f) => `Nobody may ${f.action} an item they wrote or last edited; another reviewer must`,
  },
  UNIT_ORDER_TAKEN: {
    description: 'Another unit of the subject, grade and term already has this order',
    zh: (f) => `本学科、本年级、本学期的第 ${f.sortOrder} 单元已是「${f.otherTitle}」，请换一个序号`,
    en: (f) => `Unit ${f.sortOrder} of this subject, grade and term is already 「${f.otherTitle}」`,
  },
  ITEM_NOT_APPROVED: {
    description: 'Only approved bank items may be planned or assigned',
    zh: (f) => `「${f.title}」没有审核通过（或已停用）的版本，不能布置或列入作业清单`,
    en: (f) => `「${f.title}」 has no approved, unretired version to assign or plan`,
  },
});

/** Top-level errors of the homework bank (FORBIDDEN, BAD_USER_INPUT reasons). */
export const BankMessages = defineMessages({
  STAFF_ONLY: {
    description: 'FORBIDDEN: the homework bank is for school staff',
    zh: () => '题库只对本校教职工开放',
    en: () => 'The homework bank is for school staff',
  },
  MEMBERS_ONLY: {
    description: 'FORBIDDEN: only members of the research group may do this',
    zh: (f) => `只有${f.group ?? '本学科本年级教研组'}的成员可以${permittedAction(f, 'zh-CN')}`,
    en: (f) => `Only members of ${f.group ?? 'the research group of this subject and grade'} may ${permittedAction(f, 'en')}`,
  },
  REVIEWERS_ONLY: {
    description: 'FORBIDDEN: only the lead of the research group or the academic office may do this',
    zh: (f) => `只有${f.group ?? '教研组'}的组长或教务处可以${permittedAction(f, 'zh-CN')}`,
    en: (f) => `Only the lead of ${f.group ?? 'the research group'} or the academic office may ${permittedAction(f, 'en')}`,
  },
  OBJECTIVES_OF_ANOTHER_UNIT: {
    description: 'BAD_USER_INPUT: objectives named are not objectives of the item\'s unit',
    zh: (f) => `有 ${f.count} 个目标不属于这道题所在的单元`,
    en: (f) => `${f.count} of the objectives do not belong to the item's unit`,
  },
  MARGIN_THRESHOLD_RANGE: {
    description: 'BAD_USER_INPUT: marginThreshold is a percentage',
    zh: () => 'marginThreshold 须在 0 到 100 之间',
    en: () => 'marginThreshold must be between 0 and 100',
  },
  SOURCE_ONLY_FOR_ADAPTED: {
    description: 'BAD_USER_INPUT: only an adapted (改编) item names a source item',
    zh: () => '只有改编题需要填写来源题目',
    en: () => 'Only an adapted (改编) item names a source item',
  },
  SOURCE_REQUIRED: {
    description: 'BAD_USER_INPUT: an adapted (改编) item names the item it adapts',
    zh: () => '改编题须注明所改编的题库题目',
    en: () => 'An adapted (改编) item must name the bank item it adapts',
  },
  SOURCE_IS_SELF: {
    description: 'BAD_USER_INPUT: an item cannot adapt itself',
    zh: () => '题目不能改编自身',
    en: () => 'An item cannot adapt itself',
  },
  SOURCE_NOT_APPROVED: {
    description: 'BAD_USER_INPUT: the source of an adapted item must be an approved item of the school',
    zh: () => '来源题目须是本校审核通过的题目',
    en: () => 'The source item must be an approved item of this school',
  },
});
