import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { RequestContext, TxContext } from '../../core/context';
import { addDays, isoWeekday } from '../../core/dates';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation, RuleViolations } from '../../core/errors';
import { checkRevision } from '../../core/revision';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { requireMember, requireStaff } from '../bank/bank-access';
import { BankItem, BankItemVersion } from '../bank/bank-item.entity';
import { HomeworkForm, ItemStatus } from '../bank/bank.enums';
import { Unit } from '../bank/unit.entity';
import { lockLoadRules } from '../load/load.service';
import { ResearchGroup } from '../research-group/research-group.entity';
import { WeeklyList, WeeklyListAction, WeeklyListEntry, WeeklyListStatus } from './weekly-list.entity';
import { listLoad, loadViolations, subjectBudgetViolations } from './weekly-list-load';
import { deadlineSettingIn, recordEvent, refuseStep } from './weekly-list-review.service';
import { Deadline, deadlineOf, isInPlan, minutesLate } from './weekly-list-review.policy';
import { gradeTotals, PlannedEntry } from './weekly-list.policy';
import { WeeklyListErrors, WeeklyListMessages } from './weekly-list.errors';
import { BankErrors } from '../bank/bank.errors';
import { RequestErrors } from '../../core/request-errors';

export interface EntryInput {
  day: string;
  unitId: string;
  itemId?: string | null;
  description?: string | null;
  form?: HomeworkForm | null;
  predictedMinutes?: number | null;
  /** Done at home (the default) or in school. */
  atHome?: boolean | null;
}

export interface WeeklyListSaveInput {
  groupId: string;
  weekStart: string;
  /** Required when the list already exists. */
  expectedRevision?: number | null;
  entries: EntryInput[];
}

export interface WeekOverview {
  weekStart: string;
  deadline: Deadline;
  /** Whether the deadline has passed (the service's clock). */
  pastDeadline: boolean;
  lists: WeeklyList[];
  groupsNotFiled: ResearchGroup[];
  grades: ReturnType<typeof gradeTotals>;
}

export function checkMonday(weekStart: string): void {
  if (isoWeekday(weekStart) !== 1) throw new InvalidInputError('weekStart', RequestErrors.WEEK_START_NOT_MONDAY);
}

export class WeeklyListService {
  async get(ctx: RequestContext, groupId: string, weekStart: string): Promise<WeeklyList | null> {
    requireStaff(ctx);
    checkMonday(weekStart);
    return ctx.db.getRepository(WeeklyList).findOneBy({ schoolId: ctx.schoolId, groupId, weekStart });
  }

  async byId(ctx: RequestContext, id: string): Promise<WeeklyList> {
    requireStaff(ctx);
    const list = await ctx.db.getRepository(WeeklyList).findOneBy({ schoolId: ctx.schoolId, id });
    if (!list) throw new NotFoundError('WeeklyList', id);
    return list;
  }

  async entries(ctx: RequestContext, listId: string): Promise<WeeklyListEntry[]> {
    return ctx.loaders.entriesByListId.load(listId);
  }

  /**
   * Saves a group's planned homework for a week, replacing its entries. Members of the group
   * only; a filed or approved list is locked (a returned one is edited again and stays
   * returned until it is filed); entries must fall in the week, name units of the group's
   * subject and grade, and name only approved items (their approved version is planned).
   * The load check is not a refusal here: a draft may be over, `loadCheck` shows where.
   */
  async save(ctx: RequestContext, input: WeeklyListSaveInput): Promise<WeeklyList> {
    checkMonday(input.weekStart);
    return withTransaction(ctx, async (txCtx) => {
      const db = txCtx.db;
      const group = await db.findOneBy(ResearchGroup, { schoolId: ctx.schoolId, id: input.groupId });
      if (!group) throw new NotFoundError('ResearchGroup', input.groupId);
      requireMember(ctx, group, "file this group's weekly homework list");
      let list = await db.findOne(WeeklyList, {
        where: { schoolId: ctx.schoolId, groupId: group.id, weekStart: input.weekStart }, lock: { mode: 'pessimistic_write' },
      });
      if (list) {
        refuseStep(list, 'save');
        if (input.expectedRevision == null) throw new InvalidInputError('expectedRevision', RequestErrors.EXPECTED_REVISION_REQUIRED, { what: 'list' });
        checkRevision('The weekly list', list.revision, input.expectedRevision);
      }
      const entries = await this.buildEntries(txCtx, group, input);
      if (!list) {
        list = db.create(WeeklyList, {
          schoolId: ctx.schoolId, id: randomUUID(), groupId: group.id, weekStart: input.weekStart,
          status: WeeklyListStatus.DRAFT, revision: 1, updatedBy: ctx.viewer.userId,
        });
        await db.insert(WeeklyList, list);
      } else {
        await db.update(WeeklyList, { schoolId: ctx.schoolId, id: list.id }, {
          revision: list.revision + 1, updatedBy: ctx.viewer.userId, updatedAt: ctx.clock.now(),
        });
        await db.delete(WeeklyListEntry, { schoolId: ctx.schoolId, listId: list.id });
      }
      if (entries.length) await db.insert(WeeklyListEntry, entries.map((e) => ({ ...e, listId: list!.id })));
      return db.findOneByOrFail(WeeklyList, { schoolId: ctx.schoolId, id: list.id });
    });
  }

  /**
   * Files the list with the academic office; it is locked from then on (until the office
   * returns it). Refused when a day of the grade would go over a cap with this list and the
   * grade's other filed lists. Filed after the school's deadline it is accepted and marked late
   * (minutes late, measured at its first filing), so that no class is left without a list.
   */
  async file(ctx: RequestContext, listId: string, expectedRevision: number): Promise<WeeklyList> {
    return withTransaction(ctx, async (txCtx) => {
      const db = txCtx.db;
      const list = await db.findOne(WeeklyList, { where: { schoolId: ctx.schoolId, id: listId }, lock: { mode: 'pessimistic_write' } });
      if (!list) throw new NotFoundError('WeeklyList', listId);
      const group = await db.findOneByOrFail(ResearchGroup, { schoolId: ctx.schoolId, id: list.groupId });
      requireMember(ctx, group, "file this group's weekly homework list");
      refuseStep(list, 'file');
      checkRevision('The weekly list', list.revision, expectedRevision);
      // One filing at a time per grade and week, and none while the caps or the calendar change:
      // two groups filing at once each see the other's list.
      await db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`weekly-list:${ctx.schoolId}:${group.grade}:${list.weekStart}`]);
      await lockLoadRules(db, ctx.schoolId, 'check');
      const entries = await db.find(WeeklyListEntry, { where: { schoolId: ctx.schoolId, listId: list.id }, order: { day: 'ASC', sortOrder: 'ASC' } });
      const violations = loadViolations(await listLoad(txCtx, list, group, entries));
      violations.push(...await subjectBudgetViolations(txCtx, list, group, entries));
      if (violations.length) throw new RuleViolations(violations);

      const now = ctx.clock.now();
      const late = list.firstFiledAt ? list.minutesLate : minutesLate(deadlineOf(list.weekStart, await deadlineSettingIn(txCtx)), now);
      await db.update(WeeklyList, { schoolId: ctx.schoolId, id: list.id }, {
        status: WeeklyListStatus.FILED, revision: list.revision + 1, filedAt: now, filedBy: ctx.viewer.userId,
        firstFiledAt: list.firstFiledAt ?? now, minutesLate: late, updatedBy: ctx.viewer.userId, updatedAt: now,
      });
      await recordEvent(txCtx, list.id, WeeklyListAction.FILED, list.revision + 1, now, null, late);
      return db.findOneByOrFail(WeeklyList, { schoolId: ctx.schoolId, id: list.id });
    });
  }

  /**
   * Every group's list for a week side by side (academic office), with the predicted daily
   * total per grade over the filed and approved lists, the groups that have not filed (a draft
   * or a returned list is not filed), and the week's deadline.
   */
  async overview(ctx: RequestContext, weekStart: string): Promise<WeekOverview> {
    if (!ctx.hasRole(Role.ACADEMIC_OFFICE)) throw new ForbiddenError(WeeklyListMessages.ALL_LISTS_OFFICE_ONLY);
    checkMonday(weekStart);
    const [lists, groups] = await Promise.all([
      ctx.db.getRepository(WeeklyList).find({ where: { schoolId: ctx.schoolId, weekStart } }),
      ctx.db.getRepository(ResearchGroup).find({ where: { schoolId: ctx.schoolId }, order: { grade: 'ASC', name: 'ASC' } }),
    ]);
    const groupById = new Map(groups.map((g) => [g.id, g]));
    const filed = lists.filter((l) => isInPlan(l.status));
    const entries = filed.length
      ? await ctx.db.getRepository(WeeklyListEntry).findBy({ schoolId: ctx.schoolId, listId: In(filed.map((l) => l.id)) })
      : [];
    const gradeOfList = new Map(filed.map((l) => [l.id, groupById.get(l.groupId)!.grade]));
    const planned: PlannedEntry[] = entries.map((e) => ({ day: e.day, grade: gradeOfList.get(e.listId)!, form: e.form, predictedMinutes: e.predictedMinutes, atHome: e.atHome }));
    const filedGroups = new Set(filed.map((l) => l.groupId));
    lists.sort((a, b) => groupById.get(a.groupId)!.grade - groupById.get(b.groupId)!.grade);
    const deadline = deadlineOf(weekStart, await deadlineSettingIn(ctx));
    return {
      weekStart, deadline, pastDeadline: ctx.clock.now() > deadline.at, lists,
      groupsNotFiled: groups.filter((g) => !filedGroups.has(g.id)), grades: gradeTotals(weekStart, planned),
    };
  }

  private async buildEntries(ctx: TxContext, group: ResearchGroup, input: WeeklyListSaveInput) {
    const db = ctx.db;
    const lastDay = addDays(input.weekStart, 6);
    const unitIds = [...new Set(input.entries.map((e) => e.unitId))];
    const units = unitIds.length ? await db.findBy(Unit, { schoolId: ctx.schoolId, id: In(unitIds) }) : [];
    const unitById = new Map(units.map((u) => [u.id, u]));
    const itemIds = [...new Set(input.entries.flatMap((e) => (e.itemId ? [e.itemId] : [])))];
    const items = itemIds.length ? await db.findBy(BankItem, { schoolId: ctx.schoolId, id: In(itemIds) }) : [];
    const itemById = new Map(items.map((i) => [i.id, i]));
    const versions = items.length
      ? await db.findBy(BankItemVersion, { schoolId: ctx.schoolId, itemId: In(items.map((i) => i.id)) })
      : [];

    return input.entries.map((e, index): Omit<WeeklyListEntry, 'listId'> => {
      const where = `entries[${index}]`;
      if (e.day < input.weekStart || e.day > lastDay) {
        throw new RuleViolation(WeeklyListErrors.DAY_OUTSIDE_WEEK, [where, 'day'], { where, day: e.day, weekStart: input.weekStart, lastDay });
      }
      const unit = unitById.get(e.unitId);
      if (!unit || unit.subjectId !== group.subjectId || unit.grade !== group.grade) {
        throw new InvalidInputError(`${where}.unitId`, WeeklyListMessages.UNIT_OF_ANOTHER_GROUP, { where, group: group.name });
      }
      let versionNo: number | null = null;
      let fromItem: BankItemVersion | undefined;
      if (e.itemId) {
        const item = itemById.get(e.itemId);
        if (!item || item.unitId !== unit.id) throw new InvalidInputError(`${where}.itemId`, WeeklyListMessages.ITEM_OF_ANOTHER_UNIT, { where });
        if (item.approvedVersionNo === null || item.status === ItemStatus.RETIRED) {
          throw new RuleViolation(BankErrors.ITEM_NOT_APPROVED, [where, 'itemId'], { title: item.title });
        }
        versionNo = item.approvedVersionNo;
        fromItem = versions.find((v) => v.itemId === item.id && v.versionNo === versionNo);
      }
      const description = e.description?.trim() || fromItem?.title;
      const predictedMinutes = e.predictedMinutes ?? fromItem?.predictedMinutes;
      if (!description) throw new InvalidInputError(`${where}.description`, WeeklyListMessages.DESCRIPTION_REQUIRED, { where });
      if (!predictedMinutes) throw new InvalidInputError(`${where}.predictedMinutes`, WeeklyListMessages.MINUTES_REQUIRED, { where });
      return {
        schoolId: ctx.schoolId, id: randomUUID(), day: e.day, sortOrder: index + 1, unitId: unit.id, itemId: e.itemId ?? null,
        versionNo, description, form: e.form ?? fromItem?.form ?? HomeworkForm.WRITTEN, predictedMinutes, atHome: e.atHome ?? true,
      };
    });
  }
}

export const weeklyListService = new WeeklyListService();
