import { defineMessages } from '../../core/messages';

/** Refusals of the school-year rollover (学年升级) and of changes to classes it archived. */
export const SchoolYearErrors = defineMessages({
  YEAR_TERMS_MISSING: {
    description: 'The academic year rolled into has no terms yet: add its first and second terms first; figures give missingTerms',
    zh: (f) => `${f.academicYear}学年还没有建立学期（缺${f.missing}）：升级前请先添加该学年的第一、二学期`,
    en: (f) => `The academic year ${f.academicYear} has no ${f.missing} yet: add its terms before rolling into it`,
  },
  YEAR_ALREADY_ROLLED: {
    description: 'The school was already rolled into this academic year (or a later one)',
    zh: (f) => f.academicYear === f.lastYear
      ? `学校已于${f.rolledOn}升级到${f.academicYear}学年，同一学年不能再升级一次`
      : `学校已升级到${f.lastYear}学年，不能再升级到更早的${f.academicYear}学年`,
    en: (f) => f.academicYear === f.lastYear
      ? `The school was already rolled into ${f.academicYear} on ${f.rolledOn}; a year is rolled into once`
      : `The school was already rolled into ${f.lastYear}; it cannot roll back into ${f.academicYear}`,
  },
  ENTRY_CLASS_TAKEN: {
    description: 'A new entry class would have the grade and number of a class moving up or of another new class; figures give grade and classNo',
    zh: (f) => `新学年已有${f.name}（${f.source}），不能再开设同名新班`,
    en: (f) => `Next year already has ${f.name} (${f.source}); it cannot be opened again`,
  },
  CLASS_ARCHIVED: {
    description: 'The class was archived at a school-year rollover: its history is readable, nothing new is added to it',
    zh: (f) => `${f.name}已在学年升级时归档，只能查看历史，不能再布置作业、任课、任命班主任或编入学生`,
    en: (f) => `${f.name} was archived at a school-year rollover; its history is readable, nothing new is added to it`,
  },
});

/** Top-level errors of the school-year rollover (BAD_USER_INPUT reasons). */
export const SchoolYearMessages = defineMessages({
  ACADEMIC_YEAR_NOT_CONSECUTIVE: {
    description: 'BAD_USER_INPUT: an academic year is written as two consecutive years, e.g. 2027-2028',
    zh: (f) => `学年须写作相邻的两年，如 2027-2028，而不是“${f.academicYear}”`,
    en: (f) => `An academic year is two consecutive years, e.g. 2027-2028, not "${f.academicYear}"`,
  },
});
