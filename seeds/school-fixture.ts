import { EntityManager } from 'typeorm';
import { Role } from '../src/core/roles';
import { SchoolStage } from '../src/modules/school/school.entity';
import { gradeName } from '../src/modules/school/school.policy';
import { ParentRelation } from '../src/modules/user/user.entity';
import { seedId } from './ids';
import { NameGenerator } from './names';

/**
 * Builds a realistic school (classes, teachers with their subjects, head teachers, research
 * groups, students and parents) as plain rows with fixed ids. The demo school and the test
 * fixtures are both built here; only their size differs.
 */
export interface SchoolSpec {
  code: string;
  name: string;
  stage: SchoolStage;
  grades: number[];
  classesPerGrade: number;
  studentsPerClass: number;
  /** Seeds the name generator, so every build gives the same people. */
  nameSeed: number;
}

export type PasswordKind = 'office' | 'staff' | 'student' | 'parent';

export interface FixtureUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  classId: string | null;
  studentNo: string | null;
  password: PasswordKind;
}

export interface SubjectDef {
  code: string;
  name: string;
  /** Short pinyin used in teachers' usernames. */
  short: string;
  /** One teacher per class (main subjects) or one per grade. */
  perClass: boolean;
}

export const SUBJECTS: SubjectDef[] = [
  { code: 'chinese', name: '语文', short: 'yw', perClass: true },
  { code: 'math', name: '数学', short: 'sx', perClass: true },
  { code: 'english', name: '英语', short: 'yy', perClass: true },
  { code: 'science', name: '科学', short: 'kx', perClass: false },
  { code: 'morality_law', name: '道德与法治', short: 'dd', perClass: false },
  { code: 'physics', name: '物理', short: 'wl', perClass: false },
  { code: 'chemistry', name: '化学', short: 'hx', perClass: false },
  { code: 'biology', name: '生物', short: 'sw', perClass: false },
  { code: 'history', name: '历史', short: 'ls', perClass: false },
  { code: 'geography', name: '地理', short: 'dl', perClass: false },
];

/** Subjects with homework in each grade (English from grade 3, physics from 8, chemistry in 9). */
export function subjectsOfGrade(grade: number): string[] {
  if (grade <= 2) return ['chinese', 'math', 'morality_law'];
  if (grade <= 6) return ['chinese', 'math', 'english', 'science', 'morality_law'];
  if (grade === 7) return ['chinese', 'math', 'english', 'morality_law', 'history', 'geography', 'biology'];
  if (grade === 8) return ['chinese', 'math', 'english', 'physics', 'morality_law', 'history', 'geography', 'biology'];
  return ['chinese', 'math', 'english', 'physics', 'chemistry', 'morality_law', 'history'];
}

const CLASS_NO_NAMES = ['(1)班', '(2)班', '(3)班', '(4)班', '(5)班', '(6)班'];

export interface SchoolFixture {
  spec: SchoolSpec;
  schoolId: string;
  terms: { id: string; name: string; academicYear: string; termNo: number; startsOn: string; endsOn: string }[];
  subjects: { id: string; code: string; name: string; sortOrder: number }[];
  classes: { id: string; grade: number; classNo: number; name: string; headTeacherId: string }[];
  users: FixtureUser[];
  teaching: { id: string; teacherId: string; classId: string; subjectId: string }[];
  groups: { id: string; subjectId: string; grade: number; name: string; leadId: string; memberIds: string[] }[];
  parentLinks: { parentId: string; studentId: string; relation: ParentRelation }[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function buildSchool(spec: SchoolSpec): SchoolFixture {
  const schoolId = seedId(spec.code, 'school');
  const id = (...parts: (string | number)[]) => seedId(spec.code, ...parts);
  const names = new NameGenerator(spec.nameSeed);
  const users: FixtureUser[] = [];
  const addUser = (u: Omit<FixtureUser, 'id' | 'classId' | 'studentNo'> & Partial<FixtureUser>) => {
    const user: FixtureUser = { id: id('user', u.username), classId: null, studentNo: null, ...u };
    users.push(user);
    return user;
  };

  const usedSubjects = SUBJECTS.filter((s) => spec.grades.some((g) => subjectsOfGrade(g).includes(s.code)));
  const subjects = usedSubjects.map((s, i) => ({ id: id('subject', s.code), code: s.code, name: s.name, sortOrder: i + 1 }));
  const subjectId = (code: string) => subjects.find((s) => s.code === code)!.id;

  addUser({ username: 'jiaowu', displayName: `${names.fullName()}（教务处）`, roles: [Role.ACADEMIC_OFFICE], password: 'office' });

  const classes: SchoolFixture['classes'] = [];
  const teaching: SchoolFixture['teaching'] = [];
  const groups: SchoolFixture['groups'] = [];
  const parentLinks: SchoolFixture['parentLinks'] = [];

  for (const grade of spec.grades) {
    const gradeClasses = Array.from({ length: spec.classesPerGrade }, (_, i) => ({
      id: id('class', grade, i + 1),
      grade,
      classNo: i + 1,
      name: `${gradeName(grade)}${CLASS_NO_NAMES[i] ?? `(${i + 1})班`}`,
      headTeacherId: '',
    }));
    classes.push(...gradeClasses);

    for (const code of subjectsOfGrade(grade)) {
      const def = SUBJECTS.find((s) => s.code === code)!;
      const teachers = def.perClass
        ? gradeClasses.map((c) => ({ classes: [c], username: `t${grade}${def.short}${c.classNo}` }))
        : [{ classes: gradeClasses, username: `t${grade}${def.short}` }];
      const memberIds: string[] = [];
      for (const t of teachers) {
        const teacher = addUser({
          username: t.username,
          displayName: `${names.fullName()}`,
          roles: [Role.TEACHER],
          password: 'staff',
        });
        memberIds.push(teacher.id);
        for (const c of t.classes) {
          teaching.push({ id: id('teaching', c.id, code), teacherId: teacher.id, classId: c.id, subjectId: subjectId(code) });
          // 班主任: the Chinese teacher of odd-numbered classes, the maths teacher of even ones.
          if (def.perClass && code === (c.classNo % 2 === 1 ? 'chinese' : 'math')) c.headTeacherId = teacher.id;
        }
      }
      groups.push({
        id: id('group', grade, code),
        subjectId: subjectId(code),
        grade,
        name: `${gradeName(grade)}${def.name}备课组`,
        leadId: memberIds[0],
        memberIds,
      });
    }

    const entryYear = 2026 - grade + 1;
    for (const c of gradeClasses) {
      for (let n = 1; n <= spec.studentsPerClass; n++) {
        const surname = names.surname();
        const student = addUser({
          username: `s${grade}${pad2(c.classNo)}${pad2(n)}`,
          displayName: names.fullName(surname),
          roles: [Role.STUDENT],
          classId: c.id,
          studentNo: `${entryYear}${pad2(c.classNo)}${pad2(n)}`,
          password: 'student',
        });
        const mother = names.chance(0.6);
        const parent = addUser({
          username: `p${grade}${pad2(c.classNo)}${pad2(n)}`,
          displayName: mother ? names.fullName() : names.fullName(surname),
          roles: [Role.PARENT],
          password: 'parent',
        });
        parentLinks.push({
          parentId: parent.id,
          studentId: student.id,
          relation: mother ? ParentRelation.MOTHER : ParentRelation.FATHER,
        });
      }
    }
  }

  return {
    spec,
    schoolId,
    terms: [
      { id: id('term', '2025-2026', 2), name: '2025—2026学年第二学期', academicYear: '2025-2026', termNo: 2, startsOn: '2026-02-23', endsOn: '2026-07-10' },
      { id: id('term', '2026-2027', 1), name: '2026—2027学年第一学期', academicYear: '2026-2027', termNo: 1, startsOn: '2026-09-01', endsOn: '2027-01-22' },
      { id: id('term', '2026-2027', 2), name: '2026—2027学年第二学期', academicYear: '2026-2027', termNo: 2, startsOn: '2027-02-22', endsOn: '2027-07-09' },
    ],
    subjects,
    classes,
    users,
    teaching,
    groups,
    parentLinks,
  };
}

/** Inserts rows in batches; existing rows (same key) are left alone, so seeding is idempotent. */
export async function insertRows(tx: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const BATCH = 500;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const params: unknown[] = [];
    const values = batch.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`, params);
  }
}

/**
 * Writes a built school. `passwordHashes` maps each kind of account to a stored hash; demo
 * accounts of one kind share a hash (and so a salt) because they share a published password.
 */
export async function insertSchool(tx: EntityManager, f: SchoolFixture, passwordHashes: Record<PasswordKind, string>): Promise<void> {
  const s = f.schoolId;
  await insertRows(tx, 'schools', ['school_id', 'code', 'name', 'stage'], [[s, f.spec.code, f.spec.name, f.spec.stage]]);
  await insertRows(tx, 'terms', ['school_id', 'id', 'name', 'academic_year', 'term_no', 'starts_on', 'ends_on'],
    f.terms.map((t) => [s, t.id, t.name, t.academicYear, t.termNo, t.startsOn, t.endsOn]));
  await insertRows(tx, 'subjects', ['school_id', 'id', 'code', 'name', 'sort_order'],
    f.subjects.map((x) => [s, x.id, x.code, x.name, x.sortOrder]));
  const staffFirst = [...f.users].sort((a, b) => Number(!!a.classId) - Number(!!b.classId));
  await insertRows(tx, 'users', ['school_id', 'id', 'username', 'display_name', 'password_hash', 'class_id', 'student_no'],
    staffFirst.filter((u) => !u.classId).map((u) => [s, u.id, u.username, u.displayName, passwordHashes[u.password], null, null]));
  await insertRows(tx, 'classes', ['school_id', 'id', 'grade', 'class_no', 'name', 'head_teacher_id'],
    f.classes.map((c) => [s, c.id, c.grade, c.classNo, c.name, c.headTeacherId || null]));
  // Demo and test students' guardians consented at enrolment.
  await insertRows(tx, 'users', ['school_id', 'id', 'username', 'display_name', 'password_hash', 'class_id', 'student_no', 'guardian_consent_at'],
    staffFirst.filter((u) => u.classId).map((u) => [s, u.id, u.username, u.displayName, passwordHashes[u.password], u.classId, u.studentNo, new Date('2026-09-01T00:00:00Z')]));
  // head_teacher and research_lead are held by position (classes, research_groups), not stored.
  await insertRows(tx, 'user_roles', ['school_id', 'user_id', 'role'],
    f.users.flatMap((u) => u.roles.filter((r) => r !== Role.HEAD_TEACHER && r !== Role.RESEARCH_LEAD).map((r) => [s, u.id, r])));
  await insertRows(tx, 'teaching_assignments', ['school_id', 'id', 'teacher_id', 'class_id', 'subject_id'],
    f.teaching.map((t) => [s, t.id, t.teacherId, t.classId, t.subjectId]));
  await insertRows(tx, 'research_groups', ['school_id', 'id', 'subject_id', 'grade', 'name', 'lead_id'],
    f.groups.map((g) => [s, g.id, g.subjectId, g.grade, g.name, g.leadId]));
  await insertRows(tx, 'research_group_members', ['school_id', 'group_id', 'user_id'],
    f.groups.flatMap((g) => g.memberIds.map((m) => [s, g.id, m])));
  await insertRows(tx, 'parent_links', ['school_id', 'parent_id', 'student_id', 'relation'],
    f.parentLinks.map((l) => [s, l.parentId, l.studentId, l.relation]));
}
