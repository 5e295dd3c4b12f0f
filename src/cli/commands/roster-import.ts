import fs from 'node:fs';
import { RequestContext } from '../../core/context';
import { Database } from '../../core/database';
import { AppConfig } from '../../config';
import { rosterService } from '../../modules/roster/roster.service';
import { School } from '../../modules/school/school.entity';
import { CliError, defineCommand, UsageError } from '../command';
import { actAs, schoolByCode } from '../lookup';

/** A context acting as the school's (first) academic-office user: the roster is the office's to keep. */
export async function actAsOffice(db: Database, config: AppConfig, school: School): Promise<RequestContext> {
  const [office] = await db.dataSource.query(
    `SELECT u.username FROM users u JOIN user_roles r ON r.school_id = u.school_id AND r.user_id = u.id
      WHERE u.school_id = $1 AND r.role = 'academic_office' AND u.deactivated_at IS NULL ORDER BY u.username LIMIT 1`, [school.id]);
  if (!office) throw new CliError(`${school.name} has no academic-office user`);
  return actAs(db, config, school, office.username);
}

const ACTIONS = { create: '+', update: '~', unchanged: '=' } as const;

export const rosterImportCommand = defineCommand({
  name: 'roster-import',
  summary: "import a school's roster workbook (花名册: sheets 班级, 教师, 任课, 学生, 家长); all or nothing, a rerun of the same file changes nothing",
  options: {
    school: { type: 'string', value: 'CODE', required: true, description: "the school's code, e.g. jhsy" },
    file: { type: 'string', value: 'PATH', required: true, description: 'the roster, an .xlsx workbook (layout: README "Moving a school in")' },
    'dry-run': { type: 'boolean', description: 'check every row and report what would change; write nothing' },
  },
  examples: [
    '--school xinxiao --file 花名册.xlsx --dry-run',
    '--school xinxiao --file 花名册.xlsx',
  ],
  async run(o, { io, config, database }) {
    if (!/\.xlsx$/i.test(o.file)) throw new UsageError(`--file must be an .xlsx workbook, got "${o.file}"`);
    if (!fs.existsSync(o.file)) throw new CliError(`no file ${o.file}`);
    const data = fs.readFileSync(o.file);
    const db = await database();
    const school = await schoolByCode(db, o.school);
    const ctx = await actAsOffice(db, config, school);
    const report = await rosterService.importRoster(ctx, data, {
      dryRun: o['dry-run'],
      onProgress: (done, total) => io.progress.update(total ? done / total : 1, `${done}/${total} records`, done === total),
    });
    io.progress.done();
    for (const p of report.problems) {
      io.err(`${p.sheet ?? o.file}${p.row === null ? '' : ` row ${p.row}`}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
    }
    if (report.problems.length) {
      throw new CliError(`${report.problems.length} ${report.problems.length === 1 ? 'problem' : 'problems'} in ${o.file}: nothing imported`);
    }
    for (const l of report.lines) if (l.action !== 'unchanged') io.out(`${ACTIONS[l.action]} ${l.sheet} row ${l.row}: ${l.text}`);
    for (const s of report.sheets) io.out(`${s.sheet}: ${s.created} created, ${s.updated} changed, ${s.unchanged} unchanged`);
    io.out(`${report.dryRun ? 'dry run: nothing written' : 'imported'}: ${report.rows} rows of ${o.file} into ${school.name}`);
  },
});
