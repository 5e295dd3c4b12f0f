import { DataSource, QueryRunner } from 'typeorm';
import { schoolToday } from '../src/core/dates';
import { refreshCalibrations } from '../src/modules/calibration/calibration.service';
import { SchoolStage } from '../src/modules/school/school.entity';
import { termOn } from '../src/modules/school/school.policy';
import { bulkInsert } from './bulk';
import { DEMO_PASSWORDS, hashDemoPasswords } from './demo';
import { BANK_SUBJECTS, bankUnits, insertScaleBank } from './scale-bank';
import { CalendarMark, planSchoolDays, SchoolDay, STATUTORY_CALENDAR, TermRow } from './scale-calendar';
import { unitsOf } from './scale-content';
import { assignmentIdOf, assignmentIdsOf, DAY_TABLES, DayRows, emptyDayRows, generateDay, planSchool, SchoolPlan, unitIndexOn } from './scale-days';
import { assertMenusWithinRules } from './scale-menus';
import { buildSchool, insertRows, insertSchool, PasswordKind, SchoolFixture, SchoolSpec } from './school-fixture';

/**
 * The scale seed: N schools of about 2,000 students (a nine-year school, grades 1–9, five
 * classes of 45 a grade) with their banks and D school days of homework life each — the volume
 * the service is planned for (DOMAIN.md, "Scale to plan for"), to benchmark against.
 *
 * Loading: a school's structure, calendar and bank in one transaction, then its days in chunks
 * of `chunkDays` school days, one transaction each, so a crash never leaves half a chunk.
 * Idempotent: every id is fixed and every insert is `ON CONFLICT DO NOTHING`; a chunk whose
 * assignments all exist is skipped without being generated.
 */
export interface ScaleOptions {
  schools: number;
  /** School days per school. */
  days: number;
  /** First date (YYYY-MM-DD); the first school day on or after it is day 1. Default: defaultFrom(). */
  from?: string;
  /** Default 45. */
  studentsPerClass?: number;
  /** log2 scrypt cost of the demo password hashes (one hash per kind of account). Default 17. */
  passwordHashCost?: number;
  /** School days per transaction. Default 5. */
  chunkDays?: number;
  /**
   * Connections loading chunks side by side (default 1). Inserts are bound by the server's
   * index and foreign-key work, so a second connection uses a second core; the embedded
   * database has one connection only.
   */
  connections?: number;
  onProgress?: (progress: ScaleProgress) => void;
}

export interface ScaleProgress {
  phase: 'setup' | 'days' | 'calibration' | 'done';
  /** 1-based school number and code. */
  school: number;
  schools: number;
  code: string;
  /** School days of this school done (loaded or found already loaded). */
  day: number;
  days: number;
  /** Rows written so far in this run. */
  rows: number;
  elapsedMs: number;
}

export interface ScaleSchoolResult {
  code: string;
  schoolId: string;
  name: string;
  firstDay: string;
  lastDay: string;
  daysLoaded: number;
  /** Days found fully loaded by an earlier run. */
  daysAlreadyLoaded: number;
}

/** What a benchmark needs to sign in and query school 1. */
export interface ScaleSample {
  schoolCode: string;
  schoolId: string;
  classId: string;
  className: string;
  classStudents: number;
  teacherUsername: string;
  headTeacherUsername: string;
  studentUsername: string;
  parentUsername: string;
  officeUsername: string;
  passwords: Record<PasswordKind, string>;
  firstDay: string;
  lastDay: string;
}

export interface ScaleSummary {
  schools: ScaleSchoolResult[];
  /** Rows written by this run, per table (0 everywhere on a rerun). */
  inserted: Record<string, number>;
  /** Rows of these schools in the database after the run, per table. */
  totals: Record<string, number>;
  elapsedMs: number;
  sample: ScaleSample;
}

const STUDENTS_PER_CLASS = 45;
const PLACES = ['城东', '城西', '城南', '城北', '滨江', '湖滨', '文华', '育才', '启明', '明德', '求实', '新城', '东湖', '西山', '南湖',
  '北苑', '春晖', '星海', '博雅', '翠园'];
const KINDS = ['实验学校', '外国语学校', '九年一贯制学校'];

/** School n (1-based): code `scale-001`, a nine-year school of 9 grades × 5 classes × 45 students. */
export function scaleSchoolSpec(n: number, studentsPerClass = STUDENTS_PER_CLASS): SchoolSpec {
  const place = PLACES[(n - 1) % PLACES.length];
  const kind = KINDS[Math.floor((n - 1) / PLACES.length) % KINDS.length];
  const round = Math.floor((n - 1) / (PLACES.length * KINDS.length));
  return {
    code: `scale-${String(n).padStart(3, '0')}`,
    name: `${place}${kind}${round ? `（第${round + 1}校区）` : ''}`,
    stage: SchoolStage.NINE_YEAR,
    grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    classesPerGrade: 5,
    studentsPerClass,
    nameSeed: 20270000 + n,
  };
}

/** The first school day of the term `today` is in (or the next term), else 2026-09-01. */
export function defaultFrom(today = schoolToday()): string {
  const spec = scaleSchoolSpec(1, 1);
  const terms = buildSchool(spec).terms;
  const term = termOn(terms, today) ?? terms.find((t) => t.startsOn > today);
  if (!term) return '2026-09-01';
  return planSchoolDays(spec.code, terms, STATUTORY_CALENDAR, term.startsOn, 1).days[0].day;
}

/** Tables the seed writes, parents first; the summary counts them. */
const TABLES = ['schools', 'terms', 'subjects', 'users', 'user_roles', 'classes', 'teaching_assignments', 'research_groups',
  'research_group_members', 'parent_links', 'calendar_days', 'units', 'unit_objectives', 'bank_items', 'bank_item_versions',
  'bank_item_objectives', 'assignments', 'assignment_options', 'assignment_items', 'student_choices', 'submissions',
  'submission_versions', 'marks', 'record_sheets', 'record_sheet_messages', 'record_sheet_entries', 'item_calibrations'];

/**
 * Runs `work` in a transaction scoped to the school: row-level security (migration
 * RowLevelSecurity) admits only the rows of `app.school_id` when it binds the connecting role.
 */
async function inTransaction<R>(qr: QueryRunner, schoolId: string, work: () => Promise<R>): Promise<R> {
  await qr.startTransaction();
  try {
    await qr.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
    const result = await work();
    await qr.commitTransaction();
    return result;
  } catch (e) {
    await qr.rollbackTransaction();
    throw e;
  }
}

/** Rows of the schools per table. */
async function countRows(qr: QueryRunner, schoolIds: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]));
  for (const schoolId of schoolIds) {
    await inTransaction(qr, schoolId, async () => {
      for (const table of TABLES) {
        const [{ n }] = await qr.query(`SELECT count(*)::int AS n FROM ${table} WHERE school_id = $1`, [schoolId]);
        counts[table] += n;
      }
    });
  }
  return counts;
}

/** Which of `ids` are rows of `table` in the school. */
async function presentIds(qr: QueryRunner, table: string, schoolId: string, ids: string[]): Promise<Set<string>> {
  const found: { id: string }[] = await qr.query(`SELECT id FROM ${table} WHERE school_id = $1 AND id = ANY($2::uuid[])`, [schoolId, ids]);
  return new Set(found.map((r) => r.id));
}

/**
 * Writes one chunk of days, parents first. When some parent rows were not written because
 * another row held their key (an assignment or record sheet the service created for the same
 * class, subject and day), the children of those parents are left out. Returns rows written.
 */
async function insertDays(qr: QueryRunner, schoolId: string, rows: DayRows): Promise<number> {
  let written = 0;
  for (const table of DAY_TABLES) {
    const inserted = await bulkInsert(qr, rows[table]);
    written += inserted;
    if (inserted === rows[table].length) continue;
    if (table === 'assignments') {
      const ours = await presentIds(qr, 'assignments', schoolId, rows.assignments.columns[1] as string[]);
      for (const t of ['options', 'items', 'choices', 'submissions', 'entries'] as const) rows[t] = rows[t].filter('assignment_id', ours);
      const submissions = new Set(rows.submissions.columns[1] as string[]);
      rows.versions = rows.versions.filter('submission_id', submissions);
      rows.marks = rows.marks.filter('submission_id', submissions);
    } else if (table === 'sheets') {
      rows.entries = rows.entries.filter('sheet_id', await presentIds(qr, 'record_sheets', schoolId, rows.sheets.columns[1] as string[]));
    }
  }
  return written;
}

/**
 * Loads a chunk of school days in one transaction, or leaves it when its assignments are all
 * there already (returns null). Generation yields between days so that other connections'
 * statements keep flowing. Returns the rows written.
 */
async function loadChunk(qr: QueryRunner, plan: SchoolPlan, chunk: SchoolDay[]): Promise<number | null> {
  const schoolId = plan.fixture.schoolId;
  const ids = assignmentIdsOf(plan, chunk);
  return inTransaction(qr, schoolId, async () => {
    const [{ n }] = await qr.query(`SELECT count(*)::int AS n FROM assignments WHERE school_id = $1 AND id = ANY($2::uuid[])`, [schoolId, ids]);
    if (n === ids.length) return null;
    const dayRows = emptyDayRows();
    for (const day of chunk) {
      generateDay(plan, day, dayRows);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return insertDays(qr, schoolId, dayRows);
  });
}

interface SchoolState {
  fixture: SchoolFixture;
  plan: SchoolPlan;
}

/** The school, its calendar, terms and bank, in one transaction; read back what the school already has. */
async function setUpSchool(qr: QueryRunner, spec: SchoolSpec, from: string, days: number, hashes: () => Promise<Record<PasswordKind, string>>): Promise<SchoolState> {
  const fixture = buildSchool(spec);
  const s = fixture.schoolId;
  return inTransaction(qr, s, async () => {
    const existing: { wake: string }[] = await qr.query(`SELECT to_char(wake_up_time, 'HH24:MI') AS wake FROM schools WHERE school_id = $1`, [s]);
    // The structure is written in one transaction with the school row: if the row is there, so is the rest.
    if (!existing.length) await insertSchool(qr.manager, fixture, await hashes());
    await insertRows(qr.manager, 'calendar_days', ['school_id', 'day', 'kind', 'name'], STATUTORY_CALENDAR.map((m) => [s, m.day, m.kind, m.name]));
    const calendar: CalendarMark[] = await qr.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name FROM calendar_days WHERE school_id = $1`, [s]);
    const terms: TermRow[] = await qr.query(
      `SELECT id, name, academic_year AS "academicYear", term_no AS "termNo", to_char(starts_on, 'YYYY-MM-DD') AS "startsOn",
              to_char(ends_on, 'YYYY-MM-DD') AS "endsOn" FROM terms WHERE school_id = $1`, [s]);
    const calendarPlan = planSchoolDays(spec.code, terms, calendar, from, days);
    const known = new Set(terms.map((t) => t.id));
    await insertRows(qr.manager, 'terms', ['school_id', 'id', 'name', 'academic_year', 'term_no', 'starts_on', 'ends_on'],
      calendarPlan.terms.filter((t) => !known.has(t.id)).map((t) => [s, t.id, t.name, t.academicYear, t.termNo, t.startsOn, t.endsOn]));
    const unitsWanted = calendarPlan.terms.reduce((sum, t) => sum + fixture.groups.reduce((n, g) => {
      const code = fixture.subjects.find((x) => x.id === g.subjectId)!.code;
      return n + ((BANK_SUBJECTS as readonly string[]).includes(code) ? unitsOf(code, g.grade, t.termNo).length : 0);
    }, 0), 0);
    const [{ n: unitsThere }] = await qr.query(`SELECT count(*)::int AS n FROM units WHERE school_id = $1 AND term_id = ANY($2::uuid[])`,
      [s, calendarPlan.terms.map((t) => t.id)]);
    if (unitsThere < unitsWanted) await insertScaleBank(qr.manager, fixture, calendarPlan.terms);
    return { fixture, plan: planSchool(fixture, calendarPlan, existing[0]?.wake) };
  });
}

/**
 * Recomputes the calibrated minutes of every item version the school's assignments use, with
 * the service's own refreshCalibrations. It is called once per unit taught (grade × subject ×
 * unit): a unit's items are used by that unit's assignments only, so each call reads just those
 * observations — one call for the whole school would compare every item with every observation.
 */
async function calibrate(runners: QueryRunner[], plan: SchoolPlan, days: SchoolDay[]): Promise<void> {
  const [qr] = runners;
  const code = plan.fixture.spec.code;
  // The planner needs statistics of the tables just loaded to join them sensibly.
  for (const table of ['assignments', 'assignment_items', 'student_choices', 'submissions', 'submission_versions', 'record_sheets', 'record_sheet_entries']) {
    await qr.query(`ANALYZE ${table}`);
  }
  const byUnit = new Map<string, string[]>();
  for (const sd of days) {
    for (const c of plan.classes) {
      for (const subject of c.subjects) {
        const key = `${c.grade}|${subject.code}|${sd.term.id}|${unitIndexOn(sd, bankUnits(code, sd.term, subject.code, c.grade).length)}`;
        (byUnit.get(key) ?? byUnit.set(key, []).get(key)!).push(assignmentIdOf(code, c.id, sd.day, subject.code));
      }
    }
  }
  const queue = [...byUnit.values()];
  await settleAll(runners, (runner) => inTransaction(runner, plan.fixture.schoolId, async () => {
    for (let ids = queue.shift(); ids; ids = queue.shift()) await refreshCalibrations(runner.manager, plan.fixture.schoolId, ids);
  }));
}

/** Runs `work` on every runner side by side; waits for all, then throws the first failure. */
async function settleAll(runners: QueryRunner[], work: (runner: QueryRunner) => Promise<void>): Promise<void> {
  const outcomes = await Promise.allSettled(runners.map(work));
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
}

function sampleOf(f: SchoolFixture, days: SchoolDay[]): ScaleSample {
  const cls = f.classes.find((c) => c.grade === 5 && c.classNo === 1)!;
  const math = f.subjects.find((s) => s.code === 'math')!;
  const username = (id: string) => f.users.find((u) => u.id === id)!.username;
  const student = f.users.find((u) => u.classId === cls.id)!;
  const parent = f.parentLinks.find((l) => l.studentId === student.id)!;
  return {
    schoolCode: f.spec.code,
    schoolId: f.schoolId,
    classId: cls.id,
    className: cls.name,
    classStudents: f.users.filter((u) => u.classId === cls.id).length,
    teacherUsername: username(f.teaching.find((t) => t.classId === cls.id && t.subjectId === math.id)!.teacherId),
    headTeacherUsername: username(cls.headTeacherId),
    studentUsername: student.username,
    parentUsername: username(parent.parentId),
    officeUsername: 'jiaowu',
    passwords: { ...DEMO_PASSWORDS },
    firstDay: days[0]?.day ?? '',
    lastDay: days[days.length - 1]?.day ?? '',
  };
}

/** Loads the scale data set; see ScaleOptions. Safe to run again: what is there is kept and skipped. */
export async function loadScale(ds: DataSource, options: ScaleOptions): Promise<ScaleSummary> {
  if (!(Number.isInteger(options.schools) && options.schools >= 1 && Number.isInteger(options.days) && options.days >= 1)) {
    throw new Error(`schools and days must be positive integers, got ${options.schools} and ${options.days}`);
  }
  const started = Date.now();
  const from = options.from ?? defaultFrom();
  const chunkDays = options.chunkDays ?? 5;
  const specs = Array.from({ length: options.schools }, (_, i) => scaleSchoolSpec(i + 1, options.studentsPerClass));
  for (const grade of specs[0]?.grades ?? []) assertMenusWithinRules(grade);
  let hashed: Promise<Record<PasswordKind, string>> | undefined;
  const hashes = () => (hashed ??= hashDemoPasswords(options.passwordHashCost ?? 17));

  const runners = Array.from({ length: Math.max(1, options.connections ?? 1) }, () => ds.createQueryRunner());
  const [qr] = runners;
  try {
    for (const runner of runners) await runner.connect();
    const schoolIds = specs.map((spec) => buildSchool({ ...spec, studentsPerClass: 0 }).schoolId);
    const before = await countRows(qr, schoolIds);
    const results: ScaleSchoolResult[] = [];
    let sample: ScaleSample | undefined;
    let rows = 0;

    for (const [i, spec] of specs.entries()) {
      const report = (phase: ScaleProgress['phase'], day: number) => options.onProgress?.({
        phase, school: i + 1, schools: specs.length, code: spec.code, day, days: options.days, rows, elapsedMs: Date.now() - started });
      report('setup', 0);
      const { fixture, plan } = await setUpSchool(qr, spec, from, options.days, hashes);
      const days = plan.calendar.days;
      sample ??= sampleOf(fixture, days);
      const result: ScaleSchoolResult = { code: spec.code, schoolId: fixture.schoolId, name: spec.name, firstDay: days[0]?.day ?? '',
        lastDay: days[days.length - 1]?.day ?? '', daysLoaded: 0, daysAlreadyLoaded: 0 };

      let next = 0;
      let done = 0;
      // When one connection fails, the others finish their chunk and stop.
      let failed = false;
      await settleAll(runners, async (runner) => {
        try {
          while (!failed && next < days.length) {
            const chunk = days.slice(next, next + chunkDays);
            next += chunk.length;
            const written = await loadChunk(runner, plan, chunk);
            if (written === null) result.daysAlreadyLoaded += chunk.length;
            else result.daysLoaded += chunk.length;
            rows += written ?? 0;
            done += chunk.length;
            report('days', done);
          }
        } catch (e) {
          failed = true;
          throw e;
        }
      });

      const calibrated = await inTransaction(qr, fixture.schoolId, async () =>
        (await qr.query(`SELECT count(*)::int AS n FROM item_calibrations WHERE school_id = $1`, [fixture.schoolId]))[0].n as number);
      if (result.daysLoaded > 0 || calibrated === 0) {
        report('calibration', days.length);
        await calibrate(runners, plan, days);
      }
      results.push(result);
      report('done', days.length);
    }

    // A school's tables are vacuumed now and then; freshly loaded ones are not yet, and until
    // they are, every index lookup visits the table too and the first readers set hint bits.
    if (results.some((r) => r.daysLoaded > 0)) {
      for (const table of TABLES) await qr.query(`VACUUM (ANALYZE) ${table}`);
    }
    const totals = await countRows(qr, schoolIds);
    const inserted = Object.fromEntries(TABLES.map((t) => [t, totals[t] - before[t]]));
    return { schools: results, inserted, totals, elapsedMs: Date.now() - started, sample: sample! };
  } finally {
    for (const runner of runners) await runner.release();
  }
}
