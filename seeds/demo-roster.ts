import { Role } from '../src/core/roles';
import { IdFor } from '../src/modules/roster/roster.policy';
import { ParentRelation } from '../src/modules/user/user.entity';
import { SchoolFixture } from './school-fixture';

/**
 * The demo school's roster as the academic office would keep it (花名册): one workbook with
 * the sheets 班级, 教师, 任课, 学生 and 家长, written the way schools write them — a merged
 * title above each header, classes as 三年级(2)班 or 3.2, full-width brackets here and there.
 * The demo seed imports it, so the roster import runs on every fresh start.
 */
const RELATION: Record<ParentRelation, string> = { father: '父亲', mother: '母亲', guardian: '监护人' };

/** A teacher's 工号 in the demo school: JH001 … in the order the fixture builds them. */
export function demoStaffNumbers(f: SchoolFixture): Map<string, string> {
  const teachers = f.users.filter((u) => u.roles.includes(Role.TEACHER));
  return new Map(teachers.map((u, i) => [u.id, `JH${String(i + 1).padStart(3, '0')}`]));
}

export async function demoRosterWorkbook(f: SchoolFixture): Promise<Buffer> {
  const staffNo = demoStaffNumbers(f);
  const users = new Map(f.users.map((u) => [u.id, u]));
  const classes = new Map(f.classes.map((c) => [c.id, c]));
  const subjects = new Map(f.subjects.map((s) => [s.id, s.name]));
  // Half the classes written 三年级（1）班 with full-width brackets, the other half 3.2.
  const classText = (id: string) => {
    const c = classes.get(id)!;
    return c.classNo % 2 ? c.name.replace('(', '（').replace(')', '）') : `${c.grade}.${c.classNo}`;
  };
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, title: string, header: string[], rows: string[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([`${f.spec.name}${title}`]);
    ws.mergeCells(1, 1, 1, header.length);
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
  };
  sheet('班级', '班级一览', ['班级', '班主任工号', '班主任'],
    f.classes.map((c) => [c.name, staffNo.get(c.headTeacherId)!, users.get(c.headTeacherId)!.displayName]));
  const teachers = f.users.filter((u) => staffNo.has(u.id));
  sheet('教师', '教职工名单', ['工号', '姓名', '用户名'], teachers.map((u) => [staffNo.get(u.id)!, u.displayName, u.username]));
  sheet('任课', '任课安排', ['工号', '教师姓名', '班级', '学科'],
    f.teaching.map((t) => [staffNo.get(t.teacherId)!, users.get(t.teacherId)!.displayName, classText(t.classId), subjects.get(t.subjectId)!]));
  const students = f.users.filter((u) => u.classId);
  sheet('学生', '学生花名册', ['学籍号', '姓名', '班级', '用户名'], students.map((u) => [u.studentNo!, u.displayName, classText(u.classId!), u.username]));
  sheet('家长', '家长信息', ['学生学籍号', '学生姓名', '家长姓名', '关系', '用户名'], f.parentLinks.map((l) => {
    const child = users.get(l.studentId)!;
    const parent = users.get(l.parentId)!;
    return [child.studentNo!, child.displayName, parent.displayName, RELATION[l.relation], parent.username];
  }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The fixture's fixed ids for what the roster creates, so the demo's bank and activity find their classes and people. */
export function demoIds(f: SchoolFixture): IdFor {
  const classIds = new Map(f.classes.map((c) => [`${c.grade}-${c.classNo}`, c.id]));
  const userIds = new Map(f.users.map((u) => [u.username, u.id]));
  const teachingIds = new Map(f.teaching.map((t) => [`${t.classId}/${t.subjectId}/${t.teacherId}`, t.id]));
  return (kind, key) => {
    const id = (kind === 'class' ? classIds : kind === 'user' ? userIds : teachingIds).get(key);
    if (!id) throw new Error(`the demo roster names a ${kind} the demo fixture does not have: ${key}`);
    return id;
  };
}
