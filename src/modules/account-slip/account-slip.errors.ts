import { defineMessages } from '../../core/messages';

/** Refusals of issuing initial passwords (account slips). */
export const AccountSlipErrors = defineMessages({
  NO_ACCOUNTS_TO_ISSUE: {
    description: 'Every account chosen already has a password of its own (or none is active); name accounts in userIds to reset them',
    zh: (f) => `${f.scope ?? '所选范围'}内没有需要发放初始密码的账号：都已自行设置了密码。如需重置某人的密码，请指定账号重新发放`,
    en: (f) => `No account ${f.scope ? `of ${f.scope} ` : ''}needs an initial password: all have set their own. To reset someone's password, name the account`,
  },
  OWN_PASSWORD_RESET: {
    description: 'Nobody issues an initial password to themselves; change your own password with passwordChange',
    zh: () => '不能给自己发放初始密码，请用“修改密码”修改自己的密码',
    en: () => 'You cannot issue an initial password to yourself; change your own password instead',
  },
});

/** Malformed selections (BAD_USER_INPUT) and the office-only rule (FORBIDDEN). */
export const AccountSlipInputErrors = defineMessages({
  OFFICE_ONLY: {
    description: 'FORBIDDEN: only the academic office issues initial passwords',
    zh: () => '只有教务处可以发放初始密码和账号条',
    en: () => 'Only the academic office issues initial passwords and account slips',
  },
  ONE_SELECTION: {
    description: 'Name exactly one of classId, teachers or userIds',
    zh: () => '请只选择一种范围：一个班级、全体教职工，或指定的账号',
    en: () => 'Name exactly one of classId, teachers or userIds',
  },
  ACCOUNT_CLOSED: {
    description: 'A chosen account was deactivated or deleted',
    zh: (f) => `${f.name ?? '该账号'}已停用或已删除，不能发放密码`,
    en: (f) => `${f.name ?? 'The account'} was deactivated or deleted`,
  },
});
