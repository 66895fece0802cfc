import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { DRAFT_FORMATS, DRAFT_KINDS, renderDraft } from '../src/draft/index.js';
import { CATALOGUES, evaluateCaseSync, FACT_CATALOGUE, LOCALES, type Locale } from '../src/index.js';
import { DRAFT_CATALOGUES } from '../src/locales/draft/index.js';

const EXAMPLES = (JSON.parse(readFileSync(new URL('../examples/examples.json', import.meta.url), 'utf8')) as Array<{ file: string; asOf: string }>).map((example) => ({
  name: example.file.replace(/^cases\/|\.json$/g, ''),
  input: JSON.parse(readFileSync(new URL(`../examples/${example.file}`, import.meta.url), 'utf8')) as unknown,
  asOf: example.asOf,
}));
const evaluate = (name: string, locale: Locale = 'en') => {
  const example = EXAMPLES.find((item) => item.name === name)!;
  return evaluateCaseSync(example.input, { asOf: example.asOf, locale });
};

/** The text of a DOCX file: the runs of word/document.xml, paragraph by paragraph. */
function docxText(bytes: Uint8Array): { text: string; xml: string } {
  const files = unzipSync(bytes);
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
  const xml = strFromU8(files['word/document.xml']!);
  const text = xml
    .replace(/<w:p[ >]/g, '\n$&')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
  return { text, xml };
}

describe('renderDraft', () => {
  test('a request for deletion: to the CCF, the facts, the grounds with their provisions and verification, the documents, visible placeholders', () => {
    const evaluation = evaluate('detained-journalist-extradition-pending');
    const markdown = renderDraft(evaluation, { kind: 'ccf_deletion_request', format: 'markdown' });
    expect(markdown.split('\n')[0]).toBe('# Request for the deletion of data held by INTERPOL');
    expect(markdown).toContain('DRAFT for the lawyer');
    expect(markdown).toContain('The Commission for the Control of INTERPOL’s Files (CCF)');
    // Unknowns are placeholders that cannot be missed; the CCF's address is one (nothing invented).
    expect(markdown).toContain('**✎ \\[address or online portal: check the CCF’s current instructions\\]**');
    expect(markdown).toContain('**✎ \\[full name, date and place of birth and nationality of the applicant');
    // Facts the evaluation holds.
    expect(markdown).toContain('Lithuania: refugee status granted (since 18 April 2024); persecution feared from Russia.');
    expect(markdown).toContain('The applicant is held in Poland since 21 June 2026 on the strength of the Red Notice rn-ru-1.');
    expect(markdown).toContain('An extradition requested by Russia is pending.');
    expect(markdown).toContain('CCF decision overdue since 1 June 2026 (due 31 May 2026)');
    // Grounds, with pinpoint citations and their verification.
    expect(markdown).toContain('**Under INTERPOL’s refugee provisions, as the rules apply them: Delete once confirmed.**');
    expect(markdown).toContain('**Challenge under Article 3 (political, military, religious or racial character)**');
    expect(markdown).toContain('Constitution of the ICPO-INTERPOL (I/CONS/GA/1956, as amended), Article 3 **✓ primary source**');
    // Every ground's provision carries its verification badge; an unverified one says to check it.
    expect(markdown.match(/\*\*✓ primary source\*\*/g)!.length).toBeGreaterThan(3);
    const provisional = renderDraft(evaluation, { kind: 'provisional_measures', format: 'markdown' });
    expect(provisional).toContain('**❗ unverified — check before filing**');
    // The escalation's provisions (why it is urgent) are not put forward as grounds for deletion.
    const grounds = markdown.slice(markdown.indexOf('## Grounds'), markdown.indexOf('## Documents attached'));
    expect(grounds).not.toContain('Article 37 (provisional measures)');
    // Documents to attach, from the evaluation.
    for (const document of ['the applicant’s identity document, in full (not redacted)', 'the decision of Lithuania granting refugee status, of 18 April 2024', 'the detention order (Poland, since 21 June 2026)', 'evidence of each factor of a political character listed above']) {
      expect(markdown).toContain(document);
    }
    // Open questions, as placeholders.
    expect(markdown).toContain('**✎ \\[to complete: Has Lithuania confirmed the refugee status to INTERPOL (to the General Secretariat or to the CCF)?\\]**');
  });

  test('every example, kind, locale and format: addressed, with placeholders, no raw path, only the evaluation’s citations', async () => {
    const paths = FACT_CATALOGUE.map((fact) => fact.name);
    for (const { name } of EXAMPLES) {
      for (const locale of LOCALES) {
        const evaluation = evaluate(name, locale);
        const rawPaths = [...paths, ...evaluation.missingFacts.filter((path) => /[.[]/.test(path))];
        const words = DRAFT_CATALOGUES[locale];
        for (const kind of DRAFT_KINDS) {
          for (const format of DRAFT_FORMATS) {
            const where = `${name} ${locale} ${kind} ${format}`;
            const rendered = await renderDraft(evaluation, { kind, format });
            // Right-to-left drafts isolate Latin tokens (FSI … PDI, <bdi>): the words are compared without them.
            const shown = typeof rendered !== 'string' ? docxText(rendered).text : format === 'markdown' ? rendered.replace(/\\(.)/g, '$1') : rendered;
            const text = shown.replace(/[\u2068\u2069]|<\/?bdi>/g, '');
            expect(text, where).toContain(words.titles[kind]);
            expect(text, where).toContain(words.ccfName);
            expect(text, where).toContain(words.signature);
            for (const path of rawPaths) expect(text, `${where}: ${path}`).not.toContain(path);
            // A citation shown is one the evaluation has, with its verification in words.
            for (const citation of Object.values(evaluation.citations)) {
              if (text.includes(`${citation.instrument}, ${citation.provision}`)) expect(text, where).toContain(CATALOGUES[locale].verification[citation.verification]);
            }
            if (format === 'html') {
              expect(text.startsWith('<!doctype html>')).toBe(true);
              expect(text).toContain('<mark class="placeholder">');
              expect(text).not.toMatch(/<script/i);
            }
            if (format === 'docx') expect(docxText(rendered as Uint8Array).xml).toContain('<w:highlight w:val="yellow"/>');
          }
        }
      }
    }
  }, 120_000);

  test('a request the rules found no ground for says so instead of arguing one', () => {
    const markdown = renderDraft(evaluate('revoked-after-deletion'), { kind: 'provisional_measures', format: 'markdown' });
    expect(markdown).toContain(DRAFT_CATALOGUES.en.noGrounds.replace(/[[\]]/g, (char) => `\\${char}`));
    const access = renderDraft(evaluate('pending-claim-with-diffusion', 'es'), { kind: 'ccf_access_request', format: 'markdown' });
    expect(access).toContain('la difusión df-ru-1, solicitada por Rusia');
    expect(access).toContain(DRAFT_CATALOGUES.es.otherData);
    expect(access).not.toContain(`## ${DRAFT_CATALOGUES.es.grounds}`);
  });

  test('a DOCX is a Word document whose text is the draft’s, in the locale asked for', async () => {
    const evaluation = evaluate('recognised-refugee-unconfirmed');
    const { text, xml } = docxText(await renderDraft(evaluation, { kind: 'ccf_deletion_request', format: 'docx', locale: 'es' }));
    expect(text).toContain('Solicitud de supresión de datos conservados por INTERPOL');
    expect(text).toContain('Alemania: condición de refugiado reconocida (desde el 1 de marzo de 2023); persecución temida de Tayikistán.');
    expect(text).toContain('[por completar: ¿Ha confirmado Alemania a INTERPOL la condición de refugiado');
    expect(xml).toContain('<w:b/>');
    expect(xml).toContain('w:numId');
  });

  test('an unknown kind, format or locale is a programmer error', () => {
    const evaluation = evaluate('recognised-refugee-unconfirmed');
    expect(() => renderDraft(evaluation, { kind: 'complaint' as 'ccf_access_request', format: 'markdown' })).toThrow(TypeError);
    expect(() => renderDraft(evaluation, { kind: 'ccf_access_request', format: 'pdf' as 'html' })).toThrow(TypeError);
    expect(() => renderDraft(evaluation, { kind: 'ccf_access_request', format: 'html', locale: 'de' as 'en' })).toThrow(TypeError);
  });

  test('the draft words exist in every locale, with the same keys', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([key, member]) => keys(member, `${prefix}.${key}`)) : [prefix];
    for (const locale of LOCALES) {
      expect(keys(DRAFT_CATALOGUES[locale]).sort()).toEqual(keys(DRAFT_CATALOGUES.en).sort());
    }
  });
});
