import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Role } from '../../core/roles';
import { payloadOf } from '../../core/user-error';
import { ClassNode } from '../class/class.type';
import { UserNode } from '../user/user.type';
import { userService } from '../user/user.service';
import { BindingStatus, ParentBindingRequest } from './parent-binding.entity';
import { ParentBindingDecideInput, ParentBindingRequestInput, ParentRegisterInput } from './parent-binding.input';
import { ClassJoinCodePayload, ParentBindingPayload, ParentBindingRequestNode, ParentRegisterPayload } from './parent-binding.type';
import { parentBindingService } from './parent-binding.service';

/** A request as the schema shows it: names from the rows behind it, the class by loader. */
async function nodeOf(ctx: RequestContext, r: ParentBindingRequest): Promise<ParentBindingRequestNode> {
  const [parent, student, cls] = await Promise.all([
    ctx.loaders.userById.load(r.parentId), ctx.loaders.userById.load(r.studentId), ctx.loaders.classById.load(r.classId),
  ]);
  return ParentBindingRequestNode.from(r, {
    childName: student?.displayName ?? '', parentName: parent?.displayName ?? '', parentUsername: parent?.username ?? '',
  }, ClassNode.from(cls!));
}

@Resolver(() => ParentBindingRequestNode)
export class ParentBindingResolver {
  @Mutation(() => ParentRegisterPayload, {
    description: "A parent registers with the school code, the class's join code (班级码), the child's name and the last digits of the 学籍号, and is signed in. "
      + 'When the roster already lists them for the child (an account with this username, linked to the child, with no password issued yet) the account becomes theirs and the binding is approved at once; '
      + 'otherwise a new parent account is opened and the request waits for the head teacher. Wrong guesses are throttled like sign-ins (TOO_MANY_ATTEMPTS)',
  })
  parentRegister(@Arg('input', () => ParentRegisterInput) input: ParentRegisterInput, @Ctx() ctx: RequestContext): Promise<ParentRegisterPayload> {
    return payloadOf(async () => {
      const r = await parentBindingService.register(ctx, input);
      return { token: r.token, expiresAt: r.expiresAt, user: UserNode.from(r.user), request: await nodeOf(ctx, r.request) };
    });
  }

  @Authorized(Role.PARENT)
  @Mutation(() => ParentBindingPayload, {
    description: "A signed-in parent asks to be bound to another child (join code, name, last digits of the 学籍号); the child's head teacher decides. A child has at most two guardians",
  })
  parentBindingRequest(@Arg('input', () => ParentBindingRequestInput) input: ParentBindingRequestInput, @Ctx() ctx: RequestContext): Promise<ParentBindingPayload> {
    return payloadOf(async () => ({ request: await nodeOf(ctx, await parentBindingService.request(ctx, input)) }));
  }

  @Authorized(Role.HEAD_TEACHER, Role.ACADEMIC_OFFICE)
  @Mutation(() => ParentBindingPayload, { description: "Approve or reject a waiting binding request (the class's head teacher, or the academic office); approving binds the parent and applies the consent given" })
  parentBindingDecide(@Arg('input', () => ParentBindingDecideInput) input: ParentBindingDecideInput, @Ctx() ctx: RequestContext): Promise<ParentBindingPayload> {
    return payloadOf(async () => {
      const id = fromGlobalId(input.requestId, 'ParentBindingRequest', 'requestId');
      return { request: await nodeOf(ctx, await parentBindingService.decide(ctx, id, input.approve, input.reason ?? null)) };
    });
  }

  @Authorized()
  @Query(() => [ParentBindingRequestNode], {
    description: "Binding requests, oldest first: a parent's own, a head teacher's classes' (their queue: status PENDING), or every one for the academic office",
  })
  async parentBindingRequests(
    @Arg('classId', () => ID, { nullable: true, description: 'Only this class' }) classId: string | null,
    @Arg('status', () => BindingStatus, { nullable: true, description: 'Only requests in this state' }) status: BindingStatus | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ParentBindingRequestNode[]> {
    const rows = await parentBindingService.list(ctx, classId ? fromGlobalId(classId, 'Class', 'classId') : null, status);
    return Promise.all(rows.map((r) => nodeOf(ctx, r)));
  }

  @Authorized(Role.HEAD_TEACHER, Role.ACADEMIC_OFFICE)
  @Mutation(() => ClassJoinCodePayload, { description: "A new join code for a class (its head teacher, or the academic office): the old one stops working" })
  classJoinCodeRegenerate(@Arg('classId', () => ID) classId: string, @Ctx() ctx: RequestContext): Promise<ClassJoinCodePayload> {
    return payloadOf(async () => {
      const { cls, joinCode } = await parentBindingService.regenerateJoinCode(ctx, fromGlobalId(classId, 'Class', 'classId'));
      return { class: ClassNode.from(cls), joinCode };
    });
  }

  @FieldResolver(() => UserNode, { nullable: true, description: 'The parent, when you may see them' })
  async parent(@Root() r: ParentBindingRequestNode, @Ctx() ctx: RequestContext): Promise<UserNode | null> {
    const [user] = await userService.visible(ctx, [(await ctx.loaders.userById.load(r.entity.parentId))!]);
    return user ? UserNode.from(user) : null;
  }

  @FieldResolver(() => UserNode, { nullable: true, description: 'The child, when you may see them (a parent once bound)' })
  async student(@Root() r: ParentBindingRequestNode, @Ctx() ctx: RequestContext): Promise<UserNode | null> {
    const [user] = await userService.visible(ctx, [(await ctx.loaders.userById.load(r.entity.studentId))!]);
    return user ? UserNode.from(user) : null;
  }
}

@Resolver(() => ClassNode)
export class ClassJoinCodeResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The class's join code (班级码) parents register with: for its head teacher and the academic office; null for everyone else",
  })
  async joinCode(@Root() c: ClassNode, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!parentBindingService.mayDecide(ctx, c.entity.id)) return null;
    return (await ctx.loaders.joinCodeByClassId.load(c.entity.id))?.join_code ?? null;
  }
}

