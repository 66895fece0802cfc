import { afterAll, describe, expect, test } from 'vitest';
import { evaluateCaseSync } from '../src/index.js';
import { addCalendarDays, addCalendarMonths, CALENDAR_RANGE, isCalendarDate } from '../src/support/dates.js';
import { TIME_ZONES } from './support/time-zones.js';

/**
 * Issue 10, fault 6: calendar arithmetic must not depend on the process's time zone. Each zone
 * is set in this process (Node applies a change of `process.env.TZ` at once); the test first
 * checks that the zone really is in effect, so that it cannot pass by testing UTC six times.
 */
const ZONES = TIME_ZONES;

const originalZone = process.env.TZ;
afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

/** Every date of 2011 and 2012, and around the ends of the calendar. */
const DATES = (() => {
  const dates: string[] = [];
  for (let time = Date.UTC(2011, 0, 1); time <= Date.UTC(2012, 11, 31); time += 86_400_000) dates.push(new Date(time).toISOString().slice(0, 10));
  return [...dates, '0001-01-01', '0001-03-01', '0099-12-31', '1582-10-04', '1900-02-28', '2000-02-29', '9999-12-31', '9999-06-15'];
})();

/** The reference: day numbers in UTC arithmetic, independent of date-fns (years 100 and later). */
function referenceAddDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The table of every result the date arithmetic gives on `DATES`. */
function arithmeticTable(): string[] {
  const rows: string[] = [];
  for (const date of DATES) {
    rows.push([date, ...[-400, -31, -1, 1, 2, 60, 365].map((days) => addCalendarDays(date, days)), ...[1, 4, 6, 9, 12, 25].map((months) => addCalendarMonths(date, months))].join(' '));
  }
  return rows;
}

/** A case whose CCF decision on deletion falls due 9 months after 2011-03-30: 2011-12-30, the day Samoa skipped. */
const SAMOA_CASE = {
  schemaVersion: 1,
  notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
  asylum: [{ type: 'refugee_status_granted', date: '2010-01-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
  ccf: [{ type: 'deletion', filedOn: '2011-03-01', admissibleOn: '2011-03-30', noticeIds: ['rn-1'], outcome: 'pending' }],
};

describe('calendar arithmetic in every time zone', () => {
  process.env.TZ = 'UTC';
  const utcTable = arithmeticTable();
  const utcEvaluation = JSON.stringify(evaluateCaseSync(SAMOA_CASE, { asOf: '2012-06-01' }));

  test('the UTC table agrees with day-number arithmetic, and every result is a calendar date', () => {
    for (const row of utcTable) {
      const [date, ...results] = row.split(' ');
      expect(results.every(isCalendarDate), row).toBe(true);
      if (date! >= '0100-01-01' && date! <= '9998-01-01') expect(results.slice(0, 7)).toEqual([-400, -31, -1, 1, 2, 60, 365].map((days) => referenceAddDays(date!, days)));
    }
    expect(utcEvaluation.includes('"deadline":{"date":"2011-12-30"'), 'the deadline of the Samoa case').toBe(true);
  });

  test.each(ZONES)('%s: the zone is in effect, and every date, deadline and result is the one computed in UTC', (zone, inEffect) => {
    process.env.TZ = zone;
    expect(inEffect(), `TZ=${zone} did not take effect in this process`).toBe(true);
    expect(arithmeticTable()).toEqual(utcTable);
    expect(addCalendarDays('2011-12-29', 1)).toBe('2011-12-30');
    expect(addCalendarMonths('2011-08-30', 4)).toBe('2011-12-30');
    expect(JSON.stringify(evaluateCaseSync(SAMOA_CASE, { asOf: '2012-06-01' }))).toBe(utcEvaluation);
  });
});

describe('the ends of the calendar', () => {
  test('the day before 0001-01-01 is not 0001-12-31 (year 0 is no calendar date): it is clamped to 0001-01-01', () => {
    expect(addCalendarDays('0001-01-01', -1)).toBe(CALENDAR_RANGE.first);
    expect(addCalendarDays('0001-01-10', -400)).toBe(CALENDAR_RANGE.first);
    expect(addCalendarMonths('0001-02-28', -3)).toBe(CALENDAR_RANGE.first);
    expect(addCalendarDays('0001-01-02', -1)).toBe('0001-01-01');
  });

  test('years 0001–0099 are not read as 1901–1999, and dates after 9999-12-31 are clamped to it', () => {
    expect(addCalendarDays('0050-06-01', 1)).toBe('0050-06-02');
    expect(addCalendarMonths('0099-11-30', 3)).toBe('0100-02-28');
    expect(addCalendarDays('9999-12-31', 1)).toBe(CALENDAR_RANGE.last);
    expect(addCalendarMonths('9999-06-15', 9)).toBe(CALENDAR_RANGE.last);
  });
});
