/**
 * The questions that matter: computed from the rules, never listed by hand. For every unknown
 * fact that an input path would decide and that a rule in force reads, the fact is set to each
 * of its candidate values — the values it could still have, else its catalogue domain (for a
 * large domain, the values the rules compare it with and one other), numbers and dates at the
 * boundaries the rules and `asOf` draw — and the rules of every subject that sees it are run
 * again (the compiled conditions of the rules that read it, then exceptions, the outcome, the
 * second pass and the actions, as in an evaluation). What comes out is compared with the
 * evaluation: a changed outcome, an action added or removed, a priority or a deadline moved. A
 * fact whose answer changes nothing is not asked.
 *
 * One list the case leaves closed by absence is asked about too: confirmations. That a member
 * country told INTERPOL of the status passes between governments and INTERPOL, and the person
 * or the lawyer often cannot know it; where a confirmation would change an outcome, "Has … confirmed
 * the refugee status to INTERPOL?" is asked. Other absent lists (detention, extradition, CCF
 * requests) are what the lawyer knows, and an absent `asylum: []` is a statement: they are not asked.
 *
 * Questions are grouped by the input path they would fill, and ordered by what they change:
 * an outcome, then an action on liberty or an urgent one, then another action, then a deadline.
 *
 * @module
 */
import type { DerivedCase } from '../facts/derive.js';
import { findFact, type FactValue } from '../facts/catalogue.js';
import type { FactSnapshot } from '../facts/snapshot.js';
import type { Locale } from '../locales/index.js';
import type { Truth } from '../rules/conditions.js';
import type { CompiledRule, RuleBook } from '../rules/rule-book.js';
import { PRIORITY_RANK, type Outcome, type Priority } from '../rules/vocabulary.js';
import { addCalendarDays, type CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';
import { ownValue } from '../support/own.js';
import type { InForceMask } from './assemble.js';
import { deadlineDate } from './deadlines.js';
import { topicOf } from './question-topics.js';
import { wordQuestion } from './question-words.js';
import type { MissingFactDetail, Question, QuestionChange } from './result.js';
import type { RuleLists } from './runners.js';
import { actionMadeBy, applies, decidedOutcome, escalationRaises, resettle, withResultFacts, type OutcomeDecision, type RuleState, type Subject } from './subject.js';
import { ACTION_ROLES, QUESTION_IMPACTS, type ActionRole, type QuestionImpact } from './vocabulary.js';

/** One notice as the evaluation settled it: its two passes and its outcome. */
export interface SettledPasses {
  readonly first: Subject;
  readonly decision: OutcomeDecision;
  readonly second: Subject;
}

/** What the questions are computed from: the compiled book and the evaluation's settled subjects. */
export interface QuestionContext {
  readonly book: RuleBook;
  readonly lists: RuleLists;
  readonly mask: InForceMask;
  readonly derived: DerivedCase;
  readonly caseSubject: Subject;
  /** Per notice, in the order of `derived.notices`. */
  readonly notices: readonly SettledPasses[];
  readonly roles: Readonly<Record<string, ActionRole>>;
  readonly locale: Locale;
  /**
   * @internal Compare whole signatures for every value tried, instead of making the changes from
   * what moved: the reference the tests check the questions against (same questions, slower).
   */
  readonly wholeSignatures?: boolean;
}

/** @internal Which in-force rules of a list read which facts, and what they compare them with. */
interface ListPlan {
  /** Fact → positions of the in-force rules of the list that read it. */
  readonly readers: ReadonlyMap<string, readonly number[]>;
  /** Fact → the values in-force rules compare it with. */
  readonly mentioned: ReadonlyMap<string, readonly unknown[]>;
  /** The facts in-force rules' deadlines count from. */
  readonly deadlineFacts: ReadonlySet<string>;
}

/** @internal The plans of the three lists on one date. */
interface Plan {
  readonly case: ListPlan;
  readonly notice1: ListPlan;
  readonly notice2: ListPlan;
  /** The values facts are tried with where the case leaves them open, by scope and fact (`triedValues`), as first needed. */
  readonly tried: Map<string, TriedValues>;
}

/**
 * @internal Plans, once per book's lists and per set of rules in force (most dates have the
 * same rules in force: a handful of plans serves every date).
 */
const plans = new WeakMap<RuleLists, Map<string, Plan>>();

/** @internal The plan of one list. */
function listPlan(rules: readonly CompiledRule[], inForce: readonly boolean[]): ListPlan {
  const readers = new Map<string, number[]>();
  const mentioned = new Map<string, unknown[]>();
  const deadlineFacts = new Set<string>();
  rules.forEach((rule, position) => {
    if (!inForce[position]) return;
    for (const atom of rule.conditions.atoms) {
      const positions = readers.get(atom.fact) ?? [];
      if (positions.at(-1) !== position) positions.push(position);
      readers.set(atom.fact, positions);
      const values = mentioned.get(atom.fact) ?? [];
      for (const value of Array.isArray(atom.value) ? atom.value : [atom.value]) if (!values.includes(value)) values.push(value);
      mentioned.set(atom.fact, values);
    }
    const from = rule.json.action?.deadline?.from;
    if (from !== undefined) deadlineFacts.add(from);
  });
  return { readers, mentioned, deadlineFacts };
}

/**
 * @internal A mask as a short string: sixteen rules to a character, list after list (the lists of
 * one book have the same lengths, so the same positions).
 */
function maskKey(mask: InForceMask): string {
  let key = '';
  for (const list of [mask.case, mask.notice1, mask.notice2]) {
    let bits = 0;
    for (let i = 0; i < list.length; i++) {
      bits = bits * 2 + (list[i] ? 1 : 0);
      if (i % 16 === 15) {
        key += String.fromCharCode(bits);
        bits = 0;
      }
    }
    key += `${String.fromCharCode(bits)}/`;
  }
  return key;
}

/** @internal The plan of a book's lists for the rules in force of a mask, made once. */
function planOf(lists: RuleLists, mask: InForceMask): Plan {
  let byMask = plans.get(lists);
  if (byMask === undefined) {
    byMask = new Map();
    plans.set(lists, byMask);
  }
  const key = maskKey(mask);
  let plan = byMask.get(key);
  if (plan === undefined) {
    plan = { case: listPlan(lists.case, mask.case), notice1: listPlan(lists.notice1, mask.notice1), notice2: listPlan(lists.notice2, mask.notice2), tried: new Map() };
    if (byMask.size >= 64) byMask.clear();
    byMask.set(key, plan);
  }
  return plan;
}

/** @internal Whether a list's in-force rules read a fact (in a condition, or as a deadline's date). */
function reads(plan: ListPlan, fact: string): boolean {
  return plan.readers.has(fact) || plan.deadlineFacts.has(fact);
}

/** @internal An action of a subject as a question compares it: priority, deadline, rule. */
export interface ActionMark {
  readonly priority: Priority;
  readonly deadline: CalendarDate | undefined;
  readonly ruleId: string;
}

/** @internal What a subject came to: its outcome (for a notice) and its actions by code. */
export interface Signature {
  readonly outcome: Outcome | undefined;
  readonly actions: ReadonlyMap<string, ActionMark>;
}

/**
 * @internal What the rules of a subject's passes come to, as `actionsOf` makes them but
 * without words: each action code with its priority (escalations applied), deadline and rule.
 */
function signatureOf(book: RuleBook, passes: readonly Subject[], outcome: Outcome | undefined): Signature {
  const actions = new Map<string, ActionMark>();
  for (const pass of passes) {
    for (const state of pass.states) {
      if (!applies(state)) continue;
      const code = actionMadeBy(state.rule, book);
      if (code !== undefined) actions.set(code, markWith(book, actions.get(code), state, code, pass.facts));
    }
  }
  const raise = raiseOf(passes);
  if (raise !== undefined) {
    // The codes an escalation does not raise: those a rule gives at a fixed priority.
    const fixed = new Set<string>();
    for (const pass of passes) {
      for (const state of pass.states) if (fixesPriority(state)) fixed.add(actionMadeBy(state.rule, book)!);
    }
    for (const [code, mark] of actions) if (!fixed.has(code)) actions.set(code, raised(mark, raise));
  }
  return { outcome, actions };
}

/** @internal A mark with what one more rule that applies and makes action `code` gives (its deadline from `facts`). */
function markWith(book: RuleBook, existing: ActionMark | undefined, state: RuleState, code: string, facts: FactSnapshot): ActionMark {
  const { action } = state.rule.json;
  const priority = action ? action.priority : (book.factorActions.get(code)?.priority ?? 'normal');
  const deadline = action?.deadline ? deadlineDate(action.deadline, facts) : undefined;
  if (existing === undefined) return { priority, deadline, ruleId: state.rule.id };
  return {
    priority: PRIORITY_RANK[priority] < PRIORITY_RANK[existing.priority] ? priority : existing.priority,
    deadline: existing.deadline === undefined || (deadline !== undefined && deadline < existing.deadline) ? deadline : existing.deadline,
    ruleId: existing.ruleId,
  };
}

/** @internal The most pressing priority the escalations of the rules that apply call for. */
function raiseOf(passes: readonly Subject[]): Priority | undefined {
  let raise: Priority | undefined;
  for (const pass of passes) {
    for (const state of pass.states) {
      const { escalation } = state.rule.json;
      if (escalation && applies(state) && (raise === undefined || PRIORITY_RANK[escalation.priority] < PRIORITY_RANK[raise])) raise = escalation.priority;
    }
  }
  return raise;
}

/** @internal Whether a rule state applies and gives its action at a fixed priority (no escalation raises it). */
function fixesPriority(state: RuleState): boolean {
  return applies(state) && (state.rule.json.action ? !escalationRaises(state.rule) : false);
}

/** @internal A mark raised to an escalation's priority where that is more pressing. */
function raised(mark: ActionMark, raise: Priority): ActionMark {
  return PRIORITY_RANK[raise] < PRIORITY_RANK[mark.priority] ? { ...mark, priority: raise } : mark;
}

/** @internal The codes of the actions of a first pass, sorted and distinct (what the second pass reads as `notice.actionCodes`). */
function actionCodesOf(book: RuleBook, first: Subject): string[] {
  const codes = new Set<string>();
  for (const state of first.states) {
    const code = applies(state) ? actionMadeBy(state.rule, book) : undefined;
    if (code !== undefined) codes.add(code);
  }
  return [...codes].sort(compareStrings);
}

/** @internal Whether the value of `notice.actionCodes` is the codes of `applying`, sorted and distinct (what `sameCodes` of them sorted says). */
function areCodes(applying: ReadonlyMap<string, number>, value: FactValue | undefined): boolean {
  if (!Array.isArray(value) || value.length !== applying.size) return false;
  for (let i = 0; i < value.length; i++) {
    const code: unknown = value[i];
    if (typeof code !== 'string' || !applying.has(code) || (i > 0 && compareStrings(value[i - 1] as string, code) >= 0)) return false;
  }
  return true;
}

/** @internal Whether a list of codes is the value of `notice.actionCodes`. */
function sameCodes(codes: readonly string[], value: FactValue | undefined): boolean {
  return Array.isArray(value) && value.length === codes.length && codes.every((code, index) => value[index] === code);
}

/**
 * @internal A fact set in place on a snapshot's values, and how to put it back. The questions try
 * thirty values or so a case, each on one notice: the value is set in place, where a copy of the
 * snapshot would copy every fact for each value. The values are read through a snapshot object of
 * its own (`facts`), as the closures of named conditions remember their truth for the last
 * snapshot object they saw. Nothing else reads the values meanwhile (the questions are computed in
 * one synchronous step), and nothing made while the fact is set keeps them: a second pass copies
 * them (`withResultFacts`), and signatures and changes are plain data.
 */
interface FactSet {
  readonly facts: FactSnapshot;
  readonly name: string;
  readonly had: boolean;
  readonly was: FactValue | undefined;
}

/** @internal Sets one fact in place on a snapshot's values (put back with `unsetFact`, in a `finally`). */
function setFact(snapshot: FactSnapshot, name: string, value: FactValue): FactSet {
  const values = snapshot.values as Record<string, FactValue | undefined>;
  const set: FactSet = { facts: { values, possible: snapshot.possible, missing: snapshot.missing }, name, had: Object.hasOwn(values, name), was: values[name] };
  values[name] = value;
  return set;
}

/** @internal Puts back the fact `setFact` set. */
function unsetFact(set: FactSet): void {
  const values = set.facts.values as Record<string, FactValue | undefined>;
  if (set.had) values[set.name] = set.was;
  else delete values[set.name];
}

/**
 * @internal The truths of a list with the rules that read a fact (`readers`) evaluated again on
 * `facts`, where it is set; `undefined` when no truth moves. `base`: the truths of the list.
 */
function truthsWith(readers: readonly number[] | undefined, rules: readonly CompiledRule[], base: readonly Truth[], facts: FactSnapshot): Truth[] | undefined {
  if (readers === undefined) return undefined;
  let truths: Truth[] | undefined;
  // Each position once (`listPlan`): a truth is compared with the list's own.
  for (const position of readers) {
    const truth = rules[position]!.conditions.evaluate(facts);
    if (truth === base[position]) continue;
    truths ??= base.slice();
    truths[position] = truth;
  }
  return truths;
}

/** @internal The truths of a subject's states. */
function truthsOf(subject: Subject): Truth[] {
  return subject.states.map((state) => state.truth);
}

/** @internal What the questions read of each rule of a list, once per list (a list is one book's). */
interface ListRules {
  /** Per position, the code of the action the rule makes when it applies (`actionMadeBy`). */
  readonly codes: readonly (string | undefined)[];
  /** Per position, whether the rule decides an outcome (what `decidedOutcome` reads). */
  readonly outcomes: readonly boolean[];
  /** Per position, whether the rule has an escalation. */
  readonly escalates: readonly boolean[];
  /** Action code → the positions of the rules that make it. */
  readonly byCode: ReadonlyMap<string, readonly number[]>;
  /** Fact → the positions of the rules whose action's deadline counts from it. */
  readonly deadlinesFrom: ReadonlyMap<string, readonly number[]>;
}

/** @internal Adds a position to a list in a map of lists. */
function addPosition(map: Map<string, number[]>, key: string, position: number): void {
  const positions = map.get(key);
  if (positions === undefined) map.set(key, [position]);
  else positions.push(position);
}

/** @internal The rules of the lists, read once per list. */
const listRules = new WeakMap<readonly CompiledRule[], ListRules>();

/** @internal What the questions read of the rules of a list. */
function listRulesOf(book: RuleBook, list: readonly CompiledRule[]): ListRules {
  let read = listRules.get(list);
  if (read === undefined) {
    const codes = list.map((rule) => actionMadeBy(rule, book));
    const byCode = new Map<string, number[]>();
    const deadlinesFrom = new Map<string, number[]>();
    list.forEach((rule, position) => {
      const code = codes[position];
      if (code !== undefined) addPosition(byCode, code, position);
      const from = rule.json.action?.deadline?.from;
      if (from !== undefined) addPosition(deadlinesFrom, from, position);
    });
    read = {
      codes,
      outcomes: list.map((rule) => rule.json.outcome !== undefined),
      escalates: list.map((rule) => Boolean(rule.json.escalation)),
      byCode,
      deadlinesFrom,
    };
    listRules.set(list, read);
  }
  return read;
}

/**
 * @internal A notice as the questions compare a tried value with it, read once per evaluation:
 * its signature and sorted action codes, the truths and the outcome of its first pass, and how
 * many rules of its first pass that apply make each action.
 */
interface NoticeBaseline {
  readonly settled: SettledPasses;
  readonly noticeId: string;
  /**
   * Its signature (`signatureOf` of its passes), made where first needed: before a fact that the
   * deadline of a rule of its first pass counts from is set (its first pass's values are set in
   * place), else where changes are made from whole signatures (the fact set then moves no deadline
   * of the baseline). Where it is made, the baseline's marks are read from it.
   */
  signature?: Signature;
  /** The signature's action codes, sorted, as first needed. */
  codes?: readonly string[];
  readonly truths: readonly Truth[];
  /** The outcome of the first pass (`decidedOutcome`). */
  readonly outcome: Outcome;
  /** Action code → the rules of the first pass that apply and make it. */
  readonly applying: ReadonlyMap<string, number>;
  /** Whether the second pass's `notice.actionCodes` are the codes of the first pass's rules that apply (as `withResultFacts` makes them). */
  readonly codesAgree: boolean;
  /** The priority the escalations of its rules that apply call for (`raiseOf`). */
  readonly raise: Priority | undefined;
}

/** @internal The baseline of a notice. */
function noticeBaseline(book: RuleBook, lists: RuleLists, settled: SettledPasses, noticeId: string): NoticeBaseline {
  const { codes } = listRulesOf(book, lists.notice1);
  const applying = new Map<string, number>();
  for (const state of settled.first.states) {
    const code = codes[state.index];
    if (code !== undefined && applies(state)) applying.set(code, (applying.get(code) ?? 0) + 1);
  }
  return {
    settled,
    noticeId,
    truths: truthsOf(settled.first),
    outcome: decidedOutcome(settled.first),
    applying,
    codesAgree: areCodes(applying, settled.second.facts.values['notice.actionCodes']),
    raise: raiseOf([settled.first, settled.second]),
  };
}

/** @internal A state that applies, or did, moved (a bit of `firstPassMoves`). */
const MOVED_APPLYING = 1;
/** @internal The codes of the actions of the rules that apply are not the baseline's: what the second pass reads moved. */
const CODES_MOVED = 2;
/** @internal A state of a rule that decides an outcome moved. */
const OUTCOME_MOVED = 4;

/** @internal What moved from the baseline's first pass to `first` (the same list, settled again), as bits. */
function firstPassMoves(book: RuleBook, lists: RuleLists, baseline: NoticeBaseline, first: Subject): number {
  const before = baseline.settled.first.states;
  const after = first.states;
  if (after === before) return 0;
  const { codes: codeAt, outcomes } = listRulesOf(book, lists.notice1);
  let moves = 0;
  let maker = false;
  // The action codes of the moved states that start or stop applying, with the change of their count.
  let codes: string[] | undefined;
  let deltas: number[] | undefined;
  for (let i = 0; i < after.length; i++) {
    const state = after[i]!;
    const was = before[i]!;
    if (state === was) continue;
    if (outcomes[i]) moves |= OUTCOME_MOVED;
    const now = applies(state);
    const then = applies(was);
    if (!now && !then) continue;
    moves |= MOVED_APPLYING;
    const code = codeAt[i];
    if (code === undefined) continue;
    maker = true;
    if (now === then) continue;
    codes ??= [];
    deltas ??= [];
    const at = codes.indexOf(code);
    if (at < 0) {
      codes.push(code);
      deltas.push(now ? 1 : -1);
    } else deltas[at]! += now ? 1 : -1;
  }
  if (!maker) return moves;
  if (!baseline.codesAgree) return sameCodes(actionCodesOf(book, first), baseline.settled.second.facts.values['notice.actionCodes']) ? moves : moves | CODES_MOVED;
  for (let k = 0; codes !== undefined && k < codes.length; k++) {
    const count = baseline.applying.get(codes[k]!) ?? 0;
    if (count > 0 !== count + deltas![k]! > 0) return moves | CODES_MOVED;
  }
  return moves;
}

/** @internal No change (shared, never changed). */
const NO_CHANGES: readonly QuestionChange[] = Object.freeze([]);

/** @internal The changes from one signature to another, for a subject. */
export function changesBetween(before: Signature, after: Signature, noticeId: string | undefined): QuestionChange[] {
  let changes: QuestionChange[] | undefined;
  if (noticeId !== undefined && before.outcome !== undefined && after.outcome !== undefined && before.outcome !== after.outcome) {
    changes = [{ code: 'outcome_changed', noticeId, from: before.outcome, to: after.outcome }];
  }
  const at = noticeId === undefined ? {} : { noticeId };
  const codes = [...new Set([...before.actions.keys(), ...after.actions.keys()])].sort(compareStrings);
  for (const action of codes) changes = withActionChanges(changes, at, action, before.actions.get(action), after.actions.get(action));
  return changes ?? [];
}

/**
 * @internal `changes` (made where first needed) with what changed of action `action` from mark
 * `was` to mark `is` (either missing where the subject does not have the action): added, removed,
 * its priority, its deadline. `at`: the notice's id, or nothing for the case.
 */
function withActionChanges(
  changes: QuestionChange[] | undefined,
  at: { readonly noticeId?: string },
  action: string,
  was: ActionMark | undefined,
  is: ActionMark | undefined,
): QuestionChange[] | undefined {
  if (was === undefined) {
    if (is !== undefined) (changes ??= []).push({ code: 'action_added', ...at, action, ruleId: is.ruleId, priority: is.priority });
  } else if (is === undefined) (changes ??= []).push({ code: 'action_removed', ...at, action, ruleId: was.ruleId, priority: was.priority });
  else {
    if (was.priority !== is.priority) (changes ??= []).push({ code: 'priority_changed', ...at, action, ruleId: is.ruleId, from: was.priority, to: is.priority });
    if (was.deadline !== is.deadline) {
      (changes ??= []).push({ code: 'deadline_moved', ...at, action, ruleId: is.ruleId, ...(was.deadline === undefined ? {} : { from: was.deadline }), ...(is.deadline === undefined ? {} : { to: is.deadline }) });
    }
  }
  return changes;
}

/**
 * @internal The changes from a notice's baseline to a signature, as `changesBetween` gives them,
 * without a set and a sort of every code: the baseline's codes are sorted once, and only where an
 * action is added are all the codes taken in order again.
 */
function noticeChanges(book: RuleBook, baseline: NoticeBaseline, after: Signature): readonly QuestionChange[] {
  const { settled, noticeId } = baseline;
  const before = (baseline.signature ??= signatureOf(book, [settled.first, settled.second], settled.decision.outcome));
  let changes: QuestionChange[] | undefined;
  if (before.outcome !== undefined && after.outcome !== undefined && before.outcome !== after.outcome) {
    changes = [{ code: 'outcome_changed', noticeId, from: before.outcome, to: after.outcome }];
  }
  const at = { noticeId };
  let kept = 0;
  for (const action of (baseline.codes ??= [...before.actions.keys()].sort(compareStrings))) {
    const is = after.actions.get(action);
    if (is !== undefined) kept++;
    changes = withActionChanges(changes, at, action, before.actions.get(action), is);
  }
  // An action added: every code, in order, again.
  if (kept < after.actions.size) return changesBetween(before, after, noticeId);
  return changes ?? NO_CHANGES;
}

/** @internal The facts a second pass reads that its first pass decides. */
const RESULT_FACTS = ['notice.outcome', 'notice.actionCodes'] as const;

/**
 * @internal The changes from a notice's baseline to passes settled again from its own (`first`
 * from its first pass with the fact `name` set, `second` its second pass or one settled again
 * on the facts of `first`), as `noticeChanges` of their signature gives them, but made from what
 * moved: only the actions whose rules moved (started or stopped applying, or apply and moved), or
 * whose deadline counts from a fact that moved, are compared, the marks of the others are the
 * baseline's. `undefined` where a rule with an escalation that applies, or did, moved (the
 * priority of every action may move): the caller compares whole signatures then.
 */
function movedChanges(book: RuleBook, lists: RuleLists, baseline: NoticeBaseline, first: Subject, second: Subject, name: string, outcome: Outcome): readonly QuestionChange[] | undefined {
  const { settled, noticeId } = baseline;
  const firstRules = listRulesOf(book, lists.notice1);
  const secondRules = listRulesOf(book, lists.notice2);
  // The actions of the states that moved, and of those whose deadline counts from a fact whose
  // value moved: the fact set (the first pass's values are set in place; a second pass settled
  // again copies them, with what it reads of the first).
  let codes = movedCodes(undefined, first, settled.first, firstRules);
  if (codes === false) return undefined;
  codes = deadlineCodes(codes, first, firstRules, name);
  if (second !== settled.second) {
    codes = movedCodes(codes, second, settled.second, secondRules);
    if (codes === false) return undefined;
    codes = deadlineCodes(codes, second, secondRules, name);
    for (const fact of RESULT_FACTS) codes = deadlineCodes(codes, second, secondRules, fact);
  }
  let changes: QuestionChange[] | undefined;
  const before = settled.decision.outcome;
  if (before !== outcome) changes = [{ code: 'outcome_changed', noticeId, from: before, to: outcome }];
  if (codes === undefined) return changes ?? NO_CHANGES;
  if (codes.length > 1) codes.sort(compareStrings);
  const at = { noticeId };
  for (const action of codes) {
    const is = markOf(book, first, second, firstRules, secondRules, action, baseline.raise);
    const was = baseline.signature === undefined ? markOf(book, settled.first, settled.second, firstRules, secondRules, action, baseline.raise) : baseline.signature.actions.get(action);
    changes = withActionChanges(changes, at, action, was, is);
  }
  return changes ?? NO_CHANGES;
}

/**
 * @internal `codes` with the codes of the actions of the states of `pass` that moved from `base`
 * and apply, or did; `false` where one of them has an escalation.
 */
function movedCodes(codes: string[] | undefined, pass: Subject, base: Subject, rules: ListRules): string[] | undefined | false {
  if (pass.states === base.states) return codes;
  for (let i = 0; i < pass.states.length; i++) {
    const state = pass.states[i]!;
    const was = base.states[i]!;
    if (state === was || (!applies(state) && !applies(was))) continue;
    if (rules.escalates[i]) return false;
    const code = rules.codes[i];
    if (code !== undefined && !(codes ??= []).includes(code)) codes.push(code);
  }
  return codes;
}

/** @internal `codes` with the codes of the actions of the states of `pass` that apply and whose deadline counts from `fact`. */
function deadlineCodes(codes: string[] | undefined, pass: Subject, rules: ListRules, fact: string): string[] | undefined {
  const positions = rules.deadlinesFrom.get(fact);
  if (positions === undefined) return codes;
  for (const position of positions) {
    const code = rules.codes[position];
    if (code !== undefined && applies(pass.states[position]!) && !(codes ??= []).includes(code)) codes.push(code);
  }
  return codes;
}

/**
 * @internal The mark of action `code` in a notice's passes, as `signatureOf` makes it: what the
 * rules that apply and make it give, raised to `raise` unless one of them fixes its priority.
 */
function markOf(book: RuleBook, first: Subject, second: Subject, firstRules: ListRules, secondRules: ListRules, code: string, raise: Priority | undefined): ActionMark | undefined {
  const found = markIn(book, markIn(book, undefined, first, firstRules, code), second, secondRules, code);
  return found !== undefined && raise !== undefined && !found.fixed ? raised(found.mark, raise) : found?.mark;
}

/** @internal The mark of action `code` with what the rules of `pass` that apply and make it give, and whether one of them fixes its priority. */
function markIn(
  book: RuleBook,
  found: { readonly mark: ActionMark; readonly fixed: boolean } | undefined,
  pass: Subject,
  rules: ListRules,
  code: string,
): { readonly mark: ActionMark; readonly fixed: boolean } | undefined {
  const positions = rules.byCode.get(code);
  if (positions === undefined) return found;
  let mark = found?.mark;
  let fixed = found?.fixed ?? false;
  for (const position of positions) {
    const state = pass.states[position]!;
    if (!applies(state)) continue;
    mark = markWith(book, mark, state, code, pass.facts);
    fixed ||= fixesPriority(state);
  }
  return mark === undefined ? undefined : mark === found?.mark ? found : { mark, fixed };
}

/** @internal The changes from a notice's baseline to passes settled again with the fact `name` set: from what moved, else from whole signatures. */
function changesTo(context: QuestionContext, baseline: NoticeBaseline, first: Subject, second: Subject, name: string, outcome: Outcome): readonly QuestionChange[] {
  const { book, lists } = context;
  return (
    (context.wholeSignatures === true ? undefined : movedChanges(book, lists, baseline, first, second, name, outcome)) ??
    noticeChanges(book, baseline, signatureOf(book, [first, second], outcome))
  );
}

/**
 * How much one change of an answer changes: an outcome; an action on liberty (by its role) or an
 * urgent one, added, removed, or made (un)urgent; another action; a deadline.
 *
 * @example
 * ```ts
 * impactOf({ code: 'action_added', action: 'contest_detention_reliance', ruleId: 'r', priority: 'high' }); // 'liberty'
 * impactOf({ code: 'deadline_moved', action: 'request_ccf_revision', ruleId: 'r', to: '2026-09-15' }); // 'deadline'
 * ```
 */
export function impactOf(change: QuestionChange, roles: Readonly<Record<string, ActionRole>> = ACTION_ROLES): QuestionImpact {
  switch (change.code) {
    case 'outcome_changed':
      return 'outcome';
    case 'deadline_moved':
      return 'deadline';
    case 'priority_changed':
      return change.from === 'urgent' || change.to === 'urgent' || ownValue(roles, change.action) === 'liberty' ? 'liberty' : 'action';
    default:
      return change.priority === 'urgent' || ownValue(roles, change.action) === 'liberty' ? 'liberty' : 'action';
  }
}

/**
 * @internal The values a fact is tried with where the case leaves them open, as far as they do
 * not depend on the case: the values themselves (plain values), the items of one-item lists, or
 * for a date the dates around the dates the rules compare it with.
 */
type TriedValues =
  | { readonly kind: 'values'; readonly values: readonly FactValue[] }
  | { readonly kind: 'lists'; readonly items: readonly string[] }
  | { readonly kind: 'dates'; readonly around: readonly CalendarDate[] };

/** @internal The values a fact is tried with, read from its definition and what the rules of `mentionedBy` compare it with. */
function triedValues(name: string, mentionedBy: readonly ListPlan[]): TriedValues {
  const mentioned = mentionedBy.flatMap((plan) => plan.mentioned.get(name) ?? []);
  const definition = findFact(name);
  const strings = [...new Set(mentioned.filter((value): value is string => typeof value === 'string'))];
  const domainOf = (values: readonly string[] | undefined): string[] => {
    if (values === undefined) return strings;
    if (values.length <= 16) return [...values];
    const other = values.find((value) => !strings.includes(value));
    return [...strings.filter((value) => values.includes(value)), ...(other === undefined ? [] : [other])];
  };
  switch (definition?.type) {
    case 'enum':
      return { kind: 'values', values: domainOf(definition.values) };
    case 'enum-list':
      return { kind: 'lists', items: domainOf(definition.values) };
    case 'number': {
      const numbers = mentioned.filter((value): value is number => typeof value === 'number');
      return { kind: 'values', values: [...new Set(numbers.length === 0 ? [0] : numbers.flatMap((value) => [value - 1, value, value + 1]))].sort((a, b) => a - b) };
    }
    case 'date': {
      const dates = strings.filter((value) => /^\d{4}-\d{2}-\d{2}$/.test(value));
      return { kind: 'dates', around: dates.flatMap((date) => [addCalendarDays(date, -1), date, addCalendarDays(date, 1)]) };
    }
    default:
      return { kind: 'values', values: [...new Set(mentioned.filter((value): value is string | number => typeof value === 'string' || typeof value === 'number'))] };
  }
}

/**
 * @internal The values an unknown fact is tried with: the values it could still have, else those
 * `triedValues` gives (kept on the plan, per scope of the fact: they depend on the rules in force
 * only), the dates around `asOf` added for a date. The list is read, never changed.
 */
function candidatesOf(name: string, facts: FactSnapshot, plan: Plan, scope: 'case' | 'notice', asOf: CalendarDate): readonly FactValue[] {
  const possible = facts.possible[name];
  if (possible !== undefined && possible.length > 0) return [...possible];
  const key = `${scope}\u0000${name}`;
  let tried = plan.tried.get(key);
  if (tried === undefined) {
    tried = triedValues(name, scope === 'case' ? [plan.case, plan.notice1, plan.notice2] : [plan.notice1, plan.notice2]);
    plan.tried.set(key, tried);
  }
  switch (tried.kind) {
    case 'values':
      return tried.values;
    case 'lists':
      // Lists of their own: a value tried goes into the result (`answers[].values`).
      return [[], ...tried.items.map((value) => [value])];
    case 'dates': {
      const around = [...tried.around, addCalendarDays(asOf, -1), asOf, addCalendarDays(asOf, 1)];
      return [...new Set([...around, addCalendarDays(asOf, 14), addCalendarDays(asOf, 15)])].sort(compareStrings);
    }
  }
}

/** @internal The input path, and id, of the question on confirmations nobody recorded. */
const CONFIRMATIONS = 'confirmations';

/** @internal An unknown fact of one subject, with the input paths that would decide it. */
interface Unknown {
  /** `case`, or the notice's position in `derived.notices`. */
  readonly subject: 'case' | number;
  readonly fact: string;
  readonly paths: readonly string[];
}

/** @internal A question while it is gathered: its facts and its answers by fact and value. */
interface Gathered {
  readonly facts: Set<string>;
  /** By fact and value (`key`: the value as JSON). */
  readonly answers: Map<string, { fact: string; value: FactValue; key: string; changes: QuestionChange[] }>;
}

/** @internal The members a change can have. */
type ChangeMembers = Partial<Record<'code' | 'noticeId' | 'action' | 'ruleId' | 'priority' | 'from' | 'to', string>>;

/**
 * @internal Whether two changes are the same: the same members with the same values. Changes of
 * one code are made with their members in one order, so it is their JSON being the same.
 */
function sameChange(x: QuestionChange, y: QuestionChange): boolean {
  const a: ChangeMembers = x;
  const b: ChangeMembers = y;
  return a.code === b.code && a.noticeId === b.noticeId && a.action === b.action && a.ruleId === b.ruleId && a.priority === b.priority && a.from === b.from && a.to === b.to;
}

/** @internal Whether two lists of changes are the same, change by change. */
function sameChanges(a: readonly QuestionChange[], b: readonly QuestionChange[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameChange(a[i]!, b[i]!)) return false;
  return true;
}

/**
 * The details of every input path the case leaves unknown: what it is about and its question
 * in the evaluation's locale. Sorted by path.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * const evaluation = evaluateCaseSync(
 *   { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [{ type: 'asylum_denied', date: '2025-03-03', country: 'FR', persecutionFearedFrom: ['TJ'] }] },
 *   { asOf: '2026-06-30', trace: 'none' },
 * );
 * // `evaluateCase` adds them to every evaluation.
 * evaluation.missingFactDetails.find((detail) => detail.path === 'asylum[0].final')?.text;
 * // 'Is the denial of asylum by France of 3 March 2025 final, or can it still be appealed?'
 * ```
 */
export function missingFactDetails(context: Pick<QuestionContext, 'derived' | 'locale'>): MissingFactDetail[] {
  const { derived, locale } = context;
  const factsByPath = new Map<string, Set<string>>();
  const collect = (facts: FactSnapshot) => {
    for (const name in facts.missing) {
      const paths = facts.missing[name];
      if (paths === undefined) continue;
      for (const path of paths) {
        const set = factsByPath.get(path) ?? new Set<string>();
        set.add(name);
        factsByPath.set(path, set);
      }
    }
  };
  collect(derived.caseFacts);
  for (const notice of derived.notices) collect(notice.facts);
  return [...factsByPath.keys()].sort(compareStrings).map((path) => {
    const facts = [...factsByPath.get(path)!].sort(compareStrings);
    const topic = topicOf(derived.case, path, facts);
    return { path, code: topic.code, params: topic.params, facts, text: wordQuestion(topic.code, topic.params, locale) };
  });
}

/**
 * The questions whose answer would change the evaluation: an outcome, an action added or
 * removed, a priority or a deadline. Most consequential first (outcome, liberty or urgent
 * action, other action, deadline), then those that change more notices, then by id.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * const evaluation = evaluateCaseSync(
 *   {
 *     schemaVersion: 1,
 *     notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *     asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 *     confirmations: [],
 *   },
 *   { asOf: '2026-06-30', trace: 'none' },
 * );
 * // `evaluateCase` computes them (option `questions`, default true).
 * const [first] = evaluation.questions!;
 * first?.text; // 'Has Germany confirmed the refugee status to INTERPOL (to the General Secretariat or to the CCF)?'
 * first?.answers[0]?.values; // ['yes']
 * first?.answers[0]?.changes[0]; // { code: 'outcome_changed', noticeId: 'rn-1', from: 'delete_once_confirmed', to: 'delete' }
 * ```
 */
export function questionsOf(context: QuestionContext): Question[] {
  const { book, lists, mask, derived, caseSubject, locale, roles } = context;
  const plan = planOf(lists, mask);
  const noticePlans = [plan.notice1, plan.notice2];
  // The case's signature, made before a fact of the case is first set (its values are set in place).
  let caseBaseline: Signature | undefined;
  const baselines: Array<NoticeBaseline | undefined> = [];
  let caseTruths: readonly Truth[] | undefined;

  /** What setting a fact to a value changes for one notice. */
  const inNotice = (position: number, name: string, value: FactValue): readonly QuestionChange[] => {
    const readBySecond = reads(plan.notice2, name);
    if (!readBySecond && !reads(plan.notice1, name)) return NO_CHANGES;
    const readByDeadline = plan.notice1.deadlineFacts.has(name);
    const baseline = (baselines[position] ??= noticeBaseline(book, lists, context.notices[position]!, derived.notices[position]!.notice.id));
    const { settled, noticeId } = baseline;
    // The baseline's marks are read from its passes while the fact is set: where the deadline of a
    // rule of the first pass counts from the fact, its signature is made before.
    if (readByDeadline || context.wholeSignatures === true) baseline.signature ??= signatureOf(book, [settled.first, settled.second], settled.decision.outcome);
    const set = setFact(settled.first.facts, name, value);
    try {
      const { facts } = set;
      const truths = truthsWith(plan.notice1.readers.get(name), lists.notice1, baseline.truths, facts);
      // No truth of the first pass moves, and nothing else reads the fact: nothing can change.
      if (truths === undefined && !readBySecond && !readByDeadline) return NO_CHANGES;
      // Where no truth moves, the first pass is the evaluation's (its facts are the ones set, here).
      const first = truths === undefined ? settled.first : resettle(book, lists.notice1, mask.notice1, settled.first, truths, facts, noticeId);
      const moves = firstPassMoves(book, lists, baseline, first);
      // The outcome moves only where the state of a rule that decides one moved.
      const outcome = moves & OUTCOME_MOVED ? decidedOutcome(first) : baseline.outcome;
      // The second pass reads what the first decided: where that is the same, it is the evaluation's
      // (the codes of the actions stay the evaluation's unless a rule that makes one starts or stops applying).
      if (!readBySecond && outcome === settled.second.facts.values['notice.outcome'] && !(moves & CODES_MOVED)) {
        // Same outcome, no deadline read, and no rule that applies (or did) moved: the same signature.
        if (!readByDeadline && !(moves & MOVED_APPLYING)) return NO_CHANGES;
        return changesTo(context, baseline, first, settled.second, name, outcome);
      }
      // Else the second pass runs on the facts of this first pass and what it decided.
      const secondFacts = withResultFacts(first, { outcome }, book);
      const secondTruths = lists.notice2.map((rule, index) => (mask.notice2[index] ? rule.conditions.evaluate(secondFacts) : settled.second.states[index]!.truth));
      const second = resettle(book, lists.notice2, mask.notice2, settled.second, secondTruths, secondFacts, noticeId);
      return changesTo(context, baseline, first, second, name, outcome);
    } finally {
      unsetFact(set);
    }
  };
  /** What setting a fact to a value changes for the case's own rules. */
  const inCase = (name: string, value: FactValue): readonly QuestionChange[] => {
    if (!reads(plan.case, name)) return NO_CHANGES;
    const before = (caseBaseline ??= signatureOf(book, [caseSubject], undefined));
    const set = setFact(caseSubject.facts, name, value);
    try {
      const truths = truthsWith(plan.case.readers.get(name), lists.case, (caseTruths ??= truthsOf(caseSubject)), set.facts);
      const subject = truths === undefined ? caseSubject : resettle(book, lists.case, mask.case, caseSubject, truths, set.facts, undefined);
      return changesBetween(before, signatureOf(book, [subject], undefined), undefined);
    } finally {
      unsetFact(set);
    }
  };

  // The unknown facts that an input path would decide and that a rule in force reads.
  const unknowns: Unknown[] = [];
  const unknownIn = (subject: Unknown['subject'], facts: FactSnapshot, scope: 'case' | 'notice') => {
    for (const name in facts.missing) {
      const paths = facts.missing[name];
      if (paths === undefined || paths.length === 0 || facts.values[name] !== undefined) continue;
      const caseFact = findFact(name)?.scope === 'case' || derived.caseFacts.missing[name] !== undefined;
      if ((scope === 'case') !== caseFact) continue;
      const read = scope === 'case' ? reads(plan.case, name) || noticePlans.some((list) => reads(list, name)) : noticePlans.some((list) => reads(list, name));
      if (read) unknowns.push({ subject, fact: name, paths });
    }
  };
  unknownIn('case', derived.caseFacts, 'case');
  derived.notices.forEach((notice, position) => unknownIn(position, notice.facts, 'notice'));

  const gathered = new Map<string, Gathered>();
  /** Gathers what a value of a fact changes under the question of an input path (`key`: the value as JSON, given where something changes). */
  const gather = (id: string, fact: string, value: FactValue, key: string, changes: readonly QuestionChange[]) => {
    let entry = gathered.get(id);
    if (entry === undefined) {
      entry = { facts: new Set<string>(), answers: new Map() };
      gathered.set(id, entry);
    }
    entry.facts.add(fact);
    if (changes.length > 0) {
      const at = `${fact}\u0000${key}`;
      let answer = entry.answers.get(at);
      if (answer === undefined) {
        answer = { fact, value, key, changes: [] };
        entry.answers.set(at, answer);
      }
      answer.changes.push(...changes);
    }
  };
  for (const unknown of unknowns) {
    const facts = unknown.subject === 'case' ? derived.caseFacts : derived.notices[unknown.subject]!.facts;
    for (const value of candidatesOf(unknown.fact, facts, plan, unknown.subject === 'case' ? 'case' : 'notice', derived.asOf)) {
      let changes: readonly QuestionChange[];
      if (unknown.subject === 'case') {
        const all = [...inCase(unknown.fact, value)];
        for (let position = 0; position < derived.notices.length; position++) all.push(...inNotice(position, unknown.fact, value));
        changes = all;
      } else changes = inNotice(unknown.subject, unknown.fact, value);
      const key = changes.length > 0 ? JSON.stringify(value) : '';
      for (const path of unknown.paths) gather(path, unknown.fact, value, key, changes);
    }
  }

  // Lists closed by absence: a confirmation nobody recorded, where it would change an outcome. A
  // confirmation of the status by a member country counts for every notice whose status it
  // confirms: one question, naming the host states that granted it.
  const confirmationCountries = new Set<string>();
  derived.notices.forEach((notice, position) => {
    const { values } = notice.facts;
    if (values['notice.protectionStatus'] !== 'granted' || values['notice.statusConfirmed'] !== 'no') return;
    const changes = inNotice(position, 'notice.statusConfirmed', 'yes');
    if (!changes.some((change) => change.code === 'outcome_changed')) return;
    for (const host of notice.protection.decidingHosts) confirmationCountries.add(host.country);
    gather(CONFIRMATIONS, 'notice.statusConfirmed', 'yes', '"yes"', changes);
  });

  const questions: Question[] = [];
  for (const [id, entry] of gathered) {
    if (entry.answers.size === 0) continue;
    // Values of a fact that change the same things are one answer.
    const answers: Array<{ fact: string; values: FactValue[]; changes: QuestionChange[] }> = [];
    for (const answer of [...entry.answers.values()].sort((x, y) => compareStrings(x.fact, y.fact) || compareStrings(x.key, y.key))) {
      const changes = sortChanges(answer.changes);
      const group = answers.find((other) => other.fact === answer.fact && sameChanges(other.changes, changes));
      if (group === undefined) answers.push({ fact: answer.fact, values: [answer.value], changes });
      else group.values.push(answer.value);
    }
    const facts = [...entry.facts].sort(compareStrings);
    const topic = id === CONFIRMATIONS ? { code: 'status_confirmation' as const, params: { countries: [...confirmationCountries].sort(compareStrings) } } : topicOf(derived.case, id, facts);
    const changes = answers.flatMap((answer) => answer.changes);
    const impact = QUESTION_IMPACTS.find((candidate) => changes.some((change) => impactOf(change, roles) === candidate))!;
    const noticeIds = [...new Set(changes.flatMap((change) => (change.noticeId === undefined ? [] : [change.noticeId])))].sort(compareStrings);
    questions.push({ id, code: topic.code, params: topic.params, paths: [id], facts, noticeIds, impact, answers, text: wordQuestion(topic.code, topic.params, locale) });
  }
  return questions.sort(
    (a, b) =>
      QUESTION_IMPACTS.indexOf(a.impact) - QUESTION_IMPACTS.indexOf(b.impact) ||
      b.noticeIds.length - a.noticeIds.length ||
      compareStrings(a.id, b.id),
  );
}

/** @internal The order of the kinds of change within an answer. */
const CHANGE_ORDER: readonly QuestionChange['code'][] = ['outcome_changed', 'action_added', 'action_removed', 'priority_changed', 'deadline_moved'];

/** @internal Changes sorted by notice (case first), kind of change, then action. */
export function sortChanges(changes: readonly QuestionChange[]): QuestionChange[] {
  return [...changes].sort(
    (a, b) =>
      compareStrings(a.noticeId ?? '', b.noticeId ?? '') ||
      CHANGE_ORDER.indexOf(a.code) - CHANGE_ORDER.indexOf(b.code) ||
      compareStrings('action' in a ? a.action : '', 'action' in b ? b.action : ''),
  );
}
