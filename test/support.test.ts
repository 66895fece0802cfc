import { createHash } from 'node:crypto';
import { addDays, addMonths, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addCalendarDays, addCalendarMonths, isCalendarDate } from '../src/support/dates.js';
import { canonicalJson, contentHash, sha256Hex } from '../src/support/hash.js';
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

describe('hashing', () => {
  test('SHA-256 matches known vectors and Node crypto', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
  });

  test('SHA-256 matches Node crypto at block boundaries, past the kept buffer, and after a large message', () => {
    const texts = [
      ...[54, 55, 56, 57, 63, 64, 65, 119, 120, 128].map((length) => 'a'.repeat(length)),
      'é'.repeat(3000),
      '😀'.repeat(20_000),
      'x'.repeat(70_000),
      'after a large one',
      '\ud800 lone surrogate',
    ];
    for (const text of texts) expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  test('canonical JSON is JSON.stringify with keys sorted by code units, for any JSON value', () => {
    const reference = (value: unknown): string => {
      if (value === null || typeof value !== 'object') return JSON.stringify(value);
      if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
      const record = value as Record<string, unknown>;
      return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${reference(record[key])}`).join(',')}}`;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
    );
  });

  test('the content hash is the SHA-256 of the UTF-8 of the canonical JSON, for any JSON value and any string', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('\u0000', '\u001f', '"', '\\', '\ud800', '\udc00', '\u2028', 'é', '😀', 'a') }));
    const value = fc.oneof(fc.jsonValue(), fc.array(text), fc.dictionary(text, text), fc.anything());
    fc.assert(
      fc.property(value, (item) => {
        let expected: string;
        try {
          expected = createHash('sha256').update(canonicalJson(item), 'utf8').digest('hex');
        } catch {
          expect(() => contentHash(item)).toThrow();
          return;
        }
        expect(contentHash(item)).toBe(`sha256:${expected}`);
      }),
      { numRuns: 1000 },
    );
    const large = { text: 'é😀"\n'.repeat(40_000) };
    expect(contentHash(large)).toBe(`sha256:${createHash('sha256').update(canonicalJson(large), 'utf8').digest('hex')}`);
  });

  test('canonical JSON sorts keys at every level and ignores key order', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const shuffled = JSON.parse(JSON.stringify(value, (_key, member) =>
          member && typeof member === 'object' && !Array.isArray(member) ? Object.fromEntries(Object.entries(member).reverse()) : member,
        ));
        expect(contentHash(shuffled)).toBe(contentHash(value));
      }),
    );
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
