import { homeworkDueAt, markingDueAt } from '../../src/modules/submission/submission.policy';

const weekdays = (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

describe('deadlines (Beijing time)', () => {
  it("Friday's homework is due at 08:00 on Monday", () => {
    expect(homeworkDueAt('2026-11-27', weekdays).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(homeworkDueAt('2026-11-24', weekdays).toISOString()).toBe('2026-11-25T00:00:00.000Z');
  });

  it('work handed in during a school day is marked by 18:00 that day; after 18:00 the next school day', () => {
    expect(markingDueAt(new Date('2026-11-25T23:30:00Z'), false, weekdays).toISOString()).toBe('2026-11-26T10:00:00.000Z'); // 07:30 Thu
    expect(markingDueAt(new Date('2026-11-26T12:00:00Z'), false, weekdays).toISOString()).toBe('2026-11-27T10:00:00.000Z'); // 20:00 Thu
    expect(markingDueAt(new Date('2026-11-27T12:00:00Z'), false, weekdays).toISOString()).toBe('2026-11-30T10:00:00.000Z'); // 20:00 Fri
    expect(markingDueAt(new Date('2026-11-26T12:00:00Z'), true, weekdays).toISOString()).toBe('2026-12-03T12:00:00.000Z');
  });
});
