import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../../core/context';
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
      (id) => txCtx.db.findOneByOrFail(Unit, { schoolId: ctx.schoolId, id }), async () => {
      const tx = txCtx.db;
      const subject = await tx.findOneBy(Subject, { schoolId: ctx.schoolId, id: input.subjectId });
      if (!subject) throw new NotFoundError('Subject', input.subjectId);
      const term = await tx.findOneBy(Term, { schoolId: ctx.schoolId, id: input.termId });
      if (!term) throw new NotFoundError('Term', input.termId);
      const school = await tx.findOneByOrFail(School, { id: ctx.schoolId });
      if (!gradesOf(school.stage).includes(input.grade)) {
        throw new RuleViolation(SchoolErrors.GRADE_NOT_IN_SCHOOL, ['grade'], { grade: input.grade, school: school.name });
      }
      requireMember(ctx, await groupOf(ctx, subject.id, input.grade, tx), 'create units of this subject and grade');
      await this.checkOrderFree(tx, ctx.schoolId, subject.id, input.grade, term.id, input.sortOrder, null);
      const unit = tx.create(Unit, {
        schoolId: ctx.schoolId, id: randomUUID(), subjectId: subject.id, grade: input.grade, termId: term.id,
        volume: input.volume.trim(), sortOrder: input.sortOrder, title: input.title.trim(), revision: 1,
      });
      await tx.insert(Unit, unit);
      await tx.insert(UnitObjective, input.objectives.map((o, i) => this.newObjective(ctx.schoolId, unit.id, o, i + 1)));
      return tx.findOneByOrFail(Unit, { schoolId: ctx.schoolId, id: unit.id });
    }));
  }

  /** Renames, moves or re-files a unit; refuses a stale revision. */
  async update(ctx: RequestContext, input: UnitUpdateInput): Promise<Unit> {
    return withTransaction(ctx, async ({ db: tx }) => {
      const unit = await this.lockUnit(ctx, tx, input.unitId);
      requireMember(ctx, await groupOf(ctx, unit.subjectId, unit.grade, tx), 'edit units of this subject and grade');
      checkRevision('The unit', unit.revision, input.expectedRevision);
      if (input.sortOrder != null && input.sortOrder !== unit.sortOrder) {
        await this.checkOrderFree(tx, ctx.schoolId, unit.subjectId, unit.grade, unit.termId, input.sortOrder, unit.id);
      }
      await tx.update(Unit, { schoolId: ctx.schoolId, id: unit.id }, {
        volume: input.volume?.trim() ?? unit.volume,
        sortOrder: input.sortOrder ?? unit.sortOrder,
        title: input.title?.trim() ?? unit.title,
        revision: unit.revision + 1,
      });
      return tx.findOneByOrFail(Unit, { schoolId: ctx.schoolId, id: unit.id });
    });
  }

  /** Adds an objective at the end of a unit's list. */
  async addObjective(ctx: RequestContext, unitId: string, input: ObjectiveInput): Promise<Unit> {
    return withTransaction(ctx, async ({ db: tx }) => {
      const unit = await this.lockUnit(ctx, tx, unitId);
      requireMember(ctx, await groupOf(ctx, unit.subjectId, unit.grade, tx), 'edit units of this subject and grade');
      const count = await tx.countBy(UnitObjective, { schoolId: ctx.schoolId, unitId });
      await tx.insert(UnitObjective, this.newObjective(ctx.schoolId, unitId, input, count + 1));
      await tx.update(Unit, { schoolId: ctx.schoolId, id: unitId }, { revision: unit.revision + 1 });
      return tx.findOneByOrFail(Unit, { schoolId: ctx.schoolId, id: unitId });
    });
  }

  /** Rewords an objective (items that cover it keep covering it). */
  async updateObjective(ctx: RequestContext, objectiveId: string, input: ObjectiveInput): Promise<Unit> {
    return withTransaction(ctx, async ({ db: tx }) => {
      const objective = await tx.findOneBy(UnitObjective, { schoolId: ctx.schoolId, id: objectiveId });
      if (!objective) throw new NotFoundError('UnitObjective', objectiveId);
      const unit = await this.lockUnit(ctx, tx, objective.unitId);
      requireMember(ctx, await groupOf(ctx, unit.subjectId, unit.grade, tx), 'edit units of this subject and grade');
      await tx.update(UnitObjective, { schoolId: ctx.schoolId, id: objectiveId }, { kind: input.kind, description: input.description.trim() });
      await tx.update(Unit, { schoolId: ctx.schoolId, id: unit.id }, { revision: unit.revision + 1 });
      return tx.findOneByOrFail(Unit, { schoolId: ctx.schoolId, id: unit.id });
    });
  }

  /** Checks that `objectiveIds` all belong to the unit; BAD_USER_INPUT otherwise. */
  async checkObjectivesOfUnit(ctx: RequestContext, tx: EntityManager, unitId: string, objectiveIds: string[]): Promise<void> {
    if (objectiveIds.length === 0) return;
    const found = await tx.findBy(UnitObjective, { schoolId: ctx.schoolId, unitId });
    const own = new Set(found.map((o) => o.id));
    const foreign = objectiveIds.filter((id) => !own.has(id));
    if (foreign.length) throw new InvalidInputError('objectiveIds', BankMessages.OBJECTIVES_OF_ANOTHER_UNIT, { count: foreign.length });
  }

  private async lockUnit(ctx: RequestContext, tx: EntityManager, unitId: string): Promise<Unit> {
    const unit = await tx.findOne(Unit, { where: { schoolId: ctx.schoolId, id: unitId }, lock: { mode: 'pessimistic_write' } });
    if (!unit) throw new NotFoundError('Unit', unitId);
    return unit;
  }

  private newObjective(schoolId: string, unitId: string, o: ObjectiveInput, sortOrder: number): UnitObjective {
    return { schoolId, id: randomUUID(), unitId, kind: o.kind, description: o.description.trim(), sortOrder };
  }

  private async checkOrderFree(
    tx: EntityManager, schoolId: string, subjectId: string, grade: number, termId: string, sortOrder: number, exceptId: string | null,
  ): Promise<void> {
    const other = await tx.findOneBy(Unit, { schoolId, subjectId, grade, termId, sortOrder });
    if (other && other.id !== exceptId) {
      throw new RuleViolation(BankErrors.UNIT_ORDER_TAKEN, ['sortOrder'], { sortOrder, otherTitle: other.title });
    }
  }
}

export const unitService = new UnitService();
