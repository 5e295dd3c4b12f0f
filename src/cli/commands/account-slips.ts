import fs from 'node:fs';
import { RequestContext } from '../../core/context';
import { Logger } from '../../core/logger';
import { RequestScope } from '../../core/request-scope';
import { accountSlipService } from '../../modules/account-slip/account-slip.service';
import { SchoolClass } from '../../modules/class/class.entity';
import { createLoaders } from '../../modules/registry';
import { gradeName } from '../../modules/school/school.policy';
import { userService } from '../../modules/user/user.service';
import { CliError, defineCommand, UsageError } from '../command';
import { schoolByCode } from '../lookup';

const GRADE_NAMES = Array.from({ length: 9 }, (_, i) => gradeName(i + 1));
const FULL_WIDTH = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/（/g, '(').replace(/）/g, ')');

/** `三年级(2)班`, `三年级2班`, `3.2` or `302` → grade 3, class 2. */
export function parseClassName(raw: string): { grade: number; classNo: number } {
  const value = FULL_WIDTH(raw.trim()).replace(/\s+/g, '');
  let m = /^(.{3})\(?(\d{1,2})\)?班?$/.exec(value);
  if (m && GRADE_NAMES.includes(m[1])) return { grade: GRADE_NAMES.indexOf(m[1]) + 1, classNo: Number(m[2]) };
  m = /^([1-9])[.\-/](\d{1,2})$/.exec(value) ?? /^([1-9])(\d{2})$/.exec(value);
  if (m && Number(m[2]) > 0) return { grade: Number(m[1]), classNo: Number(m[2]) };
  throw new UsageError(`--class must name a class as 三年级(2)班, 三年级2班, 3.2 or 302, got "${raw}"`);
}

export const accountSlipsCommand = defineCommand({
  name: 'account-slips',
  summary: "issue initial passwords and write printable account slips of a class (students and parents) or of the staff; earlier slips of those accounts stop working",
  options: {
    school: { type: 'string', value: 'CODE', required: true, description: "the school's code, e.g. jhsy" },
    class: { type: 'string', value: '班级', description: 'a class: 三年级(2)班, 三年级2班, 3.2 or 302 (its students and their parents)' },
    teachers: { type: 'boolean', description: 'the staff (teachers and academic office) instead of a class' },
    out: { type: 'string', value: 'PATH', required: true, description: 'the file to write: .pdf (ten slips to an A4 page) or .xlsx' },
  },
  examples: [
    '--school jhsy --class 三年级(2)班 --out 三年级2班账号条.pdf',
    '--school jhsy --teachers --out 教职工账号条.xlsx',
  ],
  async run(o, { io, config, database }) {
    if (!!o.class === o.teachers) throw new UsageError('name either --class or --teachers');
    const format = /\.pdf$/i.test(o.out) ? 'pdf' : /\.xlsx$/i.test(o.out) ? 'xlsx' : null;
    if (!format) throw new UsageError(`--out must name a .pdf or .xlsx file, got "${o.out}"`);
    const wanted = o.class ? parseClassName(o.class) : null;
    const db = await database();
    const school = await schoolByCode(db, o.school);
    let classId: string | null = null;
    if (wanted) {
      const cls = await db.dataSource.getRepository(SchoolClass).findOneBy({ schoolId: school.id, grade: wanted.grade, classNo: wanted.classNo });
      if (!cls) throw new CliError(`${school.name} has no class ${gradeName(wanted.grade)}(${wanted.classNo})班`);
      classId = cls.id;
    }
    // Slips are the academic office's to issue; any of its users will do.
    const [office] = await db.dataSource.query(
      `SELECT u.id FROM users u JOIN user_roles r ON r.school_id = u.school_id AND r.user_id = u.id
        WHERE u.school_id = $1 AND r.role = 'academic_office' AND u.deactivated_at IS NULL AND u.deleted_at IS NULL ORDER BY u.username LIMIT 1`, [school.id]);
    if (!office) throw new CliError(`${school.name} has no academic-office user`);
    // As a request does: the service role in the school's transaction, the hashing holding no connection.
    const scope = await RequestScope.open(db.dataSource, school.id);
    let issued;
    try {
      const loaded = await userService.loadViewer(scope.manager, school.id, office.id);
      if (!loaded) throw new CliError(`${school.name} has no academic-office user`);
      const ctx = new RequestContext('cli', scope.manager, config, new Logger('silent'), loaded.viewer, createLoaders, 'cli',
        (id) => scope.setSchool(id), scope);
      issued = await accountSlipService.issue(ctx, { classId, teachers: o.teachers }, format);
      fs.writeFileSync(o.out, issued.data);
      await scope.commit();
    } catch (e) {
      await scope.rollback();
      throw e;
    }
    io.out(`wrote ${o.out}: ${issued.slips.length} account slips of ${issued.scope} (new initial passwords; earlier slips of these accounts no longer work)`);
  },
});
