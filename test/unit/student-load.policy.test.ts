import { checkDailyLoad, SubjectLoad } from '../../src/modules/load/load.policy';
import { AddressedLoad, groupsInvolved, heaviestStudentCheck, heaviestStudentPath } from '../../src/modules/assignment/student-load.policy';

const load = (subjectId: string, written: number, allForms = written): SubjectLoad => ({
  subjectId, lightestWrittenMinutes: written, heaviestWrittenMinutes: written, lightestAllFormsMinutes: allForms, heaviestAllFormsMinutes: allForms,
});
const to = (l: SubjectLoad, ...students: string[]): AddressedLoad => ({ load: l, audience: students.length ? new Set(students) : null });
const written = (cap: number) => (others: SubjectLoad[], adding: SubjectLoad) => checkDailyLoad(others, adding, cap);

describe('000「鼓励布置分层、弹性、个性化作业」: the caps on each student\'s path', () => {
  const STUDENTS = ['s1', 's2', 's3'];

  it('without groups the worst student has exactly the class figures', () => {
    const published = [to(load('chinese', 25)), to(load('math', 30))];
    const adding = to(load('science', 10));
    expect(groupsInvolved([...published, adding])).toBe(false);
    const worst = heaviestStudentCheck(STUDENTS, published, adding, written(60))!;
    expect(worst.check).toEqual(checkDailyLoad(published.map((p) => p.load), adding.load, 60));
    expect(worst.studentId).toBe('s1');
  });

  it('each student counts what is addressed to them; the worst is the largest excess, then the first', () => {
    const published = [to(load('chinese', 25)), to(load('math', 30), 's1', 's2'), to(load('english', 20), 's3')];
    const worst = heaviestStudentCheck(STUDENTS, published, to(load('science', 10)), written(60))!;
    expect(worst.studentId).toBe('s1');
    expect(worst.others.map((o) => o.subjectId)).toEqual(['chinese', 'math']);
    expect(worst.check).toMatchObject({ publishedMinutes: 55, addingMinutes: 10, excessMinutes: 5, fits: false });
  });

  it('homework for a group is checked on its students only; for nobody, on no one', () => {
    const published = [to(load('chinese', 25)), to(load('math', 30), 's1', 's2')];
    const forS3 = heaviestStudentCheck(STUDENTS, published, to(load('english', 35), 's3'), written(60))!;
    expect(forS3).toMatchObject({ studentId: 's3', check: { publishedMinutes: 25, fits: true } });
    expect(heaviestStudentCheck(STUDENTS, published, { load: load('english', 35), audience: new Set() }, written(60))).toBeNull();
  });

  it("the same subject's other homework of the day counts (a week's reading beside the day's homework)", () => {
    const worst = heaviestStudentCheck(['s1'], [to(load('math', 15), 's1')], to(load('math', 40)), written(60))!;
    expect(worst.check).toMatchObject({ publishedMinutes: 15, addingMinutes: 40, totalMinutes: 55, fits: true });
  });

  it('the heaviest path of any student, for the preview', () => {
    const loads = [to(load('chinese', 25, 30)), to(load('math', 30), 's1', 's2'), to(load('english', 20, 40), 's3')];
    expect(heaviestStudentPath(STUDENTS, loads, (l) => l.heaviestWrittenMinutes)).toEqual({ studentId: 's1', minutes: 55 });
    expect(heaviestStudentPath(STUDENTS, loads, (l) => l.heaviestAllFormsMinutes)).toEqual({ studentId: 's3', minutes: 70 });
    expect(heaviestStudentPath([], loads, (l) => l.heaviestWrittenMinutes)).toBeNull();
  });
});
