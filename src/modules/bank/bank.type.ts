import { Field, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../core/ids';
import { Node } from '../../core/node';
import { BankItem, BankItemVersion } from './bank-item.entity';
import {
  HomeworkForm, ItemStatus, KnowledgeOrFun, ObjectiveKind, PracticalOrHumanistic, PrescribedOrSelfChosen, Provenance,
  RoutineOrStage, Tier,
} from './bank.enums';
import { Unit, UnitObjective } from './unit.entity';

@ObjectType('Unit', { implements: Node, description: 'A textbook unit (单元) of one subject, grade and term' })
export class UnitNode extends Node {
  @Field({ description: 'e.g. 分数的初步认识' })
  title!: string;

  @Field({ description: 'Textbook volume, e.g. 三年级上册' })
  volume!: string;

  @Field(() => Int, { description: 'Grade 1–9' })
  grade!: number;

  @Field(() => Int, { description: 'Position of the unit in its volume' })
  sortOrder!: number;

  @Field(() => Int, { description: 'Revision for optimistic locking; pass it back as expectedRevision' })
  revision!: number;

  entity!: Unit;

  static from(u: Unit): UnitNode {
    return Object.assign(new UnitNode(), {
      id: toGlobalId('Unit', u.id), title: u.title, volume: u.volume, grade: u.grade, sortOrder: u.sortOrder,
      revision: u.revision, entity: u,
    });
  }
}

@ObjectType('UnitObjective', { implements: Node, description: "An objective of a unit: a knowledge point, ability or literacy" })
export class UnitObjectiveNode extends Node {
  @Field(() => ObjectiveKind, { description: '知识, 能力 or 素养' })
  kind!: ObjectiveKind;

  @Field({ description: 'What students should know or be able to do' })
  description!: string;

  entity!: UnitObjective;

  static from(o: UnitObjective): UnitObjectiveNode {
    return Object.assign(new UnitObjectiveNode(), { id: toGlobalId('UnitObjective', o.id), kind: o.kind, description: o.description, entity: o });
  }
}

@ObjectType({ description: 'Where an item stands on each of the four "142" combinations' })
export class BalanceTags {
  @Field(() => RoutineOrStage, { description: '常规性 or 阶段性' })
  routineOrStage!: RoutineOrStage;

  @Field(() => PrescribedOrSelfChosen, { description: '规定性 or 自主性' })
  prescribedOrSelfChosen!: PrescribedOrSelfChosen;

  @Field(() => KnowledgeOrFun, { description: '知识性 or 趣味性' })
  knowledgeOrFun!: KnowledgeOrFun;

  @Field(() => PracticalOrHumanistic, { description: '实践性 or 人文性' })
  practicalOrHumanistic!: PracticalOrHumanistic;
}

@ObjectType('BankItemVersion', { description: 'One version of a bank item; approved versions never change' })
export class BankItemVersionNode {
  @Field(() => Int, { description: 'Version number, from 1' })
  versionNo!: number;

  @Field({ description: 'Title' })
  title!: string;

  @Field({ description: 'The task as students read it (Markdown)' })
  body!: string;

  @Field(() => Tier, { description: '基础, 提高 or 拓展' })
  tier!: Tier;

  @Field(() => HomeworkForm, { description: 'Form of homework' })
  form!: HomeworkForm;

  @Field(() => Int, { description: "The teacher's estimate of minutes, made after doing the item" })
  predictedMinutes!: number;

  @Field(() => Int, { description: 'Difficulty 1 (easiest) – 5, within the curriculum standard' })
  difficulty!: number;

  @Field({ description: 'True when the item goes beyond the national curriculum standard (课标); such items cannot be submitted' })
  beyondCurriculumStandard!: boolean;

  @Field(() => BalanceTags, { description: 'The four "142" combinations' })
  balance!: BalanceTags;

  @Field(() => Provenance, { description: '选编, 改编 or 创编' })
  provenance!: Provenance;

  @Field(() => String, { nullable: true, description: 'Where a selected item comes from, or what was changed in an adaptation' })
  sourceNote!: string | null;

  @Field({ description: 'Needs a parent to take part (only practical items may)' })
  needsParent!: boolean;

  @Field({ description: 'Needs a phone or tablet (never assignable)' })
  needsPhone!: boolean;

  @Field({ description: 'Mechanical or repetitive (never assignable)' })
  repetitive!: boolean;

  @Field({ description: 'A composition (作文): marked within a week' })
  composition!: boolean;

  @Field({ description: 'When this version was last changed' })
  updatedAt!: Date;

  entity!: BankItemVersion;

  static from(v: BankItemVersion): BankItemVersionNode {
    return Object.assign(new BankItemVersionNode(), {
      versionNo: v.versionNo, title: v.title, body: v.body, tier: v.tier, form: v.form,
      predictedMinutes: v.predictedMinutes, difficulty: v.difficulty, beyondCurriculumStandard: v.beyondStandard,
      balance: {
        routineOrStage: v.routineOrStage, prescribedOrSelfChosen: v.prescribedOrSelfChosen,
        knowledgeOrFun: v.knowledgeOrFun, practicalOrHumanistic: v.practicalOrHumanistic,
      },
      provenance: v.provenance, sourceNote: v.sourceNote, needsParent: v.needsParent, needsPhone: v.needsPhone,
      repetitive: v.repetitive, composition: v.composition, updatedAt: v.updatedAt, entity: v,
    });
  }
}

@ObjectType('BankItem', { implements: Node, description: 'A homework item of the unit bank (学科单元作业资源库)' })
export class BankItemNode extends Node {
  @Field(() => ItemStatus, { description: 'Review status of the working version' })
  status!: ItemStatus;

  @Field(() => Int, { description: 'Revision for optimistic locking; pass it back as expectedRevision' })
  revision!: number;

  @Field(() => Int, { nullable: true, description: 'The version teachers may assign; null until first approved' })
  approvedVersionNo!: number | null;

  @Field(() => String, { nullable: true, description: "The reviewer's comment when the item was returned" })
  reviewComment!: string | null;

  @Field({ description: 'When the item was created' })
  createdAt!: Date;

  @Field(() => [Int], { description: "Grades it may be assigned to: its unit's grade, plus those its research group marked it as suited to" })
  suitedGrades!: number[];

  entity!: BankItem;

  static from(i: BankItem): BankItemNode {
    return Object.assign(new BankItemNode(), {
      id: toGlobalId('BankItem', i.id), status: i.status, revision: i.revision, approvedVersionNo: i.approvedVersionNo,
      reviewComment: i.reviewComment, createdAt: i.createdAt, suitedGrades: [i.grade, ...(i.alsoSuitedGrades ?? [])], entity: i,
    });
  }
}

@ObjectType({ description: 'Approved item counts per tier' })
export class TierCounts {
  @Field(() => Int, { description: '基础' }) basic!: number;
  @Field(() => Int, { description: '提高' }) improving!: number;
  @Field(() => Int, { description: '拓展' }) extending!: number;
}

@ObjectType({ description: 'Approved items on each side of the four "142" combinations' })
export class BalanceCounts {
  @Field(() => Int, { description: '常规性' }) routine!: number;
  @Field(() => Int, { description: '阶段性' }) stage!: number;
  @Field(() => Int, { description: '规定性' }) prescribed!: number;
  @Field(() => Int, { description: '自主性' }) selfChosen!: number;
  @Field(() => Int, { description: '知识性' }) knowledge!: number;
  @Field(() => Int, { description: '趣味性' }) fun!: number;
  @Field(() => Int, { description: '实践性' }) practical!: number;
  @Field(() => Int, { description: '人文性' }) humanistic!: number;
}

@ObjectType({ description: 'One row of the coverage matrix: an objective and its approved items per tier' })
export class ObjectiveCoverage {
  @Field(() => UnitObjectiveNode, { description: 'The objective' }) objective!: UnitObjectiveNode;
  @Field(() => TierCounts, { description: 'Approved items covering it, per tier' }) items!: TierCounts;
}

@ObjectType({ description: 'The "two full coverages" of a unit: objectives × tiers, gaps, margin and balance' })
export class UnitCoverageReport {
  @Field(() => UnitNode, { description: 'The unit' }) unit!: UnitNode;
  @Field(() => Int, { description: 'Fewest approved items a tier needs to have margin (余量)' }) marginThreshold!: number;
  @Field(() => [ObjectiveCoverage], { description: 'The matrix, one row per objective' }) matrix!: ObjectiveCoverage[];
  @Field(() => [UnitObjectiveNode], { description: 'Objectives no approved item covers' }) uncoveredObjectives!: UnitObjectiveNode[];
  @Field(() => TierCounts, { description: 'Approved items per tier' }) itemsPerTier!: TierCounts;
  @Field(() => [Tier], { description: 'Tiers with fewer approved items than the threshold' }) tiersWithoutMargin!: Tier[];
  @Field(() => BalanceCounts, { description: 'Balance of the four "142" pairs' }) balance!: BalanceCounts;
}

@ObjectType({ description: 'Coverage of every unit of a research group, with totals' })
export class GroupCoverageReport {
  @Field(() => Int, { description: 'Fewest approved items a tier needs to have margin (余量)' }) marginThreshold!: number;
  @Field(() => [UnitCoverageReport], { description: 'Each unit of the group, in order' }) units!: UnitCoverageReport[];
  @Field(() => Int, { description: 'Objectives of all units that no approved item covers' }) uncoveredObjectiveCount!: number;
  @Field(() => TierCounts, { description: 'Approved items per tier, all units together' }) itemsPerTier!: TierCounts;
  @Field(() => [UnitNode], { description: 'Units with a tier that lacks margin' }) unitsWithoutMargin!: UnitNode[];
  @Field(() => BalanceCounts, { description: 'Balance of the four "142" pairs, all units together' }) balance!: BalanceCounts;
}
