/**
 * An evaluation worded in any locale, from its codes and parameters: action titles and
 * explanations, deadline bases, factor labels and trace titles come from the rule sets' texts
 * (the bundled ones, or an evaluator's) in the locale asked for, with their placeholders filled
 * from each action's `params`. Where a rule set has no text in that locale, English is used and
 * the fallback is listed; where the rule sets given do not know a rule, the evaluation's own
 * text is kept (and listed when it is in another locale).
 *
 * @module
 */
import { BUNDLED_RULE_SETS } from '../bundled.js';
import type { Action, CaseEvaluation, FactorDetail, NoticeEvaluation, TraceEntry } from '../evaluation/result.js';
import {
  ruleTextsOf,
  wordDeadlineBasis,
  wordFactorAction,
  wordFactorLabel,
  wordRuleAction,
  wordText,
  type RuleTexts,
  type TextField,
} from '../evaluation/wording.js';
import { wordQuestion } from '../evaluation/question-words.js';
import { localeOfTag, type LocaleTag } from '../locales/index.js';
import type { RuleSetJson } from '../rules/schema.js';
import { compareStrings } from '../support/issues.js';

/** A text that is not in the locale asked for: which rule, which text, and the locale it is in. */
export interface TextFallback {
  /** The rule whose text it is (for an action that factor rules support: the action code's first rule). */
  readonly ruleId: string;
  /** Which of its texts. */
  readonly field: TextField;
  /**
   * The language tag of the text used instead: `en` for a text the rule set has not translated,
   * or the evaluation's own locale for a rule the rule sets given do not know. (A text in the
   * same language without the region — `fr` for `fr-CA` — is used without being listed.)
   */
  readonly locale: string;
}

/** An evaluation in a locale, and the texts that could not be put in it. */
export interface LocalizedEvaluation {
  /** The same evaluation, its texts in the locale (and `meta.locale` that locale). */
  readonly evaluation: CaseEvaluation;
  /** The texts in another locale. Sorted by rule id, then field. */
  readonly fallbacks: readonly TextFallback[];
}

/** Options of `localizeEvaluation`. */
export interface LocalizeOptions {
  /**
   * The locale to word the evaluation in, or a regional variant of one (`fr-CA`): the library's
   * words are the locale's, rule-set texts are looked up under the tag, then shorter forms of
   * it, then English.
   */
  readonly locale: LocaleTag;
  /**
   * The texts of the rule sets the evaluation was made with: `evaluator.ruleTexts` for an
   * evaluator with rule sets of its own. Default: the bundled rule sets.
   */
  readonly ruleTexts?: RuleTexts;
}

/** @internal The bundled rule sets' texts, made on first use. */
let bundledTexts: RuleTexts | undefined;

/** @internal The texts of the bundled rule sets (trusted JSON: read without validation). */
export function bundledRuleTexts(): RuleTexts {
  bundledTexts ??= ruleTextsOf(BUNDLED_RULE_SETS as readonly RuleSetJson[]);
  return bundledTexts;
}

/**
 * Words an evaluation in a locale from its codes and parameters — whatever locale it was made
 * in. Everything else is the same data.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync, localizeEvaluation } from 'red-notice-rules';
 *
 * const english = evaluateCaseSync(
 *   { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }] },
 *   { asOf: '2026-01-15' },
 * );
 * const { evaluation, fallbacks } = localizeEvaluation(english, { locale: 'es' });
 * evaluation.actions[0]?.title; // 'Lograr que el Estado de asilo confirme a INTERPOL la condición de refugiado'
 * fallbacks; // []
 * ```
 */
export function localizeEvaluation(evaluation: CaseEvaluation, options: LocalizeOptions): LocalizedEvaluation {
  const { locale } = options;
  const words = localeOfTag(locale);
  if (words === undefined) throw new TypeError('localizeEvaluation: options.locale must be a locale or a variant of one (fr-CA).');
  const texts = options.ruleTexts ?? bundledRuleTexts();
  const fallbacks = new Map<string, TextFallback>();
  // A text in another language is listed; one in the same language without the region (`fr` for `fr-CA`) is not.
  const language = (tag: string) => tag.split('-')[0]!.toLowerCase();
  const fellBack = (ruleId: string, field: TextField, used: string) => {
    if (language(used) !== language(locale)) fallbacks.set(`${ruleId}\u0000${field}`, { ruleId, field, locale: used });
  };
  const localizeAction = (action: Action): Action => wordAction(action, texts, locale, evaluation.meta.locale, fellBack);
  const notices = evaluation.notices.map((notice): NoticeEvaluation => ({ ...notice, actions: notice.actions.map(localizeAction) }));
  const trace = evaluation.trace.map((entry): TraceEntry => {
    const rule = texts.rules.get(entry.ruleId);
    if (rule === undefined) {
      fellBack(entry.ruleId, 'title', evaluation.meta.locale);
      return entry;
    }
    return { ...entry, title: wordText(rule.title, {}, locale, { field: 'title', onFallback: (field, used) => fellBack(entry.ruleId, field, used) }) };
  });
  // Questions are worded from their codes and parameters: in any locale, with no fallback.
  const questions = evaluation.questions?.map((question) => ({ ...question, text: wordQuestion(question.code, question.params, words) }));
  const missingFactDetails = evaluation.missingFactDetails?.map((detail) => ({ ...detail, text: wordQuestion(detail.code, detail.params, words) }));
  return {
    evaluation: {
      ...evaluation,
      meta: { ...evaluation.meta, locale },
      notices,
      actions: evaluation.actions.map(localizeAction),
      ...(questions === undefined ? {} : { questions }),
      ...(missingFactDetails === undefined ? {} : { missingFactDetails }),
      trace,
    },
    fallbacks: [...fallbacks.values()].sort((a, b) => compareStrings(a.ruleId, b.ruleId) || compareStrings(a.field, b.field)),
  };
}

/** @internal One action in a locale; `fellBack` hears of every text not in it. */
function wordAction(
  action: Action,
  texts: RuleTexts,
  locale: LocaleTag,
  madeIn: string,
  fellBack: (ruleId: string, field: TextField, used: string) => void,
): Action {
  const params = action.params ?? {};
  const onFallback = (field: TextField, used: string) => fellBack(action.ruleId, field, used);
  const factorDetails = action.factorDetails?.map((factor): FactorDetail => {
    const definition = texts.rules.get(factor.ruleId)?.factor;
    if (definition === undefined || definition.id !== factor.id) {
      fellBack(factor.ruleId, 'factor.label', madeIn);
      return factor;
    }
    return { ...factor, label: wordFactorLabel(definition, params, locale, (field, used) => fellBack(factor.ruleId, field, used)) };
  });
  // An action that factors make (its rule is a factor rule), or a rule's action that factors support.
  if (action.factors !== undefined && texts.rules.get(action.ruleId)?.action?.code !== action.code) {
    const template = texts.factorActions.get(action.code);
    if (template === undefined) {
      fellBack(action.ruleId, 'factorAction.explanation', madeIn);
      return factorDetails === undefined ? action : { ...action, factorDetails };
    }
    const words = wordFactorAction(action.code, template, (factorDetails ?? []).map((factor) => factor.label), params, locale, onFallback);
    return { ...action, title: words.title, explanation: words.explanation, ...(factorDetails === undefined ? {} : { factorDetails }) };
  }
  const template = texts.rules.get(action.ruleId)?.action;
  if (template === undefined || template.code !== action.code) {
    fellBack(action.ruleId, 'action.explanation', madeIn);
    return action;
  }
  const words = wordRuleAction(template, params, locale, onFallback);
  const deadline =
    action.deadline && template.deadline ? { ...action.deadline, basis: wordDeadlineBasis(template.deadline, params, locale, onFallback) } : action.deadline;
  return { ...action, title: words.title, explanation: words.explanation, ...(deadline === undefined ? {} : { deadline }), ...(factorDetails === undefined ? {} : { factorDetails }) };
}
