import { defineMessages, MessageDef } from '../../core/messages';
import { BankErrors } from '../bank/bank.errors';
import { gradeName } from '../school/school.policy';

const TIER_ZH: Readonly<Record<string, string>> = { basic: '基础', improving: '提高', extending: '拓展' };

/** Refusals of setting and publishing homework. */
export const AssignmentErrors = defineMessages({
  ITEM_NEEDS_PHONE: {
    description: 'Homework may not need a phone',
    zh: (f) => `「${f.title}」需要使用手机；作业不得要求学生使用手机`,
    en: (f) => `「${f.title}」 needs a phone; homework may not`,
  },
  ITEM_NEEDS_PARENT: {
    description: 'Only practical homework may involve a parent; homework is never assigned to parents',
    zh: (f) => `「${f.title}」需要家长参与，但不是实践性作业；不得给家长布置作业`,
    en: (f) => `「${f.title}」 needs a parent but is not practical homework; homework is never assigned to parents`,
  },
  ITEM_REPETITIVE: {
    description: 'Mechanical or repetitive homework may not be assigned',
    zh: (f) => `「${f.title}」是机械、重复性作业，不得布置`,
    en: (f) => `「${f.title}」 is mechanical or repetitive`,
  },
  WRITTEN_AT_HOME_FORBIDDEN: {
    description: 'Grades 1–2 have no written homework at home',
    zh: (f) => `${gradeName(Number(f.grade))}不布置家庭书面作业：「${f.title}」须在校内完成，或改为其他形式`,
    en: (f) => `Grade ${f.grade} has no written homework at home: 「${f.title}」 must be done in school or be another form`,
  },
  ITEM_OF_ANOTHER_GRADE: {
    description: "An item of another grade cannot be assigned to the class unless its research group marked it as suited to the class's grade",
    zh: (f) => `「${f.title}」是${gradeName(Number(f.itemGrade))}的题目，不能布置给${gradeName(Number(f.grade))}（除非备课组标注它也适用于${gradeName(Number(f.grade))}）`,
    en: (f) => `「${f.title}」 is an item of grade ${f.itemGrade}; it may be assigned to grade ${f.grade} only if its research group marks it as suited to that grade`,
  },
  PART_ONE_NOT_BASIC: {
    description: 'Part 1 of a 三三三 assignment is the required basic part: basic-tier items only',
    zh: (f) => `「${f.title}」是${TIER_ZH[String(f.tier)] ?? f.tier}题，三三三作业的第一部分（基础性作业，必做）只能放基础题`,
    en: (f) => `「${f.title}」 is a ${f.tier} item; part 1 of a three-part assignment (the required basic part) holds basic-tier items only`,
  },
  PUBLISHED_TOO_LATE: {
    description: "Homework for a school day is published before the school's latest publishing time of that day (在下课之前); figures give the minutes late",
    zh: (f) => `当天作业须在下课之前布置：本校规定 ${f.day} 的作业最晚 ${f.latestTime} 发布，现在是 ${f.now}，已晚 ${f.minutesLate} 分钟`,
    en: (f) => `Homework for ${f.day} must be published by ${f.latestTime} that day by the school's rule; it is now ${f.now}, ${f.minutesLate} minutes late`,
  },
  PUBLISHED_FOR_PAST_DAY: {
    description: 'Homework may not be published for a day already past (the school may allow it); figures give the days past',
    zh: (f) => `不能为已经过去的日期补发作业：${f.day} 已过去 ${f.daysPast} 天（今天是 ${f.today}），本校不允许补发`,
    en: (f) => `${f.day} is ${f.daysPast} days past (today is ${f.today}); the school does not allow publishing homework for a past day`,
  },
  ASSIGNMENT_EXISTS: {
    description: "The class already has one day's homework in this subject on this day (homework over several days may run alongside it)",
    zh: (f) => `${f.className} ${f.day} 已有${f.subject}作业，请修改那一份`,
    en: (f) => `${f.className} already has ${f.subject} homework on ${f.day}: edit it instead`,
  },
  DUE_BEFORE_START: {
    description: 'Homework over several days is due on or after its first day',
    zh: (f) => `截止日期 ${f.dueDay} 早于开始日期 ${f.day}`,
    en: (f) => `The due day ${f.dueDay} is before the first day ${f.day}`,
  },
  SPAN_TOO_LONG: {
    description: 'Homework over several days spans at most 62 days (about a summer holiday); figures give the days asked for',
    zh: (f) => `多日作业最长 ${f.maxDays} 天（约一个暑假），${f.day} 至 ${f.dueDay} 共 ${f.spanDays} 天，多出 ${f.excessDays} 天`,
    en: (f) => `Homework may span at most ${f.maxDays} days; ${f.day} to ${f.dueDay} is ${f.spanDays} days, ${f.excessDays} too many`,
  },
  DAY_SHARES_COUNT: {
    description: 'One share per day of the span, in order',
    zh: (f) => `每日分配须每天一个：${f.day} 至 ${f.dueDay} 共 ${f.spanDays} 天，却给了 ${f.shareCount} 个`,
    en: (f) => `Give one share per day: ${f.day} to ${f.dueDay} is ${f.spanDays} days, ${f.shareCount} shares were given`,
  },
  DAY_SHARES_INVALID: {
    description: 'Each day\'s share is a whole number from 0 to 100, and at least one day has work',
    zh: (f) => f.reason === 'all_zero' ? '每日分配不能全为 0：至少要有一天布置作业' : `每日分配须是 0–${f.maxShare} 的整数`,
    en: (f) => f.reason === 'all_zero' ? 'At least one day must have a share above 0' : `Each share is a whole number from 0 to ${f.maxShare}`,
  },
  INVALID_STRUCTURE: {
    description: 'The packages or parts of the assignment are not well formed',
    zh: (f) => `作业结构不正确：${f.problems}`,
    en: (f) => `The assignment is not well formed: ${f.problems}`,
  },
  NOT_PUBLISHED: {
    description: 'The assignment is not published',
    zh: () => '这份作业还没有发布',
    en: () => 'The assignment is not published',
  },
  ALREADY_PUBLISHED: {
    description: 'The assignment is already published',
    zh: () => '这份作业已经发布了',
    en: () => 'The assignment is already published',
  },
  UNKNOWN_CHOICE: {
    description: 'The assignment offers no such package or level',
    zh: (f) => `这份作业没有这个选项，请从 ${f.choices} 中选择`,
    en: (f) => `Choose one of ${f.choices}`,
  },
  GROUP_MEMBER_NOT_IN_CLASS: {
    description: "A group holds students of its class only; figures give how many of the named students are not in it",
    zh: (f) => `小组「${f.group}」只能包含${f.className}的学生：有 ${f.outsideCount} 名学生不在本班`,
    en: (f) => `Group 「${f.group}」 holds students of ${f.className} only: ${f.outsideCount} of the named students are not in it`,
  },
  GROUP_NAME_TAKEN: {
    description: 'A class has one group of a name per subject',
    zh: (f) => `${f.className}的${f.subject}已有名为「${f.group}」的小组`,
    en: (f) => `${f.className} already has a ${f.subject} group named 「${f.group}」`,
  },
  GROUP_IN_USE: {
    description: 'A group that homework is addressed to cannot be deleted; figures give how many assignments',
    zh: (f) => `小组「${f.group}」有 ${f.assignmentCount} 份作业布置给它，不能删除`,
    en: (f) => `${f.assignmentCount} assignments are addressed to group 「${f.group}」: it cannot be deleted`,
  },
  GROUP_OF_ANOTHER_CLASS_OR_SUBJECT: {
    description: "Homework is addressed to a group of its own class and subject",
    zh: (f) => `小组「${f.group}」不是${f.className}${f.subject}的小组，作业不能布置给它`,
    en: (f) => `Group 「${f.group}」 is not a ${f.subject} group of ${f.className}`,
  },
  SUGGESTION_NOT_ADDRESSED: {
    description: 'A tier is suggested only to a student the assignment is addressed to',
    zh: (f) => `这份作业没有布置给${f.student}，不能为其建议层次`,
    en: (f) => `The assignment is not addressed to ${f.student}: no tier can be suggested`,
  },
});

/** The refusal of each item rule of `itemProblems`. */
export const ITEM_RULE_ERRORS: Readonly<Record<string, MessageDef>> = {
  ITEM_NOT_APPROVED: BankErrors.ITEM_NOT_APPROVED,
  ITEM_NEEDS_PHONE: AssignmentErrors.ITEM_NEEDS_PHONE,
  ITEM_NEEDS_PARENT: AssignmentErrors.ITEM_NEEDS_PARENT,
  ITEM_REPETITIVE: AssignmentErrors.ITEM_REPETITIVE,
  WRITTEN_AT_HOME_FORBIDDEN: AssignmentErrors.WRITTEN_AT_HOME_FORBIDDEN,
  ITEM_OF_ANOTHER_GRADE: AssignmentErrors.ITEM_OF_ANOTHER_GRADE,
  PART_ONE_NOT_BASIC: AssignmentErrors.PART_ONE_NOT_BASIC,
};

/** What can be wrong with the structure of an assignment (parts of INVALID_STRUCTURE's message). */
export const StructureProblems = defineMessages({
  KEYS_NOT_UNIQUE: {
    description: 'Option keys repeat',
    zh: () => '选项编号不能重复',
    en: () => 'option keys must be unique',
  },
  PACKAGE_COUNT: {
    description: 'Packages need 2 to the maximum number of options',
    zh: (f) => `套餐作业须有 2–${f.max} 个选项，现有 ${f.count} 个`,
    en: (f) => `packages need 2–${f.max} options, got ${f.count}`,
  },
  THREE_PARTS: {
    description: 'Three-part homework has exactly the parts 1, 2 and 3',
    zh: () => '分层作业须正好有 1（基础）、2（拓展）、3（发散）三部分',
    en: () => 'three-part homework has exactly the parts 1 (basic), 2 (extending) and 3 (divergent)',
  },
  EMPTY_OPTION: {
    description: 'An option has no item',
    zh: (f) => `选项 ${f.key} 没有题目`,
    en: (f) => `option ${f.key} has no item`,
  },
  ITEM_TWICE: {
    description: 'An option names an item twice',
    zh: (f) => `选项 ${f.key} 重复列出了同一道题`,
    en: (f) => `option ${f.key} names an item twice`,
  },
});

/** Top-level errors of assignments (FORBIDDEN, BAD_USER_INPUT reasons). */
export const AssignmentMessages = defineMessages({
  CLASS_STAFF_ONLY: {
    description: 'FORBIDDEN: only staff who work with the class list its assignments',
    zh: () => '只有在本班任教或任职的教职工可以查看本班作业',
    en: () => 'Only staff who work with the class list its assignments',
  },
  SUBJECT_TEACHER_SETS: {
    description: 'FORBIDDEN: only a teacher of the subject in the class sets its homework',
    zh: (f) => `只有${f.className}的${f.subject}任课教师可以布置这门作业`,
    en: (f) => `Only a teacher of ${f.subject} in ${f.className} may set its homework`,
  },
  STUDENTS_CHOOSE: {
    description: 'FORBIDDEN: only students choose their own package or level',
    zh: () => '套餐或层次只能由学生本人选择',
    en: () => 'Only students choose their own package or level',
  },
  ITEM_OF_ANOTHER_SUBJECT: {
    description: 'BAD_USER_INPUT: an item of the assignment belongs to another subject',
    zh: (f) => `「${f.title}」是其他学科的题目`,
    en: (f) => `「${f.title}」 is an item of another subject`,
  },
  DRAFT_SPAN_INVALID: {
    description: "BAD_USER_INPUT: the draft's days are not a span of homework (due before the first day, or longer than the longest span), or its shares do not fit them",
    zh: (f) => `草稿的日期不正确：${f.day} 至 ${f.dueDay}（截止日期不能早于开始日期，最长 ${f.maxDays} 天，每日分配须每天一个且不全为 0）`,
    en: (f) => `The draft's days are not valid: ${f.day} to ${f.dueDay} (due on or after the first day, at most ${f.maxDays} days, one share per day, not all 0)`,
  },
  TOO_MANY_PREVIEW_DAYS: {
    description: 'BAD_USER_INPUT: more days asked of a load preview than the longest homework spans; figures give how many were asked and the most',
    zh: (f) => `一次最多预览 ${f.max} 天的作业量，这次要了 ${f.count} 天`,
    en: (f) => `At most ${f.max} days can be previewed at once; ${f.count} were asked`,
  },
  PREVIEW_DAY_REPEATED: {
    description: 'BAD_USER_INPUT: a day asked twice of a load preview',
    zh: (f) => `${f.day} 重复了：每天只预览一次`,
    en: (f) => `${f.day} is asked twice: each day is previewed once`,
  },
  ANOTHER_CLASS_OR_DAY: {
    description: 'BAD_USER_INPUT: the assignment is for another class or day',
    zh: () => '这份作业属于其他班级或其他日期',
    en: () => 'The assignment is for another class or day',
  },
});
