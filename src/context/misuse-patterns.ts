/**
 * Documented patterns of misuse of INTERPOL's channels by requesting states: who documented
 * what, when, where to read it. The bundled file (`rules/misuse-patterns.json`) holds only
 * statements read in public sources; users extend or replace it. A pattern is context for the
 * Article 3 assessment ("the general context of the case") and a pointer to expert evidence —
 * it never decides an outcome.
 *
 * @module
 */
import * as z from 'zod';
import { VERIFICATION_LEVELS } from '../citations/registry.js';
import type { CalendarDate } from '../support/dates.js';
import { isCalendarDate } from '../support/dates.js';
import { countryField, identifierField, textField } from '../support/fields.js';
import { stripUnsafeText } from '../support/safe-text.js';

/** A publication date, as precise as the source gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
const publicationDate = z.string().refine(
  (value) => /^\d{4}$/.test(value) || (/^\d{4}-\d{2}$/.test(value) && isCalendarDate(`${value}-01`)) || isCalendarDate(value),
  { params: { code: 'invalid_publication_date' }, abort: true },
).meta({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD.' });

/**
 * Kinds of source, from the most to the least formal. An `official_statement` is a public
 * statement of an international organisation or of one of its office-holders (INTERPOL's
 * General Secretariat, a parliamentary rapporteur) that is not an adopted resolution.
 */
export const MISUSE_SOURCE_TYPES = [
  'intergovernmental_resolution', 'official_statement', 'parliamentary_motion', 'court_decision', 'ccf_decision', 'ngo_report', 'academic', 'practitioner', 'news',
] as const;

/** One documented pattern. */
export const misusePatternSchema = z.strictObject({
  id: identifierField(100),
  /** The requesting states concerned. */
  countries: z.array(countryField).min(1).max(50),
  /** What the source documents, in the project's own words. */
  documented: textField(1, 2000),
  /** Who documented it. */
  by: textField(1, 500),
  /** When it was published. */
  published: publicationDate,
  /** Where to read it. */
  url: z.url({ protocol: /^https?$/ }).max(1000).overwrite(stripUnsafeText),
  sourceType: z.enum(MISUSE_SOURCE_TYPES),
  /** How the statement was checked: read in the source itself (`primary`) or only reported (`secondary`). */
  verification: z.enum(VERIFICATION_LEVELS),
});

/** A documented pattern of misuse. */
export type MisusePattern = z.infer<typeof misusePatternSchema>;

/** A file of patterns. */
export const misusePatternFileSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  id: identifierField(64),
  version: z.string().max(64),
  title: textField(1, 500),
  patterns: z.array(misusePatternSchema).max(2000),
});

/**
 * The last day a publication date can stand for (`2019` → `2019-12-31`), so that a pattern
 * counts as of a date only when it was certainly published by then.
 *
 * @example
 * ```ts
 * publishedBy('2019-11'); // '2019-11-30'
 * ```
 */
export function publishedBy(published: string): CalendarDate {
  if (published.length === 10) return published;
  if (published.length === 4) return `${published}-12-31`;
  const [year, month] = published.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${published}-${String(lastDay).padStart(2, '0')}`;
}

/**
 * The patterns documented for `country` and published on or before `asOf`, sorted by id.
 *
 * @example
 * ```ts
 * const patterns: MisusePattern[] = [
 *   { id: 'tr.pace-2017', countries: ['TR'], documented: 'Requests after 2016 targeted critics.', by: 'PACE', published: '2017-04', url: 'https://pace.coe.int/', sourceType: 'parliamentary_motion', verification: 'secondary' },
 * ];
 * patternsFor(patterns, 'TR', '2026-01-01').length; // 1
 * patternsFor(patterns, 'TR', '2017-03-31').length; // 0
 * ```
 */
export function patternsFor(patterns: readonly MisusePattern[], country: string, asOf: CalendarDate): MisusePattern[] {
  return patterns.filter((pattern) => documentedFor(pattern, country, asOf)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Whether some pattern is documented for `country` and published on or before `asOf`: whether
 * `patternsFor` finds one, without listing and sorting them (asked once per notice).
 *
 * @example
 * ```ts
 * const patterns: MisusePattern[] = [
 *   { id: 'tr.pace-2017', countries: ['TR'], documented: 'Requests after 2016 targeted critics.', by: 'PACE', published: '2017-04', url: 'https://pace.coe.int/', sourceType: 'parliamentary_motion', verification: 'secondary' },
 * ];
 * hasPatternFor(patterns, 'TR', '2026-01-01'); // true
 * hasPatternFor(patterns, 'TR', '2017-03-31'); // false
 * ```
 */
export function hasPatternFor(patterns: readonly MisusePattern[], country: string, asOf: CalendarDate): boolean {
  return patterns.some((pattern) => documentedFor(pattern, country, asOf));
}

/** @internal Whether a pattern is documented for `country` and was published on or before `asOf`. */
function documentedFor(pattern: MisusePattern, country: string, asOf: CalendarDate): boolean {
  return pattern.countries.includes(country) && publishedBy(pattern.published) <= asOf;
}
