/**
 * From rule truths to a `CaseEvaluation`: exceptions, the outcome of each notice, actions with
 * their deadlines and texts, missing facts, citations and the trace. Pure and deterministic:
 * everything output is sorted.
 *
 * @module
 */
import { toCitationEntry, type CitationEntry } from '../citations/registry.js';
import type { DerivedCase, FactSnapshot } from '../facts/derive.js';
import type { ProtectionView } from '../facts/protection.js';
import type { FactValue } from '../facts/catalogue.js';
import { addCalendarDays, addCalendarMonths, type CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';
import { fillPlaceholders, resolveText, type Locale } from '../support/localized-text.js';
import { ACTION_TITLES } from '../support/messages.js';
import { evaluateAtom, FALSE, TRUE, UNDETERMINED, type Truth } from '../rules/conditions.js';
import { isInForce, type CompiledRule, type RuleBook } from '../rules/rule-book.js';
import { OUTCOMES, PRIORITIES, type ActionCode, type Outcome } from '../rules/schema.js';
import type {
  Action,
  CaseEvaluation,
  CitationId,
  Deadline,
  FactorDetail,
  NoticeEvaluation,
  NoticeProtection,
  OutcomeResolution,
  ProtectionSummary,
  TraceCondition,
  TraceEntry,
  TraceStatus,
  YesNoUnknown,
} from './result.js';
import type { ScopedRules } from './runners.js';

/** How much of the trace to keep. */
export type TraceLevel = 'full' | 'fired' | 'none';

/** Everything an assembly needs besides the rule truths. */
export interface AssemblyInput {
  readonly book: RuleBook;
  readonly rules: ScopedRules;
  readonly derived: DerivedCase;
  readonly locale: Locale;
  readonly trace: TraceLevel;
  readonly meta: CaseEvaluation['meta'];
}

/** Truths of every rule of a scope, per subject. */
export interface RuleTruths {
  readonly case: readonly Truth[];
  /** Per notice, in input order. */
  readonly notices: readonly (readonly Truth[])[];
}

/**
 * Which rules of each scope are in force on a date.
 *
 * @example
 * ```ts
 * const mask = inForceMask(rules, '2020-01-01');
 * ```
 */
export function inForceMask(rules: ScopedRules, asOf: CalendarDate): { case: boolean[]; notice: boolean[] } {
  return {
    case: rules.case.map((rule) => isInForce(rule, asOf)),
    notice: rules.notice.map((rule) => isInForce(rule, asOf)),
  };
}

/** @internal What one rule came to for one subject, after exceptions. */
interface RuleState {
  readonly rule: CompiledRule;
  readonly inForce: boolean;
  readonly truth: Truth;
  /** Rules whose exception applies (fired and not themselves doubtful). */
  readonly overriddenBy: readonly string[];
  /** Exceptions that may apply but could not be decided. */
  readonly doubtfulExceptions: readonly CompiledRule[];
}

/** @internal One subject: the case, or one notice. */
interface Subject {
  readonly noticeId?: string;
  readonly facts: FactSnapshot;
  readonly states: readonly RuleState[];
  /** Atom truths per rule, computed on demand. */
  readonly atoms: (state: RuleState) => readonly Truth[];
}

/**
 * Assembles the result of an evaluation from the truths of its rules.
 *
 * @example
 * ```ts
 * const evaluation = assemble(input, { case: caseTruths, notices: noticeTruths });
 * ```
 */
export function assemble(input: AssemblyInput, truths: RuleTruths): CaseEvaluation {
  const { book, rules, derived, locale } = input;
  const mask = inForceMask(rules, derived.asOf);
  const caseSubject = subject(book, rules.case, mask.case, truths.case, derived.caseFacts, undefined);
  const noticeSubjects = derived.notices.map((notice, index) =>
    subject(book, rules.notice, mask.notice, truths.notices[index]!, notice.facts, notice.notice.id),
  );

  const compareActions = actionComparator(book);
  const caseActions = actionsOf(caseSubject, locale);
  const caseMissing = missingOfSubject(caseSubject);
  const noticeResults = derived.notices.map((notice, index) => {
    const current = noticeSubjects[index]!;
    const decision = decideOutcome(current);
    const actions = actionsOf(current, locale);
    const missing = new Set([...decision.missing, ...missingOfSubject(current)]);
    return {
      notice,
      decision,
      actions,
      missing: [...missing].sort(compareStrings),
    };
  });

  const allActions = [...caseActions, ...noticeResults.flatMap((result) => result.actions)].sort(compareActions);
  const notices: NoticeEvaluation[] = noticeResults
    .map(
      (result): NoticeEvaluation => ({
        noticeId: result.notice.notice.id,
        kind: result.notice.notice.kind,
        requestingCountry: result.notice.notice.requestingCountry,
        protection: noticeProtection(derived, result.notice.protection),
        outcome: result.decision.outcome,
        resolution: result.decision.resolution,
        basis: result.decision.basis,
        missingFacts: result.missing,
        actions: [...result.actions].sort(compareActions),
      }),
    )
    .sort((a, b) => compareStrings(a.noticeId, b.noticeId));

  const missingFacts = new Set<string>(caseMissing);
  for (const notice of notices) for (const path of notice.missingFacts) missingFacts.add(path);

  return {
    meta: input.meta,
    protection: summariseProtection(derived),
    notices,
    actions: allActions,
    missingFacts: [...missingFacts].sort(compareStrings),
    citations: citationsUsed(book, notices, allActions),
    trace: input.trace === 'none' ? [] : traceOf(input.trace, caseSubject, noticeSubjects),
  };
}

/** @internal Builds a subject: rule states after exceptions. */
function subject(
  book: RuleBook,
  list: readonly CompiledRule[],
  inForce: readonly boolean[],
  truths: readonly Truth[],
  facts: FactSnapshot,
  noticeId: string | undefined,
): Subject {
  const indexOf = new Map(list.map((rule, i) => [rule.id, i]));
  const states = new Array<RuleState>(list.length);
  // Exceptions are settled before the rules they are exceptions to (the graph has no cycles).
  const settle = (i: number): RuleState => {
    const existing = states[i];
    if (existing) return existing;
    const rule = list[i]!;
    const overriddenBy: string[] = [];
    const doubtfulExceptions: CompiledRule[] = [];
    if (inForce[i] && truths[i] !== FALSE) {
      for (const exception of book.exceptionsTo.get(rule.id) ?? []) {
        const j = indexOf.get(exception.id);
        if (j === undefined) continue;
        const other = settle(j);
        if (!other.inForce || other.truth === FALSE || other.overriddenBy.length > 0) continue;
        if (other.truth === TRUE && other.doubtfulExceptions.length === 0) overriddenBy.push(exception.id);
        else doubtfulExceptions.push(exception);
      }
    }
    const state: RuleState = { rule, inForce: inForce[i]!, truth: truths[i]!, overriddenBy, doubtfulExceptions };
    states[i] = state;
    return state;
  };
  for (let i = 0; i < list.length; i++) settle(i);
  const atomCache = new Map<RuleState, readonly Truth[]>();
  return {
    ...(noticeId === undefined ? {} : { noticeId }),
    facts,
    states,
    atoms: (state) => {
      let cached = atomCache.get(state);
      if (!cached) {
        cached = state.rule.conditions.atoms.map((atom) => evaluateAtom(atom, facts));
        atomCache.set(state, cached);
      }
      return cached;
    },
  };
}

/** @internal Whether a rule fired and was not overridden. */
function applies(state: RuleState): boolean {
  return state.inForce && state.truth === TRUE && state.overriddenBy.length === 0;
}

/** @internal Input paths behind the unknown facts of a rule's undetermined comparisons. */
function missingOfRule(current: Subject, state: RuleState): string[] {
  const truths = current.atoms(state);
  const paths: string[] = [];
  state.rule.conditions.atoms.forEach((atom, i) => {
    if (truths[i] === UNDETERMINED) paths.push(...(current.facts.missing[atom.fact] ?? [atom.fact]));
  });
  return paths;
}

/** @internal Missing facts behind every rule of a subject that could not be decided. */
function missingOfSubject(current: Subject): string[] {
  const paths = new Set<string>();
  for (const state of current.states) {
    if (!state.inForce || state.overriddenBy.length > 0) continue;
    if (state.truth === UNDETERMINED) for (const path of missingOfRule(current, state)) paths.add(path);
    if (state.truth === TRUE) {
      for (const exception of state.doubtfulExceptions) {
        const exceptionState = current.states.find((other) => other.rule === exception);
        if (exceptionState) for (const path of missingOfRule(current, exceptionState)) paths.add(path);
      }
    }
  }
  return [...paths];
}

/** @internal The outcome of a notice and why. */
interface OutcomeDecision {
  readonly outcome: Outcome;
  readonly resolution: OutcomeResolution;
  readonly basis: readonly CitationId[];
  readonly missing: readonly string[];
}

/**
 * @internal Mandatory outcome rules decide; presumptions only when no mandatory rule fired or
 * could fire. A rule that fired but may be displaced by an undecided exception counts as
 * undecided. Disagreeing rules make the outcome undetermined (a conflict is never guessed).
 */
function decideOutcome(current: Subject): OutcomeDecision {
  const candidates = current.states.filter(
    (state) => state.inForce && state.rule.json.outcome !== undefined && state.truth !== FALSE && state.overriddenBy.length === 0,
  );
  for (const effect of ['mandatory', 'presumption'] as const) {
    const ofEffect = candidates.filter((state) => state.rule.json.effect === effect);
    const fired = ofEffect.filter((state) => state.truth === TRUE && state.doubtfulExceptions.length === 0);
    const doubtful = ofEffect.filter((state) => !fired.includes(state));
    if (fired.length > 0) {
      const outcomes = new Set(fired.map((state) => state.rule.json.outcome!));
      const ids = fired.map((state) => state.rule.id);
      if (outcomes.size > 1) {
        return {
          outcome: 'undetermined',
          resolution: { code: 'conflicting_rules', rules: ids, outcomes: outcomesOf(fired) },
          basis: citationsOf(fired),
          missing: [],
        };
      }
      const outcome = fired[0]!.rule.json.outcome!;
      // An explicit "undetermined" names what it lacks: the missing-facts notes of the facts it read.
      const missing = outcome === 'undetermined' ? fired.flatMap((state) => notedMissing(current, state)) : [];
      return { outcome, resolution: { code: 'rule_fired', rules: ids }, basis: citationsOf(fired), missing };
    }
    if (doubtful.length > 0) {
      const missing = doubtful.flatMap((state) =>
        state.truth === UNDETERMINED ? missingOfRule(current, state) : state.doubtfulExceptions.flatMap((exception) => {
          const exceptionState = current.states.find((other) => other.rule === exception)!;
          return missingOfRule(current, exceptionState);
        }),
      );
      return {
        outcome: 'undetermined',
        resolution: { code: 'facts_missing', rules: doubtful.map((state) => state.rule.id), outcomes: outcomesOf(doubtful) },
        basis: citationsOf(doubtful),
        missing,
      };
    }
  }
  return { outcome: 'undetermined', resolution: { code: 'no_rule_applies', rules: [] }, basis: [], missing: [] };
}

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
  return [...new Set(states.flatMap((state) => state.rule.json.citations))].sort(compareStrings);
}

/** @internal A fact value as text for placeholders. */
function factText(value: FactValue | undefined): string {
  if (value === undefined) return 'unknown';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  return String(value);
}

/** @internal The actions of a subject: one per applying rule, factor rules grouped by action code. */
function actionsOf(current: Subject, locale: Locale): Action[] {
  const lookup = (name: string) => factText(current.facts.values[name]);
  const actions: Action[] = [];
  const factorGroups = new Map<string, RuleState[]>();
  for (const state of current.states) {
    if (!applies(state) || state.rule.json.action === undefined) continue;
    if (state.rule.json.effect === 'factor') {
      const group = factorGroups.get(state.rule.json.action.code) ?? [];
      group.push(state);
      factorGroups.set(state.rule.json.action.code, group);
      continue;
    }
    actions.push(buildAction(current, [state], locale, lookup));
  }
  for (const group of factorGroups.values()) actions.push(buildAction(current, group, locale, lookup));
  return actions;
}

/** @internal One action from one rule, or from the factor rules of one action code. */
function buildAction(current: Subject, states: readonly RuleState[], locale: Locale, lookup: (name: string) => string): Action {
  const first = states[0]!;
  const template = first.rule.json.action!;
  const priority = states.map((state) => state.rule.json.action!.priority).sort((a, b) => PRIORITIES.indexOf(a) - PRIORITIES.indexOf(b))[0]!;
  const defaultTitle = (ACTION_TITLES[locale] as Readonly<Record<string, string>>)[template.code as ActionCode];
  const title = fillPlaceholders(template.title ? resolveText(template.title, locale) : (defaultTitle ?? template.code), lookup);
  const explanation = fillPlaceholders(resolveText(template.explanation, locale), lookup);
  const deadline = template.deadline ? computeDeadline(template.deadline, current.facts, locale, lookup) : undefined;
  const citations = new Set(states.flatMap((state) => state.rule.json.citations));
  if (deadline) citations.add(deadline.citation);
  const factorDetails: FactorDetail[] | undefined =
    first.rule.json.effect === 'factor'
      ? states.map((state) => ({
          id: state.rule.json.factor!.id,
          label: fillPlaceholders(resolveText(state.rule.json.factor!.label, locale), lookup),
          ruleId: state.rule.id,
          citations: [...state.rule.json.citations].sort(compareStrings),
        }))
      : undefined;
  return {
    code: template.code,
    ...(current.noticeId === undefined ? {} : { noticeId: current.noticeId }),
    priority,
    title,
    explanation,
    citations: [...citations].sort(compareStrings),
    ...(deadline ? { deadline } : {}),
    ruleId: first.rule.id,
    ...(factorDetails ? { factors: factorDetails.map((factor) => factor.id), factorDetails } : {}),
  };
}

/** @internal A deadline from its template; none when the date it counts from is unknown. */
function computeDeadline(
  template: NonNullable<NonNullable<CompiledRule['json']['action']>['deadline']>,
  facts: FactSnapshot,
  locale: Locale,
  lookup: (name: string) => string,
): Deadline | undefined {
  const from = facts.values[template.from];
  if (typeof from !== 'string') return undefined;
  let date = from;
  if (template.months) date = addCalendarMonths(date, template.months);
  if (template.days) date = addCalendarDays(date, template.days);
  return {
    date,
    basis: fillPlaceholders(resolveText(template.basis, locale), lookup),
    citation: template.citation,
    countsFrom: { fact: template.from, date: from },
  };
}

/** @internal Orders actions by priority, then rule order, then notice id (case-level first). */
function actionComparator(book: RuleBook): (a: Action, b: Action) => number {
  const order = (action: Action) => book.byId.get(action.ruleId)?.order ?? 0;
  return (a, b) =>
    PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) ||
    order(a) - order(b) ||
    compareStrings(a.noticeId ?? '', b.noticeId ?? '') ||
    compareStrings(a.code, b.code);
}

/** @internal Every citation an outcome, action, factor or deadline uses. */
function citationsUsed(book: RuleBook, notices: readonly NoticeEvaluation[], actions: readonly Action[]): Record<CitationId, CitationEntry> {
  const ids = new Set<string>();
  for (const notice of notices) for (const id of notice.basis) ids.add(id);
  for (const action of actions) {
    for (const id of action.citations) ids.add(id);
    for (const factor of action.factorDetails ?? []) for (const id of factor.citations) ids.add(id);
  }
  const result: Record<CitationId, CitationEntry> = {};
  for (const id of [...ids].sort(compareStrings)) {
    const citation = book.citations.get(id);
    if (citation) result[id] = toCitationEntry(citation);
  }
  return result;
}

/** @internal The protection summary of the result. */
function summariseProtection(derived: DerivedCase): ProtectionSummary {
  const { protection } = derived;
  const { overall } = protection;
  const confirmation = confirmationOf(derived, overall);
  return {
    status: overall.status ?? 'unknown',
    hostCountries: protection.hosts.map((host) => host.country),
    hosts: protection.hosts.map((host) => ({
      country: host.country,
      status: host.status,
      since: host.since,
      fearedCountries: host.fearedCountries,
      fearedCountriesKnown: host.fearedCountriesKnown,
      ...(host.grantedOn === undefined ? {} : { grantedOn: host.grantedOn }),
      formerlyGranted: host.formerlyGranted,
    })),
    fearedCountries: [...new Set(overall.decidingHosts.flatMap((host) => host.fearedCountries))].sort(compareStrings),
    confirmed: yesNoUnknown(overall.confirmed),
    ...(confirmation ? { confirmation } : {}),
    missingFacts: overall.missing,
  };
}

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
  return relied && { by: relied.by, to: relied.to, date: relied.date };
}

/** @internal A three-valued boolean as text. */
function yesNoUnknown(value: boolean | undefined): YesNoUnknown {
  return value === undefined ? 'unknown' : value ? 'yes' : 'no';
}

/** @internal The trace: rule order, then notice id. */
function traceOf(level: TraceLevel, caseSubject: Subject, noticeSubjects: readonly Subject[]): TraceEntry[] {
  const sortedNotices = [...noticeSubjects].sort((a, b) => compareStrings(a.noticeId!, b.noticeId!));
  const entries: Array<{ order: number; entry: TraceEntry }> = [];
  for (const current of [caseSubject, ...sortedNotices]) {
    for (const state of current.states) {
      const status = traceStatus(state);
      if (level === 'fired' && status !== 'fired' && status !== 'overridden') continue;
      entries.push({ order: state.rule.order, entry: traceEntry(current, state, status) });
    }
  }
  // Stable sort: rule order; subjects already in case-then-notice-id order.
  return entries.sort((a, b) => a.order - b.order).map((item) => item.entry);
}

/** @internal The trace status of a rule. */
function traceStatus(state: RuleState): TraceStatus {
  if (!state.inForce) return 'not_in_force';
  if (state.overriddenBy.length > 0) return 'overridden';
  return state.truth === TRUE ? 'fired' : state.truth === FALSE ? 'not_fired' : 'undetermined';
}

/** @internal One trace entry, with every comparison. */
function traceEntry(current: Subject, state: RuleState, status: TraceStatus): TraceEntry {
  const conditions: TraceCondition[] = [];
  if (state.inForce) {
    const truths = current.atoms(state);
    state.rule.conditions.atoms.forEach((atom, i) => {
      const actual = current.facts.values[atom.fact];
      const truth = truths[i]!;
      const missing = truth === UNDETERMINED ? current.facts.missing[atom.fact] : undefined;
      const possible = actual === undefined ? current.facts.possible[atom.fact] : undefined;
      conditions.push({
        path: atom.path,
        fact: atom.fact,
        operator: atom.operator.name,
        expected: atom.value,
        actual: actual === undefined ? null : actual,
        result: truth === TRUE ? 'met' : truth === FALSE ? 'not_met' : 'undetermined',
        ...(possible ? { possibleValues: possible } : {}),
        ...(atom.via.length > 0 ? { via: atom.via } : {}),
        ...(missing ? { missingFacts: missing } : {}),
      });
    });
  }
  const missing = status === 'undetermined' ? [...new Set(missingOfRule(current, state))].sort(compareStrings) : undefined;
  return {
    ruleId: state.rule.id,
    ruleSet: state.rule.ruleSet,
    ...(current.noticeId === undefined ? {} : { noticeId: current.noticeId }),
    status,
    effect: state.rule.json.effect,
    conditions,
    ...(status === 'overridden' ? { overriddenBy: state.overriddenBy } : {}),
    ...(missing && missing.length > 0 ? { missingFacts: missing } : {}),
  };
}
