import { In } from 'typeorm';
import { RequestContext } from '../../core/context';
import { isoWeekday } from '../../core/dates';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleViolation } from '../../core/errors';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { UserErrorCode } from '../../core/user-error';
import { SchoolClass } from '../class/class.entity';
import { DayKind } from '../load/load.entity';
import { loadService } from '../load/load.service';
import { privacyService } from '../privacy/privacy.service';
import { Submission } from '../submission/submission.entity';
import { User } from '../user/user.entity';
import { staffReachesClass } from '../user/user.policy';
import { weekDays } from '../weekly-list/weekly-list.policy';
import { loadPlans, Plan, PlanChoice, planChoices, planLoad } from './assignment-plan';
import { Assignment, AssignmentStatus, StudentChoice } from './assignment.entity';
import { assignmentService } from './assignment.service';

export interface SubjectLine {
  plan: Plan;
  lightestWrittenMinutes: number;
  heaviestWrittenMinutes: number;
}

export interface LoadPreview {
  cls: SchoolClass;
  day: string;
  dayKind: DayKind;
  capMinutes: number;
  /** Published assignments, plus the draft being previewed if one was named. */
  subjects: SubjectLine[];
  lightestTotalMinutes: number;
  heaviestTotalMinutes: number;
  remainingMinutes: number;
  excessMinutes: number;
}

export interface StudentDayLine {
  plan: Plan;
  choices: PlanChoice[];
  choice: string | null;
  submission: Submission | null;
}

function lines(plans: Plan[]): SubjectLine[] {
  return plans.map((plan) => ({ plan, ...planLoad(plan) }));
}

export class ClassDayService {
  /**
   * The load figures of a class's day before publishing: the cap, every published subject's
   * lightest and heaviest written at-home minutes, and (with `assignmentId`) the draft too.
   */
  async preview(ctx: RequestContext, classId: string, day: string, assignmentId?: string | null): Promise<LoadPreview> {
    const cls = await ctx.db.getRepository(SchoolClass).findOneBy({ schoolId: ctx.schoolId, id: classId });
    if (!cls || !staffReachesClass(ctx.viewer, classId)) throw new NotFoundError('Class', classId);
    const { dayKind, capMinutes } = await loadService.capOn(ctx, cls.grade, day);
    let plans = await assignmentService.publishedPlans(ctx, ctx.db, classId, day, assignmentId ?? undefined);
    if (assignmentId) {
      const draft = await assignmentService.get(ctx, assignmentId);
      if (draft.classId !== classId || draft.day !== day) throw new InvalidInputError('assignmentId', 'The assignment is for another class or day');
      plans = plans.filter((p) => p.assignment.subjectId !== draft.subjectId).concat(await assignmentService.plan(ctx, draft));
    }
    const subjects = lines(plans);
    const heaviest = subjects.reduce((s, l) => s + l.heaviestWrittenMinutes, 0);
    return {
      cls, day, dayKind, capMinutes, subjects,
      lightestTotalMinutes: subjects.reduce((s, l) => s + l.lightestWrittenMinutes, 0),
      heaviestTotalMinutes: heaviest,
      remainingMinutes: Math.max(0, capMinutes - heaviest),
      excessMinutes: Math.max(0, heaviest - capMinutes),
    };
  }

  /**
   * A student's day: each published assignment of their class with its choices and the
   * student's own choice. For the student, their parents and the staff of their class.
   */
  async studentDay(ctx: RequestContext, studentId: string, day: string): Promise<StudentDayLine[]> {
    const student = await ctx.db.getRepository(User).findOneBy({ schoolId: ctx.schoolId, id: studentId });
    const v = ctx.viewer;
    const allowed = student?.classId && (student.id === v.userId || v.childIds.has(student.id) || staffReachesClass(v, student.classId));
    if (!student || !student.classId || !allowed) throw new NotFoundError('Student', studentId);
    const assignments = await ctx.db.getRepository(Assignment).find({
      where: { schoolId: ctx.schoolId, classId: student.classId, day, status: AssignmentStatus.PUBLISHED }, order: { subjectId: 'ASC' },
    });
    const plans = await loadPlans(ctx.db, ctx.schoolId, assignments);
    const assignmentIds = In(assignments.map((a) => a.id));
    const [choices, submissions] = assignments.length
      ? await Promise.all([
        ctx.db.getRepository(StudentChoice).findBy({ schoolId: ctx.schoolId, studentId, assignmentId: assignmentIds }),
        ctx.db.getRepository(Submission).findBy({ schoolId: ctx.schoolId, studentId, assignmentId: assignmentIds }),
      ])
      : [[], []];
    privacyService.noteAccess(ctx, choices.map((c) => ({ studentId, resource: 'tier_choice' as const, resourceId: c.assignmentId })));
    return plans.map((plan) => ({
      plan,
      choices: planChoices(plan),
      choice: choices.find((c) => c.assignmentId === plan.assignment.id)?.choice ?? null,
      submission: submissions.find((x) => x.assignmentId === plan.assignment.id) ?? null,
    }));
  }

  /** A student chooses (or changes) their package or level; only for themself, never fixed by others. */
  async choose(ctx: RequestContext, assignmentId: string, choiceKey: string): Promise<StudentDayLine> {
    if (!ctx.hasRole(Role.STUDENT)) throw new ForbiddenError('Only students choose their own package or level');
    await privacyService.requireConsent(ctx, ctx.viewer.userId);
    return withTransaction(ctx, async (tx) => {
      const a = await tx.findOneBy(Assignment, { schoolId: ctx.schoolId, id: assignmentId });
      if (!a || a.classId !== ctx.viewer.classId || a.status !== AssignmentStatus.PUBLISHED) throw new NotFoundError('Assignment', assignmentId);
      const submitted = await tx.exists(Submission, { where: { schoolId: ctx.schoolId, assignmentId: a.id, studentId: ctx.viewer.userId } });
      if (submitted) throw new RuleViolation(UserErrorCode.ALREADY_SUBMITTED, 'You have handed this homework in; your choice is kept with it', ['choice']);
      const [plan] = await loadPlans(tx, ctx.schoolId, [a]);
      const choices = planChoices(plan);
      if (!choices.some((c) => c.key === choiceKey)) {
        throw new RuleViolation(UserErrorCode.UNKNOWN_CHOICE, `Choose one of ${choices.map((c) => c.key).join(', ')}`, ['choice']);
      }
      await tx.upsert(StudentChoice, { schoolId: ctx.schoolId, assignmentId: a.id, studentId: ctx.viewer.userId, choice: choiceKey, chosenAt: new Date() },
        ['schoolId', 'assignmentId', 'studentId']);
      return { plan, choices, choice: choiceKey, submission: null };
    });
  }

  /**
   * 作业公示: a class's published homework for a week, per day and subject, with the day's
   * heaviest written total against its cap. No student data; readable by everyone in the school.
   */
  async weeklyNotice(ctx: RequestContext, classId: string, weekStart: string) {
    if (isoWeekday(weekStart) !== 1) throw new InvalidInputError('weekStart', 'weekStart must be a Monday');
    const cls = await ctx.db.getRepository(SchoolClass).findOneBy({ schoolId: ctx.schoolId, id: classId });
    if (!cls) throw new NotFoundError('Class', classId);
    const days = weekDays(weekStart);
    const assignments = await ctx.db.getRepository(Assignment).createQueryBuilder('a')
      .where('a.school_id = :s AND a.class_id = :c AND a.status = :p AND a.day BETWEEN :from AND :to',
        { s: ctx.schoolId, c: classId, p: AssignmentStatus.PUBLISHED, from: days[0], to: days[6] })
      .orderBy('a.day').addOrderBy('a.subject_id').getMany();
    const plans = await loadPlans(ctx.db, ctx.schoolId, assignments);
    const caps = await loadService.capsOn(ctx, cls.grade, days);
    return {
      cls,
      weekStart,
      days: days.map((day) => {
        const subjects = lines(plans.filter((p) => p.assignment.day === day));
        return {
          day, ...caps.get(day)!, subjects,
          heaviestTotalMinutes: subjects.reduce((s, l) => s + l.heaviestWrittenMinutes, 0),
          lightestTotalMinutes: subjects.reduce((s, l) => s + l.lightestWrittenMinutes, 0),
        };
      }),
    };
  }
}

export const classDayService = new ClassDayService();
