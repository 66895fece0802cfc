/**
 * Validation of one rule-set file: the zod schema, then every check that needs the fact
 * catalogue, the operators or the citation registry. Returns issues as data; never throws.
 *
 * @module
 */
import type { Citation } from '../citations/registry.js';
import { FACT_CATALOGUE, findFact, type FactDefinition } from '../facts/catalogue.js';
import { customFactsOf, type CustomFact } from '../facts/custom.js';
import { RULE_SET_ISSUE_CODES, type RuleSetIssueCode } from '../errors.js';
import { makeIssue } from '../locales/issues.js';
import { compareIssues, formatPath, type Issue, type IssueParams, type PathSegment, type SafeFailure } from '../support/issues.js';
import { snapshotJson } from '../support/json-scan.js';
import type { LocalizedText } from '../locales/index.js';
import { placeholdersOf } from '../support/localized-text.js';
import { ownValue } from '../support/own.js';
import { mapZodIssues, type ZodIssueMapping } from '../support/zod-issues.js';
import { canonicalFactName } from './conditions.js';
import { footprintOf, namedConditionGraph, referencesIn } from './named-conditions.js';
import type { ConditionValue, OperatorDefinition } from './operators.js';
import {
  IDENTIFIER_PATTERN,
  RULE_SET_LIMITS,
  ruleSetSchema,
  type CitationsByValue,
  type Condition,
  type Effective,
  type FactCondition,
  type RootCondition,
  type RuleJson,
  type RuleSetJson,
} from './schema.js';
import { ACTION_CODES, type Scope } from './vocabulary.js';

/** What a rule set is checked against. */
export interface RuleSetContext {
  /** Citation ids a rule may cite. */
  readonly citations: ReadonlyMap<string, Citation>;
  /** Operators a condition may use. */
  readonly operators: ReadonlyMap<string, OperatorDefinition>;
}

/** Result of validating one rule set: the parsed rule set (and any warnings), or the issues. */
export type RuleSetValidationResult = { readonly success: true; readonly ruleSet: RuleSetJson; readonly issues: readonly Issue[] } | SafeFailure;

const builtInActionCodes: ReadonlySet<string> = new Set(ACTION_CODES);

/** @internal What the checker needs of a fact, of the catalogue or of a rule set's own. */
type FactInfo = Pick<FactDefinition, 'scope' | 'type' | 'values' | 'source'> & { readonly name: string };

/** @internal Namespaces a rule set cannot take: the catalogue's groups of facts, and names that reach prototypes. */
const RESERVED_NAMESPACES: ReadonlySet<string> = new Set([...FACT_CATALOGUE.map((fact) => fact.name.slice(0, fact.name.indexOf('.'))), 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);

/** @internal Keys that look like language tags may be shown in paths (they are the rule set's, never a case's). */
const revealLanguageTag = (key: string) => /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(key);

/** @internal Names of languages, to tell a known language from a tag that is only well formed (`undefined` where the platform has none). */
let languageNames: Intl.DisplayNames | null | undefined;

/**
 * What is wrong with a key of a text in several languages, if anything: not a BCP 47 language
 * tag, or not in its canonical form (an error: the text would never be used), or a tag of no
 * known language (a warning).
 *
 * @example
 * ```ts
 * languageTagProblem('pt-BR'); // undefined
 * languageTagProblem('PT-br'); // { code: 'invalid_language_tag', canonical: 'pt-BR' }
 * languageTagProblem('x_y'); // { code: 'invalid_language_tag' }
 * languageTagProblem('xx'); // { code: 'unknown_language_tag' }
 * ```
 */
export function languageTagProblem(key: string): { readonly code: 'invalid_language_tag' | 'unknown_language_tag'; readonly canonical?: string } | undefined {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(key)[0];
  } catch {
    return { code: 'invalid_language_tag' };
  }
  if (canonical === undefined) return { code: 'invalid_language_tag' };
  if (canonical !== key) return { code: 'invalid_language_tag', canonical };
  if (languageNames === undefined) {
    try {
      languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    } catch {
      languageNames = null;
    }
  }
  const language = new Intl.Locale(canonical).language;
  if (languageNames !== null && languageNames.of(language) === undefined) return { code: 'unknown_language_tag' };
  return undefined;
}

/** @internal Rule-set ids and citation ids may be shown in paths. */
const revealIdentifier = (key: string) => IDENTIFIER_PATTERN.test(key);

/** @internal How zod's issues become rule-set issues. */
const ruleSetIssueMapping: ZodIssueMapping<string> = {
  makeIssue,
  unknownKeyVariant: 'ruleSet',
  customCodes: RULE_SET_ISSUE_CODES,
  revealKey: revealIdentifier,
};

/**
 * Validates one rule set against the schema, the fact catalogue, the operators and the
 * citations in `context`. Errors make `success` false; warnings do not.
 *
 * @example
 * ```ts
 * import { BUNDLED_CITATIONS } from '../bundled.js';
 * import { BUILT_IN_OPERATORS } from './operators.js';
 *
 * const context = { citations: new Map(Object.entries(BUNDLED_CITATIONS)), operators: BUILT_IN_OPERATORS };
 * const result = validateRuleSetIn({ id: 'mine', version: '1.0.0', title: 'Mine', rules: [] }, context);
 * result.success; // false
 * result.issues.map((issue) => [issue.path, issue.code]); // [['rules', 'too_few_items']]
 * ```
 */
export function validateRuleSetIn(json: unknown, context: RuleSetContext): RuleSetValidationResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { success: false, issues: [makeIssue('not_an_object', '', { variant: 'ruleSet' })] };
  }
  // The input read once into plain data: what is checked is what is compiled.
  const scanned = snapshotJson(json, { characters: RULE_SET_LIMITS.characters, depth: RULE_SET_LIMITS.depth });
  if (!scanned.success) return { success: false, issues: scanned.issues };
  const parsed = ruleSetSchema.safeParse(scanned.value);
  if (!parsed.success) {
    return { success: false, issues: dedupe(mapZodIssues(parsed.error.issues, scanned.value, ruleSetIssueMapping)).sort(compareIssues) };
  }
  const issues = new RuleSetChecker(parsed.data, context).check();
  const success = !issues.some((item) => item.severity === 'error');
  return success ? { success, ruleSet: parsed.data, issues } : { success, issues };
}

/**
 * The facts a rule-set file declares of its own, read for `red-notice-rules types`: the file
 * must have the rule-set format and its declarations must be right; its rules are not checked
 * (their citations may be in files the command is not given).
 *
 * @example
 * ```ts
 * const result = ruleSetFactsOf({ id: 'firm.ncb', version: '1.0.0', title: 'NCB', namespace: 'firm', facts: { informed: { scope: 'notice', type: 'boolean' } }, rules: [{ id: 'firm.a', title: 'A', citations: ['x'], scope: 'notice', effect: 'mandatory', conditions: { all: [] }, action: { code: 'human_review', priority: 'low', explanation: 'E' } }] });
 * result.success && result.facts.map((fact) => fact.name); // ['firm.informed']
 * ```
 */
export function ruleSetFactsOf(json: unknown): { readonly success: true; readonly facts: readonly CustomFact[] } | SafeFailure {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { success: false, issues: [makeIssue('not_an_object', '', { variant: 'ruleSet' })] };
  const scanned = snapshotJson(json, { characters: RULE_SET_LIMITS.characters, depth: RULE_SET_LIMITS.depth });
  if (!scanned.success) return { success: false, issues: scanned.issues };
  const parsed = ruleSetSchema.safeParse(scanned.value);
  if (!parsed.success) return { success: false, issues: dedupe(mapZodIssues(parsed.error.issues, scanned.value, ruleSetIssueMapping)).sort(compareIssues) };
  const issues = new RuleSetChecker(parsed.data, { citations: new Map(), operators: new Map() }).declarations();
  return issues.length > 0 ? { success: false, issues } : { success: true, facts: customFactsOf(parsed.data) };
}

/** @internal Removes exact duplicates (zod may report one problem twice through unions). */
function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((item) => {
    const key = `${item.path}\u0000${item.code}\u0000${item.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** @internal The checks beyond the schema, for one parsed rule set. */
class RuleSetChecker {
  private readonly issues: Issue[] = [];
  /** The rule set's own facts, by name. */
  private readonly ownFacts: ReadonlyMap<string, FactInfo>;

  constructor(
    private readonly ruleSet: RuleSetJson,
    private readonly context: RuleSetContext,
  ) {
    this.ownFacts = new Map(customFactsOf(ruleSet).map((fact) => [fact.name, fact]));
  }

  /** A fact of the catalogue, or of the rule set's own. */
  private fact(name: string): FactInfo | undefined {
    return findFact(name) ?? this.ownFacts.get(name);
  }

  /** Only the declarations of the rule set's facts, checked. */
  declarations(): Issue[] {
    this.checkFactDeclarations();
    return this.issues.sort(compareIssues);
  }

  /** The rule set's namespace and its facts: a namespace of its own, the values of enum facts. */
  private checkFactDeclarations(): void {
    const { namespace, facts } = this.ruleSet;
    if (namespace !== undefined && RESERVED_NAMESPACES.has(namespace)) this.add('invalid_fact_declaration', ['namespace'], { variant: 'reservedNamespace' });
    if (facts === undefined) return;
    if (namespace === undefined && Object.keys(facts).length > 0) this.add('invalid_fact_declaration', ['facts'], { variant: 'namespace' });
    for (const [key, declaration] of Object.entries(facts)) {
      if (declaration.type === 'enum' && declaration.values === undefined) this.add('invalid_fact_declaration', ['facts', key, 'values'], { variant: 'values' });
      if (declaration.type !== 'enum' && declaration.values !== undefined) this.add('invalid_fact_declaration', ['facts', key, 'values'], { variant: 'valuesNotEnum' });
    }
  }

  check(): Issue[] {
    const { ruleSet } = this;
    this.checkEffective(ruleSet.effective, ['effective']);
    this.checkLanguageTags(ruleSet.title, ['title']);
    this.checkLanguageTags(ruleSet.description, ['description']);
    this.checkFactDeclarations();
    const named = ruleSet.conditions ?? {};
    this.checkNamedConditions(named);
    for (const [name, condition] of Object.entries(named)) {
      // Named conditions are checked for the widest scope; each use is checked for its rule's scope.
      this.checkCondition(condition, ['conditions', name], 'notice', false);
    }
    for (const [code, template] of Object.entries(ruleSet.factorActions ?? {})) {
      const at: PathSegment[] = ['factorActions', code];
      template.citations.forEach((id, i) => this.checkCitation(id, [...at, 'citations', i]));
      if (template.citations.length === 0) this.add('uncited_rule', [...at, 'citations'], { variant: 'factorAction' });
      if (!builtInActionCodes.has(code) && template.title === undefined) this.add('action_title_required', [...at, 'title']);
      this.checkPlaceholders(template.title, [...at, 'title'], 'notice', true);
      this.checkPlaceholders(template.explanation, [...at, 'explanation'], 'notice', true);
      this.checkCitationsByValue(template.citationsByValue, [...at, 'citationsByValue'], 'notice');
    }
    const seen = new Map<string, number>();
    ruleSet.rules.forEach((rule, index) => {
      const at: PathSegment[] = ['rules', index];
      const previous = seen.get(rule.id);
      if (previous !== undefined) {
        this.add('duplicate_rule_id', [...at, 'id'], { other: `rules[${previous}]` });
      } else {
        seen.set(rule.id, index);
      }
      this.checkRule(rule, at);
    });
    return this.issues.sort(compareIssues);
  }

  private add(code: RuleSetIssueCode, segments: readonly PathSegment[], params?: IssueParams): void {
    this.issues.push(makeIssue(code, formatPath(segments, (key) => revealIdentifier(key) || revealLanguageTag(key)), params));
  }

  private checkEffective(effective: Effective | undefined, at: readonly PathSegment[]): void {
    if (effective?.from !== undefined && effective.to !== undefined && effective.to < effective.from) {
      this.add('effective_range_inverted', [...at, 'to']);
    }
  }

  private checkRule(rule: RuleJson, at: readonly PathSegment[]): void {
    this.checkEffective(rule.effective, [...at, 'effective']);
    if (rule.citations.length === 0) {
      this.add('uncited_rule', [...at, 'citations']);
    }
    rule.citations.forEach((id, i) => this.checkCitation(id, [...at, 'citations', i]));
    this.checkCondition(rule.conditions, [...at, 'conditions'], rule.scope, true);

    if (rule.effect === 'factor') {
      if (rule.factor === undefined) this.add('factor_rule_without_factor', at);
      for (const field of ['outcome', 'action', 'escalation'] as const) {
        if (rule[field] !== undefined) this.add('factor_rule_with_output', [...at, field]);
      }
    } else {
      if (rule.factor !== undefined) this.add('factor_without_factor_effect', [...at, 'factor']);
      if (rule.outcome === undefined && rule.action === undefined && rule.escalation === undefined) {
        this.add('rule_has_no_effect', at);
      }
    }
    if (rule.outcome !== undefined && rule.scope !== 'notice') {
      this.add('outcome_outside_notice_scope', [...at, 'outcome']);
    }
    if (rule.outcome !== undefined && readsResultFacts(rule.conditions, this.ruleSet.conditions ?? {})) {
      this.add('outcome_from_result_facts', [...at, 'outcome']);
    }
    if (rule.exceptionTo?.includes(rule.id)) {
      this.add('exception_to_self', [...at, 'exceptionTo']);
    }
    this.checkTexts(rule, at);
    if (rule.action) {
      if (!builtInActionCodes.has(rule.action.code) && rule.action.title === undefined) this.add('action_title_required', [...at, 'action', 'title']);
      const deadline = rule.action.deadline;
      if (deadline) {
        const fact = this.fact(deadline.from);
        if (fact === undefined) {
          this.add('unknown_fact', [...at, 'action', 'deadline', 'from']);
        } else if (fact.type !== 'date') {
          this.add('deadline_fact_not_a_date', [...at, 'action', 'deadline', 'from']);
        } else if (fact.scope === 'notice' && rule.scope === 'case') {
          this.add('fact_out_of_scope', [...at, 'action', 'deadline', 'from']);
        }
        this.checkCitation(deadline.citation, [...at, 'action', 'deadline', 'citation']);
      }
      this.checkCitationsByValue(rule.action.citationsByValue, [...at, 'action', 'citationsByValue'], rule.scope);
    }
  }

  /** Citations that follow a fact's values: an enum or enum-list fact in scope, its values, known citations. */
  private checkCitationsByValue(list: readonly CitationsByValue[] | undefined, at: readonly PathSegment[], scope: Scope): void {
    list?.forEach((entry, i) => {
      const here = [...at, i];
      const fact = findFact(entry.fact);
      if (fact === undefined) {
        this.add('unknown_fact', [...here, 'fact']);
      } else if (fact.type !== 'enum' && fact.type !== 'enum-list') {
        this.add('citations_fact_not_enumerable', [...here, 'fact'], { type: fact.type });
      } else if (fact.scope === 'notice' && scope === 'case') {
        this.add('fact_out_of_scope', [...here, 'fact']);
      }
      for (const [value, ids] of Object.entries(entry.citations)) {
        if (fact?.values !== undefined && !fact.values.includes(value)) {
          this.add('value_not_allowed', [...here, 'citations', value], fact.values.length <= 30 ? { variant: 'allowed', fact: fact.name, allowed: fact.values.join(', ') } : { fact: fact.name });
        }
        ids.forEach((id, k) => this.checkCitation(id, [...here, 'citations', value, k]));
      }
    });
  }

  private checkTexts(rule: RuleJson, at: readonly PathSegment[]): void {
    const texts: Array<[LocalizedText | undefined, PathSegment[]]> = [
      [rule.title, [...at, 'title']],
      [rule.description, [...at, 'description']],
      [rule.action?.title, [...at, 'action', 'title']],
      [rule.action?.explanation, [...at, 'action', 'explanation']],
      [rule.action?.deadline?.basis, [...at, 'action', 'deadline', 'basis']],
      [rule.factor?.label, [...at, 'factor', 'label']],
    ];
    for (const [text, path] of texts) this.checkPlaceholders(text, path, rule.scope, false);
  }

  /** The keys of a text in several languages: BCP 47 language tags, in their canonical form, of known languages. */
  private checkLanguageTags(text: LocalizedText | undefined, path: readonly PathSegment[]): void {
    if (text === undefined || typeof text === 'string') return;
    for (const key of Object.keys(text)) {
      const problem = languageTagProblem(key);
      if (problem === undefined) continue;
      if (problem.code === 'invalid_language_tag') this.add('invalid_language_tag', [...path, key], problem.canonical === undefined ? undefined : { variant: 'canonical', canonical: problem.canonical });
      else this.issues.push(makeIssue('unknown_language_tag', formatPath([...path, key], revealLanguageTag), undefined, 'warning'));
    }
  }

  private checkPlaceholders(text: LocalizedText | undefined, path: readonly PathSegment[], scope: Scope, factorsAllowed: boolean): void {
    if (text === undefined) return;
    this.checkLanguageTags(text, path);
    for (const name of placeholdersOf(text)) {
      if (name === 'factors' && factorsAllowed) continue;
      const fact = this.fact(name);
      if (fact === undefined) {
        this.add('unknown_placeholder', path, factorsAllowed ? { variant: 'factorAction', placeholder: `{${name}}` } : { placeholder: `{${name}}` });
      } else if (fact.scope === 'notice' && scope === 'case') {
        this.add('fact_out_of_scope', path, { variant: 'placeholder', placeholder: `{${name}}` });
      }
    }
  }

  private checkCitation(id: string, at: readonly PathSegment[]): void {
    if (!this.context.citations.has(id)) {
      this.add('unknown_citation', at);
    }
  }

  /**
   * Cycles among named conditions, and the size of every named condition and rule once
   * references are expanded: past `RULE_SET_LIMITS.expandedDepth` or (for the rule set)
   * `RULE_SET_LIMITS.expandedComparisons`, the rule set is too large. Nothing is expanded.
   */
  private checkNamedConditions(named: Readonly<Record<string, RootCondition>>): void {
    const graph = namedConditionGraph(named);
    for (const cycle of graph.cycles) this.add('condition_reference_cycle', ['conditions', cycle[0]!], { cycle: cycle.join(' → ') });
    // A named condition too deep is reported where the depth first passes the limit (not at every name above it).
    const tooDeep = (name: string) => graph.footprints.get(name)!.depth > RULE_SET_LIMITS.expandedDepth;
    for (const name of graph.order) {
      if (tooDeep(name) && !referencesIn(named[name]!).some((target) => graph.footprints.has(target) && tooDeep(target))) {
        this.add('rule_set_too_large', ['conditions', name], { variant: 'depth', limit: RULE_SET_LIMITS.expandedDepth });
      }
    }
    let comparisons = 0;
    this.ruleSet.rules.forEach((rule, index) => {
      const footprint = footprintOf(rule.conditions, graph.footprints);
      if (footprint.depth > RULE_SET_LIMITS.expandedDepth) {
        this.add('rule_set_too_large', ['rules', index, 'conditions'], { variant: 'depth', limit: RULE_SET_LIMITS.expandedDepth });
      }
      const before = comparisons;
      comparisons += footprint.comparisons;
      if (before <= RULE_SET_LIMITS.expandedComparisons && comparisons > RULE_SET_LIMITS.expandedComparisons) {
        this.add('rule_set_too_large', ['rules', index, 'conditions'], { variant: 'comparisons', limit: RULE_SET_LIMITS.expandedComparisons });
      }
    });
  }

  private checkCondition(condition: Condition, at: readonly PathSegment[], scope: Scope, followReferences: boolean): void {
    if ('all' in condition) {
      condition.all.forEach((child, i) => this.checkCondition(child, [...at, 'all', i], scope, followReferences));
    } else if ('any' in condition) {
      condition.any.forEach((child, i) => this.checkCondition(child, [...at, 'any', i], scope, followReferences));
    } else if ('not' in condition) {
      this.checkCondition(condition.not, [...at, 'not'], scope, followReferences);
    } else if ('condition' in condition) {
      const named = this.ruleSet.conditions ?? {};
      const target = ownValue(named, condition.condition);
      if (target === undefined) {
        this.add('unknown_condition_reference', [...at, 'condition']);
      } else if (followReferences && scope === 'case') {
        // A case-scoped rule must not reach notice facts through a named condition.
        for (const fact of namedConditionGraph(named).footprints.get(condition.condition)?.facts ?? []) {
          if (this.fact(fact)?.scope === 'notice') {
            this.add('fact_out_of_scope', [...at, 'condition'], { variant: 'namedCondition', fact });
            break;
          }
        }
      }
    } else {
      this.checkFactCondition(condition, at, scope);
    }
  }

  private checkFactCondition(
    condition: FactCondition,
    at: readonly PathSegment[],
    scope: Scope,
  ): void {
    const name = canonicalFactName(condition);
    const fact = this.fact(name);
    if (fact === undefined) {
      this.add('unknown_fact', [...at, condition.path === undefined ? 'fact' : 'path']);
      return;
    }
    if (fact.scope === 'notice' && scope === 'case') {
      this.add('fact_out_of_scope', [...at, 'fact']);
    }
    const operator = this.context.operators.get(condition.operator);
    if (operator === undefined) {
      this.add('unknown_operator', [...at, 'operator']);
      return;
    }
    if (!operator.factTypes.includes(fact.type)) {
      this.add('operator_not_for_fact', [...at, 'operator'], { type: fact.type });
      return;
    }
    const problem = valueProblem(operator, fact, condition.value);
    if (problem !== undefined) this.add('value_not_allowed', [...at, 'value'], problem);
  }
}

/**
 * Whether a condition reads a result fact (what other rules decided), through named conditions too.
 *
 * @example
 * ```ts
 * readsResultFacts({ all: [{ fact: 'notice.outcome', operator: 'equal', value: 'delete' }] }, {}); // true
 * ```
 */
export function readsResultFacts(condition: Condition, named: Readonly<Record<string, RootCondition>>): boolean {
  for (const name of footprintOf(condition, namedConditionGraph(named).footprints).facts) if (findFact(name)?.source === 'result') return true;
  return false;
}

/** @internal Why a value does not fit an operator and a fact (the params of `value_not_allowed`), if it does not. */
function valueProblem(operator: OperatorDefinition, fact: FactInfo, value: ConditionValue): IssueParams | undefined {
  const itemType = fact.type === 'enum-list' ? 'enum' : fact.type;
  const fits = (item: string | number | boolean): boolean => {
    switch (itemType) {
      case 'enum':
        return typeof item === 'string' && (fact.values?.includes(item) ?? false);
      case 'number':
        return typeof item === 'number';
      case 'date':
        return typeof item === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(item);
      default:
        return false;
    }
  };
  const allowed = fact.values && fact.values.length <= 30 ? { allowed: fact.values.join(', ') } : undefined;
  if (operator.valueKind === 'list') {
    if (!Array.isArray(value)) return { variant: 'list' };
    const bad = (value as readonly (string | number | boolean)[]).findIndex((item) => !fits(item));
    if (bad === -1) return undefined;
    return allowed ? { variant: 'itemAllowed', item: bad, fact: fact.name, ...allowed } : { variant: 'item', item: bad, fact: fact.name };
  }
  if (Array.isArray(value)) return { variant: 'single' };
  if (fits(value as string | number | boolean)) return undefined;
  return allowed ? { variant: 'allowed', fact: fact.name, ...allowed } : { fact: fact.name };
}

/** An issue of one rule set among several: the rule set's name (`source`), and the issue with its path inside that set. */
export interface SourcedIssue {
  /** How the caller names the rule set: `[2]`, `bundled[0]`, a file name. */
  readonly source: string;
  /** The issue; its path is inside the rule set. */
  readonly issue: Issue;
}

/** Result of validating rule sets together. */
export type RuleSetsValidation =
  | {
      readonly success: true;
      /** The rule sets, parsed, in order. */
      readonly ruleSets: readonly RuleSetJson[];
      /** Rules taken out by a `replaces`: rule id → the id of the rule that replaces it. */
      readonly replacedBy: ReadonlyMap<string, string>;
      readonly issues: readonly SourcedIssue[];
    }
  | { readonly success: false; readonly issues: readonly SourcedIssue[] };

/**
 * An issue's path under the path of its rule set: `[1]` and `rules[0].id` make `[1].rules[0].id`.
 *
 * @example
 * ```ts
 * inSource('bundled[0]', { code: 'x', path: 'rules[0].id', message: 'm', severity: 'error' }).path; // 'bundled[0].rules[0].id'
 * inSource('[2]', { code: 'x', path: '', message: 'm', severity: 'error' }).path; // '[2]'
 * ```
 */
export function inSource(source: string, issue: Issue): Issue {
  return { ...issue, path: pathIn(source, issue.path) };
}

/** @internal A path inside a rule set, under the rule set's own path. */
function pathIn(source: string, path: string): string {
  if (source === '') return path;
  return path === '' ? source : path.startsWith('[') ? `${source}${path}` : `${source}.${path}`;
}

/**
 * Validates rule sets: each on its own, then together — duplicate ids across sets, factor
 * actions, replacements, and `exceptionTo` that dangles, crosses scopes or passes, or forms a
 * cycle once replacements are applied. Each issue names its rule set as `sourceOf` names it
 * (messages that refer to another rule set do too), so that paths are right where they are made.
 *
 * @example
 * ```ts
 * import { BUNDLED_CITATIONS, BUNDLED_RULE_SETS } from '../bundled.js';
 * import { BUILT_IN_OPERATORS } from './operators.js';
 *
 * const result = validateRuleSets(BUNDLED_RULE_SETS, { citations: new Map(Object.entries(BUNDLED_CITATIONS)), operators: BUILT_IN_OPERATORS }, (index) => `bundled[${index}]`);
 * result.success; // true
 * result.issues; // []
 * ```
 */
export function validateRuleSets(ruleSets: readonly unknown[], context: RuleSetContext, sourceOf: (index: number) => string): RuleSetsValidation {
  const found: Array<SourcedIssue & { readonly set: number }> = [];
  const parsed: RuleSetJson[] = [];
  const positions: number[] = [];
  ruleSets.forEach((json, index) => {
    const result = validateRuleSetIn(json, context);
    for (const issue of result.issues) found.push({ set: index, source: sourceOf(index), issue });
    if (result.success) {
      parsed.push(result.ruleSet);
      positions.push(index);
    }
  });
  // The checks across rule sets run on every set that loads, so that no error hides another; a
  // reference that finds no rule may point into a set that did not load, and is then not reported.
  const complete = parsed.length === ruleSets.length;
  for (const item of crossSetIssues(parsed, (set) => sourceOf(positions[set]!))) {
    if (complete || !REFERENCE_CODES.has(item.issue.code)) found.push({ ...item, set: positions[item.set]! });
  }
  // In the order of the rule sets, then by path within each.
  const issues = found.sort((a, b) => a.set - b.set || compareIssues(a.issue, b.issue)).map(({ source, issue }): SourcedIssue => ({ source, issue }));
  if (parsed.length !== ruleSets.length || issues.some(({ issue }) => issue.severity === 'error')) return { success: false, issues };
  return { success: true, ruleSets: parsed, replacedBy: replacements(parsed), issues };
}

/** @internal Codes of references that find nothing: not reported while some rule set does not load (the target may be there). */
const REFERENCE_CODES: ReadonlySet<string> = new Set(['unknown_exception_target', 'unknown_replacement_target', 'unknown_factor_action']);

/**
 * The rule that finally stands in for `id` after replacements (itself when not replaced). The
 * replacement graph has been checked for cycles.
 *
 * @example
 * ```ts
 * finalReplacement('a', new Map([['a', 'b'], ['b', 'c']])); // 'c'
 * finalReplacement('x', new Map()); // 'x'
 * ```
 */
export function finalReplacement(id: string, replacedBy: ReadonlyMap<string, string>): string {
  let current = id;
  for (let step = 0; step < replacedBy.size + 1; step++) {
    const next = replacedBy.get(current);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

/**
 * @internal Checks that span rule sets: duplicate ids, factor actions, replacements, and
 * exceptions (dangling, across scopes or passes, cyclic — once replacements are applied).
 */
function crossSetIssues(ruleSets: readonly RuleSetJson[], sourceOf: (index: number) => string): Array<SourcedIssue & { readonly set: number }> {
  const issues: Array<SourcedIssue & { readonly set: number }> = [];
  const error = (set: number, segments: readonly PathSegment[], code: RuleSetIssueCode, params?: IssueParams) =>
    issues.push({ set, source: sourceOf(set), issue: makeIssue(code, formatPath(segments, revealIdentifier), params) });
  const setIds = new Map<string, number>();
  const rules = new Map<string, { set: number; index: number; rule: RuleJson }>();
  ruleSets.forEach((ruleSet, set) => {
    const previous = setIds.get(ruleSet.id);
    if (previous !== undefined) error(set, ['id'], 'duplicate_rule_set_id', { other: sourceOf(previous) });
    else setIds.set(ruleSet.id, set);
    ruleSet.rules.forEach((rule, index) => {
      const existing = rules.get(rule.id);
      if (existing !== undefined && existing.set !== set) {
        error(set, ['rules', index, 'id'], 'duplicate_rule_id', { variant: 'acrossSets', other: pathIn(sourceOf(existing.set), `rules[${existing.index}]`), ruleSet: ruleSets[existing.set]!.id });
      } else if (existing === undefined) {
        rules.set(rule.id, { set, index, rule });
      }
    });
  });
  const namespaces = new Map<string, number>();
  ruleSets.forEach((ruleSet, set) => {
    if (ruleSet.namespace === undefined || ruleSet.facts === undefined) return;
    const previous = namespaces.get(ruleSet.namespace);
    if (previous !== undefined) error(set, ['namespace'], 'duplicate_namespace', { other: sourceOf(previous) });
    else namespaces.set(ruleSet.namespace, set);
  });
  const factorActions = new Map<string, number>();
  // Action codes that rules give: a factor may support one of them instead of a factor action.
  const ruleActionCodes = new Set(ruleSets.flatMap((ruleSet) => ruleSet.rules.flatMap((rule) => (rule.action ? [rule.action.code] : []))));
  ruleSets.forEach((ruleSet, set) => {
    for (const code of Object.keys(ruleSet.factorActions ?? {})) {
      const previous = factorActions.get(code);
      if (previous !== undefined) error(set, ['factorActions', code], 'duplicate_factor_action', { other: sourceOf(previous) });
      else factorActions.set(code, set);
    }
  });
  const stageOf = (set: number, rule: RuleJson) => (readsResultFacts(rule.conditions, ruleSets[set]!.conditions ?? {}) ? 2 : 1);
  // Replacements: a rule may take the place of a rule of another set, once.
  const replacedBy = new Map<string, string>();
  ruleSets.forEach((ruleSet, set) => {
    ruleSet.rules.forEach((rule, index) => {
      if (rule.replaces === undefined) return;
      const at = ['rules', index, 'replaces'];
      const target = rules.get(rule.replaces);
      if (target === undefined) error(set, at, 'unknown_replacement_target');
      else if (target.set === set) error(set, at, 'replacement_in_same_set');
      else if (target.rule.scope !== rule.scope) error(set, at, 'replacement_scope_mismatch');
      else if (replacedBy.has(rule.replaces)) error(set, at, 'duplicate_replacement', { rule: replacedBy.get(rule.replaces)! });
      else replacedBy.set(rule.replaces, rule.id);
    });
  });
  for (const start of [...replacedBy.keys()].sort()) {
    const seen = new Set<string>([start]);
    let current = replacedBy.get(start);
    while (current !== undefined) {
      if (seen.has(current)) {
        const entry = rules.get(start)!;
        error(entry.set, ['rules', entry.index, 'id'], 'replacement_cycle', { rule: start });
        break;
      }
      seen.add(current);
      current = replacedBy.get(current);
    }
  }
  ruleSets.forEach((ruleSet, set) => {
    ruleSet.rules.forEach((rule, index) => {
      if (rule.factor !== undefined && !factorActions.has(rule.factor.action) && !ruleActionCodes.has(rule.factor.action)) {
        error(set, ['rules', index, 'factor', 'action'], 'unknown_factor_action');
      }
      rule.exceptionTo?.forEach((target, position) => {
        const at = ['rules', index, 'exceptionTo', position];
        const found = rules.get(target);
        if (found === undefined) error(set, at, 'unknown_exception_target');
        else if (found.rule.scope !== rule.scope) error(set, at, 'exception_scope_mismatch');
        else if (stageOf(found.set, found.rule) !== stageOf(set, rule)) error(set, at, 'exception_across_passes');
      });
    });
  });
  // Cycles in the exception graph, as it stands once replacements are applied.
  const standing = (id: string) => !replacedBy.has(id);
  const targetsOf = (rule: RuleJson) =>
    (rule.exceptionTo ?? []).map((target) => finalReplacement(target, replacedBy)).filter((target) => target !== rule.id && rules.has(target));
  // Depth first with an explicit stack: an exception chain of any length is a loop, not a call stack.
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of [...rules.keys()].sort()) {
    if (!standing(start) || state.has(start)) continue;
    const stack: Array<{ id: string; targets: string[]; next: number }> = [{ id: start, targets: targetsOf(rules.get(start)!.rule), next: 0 }];
    state.set(start, 'visiting');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next >= top.targets.length) {
        stack.pop();
        state.set(top.id, 'done');
        continue;
      }
      const target = top.targets[top.next++]!;
      const mark = state.get(target);
      if (mark === 'done') continue;
      const entry = rules.get(target)!;
      if (mark === 'visiting') {
        const cycle = [...stack.slice(stack.findIndex((item) => item.id === target)).map((item) => item.id), target];
        error(entry.set, ['rules', entry.index, 'exceptionTo'], 'exception_cycle', { cycle: cycle.join(' → ') });
        continue;
      }
      state.set(target, 'visiting');
      stack.push({ id: target, targets: targetsOf(entry.rule), next: 0 });
    }
  }
  return issues;
}

/**
 * @internal The replacements of valid rule sets (checked by `crossSetIssues`): rule id → the id
 * of the rule that replaces it.
 */
function replacements(ruleSets: readonly RuleSetJson[]): Map<string, string> {
  const replacedBy = new Map<string, string>();
  for (const ruleSet of ruleSets) for (const rule of ruleSet.rules) if (rule.replaces !== undefined) replacedBy.set(rule.replaces, rule.id);
  return replacedBy;
}
