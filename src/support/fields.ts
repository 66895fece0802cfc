/**
 * Field schemas shared by every JSON format of the library (cases, rule sets, citations,
 * misuse patterns, fixtures): each with its custom issue code and the JSON Schema metadata
 * that lets an editor complete and check it.
 *
 * @module
 */
import * as z from 'zod';
import { COUNTRY_CODES, isCountryCode } from './countries.js';
import { isCalendarDate } from './dates.js';
import { stripUnsafeText } from './safe-text.js';

/** Identifier of a rule, a rule set or a citation: lower case, digits, `.` and `-`. */
export const IDENTIFIER_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/**
 * A calendar date `YYYY-MM-DD` that exists (issue code `invalid_date`).
 *
 * @example
 * ```ts
 * calendarDateField.safeParse('2024-02-29').success; // true
 * ```
 */
export const calendarDateField = z
  .string()
  .refine(isCalendarDate, { params: { code: 'invalid_date' }, abort: true })
  .meta({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A calendar date, YYYY-MM-DD.' });

/**
 * An ISO 3166-1 alpha-2 country code, or XK (issue code `invalid_country`).
 *
 * @example
 * ```ts
 * countryField.safeParse('TJ').success; // true
 * ```
 */
export const countryField = z
  .string()
  .refine(isCountryCode, { params: { code: 'invalid_country' }, abort: true })
  .meta({ enum: [...COUNTRY_CODES], description: 'An ISO 3166-1 alpha-2 country code (or XK).' });

/**
 * An identifier: lower case letters, digits, `.` and `-` (issue code `invalid_identifier`).
 *
 * @example
 * ```ts
 * identifierField(100).safeParse('refugee.2017.delete').success; // true
 * ```
 */
export function identifierField(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => IDENTIFIER_PATTERN.test(value), { params: { code: 'invalid_identifier' }, abort: true })
    .meta({ pattern: IDENTIFIER_PATTERN.source });
}

/**
 * A text written by a user (a title, an explanation, a citation's summary), from `min` to `max`
 * characters, stripped of control and bidirectional characters as it is parsed
 * (`stripUnsafeText`): what is loaded can be printed anywhere.
 *
 * @example
 * ```ts
 * textField(1, 500).parse('Article 3\u001b[8m'); // 'Article 3[8m'
 * ```
 */
export function textField(min: number, max: number) {
  return z.string().min(min).max(max).overwrite(stripUnsafeText);
}
