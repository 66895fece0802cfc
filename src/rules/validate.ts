/**
 * Validation of one rule-set file: the zod schema, then every check that needs the fact
 * catalogue, the operators or the citation registry. Returns issues as data; never throws.
 *
 * @module
 */
import type { Citation } from '../citations/registry.js';
import { findFact, type FactDefinition } from '../facts/catalogue.js';
import { compareIssues, formatPath, type Issue, type PathSegment } from '../support/issues.js';
import { snapshotJson } from '../support/json-scan.js';
import { placeholdersOf, type LocalizedText } from '../support/localized-text.js';
import { ownValue } from '../support/own.js';
import { mapZodIssues, type ZodIssueMapping } from '../support/zod-issues.js';
import { canonicalFactName } from './conditions.js';
import type { ConditionValue, OperatorDefinition } from './operators.js';
import {
  ACTION_CODES,
  IDENTIFIER_PATTERN,
  RULE_SET_CHECK_MESSAGES,
  RULE_SET_LIMITS,
  ruleSetSchema,
  type Condition,
  type Effective,
  type FactCondition,
  type RootCondition,
  type RuleJson,
  type RuleSetJson,
} from './schema.js';

/** What a rule set is checked against. */
export interface RuleSetContext {
  /** Citation ids a rule may cite. */
  readonly citations: ReadonlyMap<string, Citation>;
  /** Operators a condition may use. */
  readonly operators: ReadonlyMap<string, OperatorDefinition>;
}

/** Result of validating one rule set. */
export type RuleSetValidation =
  | { readonly success: true; readonly ruleSet: RuleSetJson; readonly issues: readonly Issue[] }
  | { readonly success: false; readonly issues: readonly Issue[] };

const builtInActionCodes: ReadonlySet<string> = new Set(ACTION_CODES);

/** @internal Rule-set ids and citation ids may be shown in paths. */
const revealIdentifier = (key: string) => IDENTIFIER_PATTERN.test(key);

/** @internal How zod's issues become rule-set issues. */
const ruleSetIssueMapping: ZodIssueMapping<string> = {
  customMessages: RULE_SET_CHECK_MESSAGES,
  unknownKeyMessage: 'This key is not part of the rule-set format.',
  revealKey: revealIdentifier,
};

/**
 * Validates one rule set against the schema, the fact catalogue, the operators and the
 * citations in `context`. Errors make `success` false; warnings do not.
 *
 * @example
 * ```ts
 * const result = validateRuleSetIn(json, context);
 * if (!result.success) console.table(result.issues);
 * ```
 */
export function validateRuleSetIn(json: unknown, context: RuleSetContext): RuleSetValidation {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { success: false, issues: [{ code: 'not_an_object', path: '', message: 'A rule set must be a JSON object.', severity: 'error' }] };
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

  constructor(
    private readonly ruleSet: RuleSetJson,
    private readonly context: RuleSetContext,
  ) {}

  check(): Issue[] {
    const { ruleSet } = this;
    this.checkEffective(ruleSet.effective, ['effective']);
    const named = ruleSet.conditions ?? {};
    this.checkNamedConditionCycles(named);
    for (const [name, condition] of Object.entries(named)) {
      // Named conditions are checked for the widest scope; each use is checked for its rule's scope.
      this.checkCondition(condition, ['conditions', name], 'notice', false);
    }
    for (const [code, template] of Object.entries(ruleSet.factorActions ?? {})) {
      const at: PathSegment[] = ['factorActions', code];
      template.citations.forEach((id, i) => this.checkCitation(id, [...at, 'citations', i]));
      if (template.citations.length === 0) this.add('uncited_rule', [...at, 'citations'], 'A factor action must cite at least one provision.');
      if (!builtInActionCodes.has(code) && template.title === undefined) {
        this.add('action_title_required', [...at, 'title'], 'An action with a code of its own needs a title.');
      }
      this.checkPlaceholders(template.title, [...at, 'title'], 'notice', true);
      this.checkPlaceholders(template.explanation, [...at, 'explanation'], 'notice', true);
    }
    const seen = new Map<string, number>();
    ruleSet.rules.forEach((rule, index) => {
      const at: PathSegment[] = ['rules', index];
      const previous = seen.get(rule.id);
      if (previous !== undefined) {
        this.add('duplicate_rule_id', [...at, 'id'], `Rule ids must be unique; rules[${previous}] has the same id.`);
      } else {
        seen.set(rule.id, index);
      }
      this.checkRule(rule, at);
    });
    return this.issues.sort(compareIssues);
  }

  private add(code: string, segments: readonly PathSegment[], message: string, severity: 'error' | 'warning' = 'error'): void {
    this.issues.push({ code, path: formatPath(segments, revealIdentifier), message, severity });
  }

  private checkEffective(effective: Effective | undefined, at: readonly PathSegment[]): void {
    if (effective?.from !== undefined && effective.to !== undefined && effective.to < effective.from) {
      this.add('effective_range_inverted', [...at, 'to'], 'The end of the period in force is before its start.');
    }
  }

  private checkRule(rule: RuleJson, at: readonly PathSegment[]): void {
    this.checkEffective(rule.effective, [...at, 'effective']);
    if (rule.citations.length === 0) {
      this.add('uncited_rule', [...at, 'citations'], 'Every rule must cite at least one provision from the citation registry.');
    }
    rule.citations.forEach((id, i) => this.checkCitation(id, [...at, 'citations', i]));
    this.checkCondition(rule.conditions, [...at, 'conditions'], rule.scope, true);

    if (rule.effect === 'factor') {
      if (rule.factor === undefined) this.add('factor_rule_without_factor', at, 'A rule with effect "factor" must name its factor.');
      for (const field of ['outcome', 'action', 'escalation'] as const) {
        if (rule[field] !== undefined) this.add('factor_rule_with_output', [...at, field], 'A factor rule only adds a factor; it never decides an outcome or an action on its own.');
      }
    } else {
      if (rule.factor !== undefined) this.add('factor_without_factor_effect', [...at, 'factor'], 'Only a rule with effect "factor" may name a factor.');
      if (rule.outcome === undefined && rule.action === undefined && rule.escalation === undefined) {
        this.add('rule_has_no_effect', at, 'A rule must yield an outcome, an action or an escalation.');
      }
    }
    if (rule.outcome !== undefined && rule.scope !== 'notice') {
      this.add('outcome_outside_notice_scope', [...at, 'outcome'], 'Only notice-scoped rules decide an outcome.');
    }
    if (rule.outcome !== undefined && readsResultFacts(rule.conditions, this.ruleSet.conditions ?? {})) {
      this.add('outcome_from_result_facts', [...at, 'outcome'], 'A rule that reads what other rules decided (notice.outcome, notice.actionCodes) cannot decide an outcome itself.');
    }
    if (rule.exceptionTo?.includes(rule.id)) {
      this.add('exception_to_self', [...at, 'exceptionTo'], 'A rule cannot be an exception to itself.');
    }
    this.checkTexts(rule, at);
    if (rule.action) {
      if (!builtInActionCodes.has(rule.action.code) && rule.action.title === undefined) {
        this.add('action_title_required', [...at, 'action', 'title'], 'An action with a code of its own needs a title.');
      }
      const deadline = rule.action.deadline;
      if (deadline) {
        const fact = findFact(deadline.from);
        if (fact === undefined) {
          this.add('unknown_fact', [...at, 'action', 'deadline', 'from'], 'No derived fact has this name.');
        } else if (fact.type !== 'date') {
          this.add('deadline_fact_not_a_date', [...at, 'action', 'deadline', 'from'], 'A deadline counts from a date fact.');
        } else if (fact.scope === 'notice' && rule.scope === 'case') {
          this.add('fact_out_of_scope', [...at, 'action', 'deadline', 'from'], 'A case-scoped rule cannot use a notice fact.');
        }
        this.checkCitation(deadline.citation, [...at, 'action', 'deadline', 'citation']);
      }
    }
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

  private checkPlaceholders(text: LocalizedText | undefined, path: readonly PathSegment[], scope: 'case' | 'notice', factorsAllowed: boolean): void {
    if (text === undefined) return;
    for (const name of placeholdersOf(text)) {
      if (name === 'factors' && factorsAllowed) continue;
      const fact = findFact(name);
      if (fact === undefined) {
        this.add('unknown_placeholder', path, `The placeholder {${name}} does not name a fact${factorsAllowed ? ' (or {factors})' : ''}.`);
      } else if (fact.scope === 'notice' && scope === 'case') {
        this.add('fact_out_of_scope', path, `The placeholder {${name}} names a notice fact in a case-scoped rule.`);
      }
    }
  }

  private checkCitation(id: string, at: readonly PathSegment[]): void {
    if (!this.context.citations.has(id)) {
      this.add('unknown_citation', at, 'This citation id is not in the citation registry.');
    }
  }

  private checkNamedConditionCycles(named: Readonly<Record<string, RootCondition>>): void {
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string, trail: string[]): void => {
      const mark = state.get(name);
      if (mark === 'done') return;
      if (mark === 'visiting') {
        this.add('condition_reference_cycle', ['conditions', name], `Named conditions refer to each other in a cycle: ${[...trail, name].join(' → ')}.`);
        return;
      }
      state.set(name, 'visiting');
      for (const reference of referencesIn(named[name]!)) {
        if (ownValue(named, reference) !== undefined) visit(reference, [...trail, name]);
      }
      state.set(name, 'done');
    };
    for (const name of Object.keys(named).sort()) visit(name, []);
  }

  private checkCondition(condition: Condition, at: readonly PathSegment[], scope: 'case' | 'notice', followReferences: boolean): void {
    if ('all' in condition) {
      condition.all.forEach((child, i) => this.checkCondition(child, [...at, 'all', i], scope, followReferences));
    } else if ('any' in condition) {
      condition.any.forEach((child, i) => this.checkCondition(child, [...at, 'any', i], scope, followReferences));
    } else if ('not' in condition) {
      this.checkCondition(condition.not, [...at, 'not'], scope, followReferences);
    } else if ('condition' in condition) {
      const target = this.ruleSet.conditions?.[condition.condition];
      if (target === undefined) {
        this.add('unknown_condition_reference', [...at, 'condition'], 'No named condition of this rule set has this name.');
      } else if (followReferences && scope === 'case') {
        // A case-scoped rule must not reach notice facts through a named condition.
        for (const fact of factsIn(target, this.ruleSet.conditions ?? {})) {
          if (findFact(fact)?.scope === 'notice') {
            this.add('fact_out_of_scope', [...at, 'condition'], `The named condition uses the notice fact ${fact} in a case-scoped rule.`);
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
    scope: 'case' | 'notice',
  ): void {
    const name = canonicalFactName(condition);
    const fact = findFact(name);
    if (fact === undefined) {
      this.add('unknown_fact', [...at, condition.path === undefined ? 'fact' : 'path'], 'No derived fact has this name (see the fact catalogue).');
      return;
    }
    if (fact.scope === 'notice' && scope === 'case') {
      this.add('fact_out_of_scope', [...at, 'fact'], 'A case-scoped rule cannot use a notice fact.');
    }
    const operator = this.context.operators.get(condition.operator);
    if (operator === undefined) {
      this.add('unknown_operator', [...at, 'operator'], 'No operator has this name.');
      return;
    }
    if (!operator.factTypes.includes(fact.type)) {
      this.add('operator_not_for_fact', [...at, 'operator'], `This operator does not apply to a fact of type ${fact.type}.`);
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
  return factsIn(condition, named).some((name) => findFact(name)?.source === 'result');
}

/** @internal Names of the conditions a condition refers to directly. */
function referencesIn(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(referencesIn);
  if ('any' in condition) return condition.any.flatMap(referencesIn);
  if ('not' in condition) return referencesIn(condition.not);
  if ('condition' in condition) return [condition.condition];
  return [];
}

/** @internal Canonical names of every fact a condition reads, through named conditions. */
export function factsIn(condition: Condition, named: Readonly<Record<string, RootCondition>>, seen = new Set<string>()): string[] {
  if ('all' in condition) return condition.all.flatMap((child) => factsIn(child, named, seen));
  if ('any' in condition) return condition.any.flatMap((child) => factsIn(child, named, seen));
  if ('not' in condition) return factsIn(condition.not, named, seen);
  if ('condition' in condition) {
    if (seen.has(condition.condition)) return [];
    seen.add(condition.condition);
    const target = ownValue(named, condition.condition);
    return target === undefined ? [] : factsIn(target, named, seen);
  }
  return [canonicalFactName(condition)];
}

/** @internal Why a value does not fit an operator and a fact, if it does not. */
function valueProblem(operator: OperatorDefinition, fact: FactDefinition, value: ConditionValue): string | undefined {
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
  const allowed = fact.values && fact.values.length <= 30 ? ` Allowed: ${fact.values.join(', ')}.` : '';
  if (operator.valueKind === 'list') {
    if (!Array.isArray(value)) return 'This operator compares with a list of values.';
    const bad = (value as readonly (string | number | boolean)[]).findIndex((item) => !fits(item));
    return bad === -1 ? undefined : `Item ${bad} is not a possible value of ${fact.name}.${allowed}`;
  }
  if (Array.isArray(value)) return 'This operator compares with a single value, not a list.';
  return fits(value as string | number | boolean) ? undefined : `Not a possible value of ${fact.name}.${allowed}`;
}
