/**
 * Calendar dates (`YYYY-MM-DD`) and the project's date arithmetic.
 *
 * Every date in a case and in a result is a calendar date without a time or a time zone: the
 * law counts days, not instants. Strings in this format sort chronologically, so comparisons
 * are plain string comparisons. Arithmetic goes through date-fns on UTC dates (`UTCDateMini` of
 * `@date-fns/utc`, whose getters and setters are the UTC ones), so the time zone of the machine
 * never changes a result — not even in a zone that skipped a day (Pacific/Apia, 30 December
 * 2011) or moves by half hours (America/St_Johns).
 *
 * @module
 */
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { addDays, addMonths } from 'date-fns';

/** A calendar date, `YYYY-MM-DD` (ISO 8601 extended format, no time, no zone). */
export type CalendarDate = string;

/**
 * Whether `value` is a real calendar date in `YYYY-MM-DD` form (`2024-02-29` yes,
 * `2025-02-30` no). Years 0001–9999.
 *
 * @example
 * ```ts
 * isCalendarDate('2024-02-29'); // true
 * isCalendarDate('2025-02-30'); // false
 * ```
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  // The shape YYYY-MM-DD (ASCII digits), read by character codes: called for every date of every case.
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** @internal The number written in ASCII digits from `start` to `end`; -1 if any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let number = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/** @internal Number of days in `month` (1–12) of `year`, proleptic Gregorian. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Today's date in UTC — the default `asOf` of an evaluation, and the only clock the library reads.
 *
 * @example
 * ```ts
 * isCalendarDate(todayUtc()); // true
 * ```
 */
export function todayUtc(): CalendarDate {
  return new Date().toISOString().slice(0, 10);
}

/** The first and the last calendar date the library writes (years 0001–9999, as `isCalendarDate`). */
export const CALENDAR_RANGE = { first: '0001-01-01', last: '9999-12-31' } as const;

/**
 * @internal A calendar date as a `Date` whose getters and setters are UTC ones (`UTCDateMini`
 * of `@date-fns/utc`), for date-fns: the arithmetic never reads the process's time zone, so no
 * zone's missing or doubled days (Samoa skipped 30 December 2011) can move a result.
 */
function toUtcDate(date: CalendarDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const result = new UTCDateMini(0);
  // setFullYear, not the constructor: years 0001–0099 are not read as 1901–1999.
  result.setFullYear(year, month - 1, day);
  return result;
}

/**
 * @internal A `UTCDateMini` back to a calendar date. Results before 0001-01-01 or after
 * 9999-12-31 are not calendar dates of the case model: they are clamped to those ends.
 */
function fromUtcDate(date: Date): CalendarDate {
  const year = date.getFullYear();
  if (year < 1) return CALENDAR_RANGE.first;
  if (year > 9999) return CALENDAR_RANGE.last;
  const month = date.getMonth() + 1;
  const day = date.getDate();
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * Adds whole calendar months to a date, with the project's **month-end rule**: the result is
 * the same day of the target month, or the last day of the target month when it has no such
 * day. So 31 May + 9 months is 28 February (29 February in a leap year), and 29 February + 12
 * months is 28 February. This is date-fns `addMonths`, stated here because the law is silent on it.
 * The result stays within 0001-01-01 … 9999-12-31 (clamped); the time zone of the machine never
 * changes it.
 *
 * @example
 * ```ts
 * addCalendarMonths('2023-05-31', 9); // '2024-02-29'
 * addCalendarMonths('2024-05-31', 9); // '2025-02-28'
 * addCalendarMonths('2024-01-15', 4); // '2024-05-15'
 * ```
 */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  return fromUtcDate(addMonths(toUtcDate(date), months));
}

/**
 * Adds whole days to a date (negative values subtract). The result stays within
 * 0001-01-01 … 9999-12-31 (clamped: the day before 0001-01-01 is 0001-01-01).
 *
 * @example
 * ```ts
 * addCalendarDays('2024-02-28', 1); // '2024-02-29'
 * addCalendarDays('2011-12-29', 1); // '2011-12-30', in every time zone (Samoa skipped that day)
 * addCalendarDays('0001-01-01', -1); // '0001-01-01'
 * ```
 */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcDate(addDays(toUtcDate(date), days));
}
