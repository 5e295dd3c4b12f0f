import { Column, Entity, PrimaryColumn } from 'typeorm';
import {
  HomeworkForm, ItemStatus, KnowledgeOrFun, PracticalOrHumanistic, PrescribedOrSelfChosen, Provenance,
  RoutineOrStage, Tier,
} from './bank.enums';

/**
 * A bank item: identity, review status and optimistic-lock revision, plus the searchable
 * fields of its working version. Content lives in BankItemVersion.
 */
@Entity('bank_items')
export class BankItem {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  @Column('smallint') grade!: number;
  /** Other grades its research group marked the item as suited to; it is assigned only to classes of `grade` or these. */
  @Column({ name: 'also_suited_grades', type: 'smallint', array: true }) alsoSuitedGrades!: number[];
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @Column('text') status!: ItemStatus;
  /** Bumped by every change; a write naming an older revision is refused. */
  @Column('integer') revision!: number;
  /** The working version. */
  @Column({ name: 'version_no', type: 'integer' }) versionNo!: number;
  /** The version teachers may assign; older approved versions stay readable. */
  @Column({ name: 'approved_version_no', type: 'integer', nullable: true }) approvedVersionNo!: number | null;
  @Column({ name: 'review_comment', type: 'text', nullable: true }) reviewComment!: string | null;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy!: string | null;
  @Column('text') title!: string;
  @Column('text') tier!: Tier;
  @Column('text') form!: HomeworkForm;
  @Column({ name: 'predicted_minutes', type: 'smallint' }) predictedMinutes!: number;
  @Column({ name: 'search_text', type: 'text', select: false }) searchText!: string;
  @Column({ name: 'search_grams', type: 'text', array: true, select: false }) searchGrams!: string[];
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One version of an item's content. Approved versions are never changed. */
@Entity('bank_item_versions')
export class BankItemVersion {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @PrimaryColumn({ name: 'version_no', type: 'integer' }) versionNo!: number;
  @Column('text') title!: string;
  @Column('text') body!: string;
  @Column({ name: 'answer_guide', type: 'text' }) answerGuide!: string;
  @Column('text') tier!: Tier;
  @Column('text') form!: HomeworkForm;
  @Column({ name: 'predicted_minutes', type: 'smallint' }) predictedMinutes!: number;
  @Column('smallint') difficulty!: number;
  @Column({ name: 'beyond_standard', type: 'boolean' }) beyondStandard!: boolean;
  @Column({ name: 'routine_or_stage', type: 'text' }) routineOrStage!: RoutineOrStage;
  @Column({ name: 'prescribed_or_self', type: 'text' }) prescribedOrSelfChosen!: PrescribedOrSelfChosen;
  @Column({ name: 'knowledge_or_fun', type: 'text' }) knowledgeOrFun!: KnowledgeOrFun;
  @Column({ name: 'practical_or_humanistic', type: 'text' }) practicalOrHumanistic!: PracticalOrHumanistic;
  @Column('text') provenance!: Provenance;
  @Column({ name: 'source_item_id', type: 'uuid', nullable: true }) sourceItemId!: string | null;
  @Column({ name: 'source_version_no', type: 'integer', nullable: true }) sourceVersionNo!: number | null;
  @Column({ name: 'source_note', type: 'text', nullable: true }) sourceNote!: string | null;
  @Column({ name: 'needs_parent', type: 'boolean' }) needsParent!: boolean;
  @Column({ name: 'needs_phone', type: 'boolean' }) needsPhone!: boolean;
  @Column('boolean') repetitive!: boolean;
  /** A composition (作文): its marking may take up to a week. */
  @Column('boolean') composition!: boolean;
  @Column({ name: 'edited_by', type: 'uuid' }) editedBy!: string;
  /** Set when this version was approved; only approved versions may be assigned. */
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('bank_item_objectives')
export class BankItemObjective {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @PrimaryColumn({ name: 'version_no', type: 'integer' }) versionNo!: number;
  @PrimaryColumn({ name: 'objective_id', type: 'uuid' }) objectiveId!: string;
}
