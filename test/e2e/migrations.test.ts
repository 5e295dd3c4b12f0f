import { Logger } from '../../src/core/logger';
import { migrate } from '../../src/core/migrations';
import { MIGRATIONS } from '../../migrations';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  const tables = async () =>
    (await db.dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY 1`))
      .map((r: { tablename: string }) => r.tablename);

  it('every tenant table carries school_id', async () => {
    const rows = await db.dataSource.query(
      `SELECT t.tablename FROM pg_tables t WHERE t.schemaname = 'public' AND t.tablename <> 'schema_migrations'
         AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                          WHERE c.table_name = t.tablename AND c.column_name = 'school_id')`,
    );
    expect(rows).toEqual([]);
  });

  it('reverts every migration with down() and applies them again', async () => {
    const before = await tables();
    expect(before.length).toBeGreaterThan(5);
    for (let i = 0; i < MIGRATIONS.length; i++) await db.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    expect(await migrate(db, new Logger('silent'))).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(before);
  });
});
