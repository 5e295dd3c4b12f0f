import { Logger } from '../../core/logger';
import { migrate } from '../../core/migrations';
import { defineCommand } from '../command';

export const migrateCommand = defineCommand({
  name: 'migrate',
  summary: 'apply pending migrations, or undo the last one',
  options: {
    revert: { type: 'boolean', description: 'undo the last applied migration instead' },
  },
  examples: ['', '--revert'],
  async run({ revert }, { io, database }) {
    const db = await database();
    if (revert) {
      await db.dataSource.undoLastMigration({ transaction: 'each' });
      io.out('last migration reverted');
      return;
    }
    const applied = await migrate(db, new Logger('silent'));
    io.out(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
  },
});
