import { Between, EntityManager, FindOperator, MoreThanOrEqual } from 'typeorm';
import { addDays } from '../../core/dates';
import { HomeworkForm, Tier } from '../bank/bank.enums';
import { Assignment, AssignmentOption } from './assignment.entity';
import { Choice, choiceMinutes, ChoiceMinutes, choicesOf, ItemFacts, PlannedItem, subjectLoadOfChoices } from './assignment.policy';
import { SubjectLoad } from '../load/load.policy';
import { choiceMinutesOn, covers, MAX_SPAN_DAYS } from './assignment-span.policy';

/**
 * The condition of assignments that are homework on some day from `from` to `to`: one day's
 * homework of those days and homework over several days that overlaps them. The first day is
 * bounded below by the longest span, so the class-and-day index serves the read.
 */
export function overlapping(from: string, to: string): { day: FindOperator<string>; dueDay: FindOperator<string> } {
  return { day: Between(addDays(from, 1 - MAX_SPAN_DAYS), to), dueDay: MoreThanOrEqual(from) };
}

/** The same as SQL on the alias `a` of assignments, with the parameters `:from` and `:to` (and `:earliest`). */
export const OVERLAPPING_SQL = 'a.day BETWEEN :earliest AND :to AND a.due_day >= :from';
export const overlapParams = (from: string, to: string) => ({ from, to, earliest: addDays(from, 1 - MAX_SPAN_DAYS) });

/** An assignment with its options and the facts of its pinned item versions. */
export interface Plan {
  assignment: Assignment;
  options: AssignmentOption[];
  /** `predictedMinutes` is what the option counts (calibrated when it was saved); `estimatedMinutes` the teacher's. */
  items: (PlannedItem & ItemFacts & { itemId: string; versionNo: number; sortOrder: number; estimatedMinutes: number })[];
  /**
   * Homework over several days counted on one of them (`plansOn`): its choices and load are that
   * day's share. Absent: the whole assignment.
   */
  countedOn?: string;
}

export interface PlanChoice extends Choice, ChoiceMinutes {}

/** A pinned item with its version's facts, as `ITEM_ROW_SQL` selects it. */
export interface ItemRow {
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

/** The columns of an `ItemRow`, on `assignment_items ai` joined with its version `v` and item `i` (ITEM_JOINS_SQL). */
export const ITEM_ROW_SQL = `ai.assignment_id, ai.option_key, ai.item_id, ai.version_no, ai.at_home, ai.sort_order,
  v.title, v.form, v.tier, array_prepend(i.grade, i.also_suited_grades)::int[] AS grades, ai.predicted_minutes, v.predicted_minutes AS estimated_minutes,
  v.needs_phone, v.needs_parent, v.repetitive, v.approved_at IS NOT NULL AS approved, i.status = 'retired' AS retired`;
export const ITEM_JOINS_SQL = `assignment_items ai
  JOIN bank_item_versions v ON v.school_id = ai.school_id AND v.item_id = ai.item_id AND v.version_no = ai.version_no
  JOIN bank_items i ON i.school_id = ai.school_id AND i.id = ai.item_id`;

/** Loads the plans of several assignments with two statements, whatever their number. */
export async function loadPlans(manager: EntityManager, schoolId: string, assignments: Assignment[]): Promise<Plan[]> {
  if (assignments.length === 0) return [];
  const ids = assignments.map((a) => a.id);
  const [options, rows]: [AssignmentOption[], ItemRow[]] = await Promise.all([
    manager.getRepository(AssignmentOption).createQueryBuilder('o')
      .where('o.school_id = :schoolId AND o.assignment_id IN (:...ids)', { schoolId, ids })
      .orderBy('o.sort_order').getMany(),
    manager.query(
      `SELECT ${ITEM_ROW_SQL} FROM ${ITEM_JOINS_SQL}
        WHERE ai.school_id = $1 AND ai.assignment_id = ANY($2::uuid[])
        ORDER BY ai.option_key, ai.sort_order`,
      [schoolId, ids],
    ),
  ]);
  return plansOf(assignments, options, rows);
}

/** Plans from their rows (options in order; items by option key and order). */
export function plansOf(assignments: Assignment[], options: AssignmentOption[], rows: ItemRow[]): Plan[] {
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

/**
 * The choices a plan offers, each with its predicted minutes and range; of a plan counted on one
 * day of homework over several days, that day's share.
 */
export function planChoices(plan: Plan): PlanChoice[] {
  return choicesOf(plan.assignment.shape, plan.options).map((c) => {
    const whole = choiceMinutes(c, plan.items);
    return { ...c, ...(plan.countedOn ? choiceMinutesOn(whole, plan.assignment, plan.countedOn) : whole) };
  });
}

/** The lightest and heaviest load of a plan (of one day, when counted on one). */
export function planLoad(plan: Plan): SubjectLoad {
  return subjectLoadOfChoices(plan.assignment.subjectId, planChoices(plan));
}

/**
 * The plans that are homework on `day`, each counted on it: one day's homework of that day, and
 * homework over several days that covers it (its share of that day). The same assignment counted
 * on another day is another object; compare plans by `assignment.id`.
 */
export function plansOn(plans: Plan[], day: string): Plan[] {
  return plans.filter((p) => covers(p.assignment, day)).map((p) => (p.assignment.dueDay === p.assignment.day ? p : { ...p, countedOn: day }));
}

/** Each subject's heaviest written minutes in `plans` (counted on their day), summed per subject. */
export function usedBySubject(plans: Plan[]): Map<string, number> {
  const used = new Map<string, number>();
  for (const p of plans) used.set(p.assignment.subjectId, (used.get(p.assignment.subjectId) ?? 0) + planLoad(p).heaviestWrittenMinutes);
  return used;
}
