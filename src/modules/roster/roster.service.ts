import { randomUUID } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { EntityManager } from 'typeorm';
import { RequestContext, TxContext } from '../../core/context';
import { DomainError } from '../../core/errors';
import { Role } from '../../core/roles';
import { withTransaction } from '../../core/transaction';
import { worksheetsOf } from '../excel/bank-excel.service';
import { requireOffice } from '../school-admin/school-admin.service';
import { School } from '../school/school.entity';
import { gradesOf } from '../school/school.policy';
import { ParentRelation } from '../user/user.entity';
import { IdFor, planRoster, RosterAction, RosterLine, RosterSchool, RosterWrites } from './roster.policy';
import { classLabel, readRosterSheets, RosterProblem, SHEET_ORDER, sheetDef, SheetKey } from './roster-sheet';

export interface SheetCounts {
  sheet: string;
  created: number;
  updated: number;
  unchanged: number;
}

export interface RosterReport {
  dryRun: boolean;
  /** Data rows read, over every sheet. */
  rows: number;
  sheets: SheetCounts[];
  lines: RosterLine[];
  problems: RosterProblem[];
}

export interface RosterImportOptions {
  dryRun: boolean;
  /** Rows written so far of all to write, as the import goes. */
  onProgress?: (done: number, total: number) => void;
  /** Ids of new rows (the demo seed fixes them); random otherwise. */
  idFor?: IdFor;
}

/** Rows per INSERT or UPDATE statement: a 2,000-student school is a handful of statements. */
const BATCH = 500;

/** Reads the school as the roster sees it: a few statements, whatever its size. */
async function rosterSchool(db: EntityManager, schoolId: string): Promise<RosterSchool> {
  const school = await db.findOneByOrFail(School, { id: schoolId });
  const classes: { id: string; grade: number; class_no: number; head_teacher_id: string | null; archived: boolean }[] = await db.query(
    `SELECT id, grade, class_no, head_teacher_id, archived_at IS NOT NULL AS archived FROM classes WHERE school_id = $1`, [schoolId]);
  const subjects: { id: string; name: string }[] = await db.query(`SELECT id, name FROM subjects WHERE school_id = $1 ORDER BY sort_order`, [schoolId]);
  const users: { id: string; username: string; display_name: string; staff_no: string | null; student_no: string | null; class_id: string | null; deactivated: boolean; roles: Role[] | null }[] = await db.query(
    `SELECT u.id, u.username, u.display_name, u.staff_no, u.student_no, u.class_id, (u.deactivated_at IS NOT NULL OR u.deleted_at IS NOT NULL) AS deactivated,
            (SELECT array_agg(r.role) FROM user_roles r WHERE r.school_id = u.school_id AND r.user_id = u.id) AS roles
       FROM users u WHERE u.school_id = $1`, [schoolId]);
  const parentLinks: { parent_id: string; student_id: string; relation: ParentRelation }[] = await db.query(
    `SELECT parent_id, student_id, relation FROM parent_links WHERE school_id = $1`, [schoolId]);
  const teaching: { teacher_id: string; class_id: string; subject_id: string }[] = await db.query(
    `SELECT teacher_id, class_id, subject_id FROM teaching_assignments WHERE school_id = $1`, [schoolId]);
  return {
    grades: gradesOf(school.stage),
    classes: classes.filter((c) => !c.archived).map((c) => ({ id: c.id, grade: c.grade, classNo: c.class_no, headTeacherId: c.head_teacher_id })),
    archivedClassKeys: new Set(classes.filter((c) => c.archived).map((c) => `${c.grade}-${c.class_no}`)),
    subjects,
    users: users.map((u) => ({
      id: u.id, username: u.username, displayName: u.display_name, staffNo: u.staff_no, studentNo: u.student_no, classId: u.class_id,
      deactivated: u.deactivated, roles: new Set(u.roles ?? []),
    })),
    parentLinks: parentLinks.map((l) => ({ parentId: l.parent_id, studentId: l.student_id, relation: l.relation })),
    teaching: teaching.map((t) => ({ teacherId: t.teacher_id, classId: t.class_id, subjectId: t.subject_id })),
  };
}

/** Runs one statement per batch of `rows`, with `$n` parameters numbered by `sql(values)`. */
async function batched<T>(tx: EntityManager, rows: T[], columns: number, statement: (values: string) => string, params: (row: T) => unknown[],
  progress: () => void, step: (n: number) => void, fixed: unknown[] = []): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const values: unknown[] = [...fixed];
    const tuples = batch.map((row) => {
      const p = params(row);
      if (p.length !== columns) throw new Error('batched: wrong number of parameters');
      return `(${p.map((v) => (values.push(v), `$${values.length}`)).join(', ')})`;
    });
    await tx.query(statement(tuples.join(', ')), values);
    step(batch.length);
    progress();
  }
}

/** Writes a plan in the order the foreign keys need; every write a batch. */
async function applyWrites(tx: EntityManager, schoolId: string, w: RosterWrites, onProgress?: (done: number, total: number) => void): Promise<void> {
  const total = w.classes.length + w.accounts.length + w.userUpdates.length + w.roles.length + w.accounts.length + w.heads.length
    + w.teaching.length + w.links.length + w.linkUpdates.length;
  let done = 0;
  const step = (n: number) => { done += n; };
  const progress = () => onProgress?.(done, total);
  await batched(tx, w.classes, 5, (v) => `INSERT INTO classes (school_id, id, grade, class_no, name) VALUES ${v}`,
    (c) => [schoolId, c.id, c.grade, c.classNo, c.name], progress, step);
  // Accounts opened here have no password until their slip is printed, and must change it at first sign-in.
  await batched(tx, w.accounts, 7,
    (v) => `INSERT INTO users (school_id, id, username, display_name, staff_no, student_no, class_id, password_hash, must_change_password) SELECT s::uuid, i::uuid, u, d, t, n, c::uuid, NULL, true FROM (VALUES ${v}) AS v(s, i, u, d, t, n, c)`,
    (a) => [schoolId, a.id, a.username, a.displayName, a.staffNo, a.studentNo, a.classId], progress, step);
  await batched(tx, w.userUpdates, 4,
    (v) => `UPDATE users AS u SET display_name = v.d, class_id = v.c::uuid, staff_no = v.t, revision = u.revision + 1
              FROM (VALUES ${v}) AS v(i, d, c, t) WHERE u.school_id = $1 AND u.id = v.i::uuid`,
    (u) => [u.id, u.displayName, u.classId, u.staffNo], progress, step, [schoolId]);
  const roles = [...w.accounts.map((a) => ({ userId: a.id, role: a.role })), ...w.roles];
  await batched(tx, roles, 3, (v) => `INSERT INTO user_roles (school_id, user_id, role) VALUES ${v}`, (r) => [schoolId, r.userId, r.role], progress, step);
  await batched(tx, w.heads, 2,
    (v) => `UPDATE classes AS c SET head_teacher_id = v.h::uuid, revision = c.revision + 1 FROM (VALUES ${v}) AS v(i, h) WHERE c.school_id = $1 AND c.id = v.i::uuid`,
    (h) => [h.classId, h.teacherId], progress, step, [schoolId]);
  await batched(tx, w.teaching, 5, (v) => `INSERT INTO teaching_assignments (school_id, id, teacher_id, class_id, subject_id) VALUES ${v}`,
    (t) => [schoolId, t.id, t.teacherId, t.classId, t.subjectId], progress, step);
  await batched(tx, w.links, 4, (v) => `INSERT INTO parent_links (school_id, parent_id, student_id, relation) VALUES ${v}`,
    (l) => [schoolId, l.parentId, l.studentId, l.relation], progress, step);
  await batched(tx, w.linkUpdates, 3,
    (v) => `UPDATE parent_links AS l SET relation = v.r FROM (VALUES ${v}) AS v(p, s, r) WHERE l.school_id = $1 AND l.parent_id = v.p::uuid AND l.student_id = v.s::uuid`,
    (l) => [l.parentId, l.studentId, l.relation], progress, step, [schoolId]);
}

function countsOf(sheetNames: Map<SheetKey, string>, lines: RosterLine[]): SheetCounts[] {
  return SHEET_ORDER.filter((k) => sheetNames.has(k)).map((k) => {
    const name = sheetNames.get(k)!;
    const count = (action: RosterAction) => lines.filter((l) => l.sheet === name && l.action === action).length;
    return { sheet: name, created: count('create'), updated: count('update'), unchanged: count('unchanged') };
  });
}

/**
 * Imports a roster workbook into a school within `tx`, a transaction with the school set
 * (`app.school_id`): every row is checked against the file and the school first; with any
 * problem, or on a dry run, nothing is written. Imports of one school take turns, so each
 * plans against what the one before it wrote.
 *
 * It takes a bare manager rather than a context: the demo seed imports its roster this way,
 * with no request. A request imports through `RosterService.importRoster`.
 */
export async function importRosterOn(tx: EntityManager, schoolId: string, data: Buffer, options: RosterImportOptions): Promise<RosterReport> {
  const empty = (problems: RosterProblem[]): RosterReport => ({ dryRun: options.dryRun, rows: 0, sheets: [], lines: [], problems });
  let worksheets: ExcelJS.Worksheet[];
  try {
    worksheets = await worksheetsOf(data, 'xlsx');
  } catch (e) {
    if (e instanceof DomainError) return empty([{ sheet: null, row: null, column: null, message: e.message }]);
    throw e;
  }
  const { sheets, problems: sheetProblems } = readRosterSheets(worksheets);
  const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`roster:${schoolId}`]);
  const school = await rosterSchool(tx, schoolId);
  const plan = planRoster(school, sheets, options.idFor ?? (() => randomUUID()));
  const problems = [...sheetProblems, ...plan.problems];
  const report: RosterReport = {
    dryRun: options.dryRun, rows, sheets: countsOf(new Map(sheets.map((s) => [s.key, s.name])), plan.lines), lines: plan.lines, problems,
  };
  if (problems.length || options.dryRun) return report;
  await applyWrites(tx, schoolId, plan.writes, options.onProgress);
  return report;
}

/** The academic office moves a school in from its roster workbook (花名册) and exports it again. */
export class RosterService {
  /**
   * Imports a roster workbook (see `importRosterOn`) in one transaction: all of it, or with
   * any problem nothing. Re-importing the same file changes nothing.
   */
  async importRoster(ctx: RequestContext, data: Buffer, options: RosterImportOptions): Promise<RosterReport> {
    requireOffice(ctx);
    return withTransaction(ctx, (txCtx) => importRosterOn(txCtx.db, txCtx.schoolId, data, options));
  }

  /**
   * The school's current roster as a workbook in the import layout: current classes with
   * their head teachers, active teachers with a 工号, their teaching, students of current
   * classes and their parents; a sheet with nothing to list is left out. Importing it back
   * changes nothing.
   */
  async exportRoster(ctx: RequestContext): Promise<{ fileName: string; data: Buffer }> {
    requireOffice(ctx);
    return withTransaction(ctx, (txCtx) => this.exportOn(txCtx));
  }

  private async exportOn(ctx: TxContext): Promise<{ fileName: string; data: Buffer }> {
    const s = ctx.schoolId;
    const school = await ctx.db.findOneByOrFail(School, { id: s });
    const classes: { id: string; grade: number; class_no: number; head_no: string | null; head_name: string | null }[] = await ctx.db.query(
      `SELECT c.id, c.grade, c.class_no, h.staff_no AS head_no, h.display_name AS head_name
         FROM classes c LEFT JOIN users h ON h.school_id = c.school_id AND h.id = c.head_teacher_id AND h.staff_no IS NOT NULL AND h.deactivated_at IS NULL AND h.deleted_at IS NULL
        WHERE c.school_id = $1 AND c.archived_at IS NULL ORDER BY c.grade, c.class_no`, [s]);
    const teachers: { staff_no: string; display_name: string; username: string }[] = await ctx.db.query(
      `SELECT staff_no, display_name, username FROM users WHERE school_id = $1 AND staff_no IS NOT NULL AND deactivated_at IS NULL AND deleted_at IS NULL ORDER BY staff_no`, [s]);
    const teaching: { staff_no: string; display_name: string; grade: number; class_no: number; subject: string }[] = await ctx.db.query(
      `SELECT u.staff_no, u.display_name, c.grade, c.class_no, sub.name AS subject
         FROM teaching_assignments t
         JOIN users u ON u.school_id = t.school_id AND u.id = t.teacher_id AND u.staff_no IS NOT NULL AND u.deactivated_at IS NULL AND u.deleted_at IS NULL
         JOIN classes c ON c.school_id = t.school_id AND c.id = t.class_id AND c.archived_at IS NULL
         JOIN subjects sub ON sub.school_id = t.school_id AND sub.id = t.subject_id
        WHERE t.school_id = $1 ORDER BY c.grade, c.class_no, sub.sort_order, u.staff_no`, [s]);
    const students: { student_no: string; display_name: string; grade: number; class_no: number; username: string }[] = await ctx.db.query(
      `SELECT u.student_no, u.display_name, c.grade, c.class_no, u.username
         FROM users u JOIN classes c ON c.school_id = u.school_id AND c.id = u.class_id AND c.archived_at IS NULL
        WHERE u.school_id = $1 AND u.student_no IS NOT NULL AND u.deactivated_at IS NULL AND u.deleted_at IS NULL ORDER BY c.grade, c.class_no, u.student_no`, [s]);
    const parents: { student_no: string; student_name: string; display_name: string; relation: ParentRelation; username: string }[] = await ctx.db.query(
      `SELECT st.student_no, st.display_name AS student_name, p.display_name, l.relation, p.username
         FROM parent_links l
         JOIN users st ON st.school_id = l.school_id AND st.id = l.student_id AND st.student_no IS NOT NULL AND st.deactivated_at IS NULL AND st.deleted_at IS NULL
         JOIN classes c ON c.school_id = st.school_id AND c.id = st.class_id AND c.archived_at IS NULL
         JOIN users p ON p.school_id = l.school_id AND p.id = l.parent_id AND p.deactivated_at IS NULL AND p.deleted_at IS NULL
        WHERE l.school_id = $1 ORDER BY c.grade, c.class_no, st.student_no, l.relation, p.username`, [s]);
    const cls = (grade: number, classNo: number) => classLabel({ grade, classNo });
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    // A sheet without rows is left out: an empty sheet is a problem on import.
    const sheet = (key: SheetKey, rows: (string | null)[][]) => {
      if (!rows.length) return;
      const def = sheetDef(key);
      const ws = workbook.addWorksheet(def.name);
      ws.addRow(def.columns.map((c) => c.header)).font = { bold: true };
      for (const r of rows) ws.addRow(r.map((v) => v ?? ''));
      ws.columns.forEach((c) => { c.width = 16; });
    };
    sheet('classes', classes.map((c) => ['', cls(c.grade, c.class_no), c.head_no, c.head_no ? c.head_name : null]));
    sheet('teachers', teachers.map((t) => [t.staff_no, t.display_name, '', t.username]));
    sheet('teaching', teaching.map((t) => [t.staff_no, t.display_name, '', cls(t.grade, t.class_no), t.subject]));
    sheet('students', students.map((st) => [st.student_no, st.display_name, '', '', cls(st.grade, st.class_no), st.username]));
    sheet('parents', parents.map((p) => [p.student_no, p.student_name, p.display_name, RELATION_TEXT[p.relation], /^1[3-9]\d{9}$/.test(p.username) ? p.username : '', p.username]));
    return { fileName: `${school.name}花名册.xlsx`, data: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }
}

const RELATION_TEXT: Record<ParentRelation, string> = { father: '父亲', mother: '母亲', guardian: '监护人' };

export const rosterService = new RosterService();
