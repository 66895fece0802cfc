import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BUNDLED_RULE_SETS, CATALOGUES, createEvaluator, evaluateCase, evaluateCaseSync, FACT_CATALOGUE, LOCALES, localizeEvaluation, MESSAGES, messagesFor, renderReport } from '../src/index.js';
import { factValueText, vocabularyLabel } from '../src/evaluation/wording.js';
import { minimalRule, minimalRuleSet } from './support/rule-sets.js';

const TEXT_KEYS = new Set(['title', 'description', 'explanation', 'basis', 'label']);

/** The leaves of an object with their key paths (`report › title`, `outcomes › delete › label`…). */
function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object') return [[prefix, value]];
  return Object.entries(value).flatMap(([key, member]) => leaves(member, prefix === '' ? key : `${prefix} › ${key}`));
}

/** Every text of a rule set (title, description, explanation, deadline basis, factor label), with its path. */
function textsOf(value: unknown, path: string): Array<[string, unknown]> {
  if (Array.isArray(value)) return value.flatMap((item, index) => textsOf(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, member]): Array<[string, unknown]> =>
    TEXT_KEYS.has(key) && (typeof member === 'string' || (typeof member === 'object' && member !== null && 'en' in member))
      ? [[`${path}.${key}`, member]]
      : textsOf(member, `${path}.${key}`),
  );
}

const readCase = (name: string): unknown => JSON.parse(readFileSync(new URL(`../examples/cases/${name}.json`, import.meta.url), 'utf8'));

describe('every text exists in every locale', () => {
  test('the message catalogue has the same keys, all non-empty, in every locale', () => {
    const english = leaves(CATALOGUES.en).map(([path]) => path).sort();
    expect(english.length).toBeGreaterThan(200);
    for (const locale of LOCALES) {
      const texts = leaves(CATALOGUES[locale]);
      expect(texts.map(([path]) => path).sort(), locale).toEqual(english);
      // Words are non-empty strings; the two settings of a locale (its direction, whether a legal translator reviewed it) are not words.
      for (const [path, text] of texts) expect(typeof text === 'boolean' || (typeof text === 'string' && text.trim().length > 0), `${locale}: ${path}`).toBe(true);
    }
  });

  test('every text of every bundled rule set is translated into every locale', () => {
    let count = 0;
    for (const ruleSet of BUNDLED_RULE_SETS as Array<{ id: string }>) {
      for (const [path, text] of textsOf(ruleSet, ruleSet.id)) {
        count++;
        expect(typeof text, `${path} is a bare string (English only)`).toBe('object');
        for (const locale of LOCALES) {
          const translated = (text as Record<string, unknown>)[locale];
          expect(typeof translated === 'string' && translated.length > 0, `${path} has no ${locale}`).toBe(true);
        }
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  test('every fact of the catalogue has a name, and every value a label of its own vocabulary, in every locale', () => {
    for (const locale of LOCALES) {
      const catalogue = CATALOGUES[locale];
      for (const fact of FACT_CATALOGUE) {
        expect(catalogue.facts[fact.name], `${locale}: ${fact.name}`).toBeTruthy();
        // Countries stay as codes.
        if (fact.vocabulary === undefined || fact.vocabulary === 'country') continue;
        const labels: object =
          fact.vocabulary === 'outcome' ? catalogue.outcomes : fact.vocabulary === 'actionCode' ? catalogue.actionTitles : catalogue.values[fact.vocabulary];
        for (const value of fact.values ?? []) expect(Object.hasOwn(labels, value), `${locale}: ${fact.name} = ${value}`).toBe(true);
      }
      expect(Object.keys(catalogue.facts).sort()).toEqual(FACT_CATALOGUE.map((fact) => fact.name).sort());
    }
  });

  test('a value is worded by its vocabulary: "none" of a protection status is not "none" of a deletion basis', () => {
    expect(vocabularyLabel('protectionStatus', 'none', 'es')).toBe('ninguna');
    expect(vocabularyLabel('noticeDeletionBasis', 'none', 'es')).toBe('ninguno');
    expect(vocabularyLabel('protectionStatus', 'none', 'en')).toBe('none');
    const report = renderReport(
      evaluateCaseSync({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] }, { asOf: '2026-01-01' }),
      { format: 'text', locale: 'es' },
    );
    expect(report).toContain('Protección: ninguna');
    expect(report).not.toContain('Protección: ninguno');
  });

  test('MESSAGES and messagesFor still work (deprecated: CATALOGUES and CATALOGUES[locale])', () => {
    expect(MESSAGES).toBe(CATALOGUES);
    expect(messagesFor('es')).toBe(CATALOGUES.es);
  });
});

describe('placeholders print values in words', () => {
  test('enum values, lists, unknown and none read as words of the locale; so do countries and dates', () => {
    expect(factValueText('notice.offenceCategories', ['private_dispute', 'family_matter'], 'en')).toBe('private dispute, family matter');
    expect(factValueText('notice.offenceCategories', ['private_dispute', 'family_matter'], 'es')).toBe('controversia privada, asunto de familia');
    expect(factValueText('notice.purpose', undefined, 'es')).toBe('se desconoce');
    expect(factValueText('notice.purpose', null, 'en')).toBe('unknown');
    expect(factValueText('notice.offenceCategories', [], 'en')).toBe('none');
    // Countries by name, dates as the locale writes them.
    expect(factValueText('notice.requestingCountry', 'RU', 'es')).toBe('Rusia');
    expect(factValueText('notice.revisionDueOn', '2026-01-31', 'es')).toBe('31 de enero de 2026');
    expect(factValueText('notice.revisionDueOn', '2026-01-31', 'en')).toBe('31 January 2026');
    expect(vocabularyLabel('offenceCategory', 'constructor', 'en')).toBe('constructor');
  });

  test('an excluded offence category is named in words in the Article 83 action', async () => {
    const input = {
      schemaVersion: 1,
      notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'KZ', purpose: 'prosecution', offences: [{ category: 'private_dispute', maxPenaltyYears: 5 }] }],
      asylum: [],
    };
    for (const [locale, words] of [['en', 'private dispute'], ['es', 'controversia privada']] as const) {
      const evaluation = await evaluateCase(input, { asOf: '2026-01-01', locale });
      const action = evaluation.actions.find((item) => item.ruleId === 'article-83.excluded-category');
      expect(action?.explanation).toContain(`(${words})`);
      expect(action?.explanation).not.toContain('private_dispute');
    }
  });
});

describe("locale 'es' end to end", () => {
  test('every title, explanation, factor label and deadline basis differs from the English one', async () => {
    for (const name of ['detained-journalist-extradition-pending', 'ccf-kept-notice-then-asylum-granted', 'revoked-after-deletion']) {
      const [english, spanish] = await Promise.all(['en', 'es'].map((locale) => evaluateCase(readCase(name), { asOf: '2026-06-30', locale: locale as 'en' | 'es' })));
      expect(spanish!.meta.locale).toBe('es');
      expect(spanish!.actions.length).toBe(english!.actions.length);
      spanish!.actions.forEach((action, index) => {
        const other = english!.actions[index]!;
        expect(action.code).toBe(other.code);
        expect(action.title).not.toBe(other.title);
        expect(action.explanation).not.toBe(other.explanation);
        expect(action.explanation).not.toMatch(/\{[a-zA-Z.]+\}/);
        action.factorDetails?.forEach((factor, position) => expect(factor.label).not.toBe(other.factorDetails![position]!.label));
        if (action.deadline) expect(action.deadline.basis).not.toBe(other.deadline!.basis);
      });
      spanish!.trace.forEach((entry, index) => expect(entry.title).not.toBe(english!.trace[index]!.title));
      // Everything else is the same data.
      const strip = (evaluation: typeof english) =>
        JSON.stringify({
          ...evaluation,
          meta: { ...evaluation!.meta, locale: '' },
          actions: evaluation!.actions.map((action) => action.code),
          notices: evaluation!.notices.map((notice) => ({ ...notice, actions: [] })),
          questions: evaluation!.questions?.map((question) => ({ ...question, text: '' })),
          missingFactDetails: evaluation!.missingFactDetails.map((detail) => ({ ...detail, text: '' })),
          trace: evaluation!.trace.map((entry) => ({ ...entry, title: '' })),
        });
      expect(strip(spanish)).toBe(strip(english));
    }
  });
});

describe('one evaluation, worded in any locale', () => {
  test('an English evaluation worded in Spanish is the Spanish evaluation; its report is the Spanish report', async () => {
    for (const name of ['detained-journalist-extradition-pending', 'ccf-kept-notice-then-asylum-granted', 'revoked-after-deletion', 'two-countries-one-feared']) {
      const [english, spanish] = await Promise.all((['en', 'es'] as const).map((locale) => evaluateCase(readCase(name), { asOf: '2026-06-30', locale })));
      const worded = localizeEvaluation(english!, { locale: 'es' });
      expect(worded.fallbacks).toEqual([]);
      expect(JSON.stringify(worded.evaluation)).toBe(JSON.stringify(spanish));
      expect(JSON.stringify(localizeEvaluation(spanish!, { locale: 'en' }).evaluation)).toBe(JSON.stringify(english));
      for (const format of ['markdown', 'text', 'html'] as const) {
        expect(renderReport(english!, { format, locale: 'es' })).toBe(renderReport(spanish!, { format }));
      }
    }
  });

  test('texts a rule set has only in English are worded in English and listed as fallbacks', async () => {
    const ruleSet = minimalRuleSet('english-only', [
      minimalRule('english-only.review', {
        title: 'Review every diffusion',
        action: { code: 'diffusion_review', priority: 'low', title: 'Review the diffusion', explanation: 'Sent by {notice.requestingCountry} as a {notice.kind}.' },
      }),
    ]);
    const evaluator = createEvaluator({ ruleSets: [ruleSet] });
    const evaluation = await evaluator.evaluate({ schemaVersion: 1, notices: [{ id: 'df-1', kind: 'diffusion', requestingCountry: 'TJ' }], asylum: [] }, { asOf: '2026-01-01' });
    const action = evaluation.actions.find((item) => item.code === 'diffusion_review')!;
    expect(action.params).toEqual({ 'notice.kind': 'diffusion', 'notice.requestingCountry': 'TJ' });
    const { evaluation: spanish, fallbacks } = localizeEvaluation(evaluation, { locale: 'es', ruleTexts: evaluator.ruleTexts });
    const worded = spanish.actions.find((item) => item.code === 'diffusion_review')!;
    // The rule's English text, with the fact values in Spanish words.
    expect(worded.explanation).toBe('Sent by Tayikistán as a Difusión.');
    expect(fallbacks).toEqual([
      { ruleId: 'english-only.review', field: 'action.explanation', locale: 'en' },
      { ruleId: 'english-only.review', field: 'action.title', locale: 'en' },
      { ruleId: 'english-only.review', field: 'title', locale: 'en' },
    ]);
    // Without the evaluator's texts, the rule is unknown to the renderer: its text stays as evaluated (English).
    const unknown = localizeEvaluation(evaluation, { locale: 'es' });
    expect(unknown.evaluation.actions.find((item) => item.code === 'diffusion_review')!.explanation).toBe('Sent by Tajikistan as a Diffusion.');
    expect(unknown.fallbacks).toContainEqual({ ruleId: 'english-only.review', field: 'action.explanation', locale: 'en' });
  });
});
