import { MAX_RESTART_DELAY_MS, restartDelayMs } from '../../src/cluster';

describe('restarting a worker that died (src/cluster.ts)', () => {
  it('is immediate after a worker that ran a while, and backs off, doubling, after quick deaths in a row', () => {
    expect(restartDelayMs(0)).toBe(0);
    expect([1, 2, 3, 4, 5].map(restartDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('never waits longer than the cap', () => {
    expect(restartDelayMs(6)).toBe(MAX_RESTART_DELAY_MS);
    expect(restartDelayMs(50)).toBe(MAX_RESTART_DELAY_MS);
  });
});
