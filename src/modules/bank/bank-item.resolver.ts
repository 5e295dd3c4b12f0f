import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Connection, PageArgs } from '../../core/pagination';
import { STAFF_ROLES } from '../../core/roles';
import { Payload } from '../../core/payload';
import { schoolService } from '../school/school.service';
import { SubjectNode } from '../school/school.type';
import { userService } from '../user/user.service';
import { UserNode } from '../user/user.type';
import { BankItemContentFields, BankItemCreateInput, BankItemFilterInput, BankItemReturnInput, BankItemStepInput, BankItemSuitedGradesSetInput, BankItemUpdateInput } from './bank.input';
import { BankItemNode, BankItemVersionNode, UnitNode, UnitObjectiveNode } from './bank.type';
import { bankItemService, ItemContent } from './bank-item.service';
import { bankSearchService } from './bank-search.service';
import { versionKey } from './bank.loaders';
import { unitService } from './unit.service';

const BankItemConnection = Connection(BankItemNode, 'BankItem');

const BankItemPayload = Payload('item', () => BankItemNode, {
  name: 'BankItemPayload', description: 'Result of a change to a bank item', fieldDescription: 'The item after the change',
});
type BankItemPayload = InstanceType<typeof BankItemPayload>;

@ArgsType()
class BankItemsArgs extends PageArgs {
  @Field(() => BankItemFilterInput, { nullable: true, description: 'Filters; all must hold' })
  @IsOptional()
  @ValidateNested()
  filter?: BankItemFilterInput | null;
}

/** Global ids of the content input turned into row ids. */
function contentOf(input: BankItemContentFields): ItemContent {
  return {
    ...input,
    sourceItemId: input.sourceItemId ? fromGlobalId(input.sourceItemId, 'BankItem', 'sourceItemId') : null,
    objectiveIds: input.objectiveIds.map((id) => fromGlobalId(id, 'UnitObjective', 'objectiveIds')),
  };
}

const itemPayload = (work: () => Promise<import('./bank-item.entity').BankItem>) =>
  BankItemPayload.of(async () => BankItemNode.from(await work()));

@Resolver(() => BankItemNode)
export class BankItemResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => BankItemNode, { description: 'A bank item you may see (staff)' })
  async bankItem(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<BankItemNode> {
    return BankItemNode.from(await bankItemService.get(ctx, fromGlobalId(id, 'BankItem')));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => BankItemConnection, { description: 'Search the bank, newest first (staff); drafts only within their research group' })
  async bankItems(@Args(() => BankItemsArgs) args: BankItemsArgs, @Ctx() ctx: RequestContext) {
    const f = args.filter ?? {};
    const page = await bankSearchService.search(ctx, {
      ...f,
      subjectId: f.subjectId ? fromGlobalId(f.subjectId, 'Subject', 'filter.subjectId') : null,
      unitId: f.unitId ? fromGlobalId(f.unitId, 'Unit', 'filter.unitId') : null,
      objectiveId: f.objectiveId ? fromGlobalId(f.objectiveId, 'UnitObjective', 'filter.objectiveId') : null,
      authorId: f.authorId ? fromGlobalId(f.authorId, 'User', 'filter.authorId') : null,
    }, args.first, args.after);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: BankItemNode.from(e.node) })) };
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => BankItemPayload, { description: 'Create a draft item (members of the unit\'s research group)' })
  bankItemCreate(@Arg('input', () => BankItemCreateInput) input: BankItemCreateInput, @Ctx() ctx: RequestContext): Promise<BankItemPayload> {
    const { clientKey, ...rest } = input;
    return itemPayload(() => bankItemService.create(ctx, fromGlobalId(input.unitId, 'Unit', 'unitId'), contentOf(rest), clientKey));
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => BankItemPayload, { description: 'Edit an item; an approved item gets a new draft version, the approved one stays' })
  bankItemUpdate(@Arg('input', () => BankItemUpdateInput) input: BankItemUpdateInput, @Ctx() ctx: RequestContext): Promise<BankItemPayload> {
    return itemPayload(() => bankItemService.update(ctx, fromGlobalId(input.itemId, 'BankItem', 'itemId'), input.expectedRevision, contentOf(input)));
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => BankItemPayload, { description: 'Send a draft or returned item to the group lead for review' })
  bankItemSubmitForReview(@Arg('input', () => BankItemStepInput) input: BankItemStepInput, @Ctx() ctx: RequestContext): Promise<BankItemPayload> {
    return itemPayload(() => bankItemService.submit(ctx, fromGlobalId(input.itemId, 'BankItem', 'itemId'), input.expectedRevision));
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => BankItemPayload, { description: 'Approve a submitted item (group lead or academic office; never your own)' })
  bankItemApprove(@Arg('input', () => BankItemStepInput) input: BankItemStepInput, @Ctx() ctx: RequestContext): Promise<BankItemPayload> {
    return itemPayload(() => bankItemService.approve(ctx, fromGlobalId(input.itemId, 'BankItem', 'itemId'), input.expectedRevision));
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => BankItemPayload, { description: 'Return a submitted item with a comment (group lead or academic office; never your own)' })
  bankItemReturn(@Arg('input', () => BankItemReturnInput) input: BankItemReturnInput, @Ctx() ctx: RequestContext): Promise<BankItemPayload> {
    return itemPayload(() => bankItemService.return(ctx, fromGlobalId(input.itemId, 'BankItem', 'itemId'), input.expectedRevision, input.comment));
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => BankItemPayload, { description: 'Retire an item: no new assignments use it; old ones keep their version' })
  bankItemRetire(@Arg('input', () => BankItemStepInput) input: BankItemStepInput, @Ctx() ctx: RequestContext): Promise<BankItemPayload> {
    return itemPayload(() => bankItemService.retire(ctx, fromGlobalId(input.itemId, 'BankItem', 'itemId'), input.expectedRevision));
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => BankItemPayload, { description: 'Mark an item as suited to other grades too, so classes of those grades may be assigned it (research group lead or academic office)' })
  bankItemSuitedGradesSet(@Arg('input', () => BankItemSuitedGradesSetInput) input: BankItemSuitedGradesSetInput, @Ctx() ctx: RequestContext): Promise<BankItemPayload> {
    return itemPayload(() => bankItemService.setSuitedGrades(ctx, fromGlobalId(input.itemId, 'BankItem', 'itemId'), input.grades, input.expectedRevision));
  }

  @FieldResolver(() => UnitNode, { description: 'The unit' })
  async unit(@Root() item: BankItemNode, @Ctx() ctx: RequestContext): Promise<UnitNode> {
    return UnitNode.from(await unitService.get(ctx, item.entity.unitId));
  }

  @FieldResolver(() => SubjectNode, { description: 'The subject' })
  async subject(@Root() item: BankItemNode, @Ctx() ctx: RequestContext): Promise<SubjectNode> {
    return SubjectNode.from(await schoolService.subject(ctx, item.entity.subjectId));
  }

  @FieldResolver(() => Int, { description: 'Grade 1–9' })
  grade(@Root() item: BankItemNode): number {
    return item.entity.grade;
  }

  @FieldResolver(() => UserNode, { description: 'Who created the item' })
  async author(@Root() item: BankItemNode, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from(await userService.get(ctx, item.entity.authorId));
  }

  @FieldResolver(() => BankItemVersionNode, { description: 'The version you read: the working one for its research group, the approved one for other staff' })
  async current(@Root() item: BankItemNode, @Ctx() ctx: RequestContext): Promise<BankItemVersionNode> {
    return BankItemVersionNode.from(await bankItemService.shownVersion(ctx, item.entity));
  }

  @FieldResolver(() => BankItemVersionNode, { nullable: true, description: 'The approved version, which assignments use' })
  async approvedVersion(@Root() item: BankItemNode, @Ctx() ctx: RequestContext): Promise<BankItemVersionNode | null> {
    const v = await bankItemService.version(ctx, item.entity, item.entity.approvedVersionNo);
    return v && BankItemVersionNode.from(v);
  }

  @FieldResolver(() => BankItemVersionNode, { nullable: true, description: 'A version by number; null when missing or hidden from you' })
  async version(@Root() item: BankItemNode, @Arg('versionNo', () => Int) versionNo: number, @Ctx() ctx: RequestContext): Promise<BankItemVersionNode | null> {
    const v = await bankItemService.version(ctx, item.entity, versionNo);
    return v && BankItemVersionNode.from(v);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "The approved version's minutes calibrated from students' actual minutes; null until approved or until there are enough observations",
  })
  async calibratedMinutes(@Root() item: BankItemNode, @Ctx() ctx: RequestContext): Promise<number | null> {
    if (item.entity.approvedVersionNo === null) return null;
    return (await ctx.loaders.minutesByVersionKey.load(versionKey(item.entity.id, item.entity.approvedVersionNo)))?.calibratedMinutes ?? null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'What a new assignment counts for the approved version: the calibrated minutes when known, else the estimate; null until approved',
  })
  async countedMinutes(@Root() item: BankItemNode, @Ctx() ctx: RequestContext): Promise<number | null> {
    if (item.entity.approvedVersionNo === null) return null;
    return (await ctx.loaders.minutesByVersionKey.load(versionKey(item.entity.id, item.entity.approvedVersionNo)))?.countedMinutes ?? null;
  }

  @FieldResolver(() => [BankItemVersionNode], { description: 'Every version, newest first (its research group); the approved one for others' })
  async versions(@Root() item: BankItemNode, @Ctx() ctx: RequestContext): Promise<BankItemVersionNode[]> {
    return (await bankItemService.history(ctx, item.entity)).map(BankItemVersionNode.from);
  }
}

@Resolver(() => BankItemVersionNode)
export class BankItemVersionResolver {
  @Authorized(...STAFF_ROLES)
  @FieldResolver(() => String, { description: 'Answer and marking guide: teachers only' })
  answerGuide(@Root() v: BankItemVersionNode): string {
    return v.entity.answerGuide;
  }

  @FieldResolver(() => [UnitObjectiveNode], { description: 'Objectives of the unit this version covers' })
  async objectives(@Root() v: BankItemVersionNode, @Ctx() ctx: RequestContext): Promise<UnitObjectiveNode[]> {
    const ids = await bankItemService.objectiveIds(ctx, v.entity);
    return (await unitService.objectivesByIds(ctx, ids)).map(UnitObjectiveNode.from);
  }

  @FieldResolver(() => BankItemNode, { nullable: true, description: 'For an adapted item: the item it adapts (if you may see it)' })
  async sourceItem(@Root() v: BankItemVersionNode, @Ctx() ctx: RequestContext): Promise<BankItemNode | null> {
    const item = v.entity.sourceItemId ? await bankItemService.find(ctx, v.entity.sourceItemId) : null;
    return item && BankItemNode.from(item);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'For an adapted item: the version of the source it adapts' })
  sourceVersionNo(@Root() v: BankItemVersionNode): number | null {
    return v.entity.sourceVersionNo;
  }

  @FieldResolver(() => UserNode, { description: 'Who last edited this version' })
  async editedBy(@Root() v: BankItemVersionNode, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from(await userService.get(ctx, v.entity.editedBy));
  }
}
