import { defineMessages } from '../../core/messages';

/** Refusals of the protection of minors' personal data. */
export const PrivacyErrors = defineMessages({
  CONSENT_REQUIRED: {
    description: "A guardian must consent before the service keeps a minor's work, choices or record sheets",
    zh: (f) => `${f.student}未满 14 周岁：须经监护人同意，才能保存其作业、选择和记录单`,
    en: (f) => `${f.student} is under 14: a guardian must consent before the service keeps their work, choices or record sheets`,
  },
});

/** Top-level errors of the privacy module. */
export const PrivacyMessages = defineMessages({
  CONSENT_GUARDIAN_ONLY: {
    description: "FORBIDDEN: only a student's guardian gives or withdraws consent",
    zh: () => '只有学生的监护人可以同意或撤回同意',
    en: () => "Only a student's guardian gives or withdraws consent",
  },
  ACCESS_LOG_OFFICE_ONLY: {
    description: 'FORBIDDEN: only the academic office reads the access log',
    zh: () => '只有教务处可以查看访问记录',
    en: () => 'Only the academic office reads the access log',
  },
  DELETE_OFFICE_ONLY: {
    description: "FORBIDDEN: only the academic office deletes a student's data",
    zh: () => '只有教务处可以删除学生的数据',
    en: () => "Only the academic office deletes a student's data",
  },
  EXPORT_GUARDIAN_OR_OFFICE: {
    description: "FORBIDDEN: only the student's guardian or the academic office exports their data",
    zh: () => '只有学生的监护人或教务处可以导出其数据',
    en: () => "Only the student's guardian or the academic office exports their data",
  },
});
