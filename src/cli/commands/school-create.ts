import { Role } from '../../core/roles';
import { hashPassword } from '../../modules/auth/password';
import { School, SchoolStage } from '../../modules/school/school.entity';
import { CliError, defineCommand, UsageError } from '../command';
import { newPassword } from './password-reset';

const STAGES: Record<string, SchoolStage> = { 小学: SchoolStage.PRIMARY, 初中: SchoolStage.JUNIOR, 九年一贯制: SchoolStage.NINE_YEAR };

export const schoolCreateCommand = defineCommand({
  name: 'school-create',
  summary: 'create a school and its first academic-office (教务处) user',
  options: {
    code: { type: 'string', value: 'CODE', required: true, description: 'what users type to sign in: 2–40 lower-case letters, digits or dashes' },
    name: { type: 'string', value: '校名', required: true, description: "the school's name, e.g. 新开小学" },
    stage: { type: 'string', value: '学段', required: true, description: '小学 (grades 1–6), 初中 (7–9) or 九年一贯制 (1–9)' },
    'admin-username': { type: 'string', value: 'USERNAME', required: true, description: 'username of the academic-office user' },
    'admin-name': { type: 'string', value: '姓名', required: true, description: 'their name as shown, e.g. 王主任' },
  },
  examples: ['--code xinxiao --name 新开小学 --stage 小学 --admin-username zhuren --admin-name 王主任'],
  async run(o, { io, config, database }) {
    const code = o.code.toLowerCase();
    const stage = STAGES[o.stage.trim()];
    if (!stage) throw new UsageError(`--stage must be 小学, 初中 or 九年一贯制, got "${o.stage}"`);
    if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(code)) throw new UsageError('--code must be 2–40 lower-case letters, digits or dashes');
    const username = o['admin-username'].toLowerCase();
    const db = await database();
    if (await db.dataSource.getRepository(School).findOneBy({ code })) throw new CliError(`a school with the code "${code}" exists`);
    const password = newPassword();
    const hash = await hashPassword(password, config.passwordHashCost);
    await db.dataSource.transaction(async (tx) => {
      const schoolId = (await tx.query(`SELECT gen_random_uuid() AS id`))[0].id;
      await tx.query(`INSERT INTO schools (school_id, code, name, stage) VALUES ($1, $2, $3, $4)`, [schoolId, code, o.name, stage]);
      const userId = (await tx.query(`SELECT gen_random_uuid() AS id`))[0].id;
      await tx.query(`INSERT INTO users (school_id, id, username, display_name, password_hash) VALUES ($1, $2, $3, $4, $5)`,
        [schoolId, userId, username, o['admin-name'], hash]);
      await tx.query(`INSERT INTO user_roles (school_id, user_id, role) VALUES ($1, $2, $3)`, [schoolId, userId, Role.ACADEMIC_OFFICE]);
    });
    io.out(`school ${o.name} (${code}) created; academic office user ${username}, password ${password} (change it after signing in)`);
  },
});
