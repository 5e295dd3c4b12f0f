import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Payload } from '../../core/payload';
import { Role, STAFF_ROLES } from '../../core/roles';
import { LocalDate } from '../../core/scalars';
import { ClassNode } from '../class/class.type';
import { Subject } from '../school/school.entity';
import { schoolService } from '../school/school.service';
import { SubjectNode } from '../school/school.type';
import { BudgetLine } from './subject-budget.policy';
import { BudgetDay, BudgetWeek, subjectBudgetService } from './subject-budget.service';
import {
  SubjectBudgetDayNode, SubjectBudgetLineNode, SubjectBudgetReleaseInput, SubjectBudgetReleaseNode, SubjectBudgetsSetInput, SubjectBudgetWeekNode,
} from './subject-budget.type';

const SubjectBudgetsPayload = Payload('week', () => SubjectBudgetWeekNode, {
  name: 'SubjectBudgetsPayload', description: "Result of setting a class's subject budgets", fieldDescription: 'The weekly plan now in force',
});
type SubjectBudgetsPayload = InstanceType<typeof SubjectBudgetsPayload>;

const SubjectBudgetReleasePayload = Payload('day', () => SubjectBudgetDayNode, {
  name: 'SubjectBudgetReleasePayload', description: 'Result of releasing minutes', fieldDescription: "The class's budgets on the date after the release",
});
type SubjectBudgetReleasePayload = InstanceType<typeof SubjectBudgetReleasePayload>;

/** Subjects in the school's order, as nodes: a small table read once per answer. */
async function subjectTable(ctx: RequestContext): Promise<{ node: (id: string) => SubjectNode; order: (id: string) => number }> {
  const subjects: Subject[] = await schoolService.subjects(ctx);
  const byId = new Map(subjects.map((s, i) => [s.id, { node: SubjectNode.from(s), i }]));
  return { node: (id) => byId.get(id)!.node, order: (id) => byId.get(id)?.i ?? subjects.length };
}

/** Budget lines as GraphQL nodes, in the school's order of subjects (the load preview shows them too). */
export async function budgetLineNodes(ctx: RequestContext, lines: BudgetLine[]): Promise<SubjectBudgetLineNode[]> {
  const table = await subjectTable(ctx);
  return [...lines].sort((a, b) => table.order(a.subjectId) - table.order(b.subjectId))
    .map(({ subjectId, ...figures }) => Object.assign(new SubjectBudgetLineNode(), { subject: table.node(subjectId), ...figures }));
}

async function weekNode(ctx: RequestContext, week: BudgetWeek): Promise<SubjectBudgetWeekNode> {
  const table = await subjectTable(ctx);
  return {
    class: ClassNode.from(week.cls), revision: week.revision, writtenCapMinutes: week.writtenCapMinutes, totalCapMinutes: week.totalCapMinutes,
    limitMinutes: week.limitMinutes,
    days: week.days.map((d) => ({
      weekday: d.weekday, totalMinutes: d.totalMinutes,
      budgets: [...d.budgets].sort((a, b) => table.order(a.subjectId) - table.order(b.subjectId)).map((b) => ({ subject: table.node(b.subjectId), minutes: b.minutes })),
    })),
  };
}

async function dayNode(ctx: RequestContext, day: BudgetDay): Promise<SubjectBudgetDayNode> {
  const table = await subjectTable(ctx);
  return {
    date: day.day, weekday: day.weekday, dayKind: day.dayKind, budgeted: day.budgeted, lines: await budgetLineNodes(ctx, day.lines),
    releases: day.releases.map((r) => Object.assign(new SubjectBudgetReleaseNode(), {
      from: table.node(r.fromSubjectId), to: table.node(r.toSubjectId), minutes: r.minutes, releasedAt: r.releasedAt,
    })),
  };
}

@Resolver()
export class SubjectBudgetResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => SubjectBudgetWeekNode, { description: "A class's weekly plan of subject budgets (staff of the class)" })
  async subjectBudgets(@Arg('classId', () => ID) classId: string, @Ctx() ctx: RequestContext): Promise<SubjectBudgetWeekNode> {
    return weekNode(ctx, await subjectBudgetService.week(ctx, fromGlobalId(classId, 'Class', 'classId')));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => SubjectBudgetDayNode, { description: "A class's subject budgets on a date: each subject's budget, releases, use and what is left (staff of the class)" })
  async subjectBudgetDay(@Arg('classId', () => ID) classId: string, @Arg('date', () => LocalDate) date: string, @Ctx() ctx: RequestContext): Promise<SubjectBudgetDayNode> {
    return dayNode(ctx, await subjectBudgetService.day(ctx, fromGlobalId(classId, 'Class', 'classId'), date));
  }

  @Authorized(Role.HEAD_TEACHER, Role.ACADEMIC_OFFICE)
  @Mutation(() => SubjectBudgetsPayload, { description: "Replace a class's weekly subject budgets (its head teacher or the academic office); a weekday over the cap is refused" })
  subjectBudgetsSet(@Arg('input', () => SubjectBudgetsSetInput) input: SubjectBudgetsSetInput, @Ctx() ctx: RequestContext): Promise<SubjectBudgetsPayload> {
    return SubjectBudgetsPayload.of(async () => weekNode(ctx, await subjectBudgetService.setWeek(ctx, {
      classId: fromGlobalId(input.classId, 'Class', 'classId'), expectedRevision: input.expectedRevision,
      days: input.days.map((d, i) => ({
        weekday: d.weekday,
        budgets: d.budgets.map((b, j) => ({ subjectId: fromGlobalId(b.subjectId, 'Subject', `days[${i}].budgets[${j}].subjectId`), minutes: b.minutes })),
      })),
    })));
  }

  @Authorized(Role.HEAD_TEACHER, Role.ACADEMIC_OFFICE)
  @Mutation(() => SubjectBudgetReleasePayload, { description: "Give a subject's unused minutes to another subject for one date (the class's head teacher or the academic office)" })
  subjectBudgetRelease(@Arg('input', () => SubjectBudgetReleaseInput) input: SubjectBudgetReleaseInput, @Ctx() ctx: RequestContext): Promise<SubjectBudgetReleasePayload> {
    return SubjectBudgetReleasePayload.of(async () => dayNode(ctx, await subjectBudgetService.release(ctx, {
      classId: fromGlobalId(input.classId, 'Class', 'classId'), day: input.date, minutes: input.minutes,
      fromSubjectId: fromGlobalId(input.fromSubjectId, 'Subject', 'fromSubjectId'), toSubjectId: fromGlobalId(input.toSubjectId, 'Subject', 'toSubjectId'),
    })));
  }
}
