/**
 * Dates and country names in words, per locale, with the platform's `Intl` (no data of our
 * own): "5 December 2026", "5 de diciembre de 2026"; "Tajikistan", "Tayikistán". Calendar dates
 * are worded as the calendar days they are — formatted in UTC from the date's own year, month
 * and day, so that no time zone can shift a day.
 *
 * @module
 */
import type { CalendarDate } from '../support/dates.js';
import { CATALOGUES, type Locale } from './index.js';

/** @internal Formatters, made once per locale and kind (making one costs far more than using it). */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** @internal Names and dates already worded, per locale (a case repeats them; the platform's formatting is slow). */
const worded = new Map<string, string>();
/** @internal How many worded names and dates are kept (then the cache starts again). */
const WORDED_KEPT = 10_000;

/** @internal A value worded once per locale and kept. */
function remembered(key: string, make: () => string): string {
  let value = worded.get(key);
  if (value === undefined) {
    value = make();
    if (worded.size >= WORDED_KEPT) worded.clear();
    worded.set(key, value);
  }
  return value;
}

/** @internal A `Date` at midnight UTC of a calendar date (years 1–99 are not read as 1900–1999). */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** @internal The formatter of a locale for `parts` (`day`: day, month and year; `month`: month and year). */
function formatter(locale: Locale, parts: 'day' | 'month'): Intl.DateTimeFormat {
  const key = `${locale}:${parts}`;
  let made = formatters.get(key);
  if (made === undefined) {
    made = new Intl.DateTimeFormat(CATALOGUES[locale].intlLocale, {
      ...(parts === 'day' ? { day: 'numeric' } : {}),
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(key, made);
  }
  return made;
}

/**
 * A calendar date in the words of a locale. A value that is not `YYYY-MM-DD` is returned as it
 * is (it is never guessed at).
 *
 * @example
 * ```ts
 * formatDate('2026-12-05', 'en'); // '5 December 2026'
 * formatDate('2026-12-05', 'es'); // '5 de diciembre de 2026'
 * formatDate('2024-02-29', 'en'); // '29 February 2024'
 * formatDate('2026-06-01', 'fr'); // '1er juin 2026'
 * ```
 */
export function formatDate(date: CalendarDate, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return date;
  return remembered(`d:${locale}:${date}`, () => {
    const day = utcDate(Number(match[1]), Number(match[2]), Number(match[3]));
    const { firstDayOfMonth } = CATALOGUES[locale];
    if (day.getUTCDate() !== 1 || firstDayOfMonth === '1') return formatter(locale, 'day').format(day);
    // The first of the month as the locale writes it ("1er juin 2026"), the rest as Intl does.
    return formatter(locale, 'day')
      .formatToParts(day)
      .map((part) => (part.type === 'day' && part.value === '1' ? firstDayOfMonth : part.value))
      .join('');
  });
}

/**
 * A date that may be partial — a year (`2019`), a month (`2019-03`) or a day — in words.
 *
 * @example
 * ```ts
 * formatPartialDate('2019', 'en'); // '2019'
 * formatPartialDate('2019-03', 'es'); // 'marzo de 2019'
 * formatPartialDate('2019-03-04', 'en'); // '4 March 2019'
 * ```
 */
export function formatPartialDate(value: string, locale: Locale): string {
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month !== null) return formatter(locale, 'month').format(utcDate(Number(month[1]), Number(month[2]), 1));
  return formatDate(value, locale);
}

/**
 * A country's name in a locale, from its ISO 3166-1 alpha-2 code (`XK`: Kosovo); the code itself
 * where the platform has no name for it.
 *
 * @example
 * ```ts
 * countryName('TJ', 'en'); // 'Tajikistan'
 * countryName('TJ', 'es'); // 'Tayikistán'
 * countryName('XK', 'en'); // 'Kosovo'
 * ```
 */
export function countryName(code: string, locale: Locale): string {
  return remembered(`c:${locale}:${code}`, () => lookUpCountry(code, locale));
}

/** @internal Names from the platform, once per locale and kind (`null` where the platform has none). */
const nameTables = new Map<string, Intl.DisplayNames | null>();

/** @internal The platform's table of region or language names in a locale. */
function displayNames(locale: Locale, type: 'region' | 'language'): Intl.DisplayNames | null {
  const key = `${type}:${locale}`;
  let names = nameTables.get(key);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([CATALOGUES[locale].intlLocale], { type, fallback: 'code' });
    } catch {
      names = null;
    }
    nameTables.set(key, names);
  }
  return names;
}

/** @internal A country's name from the platform. */
function lookUpCountry(code: string, locale: Locale): string {
  const names = displayNames(locale, 'region');
  if (names === null || !/^[A-Z]{2}$/.test(code)) return code;
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Country names joined as a list of the locale ("Germany and France", "Alemania y Francia").
 *
 * @example
 * ```ts
 * countryList(['DE', 'FR'], 'en'); // 'Germany and France'
 * countryList(['DE', 'FR', 'LT'], 'es'); // 'Alemania, Francia y Lituania'
 * ```
 */
export function countryList(codes: readonly string[], locale: Locale): string {
  return joinWords(codes.map((code) => countryName(code, locale)), locale);
}

/** @internal List formatters, once per locale. */
const listFormats = new Map<Locale, Intl.ListFormat>();

/**
 * Words joined as a list of the locale, with its "and".
 *
 * @example
 * ```ts
 * joinWords(['a', 'b', 'c'], 'en'); // 'a, b and c'
 * ```
 */
export function joinWords(words: readonly string[], locale: Locale): string {
  let format = listFormats.get(locale);
  if (format === undefined) {
    format = new Intl.ListFormat(CATALOGUES[locale].intlLocale, { style: 'long', type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(words);
}

/**
 * A language's name in a locale, from its BCP 47 tag ("French", "français canadien"); the tag
 * itself where the platform has no name for it.
 *
 * @example
 * ```ts
 * languageName('fr', 'en'); // 'French'
 * languageName('en', 'fr'); // 'anglais'
 * ```
 */
export function languageName(tag: string, locale: Locale): string {
  return remembered(`l:${locale}:${tag}`, () => {
    const names = displayNames(locale, 'language');
    try {
      return names?.of(tag) ?? tag;
    } catch {
      return tag;
    }
  });
}
