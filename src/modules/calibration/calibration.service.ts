import { EntityManager, In } from 'typeorm';
import { RequestContext } from '../../core/context';
import { ForbiddenError, NotFoundError } from '../../core/errors';
import { Role } from '../../core/roles';
import { loadPlans, Plan, planChoices } from '../assignment/assignment-plan';
import { Assignment } from '../assignment/assignment.entity';
import { BankItem, BankItemVersion } from '../bank/bank-item.entity';
import { ResearchGroup } from '../research-group/research-group.entity';
import { School } from '../school/school.entity';
import { ItemCalibration } from './calibration.entity';
import { CalibrationMessages } from './calibration.errors';
import { attribute, calibratedMinutes, estimateOff, estimationBias, teacherBiases } from './calibration.policy';

/*
 * The data-access functions below take a bare EntityManager (`db`) and the school, not a request
 * context: the calibration worker (calibration-queue.ts), the seeds and the benchmarks run them
 * outside any request. The report (CalibrationService) takes the request's context.
 */

export interface Observation {
  assignmentId: string;
  studentId: string;
  choice: string;
  actualMinutes: number;
}

export interface ItemObservation {
  itemId: string;
  versionNo: number;
  /** Minutes attributed to this item. */
  minutes: number;
  /** The teacher's estimate of the version. */
  estimatedMinutes: number;
}

/**
 * Each student's actual minutes on the assignments: the record sheet's figure where the
 * student gave one, else the first hand-in's. Homework over several days is on a sheet each
 * day: there the hand-in's figure (the whole) comes first, else the days' figures summed.
 * One statement for any number of assignments.
 */
export async function observationsOf(db: EntityManager, schoolId: string, assignmentIds: string[]): Promise<Observation[]> {
  if (assignmentIds.length === 0) return [];
  // The record sheets' figures are gathered first, by assignment (an index of their own), and
  // joined by student: joining sheets by student and day row by row reads every sheet of each student.
  const rows: { assignment_id: string; student_id: string; choice: string; actual: number }[] = await db.query(
    `WITH sheet_minutes AS MATERIALIZED (
       SELECT e.assignment_id, rs.student_id, sum(e.actual_minutes) AS actual_minutes
         FROM record_sheet_entries e
         JOIN record_sheets rs ON rs.school_id = e.school_id AND rs.id = e.sheet_id
        WHERE e.school_id = $1 AND e.assignment_id = ANY($2::uuid[])
        GROUP BY e.assignment_id, rs.student_id)
     SELECT a.id AS assignment_id, c.student_id, COALESCE(s.choice, c.choice) AS choice,
            (CASE WHEN a.due_day = a.day THEN COALESCE(m.actual_minutes, sv.actual_minutes)
                  ELSE COALESCE(sv.actual_minutes, m.actual_minutes) END)::int AS actual
       FROM assignments a
       JOIN student_choices c ON c.school_id = a.school_id AND c.assignment_id = a.id
       LEFT JOIN sheet_minutes m ON m.assignment_id = a.id AND m.student_id = c.student_id
       LEFT JOIN submissions s ON s.school_id = a.school_id AND s.assignment_id = a.id AND s.student_id = c.student_id
       LEFT JOIN submission_versions sv ON sv.school_id = s.school_id AND sv.submission_id = s.id AND sv.version_no = 1
      WHERE a.school_id = $1 AND a.id = ANY($2::uuid[]) AND a.status = 'published'
        AND COALESCE(m.actual_minutes, sv.actual_minutes) IS NOT NULL`,
    [schoolId, assignmentIds],
  );
  return rows.map((r) => ({ assignmentId: r.assignment_id, studentId: r.student_id, choice: r.choice, actualMinutes: r.actual }));
}

type ChoiceItem = Plan['items'][number] & { key: string };

/** The items a student who made a choice did, each with its `item:version` key: worked out once per plan and choice. */
function choiceItemsOf(plans: Plan[]): (assignmentId: string, choiceKey: string) => ChoiceItem[] | undefined {
  const byId = new Map(plans.map((p) => [p.assignment.id, p]));
  const cache = new Map<Plan, Map<string, ChoiceItem[]>>();
  return (assignmentId, choiceKey) => {
    const plan = byId.get(assignmentId);
    if (!plan) return undefined;
    let ofPlan = cache.get(plan);
    if (!ofPlan) {
      ofPlan = new Map(planChoices(plan).map((c) => [c.key, plan.items
        .filter((i) => c.optionKeys.includes(i.optionKey))
        .map((i) => ({ ...i, key: `${i.itemId}:${i.versionNo}` }))]));
      cache.set(plan, ofPlan);
    }
    return ofPlan.get(choiceKey);
  };
}

/** Attributes observations to the items of the choice each student did (linear in the observations). */
export function itemObservations(plans: Plan[], observations: Observation[]): ItemObservation[] {
  const itemsOf = choiceItemsOf(plans);
  return observations.flatMap((o) => {
    const items = itemsOf(o.assignmentId, o.choice);
    if (!items) return [];
    const shares = attribute(o.actualMinutes, items);
    return items.map((i) => ({ itemId: i.itemId, versionNo: i.versionNo, minutes: shares.get(i.key)!, estimatedMinutes: i.estimatedMinutes }));
  });
}

/** Observations attributed between two yields to the event loop: a recalibration of many items must not stall requests. */
const OBSERVATIONS_PER_TURN = 5000;

/**
 * Recomputes the calibration of every item version used by the given assignments, from all
 * observations of every assignment that used them, in the caller's transaction (the seeds;
 * the service queues them instead: calibration-queue.ts).
 */
export async function refreshCalibrations(db: EntityManager, schoolId: string, assignmentIds: string[]): Promise<void> {
  if (assignmentIds.length === 0) return;
  const versions: { item_id: string; version_no: number }[] = await db.query(
    `SELECT DISTINCT item_id, version_no FROM assignment_items WHERE school_id = $1 AND assignment_id = ANY($2::uuid[])`,
    [schoolId, assignmentIds],
  );
  await recalibrateVersions(db, schoolId, versions.map((v) => ({ itemId: v.item_id, versionNo: v.version_no })));
}

export interface ItemVersionKey {
  itemId: string;
  versionNo: number;
}

/** Recomputes the calibration of the given item versions from every observation of every assignment that used them. */
export async function recalibrateVersions(db: EntityManager, schoolId: string, keys: ItemVersionKey[]): Promise<void> {
  const versions = keys.map((k) => ({ item_id: k.itemId, version_no: k.versionNo }));
  if (versions.length === 0) return;
  // Concurrent recalibrations of the same item versions (two workers, a seed) take them one at a time, in a fixed order,
  // so the one that commits last has seen every observation the other saw.
  for (const key of versions.map((v) => `${schoolId}:${v.item_id}:${v.version_no}`).sort()) {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
  }
  const users: { assignment_id: string }[] = await db.query(
    `SELECT DISTINCT assignment_id FROM assignment_items
      WHERE school_id = $1 AND (item_id, version_no) IN (SELECT * FROM unnest($2::uuid[], $3::int[]))`,
    [schoolId, versions.map((v) => v.item_id), versions.map((v) => v.version_no)],
  );
  const assignments = await db.getRepository(Assignment).createQueryBuilder('a')
    .where('a.school_id = :s AND a.id IN (:...ids)', { s: schoolId, ids: users.map((u) => u.assignment_id) }).getMany();
  const plans = await loadPlans(db, schoolId, assignments);
  const observations = await observationsOf(db, schoolId, assignments.map((a) => a.id));
  const school = await db.findOneByOrFail(School, { id: schoolId });
  const wanted = new Set(versions.map((v) => `${v.item_id}:${v.version_no}`));
  // The minutes attributed to each wanted version, observation by observation.
  const minutesOf = new Map([...wanted].map((key) => [key, [] as number[]]));
  const itemsOf = choiceItemsOf(plans);
  for (let n = 0; n < observations.length; n++) {
    if (n > 0 && n % OBSERVATIONS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    const o = observations[n];
    const items = itemsOf(o.assignmentId, o.choice);
    if (!items) continue;
    const shares = attribute(o.actualMinutes, items);
    for (const i of items) minutesOf.get(i.key)?.push(shares.get(i.key)!);
  }
  const rows = [...wanted].map((key) => {
    const [itemId, versionNo] = [key.slice(0, 36), Number(key.slice(37))];
    const minutes = minutesOf.get(key)!;
    return { schoolId, itemId, versionNo, ...calibratedMinutes(minutes, school.calibrationThreshold), updatedAt: new Date() };
  }).filter((r) => r.observations > 0);
  if (rows.length) await db.upsert(ItemCalibration, rows, ['schoolId', 'itemId', 'versionNo']);
}

export interface ItemCalibrationLine { item: BankItem; version: BankItemVersion; calibration: ItemCalibration; ratio: number; off: boolean }

export interface GroupCalibration {
  group: ResearchGroup;
  overrunRatio: number;
  threshold: number;
  /** Item versions with observations, most off first. */
  lines: ItemCalibrationLine[];
  groupBias: number | null;
  teacherBiases: { teacherId: string; bias: number; observations: number }[];
}

export class CalibrationService {
  /**
   * Calibration of a research group's items: observed against predicted minutes, the items
   * whose estimate is off by more than the school's ratio, and the estimation bias (median of
   * actual ÷ predicted) of the group and of each teacher who estimated.
   */
  async groupCalibration(ctx: RequestContext, groupId: string): Promise<GroupCalibration> {
    const group = await ctx.loaders.researchGroupById.load(groupId);
    if (!group) throw new NotFoundError('ResearchGroup', groupId);
    if (!ctx.hasRole(Role.ACADEMIC_OFFICE) && !ctx.viewer.ledGroupIds.has(group.id) && !ctx.viewer.groupIds.has(group.id)) {
      throw new ForbiddenError(CalibrationMessages.CALIBRATION_GROUP_ONLY, { group: group.name });
    }
    const school = await ctx.db.getRepository(School).findOneByOrFail({ id: ctx.schoolId });
    const items = await ctx.db.getRepository(BankItem).findBy({ schoolId: ctx.schoolId, subjectId: group.subjectId, grade: group.grade });
    const calibrations = items.length ? await ctx.db.getRepository(ItemCalibration).findBy({ schoolId: ctx.schoolId, itemId: In(items.map((i) => i.id)) }) : [];
    const versions = calibrations.length ? await ctx.db.getRepository(BankItemVersion).findBy({ schoolId: ctx.schoolId, itemId: In(calibrations.map((c) => c.itemId)) }) : [];
    const versionOf = new Map(versions.map((v) => [`${v.itemId}:${v.versionNo}`, v]));
    const itemOf = new Map(items.map((i) => [i.id, i]));
    const lines: ItemCalibrationLine[] = calibrations.map((calibration) => {
      const version = versionOf.get(`${calibration.itemId}:${calibration.versionNo}`)!;
      return { item: itemOf.get(calibration.itemId)!, version, calibration, ...estimateOff(calibration.medianMinutes, version.predictedMinutes, school.overrunRatio) };
    }).sort((a, b) => Math.abs(Math.log(b.ratio)) - Math.abs(Math.log(a.ratio)));
    // Bias per observation: every attributed minute against the estimate it was measured against.
    const used: { assignment_id: string }[] = calibrations.length ? await ctx.db.query(
      `SELECT DISTINCT assignment_id FROM assignment_items WHERE school_id = $1 AND item_id = ANY($2::uuid[])`,
      [ctx.schoolId, calibrations.map((c) => c.itemId)]) : [];
    const assignments = used.length ? await ctx.db.getRepository(Assignment).findBy({ schoolId: ctx.schoolId, id: In(used.map((u) => u.assignment_id)) }) : [];
    const plans = await loadPlans(ctx.db, ctx.schoolId, assignments);
    const observed = itemObservations(plans, await observationsOf(ctx.db, ctx.schoolId, assignments.map((a) => a.id)))
      .filter((o) => itemOf.has(o.itemId))
      .map((o) => ({ ...o, estimatorId: versionOf.get(`${o.itemId}:${o.versionNo}`)?.editedBy ?? null }));
    return {
      group, overrunRatio: school.overrunRatio, threshold: school.calibrationThreshold, lines,
      groupBias: estimationBias(observed), teacherBiases: teacherBiases(observed),
    };
  }
}

export const calibrationService = new CalibrationService();
