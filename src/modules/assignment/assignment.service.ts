import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { RequestContext } from '../../core/context';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation, RuleViolations } from '../../core/errors';
import { idempotent } from '../../core/idempotency';
import { checkRevision } from '../../core/revision';
import { withTransaction } from '../../core/transaction';
import { BankItem, BankItemVersion } from '../bank/bank-item.entity';
import { versionKey } from '../bank/bank.loaders';
import { versionMinutes } from '../bank/item-minutes';
import { SchoolClass, TeachingAssignment } from '../class/class.entity';
import { SchoolYearErrors } from '../school-year/school-year.errors';
import { canSeeClass, staffReachesClass } from '../user/user.policy';
import { checkDailyAllForms, checkDailyLoad } from '../load/load.policy';
import { DayKind } from '../load/load.entity';
import { School, Subject } from '../school/school.entity';
import { schoolDateTime } from '../../core/dates';
import { loadService, lockLoadRules } from '../load/load.service';
import { loadPlans, Plan, planChoices, planLoad } from './assignment-plan';
import { Assignment, AssignmentItem, AssignmentOption, AssignmentStatus, StudentChoice } from './assignment.entity';
import { AssignmentShape, itemProblems, publishTimeProblem, structureProblems } from './assignment.policy';
import { AssignmentErrors, AssignmentMessages, ITEM_RULE_ERRORS, StructureProblems } from './assignment.errors';
import { LoadErrors } from '../load/load.errors';
import { BankErrors } from '../bank/bank.errors';
import { currentLocale, render } from '../../core/messages';
import { wasInClass } from '../school-year/class-history';

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
    const visible = a && (staffReachesClass(ctx.viewer, a.classId) || (a.status === AssignmentStatus.PUBLISHED && (canSeeClass(ctx.viewer, a.classId)
      // Last year's homework stays readable to the students who were in the class then, and their parents.
      || await wasInClass(ctx.db, ctx.schoolId, [ctx.viewer.userId, ...ctx.viewer.childIds], a.classId))));
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
    if (!staffReachesClass(ctx.viewer, classId)) throw new ForbiddenError(AssignmentMessages.CLASS_STAFF_ONLY);
    return ctx.db.getRepository(Assignment).createQueryBuilder('a')
      .where('a.school_id = :s AND a.class_id = :c AND a.day BETWEEN :from AND :to', { s: ctx.schoolId, c: classId, from, to })
      .orderBy('a.day').addOrderBy('a.subject_id').getMany();
  }

  /**
   * Saves a draft: structure and items are checked, the load rules only on publishing. A retry
   * with the same client key answers the first draft.
   */
  async create(ctx: RequestContext, input: AssignmentCreateInput, clientKey?: string | null): Promise<Assignment> {
    return withTransaction(ctx, (txCtx) => idempotent(txCtx, { operation: 'assignmentCreate', clientKey, input },
      (id) => txCtx.db.findOneByOrFail(Assignment, { schoolId: ctx.schoolId, id }), async () => {
      const tx = txCtx.db;
      const cls = await tx.findOneBy(SchoolClass, { schoolId: ctx.schoolId, id: input.classId });
      if (!cls) throw new NotFoundError('Class', input.classId);
      if (cls.archivedAt) throw new RuleViolation(SchoolYearErrors.CLASS_ARCHIVED, ['classId'], { name: cls.name });
      const subject = await tx.findOneBy(Subject, { schoolId: ctx.schoolId, id: input.subjectId });
      if (!subject) throw new NotFoundError('Subject', input.subjectId);
      await this.requireTeacherOf(ctx, tx, cls, subject);
      const existing = await tx.findOneBy(Assignment, { schoolId: ctx.schoolId, classId: cls.id, subjectId: subject.id, day: input.day });
      if (existing) {
        throw new RuleViolation(AssignmentErrors.ASSIGNMENT_EXISTS, ['day'], { className: cls.name, subject: subject.name, day: input.day });
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
    return withTransaction(ctx, async ({ db: tx }) => {
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
    return withTransaction(ctx, async ({ db: tx }) => {
      const a = await this.lockForTeacher(ctx, tx, id);
      checkRevision('The assignment', a.revision, expectedRevision);
      if (a.status === AssignmentStatus.PUBLISHED) throw new RuleViolation(AssignmentErrors.ALREADY_PUBLISHED);
      const [plan] = await loadPlans(tx, ctx.schoolId, [a]);
      await this.checkPublishable(ctx, tx, plan, true);
      await tx.update(Assignment, { schoolId: ctx.schoolId, id: a.id }, {
        status: AssignmentStatus.PUBLISHED, publishedAt: new Date(), revision: a.revision + 1, updatedAt: new Date(),
      });
      return tx.findOneByOrFail(Assignment, { schoolId: ctx.schoolId, id: a.id });
    });
  }

  /** Takes a published assignment back to draft; students' choices are kept for a republish. */
  async unpublish(ctx: RequestContext, id: string, expectedRevision: number): Promise<Assignment> {
    return withTransaction(ctx, async ({ db: tx }) => {
      const a = await this.lockForTeacher(ctx, tx, id);
      checkRevision('The assignment', a.revision, expectedRevision);
      if (a.status !== AssignmentStatus.PUBLISHED) throw new RuleViolation(AssignmentErrors.NOT_PUBLISHED);
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

  /**
   * The rules a published assignment keeps: its items, the written cap and the school's cap on
   * every form at home; when `publishing`, the school's publishing time too (not on an edit).
   */
  private async checkPublishable(ctx: RequestContext, tx: EntityManager, plan: Plan, publishing = false): Promise<void> {
    const a = plan.assignment;
    // Serialise publishing per class: the lock is held to the end of the transaction.
    const cls = await tx.findOneOrFail(SchoolClass, { where: { schoolId: ctx.schoolId, id: a.classId }, lock: { mode: 'pessimistic_write' } });
    if (cls.archivedAt) throw new RuleViolation(SchoolYearErrors.CLASS_ARCHIVED, ['assignmentId'], { name: cls.name });
    // …and against a change of the caps or the calendar (see lockLoadRules).
    await lockLoadRules(tx, ctx.schoolId, 'check');
    const { capMinutes, totalCapMinutes, dayKind } = await loadService.capOn(ctx, cls.grade, a.day, tx);
    const violations: RuleViolation[] = publishing ? await this.publishTimeViolations(ctx, tx, a, dayKind) : [];
    violations.push(...plan.items.flatMap((item) =>
      itemProblems(item, cls.grade, { shape: a.shape, optionKey: item.optionKey }).map((p) => new RuleViolation(ITEM_RULE_ERRORS[p.rule], ['options', item.optionKey, 'items'], {
        title: item.title, grade: p.rule === 'ITEM_OF_ANOTHER_GRADE' ? cls.grade : String(cls.grade),
        ...(p.rule === 'ITEM_OF_ANOTHER_GRADE' ? { itemGrade: item.grades[0] } : {}), ...(p.rule === 'PART_ONE_NOT_BASIC' ? { tier: item.tier } : {}),
      })),
    ));
    const published = await this.publishedPlans(ctx, tx, a.classId, a.day, a.id);
    const others = published.filter((p) => p.assignment.subjectId !== a.subjectId).map(planLoad);
    const adding = planLoad(plan);
    const check = checkDailyLoad(others, adding, capMinutes);
    // With no written homework allowed at home, the item rule already says all there is to say.
    const writtenForbidden = violations.some((v) => v.code === AssignmentErrors.WRITTEN_AT_HOME_FORBIDDEN.code);
    if (!check.fits && !writtenForbidden) {
      const subjects = await tx.findBy(Subject, { schoolId: ctx.schoolId, id: In(others.map((o) => o.subjectId).concat(a.subjectId)) });
      const code = (id: string) => subjects.find((s) => s.id === id)?.code ?? id;
      const perSubject = Object.fromEntries(others.map((o) => [`published.${code(o.subjectId)}`, o.heaviestWrittenMinutes]));
      violations.push(new RuleViolation(LoadErrors.DAILY_LOAD_EXCEEDED, ['options'], {
        capMinutes, publishedMinutes: check.publishedMinutes, thisAssignmentMinutes: check.addingMinutes, excessMinutes: check.excessMinutes, ...perSubject,
        className: cls.name, day: a.day, dayKind,
      }));
    }
    // The school's cap on every form at home (seed 004: 二年级家庭作业不超过30分钟).
    const total = totalCapMinutes === null ? null : checkDailyAllForms(others, adding, totalCapMinutes);
    if (total && !total.fits) {
      const subjects = await tx.findBy(Subject, { schoolId: ctx.schoolId, id: In(others.map((o) => o.subjectId)) });
      const code = (id: string) => subjects.find((s) => s.id === id)?.code ?? id;
      const perSubject = Object.fromEntries(others.map((o) => [`published.${code(o.subjectId)}`, o.heaviestAllFormsMinutes]));
      violations.push(new RuleViolation(LoadErrors.TOTAL_LOAD_EXCEEDED, ['options'], {
        capMinutes: total.capMinutes, publishedMinutes: total.publishedMinutes, thisAssignmentMinutes: total.addingMinutes, excessMinutes: total.excessMinutes,
        ...perSubject, className: cls.name, day: a.day, dayKind,
      }));
    }
    if (violations.length) throw new RuleViolations(violations);
  }

  /**
   * The school's publishing time (seed 004: 在下课之前完成作业布置): homework for a school day is
   * published by the school's latest time that day, and never for a past day unless the school
   * allows it. "Now" is the service's clock in China Standard Time.
   */
  private async publishTimeViolations(ctx: RequestContext, tx: EntityManager, a: Assignment, dayKind: DayKind): Promise<RuleViolation[]> {
    const school = await tx.findOneByOrFail(School, { id: ctx.schoolId });
    const now = schoolDateTime(ctx.clock.now());
    const latestTime = school.latestPublishTime?.slice(0, 5) ?? null;
    const problem = publishTimeProblem(a.day, dayKind === DayKind.SCHOOL_DAY, now, { latestPublishTime: latestTime, pastDaysAllowed: school.pastDayPublishing });
    if (!problem) return [];
    if (problem.rule === 'PUBLISHED_FOR_PAST_DAY') {
      return [new RuleViolation(AssignmentErrors.PUBLISHED_FOR_PAST_DAY, ['assignmentId'], { daysPast: problem.daysPast, day: a.day, today: now.date })];
    }
    return [new RuleViolation(AssignmentErrors.PUBLISHED_TOO_LATE, ['assignmentId'], { minutesLate: problem.minutesLate, day: a.day, latestTime: latestTime!, now: now.time })];
  }

  private async requireTeacherOf(ctx: RequestContext, tx: EntityManager, cls: SchoolClass, subject: Subject): Promise<void> {
    const teaches = await tx.exists(TeachingAssignment, {
      where: { schoolId: ctx.schoolId, classId: cls.id, subjectId: subject.id, teacherId: ctx.viewer.userId },
    });
    if (!teaches) throw new ForbiddenError(AssignmentMessages.SUBJECT_TEACHER_SETS, { subject: subject.name, className: cls.name });
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
      if (new Set(o.items.map((i) => i.itemId)).size !== o.items.length) problems.push(render(StructureProblems.ITEM_TWICE, { key: o.key }));
    }
    if (problems.length) throw new RuleViolation(AssignmentErrors.INVALID_STRUCTURE, ['options'], { problems: problems.join(currentLocale() === 'en' ? '; ' : '；') });
    const itemIds = [...new Set(options.flatMap((o) => o.items.map((i) => i.itemId)))];
    const items = await tx.findBy(BankItem, { schoolId: ctx.schoolId, id: In(itemIds) });
    const byId = new Map(items.map((i) => [i.id, i]));
    const missing = itemIds.filter((id) => !byId.has(id));
    if (missing.length) throw new NotFoundError('BankItem', missing[0]);
    const foreign = items.filter((i) => i.subjectId !== subjectId);
    if (foreign.length) throw new InvalidInputError('options', AssignmentMessages.ITEM_OF_ANOTHER_SUBJECT, { title: foreign[0].title });
    // Only an approved version can be pinned; drafts of the bank stay within their research group.
    const unapproved = items.filter((i) => i.approvedVersionNo === null);
    if (unapproved.length) {
      throw new RuleViolation(BankErrors.ITEM_NOT_APPROVED, ['options'], { title: unapproved[0].title });
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
   * enough observations exist, the teacher's estimate until then (the rule lives in versionMinutes).
   */
  private async effectiveMinutes(ctx: RequestContext, tx: EntityManager, items: BankItem[]): Promise<Map<string, number>> {
    const minutes = await versionMinutes(tx, ctx.schoolId, items.map((i) => ({ itemId: i.id, versionNo: i.approvedVersionNo! })));
    return new Map([...minutes.values()].map((m) => [m.itemId, m.countedMinutes]));
  }
}

export const assignmentService = new AssignmentService();
