import { GraphQLError, GraphQLScalarType, Kind, print, ValueNode } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

/**
 * A date or time a scalar refused. GraphQL reports it as BAD_USER_INPUT when it came in a
 * variable; src/core/format-error.ts gives it that code too when it was written in the query
 * text (where GraphQL counts it a validation failure), so a client sees one code however the
 * value was sent.
 */
export class ScalarInputError extends GraphQLError {}

/**
 * The dates the service accepts. Every date here is a homework day, a week or a term of a
 * school using the service, so one outside this century is a typing mistake. The range also
 * keeps to dates that PostgreSQL's `date` and JavaScript's Date read alike (JavaScript has a
 * year 0 and PostgreSQL has none, so "0000-01-01" passed a JavaScript check and then failed in
 * the database as an internal error) and to four-digit years, which the services rely on when
 * they compare dates as strings.
 */
export const FIRST_DATE = '2000-01-01';
export const LAST_DATE = '2099-12-31';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether `value` is a day of the calendar written YYYY-MM-DD (graphql-scalars' LocalDate: no 30 February). */
function isCalendarDate(value: string): boolean {
  try {
    GraphQLLocalDate.parseValue(value);
    return true;
  } catch {
    return false;
  }
}

/** A refused value as its message shows it: quoted when a string, and never very long. */
function shown(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * A string scalar checked on the way in. `accepts` decides what a client may send; the service
 * receives exactly that string. `represents` decides what the service may send back, which
 * may be wider (a week that starts on the last Monday of the range ends after it).
 */
function checkedString(config: {
  name: string; description: string; refusal: string; accepts: (value: string) => boolean; represents: (value: string) => boolean;
}): GraphQLScalarType<string, string> {
  const refuse = (what: string, node?: ValueNode) => new ScalarInputError(`${what} ${config.refusal}`, node ? { nodes: node } : undefined);
  const parse = (value: unknown, node?: ValueNode): string => {
    if (typeof value !== 'string' || !config.accepts(value)) throw refuse(shown(value), node);
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name: config.name,
    description: config.description,
    parseValue: (value) => parse(value),
    parseLiteral: (node) => {
      if (node.kind !== Kind.STRING) throw refuse(print(node), node);
      return parse(node.value, node);
    },
    serialize: (value) => {
      // What the service sends it has stored or computed itself: a value that fails is a bug.
      if (typeof value !== 'string' || !config.represents(value)) throw new TypeError(`${config.name} cannot represent ${shown(value)}`);
      return value;
    },
    extensions: { codegenScalarType: 'string' },
  });
}

/** A calendar date YYYY-MM-DD within FIRST_DATE … LAST_DATE; inside the service a plain string. */
export const LocalDate = checkedString({
  name: 'LocalDate',
  description: `A calendar date written YYYY-MM-DD (a school day in China Standard Time), from ${FIRST_DATE} to ${LAST_DATE}`,
  refusal: `is not a date the service accepts: a LocalDate is a calendar date written YYYY-MM-DD from ${FIRST_DATE} to ${LAST_DATE}`,
  accepts: (value) => isCalendarDate(value) && value >= FIRST_DATE && value <= LAST_DATE,
  represents: isCalendarDate,
});

/** A time of day HH:MM, 00:00 … 23:59 (bedtimes, the school's wake-up time); inside the service a plain string. */
export const Time = checkedString({
  name: 'Time',
  description: 'A time of day written HH:MM on the 24-hour clock (China Standard Time), from 00:00 to 23:59',
  refusal: 'is not a time the service accepts: a Time is a time of day written HH:MM from 00:00 to 23:59',
  accepts: (value) => TIME_OF_DAY.test(value),
  represents: (value) => TIME_OF_DAY.test(value),
});
