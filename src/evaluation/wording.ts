/**
 * Words from codes and parameters: fact values in the words of their vocabulary, and the texts
 * written in rule sets (action titles and explanations, deadline bases, factor labels) in a
 * locale with their placeholders filled from an action's `params`. One implementation, used
 * twice: by the evaluation, for the texts a `CaseEvaluation` carries in its own locale, and by
 * `present/`, which words any evaluation in any locale from its codes and parameters.
 *
 * @module
 */
import { ownValue } from '../support/own.js';
import { findFact, type FactValue, type VocabularyName } from '../facts/catalogue.js';
import type { LabelledVocabulary, TextField } from '../locales/catalogue.js';
import { countryName, formatDate } from '../locales/format.js';
import { CATALOGUES, isLocale, localeOfTag, type Locale, type LocaleTag } from '../locales/index.js';
import type { ActionTemplate, DeadlineTemplate, FactorActionTemplate, RuleJson, RuleSetJson } from '../rules/schema.js';
import type { ActionParams } from './result.js';
import { fillPlaceholders, placeholdersOf, textTagFor, type Translations } from '../support/localized-text.js';

/**
 * A vocabulary value in words: a label of the locale for labelled vocabularies, an outcome's
 * label, an action's default title, a country's name (`Intl`); anything unlabelled as it is.
 *
 * @example
 * ```ts
 * vocabularyLabel('protectionStatus', 'none', 'es'); // 'ninguna'
 * vocabularyLabel('noticeDeletionBasis', 'none', 'es'); // 'ninguno'
 * vocabularyLabel('country', 'RU', 'es'); // 'Rusia'
 * ```
 */
export function vocabularyLabel(vocabulary: VocabularyName, value: string | number, locale: Locale): string {
  const catalogue = CATALOGUES[locale];
  const key = String(value);
  if (vocabulary === 'outcome') return ownValue(catalogue.outcomes, key)?.label ?? key;
  if (vocabulary === 'actionCode') return ownValue(catalogue.actionTitles, key) ?? key;
  if (vocabulary === 'country') return countryName(key, locale);
  return ownValue(catalogue.values[vocabulary satisfies LabelledVocabulary] as Readonly<Record<string, string>>, key) ?? key;
}

/**
 * A fact's value as text for placeholders, reports and rule descriptions: unknown and empty
 * lists in words, lists joined, enum values in the words of the fact's vocabulary, countries
 * by name and dates as the locale writes them (`Intl`); numbers as they are.
 *
 * @example
 * ```ts
 * factValueText('notice.offenceCategories', ['private_dispute', 'family_matter'], 'en'); // 'private dispute, family matter'
 * factValueText('notice.protectionStatus', 'none', 'es'); // 'ninguna'
 * factValueText('notice.deletionBasis', 'none', 'es'); // 'ninguno'
 * factValueText('notice.protectionStatus', null, 'es'); // 'se desconoce'
 * factValueText('notice.requestingCountry', 'RU', 'en'); // 'Russia'
 * factValueText('notice.revisionDueOn', '2026-01-31', 'es'); // '31 de enero de 2026'
 * ```
 */
export function factValueText(fact: string, value: FactValue | boolean | null | undefined, locale: Locale): string {
  const { words } = CATALOGUES[locale];
  if (value === undefined || value === null) return words.unknown;
  const definition = findFact(fact);
  if (definition?.type === 'date' && typeof value === 'string') return formatDate(value, locale);
  const vocabulary = definition?.vocabulary;
  const label = (item: string | number | boolean) => (vocabulary === undefined || typeof item === 'boolean' ? String(item) : vocabularyLabel(vocabulary, item, locale));
  if (Array.isArray(value)) return value.length === 0 ? words.none : value.map(label).join(words.listSeparator);
  return label(value as string | number | boolean);
}

/**
 * The default title of an action code in a locale: the locale's title of a bundled code, the
 * code itself for others (a rule set that adds a code must give its title).
 *
 * @example
 * ```ts
 * defaultActionTitle('request_deletion', 'en'); // 'Request deletion from INTERPOL’s files'
 * defaultActionTitle('my_own_code', 'en'); // 'my_own_code'
 * ```
 */
export function defaultActionTitle(code: string, locale: Locale): string {
  return ownValue(CATALOGUES[locale].actionTitles, code) ?? code;
}

/** Told when a text is not written in the language tag asked for, with the tag used instead (`fr` for `fr-CA`, else `en`). */
export type FallbackListener = (field: TextField, used: string) => void;

/** The texts of a rule set that an evaluation words (defined with the catalogue, which names each one). */
export type { TextField } from '../locales/catalogue.js';

/**
 * A text of a rule set in a locale (English where it is not translated, which `onFallback` is
 * told), with its placeholders filled from `params` — and `{factors}` from `factors`, if given.
 *
 * @example
 * ```ts
 * wordText({ en: 'From {notice.requestingCountry}.', es: 'De {notice.requestingCountry}.' }, { 'notice.requestingCountry': 'RU' }, 'es'); // 'De Rusia.'
 * wordText('Unknown: {notice.purpose}.', { 'notice.purpose': null }, 'en'); // 'Unknown: unknown.'
 * ```
 */
export function wordText(
  text: Translations,
  params: ActionParams,
  locale: LocaleTag,
  options: { readonly factors?: string; readonly field?: TextField; readonly onFallback?: FallbackListener | undefined } = {},
): string {
  const used = textTagFor(text, locale);
  if (options.onFallback !== undefined && options.field !== undefined && used !== locale) options.onFallback(options.field, used);
  const words = wordsLocale(locale);
  return fillPlaceholders(typeof text === 'string' ? text : (text[used] ?? text.en), (name) => {
    if (name === 'factors' && options.factors !== undefined) return options.factors;
    return Object.hasOwn(params, name) ? factValueText(name, params[name], words) : undefined;
  });
}

/** @internal The locale whose words a tag takes (a locale itself, at once). */
function wordsLocale(tag: LocaleTag): Locale {
  return isLocale(tag) ? tag : (localeOfTag(tag) ?? 'en');
}

/** The words of an action. */
export interface ActionWords {
  readonly title: string;
  readonly explanation: string;
}

/**
 * The words of a rule's action: its title (the rule's, or the code's default title) and its
 * explanation.
 *
 * @example
 * ```ts
 * wordRuleAction({ code: 'request_deletion', priority: 'high', explanation: { en: 'Write to {notice.requestingCountry}.' } }, { 'notice.requestingCountry': 'RU' }, 'en').title;
 * // 'Request deletion from INTERPOL’s files'
 * ```
 */
export function wordRuleAction(template: ActionTemplate, params: ActionParams, locale: LocaleTag, onFallback?: FallbackListener): ActionWords {
  const title = template.title === undefined ? defaultActionTitle(template.code, wordsLocale(locale)) : wordText(template.title, params, locale, { field: 'action.title', onFallback });
  return { title, explanation: wordText(template.explanation, params, locale, { field: 'action.explanation', onFallback }) };
}

/**
 * @internal The words of texts already made for the evaluation's results, per text (an action
 * template, a factor) and locale, by the values of its placeholders: the bundled rule sets' texts
 * name one to five facts (most only the requesting country), so the same few words were made again
 * and again. A text with no placeholder, or one whose value is a string, is looked up by that
 * value (no key is built: a key for every action cost about what the words cost); others by a key
 * of their values (`wordsKey`). Kept per text and locale up to `WORDS_KEPT` each, then started again.
 */
const wordsMade = new WeakMap<object, Map<Locale, MadeWords>>();

/** @internal The words made of a text in a locale: by the value of its one placeholder, and by the key of several. */
interface MadeWords {
  readonly byValue: Map<string, ActionWords | string>;
  readonly byKey: Map<string, ActionWords | string>;
}

/** @internal How many wordings are kept per text and locale (each way). */
const WORDS_KEPT = 128;

/** @internal A key of the values of some placeholders (strings by length and content: no two lists of values share one). */
function wordsKey(names: readonly string[], params: ActionParams): string {
  let key = '';
  for (const name of names) {
    const value = params[name];
    if (value === null) key += '|-';
    else if (value === undefined) key += '|u';
    else if (typeof value === 'string') key += `|s${value.length}:${value}`;
    else if (typeof value === 'number') key += `|n${value}`;
    else {
      key += `|a${value.length}`;
      for (const item of value) key += `:${item.length}:${item}`;
    }
  }
  return key;
}

/** @internal The words made of `text` in `locale`. */
function madeOf(text: object, locale: Locale): MadeWords {
  let byLocale = wordsMade.get(text);
  if (byLocale === undefined) wordsMade.set(text, (byLocale = new Map()));
  let made = byLocale.get(locale);
  if (made === undefined) byLocale.set(locale, (made = { byValue: new Map(), byKey: new Map() }));
  return made;
}

/** @internal The value a text's words are kept under in `byValue`: '' without placeholders, the value of its one placeholder if a string. */
function singleValue(names: readonly string[], params: ActionParams): string | undefined {
  if (names.length === 0) return '';
  if (names.length > 1) return undefined;
  const value = params[names[0]!];
  return typeof value === 'string' ? value : undefined;
}

/** @internal Keeps words made under `key`. */
function keepWords(kept: Map<string, ActionWords | string>, key: string, words: ActionWords | string): void {
  if (kept.size >= WORDS_KEPT) kept.clear();
  kept.set(key, words);
}

/**
 * @internal `wordRuleAction`, remembered: `names` are the placeholders of the template's texts
 * (each a key of `params`). The words are strings: sharing them shares nothing a caller could change.
 */
export function rememberedRuleActionWords(template: ActionTemplate, names: readonly string[], params: ActionParams, locale: Locale): ActionWords {
  return rememberedWords(template, undefined, names, params, locale) as ActionWords;
}

/** @internal `wordFactorLabel`, remembered: `names` are the placeholders of the label (each a key of `params`). */
export function rememberedFactorLabel(factor: NonNullable<RuleJson['factor']>, names: readonly string[], params: ActionParams, locale: Locale): string {
  return rememberedWords(undefined, factor, names, params, locale) as string;
}

/** @internal The words of an action template, or the label of a factor (one of the two is given), made or remembered. */
function rememberedWords(
  template: ActionTemplate | undefined,
  factor: NonNullable<RuleJson['factor']> | undefined,
  names: readonly string[],
  params: ActionParams,
  locale: Locale,
): ActionWords | string {
  const made = madeOf((template ?? factor)!, locale);
  const single = singleValue(names, params);
  const kept = single === undefined ? made.byKey : made.byValue;
  const key = single ?? wordsKey(names, params);
  let words = kept.get(key);
  if (words === undefined) {
    words = template === undefined ? wordFactorLabel(factor!, params, locale) : wordRuleAction(template, params, locale);
    keepWords(kept, key, words);
  }
  return words;
}

/**
 * The basis of a deadline in words.
 *
 * @example
 * ```ts
 * wordDeadlineBasis({ from: 'notice.ccfDecisionDueOn', basis: 'The CCF’s nine months', citation: 'ccf.statute.art40' }, {}, 'en'); // 'The CCF’s nine months'
 * ```
 */
export function wordDeadlineBasis(template: DeadlineTemplate, params: ActionParams, locale: LocaleTag, onFallback?: FallbackListener): string {
  return wordText(template.basis, params, locale, { field: 'action.deadline.basis', onFallback });
}

/**
 * The words of an action that factor rules support: its title and its explanation, with
 * `{factors}` as the factors' labels.
 *
 * @example
 * ```ts
 * wordFactorAction('challenge_article_3', { priority: 'high', explanation: 'Factors: {factors}.', citations: [] }, ['a', 'b'], {}, 'en').explanation;
 * // 'Factors: a; b.'
 * ```
 */
export function wordFactorAction(
  code: string,
  template: FactorActionTemplate,
  factorLabels: readonly string[],
  params: ActionParams,
  locale: LocaleTag,
  onFallback?: FallbackListener,
): ActionWords {
  const title = template.title === undefined ? defaultActionTitle(code, wordsLocale(locale)) : wordText(template.title, params, locale, { field: 'factorAction.title', onFallback });
  const explanation = wordText(template.explanation, params, locale, { factors: factorLabels.join(CATALOGUES[wordsLocale(locale)].punctuation.semicolon), field: 'factorAction.explanation', onFallback });
  return { title, explanation };
}

/**
 * The label of a factor rule's factor in words.
 *
 * @example
 * ```ts
 * wordFactorLabel({ id: 'x', label: { en: 'Politically active', es: 'Activa en política' }, action: 'challenge_article_3' }, {}, 'es'); // 'Activa en política'
 * ```
 */
export function wordFactorLabel(factor: NonNullable<RuleJson['factor']>, params: ActionParams, locale: LocaleTag, onFallback?: FallbackListener): string {
  return wordText(factor.label, params, locale, { field: 'factor.label', onFallback });
}

/**
 * The placeholders of every text an action of a rule may carry (all locales): what its
 * `params` hold. Sorted, computed once per rule.
 *
 * @example
 * ```ts
 * actionPlaceholders({ action: { code: 'x', priority: 'low', title: 'T', explanation: 'From {notice.requestingCountry}' } } as RuleJson);
 * // ['notice.requestingCountry']
 * ```
 */
export function actionPlaceholders(rule: Pick<RuleJson, 'action' | 'factor'>, factorAction?: FactorActionTemplate): readonly string[] {
  let names = placeholderCache.get(rule);
  if (names === undefined) {
    const texts: Translations[] = [];
    if (rule.action) {
      texts.push(rule.action.explanation);
      if (rule.action.title !== undefined) texts.push(rule.action.title);
      if (rule.action.deadline) texts.push(rule.action.deadline.basis);
    }
    if (rule.factor) texts.push(rule.factor.label);
    names = placeholderNames(texts);
    placeholderCache.set(rule, names);
  }
  if (factorAction === undefined) return names;
  const own = factorActionPlaceholders(factorAction);
  if (own.length === 0) return names;
  let withTemplate = combinedPlaceholders.get(rule);
  if (withTemplate === undefined) combinedPlaceholders.set(rule, (withTemplate = new WeakMap()));
  let combined = withTemplate.get(factorAction);
  if (combined === undefined) withTemplate.set(factorAction, (combined = placeholderNames([], [...names, ...own])));
  return combined;
}

/** @internal The placeholders of a rule's texts and of a factor action's, per rule and template. */
const combinedPlaceholders = new WeakMap<object, WeakMap<FactorActionTemplate, readonly string[]>>();

/** @internal The placeholders of a factor action's own texts (`{factors}` aside), computed once. */
function factorActionPlaceholders(template: FactorActionTemplate): readonly string[] {
  let names = placeholderCache.get(template);
  if (names === undefined) {
    names = placeholderNames([template.explanation, ...(template.title === undefined ? [] : [template.title])]).filter((name) => name !== 'factors');
    placeholderCache.set(template, names);
  }
  return names;
}

/** @internal Placeholder lists, per rule or template object. */
const placeholderCache = new WeakMap<object, readonly string[]>();

/** @internal Sorted distinct placeholder names of some texts (and names already found). */
function placeholderNames(texts: readonly Translations[], more: readonly string[] = []): string[] {
  const names = new Set(more);
  for (const text of texts) for (const name of placeholdersOf(text)) names.add(name);
  return [...names].sort();
}

/**
 * The texts of some rule sets, by rule id and by factor-action code: what `present/` words an
 * evaluation's actions, factors and trace with, in any locale. An evaluator has the texts of its
 * rule sets (`Evaluator.ruleTexts`); `renderReport` uses the bundled ones unless given others.
 */
export interface RuleTexts {
  /** Rules as written, by id. */
  readonly rules: ReadonlyMap<string, RuleJson>;
  /** Templates of the actions that factor rules support, by action code. */
  readonly factorActions: ReadonlyMap<string, FactorActionTemplate>;
}

/**
 * The texts of rule sets as parsed (rule sets later in the list take the place of earlier ones
 * for the same rule id or factor-action code, as `replaces` does in an evaluator).
 *
 * @example
 * ```ts
 * const texts = ruleTextsOf([{ id: 'x', version: '1.0.0', title: 'X', rules: [{ id: 'x.r', title: 'R', citations: ['c'], scope: 'case', effect: 'mandatory', conditions: { all: [] }, escalation: { priority: 'high' } }] }]);
 * texts.rules.get('x.r')?.title; // 'R'
 * ```
 */
export function ruleTextsOf(ruleSets: readonly Pick<RuleSetJson, 'rules' | 'factorActions'>[]): RuleTexts {
  const rules = new Map<string, RuleJson>();
  const factorActions = new Map<string, FactorActionTemplate>();
  for (const ruleSet of ruleSets) {
    for (const rule of ruleSet.rules) rules.set(rule.id, rule);
    for (const [code, template] of Object.entries(ruleSet.factorActions ?? {})) factorActions.set(code, template);
  }
  return { rules, factorActions };
}
