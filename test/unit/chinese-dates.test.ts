import { chineseDate, chineseMonthDay, chineseWeek } from '../../src/modules/print/chinese-dates';

describe('dates as printed forms write them', () => {
  it('writes a day without leading zeros', () => {
    expect(chineseDate('2026-03-09')).toBe('2026年3月9日');
    expect(chineseMonthDay('2026-12-07')).toBe('12月7日');
  });

  it('writes a week from Monday to Sunday, with the year again when Sunday is in the next', () => {
    expect(chineseWeek('2026-12-07')).toBe('2026年12月7日—12月13日');
    expect(chineseWeek('2026-11-30')).toBe('2026年11月30日—12月6日');
    expect(chineseWeek('2029-12-31')).toBe('2029年12月31日—2030年1月6日');
  });
});
