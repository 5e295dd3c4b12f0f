import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { CliError, runCli } from '../../src/cli/operator';
import { loadConfig } from '../../src/config';
import { SMALL_SCHOOL } from '../support/fixtures';
import { TEST_SECRET, TestApp } from '../support/test-app';
import { createMathUnit } from '../support/bank';

/** The operators' command line, end to end on a real database. */
let t: TestApp;
const config = loadConfig({ ...process.env, AUTH_TOKEN_SECRET: TEST_SECRET });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: number[] = [];
  await runCli(argv, t.db, config, { out: (l) => out.push(l), err: (l) => err.push(l), progress: (d) => progress.push(d) });
  return { out, err, progress };
}

beforeAll(async () => {
  t = await TestApp.start([SMALL_SCHOOL]);
  await createMathUnit(t, await t.login('t3sx1'));
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('migrate reports that the database is up to date', async () => {
  expect((await cli('migrate')).out).toEqual(['database is up to date']);
});

it('creates a school and its first academic-office user, who can then sign in', async () => {
  const { out } = await cli('school-create', '--code', 'xinxiao', '--name', '新开小学', '--stage', 'primary', '--admin-username', 'zhuren', '--admin-name', '王主任');
  const password = /password (\S+)/.exec(out[0])![1];
  const { login } = await t.ok(`mutation($i: LoginInput!) { login(input: $i) { user { roles } } }`, { i: { schoolCode: 'xinxiao', username: 'zhuren', password } });
  expect(login.user.roles).toEqual(['ACADEMIC_OFFICE']);
  await expect(cli('school-create', '--code', 'xinxiao', '--name', 'x', '--stage', 'primary', '--admin-username', 'a1', '--admin-name', 'b')).rejects.toThrow('exists');
});

it('resets a password: the old one and earlier tokens stop working', async () => {
  const token = await t.login('s30101');
  const { out } = await cli('password-reset', '--school', 'test-a', '--username', 's30101');
  const password = /password for s30101: (\S+)/.exec(out[0])![1];
  await t.expectToFail('UNAUTHENTICATED', `{ me { id } }`, {}, token);
  const { login } = await t.ok(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { schoolCode: 'test-a', username: 's30101', password } });
  expect(login.token).toBeTruthy();
  await expect(cli('password-reset', '--school', 'test-a', '--username', 'nobody')).rejects.toThrow('no user "nobody"');
});

it('imports a bank file with a progress count, and refuses a broken one naming its rows', async () => {
  const sample = path.join(__dirname, '..', '..', 'seeds', 'sample-bank.csv');
  const dry = await cli('bank-import', '--school', 'test-a', '--as', 't3sx2', '--subject', 'math', '--grade', '3', '--file', sample, '--csv', '--dry-run');
  expect(dry.out).toEqual(['dry run: would create 5 items; 0 already in the bank']);
  const real = await cli('bank-import', '--school', 'test-a', '--as', 't3sx2', '--subject', 'math', '--grade', '3', '--file', sample, '--csv');
  expect(real.out).toEqual(['created 5 items; 0 already in the bank']);
  expect(real.progress).toEqual([1, 2, 3, 4, 5]);
  const broken = path.join(dir, 'broken.csv');
  fs.writeFileSync(broken, fs.readFileSync(sample, 'utf8').replace('基础,书面,8', '很难,书面,8'));
  const failed = cli('bank-import', '--school', 'test-a', '--as', 't3sx2', '--subject', 'math', '--grade', '3', '--file', broken, '--csv');
  await expect(failed).rejects.toBeInstanceOf(CliError);
  await expect(failed).rejects.toThrow('1 problems: nothing imported');
});

it('exports the weekly notice of a grade as a workbook', async () => {
  const out = path.join(dir, 'notice.xlsx');
  expect((await cli('notice-export', '--school', 'test-a', '--week', '2026-12-07', '--grade', '3', '--out', out)).out[0]).toContain('wrote');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((s) => s.name)).toEqual(['三年级(1)班', '三年级(2)班']);
});

it('answers an unknown command or a missing option with one clear error', async () => {
  await expect(cli('launch')).rejects.toThrow('unknown command "launch"');
  await expect(cli('password-reset', '--school', 'test-a')).rejects.toThrow('--username is required');
});
