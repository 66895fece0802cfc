/**
 * What the rules come to for one subject — the case, or one notice in one pass: rule states
 * after exceptions, the outcome, the actions (with factors, deadlines and escalations), and the
 * missing facts behind what could not be decided.
 *
 * @module
 */
import type { FactSnapshot } from '../facts/snapshot.js';
import type { CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';
import type { FactValue } from '../facts/catalogue.js';
import type { Locale } from '../locales/index.js';
import { evaluateAtom, FALSE, TRUE, UNDETERMINED, type Truth } from '../rules/conditions.js';
import type { CompiledRule, RuleBook } from '../rules/rule-book.js';
import type { CitationsByValue, DeadlineTemplate, FactorActionTemplate } from '../rules/schema.js';
import { OUTCOMES, PRIORITY_RANK, type Outcome, type Priority } from '../rules/vocabulary.js';
import type { Action, ActionParams, CitationId, Deadline, FactorDetail, OutcomeResolution } from './result.js';
import { deadlineDate, deadlineKind, deadlineState } from './deadlines.js';
import { actionPlaceholders, rememberedFactorLabel, rememberedRuleActionWords, wordDeadlineBasis, wordFactorAction } from './wording.js';

/** What one rule came to for one subject, after exceptions. */
export interface RuleState {
  readonly rule: CompiledRule;
  /** Its position in the subject's rule list (and in `Subject.states`). */
  readonly index: number;
  readonly inForce: boolean;
  readonly truth: Truth;
  /** Rules whose exception applies (fired and not themselves doubtful). */
  readonly overriddenBy: readonly string[];
  /** Exceptions that may apply but could not be decided. */
  readonly doubtfulExceptions: readonly CompiledRule[];
}

/** One subject: the case, or one notice in one pass. */
export interface Subject {
  readonly noticeId?: string;
  readonly facts: FactSnapshot;
  readonly states: readonly RuleState[];
  /** Truths of a rule's comparisons, computed on demand and kept. */
  readonly atoms: (state: RuleState) => readonly Truth[];
}

/** @internal The empty list of a rule state that nothing overrides or puts in doubt (shared, never changed). */
const NONE: readonly never[] = Object.freeze([]);

/** @internal For each rule of a list, the positions in the list of its exceptions (book order), and an order that settles exceptions first. */
interface ExceptionPlan {
  readonly exceptionsAt: readonly (readonly number[] | undefined)[];
  /** Every position once, each after the positions of its exceptions. */
  readonly order: readonly number[];
  /**
   * The states that nothing overrides or puts in doubt, made once per rule, in force or not and
   * truth (`plainStates[i * 6 + (inForce ? 3 : 0) + truth]`), on first use: `settle` hands these
   * out, shared, instead of making some seventy states per notice and pass. States are never
   * changed; `resettle` makes the states that move anew, as the questions tell a moved state by
   * its identity.
   */
  readonly plainStates: (RuleState | undefined)[];
}

/** @internal The plans of the lists, computed once per list. */
const exceptionPlans = new WeakMap<readonly CompiledRule[], ExceptionPlan>();

/**
 * @internal The exceptions of a list's rules, by position, and the order to settle them in,
 * computed once per list — without recursion, so an exception chain of any length settles.
 */
function exceptionPlan(book: RuleBook, list: readonly CompiledRule[]): ExceptionPlan {
  let plan = exceptionPlans.get(list);
  if (plan === undefined) {
    const positions = new Map(list.map((rule, i) => [rule.id, i]));
    const exceptionsAt = list.map((rule) => {
      const found = (book.exceptionsTo.get(rule.id) ?? []).map((exception) => positions.get(exception.id)).filter((j): j is number => j !== undefined);
      return found.length === 0 ? undefined : found;
    });
    // Post-order of a depth-first walk with an explicit stack (the graph has no cycles).
    const order: number[] = [];
    const placed = new Uint8Array(list.length);
    for (let start = 0; start < list.length; start++) {
      if (placed[start]) continue;
      const stack: Array<{ at: number; next: number }> = [{ at: start, next: 0 }];
      placed[start] = 1;
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const exceptions = exceptionsAt[top.at];
        if (exceptions !== undefined && top.next < exceptions.length) {
          const j = exceptions[top.next++]!;
          if (!placed[j]) {
            placed[j] = 1;
            stack.push({ at: j, next: 0 });
          }
          continue;
        }
        stack.pop();
        order.push(top.at);
      }
    }
    plan = { exceptionsAt, order, plainStates: new Array<RuleState | undefined>(list.length * 6) };
    exceptionPlans.set(list, plan);
  }
  return plan;
}

/**
 * Settles a subject: every rule of `list` with its truth, and exceptions applied. Exceptions
 * are settled before the rules they are exceptions to (the graph has no cycles).
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { deriveFacts } from '../facts/derive.js';
 * import { TRUE, UNDETERMINED } from '../rules/conditions.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 * };
 * const { book } = loadRuleBook();
 * const lists = ruleLists(book);
 * const mask = inForceMask(lists, '2026-01-15');
 * const { facts } = deriveFacts(validCase, '2026-01-15', { misusePatterns: [] }).notices[0]!;
 * const first = settle(book, lists.notice1, mask.notice1, createCompiledRunner(lists).run('notice1', facts, mask.notice1), facts, 'rn-1');
 * first.states.filter((state) => state.truth === TRUE).map((state) => state.rule.id).includes('refugee.2017.delete-once-confirmed'); // true
 * ```
 */
export function settle(
  book: RuleBook,
  list: readonly CompiledRule[],
  inForce: readonly boolean[],
  truths: readonly Truth[],
  facts: FactSnapshot,
  noticeId: string | undefined,
): Subject {
  const { exceptionsAt, order, plainStates } = exceptionPlan(book, list);
  const states = new Array<RuleState>(list.length);
  // Exceptions come first in `order`: each rule's exceptions are settled when it is.
  for (const i of order) {
    const state = stateAt(list, i, inForce, truths[i]!, exceptionsAt[i], states, plainStates);
    states[i] = state;
  }
  return subjectOf(list, states, facts, noticeId);
}

/**
 * @internal The state of the i-th rule of a list, its exceptions (positions) settled in `states`;
 * with `plainStates` (the list's, from its plan), the shared state when nothing overrides the rule
 * or puts it in doubt, else a state of its own.
 */
function stateAt(
  list: readonly CompiledRule[],
  i: number,
  inForce: readonly boolean[],
  truth: Truth,
  exceptionsAt: readonly number[] | undefined,
  states: readonly RuleState[],
  plainStates?: (RuleState | undefined)[],
): RuleState {
  let overriddenBy: string[] | undefined;
  let doubtfulExceptions: CompiledRule[] | undefined;
  const exceptions = inForce[i] && truth !== FALSE ? exceptionsAt : undefined;
  if (exceptions !== undefined) {
    for (const j of exceptions) {
      const other = states[j]!;
      if (!other.inForce || other.truth === FALSE || other.overriddenBy.length > 0) continue;
      if (other.truth === TRUE && other.doubtfulExceptions.length === 0) (overriddenBy ??= []).push(other.rule.id);
      else (doubtfulExceptions ??= []).push(other.rule);
    }
  }
  if (plainStates !== undefined && overriddenBy === undefined && doubtfulExceptions === undefined) {
    // Nothing overrides it or puts it in doubt: the rule's shared state for its truth.
    const slot = i * 6 + (inForce[i] ? 3 : 0) + truth;
    return (plainStates[slot] ??= new SettledRule(list[i]!, i, inForce[i]!, truth, NONE, NONE));
  }
  return new SettledRule(list[i]!, i, inForce[i]!, truth, overriddenBy ?? NONE, doubtfulExceptions ?? NONE);
}

/**
 * @internal A rule state, made by a constructor rather than as an object literal: V8 may decide,
 * depending on when its collector ran, to allocate an object literal's site straight into the old
 * generation (allocation-site pretenuring), and rule states — made by the thousand and dropped
 * within an evaluation — then filled it: the analysis of 200 generated rules peaked at 207–216 MB
 * in one run in four instead of 162–175 MB. Objects made by a constructor are not pretenured so.
 * Same fields, in the same order, as the literal was.
 */
class SettledRule implements RuleState {
  constructor(
    readonly rule: CompiledRule,
    readonly index: number,
    readonly inForce: boolean,
    readonly truth: Truth,
    readonly overriddenBy: readonly string[],
    readonly doubtfulExceptions: readonly CompiledRule[],
  ) {}
}

/**
 * Settles a subject again after some truths changed: what `settle` gives for `truths`, with the
 * states of `base` (settled on the same list and rules in force) kept where neither the rule's
 * truth nor the state of one of its exceptions changed — those would be made equal. The questions
 * settle a notice once for every value they try, and a value moves a few truths of seventy.
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { deriveFacts } from '../facts/derive.js';
 * import { FALSE } from '../rules/conditions.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 * };
 * const { book } = loadRuleBook();
 * const lists = ruleLists(book);
 * const mask = inForceMask(lists, '2026-01-15');
 * const { facts } = deriveFacts(validCase, '2026-01-15', { misusePatterns: [] }).notices[0]!;
 * const truths = createCompiledRunner(lists).run('notice1', facts, mask.notice1);
 * const first = settle(book, lists.notice1, mask.notice1, truths, facts, 'rn-1');
 * const at = first.states.findIndex((state) => state.rule.id === 'refugee.2017.delete-once-confirmed');
 * const moved = truths.map((truth, i) => (i === at ? FALSE : truth));
 * const again = resettle(book, lists.notice1, mask.notice1, first, moved, facts, 'rn-1');
 * again.states[at]!.truth === FALSE; // true
 * again.states.filter((state, i) => state !== first.states[i]).length < 5; // true
 * ```
 */
export function resettle(
  book: RuleBook,
  list: readonly CompiledRule[],
  inForce: readonly boolean[],
  base: Subject,
  truths: readonly Truth[],
  facts: FactSnapshot,
  noticeId: string | undefined,
): Subject {
  const { exceptionsAt, order } = exceptionPlan(book, list);
  const before = base.states;
  const states = before.slice();
  for (const i of order) {
    const exceptions = exceptionsAt[i];
    let moved = truths[i] !== before[i]!.truth;
    if (!moved && exceptions !== undefined) for (const j of exceptions) if (states[j] !== before[j]) moved = true;
    if (moved) states[i] = stateAt(list, i, inForce, truths[i]!, exceptions, states);
  }
  return subjectOf(list, states, facts, noticeId);
}

/** @internal A subject of settled states, with the truths of its comparisons computed on demand. */
function subjectOf(list: readonly CompiledRule[], states: readonly RuleState[], facts: FactSnapshot, noticeId: string | undefined): Subject {
  // Made on first use: the questions settle a notice again for every value they try, and read
  // no comparison's truth of most of those subjects.
  let atomTruths: Array<readonly Truth[] | undefined> | undefined;
  const atoms = (state: RuleState): readonly Truth[] => {
    atomTruths ??= new Array<readonly Truth[] | undefined>(list.length);
    let cached = atomTruths[state.index];
    if (cached === undefined) {
      const ruleAtoms = state.rule.conditions.atoms;
      const truths = new Array<Truth>(ruleAtoms.length);
      for (let i = 0; i < ruleAtoms.length; i++) truths[i] = evaluateAtom(ruleAtoms[i]!, facts);
      atomTruths[state.index] = cached = truths;
    }
    return cached;
  };
  return noticeId === undefined ? { facts, states, atoms } : { noticeId, facts, states, atoms };
}

/**
 * Whether a rule applies: in force, fired, not overridden.
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { deriveFacts } from '../facts/derive.js';
 * import { TRUE, UNDETERMINED } from '../rules/conditions.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 * };
 * const { book } = loadRuleBook();
 * const lists = ruleLists(book);
 * const mask = inForceMask(lists, '2026-01-15');
 * const { facts } = deriveFacts(validCase, '2026-01-15', { misusePatterns: [] }).notices[0]!;
 * const first = settle(book, lists.notice1, mask.notice1, createCompiledRunner(lists).run('notice1', facts, mask.notice1), facts, 'rn-1');
 * first.states.filter(applies).map((state) => state.rule.id).filter((id) => id.startsWith('refugee.')); // ['refugee.2017.delete-once-confirmed', 'refugee.general-grounds']
 * ```
 */
export function applies(state: RuleState): boolean {
  return state.inForce && state.truth === TRUE && state.overriddenBy.length === 0;
}

/** @internal Adds to `paths` the input paths behind the unknown facts of a rule's undetermined comparisons (the fact itself where none is noted). */
function addMissingOfRule(current: Subject, state: RuleState, paths: Set<string>): void {
  const truths = current.atoms(state);
  const atoms = state.rule.conditions.atoms;
  for (let i = 0; i < atoms.length; i++) {
    if (truths[i] !== UNDETERMINED) continue;
    const fact = atoms[i]!.fact;
    const missing = current.facts.missing[fact];
    if (missing === undefined) paths.add(fact);
    else for (const path of missing) paths.add(path);
  }
}

/** @internal Adds to `paths` the missing facts of the undecided exceptions of a rule. */
function addMissingOfDoubtfulExceptions(current: Subject, state: RuleState, paths: Set<string>): void {
  for (const exception of state.doubtfulExceptions) {
    const exceptionState = current.states.find((other) => other.rule === exception);
    if (exceptionState) addMissingOfRule(current, exceptionState, paths);
  }
}

/**
 * Input paths that would decide the rules of a subject that could not be decided (and the
 * undecided exceptions of rules that fired), and those that would give the date a deadline of a
 * rule that fired counts from. Sorted, distinct.
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { deriveFacts } from '../facts/derive.js';
 * import { TRUE, UNDETERMINED } from '../rules/conditions.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 * };
 * const { book } = loadRuleBook();
 * const lists = ruleLists(book);
 * const mask = inForceMask(lists, '2026-01-15');
 * const { facts } = deriveFacts(validCase, '2026-01-15', { misusePatterns: [] }).notices[0]!;
 * const first = settle(book, lists.notice1, mask.notice1, createCompiledRunner(lists).run('notice1', facts, mask.notice1), facts, 'rn-1');
 * missingFactsOf(first).includes('notices[0].offences'); // true
 * ```
 */
export function missingFactsOf(current: Subject): string[] {
  const paths = new Set<string>();
  addMissingFactsOf(current, paths);
  return [...paths].sort(compareStrings);
}

/** @internal What `missingFactsOf` gives, added to `paths` (unsorted): for the assembly, which collects several subjects' at once. */
export function addMissingFactsOf(current: Subject, paths: Set<string>): void {
  for (const state of current.states) {
    if (!state.inForce || state.overriddenBy.length > 0) continue;
    if (state.truth === UNDETERMINED) addMissingOfRule(current, state, paths);
    else if (state.truth === TRUE) {
      addMissingOfDoubtfulExceptions(current, state, paths);
      for (const path of deadlineMissingFacts(current, state)) paths.add(path);
    }
  }
}
/**
 * What would give the deadline of a rule's action, when the rule applies and the date its
 * deadline counts from is unknown: the input paths behind that date. Sorted; empty otherwise.
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { deriveFacts } from '../facts/derive.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   asylum: [
 *     { type: 'refugee_status_granted', date: '2019-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] },
 *     { type: 'refugee_status_revoked', date: '2026-01-10', country: 'DE' },
 *   ],
 * };
 * const { book } = loadRuleBook();
 * const lists = ruleLists(book);
 * const mask = inForceMask(lists, '2026-01-20');
 * const { facts } = deriveFacts(validCase, '2026-01-20', { misusePatterns: [] }).notices[0]!;
 * const first = settle(book, lists.notice1, mask.notice1, createCompiledRunner(lists).run('notice1', facts, mask.notice1), facts, 'rn-1');
 * const appeal = first.states.find((state) => state.rule.id === 'refugee.2017.appeal-protection-decision')!;
 * deadlineMissingFacts(first, appeal); // ['asylum[1].appealDeadline']
 * ```
 */
export function deadlineMissingFacts(current: Subject, state: RuleState): readonly string[] {
  const from = state.rule.json.action?.deadline?.from;
  if (from === undefined || !applies(state) || current.facts.values[from] !== undefined) return [];
  return current.facts.missing[from] ?? [];
}

/**
 * The missing facts of one undetermined rule, for the trace. Sorted, distinct.
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { deriveFacts } from '../facts/derive.js';
 * import { TRUE, UNDETERMINED } from '../rules/conditions.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 * };
 * const { book } = loadRuleBook();
 * const lists = ruleLists(book);
 * const mask = inForceMask(lists, '2026-01-15');
 * const { facts } = deriveFacts(validCase, '2026-01-15', { misusePatterns: [] }).notices[0]!;
 * const first = settle(book, lists.notice1, mask.notice1, createCompiledRunner(lists).run('notice1', facts, mask.notice1), facts, 'rn-1');
 * const undecided = first.states.find((state) => state.truth === UNDETERMINED)!;
 * ruleMissingFacts(first, undecided).length > 0; // true
 * ```
 */
export function ruleMissingFacts(current: Subject, state: RuleState): string[] {
  const paths = new Set<string>();
  addMissingOfRule(current, state, paths);
  return [...paths].sort(compareStrings);
}

/** The outcome of a notice and why. */
export interface OutcomeDecision {
  readonly outcome: Outcome;
  readonly resolution: OutcomeResolution;
  readonly basis: readonly CitationId[];
  /** Input paths that would decide the outcome. Sorted. */
  readonly missing: readonly string[];
}

/**
 * The outcome of a notice. Mandatory outcome rules decide; presumptions only when no mandatory
 * rule fired or could fire. A rule that fired but may be displaced by an undecided exception
 * counts as undecided. Disagreeing rules make the outcome undetermined (never guessed).
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { deriveFacts } from '../facts/derive.js';
 * import { TRUE, UNDETERMINED } from '../rules/conditions.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 * };
 * const { book } = loadRuleBook();
 * const lists = ruleLists(book);
 * const mask = inForceMask(lists, '2026-01-15');
 * const { facts } = deriveFacts(validCase, '2026-01-15', { misusePatterns: [] }).notices[0]!;
 * const first = settle(book, lists.notice1, mask.notice1, createCompiledRunner(lists).run('notice1', facts, mask.notice1), facts, 'rn-1');
 * const decision = decideOutcome(first);
 * decision.outcome; // 'delete_once_confirmed'
 * decision.resolution.code; // 'rule_fired'
 * ```
 */
export function decideOutcome(current: Subject): OutcomeDecision {
  for (const effect of DECIDING_EFFECTS) {
    // The outcome rules of this effect that are in force, not false and not overridden, in the
    // order of the list: those that fired without a doubtful exception, and the others.
    let fired: RuleState[] | undefined;
    let doubtful: RuleState[] | undefined;
    for (const state of current.states) {
      const { outcome } = state.rule.json;
      if (outcome === undefined || !state.inForce || state.truth === FALSE || state.overriddenBy.length > 0 || state.rule.json.effect !== effect) continue;
      if (state.truth === TRUE && state.doubtfulExceptions.length === 0) (fired ??= []).push(state);
      else (doubtful ??= []).push(state);
    }
    if (fired !== undefined) {
      const ids = fired.map((state) => state.rule.id);
      if (new Set(fired.map((state) => state.rule.json.outcome)).size > 1) {
        return {
          outcome: 'undetermined',
          resolution: { code: 'conflicting_rules', rules: ids, outcomes: outcomesOf(fired), missingFacts: [] },
          basis: citationsOf(fired),
          missing: [],
        };
      }
      const outcome = fired[0]!.rule.json.outcome!;
      // An explicit "undetermined" names what it lacks: the missing-facts notes of the facts it read.
      const missing = sortedDistinct(outcome === 'undetermined' ? fired.flatMap((state) => notedMissing(current, state)) : []);
      return { outcome, resolution: { code: 'rule_fired', rules: ids, missingFacts: missing }, basis: citationsOf(fired), missing };
    }
    if (doubtful !== undefined) {
      const paths = new Set<string>();
      for (const state of doubtful) {
        if (state.truth === UNDETERMINED) addMissingOfRule(current, state, paths);
        else addMissingOfDoubtfulExceptions(current, state, paths);
      }
      const missing = sortedDistinct(paths);
      return {
        outcome: 'undetermined',
        resolution: { code: 'facts_missing', rules: doubtful.map((state) => state.rule.id), outcomes: outcomesOf(doubtful), missingFacts: missing },
        basis: citationsOf(doubtful),
        missing,
      };
    }
  }
  return { outcome: 'undetermined', resolution: { code: 'no_rule_applies', rules: [], missingFacts: [] }, basis: [], missing: [] };
}

/**
 * The outcome `decideOutcome` decides, alone: without the rules, citations and missing facts
 * behind it, and without making anything (the questions decide an outcome for every value they try).
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { deriveFacts } from '../facts/derive.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 * };
 * const { book } = loadRuleBook();
 * const lists = ruleLists(book);
 * const mask = inForceMask(lists, '2026-01-15');
 * const { facts } = deriveFacts(validCase, '2026-01-15', { misusePatterns: [] }).notices[0]!;
 * const first = settle(book, lists.notice1, mask.notice1, createCompiledRunner(lists).run('notice1', facts, mask.notice1), facts, 'rn-1');
 * decidedOutcome(first) === decideOutcome(first).outcome; // true
 * ```
 */
export function decidedOutcome(current: Subject): Outcome {
  for (const effect of DECIDING_EFFECTS) {
    let fired: Outcome | undefined;
    let doubtful = false;
    for (const state of current.states) {
      const { outcome } = state.rule.json;
      if (outcome === undefined || !state.inForce || state.truth === FALSE || state.overriddenBy.length > 0 || state.rule.json.effect !== effect) continue;
      if (state.truth === TRUE && state.doubtfulExceptions.length === 0) {
        // Fired rules that disagree make it undetermined.
        if (fired !== undefined && fired !== outcome) return 'undetermined';
        fired = outcome;
      } else doubtful = true;
    }
    if (fired !== undefined) return fired;
    if (doubtful) return 'undetermined';
  }
  return 'undetermined';
}

/** @internal The effects of outcome rules, in the order they decide: presumptions only when no mandatory rule fired or could. */
const DECIDING_EFFECTS = ['mandatory', 'presumption'] as const;

/** @internal Missing-fact notes attached to the facts a rule reads (e.g. `asylum` for an unknown history). */
function notedMissing(current: Subject, state: RuleState): string[] {
  return state.rule.conditions.atoms.flatMap((atom) => current.facts.missing[atom.fact] ?? []);
}

/** @internal Distinct outcomes of some rules, in the order of the outcome table. */
function outcomesOf(states: readonly RuleState[]): Outcome[] {
  const present = new Set(states.map((state) => state.rule.json.outcome!));
  return OUTCOMES.filter((outcome) => present.has(outcome));
}

/** @internal Sorted, distinct citations of some rules. */
function citationsOf(states: readonly RuleState[]): CitationId[] {
  return states.length === 1 ? citationsOfRule(states[0]!.rule).slice() : sortedDistinct(states.flatMap((state) => state.rule.json.citations));
}

/** @internal Each rule's citations, sorted and distinct, computed once (callers copy them). */
const ruleCitations = new WeakMap<CompiledRule, readonly CitationId[]>();

/** @internal A rule's citations, sorted and distinct (shared: copy before handing out). */
function citationsOfRule(rule: CompiledRule): readonly CitationId[] {
  let citations = ruleCitations.get(rule);
  if (citations === undefined) {
    citations = sortedDistinct(rule.json.citations);
    ruleCitations.set(rule, citations);
  }
  return citations;
}

/** @internal Sorted distinct strings (sorted, then repeats dropped). */
function sortedDistinct(values: Iterable<string>): string[] {
  const sorted = Array.from(values).sort(compareStrings);
  let kept = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[kept - 1]) sorted[kept++] = sorted[i]!;
  sorted.length = kept;
  return sorted;
}

/**
 * The facts of a notice's second pass: its facts and what the first pass decided
 * (`notice.outcome`, `notice.actionCodes`).
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { deriveFacts } from '../facts/derive.js';
 * import { TRUE, UNDETERMINED } from '../rules/conditions.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 * };
 * const { book } = loadRuleBook();
 * const lists = ruleLists(book);
 * const mask = inForceMask(lists, '2026-01-15');
 * const { facts } = deriveFacts(validCase, '2026-01-15', { misusePatterns: [] }).notices[0]!;
 * const first = settle(book, lists.notice1, mask.notice1, createCompiledRunner(lists).run('notice1', facts, mask.notice1), facts, 'rn-1');
 * const second = withResultFacts(first, decideOutcome(first), book);
 * second.values['notice.outcome']; // 'delete_once_confirmed'
 * (second.values['notice.actionCodes'] as string[]).includes('obtain_status_confirmation'); // true
 * ```
 */
export function withResultFacts(first: Subject, decision: Pick<OutcomeDecision, 'outcome'>, book: RuleBook): FactSnapshot {
  const codes: string[] = [];
  for (const state of first.states) {
    const code = applies(state) ? actionMadeBy(state.rule, book) : undefined;
    if (code !== undefined) codes.push(code);
  }
  // Two values are set (as `SnapshotBuilder.set` sets known values): the values are copied, and
  // the possible values and missing paths are the first pass's own (a snapshot is never changed).
  const values: Record<string, FactValue | undefined> = { ...first.facts.values };
  values['notice.outcome'] = decision.outcome;
  values['notice.actionCodes'] = sortedDistinct(codes);
  return { values, possible: first.facts.possible, missing: first.facts.missing };
}

/**
 * The code of the action a rule that applies makes on its own: its action's, or the factor
 * action its factor makes — a factor that is not context makes one; a context factor, and a
 * factor added to an action that a rule gives (no factor action of that code in `book`), make
 * none. What `actionsOf` gives, without its words; the second pass reads these codes
 * (`notice.actionCodes`), and the questions compare them.
 *
 * @example
 * ```ts
 * import { loadRuleBook } from './evaluator.js';
 *
 * const { book } = loadRuleBook({});
 * actionMadeBy(book.byId.get('refugee.2017.delete-once-confirmed')!, book); // 'obtain_status_confirmation'
 * actionMadeBy(book.byId.get('article-3.documented-misuse')!, book); // undefined
 * ```
 */
export function actionMadeBy(rule: CompiledRule, book: RuleBook): string | undefined {
  const { action, factor } = rule.json;
  if (action) return action.code;
  if (factor && factor.context !== true && book.factorActions.has(factor.action)) return factor.action;
  return undefined;
}

/**
 * Whether an escalation may raise the action a rule gives: not when the rule fixes its
 * priority (`action.fixedPriority`).
 *
 * @example
 * ```ts
 * import { loadRuleBook } from './evaluator.js';
 *
 * const { book } = loadRuleBook({});
 * escalationRaises(book.byId.get('refugee.2017.delete-once-confirmed')!); // true
 * ```
 */
export function escalationRaises(rule: CompiledRule): boolean {
  return rule.json.action?.fixedPriority !== true;
}

/** @internal The more pressing of two priorities. */
function morePressing(a: Priority, b: Priority): Priority {
  return PRIORITY_RANK[a] <= PRIORITY_RANK[b] ? a : b;
}

/**
 * The actions of one subject over its passes (one subject for the case; a notice's two passes):
 * one per applying rule with an action, one per action code that factor rules support (with
 * every factor), then escalations applied to all of them. Each carries its codes and the
 * parameters its texts are filled from (`params`), its texts in `locale`, its deadline's state
 * on `asOf`, and the reason for its priority as the rules give it (the urgency policy, applied
 * to the whole result afterwards, may change it).
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { deriveFacts } from '../facts/derive.js';
 * import { TRUE, UNDETERMINED } from '../rules/conditions.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 * };
 * const { book } = loadRuleBook();
 * const lists = ruleLists(book);
 * const mask = inForceMask(lists, '2026-01-15');
 * const { facts } = deriveFacts(validCase, '2026-01-15', { misusePatterns: [] }).notices[0]!;
 * const first = settle(book, lists.notice1, mask.notice1, createCompiledRunner(lists).run('notice1', facts, mask.notice1), facts, 'rn-1');
 * const actions = actionsOf(book, [first], 'es', '2026-01-15');
 * actions.find((action) => action.code === 'obtain_status_confirmation')?.title; // 'Lograr que el Estado de asilo confirme a INTERPOL la condición de refugiado'
 * actions.find((action) => action.code === 'obtain_status_confirmation')?.params; // { 'notice.requestingCountry': 'TJ' }
 * ```
 */
export function actionsOf(book: RuleBook, passes: readonly Subject[], locale: Locale, asOf: CalendarDate): Action[] {
  const actions: Action[] = [];
  let escalations: RuleState[] | undefined;
  // Factors found in any pass, by the action they support, with the pass the first was found in.
  let factorGroups: Map<string, FactorGroup> | undefined;
  for (const current of passes) {
    for (const state of current.states) {
      if (!applies(state)) continue;
      const { action, factor, escalation } = state.rule.json;
      if (escalation) (escalations ??= []).push(state);
      if (factor) {
        const group = (factorGroups ??= new Map()).get(factor.action);
        if (group === undefined) factorGroups.set(factor.action, { current, states: [state] });
        else group.states.push(state);
      }
      if (action) actions.push(ruleAction(current, state, locale, asOf));
    }
  }
  if (factorGroups !== undefined) {
    for (const [code, { current, states: group }] of factorGroups) {
      if (book.factorActions.has(code)) {
        // A factor action needs a factor that is not context: context alone never makes it.
        if (group.some((state) => state.rule.json.factor!.context !== true)) actions.push(factorAction(book, current, code, group, locale));
      } else {
        // Factors of an action that rules give are added to it (context or not); no action, no factors.
        for (let i = 0; i < actions.length; i++) if (actions[i]!.code === code) actions[i] = withFactors(actions[i]!, current, group, locale);
      }
    }
  }
  if (escalations !== undefined) for (let i = 0; i < actions.length; i++) actions[i] = escalate(book, actions[i]!, escalations);
  return actions;
}

/** @internal The factor rules that apply and support one action code, and the subject the first was found in. */
interface FactorGroup {
  readonly current: Subject;
  readonly states: RuleState[];
}

/** @internal An action while it is built (keys in the order of the output). */
type ActionDraft = { -readonly [K in keyof Action]?: Action[K] };

/** @internal The details of the factors some factor rules found: id, label in `locale`, rule, citations. */
function factorDetailsOf(group: readonly RuleState[], params: ActionParams, locale: Locale): FactorDetail[] {
  return group.map((state) => ({
    id: state.rule.json.factor!.id,
    label: rememberedFactorLabel(state.rule.json.factor!, actionPlaceholders(state.rule.json), params, locale),
    ruleId: state.rule.id,
    citations: citationsOfRule(state.rule).slice(),
  }));
}

/** @internal A rule's action with the factors that support it: their details, placeholders and citations added. */
function withFactors(action: Action, current: Subject, group: readonly RuleState[], locale: Locale): Action {
  const names = sortedDistinct([...Object.keys(action.params ?? {}), ...group.flatMap((state) => actionPlaceholders(state.rule.json))]);
  const params = paramsOf(current, names);
  const factorDetails = factorDetailsOf(group, params, locale);
  return {
    ...action,
    citations: sortedDistinct([...action.citations, ...group.flatMap((state) => state.rule.json.citations)]),
    factors: factorDetails.map((factor) => factor.id),
    factorDetails,
    ...(names.length === 0 ? {} : { params }),
  };
}

/** @internal The citations that follow the values of facts (`citationsByValue`) for a subject. */
function citationsByValue(current: Subject, entries: readonly CitationsByValue[] | undefined): string[] {
  if (entries === undefined) return [];
  const found: string[] = [];
  for (const entry of entries) {
    const value = current.facts.values[entry.fact];
    const values = Array.isArray(value) ? (value as readonly string[]) : typeof value === 'string' ? [value] : [];
    for (const item of values) if (Object.hasOwn(entry.citations, item)) found.push(...entry.citations[item]!);
  }
  return found;
}

/** @internal The values of some facts of a subject, for the placeholders of an action's texts (`null`: unknown). */
function paramsOf(current: Subject, names: readonly string[]): ActionParams {
  const params: Record<string, FactValue | null> = {};
  for (const name of names) params[name] = current.facts.values[name] ?? null;
  return params;
}

/** @internal The action of one rule. */
function ruleAction(current: Subject, state: RuleState, locale: Locale, asOf: CalendarDate): Action {
  const { rule } = state;
  const template = rule.json.action!;
  const names = actionPlaceholders(rule.json);
  const params = paramsOf(current, names);
  const words = rememberedRuleActionWords(template, names, params, locale);
  const deadline = template.deadline ? computeDeadline(template.deadline, current.facts, params, locale, asOf) : undefined;
  const byValue = template.citationsByValue === undefined ? undefined : citationsByValue(current, template.citationsByValue);
  const action: ActionDraft = { code: template.code };
  if (current.noticeId !== undefined) action.noticeId = current.noticeId;
  action.priority = template.priority;
  action.title = words.title;
  action.explanation = words.explanation;
  action.citations =
    deadline || (byValue !== undefined && byValue.length > 0)
      ? sortedDistinct([...citationsOfRule(rule), ...(deadline ? [deadline.citation] : []), ...(byValue ?? [])])
      : citationsOfRule(rule).slice();
  if (deadline) action.deadline = deadline;
  action.ruleId = rule.id;
  if (names.length > 0) action.params = params;
  action.priorityReason = { code: 'rule', params: { ruleId: rule.id } };
  return action as Action;
}

/** @internal The action that factor rules support, with every factor found. */
function factorAction(book: RuleBook, current: Subject, code: string, group: readonly RuleState[], locale: Locale): Action {
  const template = book.factorActions.get(code)!;
  const first = group[0]!.rule;
  const names = groupPlaceholders(group, template);
  const params = paramsOf(current, names);
  const factorDetails = factorDetailsOf(group, params, locale);
  const labels = new Array<string>(factorDetails.length);
  const factors = new Array<string>(factorDetails.length);
  for (let i = 0; i < factorDetails.length; i++) {
    labels[i] = factorDetails[i]!.label;
    factors[i] = factorDetails[i]!.id;
  }
  const words = wordFactorAction(code, template, labels, params, locale);
  const citations = template.citationsByValue === undefined ? template.citations.slice() : [...template.citations, ...citationsByValue(current, template.citationsByValue)];
  for (const state of group) for (const id of state.rule.json.citations) citations.push(id);
  const action: ActionDraft = { code };
  if (current.noticeId !== undefined) action.noticeId = current.noticeId;
  action.priority = template.priority;
  action.title = words.title;
  action.explanation = words.explanation;
  action.citations = sortedDistinct(citations);
  action.ruleId = first.id;
  action.factors = factors;
  action.factorDetails = factorDetails;
  if (names.length > 0) action.params = params;
  action.priorityReason = { code: 'rule', params: { ruleId: first.id } };
  return action as Action;
}

/** @internal The placeholders of a factor action and of the texts of the rules of its group: sorted, distinct (most groups' rules name the same facts). */
function groupPlaceholders(group: readonly RuleState[], template: FactorActionTemplate): readonly string[] {
  const names = actionPlaceholders(group[0]!.rule.json, template);
  for (let i = 1; i < group.length; i++) {
    const more = actionPlaceholders(group[i]!.rule.json, template);
    if (more !== names && (more.length !== names.length || more.some((name, j) => name !== names[j]))) {
      return sortedDistinct(group.flatMap((state) => actionPlaceholders(state.rule.json, template)));
    }
  }
  return names;
}

/** @internal An action raised to the most pressing priority its escalations call for (unless its priority is fixed). */
function escalate(book: RuleBook, action: Action, escalations: readonly RuleState[]): Action {
  const rule = book.byId.get(action.ruleId);
  if (rule?.json.action?.code === action.code && !escalationRaises(rule)) return action;
  const rank = PRIORITY_RANK[action.priority];
  const raising = escalations.filter((state) => PRIORITY_RANK[state.rule.json.escalation!.priority] < rank);
  if (raising.length === 0) return action;
  const priority = raising.map((state) => state.rule.json.escalation!.priority).reduce(morePressing);
  return {
    ...action,
    priority,
    citations: sortedDistinct([...action.citations, ...raising.flatMap((state) => state.rule.json.citations)]),
    escalation: { from: action.priority, ruleIds: raising.map((state) => state.rule.id) },
    priorityReason: { code: 'escalation', params: { ruleIds: raising.map((state) => state.rule.id) } },
  };
}

/** @internal A deadline from its template; none when the date it counts from is unknown. */
function computeDeadline(template: DeadlineTemplate, facts: FactSnapshot, params: ActionParams, locale: Locale, asOf: CalendarDate): Deadline | undefined {
  const date = deadlineDate(template, facts);
  if (date === undefined) return undefined;
  const kind = deadlineKind(template.from);
  return {
    date,
    basis: wordDeadlineBasis(template, params, locale),
    citation: template.citation,
    countsFrom: { fact: template.from, date: facts.values[template.from] as CalendarDate },
    kind,
    state: deadlineState(kind, date, asOf),
  };
}
