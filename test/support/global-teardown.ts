import { endRun } from './test-run';

/** Jest global teardown: see test-run.ts. */
export default async function globalTeardown(): Promise<void> {
  await endRun();
}
