import { defineMessages } from '../../core/messages';

/** The most guardians a child may have bound. */
export const MAX_GUARDIANS = 2;

/** Refusals of parents binding themselves to a child. */
export const ParentBindingErrors = defineMessages({
  BINDING_NOT_MATCHED: {
    description: "The school code, the class's join code, the child's name and the last digits of the 学籍号 do not name one student; figures give attemptsLeft before sign-ins of this kind are paused",
    zh: (f) => `学校代码、班级码、孩子姓名或学籍号后几位不符，请核对班主任发的班级码和孩子的学籍号${typeof f.attemptsLeft === 'number' ? `（还可尝试 ${f.attemptsLeft} 次）` : ''}`,
    en: (f) => `The school code, join code, child's name or last digits of the student number do not match${typeof f.attemptsLeft === 'number' ? ` (${f.attemptsLeft} attempts left)` : ''}`,
  },
  GUARDIANS_FULL: {
    description: 'A child may have at most two guardians bound; figures give maxGuardians and guardians',
    zh: (f) => `每名学生最多绑定 ${f.maxGuardians} 位监护人，${f.child ?? '该学生'}已绑定 ${f.guardians} 位。如需更换，请联系班主任`,
    en: (f) => `A student may have at most ${f.maxGuardians} guardians; ${f.child ?? 'this student'} already has ${f.guardians}`,
  },
  ALREADY_BOUND: {
    description: 'The parent is already bound to this child',
    zh: (f) => `你已经绑定了${f.child ?? '这个孩子'}，无需再次申请`,
    en: (f) => `You are already bound to ${f.child ?? 'this child'}`,
  },
  BINDING_PENDING: {
    description: 'The parent already has a request for this child waiting for the head teacher',
    zh: (f) => `你绑定${f.child ?? '这个孩子'}的申请正在等待班主任审核，请勿重复提交`,
    en: (f) => `Your request for ${f.child ?? 'this child'} is already waiting for the head teacher`,
  },
  PARENT_ACCOUNT_EXISTS: {
    description: 'The username (a mobile number) already has an account: sign in with it and add the child there',
    zh: (f) => `用户名 ${f.username ?? ''} 已有账号：请用它登录（学校发的账号条上有初始密码），再在“添加孩子”中绑定`,
    en: (f) => `The username ${f.username ?? ''} already has an account: sign in with it and add the child there`,
  },
  BINDING_ALREADY_DECIDED: {
    description: 'The request was already approved or rejected',
    zh: () => '这份绑定申请已经处理过了',
    en: () => 'This request was already approved or rejected',
  },
});

/** Who may see or do what (FORBIDDEN), and malformed input (BAD_USER_INPUT). */
export const ParentBindingAccessErrors = defineMessages({
  HEAD_TEACHER_ONLY: {
    description: "FORBIDDEN: only the class's head teacher or the academic office",
    zh: () => '只有本班班主任或教务处可以查看班级码、处理绑定申请',
    en: () => "Only the class's head teacher or the academic office may do this",
  },
});
