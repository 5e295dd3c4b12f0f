import { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import { isBackgroundStatement } from '../../src/modules/calibration/calibration-queue';

/** Counts the SQL statements the service sends, to guard against N+1 queries. */
export class StatementCounter implements TypeOrmLogger {
  count = 0;
  private recording = false;
  readonly statements: string[] = [];

  /** Counts the statements `work` causes. */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    this.count = 0;
    this.statements.length = 0;
    this.recording = true;
    try {
      const result = await work();
      return { result, statements: this.count };
    } finally {
      this.recording = false;
    }
  }

  logQuery(query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    // A request's statements only: not those of the calibration worker.
    if (!this.recording || isBackgroundStatement(queryRunner)) return;
    this.count++;
    this.statements.push(query);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
