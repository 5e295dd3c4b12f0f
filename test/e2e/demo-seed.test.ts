import { DEMO_SCHOOL, seedDemo } from '../../seeds/demo';
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

  it('is idempotent: seeding again adds nothing', async () => {
    const before = await count(`SELECT count(*)::int n FROM users`);
    await seedDemo(db.dataSource, 10);
    expect(await count(`SELECT count(*)::int n FROM users`)).toBe(before);
  });
});
