import { RuleViolation } from '../../core/errors';
import { Role } from '../../core/roles';
import { User, UserRole } from '../../modules/user/user.entity';
import { RolloverPlan, schoolYearService } from '../../modules/school-year/school-year.service';
import { CliError, defineCommand, UsageError } from '../command';
import { actAs, parseGrade, parsePositiveInt, schoolByCode } from '../lookup';

/** `1:4,7:3` or `一年级:4` → 一年级(1)班 … 一年级(4)班, 七年级(1)班 … 七年级(3)班. */
function entryClasses(raw: string | undefined): { grade: number; classNo: number }[] {
  if (!raw) return [];
  return raw.split(/[,，]/).flatMap((part) => {
    const [grade, count] = part.split(/[:：]/);
    if (count === undefined) throw new UsageError(`--entry-classes takes grade:count pairs, e.g. 1:4,7:3, got "${part}"`);
    const g = parseGrade(grade, '--entry-classes');
    return Array.from({ length: parsePositiveInt(count, '--entry-classes') }, (_, i) => ({ grade: g, classNo: i + 1 }));
  });
}

export const schoolYearRolloverCommand = defineCommand({
  name: 'school-year-rollover',
  summary: 'roll a school into the next academic year (学年升级): classes move up a grade, the top grade graduates; --dry-run shows the plan',
  options: {
    school: { type: 'string', value: 'CODE', required: true, description: "the school's code, e.g. jhsy" },
    year: { type: 'string', value: 'YYYY-YYYY', required: true, description: 'the academic year to roll into, e.g. 2027-2028; its two terms must exist' },
    'dry-run': { type: 'boolean', description: 'print what would happen; change nothing' },
    'entry-classes': { type: 'string', value: 'GRADE:COUNT,…', description: 'open new empty entry classes, e.g. 1:4 for 一年级(1)–(4)班 (or leave them to the roster import)' },
    'drop-teaching': { type: 'boolean', description: 'do not carry teaching assignments (任课) to the next-year classes' },
    'drop-head-teachers': { type: 'boolean', description: 'do not carry head teachers (班主任) to the next-year classes' },
    as: { type: 'string', value: 'USERNAME', description: 'the academic-office user it is recorded under (default: the first by username)' },
  },
  examples: ['--school jhsy --year 2027-2028 --dry-run', '--school jhsy --year 2027-2028 --entry-classes 1:4'],
  async run(o, { io, config, database }) {
    const entries = entryClasses(o['entry-classes']);
    const db = await database();
    const school = await schoolByCode(db, o.school);
    let username = o.as;
    if (!username) {
      const office = await db.dataSource.getRepository(User).createQueryBuilder('u')
        .innerJoin(UserRole, 'r', 'r.school_id = u.school_id AND r.user_id = u.id AND r.role = :role', { role: Role.ACADEMIC_OFFICE })
        .where('u.school_id = :s AND u.deactivated_at IS NULL', { s: school.id }).orderBy('u.username').getOne();
      if (!office) throw new CliError(`${school.name} has no active academic-office user to act as`);
      username = office.username;
    }
    const ctx = await actAs(db, config, school, username);
    let plan: RolloverPlan;
    try {
      plan = await schoolYearService.rollover(ctx, {
        academicYear: o.year.trim(), dryRun: o['dry-run'], carryTeaching: !o['drop-teaching'], carryHeadTeachers: !o['drop-head-teachers'], entryClasses: entries,
      });
    } catch (e) {
      if (e instanceof RuleViolation) throw new CliError(`${e.message}; nothing changed`);
      throw e;
    }
    for (const m of plan.moves) {
      io.out(m.name
        ? `${m.from.name} → ${m.name}: ${m.students} students, ${m.teachingCarried} teaching assignments carried${m.headTeacherId ? ', head teacher carried' : ''}`
        : `${m.from.name} graduates: ${m.students} students, class archived`);
    }
    for (const e of plan.entryClasses) io.out(`${e.name} opened (empty)`);
    io.out(`${plan.dryRun ? 'dry run, nothing changed: would roll' : 'rolled'} ${school.name} from ${plan.previousYear} into ${plan.academicYear}: `
      + `${plan.studentsMoved} students moved up, ${plan.graduates} graduated, ${plan.teachingCarried} teaching assignments carried `
      + `(${plan.teachingDropped} not), ${plan.headTeachersCarried} head teachers carried, ${plan.researchGroupsKept} research groups kept`);
  },
});
