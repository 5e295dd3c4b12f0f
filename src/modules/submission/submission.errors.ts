import { defineMessages } from '../../core/messages';

/** Refusals of handing in, correcting and marking homework. */
export const SubmissionErrors = defineMessages({
  ALREADY_SUBMITTED: {
    description: 'The student has already submitted this assignment; corrections go through submissionCorrect',
    zh: (f) => (f.change === 'choice'
      ? '你已经提交了这份作业，所选的套餐或层次随作业保存，不能再改'
      : '你已经提交过这份作业；老师要求订正时再提交订正'),
    en: (f) => (f.change === 'choice'
      ? 'You have handed this homework in; your choice is kept with it'
      : 'You have already submitted this homework; send a correction when your teacher asks for one'),
  },
  NO_CORRECTION_REQUESTED: {
    description: 'The teacher has not asked for a correction of this submission',
    zh: () => '老师没有要求订正这份作业',
    en: () => 'Your teacher has not asked for a correction of this homework',
  },
  NOTHING_TO_MARK: {
    description: 'The latest version of the submission has already been marked',
    zh: () => '这份作业的最新版本已经批改过了，请等学生订正后再批改',
    en: () => 'The latest version has already been marked; wait for the correction',
  },
  MARK_LEVEL_MISMATCH: {
    description: 'The letter of a mark is the level the student did: a C-level submission cannot receive an A mark',
    zh: (f) => `这份作业做的是 ${f.level} 层次：等第只能是 ${f.plus}、${f.level} 或 ${f.minus}，不能是 ${f.mark}`,
    en: (f) => `This work was done at level ${f.level}: mark it ${f.plus}, ${f.level} or ${f.minus}, not ${f.mark}`,
  },
});

/** Top-level errors of submissions and marking (FORBIDDEN, BAD_USER_INPUT reasons). */
export const SubmissionMessages = defineMessages({
  STUDENTS_SUBMIT: {
    description: 'FORBIDDEN: only students submit their own homework',
    zh: () => '作业只能由学生本人提交',
    en: () => 'Only students submit their own homework',
  },
  STUDENTS_CORRECT: {
    description: 'FORBIDDEN: only students correct their own homework',
    zh: () => '订正只能由学生本人提交',
    en: () => 'Only students correct their own homework',
  },
  PEER_COMMENT_CLASSMATES: {
    description: 'FORBIDDEN: peer comments come from classmates',
    zh: () => '互评只能由同班同学进行',
    en: () => 'Peer comments come from classmates',
  },
  NOT_OWN_WORK_COMMENT: {
    description: 'FORBIDDEN: students never comment on or mark their own work',
    zh: () => '学生不能评价或批改自己的作业',
    en: () => 'Students never comment on or mark their own work',
  },
  NOT_OWN_WORK_MARK: {
    description: 'FORBIDDEN: students never mark their own work',
    zh: () => '学生不能批改自己的作业',
    en: () => 'Students never mark their own work',
  },
  TEACHERS_MARK: {
    description: 'FORBIDDEN: only teachers mark homework',
    zh: () => '作业只由教师批改，家长和学生不批改作业',
    en: () => 'Only teachers mark homework; parents and students never do',
  },
  SUBJECT_TEACHER_MARKS: {
    description: 'FORBIDDEN: only a teacher of the subject in the class (or its head teacher, if the school allows) marks the work',
    zh: (f) => `只有${f.className}的本学科任课教师${f.headTeacherMayMark ? '或班主任' : ''}可以批改这份作业`,
    en: (f) => `Only a teacher of this subject in ${f.className}${f.headTeacherMayMark ? ' or its head teacher' : ''} may mark this work`,
  },
  MARKING_QUEUE_TEACHERS: {
    description: 'FORBIDDEN: the marking queue is for teachers',
    zh: () => '待批改列表只对教师开放',
    en: () => 'The marking queue is for teachers',
  },
  COMMENT_TOO_SHORT: {
    description: 'BAD_USER_INPUT: a comment has a minimum number of characters besides spaces',
    zh: (f) => `评语至少 ${f.min} 个字（不计空格）`,
    en: (f) => `comment must have at least ${f.min} characters besides spaces`,
  },
});
