import { randomUUID } from 'node:crypto';
import { RequestContext, TxContext } from '../../core/context';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { idempotent } from '../../core/idempotency';
import { checkRevision } from '../../core/revision';
import { withTransaction } from '../../core/transaction';
import { canReview, groupOf, isGroupMember, requireMember, requireReviewer, requireStaff } from './bank-access';
import { BankItem, BankItemObjective, BankItemVersion } from './bank-item.entity';
import {
  HomeworkForm, ItemStatus, KnowledgeOrFun, PracticalOrHumanistic, PrescribedOrSelfChosen, Provenance, RoutineOrStage, Tier,
} from './bank.enums';
import { versionKey } from './bank.loaders';
import { editCreatesNewVersion, ItemAction, normalizeText, searchGrams, transition } from './bank.policy';
import { Unit } from './unit.entity';
import { unitService } from './unit.service';
import { BankErrors, BankMessages } from './bank.errors';
import { School } from '../school/school.entity';
import { gradesOf } from '../school/school.policy';
import { SchoolErrors } from '../school/school.errors';

/** The content of one version of an item. */
export interface ItemContent {
  title: string;
  body: string;
  answerGuide: string;
  tier: Tier;
  form: HomeworkForm;
  predictedMinutes: number;
  difficulty: number;
  beyondCurriculumStandard: boolean;
  routineOrStage: RoutineOrStage;
  prescribedOrSelfChosen: PrescribedOrSelfChosen;
  knowledgeOrFun: KnowledgeOrFun;
  practicalOrHumanistic: PracticalOrHumanistic;
  provenance: Provenance;
  sourceItemId?: string | null;
  sourceNote?: string | null;
  needsParent: boolean;
  needsPhone: boolean;
  repetitive: boolean;
  composition: boolean;
  objectiveIds: string[];
}

export class BankItemService {
  /** An item the caller may see: members and reviewers see every item, other staff approved ones. */
  async get(ctx: RequestContext, id: string): Promise<BankItem> {
    requireStaff(ctx);
    const item = await ctx.loaders.bankItemById.load(id);
    if (!item || !(await this.canSeeWorkingCopy(ctx, item)) && item.approvedVersionNo === null) {
      throw new NotFoundError('BankItem', id);
    }
    return item;
  }

  /** Like get, but null instead of NOT_FOUND. */
  async find(ctx: RequestContext, id: string): Promise<BankItem | null> {
    try {
      return await this.get(ctx, id);
    } catch (e) {
      if (e instanceof NotFoundError || e instanceof ForbiddenError) return null;
      throw e;
    }
  }

  /** Whether the caller sees drafts and history of this item (its group and reviewers). */
  async canSeeWorkingCopy(ctx: RequestContext, item: BankItem): Promise<boolean> {
    if (ctx.viewer.userId === item.authorId) return true;
    const group = await groupOf(ctx, item.subjectId, item.grade);
    return isGroupMember(ctx, group) || canReview(ctx, group);
  }

  /** The version the caller reads: the working one for its group, the approved one for others. */
  async shownVersion(ctx: RequestContext, item: BankItem): Promise<BankItemVersion> {
    const no = (await this.canSeeWorkingCopy(ctx, item)) ? item.versionNo : item.approvedVersionNo!;
    return (await ctx.loaders.bankItemVersionByKey.load(versionKey(item.id, no)))!;
  }

  async version(ctx: RequestContext, item: BankItem, versionNo: number | null): Promise<BankItemVersion | null> {
    if (versionNo === null) return null;
    if (versionNo !== item.approvedVersionNo && !(await this.canSeeWorkingCopy(ctx, item))) return null;
    return ctx.loaders.bankItemVersionByKey.load(versionKey(item.id, versionNo));
  }

  /** Every version, newest first, for those who see the working copy; otherwise the approved one. */
  async history(ctx: RequestContext, item: BankItem): Promise<BankItemVersion[]> {
    const all = await ctx.loaders.versionsByItemId.load(item.id);
    if (await this.canSeeWorkingCopy(ctx, item)) return all;
    return all.filter((v) => v.versionNo === item.approvedVersionNo);
  }

  async objectiveIds(ctx: RequestContext, version: BankItemVersion): Promise<string[]> {
    return (await ctx.loaders.objectiveIdsByVersionKey.load(versionKey(version.itemId, version.versionNo))).map((o) => o.objectiveId);
  }

  /**
   * Creates a draft item in a unit; members of the unit's research group only. A retry with the
   * same client key answers the first item.
   */
  async create(ctx: RequestContext, unitId: string, content: ItemContent, clientKey?: string | null): Promise<BankItem> {
    return withTransaction(ctx, (txCtx) => idempotent(txCtx, { operation: 'bankItemCreate', clientKey, input: { unitId, content } },
      (id) => txCtx.db.findOneByOrFail(BankItem, { schoolId: txCtx.schoolId, id }), async () => {
      const unit = await txCtx.db.findOneBy(Unit, { schoolId: txCtx.schoolId, id: unitId });
      if (!unit) throw new NotFoundError('Unit', unitId);
      requireMember(txCtx, await groupOf(txCtx, unit.subjectId, unit.grade), 'add items to this unit');
      return this.insertDraft(txCtx, unit, content);
    }));
  }

  /** Writes a new draft item inside the caller's transaction, `ctx.db` (the caller checked membership). */
  async insertDraft(ctx: TxContext, unit: Unit, content: ItemContent, createdAt = new Date()): Promise<BankItem> {
    const id = randomUUID();
    await ctx.db.insert(BankItem, {
      createdAt, updatedAt: createdAt,
      schoolId: ctx.schoolId, id, unitId: unit.id, subjectId: unit.subjectId, grade: unit.grade, authorId: ctx.viewer.userId,
      status: ItemStatus.DRAFT, revision: 1, versionNo: 1, approvedVersionNo: null, ...this.searchFields(content),
    });
    await this.writeVersion(ctx, unit, id, 1, content, true);
    return ctx.db.findOneByOrFail(BankItem, { schoolId: ctx.schoolId, id });
  }


  /**
   * Edits an item. A draft or returned item changes in place; an approved item gets a new
   * draft version while the approved one stays assignable. Refuses a stale revision.
   */
  async update(ctx: RequestContext, itemId: string, expectedRevision: number, content: ItemContent): Promise<BankItem> {
    return withTransaction(ctx, async (txCtx) => {
      const item = await this.lockItem(txCtx, itemId);
      const unit = await txCtx.db.findOneByOrFail(Unit, { schoolId: txCtx.schoolId, id: item.unitId });
      requireMember(txCtx, await groupOf(txCtx, item.subjectId, item.grade), 'edit this item');
      checkRevision('The item', item.revision, expectedRevision);
      this.nextStatus(item, 'edit');
      const versionNo = editCreatesNewVersion(item.status) ? item.versionNo + 1 : item.versionNo;
      await this.writeVersion(txCtx, unit, item.id, versionNo, content, versionNo !== item.versionNo);
      await txCtx.db.update(BankItem, { schoolId: txCtx.schoolId, id: item.id }, {
        status: ItemStatus.DRAFT, versionNo, revision: item.revision + 1, updatedAt: new Date(), ...this.searchFields(content),
      });
      return txCtx.db.findOneByOrFail(BankItem, { schoolId: txCtx.schoolId, id: item.id });
    });
  }

  /** Sends the working version to the group lead; refuses content beyond the curriculum standard. */
  async submit(ctx: RequestContext, itemId: string, expectedRevision: number): Promise<BankItem> {
    return this.move(ctx, itemId, expectedRevision, 'submit', async (txCtx, item) => {
      requireMember(txCtx, await groupOf(txCtx, item.subjectId, item.grade), 'submit this item');
      const version = await txCtx.db.findOneByOrFail(BankItemVersion, { schoolId: txCtx.schoolId, itemId: item.id, versionNo: item.versionNo });
      if (version.beyondStandard) {
        throw new RuleViolation(BankErrors.BEYOND_CURRICULUM_STANDARD, ['beyondCurriculumStandard']);
      }
      return {};
    });
  }

  /** The lead (or academic office) approves: the working version becomes the assignable one. */
  async approve(ctx: RequestContext, itemId: string, expectedRevision: number): Promise<BankItem> {
    return this.move(ctx, itemId, expectedRevision, 'approve', async (txCtx, item) => {
      await this.checkReviewer(txCtx, item, 'approve');
      await txCtx.db.update(BankItemVersion, { schoolId: txCtx.schoolId, itemId: item.id, versionNo: item.versionNo }, { approvedAt: new Date() });
      return { approvedVersionNo: item.versionNo, reviewedBy: txCtx.viewer.userId, reviewComment: null };
    });
  }

  /** The lead (or academic office) returns an item with a comment; its members may edit it again. */
  async return(ctx: RequestContext, itemId: string, expectedRevision: number, comment: string): Promise<BankItem> {
    return this.move(ctx, itemId, expectedRevision, 'return', async (txCtx, item) => {
      await this.checkReviewer(txCtx, item, 'return');
      return { reviewedBy: txCtx.viewer.userId, reviewComment: comment.trim() };
    });
  }

  /** Takes an item out of use for new assignments; existing assignments keep their version. */
  async retire(ctx: RequestContext, itemId: string, expectedRevision: number): Promise<BankItem> {
    return this.move(ctx, itemId, expectedRevision, 'retire', async (txCtx, item) => {
      requireReviewer(txCtx, await groupOf(txCtx, item.subjectId, item.grade), 'retire items');
      return {};
    });
  }

  /**
   * The item's research group (its lead, or the academic office) marks the item as suited to
   * other grades of the school too; it may then be assigned to classes of those grades. The
   * item's own grade always counts; `grades` replaces the other ones.
   */
  async setSuitedGrades(ctx: RequestContext, itemId: string, grades: number[], expectedRevision: number): Promise<BankItem> {
    return withTransaction(ctx, async (txCtx) => {
      const item = await this.lockItem(txCtx, itemId);
      requireReviewer(txCtx, await groupOf(txCtx, item.subjectId, item.grade), 'mark the grades an item suits');
      checkRevision('The item', item.revision, expectedRevision);
      const school = await txCtx.db.findOneByOrFail(School, { id: txCtx.schoolId });
      const outside = grades.find((g) => !gradesOf(school.stage).includes(g));
      if (outside !== undefined) throw new RuleViolation(SchoolErrors.GRADE_NOT_IN_SCHOOL, ['grades'], { grade: outside, school: school.name });
      const also = [...new Set(grades)].filter((g) => g !== item.grade).sort((a, b) => a - b);
      await txCtx.db.update(BankItem, { schoolId: txCtx.schoolId, id: item.id }, { alsoSuitedGrades: also, revision: item.revision + 1, updatedAt: new Date() });
      return txCtx.db.findOneByOrFail(BankItem, { schoolId: txCtx.schoolId, id: item.id });
    });
  }

  private async move(
    ctx: RequestContext, itemId: string, expectedRevision: number, action: ItemAction,
    check: (txCtx: TxContext, item: BankItem) => Promise<Partial<BankItem>>,
  ): Promise<BankItem> {
    return withTransaction(ctx, async (txCtx) => {
      const item = await this.lockItem(txCtx, itemId);
      const changes = await check(txCtx, item);
      checkRevision('The item', item.revision, expectedRevision);
      const status = this.nextStatus(item, action);
      await txCtx.db.update(BankItem, { schoolId: txCtx.schoolId, id: item.id }, {
        ...changes, status, revision: item.revision + 1, updatedAt: new Date(),
      });
      return txCtx.db.findOneByOrFail(BankItem, { schoolId: txCtx.schoolId, id: item.id });
    });
  }

  private nextStatus(item: BankItem, action: ItemAction): ItemStatus {
    const next = transition(item.status, action);
    if (!next) {
      throw new RuleViolation(BankErrors.INVALID_TRANSITION, [], { status: item.status, action });
    }
    return next;
  }

  private async checkReviewer(ctx: TxContext, item: BankItem, action: 'approve' | 'return'): Promise<void> {
    requireReviewer(ctx, await groupOf(ctx, item.subjectId, item.grade), `${action} items`);
    const version = await ctx.db.findOneByOrFail(BankItemVersion, { schoolId: ctx.schoolId, itemId: item.id, versionNo: item.versionNo });
    if (item.authorId === ctx.viewer.userId || version.editedBy === ctx.viewer.userId) {
      throw new RuleViolation(BankErrors.OWN_ITEM_REVIEW, [], { action });
    }
  }

  private async lockItem(ctx: TxContext, itemId: string): Promise<BankItem> {
    const item = await ctx.db.findOne(BankItem, { where: { schoolId: ctx.schoolId, id: itemId }, lock: { mode: 'pessimistic_write' } });
    if (!item) throw new NotFoundError('BankItem', itemId);
    return item;
  }

  private searchFields(c: ItemContent) {
    const text = `${c.title} ${c.body}`;
    return {
      title: c.title.trim(), tier: c.tier, form: c.form, predictedMinutes: c.predictedMinutes,
      searchText: normalizeText(text), searchGrams: searchGrams(text),
    };
  }

  private async writeVersion(
    ctx: TxContext, unit: Unit, itemId: string, versionNo: number, c: ItemContent, isNew: boolean,
  ): Promise<void> {
    await unitService.checkObjectivesOfUnit(ctx, unit.id, c.objectiveIds);
    const source = await this.sourceOf(ctx, itemId, c);
    const row = {
      title: c.title.trim(), body: c.body, answerGuide: c.answerGuide, tier: c.tier, form: c.form,
      predictedMinutes: c.predictedMinutes, difficulty: c.difficulty, beyondStandard: c.beyondCurriculumStandard,
      routineOrStage: c.routineOrStage, prescribedOrSelfChosen: c.prescribedOrSelfChosen, knowledgeOrFun: c.knowledgeOrFun,
      practicalOrHumanistic: c.practicalOrHumanistic, provenance: c.provenance, sourceItemId: source?.itemId ?? null,
      sourceVersionNo: source?.versionNo ?? null, sourceNote: c.sourceNote?.trim() || null, needsParent: c.needsParent,
      needsPhone: c.needsPhone, repetitive: c.repetitive, composition: c.composition, editedBy: ctx.viewer.userId, updatedAt: new Date(),
    };
    const key = { schoolId: ctx.schoolId, itemId, versionNo };
    if (isNew) await ctx.db.insert(BankItemVersion, { ...key, ...row });
    else {
      await ctx.db.update(BankItemVersion, key, row);
      await ctx.db.delete(BankItemObjective, key);
    }
    const objectiveIds = [...new Set(c.objectiveIds)];
    if (objectiveIds.length) await ctx.db.insert(BankItemObjective, objectiveIds.map((objectiveId) => ({ ...key, objectiveId })));
  }

  /** An adapted item names the approved bank item it adapts (改编); others name none. */
  private async sourceOf(ctx: TxContext, itemId: string, c: ItemContent) {
    if (c.provenance !== Provenance.ADAPTED) {
      if (c.sourceItemId) throw new InvalidInputError('sourceItemId', BankMessages.SOURCE_ONLY_FOR_ADAPTED);
      return null;
    }
    if (!c.sourceItemId) throw new InvalidInputError('sourceItemId', BankMessages.SOURCE_REQUIRED);
    if (c.sourceItemId === itemId) throw new InvalidInputError('sourceItemId', BankMessages.SOURCE_IS_SELF);
    const source = await ctx.db.findOneBy(BankItem, { schoolId: ctx.schoolId, id: c.sourceItemId });
    if (!source || source.approvedVersionNo === null) {
      throw new InvalidInputError('sourceItemId', BankMessages.SOURCE_NOT_APPROVED);
    }
    return { itemId: source.id, versionNo: source.approvedVersionNo };
  }
}

export const bankItemService = new BankItemService();
