import { Field, ObjectType } from 'type-graphql';
import { MutationPayload, Payload } from '../../core/payload';
import { UserNode } from '../user/user.type';

@ObjectType({ description: 'A signed-in session' })
export class LoginPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Bearer token for the Authorization header' })
  token!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the token stops working' })
  expiresAt!: Date | null;

  @Field(() => UserNode, { nullable: true, description: 'The signed-in user' })
  user!: UserNode | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True when the password was issued by the school (an account slip or a reset): until it is changed with passwordChange, every operation but me, passwordChange and logout is refused with PASSWORD_CHANGE_REQUIRED',
  })
  mustChangePassword!: boolean | null;
}

export const LogoutPayload = Payload('revoked', () => Boolean, {
  name: 'LogoutPayload', description: 'Result of signing out', fieldDescription: 'True when every earlier token of the user has been revoked',
  whenRefused: false,
});
export type LogoutPayload = InstanceType<typeof LogoutPayload>;
