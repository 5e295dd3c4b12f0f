import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../core/user-error';
import { UserNode } from '../user/user.type';

@ObjectType({ description: 'A signed-in session' })
export class LoginPayload {
  @Field(() => String, { nullable: true, description: 'Bearer token for the Authorization header' })
  token!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the token stops working' })
  expiresAt!: Date | null;

  @Field(() => UserNode, { nullable: true, description: 'The signed-in user' })
  user!: UserNode | null;

  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of signing out' })
export class LogoutPayload {
  @Field({ description: 'True when every earlier token of the user has been revoked' })
  revoked!: boolean;

  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' })
  userErrors!: UserError[];
}
