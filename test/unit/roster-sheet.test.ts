import ExcelJS from 'exceljs';
import { Role } from '../../src/core/roles';
import { ParentRelation } from '../../src/modules/user/user.entity';
import { planRoster, RosterSchool } from '../../src/modules/roster/roster.policy';
import {
  chineseNumber, isGender, normalizeNumber, parseClassRef, parseGrade, parseMobile, parseRelation, parseUsername, readRosterSheets, sheetOfName,
} from '../../src/modules/roster/roster-sheet';

describe('classes as rosters write them', () => {
  it.each([
    ['三年级(2)班', 3, 2], ['三年级（2）班', 3, 2], ['三年级２班', 3, 2], ['三年级二班', 3, 2], ['三年级 (12) 班', 3, 12], ['九年级十一班', 9, 11],
    ['3年级2班', 3, 2], ['3年2班', 3, 2], ['初一(3)班', 7, 3], ['初三2班', 9, 2], ['3.2', 3, 2], ['３．２', 3, 2], ['3-2', 3, 2], ['302', 3, 2],
    ['302班', 3, 2], ['915', 9, 15],
  ])('%s is grade %i class %i', (text, grade, classNo) => {
    expect(parseClassRef(text)).toEqual({ grade, classNo });
  });

  it('takes the grade from its own column when the class cell has only the number', () => {
    expect(parseClassRef('2班', '三年级')).toEqual({ grade: 3, classNo: 2 });
    expect(parseClassRef('(2)班', '3')).toEqual({ grade: 3, classNo: 2 });
    expect(parseClassRef('2', '初二')).toEqual({ grade: 8, classNo: 2 });
    expect(parseClassRef('2班')).toBeNull();
  });

  it.each(['十年级1班', '三年级', '0.2', '3.0', '3002', '高一(1)班', '三年级(0)班', ''])('%j is no class', (text) => {
    expect(parseClassRef(text)).toBeNull();
  });

  it('reads grades and Chinese numbers', () => {
    expect([parseGrade('三年级'), parseGrade('3'), parseGrade('初一'), parseGrade('９'), parseGrade('十年级')]).toEqual([3, 3, 7, 9, null]);
    expect([chineseNumber('十'), chineseNumber('十二'), chineseNumber('二十'), chineseNumber('二十三'), chineseNumber('7')]).toEqual([10, 12, 20, 23, 7]);
    expect(chineseNumber('十十')).toBeNaN();
  });
});

describe('cells of people', () => {
  it('accepts 性别 written 男/女 and the like, nothing else', () => {
    expect(['男', '女', '男生', '女 ', 'm', 'F'].every(isGender)).toBe(true);
    expect(['公', '1', '未知'].some(isGender)).toBe(false);
  });

  it('reads relations; grandparents and others are guardians; an empty cell is a guardian', () => {
    expect([parseRelation('父亲'), parseRelation('妈妈'), parseRelation('奶奶'), parseRelation(''), parseRelation('同学')])
      .toEqual([ParentRelation.FATHER, ParentRelation.MOTHER, ParentRelation.GUARDIAN, ParentRelation.GUARDIAN, undefined]);
  });

  it('reads mobile numbers with spaces, dashes, +86 and full-width digits', () => {
    expect(parseMobile('138 0013 8000')).toBe('13800138000');
    expect(parseMobile('+86-13800138000')).toBe('13800138000');
    expect(parseMobile('１３８００１３８０００')).toBe('13800138000');
    expect(parseMobile('1380013800')).toBeNull();
    expect(parseMobile('23800138000')).toBeNull();
  });

  it('folds 学籍号 and 工号, and checks usernames', () => {
    expect(normalizeNumber(' ｇ１１０１０５ 2015 ')).toBe('G1101052015');
    expect(parseUsername('T3YW1')).toBe('t3yw1');
    expect(parseUsername('张三')).toBeNull();
    expect(parseUsername('a')).toBeNull();
  });

  it('knows a sheet by its name or a word in it', () => {
    expect(['学生', '学生名单', '学生家长', '任课教师', '教师', '班级设置', 'Sheet1'].map(sheetOfName))
      .toEqual(['students', 'students', 'parents', 'teaching', 'teachers', 'classes', null]);
  });
});

/** A workbook of sheets given as rows of cell values. */
function worksheets(sheets: Record<string, unknown[][]>, merged: Record<string, string> = {}): ExcelJS.Worksheet[] {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
    if (merged[name]) ws.mergeCells(merged[name]);
  }
  return wb.worksheets;
}

const SCHOOL: RosterSchool = {
  grades: [1, 2, 3, 4, 5, 6],
  classes: [{ id: 'c31', grade: 3, classNo: 1, headTeacherId: null }],
  archivedClassKeys: new Set(['6-1']),
  subjects: [{ id: 'sub-yw', name: '语文' }, { id: 'sub-sx', name: '数学' }],
  users: [
    { id: 'u-t1', username: 't001', displayName: '王老师', staffNo: 'T001', studentNo: null, classId: null, deactivated: false, roles: new Set([Role.TEACHER]) },
    { id: 'u-s1', username: 'g001', displayName: '李明', staffNo: null, studentNo: 'G001', classId: 'c31', deactivated: false, roles: new Set([Role.STUDENT]) },
  ],
  parentLinks: [],
  teaching: [],
};

let n = 0;
const ids = () => `new-${++n}`;

describe('reading a workbook and planning an import', () => {
  it('passes over a merged title row above the header, and heads a column by its variant', () => {
    const { sheets, problems } = readRosterSheets(worksheets({
      学生: [['京华小学2026级学生花名册'], ['全国学籍号', '学生姓名', '性别', '所在班级'], ['G002', '张 三', '女', '三年级（1）班']],
    }, { 学生: 'A1:D1' }));
    expect(problems).toEqual([]);
    expect(sheets).toEqual([{ key: 'students', name: '学生', headers: expect.objectContaining({ studentNo: '全国学籍号', class: '所在班级' }), rows: [{ rowNo: 3, cells: expect.objectContaining({ studentNo: 'G002', name: '张 三', class: '三年级（1）班' }) }] }]);
    const plan = planRoster(SCHOOL, sheets, ids);
    expect(plan.problems).toEqual([]);
    expect(plan.lines).toEqual([{ sheet: '学生', row: 3, action: 'create', text: '新建学生张 三（学籍号 G002，三年级(1)班，用户名 g002）' }]);
    expect(plan.writes.accounts).toEqual([expect.objectContaining({ username: 'g002', role: Role.STUDENT, classId: 'c31', studentNo: 'G002' })]);
  });

  it('reports an empty sheet and a sheet without its required columns', () => {
    const { problems } = readRosterSheets(worksheets({ 教师: [], 学生: [['学籍号', '性别'], ['G1', '男']], 班级: [['班级', '班主任'], [null, null]] }));
    expect(problems).toEqual([
      { sheet: '教师', row: null, column: null, message: '工作表「教师」是空的；不用这张表就请删去它，否则请填写' },
      { sheet: '学生', row: 1, column: null, message: expect.stringMatching(/^第 1 行的表头缺少必填列：姓名（也可写作：学生姓名）；班级/) },
      { sheet: '班级', row: 1, column: null, message: '工作表「班级」在表头（第 1 行）下没有任何数据行；不用这张表就请删去它' },
    ]);
  });

  it('keys students by 学籍号 and teachers by 工号: a moved student is a change, the same row is none', () => {
    const { sheets } = readRosterSheets(worksheets({
      班级: [['班级', '班主任工号'], ['3.1', 'T001'], ['3.2', 'T001']],
      教师: [['工号', '姓名'], ['T001', '王老师']],
      学生: [['学籍号', '姓名', '班级'], ['G001', '李明', '3.2']],
    }));
    const plan = planRoster(SCHOOL, sheets, ids);
    expect(plan.problems).toEqual([]);
    expect(plan.lines.map((l) => [l.sheet, l.row, l.action, l.text])).toEqual([
      ['班级', 2, 'update', '班级三年级(1)班：班主任 → 王老师'],
      ['班级', 3, 'create', '新建班级三年级(2)班，班主任 → 王老师'],
      ['教师', 2, 'unchanged', '教师王老师（工号 T001）无变化'],
      ['学生', 2, 'update', '学生李明（学籍号 G001）：班级 三年级(1)班 → 三年级(2)班'],
    ]);
    expect(plan.writes.userUpdates).toEqual([{ id: 'u-s1', displayName: '李明', classId: plan.writes.classes[0].id, staffNo: null }]);
  });

  it('names every problem by sheet, row and column, in Chinese', () => {
    const { sheets } = readRosterSheets(worksheets({
      班级: [['班级', '班主任'], ['七年级1班', '']],
      任课: [['工号', '班级', '学科'], ['T001', '3.1', '体育'], ['T999', '3.9', '语文']],
      学生: [['学籍号', '姓名', '班级', '性别'], ['G100', '赵一', '3.1', '男'], ['G100', '赵二', '3.1', '公']],
      家长: [['学生学籍号', '家长姓名', '关系', '手机号'], ['G404', '钱父', '父亲', '12345'], ['G100', '孙母', '姑妈', '']],
    }));
    const plan = planRoster(SCHOOL, sheets, ids);
    expect(plan.problems.map((p) => [p.sheet, p.row, p.column, p.message])).toEqual([
      ['班级', 2, '班级', '本校没有七年级'],
      ['任课', 2, '学科', '本校没有学科「体育」；现有学科：语文、数学'],
      ['任课', 3, '工号', '没有工号为 T999 的教师：它既不在「教师」表里，也不是学校现有的教师'],
      ['任课', 3, '班级', '班级三年级(9)班不存在：它既不在「班级」表里，也不是学校现有的班级'],
      ['学生', 3, '学籍号', '学籍号 G100 与第 2 行重复'],
      ['学生', 3, '性别', '「公」不是性别：请填写 男 或 女'],
      ['家长', 2, '学生学籍号', '没有学籍号为 G404 的学生：它既不在「学生」表里，也不是学校现有的学生'],
      ['家长', 2, '手机号', '「12345」不是手机号（11 位，1 开头）'],
      ['家长', 3, '关系', '「姑妈」不是关系：请填写 父亲、母亲 或 监护人（爷爷、奶奶等写作监护人）'],
      ['家长', 3, '手机号', '请填写家长的手机号或用户名（手机号即可作登录用户名）'],
    ]);
  });

  it("opens a new class where only an archived one (last year's, after a rollover) had that grade and number", () => {
    const { sheets } = readRosterSheets(worksheets({ 班级: [['班级', '班主任'], ['6.1', '']] }));
    const plan = planRoster(SCHOOL, sheets, ids);
    expect(plan.problems).toEqual([]);
    expect(plan.lines.map((l) => [l.sheet, l.row, l.action, l.text])).toEqual([['班级', 2, 'create', '新建班级六年级(1)班']]);
    expect(plan.writes.classes).toEqual([expect.objectContaining({ grade: 6, classNo: 1, name: '六年级(1)班' })]);
  });

  it('links one parent to two children and a child to two guardians; a mobile number is the username', () => {
    const { sheets } = readRosterSheets(worksheets({
      学生: [['学籍号', '姓名', '班级'], ['G002', '李红', '3.1']],
      家长: [['学生学籍号', '家长姓名', '关系', '手机号'], ['G001', '李父', '父亲', '13800000001'], ['G002', '李父', '爸爸', '13800000001'], ['G001', '周母', '母亲', '13800000002']],
    }));
    const plan = planRoster(SCHOOL, sheets, ids);
    expect(plan.problems).toEqual([]);
    expect(plan.writes.accounts.filter((a) => a.role === Role.PARENT).map((a) => a.username)).toEqual(['13800000001', '13800000002']);
    expect(plan.writes.links.map((l) => l.relation)).toEqual([ParentRelation.FATHER, ParentRelation.FATHER, ParentRelation.MOTHER]);
    expect(new Set(plan.writes.links.map((l) => l.parentId)).size).toBe(2);
  });
});
