import { GraphQLScalarType, parseValue } from 'graphql';
import { FIRST_DATE, LAST_DATE, LocalDate, ScalarInputError, Time } from '../../src/core/scalars';

/** The one date scalar and the one time-of-day scalar: what they accept, to the day and minute. */
const literal = (scalar: GraphQLScalarType, source: string) => scalar.parseLiteral(parseValue(source));

function refusal(parse: () => unknown): ScalarInputError {
  try {
    parse();
  } catch (e) {
    if (e instanceof ScalarInputError) return e;
    throw e;
  }
  throw new Error('the value was accepted');
}

describe('LocalDate', () => {
  it('accepts its bounds exactly, as the same string, from variables and from query text', () => {
    expect([FIRST_DATE, LAST_DATE]).toEqual(['2000-01-01', '2099-12-31']);
    for (const date of [FIRST_DATE, LAST_DATE, '2024-02-29', '2026-12-07']) {
      expect(LocalDate.parseValue(date)).toBe(date);
      expect(literal(LocalDate, JSON.stringify(date))).toBe(date);
      expect(LocalDate.serialize(date)).toBe(date);
    }
  });

  it.each([
    ['one day before the range', '1999-12-31'],
    ['one day after the range', '2100-01-01'],
    ['year 0', '0000-01-01'],
    ['30 February', '2024-02-30'],
    ['29 February of a common year', '2025-02-29'],
    ['month 13', '2026-13-01'],
    ['day 00', '2026-12-00'],
    ['a date-time', '2026-12-07T08:00:00Z'],
    ['no leading zeros', '2026-1-5'],
    ['an expanded year', '+275760-09-13'],
    ['full-width digits', '２０２６-１２-０７'],
    ['garbage', 'next Monday'],
    ['an empty string', ''],
  ])('refuses %s, naming the value and the range', (_label, value) => {
    for (const error of [refusal(() => LocalDate.parseValue(value)), refusal(() => literal(LocalDate, JSON.stringify(value)))]) {
      expect(error.message).toBe(`${JSON.stringify(value)} is not a date the service accepts: a LocalDate is a calendar date written YYYY-MM-DD from 2000-01-01 to 2099-12-31`);
    }
  });

  it('refuses values that are not strings', () => {
    expect(refusal(() => LocalDate.parseValue(20261207)).message).toMatch(/^20261207 is not a date/);
    expect(refusal(() => LocalDate.parseValue(null)).message).toMatch(/^null is not a date/);
    expect(refusal(() => literal(LocalDate, '20261207')).message).toMatch(/^20261207 is not a date/);
    expect(refusal(() => literal(LocalDate, '{ day: "2026-12-07" }')).message).toMatch(/^\{day: "2026-12-07"\} is not a date/);
  });

  it('shortens a long value in its message', () => {
    const message = refusal(() => LocalDate.parseValue('9'.repeat(100_000))).message;
    expect(message.length).toBeLessThan(200);
  });

  it('sends a computed date past the range (the last week of it ends in 2100), but no value that is no calendar date', () => {
    expect(LocalDate.serialize('2100-01-03')).toBe('2100-01-03');
    expect(() => LocalDate.serialize('2026-02-30')).toThrow();
    expect(() => LocalDate.serialize(new Date())).toThrow();
  });
});

describe('Time', () => {
  it('accepts 00:00 to 23:59', () => {
    for (const time of ['00:00', '07:05', '21:30', '23:59']) {
      expect(Time.parseValue(time)).toBe(time);
      expect(literal(Time, JSON.stringify(time))).toBe(time);
      expect(Time.serialize(time)).toBe(time);
    }
  });

  it.each([
    ['one minute past the range', '24:00'],
    ['minute 60', '12:60'],
    ['no leading zeros', '7:5'],
    ['seconds', '21:30:00'],
    ['a leap second', '23:59:60'],
    ['a negative hour', '-1:00'],
    ['full-width digits', '２１:３０'],
    ['garbage', 'bedtime'],
    ['an empty string', ''],
  ])('refuses %s, naming the value and the range', (_label, value) => {
    for (const error of [refusal(() => Time.parseValue(value)), refusal(() => literal(Time, JSON.stringify(value)))]) {
      expect(error.message).toBe(`${JSON.stringify(value)} is not a time the service accepts: a Time is a time of day written HH:MM from 00:00 to 23:59`);
    }
  });

  it('refuses values that are not strings', () => {
    expect(refusal(() => Time.parseValue(2130)).message).toMatch(/^2130 is not a time/);
    expect(refusal(() => literal(Time, '21.5')).message).toMatch(/^21\.5 is not a time/);
  });
});
