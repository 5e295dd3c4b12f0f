import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { payloadOf } from '../../core/user-error';
import { UserNode } from '../user/user.type';
import { LoginInput, PasswordChangeInput } from './auth.input';
import { authService, Session } from './auth.service';
import { LoginPayload, LogoutPayload } from './auth.type';

const toLoginPayload = (s: Session) => ({ token: s.token, expiresAt: s.expiresAt, user: UserNode.from(s.user), mustChangePassword: s.user.mustChangePassword });

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: 'Sign in; wrong credentials are UNAUTHENTICATED' })
  login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: RequestContext): Promise<LoginPayload> {
    return payloadOf(async () => toLoginPayload(await authService.login(ctx, input)));
  }

  @Authorized()
  @Mutation(() => LogoutPayload, { description: 'Sign out everywhere: revokes every token issued so far' })
  logout(@Ctx() ctx: RequestContext): Promise<LogoutPayload> {
    return LogoutPayload.of(async () => (await authService.logout(ctx), true));
  }

  @Authorized()
  @Mutation(() => LoginPayload, { description: 'Change your password; earlier tokens stop working, a new one is returned' })
  passwordChange(
    @Arg('input', () => PasswordChangeInput) input: PasswordChangeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LoginPayload> {
    return payloadOf(async () => toLoginPayload(await authService.changePassword(ctx, input)));
  }
}
