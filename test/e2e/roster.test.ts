import ExcelJS from 'exceljs';
import { toGlobalId } from '../../src/core/ids';
import { createAndPublish, packages } from '../support/assignments';
import { approvedItem, CREATE_UNIT, itemContent } from '../support/bank';
import { TestApp } from '../support/test-app';

/**
 * A school moves in from its roster workbook (花名册): a nine-year school of 45 classes × 45
 * students with its teachers and parents, checked by a dry run, imported in one request, and
 * imported again unchanged; a moved student changes that student only; bad rosters import
 * nothing. Row counts are read as the school (row-level security forced), never as nobody.
 */
let t: TestApp;
let office: string;
let schoolId: string;

const IMPORT = `mutation($i: RosterImportInput!) { rosterImport(input: $i) {
  dryRun rows sheets { sheet created updated unchanged } lines { sheet row action text } problems { sheet row column message } userErrors { code } } }`;
const SUBJECTS = ['语文', '数学', '英语', '科学', '道德与法治', '物理', '化学', '历史', '地理', '生物'];
const GRADE = '一二三四五六七八九';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '子涵欣怡梓萱浩然宇轩思远雨桐若曦俊杰嘉怡';

/** Subjects taught per grade: 英语 from grade 3, 科学 to grade 6, 历史 and 地理 from 7, 物理 from 8, 化学 in 9. */
function subjectsOf(grade: number): string[] {
  return ['语文', '数学', ...(grade >= 3 ? ['英语'] : []), ...(grade <= 6 && grade >= 3 ? ['科学'] : []), '道德与法治',
    ...(grade >= 7 ? ['历史', '地理'] : []), ...(grade >= 8 ? ['物理'] : []), ...(grade === 9 ? ['化学'] : [])];
}

const nameOf = (i: number) => SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 ? GIVEN[(i * 3) % GIVEN.length] : '');

interface Roster {
  classes: unknown[][];
  teachers: unknown[][];
  teaching: unknown[][];
  students: unknown[][];
  parents: unknown[][];
}

/**
 * The roster of a nine-year school, 5 classes a grade, 45 students a class: the main subjects
 * have a teacher for two or three classes, the others one a grade; each student a parent
 * (siblings share one), every tenth a second guardian. Classes are written the ways schools
 * write them (三年级(2)班, 3.2, 302).
 */
function nineYearRoster(): Roster {
  const r: Roster = {
    classes: [['班级', '班主任工号']], teachers: [['工号', '姓名', '性别']], teaching: [['工号', '班级', '学科']],
    students: [['学籍号', '姓名', '性别', '班级']], parents: [['学生学籍号', '家长姓名', '关系', '手机号']],
  };
  let staff = 0;
  const ways = [(g: number, c: number) => `${GRADE[g - 1]}年级(${c})班`, (g: number, c: number) => `${g}.${c}`, (g: number, c: number) => `${g}${String(c).padStart(2, '0')}`];
  for (let g = 1; g <= 9; g++) {
    const heads: string[] = [];
    for (const subject of subjectsOf(g)) {
      const main = ['语文', '数学', '英语'].includes(subject);
      const groups = main ? [[1, 2], [3, 4], [5]] : [[1, 2, 3, 4, 5]];
      for (const classes of groups) {
        const no = `JS${String(++staff).padStart(3, '0')}`;
        r.teachers.push([no, `${nameOf(staff + 500)}`, staff % 2 ? '女' : '男']);
        for (const c of classes) {
          r.teaching.push([no, ways[(g + c) % 3](g, c), subject]);
          if (subject === '语文') heads[c] = no;
        }
      }
    }
    for (let c = 1; c <= 5; c++) r.classes.push([ways[c % 3](g, c), heads[c]]);
  }
  let mobile = 13900000000;
  for (let g = 1; g <= 9; g++) {
    for (let c = 1; c <= 5; c++) {
      for (let n = 1; n <= 45; n++) {
        const i = (g * 5 + c) * 45 + n;
        const no = `G${2026 - g}${String(g)}${String(c).padStart(2, '0')}${String(n).padStart(2, '0')}`;
        r.students.push([no, nameOf(i), n % 2 ? '男' : '女', ways[n % 3](g, c)]);
        // Siblings: students 2 and 3 of a class share their parent.
        if (n !== 3) mobile++;
        r.parents.push([no, nameOf(i + 7), n % 2 ? '父亲' : '母亲', String(mobile)]);
        if (n % 10 === 0) r.parents.push([no, nameOf(i + 11), '奶奶', String(14700000000 + i)]);
      }
    }
  }
  // The shared parent keeps one name and relation on both rows.
  for (let k = 1; k < r.parents.length; k++) {
    const prev = r.parents[k - 1];
    if (r.parents[k][3] === prev[3]) [r.parents[k][1], r.parents[k][2]] = [prev[1], prev[2]];
  }
  return r;
}

async function workbookOf(sheets: Record<string, unknown[][]>, title?: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    if (title) {
      ws.addRow([title]);
      ws.mergeCells(1, 1, 1, Math.max(1, rows[0]?.length ?? 1));
    }
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const rosterFile = (r: Roster, title?: string) => workbookOf({ 班级: r.classes, 教师: r.teachers, 任课: r.teaching, 学生: r.students, 家长: r.parents }, title);
const rosterImport = async (file: string, dryRun: boolean) => (await t.ok(IMPORT, { i: { file, dryRun } }, office)).rosterImport;

/** Runs `sql` as the school, with row-level security in force: the rows the school has, not the rows nobody sees. */
async function asSchool<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
  const runner = t.db.dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query(`SELECT set_config('app.school_id', $1, true)`, [schoolId]);
    const rows = await runner.query(sql, params);
    await runner.rollbackTransaction();
    return rows;
  } finally {
    await runner.release();
  }
}

/** The school's roster tables, each as its rows' text, read as the school. */
async function snapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ['classes', 'users', 'user_roles', 'teaching_assignments', 'parent_links', 'subjects']) {
    out[table] = (await asSchool<{ row: string }>(`SELECT t::text AS row FROM ${table} t WHERE school_id = $1 ORDER BY 1`, [schoolId])).map((x) => x.row);
  }
  return out;
}

const counts = async () => Object.fromEntries(Object.entries(await snapshot()).map(([k, v]) => [k, v.length]));

beforeAll(async () => {
  t = await TestApp.start([]);
  const out: string[] = [];
  const code = await t.cli(['school-create', '--code', 'jiunian', '--name', '九年一贯制测试学校', '--stage', '九年一贯制', '--admin-username', 'zhuren', '--admin-name', '王主任'], out);
  expect(code).toBe(0);
  const password = /password (\S+)/.exec(out[0])![1];
  office = (await t.ok(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { schoolCode: 'jiunian', username: 'zhuren', password } })).login.token;
  [{ school_id: schoolId }] = await t.db.dataSource.query(`SELECT school_id FROM schools WHERE code = 'jiunian'`);
  for (const name of SUBJECTS) {
    const { subjectCreate } = await t.ok(`mutation($i: SubjectCreateInput!) { subjectCreate(input: $i) { userErrors { code } } }`, { i: { name } }, office);
    expect(subjectCreate.userErrors).toEqual([]);
  }
});
afterAll(() => t?.stop());

describe('a nine-year school of 45 classes × 45 students moves in', () => {
  const roster = nineYearRoster();
  let file: string;
  const teachers = roster.teachers.length - 1;
  const parentRows = roster.parents.length - 1;
  const parents = new Set(roster.parents.slice(1).map((p) => p[3])).size;

  beforeAll(async () => {
    file = await rosterFile(roster);
  });

  it('a dry run reports what each sheet would create, per row, and writes nothing', async () => {
    const before = await counts();
    const report = await rosterImport(file, true);
    expect(report.problems).toEqual([]);
    expect(report.rows).toBe(45 + teachers + (roster.teaching.length - 1) + 2025 + parentRows);
    expect(report.sheets).toEqual([
      { sheet: '班级', created: 45, updated: 0, unchanged: 0 },
      { sheet: '教师', created: teachers, updated: 0, unchanged: 0 },
      { sheet: '任课', created: roster.teaching.length - 1, updated: 0, unchanged: 0 },
      { sheet: '学生', created: 2025, updated: 0, unchanged: 0 },
      { sheet: '家长', created: parentRows, updated: 0, unchanged: 0 },
    ]);
    expect(report.lines).toHaveLength(report.rows);
    expect(report.lines[0]).toEqual({ sheet: '班级', row: 2, action: 'CREATE', text: '新建班级一年级(1)班，班主任 → ' + roster.teachers.find((x) => x[0] === roster.classes[1][1])![1] });
    expect(report.lines).toContainEqual({ sheet: '学生', row: 2, action: 'CREATE', text: `新建学生${roster.students[1][1]}（学籍号 ${roster.students[1][0]}，一年级(1)班，用户名 ${String(roster.students[1][0]).toLowerCase()}）` });
    expect(await counts()).toEqual(before);
    expect(before).toMatchObject({ classes: 0, users: 1, parent_links: 0 });
  });

  it('imports in one request: classes, accounts without a password yet, roles, teaching, head teachers and parent links', async () => {
    const report = await rosterImport(file, false);
    expect(report.problems).toEqual([]);
    expect(report.sheets.map((s: any) => s.created)).toEqual([45, teachers, roster.teaching.length - 1, 2025, parentRows]);
    expect(await counts()).toEqual({
      classes: 45, users: 1 + teachers + 2025 + parents, user_roles: 1 + teachers + 2025 + parents, teaching_assignments: roster.teaching.length - 1,
      parent_links: parentRows, subjects: SUBJECTS.length,
    });
    const [accounts] = await asSchool(`SELECT count(*)::int AS n, count(*) FILTER (WHERE password_hash IS NULL AND must_change_password)::int AS issued_later
      FROM users WHERE school_id = $1 AND username <> 'zhuren'`, [schoolId]);
    expect(accounts).toEqual({ n: teachers + 2025 + parents, issued_later: teachers + 2025 + parents });
    const [head] = await asSchool(`SELECT h.staff_no FROM classes c JOIN users h ON h.school_id = c.school_id AND h.id = c.head_teacher_id
      WHERE c.school_id = $1 AND c.grade = 3 AND c.class_no = 2`, [schoolId]);
    expect(head.staff_no).toBe(roster.classes.find((c) => ['三年级(2)班', '3.2', '302'].includes(String(c[0])))![1]);
    // A child with two guardians; a parent of two children.
    const guardians = await asSchool(`SELECT l.relation FROM parent_links l JOIN users s ON s.school_id = l.school_id AND s.id = l.student_id
      WHERE l.school_id = $1 AND s.student_no = $2 ORDER BY 1`, [schoolId, roster.students[10][0]]);
    expect(guardians.map((g) => g.relation)).toEqual(['guardian', 'mother']);
    const siblings = await asSchool(`SELECT count(*)::int AS n FROM parent_links l JOIN users p ON p.school_id = l.school_id AND p.id = l.parent_id
      WHERE l.school_id = $1 AND p.username = $2`, [schoolId, roster.parents[2][3]]);
    expect(siblings).toEqual([{ n: 2 }]);
  });

  it('importing the same file again changes nothing', async () => {
    const before = await snapshot();
    const report = await rosterImport(file, false);
    expect(report.problems).toEqual([]);
    expect(report.sheets.map((s: any) => [s.created, s.updated])).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]);
    expect(report.lines.every((l: any) => l.action === 'UNCHANGED')).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('a file with one student moved to another class changes exactly that student; a new teacher is added', async () => {
    const edited = nineYearRoster();
    const moved = edited.students[100];
    moved[3] = '五年级(4)班';
    edited.teachers.push(['JS999', '新老师', '女']);
    edited.teaching.push(['JS999', '5.4', '科学']);
    const before = await snapshot();
    const report = await rosterImport(await rosterFile(edited), false);
    expect(report.problems).toEqual([]);
    expect(report.lines.filter((l: any) => l.action !== 'UNCHANGED')).toEqual([
      { sheet: '教师', row: edited.teachers.length, action: 'CREATE', text: '新建教师新老师（工号 JS999，用户名 js999）' },
      { sheet: '任课', row: edited.teaching.length, action: 'CREATE', text: '新老师任教五年级(4)班科学' },
      { sheet: '学生', row: 101, action: 'UPDATE', text: expect.stringMatching(new RegExp(`^学生${moved[1]}（学籍号 ${moved[0]}）：班级 .+ → 五年级\\(4\\)班$`)) },
    ]);
    const after = await snapshot();
    const gone = (table: string) => before[table].filter((row) => !after[table].includes(row));
    const added = (table: string) => after[table].filter((row) => !before[table].includes(row));
    expect(gone('users')).toHaveLength(1);
    expect(gone('users')[0]).toContain(String(moved[0]));
    expect(added('users')).toHaveLength(2);
    expect(added('user_roles')).toHaveLength(1);
    expect(added('teaching_assignments')).toHaveLength(1);
    for (const table of ['classes', 'parent_links', 'subjects']) expect(after[table]).toEqual(before[table]);
    expect(gone('user_roles').concat(gone('teaching_assignments'))).toEqual([]);
  });

  it('the export is the roster in the same layout: importing it back changes nothing', async () => {
    const { rosterExport } = await t.ok(`{ rosterExport { fileName mimeType contentBase64 } }`, {}, office);
    expect(rosterExport.fileName).toBe('九年一贯制测试学校花名册.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(rosterExport.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.actualRowCount])).toEqual([
      ['班级', 46], ['教师', teachers + 2], ['任课', roster.teaching.length + 1], ['学生', 2026], ['家长', parentRows + 1],
    ]);
    const before = await snapshot();
    const report = await rosterImport(rosterExport.contentBase64, false);
    expect(report.problems).toEqual([]);
    expect(report.lines.filter((l: any) => l.action !== 'UNCHANGED')).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('slips are printed; a teacher of the roster signs in with the slip, must change the password, composes and publishes; a student and a parent of the roster see it', async () => {
    const gid = (type: string, id: string) => toGlobalId(type, id);
    const { school } = await t.ok(`{ school { subjects { id name } } }`, {}, office);
    const math = school.subjects.find((x: { name: string }) => x.name === '数学').id;
    const { classes } = await t.ok(`{ classes { id name } }`, {}, office);
    const class31 = classes.find((c: { name: string }) => c.name === '三年级(1)班').id;

    // A term around the day the homework is for: the next weekday after today (China Standard Time).
    const day = new Date(Date.now() + 8 * 3600_000 + 86_400_000);
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const year = day.getUTCMonth() >= 7 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
    const { termCreate } = await t.ok(`mutation($i: TermCreateInput!) { termCreate(input: $i) { term { id } userErrors { code message } } }`, {
      i: { academicYear: `${year}-${year + 1}`, termNo: 1, startsOn: iso(new Date(day.getTime() - 7 * 86_400_000)), endsOn: iso(new Date(day.getTime() + 60 * 86_400_000)) },
    }, office);
    expect(termCreate.userErrors).toEqual([]);

    // Two maths teachers of grade 3 from the roster form its research group; the group's lead approves items.
    const mathTeachers = await asSchool<{ id: string; username: string; class_no: number }>(
      `SELECT DISTINCT u.id, u.username, c.class_no FROM teaching_assignments ta
         JOIN users u ON u.school_id = ta.school_id AND u.id = ta.teacher_id
         JOIN classes c ON c.school_id = ta.school_id AND c.id = ta.class_id
         JOIN subjects s ON s.school_id = ta.school_id AND s.id = ta.subject_id
        WHERE ta.school_id = $1 AND s.name = '数学' AND c.grade = 3 AND c.archived_at IS NULL ORDER BY c.class_no`, [schoolId]);
    const author = mathTeachers.find((m) => m.class_no === 1)!;
    const reviewer = mathTeachers.find((m) => m.id !== author.id)!;
    const { researchGroupCreate } = await t.ok(`mutation($i: ResearchGroupCreateInput!) { researchGroupCreate(input: $i) { userErrors { code message } } }`, {
      i: { subjectId: math, grade: 3, leadId: gid('User', reviewer.id), memberIds: [gid('User', author.id), gid('User', reviewer.id)] },
    }, office);
    expect(researchGroupCreate.userErrors).toEqual([]);

    // The office prints the staff's slips and the class's slips.
    const ISSUE = `mutation($i: AccountSlipsIssueInput!) { accountSlipsIssue(input: $i) {
      accounts { username initialPassword roleName className } file { fileName mimeType contentBase64 } userErrors { code message } } }`;
    const staffSlips = (await t.ok(ISSUE, { i: { teachers: true } }, office)).accountSlipsIssue;
    expect(staffSlips.userErrors).toEqual([]);
    expect(staffSlips.file.mimeType).toBe('application/pdf');
    const classSlips = (await t.ok(ISSUE, { i: { classId: class31 } }, office)).accountSlipsIssue;
    expect(classSlips.userErrors).toEqual([]);
    const slipOf = (slips: { accounts: { username: string; initialPassword: string; roleName: string }[] }, username: string) =>
      slips.accounts.find((a) => a.username === username)!;

    /** Signs in with the slip's password: the first thing asked is a new password; then the account works. */
    const firstSignIn = async (username: string, initialPassword: string): Promise<string> => {
      const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token mustChangePassword } }`;
      const first = (await t.ok(LOGIN, { i: { schoolCode: 'jiunian', username, password: initialPassword } })).login;
      expect(first.mustChangePassword).toBe(true);
      await t.expectToFail('PASSWORD_CHANGE_REQUIRED', `{ classes { id } }`, {}, first.token);
      const newPassword = `Mima-${username}-2026`;
      const { passwordChange } = await t.ok(`mutation($i: PasswordChangeInput!) { passwordChange(input: $i) { userErrors { code message } } }`,
        { i: { currentPassword: initialPassword, newPassword } }, first.token);
      expect(passwordChange.userErrors).toEqual([]);
      const again = (await t.ok(LOGIN, { i: { schoolCode: 'jiunian', username, password: newPassword } })).login;
      expect(again.mustChangePassword).toBe(false);
      return again.token;
    };
    const authorToken = await firstSignIn(author.username, slipOf(staffSlips, author.username).initialPassword);
    const reviewerToken = await firstSignIn(reviewer.username, slipOf(staffSlips, reviewer.username).initialPassword);

    // The teacher builds a unit's two items (approved by the group's lead) and publishes an A/B package for the class's next school day.
    const { unitCreate } = await t.ok(CREATE_UNIT, { input: {
      subjectId: math, grade: 3, termId: termCreate.term.id, volume: '三年级上册', sortOrder: 1, title: '分数的初步认识',
      objectives: [{ kind: 'KNOWLEDGE', description: '初步认识几分之一' }],
    } }, authorToken);
    expect(unitCreate.userErrors).toEqual([]);
    const items = [];
    for (const [title, tier] of [['涂一涂：几分之一', 'BASIC'], ['说一说：生活中的分数', 'EXTENDING']]) {
      items.push(await approvedItem(t, authorToken, reviewerToken, { ...itemContent({ title, tier }), unitId: unitCreate.unit.id }));
    }
    const published = await createAndPublish(t, authorToken, {
      classId: class31, subjectId: math, date: iso(day), shape: 'PACKAGES', title: '分数练习', options: packages(items[0].id, items[1].id),
    });
    expect(published.userErrors).toEqual([]);
    expect(published.assignment.status).toBe('PUBLISHED');

    // A student of the class and their parent, each with their own slip, see it on that day.
    const student = classSlips.accounts.find((a: { roleName: string }) => a.roleName === '学生');
    const studentToken = await firstSignIn(student.username, student.initialPassword);
    const DAY = `query($d: LocalDate!, $s: ID) { studentDay(date: $d, studentId: $s) { assignment { title } } }`;
    expect((await t.ok(DAY, { d: iso(day) }, studentToken)).studentDay).toEqual([{ assignment: { title: '分数练习' } }]);
    const [link] = await asSchool<{ parent: string; student_id: string }>(
      `SELECT p.username AS parent, s.id AS student_id FROM parent_links l JOIN users p ON p.school_id = l.school_id AND p.id = l.parent_id
         JOIN users s ON s.school_id = l.school_id AND s.id = l.student_id WHERE l.school_id = $1 AND s.username = $2 ORDER BY 1 LIMIT 1`, [schoolId, student.username]);
    const parentToken = await firstSignIn(link.parent, slipOf(classSlips, link.parent).initialPassword);
    expect((await t.ok(DAY, { d: iso(day), s: gid('User', link.student_id) }, parentToken)).studentDay).toEqual([{ assignment: { title: '分数练习' } }]);
  });

  it('only the academic office imports and exports', async () => {
    const [teacher] = await asSchool(`SELECT username FROM users WHERE school_id = $1 AND staff_no = 'JS001'`, [schoolId]);
    expect(teacher.username).toBe('js001');
    await t.expectToFail('UNAUTHENTICATED', IMPORT, { i: { file, dryRun: true } });
    await t.expectToFail('UNAUTHENTICATED', `{ rosterExport { fileName } }`);
  });
});

describe('bad rosters give row-level problems in Chinese and import nothing', () => {
  const small = (): Roster => ({
    classes: [['班级', '班主任工号'], ['一年级(9)班', 'JS001']],
    teachers: [['工号', '姓名'], ['JX01', '甲老师']],
    teaching: [['工号', '班级', '学科'], ['JX01', '一年级(9)班', '语文']],
    students: [['学籍号', '姓名', '班级'], ['GX001', '甲生', '一年级(9)班'], ['GX002', '乙生', '1.9']],
    parents: [['学生学籍号', '家长姓名', '关系', '手机号'], ['GX001', '甲家长', '母亲', '13512345678']],
  });

  async function refused(file: string) {
    const before = await snapshot();
    const report = await rosterImport(file, false);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
    expect(before.users.length).toBeGreaterThan(2000);
    return report.problems;
  }

  it('a duplicate 学籍号', async () => {
    const r = small();
    r.students.push(['GX001', '丙生', '1.9']);
    expect(await refused(await rosterFile(r))).toEqual([{ sheet: '学生', row: 4, column: '学籍号', message: '学籍号 GX001 与第 2 行重复' }]);
  });

  it('a 学籍号 another student of the school already has is that student (not a new one)', async () => {
    const r = small();
    r.students.push([roster2025(), '冒名', '1.9']);
    const report = await rosterImport(await rosterFile(r), true);
    expect(report.problems).toEqual([]);
    expect(report.lines.find((l: any) => l.row === 4 && l.sheet === '学生').action).toBe('UPDATE');
  });

  it('a class that does not exist', async () => {
    const r = small();
    r.students.push(['GX003', '丁生', '一年级(8)班']);
    expect(await refused(await rosterFile(r))).toEqual([
      { sheet: '学生', row: 4, column: '班级', message: '班级一年级(8)班不存在：它既不在「班级」表里，也不是学校现有的班级' },
    ]);
  });

  it('a teacher of an unknown subject', async () => {
    const r = small();
    r.teaching.push(['JX01', '一年级(9)班', '书法']);
    expect(await refused(await rosterFile(r))).toEqual([
      { sheet: '任课', row: 3, column: '学科', message: `本校没有学科「书法」；现有学科：${SUBJECTS.join('、')}` },
    ]);
  });

  it('an empty sheet', async () => {
    const r = small();
    expect(await refused(await workbookOf({ 班级: r.classes, 教师: [], 学生: r.students }))).toEqual([
      { sheet: '教师', row: null, column: null, message: '工作表「教师」是空的；不用这张表就请删去它，否则请填写' },
    ]);
  });

  it('the wrong file type', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n').toString('base64');
    const problems = await refused(pdf);
    expect(problems).toEqual([{ sheet: null, row: null, column: null, message: expect.stringMatching(/xlsx/) }]);
    expect(problems[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a merged title row above the header is accepted', async () => {
    const report = await rosterImport(await rosterFile(small(), '2026年秋季学期一年级(9)班花名册'), true);
    expect(report.problems).toEqual([]);
    expect(report.sheets.map((s: any) => [s.sheet, s.created])).toEqual([['班级', 1], ['教师', 1], ['任课', 1], ['学生', 2], ['家长', 1]]);
    expect(report.lines[0]).toMatchObject({ sheet: '班级', row: 3, action: 'CREATE' });
  });
});

/** The 学籍号 of a student the big roster imported. */
const roster2025 = () => 'G2025' + '1' + '01' + '01';
