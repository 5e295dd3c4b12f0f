import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { COMMANDS } from '../../src/cli/commands';
import { parseOptions } from '../../src/cli/options';
import { CliEnv, processEnv, runCli } from '../../src/cli/run';
import { loadConfig } from '../../src/config';
import { usingRealPostgres } from '../support/test-database';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TEST_SECRET, TestApp } from '../support/test-app';

/** The operators' command line (`homework`), in-process on a real database and as the built binary. */
const ROOT = path.join(__dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  out: string[];
  err: string[];
  /** Labels of the progress updates. */
  progress: string[];
  /** How many times the command opened the database. */
  opened: number;
}

async function run(argv: string[], env: Omit<CliEnv, 'io'>): Promise<Run> {
  const r: Run = { code: -1, out: [], err: [], progress: [], opened: 0 };
  r.code = await runCli(argv, {
    io: { out: (l) => r.out.push(...l.split('\n')), err: (l) => r.err.push(l), progress: { update: (_f, label) => r.progress.push(label), done: () => undefined } },
    loadConfig: env.loadConfig,
    openDatabase: (config) => {
      r.opened++;
      return env.openDatabase(config);
    },
  });
  return r;
}

describe('help and a wrong command line: exit 0 or 2, and no database opened', () => {
  // What `homework` would use from this environment: an embedded database in a folder that must never appear.
  const dataDir = path.join(dir, 'never-created');
  const bare = (...argv: string[]) => run(argv, processEnv({ ...process.env, DATABASE_URL: '', EMBEDDED_DATA_DIR: dataDir }));
  afterEach(() => expect(fs.existsSync(dataDir)).toBe(false));

  it.each([[['--help']], [['-h']], [['help']], [[]]])('homework %j lists every command with its summary', async (argv: string[]) => {
    const r = await bare(...argv);
    expect(r).toMatchObject({ code: 0, err: [], opened: 0 });
    expect(r.out[0]).toMatch(/^homework — /);
    for (const c of COMMANDS) expect(r.out).toContainEqual(expect.stringMatching(new RegExp(`^  ${c.name} +${literal(c.summary)}$`)));
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('`homework %s --help` shows its options and an example', async (name, command) => {
    const r = await bare(name, '--help');
    expect(r).toMatchObject({ code: 0, err: [], opened: 0 });
    expect(r.out[0]).toBe(`homework ${name} — ${command.summary}`);
    for (const [option, spec] of Object.entries(command.options)) {
      expect(r.out).toContainEqual(expect.stringMatching(new RegExp(`^  --${option}${spec.value ? ` ${literal(spec.value)}` : ''} +${literal(spec.description)}`)));
    }
    const examples = r.out.slice(r.out.findIndex((l) => /^Examples?:$/.test(l)) + 1);
    expect(examples.length).toBeGreaterThan(0);
    // Every example is a command line the parser accepts.
    for (const example of examples) {
      const [program, cmd, ...args] = example.trim().split(/\s+/);
      expect([program, cmd]).toEqual(['homework', name]);
      expect(() => parseOptions(command.options, args)).not.toThrow();
    }
    expect((await bare('help', name)).out).toEqual(r.out);
    // --help wins over anything else on the line.
    expect(await bare(name, '--no-such-option', '-h')).toMatchObject({ code: 0, out: r.out });
  });

  it('answers an unknown command with one line and a hint, suggesting a near name', async () => {
    expect(await bare('launch')).toMatchObject({ code: 2, out: [], err: ['homework: unknown command "launch"', 'Run "homework --help" for the commands.'] });
    expect((await bare('bank-imprt')).err[0]).toBe('homework: unknown command "bank-imprt" (did you mean bank-import?)');
    expect((await bare('help', 'launch')).code).toBe(2);
    expect((await bare('--verbose')).err[0]).toBe('homework: unknown option --verbose');
  });

  it.each([
    [['password-reset', '--school', 'jhsy', '--user', 's30101'], 'unknown option --user (did you mean --username?)'],
    [['password-reset', '--school', 'jhsy'], '--username is required'],
    [['password-reset', '--school', '--username', 's30101'], '--school needs a value (CODE)'],
    [['password-reset', '--school', 'jhsy', '--username', 's30101', 'again'], 'unexpected argument "again"'],
    [['password-reset', '--school', 'jhsy', '--school', 'test-a', '--username', 's30101'], '--school is given twice'],
    [['migrate', '--revert=yes'], '--revert takes no value'],
    [['bank-import', '--school', 'jhsy', '--as', 't3sx2', '--subject', '数学', '--grade', '十年级', '--file', 'x.csv'], '--grade must be a grade 1–9 or its name (一年级 … 九年级), got "十年级"'],
    [['bank-import', '--school', 'jhsy', '--as', 't3sx2', '--subject', '数学', '--grade', '3', '--file', 'bank.txt'], '--file must be an .xlsx or .csv file, got "bank.txt"'],
    [['notice-export', '--school', 'jhsy', '--week', '2026-11-10', '--grade', '5', '--out', 'n.xlsx'], '--week must be a Monday as YYYY-MM-DD, got "2026-11-10"'],
    [['school-create', '--code', 'x1', '--name', '新开小学', '--stage', 'primary', '--admin-username', 'a', '--admin-name', '王主任'], '--stage must be 小学, 初中 or 九年一贯制, got "primary"'],
    [['seed-scale', '--days', '0'], '--days must be a whole number from 1 to 1000, got "0"'],
    [['roster-import', '--school', 'jhsy', '--file', '花名册.csv'], '--file must be an .xlsx workbook, got "花名册.csv"'],
    [['roster-export', '--school', 'jhsy', '--out', '花名册.pdf'], '--out must name an .xlsx file, got "花名册.pdf"'],
  ])('%j is refused with exit code 2 before the database is opened', async (argv, message) => {
    const r = await bare(...argv);
    expect(r).toMatchObject({ code: 2, out: [], opened: 0 });
    expect(r.err).toEqual([`homework ${argv[0]}: ${message}`, `Run "homework ${argv[0]} --help" for its options.`]);
  });
});

describe('on a real database', () => {
  let t: TestApp;
  const config = loadConfig({ ...process.env, AUTH_TOKEN_SECRET: TEST_SECRET });
  /** The test's database, left open for the next test. */
  const cli = (...argv: string[]) => run(argv, { loadConfig: () => config, openDatabase: async () => ({ ...t.db, close: async () => undefined }) });
  const items = async (title: string) => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM bank_items WHERE title = $1`, [title]))[0].n;

  beforeAll(async () => {
    t = await TestApp.start([SMALL_SCHOOL]);
  });
  afterAll(() => t?.stop());

  it('migrate reports that the database is up to date', async () => {
    expect(await cli('migrate')).toMatchObject({ code: 0, out: ['database is up to date'], opened: 1 });
  });

  it('creates a school (学段 by its Chinese name) and its first academic-office user, who can then sign in', async () => {
    const r = await cli('school-create', '--code', 'xinxiao', '--name', '新开小学', '--stage', '小学', '--admin-username', 'zhuren', '--admin-name', '王主任');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^school 新开小学 \(xinxiao\) created; academic office user zhuren, password \S+ /);
    const password = /password (\S+)/.exec(r.out[0])![1];
    const { login } = await t.ok(`mutation($i: LoginInput!) { login(input: $i) { user { roles } } }`, { i: { schoolCode: 'xinxiao', username: 'zhuren', password } });
    expect(login.user.roles).toEqual(['ACADEMIC_OFFICE']);
    const again = await cli('school-create', '--code', 'xinxiao', '--name', 'x', '--stage', '初中', '--admin-username', 'a1', '--admin-name', 'b');
    expect(again).toMatchObject({ code: 1, err: ['homework school-create: a school with the code "xinxiao" exists'] });
  });

  it('resets a password: the old one and earlier tokens stop working', async () => {
    const token = await t.login('s30101');
    const r = await cli('password-reset', '--school', 'test-a', '--username', 's30101');
    const password = /^new password for s30101: (\S+) /.exec(r.out[0])![1];
    await t.expectToFail('UNAUTHENTICATED', `{ me { id } }`, {}, token);
    const { login } = await t.ok(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { schoolCode: 'test-a', username: 's30101', password } });
    expect(login.token).toBeTruthy();
    expect(await cli('password-reset', '--school', 'test-a', '--username', 'nobody')).toMatchObject({ code: 1, err: ['homework password-reset: no user "nobody" in 测试甲校'] });
    expect(await cli('password-reset', '--school', 'nowhere', '--username', 's30101')).toMatchObject({ code: 1, err: ['homework password-reset: no school has the code "nowhere"'] });
  });

  it('writes the weekly notice of a grade or of one class as a workbook', async () => {
    const sheets = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets.map((s) => s.name);
    };
    const grade = path.join(dir, 'grade.xlsx');
    expect(await cli('notice-export', '--school', 'test-a', '--week', '2026-12-07', '--grade', '3', '--out', grade))
      .toMatchObject({ code: 0, out: [`wrote ${grade}: 作业公示 of 三年级, week of 2026-12-07`] });
    expect(await sheets(grade)).toEqual(['三年级(1)班', '三年级(2)班']);
    const one = path.join(dir, 'class.xlsx');
    expect(await cli('notice-export', '--school', 'test-a', '--week', '2026-12-07', '--grade', '三年级', '--class-no', '2', '--out', one))
      .toMatchObject({ code: 0, out: [`wrote ${one}: 作业公示 of 三年级(2)班, week of 2026-12-07`] });
    expect(await sheets(one)).toEqual(['三年级(2)班']);
    expect((await cli('notice-export', '--school', 'test-a', '--week', '2026-12-07', '--grade', '3', '--class-no', '9', '--out', one)).err)
      .toEqual(['homework notice-export: 测试甲校 has no class 9 in 三年级']);
  });

  it('imports a roster workbook: a dry run, then the import with a progress bar; a rerun and the export change nothing', async () => {
    const write = async (file: string, sheets: Record<string, unknown[][]>) => {
      const wb = new ExcelJS.Workbook();
      for (const [name, rows] of Object.entries(sheets)) rows.forEach((r) => (wb.getWorksheet(name) ?? wb.addWorksheet(name)).addRow(r));
      await wb.xlsx.writeFile(file);
    };
    const roster = {
      班级: [['班级', '班主任工号'], ['三年级（3）班', 'T901']],
      教师: [['工号', '姓名', '性别'], ['T901', '钱老师', '女']],
      任课: [['工号', '班级', '学科'], ['T901', '3.3', '语文']],
      学生: [['学籍号', '姓名', '班级'], ['G901', '孙小明', '303']],
      家长: [['学生学籍号', '家长姓名', '关系', '手机号'], ['G901', '孙父', '父亲', '137 0000 0901']],
    };
    const file = path.join(dir, '花名册.xlsx');
    await write(file, roster);
    const counts = (created: number, unchanged: number) => ['班级', '教师', '任课', '学生', '家长'].map((s) => `${s}: ${created} created, 0 changed, ${unchanged} unchanged`);
    const lines = [
      '+ 班级 row 2: 新建班级三年级(3)班，班主任 → 钱老师', '+ 教师 row 2: 新建教师钱老师（工号 T901，用户名 t901）', '+ 任课 row 2: 钱老师任教三年级(3)班语文',
      '+ 学生 row 2: 新建学生孙小明（学籍号 G901，三年级(3)班，用户名 g901）', '+ 家长 row 2: 新建家长父亲孙父（用户名 13700000901），关联学生孙小明',
    ];
    const users = async () => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE username IN ('t901', 'g901', '13700000901')`))[0].n;
    expect(await cli('roster-import', '--school', 'test-a', '--file', file, '--dry-run'))
      .toMatchObject({ code: 0, err: [], progress: [], out: [...lines, ...counts(1, 0), `dry run: nothing written: 5 rows of ${file} into 测试甲校`] });
    expect(await users()).toBe(0);
    const r = await cli('roster-import', '--school', 'test-a', '--file', file);
    expect(r).toMatchObject({ code: 0, err: [], out: [...lines, ...counts(1, 0), `imported: 5 rows of ${file} into 测试甲校`] });
    expect(r.progress).toEqual(['1/10 records', '4/10 records', '7/10 records', '8/10 records', '9/10 records', '10/10 records']);
    expect(await users()).toBe(3);
    expect(await cli('roster-import', '--school', 'test-a', '--file', file)).toMatchObject({ code: 0, progress: [], out: [...counts(0, 1), `imported: 5 rows of ${file} into 测试甲校`] });

    const exported = path.join(dir, '导出花名册.xlsx');
    expect(await cli('roster-export', '--school', 'test-a', '--out', exported)).toMatchObject({ code: 0, out: [`wrote ${exported}: the roster of 测试甲校`] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['班级', '教师', '任课', '学生', '家长']);
    const back = await cli('roster-import', '--school', 'test-a', '--file', exported);
    expect(back.code).toBe(0);
    expect(back.out.filter((l) => !/^(\S+: 0 created, 0 changed, \d+ unchanged|imported: .*)$/.test(l))).toEqual([]);

    const broken = path.join(dir, '坏花名册.xlsx');
    await write(broken, { 学生: [['学籍号', '姓名', '班级'], ['G902', '周小红', '3.9']] });
    expect(await cli('roster-import', '--school', 'test-a', '--file', broken)).toMatchObject({
      code: 1, out: [],
      err: ['学生 row 2, 班级: 班级三年级(9)班不存在：它既不在「班级」表里，也不是学校现有的班级', `homework roster-import: 1 problem in ${broken}: nothing imported`],
    });
    expect(await cli('roster-import', '--school', 'test-a', '--file', path.join(dir, 'none.xlsx'))).toMatchObject({ code: 1, err: [`homework roster-import: no file ${path.join(dir, 'none.xlsx')}`] });
  });

  describe('the demo school and the README sample bank file', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    /** The README's command lines that import the sample file, as arguments after `homework`. */
    const readmeImports = readme.split('\n')
      .filter((l) => l.includes('--file seeds/sample-bank.csv'))
      .map((l) => l.replace(/#.*$/, '').trim().replace(/^(npx homework|npm run cli --) /, '').split(/\s+/));

    it('seed loads the demo school', async () => {
      expect(await cli('seed')).toMatchObject({ code: 0, out: [expect.stringMatching(/^demo school 京华实验学校 \(jhsy\) seeded: \d+ users$/)] });
    });

    it("the README's sample-file command checks the sample against the demo unit without a problem", async () => {
      // The README's paths are relative to the project folder, where npm runs the tests.
      expect(process.cwd()).toBe(ROOT);
      expect(readmeImports.length).toBeGreaterThan(0);
      for (const line of readmeImports) {
        expect(line[0]).toBe('bank-import');
        expect(line).toContain('--dry-run');
        expect(await cli(...line)).toMatchObject({ code: 0, err: [], out: ['dry run: would create 5 items in 三年级数学备课组; 0 already in the bank'] });
      }
      expect(await items('分蛋糕')).toBe(0);
    });

    it('imports the sample for real, with progress; a second import creates nothing', async () => {
      const args = ['bank-import', '--school', 'jhsy', '--as', 't3sx2', '--subject', '数学', '--grade', '三年级', '--file', path.join(ROOT, 'seeds', 'sample-bank.csv')];
      const r = await cli(...args);
      expect(r).toMatchObject({ code: 0, err: [], out: ['created 5 items in 三年级数学备课组; 0 already in the bank'] });
      expect(r.progress).toEqual(['1/5 items', '2/5 items', '3/5 items', '4/5 items', '5/5 items']);
      const drafts = await t.db.dataSource.query(
        `SELECT i.status, u.username FROM bank_items i JOIN users u ON u.school_id = i.school_id AND u.id = i.author_id WHERE i.title = '分蛋糕'`);
      expect(drafts).toEqual([{ status: 'draft', username: 't3sx2' }]);
      expect((await cli(...args)).out).toEqual(['created 0 items in 三年级数学备课组; 5 already in the bank']);
    });

    it('names subjects by their Chinese names: an internal code or an unknown name is refused with the subjects listed', async () => {
      const sample = path.join(ROOT, 'seeds', 'sample-bank.csv');
      for (const subject of ['math', '数 学']) {
        const r = await cli('bank-import', '--school', 'jhsy', '--as', 't3sx2', '--subject', subject, '--grade', '3', '--file', sample, '--dry-run');
        expect(r.code).toBe(1);
        expect(r.err).toHaveLength(1);
        expect(r.err[0]).toMatch(new RegExp(`^homework bank-import: 京华实验学校 has no subject "${subject}"; its subjects: 语文、数学、英语、`));
      }
      const noGroup = await cli('bank-import', '--school', 'test-a', '--as', 't3sx2', '--subject', '数学', '--grade', '5', '--file', sample, '--dry-run');
      expect(noGroup.err).toEqual(['homework bank-import: 测试甲校 has no research group for 五年级数学']);
    });

    it('refuses a broken file naming its rows, and imports nothing', async () => {
      const broken = path.join(dir, 'broken.csv');
      fs.writeFileSync(broken, fs.readFileSync(path.join(ROOT, 'seeds', 'sample-bank.csv'), 'utf8')
        .replace('基础,书面,8', '很难,书面,8').replace(/分数小故事/g, '分数小故事二'));
      const r = await cli('bank-import', '--school', 'jhsy', '--as', 't3sx2', '--subject', '数学', '--grade', '3', '--file', broken);
      expect(r).toMatchObject({ code: 1, out: [] });
      expect(r.err).toEqual(['row 2, 层级: 「很难」不是可选值：基础、提高、拓展', `homework bank-import: 1 problem in ${broken}: nothing imported`]);
      expect(await items('分数小故事二')).toBe(0);
    });
  });
});

describe('the built binary, bin/homework.js', () => {
  const bin = path.join(ROOT, 'bin', 'homework.js');
  const homework = (args: string[], env: Record<string, string>) => {
    // Jest's NODE_OPTIONS (vm modules) are not the CLI's.
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env } });
    return { code: r.status, out: r.stdout.trimEnd().split('\n'), err: r.stderr.trimEnd() };
  };

  beforeAll(() => {
    // Up to date, this is a check of timestamps; otherwise a full build, which takes minutes on a busy machine.
    const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  });

  it('prints its help and exits 0 without creating the data folder; an unknown command exits 2', () => {
    const dataDir = path.join(dir, 'bin-never-created');
    const env = { DATABASE_URL: '', EMBEDDED_DATA_DIR: dataDir };
    const help = homework(['--help'], env);
    expect(help).toMatchObject({ code: 0, err: '' });
    for (const c of COMMANDS) expect(help.out).toContainEqual(expect.stringMatching(new RegExp(`^  ${c.name} `)));
    expect(homework(['bank-import', '--help'], env)).toMatchObject({ code: 0, err: '' });
    expect(homework(['launch'], env)).toMatchObject({ code: 2, out: [''], err: 'homework: unknown command "launch"\nRun "homework --help" for the commands.' });
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('migrates an empty database, closes it and exits', async () => {
    // On a server, an empty database of its own; embedded, a new folder.
    const env: Record<string, string> = usingRealPostgres()
      ? { DATABASE_URL: await emptyServerDatabase() }
      : { DATABASE_URL: '', EMBEDDED_DATA_DIR: path.join(dir, 'bin-data') };
    const first = homework(['migrate'], env);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toEqual([expect.stringMatching(/^applied Foundation\d+(, \w+\d+)+$/)]);
    expect(homework(['migrate'], env)).toMatchObject({ code: 0, out: ['database is up to date'], err: '' });
  });

  it('seed-scale loads a school at scale into a new database: every table it writes takes its rows', async () => {
    // Its own database, as an operator would try the service at scale (on a server, a database of its own; embedded, a new folder).
    const env: Record<string, string> = usingRealPostgres()
      ? { DATABASE_URL: await emptyServerDatabase() }
      : { DATABASE_URL: '', EMBEDDED_DATA_DIR: path.join(dir, 'scale-data') };
    const r = homework(['seed-scale', '--schools', '1', '--days', '2', '--students-per-class', '1', '--from', '2026-09-01'], env);
    expect(r.code).toBe(0);
    expect(r.out).toContain('scale-001 城东实验学校: 2026-09-01 … 2026-09-02, 2 school days — loaded');
    const row = (table: string) => r.out.find((l) => l.startsWith(`${table} `))?.trim().split(/\s+/).slice(1).map(Number);
    for (const table of ['assignments', 'assignment_items', 'submissions', 'record_sheets']) {
      const [inserted, inDatabase] = row(table)!;
      expect(inserted).toBeGreaterThan(0);
      expect(inDatabase).toBe(inserted);
    }
  });

  const dropAfter: string[] = [];
  afterAll(async () => {
    for (const name of dropAfter) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  async function emptyServerDatabase(): Promise<string> {
    const name = `cli_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    dropAfter.push(name);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async function adminQuery(sql: string): Promise<void> {
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  }
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
