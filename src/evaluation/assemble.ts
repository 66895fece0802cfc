/**
 * The result of an evaluation, from its settled subjects: per-notice outcomes and actions,
 * the protection summary, missing facts, citations used, and the trace. Pure and
 * deterministic: everything output is sorted.
 *
 * @module
 */
import { toCitationEntry, type CitationEntry } from '../citations/registry.js';
import type { MisusePattern } from '../context/misuse-patterns.js';
import { patternsFor } from '../context/misuse-patterns.js';
import type { DerivedCase } from '../facts/derive.js';
import type { ProtectionView } from '../facts/protection.js';
import type { CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';
import type { Locale } from '../locales/index.js';
import { resolveText } from '../support/localized-text.js';
import { FALSE, TRUE, UNDETERMINED } from '../rules/conditions.js';
import { isInForce, type CompiledRule, type RuleBook } from '../rules/rule-book.js';
import { PRIORITY_RANK } from '../rules/vocabulary.js';
import type {
  Action,
  CaseEvaluation,
  CitationId,
  NoticeEvaluation,
  NoticeProtection,
  ProtectionSummary,
  TraceCondition,
  TraceEntry,
  TraceStatus,
  YesNoUnknown,
} from './result.js';
import type { TraceLevel } from './options.js';
import type { RuleLists } from './runners.js';
import { citationEntrySize, comparisonFactSize, comparisonsSize, ResultBudget, traceEntrySize } from './result-budget.js';
import { actionsOf, addMissingFactsOf, deadlineMissingFacts, ruleMissingFacts, type OutcomeDecision, type RuleState, type Subject } from './subject.js';

/** Which rules of each list are in force on a date, list by list. */
export type InForceMask = { readonly [K in keyof RuleLists]: readonly boolean[] };

/**
 * Which rules of each list are in force on a date.
 *
 * @example
 * ```ts
 * import { loadRuleBook } from './evaluator.js';
 * import { ruleLists } from './runners.js';
 *
 * const lists = ruleLists(loadRuleBook().book);
 * const at = (date: string) => lists.notice1.filter((_, i) => inForceMask(lists, date).notice1[i]).map((rule) => rule.id);
 * at('2020-01-01').includes('refugee.2017.delete'); // true
 * at('2016-01-01').includes('refugee.2017.delete'); // false
 * ```
 */
export function inForceMask(lists: RuleLists, asOf: CalendarDate): InForceMask {
  return {
    case: lists.case.map((rule) => isInForce(rule, asOf)),
    notice1: lists.notice1.map((rule) => isInForce(rule, asOf)),
    notice2: lists.notice2.map((rule) => isInForce(rule, asOf)),
  };
}

/**
 * The result as the assembly makes it: what the order of work, the questions, the missing facts'
 * details and the trace (computed when read: `traceOf`) then complete.
 */
export type AssembledEvaluation = Omit<CaseEvaluation, 'missingFactDetails' | 'notices' | 'trace'> & { readonly notices: readonly AssembledNotice[] };

/** A notice as the assembly makes it: the order of work adds what puts liberty at stake. */
export type AssembledNotice = Omit<NoticeEvaluation, 'libertyGrounds'>;

/** One notice, settled: its two passes and its outcome. */
export interface SettledNotice {
  readonly passes: readonly [Subject, Subject];
  readonly decision: OutcomeDecision;
}

/** Everything the assembly needs. */
export interface AssemblyInput {
  readonly book: RuleBook;
  readonly derived: DerivedCase;
  readonly locale: Locale;
  readonly trace: TraceLevel;
  readonly meta: CaseEvaluation['meta'];
  readonly misusePatterns: readonly MisusePattern[];
  /** The rules in force on the date of the evaluation (what the subjects were settled with). */
  readonly mask: InForceMask;
  readonly caseSubject: Subject;
  /** Per notice, in input order. */
  readonly notices: readonly SettledNotice[];
}

/**
 * Assembles the result of an evaluation.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * // `evaluateCase` ends with `assemble`: what it returns is the assembled result.
 * const evaluation = evaluateCaseSync({ schemaVersion: 1, notices: [{ id: 'rn-2', kind: 'diffusion', requestingCountry: 'TJ' }, { id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] }, { asOf: '2026-01-15', trace: 'none' });
 * evaluation.notices.map((notice) => notice.noticeId); // ['rn-1', 'rn-2']
 * evaluation.trace; // []
 * ```
 */
export function assemble(input: AssemblyInput): AssembledEvaluation {
  const { book, derived, locale } = input;
  // What is built is charged as it is built: a result past the budget stops here (result_too_large).
  const budget = new ResultBudget();
  const caseActions = actionsOf(book, [input.caseSubject], locale, derived.asOf);
  for (const action of caseActions) budget.chargeAction(action);
  const notices: AssembledNotice[] = derived.notices
    .map((noticeFacts, index): AssembledNotice => {
      const settled = input.notices[index]!;
      const missing = new Set(settled.decision.missing);
      addMissingFactsOf(settled.passes[0], missing);
      addMissingFactsOf(settled.passes[1], missing);
      // In no order: `evaluation.actions` is sorted (below), and the order of work gives each notice its actions in that order.
      const actions = actionsOf(book, settled.passes, locale, derived.asOf);
      for (const action of actions) budget.chargeAction(action);
      budget.charge(600 + 2 * noticeFacts.notice.id.length + 40 * missing.size);
      return {
        noticeId: noticeFacts.notice.id,
        kind: noticeFacts.notice.kind,
        requestingCountry: noticeFacts.notice.requestingCountry,
        protection: noticeProtection(derived, noticeFacts.protection),
        outcome: settled.decision.outcome,
        resolution: settled.decision.resolution,
        basis: settled.decision.basis,
        missingFacts: [...missing].sort(compareStrings),
        actions,
      };
    })
    .sort((a, b) => compareStrings(a.noticeId, b.noticeId));
  const actions = sortActions(book, [...caseActions, ...notices.flatMap((notice) => notice.actions)]);
  const missingFacts = new Set<string>();
  addMissingFactsOf(input.caseSubject, missingFacts);
  for (const notice of notices) for (const path of notice.missingFacts) missingFacts.add(path);
  const protection = summariseProtection(derived);
  const { citations, size: citationsSize } = citationsUsed(book, notices, actions);
  const misusePatterns = misusePatternsOf(input.misusePatterns, derived);
  budget.chargeContextSized(citationsSize, misusePatterns, protection);
  // The trace is made when it is read; its size is estimated now, so that a result past the budget stops here.
  if (input.trace !== 'none') chargeTrace(input.trace, input, budget);
  return {
    meta: input.meta,
    protection,
    notices,
    actions,
    missingFacts: [...missingFacts].sort(compareStrings),
    citations,
    misusePatterns,
    warnings: [...derived.protection.warnings].sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.code, b.code)),
  };
}

/**
 * @internal Sorts actions by priority, then (among escalated actions) by their priority before
 * the escalation, then rule order, then notice id (case-level first), then code; ties keep their
 * order. Each action's ranks are read once, not at each comparison.
 */
function sortActions(book: RuleBook, actions: readonly Action[]): Action[] {
  const keyed = actions.map((action) => new SortKey(action, PRIORITY_RANK[action.priority], PRIORITY_RANK[action.escalation?.from ?? action.priority], book.byId.get(action.ruleId)?.order ?? 0));
  keyed.sort(
    (a, b) =>
      a.priority - b.priority ||
      a.before - b.before ||
      a.order - b.order ||
      compareStrings(a.action.noticeId ?? '', b.action.noticeId ?? '') ||
      compareStrings(a.action.code, b.action.code),
  );
  return keyed.map((key) => key.action);
}

/** @internal An action with the ranks it is sorted by. */
class SortKey {
  constructor(
    readonly action: Action,
    readonly priority: number,
    readonly before: number,
    readonly order: number,
  ) {}
}

/** @internal A book's citations in the order of a result's (ids sorted), each with its entry and the size the budget charges for it. */
interface CitationTable {
  readonly ids: readonly CitationId[];
  readonly rankOf: ReadonlyMap<string, number>;
  readonly entries: readonly CitationEntry[];
  readonly sizes: readonly number[];
  /**
   * Which citations a result uses, by rank, while `citationsUsed` collects them: one array per
   * book, cleared before each use (a typed array of more than 64 bytes made per result was a buffer
   * allocated outside the heap each time). The assembly is synchronous: nothing else uses it meanwhile.
   */
  readonly used: Uint8Array;
}

/** @internal The citation tables, one per book. */
const citationTables = new WeakMap<RuleBook, CitationTable>();

/** @internal A book's citation table, made once (the entries are shared: results get copies). */
function citationTable(book: RuleBook): CitationTable {
  let table = citationTables.get(book);
  if (table === undefined) {
    const ids = [...book.citations.keys()].sort(compareStrings);
    const entries = ids.map((id) => toCitationEntry(book.citations.get(id)!));
    table = { ids, rankOf: new Map(ids.map((id, rank) => [id, rank])), entries, sizes: ids.map((id, rank) => citationEntrySize(id, entries[rank]!)), used: new Uint8Array(ids.length) };
    citationTables.set(book, table);
  }
  return table;
}

/** @internal Every citation an outcome, action, factor or deadline uses, and what they add to the result's size. */
function citationsUsed(book: RuleBook, notices: readonly Pick<NoticeEvaluation, 'basis'>[], actions: readonly Action[]): { citations: Record<CitationId, CitationEntry>; size: number } {
  const table = citationTable(book);
  const { used } = table;
  used.fill(0);
  for (const notice of notices) markUsed(table, notice.basis);
  for (const action of actions) {
    markUsed(table, action.citations);
    if (action.factorDetails !== undefined) for (const factor of action.factorDetails) markUsed(table, factor.citations);
  }
  const citations: Record<CitationId, CitationEntry> = {};
  let size = 0;
  for (let rank = 0; rank < used.length; rank++) {
    if (used[rank] === 0) continue;
    // A copy: the entry is the evaluator's, and a caller may change its result.
    citations[table.ids[rank]!] = { ...table.entries[rank]! };
    size += table.sizes[rank]!;
  }
  return { citations, size };
}

/** @internal Marks the citations of `ids` that the book has as used, by rank. */
function markUsed(table: CitationTable, ids: readonly string[]): void {
  for (const id of ids) {
    const rank = table.rankOf.get(id);
    if (rank !== undefined) table.used[rank] = 1;
  }
}

/** @internal The documented patterns of misuse by the requesting countries of the case. */
function misusePatternsOf(patterns: readonly MisusePattern[], derived: DerivedCase): MisusePattern[] {
  const countries = [...new Set(derived.notices.map((notice) => notice.notice.requestingCountry))];
  const found = new Map<string, MisusePattern>();
  for (const country of countries) for (const pattern of patternsFor(patterns, country, derived.asOf)) found.set(pattern.id, pattern);
  // Copies: the patterns are the evaluator's, and a caller may change its result. A pattern is
  // flat but for its list of countries (its schema is strict): a spread copies it, in its key
  // order, at a fraction of the cost of `structuredClone`.
  return [...found.values()].sort((a, b) => compareStrings(a.id, b.id)).map((pattern) => ({ ...pattern, countries: [...pattern.countries] }));
}

/** @internal The protection summary of the result. */
function summariseProtection(derived: DerivedCase): ProtectionSummary {
  const { protection } = derived;
  const { overall } = protection;
  const confirmation = confirmationOf(derived, overall);
  return {
    status: overall.status ?? 'unknown',
    hostCountries: protection.hosts.map((host) => host.country),
    hosts: protection.hosts.map((host) => {
      const summary: Partial<Mutable<ProtectionSummary['hosts'][number]>> = {
        country: host.country,
        status: host.status,
        since: host.since,
        fearedCountries: host.fearedCountries,
        fearedCountriesKnown: host.fearedCountriesKnown,
      };
      if (host.grantedOn !== undefined) summary.grantedOn = host.grantedOn;
      summary.formerlyGranted = host.formerlyGranted;
      return summary as ProtectionSummary['hosts'][number];
    }),
    fearedCountries: [...new Set(overall.decidingHosts.flatMap((host) => host.fearedCountries))].sort(compareStrings),
    confirmed: yesNoUnknown(overall.confirmed),
    ...(confirmation ? { confirmation } : {}),
    missingFacts: overall.missing,
  };
}

/** @internal An object of a result while it is built. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** @internal The protection that bears on one notice. */
function noticeProtection(derived: DerivedCase, view: ProtectionView): NoticeProtection {
  const confirmation = confirmationOf(derived, view);
  return {
    status: view.status ?? 'unknown',
    hostCountries: view.decidingHosts.map((host) => host.country),
    confirmed: yesNoUnknown(view.confirmed),
    ...(confirmation ? { confirmation } : {}),
  };
}

/** @internal The confirmation a view relies on, as stated in the case. */
function confirmationOf(derived: DerivedCase, view: ProtectionView): ProtectionSummary['confirmation'] {
  const relied = view.confirmationIndex === undefined ? undefined : derived.case.confirmations?.[view.confirmationIndex];
  return relied && { by: relied.by, to: relied.to, date: relied.date, byGrantingState: view.decidingHosts.some((host) => host.country === relied.by) };
}

/** @internal A three-valued boolean as text. */
function yesNoUnknown(value: boolean | undefined): YesNoUnknown {
  return value === undefined ? 'unknown' : value ? 'yes' : 'no';
}

/** @internal Where each rule of a book is settled: its scope, its pass, its position in its list. */
interface TracePlace {
  readonly caseScope: boolean;
  readonly pass: 0 | 1;
  readonly position: number;
}

/** @internal The places of a book's rules, in book order, computed once per book. */
const tracePlans = new WeakMap<RuleBook, readonly TracePlace[]>();

/** @internal The places of a book's rules (their lists are the book's rules filtered, in order: see `ruleLists`). */
function tracePlan(book: RuleBook): readonly TracePlace[] {
  let plan = tracePlans.get(book);
  if (plan === undefined) {
    const counts = [0, 0, 0];
    plan = book.rules.map((rule): TracePlace => {
      const list = rule.json.scope === 'case' ? 0 : rule.stage;
      return { caseScope: list === 0, pass: list === 2 ? 1 : 0, position: counts[list]!++ };
    });
    tracePlans.set(book, plan);
  }
  return plan;
}

/** @internal The notices in id order (most cases have one: no copy, no sort). */
function noticesById(notices: readonly SettledNotice[]): readonly SettledNotice[] {
  if (notices.length < 2) return notices;
  return [...notices].sort((a, b) => compareStrings(a.passes[0].noticeId ?? '', b.passes[0].noticeId ?? ''));
}

/**
 * @internal Calls `visit` for every rule state of the trace at `level`, in its order: rule order,
 * then notice id (case rules have none); `fired` keeps only the rules that fired or were
 * overridden. `visit` gets the state's status and its rule's index in book order.
 */
function forEachTraced(
  level: Exclude<TraceLevel, 'none'>,
  book: RuleBook,
  caseSubject: Subject,
  notices: readonly SettledNotice[],
  visit: (current: Subject, state: RuleState, status: TraceStatus, rule: number) => void,
): void {
  const byId = noticesById(notices);
  const firedOnly = level === 'fired';
  const plan = tracePlan(book);
  // Every rule belongs to one list, so the entries come out in order: book order, each notice
  // rule for the notices in id order, from the pass its list runs in.
  for (let rule = 0; rule < plan.length; rule++) {
    const place = plan[rule]!;
    if (place.caseScope) {
      const state = caseSubject.states[place.position]!;
      const status = traceStatus(state);
      if (!firedOnly || status === 'fired' || status === 'overridden') visit(caseSubject, state, status, rule);
    } else {
      for (const notice of byId) {
        const pass = notice.passes[place.pass];
        const state = pass.states[place.position]!;
        const status = traceStatus(state);
        if (!firedOnly || status === 'fired' || status === 'overridden') visit(pass, state, status, rule);
      }
    }
  }
}

/**
 * The trace of an evaluation: what every rule did for every subject, rule order then notice id
 * (`fired`: only the rules that fired or were overridden). Made from the settled subjects when
 * the result's `trace` is first read.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * // `evaluateCase` makes it when `trace` is read.
 * const evaluation = evaluateCaseSync({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] }, { asOf: '2026-01-15', trace: 'fired' });
 * evaluation.trace.every((entry) => entry.status === 'fired' || entry.status === 'overridden'); // true
 * ```
 */
export function traceOf(level: Exclude<TraceLevel, 'none'>, book: RuleBook, caseSubject: Subject, notices: readonly SettledNotice[], locale: Locale): TraceEntry[] {
  const entries: TraceEntry[] = [];
  const heads = traceHeads(book, locale);
  forEachTraced(level, book, caseSubject, notices, (current, state, status, rule) => entries.push(traceEntry(heads[rule]!, current, state, status)));
  return entries;
}

/**
 * @internal Charges the trace to the budget without making it: each entry and comparison as
 * `traceEntry` would make it, every unknown fact's missing paths counted (an upper bound: a
 * comparison that possible values decide has none). The full trace holds an entry for every rule
 * of every subject, so what the rules fix (their ids, titles, comparisons) is summed once per list,
 * date and locale (`ListCharge`), and only what the facts give is counted per subject — once per
 * fact the rules in force read, times the number of their comparisons that read it.
 */
function chargeTrace(level: Exclude<TraceLevel, 'none'>, input: AssemblyInput, budget: ResultBudget): void {
  const { book, caseSubject, notices, locale } = input;
  if (level === 'fired') {
    forEachTraced(level, book, caseSubject, notices, (current, state) => {
      budget.chargeTraceEntry(state.rule.id, state.rule.ruleSet, ruleTitle(state.rule, locale), current.noticeId);
      budget.chargeComparisons(state.rule.conditions.atoms, current.facts);
    });
    return;
  }
  const { mask } = input;
  chargeSubject(listCharge(book, 'case', mask.case, caseSubject), caseSubject, locale, budget);
  for (const notice of notices) {
    chargeSubject(listCharge(book, 'notice1', mask.notice1, notice.passes[0]), notice.passes[0], locale, budget);
    chargeSubject(listCharge(book, 'notice2', mask.notice2, notice.passes[1]), notice.passes[1], locale, budget);
  }
}

/** @internal What the full trace of one subject of a list costs whatever the subject, on a date (the list's rules in force). */
interface ListCharge {
  /** The list's rules, in order. */
  readonly rules: readonly CompiledRule[];
  /** Entries (one per rule) without their titles and notice ids, and the fixed part of the comparisons of the rules in force. */
  readonly fixed: number;
  /** The length of the list's titles, per locale. */
  readonly titles: Map<Locale, number>;
  /** The facts that the comparisons of the rules in force read, distinct… */
  readonly facts: readonly string[];
  /** …and how many comparisons read each. */
  readonly reads: readonly number[];
}

/** @internal The charges of the lists, per in-force mask of a list (an evaluator keeps a mask per date, for a number of dates). */
const listCharges = new WeakMap<readonly boolean[], ListCharge>();

/**
 * @internal The charges of a book's lists, by list and pattern of rules in force: the masks of
 * different dates are different arrays, but the rules in force change on a few dates only.
 */
const chargesByPattern = new WeakMap<RuleBook, Map<string, ListCharge>>();

/** @internal How many patterns are kept per book (rule sets name a few dates each). */
const PATTERNS_KEPT = 1000;

/** @internal The charge of the list a subject was settled on (`list` of `book`), with `inForce` the mask it was settled with. */
function listCharge(book: RuleBook, list: keyof InForceMask, inForce: readonly boolean[], subject: Subject): ListCharge {
  let charge = listCharges.get(inForce);
  if (charge !== undefined && charge.rules.length === subject.states.length && charge.rules[0] === subject.states[0]?.rule) return charge;
  let pattern = `${list}:`;
  for (const inForceRule of inForce) pattern += inForceRule ? '1' : '0';
  let byPattern = chargesByPattern.get(book);
  if (byPattern === undefined) chargesByPattern.set(book, (byPattern = new Map()));
  charge = byPattern.get(pattern);
  if (charge === undefined || charge.rules.length !== subject.states.length || charge.rules[0] !== subject.states[0]?.rule) {
    const rules = subject.states.map((state) => state.rule);
    let fixed = 0;
    const reads = new Map<string, number>();
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      fixed += traceEntrySize(rule.id, rule.ruleSet, '', undefined);
      if (!inForce[i]) continue;
      fixed += comparisonsSize(rule.conditions.atoms);
      for (const atom of rule.conditions.atoms) reads.set(atom.fact, (reads.get(atom.fact) ?? 0) + 1);
    }
    charge = { rules, fixed, titles: new Map(), facts: [...reads.keys()], reads: [...reads.values()] };
    if (byPattern.size >= PATTERNS_KEPT) byPattern.clear();
    byPattern.set(pattern, charge);
  }
  listCharges.set(inForce, charge);
  return charge;
}

/** @internal Charges the full trace of one subject: its list's fixed part, its notice id in every entry, and what its facts give. */
function chargeSubject(charge: ListCharge, subject: Subject, locale: Locale, budget: ResultBudget): void {
  let titles = charge.titles.get(locale);
  if (titles === undefined) {
    titles = 0;
    for (const rule of charge.rules) titles += ruleTitle(rule, locale).length;
    charge.titles.set(locale, titles);
  }
  let size = charge.fixed + titles + charge.rules.length * (subject.noticeId?.length ?? 0);
  const { facts, reads } = charge;
  for (let k = 0; k < facts.length; k++) size += reads[k]! * comparisonFactSize(facts[k]!, subject.facts);
  budget.charge(size);
}

/** @internal Each rule's title in each locale, resolved once. */
const ruleTitles = new WeakMap<CompiledRule, Map<Locale, string>>();

/** @internal A rule's title in `locale`. */
function ruleTitle(rule: CompiledRule, locale: Locale): string {
  let titles = ruleTitles.get(rule);
  if (titles === undefined) {
    titles = new Map();
    ruleTitles.set(rule, titles);
  }
  let title = titles.get(locale);
  if (title === undefined) {
    title = resolveText(rule.json.title, locale);
    titles.set(locale, title);
  }
  return title;
}

/** @internal The trace status of a rule. */
function traceStatus(state: RuleState): TraceStatus {
  if (!state.inForce) return 'not_in_force';
  if (state.overriddenBy.length > 0) return 'overridden';
  return state.truth === TRUE ? 'fired' : state.truth === FALSE ? 'not_fired' : 'undetermined';
}

/** @internal What every trace entry of one rule holds whatever the subject, in one locale. */
interface TraceHead {
  readonly ruleId: string;
  readonly ruleSet: string;
  readonly effect: TraceEntry['effect'];
  readonly title: string;
  readonly outcome: TraceEntry['outcome'];
}

/** @internal The heads of a book's rules in book order (as `tracePlan`), per locale, made once. */
const traceHeadsByBook = new WeakMap<RuleBook, Map<Locale, readonly TraceHead[]>>();

/** @internal The heads of a book's rules in `locale`, in book order. */
function traceHeads(book: RuleBook, locale: Locale): readonly TraceHead[] {
  let byLocale = traceHeadsByBook.get(book);
  if (byLocale === undefined) traceHeadsByBook.set(book, (byLocale = new Map()));
  let heads = byLocale.get(locale);
  if (heads === undefined) {
    heads = book.rules.map((rule): TraceHead => ({
      ruleId: rule.id,
      ruleSet: rule.ruleSet,
      effect: rule.json.effect,
      title: ruleTitle(rule, locale),
      outcome: rule.json.outcome,
    }));
    byLocale.set(locale, heads);
  }
  return heads;
}

/** @internal A condition's result as text. */
function conditionResult(truth: number): TraceCondition['result'] {
  return truth === TRUE ? 'met' : truth === FALSE ? 'not_met' : 'undetermined';
}

/**
 * @internal One comparison of the trace: one literal per shape, the keys in the order of the
 * output, an optional key only when it has a value (never added one at a time).
 */
function traceCondition(
  path: string,
  fact: string,
  operator: string,
  expected: unknown,
  actual: unknown,
  result: TraceCondition['result'],
  possibleValues: readonly unknown[] | undefined,
  via: readonly string[] | undefined,
  missingFacts: readonly string[] | undefined,
): TraceCondition {
  if (possibleValues === undefined) {
    if (via === undefined) {
      return missingFacts === undefined
        ? { path, fact, operator, expected, actual, result }
        : { path, fact, operator, expected, actual, result, missingFacts };
    }
    return missingFacts === undefined
      ? { path, fact, operator, expected, actual, result, via }
      : { path, fact, operator, expected, actual, result, via, missingFacts };
  }
  if (via === undefined) {
    return missingFacts === undefined
      ? { path, fact, operator, expected, actual, result, possibleValues }
      : { path, fact, operator, expected, actual, result, possibleValues, missingFacts };
  }
  return missingFacts === undefined
    ? { path, fact, operator, expected, actual, result, possibleValues, via }
    : { path, fact, operator, expected, actual, result, possibleValues, via, missingFacts };
}

/** @internal One trace entry, with every comparison (keys in the order of the output; optional keys only when set). */
function traceEntry(head: TraceHead, current: Subject, state: RuleState, status: TraceStatus): TraceEntry {
  const atoms = state.rule.conditions.atoms;
  const conditions = new Array<TraceCondition>(state.inForce ? atoms.length : 0);
  if (state.inForce) {
    const truths = current.atoms(state);
    const { values, possible, missing } = current.facts;
    for (let i = 0; i < atoms.length; i++) {
      const atom = atoms[i]!;
      const actual = values[atom.fact];
      const truth = truths[i]!;
      const possibleValues = actual === undefined ? possible[atom.fact] : undefined;
      const missingFacts = truth === UNDETERMINED ? missing[atom.fact] : undefined;
      conditions[i] = traceCondition(
        atom.path,
        atom.fact,
        atom.operator.name,
        // A copy: the rule's value is the evaluator's, and a caller may change its result.
        Array.isArray(atom.value) ? (atom.value as readonly unknown[]).slice() : atom.value,
        actual === undefined ? null : actual,
        conditionResult(truth),
        possibleValues,
        atom.via.length > 0 ? atom.via.slice() : undefined,
        missingFacts,
      );
    }
  }
  const { noticeId } = current;
  const { ruleId, ruleSet, effect, title, outcome } = head;
  // One literal per shape: the keys in the order of the output, none added one at a time.
  const entry: { -readonly [K in keyof TraceEntry]: TraceEntry[K] } =
    noticeId === undefined
      ? outcome === undefined
        ? { ruleId, ruleSet, status, effect, title, conditions }
        : { ruleId, ruleSet, status, effect, title, outcome, conditions }
      : outcome === undefined
        ? { ruleId, ruleSet, noticeId, status, effect, title, conditions }
        : { ruleId, ruleSet, noticeId, status, effect, title, outcome, conditions };
  if (status === 'overridden') entry.overriddenBy = state.overriddenBy;
  else if (status === 'undetermined') {
    const missingFacts = ruleMissingFacts(current, state);
    if (missingFacts.length > 0) entry.missingFacts = missingFacts;
  } else if (status === 'fired') {
    const missingFacts = deadlineMissingFacts(current, state);
    if (missingFacts.length > 0) entry.missingFacts = missingFacts.slice();
  }
  return entry;
}
