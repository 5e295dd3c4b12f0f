import { parseClassName } from '../../src/cli/commands/account-slips';
import { initialPassword, mapBounded } from '../../src/modules/account-slip/initial-password';
import { Slip, slipIdentity } from '../../src/modules/account-slip/slip-files';

describe('initial passwords', () => {
  it('are 10 characters without look-alikes, with a letter and a digit, and differ', () => {
    const passwords = Array.from({ length: 500 }, initialPassword);
    for (const p of passwords) {
      expect(p).toMatch(/^[a-hj-km-np-z2-9]{10}$/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/\d/);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});

describe('mapBounded', () => {
  it('keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const work = mapBounded(Array.from({ length: 10 }, (_, i) => i), 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => release.push(resolve));
      running--;
      return n * 2;
    });
    // Let the workers start, then release them one at a time.
    for (let released = 0; released < 10; released++) {
      while (release.length === 0) await new Promise((r) => setImmediate(r));
      expect(running).toBeLessThanOrEqual(3);
      release.shift()!();
    }
    expect(await work).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(most).toBe(3);
  });

  it('answers an empty list without running anything', async () => {
    expect(await mapBounded([], 4, async () => { throw new Error('not called'); })).toEqual([]);
  });
});

describe('class names on the command line', () => {
  it.each([
    ['三年级(2)班', 3, 2], ['三年级（２）班', 3, 2], ['三年级2班', 3, 2], ['九年级(12)班', 9, 12], ['3.2', 3, 2], ['3-2', 3, 2], ['302', 3, 2], ['912', 9, 12],
  ])('%s is grade %i, class %i', (raw, grade, classNo) => {
    expect(parseClassName(raw)).toEqual({ grade, classNo });
  });

  it.each(['十年级1班', '3', '300', 'abc', '三年级'])('%s is refused', (raw) => {
    expect(() => parseClassName(raw)).toThrow(/--class must name a class/);
  });
});

describe('a slip names whom it is for', () => {
  const slip: Slip = { userId: 'x', username: 'p30101', displayName: '王芳', roleName: '家长', childName: '李明', className: '三年级(1)班', initialPassword: 'abcd2345ef' };
  it('a parent with their child, others with their role', () => {
    expect(slipIdentity(slip)).toBe('王芳（家长 · 李明）');
    expect(slipIdentity({ ...slip, roleName: '学生', childName: null, displayName: '李明' })).toBe('李明（学生）');
  });
});
