import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BUNDLED_RULE_SETS } from '../src/bundled.js';
import { DRAFT_FORMATS, DRAFT_KINDS, renderDraft } from '../src/draft/index.js';
import { CATALOGUES, evaluateCaseSync, LOCALES, localizeEvaluation, renderReport, REPORT_FORMATS, toICalendar, type Locale } from '../src/index.js';
import { DRAFT_CATALOGUES } from '../src/locales/draft/index.js';

/**
 * Issue 15: every example case, rendered in every locale and every format (the memo in
 * Markdown, HTML and text, every draft in Markdown and HTML, the calendar), leaves no placeholder
 * unfilled, and a French or Arabic output holds no English sentence of the library's or of the
 * bundled rule sets' — but for the citation registry's summaries and the documented patterns of
 * misuse, which are data in English (the memo says so), and proper names.
 */

const EXAMPLES = (JSON.parse(readFileSync(new URL('../examples/examples.json', import.meta.url), 'utf8')) as Array<{ file: string; asOf: string }>).map((example) => ({
  name: example.file.replace(/^cases\/|\.json$/g, ''),
  input: JSON.parse(readFileSync(new URL(`../examples/${example.file}`, import.meta.url), 'utf8')) as unknown,
  asOf: example.asOf,
}));

/** Every string leaf of an object. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(strings);
}

/** The English texts of the bundled rule sets (every `en` of a translated text, and bare strings). */
function ruleSetEnglish(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return ['title', 'explanation', 'label', 'basis', 'description'].includes(key) ? [value] : [];
  if (value === null || typeof value !== 'object') return [];
  if (!Array.isArray(value) && typeof (value as { en?: unknown }).en === 'string' && Object.keys(value).every((tag) => /^[a-z]{2}/.test(tag))) return [(value as { en: string }).en];
  return Object.entries(value).flatMap(([name, member]) => ruleSetEnglish(member, Array.isArray(value) ? key : name));
}

/**
 * Fragments of English that would show an untranslated text: the literal parts of every English
 * template (split at its placeholders) of three words or more, unless the other locale writes
 * the same (a proper name, an acronym, an identical phrase).
 */
function englishFragments(locale: Locale): string[] {
  const own = [...strings(CATALOGUES[locale]), ...strings(DRAFT_CATALOGUES[locale]), ...(BUNDLED_RULE_SETS as unknown[]).flatMap((set) => strings(set))].join('\n');
  const english = [...strings(CATALOGUES.en), ...strings(DRAFT_CATALOGUES.en), ...(BUNDLED_RULE_SETS as unknown[]).flatMap((set) => ruleSetEnglish(set))];
  const fragments = new Set<string>();
  for (const template of english) {
    for (const part of template.split(/\{[^}]*\}/)) {
      const fragment = part.trim().replace(/[.:;,]+$/, '');
      if (fragment.split(/\s+/).length >= 3 && fragment.length >= 15 && !own.includes(fragment)) fragments.add(fragment);
    }
  }
  return [...fragments];
}

/** Placeholders left in an output: `{name}`, escaped or not. */
const UNFILLED = /\\?\{[A-Za-z][A-Za-z0-9.]*\\?\}/;

/** An output without the sections that are English data by design: the citations' summaries and the patterns of misuse. */
function withoutEnglishData(output: string, locale: Locale): string {
  const { report } = CATALOGUES[locale];
  const start = output.indexOf(report.citationSection);
  const end = output.lastIndexOf(report.about);
  return start >= 0 && end > start ? output.slice(0, start) + output.slice(end) : output;
}

/** An output as prose: HTML tags, Markdown escapes and line wrapping removed. */
function prose(output: string): string {
  return output
    .replace(/<[^>]+>/g, ' ')
    .replace(/\\([\\`*_[\]<>|~&#!{}])/g, '$1')
    .replace(/\s*\n[\s│•>]*/g, ' ')
    .replace(/[\u2068\u2069]/g, '');
}

/** The Latin-script words of an Arabic HTML memo, outside code runs, links, diagrams and the sections of English data. */
function latinWords(html: string, locale: Locale): string[] {
  const { report } = CATALOGUES[locale];
  let body = html.slice(html.indexOf('<body>'));
  const start = body.indexOf(`<h2>${report.citationSection}</h2>`);
  const end = body.indexOf(`<h2>${report.about}</h2>`);
  if (start >= 0 && end > start) body = body.slice(0, start) + body.slice(end);
  const prose = body
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<a [^>]*>[\s\S]*?<\/a>/g, ' ')
    .replace(/<figure[\s\S]*?<\/figure>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return [...prose.matchAll(/[A-Za-z][A-Za-z0-9-]{2,}/g)].map((match) => match[0]);
}

describe('every example case in every locale and format', () => {
  const fragments = new Map<Locale, string[]>(LOCALES.filter((locale) => locale !== 'en').map((locale) => [locale, englishFragments(locale)] as const));

  test('the check has something to find: English fragments are many, and an English memo shows them', () => {
    const example = EXAMPLES.find((item) => item.name === 'detained-journalist-extradition-pending')!;
    const evaluation = evaluateCaseSync(example.input, { asOf: example.asOf, locale: 'en' });
    const english = prose(renderReport(evaluation, { format: 'markdown' }));
    for (const locale of ['fr', 'ar'] as const) {
      expect(fragments.get(locale)!.length).toBeGreaterThan(300);
      expect(fragments.get(locale)!.filter((fragment) => english.includes(fragment)).length, locale).toBeGreaterThan(20);
    }
  });

  for (const { name, input, asOf } of EXAMPLES) {
    for (const locale of LOCALES) {
      test(`${name}, ${locale}: no placeholder left, no English text unless English`, async () => {
        const evaluation = evaluateCaseSync(input, { asOf, locale });
        expect(localizeEvaluation(evaluation, { locale }).fallbacks).toEqual([]);
        const outputs: Array<[string, string]> = [
          ...REPORT_FORMATS.map((format): [string, string] => [`memo ${format}`, renderReport(evaluation, { format })]),
          ...DRAFT_KINDS.flatMap((kind) => DRAFT_FORMATS.filter((format) => format !== 'docx').map((format): [string, string] => [`${kind} ${format}`, renderDraft(evaluation, { kind, format: format as 'html' })])),
          ['calendar', toICalendar(evaluation)],
        ];
        for (const [what, output] of outputs) {
          expect(UNFILLED.exec(output)?.[0], `${what}: unfilled placeholder`).toBeUndefined();
          const english = fragments.get(locale);
          if (english === undefined) continue;
          const text = prose(withoutEnglishData(output, locale));
          const found = english.filter((fragment) => text.includes(fragment));
          expect(found, `${what}: English text`).toEqual([]);
        }
        if (locale === 'ar') {
          // Arabic prose has no Latin word but those its own words and its rule texts write (resolution numbers, acronyms), the rule sets' ids and the case's notice ids.
          const own = [...strings(CATALOGUES.ar), ...(BUNDLED_RULE_SETS as unknown[]).flatMap((set) => strings(set))].join(' ');
          const ids = new Set([...evaluation.meta.ruleSets.map((ruleSet) => ruleSet.id), ...evaluation.notices.map((notice) => notice.noticeId)]);
          const foreign = latinWords(renderReport(evaluation, { format: 'html' }), 'ar').filter((word) => !ids.has(word) && !own.includes(word));
          expect(foreign, 'Latin words in the Arabic memo').toEqual([]);
        }
        // Draft DOCX is made from the same document as the HTML draft: rendered, it is a zip.
        const docx = await renderDraft(evaluation, { kind: 'ccf_deletion_request', format: 'docx' });
        expect(docx[0]).toBe(0x50);
      });
    }
  }
});
