import { AuthCheckerFn } from 'type-graphql';
import { RequestContext } from './context';
import { UnauthenticatedError } from './errors';
import { Role } from './roles';

/**
 * The one authChecker: `@Authorized()` needs a signed-in user, `@Authorized(roles…)` one of
 * those roles. Row scoping (this teacher teaches this class) is the services' job.
 */
export const authChecker: AuthCheckerFn<RequestContext, Role> = ({ context }, roles) => {
  if (!context.viewerOrNull) throw new UnauthenticatedError('Sign in first: this operation needs a bearer token');
  return roles.length === 0 || context.hasRole(...roles);
};
