import { Role } from '../../core/roles';
import { className } from '../school-admin/school-admin.policy';
import { gradeName } from '../school/school.policy';
import { ParentRelation } from '../user/user.entity';
import {
  ClassRef, classKey, classLabel, isGender, normalizeName, normalizeNumber, parseClassRef, parseMobile, parseRelation, parseUsername, ReadSheet,
  RELATION_LABELS, RosterProblem, SheetKey, SheetRow,
} from './roster-sheet';

/**
 * What a roster changes, decided without a database: the school as it is (`RosterSchool`)
 * and the sheets as read give, per row, what is created, changed or left alone, every
 * problem, and the rows to write. Students are keyed by 学籍号, teachers by 工号, parents by
 * their username (or mobile number) and child; the import adds and changes, never removes.
 */
export interface RosterSchool {
  grades: number[];
  /** Current classes only (not archived), and the grade/number pairs taken by archived ones (free for a new class). */
  classes: { id: string; grade: number; classNo: number; headTeacherId: string | null }[];
  archivedClassKeys: Set<string>;
  subjects: { id: string; name: string }[];
  users: {
    id: string; username: string; displayName: string; staffNo: string | null; studentNo: string | null; classId: string | null;
    /** Deactivated, or a student's data deleted at a guardian's request: the roster leaves such an account alone. */
    deactivated: boolean; roles: Set<Role>;
  }[];
  parentLinks: { parentId: string; studentId: string; relation: ParentRelation }[];
  teaching: { teacherId: string; classId: string; subjectId: string }[];
}

export type RosterAction = 'create' | 'update' | 'unchanged';

export interface RosterLine {
  sheet: string;
  row: number;
  action: RosterAction;
  /** What happens to the row, in Chinese. */
  text: string;
}

export interface NewAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  staffNo: string | null;
  studentNo: string | null;
  classId: string | null;
}

export interface RosterWrites {
  classes: { id: string; grade: number; classNo: number; name: string }[];
  accounts: NewAccount[];
  /** Existing users with their new values. */
  userUpdates: { id: string; displayName: string; classId: string | null; staffNo: string | null }[];
  roles: { userId: string; role: Role }[];
  heads: { classId: string; teacherId: string }[];
  teaching: { id: string; teacherId: string; classId: string; subjectId: string }[];
  links: { parentId: string; studentId: string; relation: ParentRelation }[];
  linkUpdates: { parentId: string; studentId: string; relation: ParentRelation }[];
}

export interface RosterPlan {
  lines: RosterLine[];
  problems: RosterProblem[];
  writes: RosterWrites;
}

/** Gives a new row its id; `kind` and `key` (a class's 3-2, a 工号, a username …) let a seed fix them. */
export type IdFor = (kind: 'class' | 'user' | 'teaching', key: string) => string;

type User = RosterSchool['users'][number];

/** Plans an import of `sheets` into `school`. */
export function planRoster(school: RosterSchool, sheets: ReadSheet[], idFor: IdFor): RosterPlan {
  const lines: RosterLine[] = [];
  const problems: RosterProblem[] = [];
  const writes: RosterWrites = { classes: [], accounts: [], userUpdates: [], roles: [], heads: [], teaching: [], links: [], linkUpdates: [] };
  const sheetOf = (key: SheetKey) => sheets.find((s) => s.key === key);

  const byUsername = new Map(school.users.map((u) => [u.username, u]));
  const byStaffNo = new Map(school.users.filter((u) => u.staffNo).map((u) => [u.staffNo!, u]));
  const byStudentNo = new Map(school.users.filter((u) => u.studentNo).map((u) => [u.studentNo!, u]));
  /** Usernames the file gives new accounts, so two new accounts never share one. */
  const newUsernames = new Map<string, string>();
  const classes = new Map(school.classes.map((c) => [classKey(c), { id: c.id, ref: { grade: c.grade, classNo: c.classNo } as ClassRef, headTeacherId: c.headTeacherId }]));
  const classNameOf = new Map([...classes.values()].map((c) => [c.id, classLabel(c.ref)]));
  const updates = new Map<string, RosterWrites['userUpdates'][number]>();
  const updateOf = (u: User) => {
    let patch = updates.get(u.id);
    if (!patch) {
      patch = { id: u.id, displayName: u.displayName, classId: u.classId, staffNo: u.staffNo };
      updates.set(u.id, patch);
    }
    return patch;
  };

  const reader = (sheet: ReadSheet, row: SheetRow) => {
    const rowProblems: RosterProblem[] = [];
    const problem = (key: string | null, message: string) => rowProblems.push({ sheet: sheet.name, row: row.rowNo, column: key ? sheet.headers[key] : null, message });
    const text = (key: string) => row.cells[key] ?? '';
    const required = (key: string) => {
      const t = text(key);
      if (!t) problem(key, '不能为空');
      return t;
    };
    const name = (key: string) => {
      const n = normalizeName(required(key));
      if (n.length > 64) problem(key, `不能超过 64 个字符（实际 ${n.length} 个）`);
      return n;
    };
    const line = (action: RosterAction, what: string) => lines.push({ sheet: sheet.name, row: row.rowNo, action, text: what });
    let reported = 0;
    /** Reports the row's problems found so far; true when it has none. */
    const done = () => {
      problems.push(...rowProblems.slice(reported));
      reported = rowProblems.length;
      return rowProblems.length === 0;
    };
    return { problem, text, required, name, line, done, rowProblems };
  };

  /** A username for a new account: the one written, else one made of `fallback` (a 工号, 学籍号 or mobile). */
  const newUsername = (r: ReturnType<typeof reader>, written: string, fallback: string, fallbackWhat: string, owner: string): string | null => {
    const username = written ? parseUsername(written) : parseUsername(fallback);
    if (!username) {
      if (written) r.problem('username', `「${written}」不能作用户名：须为 2–64 个小写字母、数字、点、横线或下划线`);
      else r.problem('username', `${fallbackWhat}「${fallback}」不能直接作用户名，请在「用户名」列填写（2–64 个小写字母、数字、点、横线或下划线）`);
      return null;
    }
    const taken = byUsername.get(username);
    if (taken) {
      r.problem('username', `用户名 ${username} 已被本校的${taken.displayName}使用`);
      return null;
    }
    const other = newUsernames.get(username);
    if (other && other !== owner) {
      r.problem('username', `用户名 ${username} 在本文件里已分给了${other}`);
      return null;
    }
    newUsernames.set(username, owner);
    return username;
  };

  const classRefOf = (r: ReturnType<typeof reader>): ClassRef | null => {
    const raw = r.required('class');
    if (!raw) return null;
    const c = parseClassRef(raw, r.text('grade'));
    if (!c) {
      r.problem('class', `无法识别班级「${raw}」：请写作 三年级(2)班、三年级2班、3.2 或 302`);
      return null;
    }
    return c;
  };

  /** A class named by a row: in the 班级 sheet or a current class of the school. */
  const existingClass = (r: ReturnType<typeof reader>) => {
    const ref = classRefOf(r);
    if (!ref) return null;
    const c = classes.get(classKey(ref));
    if (!c) {
      r.problem('class', `班级${classLabel(ref)}不存在：它既不在「班级」表里，也不是学校现有的班级`);
      return null;
    }
    return c;
  };

  // 班级 — classes by grade and number; head teachers once the teachers are known.
  const classSheet = sheetOf('classes');
  const pendingHeads: { r: ReturnType<typeof reader>; line: RosterLine; classId: string; label: string; staffNo: string; name: string; current: string | null }[] = [];
  const classRows = new Map<string, number>();
  for (const row of classSheet?.rows ?? []) {
    const r = reader(classSheet!, row);
    const ref = classRefOf(r);
    if (ref && !school.grades.includes(ref.grade)) r.problem('class', `本校没有${gradeName(ref.grade)}`);
    else if (ref && classRows.has(classKey(ref))) r.problem('class', `${classLabel(ref)}与第 ${classRows.get(classKey(ref))} 行重复`);
    // A grade and number taken only by an archived class (last year's, after a rollover) is free: the new class is a new row.
    if (!r.done() || !ref) continue;
    classRows.set(classKey(ref), row.rowNo);
    let c = classes.get(classKey(ref));
    const label = classLabel(ref);
    if (!c) {
      c = { id: idFor('class', classKey(ref)), ref, headTeacherId: null };
      classes.set(classKey(ref), c);
      classNameOf.set(c.id, label);
      writes.classes.push({ id: c.id, grade: ref.grade, classNo: ref.classNo, name: className(ref.grade, ref.classNo) });
      r.line('create', `新建班级${label}`);
    } else {
      r.line('unchanged', `班级${label}已有`);
    }
    if (r.text('headStaffNo') || r.text('headName')) {
      pendingHeads.push({ r, line: lines[lines.length - 1], classId: c.id, label, staffNo: normalizeNumber(r.text('headStaffNo')), name: normalizeName(r.text('headName')), current: c.headTeacherId });
    }
  }

  // 教师 — keyed by 工号.
  const teacherSheet = sheetOf('teachers');
  const fileTeachers = new Map<string, { id: string; name: string; row: number }>();
  for (const row of teacherSheet?.rows ?? []) {
    const r = reader(teacherSheet!, row);
    const rawNo = r.required('staffNo');
    const staffNo = normalizeNumber(rawNo);
    const displayName = r.name('name');
    if (staffNo.length > 40) r.problem('staffNo', '不能超过 40 个字符');
    const duplicate = staffNo && fileTeachers.has(staffNo);
    if (duplicate) r.problem('staffNo', `工号 ${staffNo} 与第 ${fileTeachers.get(staffNo)!.row} 行重复`);
    if (r.text('gender') && !isGender(r.text('gender'))) r.problem('gender', `「${r.text('gender')}」不是性别：请填写 男 或 女`);
    let existing = staffNo ? byStaffNo.get(staffNo) : undefined;
    const written = r.text('username');
    // An account opened by hand has no 工号 yet: the roster gives it one when it names the account.
    if (!existing && written) {
      const named = byUsername.get(parseUsername(written) ?? '');
      if (named && !named.staffNo && named.roles.has(Role.TEACHER)) existing = named;
    }
    if (existing) {
      if (existing.deactivated) r.problem('staffNo', `工号 ${staffNo} 的教师${existing.displayName}已离职（账号已停用），不能再列入花名册`);
      if (written && parseUsername(written) !== existing.username) r.problem('username', `工号 ${staffNo} 的账号用户名是 ${existing.username}，花名册不能改用户名`);
      if (existing.studentNo || existing.roles.has(Role.STUDENT) || existing.roles.has(Role.PARENT)) {
        r.problem('staffNo', `${existing.displayName}（${existing.username}）是学生或家长的账号，不能作教师`);
      }
      if (!r.done()) continue;
      fileTeachers.set(staffNo, { id: existing.id, name: displayName, row: row.rowNo });
      const changes: string[] = [];
      if (existing.displayName !== displayName) changes.push(`姓名 ${existing.displayName} → ${displayName}`);
      if (existing.staffNo !== staffNo) changes.push(`工号 → ${staffNo}`);
      if (!existing.roles.has(Role.TEACHER)) {
        changes.push('加上教师角色');
        writes.roles.push({ userId: existing.id, role: Role.TEACHER });
      }
      if (changes.length) {
        Object.assign(updateOf(existing), { displayName, staffNo });
        r.line('update', `教师${displayName}（工号 ${staffNo}）：${changes.join('；')}`);
      } else {
        r.line('unchanged', `教师${displayName}（工号 ${staffNo}）无变化`);
      }
      continue;
    }
    const username = staffNo && !duplicate ? newUsername(r, written, rawNo, '工号', `教师${displayName}`) : null;
    if (!r.done() || !username) continue;
    const id = idFor('user', username);
    fileTeachers.set(staffNo, { id, name: displayName, row: row.rowNo });
    writes.accounts.push({ id, username, displayName, role: Role.TEACHER, staffNo, studentNo: null, classId: null });
    r.line('create', `新建教师${displayName}（工号 ${staffNo}，用户名 ${username}）`);
  }

  /** A teacher named by 工号, or by name when the name is unique among the school's and the file's teachers. */
  const teacherOf = (staffNo: string, name: string): { id: string; name: string } | string => {
    if (staffNo) {
      const t = fileTeachers.get(staffNo) ?? byStaffNo.get(staffNo);
      if (!t) return `没有工号为 ${staffNo} 的教师：它既不在「教师」表里，也不是学校现有的教师`;
      const tName = 'name' in t ? t.name : t.displayName;
      if ('deactivated' in t && t.deactivated) return `工号 ${staffNo} 的教师${tName}已离职（账号已停用）`;
      if (name && name !== tName) return `工号 ${staffNo} 是${tName}，不是${name}`;
      return { id: t.id, name: tName };
    }
    const matches = new Map<string, string>();
    for (const t of fileTeachers.values()) if (t.name === name) matches.set(t.id, t.name);
    for (const u of school.users) if (u.displayName === name && u.roles.has(Role.TEACHER) && !u.deactivated && !updates.has(u.id)) matches.set(u.id, u.displayName);
    if (matches.size === 0) return `没有名为${name}的教师`;
    if (matches.size > 1) return `有 ${matches.size} 位教师都叫${name}，请填写工号`;
    const [[id, n]] = [...matches];
    return { id, name: n };
  };

  for (const h of pendingHeads) {
    const teacher = teacherOf(h.staffNo, h.name);
    if (typeof teacher === 'string') h.r.problem(h.staffNo ? 'headStaffNo' : 'headName', teacher);
    if (!h.r.done() || typeof teacher === 'string') continue;
    if (h.current === teacher.id) continue;
    writes.heads.push({ classId: h.classId, teacherId: teacher.id });
    const what = `班主任 → ${teacher.name}`;
    if (h.line.action === 'unchanged') Object.assign(h.line, { action: 'update', text: `班级${h.label}：${what}` });
    else h.line.text += `，${what}`;
  }

  // 任课 — teacher × class × subject; added, never removed.
  const teachingSheet = sheetOf('teaching');
  const teachingRows = new Map<string, number>();
  const subjectsByName = new Map(school.subjects.map((s) => [s.name.normalize('NFKC').replace(/\s+/g, ''), s]));
  for (const row of teachingSheet?.rows ?? []) {
    const r = reader(teachingSheet!, row);
    const staffNo = normalizeNumber(r.text('staffNo'));
    const name = normalizeName(r.text('teacherName'));
    let teacher: { id: string; name: string } | null = null;
    if (!staffNo && !name) r.problem('staffNo', '请填写任课教师的工号或姓名');
    else {
      const t = teacherOf(staffNo, name);
      if (typeof t === 'string') r.problem(staffNo ? 'staffNo' : 'teacherName', t);
      else teacher = t;
    }
    const c = existingClass(r);
    const subjectName = r.required('subject');
    const subject = subjectName ? subjectsByName.get(subjectName.normalize('NFKC').replace(/\s+/g, '')) : undefined;
    if (subjectName && !subject) {
      r.problem('subject', `本校没有学科「${subjectName}」；现有学科：${school.subjects.map((s) => s.name).join('、') || '（无，请先添加学科）'}`);
    }
    if (!teacher || !c || !subject) {
      r.done();
      continue;
    }
    const key = `${teacher.id}/${c.id}/${subject.id}`;
    const label = `${teacher.name}任教${classLabel(c.ref)}${subject.name}`;
    if (teachingRows.has(key)) r.problem(null, `与第 ${teachingRows.get(key)} 行重复`);
    if (!r.done()) continue;
    teachingRows.set(key, row.rowNo);
    if (school.teaching.some((t) => t.teacherId === teacher.id && t.classId === c.id && t.subjectId === subject.id)) {
      r.line('unchanged', `${label}（已有）`);
    } else {
      writes.teaching.push({ id: idFor('teaching', `${c.id}/${subject.id}/${teacher.id}`), teacherId: teacher.id, classId: c.id, subjectId: subject.id });
      r.line('create', label);
    }
  }

  // 学生 — keyed by 学籍号: a new class moves the student, a new name renames them.
  const studentSheet = sheetOf('students');
  const fileStudents = new Map<string, { id: string; name: string; row: number }>();
  for (const row of studentSheet?.rows ?? []) {
    const r = reader(studentSheet!, row);
    const rawNo = r.required('studentNo');
    const studentNo = normalizeNumber(rawNo);
    const displayName = r.name('name');
    if (studentNo.length > 40) r.problem('studentNo', '不能超过 40 个字符');
    const duplicate = studentNo && fileStudents.has(studentNo);
    if (duplicate) r.problem('studentNo', `学籍号 ${studentNo} 与第 ${fileStudents.get(studentNo)!.row} 行重复`);
    if (r.text('gender') && !isGender(r.text('gender'))) r.problem('gender', `「${r.text('gender')}」不是性别：请填写 男 或 女`);
    const c = existingClass(r);
    const existing = studentNo ? byStudentNo.get(studentNo) : undefined;
    if (existing) {
      if (!existing.roles.has(Role.STUDENT)) r.problem('studentNo', `学籍号 ${studentNo} 属于${existing.displayName}，但其账号不是学生`);
      if (existing.deactivated) r.problem('studentNo', `学籍号 ${studentNo} 的学生账号已停用或其个人信息已应监护人要求删除，不能再列入花名册`);
      const written = r.text('username');
      if (written && parseUsername(written) !== existing.username) r.problem('username', `学籍号 ${studentNo} 的账号用户名是 ${existing.username}，花名册不能改用户名`);
      if (!r.done() || !c) continue;
      fileStudents.set(studentNo, { id: existing.id, name: displayName, row: row.rowNo });
      const changes: string[] = [];
      if (existing.displayName !== displayName) changes.push(`姓名 ${existing.displayName} → ${displayName}`);
      if (existing.classId !== c.id) changes.push(`班级 ${existing.classId ? classNameOf.get(existing.classId) ?? '（已归档的班级）' : '（无）'} → ${classLabel(c.ref)}`);
      if (changes.length) {
        Object.assign(updateOf(existing), { displayName, classId: c.id });
        r.line('update', `学生${displayName}（学籍号 ${studentNo}）：${changes.join('；')}`);
      } else {
        r.line('unchanged', `学生${displayName}（学籍号 ${studentNo}）无变化`);
      }
      continue;
    }
    const username = studentNo && !duplicate ? newUsername(r, r.text('username'), rawNo, '学籍号', `学生${displayName}`) : null;
    if (!r.done() || !c || !username) continue;
    const id = idFor('user', username);
    fileStudents.set(studentNo, { id, name: displayName, row: row.rowNo });
    writes.accounts.push({ id, username, displayName, role: Role.STUDENT, staffNo: null, studentNo, classId: c.id });
    r.line('create', `新建学生${displayName}（学籍号 ${studentNo}，${classLabel(c.ref)}，用户名 ${username}）`);
  }

  // 家长 — a parent by username (or mobile number) and child; one row per child.
  const parentSheet = sheetOf('parents');
  const fileParents = new Map<string, { id: string; name: string; row: number; isNew: boolean }>();
  const linkRows = new Map<string, number>();
  const linksByKey = new Map(school.parentLinks.map((l) => [`${l.parentId}/${l.studentId}`, l]));
  for (const row of parentSheet?.rows ?? []) {
    const r = reader(parentSheet!, row);
    const studentNo = normalizeNumber(r.required('studentNo'));
    const displayName = r.name('name');
    const relation = parseRelation(r.text('relation'));
    if (!relation) r.problem('relation', `「${r.text('relation')}」不是关系：请填写 父亲、母亲 或 监护人（爷爷、奶奶等写作监护人）`);
    let child: { id: string; name: string } | undefined;
    if (studentNo) {
      const inFile = fileStudents.get(studentNo);
      const inSchool = byStudentNo.get(studentNo);
      child = inFile ?? (inSchool && inSchool.roles.has(Role.STUDENT) && !inSchool.deactivated ? { id: inSchool.id, name: inSchool.displayName } : undefined);
      if (!child) r.problem('studentNo', `没有学籍号为 ${studentNo} 的学生：它既不在「学生」表里，也不是学校现有的学生`);
      const writtenChild = normalizeName(r.text('studentName'));
      if (child && writtenChild && writtenChild !== child.name) r.problem('studentName', `学籍号 ${studentNo} 的学生是${child.name}，不是${writtenChild}`);
    }
    const rawMobile = r.text('mobile');
    const mobile = rawMobile ? parseMobile(rawMobile) : null;
    if (rawMobile && !mobile) r.problem('mobile', `「${rawMobile}」不是手机号（11 位，1 开头）`);
    const written = r.text('username');
    let username = written ? parseUsername(written) : mobile;
    if (written && !username) r.problem('username', `「${written}」不能作用户名：须为 2–64 个小写字母、数字、点、横线或下划线`);
    if (!written && !rawMobile) r.problem('mobile', '请填写家长的手机号或用户名（手机号即可作登录用户名）');
    let parent = username ? fileParents.get(username) : undefined;
    if (parent && parent.name !== displayName) r.problem('name', `用户名 ${username} 在第 ${parent.row} 行是${parent.name}，这里是${displayName}`);
    const existing = username && !parent ? byUsername.get(username) : undefined;
    if (existing && (!existing.roles.has(Role.PARENT) || existing.roles.has(Role.STUDENT))) {
      r.problem(written ? 'username' : 'mobile', `用户名 ${username} 已是本校${existing.displayName}的账号，不是家长`);
    } else if (existing?.deactivated) {
      r.problem(written ? 'username' : 'mobile', `用户名 ${username} 的家长账号已停用，不能再列入花名册`);
    }
    if (username && !parent && !existing) {
      const other = newUsernames.get(username);
      if (other) r.problem(written ? 'username' : 'mobile', `用户名 ${username} 在本文件里已分给了${other}`);
    }
    if (!r.done() || !child || !relation || !username) continue;
    const changes: string[] = [];
    let created = false;
    if (!parent) {
      if (existing) {
        parent = { id: existing.id, name: displayName, row: row.rowNo, isNew: false };
        if (existing.displayName !== displayName) {
          updateOf(existing).displayName = displayName;
          changes.push(`姓名 ${existing.displayName} → ${displayName}`);
        }
      } else {
        parent = { id: idFor('user', username), name: displayName, row: row.rowNo, isNew: true };
        newUsernames.set(username, `家长${displayName}`);
        writes.accounts.push({ id: parent.id, username, displayName, role: Role.PARENT, staffNo: null, studentNo: null, classId: null });
        created = true;
      }
      fileParents.set(username, parent);
    }
    const key = `${parent.id}/${child.id}`;
    if (linkRows.has(key)) {
      problems.push({ sheet: parentSheet!.name, row: row.rowNo, column: null, message: `与第 ${linkRows.get(key)} 行重复（同一家长、同一学生）` });
      continue;
    }
    linkRows.set(key, row.rowNo);
    const link = linksByKey.get(key);
    const who = `${RELATION_LABELS[relation]}${displayName}（用户名 ${username}）`;
    if (!link) {
      writes.links.push({ parentId: parent.id, studentId: child.id, relation });
      r.line('create', created ? `新建家长${who}，关联学生${child.name}` : `家长${who}关联学生${child.name}${changes.length ? `；${changes.join('；')}` : ''}`);
      continue;
    }
    if (link.relation !== relation) {
      writes.linkUpdates.push({ parentId: parent.id, studentId: child.id, relation });
      changes.push(`与${child.name}的关系 ${RELATION_LABELS[link.relation]} → ${RELATION_LABELS[relation]}`);
    }
    r.line(changes.length ? 'update' : 'unchanged', changes.length ? `家长${who}：${changes.join('；')}` : `家长${who}与学生${child.name}已关联，无变化`);
  }

  writes.userUpdates = [...updates.values()];
  problems.sort((a, b) => sheetRank(sheets, a.sheet) - sheetRank(sheets, b.sheet) || (a.row ?? 0) - (b.row ?? 0));
  lines.sort((a, b) => sheetRank(sheets, a.sheet) - sheetRank(sheets, b.sheet) || a.row - b.row);
  return { lines, problems, writes };
}

const sheetRank = (sheets: ReadSheet[], name: string | null) => (name === null ? -1 : sheets.findIndex((s) => s.name === name));
