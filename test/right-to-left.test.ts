import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { renderDraft } from '../src/draft/index.js';
import { CATALOGUES, createEvaluator, evaluateCaseSync, LOCALES, localizeEvaluation, renderReport, toICalendar, type Locale } from '../src/index.js';
import { formatDate } from '../src/locales/format.js';
import { localeOfTag } from '../src/locales/index.js';
import { lookupChain, resolveText } from '../src/support/localized-text.js';
import { minimalRule, minimalRuleSet } from './support/rule-sets.js';
import { TIME_ZONES } from './support/time-zones.js';

const example = (name: string) => {
  const entry = (JSON.parse(readFileSync(new URL('../examples/examples.json', import.meta.url), 'utf8')) as Array<{ file: string; asOf: string }>).find((item) => item.file.includes(name))!;
  return { input: JSON.parse(readFileSync(new URL(`../examples/${entry.file}`, import.meta.url), 'utf8')) as { notices: Array<{ id: string }> }, asOf: entry.asOf };
};
const journalist = example('detained-journalist-extradition-pending');

/** Bidirectional controls other than the isolates the library writes (FSI U+2068, PDI U+2069). */
const FOREIGN_BIDI = /[\u202a-\u202e\u2066\u2067]/;

/** Whether every FSI of each line is closed by a PDI, in order. */
function balancedIsolates(output: string): boolean {
  return output.split('\n').every((line) => {
    let depth = 0;
    for (const char of line) {
      if (char === '\u2068') depth += 1;
      else if (char === '\u2069' && --depth < 0) return false;
    }
    return depth === 0;
  });
}

describe('Arabic memos read right to left, their ids, dates and citations isolated', () => {
  const evaluation = evaluateCaseSync(journalist.input, { asOf: journalist.asOf, locale: 'ar' });
  const noticeId = journalist.input.notices[0]!.id;

  test('HTML: the page is dir="rtl" lang="ar"; ids, dates and citations are isolated by <bdi>', () => {
    const html = renderReport(evaluation, { format: 'html' });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(`<code><bdi>${noticeId}</bdi></code>`);
    expect(html).toContain(`<strong><bdi>${formatDate(journalist.asOf, 'ar')}</bdi></strong>`);
    const citation = evaluation.actions.flatMap((action) => action.citations)[0]!;
    expect(html).toContain(`<code><bdi>${citation}</bdi></code>`);
    // No noncharacter and no bidirectional control is left: isolation is markup.
    expect(html).not.toMatch(/[\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069]/);
    // Every <bdi> is closed.
    expect(html.split('<bdi>').length).toBe(html.split('</bdi>').length);
  });

  test('Markdown and text: FSI … PDI around the same, balanced on every line', () => {
    for (const format of ['markdown', 'text'] as const) {
      const output = renderReport(evaluation, { format });
      expect(output, format).toContain(`\u2068${noticeId}\u2069`);
      expect(output, format).toContain(`\u2068${formatDate(journalist.asOf, 'ar')}\u2069`);
      expect(FOREIGN_BIDI.test(output), format).toBe(false);
      expect(balancedIsolates(output), format).toBe(true);
    }
    const draft = renderDraft(evaluation, { kind: 'ccf_deletion_request', format: 'markdown' });
    expect(draft).toContain(`\u2068${noticeId}\u2069`);
    expect(balancedIsolates(draft)).toBe(true);
  });

  test('left-to-right memos carry no isolation marks (their output is as before)', () => {
    for (const locale of ['en', 'es', 'fr'] as const) {
      const english = evaluateCaseSync(journalist.input, { asOf: journalist.asOf, locale });
      for (const format of ['markdown', 'text', 'html'] as const) expect(renderReport(english, { format }), `${locale} ${format}`).not.toMatch(/[\u2068\u2069]|<bdi>|[\ufdd0-\ufdef]/);
      expect(renderReport(english, { format: 'html' })).toContain(`<html lang="${locale}" dir="ltr">`);
    }
  });

  test('bidirectional controls in a case are still removed; only the library’s own isolates reach the output', () => {
    const hostileId = 'df-1\u202e\u2066\u2068x\u2069\u2067y\ufdd0z\ufdd1';
    const hostile = JSON.parse(JSON.stringify(journalist.input).replaceAll(JSON.stringify(journalist.input.notices[0]!.id), JSON.stringify(hostileId))) as unknown;
    const result = evaluateCaseSync(hostile, { asOf: journalist.asOf, locale: 'ar' });
    // The evaluation keeps the case's id as given (data in, data out).
    expect(result.notices[0]!.noticeId).toBe(hostileId);
    for (const format of ['markdown', 'text', 'html'] as const) {
      const output = renderReport(result, { format });
      expect(FOREIGN_BIDI.test(output), format).toBe(false);
      expect(output, format).not.toMatch(/[\ufdd0-\ufdef]/);
      // The id is written cleaned — its own isolates and the noncharacters removed — inside the library's marks.
      expect(output, format).toContain(format === 'html' ? '<code><bdi>df-1xyz</bdi></code>' : '\u2068df-1xyz\u2069');
      if (format !== 'html') expect(balancedIsolates(output), format).toBe(true);
      else expect(output).not.toMatch(/[\u2068\u2069]/);
    }
  });
});

describe('Arabic Word drafts are right to left', () => {
  test('paragraphs are bidirectional and their text runs right to left; an English draft has neither', async () => {
    const documentXml = async (locale: Locale) => {
      const evaluation = evaluateCaseSync(journalist.input, { asOf: journalist.asOf, locale });
      return strFromU8(unzipSync(await renderDraft(evaluation, { kind: 'ccf_deletion_request', format: 'docx' }))['word/document.xml']!);
    };
    const arabic = await documentXml('ar');
    expect(arabic).toContain('<w:bidi/>');
    expect(arabic).toContain('<w:rtl/>');
    const english = await documentXml('en');
    expect(english).not.toContain('<w:bidi/>');
    expect(english).not.toContain('<w:rtl/>');
  });
});

describe('dates in the words of each locale, the calendar day never shifted', () => {
  test('French writes the first of the month "1er", other days as Intl does', () => {
    expect(formatDate('2026-06-01', 'fr')).toBe('1er juin 2026');
    expect(formatDate('2026-06-02', 'fr')).toBe('2 juin 2026');
    expect(formatDate('2026-06-01', 'en')).toBe('1 June 2026');
    expect(formatDate('2026-06-01', 'es')).toBe('1 de junio de 2026');
    const memo = renderReport(evaluateCaseSync(journalist.input, { asOf: journalist.asOf, locale: 'fr' }), { format: 'markdown' });
    // The CCF's decision fell due 31 May 2026: overdue since the first of June.
    expect(memo).toContain('depuis le 1er juin 2026');
  });

  test('Arabic dates use the Arabic month names with Latin digits (ar-u-nu-latn)', () => {
    expect(formatDate('2026-12-05', 'ar')).toBe('5 ديسمبر 2026');
  });

  const originalZone = process.env.TZ;
  afterAll(() => {
    if (originalZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalZone;
  });

  TIME_ZONES.forEach(([zone, inEffect], index) => {
    test(`in ${zone}, every locale writes the day, month and year of the calendar date`, () => {
      process.env.TZ = zone;
      expect(inEffect()).toBe(true);
      // A year of its own per zone: dates are worded once and kept, so each zone words new ones.
      const year = 2001 + index;
      const months = (locale: Locale) => Array.from({ length: 12 }, (_, month) => new Intl.DateTimeFormat(CATALOGUES[locale].intlLocale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, month, 1)));
      for (const locale of LOCALES) {
        const names = months(locale);
        for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += 86_400_000) {
          const date = new Date(time).toISOString().slice(0, 10);
          const [y, m, d] = date.split('-').map(Number) as [number, number, number];
          const words = formatDate(date, locale);
          const day = d === 1 ? CATALOGUES[locale].firstDayOfMonth : String(d);
          expect(words.split(/[\s,]+/), `${zone} ${locale} ${date}: ${words}`).toContain(day);
          expect(words, `${zone} ${locale} ${date}`).toContain(names[m - 1]!);
          expect(words, `${zone} ${locale} ${date}`).toContain(String(y));
        }
      }
    });
  });
});

describe('rule-set texts in any BCP 47 tag, English last', () => {
  test('the lookup chain drops subtags one by one, then English', () => {
    expect(lookupChain('fr-CA')).toEqual(['fr-CA', 'fr', 'en']);
    expect(lookupChain('zh-Hant-TW')).toEqual(['zh-Hant-TW', 'zh-Hant', 'zh', 'en']);
    expect(lookupChain('de-x-legal')).toEqual(['de-x-legal', 'de', 'en']);
    expect(resolveText({ en: 'Delete', fr: 'Supprimer', 'fr-CA': 'Radier' }, 'fr-CA')).toBe('Radier');
    expect(resolveText({ en: 'Delete', fr: 'Supprimer' }, 'fr-CA')).toBe('Supprimer');
    expect(resolveText({ en: 'Delete', de: 'Löschen' }, 'fr-CA')).toBe('Delete');
    expect(localeOfTag('ar-EG')).toBe('ar');
    expect(localeOfTag('de')).toBeUndefined();
  });

  const ruleSet = minimalRuleSet(
    'regional',
    [
      minimalRule('regional.review', {
        title: { en: 'Review the diffusion', fr: 'Examiner la diffusion', 'fr-CA': 'Réviser la diffusion', de: 'Die Fahndung prüfen' },
        action: {
          code: 'human_review',
          priority: 'low',
          title: { en: 'Have a lawyer review it', fr: 'Faire examiner par un avocat' },
          explanation: { en: 'Sent by {notice.requestingCountry}.' },
        },
      }),
    ],
    { title: { en: 'Regional texts', 'fr-CA': 'Textes régionaux' } },
  );

  test('a rule set may carry texts in any language; a report in fr-CA uses fr-CA, then fr, then English, and lists what fell back', async () => {
    const evaluator = createEvaluator({ ruleSets: [ruleSet] });
    const evaluation = await evaluator.evaluate({ schemaVersion: 1, notices: [{ id: 'df-1', kind: 'diffusion', requestingCountry: 'TJ' }], asylum: [] }, { asOf: '2026-01-01' });
    const { evaluation: worded, fallbacks } = localizeEvaluation(evaluation, { locale: 'fr-CA', ruleTexts: evaluator.ruleTexts });
    expect(worded.meta.locale).toBe('fr-CA');
    expect(worded.trace.find((entry) => entry.ruleId === 'regional.review')!.title).toBe('Réviser la diffusion');
    const action = worded.actions.find((item) => item.ruleId === 'regional.review')!;
    expect(action.title).toBe('Faire examiner par un avocat');
    // The English text, with the fact's value in French words.
    expect(action.explanation).toBe('Sent by Tadjikistan.');
    // Listed: the text in another language. Not listed: the French text used for Canadian French, nor any bundled text (all in French).
    expect(fallbacks).toEqual([{ ruleId: 'regional.review', field: 'action.explanation', locale: 'en' }]);
    // The memo says so, in French, naming the languages.
    const memo = renderReport(evaluation, { format: 'markdown', locale: 'fr-CA', ruleTexts: evaluator.ruleTexts });
    expect(memo).toContain(`## ${CATALOGUES.fr.report.fallbacksHeading}`);
    expect(memo).toContain('Ces textes des jeux de règles n’existent pas en français canadien');
    expect(memo).toContain('`regional.review`, explication de l’action (anglais)');
    expect(memo).not.toContain('`regional.review`, titre de l’action');
    // In German — not a locale of the library — there is no memo, but the texts are there.
    expect(() => renderReport(evaluation, { format: 'markdown', locale: 'de' as 'fr' })).toThrow(TypeError);
  });

  test('a memo with every text in its language has no such section', () => {
    const evaluation = evaluateCaseSync(journalist.input, { asOf: journalist.asOf, locale: 'fr' });
    expect(renderReport(evaluation, { format: 'markdown' })).not.toContain(CATALOGUES.fr.report.fallbacksHeading);
  });
});

describe('translations not yet reviewed by a legal translator say so', () => {
  test('the memo, its first page, the drafts: a footer in es, fr and ar, none in English', () => {
    for (const locale of LOCALES) {
      const evaluation = evaluateCaseSync(journalist.input, { asOf: journalist.asOf, locale });
      const note = CATALOGUES[locale].report.translationNotReviewed;
      const outputs = [renderReport(evaluation, { format: 'markdown' }), renderReport(evaluation, { format: 'text', pages: 'first', width: 1000 }), renderDraft(evaluation, { kind: 'ccf_deletion_request', format: 'html' })];
      for (const output of outputs) {
        if (locale === 'en') expect(output).not.toContain(note);
        else expect(output.replace(/[\u2068\u2069]|<\/?bdi>/g, ''), locale).toContain(note);
      }
      expect(CATALOGUES[locale].reviewedByLegalTranslator).toBe(locale === 'en');
    }
  });

  test('the calendar keeps working in every locale and tag', () => {
    const evaluation = evaluateCaseSync(journalist.input, { asOf: journalist.asOf });
    for (const locale of [...LOCALES, 'fr-CA', 'ar-EG'] as const) expect(toICalendar(evaluation, { locale })).toContain('BEGIN:VEVENT');
  });
});
