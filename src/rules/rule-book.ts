/**
 * A rule book: the rule sets of an evaluator, validated together and compiled once. Checks
 * that span sets — duplicate ids, `exceptionTo` that dangles or forms a cycle — are here.
 *
 * @module
 */
import type { Citation } from '../citations/registry.js';
import type { CalendarDate } from '../support/dates.js';
import { contentHash } from '../support/hash.js';
import { compareIssues, compareStrings, type Issue } from '../support/issues.js';
import { compileConditions, type CompiledConditions } from './conditions.js';
import type { OperatorDefinition } from './operators.js';
import type { FactorActionTemplate, RuleJson, RuleSetJson } from './schema.js';
import { readsResultFacts, validateRuleSetIn, type RuleSetContext } from './validate.js';

/** A rule ready to run. */
export interface CompiledRule {
  /** The rule's id (unique across the book). */
  readonly id: string;
  /** Id of its rule set. */
  readonly ruleSet: string;
  /** Position in the book (rule sets in order, rules in file order). */
  readonly order: number;
  /** The rule as written. */
  readonly json: RuleJson;
  /** Its compiled conditions. */
  readonly conditions: CompiledConditions;
  /** First day in force (rule and rule set together), if bounded. */
  readonly from?: CalendarDate;
  /** Last day in force, if bounded. */
  readonly to?: CalendarDate;
  /** 1, or 2 for a rule that reads what the first pass decided (`notice.outcome`, `notice.actionCodes`). */
  readonly stage: 1 | 2;
}

/** The template of an action that factor rules support, with the rule set that defines it. */
export interface CompiledFactorAction extends FactorActionTemplate {
  readonly code: string;
  readonly ruleSet: string;
}

/** A rule set of the book, with its stamp. */
export interface CompiledRuleSet {
  readonly id: string;
  readonly version: string;
  /** `sha256:` of the canonical JSON of the file. */
  readonly hash: string;
  /** The file as parsed. */
  readonly json: RuleSetJson;
}

/** Rule sets compiled together. */
export interface RuleBook {
  readonly ruleSets: readonly CompiledRuleSet[];
  /** Every rule, in book order. */
  readonly rules: readonly CompiledRule[];
  /** Rules by id. */
  readonly byId: ReadonlyMap<string, CompiledRule>;
  /** For each rule, the rules that declare themselves exceptions to it (in book order). */
  readonly exceptionsTo: ReadonlyMap<string, readonly CompiledRule[]>;
  /** The citation registry the rules cite. */
  readonly citations: ReadonlyMap<string, Citation>;
  /** Templates of the actions that factor rules support, by action code. */
  readonly factorActions: ReadonlyMap<string, CompiledFactorAction>;
  /** Rules taken out by a `replaces`, with the rule that took their place. Sorted by rule id. */
  readonly replaced: readonly { readonly ruleId: string; readonly ruleSet: string; readonly replacedBy: string }[];
  /** The operators the rules may use. */
  readonly operators: ReadonlyMap<string, OperatorDefinition>;
}

/** Result of building a rule book. */
export type RuleBookResult =
  | { readonly success: true; readonly book: RuleBook; readonly issues: readonly Issue[] }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Whether a rule is in force on `date` (both ends inclusive).
 *
 * @example
 * ```ts
 * isInForce(rule, '2018-01-01');
 * ```
 */
export function isInForce(rule: Pick<CompiledRule, 'from' | 'to'>, date: CalendarDate): boolean {
  return (rule.from === undefined || rule.from <= date) && (rule.to === undefined || date <= rule.to);
}

/** @internal Prefixes an issue's path with the index of its rule set in the list. */
function inSet(index: number, issue: Issue): Issue {
  return { ...issue, path: issue.path === '' ? `[${index}]` : issue.path.startsWith('[') ? `[${index}]${issue.path}` : `[${index}].${issue.path}` };
}

/**
 * Validates rule sets (each, then together) and compiles them. Issue paths start with the
 * index of the rule set in `ruleSets`, e.g. `[1].rules[3].exceptionTo[0]`.
 *
 * @example
 * ```ts
 * const result = buildRuleBook([refugeeRules, myRules], citations, operators);
 * if (!result.success) throw new RuleSetError(result.issues);
 * ```
 */
export function buildRuleBook(
  ruleSets: readonly unknown[],
  citations: ReadonlyMap<string, Citation>,
  operators: ReadonlyMap<string, OperatorDefinition>,
): RuleBookResult {
  const context: RuleSetContext = { citations, operators };
  const issues: Issue[] = [];
  const parsed: RuleSetJson[] = [];
  ruleSets.forEach((json, index) => {
    const result = validateRuleSetIn(json, context);
    issues.push(...result.issues.map((issue) => inSet(index, issue)));
    if (result.success) parsed.push(result.ruleSet);
  });
  if (parsed.length !== ruleSets.length) return { success: false, issues: issues.sort(compareIssues) };

  const { issues: crossIssues, replacedBy } = crossSetIssues(parsed);
  issues.push(...crossIssues);
  if (issues.some((issue) => issue.severity === 'error')) return { success: false, issues: issues.sort(compareIssues) };

  const rules: CompiledRule[] = [];
  const replaced: Array<{ ruleId: string; ruleSet: string; replacedBy: string }> = [];
  const compiledSets = parsed.map((ruleSet): CompiledRuleSet => {
    const named = ruleSet.conditions ?? {};
    for (const json of ruleSet.rules) {
      const replacement = replacedBy.get(json.id);
      if (replacement !== undefined) {
        replaced.push({ ruleId: json.id, ruleSet: ruleSet.id, replacedBy: replacement });
        continue;
      }
      const { from, to } = periodInForce(json, ruleSet);
      rules.push({
        id: json.id,
        ruleSet: ruleSet.id,
        order: rules.length,
        json,
        conditions: compileConditions(json.conditions, named, operators),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        stage: readsResultFacts(json.conditions, named) ? 2 : 1,
      });
    }
    return { id: ruleSet.id, version: ruleSet.version, hash: contentHash(ruleSet), json: ruleSet };
  });
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const exceptionsTo = new Map<string, CompiledRule[]>();
  for (const rule of rules) {
    for (const declared of rule.json.exceptionTo ?? []) {
      const target = finalReplacement(declared, replacedBy);
      if (target === rule.id) continue;
      const list = exceptionsTo.get(target) ?? [];
      list.push(rule);
      exceptionsTo.set(target, list);
    }
  }
  const factorActions = new Map<string, CompiledFactorAction>();
  for (const ruleSet of parsed) {
    for (const [code, template] of Object.entries(ruleSet.factorActions ?? {})) factorActions.set(code, { ...template, code, ruleSet: ruleSet.id });
  }
  return {
    success: true,
    book: {
      ruleSets: compiledSets,
      rules,
      byId,
      exceptionsTo,
      citations,
      factorActions,
      replaced: replaced.sort((a, b) => compareStrings(a.ruleId, b.ruleId)),
      operators,
    },
    issues: issues.sort(compareIssues),
  };
}

/**
 * The period a rule is in force: its own `effective` period within its rule set's (the later
 * start, the earlier end; an end left open is open).
 *
 * @example
 * ```ts
 * periodInForce({ effective: { from: '2017-09-26' } }, { effective: { to: '2030-12-31' } }); // { from: '2017-09-26', to: '2030-12-31' }
 * periodInForce({}, {}); // { from: undefined, to: undefined }
 * ```
 */
export function periodInForce(
  rule: Pick<RuleJson, 'effective'>,
  ruleSet: Pick<RuleSetJson, 'effective'>,
): { readonly from: CalendarDate | undefined; readonly to: CalendarDate | undefined } {
  return { from: later(ruleSet.effective?.from, rule.effective?.from), to: earlier(ruleSet.effective?.to, rule.effective?.to) };
}

/** @internal The later of two optional dates. */
function later(a: CalendarDate | undefined, b: CalendarDate | undefined): CalendarDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

/** @internal The earlier of two optional dates. */
function earlier(a: CalendarDate | undefined, b: CalendarDate | undefined): CalendarDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

/**
 * @internal The rule that finally stands in for `id` after replacements (itself when not replaced).
 * The replacement graph has been checked for cycles.
 */
function finalReplacement(id: string, replacedBy: ReadonlyMap<string, string>): string {
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
function crossSetIssues(ruleSets: readonly RuleSetJson[]): { issues: Issue[]; replacedBy: Map<string, string> } {
  const issues: Issue[] = [];
  const error = (path: string, code: string, message: string) => issues.push({ code, path, message, severity: 'error' });
  const setIds = new Map<string, number>();
  const rules = new Map<string, { set: number; index: number; rule: RuleJson }>();
  ruleSets.forEach((ruleSet, set) => {
    const previous = setIds.get(ruleSet.id);
    if (previous !== undefined) error(`[${set}].id`, 'duplicate_rule_set_id', `Rule set ids must be unique; rule set [${previous}] has the same id.`);
    else setIds.set(ruleSet.id, set);
    ruleSet.rules.forEach((rule, index) => {
      const existing = rules.get(rule.id);
      if (existing !== undefined && existing.set !== set) {
        error(`[${set}].rules[${index}].id`, 'duplicate_rule_id', `Rule ids must be unique across rule sets; [${existing.set}].rules[${existing.index}] has the same id.`);
      } else if (existing === undefined) {
        rules.set(rule.id, { set, index, rule });
      }
    });
  });
  const factorActions = new Map<string, number>();
  ruleSets.forEach((ruleSet, set) => {
    for (const code of Object.keys(ruleSet.factorActions ?? {})) {
      const previous = factorActions.get(code);
      if (previous !== undefined) {
        error(`[${set}].factorActions.${code}`, 'duplicate_factor_action', `Rule set [${previous}] already defines the factor action of this code.`);
      } else {
        factorActions.set(code, set);
      }
    }
  });
  const stageOf = (set: number, rule: RuleJson) => (readsResultFacts(rule.conditions, ruleSets[set]!.conditions ?? {}) ? 2 : 1);
  // Replacements: a rule may take the place of a rule of another set, once.
  const replacedBy = new Map<string, string>();
  ruleSets.forEach((ruleSet, set) => {
    ruleSet.rules.forEach((rule, index) => {
      if (rule.replaces === undefined) return;
      const at = `[${set}].rules[${index}].replaces`;
      const target = rules.get(rule.replaces);
      if (target === undefined) error(at, 'unknown_replacement_target', 'No rule has this id.');
      else if (target.set === set) error(at, 'replacement_in_same_set', 'A rule can only replace a rule of another rule set; edit the rule instead.');
      else if (target.rule.scope !== rule.scope) error(at, 'replacement_scope_mismatch', 'A rule can only replace a rule of the same scope.');
      else if (replacedBy.has(rule.replaces)) error(at, 'duplicate_replacement', `The rule ${replacedBy.get(rule.replaces)!} already replaces this rule.`);
      else replacedBy.set(rule.replaces, rule.id);
    });
  });
  for (const start of [...replacedBy.keys()].sort()) {
    const seen = new Set<string>([start]);
    let current = replacedBy.get(start);
    while (current !== undefined) {
      if (seen.has(current)) {
        const entry = rules.get(start)!;
        error(`[${entry.set}].rules[${entry.index}].id`, 'replacement_cycle', `Rules replace each other in a cycle through ${start}.`);
        break;
      }
      seen.add(current);
      current = replacedBy.get(current);
    }
  }
  ruleSets.forEach((ruleSet, set) => {
    ruleSet.rules.forEach((rule, index) => {
      if (rule.factor !== undefined && !factorActions.has(rule.factor.action)) {
        error(`[${set}].rules[${index}].factor.action`, 'unknown_factor_action', 'No rule set defines a factor action (factorActions) with this code.');
      }
      rule.exceptionTo?.forEach((target, position) => {
        const at = `[${set}].rules[${index}].exceptionTo[${position}]`;
        const found = rules.get(target);
        if (found === undefined) {
          error(at, 'unknown_exception_target', 'No rule has this id.');
        } else if (found.rule.scope !== rule.scope) {
          error(at, 'exception_scope_mismatch', 'A rule can only be an exception to a rule of the same scope.');
        } else if (stageOf(found.set, found.rule) !== stageOf(set, rule)) {
          error(at, 'exception_across_passes', 'A rule that reads what other rules decided can only be an exception to another such rule, and the other way round.');
        }
      });
    });
  });
  // Cycles in the exception graph, as it stands once replacements are applied.
  const standing = (id: string) => !replacedBy.has(id);
  const targetsOf = (rule: RuleJson) =>
    (rule.exceptionTo ?? []).map((target) => finalReplacement(target, replacedBy)).filter((target) => target !== rule.id && rules.has(target));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    const mark = state.get(id);
    if (mark === 'done') return;
    const entry = rules.get(id);
    if (entry === undefined) return;
    if (mark === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      error(`[${entry.set}].rules[${entry.index}].exceptionTo`, 'exception_cycle', `Rules are exceptions to each other in a cycle: ${cycle.join(' → ')}.`);
      return;
    }
    state.set(id, 'visiting');
    for (const target of targetsOf(entry.rule)) visit(target, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of [...rules.keys()].sort()) if (standing(id)) visit(id, []);
  return { issues, replacedBy };
}
