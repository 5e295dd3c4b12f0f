import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { InvalidInputError } from '../../core/errors';
import { fromGlobalId } from '../../core/ids';
import { STAFF_ROLES } from '../../core/roles';
import { Payload } from '../../core/payload';
import { schoolService } from '../school/school.service';
import { SubjectNode, TermNode } from '../school/school.type';
import { Coverage } from './bank.policy';
import {
  BalanceCounts, GroupCoverageReport, ObjectiveCoverage, TierCounts, UnitCoverageReport, UnitNode, UnitObjectiveNode,
} from './bank.type';
import { UnitCreateInput, UnitObjectiveAddInput, UnitObjectiveUpdateInput, UnitUpdateInput } from './bank.input';
import { coverageService, DEFAULT_MARGIN_THRESHOLD, UnitCoverage } from './coverage.service';
import { unitService } from './unit.service';
import { BankMessages } from './bank.errors';

const UnitPayload = Payload('unit', () => UnitNode, {
  name: 'UnitPayload', description: 'Result of a change to a unit', fieldDescription: 'The unit after the change',
});
type UnitPayload = InstanceType<typeof UnitPayload>;

const unitPayload = (work: () => Promise<import('./unit.entity').Unit>) => UnitPayload.of(async () => UnitNode.from(await work()));

const tierCounts = (c: Coverage['itemsPerTier']): TierCounts => ({ basic: c.basic, improving: c.improving, extending: c.extending });

function unitReport(u: UnitCoverage, marginThreshold: number): UnitCoverageReport {
  const objectives = new Map(u.objectives.map((o) => [o.id, UnitObjectiveNode.from(o)]));
  return {
    unit: UnitNode.from(u.unit),
    marginThreshold,
    matrix: u.objectives.map((o): ObjectiveCoverage => ({ objective: objectives.get(o.id)!, items: tierCounts(u.coverage.matrix.get(o.id)!) })),
    uncoveredObjectives: u.coverage.uncoveredObjectiveIds.map((id) => objectives.get(id)!),
    itemsPerTier: tierCounts(u.coverage.itemsPerTier),
    tiersWithoutMargin: u.coverage.tiersWithoutMargin,
    balance: u.coverage.balance as BalanceCounts,
  };
}

@Resolver(() => UnitNode)
export class UnitResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => [UnitNode], { description: 'Units of the school, by grade, subject, term and order (staff)' })
  async units(
    @Arg('subjectId', () => ID, { nullable: true, description: 'Only this subject' }) subjectId: string | null,
    @Arg('grade', () => Int, { nullable: true, description: 'Only this grade' }) grade: number | null,
    @Arg('termId', () => ID, { nullable: true, description: 'Only this term' }) termId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<UnitNode[]> {
    const filter = {
      subjectId: subjectId ? fromGlobalId(subjectId, 'Subject', 'subjectId') : null,
      termId: termId ? fromGlobalId(termId, 'Term', 'termId') : null,
      grade,
    };
    return (await unitService.list(ctx, filter)).map(UnitNode.from);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => UnitCoverageReport, { description: 'The "two full coverages" report of a unit' })
  async unitCoverage(
    @Arg('unitId', () => ID) unitId: string,
    @Arg('marginThreshold', () => Int, { defaultValue: DEFAULT_MARGIN_THRESHOLD, description: 'Fewest approved items a tier needs' }) marginThreshold: number,
    @Ctx() ctx: RequestContext,
  ): Promise<UnitCoverageReport> {
    checkThreshold(marginThreshold);
    return unitReport(await coverageService.ofUnit(ctx, fromGlobalId(unitId, 'Unit', 'unitId'), marginThreshold), marginThreshold);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => GroupCoverageReport, { description: 'The coverage report of every unit of a research group' })
  async researchGroupCoverage(
    @Arg('groupId', () => ID) groupId: string,
    @Arg('marginThreshold', () => Int, { defaultValue: DEFAULT_MARGIN_THRESHOLD, description: 'Fewest approved items a tier needs' }) marginThreshold: number,
    @Ctx() ctx: RequestContext,
  ): Promise<GroupCoverageReport> {
    checkThreshold(marginThreshold);
    const report = await coverageService.ofGroup(ctx, fromGlobalId(groupId, 'ResearchGroup', 'groupId'), marginThreshold);
    const units = report.units.map((u) => unitReport(u, marginThreshold));
    return {
      marginThreshold,
      units,
      uncoveredObjectiveCount: report.total.uncoveredObjectiveIds.length,
      itemsPerTier: tierCounts(report.total.itemsPerTier),
      unitsWithoutMargin: units.filter((u) => u.tiersWithoutMargin.length > 0).map((u) => u.unit),
      balance: report.total.balance as BalanceCounts,
    };
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => UnitPayload, { description: 'Create a unit with its objectives (members of its research group)' })
  unitCreate(@Arg('input', () => UnitCreateInput) input: UnitCreateInput, @Ctx() ctx: RequestContext): Promise<UnitPayload> {
    const { clientKey, ...rest } = input;
    return unitPayload(() => unitService.create(ctx, {
      ...rest,
      subjectId: fromGlobalId(input.subjectId, 'Subject', 'subjectId'),
      termId: fromGlobalId(input.termId, 'Term', 'termId'),
    }, clientKey));
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => UnitPayload, { description: "Change a unit's title, volume or order" })
  unitUpdate(@Arg('input', () => UnitUpdateInput) input: UnitUpdateInput, @Ctx() ctx: RequestContext): Promise<UnitPayload> {
    return unitPayload(() => unitService.update(ctx, { ...input, unitId: fromGlobalId(input.unitId, 'Unit', 'unitId') }));
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => UnitPayload, { description: 'Add an objective to a unit' })
  unitObjectiveAdd(@Arg('input', () => UnitObjectiveAddInput) input: UnitObjectiveAddInput, @Ctx() ctx: RequestContext): Promise<UnitPayload> {
    return unitPayload(() => unitService.addObjective(ctx, fromGlobalId(input.unitId, 'Unit', 'unitId'), input.objective));
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => UnitPayload, { description: 'Reword an objective of a unit' })
  unitObjectiveUpdate(@Arg('input', () => UnitObjectiveUpdateInput) input: UnitObjectiveUpdateInput, @Ctx() ctx: RequestContext): Promise<UnitPayload> {
    return unitPayload(() => unitService.updateObjective(ctx, fromGlobalId(input.objectiveId, 'UnitObjective', 'objectiveId'), input.objective));
  }

  @FieldResolver(() => SubjectNode, { description: 'The subject' })
  async subject(@Root() unit: UnitNode, @Ctx() ctx: RequestContext): Promise<SubjectNode> {
    return SubjectNode.from(await schoolService.subject(ctx, unit.entity.subjectId));
  }

  @FieldResolver(() => TermNode, { description: 'The term' })
  async term(@Root() unit: UnitNode, @Ctx() ctx: RequestContext): Promise<TermNode> {
    return TermNode.from(await schoolService.term(ctx, unit.entity.termId));
  }

  @FieldResolver(() => [UnitObjectiveNode], { description: 'Objectives: knowledge points, abilities, literacies' })
  async objectives(@Root() unit: UnitNode, @Ctx() ctx: RequestContext): Promise<UnitObjectiveNode[]> {
    return (await unitService.objectives(ctx, unit.entity.id)).map(UnitObjectiveNode.from);
  }
}

function checkThreshold(value: number): void {
  if (value < 0 || value > 100) throw new InvalidInputError('marginThreshold', BankMessages.MARGIN_THRESHOLD_RANGE);
}
