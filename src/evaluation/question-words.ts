/**
 * Words from the parameters of questions and reasons: country codes as names, dates as the
 * locale writes them, events, notice kinds, offences and CCF requests in the words of the
 * catalogue — never a code or an input path. One implementation, used by the evaluation (the
 * questions' texts in its locale) and by `present/` (any evaluation in any locale).
 *
 * @module
 */
import { countryList, countryName, formatDate, joinWords } from '../locales/format.js';
import { CATALOGUES, type Locale } from '../locales/index.js';
import { ownValue } from '../support/own.js';
import { fillPlaceholders } from '../support/localized-text.js';
import { stripUnsafeText } from '../support/safe-text.js';
import type { WordingParams } from './result.js';
import type { QuestionCode } from './vocabulary.js';

/** @internal Parameters that hold a calendar date. */
const DATE_PARAMS = new Set(['date', 'filedOn', 'since', 'grantedOn', 'from', 'to']);
/** @internal Parameters that hold a country code. */
const COUNTRY_PARAMS = new Set(['country', 'requestedCountry']);

/** @internal A list in a locale: `and`, or `or` for a name ending in `.or`. */
function list(words: readonly string[], locale: Locale, disjunction: boolean): string {
  if (!disjunction) return joinWords(words, locale);
  const { or } = CATALOGUES[locale].words;
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')}${or}${words.at(-1)!}`;
}

/**
 * One parameter in words, by its name: countries by name, dates as the locale writes them,
 * events, notice kinds, offences, CCF requests, facts, outcomes and priorities in the words of
 * the catalogue; a name ending in `.or` joins a list with "or". Undefined for a parameter that
 * is not given.
 *
 * @example
 * ```ts
 * wordParam('countries.or', { countries: ['DE', 'FR'] }, 'en'); // 'Germany or France'
 * wordParam('date', { date: '2026-12-05' }, 'es'); // '5 de diciembre de 2026'
 * wordParam('event', { event: 'asylum_denied' }, 'en'); // 'denial of asylum'
 * ```
 */
export function wordParam(name: string, params: WordingParams, locale: Locale): string | undefined {
  const disjunction = name.endsWith('.or');
  const key = disjunction ? name.slice(0, -3) : name;
  const value = ownValue(params, key);
  if (value === undefined) return undefined;
  const catalogue = CATALOGUES[locale];
  if (Array.isArray(value)) {
    if (key === 'countries') return disjunction ? list(value.map((code) => countryName(code, locale)), locale, true) : countryList(value, locale);
    return list(value.map(String), locale, disjunction);
  }
  const text = String(value);
  if (COUNTRY_PARAMS.has(key)) return countryName(text, locale);
  if (DATE_PARAMS.has(key)) return formatDate(text, locale);
  switch (key) {
    case 'event':
      return ownValue(catalogue.asylumEvents, text) ?? text;
    case 'noticeKind':
      return ownValue(catalogue.noticeKindInText, text) ?? text;
    case 'offence':
      return ownValue(catalogue.values.offenceCategory, text) ?? text;
    case 'requestType':
      return ownValue(catalogue.ccfRequestTypes, text) ?? text;
    case 'fact':
      return factLabel(text, locale) ?? catalogue.words.aFact;
    case 'outcome':
      return ownValue(catalogue.outcomes, text)?.label ?? text;
    case 'priority':
      return ownValue(catalogue.priorities, text) ?? text;
    default:
      return text;
  }
}

/**
 * A fact's name in words, with `{kind}` as the notice's kind (a label such as "Diffusion"), or
 * "Red Notice or Diffusion" where no notice is meant; undefined for a fact the locale has no
 * name for.
 *
 * @example
 * ```ts
 * factLabel('notice.protectionStatus', 'en', 'Diffusion'); // 'the protection status bearing on the Diffusion'
 * factLabel('notice.status', 'es'); // 'el estado de la notificación roja o difusión'
 * factLabel('no.such.fact', 'en'); // undefined
 * ```
 */
export function factLabel(fact: string, locale: Locale, kind?: string): string | undefined {
  const catalogue = CATALOGUES[locale];
  const label = ownValue<string>(catalogue.facts, fact);
  return label === undefined ? undefined : fillPlaceholders(label, (name) => (name === 'kind' ? (kind ?? catalogue.words.noticeOrDiffusion) : undefined));
}

/**
 * A template of the catalogue with its placeholders filled from parameters in words
 * (`wordParam`), without control or bidirectional characters; a placeholder without a parameter
 * stays as it is.
 *
 * @example
 * ```ts
 * fillParams('Has {countries.or} confirmed it?', { countries: ['DE'] }, 'en'); // 'Has Germany confirmed it?'
 * ```
 */
export function fillParams(template: string, params: WordingParams, locale: Locale): string {
  // Parameters can hold strings of the case (a notice id): no control character comes out.
  return stripUnsafeText(fillPlaceholders(template, (name) => wordParam(name, params, locale)));
}

/**
 * A question in words, from its code and parameters.
 *
 * @example
 * ```ts
 * wordQuestion('status_confirmation', { countries: ['DE'] }, 'en'); // 'Has Germany confirmed the refugee status to INTERPOL (to the General Secretariat or to the CCF)?'
 * wordQuestion('journalist_or_defender', {}, 'es'); // '¿Es la persona periodista o defensora de derechos humanos?'
 * ```
 */
export function wordQuestion(code: QuestionCode, params: WordingParams, locale: Locale): string {
  return fillParams(CATALOGUES[locale].questions[code], params, locale);
}
