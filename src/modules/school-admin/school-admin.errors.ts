import { defineMessages } from '../../core/messages';
import { gradeName } from '../school/school.policy';

/** Refusals of the school's structure: terms, calendar, subjects, classes, groups, accounts. */
export const SchoolAdminErrors = defineMessages({
  TERM_EXISTS: {
    description: 'The school already has this term of this academic year',
    zh: (f) => `${f.name}已存在`,
    en: (f) => `${f.name} already exists`,
  },
  TERM_OVERLAP: {
    description: 'The dates overlap another term of the school',
    zh: (f) => `与${f.other}（${f.otherStartsOn} 至 ${f.otherEndsOn}）的日期重叠`,
    en: (f) => `The dates overlap ${f.other} (${f.otherStartsOn} to ${f.otherEndsOn})`,
  },
  SUBJECT_EXISTS: {
    description: 'The school already has a subject of this name',
    zh: (f) => `学科“${f.name}”已存在`,
    en: (f) => `The subject “${f.name}” already exists`,
  },
  CLASS_EXISTS: {
    description: 'The grade already has a class of this number; figures give grade and classNo',
    zh: (f) => `${f.name}已存在`,
    en: (f) => `${gradeName(Number(f.grade))} already has class ${f.classNo} (${f.name})`,
  },
  TEACHING_ASSIGNMENT_EXISTS: {
    description: 'The teacher already teaches this subject to this class',
    zh: (f) => `${f.teacher}已在${f.className}任教${f.subject}`,
    en: (f) => `${f.teacher} already teaches ${f.subject} in ${f.className}`,
  },
  RESEARCH_GROUP_EXISTS: {
    description: 'The school already has a research group for this subject and grade',
    zh: (f) => `${f.name}已存在`,
    en: (f) => `${f.name} already exists`,
  },
  USERNAME_TAKEN: {
    description: 'Another user of the school has this username',
    zh: (f) => `用户名 ${f.username} 已被占用`,
    en: (f) => `The username ${f.username} is taken`,
  },
  STUDENT_NO_TAKEN: {
    description: 'Another student of the school has this 学籍号',
    zh: (f) => `学籍号 ${f.studentNo} 已属于${f.holder}`,
    en: (f) => `The 学籍号 ${f.studentNo} already belongs to ${f.holder}`,
  },
  OWN_OFFICE_ROLE: {
    description: 'Nobody removes their own academic-office role or deactivates themselves',
    zh: (f) => (f.deactivate ? '不能停用自己的账号' : '不能取消自己的教务处角色'),
    en: (f) => (f.deactivate ? 'Nobody deactivates their own account' : 'Nobody removes their own academic-office role'),
  },
  DAY_OUTSIDE_RANGE: {
    description: 'A calendar day lies outside the term or year being set',
    zh: (f) => `${f.day} 不在 ${f.from} 至 ${f.to} 之内`,
    en: (f) => `${f.day} is not within ${f.from} to ${f.to}`,
  },
  DAY_MARKED_TWICE: {
    description: 'A day is listed both as a holiday and as a make-up school day, or twice',
    zh: (f) => `${f.day} 被重复标记`,
    en: (f) => `${f.day} is marked twice`,
  },
  MAKE_UP_DAY_NOT_WEEKEND: {
    description: 'A make-up school day (调休) must be a Saturday or Sunday',
    zh: (f) => `调休上课日 ${f.day} 不是周六或周日`,
    en: (f) => `The make-up school day (调休) ${f.day} is not a Saturday or Sunday`,
  },
});

/** Top-level errors of the school's structure (FORBIDDEN, BAD_USER_INPUT reasons). */
export const SchoolAdminMessages = defineMessages({
  STRUCTURE_OFFICE_ONLY: {
    description: 'FORBIDDEN: only the academic office maintains the school structure',
    zh: () => '只有教务处可以维护学校结构',
    en: () => 'Only the academic office maintains the school structure',
  },
  STUDENT_NEEDS_CLASS: {
    description: 'BAD_USER_INPUT: a student has a class',
    zh: () => '学生须有班级',
    en: () => 'A student needs a class',
  },
  CLASS_ONLY_FOR_STUDENTS: {
    description: 'BAD_USER_INPUT: only students have a class and a 学籍号',
    zh: () => '只有学生有班级和学籍号',
    en: () => 'Only students have a class and a 学籍号',
  },
  CHILDREN_ONLY_FOR_PARENTS: {
    description: 'BAD_USER_INPUT: only parents are linked to children',
    zh: () => '只有家长可关联子女',
    en: () => 'Only parents are linked to children',
  },
  CHILD_TWICE: {
    description: 'BAD_USER_INPUT: a child is linked once',
    zh: () => '同一名学生只能关联一次',
    en: () => 'A student is linked once',
  },
  POSITION_ROLE: {
    description: 'BAD_USER_INPUT: head teachers and research-group leads are appointed, not granted',
    zh: () => '班主任和教研组长由任命产生（classHeadTeacherSet、researchGroupCreate），不能直接授予',
    en: () => 'Head teachers and research-group leads are appointed (classHeadTeacherSet, researchGroupCreate), not granted',
  },
  NO_ROLE: {
    description: 'BAD_USER_INPUT: a user has at least one role',
    zh: () => '至少需要一个角色',
    en: () => 'At least one role is needed',
  },
  TERM_ENDS_BEFORE_START: {
    description: 'BAD_USER_INPUT: a term ends after it starts',
    zh: (f) => `学期结束日 ${f.endsOn} 须晚于开始日 ${f.startsOn}`,
    en: (f) => `The term's last day ${f.endsOn} must be after its first day ${f.startsOn}`,
  },
});
