import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { RequestContext } from '../../core/context';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation, RuleViolations } from '../../core/errors';
import { idempotent } from '../../core/idempotency';
import { checkRevision } from '../../core/revision';
import { withTransaction } from '../../core/transaction';
import { UserErrorCode } from '../../core/user-error';
import { BankItem, BankItemVersion } from '../bank/bank-item.entity';
import { versionKey } from '../bank/bank.loaders';
import { SchoolClass, TeachingAssignment } from '../class/class.entity';
import { Subject } from '../school/school.entity';
import { canSeeClass, staffReachesClass } from '../user/user.policy';
import { checkDailyLoad } from '../load/load.policy';
import { loadService, lockLoadRules } from '../load/load.service';
import { loadPlans, Plan, planChoices, planLoad } from './assignment-plan';
import { Assignment, AssignmentItem, AssignmentOption, AssignmentStatus, StudentChoice } from './assignment.entity';
import { AssignmentShape, itemProblems, structureProblems } from './assignment.policy';

export interface OptionInput {
  key: string;
  name: string;
  items: { itemId: string; atHome: boolean }[];
}

export interface AssignmentCreateInput {
  classId: string;
  subjectId: string;
  day: string;
  shape: AssignmentShape;
  title: string;
  options: OptionInput[];
}

export interface AssignmentUpdateInput {
  assignmentId: string;
  expectedRevision: number;
  title: string;
  options: OptionInput[];
}

export class AssignmentService {
  /**
   * An assignment the caller may see: staff of the class see drafts and published ones;
   * students of the class and their parents see published ones.
   */
  async get(ctx: RequestContext, id: string): Promise<Assignment> {
    const a = await ctx.loaders.assignmentById.load(id);
    const visible = a && (staffReachesClass(ctx.viewer, a.classId) || (a.status === AssignmentStatus.PUBLISHED && canSeeClass(ctx.viewer, a.classId)));
    if (!a || !visible) throw new NotFoundError('Assignment', id);
    return a;
  }

  /** The assignment's options and pinned items (batched per request). */
  async plan(ctx: RequestContext, a: Assignment): Promise<Plan> {
    return (await ctx.loaders.planByAssignmentId.load(a.id))!;
  }

  /** A pinned item version, for readers of an assignment they may see. */
  async itemVersion(ctx: RequestContext, itemId: string, versionNo: number): Promise<BankItemVersion> {
    const v = await ctx.loaders.bankItemVersionByKey.load(versionKey(itemId, versionNo));
    if (!v) throw new NotFoundError('BankItemVersion', `${itemId}:${versionNo}`);
    return v;
  }

  /** Assignments of a class over a date range (staff of the class: drafts too). */
  async ofClass(ctx: RequestContext, classId: string, from: string, to: string): Promise<Assignment[]> {
    if (!staffReachesClass(ctx.viewer, classId)) throw new ForbiddenError('Only staff who work with the class list its assignments');
    return ctx.db.getRepository(Assignment).createQueryBuilder('a')
      .where('a.school_id = :s AND a.class_id = :c AND a.day BETWEEN :from AND :to', { s: ctx.schoolId, c: classId, from, to })
      .orderBy('a.day').addOrderBy('a.subject_id').getMany();
  }

  /**
   * Saves a draft: structure and items are checked, the load rules only on publishing. A retry
   * with the same client key answers the first draft.
   */
  async create(ctx: RequestContext, input: AssignmentCreateInput, clientKey?: string | null): Promise<Assignment> {
    return withTransaction(ctx, (tx) => idempotent(ctx, tx, { operation: 'assignmentCreate', clientKey, input },
      (id) => tx.findOneByOrFail(Assignment, { schoolId: ctx.schoolId, id }), async () => {
      const cls = await tx.findOneBy(SchoolClass, { schoolId: ctx.schoolId, id: input.classId });
      if (!cls) throw new NotFoundError('Class', input.classId);
      const subject = await tx.findOneBy(Subject, { schoolId: ctx.schoolId, id: input.subjectId });
      if (!subject) throw new NotFoundError('Subject', input.subjectId);
      await this.requireTeacherOf(ctx, tx, cls, subject);
      const existing = await tx.findOneBy(Assignment, { schoolId: ctx.schoolId, classId: cls.id, subjectId: subject.id, day: input.day });
      if (existing) {
        throw new RuleViolation(UserErrorCode.ASSIGNMENT_EXISTS, `${cls.name} already has ${subject.name} homework on ${input.day}: edit it instead`, ['day']);
      }
      const id = randomUUID();
      await tx.insert(Assignment, {
        schoolId: ctx.schoolId, id, classId: cls.id, subjectId: subject.id, teacherId: ctx.viewer.userId, day: input.day,
        shape: input.shape, title: input.title.trim(), status: AssignmentStatus.DRAFT, revision: 1,
      });
      await this.writeOptions(ctx, tx, id, subject.id, input.shape, input.options);
      return tx.findOneByOrFail(Assignment, { schoolId: ctx.schoolId, id });
    }));
  }

  /**
   * Replaces the title and options. A published assignment is checked again as on publishing
   * (and stays as it was if refused); students keep a choice that still exists, others choose again.
   */
  async update(ctx: RequestContext, input: AssignmentUpdateInput): Promise<Assignment> {
    return withTransaction(ctx, async (tx) => {
      const a = await this.lockForTeacher(ctx, tx, input.assignmentId);
      checkRevision('The assignment', a.revision, input.expectedRevision);
      await tx.delete(AssignmentOption, { schoolId: ctx.schoolId, assignmentId: a.id });
      await this.writeOptions(ctx, tx, a.id, a.subjectId, a.shape, input.options);
      const updated = { ...a, title: input.title.trim(), revision: a.revision + 1, updatedAt: new Date() };
      if (a.status === AssignmentStatus.PUBLISHED) {
        const [plan] = await loadPlans(tx, ctx.schoolId, [updated]);
        await this.checkPublishable(ctx, tx, plan);
        const valid = new Set(planChoices(plan).map((c) => c.key));
        const choices = await tx.findBy(StudentChoice, { schoolId: ctx.schoolId, assignmentId: a.id });
        const stale = choices.filter((c) => !valid.has(c.choice)).map((c) => c.studentId);
        if (stale.length) await tx.delete(StudentChoice, { schoolId: ctx.schoolId, assignmentId: a.id, studentId: In(stale) });
      }
      await tx.update(Assignment, { schoolId: ctx.schoolId, id: a.id }, { title: updated.title, revision: updated.revision, updatedAt: updated.updatedAt });
      return tx.findOneByOrFail(Assignment, { schoolId: ctx.schoolId, id: a.id });
    });
  }

  /**
   * Publishes: the item rules and the class's daily load cap are checked with the class
   * locked, so concurrent publishes for the same class and day cannot together exceed it.
   */
  async publish(ctx: RequestContext, id: string, expectedRevision: number): Promise<Assignment> {
    return withTransaction(ctx, async (tx) => {
      const a = await this.lockForTeacher(ctx, tx, id);
      checkRevision('The assignment', a.revision, expectedRevision);
      if (a.status === AssignmentStatus.PUBLISHED) throw new RuleViolation(UserErrorCode.ALREADY_PUBLISHED, 'The assignment is already published', []);
      const [plan] = await loadPlans(tx, ctx.schoolId, [a]);
      await this.checkPublishable(ctx, tx, plan);
      await tx.update(Assignment, { schoolId: ctx.schoolId, id: a.id }, {
        status: AssignmentStatus.PUBLISHED, publishedAt: new Date(), revision: a.revision + 1, updatedAt: new Date(),
      });
      return tx.findOneByOrFail(Assignment, { schoolId: ctx.schoolId, id: a.id });
    });
  }

  /** Takes a published assignment back to draft; students' choices are kept for a republish. */
  async unpublish(ctx: RequestContext, id: string, expectedRevision: number): Promise<Assignment> {
    return withTransaction(ctx, async (tx) => {
      const a = await this.lockForTeacher(ctx, tx, id);
      checkRevision('The assignment', a.revision, expectedRevision);
      if (a.status !== AssignmentStatus.PUBLISHED) throw new RuleViolation(UserErrorCode.NOT_PUBLISHED, 'The assignment is not published', []);
      await tx.update(Assignment, { schoolId: ctx.schoolId, id: a.id }, {
        status: AssignmentStatus.DRAFT, publishedAt: null, revision: a.revision + 1, updatedAt: new Date(),
      });
      return tx.findOneByOrFail(Assignment, { schoolId: ctx.schoolId, id: a.id });
    });
  }

  /** Published plans of a class on a day, optionally leaving one assignment out. */
  async publishedPlans(ctx: RequestContext, manager: EntityManager, classId: string, day: string, exceptId?: string): Promise<Plan[]> {
    const rows = await manager.findBy(Assignment, { schoolId: ctx.schoolId, classId, day, status: AssignmentStatus.PUBLISHED });
    return loadPlans(manager, ctx.schoolId, rows.filter((r) => r.id !== exceptId));
  }

  private async checkPublishable(ctx: RequestContext, tx: EntityManager, plan: Plan): Promise<void> {
    const a = plan.assignment;
    // Serialise publishing per class: the lock is held to the end of the transaction.
    const cls = await tx.findOneOrFail(SchoolClass, { where: { schoolId: ctx.schoolId, id: a.classId }, lock: { mode: 'pessimistic_write' } });
    // …and against a change of the caps or the calendar (see lockLoadRules).
    await lockLoadRules(tx, ctx.schoolId, 'check');
    const violations = plan.items.flatMap((item) =>
      itemProblems(item, cls.grade).map((p) => new RuleViolation(UserErrorCode[p.rule], p.message, ['options', item.optionKey, 'items'])),
    );
    const { capMinutes, dayKind } = await loadService.capOn(ctx, cls.grade, a.day, tx);
    const published = await this.publishedPlans(ctx, tx, a.classId, a.day, a.id);
    const others = published.filter((p) => p.assignment.subjectId !== a.subjectId).map(planLoad);
    const check = checkDailyLoad(others, planLoad(plan), capMinutes);
    // With no written homework allowed at home, the item rule already says all there is to say.
    const writtenForbidden = violations.some((v) => v.code === UserErrorCode.WRITTEN_AT_HOME_FORBIDDEN);
    if (!check.fits && !writtenForbidden) {
      const subjects = await tx.findBy(Subject, { schoolId: ctx.schoolId, id: In(others.map((o) => o.subjectId).concat(a.subjectId)) });
      const code = (id: string) => subjects.find((s) => s.id === id)?.code ?? id;
      const perSubject = Object.fromEntries(others.map((o) => [`published.${code(o.subjectId)}`, o.heaviestWrittenMinutes]));
      violations.push(new RuleViolation(
        UserErrorCode.DAILY_LOAD_EXCEEDED,
        `${cls.name} may have at most ${capMinutes} minutes of written homework at home on ${a.day} (${dayKind.replace('_', ' ')}); ` +
          `${check.publishedMinutes} are already published and this assignment's heaviest choice adds ${check.addingMinutes}: ${check.excessMinutes} over`,
        ['options'],
        { capMinutes, publishedMinutes: check.publishedMinutes, thisAssignmentMinutes: check.addingMinutes, excessMinutes: check.excessMinutes, ...perSubject },
      ));
    }
    if (violations.length) throw new RuleViolations(violations);
  }

  private async requireTeacherOf(ctx: RequestContext, tx: EntityManager, cls: SchoolClass, subject: Subject): Promise<void> {
    const teaches = await tx.exists(TeachingAssignment, {
      where: { schoolId: ctx.schoolId, classId: cls.id, subjectId: subject.id, teacherId: ctx.viewer.userId },
    });
    if (!teaches) throw new ForbiddenError(`Only a teacher of ${subject.name} in ${cls.name} may set its homework`);
  }

  private async lockForTeacher(ctx: RequestContext, tx: EntityManager, id: string): Promise<Assignment> {
    const a = await tx.findOne(Assignment, { where: { schoolId: ctx.schoolId, id }, lock: { mode: 'pessimistic_write' } });
    if (!a || !staffReachesClass(ctx.viewer, a.classId)) throw new NotFoundError('Assignment', id);
    const cls = await tx.findOneByOrFail(SchoolClass, { schoolId: ctx.schoolId, id: a.classId });
    const subject = await tx.findOneByOrFail(Subject, { schoolId: ctx.schoolId, id: a.subjectId });
    await this.requireTeacherOf(ctx, tx, cls, subject);
    return a;
  }

  /** Writes options and items, pinning each item's approved version. */
  private async writeOptions(ctx: RequestContext, tx: EntityManager, assignmentId: string, subjectId: string, shape: AssignmentShape, options: OptionInput[]): Promise<void> {
    const problems = structureProblems(shape, options.map((o) => ({ key: o.key, itemCount: o.items.length })));
    for (const o of options) {
      if (new Set(o.items.map((i) => i.itemId)).size !== o.items.length) problems.push(`option ${o.key} names an item twice`);
    }
    if (problems.length) throw new RuleViolation(UserErrorCode.INVALID_STRUCTURE, `The assignment is not well formed: ${problems.join('; ')}`, ['options']);
    const itemIds = [...new Set(options.flatMap((o) => o.items.map((i) => i.itemId)))];
    const items = await tx.findBy(BankItem, { schoolId: ctx.schoolId, id: In(itemIds) });
    const byId = new Map(items.map((i) => [i.id, i]));
    const missing = itemIds.filter((id) => !byId.has(id));
    if (missing.length) throw new NotFoundError('BankItem', missing[0]);
    const foreign = items.filter((i) => i.subjectId !== subjectId);
    if (foreign.length) throw new InvalidInputError('options', `「${foreign[0].title}」 is an item of another subject`);
    // Only an approved version can be pinned; drafts of the bank stay within their research group.
    const unapproved = items.filter((i) => i.approvedVersionNo === null);
    if (unapproved.length) {
      throw new RuleViolation(UserErrorCode.ITEM_NOT_APPROVED, `「${unapproved[0].title}」 has no approved version to assign`, ['options']);
    }
    const minutes = await this.effectiveMinutes(ctx, tx, items);
    await tx.insert(AssignmentOption, options.map((o, i) => ({ schoolId: ctx.schoolId, assignmentId, key: o.key, name: o.name.trim(), sortOrder: i + 1 })));
    await tx.insert(AssignmentItem, options.flatMap((o) => o.items.map((it, i) => {
      const item = byId.get(it.itemId)!;
      return {
        schoolId: ctx.schoolId, assignmentId, optionKey: o.key, itemId: item.id, versionNo: item.approvedVersionNo!, atHome: it.atHome,
        sortOrder: i + 1, predictedMinutes: minutes.get(item.id)!,
      };
    })));
  }

  /**
   * The minutes each item counts for in a new or edited assignment: the calibrated figure once
   * enough observations exist, the teacher's estimate until then.
   */
  private async effectiveMinutes(ctx: RequestContext, tx: EntityManager, items: BankItem[]): Promise<Map<string, number>> {
    const rows: { item_id: string; minutes: number }[] = await tx.query(
      `SELECT v.item_id, COALESCE(c.calibrated_minutes, v.predicted_minutes)::int AS minutes
         FROM bank_item_versions v
         LEFT JOIN item_calibrations c ON c.school_id = v.school_id AND c.item_id = v.item_id AND c.version_no = v.version_no
        WHERE v.school_id = $1 AND (v.item_id, v.version_no) IN (SELECT * FROM unnest($2::uuid[], $3::int[]))`,
      [ctx.schoolId, items.map((i) => i.id), items.map((i) => i.approvedVersionNo)],
    );
    return new Map(rows.map((r) => [r.item_id, r.minutes]));
  }
}

export const assignmentService = new AssignmentService();
