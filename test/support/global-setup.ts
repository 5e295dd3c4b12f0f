import { startRun } from './test-run';

/** Jest global setup: see test-run.ts. */
export default async function globalSetup(): Promise<void> {
  await startRun();
}
