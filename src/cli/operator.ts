import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { AppConfig } from '../config';
import { RequestContext } from '../core/context';
import { Database } from '../core/database';
import { Logger } from '../core/logger';
import { migrate } from '../core/migrations';
import { Role } from '../core/roles';
import { hashPassword } from '../modules/auth/password';
import { bankExcelService } from '../modules/excel/bank-excel.service';
import { noticeExcelService } from '../modules/excel/notice-excel.service';
import { createLoaders } from '../modules/loaders';
import { ResearchGroup } from '../modules/research-group/research-group.entity';
import { School, SchoolStage, Subject } from '../modules/school/school.entity';
import { SchoolClass } from '../modules/class/class.entity';
import { User } from '../modules/user/user.entity';
import { userService } from '../modules/user/user.service';
import { seedDemo } from '../../seeds/demo';

/**
 * The operators' command line: `npm run cli -- <command> [--option value …]`. Each command
 * prints what it did; an error is one clear line on stderr and a non-zero exit.
 */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Shows progress of long work (a bar on a terminal). */
  progress: (done: number, total: number) => void;
}

export class CliError extends Error {}

export const USAGE = `usage: npm run cli -- <command> [options]
  migrate [--revert]                         apply pending migrations (or undo the last one)
  seed                                       load the demo school
  school-create --code C --name N --stage primary|junior|nine_year --admin-username U --admin-name N
                                             create a school and its first academic-office user
  password-reset --school C --username U     set a new random password (earlier tokens stop working)
  bank-import --school C --as U --subject S --grade G --file F [--csv] [--dry-run]
                                             import a bank file for the research group S × G as member U
  notice-export --school C --week YYYY-MM-DD (--grade G | --class-no N --grade G) --out F
                                             write the weekly notice workbook`;

function options(args: string[]): Record<string, string | true> {
  const opts: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) throw new CliError(`unexpected argument "${a}"`);
    const next = args[i + 1];
    if (next === undefined || next.startsWith('--')) opts[a.slice(2)] = true;
    else { opts[a.slice(2)] = next; i++; }
  }
  return opts;
}

function need(opts: Record<string, string | true>, name: string): string {
  const v = opts[name];
  if (typeof v !== 'string' || !v) throw new CliError(`--${name} is required`);
  return v;
}

async function schoolByCode(db: Database, code: string): Promise<School> {
  const school = await db.dataSource.getRepository(School).findOneBy({ code: code.toLowerCase() });
  if (!school) throw new CliError(`no school has the code "${code}"`);
  return school;
}

/** A request context acting as `username` of `school`, for commands that use the services. */
async function actAs(db: Database, config: AppConfig, school: School, username: string): Promise<RequestContext> {
  const user = await db.dataSource.getRepository(User).findOneBy({ schoolId: school.id, username: username.toLowerCase() });
  if (!user) throw new CliError(`no user "${username}" in ${school.name}`);
  const loaded = await userService.loadViewer(db.dataSource.manager, school.id, user.id);
  return new RequestContext('cli', db.dataSource.manager, config, new Logger('silent'), loaded!.viewer, createLoaders, 'cli');
}

const newPassword = () => randomBytes(9).toString('base64url');

export async function runCli(argv: string[], db: Database, config: AppConfig, io: Io): Promise<void> {
  const [command, ...rest] = argv;
  const opts = options(rest);
  switch (command) {
    case 'migrate': {
      if (opts.revert) {
        await db.dataSource.undoLastMigration({ transaction: 'each' });
        io.out('last migration reverted');
      } else {
        const applied = await migrate(db, new Logger('silent'));
        io.out(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
      }
      return;
    }
    case 'seed': {
      const fixture = await seedDemo(db.dataSource, config.passwordHashCost);
      io.out(`demo school ${fixture.spec.name} (${fixture.spec.code}) seeded: ${fixture.users.length} users`);
      return;
    }
    case 'school-create': {
      const code = need(opts, 'code').toLowerCase();
      const stage = need(opts, 'stage') as SchoolStage;
      if (!Object.values(SchoolStage).includes(stage)) throw new CliError('--stage must be primary, junior or nine_year');
      if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(code)) throw new CliError('--code must be 2–40 lower-case letters, digits or dashes');
      if (await db.dataSource.getRepository(School).findOneBy({ code })) throw new CliError(`a school with the code "${code}" exists`);
      const password = newPassword();
      const hash = await hashPassword(password, config.passwordHashCost);
      const username = need(opts, 'admin-username').toLowerCase();
      await db.dataSource.transaction(async (tx) => {
        const schoolId = (await tx.query(`SELECT gen_random_uuid() AS id`))[0].id;
        await tx.query(`INSERT INTO schools (school_id, code, name, stage) VALUES ($1, $2, $3, $4)`, [schoolId, code, need(opts, 'name'), stage]);
        const userId = (await tx.query(`SELECT gen_random_uuid() AS id`))[0].id;
        await tx.query(`INSERT INTO users (school_id, id, username, display_name, password_hash) VALUES ($1, $2, $3, $4, $5)`,
          [schoolId, userId, username, need(opts, 'admin-name'), hash]);
        await tx.query(`INSERT INTO user_roles (school_id, user_id, role) VALUES ($1, $2, $3)`, [schoolId, userId, Role.ACADEMIC_OFFICE]);
      });
      io.out(`school ${code} created; academic office user ${username}, password ${password} (change it after signing in)`);
      return;
    }
    case 'password-reset': {
      const school = await schoolByCode(db, need(opts, 'school'));
      const username = need(opts, 'username').toLowerCase();
      const password = newPassword();
      const hash = await hashPassword(password, config.passwordHashCost);
      const result = await db.dataSource.query(
        `UPDATE users SET password_hash = $3, token_version = token_version + 1 WHERE school_id = $1 AND username = $2 AND deleted_at IS NULL RETURNING id`,
        [school.id, username, hash]);
      const rows = Array.isArray(result[0]) ? result[0] : result;
      if (!rows.length) throw new CliError(`no user "${username}" in ${school.name}`);
      io.out(`new password for ${username}: ${password} (earlier tokens no longer work)`);
      return;
    }
    case 'bank-import': {
      const school = await schoolByCode(db, need(opts, 'school'));
      const ctx = await actAs(db, config, school, need(opts, 'as'));
      const subject = await db.dataSource.getRepository(Subject).findOneBy({ schoolId: school.id, code: need(opts, 'subject') });
      if (!subject) throw new CliError(`no subject "${opts.subject}"`);
      const group = await db.dataSource.getRepository(ResearchGroup).findOneBy({ schoolId: school.id, subjectId: subject.id, grade: Number(need(opts, 'grade')) });
      if (!group) throw new CliError(`no research group of ${subject.name} in grade ${opts.grade}`);
      const file = need(opts, 'file');
      if (!fs.existsSync(file)) throw new CliError(`no file ${file}`);
      const report = await bankExcelService.importBank(ctx, group.id, fs.readFileSync(file), opts.csv ? 'csv' : 'xlsx', !!opts['dry-run'], io.progress);
      for (const p of report.problems) io.err(`row ${p.row}, ${p.column}: ${p.message}`);
      if (report.problems.length) throw new CliError(`${report.problems.length} problems: nothing imported`);
      io.out(`${report.dryRun ? 'dry run: would create' : 'created'} ${report.created} items; ${report.unchanged} already in the bank`);
      return;
    }
    case 'notice-export': {
      const school = await schoolByCode(db, need(opts, 'school'));
      const admin = await db.dataSource.query(`SELECT u.username FROM users u JOIN user_roles r ON r.school_id = u.school_id AND r.user_id = u.id
        WHERE u.school_id = $1 AND r.role = 'academic_office' LIMIT 1`, [school.id]);
      if (!admin.length) throw new CliError('the school has no academic-office user');
      const ctx = await actAs(db, config, school, admin[0].username);
      const grade = Number(need(opts, 'grade'));
      let classId: string | null = null;
      if (opts['class-no']) {
        const cls = await db.dataSource.getRepository(SchoolClass).findOneBy({ schoolId: school.id, grade, classNo: Number(opts['class-no']) });
        if (!cls) throw new CliError(`no class ${opts['class-no']} in grade ${grade}`);
        classId = cls.id;
      }
      const file = await noticeExcelService.exportNotice(ctx, need(opts, 'week'), classId, classId ? null : grade);
      fs.writeFileSync(need(opts, 'out'), file.data);
      io.out(`wrote ${opts.out} (${file.fileName})`);
      return;
    }
    default:
      throw new CliError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  }
}
