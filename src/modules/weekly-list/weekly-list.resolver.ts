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
import { WeeklyListFileInput, WeeklyListSaveInput } from './weekly-list.input';
import { dailyTotals } from './weekly-list.policy';
import { weeklyListService } from './weekly-list.service';
import { DayTotalNode, GradeWeekTotals, WeeklyListEntryNode, WeeklyListNode } from './weekly-list.type';

const WeeklyListPayload = Payload('list', () => WeeklyListNode, {
  name: 'WeeklyListPayload', description: 'Result of a change to a weekly list', fieldDescription: 'The list after the change',
});
type WeeklyListPayload = InstanceType<typeof WeeklyListPayload>;

@ObjectType({ description: "Every research group's list for one week, side by side" })
class WeeklyListOverview {
  @Field(() => LocalDate, { description: 'Monday of the week' }) weekStart!: string;
  @Field(() => [WeeklyListNode], { description: 'Lists saved for the week, by grade' }) lists!: WeeklyListNode[];
  @Field(() => [ResearchGroupNode], { description: 'Groups that have not filed a list for the week' }) groupsNotFiled!: ResearchGroupNode[];
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
    return { ...o, lists: o.lists.map(WeeklyListNode.from), groupsNotFiled: o.groupsNotFiled.map(ResearchGroupNode.from) };
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

  @FieldResolver(() => [DayTotalNode], { description: 'Predicted minutes per day, Monday to Sunday' })
  async dailyTotals(@Root() l: WeeklyListNode, @Ctx() ctx: RequestContext): Promise<DayTotalNode[]> {
    return dailyTotals(l.entity.weekStart, await weeklyListService.entries(ctx, l.entity.id));
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
