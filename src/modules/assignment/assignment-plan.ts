import { EntityManager } from 'typeorm';
import { HomeworkForm, Tier } from '../bank/bank.enums';
import { Assignment, AssignmentOption } from './assignment.entity';
import { Choice, choiceMinutes, ChoiceMinutes, choicesOf, ItemFacts, PlannedItem, subjectLoadOf } from './assignment.policy';
import { SubjectLoad } from '../load/load.policy';

/** An assignment with its options and the facts of its pinned item versions. */
export interface Plan {
  assignment: Assignment;
  options: AssignmentOption[];
  /** `predictedMinutes` is what the option counts (calibrated when it was saved); `estimatedMinutes` the teacher's. */
  items: (PlannedItem & ItemFacts & { itemId: string; versionNo: number; sortOrder: number; estimatedMinutes: number })[];
}

export interface PlanChoice extends Choice, ChoiceMinutes {}

interface ItemRow {
  assignment_id: string;
  option_key: string;
  item_id: string;
  version_no: number;
  at_home: boolean;
  sort_order: number;
  title: string;
  form: HomeworkForm;
  tier: Tier;
  grades: number[];
  predicted_minutes: number;
  estimated_minutes: number;
  needs_phone: boolean;
  needs_parent: boolean;
  repetitive: boolean;
  approved: boolean;
  retired: boolean;
}

/** Loads the plans of several assignments with two statements, whatever their number. */
export async function loadPlans(manager: EntityManager, schoolId: string, assignments: Assignment[]): Promise<Plan[]> {
  if (assignments.length === 0) return [];
  const ids = assignments.map((a) => a.id);
  const [options, rows]: [AssignmentOption[], ItemRow[]] = await Promise.all([
    manager.getRepository(AssignmentOption).createQueryBuilder('o')
      .where('o.school_id = :schoolId AND o.assignment_id IN (:...ids)', { schoolId, ids })
      .orderBy('o.sort_order').getMany(),
    manager.query(
      `SELECT ai.assignment_id, ai.option_key, ai.item_id, ai.version_no, ai.at_home, ai.sort_order,
              v.title, v.form, v.tier, array_prepend(i.grade, i.also_suited_grades)::int[] AS grades, ai.predicted_minutes, v.predicted_minutes AS estimated_minutes, v.needs_phone, v.needs_parent, v.repetitive,
              v.approved_at IS NOT NULL AS approved, i.status = 'retired' AS retired
         FROM assignment_items ai
         JOIN bank_item_versions v ON v.school_id = ai.school_id AND v.item_id = ai.item_id AND v.version_no = ai.version_no
         JOIN bank_items i ON i.school_id = ai.school_id AND i.id = ai.item_id
        WHERE ai.school_id = $1 AND ai.assignment_id = ANY($2::uuid[])
        ORDER BY ai.option_key, ai.sort_order`,
      [schoolId, ids],
    ),
  ]);
  // Grouped once: linear in the rows however many assignments (a recalibration loads thousands).
  const optionsOf = new Map<string, AssignmentOption[]>();
  for (const o of options) (optionsOf.get(o.assignmentId) ?? optionsOf.set(o.assignmentId, []).get(o.assignmentId)!).push(o);
  const rowsOf = new Map<string, ItemRow[]>();
  for (const r of rows) (rowsOf.get(r.assignment_id) ?? rowsOf.set(r.assignment_id, []).get(r.assignment_id)!).push(r);
  return assignments.map((assignment) => ({
    assignment,
    options: optionsOf.get(assignment.id) ?? [],
    items: (rowsOf.get(assignment.id) ?? []).map((r) => ({
      itemId: r.item_id, versionNo: r.version_no, optionKey: r.option_key, sortOrder: r.sort_order, atHome: r.at_home,
      title: r.title, form: r.form, tier: r.tier, grades: r.grades.map(Number), predictedMinutes: r.predicted_minutes, estimatedMinutes: r.estimated_minutes, needsPhone: r.needs_phone,
      needsParent: r.needs_parent, repetitive: r.repetitive, approved: r.approved, retired: r.retired,
    })),
  }));
}

/** The choices a plan offers, each with its predicted minutes and range. */
export function planChoices(plan: Plan): PlanChoice[] {
  return choicesOf(plan.assignment.shape, plan.options).map((c) => ({ ...c, ...choiceMinutes(c, plan.items) }));
}

export function planLoad(plan: Plan): SubjectLoad {
  return subjectLoadOf(plan.assignment.subjectId, plan.assignment.shape, plan.options, plan.items);
}
