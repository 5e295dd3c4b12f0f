import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Connection, PageArgs } from '../../core/pagination';
import { Role } from '../../core/roles';
import { userService } from './user.service';
import { ChildLink, UserNode } from './user.type';

const UserConnection = Connection(UserNode, 'User');

@ArgsType()
class UsersArgs extends PageArgs {
  @Field(() => Role, { nullable: true, description: 'Only users holding this role' })
  @IsOptional()
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: 'Only students of this class' })
  @IsOptional()
  classId?: string | null;
}

@Resolver(() => UserNode)
export class UserResolver {
  @Authorized()
  @Query(() => UserNode, { description: 'The signed-in user' })
  async me(@Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from(await userService.me(ctx));
  }

  @Authorized()
  @Query(() => UserNode, { description: 'A user of your school you may see' })
  async user(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from(await userService.get(ctx, fromGlobalId(id, 'User')));
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Query(() => UserConnection, { description: 'Every user of the school, by username (academic office)' })
  async users(@Args(() => UsersArgs) args: UsersArgs, @Ctx() ctx: RequestContext) {
    const classId = args.classId ? fromGlobalId(args.classId, 'Class', 'classId') : null;
    return userService.list(ctx, { role: args.role, classId }, args.first, args.after).then((page) => ({
      ...page,
      edges: page.edges.map((e) => ({ ...e, node: UserNode.from(e.node) })),
    }));
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'True while the user signs in with a password the school issued (an account slip or a reset) and must change it; yours and, for the academic office, everyone\'s; null otherwise',
  })
  mustChangePassword(@Root() user: UserNode, @Ctx() ctx: RequestContext): boolean | null {
    return user.entity.id === ctx.viewer.userId || ctx.hasRole(Role.ACADEMIC_OFFICE) ? user.entity.mustChangePassword : null;
  }

  @FieldResolver(() => [Role], { description: 'Roles held, stored or by position (head teacher, group lead)' })
  roles(@Root() user: UserNode, @Ctx() ctx: RequestContext): Promise<Role[]> {
    return userService.roles(ctx, user.entity.id);
  }

  @FieldResolver(() => [ChildLink], { description: "A parent's children (those you may see)" })
  async children(@Root() user: UserNode, @Ctx() ctx: RequestContext): Promise<ChildLink[]> {
    const links = await userService.children(ctx, user.entity.id);
    return links.map((l) => ({ student: UserNode.from(l.student), relation: l.relation }));
  }
}
