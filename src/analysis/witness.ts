/**
 * Witnesses: from a solution of the fact space to a valid case that shows a finding when it is
 * evaluated. The case is built by the group constructors (`realise.ts`), validated like any
 * case (`parseCase`, and the rule sets' own facts), and evaluated through the evaluation's own
 * steps (`evaluationSteps`), driven by the compiled runner with a recorder that keeps every
 * rule's truth and the facts it was judged on. A witness is kept only if that evaluation
 * reproduces what it is meant to show.
 *
 * @module
 */
import { ACTION_ROLES } from '../evaluation/vocabulary.js';
import type { Case } from '../case/schema.js';
import { parseCase } from '../case/validate.js';
import type { MisusePattern } from '../context/misuse-patterns.js';
import { inForceMask } from '../evaluation/assemble.js';
import { settlementSteps, type EvaluationContext, type Settlement } from '../evaluation/pipeline.js';
import type { OutcomeDecision, Subject } from '../evaluation/subject.js';
import { createCompiledRunner, ruleLists, type RuleListName, type RuleLists, type SyncRuleRunner } from '../evaluation/runners.js';
import { checkExtensions } from '../facts/custom.js';
import type { FactSnapshot } from '../facts/snapshot.js';
import { TRUE, type Truth } from '../rules/conditions.js';
import type { CompiledRule, RuleBook } from '../rules/rule-book.js';
import { addCalendarDays, type CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';
import { accepts, buildWitnessCase, GROUP_NAMES, groupOf, requesterCandidates, WITNESS_NOTICE_ID, witnessCountries, type FactTarget, type GroupName, type Targets } from './realise.js';
import { AS_OF, type CompiledFormula, type Exclusion, type Solution, type ValueClass } from './solver.js';

/** A case that shows a finding. */
export interface Witness {
  /** The case (valid). */
  readonly case: Case;
  /** The date to judge it at. */
  readonly asOf: CalendarDate;
  /** The notice that shows the finding. */
  readonly noticeId: string;
  /** The facts it was built to have, one line each (`notice.kind: diffusion`). */
  readonly description: readonly string[];
}

/** One evaluation of a witness, up to the settlement of its rules: the case, what each rule came to, the notice's outcome. */
export interface WitnessRun {
  readonly case: Case;
  readonly asOf: CalendarDate;
  /** The settlement, as the evaluation makes it (`settlementSteps`). */
  readonly settlement: Settlement;
  /** The outcome of the witness notice, and how it was reached. */
  readonly decision: OutcomeDecision | undefined;
  /** The truth of each rule of each list for the notice (or the case, for the case list). */
  readonly truths: Readonly<Record<RuleListName, readonly Truth[]>>;
  /** The facts each list was judged on. */
  readonly facts: Readonly<Record<RuleListName, FactSnapshot | undefined>>;
}

/** An evaluator of witnesses over one rule book. */
export class WitnessEvaluator {
  readonly lists: RuleLists;
  private readonly context: EvaluationContext;
  private readonly runner: SyncRuleRunner;
  private readonly positions = new Map<CompiledRule, { list: RuleListName; index: number }>();
  /** Cases evaluated, and drafts that were not valid cases (a constructor's mistake: should stay 0). */
  cases = 0;
  invalid = 0;
  /** The rules some valid case evaluated so far made true while in force (each case is a witness that they can fire). */
  readonly reached = new Set<CompiledRule>();
  /**
   * Sees every case that `witnessOf` evaluates, whatever it was built for (a case built for one
   * finding may show another): the run, and the witness it would make.
   */
  observer: ((run: WitnessRun, witness: () => Witness) => void) | undefined;

  constructor(
    readonly book: RuleBook,
    readonly misusePatterns: readonly MisusePattern[],
  ) {
    this.lists = ruleLists(book);
    for (const list of ['case', 'notice1', 'notice2'] as const) this.lists[list].forEach((rule, index) => this.positions.set(rule, { list, index }));
    const masks = new Map<string, ReturnType<typeof inForceMask>>();
    this.context = {
      book,
      lists: this.lists,
      ruleSets: [],
      misusePatterns,
      actionRoles: ACTION_ROLES,
      inForce: (asOf) => {
        let mask = masks.get(asOf);
        if (mask === undefined) masks.set(asOf, (mask = inForceMask(this.lists, asOf)));
        return mask;
      },
    };
    this.runner = createCompiledRunner(this.lists);
  }

  /** Validates a case and runs the evaluation's steps up to the settlement; `undefined` when the case is not valid. */
  run(value: Case, asOf: CalendarDate): WitnessRun | undefined {
    const parsed = parseCase(value);
    if (!parsed.success || checkExtensions(parsed.case, this.book.customFacts).length > 0) {
      this.invalid++;
      return undefined;
    }
    this.cases++;
    const steps = settlementSteps(this.context, parsed.case, asOf);
    let step = steps.next();
    while (!step.done) step = steps.next(step.value.map((request) => this.runner.run(request.list, request.facts, request.inForce)));
    const settlement = step.value;
    const at = parsed.case.notices.findIndex((notice) => notice.id === WITNESS_NOTICE_ID);
    const notice = settlement.notices[at];
    const truths = (subject: Subject | undefined) => subject?.states.map((state) => state.truth) ?? [];
    for (const subject of [settlement.caseSubject, ...settlement.notices.flatMap((item) => item.passes)]) {
      for (const state of subject.states) if (state.inForce && state.truth === TRUE) this.reached.add(state.rule);
    }
    return {
      case: value,
      asOf,
      settlement,
      decision: notice?.decision,
      truths: { case: truths(settlement.caseSubject), notice1: truths(notice?.passes[0]), notice2: truths(notice?.passes[1]) },
      facts: { case: settlement.caseSubject.facts, notice1: notice?.passes[0].facts, notice2: notice?.passes[1].facts },
    };
  }

  /** The truth of a rule in a run (`undefined` when it is not in the book's lists). */
  truthOf(run: WitnessRun, rule: CompiledRule): Truth | undefined {
    const place = this.positions.get(rule);
    return place === undefined ? undefined : run.truths[place.list][place.index];
  }
}

/**
 * The targets of a solution: for each fact it assigned, the values of its class (a list fact's
 * items, present or absent, gathered).
 *
 * @example
 * ```ts
 * import { CompiledFormula } from './solver.js';
 * import { BUILT_IN_OPERATORS } from '../rules/operators.js';
 *
 * const equal = BUILT_IN_OPERATORS.get('equal')!;
 * const goal = { kind: 'atom', fact: 'notice.kind', operator: 'equal', builtIn: true, value: 'diffusion', test: equal.test } as const;
 * const space = new CompiledFormula([goal], [], () => ({ type: 'enum', values: ['red_notice', 'diffusion'], unknown: false }));
 * const solution = space.solve([goal], 100).next().value;
 * const targets = solution && 'assignment' in solution ? targetsOf(space, solution) : new Map();
 * [...(targets.get('notice.kind')?.values ?? [])]; // ['diffusion']
 * ```
 */
export function targetsOf(formula: CompiledFormula, solution: Solution): Map<string, FactTarget> {
  const targets = new Map<string, FactTarget>();
  const targetFor = (fact: string) => {
    let target = targets.get(fact);
    if (target === undefined) targets.set(fact, (target = { present: new Set(), absent: new Set(), custom: [] }));
    return target;
  };
  for (const [variable, chosen] of solution.assignment) {
    const { fact, item, classes } = formula.variables[variable]!;
    const valueClass = classes[chosen]!;
    const target = targetFor(fact);
    if (valueClass.kind === 'member' && item !== undefined) (valueClass.present ? target.present : target.absent).add(item);
    else applyClass(target, valueClass);
  }
  return targets;
}

/** @internal Narrows a target to a class. */
function applyClass(target: FactTarget, valueClass: ValueClass): void {
  switch (valueClass.kind) {
    case 'values':
      target.values = target.values === undefined ? new Set(valueClass.values) : new Set(valueClass.values.filter((value) => target.values!.has(value)));
      break;
    case 'dates':
      target.dates = {
        ...(valueClass.from === undefined ? {} : { from: valueClass.from }),
        ...(valueClass.to === undefined ? {} : { to: valueClass.to }),
      };
      break;
    case 'numbers':
      target.numbers = {
        ...(valueClass.above === undefined ? {} : { above: valueClass.above }),
        ...(valueClass.below === undefined ? {} : { below: valueClass.below }),
        ...(valueClass.equal === undefined ? {} : { equal: valueClass.equal }),
      };
      break;
    case 'member':
      break;
    case 'custom':
      target.custom.push({ atom: valueClass.atom, holds: valueClass.holds });
      break;
    case 'unknown':
      target.unknown = true;
      break;
    case 'known':
    case 'order':
      break;
  }
}

/**
 * The targets as lines, for a witness's description: `fact: values`, `fact: from … to`, `fact
 * holds x, not y`.
 *
 * @example
 * ```ts
 * describeTargets(new Map([['notice.kind', { values: new Set(['diffusion']), present: new Set(), absent: new Set(), custom: [] }]])); // ['notice.kind: diffusion']
 * ```
 */
export function describeTargets(targets: Targets): string[] {
  const lines: string[] = [];
  for (const fact of [...targets.keys()].sort(compareStrings)) {
    const target = targets.get(fact)!;
    const parts: string[] = [];
    if (target.values !== undefined) parts.push(target.values.size <= 6 ? [...target.values].join(' or ') : `one of ${target.values.size} values`);
    if (target.dates !== undefined) parts.push(`${target.dates.from ?? '…'} to ${target.dates.to ?? '…'}`);
    if (target.numbers !== undefined) {
      const { above, below, equal } = target.numbers;
      parts.push(equal !== undefined ? String(equal) : `${above === undefined ? '' : `above ${above}`}${above !== undefined && below !== undefined ? ' and ' : ''}${below === undefined ? '' : `below ${below}`}`);
    }
    if (target.unknown === true) parts.push('unknown');
    if (target.present.size > 0) parts.push(`holds ${[...target.present].sort(compareStrings).join(', ')}`);
    if (target.absent.size > 0) parts.push(`not ${[...target.absent].sort(compareStrings).join(', ')}`);
    for (const { atom, holds } of target.custom) parts.push(`${holds ? '' : 'not '}${atom.operator} ${JSON.stringify(atom.value)}`);
    lines.push(`${fact === AS_OF ? 'judged on' : fact}: ${parts.join('; ')}`);
  }
  return lines;
}

/** @internal Dates to judge a witness at: a recent one within the interval, and its ends. */
function asOfCandidates(target: FactTarget | undefined): CalendarDate[] {
  const from = target?.dates?.from;
  const to = target?.dates?.to;
  const candidates: CalendarDate[] = [];
  const clamp = (date: CalendarDate) => (from !== undefined && date < from ? from : to !== undefined && date > to ? to : date);
  candidates.push(clamp('2026-06-01'));
  if (from !== undefined) candidates.push(clamp(addCalendarDays(from, 400)), from);
  if (to !== undefined) candidates.push(to);
  return [...new Set(candidates)];
}

/** How the search for a witness went. */
export interface WitnessSearch<T> {
  /** The witness and what the goal made of its run, if one was found. */
  readonly found?: { readonly witness: Witness; readonly run: WitnessRun; readonly result: T };
  /** Solutions tried. */
  readonly assignments: number;
  /** Cases evaluated. */
  readonly cases: number;
  /** When none was found: the facts the last case did not give the values asked for (empty: it gave them all). */
  readonly missed?: readonly string[];
}

/** How far `findWitness` looks. */
export interface WitnessLimits {
  /** Solutions of the fact space tried at most. */
  readonly maxSolutions: number;
  /** Cases evaluated at most, in all. */
  readonly maxCases: number;
  /** Cases evaluated at most for one solution (its variants), before the next solution. Default: no limit but `maxCases`. */
  readonly casesPerSolution?: number;
}

/**
 * Looks for a witness: for each solution (up to `maxSolutions`), the constructors build a case
 * at a few dates and for a few requesting countries, the case is evaluated, and `goal` says
 * whether it shows what it should (its answer, or `undefined`). A group whose facts came out
 * wrong tries its next variant.
 */
export function findWitness<T>(
  evaluator: WitnessEvaluator,
  formula: CompiledFormula,
  solutions: Iterator<Solution, unknown, Exclusion | undefined>,
  goal: (run: WitnessRun) => T | undefined,
  limits: WitnessLimits,
): WitnessSearch<T> {
  let assignments = 0;
  let cases = 0;
  let exclusion: Exclusion | undefined;
  while (assignments < limits.maxSolutions && cases < limits.maxCases) {
    const next = solutions.next(exclusion);
    if (next.done) break;
    assignments++;
    const tried = witnessOf(evaluator, targetsOf(formula, next.value), goal, Math.min(limits.maxCases - cases, limits.casesPerSolution ?? Infinity));
    cases += tried.cases;
    if (tried.found !== undefined) return { found: tried.found, assignments, cases };
    // Facts the constructors could not give as asked (with the date judged at): the next solution asks otherwise for one of them.
    const missed = new Set(tried.missed ?? []);
    exclusion = missed.size === 0 ? undefined : new Set([...next.value.assignment.keys()].filter((variable) => {
      const fact = formula.variables[variable]!.fact;
      return missed.has(fact) || fact === AS_OF;
    }));
  }
  return { assignments, cases };
}

/**
 * Builds and evaluates cases for some targets, until one shows what `goal` looks for (or
 * `maxCases` cases were evaluated): the first date and requesting country, another variant of
 * the groups whose facts came out wrong, and other dates and countries only when facts that
 * depend on them came out wrong.
 */
export function witnessOf<T>(evaluator: WitnessEvaluator, targets: Targets, goal: (run: WitnessRun) => T | undefined, maxCases: number): WitnessSearch<T> {
  const start = evaluator.cases + evaluator.invalid;
  const spent = () => evaluator.cases + evaluator.invalid - start;
  const known = new Map([...targets].filter(([, target]) => target.unknown !== true));
  const unknown = new Set([...targets].filter(([, target]) => target.unknown === true).map(([fact]) => fact));
  // Countries a target names are kept out of the other roles (host states, a second feared country).
  const named = targets.get('notice.requestingCountry')?.values;
  const reserved = named !== undefined && named.size <= 50 ? [...named] : [];
  for (const target of targets.values()) reserved.push(...target.present, ...target.absent);
  let failing: GroupName[] = [];
  let missed: string[] = [];
  for (const asOf of asOfCandidates(targets.get(AS_OF))) {
    for (const requester of requesterCandidates({ asOf, targets: known }, evaluator.misusePatterns)) {
      const countries = witnessCountries(requester, reserved);
      const variants = new Map<GroupName, number>();
      for (let attempt = 0; attempt < 4 && spent() < maxCases; attempt++) {
        const value = buildWitnessCase({ asOf, requester, ...countries, patterns: evaluator.misusePatterns, targets: known, unknown, variant: (group) => variants.get(group) ?? 0 }, evaluator.book.customFacts);
        const run = evaluator.run(value, asOf);
        if (run === undefined) return { assignments: 1, cases: spent() };
        let witness: Witness | undefined;
        const witnessOfRun = () => (witness ??= { case: value, asOf, noticeId: WITNESS_NOTICE_ID, description: describeTargets(targets) });
        evaluator.observer?.(run, witnessOfRun);
        const result = goal(run);
        if (result !== undefined) return { found: { witness: witnessOfRun(), run, result }, assignments: 1, cases: spent() };
        missed = missedFacts(run, targets);
        failing = GROUP_NAMES.filter((group) => missed.some((fact) => groupOf(fact) === group));
        // Every fact as asked, and still not shown: another solution, not another case, may help.
        if (failing.length === 0) return { assignments: 1, cases: spent(), missed };
        for (const group of failing) variants.set(group, (variants.get(group) ?? 0) + 1);
      }
      if (spent() >= maxCases || !failing.includes('requester')) break;
    }
    if (spent() >= maxCases || !failing.some((group) => DATED_GROUPS.includes(group))) break;
  }
  return { assignments: 1, cases: spent(), missed };
}

/**
 * The targets of two solutions together, when no fact is asked for values that exclude each
 * other (`undefined` otherwise): enum values in both, dates in both intervals, items present
 * and absent that do not clash, a fact unknown in both or in neither.
 *
 * @example
 * ```ts
 * const kind = (value: string) => new Map([['notice.kind', { values: new Set([value]), present: new Set<string>(), absent: new Set<string>(), custom: [] }]]);
 * mergeTargets(kind('diffusion'), kind('diffusion'))?.size; // 1
 * mergeTargets(kind('diffusion'), kind('red_notice')); // undefined
 * ```
 */
export function mergeTargets(a: Targets, b: Targets): Map<string, FactTarget> | undefined {
  const merged = new Map(a);
  for (const [fact, other] of b) {
    const mine = merged.get(fact);
    if (mine === undefined) {
      merged.set(fact, other);
      continue;
    }
    if ((mine.unknown === true) !== (other.unknown === true)) return undefined;
    const values = mine.values === undefined ? other.values : other.values === undefined ? mine.values : new Set([...mine.values].filter((value) => other.values!.has(value)));
    if (values !== undefined && values.size === 0) return undefined;
    const from = [mine.dates?.from, other.dates?.from].filter((date): date is string => date !== undefined).sort(compareStrings).at(-1);
    const to = [mine.dates?.to, other.dates?.to].filter((date): date is string => date !== undefined).sort(compareStrings)[0];
    if (from !== undefined && to !== undefined && from > to) return undefined;
    if (mine.numbers !== undefined || other.numbers !== undefined) {
      if (mine.numbers !== undefined && other.numbers !== undefined && JSON.stringify(mine.numbers) !== JSON.stringify(other.numbers)) return undefined;
    }
    const present = new Set([...mine.present, ...other.present]);
    const absent = new Set([...mine.absent, ...other.absent]);
    for (const item of present) if (absent.has(item)) return undefined;
    const target: FactTarget = { present, absent, custom: [...mine.custom, ...other.custom] };
    if (mine.unknown === true) target.unknown = true;
    if (values !== undefined) target.values = values;
    if (mine.dates !== undefined || other.dates !== undefined) target.dates = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
    const numbers = mine.numbers ?? other.numbers;
    if (numbers !== undefined) target.numbers = numbers;
    merged.set(fact, target);
  }
  return merged;
}

/** @internal Groups whose facts depend on the date judged at. */
const DATED_GROUPS: readonly GroupName[] = ['notice', 'detention', 'ccfAccess', 'ccfNotice', 'requester'];

/** @internal The targeted facts of the catalogue the run did not give the values asked for. */
function missedFacts(run: WitnessRun, targets: Targets): string[] {
  const facts = run.facts.notice1 ?? run.facts.case;
  const missed: string[] = [];
  for (const [fact, target] of targets) {
    if (fact === AS_OF || groupOf(fact) === undefined) continue;
    if (!accepts(target, facts?.values[fact])) missed.push(fact);
  }
  return missed;
}
