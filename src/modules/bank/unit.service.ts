import { randomUUID } from 'node:crypto';
import { RequestContext, TxContext } from '../../core/context';
import { InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { idempotent } from '../../core/idempotency';
import { checkRevision } from '../../core/revision';
import { withTransaction } from '../../core/transaction';
import { School, Subject, Term } from '../school/school.entity';
import { gradesOf } from '../school/school.policy';
import { groupOf, requireMember, requireStaff } from './bank-access';
import { ObjectiveKind } from './bank.enums';
import { Unit, UnitObjective } from './unit.entity';
import { BankErrors, BankMessages } from './bank.errors';
import { SchoolErrors } from '../school/school.errors';

export interface ObjectiveInput {
  kind: ObjectiveKind;
  description: string;
}

export interface UnitCreateInput {
  subjectId: string;
  grade: number;
  termId: string;
  volume: string;
  sortOrder: number;
  title: string;
  objectives: ObjectiveInput[];
}

export interface UnitUpdateInput {
  unitId: string;
  expectedRevision: number;
  volume?: string | null;
  sortOrder?: number | null;
  title?: string | null;
}

export interface UnitFilter {
  subjectId?: string | null;
  grade?: number | null;
  termId?: string | null;
}

export class UnitService {
  /** Units of the school (staff), ordered by grade, subject, term and order. */
  async list(ctx: RequestContext, filter: UnitFilter): Promise<Unit[]> {
    requireStaff(ctx);
    const where: Record<string, unknown> = { schoolId: ctx.schoolId };
    if (filter.subjectId) where.subjectId = filter.subjectId;
    if (filter.grade) where.grade = filter.grade;
    if (filter.termId) where.termId = filter.termId;
    return ctx.db.getRepository(Unit).find({ where, order: { grade: 'ASC', subjectId: 'ASC', termId: 'ASC', sortOrder: 'ASC' } });
  }

  async get(ctx: RequestContext, id: string): Promise<Unit> {
    requireStaff(ctx);
    const unit = await ctx.loaders.unitById.load(id);
    if (!unit) throw new NotFoundError('Unit', id);
    return unit;
  }

  async objectives(ctx: RequestContext, unitId: string): Promise<UnitObjective[]> {
    return ctx.loaders.objectivesByUnitId.load(unitId);
  }

  /** Objectives by id, in the order given, skipping missing ones. */
  async objectivesByIds(ctx: RequestContext, ids: string[]): Promise<UnitObjective[]> {
    requireStaff(ctx);
    const rows = await ctx.loaders.objectiveById.loadMany(ids);
    return rows.filter((o): o is UnitObjective => !!o && !(o instanceof Error));
  }

  /**
   * Creates a unit with its objectives; members of the subject × grade research group only. A
   * retry with the same client key answers the first unit.
   */
  async create(ctx: RequestContext, input: UnitCreateInput, clientKey?: string | null): Promise<Unit> {
    return withTransaction(ctx, (txCtx) => idempotent(txCtx, { operation: 'unitCreate', clientKey, input },
      (id) => txCtx.db.findOneByOrFail(Unit, { schoolId: txCtx.schoolId, id }), () => this.insertUnit(txCtx, input)));
  }

  private async insertUnit(ctx: TxContext, input: UnitCreateInput): Promise<Unit> {
    const subject = await ctx.db.findOneBy(Subject, { schoolId: ctx.schoolId, id: input.subjectId });
    if (!subject) throw new NotFoundError('Subject', input.subjectId);
    const term = await ctx.db.findOneBy(Term, { schoolId: ctx.schoolId, id: input.termId });
    if (!term) throw new NotFoundError('Term', input.termId);
    const school = await ctx.db.findOneByOrFail(School, { id: ctx.schoolId });
    if (!gradesOf(school.stage).includes(input.grade)) {
      throw new RuleViolation(SchoolErrors.GRADE_NOT_IN_SCHOOL, ['grade'], { grade: input.grade, school: school.name });
    }
    requireMember(ctx, await groupOf(ctx, subject.id, input.grade), 'create units of this subject and grade');
    await this.checkOrderFree(ctx, subject.id, input.grade, term.id, input.sortOrder, null);
    const unit = ctx.db.create(Unit, {
      schoolId: ctx.schoolId, id: randomUUID(), subjectId: subject.id, grade: input.grade, termId: term.id,
      volume: input.volume.trim(), sortOrder: input.sortOrder, title: input.title.trim(), revision: 1,
    });
    await ctx.db.insert(Unit, unit);
    await ctx.db.insert(UnitObjective, input.objectives.map((o, i) => this.newObjective(ctx.schoolId, unit.id, o, i + 1)));
    return ctx.db.findOneByOrFail(Unit, { schoolId: ctx.schoolId, id: unit.id });
  }

  /** Renames, moves or re-files a unit; refuses a stale revision. */
  async update(ctx: RequestContext, input: UnitUpdateInput): Promise<Unit> {
    return withTransaction(ctx, async (txCtx) => {
      const unit = await this.lockUnit(txCtx, input.unitId);
      requireMember(txCtx, await groupOf(txCtx, unit.subjectId, unit.grade), 'edit units of this subject and grade');
      checkRevision('The unit', unit.revision, input.expectedRevision);
      if (input.sortOrder != null && input.sortOrder !== unit.sortOrder) {
        await this.checkOrderFree(txCtx, unit.subjectId, unit.grade, unit.termId, input.sortOrder, unit.id);
      }
      await txCtx.db.update(Unit, { schoolId: txCtx.schoolId, id: unit.id }, {
        volume: input.volume?.trim() ?? unit.volume,
        sortOrder: input.sortOrder ?? unit.sortOrder,
        title: input.title?.trim() ?? unit.title,
        revision: unit.revision + 1,
      });
      return txCtx.db.findOneByOrFail(Unit, { schoolId: txCtx.schoolId, id: unit.id });
    });
  }

  /** Adds an objective at the end of a unit's list. */
  async addObjective(ctx: RequestContext, unitId: string, input: ObjectiveInput): Promise<Unit> {
    return withTransaction(ctx, async (txCtx) => {
      const unit = await this.lockUnit(txCtx, unitId);
      requireMember(txCtx, await groupOf(txCtx, unit.subjectId, unit.grade), 'edit units of this subject and grade');
      const count = await txCtx.db.countBy(UnitObjective, { schoolId: txCtx.schoolId, unitId });
      await txCtx.db.insert(UnitObjective, this.newObjective(txCtx.schoolId, unitId, input, count + 1));
      await txCtx.db.update(Unit, { schoolId: txCtx.schoolId, id: unitId }, { revision: unit.revision + 1 });
      return txCtx.db.findOneByOrFail(Unit, { schoolId: txCtx.schoolId, id: unitId });
    });
  }

  /** Rewords an objective (items that cover it keep covering it). */
  async updateObjective(ctx: RequestContext, objectiveId: string, input: ObjectiveInput): Promise<Unit> {
    return withTransaction(ctx, async (txCtx) => {
      const objective = await txCtx.db.findOneBy(UnitObjective, { schoolId: txCtx.schoolId, id: objectiveId });
      if (!objective) throw new NotFoundError('UnitObjective', objectiveId);
      const unit = await this.lockUnit(txCtx, objective.unitId);
      requireMember(txCtx, await groupOf(txCtx, unit.subjectId, unit.grade), 'edit units of this subject and grade');
      await txCtx.db.update(UnitObjective, { schoolId: txCtx.schoolId, id: objectiveId }, { kind: input.kind, description: input.description.trim() });
      await txCtx.db.update(Unit, { schoolId: txCtx.schoolId, id: unit.id }, { revision: unit.revision + 1 });
      return txCtx.db.findOneByOrFail(Unit, { schoolId: txCtx.schoolId, id: unit.id });
    });
  }

  /** Checks, inside the caller's transaction, that `objectiveIds` all belong to the unit; BAD_USER_INPUT otherwise. */
  async checkObjectivesOfUnit(ctx: TxContext, unitId: string, objectiveIds: string[]): Promise<void> {
    if (objectiveIds.length === 0) return;
    const found = await ctx.db.findBy(UnitObjective, { schoolId: ctx.schoolId, unitId });
    const own = new Set(found.map((o) => o.id));
    const foreign = objectiveIds.filter((id) => !own.has(id));
    if (foreign.length) throw new InvalidInputError('objectiveIds', BankMessages.OBJECTIVES_OF_ANOTHER_UNIT, { count: foreign.length });
  }

  private async lockUnit(ctx: TxContext, unitId: string): Promise<Unit> {
    const unit = await ctx.db.findOne(Unit, { where: { schoolId: ctx.schoolId, id: unitId }, lock: { mode: 'pessimistic_write' } });
    if (!unit) throw new NotFoundError('Unit', unitId);
    return unit;
  }

  private newObjective(schoolId: string, unitId: string, o: ObjectiveInput, sortOrder: number): UnitObjective {
    return { schoolId, id: randomUUID(), unitId, kind: o.kind, description: o.description.trim(), sortOrder };
  }

  private async checkOrderFree(
    ctx: TxContext, subjectId: string, grade: number, termId: string, sortOrder: number, exceptId: string | null,
  ): Promise<void> {
    const other = await ctx.db.findOneBy(Unit, { schoolId: ctx.schoolId, subjectId, grade, termId, sortOrder });
    if (other && other.id !== exceptId) {
      throw new RuleViolation(BankErrors.UNIT_ORDER_TAKEN, ['sortOrder'], { sortOrder, otherTitle: other.title });
    }
  }
}

export const unitService = new UnitService();
