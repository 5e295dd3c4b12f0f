import { defineMessages } from '../../core/messages';

/** Refusals about who a user is: a teacher, a student, still at the school. */
export const UserErrors = defineMessages({
  NOT_A_TEACHER: {
    description: 'The user named does not hold the teacher role',
    zh: (f) => `${f.name}不是本校教师`,
    en: (f) => `${f.name} is not a teacher of this school`,
  },
  NOT_A_STUDENT: {
    description: 'The user named does not hold the student role',
    zh: (f) => `${f.name}不是学生${f.detail === 'class' ? '，没有班级和学籍号' : ''}`,
    en: (f) => `${f.name} is not a student${f.detail === 'class' ? ' and has no class or 学籍号' : ''}`,
  },
  USER_DEACTIVATED: {
    description: 'The user has been deactivated (left the school) and cannot be given new work',
    zh: (f) => (f.teaching ? `该教师已离职，不能再任课（${f.name}）` : `${f.name}的账号已停用`),
    en: (f) => (f.teaching ? `${f.name} has left the school and can no longer teach` : `The account of ${f.name} has been deactivated`),
  },
});

/** Top-level errors of the user module. */
export const UserMessages = defineMessages({
  USERS_OFFICE_ONLY: {
    description: 'FORBIDDEN: only the academic office lists all users',
    zh: () => '只有教务处可以查看全校用户列表',
    en: () => 'Only the academic office lists all users',
  },
});
