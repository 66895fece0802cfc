import { createHash } from 'node:crypto';
import { addDays, addMonths, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addCalendarDays, addCalendarMonths, isCalendarDate } from '../src/support/dates.js';
import { contentHash } from '../src/support/hash.js';
import { formatPath } from '../src/support/issues.js';
import { fillPlaceholders, placeholdersOf } from '../src/support/localized-text.js';

describe('calendar dates', () => {
  test('real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2025-04-31')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate('2025-01-01T00:00:00Z')).toBe(false);
  });

  test('a calendar date is exactly YYYY-MM-DD in ASCII digits, of a day that exists', () => {
    const reference = (value: unknown) => {
      if (typeof value !== 'string') return false;
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match) return false;
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 1 : 0);
    };
    const piece = fc.constantFrom('0', '1', '2', '9', '-', '/', ' ', '\n', '٣', 'a', '00', '29', '30', '31', '02', '13');
    const candidate = fc.oneof(
      fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')),
      fc.tuple(fc.integer({ min: -5, max: 10_005 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.anything(),
    );
    fc.assert(fc.property(candidate, (value) => { expect(isCalendarDate(value)).toBe(reference(value)); }), { numRuns: 3000 });
    expect(isCalendarDate('2024-02-29\n')).toBe(false);
    expect(isCalendarDate('0000-01-01')).toBe(false);
  });

  test('month arithmetic keeps the day, or falls back to the last day of the month', () => {
    expect(addCalendarMonths('2023-05-31', 9)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-05-31', 9)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-01-31', 4)).toBe('2024-05-31');
    expect(addCalendarMonths('2024-10-31', 4)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-01-15', 6)).toBe('2024-07-15');
  });

  test('day arithmetic crosses month, year and leap days', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  test('date arithmetic gives what date-fns gives, formatted as date-fns formats yyyy-MM-dd, years 1 to 9999 (clamped after)', () => {
    const local = (date: string) => {
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      const result = new Date(2000, 0, 1);
      result.setFullYear(year, month - 1, day);
      return result;
    };
    const date = fc.integer({ min: 0, max: 3_652_000 }).map((offset) => addCalendarDays('0001-01-01', offset));
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 120 }), fc.integer({ min: -400, max: 3650 }), (start, months, days) => {
        // Outside years 1–9999 (date-fns writes year 0 as 0001, and five-digit years) the library clamps.
        const clamped = (date: Date) => (date.getFullYear() < 1 ? '0001-01-01' : date.getFullYear() > 9999 ? '9999-12-31' : format(date, 'yyyy-MM-dd'));
        expect(addCalendarMonths(start, months)).toBe(clamped(addMonths(local(start), months)));
        expect(addCalendarDays(start, days)).toBe(clamped(addDays(local(start), days)));
      }),
      { numRuns: 500 },
    );
    expect(addCalendarMonths('9999-12-31', 9)).toBe('9999-12-31');
    expect(addCalendarDays('0001-01-02', -1)).toBe('0001-01-01');
  });

  test('adding months never goes back in time and gives a real date', () => {
    const date = fc.integer({ min: 0, max: 30000 }).map((offset) => addCalendarDays('1990-01-01', offset));
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), (start, months) => {
        const end = addCalendarMonths(start, months);
        expect(isCalendarDate(end)).toBe(true);
        expect(end >= start).toBe(true);
      }),
    );
  });
});

describe('the reproducibility stamp (SHA-256 over RFC 8785 canonical JSON)', () => {
  /** RFC 8785 written out from the RFC, apart from the library: members sorted by UTF-16 code units, primitives as JSON.stringify writes them. */
  const jcs = (value: unknown): string => {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort((a, b) => {
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.charCodeAt(i) - b.charCodeAt(i);
      return a.length - b.length;
    });
    return `{${keys.map((key) => `${JSON.stringify(key)}:${jcs(record[key])}`).join(',')}}`;
  };
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  test('RFC 8785 section 3.2.2: numbers, strings and literals are canonicalized as the RFC shows', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    const expected = '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}';
    expect(jcs(input)).toBe(expected);
    expect(contentHash(input)).toBe(`sha256:${sha256(expected)}`);
  });

  test('RFC 8785 section 3.2.3: members are sorted by UTF-16 code units', () => {
    const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    const canonical = jcs(input);
    const order = ['Carriage Return', 'One', 'Control', 'Latin Small Letter O', 'Euro Sign', 'Emoji', 'Hebrew'].map((name) => canonical.indexOf(name));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order).not.toContain(-1);
    expect(contentHash(input)).toBe(`sha256:${sha256(canonical)}`);
  });

  test('the stamp of any JSON value is the SHA-256 of the UTF-8 of its RFC 8785 form, whatever the order of its members', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('\u0000', '\u001f', '"', '\\', '\u2028', 'é', '😀', 'a') }));
    const value = fc.oneof(fc.jsonValue(), fc.array(text), fc.dictionary(text, text));
    fc.assert(
      fc.property(value, (item) => {
        expect(contentHash(item)).toBe(`sha256:${sha256(jcs(item))}`);
        const reversed = JSON.parse(JSON.stringify(item, (_key, member: unknown) =>
          member && typeof member === 'object' && !Array.isArray(member) ? Object.fromEntries(Object.entries(member).reverse()) : member,
        )) as unknown;
        expect(contentHash(reversed)).toBe(contentHash(item));
      }),
      { numRuns: 1000 },
    );
    const large = { text: 'é😀"\n'.repeat(40_000) };
    expect(contentHash(large)).toBe(`sha256:${sha256(jcs(large))}`);
  });

  test('a value JSON cannot hold has no stamp', () => {
    for (const value of [undefined, Number.NaN, Number.POSITIVE_INFINITY, { a: Number.NaN }, () => 1]) expect(() => contentHash(value)).toThrow(TypeError);
  });
});

describe('paths and placeholders', () => {
  test('paths show identifiers and hide other keys', () => {
    expect(formatPath(['notices', 0, 'requestingCountry'])).toBe('notices[0].requestingCountry');
    expect(formatPath(['x', 'Jane Doe'])).toBe('x[*]');
    expect(formatPath(['citations', 'const.art3'], (key) => /^[a-z0-9.]+$/.test(key))).toBe('citations["const.art3"]');
  });

  test('filling placeholders replaces each {name} the lookup knows, and nothing else', () => {
    const piece = fc.constantFrom('{a.b}', '{c}', '{x.y.z}', '{', '}', '{1a}', '{a b}', ' text ', '$&', '{{c}}', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')), fc.dictionary(fc.constantFrom('a.b', 'c', 'x.y.z'), fc.constantFrom('TJ', '$1', '{c}', '')), (template, known) => {
        const lookup = (name: string) => (Object.hasOwn(known, name) ? known[name] : undefined);
        const expected = template.replace(/\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\}/g, (whole, name: string) => lookup(name) ?? whole);
        expect(fillPlaceholders(template, lookup)).toBe(expected);
        expect(fillPlaceholders(template, lookup)).toBe(expected); // once parsed and kept, the same
      }),
      { numRuns: 500 },
    );
  });

  test('placeholders name facts and are filled from a lookup', () => {
    expect(placeholdersOf({ en: 'From {notice.requestingCountry} ({protection.status})' })).toEqual(['notice.requestingCountry', 'protection.status']);
    expect(fillPlaceholders('From {a.b} and {c}', (name) => (name === 'a.b' ? 'TJ' : undefined))).toBe('From TJ and {c}');
  });
});
