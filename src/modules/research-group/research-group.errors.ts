import { defineMessages } from '../../core/messages';

/** Top-level errors of research groups. */
export const ResearchGroupMessages = defineMessages({
  GROUPS_STAFF_ONLY: {
    description: 'FORBIDDEN: research groups are visible to school staff only',
    zh: () => '教研组信息只对本校教职工开放',
    en: () => 'Research groups are visible to school staff only',
  },
});
