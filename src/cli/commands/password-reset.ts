import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../modules/auth/password';
import { CliError, defineCommand } from '../command';
import { schoolByCode } from '../lookup';

/** A new password, printed once: 12 URL-safe characters, 72 random bits. */
export const newPassword = () => randomBytes(9).toString('base64url');

export const passwordResetCommand = defineCommand({
  name: 'password-reset',
  summary: "set a new random password for a user; the user's earlier tokens stop working",
  options: {
    school: { type: 'string', value: 'CODE', required: true, description: "the school's code, e.g. jhsy" },
    username: { type: 'string', value: 'USERNAME', required: true, description: 'whose password to reset' },
  },
  examples: ['--school jhsy --username s30101'],
  async run(o, { io, config, database }) {
    const db = await database();
    const school = await schoolByCode(db, o.school);
    const username = o.username.toLowerCase();
    const password = newPassword();
    const hash = await hashPassword(password, config.passwordHashCost);
    const result = await db.dataSource.query(
      `UPDATE users SET password_hash = $3, must_change_password = true, token_version = token_version + 1
        WHERE school_id = $1 AND username = $2 AND deleted_at IS NULL RETURNING id`,
      [school.id, username, hash]);
    // TypeORM returns [rows, count] for an UPDATE … RETURNING on PostgreSQL.
    const rows = Array.isArray(result[0]) ? result[0] : result;
    if (!rows.length) throw new CliError(`no user "${username}" in ${school.name}`);
    io.out(`new password for ${username}: ${password} (earlier tokens no longer work; it must be changed at the next sign-in)`);
  },
});
