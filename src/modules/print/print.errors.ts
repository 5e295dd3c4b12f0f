import { defineMessages } from '../../core/messages';

/** Top-level errors of printing record sheets (FORBIDDEN, BAD_USER_INPUT reasons). */
export const PrintMessages = defineMessages({
  CLASS_OR_STUDENT: {
    description: 'BAD_USER_INPUT: a print is of a class or of a student, not both',
    zh: () => '请指定一个班级或一名学生（二选一）',
    en: () => 'Name a class or a student, not both',
  },
  CLASS_PRINT_HEAD_OR_OFFICE: {
    description: "FORBIDDEN: only the class's head teacher or the academic office prints its record sheets",
    zh: () => '只有本班班主任或教务处可以打印全班的记录单',
    en: () => "Only the class's head teacher or the academic office prints its record sheets",
  },
  STUDENT_PRINT_READERS: {
    description: "FORBIDDEN: only the student's parents, head teacher or the academic office print the student's record sheet",
    zh: () => '只有学生的家长、班主任或教务处可以打印该学生的记录单',
    en: () => "Only the student's parents, their head teacher or the academic office print the student's record sheet",
  },
});
