/**
 * The order of work and the first step. After the rules, every action of a result is placed in
 * one documented order — a pure function of the actions and the facts (docs/semantics.md, "The
 * order of work"):
 *
 * 1. liberty at stake: actions whose subject shows a live detention on the notice, the person
 *    detained (for an action that acts on liberty), or a pending extradition — those that act
 *    on liberty (role `liberty`) first, then by ground (detention before extradition);
 * 2. then dated deadlines, by date — those still running first, then those passed;
 * 3. then what unlocks the outcome (role `unlocks`: the confirmation of the status, the request
 *    for deletion);
 * 4. then the rest by priority; ties by the priority before any escalation, rule order, notice
 *    id and code.
 *
 * The urgency policy (`urgency.ts`) is applied in this order (its limit of three urgent actions
 * keeps the first three); `evaluation.actions` is then sorted by priority, ties in this order;
 * the first step of the case, and of each notice, is the first of its actions in this order.
 * Roles are data (`ACTION_ROLES`, and `createEvaluator({ actionRoles })`): a code without one is
 * ordered by its deadline and priority.
 *
 * @module
 */
import type { DerivedCase } from '../facts/derive.js';
import type { FactSnapshot } from '../facts/snapshot.js';
import type { RuleBook } from '../rules/rule-book.js';
import { PRIORITY_RANK, type Priority } from '../rules/vocabulary.js';
import { compareStrings } from '../support/issues.js';
import { ownValue } from '../support/own.js';
import type { AssembledEvaluation } from './assemble.js';
import type { Action, CaseEvaluation, FirstStep, NoticeEvaluation, PriorityReason } from './result.js';
import { deadlineGround, libertyGround, libertyGroundsOf, limitUrgent, policyPriority, type Ground } from './urgency.js';
import type { ActionRole } from './vocabulary.js';

/**
 * @internal One action on its way through the policy: what orders it, each key of the order of
 * work read once (a class: made for every action of every result).
 */
class WorkItem {
  /** 0: liberty at stake and the action acts on it; 1: liberty at stake; 2: not. */
  readonly libertyRank: number;
  /** 0: a deadline still running; 1: a deadline passed; 2: none. */
  readonly deadlineRank: number;
  /** The rank of the priority under the policy, and of the priority before any escalation. */
  readonly priorityRank: number;
  readonly beforeRank: number;

  constructor(
    readonly action: Action,
    readonly role: ActionRole | undefined,
    readonly liberty: Ground | undefined,
    readonly priority: Priority,
    readonly reason: PriorityReason,
    readonly ruleOrder: number,
    /** The outcome of its notice (for the reason of a first step that unlocks it). */
    readonly outcome: NoticeEvaluation['outcome'] | undefined,
  ) {
    this.libertyRank = liberty === undefined ? 2 : role === 'liberty' ? 0 : 1;
    const deadline = action.deadline;
    this.deadlineRank = deadline === undefined ? 2 : deadline.state === 'due' ? 0 : 1;
    this.priorityRank = PRIORITY_RANK[priority];
    this.beforeRank = PRIORITY_RANK[action.escalation?.from ?? action.priority];
  }
}

/**
 * @internal The order of work (see the module): liberty, deadlines by date, what unlocks the
 * outcome, priority, then the ties.
 */
function compareWork(a: WorkItem, b: WorkItem): number {
  return (
    a.libertyRank - b.libertyRank ||
    (a.liberty?.rank ?? 0) - (b.liberty?.rank ?? 0) ||
    a.deadlineRank - b.deadlineRank ||
    compareStrings(a.action.deadline?.date ?? '', b.action.deadline?.date ?? '') ||
    (a.role === 'unlocks' ? 0 : 1) - (b.role === 'unlocks' ? 0 : 1) ||
    a.priorityRank - b.priorityRank ||
    a.beforeRank - b.beforeRank ||
    a.ruleOrder - b.ruleOrder ||
    compareStrings(a.action.noticeId ?? '', b.action.noticeId ?? '') ||
    compareStrings(a.action.code, b.action.code)
  );
}

/**
 * Why an action in the order of work comes first: its liberty ground, its deadline, what it
 * unlocks, or its priority.
 *
 * @internal
 */
function firstStepOf(item: WorkItem): FirstStep {
  const { action } = item;
  let reason: FirstStep['reason'];
  if (item.liberty !== undefined) reason = { code: item.liberty.code as FirstStep['reason']['code'], params: item.liberty.params };
  else if (action.deadline !== undefined) {
    reason = { code: action.deadline.state === 'due' ? 'deadline_due' : 'deadline_passed', params: { date: action.deadline.date, state: action.deadline.state } };
  } else if (item.role === 'unlocks') reason = { code: 'unlocks_outcome', params: item.outcome === undefined ? {} : { outcome: item.outcome } };
  else reason = { code: 'priority', params: { priority: item.priority } };
  const step: Mutable<FirstStep> = { code: action.code, ruleId: action.ruleId, reason };
  if (action.noticeId !== undefined) step.noticeId = action.noticeId;
  return step;
}

/** @internal An object of a result while it is built. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Applies the urgency policy and the order of work to an assembled result: every action with
 * its priority under the policy and the reason for it, `actions` sorted by priority and then in
 * the order of work, and the first step of the case and of each notice.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * const evaluation = evaluateCaseSync(
 *   {
 *     schemaVersion: 1,
 *     notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'RU' }],
 *     asylum: [{ type: 'refugee_status_granted', date: '2024-04-18', country: 'LT', persecutionFearedFrom: ['RU'] }],
 *     detention: [{ country: 'PL', since: '2026-06-21', authority: 'criminal', basedOnNoticeId: 'rn-1' }],
 *   },
 *   { asOf: '2026-06-30', trace: 'none' },
 * );
 * // `evaluateCase` ends with the order of work: liberty first.
 * evaluation.firstStep; // { code: 'contest_detention_reliance', noticeId: 'rn-1', ruleId: 'detention.on-red-notice', reason: { code: 'detention_on_notice', params: { countries: ['PL'], since: '2026-06-21' } } }
 * evaluation.actions.filter((action) => action.priority === 'urgent').length <= 3; // true
 * ```
 */
export function applyOrderOfWork(
  evaluation: AssembledEvaluation,
  derived: DerivedCase,
  book: RuleBook,
  roles: Readonly<Record<string, ActionRole>>,
): Omit<CaseEvaluation, 'missingFactDetails' | 'trace'> {
  const factsOf = new Map<string, FactSnapshot>();
  for (const notice of derived.notices) factsOf.set(notice.notice.id, notice.facts);
  const outcomes = new Map<string, NoticeEvaluation['outcome']>();
  for (const notice of evaluation.notices) outcomes.set(notice.noticeId, notice.outcome);
  const asOf = evaluation.meta.asOf;
  const items = evaluation.actions.map((action): WorkItem => {
    const noticeId = action.noticeId;
    const facts = (noticeId === undefined ? undefined : factsOf.get(noticeId)) ?? derived.caseFacts;
    const role = ownValue(roles, action.code);
    const liberty = libertyGround(facts, role);
    const { priority, reason } = policyPriority(action, liberty, deadlineGround(action, asOf));
    return new WorkItem(action, role, liberty, priority, reason, book.byId.get(action.ruleId)?.order ?? 0, noticeId === undefined ? undefined : outcomes.get(noticeId));
  });
  items.sort(compareWork);
  const limited = limitUrgent(items);
  // In the order of work, each action with the priority the policy gave it; then the result's
  // order, by priority (ties in the order of work).
  const work = new Array<Action>(items.length);
  for (let i = 0; i < items.length; i++) work[i] = withPriority(items[i]!.action, limited[i]!.priority, limited[i]!.reason);
  // A stable sort: ties keep the order of work.
  const sorted = work.slice().sort((a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority]);
  // Per notice: its first action in the order of work, and its actions in the result's order.
  const firstOf = new Map<string, WorkItem>();
  for (const item of items) if (item.action.noticeId !== undefined && !firstOf.has(item.action.noticeId)) firstOf.set(item.action.noticeId, item);
  const actionsOf = new Map<string, Action[]>();
  for (const action of sorted) {
    const noticeId = action.noticeId;
    if (noticeId === undefined) continue;
    const list = actionsOf.get(noticeId);
    if (list === undefined) actionsOf.set(noticeId, [action]);
    else list.push(action);
  }
  // Member by member, in the assembled notice's order (a spread of it and a member added after cost more).
  const notices = evaluation.notices.map((notice): NoticeEvaluation => {
    const first = firstOf.get(notice.noticeId);
    const ordered: Mutable<NoticeEvaluation> = {
      noticeId: notice.noticeId,
      kind: notice.kind,
      requestingCountry: notice.requestingCountry,
      protection: notice.protection,
      outcome: notice.outcome,
      resolution: notice.resolution,
      basis: notice.basis,
      missingFacts: notice.missingFacts,
      actions: actionsOf.get(notice.noticeId) ?? [],
      libertyGrounds: libertyGroundsOf(factsOf.get(notice.noticeId) ?? derived.caseFacts),
    };
    if (first !== undefined) ordered.firstStep = firstStepOf(first);
    return ordered;
  });
  const ordered: Mutable<Omit<CaseEvaluation, 'missingFactDetails' | 'trace'>> = {
    meta: evaluation.meta,
    protection: evaluation.protection,
    notices,
    actions: sorted,
    missingFacts: evaluation.missingFacts,
    citations: evaluation.citations,
    misusePatterns: evaluation.misusePatterns,
    warnings: evaluation.warnings,
  };
  if (items.length > 0) ordered.firstStep = firstStepOf(items[0]!);
  return ordered;
}

/** @internal An action with the priority the policy gave it, and the reason. */
function withPriority(action: Action, priority: Priority, reason: PriorityReason): Action {
  if (priority === action.priority && reason === action.priorityReason) return action;
  return { ...action, priority, priorityReason: reason };
}
