import { seedDemo } from '../../../seeds/demo';
import { CliError, defineCommand } from '../command';
import { PROGRAM } from '../help';

export const seedCommand = defineCommand({
  name: 'seed',
  summary: 'load the demo school 京华实验学校 (code jhsy); a rerun changes nothing',
  options: {},
  examples: [''],
  async run(_options, { io, config, database }) {
    const db = await database();
    if (await db.dataSource.showMigrations()) throw new CliError(`the database has pending migrations: run "${PROGRAM} migrate" first`);
    const fixture = await seedDemo(db.dataSource, config.passwordHashCost);
    io.out(`demo school ${fixture.spec.name} (${fixture.spec.code}) seeded: ${fixture.users.length} users`);
  },
});
