import { preparedQuery } from '../../core/prepared-query';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../../core/context';
import { entityOfJson, jsonOfRow } from '../../core/entity-json';
import { BankItemVersion } from '../bank/bank-item.entity';
import { versionKey } from '../bank/bank.loaders';
import { Subject } from '../school/school.entity';
import { primeUser, userWithFactsSql, UserWithFactsJson } from '../user/user.loaders';
import { ITEM_JOINS_SQL, ITEM_ROW_SQL, ItemRow, Plan, plansOf } from './assignment-plan';
import { Assignment, AssignmentOption } from './assignment.entity';

/** What `assignmentJsonSql` makes of one assignment. */
export type AssignmentJson = [unknown[], unknown[][], ItemRow[], unknown[][], unknown[] | null, UserWithFactsJson | null];

/**
 * One assignment (the alias `a` of assignments) with everything its fields resolve to, as one
 * JSON value: its options and pinned items (its plan), the pinned versions' content, its subject
 * and its teacher (with the facts deciding who may see them). `primeAssignment` puts them in the
 * request's loaders, so the fields of a read cost no further statement. With `planOnly`, the
 * plan and the subject only (the versions' content and the teacher as none): for a read that
 * counts minutes and names subjects, such as the class load report.
 */
export function assignmentJsonSql(db: EntityManager, { planOnly = false }: { planOnly?: boolean } = {}): string {
  return `json_build_array(
        ${jsonOfRow(db, Assignment, 'a')},
        (SELECT coalesce(json_agg(${jsonOfRow(db, AssignmentOption, 'o')} ORDER BY o.sort_order), '[]'::json)
           FROM assignment_options o WHERE o.school_id = a.school_id AND o.assignment_id = a.id),
        (SELECT coalesce(json_agg(row_to_json(r) ORDER BY r.option_key, r.sort_order), '[]'::json)
           FROM (SELECT ${ITEM_ROW_SQL} FROM ${ITEM_JOINS_SQL} WHERE ai.school_id = a.school_id AND ai.assignment_id = a.id) r),
        ${planOnly ? `'[]'::json` : `(SELECT coalesce(json_agg(${jsonOfRow(db, BankItemVersion, 'pv')}), '[]'::json)
           FROM (SELECT DISTINCT item_id, version_no FROM assignment_items WHERE school_id = a.school_id AND assignment_id = a.id) pk
           JOIN bank_item_versions pv ON pv.school_id = a.school_id AND pv.item_id = pk.item_id AND pv.version_no = pk.version_no)`},
        (SELECT ${jsonOfRow(db, Subject, 's')} FROM subjects s WHERE s.school_id = a.school_id AND s.id = a.subject_id),
        ${planOnly ? 'NULL' : userWithFactsSql(db, 'a.school_id', 'a.teacher_id')}
      )`;
}

/** Puts an assignment and its plan, as this request now sees them, in the request's loaders. */
export function primePlan(ctx: RequestContext, plan: Plan): void {
  ctx.loaders.assignmentById.prime(plan.assignment.id, plan.assignment);
  ctx.loaders.planByAssignmentId.prime(plan.assignment.id, plan);
}

/** Puts an assignment read by `assignmentJsonSql` in the request's loaders; the assignment and its plan. */
export function primeAssignment(ctx: RequestContext, [assignmentJson, optionsJson, items, versionsJson, subjectJson, teacherJson]: AssignmentJson): Plan {
  const db = ctx.db;
  const loaders = ctx.loaders;
  const assignment = entityOfJson(db, Assignment, assignmentJson);
  const plan = plansOf([assignment], optionsJson.map((o) => entityOfJson(db, AssignmentOption, o)), items)[0];
  primePlan(ctx, plan);
  for (const v of versionsJson.map((x) => entityOfJson(db, BankItemVersion, x))) loaders.bankItemVersionByKey.prime(versionKey(v.itemId, v.versionNo), v);
  if (subjectJson) {
    const subject = entityOfJson(db, Subject, subjectJson);
    loaders.subjectById.prime(subject.id, subject);
  }
  primeUser(ctx, teacherJson);
  return plan;
}

/**
 * Assignments with everything their fields resolve to, in one statement (see
 * `assignmentJsonSql`): a read of a class's week and its fields costs one round trip besides the
 * transaction's. `where` is on the alias `a` of assignments, with `params` as $1…; the
 * assignments come in `orderBy` order.
 */
export async function assignmentsWithFields(ctx: RequestContext, where: string, params: unknown[], orderBy = 'a.day, a.subject_id, a.id'): Promise<Assignment[]> {
  const rows: { j: AssignmentJson }[] = await preparedQuery(ctx.db, `SELECT ${assignmentJsonSql(ctx.db)} AS j FROM assignments a WHERE ${where} ORDER BY ${orderBy}`, params);
  return rows.map(({ j }) => primeAssignment(ctx, j).assignment);
}
