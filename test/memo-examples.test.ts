import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CATALOGUES, evaluateCaseSync, FACT_CATALOGUE, LOCALES, renderReport, VOCABULARIES, type CaseEvaluation, type Locale, type ReportFormat } from '../src/index.js';
import { isCalendarDate } from '../src/support/dates.js';

/** Every example case, with the date the examples are judged at. */
const EXAMPLES = (JSON.parse(readFileSync(new URL('../examples/examples.json', import.meta.url), 'utf8')) as Array<{ file: string; asOf: string }>).map((example) => ({
  name: example.file.replace(/^cases\/|\.json$/g, ''),
  input: JSON.parse(readFileSync(new URL(`../examples/${example.file}`, import.meta.url), 'utf8')) as unknown,
  asOf: example.asOf,
}));

/** The first page's word budget. */
const FIRST_PAGE_WORDS = 400;

/** The prose of a rendered report: HTML without its head, tags and entities; text with its line wrapping undone; Markdown as it is. */
function prose(rendered: string, format: ReportFormat): string {
  if (format === 'text') return rendered.replace(/\s*\n[\s│•]*/g, ' ');
  if (format !== 'html') return rendered;
  return rendered
    .slice(rendered.indexOf('<body>'))
    .replace(/<details>[\s\S]*?<\/details>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

/** Words: runs of non-space characters with a letter or a digit in them (markup and separators are not words). */
function words(value: string): number {
  return value.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** The month names of a locale, as `Intl` writes them in dates. */
function monthNames(locale: Locale): string[] {
  const format = new Intl.DateTimeFormat(CATALOGUES[locale].intlLocale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, month) => format.format(Date.UTC(2024, month, 1)));
}

/** Every date a text shows, written `YYYY-MM-DD` or in the words of the locale, as `YYYY-MM-DD`. */
function datesShown(value: string, locale: Locale): string[] {
  const months = monthNames(locale);
  // "1er juin 2026": French writes the first of the month as an ordinal.
  const worded = new RegExp(`\\b(\\d{1,2})(?:er)?(?: de)? (${months.join('|')})(?: de)? (\\d{4})\\b`, 'giu');
  const found = [...value.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)].map((match) => match[0]);
  for (const match of value.matchAll(worded)) {
    const month = months.findIndex((name) => name.toLowerCase() === match[2]!.toLowerCase()) + 1;
    found.push(`${match[3]}-${String(month).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`);
  }
  return found;
}

/** The input paths and fact names a report must never show: it words them as questions. */
function rawPaths(evaluation: CaseEvaluation): string[] {
  return [...evaluation.missingFacts.filter((path) => /[.[]/.test(path)), ...FACT_CATALOGUE.map((fact) => fact.name)];
}

describe('every example case, in every format and locale', () => {
  for (const { name, input, asOf } of EXAMPLES) {
    for (const locale of LOCALES) {
      const evaluation = evaluateCaseSync(input, { asOf, locale });
      for (const format of VOCABULARIES.reportFormat) {
        test(`${name}, ${locale}, ${format}: the first page within ${FIRST_PAGE_WORDS} words; no raw path; real dates`, () => {
          const firstPage = prose(renderReport(evaluation, { format, pages: 'first' }), format);
          const full = prose(renderReport(evaluation, { format }), format);
          const count = words(firstPage);
          expect(count, `${name} ${locale} ${format}: ${count} words`).toBeLessThanOrEqual(FIRST_PAGE_WORDS);
          // The full memo starts with the first page, then the appendix.
          const { report } = CATALOGUES[locale];
          expect(full).toContain(report.appendix);
          expect(firstPage).not.toContain(report.appendixNote);
          for (const heading of [report.firstStep, report.outcomesHeading, report.deadlinesHeading, report.questionsHeading]) expect(firstPage).toContain(heading);
          for (const notice of evaluation.notices) {
            expect(firstPage).toContain(notice.noticeId);
            expect(firstPage).toContain(CATALOGUES[locale].outcomes[notice.outcome].label);
          }
          // Every missing fact is a question, never a path.
          for (const path of rawPaths(evaluation)) expect(full, path).not.toContain(path);
          // Every date shown is a calendar date that exists; the date of the assessment is shown in words.
          const dates = datesShown(full, locale);
          expect(dates).toContain(asOf);
          for (const date of dates) expect(isCalendarDate(date), date).toBe(true);
        });
      }
    }
  }

  test('a Diffusion is never called a notice in the library’s own words (quoted rule titles aside)', () => {
    for (const { name, input, asOf } of EXAMPLES) {
      const evaluation = evaluateCaseSync(input, { asOf });
      if (!evaluation.notices.some((notice) => notice.kind === 'diffusion')) continue;
      const firstPage = renderReport(evaluation, { format: 'text', pages: 'first', width: 1000 });
      const own = firstPage.replace(/“[^”]*”/g, '').replace(/Red Notices?/gi, '');
      expect(own, name).not.toMatch(/\bnotices?\b/i);
    }
  });

  test('no tick and no green badge on a negative or merely pending state', () => {
    for (const { input, asOf } of EXAMPLES) {
      const evaluation = evaluateCaseSync(input, { asOf });
      const markdown = renderReport(evaluation, { format: 'markdown' });
      const html = renderReport(evaluation, { format: 'html' });
      for (const notice of evaluation.notices) {
        const label = CATALOGUES.en.outcomes[notice.outcome].label;
        if (notice.outcome !== 'delete') {
          expect(markdown).not.toContain(`**✓ ${label}**`);
          expect(html).not.toContain(`<span class="badge badge-ok">${label}</span>`);
        }
      }
      // A condition that holds carries no tick: "✓ … confirmed to INTERPOL: no" is gone.
      expect(markdown).not.toMatch(/✓ [^*\n]*: no\b/);
    }
  });
});
