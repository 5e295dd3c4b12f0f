import { defineMessages } from '../../core/messages';
import { gradeName } from './school.policy';

/** Refusals about the school itself. */
export const SchoolErrors = defineMessages({
  GRADE_NOT_IN_SCHOOL: {
    description: 'The school does not teach this grade',
    zh: (f) => `${f.school}没有${gradeName(Number(f.grade))}`,
    en: (f) => `${f.school} does not teach grade ${f.grade}`,
  },
});

/** Top-level errors of the school module. */
export const SchoolMessages = defineMessages({
  SETTINGS_OFFICE_ONLY: {
    description: 'FORBIDDEN: only the academic office changes school settings',
    zh: () => '只有教务处可以修改学校设置',
    en: () => 'Only the academic office changes school settings',
  },
});
