import { RequestContext } from '../../core/context';
import { ForbiddenError, NotFoundError } from '../../core/errors';
import { parseGlobalId } from '../../core/ids';
import { Node } from '../../core/node';
import { assignmentService } from '../assignment/assignment.service';
import { AssignmentNode } from '../assignment/assignment.type';
import { bankItemService } from '../bank/bank-item.service';
import { BankItemNode, UnitNode, UnitObjectiveNode } from '../bank/bank.type';
import { unitService } from '../bank/unit.service';
import { classService } from '../class/class.service';
import { ClassNode, TeachingAssignmentNode } from '../class/class.type';
import { researchGroupService } from '../research-group/research-group.service';
import { ResearchGroupNode } from '../research-group/research-group.type';
import { gradesOf } from '../school/school.policy';
import { schoolService } from '../school/school.service';
import { SchoolNode, SubjectNode, TermNode } from '../school/school.type';
import { submissionService } from '../submission/submission.service';
import { SubmissionNode } from '../submission/submission.type';
import { userService } from '../user/user.service';
import { weeklyListService } from '../weekly-list/weekly-list.service';
import { WeeklyListNode } from '../weekly-list/weekly-list.type';
import { UserNode } from '../user/user.type';

type Fetcher = (ctx: RequestContext, id: string) => Promise<Node>;

/** How each node type is fetched again by id; each goes through its service's row scoping. */
const FETCHERS: Record<string, Fetcher> = {
  User: async (ctx, id) => UserNode.from(await userService.get(ctx, id)),
  Class: async (ctx, id) => ClassNode.from(await classService.get(ctx, id)),
  TeachingAssignment: async (ctx, id) => TeachingAssignmentNode.from(await classService.teachingAssignment(ctx, id)),
  School: async (ctx, id) => {
    const school = await schoolService.get(ctx, id);
    return SchoolNode.from(school, gradesOf(school.stage));
  },
  Term: async (ctx, id) => TermNode.from(await schoolService.term(ctx, id)),
  Subject: async (ctx, id) => SubjectNode.from(await schoolService.subject(ctx, id)),
  ResearchGroup: async (ctx, id) => ResearchGroupNode.from(await researchGroupService.get(ctx, id)),
  Unit: async (ctx, id) => UnitNode.from(await unitService.get(ctx, id)),
  UnitObjective: async (ctx, id) => {
    const [objective] = await unitService.objectivesByIds(ctx, [id]);
    if (!objective) throw new NotFoundError('UnitObjective', id);
    return UnitObjectiveNode.from(objective);
  },
  BankItem: async (ctx, id) => BankItemNode.from(await bankItemService.get(ctx, id)),
  WeeklyList: async (ctx, id) => WeeklyListNode.from(await weeklyListService.byId(ctx, id)),
  Assignment: async (ctx, id) => AssignmentNode.from(await assignmentService.get(ctx, id)),
  Submission: async (ctx, id) => SubmissionNode.from(await submissionService.get(ctx, id)),
};

export class NodeService {
  /** The node behind a global id, or null when it does not exist or is hidden from the caller. */
  async find(ctx: RequestContext, globalId: string): Promise<Node | null> {
    const parsed = parseGlobalId(globalId);
    const fetch = parsed && FETCHERS[parsed.type];
    if (!parsed || !fetch) return null;
    try {
      return await fetch(ctx, parsed.id);
    } catch (e) {
      if (e instanceof NotFoundError || e instanceof ForbiddenError) return null;
      throw e;
    }
  }
}

export const nodeService = new NodeService();
