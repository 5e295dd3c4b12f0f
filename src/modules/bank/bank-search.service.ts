import { Brackets, SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../core/context';
import { InvalidInputError } from '../../core/errors';
import { decodeCursor, Page, pageOf } from '../../core/pagination';
import { Role } from '../../core/roles';
import { entityOfJson, jsonOfRow } from '../../core/entity-json';
import { ResearchGroup } from '../research-group/research-group.entity';
import { primeUser, UserWithFactsJson, userWithFactsSql } from '../user/user.loaders';
import { requireStaff } from './bank-access';
import { BankItem, BankItemVersion } from './bank-item.entity';
import { versionKey } from './bank.loaders';
import { Unit } from './unit.entity';
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

/** A search result row: JSON arrays of `jsonOfRow` (see the statement in `search`). */
interface SearchRow {
  id: string;
  item: unknown[];
  cursor_at: string;
  unit: unknown[] | null;
  research_group: unknown[] | null;
  versions: unknown[][] | null;
  author: UserWithFactsJson | null;
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
    this.applyVisibility(ctx, qb);
    if (after) {
      const [at, id] = decodeCursor(after, 2);
      if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !UUID.test(id)) {
        throw new InvalidInputError('after', RequestErrors.BAD_CURSOR);
      }
      qb.andWhere('(i.created_at, i.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', { afterAt: String(at), afterId: String(id) });
    }

    // The page's items with what a result list shows of them — the unit, the research group
    // (which decides the version shown), the working and approved versions, the author and the
    // facts of the author's visibility — in this one statement, put in the request's loaders.
    const db = ctx.db;
    const rows: SearchRow[] = await qb
      .select('i.id', 'id')
      .addSelect(jsonOfRow(db, BankItem, 'i'), 'item')
      .addSelect(`to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_at')
      .addSelect(`(SELECT ${jsonOfRow(db, Unit, 'un')} FROM units un WHERE un.school_id = i.school_id AND un.id = i.unit_id)`, 'unit')
      .addSelect(`(SELECT ${jsonOfRow(db, ResearchGroup, 'rg')} FROM research_groups rg
                    WHERE rg.school_id = i.school_id AND rg.subject_id = i.subject_id AND rg.grade = i.grade)`, 'research_group')
      .addSelect(`(SELECT json_agg(${jsonOfRow(db, BankItemVersion, 'v')}) FROM bank_item_versions v
                    WHERE v.school_id = i.school_id AND v.item_id = i.id AND v.version_no IN (i.version_no, i.approved_version_no))`, 'versions')
      .addSelect(userWithFactsSql(db, 'i.school_id', 'i.author_id'), 'author')
      .getRawMany();
    return pageOf(rows, first, (row) => [row.cursor_at, row.id], (row) => this.prime(ctx, row));
  }

  /** Puts a search row's item and what came with it in the request's loaders; the item. */
  private prime(ctx: RequestContext, row: SearchRow): BankItem {
    const loaders = ctx.loaders;
    const item = entityOfJson(ctx.db, BankItem, row.item);
    loaders.bankItemById.prime(item.id, item);
    if (row.unit) loaders.unitById.prime(item.unitId, entityOfJson(ctx.db, Unit, row.unit));
    loaders.researchGroupBySubjectGrade.prime(`${item.subjectId}:${item.grade}`, row.research_group && entityOfJson(ctx.db, ResearchGroup, row.research_group));
    for (const values of row.versions ?? []) {
      const version = entityOfJson(ctx.db, BankItemVersion, values);
      loaders.bankItemVersionByKey.prime(versionKey(version.itemId, version.versionNo), version);
    }
    primeUser(ctx, row.author);
    return item;
  }

  /** Drafts are seen by their research group and reviewers; other staff see approved items. */
  private applyVisibility(ctx: RequestContext, qb: SelectQueryBuilder<BankItem>): void {
    if (ctx.hasRole(Role.ACADEMIC_OFFICE)) return;
    const groupIds = [...ctx.viewer.groupIds, ...ctx.viewer.ledGroupIds];
    qb.andWhere(
      new Brackets((w) => {
        w.where('i.approved_version_no IS NOT NULL').orWhere('i.author_id = :viewerId', { viewerId: ctx.viewer.userId });
        if (groupIds.length) {
          w.orWhere(`(i.subject_id, i.grade) IN (SELECT g.subject_id, g.grade FROM research_groups g
                       WHERE g.school_id = i.school_id AND g.id IN (:...groupIds))`, { groupIds });
        }
      }),
    );
  }
}

export const bankSearchService = new BankSearchService();
