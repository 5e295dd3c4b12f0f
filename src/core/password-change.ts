import { DomainError } from './errors';
import { defineMessages } from './messages';

/** The session's own refusal: see PasswordChangeRequiredError. */
export const SessionErrors = defineMessages({
  PASSWORD_CHANGE_REQUIRED: {
    description: 'Signed in with a password the school issued: change it before anything else',
    zh: () => '首次登录须修改密码：你正在使用学校发放的初始密码，请先修改密码，再进行其他操作',
    en: () => 'Change your password first: you signed in with a password the school issued; until you change it (passwordChange) only me, passwordChange and logout are answered',
  },
});

/**
 * The caller signed in with a password the school issued (an account slip or a reset) and has
 * not changed it yet: until then only `me`, `passwordChange` and `logout` are answered.
 */
export class PasswordChangeRequiredError extends DomainError {
  readonly code = 'PASSWORD_CHANGE_REQUIRED';
  constructor() {
    super(SessionErrors.PASSWORD_CHANGE_REQUIRED);
  }
}

/** The root fields a signed-in user who must change their password may still ask for. */
export const BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set(['me', 'passwordChange', 'logout', '__typename']);
