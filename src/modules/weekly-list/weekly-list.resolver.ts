import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Role, STAFF_ROLES } from '../../core/roles';
import { LocalDate } from '../../core/scalars';
import { Payload } from '../../core/payload';
import { bankItemService } from '../bank/bank-item.service';
import { BankItemNode, UnitNode } from '../bank/bank.type';
import { unitService } from '../bank/unit.service';
import { researchGroupService } from '../research-group/research-group.service';
import { ResearchGroupNode } from '../research-group/research-group.type';
import { userService } from '../user/user.service';
import { UserNode } from '../user/user.type';
import {
  WeeklyListApproveInput, WeeklyListDeadlineSetInput, WeeklyListFileInput, WeeklyListReturnInput, WeeklyListSaveInput,
} from './weekly-list.input';
import { dailyTotals } from './weekly-list.policy';
import { weeklyListService } from './weekly-list.service';
import { listLoad } from './weekly-list-load';
import { deadlineOf } from './weekly-list-review.policy';
import { weeklyListReviewService } from './weekly-list-review.service';
import {
  DayTotalNode, GradeWeekTotals, WeeklyListDayLoadNode, WeeklyListDeadlineNode, WeeklyListEntryNode, WeeklyListEventNode, WeeklyListLoadCheckNode,
  WeeklyListNode, WeeklyListSuggestionNode,
} from './weekly-list.type';

const WeeklyListPayload = Payload('list', () => WeeklyListNode, {
  name: 'WeeklyListPayload', description: 'Result of a change to a weekly list', fieldDescription: 'The list after the change',
});
type WeeklyListPayload = InstanceType<typeof WeeklyListPayload>;

const WeeklyListDeadlinePayload = Payload('deadline', () => WeeklyListDeadlineNode, {
  name: 'WeeklyListDeadlinePayload', description: "Result of a change to the school's weekly-list deadline", fieldDescription: 'The setting after the change',
});
type WeeklyListDeadlinePayload = InstanceType<typeof WeeklyListDeadlinePayload>;

@ObjectType({ description: "Every research group's list for one week, side by side" })
class WeeklyListOverview {
  @Field(() => LocalDate, { description: 'Monday of the week' }) weekStart!: string;
  @Field(() => Date, { description: "When the week's lists are due (the school's deadline)" }) dueAt!: Date;
  @Field({ description: 'Whether the deadline has passed' }) pastDeadline!: boolean;
  @Field(() => [WeeklyListNode], { description: 'Lists saved for the week, by grade (each says whether it was filed late)' }) lists!: WeeklyListNode[];
  @Field(() => [ResearchGroupNode], { description: 'Groups with no filed or approved list for the week (none, a draft, or one returned to them)' }) groupsNotFiled!: ResearchGroupNode[];
  @Field(() => [GradeWeekTotals], { description: 'Predicted daily totals per grade over the filed lists' }) grades!: GradeWeekTotals[];
}

@Resolver(() => WeeklyListNode)
export class WeeklyListResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => WeeklyListNode, { nullable: true, description: "A research group's list for a week; null if none was saved" })
  async weeklyList(
    @Arg('groupId', () => ID) groupId: string,
    @Arg('weekStart', () => LocalDate, { description: 'Monday of the week' }) weekStart: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WeeklyListNode | null> {
    const list = await weeklyListService.get(ctx, fromGlobalId(groupId, 'ResearchGroup', 'groupId'), weekStart);
    return list && WeeklyListNode.from(list);
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Query(() => WeeklyListOverview, { description: "Every group's list for a week with daily totals per grade (academic office)" })
  async weeklyListOverview(
    @Arg('weekStart', () => LocalDate, { description: 'Monday of the week' }) weekStart: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WeeklyListOverview> {
    const o = await weeklyListService.overview(ctx, weekStart);
    return { ...o, dueAt: o.deadline.at, lists: o.lists.map(WeeklyListNode.from), groupsNotFiled: o.groupsNotFiled.map(ResearchGroupNode.from) };
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => WeeklyListPayload, { description: "Save a group's planned homework for a week (members of the group)" })
  weeklyListSave(@Arg('input', () => WeeklyListSaveInput) input: WeeklyListSaveInput, @Ctx() ctx: RequestContext): Promise<WeeklyListPayload> {
    return WeeklyListPayload.of(async () => WeeklyListNode.from(await weeklyListService.save(ctx, {
      ...input,
      groupId: fromGlobalId(input.groupId, 'ResearchGroup', 'groupId'),
      entries: input.entries.map((e, i) => ({
        ...e,
        unitId: fromGlobalId(e.unitId, 'Unit', `entries[${i}].unitId`),
        itemId: e.itemId ? fromGlobalId(e.itemId, 'BankItem', `entries[${i}].itemId`) : null,
      })),
    })));
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => WeeklyListPayload, { description: 'File a weekly list with the academic office; it is locked afterwards' })
  weeklyListFile(@Arg('input', () => WeeklyListFileInput) input: WeeklyListFileInput, @Ctx() ctx: RequestContext): Promise<WeeklyListPayload> {
    return WeeklyListPayload.of(async () =>
      WeeklyListNode.from(await weeklyListService.file(ctx, fromGlobalId(input.listId, 'WeeklyList', 'listId'), input.expectedRevision)));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => WeeklyListDeadlineNode, { description: "When the school's weekly lists are due (default: Thursday 17:00 of the week before)" })
  weeklyListDeadline(@Ctx() ctx: RequestContext): Promise<WeeklyListDeadlineNode> {
    return weeklyListReviewService.deadlineSetting(ctx);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => WeeklyListSuggestionNode, {
    nullable: true,
    description: "The day's entries of the approved (or filed) weekly list of the class's grade group in a subject: where composing the day starts; null if there is none",
  })
  async weeklyListSuggestion(
    @Arg('classId', () => ID) classId: string,
    @Arg('subjectId', () => ID) subjectId: string,
    @Arg('day', () => LocalDate) day: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WeeklyListSuggestionNode | null> {
    const s = await weeklyListReviewService.suggestion(ctx, fromGlobalId(classId, 'Class', 'classId'), fromGlobalId(subjectId, 'Subject', 'subjectId'), day);
    return s && { list: WeeklyListNode.from(s.list), day: s.day, entries: s.entries.map(WeeklyListEntryNode.from) };
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => WeeklyListPayload, { description: 'Approve a filed weekly list (academic office); it is final' })
  weeklyListApprove(@Arg('input', () => WeeklyListApproveInput) input: WeeklyListApproveInput, @Ctx() ctx: RequestContext): Promise<WeeklyListPayload> {
    return WeeklyListPayload.of(async () => WeeklyListNode.from(
      await weeklyListReviewService.approve(ctx, fromGlobalId(input.listId, 'WeeklyList', 'listId'), input.expectedRevision, input.comment ?? null)));
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => WeeklyListPayload, { description: 'Return a filed weekly list to its group with a comment (academic office); the group edits it and files it again' })
  weeklyListReturn(@Arg('input', () => WeeklyListReturnInput) input: WeeklyListReturnInput, @Ctx() ctx: RequestContext): Promise<WeeklyListPayload> {
    return WeeklyListPayload.of(async () => WeeklyListNode.from(
      await weeklyListReviewService.return(ctx, fromGlobalId(input.listId, 'WeeklyList', 'listId'), input.expectedRevision, input.comment)));
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => WeeklyListDeadlinePayload, { description: "Set when the school's weekly lists are due (academic office)" })
  weeklyListDeadlineSet(@Arg('input', () => WeeklyListDeadlineSetInput) input: WeeklyListDeadlineSetInput, @Ctx() ctx: RequestContext): Promise<WeeklyListDeadlinePayload> {
    return WeeklyListDeadlinePayload.of(() => weeklyListReviewService.setDeadline(ctx, input));
  }

  @FieldResolver(() => ResearchGroupNode, { description: 'The research group' })
  async group(@Root() l: WeeklyListNode, @Ctx() ctx: RequestContext): Promise<ResearchGroupNode> {
    return ResearchGroupNode.from(await researchGroupService.get(ctx, l.entity.groupId));
  }

  @FieldResolver(() => UserNode, { nullable: true, description: 'Who filed it' })
  async filedBy(@Root() l: WeeklyListNode, @Ctx() ctx: RequestContext): Promise<UserNode | null> {
    return l.entity.filedBy ? UserNode.from(await userService.get(ctx, l.entity.filedBy)) : null;
  }

  @FieldResolver(() => [WeeklyListEntryNode], { description: 'The planned homework, by day' })
  async entries(@Root() l: WeeklyListNode, @Ctx() ctx: RequestContext): Promise<WeeklyListEntryNode[]> {
    return (await weeklyListService.entries(ctx, l.entity.id)).map(WeeklyListEntryNode.from);
  }

  @FieldResolver(() => UserNode, { nullable: true, description: 'Who in the academic office last approved or returned it' })
  async reviewedBy(@Root() l: WeeklyListNode, @Ctx() ctx: RequestContext): Promise<UserNode | null> {
    return l.entity.reviewedBy ? UserNode.from(await userService.get(ctx, l.entity.reviewedBy)) : null;
  }

  @FieldResolver(() => Date, { description: "When it is due: the school's deadline for its week" })
  async dueAt(@Root() l: WeeklyListNode, @Ctx() ctx: RequestContext): Promise<Date> {
    return deadlineOf(l.entity.weekStart, await weeklyListReviewService.deadlineSetting(ctx)).at;
  }

  @FieldResolver(() => [WeeklyListEventNode], { description: 'Its filings and reviews, oldest first' })
  async history(@Root() l: WeeklyListNode, @Ctx() ctx: RequestContext): Promise<WeeklyListEventNode[]> {
    return (await weeklyListReviewService.history(ctx, l.entity.id)).map(WeeklyListEventNode.from);
  }

  @FieldResolver(() => WeeklyListLoadCheckNode, {
    description: "Its own load check: its planned minutes at home with the grade's other filed lists, day by day, against the caps (filing is refused while a day is over)",
  })
  async loadCheck(@Root() l: WeeklyListNode, @Ctx() ctx: RequestContext): Promise<WeeklyListLoadCheckNode> {
    const group = await researchGroupService.get(ctx, l.entity.groupId);
    const load = await listLoad(ctx, l.entity, group, await weeklyListService.entries(ctx, l.entity.id));
    const days = load.days.map((d) => Object.assign(new WeeklyListDayLoadNode(), d));
    return { fits: load.fits, days, daysOver: days.filter((d) => !d.fits) };
  }

  @FieldResolver(() => [DayTotalNode], { description: 'Predicted minutes per day, Monday to Sunday' })
  async dailyTotals(@Root() l: WeeklyListNode, @Ctx() ctx: RequestContext): Promise<DayTotalNode[]> {
    return dailyTotals(l.entity.weekStart, await weeklyListService.entries(ctx, l.entity.id));
  }
}

@Resolver(() => WeeklyListEventNode)
export class WeeklyListEventResolver {
  @FieldResolver(() => UserNode, { description: 'Who filed, approved or returned it' })
  async actor(@Root() e: WeeklyListEventNode, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from(await userService.get(ctx, e.entity.actorId));
  }
}

@Resolver(() => WeeklyListEntryNode)
export class WeeklyListEntryResolver {
  @FieldResolver(() => UnitNode, { description: 'The unit' })
  async unit(@Root() e: WeeklyListEntryNode, @Ctx() ctx: RequestContext): Promise<UnitNode> {
    return UnitNode.from(await unitService.get(ctx, e.entity.unitId));
  }

  @FieldResolver(() => BankItemNode, { nullable: true, description: 'The bank item planned, if one was named' })
  async item(@Root() e: WeeklyListEntryNode, @Ctx() ctx: RequestContext): Promise<BankItemNode | null> {
    const item = e.entity.itemId ? await bankItemService.find(ctx, e.entity.itemId) : null;
    return item && BankItemNode.from(item);
  }
}
