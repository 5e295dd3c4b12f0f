import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { TestApp } from '../support/test-app';
import { CREATE, insertItem, packages, PUBLISH } from '../support/assignments';

/**
 * Twenty teachers' subjects publish for one class and day at the same moment: the cap holds,
 * every refusal is a clean userErrors entry, and nothing fails with an internal error.
 * On PostgreSQL the publishes really run in parallel (pool of 5); on PGlite they queue.
 */
const SCHOOL = { code: 'race-test', name: '测试戊校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 1, studentsPerClass: 1, nameSeed: 8 };
const SUBJECTS = 20;
const DAY = '2026-11-26';
let t: TestApp;

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  const school = t.schools[0];
  const teacher = t.user('t5yw1').id;
  const classId = school.classes[0].id;
  for (let i = 1; i <= SUBJECTS; i++) {
    const subjectId = randomUUID();
    const code = `extra${String(i).padStart(2, '0')}`;
    await t.db.dataSource.query(`INSERT INTO subjects (school_id, id, code, name, sort_order) VALUES ($1, $2, $3, $4, $5)`,
      [school.schoolId, subjectId, code, `校本课程${i}`, 50 + i]);
    await t.db.dataSource.query(`INSERT INTO teaching_assignments (school_id, id, teacher_id, class_id, subject_id) VALUES ($1, $2, $3, $4, $5)`,
      [school.schoolId, randomUUID(), teacher, classId, subjectId]);
    school.subjects.push({ id: subjectId, code, name: `校本课程${i}`, sortOrder: 50 + i });
  }
});
afterAll(() => t?.stop());

it('never lets the class go over its cap', async () => {
  const token = await t.login('t5yw1');
  const school = t.schools[0];
  const drafts: { id: string; revision: number }[] = [];
  for (let i = 1; i <= SUBJECTS; i++) {
    const code = `extra${String(i).padStart(2, '0')}`;
    const item = await insertItem(t, { subject: code, grade: 5, title: `书面练习${i}`, minutes: 10 });
    const { assignmentCreate } = await t.ok(CREATE, { input: {
      classId: toGlobalId('Class', school.classes[0].id), subjectId: toGlobalId('Subject', school.subjects.find((s) => s.code === code)!.id),
      date: DAY, shape: 'PACKAGES', title: `作业${i}`, options: packages(item, item),
    } }, token);
    drafts.push(assignmentCreate.assignment);
  }

  const results = await Promise.all(drafts.map((d) => t.gql(PUBLISH, { input: { assignmentId: d.id, expectedRevision: d.revision } }, token)));

  expect(results.filter((r) => r.errors)).toEqual([]);
  const payloads = results.map((r) => r.data.assignmentPublish);
  const published = payloads.filter((p) => p.assignment);
  const refused = payloads.filter((p) => !p.assignment);
  expect(published).toHaveLength(6);
  expect(refused).toHaveLength(14);
  for (const r of refused) {
    expect(r.userErrors).toHaveLength(1);
    expect(r.userErrors[0].code).toBe('DAILY_LOAD_EXCEEDED');
    expect(Object.fromEntries(r.userErrors[0].figures.filter((f: any) => !f.name.startsWith('published.')).map((f: any) => [f.name, f.value])))
      .toEqual({ capMinutes: 60, publishedMinutes: 60, thisAssignmentMinutes: 10, excessMinutes: 10 });
  }
  const [{ total }] = await t.db.dataSource.query(
    `SELECT coalesce(sum(v.predicted_minutes), 0)::int / 2 AS total FROM assignments a
       JOIN assignment_items ai ON ai.assignment_id = a.id JOIN bank_item_versions v ON v.item_id = ai.item_id AND v.version_no = ai.version_no
      WHERE a.status = 'published' AND a.day = $1`, [DAY]);
  expect(total).toBe(60);
});

it('a publish is checked entirely under the caps before or after a concurrent change of them, never a mix', async () => {
  const token = await t.login('t5yw1');
  const school = t.schools[0];
  const day = '2026-11-27';
  const code = 'extra01';
  const item = await insertItem(t, { subject: code, grade: 5, title: '书面练习（改限额时）', minutes: 10 });
  const { assignmentCreate } = await t.ok(CREATE, { input: {
    classId: toGlobalId('Class', school.classes[0].id), subjectId: toGlobalId('Subject', school.subjects.find((s) => s.code === code)!.id),
    date: day, shape: 'PACKAGES', title: '作业（改限额时）', options: packages(item, item),
  } }, token);

  // The academic office's change of the cap is under way (as loadPolicySet does it) when the teacher publishes.
  const office = t.db.dataSource.createQueryRunner();
  await office.startTransaction();
  await office.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`load-rules:${school.schoolId}`]);
  await office.query(`INSERT INTO load_policies (school_id, grade, day_kind, written_cap_minutes, updated_by) VALUES ($1, 5, 'school_day', 5, $2)`,
    [school.schoolId, t.user('jiaowu').id]);
  let answered = false;
  const publishing = t.gql(PUBLISH, { input: { assignmentId: assignmentCreate.assignment.id, expectedRevision: assignmentCreate.assignment.revision } }, token)
    .finally(() => { answered = true; });
  await new Promise((resolve) => setTimeout(resolve, 400));
  // The publish waits for the change (on PGlite it also waits for the one connection the change holds).
  expect(answered).toBe(false);
  await office.commitTransaction();
  await office.release();

  const { data, errors } = await publishing;
  expect(errors).toBeUndefined();
  expect(data.assignmentPublish.assignment).toBeNull();
  expect(data.assignmentPublish.userErrors[0]).toMatchObject({ code: 'DAILY_LOAD_EXCEEDED' });
  expect(data.assignmentPublish.userErrors[0].figures).toContainEqual({ name: 'capMinutes', value: 5 });
});
