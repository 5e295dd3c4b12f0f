import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { RequestContext, TxContext } from '../../core/context';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation, RuleViolations } from '../../core/errors';
import { idempotent } from '../../core/idempotency';
import { checkRevision } from '../../core/revision';
import { saveLocked, withTransaction } from '../../core/transaction';
import { BankItem, BankItemVersion } from '../bank/bank-item.entity';
import { versionKey } from '../bank/bank.loaders';
import { versionMinutes } from '../bank/item-minutes';
import { SchoolClass } from '../class/class.entity';
import { SchoolYearErrors } from '../school-year/school-year.errors';
import { canSeeClass, staffReachesClass } from '../user/user.policy';
import { checkDailyAllForms, checkDailyLoad, LoadCheck, SubjectLoad } from '../load/load.policy';
import { DayKind } from '../load/load.entity';
import { School, Subject } from '../school/school.entity';
import { daysBetween, isoWeekday, schoolDateTime } from '../../core/dates';
import { loadService, lockLoadRules } from '../load/load.service';
import { subjectBudgetService } from '../load/subject-budget.service';
import { checkSubjectBudget, lineOf } from '../load/subject-budget.policy';
import { assignmentsWithFields, primePlan } from './assignment-read';
import { loadPlans, overlapParams, overlapping, Plan, planChoices, planLoad, plansOn, usedBySubject } from './assignment-plan';
import { isMultiDay, MAX_DAY_SHARE, MAX_SPAN_DAYS, normalisedShares, Span, spanDays, spanLength, spanProblem } from './assignment-span.policy';
import { Assignment, AssignmentItem, AssignmentOption, AssignmentStatus, StudentChoice } from './assignment.entity';
import { AssignmentShape, itemProblems, publishTimeProblem, structureProblems } from './assignment.policy';
import { AssignmentErrors, AssignmentMessages, ITEM_RULE_ERRORS, StructureProblems } from './assignment.errors';
import { LoadErrors } from '../load/load.errors';
import { addressed, addressedTo, checkFacts, CheckFacts } from './student-load';
import { StudentGroup } from './student-group.entity';
import { groupsInvolved, heaviestStudentCheck } from './student-load.policy';
import { BankErrors } from '../bank/bank.errors';
import { render } from '../../core/messages';
import { wasInClass } from '../school-year/class-history';
import { requireSubjectTeacher } from './subject-teacher';

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
  /** A group of the class kept for the subject; null or absent: the whole class. */
  groupId?: string | null;
  /** The last day of homework over several days; null or absent: one day's homework. */
  dueDay?: string | null;
  /** One relative share per day of the span; null or absent: evenly. */
  dayShares?: number[] | null;
}

export interface AssignmentUpdateInput {
  assignmentId: string;
  expectedRevision: number;
  title: string;
  options: OptionInput[];
  /** The new due day (the first day stays); absent: unchanged. */
  dueDay?: string | null;
  /** The new shares; absent: unchanged (evenly when the span changes), null: evenly. */
  dayShares?: number[] | null;
}

/** The other homework's minutes per subject as refusal figures (`published.<subject code>`), summed per subject. */
function perSubjectFigures(others: SubjectLoad[], code: (id: string) => string, minutes: (l: SubjectLoad) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of others) out[`published.${code(o.subjectId)}`] = (out[`published.${code(o.subjectId)}`] ?? 0) + minutes(o);
  return out;
}

/** Of homework over several days, which of its days a refusal is about (`dayOfSpan` of `spanDays`); none for one day's. */
function spanFigures(a: Span, day: string): Record<string, number> {
  return isMultiDay(a) ? { dayOfSpan: daysBetween(a.day, day) + 1, spanDays: spanLength(a) } : {};
}

/** The refusal of a span that is not well formed; null when it is. */
function spanViolation(span: Span): RuleViolation | null {
  const p = spanProblem(span);
  if (!p) return null;
  const { day, dueDay } = span;
  switch (p.rule) {
    case 'DUE_BEFORE_START': return new RuleViolation(AssignmentErrors.DUE_BEFORE_START, ['dueDay'], { day, dueDay });
    case 'SPAN_TOO_LONG':
      return new RuleViolation(AssignmentErrors.SPAN_TOO_LONG, ['dueDay'], { day, dueDay, spanDays: p.spanDays, maxDays: MAX_SPAN_DAYS, excessDays: p.spanDays - MAX_SPAN_DAYS });
    case 'DAY_SHARES_COUNT': return new RuleViolation(AssignmentErrors.DAY_SHARES_COUNT, ['dayShares'], { day, dueDay, spanDays: p.spanDays, shareCount: p.shareCount });
    case 'DAY_SHARES_INVALID': return new RuleViolation(AssignmentErrors.DAY_SHARES_INVALID, ['dayShares'], { reason: p.reason, maxShare: MAX_DAY_SHARE });
  }
}

export class AssignmentService {
  /**
   * An assignment the caller may see: staff of the class see drafts and published ones;
   * students of the class and their parents see published ones (homework addressed to a group:
   * its students and their parents only).
   */
  async get(ctx: RequestContext, id: string): Promise<Assignment> {
    const a = await ctx.loaders.assignmentById.load(id);
    const selves = [ctx.viewer.userId, ...ctx.viewer.childIds];
    const visible = a && (staffReachesClass(ctx.viewer, a.classId) || (a.status === AssignmentStatus.PUBLISHED && (canSeeClass(ctx.viewer, a.classId)
      // Last year's homework stays readable to the students who were in the class then, and their parents.
      || await wasInClass(ctx, selves, a.classId)) && await addressedTo(ctx, a, selves)));
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

  /**
   * Assignments of a class over a date range, those over several days that overlap it too (staff
   * of the class: drafts too); with their fields' data in the same statement (assignment-read.ts).
   */
  async ofClass(ctx: RequestContext, classId: string, from: string, to: string): Promise<Assignment[]> {
    if (!staffReachesClass(ctx.viewer, classId)) throw new ForbiddenError(AssignmentMessages.CLASS_STAFF_ONLY);
    const { earliest } = overlapParams(from, to);
    return assignmentsWithFields(ctx, 'a.school_id = $1 AND a.class_id = $2 AND a.day BETWEEN $3 AND $4 AND a.due_day >= $5', [ctx.schoolId, classId, earliest, to, from]);
  }

  /**
   * Saves a draft: structure and items are checked, the load rules only on publishing. A retry
   * with the same client key answers the first draft.
   */
  async create(ctx: RequestContext, input: AssignmentCreateInput, clientKey?: string | null): Promise<Assignment> {
    return withTransaction(ctx, (txCtx) => idempotent(txCtx, { operation: 'assignmentCreate', clientKey, input },
      (id) => txCtx.db.findOneByOrFail(Assignment, { schoolId: ctx.schoolId, id }), async () => {
      const cls = await txCtx.db.findOneBy(SchoolClass, { schoolId: ctx.schoolId, id: input.classId });
      if (!cls) throw new NotFoundError('Class', input.classId);
      if (cls.archivedAt) throw new RuleViolation(SchoolYearErrors.CLASS_ARCHIVED, ['classId'], { name: cls.name });
      const subject = await txCtx.db.findOneBy(Subject, { schoolId: ctx.schoolId, id: input.subjectId });
      if (!subject) throw new NotFoundError('Subject', input.subjectId);
      await requireSubjectTeacher(txCtx, cls.id, subject.id);
      const dueDay = input.dueDay ?? input.day;
      const dayShares = dueDay === input.day ? null : normalisedShares(input.dayShares);
      const badSpan = spanViolation({ day: input.day, dueDay, dayShares: input.dayShares?.length && dueDay !== input.day ? input.dayShares : null });
      if (badSpan) throw badSpan;
      // One day's homework: one per subject and day (homework over several days may run alongside it).
      const existing = dueDay === input.day
        && await txCtx.db.findOneBy(Assignment, { schoolId: ctx.schoolId, classId: cls.id, subjectId: subject.id, day: input.day, dueDay: input.day });
      if (existing) {
        throw new RuleViolation(AssignmentErrors.ASSIGNMENT_EXISTS, ['day'], { className: cls.name, subject: subject.name, day: input.day });
      }
      if (input.groupId) {
        const group = await txCtx.db.findOneBy(StudentGroup, { schoolId: ctx.schoolId, id: input.groupId });
        if (!group) throw new NotFoundError('StudentGroup', input.groupId);
        if (group.classId !== cls.id || group.subjectId !== subject.id) {
          throw new RuleViolation(AssignmentErrors.GROUP_OF_ANOTHER_CLASS_OR_SUBJECT, ['groupId'], { group: group.name, className: cls.name, subject: subject.name });
        }
      }
      const id = randomUUID();
      await txCtx.db.insert(Assignment, {
        schoolId: ctx.schoolId, id, classId: cls.id, subjectId: subject.id, teacherId: ctx.viewer.userId, day: input.day, dueDay, dayShares,
        shape: input.shape, title: input.title.trim(), status: AssignmentStatus.DRAFT, revision: 1, groupId: input.groupId ?? null,
      });
      await this.writeOptions(txCtx, id, subject.id, input.shape, input.options);
      return txCtx.db.findOneByOrFail(Assignment, { schoolId: ctx.schoolId, id });
    }));
  }

  /**
   * Replaces the title and options. A published assignment is checked again as on publishing
   * (and stays as it was if refused); students keep a choice that still exists, others choose again.
   */
  async update(ctx: RequestContext, input: AssignmentUpdateInput): Promise<Assignment> {
    return withTransaction(ctx, async (txCtx) => {
      const a = await this.lockForTeacher(txCtx, input.assignmentId);
      checkRevision('The assignment', a.revision, input.expectedRevision);
      const span = await this.newSpan(txCtx, a, input);
      await txCtx.db.delete(AssignmentOption, { schoolId: ctx.schoolId, assignmentId: a.id });
      await this.writeOptions(txCtx, a.id, a.subjectId, a.shape, input.options);
      const updated = { ...a, ...span, title: input.title.trim(), revision: a.revision + 1, updatedAt: new Date() };
      if (a.status === AssignmentStatus.PUBLISHED) {
        const plan = await this.checkPublishable(txCtx, updated);
        const valid = new Set(planChoices(plan).map((c) => c.key));
        const choices = await txCtx.db.findBy(StudentChoice, { schoolId: ctx.schoolId, assignmentId: a.id });
        const stale = choices.filter((c) => !valid.has(c.choice)).map((c) => c.studentId);
        if (stale.length) await txCtx.db.delete(StudentChoice, { schoolId: ctx.schoolId, assignmentId: a.id, studentId: In(stale) });
      }
      return saveLocked(txCtx, Assignment, a, { title: updated.title, dueDay: updated.dueDay, dayShares: updated.dayShares, revision: updated.revision, updatedAt: updated.updatedAt });
    });
  }

  /**
   * Publishes: the item rules, the class's daily load cap and the subject's budget of the day
   * are checked with the class locked, so concurrent publishes for the same class and day cannot
   * together exceed them.
   */
  async publish(ctx: RequestContext, id: string, expectedRevision: number): Promise<Assignment> {
    const plan = await withTransaction(ctx, async (txCtx) => {
      const a = await this.lockForTeacher(txCtx, id);
      checkRevision('The assignment', a.revision, expectedRevision);
      if (a.status === AssignmentStatus.PUBLISHED) throw new RuleViolation(AssignmentErrors.ALREADY_PUBLISHED);
      const plan = await this.checkPublishable(txCtx, a, true);
      await saveLocked(txCtx, Assignment, a, { status: AssignmentStatus.PUBLISHED, publishedAt: new Date(), revision: a.revision + 1, updatedAt: new Date() });
      return plan;
    });
    // The payload's fields read the published assignment and its plan as they are now: not again.
    primePlan(ctx, plan);
    return plan.assignment;
  }

  /** Takes a published assignment back to draft; students' choices are kept for a republish. */
  async unpublish(ctx: RequestContext, id: string, expectedRevision: number): Promise<Assignment> {
    return withTransaction(ctx, async (txCtx) => {
      const a = await this.lockForTeacher(txCtx, id);
      checkRevision('The assignment', a.revision, expectedRevision);
      if (a.status !== AssignmentStatus.PUBLISHED) throw new RuleViolation(AssignmentErrors.NOT_PUBLISHED);
      return saveLocked(txCtx, Assignment, a, { status: AssignmentStatus.DRAFT, publishedAt: null, revision: a.revision + 1, updatedAt: new Date() });
    });
  }

  /**
   * Published plans of a class that are homework on some day from `from` to `to` (whole: count
   * them on a day with `plansOn`), optionally leaving one assignment out; read through `ctx.db`.
   * With `first`, its plan comes first, read with them (and never twice).
   */
  async publishedPlans(ctx: RequestContext, classId: string, from: string, to: string, exceptId?: string, first?: Assignment): Promise<Plan[]> {
    const rows = await ctx.db.findBy(Assignment, { schoolId: ctx.schoolId, classId, status: AssignmentStatus.PUBLISHED, ...overlapping(from, to) });
    const others = rows.filter((r) => r.id !== exceptId && r.id !== first?.id);
    return loadPlans(ctx.db, ctx.schoolId, first ? [first, ...others] : others);
  }

  /**
   * The span an edit asks for: the due day and shares given (absent: as they are; a new span
   * without shares: evenly), checked; a change to one day's homework must not meet another.
   */
  private async newSpan(ctx: TxContext, a: Assignment, input: AssignmentUpdateInput): Promise<Pick<Assignment, 'dueDay' | 'dayShares'>> {
    if (input.dueDay === undefined && input.dayShares === undefined) return { dueDay: a.dueDay, dayShares: a.dayShares };
    const dueDay = input.dueDay ?? a.dueDay;
    const given = input.dayShares === undefined ? (dueDay === a.dueDay ? a.dayShares : null) : input.dayShares;
    const bad = spanViolation({ day: a.day, dueDay, dayShares: dueDay !== a.day && given?.length ? given : null });
    if (bad) throw bad;
    if (dueDay === a.day && a.dueDay !== a.day) {
      const existing = await ctx.db.findOneBy(Assignment, { schoolId: ctx.schoolId, classId: a.classId, subjectId: a.subjectId, day: a.day, dueDay: a.day });
      if (existing) {
        const [cls, subject] = await Promise.all([
          ctx.db.findOneByOrFail(SchoolClass, { schoolId: ctx.schoolId, id: a.classId }), ctx.db.findOneByOrFail(Subject, { schoolId: ctx.schoolId, id: a.subjectId }),
        ]);
        throw new RuleViolation(AssignmentErrors.ASSIGNMENT_EXISTS, ['dueDay'], { className: cls.name, subject: subject.name, day: a.day });
      }
    }
    return { dueDay, dayShares: dueDay === a.day ? null : normalisedShares(given) };
  }

  /**
   * The rules a published assignment keeps: its items, the written cap, the school's cap on
   * every form at home and, on a day with subject budgets, its subject's budget; when
   * `publishing`, the school's publishing time too (not on an edit). Its plan as checked.
   */
  private async checkPublishable(ctx: TxContext, a: Assignment, publishing = false): Promise<Plan> {
    // Serialise publishing per class: the lock is held to the end of the transaction. Subject
    // budgets and their releases are written under the same lock (subject-budget.service.ts).
    const cls = await ctx.db.findOneOrFail(SchoolClass, { where: { schoolId: ctx.schoolId, id: a.classId }, lock: { mode: 'pessimistic_write' } });
    if (cls.archivedAt) throw new RuleViolation(SchoolYearErrors.CLASS_ARCHIVED, ['assignmentId'], { name: cls.name });
    // …and against a change of the caps or the calendar (see lockLoadRules).
    await lockLoadRules(ctx.db, ctx.schoolId, 'check');
    const days = spanDays(a);
    const caps = await loadService.capsOn(ctx, cls.grade, days);
    const violations: RuleViolation[] = publishing ? await this.publishTimeViolations(ctx, a, caps.get(a.day)!.dayKind) : [];
    // Its own plan and those of the homework published on its days, read together under the lock.
    const [plan, ...publishedOfSpan] = await this.publishedPlans(ctx, a.classId, a.day, a.dueDay, a.id, a);
    violations.push(...plan.items.flatMap((item) =>
      itemProblems(item, cls.grade, { shape: a.shape, optionKey: item.optionKey }).map((p) => new RuleViolation(ITEM_RULE_ERRORS[p.rule], ['options', item.optionKey, 'items'], {
        title: item.title, grade: p.rule === 'ITEM_OF_ANOTHER_GRADE' ? cls.grade : String(cls.grade),
        ...(p.rule === 'ITEM_OF_ANOTHER_GRADE' ? { itemGrade: item.grades[0] } : {}), ...(p.rule === 'PART_ONE_NOT_BASIC' ? { tier: item.tier } : {}),
      })),
    ));
    // With no written homework allowed at home, the item rule already says all there is to say.
    const writtenForbidden = violations.some((v) => v.code === AssignmentErrors.WRITTEN_AT_HOME_FORBIDDEN.code);
    // Homework over several days is checked on each of its days with that day's share, against
    // that day's cap and the rest of that day's homework. What the checks read besides is read
    // once for the whole span.
    const checked = days.map((day) => ({ day, onDay: plansOn([plan], day)[0], published: plansOn(publishedOfSpan, day), ...caps.get(day)! }))
      .filter((d) => days.length === 1 || planLoad(d.onDay).heaviestAllFormsMinutes > 0);
    const [facts, linesOfDays] = await Promise.all([
      checkFacts(ctx, a.classId, [plan, ...publishedOfSpan]),
      writtenForbidden ? new Map<string, null>() : subjectBudgetService.linesOnDays(ctx, a.classId, checked.map((d) => ({ day: d.day, dayKind: d.dayKind, used: usedBySubject(d.published) }))),
    ]);
    const subjectName = facts.subjects.find((s) => s.id === a.subjectId)?.name ?? a.subjectId;
    for (const { day, onDay, published, capMinutes, totalCapMinutes, dayKind } of checked) {
      const adding = planLoad(onDay);
      violations.push(...this.capViolations(cls, onDay, published, { capMinutes, totalCapMinutes, dayKind }, facts, { writtenForbidden, day }));
      // The subject's own share of the day (seed 003: 加强学科组、年级组作业统筹), where the head teacher set budgets.
      const sameSubject = published.filter((p) => p.assignment.subjectId === a.subjectId).map(planLoad);
      const publishedOfSubject = sameSubject.reduce((sum, l) => sum + l.heaviestWrittenMinutes, 0);
      const lines = linesOfDays.get(day) ?? null;
      if (lines) {
        const line = lineOf(lines, a.subjectId);
        const budget = checkSubjectBudget(line, publishedOfSubject, adding.heaviestWrittenMinutes);
        if (!budget.fits) {
          violations.push(new RuleViolation(LoadErrors.SUBJECT_BUDGET_EXCEEDED, ['options'], {
            budgetMinutes: line.budgetMinutes, releasedMinutes: line.releasedMinutes, receivedMinutes: line.receivedMinutes, availableMinutes: line.availableMinutes,
            publishedMinutes: publishedOfSubject, thisAssignmentMinutes: adding.heaviestWrittenMinutes, excessMinutes: budget.excessMinutes, ...spanFigures(a, day),
            subject: subjectName, className: cls.name, day, weekday: String(isoWeekday(day)),
          }));
        }
      }
    }
    if (violations.length) throw new RuleViolations(violations);
    return plan;
  }

  /**
   * The written cap and the school's cap on every form, for the class's day with `plan` published.
   * Without homework addressed to a group the day is one path for the whole class (the heaviest
   * choice of every subject). With groups, each student's path counts the homework addressed to
   * them (whole class or a group they belong to) and the worst student's day is checked; the
   * refusal names that student and gives their figures. `onlyStudents` limits the check to some
   * students (a change of a group's members checks the students it adds). `published` is the rest
   * of the day's homework and `plan` is counted on `day` (homework over several days: that day's
   * share). `facts` (checkFacts) holds the groups' members, the class's students and the subjects
   * of every plan, read once for all the days checked; nothing is read here.
   */
  capViolations(
    cls: SchoolClass, plan: Plan, published: Plan[], caps: { capMinutes: number; totalCapMinutes: number | null; dayKind: DayKind }, facts: CheckFacts,
    { writtenForbidden = false, onlyStudents, day = plan.assignment.day }: { writtenForbidden?: boolean; onlyStudents?: ReadonlySet<string>; day?: string } = {},
  ): RuleViolation[] {
    const a = plan.assignment;
    const { capMinutes, totalCapMinutes, dayKind } = caps;
    const ofSpan = spanFigures(a, day);
    const [adding, ...loads] = addressed([plan, ...published], facts.members);
    const perStudent = groupsInvolved([adding, ...loads]);
    const students = perStudent ? facts.students.filter((s) => !onlyStudents || onlyStudents.has(s.id)) : [];
    const nameOf = (id: string) => students.find((s) => s.id === id)?.displayName ?? id;
    const classWide = loads.map((l) => l.load);
    const measured = (measure: (others: SubjectLoad[], adding: SubjectLoad) => LoadCheck) => {
      if (!perStudent) return { others: classWide, check: measure(classWide, adding.load), student: {} };
      const worst = heaviestStudentCheck(students.map((s) => s.id), loads, adding, measure);
      return worst && { others: worst.others, check: worst.check, student: { student: nameOf(worst.studentId) } };
    };
    const code = (id: string) => facts.subjects.find((s) => s.id === id)?.code ?? id;
    const violations: RuleViolation[] = [];
    const written = measured((others, load) => checkDailyLoad(others, load, capMinutes));
    if (written && !written.check.fits && !writtenForbidden) {
      const perSubject = perSubjectFigures(written.others, code, (o) => o.heaviestWrittenMinutes);
      const check = written.check;
      violations.push(new RuleViolation(LoadErrors.DAILY_LOAD_EXCEEDED, ['options'], {
        capMinutes, publishedMinutes: check.publishedMinutes, thisAssignmentMinutes: check.addingMinutes, excessMinutes: check.excessMinutes, ...perSubject, ...ofSpan,
        className: cls.name, day, dayKind, ...written.student,
      }));
    }
    // The school's cap on every form at home (seed 004: 二年级家庭作业不超过30分钟).
    const total = totalCapMinutes === null ? null : measured((others, load) => checkDailyAllForms(others, load, totalCapMinutes));
    if (total && !total.check.fits) {
      const perSubject = perSubjectFigures(total.others, code, (o) => o.heaviestAllFormsMinutes);
      const check = total.check;
      violations.push(new RuleViolation(LoadErrors.TOTAL_LOAD_EXCEEDED, ['options'], {
        capMinutes: check.capMinutes, publishedMinutes: check.publishedMinutes, thisAssignmentMinutes: check.addingMinutes, excessMinutes: check.excessMinutes,
        ...perSubject, ...ofSpan, className: cls.name, day, dayKind, ...total.student,
      }));
    }
    return violations;
  }

  /**
   * The school's publishing time (seed 004: 在下课之前完成作业布置): homework for a school day is
   * published by the school's latest time that day, and never for a past day unless the school
   * allows it. "Now" is the service's clock in China Standard Time.
   */
  private async publishTimeViolations(ctx: TxContext, a: Assignment, dayKind: DayKind): Promise<RuleViolation[]> {
    const school = await ctx.db.findOneByOrFail(School, { id: ctx.schoolId });
    const now = schoolDateTime(ctx.clock.now());
    const latestTime = school.latestPublishTime?.slice(0, 5) ?? null;
    const problem = publishTimeProblem(a.day, dayKind === DayKind.SCHOOL_DAY, now, { latestPublishTime: latestTime, pastDaysAllowed: school.pastDayPublishing });
    if (!problem) return [];
    if (problem.rule === 'PUBLISHED_FOR_PAST_DAY') {
      return [new RuleViolation(AssignmentErrors.PUBLISHED_FOR_PAST_DAY, ['assignmentId'], { daysPast: problem.daysPast, day: a.day, today: now.date })];
    }
    return [new RuleViolation(AssignmentErrors.PUBLISHED_TOO_LATE, ['assignmentId'], { minutesLate: problem.minutesLate, day: a.day, latestTime: latestTime!, now: now.time })];
  }

  private async lockForTeacher(ctx: TxContext, id: string): Promise<Assignment> {
    const a = await ctx.db.findOne(Assignment, { where: { schoolId: ctx.schoolId, id }, lock: { mode: 'pessimistic_write' } });
    if (!a || !staffReachesClass(ctx.viewer, a.classId)) throw new NotFoundError('Assignment', id);
    await requireSubjectTeacher(ctx, a.classId, a.subjectId);
    return a;
  }

  /** Writes options and items, pinning each item's approved version. */
  private async writeOptions(ctx: TxContext, assignmentId: string, subjectId: string, shape: AssignmentShape, options: OptionInput[]): Promise<void> {
    const problems = structureProblems(shape, options.map((o) => ({ key: o.key, itemCount: o.items.length })), ctx.locale);
    for (const o of options) {
      if (new Set(o.items.map((i) => i.itemId)).size !== o.items.length) problems.push(render(StructureProblems.ITEM_TWICE, { key: o.key }, ctx.locale));
    }
    if (problems.length) throw new RuleViolation(AssignmentErrors.INVALID_STRUCTURE, ['options'], { problems: problems.join(ctx.locale === 'en' ? '; ' : '；') });
    const itemIds = [...new Set(options.flatMap((o) => o.items.map((i) => i.itemId)))];
    const items = await ctx.db.findBy(BankItem, { schoolId: ctx.schoolId, id: In(itemIds) });
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
    const minutes = await this.effectiveMinutes(ctx, items);
    await ctx.db.insert(AssignmentOption, options.map((o, i) => ({ schoolId: ctx.schoolId, assignmentId, key: o.key, name: o.name.trim(), sortOrder: i + 1 })));
    await ctx.db.insert(AssignmentItem, options.flatMap((o) => o.items.map((it, i) => {
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
  private async effectiveMinutes(ctx: TxContext, items: BankItem[]): Promise<Map<string, number>> {
    const minutes = await versionMinutes(ctx.db, ctx.schoolId, items.map((i) => ({ itemId: i.id, versionNo: i.approvedVersionNo! })));
    return new Map([...minutes.values()].map((m) => [m.itemId, m.countedMinutes]));
  }
}

export const assignmentService = new AssignmentService();
