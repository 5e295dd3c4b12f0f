import { defineMessages } from '../../core/messages';

/** Top-level errors of the calibration reports (FORBIDDEN reasons). */
export const CalibrationMessages = defineMessages({
  CALIBRATION_GROUP_ONLY: {
    description: 'FORBIDDEN: only the research group and the academic office see its calibration',
    zh: (f) => `只有${f.group}和教务处可以查看该组的用时校准`,
    en: (f) => `Only ${f.group} and the academic office see its calibration`,
  },
});
