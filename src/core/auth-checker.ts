import { AuthCheckerFn } from 'type-graphql';
import { RequestContext } from './context';
import { UnauthenticatedError } from './errors';
import { BEFORE_PASSWORD_CHANGE, PasswordChangeRequiredError } from './password-change';
import { Role } from './roles';
import { RequestErrors } from './request-errors';

/**
 * The one authChecker: `@Authorized()` needs a signed-in user, `@Authorized(roles…)` one of
 * those roles. Row scoping (this teacher teaches this class) is the services' job.
 */
export const authChecker: AuthCheckerFn<RequestContext, Role> = ({ context, info }, roles) => {
  if (!context.viewerOrNull) throw new UnauthenticatedError(RequestErrors.SIGN_IN_FIRST);
  if (roles.length > 0 && !context.hasRole(...roles)) return false;
  // Signed in with a password the school issued (also by a `login` earlier in the document):
  // every root field but `me`, `passwordChange` and `logout` waits for the password change.
  if (context.viewerOrNull.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(info.fieldName)
    && (info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType())) {
    throw new PasswordChangeRequiredError();
  }
  return true;
};
