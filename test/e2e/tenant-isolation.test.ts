import { toGlobalId } from '../../src/core/ids';
import { graphql } from '../graphql';
import { OTHER_SCHOOL, SMALL_SCHOOL } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * Two schools in one database: nothing a user of one school asks for returns or changes a
 * row of the other.
 */
let t: TestApp;
let a: { office: string; teacher: string; student: string; parent: string };
let bIds: { classId: string; teacherId: string; studentId: string; schoolId: string; subjectId: string; termId: string; groupId: string };

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL, OTHER_SCHOOL]);
  a = {
    office: await t.login('jiaowu'),
    teacher: await t.login('t3yw1'),
    student: await t.login('s30101'),
    parent: await t.login('p30101'),
  };
  const b = t.schools[1];
  bIds = {
    schoolId: toGlobalId('School', b.schoolId),
    classId: toGlobalId('Class', b.classes[0].id),
    teacherId: toGlobalId('User', b.users.find((u) => u.username === 't3yw1')!.id),
    studentId: toGlobalId('User', b.users.find((u) => u.username === 's30101')!.id),
    subjectId: toGlobalId('Subject', b.subjects[0].id),
    termId: toGlobalId('Term', b.terms[0].id),
    groupId: toGlobalId('ResearchGroup', b.groups[0].id),
  };
});
afterAll(() => t?.stop());

const ME = graphql(`query TenantMe { me { id } }`);
const NODE = graphql(`query TenantNode($id: ID!) { node(id: $id) { id } }`);

const schoolIdsIn = (value: unknown, ids: Set<string>): string[] =>
  JSON.stringify(value).match(/"id":"[^"]+"/g)?.map((m) => m.slice(6, -1)).filter((id) => ids.has(id)) ?? [];

describe('tenant isolation', () => {
  it('the same username in two schools signs in to each school separately', async () => {
    const tokenB = await t.login('s30101', 'test-b');
    const meA = (await t.op(ME, {}, a.student)).me.id;
    const meB = (await t.op(ME, {}, tokenB)).me.id;
    expect(meA).not.toBe(meB);
    expect(meB).toBe(bIds.studentId);
  });

  it('every list the academic office reads holds only its own school', async () => {
    const data = await t.op(
      graphql(`query TenantOfficeLists { school { id name subjects { id } terms { id } }
         classes { id name headTeacher { id } students { id } teachingAssignments { id teacher { id } subject { id } } }
         researchGroups { id lead { id } members { id } subject { id } }
         users(first: 100) { edges { node { id username } } pageInfo { hasNextPage } } }`),
      {},
      a.office,
    );
    expect(data.school.name).toBe('测试甲校');
    const otherSchoolIds = new Set(
      t.schools[1].users.map((u) => toGlobalId('User', u.id))
        .concat(t.schools[1].classes.map((c) => toGlobalId('Class', c.id)))
        .concat(t.schools[1].subjects.map((s) => toGlobalId('Subject', s.id)))
        .concat(t.schools[1].terms.map((s) => toGlobalId('Term', s.id)))
        .concat(t.schools[1].groups.map((g) => toGlobalId('ResearchGroup', g.id))),
    );
    expect(schoolIdsIn(data, otherSchoolIds)).toEqual([]);
    expect(data.users.edges).toHaveLength(t.schools[0].users.length);
    expect(data.classes).toHaveLength(t.schools[0].classes.length);
  });

  it.each(['schoolId', 'classId', 'teacherId', 'studentId', 'subjectId', 'termId', 'groupId'] as const)(
    'node(id) of the other school\'s %s is null for every role',
    async (key) => {
      for (const token of Object.values(a)) {
        const { node } = await t.op(NODE, { id: bIds[key] }, token);
        expect(node).toBeNull();
      }
    },
  );

  it('class(id) and user(id) of the other school are NOT_FOUND', async () => {
    const CLASS = graphql(`query TenantClass($id: ID!) { class(id: $id) { name } }`);
    const USER = graphql(`query TenantUser($id: ID!) { user(id: $id) { displayName } }`);
    await t.expectToFail('NOT_FOUND', CLASS.toString(), { id: bIds.classId }, a.office);
    await t.expectToFail('NOT_FOUND', USER.toString(), { id: bIds.teacherId }, a.office);
  });

  it('a mutation naming the other school\'s class or teacher changes nothing there', async () => {
    const SET = graphql(`mutation TenantHeadTeacherSet($input: ClassHeadTeacherSetInput!) {
      classHeadTeacherSet(input: $input) { class { id } userErrors { code } } }`).toString();
    const before = await t.db.dataSource.query(`SELECT school_id, id, head_teacher_id FROM classes ORDER BY school_id, id`);
    const ownTeacher = toGlobalId('User', t.user('t3sx1').id);
    const ownClass = toGlobalId('Class', t.schools[0].classes[0].id);
    await t.expectToFail('NOT_FOUND', SET, { input: { classId: bIds.classId, teacherId: ownTeacher } }, a.office);
    await t.expectToFail('NOT_FOUND', SET, { input: { classId: ownClass, teacherId: bIds.teacherId } }, a.office);
    expect(await t.db.dataSource.query(`SELECT school_id, id, head_teacher_id FROM classes ORDER BY school_id, id`)).toEqual(before);
  });

  it('a token of one school cannot be turned to the other school', async () => {
    const [header, body] = a.office.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sch: t.schools[1].schoolId })).toString('base64url');
    await t.expectToFail('UNAUTHENTICATED', ME.toString(), {}, `${header}.${forged}.${a.office.split('.')[2]}`);
  });
});
