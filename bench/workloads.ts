import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../src/core/ids';

/**
 * Room for the hot writes.
 *
 * Every publish needs a fresh draft, so the bench writes them beforehand, in bulk: per class
 * and bench day a published 语文 assignment (what the load check finds already there) and a
 * 数学 draft (what the maths teacher publishes). Bench days are weekdays from BENCH_DAY_BASE
 * on, far after the school year, so they never meet the scale data. They are kept: the next
 * run takes the published drafts back to draft (bench/prepare.ts) and uses them again.
 *
 * Every hand-in needs a (student, assignment) pair not handed in yet. Those are the school
 * year's own: homework a student chose but has not handed in, so that the recalibration each
 * hand-in queues reads the real history of its items. The next run deletes these
 * submissions (their client keys start with BENCH_CLIENT_KEY) and recomputes the calibrations.
 */
export const BENCH_DAY_BASE = '2090-01-02';
export const BENCH_CLIENT_KEY = 'bench-';

/** The k-th weekday from BENCH_DAY_BASE (a Monday). */
export function benchDay(k: number): string {
  const d = new Date(`${BENCH_DAY_BASE}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + Math.floor(k / 5) * 7 + (k % 5));
  return d.toISOString().slice(0, 10);
}

/** Runs statements in one transaction scoped to the school; resolves with each one's rows. */
export type Sql = (statements: { text: string; params?: unknown[] }[]) => Promise<any[]>;

export interface PickedItem {
  itemId: string;
  versionNo: number;
  minutes: number;
}

export interface SubjectSlot {
  subjectId: string;
  teacherId: string;
  username: string;
  /** Two short written items: option A and option B. */
  items: PickedItem[];
}

export interface ClassSlots {
  classId: string;
  className: string;
  grade: number;
  math: SubjectSlot;
  chinese: SubjectSlot;
  /** Bench days written so far. */
  days: number;
  /** Global ids of the 数学 drafts, in day order, and how many were handed out. */
  drafts: string[];
  draftsUsed: number;
  /** The 语文 assignments students hand in, in day order. */
  published: { id: string; minutesA: number }[];
}

/** Two approved, short, written items of a grade and subject that every rule admits. */
async function pickItems(sql: Sql, schoolId: string, grade: number, subject: string): Promise<PickedItem[]> {
  const [rows] = await sql([{
    text: `SELECT i.id AS "itemId", i.approved_version_no AS "versionNo", COALESCE(c.calibrated_minutes, v.predicted_minutes)::int AS minutes
             FROM bank_items i
             JOIN subjects s ON s.school_id = i.school_id AND s.id = i.subject_id
             JOIN bank_item_versions v ON v.school_id = i.school_id AND v.item_id = i.id AND v.version_no = i.approved_version_no
             LEFT JOIN item_calibrations c ON c.school_id = v.school_id AND c.item_id = v.item_id AND c.version_no = v.version_no
            WHERE i.school_id = $1 AND s.code = $2 AND i.grade = $3 AND i.status = 'approved' AND v.form = 'written'
              AND NOT v.needs_phone AND NOT v.needs_parent AND NOT v.repetitive
              AND COALESCE(c.calibrated_minutes, v.predicted_minutes) <= 15
            ORDER BY i.created_at, i.id LIMIT 2`,
    params: [schoolId, subject, grade],
  }]);
  if (rows.length < 2) throw new Error(`no two short written ${subject} items of grade ${grade} to assign`);
  return rows;
}

/**
 * The class whose maths teacher publishes in the 1/8/32-connection runs, and `teachers` other
 * classes of grades 3–9, each with its own maths teacher, for the run where that many teachers
 * publish at once. None of them is the sample class or has its maths teacher: the reads ask
 * about the sample class and its maths teacher's marking queue, which the thousands of bench
 * drafts would otherwise sit in (a real teacher has about 200 assignments a year).
 */
export async function writeClasses(sql: Sql, schoolId: string, sampleClassId: string, teachers: number): Promise<{ publisher: ClassSlots; others: ClassSlots[] }> {
  const [rows] = await sql([{
    text: `SELECT c.id AS "classId", c.name AS "className", c.grade, s.code, s.id AS "subjectId", u.id AS "teacherId", u.username
             FROM classes c
             JOIN teaching_assignments ta ON ta.school_id = c.school_id AND ta.class_id = c.id
             JOIN subjects s ON s.school_id = ta.school_id AND s.id = ta.subject_id
             JOIN users u ON u.school_id = ta.school_id AND u.id = ta.teacher_id
            WHERE c.school_id = $1 AND c.grade >= 3 AND s.code IN ('chinese', 'math')
            ORDER BY c.grade, c.class_no, s.code, u.username`,
    params: [schoolId],
  }]);
  const byClass = new Map<string, ClassSlots>();
  const items = new Map<string, PickedItem[]>();
  for (const r of rows) {
    const key = `${r.grade}/${r.code}`;
    if (!items.has(key)) items.set(key, await pickItems(sql, schoolId, r.grade, r.code));
    const slot: SubjectSlot = { subjectId: r.subjectId, teacherId: r.teacherId, username: r.username, items: items.get(key)! };
    const c = byClass.get(r.classId) ?? { classId: r.classId, className: r.className, grade: r.grade, days: 0, drafts: [], draftsUsed: 0, published: [] } as unknown as ClassSlots;
    if (r.code === 'math') c.math ??= slot;
    else c.chinese ??= slot;
    byClass.set(r.classId, c);
  }
  const sample = byClass.get(sampleClassId);
  if (!sample?.math || !sample.chinese) throw new Error('the sample class has no maths or Chinese teacher');
  const seen = new Set([sample.math.teacherId]);
  const picked: ClassSlots[] = [];
  for (const c of byClass.values()) {
    if (picked.length === teachers + 1) break;
    if (c === sample || !c.math || !c.chinese || seen.has(c.math.teacherId)) continue;
    seen.add(c.math.teacherId);
    picked.push(c);
  }
  if (picked.length < teachers + 1) throw new Error(`only ${picked.length} classes besides the sample with their own maths teacher (${teachers + 1} needed)`);
  const [publisher, ...others] = picked;
  // The drafts earlier runs wrote.
  const [drafts] = await sql([{
    text: `SELECT class_id AS "classId", id FROM assignments
            WHERE school_id = $1 AND day >= $2 AND status = 'draft' AND subject_id IN (SELECT id FROM subjects WHERE school_id = $1 AND code = 'math')
            ORDER BY class_id, day`,
    params: [schoolId, BENCH_DAY_BASE],
  }]);
  for (const d of drafts) {
    const c = byClass.get(d.classId);
    if (!c) continue;
    c.drafts.push(toGlobalId('Assignment', d.id));
    c.days++;
  }
  return { publisher, others };
}

type Column = [name: string, type: string];

const ASSIGNMENT_COLUMNS: Column[] = [['school_id', 'uuid'], ['id', 'uuid'], ['class_id', 'uuid'], ['subject_id', 'uuid'], ['teacher_id', 'uuid'],
  ['day', 'date'], ['due_day', 'date'], ['shape', 'text'], ['title', 'text'], ['status', 'text'], ['revision', 'int'], ['published_at', 'timestamptz']];
const OPTION_COLUMNS: Column[] = [['school_id', 'uuid'], ['assignment_id', 'uuid'], ['key', 'text'], ['name', 'text'], ['sort_order', 'smallint']];
const ITEM_COLUMNS: Column[] = [['school_id', 'uuid'], ['assignment_id', 'uuid'], ['option_key', 'text'], ['item_id', 'uuid'], ['version_no', 'int'],
  ['at_home', 'boolean'], ['sort_order', 'smallint'], ['predicted_minutes', 'smallint']];

/** One INSERT … SELECT FROM unnest(…) per table: thousands of rows in one statement. */
function bulk(table: string, columns: Column[], rows: unknown[][]): { text: string; params: unknown[] } {
  const params = columns.map((_, i) => rows.map((r) => r[i]));
  return {
    text: `INSERT INTO ${table} (${columns.map(([c]) => c).join(', ')}) SELECT * FROM unnest(${columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`,
    params,
  };
}

/** Writes bench days up to `days` for each class: a published 语文 assignment and a 数学 draft a day. */
export async function topUp(sql: Sql, schoolId: string, classes: ClassSlots[], days: number): Promise<void> {
  const assignments: unknown[][] = [];
  const options: unknown[][] = [];
  const items: unknown[][] = [];
  const now = new Date().toISOString();
  const added: (() => void)[] = [];
  for (const c of classes) {
    for (let k = c.days; k < days; k++) {
      const day = benchDay(k);
      for (const [slot, published] of [[c.chinese, true], [c.math, false]] as const) {
        const id = randomUUID();
        assignments.push([schoolId, id, c.classId, slot.subjectId, slot.teacherId, day, day, 'packages', `基准作业 ${day}`,
          published ? 'published' : 'draft', published ? 2 : 1, published ? now : null]);
        slot.items.forEach((item, i) => {
          const key = i === 0 ? 'A' : 'B';
          options.push([schoolId, id, key, `${key} 套餐`, i + 1]);
          items.push([schoolId, id, key, item.itemId, item.versionNo, true, 1, item.minutes]);
        });
        const gid = toGlobalId('Assignment', id);
        added.push(published ? () => c.published.push({ id: gid, minutesA: slot.items[0].minutes }) : () => c.drafts.push(gid));
      }
    }
  }
  const BATCH = 4000;
  for (let start = 0; start < assignments.length; start += BATCH) {
    const ids = new Set(assignments.slice(start, start + BATCH).map((a) => a[1]));
    await sql([
      bulk('assignments', ASSIGNMENT_COLUMNS, assignments.slice(start, start + BATCH)),
      bulk('assignment_options', OPTION_COLUMNS, options.filter((o) => ids.has(o[1]))),
      bulk('assignment_items', ITEM_COLUMNS, items.filter((o) => ids.has(o[1]))),
    ]);
  }
  for (const add of added) add();
  for (const c of classes) c.days = Math.max(c.days, days);
}

export interface HandInSlot {
  /** Global id of the assignment. */
  assignmentId: string;
  username: string;
  /** The student's own choice, so that handing in changes no choice. */
  choice: string;
}

/**
 * Up to `limit` published homework a student chose and has not handed in, students of `grade`
 * first, ordered so that consecutive slots belong to different students (their hand-ins are
 * serialised per student). `skip` holds slots already handed out.
 */
export async function handInSlots(sql: Sql, schoolId: string, grade: number, limit: number, skip: Set<string>): Promise<HandInSlot[]> {
  const [rows] = await sql([{
    text: `SELECT a.id, u.username, sc.choice
             FROM (SELECT sc.*, row_number() OVER (PARTITION BY sc.student_id ORDER BY sc.assignment_id) AS turn
                     FROM student_choices sc
                    WHERE sc.school_id = $1
                      AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.school_id = sc.school_id AND s.assignment_id = sc.assignment_id AND s.student_id = sc.student_id)) sc
             JOIN assignments a ON a.school_id = sc.school_id AND a.id = sc.assignment_id
             JOIN classes c ON c.school_id = a.school_id AND c.id = a.class_id
             JOIN users u ON u.school_id = sc.school_id AND u.id = sc.student_id
            WHERE a.status = 'published' AND a.day < $2 AND c.grade >= 3
            ORDER BY (c.grade = $3) DESC, sc.turn, u.username
            LIMIT $4`,
    params: [schoolId, BENCH_DAY_BASE, grade, limit + skip.size],
  }]);
  return rows.filter((r: { id: string; username: string }) => !skip.has(`${r.id}/${r.username}`)).slice(0, limit).map((r: { id: string; username: string; choice: string }) => {
    skip.add(`${r.id}/${r.username}`);
    return { assignmentId: toGlobalId('Assignment', r.id), username: r.username, choice: r.choice };
  });
}
