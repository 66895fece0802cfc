/**
 * Time zones that shift a local calendar day, each with a check that it really is in effect (so
 * that a test cannot pass by testing UTC six times). A test sets `process.env.TZ` to the zone
 * (Node applies the change at once) and restores it afterwards.
 */
export const TIME_ZONES: ReadonlyArray<readonly [zone: string, inEffect: () => boolean]> = [
  ['UTC', () => new Date(2020, 0, 1).getTimezoneOffset() === 0],
  // Samoa skipped 30 December 2011: local midnight of that day is 31 December.
  ['Pacific/Apia', () => new Date(2011, 11, 30).getDate() === 31],
  // UTC+14, the earliest zone.
  ['Pacific/Kiritimati', () => new Date(2020, 0, 1).getTimezoneOffset() === -14 * 60],
  // UTC−3:30, a half-hour zone with daylight saving time.
  ['America/St_Johns', () => new Date(2020, 0, 1).getTimezoneOffset() === 3.5 * 60],
  ['America/Los_Angeles', () => new Date(2020, 0, 1).getTimezoneOffset() === 8 * 60],
  ['Asia/Kathmandu', () => new Date(2020, 0, 1).getTimezoneOffset() === -5.75 * 60],
];
