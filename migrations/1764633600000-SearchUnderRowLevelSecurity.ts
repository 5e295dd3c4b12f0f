import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets bank search use its gram index under row-level security.
 *
 * With RLS, PostgreSQL evaluates a query's own conditions only after the policy's, unless
 * their functions are LEAKPROOF (they cannot reveal anything about rows through errors or
 * side effects). An index condition is evaluated before the policy, so a non-leakproof one
 * cannot use an index: `search_grams @> ...` (the function `arraycontains`) then turns every
 * search into a scan of the school's whole bank.
 *
 * `arraycontains` compares elements with their type's equality; on `text[]` (the only arrays
 * the service compares) that is `texteq`, which PostgreSQL itself marks leakproof, and its
 * only other error (arrays of different element types) speaks of types, not rows. So the
 * migration marks it leakproof in this database. That needs a superuser: as another role it
 * warns and leaves it, search still answers correctly but scans, and the service logs the
 * same warning at start (README, "Security and data protection", says what to run).
 */
export class SearchUnderRowLevelSecurity1764633600000 implements MigrationInterface {
  name = 'SearchUnderRowLevelSecurity1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          ALTER FUNCTION pg_catalog.arraycontains(anyarray, anyarray) LEAKPROOF;
        ELSE
          RAISE WARNING 'bank search cannot use its gram index under row-level security: a superuser must run '
            'ALTER FUNCTION pg_catalog.arraycontains(anyarray, anyarray) LEAKPROOF in this database';
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          ALTER FUNCTION pg_catalog.arraycontains(anyarray, anyarray) NOT LEAKPROOF;
        END IF;
      END $$`);
  }
}
