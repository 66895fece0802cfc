/**
 * Semantic checks of rule sets — what no other JSON rules engine checks:
 *
 * - **conflict**: two mandatory rules that yield different outcomes for the same notice both
 *   fire, and neither is an exception to the other;
 * - **gap**: a combination of facts for which no outcome rule fires (and none is undecided);
 * - **unreachable**: a rule whose conditions hold for no case at all.
 *
 * The search runs over the case space of `case-space.ts`, at one date in every period in which
 * the set of rules in force is constant: exhaustively when the combinations the checked rules
 * depend on are few enough, otherwise on a deterministic fast-check sample. Every finding
 * carries a witness — a valid case, the date, the notice — that shows it when evaluated.
 *
 * @module
 */
import fc from 'fast-check';
import { parseCase } from '../case/validate.js';
import { loadRuleBook, type EvaluatorOptions } from '../evaluation/evaluator.js';
import { ruleLists, type RuleLists } from '../evaluation/runners.js';
import { decideOutcome, settle, withResultFacts, type Subject } from '../evaluation/subject.js';
import { inForceMask } from '../evaluation/assemble.js';
import { FACT_CATALOGUE, findFact, type FactValue } from '../facts/catalogue.js';
import { deriveFacts } from '../facts/derive.js';
import { FALSE, TRUE, type Truth } from '../rules/conditions.js';
import type { CompiledRule, RuleBook } from '../rules/rule-book.js';
import type { Outcome } from '../rules/vocabulary.js';
import { addCalendarDays, type CalendarDate } from '../support/dates.js';
import { compareStrings, type Issue } from '../support/issues.js';
import { ANALYSED_NOTICE_ID, buildCase, FRAGMENT_GROUPS, type CaseDraft, type DraftContext, type Fragment } from './case-space.js';

/** A case that shows a finding. */
export interface Witness {
  /** The case (valid). */
  readonly case: CaseDraft;
  /** The date to judge it at. */
  readonly asOf: CalendarDate;
  /** The notice that shows the finding. */
  readonly noticeId: string;
  /** How the case was put together (one line per group that varied). */
  readonly description: readonly string[];
}

/** A semantic finding: an issue (code, path, message, severity) with its witness. */
export type Finding = Issue<'conflict' | 'gap' | 'unreachable'> &
  (
    | { readonly code: 'conflict'; readonly rules: readonly [string, string]; readonly outcomes: readonly Outcome[]; readonly witness: Witness }
    | { readonly code: 'gap'; readonly witness: Witness }
    | {
        readonly code: 'unreachable';
        readonly ruleId: string;
        /** The rule's comparisons that the witness, the closest case found, does not meet. */
        readonly unmet: readonly { readonly path: string; readonly fact: string; readonly operator: string; readonly expected: unknown }[];
        readonly witness: Witness;
      }
  );

/** How one search went. */
export interface SearchReport {
  /** What was searched for: `outcomes` (conflicts and gaps), or a rule id (reachability). */
  readonly target: string;
  /** The groups of the case space that varied. */
  readonly groups: readonly string[];
  readonly strategy: 'exhaustive' | 'sampled';
  /** Cases evaluated (combinations × dates, invalid ones excluded). */
  readonly cases: number;
  /** Combinations that did not make a valid case (should be none). */
  readonly invalid: number;
}

/** The values of a fact that the search produced, and those of its domain it never produced. */
export interface FactCoverage {
  readonly fact: string;
  readonly seen: readonly string[];
  readonly neverSeen: readonly string[];
}

/** The result of `analyzeRuleSets`. */
export interface AnalysisReport {
  /** Conflicts, gaps and unreachable rules, sorted by code then path. */
  readonly findings: readonly Finding[];
  readonly searches: readonly SearchReport[];
  /** For every fact the rules read that has a small finite domain. */
  readonly factCoverage: readonly FactCoverage[];
}

/** Options of `analyzeRuleSets`: the evaluator's, plus the search budget. */
export interface AnalysisOptions extends Omit<EvaluatorOptions, 'engine'> {
  /** Largest search (cases per target) run exhaustively; larger ones are sampled. Default 40,000. */
  readonly exhaustiveLimit?: number;
  /** Number of sampled combinations per sampled target, date and requesting country. Default 1,000. */
  readonly samples?: number;
  /** Seed of the sampling. Default 2017. */
  readonly seed?: number;
  /**
   * Which rules to check: `added` — the rules of the rule sets passed (the bundled ones only as
   * context: conflicts and gaps are searched when an added rule decides an outcome or replaces
   * one); `all` — every rule. Default: `added` when rule sets are passed, `all` otherwise.
   */
  readonly check?: 'added' | 'all';
}

/** @internal One evaluation of a case in the search. */
interface Probe {
  readonly witness: Witness;
  readonly caseSubject: Subject;
  readonly first: Subject;
  readonly second: Subject;
  readonly decision: ReturnType<typeof decideOutcome>;
}

/**
 * Runs the semantic checks on rule sets (by default together with the bundled ones, as
 * `createEvaluator` would load them). Throws `RuleSetError` when they do not load.
 *
 * @example
 * ```ts
 * import { analyzeRuleSets } from 'red-notice-rules/analysis';
 *
 * const redNoticesOnly = {
 *   id: 'mine',
 *   version: '1.0.0',
 *   title: 'Mine',
 *   rules: [
 *     {
 *       id: 'mine.red-notices-kept',
 *       title: 'Red Notices are kept',
 *       citations: ['my.source'],
 *       scope: 'notice',
 *       effect: 'mandatory',
 *       conditions: { all: [{ fact: 'notice.kind', operator: 'equal', value: 'red_notice' }] },
 *       outcome: 'retain',
 *     },
 *   ],
 * };
 * const citations = { 'my.source': { instrument: 'Internal note', provision: '1', summary: 'Red Notices are kept.', verification: 'primary' } };
 * const report = analyzeRuleSets([redNoticesOnly], { includeDefaults: false, citations });
 * // No rule decides the outcome of a diffusion:
 * report.findings.map((finding) => finding.code); // ['gap']
 * ```
 */
export function analyzeRuleSets(ruleSets: readonly unknown[] = [], options: AnalysisOptions = {}): AnalysisReport {
  const { book, misusePatterns } = loadRuleBook({ ...options, ruleSets });
  const lists = ruleLists(book);
  const checkAll = (options.check ?? (ruleSets.length > 0 ? 'added' : 'all')) === 'all';
  const addedSets = new Set(book.ruleSets.slice(book.ruleSets.length - ruleSets.length).map((ruleSet) => ruleSet.id));
  const checked = (rule: CompiledRule) => checkAll || addedSets.has(rule.ruleSet);
  const limit = options.exhaustiveLimit ?? 40_000;
  const samples = options.samples ?? 1_000;
  const seed = options.seed ?? 2017;
  const dates = representativeDates(book);
  const requesters = requesterChoices(book, misusePatterns.flatMap((pattern) => pattern.countries));
  const pathOf = rulePaths(book);
  const coverage = new Map<string, Set<string>>();
  const probe = probeFactory(book, lists, misusePatterns, coverage);

  const findings: Finding[] = [];
  const searches: SearchReport[] = [];

  // One search per set of facts read: the outcome rules with their exceptions (conflicts and
  // gaps), and every rule on its own facts (reachability) — second-pass rules with the facts
  // of the first pass, on which what they read depends. Searches with the same facts are one.
  const outcomeRules = lists.notice1.filter((rule) => rule.json.outcome !== undefined);
  const outcomeInvolved = [...outcomeRules, ...outcomeRules.flatMap((rule) => book.exceptionsTo.get(rule.id) ?? [])];
  const plans = new Map<string, { involved: CompiledRule[]; reachability: CompiledRule[]; outcomes: boolean }>();
  const plan = (involved: CompiledRule[]) => {
    const key = searchKey(involved);
    let entry = plans.get(key);
    if (!entry) {
      entry = { involved, reachability: [], outcomes: false };
      plans.set(key, entry);
    } else {
      entry.involved = [...new Set([...entry.involved, ...involved])];
    }
    return entry;
  };
  const outcomesTouched = checkAll || outcomeInvolved.some(checked) || book.replaced.some((item) => book.byId.get(item.replacedBy)?.json.outcome !== undefined);
  if (outcomeRules.length > 0 && outcomesTouched) plan(outcomeInvolved).outcomes = true;
  for (const rule of [...lists.case, ...lists.notice1, ...lists.notice2]) {
    if (!checked(rule)) continue;
    plan(rule.stage === 2 ? [rule, ...lists.notice1] : [rule]).reachability.push(rule);
  }

  const seenConflicts = new Set<string>();
  let gapFound = false;
  const checkOutcome = (result: ProbeResult) => {
    const { resolution } = result.decision;
    if (resolution.code === 'conflicting_rules') {
      for (const [a, b] of pairs(resolution.rules)) {
        const key = `${a}\u0000${b}`;
        if (seenConflicts.has(key)) continue;
        seenConflicts.add(key);
        findings.push({
          code: 'conflict',
          path: pathOf.get(a) ?? '',
          severity: 'error',
          message: `The rules ${a} and ${b} both fire for the witness case and yield different outcomes (${resolution.outcomes.join(', ')}); neither is an exception to the other.`,
          rules: [a, b],
          outcomes: resolution.outcomes,
          witness: result.witness,
        });
      }
    } else if (resolution.code === 'no_rule_applies' && !gapFound) {
      gapFound = true;
      findings.push({
        code: 'gap',
        path: '',
        severity: 'error',
        message: 'For the witness case no outcome rule fires and none is undecided: the rule sets say nothing about this combination of facts.',
        witness: result.witness,
      });
    }
  };

  for (const { involved, reachability: rules, outcomes } of plans.values()) {
    const best = new Map<string, { score: number; probe: ProbeResult; subject: Subject }>();
    const reached = new Set<string>();
    const target = [...(outcomes ? ['outcomes'] : []), ...rules.map((rule) => rule.id)].join(', ');
    const report = search(target, involved, requesters, dates, limit, samples, seed, probe, (result) => {
      if (outcomes) checkOutcome(result);
      for (const rule of rules) {
        if (reached.has(rule.id)) continue;
        const subject = rule.json.scope === 'case' ? result.caseSubject : rule.stage === 2 ? result.second : result.first;
        const state = subject.states.find((item) => item.rule === rule);
        if (state === undefined || !state.inForce) continue;
        if (state.truth === TRUE) {
          reached.add(rule.id);
          best.delete(rule.id);
          continue;
        }
        const met = subject.atoms(state).filter((truth) => truth === TRUE).length;
        const previous = best.get(rule.id);
        if (previous === undefined || met > previous.score) best.set(rule.id, { score: met, probe: result, subject });
      }
    });
    searches.push(report);
    for (const rule of rules) {
      if (reached.has(rule.id)) continue;
      const closest = best.get(rule.id);
      if (closest === undefined) {
        findings.push({
          code: 'unreachable',
          path: pathOf.get(rule.id) ?? '',
          severity: 'error',
          message: `The rule ${rule.id} is never in force: its period and its rule set's do not overlap.`,
          ruleId: rule.id,
          unmet: [],
          witness: { case: buildCase([], { asOf: dates[0]!, requester: requesters[0]!, other: otherCountry(requesters[0]!) }), asOf: dates[0]!, noticeId: ANALYSED_NOTICE_ID, description: [] },
        });
        continue;
      }
      const state = closest.subject.states.find((item) => item.rule === rule)!;
      const truths = closest.subject.atoms(state);
      findings.push({
        code: 'unreachable',
        path: pathOf.get(rule.id) ?? '',
        severity: 'error',
        message: `The conditions of ${rule.id} hold for no case searched (${report.strategy}, ${report.cases} cases). The witness is the closest case found; the comparisons it does not meet are listed.`,
        ruleId: rule.id,
        unmet: rule.conditions.atoms
          .filter((_, i) => truths[i] !== TRUE)
          .map((atom) => ({ path: atom.path, fact: atom.fact, operator: atom.operator.name, expected: atom.value })),
        witness: closest.probe.witness,
      });
    }
  }

  return {
    findings: findings.sort((a, b) => compareStrings(a.code, b.code) || compareStrings(a.path, b.path) || compareStrings(a.message, b.message)),
    searches,
    factCoverage: factCoverageOf(book, coverage),
  };
}

/** @internal What one probe gives the callbacks. */
type ProbeResult = Probe;

/**
 * @internal Evaluates one combination of fragments: builds the case, validates it, derives
 * facts and runs the compiled rules in both passes. `undefined` when the case is not valid.
 */
function probeFactory(book: RuleBook, lists: RuleLists, misusePatterns: Parameters<typeof deriveFacts>[2]['misusePatterns'], coverage: Map<string, Set<string>>) {
  const read = new Set(book.rules.flatMap((rule) => rule.conditions.atoms.map((atom) => atom.fact)));
  return (fragments: readonly Fragment[], context: DraftContext): ProbeResult | undefined => {
    const draft = buildCase(fragments, context);
    const parsed = parseCase(draft);
    if (!parsed.success) return undefined;
    const derived = deriveFacts(parsed.case, context.asOf, { misusePatterns });
    const mask = inForceMask(lists, context.asOf);
    const run = (list: readonly CompiledRule[], inForce: readonly boolean[], facts: Parameters<CompiledRule['conditions']['evaluate']>[0]): Truth[] =>
      list.map((rule, i) => (inForce[i] ? rule.conditions.evaluate(facts) : FALSE));
    const notice = derived.notices[0]!;
    const caseSubject = settle(book, lists.case, mask.case, run(lists.case, mask.case, derived.caseFacts), derived.caseFacts, undefined);
    const first = settle(book, lists.notice1, mask.notice1, run(lists.notice1, mask.notice1, notice.facts), notice.facts, ANALYSED_NOTICE_ID);
    const decision = decideOutcome(first);
    const secondFacts = withResultFacts(first, decision, book);
    const second = settle(book, lists.notice2, mask.notice2, run(lists.notice2, mask.notice2, secondFacts), secondFacts, ANALYSED_NOTICE_ID);
    for (const name of read) {
      const value = secondFacts.values[name];
      const seen = coverage.get(name) ?? new Set<string>();
      if (value === undefined) seen.add('(unknown)');
      else if (Array.isArray(value)) for (const item of value) seen.add(String(item));
      else seen.add(String(value));
      coverage.set(name, seen);
    }
    return {
      witness: { case: draft, asOf: context.asOf, noticeId: ANALYSED_NOTICE_ID, description: fragments.map((part) => part.label) },
      caseSubject,
      first,
      second,
      decision,
    };
  };
}

/**
 * @internal Runs one search: the product of the fragments of the groups the rules read, at
 * every date and for every requester — exhaustively within the limit, else sampled.
 */
function search(
  target: string,
  rules: readonly CompiledRule[],
  requesters: readonly string[],
  dates: readonly CalendarDate[],
  limit: number,
  samples: number,
  seed: number,
  probe: ReturnType<typeof probeFactory>,
  visit: (result: ProbeResult) => void,
): SearchReport {
  const relevant = new Set(rules.flatMap((rule) => rule.conditions.atoms.map((atom) => atom.fact)));
  // The requesting country matters only to rules that read it, directly or through documented misuse.
  const tried = relevant.has('notice.requestingCountry') || relevant.has('notice.misuseDocumented') ? requesters : requesters.slice(0, 1);
  const groupNames = groupsOf(rules);
  const varying = FRAGMENT_GROUPS.filter((group) => groupNames.includes(group.name)).map((group) => group.fragments(relevant));
  const size = varying.reduce((total, fragments) => total * fragments.length, 1) * dates.length * tried.length;
  const strategy = size <= limit ? 'exhaustive' : 'sampled';
  const combinations: (readonly Fragment[])[] =
    strategy === 'exhaustive'
      ? varying.reduce<Fragment[][]>((acc, fragments) => acc.flatMap((prefix) => fragments.map((item) => [...prefix, item])), [[]])
      : fc.sample(fc.tuple(...varying.map((fragments) => fc.constantFrom(...fragments))), { numRuns: samples, seed });
  let cases = 0;
  let invalid = 0;
  for (const asOf of dates) {
    for (const requester of tried) {
      const context: DraftContext = { asOf, requester, other: otherCountry(requester) };
      for (const combination of combinations) {
        const result = probe(combination, context);
        if (result === undefined) {
          invalid++;
          continue;
        }
        cases++;
        visit(result);
      }
    }
  }
  return { target, groups: groupNames, strategy, cases, invalid };
}

/**
 * @internal What a search over these rules varies: the groups, how their fragments are shaped,
 * and whether the requesting country varies. Rules with the same key share one search.
 */
function searchKey(rules: readonly CompiledRule[]): string {
  const relevant = new Set(rules.flatMap((rule) => rule.conditions.atoms.map((atom) => atom.fact)));
  const groups = FRAGMENT_GROUPS.filter((group) => group.facts.some((fact) => relevant.has(fact)));
  const requester = relevant.has('notice.requestingCountry') || relevant.has('notice.misuseDocumented');
  return `${groups.map((group) => `${group.name}(${group.shapedBy(relevant)})`).join('+')}|${String(requester)}`;
}

/** @internal The fragment groups whose facts some of these rules read (result facts count as every group the first pass reads). */
function groupsOf(rules: readonly CompiledRule[]): string[] {
  const facts = new Set(rules.flatMap((rule) => rule.conditions.atoms.map((atom) => atom.fact)));
  return FRAGMENT_GROUPS.filter((group) => group.facts.some((fact) => facts.has(fact))).map((group) => group.name);
}

/** @internal One date in each period in which the set of rules in force is constant. */
function representativeDates(book: RuleBook): CalendarDate[] {
  const boundaries = new Set<CalendarDate>();
  for (const rule of book.rules) {
    if (rule.from !== undefined) boundaries.add(rule.from);
    if (rule.to !== undefined) boundaries.add(addCalendarDays(rule.to, 1));
  }
  const sorted = [...boundaries].sort(compareStrings);
  if (sorted.length === 0) return ['2026-01-01'];
  return [addCalendarDays(sorted[0]!, -1), ...sorted];
}

/**
 * @internal Requesting countries worth trying: one neutral country, every country a rule
 * compares `notice.requestingCountry` with, and one with a documented pattern of misuse.
 */
function requesterChoices(book: RuleBook, patternCountries: readonly string[]): string[] {
  const choices = new Set<string>();
  for (const rule of book.rules) {
    for (const atom of rule.conditions.atoms) {
      if (atom.fact !== 'notice.requestingCountry') continue;
      for (const value of Array.isArray(atom.value) ? atom.value : [atom.value]) if (typeof value === 'string') choices.add(value);
    }
  }
  const reads = (name: string) => book.rules.some((rule) => rule.conditions.atoms.some((atom) => atom.fact === name));
  if (reads('notice.misuseDocumented')) {
    const documented = [...patternCountries].sort(compareStrings).find((country) => !['DE', 'FR', 'PL', 'ES'].includes(country));
    if (documented !== undefined) choices.add(documented);
  }
  choices.delete('TJ');
  return ['TJ', ...[...choices].sort(compareStrings)];
}

/** @internal A country that is neither the requester nor a host state of the case space. */
function otherCountry(requester: string): string {
  return requester === 'BY' ? 'AZ' : 'BY';
}

/** @internal Pairs of distinct items. */
function pairs(items: readonly string[]): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) result.push([items[i]!, items[j]!]);
  return result;
}

/** @internal The path of each rule in its rule set, `[set].rules[index]`. */
function rulePaths(book: RuleBook): Map<string, string> {
  const paths = new Map<string, string>();
  book.ruleSets.forEach((ruleSet, set) => {
    ruleSet.json.rules.forEach((rule, index) => paths.set(rule.id, `[${set}].rules[${index}]`));
  });
  return paths;
}

/** @internal Coverage of the finite domains of the facts the rules read (domains of 30 values or fewer). */
function factCoverageOf(book: RuleBook, coverage: ReadonlyMap<string, ReadonlySet<string>>): FactCoverage[] {
  const read = new Set(book.rules.flatMap((rule) => rule.conditions.atoms.map((atom) => atom.fact)));
  return FACT_CATALOGUE.filter((fact) => read.has(fact.name) && fact.values !== undefined && fact.values.length <= 30).map((fact) => {
    const seen = coverage.get(fact.name) ?? new Set<string>();
    return {
      fact: fact.name,
      seen: [...seen].sort(compareStrings),
      neverSeen: (findFact(fact.name)?.values ?? []).filter((value: FactValue) => !seen.has(String(value))).map(String),
    };
  });
}
