import {
  actualWrittenMinutes, bedtimeTarget, FlaggedLine, isLateBedtime, lineOverran, MESSAGES_PER_DAY, messageFits, SheetFacts, sheetFlags, shownMessage,
  wakeUpTimeFor,
} from '../../src/modules/record-sheet/record-sheet.policy';

describe('sleep', () => {
  it('bedtime targets count back from the wake-up time', () => {
    expect(bedtimeTarget('06:30', 5)).toBe('20:30');
    expect(bedtimeTarget('06:30', 8)).toBe('21:30');
    expect(bedtimeTarget('07:00', 6)).toBe('21:00');
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
});

describe('record-sheet lines', () => {
  it('written minutes at home are each subject\'s actual minutes times its written share, rounded once', () => {
    expect(actualWrittenMinutes([
      { actualMinutes: 25, writtenShare: 1 },
      { actualMinutes: 30, writtenShare: 0.5 },
      { actualMinutes: null, writtenShare: 1 },
      { actualMinutes: 20, writtenShare: 0 },
    ])).toBe(40);
    expect(actualWrittenMinutes([{ actualMinutes: 5, writtenShare: 0.3 }, { actualMinutes: 5, writtenShare: 0.3 }])).toBe(3);
    expect(actualWrittenMinutes([])).toBe(0);
  });

  it('a subject overran when it took more than the ratio × its prediction; without both figures it did not', () => {
    expect(lineOverran({ actualMinutes: 27, predictedMinutes: 20 }, 1.3)).toBe(true);
    expect(lineOverran({ actualMinutes: 26, predictedMinutes: 20 }, 1.3)).toBe(false);
    expect(lineOverran({ actualMinutes: null, predictedMinutes: 20 }, 1.3)).toBe(false);
    expect(lineOverran({ actualMinutes: 40, predictedMinutes: null }, 1.3)).toBe(false);
    expect(lineOverran({ actualMinutes: 40, predictedMinutes: 0 }, 1.3)).toBe(false);
  });
});

describe('sheetFlags', () => {
  const line = (actualMinutes: number | null, predictedMinutes: number | null, writtenShare = 1): FlaggedLine => ({ actualMinutes, predictedMinutes, writtenShare });
  // A grade-5 pupil of a school that gets up at 06:30: bedtime by 20:30, 60 written minutes a day.
  const day = (over: Partial<SheetFacts> = {}): SheetFacts => ({
    lines: [line(25, 25), line(30, 30)], capMinutes: 60, bedtime: '20:15', wakeUp: '06:30', grade: 5, overrunRatio: 1.3, ...over,
  });

  it('a day within every rule has no flag', () => {
    expect(sheetFlags(day())).toEqual([]);
    expect(sheetFlags(day({ bedtime: null, lines: [] }))).toEqual([]);
  });

  it('000 「小学三至六年级书面作业平均完成时间不超过60分钟」: written minutes at home over the day\'s cap', () => {
    expect(sheetFlags(day({ lines: [line(35, 30), line(30, 30)] }))).toEqual(['WRITTEN_OVER_CAP']);
    // Exactly at the cap is within it; minutes of other forms do not count.
    expect(sheetFlags(day({ lines: [line(30, 30), line(30, 30)] }))).toEqual([]);
    expect(sheetFlags(day({ lines: [line(30, 30), line(35, 30, 0)] }))).toEqual([]);
    // Grades 1–2 have no written homework at home: any written minute is over.
    expect(sheetFlags(day({ grade: 2, capMinutes: 0, bedtime: null, lines: [line(1, 1)] }))).toEqual(['WRITTEN_OVER_CAP']);
  });

  it('000 「也应按时就寝，确保充足睡眠」: a bedtime after the target of the grade', () => {
    expect(sheetFlags(day({ bedtime: '20:45' }))).toEqual(['LATE_BEDTIME']);
    expect(sheetFlags(day({ bedtime: '20:30' }))).toEqual([]);
    expect(sheetFlags(day({ bedtime: '20:45', grade: 8 }))).toEqual([]);
    expect(sheetFlags(day({ bedtime: '00:10', grade: 8 }))).toEqual(['LATE_BEDTIME']);
  });

  it('a subject that took more than the overrun ratio × its prediction', () => {
    expect(sheetFlags(day({ lines: [line(40, 25, 0), line(20, 30)] }))).toEqual(['SUBJECT_OVERRAN']);
    expect(sheetFlags(day({ overrunRatio: 2, lines: [line(40, 25, 0), line(20, 30)] }))).toEqual([]);
  });

  it('lists every flag that applies, in a fixed order', () => {
    expect(sheetFlags(day({ bedtime: '22:00', lines: [line(50, 30), line(30, 30)] }))).toEqual(['WRITTEN_OVER_CAP', 'LATE_BEDTIME', 'SUBJECT_OVERRAN']);
  });
});

describe("parents' messages (seed 004: 家长留言, 班主任回复)", () => {
  const at = (hhmm: string, reply: string | null = null) => ({ createdAt: new Date(`2026-12-01T${hhmm}:00+08:00`), reply, body: hhmm });

  it(`a day takes up to ${MESSAGES_PER_DAY} messages`, () => {
    expect(messageFits(0)).toBe(true);
    expect(messageFits(MESSAGES_PER_DAY - 1)).toBe(true);
    expect(messageFits(MESSAGES_PER_DAY)).toBe(false);
    expect(messageFits(3, 3)).toBe(false);
  });

  it('the one-message view shows the latest message still waiting, else the latest', () => {
    expect(shownMessage([])).toBeNull();
    expect(shownMessage([at('19:00', '收到'), at('20:00'), at('21:00', '好的')])?.body).toBe('20:00');
    expect(shownMessage([at('19:00'), at('20:00'), at('21:00', '好的')])?.body).toBe('20:00');
    expect(shownMessage([at('19:00', '收到'), at('21:00', '好的')])?.body).toBe('21:00');
  });
});
