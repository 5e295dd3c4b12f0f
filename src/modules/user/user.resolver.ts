import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Connection, PageArgs } from '../../core/pagination';
import { Role } from '../../core/roles';
import { ClassNode, TeachingAssignmentNode } from '../class/class.type';
import { classService } from '../class/class.service';
import { ResearchGroupNode } from '../research-group/research-group.type';
import { researchGroupService } from '../research-group/research-group.service';
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

  @FieldResolver(() => ClassNode, { nullable: true, description: "A student's class; null for others" })
  async class(@Root() user: UserNode, @Ctx() ctx: RequestContext): Promise<ClassNode | null> {
    const c = await classService.byId(ctx, user.entity.classId);
    return c && ClassNode.from(c);
  }

  @FieldResolver(() => [ChildLink], { description: "A parent's children (those you may see)" })
  async children(@Root() user: UserNode, @Ctx() ctx: RequestContext): Promise<ChildLink[]> {
    const links = await userService.children(ctx, user.entity.id);
    return links.map((l) => ({ student: UserNode.from(l.student), relation: l.relation }));
  }

  @FieldResolver(() => [TeachingAssignmentNode], { description: 'Classes and subjects a teacher teaches' })
  async teachingAssignments(@Root() user: UserNode, @Ctx() ctx: RequestContext): Promise<TeachingAssignmentNode[]> {
    return (await classService.teachingOfTeacher(ctx, user.entity.id)).map(TeachingAssignmentNode.from);
  }

  @FieldResolver(() => [ClassNode], { description: 'Classes this user is head teacher (班主任) of' })
  async headTeacherOf(@Root() user: UserNode, @Ctx() ctx: RequestContext): Promise<ClassNode[]> {
    return (await classService.headClassesOf(ctx, user.entity.id)).map(ClassNode.from);
  }

  @FieldResolver(() => [ResearchGroupNode], { description: 'Research groups this user is a member of' })
  async researchGroups(@Root() user: UserNode, @Ctx() ctx: RequestContext): Promise<ResearchGroupNode[]> {
    return (await researchGroupService.groupsOf(ctx, user.entity.id)).map(ResearchGroupNode.from);
  }
}
