import fs from 'node:fs';
import { isIsoDate, isoWeekday } from '../../core/dates';
import { SchoolClass } from '../../modules/class/class.entity';
import { noticeExcelService } from '../../modules/excel/notice-excel.service';
import { gradeName } from '../../modules/school/school.policy';
import { CliError, defineCommand, UsageError } from '../command';
import { actAs, parseGrade, parsePositiveInt, schoolByCode } from '../lookup';

export const noticeExportCommand = defineCommand({
  name: 'notice-export',
  summary: 'write the weekly homework notice (作业公示) of a grade or a class as a workbook, or as a PDF to post',
  options: {
    school: { type: 'string', value: 'CODE', required: true, description: "the school's code, e.g. jhsy" },
    week: { type: 'string', value: 'YYYY-MM-DD', required: true, description: 'the Monday the week starts on' },
    grade: { type: 'string', value: '年级', required: true, description: '5 or 五年级: one sheet per class of the grade' },
    'class-no': { type: 'string', value: 'N', description: 'only this class of the grade, e.g. 1 for 五年级(1)班' },
    out: { type: 'string', value: 'PATH', required: true, description: 'the file to write: .xlsx, or .pdf with --pdf' },
    pdf: { type: 'boolean', description: 'a PDF (one A4 page per class) instead of a workbook' },
  },
  examples: [
    '--school jhsy --week 2026-11-09 --grade 5 --out notice.xlsx',
    '--school jhsy --week 2026-11-09 --grade 五年级 --class-no 1 --out 五年级1班作业公示.xlsx',
    '--school jhsy --week 2026-11-09 --grade 5 --pdf --out notice.pdf',
  ],
  async run(o, { io, config, database }) {
    if (!isIsoDate(o.week) || isoWeekday(o.week) !== 1) throw new UsageError(`--week must be a Monday as YYYY-MM-DD, got "${o.week}"`);
    if (o.pdf !== /\.pdf$/i.test(o.out)) throw new UsageError(o.pdf ? `--out must name a .pdf file with --pdf, got "${o.out}"` : `--out names a PDF: add --pdf, or name a .xlsx file`);
    const grade = parseGrade(o.grade);
    const classNo = o['class-no'] === undefined ? null : parsePositiveInt(o['class-no'], '--class-no');
    const db = await database();
    const school = await schoolByCode(db, o.school);
    let cls: SchoolClass | null = null;
    if (classNo !== null) {
      cls = await db.dataSource.getRepository(SchoolClass).findOneBy({ schoolId: school.id, grade, classNo });
      if (!cls) throw new CliError(`${school.name} has no class ${classNo} in ${gradeName(grade)}`);
    }
    // The notice is the academic office's to print; any of its users will do.
    const [office] = await db.dataSource.query(
      `SELECT u.username FROM users u JOIN user_roles r ON r.school_id = u.school_id AND r.user_id = u.id
        WHERE u.school_id = $1 AND r.role = 'academic_office' AND u.deleted_at IS NULL ORDER BY u.username LIMIT 1`, [school.id]);
    if (!office) throw new CliError(`${school.name} has no academic-office user`);
    const ctx = await actAs(db, config, school, office.username);
    const file = await noticeExcelService.exportNotice(ctx, o.week, cls?.id ?? null, cls ? null : grade, o.pdf ? 'pdf' : 'xlsx');
    fs.writeFileSync(o.out, file.data);
    io.out(`wrote ${o.out}: 作业公示 of ${cls?.name ?? gradeName(grade)}${o.pdf ? ' as PDF' : ''}, week of ${o.week}`);
  },
});
