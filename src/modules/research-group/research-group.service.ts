import { RequestContext } from '../../core/context';
import { ForbiddenError, NotFoundError } from '../../core/errors';
import { isStaff } from '../user/user.policy';
import { ResearchGroup } from './research-group.entity';
import { ResearchGroupMessages } from './research-group.errors';

export interface ResearchGroupFilter {
  subjectId?: string | null;
  grade?: number | null;
}

export class ResearchGroupService {
  /** The school's research groups; staff only. */
  async list(ctx: RequestContext, filter: ResearchGroupFilter): Promise<ResearchGroup[]> {
    this.requireStaff(ctx);
    const where: Record<string, unknown> = { schoolId: ctx.schoolId };
    if (filter.subjectId) where.subjectId = filter.subjectId;
    if (filter.grade) where.grade = filter.grade;
    return ctx.db.getRepository(ResearchGroup).find({ where, order: { grade: 'ASC', name: 'ASC' } });
  }

  async get(ctx: RequestContext, id: string): Promise<ResearchGroup> {
    this.requireStaff(ctx);
    const group = await ctx.loaders.researchGroupById.load(id);
    if (!group) throw new NotFoundError('ResearchGroup', id);
    return group;
  }

  async memberIds(ctx: RequestContext, groupId: string): Promise<string[]> {
    return (await ctx.loaders.membersByGroupId.load(groupId)).map((m) => m.userId);
  }

  /** Groups a user belongs to; visible to staff and to the user themself. */
  async groupsOf(ctx: RequestContext, userId: string): Promise<ResearchGroup[]> {
    if (userId !== ctx.viewer.userId) this.requireStaff(ctx);
    const memberships = await ctx.loaders.groupMembershipsByUserId.load(userId);
    const groups = await ctx.loaders.researchGroupById.loadMany(memberships.map((m) => m.groupId));
    return groups.filter((g): g is ResearchGroup => !!g && !(g instanceof Error));
  }

  private requireStaff(ctx: RequestContext): void {
    if (!isStaff(ctx.viewer.roles)) throw new ForbiddenError(ResearchGroupMessages.GROUPS_STAFF_ONLY);
  }
}

export const researchGroupService = new ResearchGroupService();
