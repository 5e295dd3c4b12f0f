import { Brackets, SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../core/context';
import { InvalidInputError } from '../../core/errors';
import { decodeCursor, Page, pageOf } from '../../core/pagination';
import { Role } from '../../core/roles';
import { ResearchGroup } from '../research-group/research-group.entity';
import { requireStaff } from './bank-access';
import { BankItem } from './bank-item.entity';
import { HomeworkForm, ItemStatus, Tier } from './bank.enums';
import { likePattern, searchTerms } from './bank.policy';
import { RequestErrors } from '../../core/request-errors';

export interface BankItemFilter {
  subjectId?: string | null;
  grade?: number | null;
  unitId?: string | null;
  tiers?: Tier[] | null;
  forms?: HomeworkForm[] | null;
  objectiveId?: string | null;
  statuses?: ItemStatus[] | null;
  authorId?: string | null;
  maxPredictedMinutes?: number | null;
  /** Free text; every whitespace-separated term must occur in the title or body. */
  text?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Statuses listed when the filter names none: everything but retired items. */
const DEFAULT_STATUSES = [ItemStatus.DRAFT, ItemStatus.SUBMITTED, ItemStatus.APPROVED, ItemStatus.RETURNED];

export class BankSearchService {
  /**
   * Searches the bank, newest first, a page at a time. Staff outside an item's research group
   * see only items with an approved version; text terms are served by the gram index and
   * re-checked as substrings.
   */
  async search(ctx: RequestContext, filter: BankItemFilter, first: number, after?: string | null): Promise<Page<BankItem>> {
    requireStaff(ctx);
    const qb = ctx.db
      .getRepository(BankItem)
      .createQueryBuilder('i')
      .addSelect(`to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_at')
      .where('i.school_id = :schoolId', { schoolId: ctx.schoolId })
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(first + 1);

    if (filter.subjectId) qb.andWhere('i.subject_id = :subjectId', { subjectId: filter.subjectId });
    if (filter.grade) qb.andWhere('i.grade = :grade', { grade: filter.grade });
    if (filter.unitId) qb.andWhere('i.unit_id = :unitId', { unitId: filter.unitId });
    if (filter.tiers?.length) qb.andWhere('i.tier IN (:...tiers)', { tiers: filter.tiers });
    if (filter.forms?.length) qb.andWhere('i.form IN (:...forms)', { forms: filter.forms });
    if (filter.authorId) qb.andWhere('i.author_id = :authorId', { authorId: filter.authorId });
    if (filter.maxPredictedMinutes) qb.andWhere('i.predicted_minutes <= :maxMinutes', { maxMinutes: filter.maxPredictedMinutes });
    qb.andWhere('i.status IN (:...statuses)', { statuses: filter.statuses?.length ? filter.statuses : DEFAULT_STATUSES });
    if (filter.objectiveId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM bank_item_objectives o WHERE o.school_id = i.school_id AND o.item_id = i.id
                   AND o.version_no = i.version_no AND o.objective_id = :objectiveId)`,
        { objectiveId: filter.objectiveId },
      );
    }
    searchTerms(filter.text ?? '').forEach((term, n) => {
      qb.andWhere(`i.search_grams @> CAST(:grams${n} AS text[])`, { [`grams${n}`]: term.grams });
      qb.andWhere(`i.search_text LIKE :like${n}`, { [`like${n}`]: likePattern(term.text) });
    });
    await this.applyVisibility(ctx, qb);
    if (after) {
      const [at, id] = decodeCursor(after, 2);
      if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !UUID.test(id)) {
        throw new InvalidInputError('after', RequestErrors.BAD_CURSOR);
      }
      qb.andWhere('(i.created_at, i.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', { afterAt: String(at), afterId: String(id) });
    }

    const { entities, raw } = await qb.getRawAndEntities();
    const cursorOf = new Map(entities.map((e, i) => [e, raw[i].cursor_at as string]));
    return pageOf(entities, first, (e) => [cursorOf.get(e), e.id], (e) => e);
  }

  /** Drafts are seen by their research group and reviewers; other staff see approved items. */
  private async applyVisibility(ctx: RequestContext, qb: SelectQueryBuilder<BankItem>): Promise<void> {
    if (ctx.hasRole(Role.ACADEMIC_OFFICE)) return;
    const groupIds = [...ctx.viewer.groupIds, ...ctx.viewer.ledGroupIds];
    const groups = groupIds.length ? await ctx.loaders.researchGroupById.loadMany(groupIds) : [];
    const keys = groups.filter((g): g is ResearchGroup => !!g && !(g instanceof Error)).map((g) => `${g.subjectId}:${g.grade}`);
    qb.andWhere(
      new Brackets((w) => {
        w.where('i.approved_version_no IS NOT NULL').orWhere('i.author_id = :viewerId', { viewerId: ctx.viewer.userId });
        if (keys.length) w.orWhere(`(i.subject_id::text || ':' || i.grade::text) IN (:...groupKeys)`, { groupKeys: keys });
      }),
    );
  }
}

export const bankSearchService = new BankSearchService();
