import { randomUUID } from 'node:crypto';
import { In, IsNull } from 'typeorm';
import { RequestContext, TxContext } from '../../core/context';
import { InvalidInputError, RuleViolation } from '../../core/errors';
import { withTransaction } from '../../core/transaction';
import { SchoolClass, TeachingAssignment } from '../class/class.entity';
import { className } from '../school-admin/school-admin.policy';
import { requireOffice } from '../school-admin/school-admin.service';
import { School, Term } from '../school/school.entity';
import { SchoolErrors } from '../school/school.errors';
import { gradesOf } from '../school/school.policy';
import { SchoolYearRollover } from './school-year.entity';
import { SchoolYearErrors, SchoolYearMessages } from './school-year.errors';

/**
 * 学年升级: the school moves into the next academic year in one operation.
 *
 * The model keeps history readable by never changing last year's rows:
 * - every current class is archived (`archived_at`), and each class not of the top grade gets a
 *   NEW row for the new year one grade up with the same number (三年级(2)班 → 四年级(2)班); its
 *   students move to the new row. Last year's assignments, record sheets, submissions and marks
 *   keep pointing at last year's row with its old name and grade.
 * - who was in each archived class, and until which day, is kept in `past_class_members`, so last
 *   year's class list, a student's past days and record sheets read as they did.
 * - the top grade (六年级 in a primary school, 九年级 in a junior or nine-year school) graduates:
 *   its class is archived with no successor and its students are closed (`graduated_at`, and
 *   deactivated, so they cannot sign in); their work and their parents' links stay.
 * - teaching assignments and head teachers are copied to the new rows (or dropped, by option);
 *   last year's rows keep theirs as history. Teachers who left are not carried.
 * - research groups are subject × grade and stay as they are with their lead and members: the
 *   三年级数学 group now serves the new 三年级 classes. Nothing of last year is deleted.
 * - new entry classes (一年级 / 七年级) may be opened empty here, or come from the roster import.
 *
 * The new year's two terms must exist; a year is rolled into once (a second rollover into it,
 * or into an earlier year, is refused). A dry run computes the same plan and writes nothing.
 */
export interface RolloverOptions {
  academicYear: string;
  dryRun: boolean;
  carryTeaching: boolean;
  carryHeadTeachers: boolean;
  entryClasses: { grade: number; classNo: number }[];
}

export interface ClassMove {
  /** Last year's class. */
  from: SchoolClass;
  /** Next year's grade, number and name; null when the class graduates. */
  grade: number | null;
  classNo: number | null;
  name: string | null;
  /** The new row (after a real rollover); null in a dry run and for a graduating class. */
  to: SchoolClass | null;
  students: number;
  headTeacherId: string | null;
  teachingCarried: number;
  teachingDropped: number;
}

export interface RolloverPlan {
  academicYear: string;
  previousYear: string;
  dryRun: boolean;
  /** The first day of the new year (its first term's first day). */
  startsOn: string;
  moves: ClassMove[];
  /** New empty entry classes: names, and the rows after a real rollover. */
  entryClasses: { grade: number; classNo: number; name: string; row: SchoolClass | null }[];
  studentsMoved: number;
  graduates: number;
  teachingCarried: number;
  teachingDropped: number;
  headTeachersCarried: number;
  researchGroupsKept: number;
}

/** `2027-2028` → `2026-2027`. */
export function previousYear(year: string): string {
  const first = Number(year.slice(0, 4));
  return `${first - 1}-${first}`;
}

export class SchoolYearService {
  /** Plans the rollover into `options.academicYear` and, unless a dry run, carries it out in one transaction. */
  async rollover(ctx: RequestContext, options: RolloverOptions): Promise<RolloverPlan> {
    requireOffice(ctx);
    const year = options.academicYear;
    const first = Number(year.slice(0, 4));
    if (!/^\d{4}-\d{4}$/.test(year) || Number(year.slice(5)) !== first + 1) {
      throw new InvalidInputError('academicYear', SchoolYearMessages.ACADEMIC_YEAR_NOT_CONSECUTIVE, { academicYear: year });
    }
    return withTransaction(ctx, async (txCtx) => {
      const school = await txCtx.db.findOneOrFail(School, { where: { id: txCtx.schoolId }, lock: { mode: 'pessimistic_write' } });
      const plan = await this.plan(txCtx, school, options);
      if (!options.dryRun) await this.apply(txCtx, plan, options);
      return plan;
    });
  }

  private async plan(ctx: TxContext, school: School, options: RolloverOptions): Promise<RolloverPlan> {
    const { schoolId } = ctx;
    const year = options.academicYear;
    const done = await ctx.db.find(SchoolYearRollover, { where: { schoolId }, order: { academicYear: 'DESC' } });
    if (done.length && done[0].academicYear >= year) {
      const last = done[0];
      throw new RuleViolation(SchoolYearErrors.YEAR_ALREADY_ROLLED, ['academicYear'], {
        academicYear: year, lastYear: last.academicYear, rolledOn: last.rolledAt.toISOString().slice(0, 10),
      });
    }
    const terms = await ctx.db.find(Term, { where: { schoolId, academicYear: year }, order: { termNo: 'ASC' } });
    const missing = [1, 2].filter((n) => !terms.some((t) => t.termNo === n));
    if (missing.length) {
      throw new RuleViolation(SchoolYearErrors.YEAR_TERMS_MISSING, ['academicYear'], {
        academicYear: year, missingTerms: missing.length, missing: missing.map((n) => (n === 1 ? '第一学期' : '第二学期')).join('、'),
      });
    }
    const grades = gradesOf(school.stage);
    const topGrade = Math.max(...grades);
    const classes = await ctx.db.find(SchoolClass, { where: { schoolId, archivedAt: IsNull() }, order: { grade: 'ASC', classNo: 'ASC' } });
    const ids = classes.map((c) => c.id);
    const [counts, teaching, activeTeachers, groups] = await Promise.all([
      ids.length
        ? ctx.db.query(`SELECT class_id, count(*)::int AS n FROM users WHERE school_id = $1 AND class_id = ANY($2::uuid[]) AND deactivated_at IS NULL GROUP BY class_id`, [schoolId, ids])
        : [],
      ids.length ? ctx.db.findBy(TeachingAssignment, { schoolId, classId: In(ids) }) : [],
      ctx.db.query(`SELECT id FROM users WHERE school_id = $1 AND deactivated_at IS NULL`, [schoolId]),
      ctx.db.query(`SELECT count(*)::int AS n FROM research_groups WHERE school_id = $1`, [schoolId]),
    ]) as [{ class_id: string; n: number }[], TeachingAssignment[], { id: string }[], { n: number }[]];
    const studentsOf = new Map(counts.map((r) => [r.class_id, r.n]));
    const active = new Set(activeTeachers.map((r) => r.id));
    const moves: ClassMove[] = classes.map((c) => {
      const graduates = c.grade >= topGrade;
      const rows = teaching.filter((t) => t.classId === c.id);
      const carried = graduates || !options.carryTeaching ? 0 : rows.filter((t) => active.has(t.teacherId)).length;
      const head = !graduates && options.carryHeadTeachers && c.headTeacherId && active.has(c.headTeacherId) ? c.headTeacherId : null;
      return {
        from: c, grade: graduates ? null : c.grade + 1, classNo: graduates ? null : c.classNo,
        name: graduates ? null : className(c.grade + 1, c.classNo), to: null,
        students: studentsOf.get(c.id) ?? 0, headTeacherId: head,
        teachingCarried: carried, teachingDropped: graduates ? 0 : rows.length - carried,
      };
    });
    const taken = new Map(moves.filter((m) => m.name).map((m) => [`${m.grade}/${m.classNo}`, `由${m.from.name}升级`]));
    const entryClasses: RolloverPlan['entryClasses'] = [];
    for (const [i, e] of options.entryClasses.entries()) {
      if (!grades.includes(e.grade)) {
        throw new RuleViolation(SchoolErrors.GRADE_NOT_IN_SCHOOL, ['entryClasses', String(i), 'grade'], { grade: e.grade, school: school.name });
      }
      const name = className(e.grade, e.classNo);
      const source = taken.get(`${e.grade}/${e.classNo}`);
      if (source) {
        throw new RuleViolation(SchoolYearErrors.ENTRY_CLASS_TAKEN, ['entryClasses', String(i)], { name, source, grade: e.grade, classNo: e.classNo });
      }
      taken.set(`${e.grade}/${e.classNo}`, '新开设');
      entryClasses.push({ ...e, name, row: null });
    }
    const sum = (f: (m: ClassMove) => number) => moves.reduce((s, m) => s + f(m), 0);
    return {
      academicYear: year, previousYear: previousYear(year), dryRun: options.dryRun, startsOn: terms[0].startsOn,
      moves, entryClasses,
      studentsMoved: sum((m) => (m.name ? m.students : 0)),
      graduates: sum((m) => (m.name ? 0 : m.students)),
      teachingCarried: sum((m) => m.teachingCarried),
      teachingDropped: sum((m) => m.teachingDropped),
      headTeachersCarried: moves.filter((m) => m.headTeacherId).length,
      researchGroupsKept: groups[0].n,
    };
  }

  private async apply(ctx: TxContext, plan: RolloverPlan, options: RolloverOptions): Promise<void> {
    const schoolId = ctx.schoolId;
    const now = new Date();
    // First, so a rollover racing this one fails on the key before touching a class.
    await ctx.db.insert(SchoolYearRollover, { schoolId, academicYear: plan.academicYear, rolledAt: now, rolledBy: ctx.viewer.userId });
    for (const move of plan.moves) {
      const old = move.from;
      await ctx.db.update(SchoolClass, { schoolId, id: old.id }, { archivedAt: now, revision: old.revision + 1 });
      await ctx.db.query(
        `INSERT INTO past_class_members (school_id, class_id, student_id, academic_year, until_day)
         SELECT school_id, class_id, id, $3, $4 FROM users WHERE school_id = $1 AND class_id = $2`,
        [schoolId, old.id, plan.previousYear, plan.startsOn],
      );
      if (!move.name) {
        // Graduates keep their class (archived) so their history reads as before; they can no longer sign in.
        await ctx.db.query(
          `UPDATE users SET graduated_at = $3, deactivated_at = coalesce(deactivated_at, $3), token_version = token_version + 1, revision = revision + 1
            WHERE school_id = $1 AND class_id = $2 AND deactivated_at IS NULL`,
          [schoolId, old.id, now],
        );
        continue;
      }
      const row: SchoolClass = {
        schoolId, id: randomUUID(), grade: move.grade!, classNo: move.classNo!, name: move.name, headTeacherId: move.headTeacherId,
        revision: 1, archivedAt: null,
      };
      await ctx.db.insert(SchoolClass, row);
      move.to = row;
      await ctx.db.query(
        `UPDATE users SET class_id = $3, revision = revision + 1 WHERE school_id = $1 AND class_id = $2 AND deactivated_at IS NULL`,
        [schoolId, old.id, row.id],
      );
      if (options.carryTeaching) {
        await ctx.db.query(
          `INSERT INTO teaching_assignments (school_id, id, teacher_id, class_id, subject_id)
           SELECT t.school_id, gen_random_uuid(), t.teacher_id, $3, t.subject_id FROM teaching_assignments t
             JOIN users u ON u.school_id = t.school_id AND u.id = t.teacher_id AND u.deactivated_at IS NULL
            WHERE t.school_id = $1 AND t.class_id = $2`,
          [schoolId, old.id, row.id],
        );
      }
    }
    for (const entry of plan.entryClasses) {
      const row: SchoolClass = {
        schoolId, id: randomUUID(), grade: entry.grade, classNo: entry.classNo, name: entry.name, headTeacherId: null, revision: 1, archivedAt: null,
      };
      await ctx.db.insert(SchoolClass, row);
      entry.row = row;
    }
  }
}

export const schoolYearService = new SchoolYearService();
