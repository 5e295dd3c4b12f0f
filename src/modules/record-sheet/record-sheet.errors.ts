import { defineMessages } from '../../core/messages';

/** Refusals of the daily record sheets. */
export const RecordSheetErrors = defineMessages({
  SHEET_LOCKED: {
    description: 'The head teacher has read the record sheet; corrections go through them',
    zh: (f) => (f.change === 'bedtime'
      ? '班主任已阅这张记录单，不能再改就寝时间；如需更正，请班主任重新打开'
      : '班主任已阅这张记录单；如需更正，请班主任重新打开'),
    en: (f) => (f.change === 'bedtime'
      ? 'The head teacher has read this sheet; ask them to reopen it to change the bedtime'
      : 'Your head teacher has read this sheet; ask them to reopen it for a correction'),
  },
  MESSAGES_PER_DAY_EXCEEDED: {
    description: "A student's day takes a limited number of parents' messages (figures: messages, maxMessages)",
    zh: (f) => `${f.day} 已有 ${f.messages} 条家长留言，每天最多 ${f.maxMessages} 条；请先等班主任回复，或当面、电话与班主任沟通`,
    en: (f) => `${f.day} already has ${f.messages} parents' messages; a day takes at most ${f.maxMessages}. Wait for the head teacher's answers or speak to them directly`,
  },
});

/** Top-level errors of the record sheets and reports (FORBIDDEN, BAD_USER_INPUT reasons). */
export const RecordSheetMessages = defineMessages({
  OWN_SHEET_ONLY: {
    description: 'FORBIDDEN: students fill in their own record sheet',
    zh: () => '记录单由学生本人填写',
    en: () => 'Students fill in their own record sheet',
  },
  PARENT_MESSAGE_ONLY: {
    description: 'FORBIDDEN: only a parent of the student leaves a message on their sheet',
    zh: () => '只有学生的家长可以在记录单上留言',
    en: () => 'Only a parent of the student leaves a message on their sheet',
  },
  PARENT_BEDTIME_ONLY: {
    description: 'FORBIDDEN: only a parent of the student records bedtime on their sheet',
    zh: () => '只有学生的家长可以在记录单上填写就寝时间',
    en: () => 'Only a parent of the student records bedtime on their sheet',
  },
  HEAD_TEACHER_ANSWERS: {
    description: "FORBIDDEN: only the head teacher of the student's class answers parents' messages",
    zh: () => '只有本班班主任可以回复家长留言',
    en: () => "Only the head teacher of the student's class answers parents' messages",
  },
  HEAD_TEACHER_READS: {
    description: 'FORBIDDEN: only the head teacher of the class reads and answers its record sheets',
    zh: () => '只有本班班主任可以批阅和回复记录单',
    en: () => 'Only the head teacher of the class reads and answers its record sheets',
  },
  CLASS_SHEETS_HEAD_OR_OFFICE: {
    description: "FORBIDDEN: only the class's head teacher or the academic office sees its daily record sheets",
    zh: () => '只有本班班主任或教务处可以查看全班的每日记录单',
    en: () => "Only the class's head teacher or the academic office sees its daily record sheets",
  },
  CLASS_REPORT_READERS: {
    description: 'FORBIDDEN: class reports are for the academic office, the head teacher and the grade\'s research-group leads',
    zh: () => '班级报表只对教务处、班主任和本年级的教研组长开放',
    en: () => 'Class reports are for the academic office, the head teacher and the research-group leads of the grade',
  },
  FROM_AFTER_TO: {
    description: 'BAD_USER_INPUT: a range starts no later than it ends',
    zh: () => '开始日期（from）不能晚于结束日期（to）',
    en: () => 'from must not be after to',
  },
  RANGE_TOO_LONG: {
    description: 'BAD_USER_INPUT: a report covers a limited number of days',
    zh: (f) => `一份报表最多覆盖 ${f.maxDays} 天`,
    en: (f) => `A report covers at most ${f.maxDays} days`,
  },
  NOT_HOMEWORK_OF_THE_DAY: {
    description: "BAD_USER_INPUT: an entry names homework that is not the class's homework of the day",
    zh: () => '有一项填写的作业不是你们班当天的作业',
    en: () => "An entry names homework that is not your class's homework of this day",
  },
  MESSAGE_LENGTH: {
    description: 'BAD_USER_INPUT: a message on a sheet has 1–1000 characters and is not blank',
    zh: (f) => `${f.field} 须为 1–${f.max} 个字，且不能全是空白`,
    en: (f) => `${f.field} must have 1–${f.max} characters and not be blank`,
  },
});
