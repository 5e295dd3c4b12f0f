import { defineMessages } from '../../core/messages';

/** Top-level errors of the class module. */
export const ClassMessages = defineMessages({
  ROSTER_STAFF_ONLY: {
    description: 'FORBIDDEN: only staff who work with the class list its students',
    zh: (f) => `只有在${f.className}任教或任职的教职工可以查看学生名单`,
    en: (f) => `Only staff who work with ${f.className} may list its students`,
  },
  HEAD_TEACHER_OFFICE_ONLY: {
    description: 'FORBIDDEN: only the academic office appoints head teachers',
    zh: () => '只有教务处可以任命班主任',
    en: () => 'Only the academic office appoints head teachers',
  },
});
