import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { STAFF_ROLES } from '../../core/roles';
import { schoolService } from '../school/school.service';
import { SubjectNode } from '../school/school.type';
import { userService } from '../user/user.service';
import { UserNode } from '../user/user.type';
import { researchGroupService } from './research-group.service';
import { ResearchGroupNode } from './research-group.type';

@Resolver(() => ResearchGroupNode)
export class ResearchGroupResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => [ResearchGroupNode], { description: 'Research groups of your school (staff)' })
  async researchGroups(
    @Arg('subjectId', () => ID, { nullable: true, description: 'Only this subject' }) subjectId: string | null,
    @Arg('grade', () => Int, { nullable: true, description: 'Only this grade' }) grade: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ResearchGroupNode[]> {
    const filter = { subjectId: subjectId ? fromGlobalId(subjectId, 'Subject', 'subjectId') : null, grade };
    return (await researchGroupService.list(ctx, filter)).map(ResearchGroupNode.from);
  }

  @FieldResolver(() => SubjectNode, { description: 'The subject' })
  async subject(@Root() g: ResearchGroupNode, @Ctx() ctx: RequestContext): Promise<SubjectNode> {
    return SubjectNode.from(await schoolService.subject(ctx, g.entity.subjectId));
  }

  @FieldResolver(() => UserNode, { description: 'The group lead (教研组长/备课组长)' })
  async lead(@Root() g: ResearchGroupNode, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from(await userService.get(ctx, g.entity.leadId));
  }

  @FieldResolver(() => [UserNode], { description: 'Members, the lead included' })
  async members(@Root() g: ResearchGroupNode, @Ctx() ctx: RequestContext): Promise<UserNode[]> {
    const ids = await researchGroupService.memberIds(ctx, g.entity.id);
    return Promise.all(ids.map(async (id) => UserNode.from(await userService.get(ctx, id))));
  }
}

/** The research groups of a user: they live here, with the groups. */
@Resolver(() => UserNode)
export class UserResearchGroupsResolver {
  @FieldResolver(() => [ResearchGroupNode], { description: 'Research groups this user is a member of' })
  async researchGroups(@Root() user: UserNode, @Ctx() ctx: RequestContext): Promise<ResearchGroupNode[]> {
    return (await researchGroupService.groupsOf(ctx, user.entity.id)).map(ResearchGroupNode.from);
  }
}
