/**
 * A rule book: the rule sets of an evaluator, validated together and compiled once. Checks
 * that span sets — duplicate ids, `exceptionTo` that dangles or forms a cycle — are here.
 *
 * @module
 */
import type { Citation } from '../citations/registry.js';
import { customFactsOf, type CustomFact } from '../facts/custom.js';
import type { CalendarDate } from '../support/dates.js';
import { contentHash } from '../support/hash.js';
import { compareIssues, compareStrings, type Issue } from '../support/issues.js';
import { compileConditions, type CompiledConditions, type CompiledNamedConditions } from './conditions.js';
import type { OperatorDefinition } from './operators.js';
import type { FactorActionTemplate, RuleJson, RuleSetJson } from './schema.js';
import { finalReplacement, inSource, readsResultFacts, validateRuleSets } from './validate.js';

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
  /** The facts the rule sets declare of their own, sorted by name. */
  readonly customFacts: readonly CustomFact[];
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
 * isInForce({ from: '2017-09-26' }, '2018-01-01'); // true
 * isInForce({ from: '2017-09-26' }, '2017-09-25'); // false
 * isInForce({ to: '2017-09-25' }, '2017-09-25'); // true
 * ```
 */
export function isInForce(rule: Pick<CompiledRule, 'from' | 'to'>, date: CalendarDate): boolean {
  return (rule.from === undefined || rule.from <= date) && (rule.to === undefined || date <= rule.to);
}

/**
 * Validates rule sets (each, then together) and compiles them. Issue paths start with the rule
 * set as `sourceOf` names it — by default its index in `ruleSets`, e.g. `[1].rules[3].exceptionTo[0]`.
 *
 * @example
 * ```ts
 * import { BUNDLED_CITATIONS, BUNDLED_RULE_SETS } from '../bundled.js';
 * import { BUILT_IN_OPERATORS } from './operators.js';
 *
 * const citations = new Map(Object.entries(BUNDLED_CITATIONS));
 * const result = buildRuleBook(BUNDLED_RULE_SETS, citations, BUILT_IN_OPERATORS);
 * result.success && result.book.ruleSets.map((ruleSet) => ruleSet.id); // ['refugee-resolution', 'article-3', 'article-83', 'extradition', 'detention', 'ccf-procedure', 'safeguards']
 * buildRuleBook([{ id: 'x' }], citations, BUILT_IN_OPERATORS).issues.map((issue) => issue.path); // ['[0].rules', '[0].title', '[0].version']
 * ```
 */
export function buildRuleBook(
  ruleSets: readonly unknown[],
  citations: ReadonlyMap<string, Citation>,
  operators: ReadonlyMap<string, OperatorDefinition>,
  sourceOf: (index: number) => string = (index) => `[${index}]`,
): RuleBookResult {
  const validated = validateRuleSets(ruleSets, { citations, operators }, sourceOf);
  const issues = validated.issues.map(({ source, issue }) => inSource(source, issue)).sort(compareIssues);
  if (!validated.success) return { success: false, issues };
  const { ruleSets: parsed, replacedBy } = validated;

  const rules: CompiledRule[] = [];
  const replaced: Array<{ ruleId: string; ruleSet: string; replacedBy: string }> = [];
  const compiledSets = parsed.map((ruleSet): CompiledRuleSet => {
    const named = ruleSet.conditions ?? {};
    // Each named condition is compiled once, for every rule of its set that refers to it.
    const shared: CompiledNamedConditions = new Map();
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
        conditions: compileConditions(json.conditions, named, operators, shared),
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
      customFacts: parsed.flatMap((ruleSet) => customFactsOf(ruleSet)).sort((a, b) => compareStrings(a.name, b.name)),
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
