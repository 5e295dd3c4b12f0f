import fs from 'node:fs';
import path from 'node:path';
import { bankExcelService } from '../../modules/excel/bank-excel.service';
import { CliError, defineCommand, UsageError } from '../command';
import { actAs, parseGrade, researchGroupOf, schoolByCode, subjectByName } from '../lookup';

const FORMATS: Record<string, 'xlsx' | 'csv'> = { '.xlsx': 'xlsx', '.csv': 'csv' };

export const bankImportCommand = defineCommand({
  name: 'bank-import',
  summary: "import a bank file (Excel or CSV) into a research group's bank, as drafts of one member",
  options: {
    school: { type: 'string', value: 'CODE', required: true, description: "the school's code, e.g. jhsy" },
    as: { type: 'string', value: 'USERNAME', required: true, description: 'the member of the research group the items are drafted by' },
    subject: { type: 'string', value: '科目', required: true, description: "the group's subject by its name, e.g. 数学" },
    grade: { type: 'string', value: '年级', required: true, description: "the group's grade: 3 or 三年级" },
    file: { type: 'string', value: 'PATH', required: true, description: 'the bank file, .xlsx or .csv (columns: README "Excel in and out")' },
    'dry-run': { type: 'boolean', description: 'check every row and report the problems; write nothing' },
  },
  examples: [
    '--school jhsy --as t3sx2 --subject 数学 --grade 3 --file seeds/sample-bank.csv --dry-run',
    '--school jhsy --as t3sx2 --subject 数学 --grade 三年级 --file 三年级数学题库.xlsx',
  ],
  async run(o, { io, config, database }) {
    const grade = parseGrade(o.grade);
    const format = FORMATS[path.extname(o.file).toLowerCase()];
    if (!format) throw new UsageError(`--file must be an .xlsx or .csv file, got "${o.file}"`);
    if (!fs.existsSync(o.file)) throw new CliError(`no file ${o.file}`);
    const data = fs.readFileSync(o.file);
    const db = await database();
    const school = await schoolByCode(db, o.school);
    const subject = await subjectByName(db, school, o.subject);
    const group = await researchGroupOf(db, school, subject, grade);
    const ctx = await actAs(db, config, school, o.as);
    const report = await bankExcelService.importBank(ctx, group.id, data, format, o['dry-run'],
      (done, total) => io.progress.update(done / total, `${done}/${total} items`, done === total));
    io.progress.done();
    for (const p of report.problems) io.err(`row ${p.row}, ${p.column}: ${p.message}`);
    if (report.problems.length) throw new CliError(`${report.problems.length} ${report.problems.length === 1 ? 'problem' : 'problems'} in ${o.file}: nothing imported`);
    io.out(`${report.dryRun ? 'dry run: would create' : 'created'} ${report.created} items in ${group.name}; ${report.unchanged} already in the bank`);
  },
});
