/**
 * Semantic checks of rule sets that never claim more than they show:
 *
 * - **unreachable** (error): a rule whose conditions hold for no case — *proven* over the fact
 *   space: no assignment of the facts it reads (each fact's domain, dates and numbers split where
 *   the rules compare them, every invariant of the derivation respected) makes them true while
 *   it is in force. A proof, not a search result: it names the comparisons that exclude each
 *   other and the invariants it rests on.
 * - **conflict** (error): two rules with different outcomes both fire for a notice and neither
 *   overrides the other — shown by a *witness*, a valid case whose evaluation reports them.
 * - **gap** (error): a notice for which no outcome rule fires — shown by a witness; when a rule
 *   of yours opened it (by `replaces` or `exceptionTo`), the finding points at that rule.
 * - **knock-on** (warning): a rule of yours takes away an action another rule reads
 *   (`notice.actionCodes`), and that rule decides otherwise — shown by a witness, evaluated with
 *   and without your rule's `replaces` or `exceptionTo`.
 * - **no_witness** (warning): the fact space allows what is searched for, but no valid case
 *   was built for it within the budget — never reported as one of the errors above.
 *
 * Witnesses come from the fact space: a solution of the search (the facts and their values) is
 * turned into a case by construction (`realise.ts`), which is validated and evaluated through
 * the evaluation's own steps.
 *
 * @module
 */
import type { MisusePattern } from '../context/misuse-patterns.js';
import { loadRuleBook, type EvaluatorOptions } from '../evaluation/evaluator.js';
import { findFact } from '../facts/catalogue.js';
import type { CustomFact } from '../facts/custom.js';
import { makeIssue } from '../locales/issues.js';
import { compileConditions, FALSE, TRUE, UNDETERMINED, type Comparison } from '../rules/conditions.js';
import { isInForce, periodInForce, type CompiledRule, type RuleBook } from '../rules/rule-book.js';
import { readsResultFacts } from '../rules/validate.js';
import type { Outcome } from '../rules/vocabulary.js';
import { comparePaths, compareStrings, type Issue } from '../support/issues.js';
import { dataInvariants, factDomain, INVARIANTS, invariantFacts, invariantFormula, type Invariant } from './fact-space.js';
import { and, BookFormulas, not, or, possibleActionCodes, possibleOutcomes } from './formulas.js';
import { AS_OF, CompiledFormula, type Exclusion, type FactDomain, type Formula, type SearchOutcome, type Solution } from './solver.js';
import { findWitness, mergeTargets, targetsOf, WitnessEvaluator, witnessOf, type Witness, type WitnessLimits, type WitnessRun } from './witness.js';
import type { FactTarget } from './realise.js';

export type { Witness } from './witness.js';

/** A comparison of a rule that takes part in a proof. */
export interface ProofCondition {
  /** Where it sits in the rule's conditions (`effective` for the period in force). */
  readonly path: string;
  readonly fact: string;
  readonly operator: string;
  readonly expected: unknown;
}

/** Why a rule can never fire. */
export interface UnreachableProof {
  /** The rule's comparisons that cannot hold together (a smallest set found), or its period in force. */
  readonly conditions: readonly ProofCondition[];
  /** The invariants of the derivation the proof rests on. */
  readonly invariants: readonly { readonly id: string; readonly about: string }[];
  /** Steps of the search that covered every assignment. */
  readonly steps: number;
}

/** What a rule's change of another rule does: the rule it replaces, or the rule it is an exception to. */
export interface ChangeBy {
  readonly ruleId: string;
  readonly via: 'replaces' | 'exceptionTo';
  /** The rule replaced or excepted. */
  readonly target: string;
}

/** A semantic finding: an issue (code, path, message, severity) with what shows it. */
export type Finding = Issue<FindingCode> &
  (
    | { readonly code: 'unreachable'; readonly ruleId: string; readonly proof: UnreachableProof }
    | { readonly code: 'conflict'; readonly rules: readonly [string, string]; readonly outcomes: readonly Outcome[]; readonly witness: Witness }
    | { readonly code: 'gap'; readonly openedBy?: ChangeBy; readonly witness: Witness }
    | { readonly code: 'knock_on'; readonly ruleId: string; readonly changedBy: ChangeBy; readonly actionCode: string; readonly before: 'fires' | 'does not fire'; readonly witness: Witness }
    | { readonly code: 'no_witness'; readonly target: string; readonly searched: { readonly assignments: number; readonly cases: number; readonly steps: number } }
  );

/** The codes of findings. */
export const FINDING_CODES = ['unreachable', 'conflict', 'gap', 'knock_on', 'no_witness'] as const;

/** A code of a finding. */
export type FindingCode = (typeof FINDING_CODES)[number];

/** How one search went. */
export interface SearchReport {
  /** What was searched for: `reachable <rule>`, `conflicts`, `gap`, `knock-on <rule>`. */
  readonly target: string;
  /** `proven` (the search covered every assignment and found none), `witnessed`, `no_witness`, `budget` (stopped at its budget). */
  readonly result: 'proven' | 'witnessed' | 'no_witness' | 'budget';
  /** Steps of the search in the fact space. */
  readonly steps: number;
  /** Solutions turned into cases. */
  readonly assignments: number;
  /** Cases evaluated. */
  readonly cases: number;
}

/** The result of `analyzeRuleSets`. */
export interface AnalysisReport {
  /** Every finding, sorted by code then path (numbers by value) then message. */
  readonly findings: readonly Finding[];
  /** How each search went. */
  readonly searches: readonly SearchReport[];
  /** Witness drafts that were not valid cases (a constructor's mistake; 0). */
  readonly invalidDrafts: number;
  /**
   * The work the analysis did, in units of its budget (`AnalysisOptions.budget`): each question
   * asked of the fact space and each case evaluated is one unit.
   */
  readonly work: { readonly budget: number; readonly used: number };
}

/** Options of `analyzeRuleSets`: the evaluator's, plus what to check and the budgets. */
export interface AnalysisOptions extends Omit<EvaluatorOptions, 'engine'> {
  /**
   * Which rules to check: `added` — the rules of the rule sets passed (the bundled ones only as
   * context: conflicts and gaps are searched when an added rule decides an outcome or changes
   * one); `all` — every rule. Default: `added` when rule sets are passed, `all` otherwise.
   */
  readonly check?: 'added' | 'all';
  /** Steps of one search in the fact space. Default 20,000. */
  readonly steps?: number;
  /** Cases evaluated at most for one witness. Default 24. */
  readonly casesPerWitness?: number;
  /**
   * The work the whole analysis may do, shared by every search: each question asked of the fact
   * space and each case evaluated is one unit. Once it is spent, the searches for witnesses left
   * are not started, and what they were for is reported as `no_witness` (variant `total`); the
   * search of the fact space that can prove a rule unreachable is always made. Default
   * {@link ANALYSIS_BUDGET} (12,000).
   */
  readonly budget?: number;
}

/**
 * The default work budget of `analyzeRuleSets` (`AnalysisOptions.budget`): 12,000 units, each a
 * question asked of the fact space or a case evaluated. 200 generated rules with the bundled
 * ones use about 4,100.
 *
 * @example
 * ```ts
 * import { analyzeRuleSets, ANALYSIS_BUDGET } from 'red-notice-rules/analysis';
 *
 * const report = analyzeRuleSets([], { budget: ANALYSIS_BUDGET / 2 });
 * report.work.used <= report.work.budget; // true
 * ```
 */
export const ANALYSIS_BUDGET = 12_000;

/** @internal Solutions tried at most for one witness. */
const MAX_SOLUTIONS = 6;

/**
 * @internal The search for a pair of rules that the witness of their group did not show: smaller
 * than for a witness of its own (such pairs are seldom shown, and their searches were most of the
 * work on large rule sets). A pair not shown is a 'no witness found', never left out.
 */
const PAIR_LIMITS = { maxSolutions: 2, maxCases: 2, casesPerSolution: 1 } as const;

/** @internal Rules whose reachability is asked in one fact space. */
const PROOF_BATCH = 48;

/**
 * @internal Cases for one fact assignment of a knock-on effect (each evaluated twice, with and
 * without the change): other variants of the same assignment seldom show what it did not.
 */
const KNOCK_ON_CASES_PER_SOLUTION = 2;

/** @internal The search for a witness of a group of conflicting rules. */
const GROUP_LIMITS = { maxSolutions: 2, maxCases: 3, casesPerSolution: 2 } as const;

/**
 * Runs the semantic checks on rule sets (by default together with the bundled ones, as
 * `createEvaluator` would load them). Throws `RuleSetError` when they do not load. Paths name
 * the rule sets as the caller does: `[0]` for the first of `ruleSets`, `bundled[k]` for a
 * bundled one.
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
 * // No rule decides the outcome of a diffusion, and the witness shows it:
 * report.findings.map((finding) => finding.code); // ['gap']
 * report.findings[0]?.code === 'gap' && report.findings[0].witness.case.notices[0]?.kind; // 'diffusion'
 * ```
 */
export function analyzeRuleSets(ruleSets: readonly unknown[] = [], options: AnalysisOptions = {}): AnalysisReport {
  const { book, misusePatterns } = loadRuleBook({ ...options, ruleSets });
  return new Analysis(book, misusePatterns, ruleSets.length, options).run();
}

/** @internal One run of the analysis over a loaded book. */
class Analysis {
  private readonly findings: Finding[] = [];
  private readonly searches: SearchReport[] = [];
  private readonly evaluator: WitnessEvaluator;
  private readonly proof: BookFormulas;
  private readonly witnessing: BookFormulas;
  private readonly checkAll: boolean;
  private readonly added: ReadonlySet<string>;
  private readonly pathOf: ReadonlyMap<string, { path: string; set: number; index: number }>;
  private readonly invariants: readonly Invariant[];
  private readonly steps: number;
  private readonly casesPerWitness: number;
  private readonly budget: number;
  /** @internal Questions asked of the fact space so far. */
  private questions = 0;
  private readonly customFacts: ReadonlyMap<string, CustomFact>;
  private readonly outcomes: readonly string[];
  private readonly actionCodes: readonly string[];

  constructor(
    private readonly book: RuleBook,
    private readonly misusePatterns: readonly MisusePattern[],
    private readonly addedCount: number,
    private readonly options: AnalysisOptions,
  ) {
    this.evaluator = new WitnessEvaluator(book, misusePatterns);
    const lists = this.evaluator.lists;
    this.proof = new BookFormulas(book, lists, 'proof');
    this.witnessing = new BookFormulas(book, lists, 'witness');
    this.checkAll = (options.check ?? (addedCount > 0 ? 'added' : 'all')) === 'all';
    const bundledCount = book.ruleSets.length - addedCount;
    this.added = new Set(book.ruleSets.slice(bundledCount).map((ruleSet) => ruleSet.id));
    const paths = new Map<string, { path: string; set: number; index: number }>();
    book.ruleSets.forEach((ruleSet, set) => {
      const source = set < bundledCount ? `bundled[${set}]` : `[${set - bundledCount}]`;
      ruleSet.json.rules.forEach((rule, index) => paths.set(rule.id, { path: `${source}.rules[${index}]`, set, index }));
    });
    this.pathOf = paths;
    this.invariants = [...INVARIANTS, ...dataInvariants(misusePatterns.flatMap((pattern) => pattern.countries))];
    this.steps = options.steps ?? 20_000;
    this.casesPerWitness = options.casesPerWitness ?? 24;
    this.budget = options.budget ?? ANALYSIS_BUDGET;
    this.customFacts = new Map(book.customFacts.map((fact) => [fact.name, fact]));
    this.outcomes = possibleOutcomes(lists);
    this.actionCodes = possibleActionCodes(lists);
  }

  run(): AnalysisReport {
    const lists = this.evaluator.lists;
    // Conflicts and gaps first: their witnesses show many rules firing, which then need no search of their own.
    this.conflicts();
    this.gaps();
    for (const rule of [...lists.case, ...lists.notice1, ...lists.notice2]) if (this.checked(rule)) this.reachability(rule);
    this.knockOns();
    return {
      findings: this.findings.sort((a, b) => compareStrings(a.code, b.code) || comparePaths(a.path, b.path) || compareStrings(a.message, b.message)),
      searches: this.searches,
      invalidDrafts: this.evaluator.invalid,
      work: { budget: this.budget, used: this.used() },
    };
  }

  /** @internal Units of the budget used: questions asked, cases evaluated (with and without a change, for knock-on effects). */
  private used(): number {
    let cases = this.evaluator.cases + this.evaluator.invalid;
    for (const reference of this.references.values()) if (reference !== undefined) cases += reference.evaluator.cases + reference.evaluator.invalid;
    return this.questions + cases;
  }

  /** @internal Whether the budget is spent. */
  private spent(): boolean {
    return this.used() >= this.budget;
  }

  /** @internal Limits of a witness search, within what is left of the budget. */
  private within(limits: WitnessLimits): WitnessLimits {
    const left = Math.max(0, this.budget - this.used());
    return { ...limits, maxSolutions: Math.min(limits.maxSolutions, left), maxCases: Math.min(limits.maxCases, left) };
  }

  /** @internal Whether a rule is one of those checked. */
  private checked(rule: CompiledRule): boolean {
    return this.checkAll || this.added.has(rule.ruleSet);
  }

  /** @internal The domain of a fact for the search (result facts: what the first pass can give). */
  private domainOf = (fact: string): FactDomain | undefined => {
    if (fact === 'notice.outcome') return { type: 'enum', values: this.outcomes, unknown: false };
    if (fact === 'notice.actionCodes') return { type: 'list', items: this.actionCodes, unknown: false };
    return factDomain(findFact(fact) ?? this.customFacts.get(fact));
  };

  /** @internal The invariants that bear on one goal, computed once per goal. */
  private readonly relevantCache = new Map<Formula, Invariant[]>();
  private relevantInvariantsOf(goal: Formula): Invariant[] {
    let found = this.relevantCache.get(goal);
    if (found === undefined) {
      // Those of an `and` or an `or` of formulas already asked about are theirs together (the
      // closure of a union is the union of the closures): no new walk of the whole formula.
      if ((goal.kind === 'and' || goal.kind === 'or') && goal.children.every((child) => this.relevantCache.has(child))) {
        const chosen = new Set(goal.children.flatMap((child) => this.relevantCache.get(child)!));
        found = this.invariants.filter((invariant) => chosen.has(invariant));
      } else {
        found = this.relevantInvariants(goal);
      }
      this.relevantCache.set(goal, found);
    }
    return found;
  }

  /** @internal The invariants that bear on a formula's facts: those about them, and about those invariants' facts. */
  private relevantInvariants(formula: Formula): Invariant[] {
    const facts = factsOf(formula);
    const chosen = new Set<Invariant>();
    let grown = true;
    while (grown) {
      grown = false;
      for (const invariant of this.invariants) {
        if (chosen.has(invariant)) continue;
        const about = this.invariantFactsOf(invariant);
        if (about.some((fact) => facts.has(fact))) {
          chosen.add(invariant);
          for (const fact of about) facts.add(fact);
          grown = true;
        }
      }
    }
    return this.invariants.filter((invariant) => chosen.has(invariant));
  }

  /** @internal The facts of each invariant, listed once. */
  private readonly invariantFactsCache = new Map<Invariant, string[]>();
  private invariantFactsOf(invariant: Invariant): string[] {
    let facts = this.invariantFactsCache.get(invariant);
    if (facts === undefined) this.invariantFactsCache.set(invariant, (facts = invariantFacts(invariant)));
    return facts;
  }

  /** @internal No mandatory outcome rule fires (where presumptions decide). */
  private noMandatoryValue: Formula | undefined;
  private noMandatory(): Formula {
    this.noMandatoryValue ??= and(this.evaluator.lists.notice1.filter((rule) => rule.json.outcome !== undefined && rule.json.effect === 'mandatory').map((rule) => not(this.proof.fires(rule))));
    return this.noMandatoryValue;
  }

  /**
   * @internal The fact space for some goals: their formulas and the invariants about their facts
   * (and about those invariants' facts, and so on), compiled for the SAT solver.
   */
  private spaceFor(goals: readonly Formula[], extra: readonly Formula[] = []): CompiledFormula {
    return new CompiledFormula([...goals, ...extra], this.relevantInvariants(and([...goals, ...extra])).map(invariantFormula), this.domainOf);
  }

  /** @internal Records a search. */
  private report(target: string, result: SearchReport['result'], outcome: { steps: number; assignments?: number; cases?: number }): void {
    this.searches.push({ target, result, steps: outcome.steps, assignments: outcome.assignments ?? 0, cases: outcome.cases ?? 0 });
  }

  /** @internal Asks a space for goals: every solution on demand, the first at once, and how the search ended. */
  private ask(space: CompiledFormula, goals: readonly Formula[], shared = false): { solutions: Iterator<Solution, unknown, Exclusion | undefined>; first: Solution | undefined; outcome: () => SearchOutcome | undefined; steps: () => number } {
    // In a space shared by several questions, each asks for the invariants about its own goals only.
    const only = shared ? new Set(goals.flatMap((goal) => this.relevantInvariantsOf(goal)).map(invariantFormula)) : undefined;
    const generator = space.solve(goals, this.steps, new Set(), only);
    let outcome: SearchOutcome | undefined;
    let steps = 0;
    const pull = (exclusion?: Exclusion): IteratorResult<Solution, unknown> => {
      this.questions++;
      const next = generator.next(exclusion);
      if (next.done) {
        outcome = next.value as SearchOutcome;
        steps = outcome.steps;
      } else {
        steps = next.value.steps;
      }
      return next;
    };
    const firstResult = pull();
    const first = firstResult.done ? undefined : firstResult.value;
    let handedFirst = false;
    const solutions: Iterator<Solution, unknown, Exclusion | undefined> = {
      next: (exclusion?: Exclusion) => {
        if (!handedFirst) {
          handedFirst = true;
          return first === undefined ? { done: true, value: undefined } : { done: false, value: first };
        }
        return outcome === undefined ? pull(exclusion) : { done: true, value: undefined };
      },
    };
    return { solutions, first, outcome: () => outcome, steps: () => steps };
  }

  // ---- reachability ----------------------------------------------------------------------------

  /** @internal Whether a rule can be true in force: a proof that it cannot, or a witness that it can. */
  private reachability(rule: CompiledRule): void {
    const target = `reachable ${rule.id}`;
    const at = this.pathOf.get(rule.id)!.path;
    if (this.evaluator.reached.has(rule)) {
      this.report(target, 'witnessed', { steps: 0 });
      return;
    }
    if (rule.from !== undefined && rule.to !== undefined && rule.to < rule.from) {
      this.findings.push({
        ...makeIssue('unreachable', at, { variant: 'period', rule: rule.id }),
        code: 'unreachable',
        ruleId: rule.id,
        proof: { conditions: [{ path: 'effective', fact: AS_OF, operator: 'between', expected: [rule.from, rule.to] }], invariants: [], steps: 0 },
      });
      this.report(target, 'proven', { steps: 0 });
      return;
    }
    const proofSpace = this.proofSpace(rule);
    const search = this.ask(proofSpace, [this.proof.holds(rule)], true);
    if (search.first === undefined) {
      const outcome = search.outcome()!;
      if (outcome.exhausted) {
        const proof = this.explainUnreachable(rule, proofSpace, outcome.steps);
        this.findings.push({ ...makeIssue('unreachable', at, { rule: rule.id, conditions: proof.conditions.map((item) => item.path).join(', ') }), code: 'unreachable', ruleId: rule.id, proof });
        this.report(target, 'proven', outcome);
      } else {
        this.noWitness(target, at, { assignments: 0, cases: 0, steps: outcome.steps }, 'budget');
      }
      return;
    }
    // A rule of the second pass needs the first pass to decide what it reads: search again, reading the result facts through it.
    let space = proofSpace;
    let witnessSearch = search;
    if (rule.stage === 2) {
      const goal = this.witnessing.holds(rule);
      space = this.spaceFor([goal]);
      witnessSearch = this.ask(space, [goal]);
    }
    const found = findWitness(this.evaluator, space, witnessSearch.solutions, (run) => (this.evaluator.truthOf(run, rule) === TRUE ? true : undefined), this.within({ maxSolutions: MAX_SOLUTIONS, maxCases: this.casesPerWitness }));
    const steps = witnessSearch.steps();
    if (found.found !== undefined) this.report(target, 'witnessed', { steps, assignments: found.assignments, cases: found.cases });
    else this.noWitness(target, at, { assignments: found.assignments, cases: found.cases, steps }, 'no_witness', rule.id);
  }

  /**
   * @internal The fact space in which a rule's reachability is asked: one for a batch of the
   * rules that still need a search of their own — this rule and the next ones
   * ({@link PROOF_BATCH}; a space per rule cost more to compile than to ask, one for every rule
   * more than needed when most are seen firing) — each question asking for the invariants about
   * its own goal only.
   */
  private proofSpaceValue: CompiledFormula | undefined;
  private proofSpace(rule: CompiledRule): CompiledFormula {
    if (this.proofSpaceValue?.nodeOf(this.proof.holds(rule)) !== undefined) return this.proofSpaceValue;
    const lists = this.evaluator.lists;
    const all = [...lists.case, ...lists.notice1, ...lists.notice2];
    const batch = all.slice(all.indexOf(rule)).filter((other) => other === rule || (this.checked(other) && !this.evaluator.reached.has(other))).slice(0, PROOF_BATCH);
    this.proofSpaceValue = this.spaceFor(batch.map((other) => this.proof.holds(other)), batch.flatMap((other) => conjunctsOf(other, this.proof).map((part) => part.formula)));
    return this.proofSpaceValue;
  }

  /** @internal A finding that nothing was shown either way. */
  private noWitness(target: string, path: string, searched: { assignments: number; cases: number; steps: number }, result: 'no_witness' | 'budget', ruleId?: string): void {
    // A search cut short by the analysis's budget says so (what it searched, and the budget).
    const variant = result === 'budget' ? 'budget' : this.spent() ? 'total' : 'cases';
    this.findings.push({
      ...makeIssue('no_witness', path, { variant, target, assignments: searched.assignments, cases: searched.cases, steps: searched.steps, budget: this.budget, ...(ruleId === undefined ? {} : { rule: ruleId }) }, 'warning'),
      code: 'no_witness',
      target,
      searched,
    });
    this.report(target, result, searched);
  }

  /** @internal The smallest set of a rule's comparisons (and invariants) found that cannot hold together. */
  private explainUnreachable(rule: CompiledRule, space: CompiledFormula, steps: number): UnreachableProof {
    const parts = conjunctsOf(rule, this.proof);
    // The invariants about the rule's facts, as its question asked for them.
    const only = new Set(this.relevantInvariantsOf(this.proof.holds(rule)).map(invariantFormula));
    const unsatisfiable = (chosen: typeof parts, without: ReadonlySet<Formula>) => {
      const next = space.solve(chosen.map((part) => part.formula), this.steps, without, only).next();
      return next.done === true && (next.value as SearchOutcome).exhausted;
    };
    let core = [...parts];
    for (const part of parts) {
      const without = core.filter((item) => item !== part);
      if (without.length > 0 && unsatisfiable(without, new Set())) core = without;
    }
    // The invariants the proof needs: each left out in turn, kept if without it the conditions could hold.
    const dropped = new Set<Formula>();
    const needed: Invariant[] = [];
    for (const invariant of this.relevantInvariants(this.proof.holds(rule))) {
      const formula = invariantFormula(invariant);
      dropped.add(formula);
      if (!unsatisfiable(core, dropped)) {
        dropped.delete(formula);
        needed.push(invariant);
      }
    }
    const paths = new Set(core.flatMap((part) => part.paths));
    const conditions: ProofCondition[] = [];
    if (paths.has('effective')) conditions.push({ path: 'effective', fact: AS_OF, operator: 'between', expected: [rule.from ?? null, rule.to ?? null] });
    for (const atom of rule.conditions.atoms) if (paths.has(atom.path)) conditions.push({ path: atom.path, fact: atom.fact, operator: atom.operator.name, expected: atom.value });
    return { conditions, invariants: needed.map(({ id, about }) => ({ id, about })), steps };
  }

  // ---- conflicts -------------------------------------------------------------------------------

  /**
   * @internal Pairs of outcome rules that disagree and can both fire, each shown by a witness
   * or proven impossible. Witnesses are shared: starting from one rule, the search adds every
   * rule of another outcome that can fire with those already chosen, and one witness where they
   * all fire shows every pair among them (the evaluation reports every rule that fired).
   */
  private conflicts(): void {
    const outcomeRules = this.evaluator.lists.notice1.filter((rule) => rule.json.outcome !== undefined);
    const layers = [
      { rules: outcomeRules.filter((rule) => rule.json.effect === 'mandatory'), extra: [] as Formula[] },
      { rules: outcomeRules.filter((rule) => rule.json.effect === 'presumption'), extra: [this.noMandatory()] },
    ];
    const key = (a: CompiledRule, b: CompiledRule) => (a.id < b.id ? `${a.id}\u0000${b.id}` : `${b.id}\u0000${a.id}`);
    const totals = { steps: 0, cases: 0, assignments: 0, witnessed: 0, unresolved: 0 };
    for (const { rules, extra } of layers) {
      const open = new Set<string>();
      for (let i = 0; i < rules.length; i++) {
        for (let j = i + 1; j < rules.length; j++) {
          const a = rules[i]!;
          const b = rules[j]!;
          if (a.json.outcome !== b.json.outcome && (this.checked(a) || this.checked(b))) open.add(key(a, b));
        }
      }
      if (open.size === 0) continue;
      // Every case evaluated for the layer, whatever it was built for, shows the pairs it reports.
      this.evaluator.observer = (run, witness) => {
        const resolution = this.noticeOf(run)?.resolution;
        if (resolution?.code === 'conflicting_rules' && this.conflictFindings(resolution.rules, witness(), open, key) > 0) totals.witnessed++;
      };
      // One space for the layer: every question about it asks it.
      const space = this.spaceFor([...extra, ...rules.map((rule) => this.proof.fires(rule))]);
      // First, each rule firing alone; the solutions that do not clash are packed into one case,
      // which shows every pair of the rules that fire in it (most pairs need no search of their own).
      const alone = new Map<CompiledRule, Map<string, FactTarget>>();
      for (const rule of rules) {
        if (!rules.some((other) => open.has(key(rule, other)))) continue;
        const search = this.ask(space, [...extra, this.proof.fires(rule)], true);
        totals.steps += search.steps();
        if (search.first !== undefined) alone.set(rule, targetsOf(space, search.first));
        else if (search.outcome()!.exhausted) for (const other of rules) open.delete(key(rule, other));
      }
      const started = new Set<CompiledRule>();
      for (let round = 0; round < rules.length && !this.spent(); round++) {
        const start = rules.find((rule) => !started.has(rule) && alone.has(rule) && rules.some((other) => open.has(key(rule, other))));
        if (start === undefined) break;
        started.add(start);
        let merged: Map<string, FactTarget> = alone.get(start)!;
        const packed = [start];
        // Rules with a pair still open with the pack first.
        const candidates = rules.filter((rule) => rule !== start && alone.has(rule)).sort((a, b) => Number(open.has(key(start, b))) - Number(open.has(key(start, a))));
        for (const rule of candidates) {
          const next = mergeTargets(merged, alone.get(rule)!);
          if (next === undefined) continue;
          merged = next;
          packed.push(rule);
        }
        if (packed.length < 2) continue;
        const found = witnessOf(this.evaluator, merged, (run) => {
          const resolution = this.noticeOf(run)?.resolution;
          return resolution?.code === 'conflicting_rules' && resolution.rules.includes(start.id) ? resolution : undefined;
        }, Math.min(2, this.budget - this.used()));
        totals.cases += found.cases;
        if (found.found === undefined) continue;
        totals.witnessed++;
        this.conflictFindings(found.found.result.rules, found.found.witness, open, key);
      }
      for (const first of rules) {
        const partners = () => rules.filter((other) => other !== first && open.has(key(first, other)));
        // Past the budget, the pairs left are reported below as not shown.
        while (!this.spent() && partners().length > 0) {
          // Grow a group around `first`: ask for it and any of the rules left; every one the model makes fire joins.
          const group = [first];
          let goals: Formula[] = [...extra, this.proof.fires(first)];
          let left = partners();
          let grown = false;
          while (left.length > 0) {
            const anyLeft = or(left.map((rule) => this.proof.fires(rule)));
            space.add(anyLeft);
            const tried = this.ask(space, [...goals, anyLeft], true);
            totals.steps += tried.steps();
            const model = tried.first;
            if (model === undefined) {
              if (group.length === 1) {
                // None of them can fire with `first`: proven (or the budget ran out).
                const outcome = tried.outcome()!;
                for (const other of left) {
                  open.delete(key(first, other));
                  if (outcome.exhausted) continue;
                  totals.unresolved++;
                  this.noWitness(`conflict ${first.id} ${other.id}`, this.pathOfChecked(first, other), { assignments: 0, cases: 0, steps: outcome.steps }, 'budget');
                }
              }
              break;
            }
            const truths = space.truthsUnder(model, left.map((rule) => this.proof.fires(rule)));
            const joining = left.filter((_, i) => truths[i] === TRUE);
            if (joining.length === 0) break;
            group.push(...joining);
            goals = [...goals, ...joining.map((rule) => this.proof.fires(rule))];
            left = left.filter((rule) => !joining.includes(rule));
            grown = true;
          }
          if (!grown) break;
          const search = this.ask(space, goals, true);
          if (search.first === undefined) break;
          // A witness must show `first` firing with at least one of the others; then every pair it shows is settled.
          const goal = (run: WitnessRun) => {
            const resolution = this.noticeOf(run)?.resolution;
            return resolution?.code === 'conflicting_rules' && resolution.rules.includes(first.id) && group.some((rule) => rule !== first && resolution.rules.includes(rule.id)) ? resolution : undefined;
          };
          const found = findWitness(this.evaluator, space, search.solutions, goal, this.within(GROUP_LIMITS));
          totals.cases += found.cases;
          totals.assignments += found.assignments;
          if (found.found !== undefined) {
            totals.witnessed++;
            this.conflictFindings(found.found.result.rules, found.found.witness, open, key);
          }
          // Pairs of the group the witness did not show: each on its own.
          for (const other of group.slice(1)) {
            if (this.spent()) break;
            if (!open.has(key(first, other))) continue;
            const pairGoals = [...extra, this.proof.fires(first), this.proof.fires(other)];
            const pairSearch = this.ask(space, pairGoals, true);
            const pairFound = pairSearch.first === undefined ? undefined : findWitness(this.evaluator, space, pairSearch.solutions, (run) => {
              const resolution = this.noticeOf(run)?.resolution;
              return resolution?.code === 'conflicting_rules' && resolution.rules.includes(first.id) && resolution.rules.includes(other.id) ? resolution : undefined;
            }, this.within(PAIR_LIMITS));
            totals.cases += pairFound?.cases ?? 0;
            totals.assignments += pairFound?.assignments ?? 0;
            if (pairFound?.found !== undefined) {
              totals.witnessed++;
              this.conflictFindings(pairFound.found.result.rules, pairFound.found.witness, open, key);
              continue;
            }
            open.delete(key(first, other));
            const exhausted = pairSearch.first === undefined && pairSearch.outcome()!.exhausted;
            if (exhausted) continue;
            totals.unresolved++;
            this.noWitness(`conflict ${first.id} ${other.id}`, this.pathOfChecked(first, other), { assignments: pairFound?.assignments ?? 0, cases: pairFound?.cases ?? 0, steps: pairSearch.steps() }, pairSearch.first === undefined ? 'budget' : 'no_witness');
          }
        }
      }
      // A pair still open was neither shown nor proven impossible: said so, never left out.
      for (let i = 0; i < rules.length; i++) {
        for (let j = i + 1; j < rules.length; j++) {
          const [a, b] = [rules[i]!, rules[j]!];
          if (!open.delete(key(a, b))) continue;
          totals.unresolved++;
          this.noWitness(`conflict ${[a.id, b.id].sort(compareStrings).join(' ')}`, this.pathOfChecked(a, b), { assignments: 0, cases: 0, steps: 0 }, 'no_witness');
        }
      }
    }
    this.evaluator.observer = undefined;
    // `proven` only when every pair was shown impossible.
    this.report('conflicts', totals.witnessed > 0 ? 'witnessed' : totals.unresolved > 0 ? 'no_witness' : 'proven', totals);
  }

  /** @internal The conflicts a witness shows: every pair of the rules its evaluation reports with different outcomes, still open (how many). */
  private conflictFindings(ruleIds: readonly string[], witness: Witness, open: Set<string>, key: (a: CompiledRule, b: CompiledRule) => string): number {
    let shown = 0;
    const reported = ruleIds.map((id) => this.book.byId.get(id)).filter((rule): rule is CompiledRule => rule !== undefined);
    for (let x = 0; x < reported.length; x++) {
      for (let y = x + 1; y < reported.length; y++) {
        const one = reported[x]!;
        const two = reported[y]!;
        if (!open.delete(key(one, two))) continue;
        shown++;
        const pair = [one.id, two.id].sort(compareStrings) as [string, string];
        const outcomes = [one.json.outcome!, two.json.outcome!].sort(compareStrings) as Outcome[];
        this.findings.push({
          ...makeIssue('conflict', this.pathOfChecked(one, two), { rule: pair[0], other: pair[1], outcomes: outcomes.join(', ') }),
          code: 'conflict',
          rules: pair,
          outcomes,
          witness,
        });
      }
    }
    return shown;
  }

  /** @internal The path of the checked rule of a pair (the caller's rule, when only one of them is). */
  private pathOfChecked(a: CompiledRule, b: CompiledRule): string {
    const rule = this.checked(a) || !this.checked(b) ? a : b;
    return this.pathOf.get(rule.id)!.path;
  }

  /** @internal The outcome of the witness notice. */
  private noticeOf(run: WitnessRun) {
    return run.decision;
  }

  // ---- gaps --------------------------------------------------------------------------------------

  /** @internal A notice no outcome rule decides: searched for each change of yours that may open one, and once in all. */
  private gaps(): void {
    const outcomeRules = this.evaluator.lists.notice1.filter((rule) => rule.json.outcome !== undefined);
    const openers = this.openers().filter((change) => this.changedRule(change)?.json.outcome !== undefined);
    const ownOutcomes = this.checkAll || outcomeRules.some((rule) => this.checked(rule));
    if (outcomeRules.length === 0 || (!ownOutcomes && openers.length === 0)) return;
    const gap = this.proof.gap();
    const isGap = (run: WitnessRun) => (this.noticeOf(run)?.resolution.code === 'no_rule_applies' ? true : undefined);
    const opened = new Set<ChangeBy>();
    const goalsOf = (change: ChangeBy): Formula[] => {
      const changed = this.changedRule(change)!;
      return change.via === 'exceptionTo' ? [gap, this.proof.holds(changed), this.proof.fires(this.book.byId.get(change.ruleId)!)] : [gap, this.proof.holds(changed)];
    };
    // One space for every question about a gap.
    const gapSpace = this.spaceFor([gap, ...openers.flatMap(goalsOf)]);
    // Each change that may open a gap: a notice where the rule it takes out would have decided.
    for (const change of openers) {
      const target = `gap opened by ${change.ruleId}`;
      const goals = goalsOf(change);
      const compiled = gapSpace;
      const search = this.ask(compiled, goals, true);
      if (search.first === undefined) {
        const outcome = search.outcome()!;
        if (outcome.exhausted) this.report(target, 'proven', outcome);
        else this.noWitness(target, this.changePath(change), { assignments: 0, cases: 0, steps: outcome.steps }, 'budget');
        continue;
      }
      const found = findWitness(this.evaluator, compiled, search.solutions, isGap, this.within({ maxSolutions: MAX_SOLUTIONS, maxCases: this.casesPerWitness }));
      const steps = search.steps();
      if (found.found === undefined) {
        this.noWitness(target, this.changePath(change), { assignments: found.assignments, cases: found.cases, steps }, 'no_witness');
        continue;
      }
      opened.add(change);
      this.findings.push({ ...makeIssue('gap', this.changePath(change), { variant: change.via, rule: change.ruleId, target: change.target }), code: 'gap', openedBy: change, witness: found.found.witness });
      this.report(target, 'witnessed', { steps, assignments: found.assignments, cases: found.cases });
    }
    if (!ownOutcomes) return;
    // Any gap at all (the rule sets checked decide outcomes themselves).
    const compiled = gapSpace;
    const search = this.ask(compiled, [gap], true);
    if (search.first === undefined) {
      const outcome = search.outcome()!;
      if (outcome.exhausted) this.report('gap', 'proven', outcome);
      else this.noWitness('gap', '', { assignments: 0, cases: 0, steps: outcome.steps }, 'budget');
      return;
    }
    const found = findWitness(this.evaluator, compiled, search.solutions, isGap, this.within({ maxSolutions: MAX_SOLUTIONS, maxCases: this.casesPerWitness }));
    const steps = search.steps();
    if (found.found === undefined) {
      this.noWitness('gap', '', { assignments: found.assignments, cases: found.cases, steps }, 'no_witness');
      return;
    }
    // A gap that a change of yours opened is that change's (already reported, or reported now).
    const opener = openers.find((change) => this.opens(change, found.found!.run));
    this.report('gap', 'witnessed', { steps, assignments: found.assignments, cases: found.cases });
    if (opener !== undefined && opened.has(opener)) return;
    this.findings.push({
      ...(opener === undefined ? makeIssue('gap', '') : makeIssue('gap', this.changePath(opener), { variant: opener.via, rule: opener.ruleId, target: opener.target })),
      code: 'gap',
      ...(opener === undefined ? {} : { openedBy: opener }),
      witness: found.found.witness,
    });
  }

  /** @internal The changes the checked rules make to other rules: what they replace, what they are exceptions to. */
  private openers(): ChangeBy[] {
    const changes: ChangeBy[] = [];
    for (const rule of this.book.rules) {
      if (!this.checked(rule)) continue;
      if (rule.json.replaces !== undefined) changes.push({ ruleId: rule.id, via: 'replaces', target: rule.json.replaces });
      for (const target of rule.json.exceptionTo ?? []) if (this.book.byId.has(target)) changes.push({ ruleId: rule.id, via: 'exceptionTo', target });
    }
    return changes.sort((a, b) => compareStrings(a.ruleId, b.ruleId) || compareStrings(a.target, b.target));
  }

  /** @internal The rule a change takes out: the rule excepted (in the book), or the rule replaced (compiled apart: it is not in the book). */
  private readonly changedRules = new Map<string, CompiledRule | undefined>();
  private changedRule(change: ChangeBy): CompiledRule | undefined {
    if (change.via === 'exceptionTo') return this.book.byId.get(change.target);
    if (this.changedRules.has(change.target)) return this.changedRules.get(change.target);
    const entry = this.book.replaced.find((item) => item.ruleId === change.target);
    const ruleSet = entry === undefined ? undefined : this.book.ruleSets.find((set) => set.id === entry.ruleSet)?.json;
    const json = ruleSet?.rules.find((rule) => rule.id === change.target);
    let compiled: CompiledRule | undefined;
    if (ruleSet !== undefined && json !== undefined) {
      const { from, to } = periodInForce(json, ruleSet);
      compiled = {
        id: json.id,
        ruleSet: ruleSet.id,
        order: -1,
        json,
        conditions: compileConditions(json.conditions, ruleSet.conditions ?? {}, this.book.operators),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        stage: readsResultFacts(json.conditions, ruleSet.conditions ?? {}) ? 2 : 1,
      };
    }
    this.changedRules.set(change.target, compiled);
    return compiled;
  }

  /** @internal Whether a witness of a gap is one a change opened: the rule it takes out would have fired. */
  private opens(change: ChangeBy, run: WitnessRun): boolean {
    const changed = this.changedRule(change);
    if (changed === undefined) return false;
    if (change.via === 'exceptionTo') return this.evaluator.truthOf(run, changed) === TRUE && this.evaluator.truthOf(run, this.book.byId.get(change.ruleId)!) === TRUE;
    const facts = run.facts.notice1;
    return facts !== undefined && isInForce(changed, run.asOf) && changed.conditions.evaluate(facts) === TRUE;
  }

  /** @internal The path of the field of a change: `replaces`, or the `exceptionTo` entry. */
  private changePath(change: ChangeBy): string {
    const at = this.pathOf.get(change.ruleId)!.path;
    if (change.via === 'replaces') return `${at}.replaces`;
    const index = this.book.byId.get(change.ruleId)!.json.exceptionTo!.indexOf(change.target);
    return `${at}.exceptionTo[${index}]`;
  }

  // ---- knock-on effects ---------------------------------------------------------------------

  /**
   * @internal A change of yours takes out a rule whose action another rule reads
   * (`notice.actionCodes`): a witness where that rule decides otherwise than it would without
   * the change.
   */
  private knockOns(): void {
    const readers = this.evaluator.lists.notice2.filter((rule) => rule.conditions.atoms.some((atom) => atom.fact === 'notice.actionCodes'));
    if (readers.length === 0) return;
    // By action code: the changes that take out a rule giving it, and the rules that read it.
    const byCode = new Map<string, Array<{ change: ChangeBy; reader: CompiledRule }>>();
    for (const change of this.openers()) {
      const removed = this.changedRule(change)?.json;
      for (const code of [removed?.action?.code, removed?.factor?.action]) {
        if (code === undefined) continue;
        for (const reader of readers) {
          if (reader.id === change.ruleId || !reader.conditions.atoms.some((atom) => atom.fact === 'notice.actionCodes' && atom.value === code)) continue;
          const pairs = byCode.get(code) ?? [];
          pairs.push({ change, reader });
          byCode.set(code, pairs);
        }
      }
    }
    for (const [code, pairs] of [...byCode].sort(([a], [b]) => compareStrings(a, b))) {
      const questions = pairs.map(({ change, reader }) => ({ change, reader, goals: this.knockOnGoals(change, code, reader) }));
      // One space for the code: every question about it asks it.
      const space = this.spaceFor(questions.flatMap((question) => question.goals.flat()));
      for (const question of questions) this.knockOn(question.change, code, question.reader, question.goals, space);
    }
  }

  /**
   * @internal What a witness of a knock-on effect needs, in each direction: the rule taken out
   * would apply (without the change), the change takes it out, no other rule gives the code, and
   * the reader fires with the code and not without it (or the other way round).
   */
  private knockOnGoals(change: ChangeBy, code: string, reader: CompiledRule): [Formula[], Formula[]] {
    const changed = this.changedRule(change)!;
    const exceptions = (this.book.exceptionsTo.get(changed.id) ?? []).filter((rule) => rule.id !== change.ruleId);
    const appliesBefore = and([this.proof.holds(changed), ...exceptions.map((rule) => not(this.proof.fires(rule)))]);
    const takenOut = change.via === 'exceptionTo' ? this.proof.fires(this.book.byId.get(change.ruleId)!) : { kind: 'const', truth: TRUE } as const;
    const noOther = and(this.witnessing.producers(code).filter((rule) => rule !== changed).map((rule) => not(this.witnessing.fires(rule))));
    const reading = (present: boolean) => (comparison: Comparison): Formula | undefined => {
      if (comparison.fact !== 'notice.actionCodes' || comparison.value !== code) return undefined;
      return { kind: 'const', truth: comparison.operator.test(present ? [code] : [], code) ? TRUE : FALSE };
    };
    const before = this.witnessing.conditionWith(reader.conditions.root, reading(true));
    const after = this.witnessing.conditionWith(reader.conditions.root, reading(false));
    const common = [appliesBefore, takenOut, noOther, this.witnessing.inForce(reader)];
    return [
      [...common, before, not(after)],
      [...common, not(before), after],
    ];
  }

  /** @internal One possible knock-on effect: a witness of each direction, evaluated with and without the change. */
  private knockOn(change: ChangeBy, code: string, reader: CompiledRule, goals: readonly (readonly Formula[])[], space: CompiledFormula): void {
    const target = `knock-on ${reader.id} by ${change.ruleId}`;
    let searched = { assignments: 0, cases: 0, steps: 0 };
    let exhausted = true;
    for (const direction of goals) {
      const search = this.ask(space, direction, true);
      if (search.first === undefined) {
        searched = { ...searched, steps: searched.steps + search.steps() };
        if (!search.outcome()!.exhausted) exhausted = false;
        continue;
      }
      // The book without the change, made only when the fact space allows an effect.
      const reference = this.referenceBook(change);
      const referenceReader = reference?.book.byId.get(reader.id);
      if (reference === undefined || referenceReader === undefined) return;
      const found = findWitness(this.evaluator, space, search.solutions, (run): 'fires' | 'does not fire' | undefined => {
        const now = this.evaluator.truthOf(run, reader);
        const other = reference.evaluator.run(run.case, run.asOf);
        const then = other === undefined ? undefined : reference.evaluator.truthOf(other, referenceReader);
        if (then === undefined || now === undefined || then === UNDETERMINED || now === UNDETERMINED || then === now) return undefined;
        return then === TRUE ? 'fires' : 'does not fire';
      }, this.within({ maxSolutions: MAX_SOLUTIONS, maxCases: this.casesPerWitness, casesPerSolution: KNOCK_ON_CASES_PER_SOLUTION }));
      searched = { assignments: searched.assignments + found.assignments, cases: searched.cases + found.cases, steps: searched.steps + search.steps() };
      if (found.found !== undefined) {
        this.findings.push({
          ...makeIssue('knock_on', this.changePath(change), { variant: found.found.result === 'fires' ? 'stops' : 'starts', rule: reader.id, by: change.ruleId, code }, 'warning'),
          code: 'knock_on',
          ruleId: reader.id,
          changedBy: change,
          actionCode: code,
          before: found.found.result,
          witness: found.found.witness,
        });
        this.report(target, 'witnessed', searched);
        return;
      }
    }
    // Nothing shown: a warning when the fact space allowed an effect or the search stopped at its budget; proven otherwise.
    if (searched.assignments > 0) this.noWitness(target, this.changePath(change), searched, 'no_witness', reader.id);
    else if (!exhausted) this.noWitness(target, this.changePath(change), searched, 'budget', reader.id);
    else this.report(target, 'proven', searched);
  }

  /** @internal The book without one change (the rule keeps its conditions and effects, not its `replaces` or `exceptionTo` entry). */
  private readonly references = new Map<string, { book: RuleBook; evaluator: WitnessEvaluator } | undefined>();
  private referenceBook(change: ChangeBy): { book: RuleBook; evaluator: WitnessEvaluator } | undefined {
    const key = `${change.ruleId}\u0000${change.via}\u0000${change.target}`;
    if (this.references.has(key)) return this.references.get(key);
    const reference = this.withoutChange(change);
    const result = reference === undefined ? undefined : { book: reference, evaluator: new WitnessEvaluator(reference, this.misusePatterns) };
    this.references.set(key, result);
    return result;
  }

  /**
   * @internal The book as it would be without one change, made from the compiled book: without
   * an exception, the rule excepted no longer gives way to the rule of yours; without a
   * replacement, the rule replaced is back, with the exceptions declared to it.
   */
  private withoutChange(change: ChangeBy): RuleBook | undefined {
    const exceptionsTo = new Map([...this.book.exceptionsTo].map(([id, list]) => [id, [...list]]));
    if (change.via === 'exceptionTo') {
      exceptionsTo.set(change.target, (exceptionsTo.get(change.target) ?? []).filter((rule) => rule.id !== change.ruleId));
      return { ...this.book, exceptionsTo };
    }
    const replaced = this.changedRule(change);
    if (replaced === undefined) return undefined;
    // Exceptions declared to the replaced rule went to its replacement; back to it.
    const declared = (exceptionsTo.get(change.ruleId) ?? []).filter((rule) => rule.json.exceptionTo?.includes(replaced.id));
    exceptionsTo.set(change.ruleId, (exceptionsTo.get(change.ruleId) ?? []).filter((rule) => !declared.includes(rule)));
    exceptionsTo.set(replaced.id, declared);
    for (const target of replaced.json.exceptionTo ?? []) {
      const standing = this.book.byId.has(target) ? target : this.book.replaced.find((item) => item.ruleId === target)?.replacedBy;
      if (standing !== undefined) exceptionsTo.set(standing, [...(exceptionsTo.get(standing) ?? []), replaced]);
    }
    const rules = [...this.book.rules, replaced];
    return {
      ...this.book,
      rules,
      byId: new Map(rules.map((rule) => [rule.id, rule])),
      exceptionsTo,
      replaced: this.book.replaced.filter((item) => item.ruleId !== replaced.id),
    };
  }
}

/** @internal Facts a formula compares. */
function factsOf(formula: Formula): Set<string> {
  const facts = new Set<string>();
  const seen = new Set<Formula>();
  const pending: Formula[] = [formula];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    switch (node.kind) {
      case 'atom':
      case 'unknown':
        facts.add(node.fact);
        break;
      case 'before':
        facts.add(node.left);
        facts.add(node.right);
        break;
      case 'and':
      case 'or':
        pending.push(...node.children);
        break;
      case 'not':
        pending.push(node.child);
        break;
      case 'result':
        pending.push(node.whenTrue, node.whenFalse);
        break;
      default:
        break;
    }
  }
  return facts;
}


/**
 * @internal The parts of a rule that must all hold for it to fire: its period in force, and each
 * part of a top-level `all` (else its whole condition), with the paths of their comparisons.
 */
function conjunctsOf(rule: CompiledRule, formulas: BookFormulas): Array<{ formula: Formula; paths: string[] }> {
  const root = rule.conditions.root;
  const parts: Array<{ formula: Formula; paths: string[] }> = [];
  if (rule.from !== undefined || rule.to !== undefined) parts.push({ formula: formulas.inForce(rule), paths: ['effective'] });
  const atomsUnder = (prefix: string) => rule.conditions.atoms.filter((atom) => prefix === '' || atom.path === prefix || atom.path.startsWith(`${prefix}.`) || atom.path.startsWith(`${prefix}[`)).map((atom) => atom.path);
  if (root.kind === 'all') root.children.forEach((child, i) => parts.push({ formula: formulas.condition(child), paths: atomsUnder(`all[${i}]`) }));
  else parts.push({ formula: formulas.condition(root), paths: atomsUnder('') });
  return parts;
}
