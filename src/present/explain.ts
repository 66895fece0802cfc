/**
 * A rule in words, for `red-notice-rules explain`: its title and description, where and when it
 * applies, its conditions as nested lists of plain comparisons, what it yields, and its
 * citations with their verification levels.
 *
 * @module
 */
import type { Citation } from '../citations/registry.js';
import { factLabel } from '../evaluation/question-words.js';
import { defaultActionTitle, factValueText } from '../evaluation/wording.js';
import { findFact } from '../facts/catalogue.js';
import type { MessageCatalogue } from '../locales/catalogue.js';
import { CATALOGUES, type Locale } from '../locales/index.js';
import { canonicalFactName } from '../rules/conditions.js';
import { periodInForce } from '../rules/rule-book.js';
import { footprintOf, namedConditionGraph } from '../rules/named-conditions.js';
import type { Condition, RootCondition, RuleJson, RuleSetJson } from '../rules/schema.js';
import { fillPlaceholders, resolveText } from '../support/localized-text.js';
import { wrapWords } from './text.js';
import { ownValue } from '../support/own.js';
import { stripUnsafeText } from '../support/safe-text.js';

const WIDTH = 100;

/** @internal Lines of a wrapped paragraph, indented. */
function paragraph(value: string, indent: string): string[] {
  return wrapWords(value, WIDTH - indent.length).map((line) => indent + line);
}

/** @internal A bullet: "- text", wrapped under the text. */
function bullet(value: string, indent: string): string[] {
  return wrapWords(value, WIDTH - indent.length - 2).map((line, index) => `${indent}${index === 0 ? '- ' : '  '}${line}`);
}

/** @internal A labelled line: "Label: value", wrapped under the value. */
function field(label: string, value: string, colon = ': '): string[] {
  const lines = wrapWords(value, WIDTH - label.length - colon.length);
  return lines.map((line, index) => (index === 0 ? `${label}${colon}${line}` : `${' '.repeat(label.length + colon.length)}${line}`));
}

/** @internal The period a rule is in force (the rule's own and its rule set's, together, as the rule book computes it), in words. */
function period(rule: RuleJson, ruleSet: RuleSetJson, messages: MessageCatalogue): string {
  const { from, to } = periodInForce(rule, ruleSet);
  const words = messages.explain;
  const template = from && to ? words.between : from ? words.from : to ? words.until : words.always;
  return fillPlaceholders(template, (name) => (name === 'from' ? from : name === 'to' ? to : undefined));
}

/**
 * @internal A condition tree as indented lines. A named condition is spelled out where it is
 * first used and named only where it comes again (`shown`), so that the text grows with the
 * rule set, not with the number of paths through its named conditions.
 */
function conditionLines(condition: Condition, named: Readonly<Record<string, Condition>>, indent: string, messages: MessageCatalogue, locale: Locale, shown: Set<string>): string[] {
  const words = messages.explain;
  if ('all' in condition) return [indent + words.allOf, ...condition.all.flatMap((item) => conditionLines(item, named, `${indent}  `, messages, locale, shown))];
  if ('any' in condition) return [indent + words.anyOf, ...condition.any.flatMap((item) => conditionLines(item, named, `${indent}  `, messages, locale, shown))];
  if ('not' in condition) return [indent + words.notThis, ...conditionLines(condition.not, named, `${indent}  `, messages, locale, shown)];
  if ('condition' in condition) {
    const target = Object.hasOwn(named, condition.condition) ? named[condition.condition] : undefined;
    const heading = indent + fillPlaceholders(words.namedCondition, (name) => (name === 'name' ? condition.condition : undefined));
    if (target === undefined || shown.has(condition.condition)) return [heading];
    shown.add(condition.condition);
    return [heading, ...conditionLines(target, named, `${indent}  `, messages, locale, shown)];
  }
  const fact = canonicalFactName(condition);
  const label = factLabel(fact, locale) ?? fact;
  const operator = ownValue<string>(messages.operators, condition.operator) ?? condition.operator;
  const value = factValueText(fact, condition.value as string | number | readonly string[], locale);
  const comparison = condition.operator === 'equal' ? `${label}${messages.punctuation.colon}${value}` : `${label} ${operator} ${value}`;
  return bullet(`${comparison} [${fact}]`, indent);
}

/**
 * A rule in words, in `locale` (fact descriptions and citation summaries are in English): what
 * `red-notice-rules explain` prints.
 *
 * @example
 * ```ts
 * import { BUNDLED_CITATIONS, BUNDLED_RULE_SETS } from '../bundled.js';
 *
 * const ruleSet = BUNDLED_RULE_SETS[0] as RuleSetJson;
 * const text = explainRule(ruleSet.rules.find((rule) => rule.id === 'refugee.2017.delete')!, ruleSet, new Map(Object.entries(BUNDLED_CITATIONS)), 'en');
 * text.split('\n')[0]; // 'refugee.2017.delete — Delete: confirmed refugee, notice from the feared country (resolution GA-2017-86-RES-09)'
 * ```
 */
export function explainRule(rule: RuleJson, ruleSet: RuleSetJson, citations: ReadonlyMap<string, Citation>, locale: Locale): string {
  const messages = CATALOGUES[locale];
  const words = messages.explain;
  const p = messages.punctuation;
  const labelled = (label: string, value: string) => field(label, value, p.colon);
  const named = (ruleSet.conditions ?? {}) as Readonly<Record<string, Condition>>;
  const lines: string[] = [`${rule.id}${p.dash}${resolveText(rule.title, locale)}`, ''];
  lines.push(...labelled(words.ruleSet, `${ruleSet.id} ${ruleSet.version}${p.dash}${resolveText(ruleSet.title, locale)}`));
  lines.push(...labelled(words.scope, messages.scopes[rule.scope]));
  lines.push(...labelled(words.effect, messages.effects[rule.effect]));
  lines.push(...labelled(words.inForce, period(rule, ruleSet, messages)));
  if (rule.description) lines.push('', ...paragraph(resolveText(rule.description, locale), ''));
  lines.push('', `${words.conditions}${p.colon.trimEnd()}`, ...conditionLines(rule.conditions, named, '  ', messages, locale, new Set()));
  if (rule.outcome) {
    const outcome = messages.outcomes[rule.outcome];
    lines.push('', ...labelled(words.outcome, `${outcome.label}${p.openBracket}${rule.outcome}${p.closeBracket}${p.dash}${outcome.meaning}`));
  }
  if (rule.action) {
    const { action } = rule;
    const title = action.title ? resolveText(action.title, locale) : defaultActionTitle(action.code, locale);
    lines.push('', ...labelled(words.action, `${title}${p.openBracket}${action.code}${p.semicolon}${words.priority}${p.colon}${messages.priorities[action.priority]}${p.closeBracket}`));
    lines.push(...paragraph(resolveText(action.explanation, locale), '  '));
    if (action.deadline) {
      const { deadline } = action;
      const count = fillPlaceholders(words.deadlineCount, (name) => (name === 'from' ? deadline.from : name === 'months' ? String(deadline.months ?? 0) : name === 'days' ? String(deadline.days ?? 0) : undefined));
      lines.push(...labelled(`  ${words.deadline}`, `${count}${p.dash}${resolveText(deadline.basis, locale)} [${deadline.citation}]`));
    }
  }
  if (rule.factor) lines.push('', ...labelled(words.factor, `${rule.factor.action}${p.dash}${resolveText(rule.factor.label, locale)}`));
  if (rule.escalation) lines.push('', ...labelled(words.escalation, messages.priorities[rule.escalation.priority]));
  if (rule.exceptionTo) lines.push('', ...labelled(words.exceptionTo, rule.exceptionTo.join(p.comma)));
  if (rule.replaces) lines.push('', ...labelled(words.replaces, rule.replaces));
  lines.push('', `${words.citations}${p.colon.trimEnd()}`);
  for (const id of rule.citations) {
    const citation = citations.get(id);
    if (!citation) {
      lines.push(...bullet(id, '  '));
      continue;
    }
    lines.push(...bullet(`${id} [${messages.verification[citation.verification]}]${p.dash}${citation.instrument}, ${citation.provision}`, '  '));
    if (citation.url) lines.push(`    ${citation.url}`);
  }
  const facts = footprintOf(rule.conditions, namedConditionGraph((ruleSet.conditions ?? {}) as Readonly<Record<string, RootCondition>>).footprints).facts;
  lines.push('', `${words.factsUsed}${p.colon.trimEnd()}`);
  for (const name of [...facts].sort()) {
    // The fact's description is English (the fact catalogue's); other locales give the fact's name in their words.
    const about = locale === 'en' ? (findFact(name)?.description ?? '') : (factLabel(name, locale, messages.words.noticeOrDiffusion) ?? findFact(name)?.description ?? '');
    lines.push(...bullet(`${name}${p.dash}${about}`, '  '));
  }
  // The final guard: rule-set files are read raw here; no control character reaches the terminal.
  return stripUnsafeText(`${lines.join('\n')}\n`);
}
