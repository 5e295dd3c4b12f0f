import { Viewer } from '../../src/core/context';
import { fromGlobalId, parseGlobalId, toGlobalId } from '../../src/core/ids';
import { Logger } from '../../src/core/logger';
import { decodeCursor, encodeCursor, pageOf } from '../../src/core/pagination';
import { Role } from '../../src/core/roles';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { gradeName, gradesOf, termOn } from '../../src/modules/school/school.policy';
import { canSeeClass, canSeeClassRoster, canSeeUser } from '../../src/modules/user/user.policy';

const viewer = (over: Partial<Viewer>): Viewer => ({
  userId: 'me', schoolId: 's', displayName: '', roles: new Set(), classId: null, taughtClassIds: new Set(),
  headClassIds: new Set(), childIds: new Set(), childClassIds: new Set(), groupIds: new Set(), ledGroupIds: new Set(),
  ...over,
});
const student = (id: string, classId: string) => ({ id, roles: [Role.STUDENT], classId, childClassIds: [] });
const parent = (id: string, childClassIds: string[]) => ({ id, roles: [Role.PARENT], classId: null, childClassIds });

describe('who sees whom', () => {
  const teacher = viewer({ roles: new Set([Role.TEACHER]), taughtClassIds: new Set(['c1']) });
  const head = viewer({ roles: new Set([Role.TEACHER, Role.HEAD_TEACHER]), headClassIds: new Set(['c2']) });
  const kid = viewer({ userId: 'k1', roles: new Set([Role.STUDENT]), classId: 'c1' });
  const mum = viewer({ userId: 'p1', roles: new Set([Role.PARENT]), childIds: new Set(['k1']), childClassIds: new Set(['c1']) });
  const office = viewer({ roles: new Set([Role.ACADEMIC_OFFICE]) });

  it('a teacher sees the students and parents of classes taught, not of others', () => {
    expect(canSeeUser(teacher, student('k1', 'c1'))).toBe(true);
    expect(canSeeUser(teacher, student('k2', 'c2'))).toBe(false);
    expect(canSeeUser(teacher, parent('p1', ['c1']))).toBe(true);
    expect(canSeeUser(teacher, parent('p2', ['c2']))).toBe(false);
    expect(canSeeUser(head, student('k2', 'c2'))).toBe(true);
  });

  it('a student sees themself and staff only', () => {
    expect(canSeeUser(kid, student('k1', 'c1'))).toBe(true);
    expect(canSeeUser(kid, student('k3', 'c1'))).toBe(false);
    expect(canSeeUser(kid, { id: 't', roles: [Role.TEACHER], classId: null, childClassIds: [] })).toBe(true);
    expect(canSeeUser(kid, parent('p1', ['c1']))).toBe(false);
  });

  it('a parent sees their own child, not classmates', () => {
    expect(canSeeUser(mum, student('k1', 'c1'))).toBe(true);
    expect(canSeeUser(mum, student('k3', 'c1'))).toBe(false);
  });

  it('the academic office sees everyone and every class', () => {
    expect(canSeeUser(office, student('k9', 'c9'))).toBe(true);
    expect(canSeeClassRoster(office, 'c9')).toBe(true);
  });

  it('class visibility and rosters', () => {
    expect(canSeeClass(kid, 'c1')).toBe(true);
    expect(canSeeClass(kid, 'c2')).toBe(false);
    expect(canSeeClass(mum, 'c1')).toBe(true);
    expect(canSeeClassRoster(kid, 'c1')).toBe(false);
    expect(canSeeClassRoster(mum, 'c1')).toBe(false);
    expect(canSeeClassRoster(teacher, 'c1')).toBe(true);
    expect(canSeeClassRoster(teacher, 'c2')).toBe(false);
  });
});

describe('school structure', () => {
  it('knows the grades of each stage and their Chinese names', () => {
    expect(gradesOf(SchoolStage.PRIMARY)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(gradesOf(SchoolStage.JUNIOR)).toEqual([7, 8, 9]);
    expect(gradesOf(SchoolStage.NINE_YEAR)).toHaveLength(9);
    expect(gradeName(3)).toBe('三年级');
    expect(gradeName(9)).toBe('九年级');
  });

  it('finds the term containing a date, inclusive of both ends', () => {
    const terms = [{ startsOn: '2026-09-01', endsOn: '2027-01-22' }, { startsOn: '2027-02-22', endsOn: '2027-07-09' }];
    expect(termOn(terms, '2026-09-01')).toBe(terms[0]);
    expect(termOn(terms, '2027-07-09')).toBe(terms[1]);
    expect(termOn(terms, '2027-02-01')).toBeNull();
  });
});

describe('ids, cursors and logs', () => {
  const uuid = '3d352448-3752-5aec-a418-ffc27af7a153';

  it('global ids are opaque and typed', () => {
    const gid = toGlobalId('Class', uuid);
    expect(gid).not.toContain(uuid);
    expect(parseGlobalId(gid)).toEqual({ type: 'Class', id: uuid });
    expect(fromGlobalId(gid, 'Class')).toBe(uuid);
    expect(() => fromGlobalId(gid, 'User')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'id', reason: 'INVALID_ID' } }));
    expect(parseGlobalId(toGlobalId('Class', 'not-a-uuid'))).toBeNull();
  });

  it('pages report whether more rows follow', () => {
    const rows = [1, 2, 3];
    const page = pageOf(rows, 2, (n) => [n], (n) => n * 10);
    expect(page.edges.map((e) => e.node)).toEqual([10, 20]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor!, 1)).toEqual([2]);
    expect(() => decodeCursor(encodeCursor([1, 2]), 1)).toThrow(expect.objectContaining({ details: { field: 'after', reason: 'BAD_CURSOR' } }));
  });

  it('logs one JSON object per line with the request id', () => {
    const lines: string[] = [];
    const log = new Logger('info', {}, (l) => lines.push(l)).child({ requestId: 'r1' });
    log.debug('hidden');
    log.info('request', { status: 200 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', msg: 'request', requestId: 'r1', status: 200 });
  });
});
