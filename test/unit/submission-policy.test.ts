import { AssignmentShape } from '../../src/modules/assignment/assignment.policy';
import { MarkQuality } from '../../src/modules/submission/submission.entity';
import { homeworkDueAt, levelOfChoice, markingDueAt, markLabel, optionKeysOfChoice, parseMark } from '../../src/modules/submission/submission.policy';
import { bedtimeTarget, calibratedMinutes, isLateBedtime, percentile, wakeUpTimeFor } from '../../src/modules/record-sheet/record-sheet.policy';

const weekdays = (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

describe('marks', () => {
  it('parse and print tier × quality', () => {
    expect(parseMark('B+')).toEqual({ level: 'B', quality: MarkQuality.PLUS });
    expect(parseMark('C−')).toEqual({ level: 'C', quality: MarkQuality.MINUS });
    expect(parseMark('A-')).toEqual({ level: 'A', quality: MarkQuality.MINUS });
    expect(parseMark('A')).toEqual({ level: 'A', quality: MarkQuality.PLAIN });
    expect(parseMark('a+')).toBeNull();
    expect(markLabel('B', MarkQuality.MINUS)).toBe('B−');
    expect(levelOfChoice(AssignmentShape.THREE_PART, 'B3')).toBe('B');
    expect(levelOfChoice(AssignmentShape.PACKAGES, 'A')).toBe('A');
    expect(optionKeysOfChoice(AssignmentShape.THREE_PART, 'B3')).toEqual(['1', '3']);
  });
});

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

describe('sleep and calibration', () => {
  it('bedtime targets count back from the wake-up time', () => {
    expect(bedtimeTarget('06:30', 5)).toBe('20:30');
    expect(bedtimeTarget('06:30', 8)).toBe('21:30');
    expect(isLateBedtime('21:31', '06:30', 8)).toBe(true);
    expect(isLateBedtime('21:30', '06:30', 8)).toBe(false);
    expect(isLateBedtime('00:15', '06:30', 8)).toBe(true);
  });

  it('002 「小学不少于10小时,初中不少于9小时」: a grade may get up at its own time; the others keep the school\'s', () => {
    const school = { wakeUpTime: '06:30:00', wakeUpTimes: { 7: '06:00', 8: '06:00' } };
    expect(wakeUpTimeFor(school, 5)).toBe('06:30');
    expect(wakeUpTimeFor(school, 8)).toBe('06:00');
    expect(bedtimeTarget(wakeUpTimeFor(school, 8), 8)).toBe('21:00');
    expect(wakeUpTimeFor({ wakeUpTime: '07:00:00' }, 3)).toBe('07:00');
  });

  it('calibrated minutes switch on at the threshold', () => {
    expect(percentile([10, 20, 30, 40], 50)).toBe(25);
    expect(calibratedMinutes([12, 14], 3)).toMatchObject({ observations: 2, medianMinutes: 13, calibratedMinutes: null });
    expect(calibratedMinutes([12, 14, 20], 3)).toMatchObject({ observations: 3, medianMinutes: 14, p80Minutes: 17.6, calibratedMinutes: 14 });
  });
});
