import { verifyPassword } from '../../src/modules/auth/password';
import { importRosterOn } from '../../src/modules/roster/roster.service';
import { DEMO_PASSWORDS, DEMO_SCHOOL, seedDemo } from '../../seeds/demo';
import { demoRosterWorkbook } from '../../seeds/demo-roster';
import { buildSchool } from '../../seeds/school-fixture';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('demo seed', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  const count = async (sql: string) => (await db.dataSource.query(sql))[0].n;

  it('loads a nine-year school with two classes a grade, ~40 students each, their teachers and parents', async () => {
    await seedDemo(db.dataSource, 10);
    expect(await db.dataSource.query(`SELECT code, name, stage FROM schools`)).toEqual([
      { code: DEMO_SCHOOL.code, name: '京华实验学校', stage: 'nine_year' },
    ]);
    expect(await count(`SELECT count(*)::int n FROM classes`)).toBe(18);
    expect(await count(`SELECT count(*)::int n FROM classes WHERE head_teacher_id IS NULL`)).toBe(0);
    const perClass = await db.dataSource.query(`SELECT count(*)::int n FROM users WHERE class_id IS NOT NULL GROUP BY class_id`);
    expect(perClass.every((r: { n: number }) => r.n === 40)).toBe(true);
    expect(await count(`SELECT count(*)::int n FROM parent_links`)).toBe(18 * 40);
    // Every class has a teacher for each of its grade's subjects.
    expect(await count(`
      SELECT count(*)::int n FROM classes c
       WHERE (SELECT count(*) FROM teaching_assignments t WHERE t.class_id = c.id) < 3`)).toBe(0);
    const junior = await db.dataSource.query(`
      SELECT DISTINCT s.name FROM teaching_assignments t JOIN classes c ON c.id = t.class_id
        JOIN subjects s ON s.id = t.subject_id WHERE c.grade = 8 ORDER BY s.name`);
    expect(junior.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining(['语文', '数学', '英语', '物理', '历史', '道德与法治']),
    );
    expect(await count(`SELECT count(*)::int n FROM research_groups`)).toBeGreaterThan(40);
  });

  it('holds a bank of 语文, 数学 and 英语 for grades 3, 5 and 8: three units each, 30+ approved items a unit in every tier', async () => {
    const units = await db.dataSource.query(`
      SELECT s.name AS subject, u.grade, count(*)::int AS units FROM units u JOIN subjects s ON s.id = u.subject_id
       GROUP BY s.name, u.grade ORDER BY u.grade, s.name`);
    expect(units).toHaveLength(9);
    expect(units.every((r: { units: number }) => r.units === 3)).toBe(true);
    const perUnit = await db.dataSource.query(`
      SELECT u.title, count(*)::int AS items, count(DISTINCT i.tier)::int AS tiers, count(DISTINCT i.form)::int AS forms,
             min(i.predicted_minutes)::int AS min_minutes, max(i.predicted_minutes)::int AS max_minutes,
             (SELECT count(*)::int FROM unit_objectives o WHERE o.unit_id = u.id) AS objectives
        FROM units u JOIN bank_items i ON i.unit_id = u.id AND i.status = 'approved' AND i.approved_version_no = 1
       GROUP BY u.id, u.title`);
    expect(perUnit).toHaveLength(27);
    for (const unit of perUnit) {
      expect(unit).toMatchObject({ tiers: 3, objectives: 3 });
      expect(unit.items).toBeGreaterThanOrEqual(30);
      expect(unit.forms).toBeGreaterThanOrEqual(4);
      expect(unit.min_minutes).toBeGreaterThanOrEqual(5);
      expect(unit.max_minutes).toBeLessThanOrEqual(30);
    }
  });

  it('holds two weeks of homework, submissions, marks and record sheets for two classes', async () => {
    const classes = await db.dataSource.query(`SELECT DISTINCT c.name FROM assignments a JOIN classes c ON c.id = a.class_id ORDER BY 1`);
    expect(classes.map((r: { name: string }) => r.name)).toEqual(['五年级(1)班', '八年级(1)班']);
    expect(await count(`SELECT count(DISTINCT day)::int n FROM assignments`)).toBe(10);
    expect(await count(`SELECT count(*)::int n FROM submissions`)).toBeGreaterThan(1000);
    expect(await count(`SELECT count(*)::int n FROM record_sheets WHERE bedtime IS NOT NULL`)).toBeGreaterThan(600);
    expect(await count(`SELECT count(*)::int n FROM item_calibrations WHERE calibrated_minutes IS NOT NULL`)).toBeGreaterThan(10);
    // Every seeded day fits its class's cap with the heaviest choices.
    expect(await count(`
      WITH options AS (
        SELECT ai.assignment_id, ai.option_key, sum(CASE WHEN v.form = 'written' THEN ai.predicted_minutes ELSE 0 END) AS written
          FROM assignment_items ai JOIN bank_item_versions v ON v.item_id = ai.item_id AND v.version_no = ai.version_no
         GROUP BY 1, 2),
      heaviest AS (
        SELECT a.class_id, a.day, CASE WHEN a.shape = 'three_part' THEN sum(o.written) ELSE max(o.written) END AS minutes
          FROM assignments a JOIN options o ON o.assignment_id = a.id GROUP BY a.id, a.class_id, a.day, a.shape)
      SELECT count(*)::int n FROM (
        SELECT h.class_id, h.day, sum(h.minutes) AS total, max(c.grade) AS grade FROM heaviest h JOIN classes c ON c.id = h.class_id
         GROUP BY h.class_id, h.day) d
       WHERE d.total > CASE WHEN d.grade <= 6 THEN 60 ELSE 90 END`)).toBe(0);
  });

  it('builds its classes and people by importing its roster workbook; every demo account has its published password', async () => {
    expect(await count(`SELECT count(*)::int n FROM users WHERE password_hash IS NULL OR must_change_password`)).toBe(0);
    expect(await count(`SELECT count(*)::int n FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'teacher' WHERE u.staff_no IS NULL`)).toBe(0);
    const [teacher, student, parent] = await db.dataSource.query(
      `SELECT username, password_hash, staff_no, student_no FROM users WHERE username IN ('t3sx2', 's30101', 'p30101') ORDER BY username DESC`);
    expect(teacher).toMatchObject({ username: 't3sx2', staff_no: expect.stringMatching(/^JH\d{3}$/) });
    expect(await verifyPassword(DEMO_PASSWORDS.staff, teacher.password_hash)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORDS.student, student.password_hash)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORDS.parent, parent.password_hash)).toBe(true);
    const fixture = buildSchool(DEMO_SCHOOL);
    const report = await db.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT set_config('app.school_id', $1, true)`, [fixture.schoolId]);
      return importRosterOn(tx, fixture.schoolId, await demoRosterWorkbook(fixture), { dryRun: true });
    });
    expect(report.problems).toEqual([]);
    expect(report.sheets.map((s) => [s.sheet, s.created + s.updated, s.unchanged])).toEqual([
      ['班级', 0, 18], ['教师', 0, fixture.users.filter((u) => u.password === 'staff').length], ['任课', 0, fixture.teaching.length], ['学生', 0, 720], ['家长', 0, 720],
    ]);
  });

  it('is idempotent: seeding again adds nothing', async () => {
    const before = [await count(`SELECT count(*)::int n FROM users`), await count(`SELECT count(*)::int n FROM bank_items`)];
    await seedDemo(db.dataSource, 10);
    expect([await count(`SELECT count(*)::int n FROM users`), await count(`SELECT count(*)::int n FROM bank_items`)]).toEqual(before);
  });
});
