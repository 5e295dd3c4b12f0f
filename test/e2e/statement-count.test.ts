import { SMALL_SCHOOL } from '../support/fixtures';
import { StatementCounter } from '../support/statement-counter';
import { TestApp } from '../support/test-app';

/**
 * N+1 guard: the same query over a school with 2 students a class and one with 40 runs the
 * same number of SQL statements (each relation is one batched query per request).
 */
const counter = new StatementCounter();
let t: TestApp;
const small = { ...SMALL_SCHOOL, code: 'count-small', studentsPerClass: 2 };
const large = { ...SMALL_SCHOOL, code: 'count-large', studentsPerClass: 40, nameSeed: 7 };

beforeAll(async () => {
  t = await TestApp.start([small, large], {}, counter);
});
afterAll(() => t?.stop());

const CLASS_OVERVIEW = `{
  classes {
    name
    headTeacher { displayName roles }
    teachingAssignments { teacher { displayName roles researchGroups { name } } subject { name } }
    students { displayName studentNo roles class { name } }
  }
}`;
const STUDENTS = `{ users(first: 100, role: STUDENT) { edges { node { displayName roles class { name headTeacher { displayName } } } } } }`;
const PARENTS = `{ users(first: 100, role: PARENT) { edges { node { displayName roles children { relation student { displayName class { name } } } } } } }`;

// The bound of each counts the request's transaction as two: its start (with the role, the
// school and the viewer, one message) and COMMIT.
it.each([
  ['class overview with rosters', CLASS_OVERVIEW, 13],
  ['a page of students with their classes', STUDENTS, 6],
  ['a page of parents with their children', PARENTS, 7],
])('%s: same statement count for 2 and 40 students a class', async (_name, query, bound) => {
  const smallToken = await t.login('jiaowu', 'count-small');
  const largeToken = await t.login('jiaowu', 'count-large');
  const a = await counter.measure(() => t.ok(query, {}, smallToken));
  const b = await counter.measure(() => t.ok(query, {}, largeToken));
  expect(JSON.stringify(b.result).length).toBeGreaterThan(JSON.stringify(a.result).length * 3);
  expect(b.statements).toBe(a.statements);
  expect(a.statements).toBeLessThanOrEqual(bound);
});
