import { RequestContext } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { ResearchGroup } from '../research-group/research-group.entity';
import { requireStaff } from './bank-access';
import {
  KnowledgeOrFun, PracticalOrHumanistic, PrescribedOrSelfChosen, RoutineOrStage, Tier,
} from './bank.enums';
import { Coverage, coverageOf, CoverageItem } from './bank.policy';
import { Unit, UnitObjective } from './unit.entity';

export const DEFAULT_MARGIN_THRESHOLD = 3;

export interface UnitCoverage {
  unit: Unit;
  objectives: UnitObjective[];
  coverage: Coverage;
}

export interface GroupCoverage {
  group: ResearchGroup;
  units: UnitCoverage[];
  total: Coverage;
}

interface ApprovedRow {
  unit_id: string;
  tier: Tier;
  routine_or_stage: RoutineOrStage;
  prescribed_or_self: PrescribedOrSelfChosen;
  knowledge_or_fun: KnowledgeOrFun;
  practical_or_humanistic: PracticalOrHumanistic;
  objective_ids: string[];
}

export class CoverageService {
  /** The "two full coverages" report of one unit over its approved, unretired items. */
  async ofUnit(ctx: RequestContext, unitId: string, marginThreshold: number): Promise<UnitCoverage> {
    requireStaff(ctx);
    const unit = await ctx.loaders.unitById.load(unitId);
    if (!unit) throw new NotFoundError('Unit', unitId);
    return (await this.ofUnits(ctx, [unit], marginThreshold))[0];
  }

  /** The same report for every unit of a research group's subject and grade, with totals. */
  async ofGroup(ctx: RequestContext, groupId: string, marginThreshold: number): Promise<GroupCoverage> {
    requireStaff(ctx);
    const group = await ctx.loaders.researchGroupById.load(groupId);
    if (!group) throw new NotFoundError('ResearchGroup', groupId);
    const units = await ctx.db.getRepository(Unit).find({
      where: { schoolId: ctx.schoolId, subjectId: group.subjectId, grade: group.grade },
      order: { termId: 'ASC', sortOrder: 'ASC' },
    });
    const perUnit = await this.ofUnits(ctx, units, marginThreshold);
    const allObjectives = perUnit.flatMap((u) => u.objectives.map((o) => o.id));
    const allItems = await this.approvedItems(ctx, units.map((u) => u.id));
    return { group, units: perUnit, total: coverageOf(allObjectives, allItems.map((r) => this.toItem(r)), marginThreshold) };
  }

  private async ofUnits(ctx: RequestContext, units: Unit[], marginThreshold: number): Promise<UnitCoverage[]> {
    if (units.length === 0) return [];
    const [objectiveLists, rows] = await Promise.all([
      ctx.loaders.objectivesByUnitId.loadMany(units.map((u) => u.id)),
      this.approvedItems(ctx, units.map((u) => u.id)),
    ]);
    return units.map((unit, i) => {
      const objectives = objectiveLists[i] as UnitObjective[];
      const items = rows.filter((r) => r.unit_id === unit.id).map((r) => this.toItem(r));
      return { unit, objectives, coverage: coverageOf(objectives.map((o) => o.id), items, marginThreshold) };
    });
  }

  /** Approved versions of the units' unretired items with the objectives they cover: one query. */
  private approvedItems(ctx: RequestContext, unitIds: string[]): Promise<ApprovedRow[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return ctx.db.query(
      `SELECT i.unit_id, v.tier, v.routine_or_stage, v.prescribed_or_self, v.knowledge_or_fun, v.practical_or_humanistic,
              ARRAY(SELECT o.objective_id::text FROM bank_item_objectives o
                     WHERE o.school_id = v.school_id AND o.item_id = v.item_id AND o.version_no = v.version_no) AS objective_ids
         FROM bank_items i
         JOIN bank_item_versions v ON v.school_id = i.school_id AND v.item_id = i.id AND v.version_no = i.approved_version_no
        WHERE i.school_id = $1 AND i.unit_id = ANY($2::uuid[]) AND i.status <> 'retired'`,
      [ctx.schoolId, unitIds],
    );
  }

  private toItem(r: ApprovedRow): CoverageItem {
    return {
      tier: r.tier, objectiveIds: r.objective_ids, routineOrStage: r.routine_or_stage,
      prescribedOrSelfChosen: r.prescribed_or_self, knowledgeOrFun: r.knowledge_or_fun,
      practicalOrHumanistic: r.practical_or_humanistic,
    };
  }
}

export const coverageService = new CoverageService();
