import { RequestContext, TxContext } from '../../core/context';
import { ForbiddenError } from '../../core/errors';
import { Role } from '../../core/roles';
import { ResearchGroup } from '../research-group/research-group.entity';
import { isStaff } from '../user/user.policy';
import { BankMessages } from './bank.errors';

/**
 * Who may do what in the bank: a research group (subject × grade) owns the units and items
 * of its subject and grade. Members write; the lead (or the academic office) reviews.
 */
export async function groupOf(ctx: RequestContext, subjectId: string, grade: number): Promise<ResearchGroup | null> {
  // Inside a transaction (a TxContext) read through it; outside, batch through the request's loader.
  if (inTransaction(ctx)) return ctx.db.findOneBy(ResearchGroup, { schoolId: ctx.schoolId, subjectId, grade });
  return ctx.loaders.researchGroupBySubjectGrade.load(`${subjectId}:${grade}`);
}

/** Whether `ctx` is a context inside a transaction: only those carry `transaction` (see TxContext). */
function inTransaction(ctx: RequestContext): ctx is TxContext {
  return 'transaction' in ctx;
}

export function isGroupMember(ctx: RequestContext, group: ResearchGroup | null): boolean {
  return !!group && (ctx.viewer.groupIds.has(group.id) || ctx.viewer.ledGroupIds.has(group.id));
}

export function canReview(ctx: RequestContext, group: ResearchGroup | null): boolean {
  return ctx.hasRole(Role.ACADEMIC_OFFICE) || (!!group && ctx.viewer.ledGroupIds.has(group.id));
}

export function requireStaff(ctx: RequestContext): void {
  if (!isStaff(ctx.viewer.roles)) throw new ForbiddenError(BankMessages.STAFF_ONLY);
}

export function requireMember(ctx: RequestContext, group: ResearchGroup | null, action: string): void {
  if (!isGroupMember(ctx, group)) {
    throw new ForbiddenError(BankMessages.MEMBERS_ONLY, { group: group?.name, action });
  }
}

export function requireReviewer(ctx: RequestContext, group: ResearchGroup | null, action: string): void {
  if (!canReview(ctx, group)) {
    throw new ForbiddenError(BankMessages.REVIEWERS_ONLY, { group: group?.name, action });
  }
}
