import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Role, STAFF_ROLES } from '../../core/roles';
import { LocalDate } from '../../core/scalars';
import { Payload } from '../../core/payload';
import { bankItemService } from '../bank/bank-item.service';
import { BankItemNode, BankItemVersionNode } from '../bank/bank.type';
import { classService } from '../class/class.service';
import { ClassNode } from '../class/class.type';
import { schoolService } from '../school/school.service';
import { SubjectNode } from '../school/school.type';
import { userService } from '../user/user.service';
import { UserNode } from '../user/user.type';
import { planChoices, planLoad, plansOn } from './assignment-plan';
import { MAX_SPAN_DAYS, sharesOf, spanDays } from './assignment-span.policy';
import { AssignmentChooseInput, AssignmentCreateInput, AssignmentOptionInput, AssignmentStepInput, AssignmentUpdateInput, LoadDraftInput } from './assignment.input';
import { assignmentService, OptionInput } from './assignment.service';
import {
  AssignmentChoiceNode, AssignmentDayNode, AssignmentItemNode, AssignmentNode, AssignmentOptionNode, DraftLoadNode, HeaviestStudentLoadNode, LoadPreviewNode, NoticeSubject, StudentDayEntry, WeeklyNoticeNode,
} from './assignment.type';
import { classDayService } from './class-day.service';
import { budgetLineNodes } from '../load/subject-budget.resolver';
import { staffReachesClass } from '../user/user.policy';
import { studentGroupService } from './student-group.service';
import { StudentGroupNode } from './student-group.type';
import { subjectBudgetService } from '../load/subject-budget.service';

const AssignmentPayload = Payload('assignment', () => AssignmentNode, {
  name: 'AssignmentPayload', description: 'Result of a change to an assignment', fieldDescription: 'The assignment after the change',
});
type AssignmentPayload = InstanceType<typeof AssignmentPayload>;

const AssignmentChoosePayload = Payload('entry', () => StudentDayEntry, {
  name: 'AssignmentChoosePayload', description: "Result of a student's choice", fieldDescription: 'The subject of the day with the new choice',
});
type AssignmentChoosePayload = InstanceType<typeof AssignmentChoosePayload>;

const optionsOf = (options: AssignmentOptionInput[]): OptionInput[] =>
  options.map((o, i) => ({ ...o, items: o.items.map((it, j) => ({ ...it, itemId: fromGlobalId(it.itemId, 'BankItem', `options[${i}].items[${j}].itemId`) })) }));

const assignmentPayload = (work: () => Promise<import('./assignment.entity').Assignment>) =>
  AssignmentPayload.of(async () => AssignmentNode.from(await work()));

/** Previews of a class's days (`classDayService.previews`) as the schema's nodes. */
async function previewNodes(ctx: RequestContext, classId: string, dates: string[], assignmentId: string | null, draft: LoadDraftInput | null): Promise<LoadPreviewNode[]> {
  const previews = await classDayService.previews(ctx, fromGlobalId(classId, 'Class', 'classId'), dates,
    assignmentId ? fromGlobalId(assignmentId, 'Assignment', 'assignmentId') : null,
    draft && {
      ...draft, subjectId: fromGlobalId(draft.subjectId, 'Subject', 'draft.subjectId'),
      options: draft.options.map((o, i) => ({ ...o, items: o.items.map((it, j) => ({ ...it, itemId: fromGlobalId(it.itemId, 'BankItem', `draft.options[${i}].items[${j}].itemId`) })) })),
      groupId: draft.groupId ? fromGlobalId(draft.groupId, 'StudentGroup', 'draft.groupId') : null,
    });
  return Promise.all(previews.map(async (p) => ({
    ...p, date: p.day, subjects: p.subjects.map((s) => ({ ...s, assignment: AssignmentNode.from(s.plan.assignment) })),
    draft: p.draft && Object.assign(new DraftLoadNode(), { ...p.draft, choices: p.draft.choices.map(AssignmentChoiceNode.from) }),
    subjectBudgets: p.subjectBudgets && await budgetLineNodes(ctx, p.subjectBudgets),
    heaviestStudent: p.heaviestStudent && Object.assign(new HeaviestStudentLoadNode(), p.heaviestStudent),
  })));
}

@Resolver(() => AssignmentNode)
export class AssignmentResolver {
  @Authorized()
  @Query(() => AssignmentNode, { description: 'An assignment you may see (drafts: staff of the class)' })
  async assignment(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<AssignmentNode> {
    return AssignmentNode.from(await assignmentService.get(ctx, fromGlobalId(id, 'Assignment')));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => [AssignmentNode], { description: 'Assignments of a class between two days, drafts included (staff of the class)' })
  async classAssignments(
    @Arg('classId', () => ID) classId: string, @Arg('from', () => LocalDate) from: string, @Arg('to', () => LocalDate) to: string, @Ctx() ctx: RequestContext,
  ): Promise<AssignmentNode[]> {
    return (await assignmentService.ofClass(ctx, fromGlobalId(classId, 'Class', 'classId'), from, to)).map(AssignmentNode.from);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => LoadPreviewNode, { description: "A class's day against its cap; name a draft to see it added (staff of the class)" })
  async loadPreview(
    @Arg('classId', () => ID) classId: string,
    @Arg('date', () => LocalDate) date: string,
    @Arg('assignmentId', () => ID, { nullable: true }) assignmentId: string | null,
    @Arg('draft', () => LoadDraftInput, { nullable: true, description: 'An assignment being composed, not yet saved' }) draft: LoadDraftInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LoadPreviewNode> {
    return (await previewNodes(ctx, classId, [date], assignmentId, draft))[0];
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => [LoadPreviewNode], {
    description: "Several days of a class against their caps at once, in the order given (the days of homework over several days being composed); each as `loadPreview` answers it (staff of the class)",
  })
  async loadPreviews(
    @Arg('classId', () => ID) classId: string,
    @Arg('dates', () => [LocalDate], { description: `The days, each once; at most ${MAX_SPAN_DAYS}` }) dates: string[],
    @Arg('assignmentId', () => ID, { nullable: true, description: 'A saved assignment to see added; it must cover every day' }) assignmentId: string | null,
    @Arg('draft', () => LoadDraftInput, { nullable: true, description: 'An assignment being composed, not yet saved' }) draft: LoadDraftInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LoadPreviewNode[]> {
    return previewNodes(ctx, classId, dates, assignmentId, draft);
  }

  @Authorized()
  @Query(() => [StudentDayEntry], { description: "A student's day: each subject, its choices and the student's own choice (the student, their parents, staff of the class)" })
  async studentDay(
    @Arg('date', () => LocalDate) date: string,
    @Arg('studentId', () => ID, { nullable: true, description: 'Defaults to yourself' }) studentId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<StudentDayEntry[]> {
    const id = studentId ? fromGlobalId(studentId, 'User', 'studentId') : ctx.viewer.userId;
    return (await classDayService.studentDay(ctx, id, date)).map((l) => ({
      assignment: AssignmentNode.from(l.plan.assignment), choices: l.choices.map(AssignmentChoiceNode.from), choice: l.choice,
      needsChoice: l.choice === null, suggestedChoice: l.suggestedChoice, submissionId: l.submission?.id ?? null,
    }));
  }

  @Authorized()
  @Query(() => WeeklyNoticeNode, { description: '作业公示: a class\'s published homework for a week; readable by everyone in the school' })
  async weeklyNotice(@Arg('classId', () => ID) classId: string, @Arg('weekStart', () => LocalDate) weekStart: string, @Ctx() ctx: RequestContext): Promise<WeeklyNoticeNode> {
    const notice = await classDayService.weeklyNotice(ctx, fromGlobalId(classId, 'Class', 'classId'), weekStart);
    // The week's subjects came with its homework (in the loaders).
    const ids = [...new Set(notice.days.flatMap((d) => d.subjects.map((l) => l.plan.assignment.subjectId)))];
    const subjects = await Promise.all(ids.map((id) => schoolService.subject(ctx, id)));
    const nameOf = (id: string) => subjects.find((s) => s.id === id)?.name ?? '';
    return {
      className: notice.cls.name,
      weekStart,
      days: notice.days.map((d) => ({
        ...d,
        subjects: d.subjects.map((l) => Object.assign(new NoticeSubject(), {
          classId: notice.cls.id, day: d.day, dayKind: d.dayKind, subjectId: l.plan.assignment.subjectId,
          subject: nameOf(l.plan.assignment.subjectId), title: l.plan.assignment.title, content: l.plan.items.map((i) => i.title),
          firstDay: l.plan.assignment.day, dueDay: l.plan.assignment.dueDay,
          lightestWrittenMinutes: l.lightestWrittenMinutes, heaviestWrittenMinutes: l.heaviestWrittenMinutes,
          lightestAllFormsMinutes: l.lightestAllFormsMinutes, heaviestAllFormsMinutes: l.heaviestAllFormsMinutes,
          heaviestTotalMinutes: Math.max(0, ...planChoices(l.plan).map((c) => c.totalMinutes)),
        })),
      })),
    };
  }

  @Authorized(Role.TEACHER)
  @Mutation(() => AssignmentPayload, { description: 'Save a draft assignment for a class you teach (not yet checked)' })
  assignmentCreate(@Arg('input', () => AssignmentCreateInput) input: AssignmentCreateInput, @Ctx() ctx: RequestContext): Promise<AssignmentPayload> {
    const { clientKey, ...rest } = input;
    return assignmentPayload(() => assignmentService.create(ctx, {
      ...rest, day: input.date, classId: fromGlobalId(input.classId, 'Class', 'classId'),
      subjectId: fromGlobalId(input.subjectId, 'Subject', 'subjectId'), options: optionsOf(input.options),
      groupId: input.groupId ? fromGlobalId(input.groupId, 'StudentGroup', 'groupId') : null,
    }, clientKey));
  }

  @Authorized(Role.TEACHER)
  @Mutation(() => AssignmentPayload, { description: 'Change an assignment; a published one is checked again and stays as it was if refused' })
  assignmentUpdate(@Arg('input', () => AssignmentUpdateInput) input: AssignmentUpdateInput, @Ctx() ctx: RequestContext): Promise<AssignmentPayload> {
    return assignmentPayload(() => assignmentService.update(ctx, {
      ...input, assignmentId: fromGlobalId(input.assignmentId, 'Assignment', 'assignmentId'), options: optionsOf(input.options),
    }));
  }

  @Authorized(Role.TEACHER)
  @Mutation(() => AssignmentPayload, { description: 'Publish: checks the item rules and the class\'s daily cap' })
  assignmentPublish(@Arg('input', () => AssignmentStepInput) input: AssignmentStepInput, @Ctx() ctx: RequestContext): Promise<AssignmentPayload> {
    return assignmentPayload(() => assignmentService.publish(ctx, fromGlobalId(input.assignmentId, 'Assignment', 'assignmentId'), input.expectedRevision));
  }

  @Authorized(Role.TEACHER)
  @Mutation(() => AssignmentPayload, { description: 'Take a published assignment back to draft' })
  assignmentUnpublish(@Arg('input', () => AssignmentStepInput) input: AssignmentStepInput, @Ctx() ctx: RequestContext): Promise<AssignmentPayload> {
    return assignmentPayload(() => assignmentService.unpublish(ctx, fromGlobalId(input.assignmentId, 'Assignment', 'assignmentId'), input.expectedRevision));
  }

  @Authorized(Role.STUDENT)
  @Mutation(() => AssignmentChoosePayload, { description: 'Choose or change your package or level (students, for themselves)' })
  async assignmentChoose(@Arg('input', () => AssignmentChooseInput) input: AssignmentChooseInput, @Ctx() ctx: RequestContext): Promise<AssignmentChoosePayload> {
    return AssignmentChoosePayload.of(async () => {
      const l = await classDayService.choose(ctx, fromGlobalId(input.assignmentId, 'Assignment', 'assignmentId'), input.choice);
      return {
        assignment: AssignmentNode.from(l.plan.assignment), choices: l.choices.map(AssignmentChoiceNode.from), choice: l.choice, needsChoice: false,
        suggestedChoice: l.suggestedChoice, submissionId: null,
      };
    });
  }

  @FieldResolver(() => ClassNode, { description: 'The class' })
  async class(@Root() a: AssignmentNode, @Ctx() ctx: RequestContext): Promise<ClassNode> {
    return ClassNode.from((await classService.byId(ctx, a.entity.classId))!);
  }

  @FieldResolver(() => StudentGroupNode, {
    nullable: true,
    description: 'The group it is addressed to (null: the whole class). Staff only: students and parents get null, a group is never a label on a student',
  })
  async group(@Root() a: AssignmentNode, @Ctx() ctx: RequestContext): Promise<StudentGroupNode | null> {
    if (!a.entity.groupId || !staffReachesClass(ctx.viewer, a.entity.classId)) return null;
    return StudentGroupNode.from(await studentGroupService.get(ctx, a.entity.groupId));
  }

  @FieldResolver(() => SubjectNode, { description: 'The subject' })
  async subject(@Root() a: AssignmentNode, @Ctx() ctx: RequestContext): Promise<SubjectNode> {
    return SubjectNode.from(await schoolService.subject(ctx, a.entity.subjectId));
  }

  @FieldResolver(() => UserNode, { description: 'The teacher who set it' })
  async teacher(@Root() a: AssignmentNode, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from(await userService.get(ctx, a.entity.teacherId));
  }

  @FieldResolver(() => [AssignmentOptionNode], { description: 'Packages or parts, in order' })
  async options(@Root() a: AssignmentNode, @Ctx() ctx: RequestContext): Promise<AssignmentOptionNode[]> {
    const plan = await assignmentService.plan(ctx, a.entity);
    return plan.options.map((o) => Object.assign(new AssignmentOptionNode(), {
      key: o.key,
      name: o.name,
      items: plan.items.filter((i) => i.optionKey === o.key).map((i) =>
        Object.assign(new AssignmentItemNode(), { versionNo: i.versionNo, atHome: i.atHome, predictedMinutes: i.predictedMinutes, itemId: i.itemId })),
    }));
  }

  @FieldResolver(() => [AssignmentChoiceNode], { description: 'What a student may choose, with predicted minutes and ranges' })
  async choices(@Root() a: AssignmentNode, @Ctx() ctx: RequestContext): Promise<AssignmentChoiceNode[]> {
    return planChoices(await assignmentService.plan(ctx, a.entity)).map(AssignmentChoiceNode.from);
  }

  @FieldResolver(() => [AssignmentDayNode], {
    description: "Each day of the assignment with its share and the heaviest minutes counted on it (one day's homework: its day, all of it)",
  })
  async spread(@Root() a: AssignmentNode, @Ctx() ctx: RequestContext): Promise<AssignmentDayNode[]> {
    const plan = await assignmentService.plan(ctx, a.entity);
    const shares = sharesOf(a.entity);
    return spanDays(a.entity).map((day, i) => {
      const load = planLoad(plansOn([plan], day)[0]);
      return { day, share: shares[i], heaviestWrittenMinutes: load.heaviestWrittenMinutes, heaviestAllFormsMinutes: load.heaviestAllFormsMinutes };
    });
  }

  @FieldResolver(() => Int, { description: 'Written at-home minutes of the heaviest choice (what the cap counts)' })
  async heaviestWrittenMinutes(@Root() a: AssignmentNode, @Ctx() ctx: RequestContext): Promise<number> {
    return planLoad(await assignmentService.plan(ctx, a.entity)).heaviestWrittenMinutes;
  }
}

@Resolver(() => AssignmentItemNode)
export class AssignmentItemResolver {
  @FieldResolver(() => BankItemVersionNode, { description: 'The content of the pinned version (the marking guide stays staff-only)' })
  async content(@Root() i: AssignmentItemNode, @Ctx() ctx: RequestContext): Promise<BankItemVersionNode> {
    return BankItemVersionNode.from(await assignmentService.itemVersion(ctx, i.itemId, i.versionNo));
  }

  @FieldResolver(() => BankItemNode, { nullable: true, description: 'The bank item (staff who may see it; null for students and parents, who read `content`)' })
  async item(@Root() i: AssignmentItemNode, @Ctx() ctx: RequestContext): Promise<BankItemNode | null> {
    const item = await bankItemService.find(ctx, i.itemId);
    return item && BankItemNode.from(item);
  }
}

@Resolver(() => NoticeSubject)
export class NoticeSubjectResolver {
  @FieldResolver(() => Int, { nullable: true, description: "What the subject may publish that day by the class's budgets (after releases); null on a day without subject budgets" })
  async budgetMinutes(@Root() s: NoticeSubject, @Ctx() ctx: RequestContext): Promise<number | null> {
    const budgets = await subjectBudgetService.availableOnDay(ctx, s.classId, s.day, s.dayKind);
    return budgets && (budgets.get(s.subjectId) ?? 0);
  }
}

@Resolver(() => HeaviestStudentLoadNode)
export class HeaviestStudentLoadResolver {
  @FieldResolver(() => UserNode, { description: 'The student' })
  async student(@Root() h: HeaviestStudentLoadNode, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from(await userService.get(ctx, h.studentId));
  }
}

@Resolver(() => DraftLoadNode)
export class DraftLoadResolver {
  @FieldResolver(() => SubjectNode, { description: 'The subject' })
  async subject(@Root() d: DraftLoadNode, @Ctx() ctx: RequestContext): Promise<SubjectNode> {
    return SubjectNode.from(await schoolService.subject(ctx, d.subjectId));
  }
}
