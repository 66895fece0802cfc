/**
 * The urgency policy: one documented policy, applied to the whole result after the rules.
 * Rules declare a base priority (and escalation rules raise it); the policy then keeps
 * `urgent` for a live deprivation of liberty, a pending extradition or removal, and a deadline
 * within 14 days of `asOf` — and for nothing else — and at most three urgent actions per result
 * (the first three in the order of work, `first-step.ts`); every action states why it has its
 * priority (`priorityReason`). It reads facts (detention, extradition) and deadlines, never an
 * action code: a code the library has never seen goes through the same policy.
 *
 * @module
 */
import type { FactSnapshot } from '../facts/snapshot.js';
import type { Priority } from '../rules/vocabulary.js';
import type { CalendarDate } from '../support/dates.js';
import { daysUntil } from './deadlines.js';
import type { Action, PriorityReason, WordingParams } from './result.js';
import type { ActionRole } from './vocabulary.js';

/** The most urgent actions a result holds: the rest are `high` (`urgent_limit`). */
export const URGENT_LIMIT = 3;

/** A deadline this many days from `asOf`, or fewer, makes its action urgent. */
export const URGENCY_WINDOW_DAYS = 14;

/** A ground that puts liberty at stake: a fact of an action's subject that has a value. */
export interface LibertyGround {
  /** The reason it gives (a code of the priority reasons and of the first-step reasons). */
  readonly code: 'detention_on_notice' | 'person_detained' | 'extradition_pending';
  /** The fact, read in the action's subject (its notice's facts, or the case's). */
  readonly fact: string;
  /** The value that puts liberty at stake. */
  readonly value: string;
  /** Whether it bears on every action of the subject, or only on the actions that act on liberty (role `liberty`). */
  readonly appliesTo: 'every_action' | 'liberty_actions';
  /** The parameters of its words: parameter name → the fact it is read from. */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * The grounds that put liberty at stake, in the order they rank: the person held on the
 * strength of the notice; the person detained (for an action that acts on liberty); an
 * extradition requested by the notice's requesting country, pending.
 */
export const LIBERTY_GROUNDS: readonly LibertyGround[] = [
  {
    code: 'detention_on_notice',
    fact: 'notice.detentionOnNotice',
    value: 'yes',
    appliesTo: 'every_action',
    params: { countries: 'notice.detainedOnNoticeIn', since: 'notice.detainedOnNoticeSince' },
  },
  { code: 'person_detained', fact: 'person.detained', value: 'yes', appliesTo: 'liberty_actions', params: {} },
  { code: 'extradition_pending', fact: 'notice.extraditionPending', value: 'yes', appliesTo: 'every_action', params: { country: 'notice.requestingCountry' } },
];

/** A ground found for one action: its code, its parameters, and (for liberty) its rank. */
export interface Ground {
  readonly code: PriorityReason['code'];
  readonly params: WordingParams;
  /** Position in `LIBERTY_GROUNDS`; for a deadline, the number of grounds. */
  readonly rank: number;
}

/**
 * The first liberty ground that bears on an action, if any.
 *
 * @example
 * ```ts
 * import { SnapshotBuilder } from '../facts/snapshot.js';
 *
 * const builder = new SnapshotBuilder();
 * builder.set('notice.detentionOnNotice', 'yes');
 * builder.set('notice.detainedOnNoticeIn', ['PL']);
 * builder.set('notice.detainedOnNoticeSince', '2026-06-21');
 * libertyGround(builder.build(), undefined)?.code; // 'detention_on_notice'
 * libertyGround(builder.build(), undefined)?.params; // { countries: ['PL'], since: '2026-06-21' }
 * ```
 */
export function libertyGround(facts: FactSnapshot, role: ActionRole | undefined, grounds: readonly LibertyGround[] = LIBERTY_GROUNDS): Ground | undefined {
  for (let rank = 0; rank < grounds.length; rank++) {
    const ground = grounds[rank]!;
    if (facts.values[ground.fact] !== ground.value) continue;
    if (ground.appliesTo === 'liberty_actions' && role !== 'liberty') continue;
    return { code: ground.code, params: groundParams(ground, facts), rank };
  }
  return undefined;
}

/** @internal Each ground's parameter names, sorted once. */
const paramNames = new WeakMap<LibertyGround, readonly string[]>();

/** @internal The parameters of a ground, read from the facts (keys sorted). */
function groundParams(ground: LibertyGround, facts: FactSnapshot): WordingParams {
  let names = paramNames.get(ground);
  if (names === undefined) {
    names = Object.keys(ground.params).sort();
    paramNames.set(ground, names);
  }
  const params: Record<string, string | number | readonly string[]> = {};
  for (const name of names) {
    const value = facts.values[ground.params[name]!];
    if (value !== undefined) params[name] = value;
  }
  return params;
}

/**
 * Every liberty ground a subject's facts show, whatever the action (for the result: what puts
 * liberty at stake for a notice), in the order they rank.
 *
 * @example
 * ```ts
 * import { SnapshotBuilder } from '../facts/snapshot.js';
 *
 * const builder = new SnapshotBuilder();
 * builder.set('person.detained', 'yes');
 * builder.set('notice.extraditionPending', 'yes');
 * builder.set('notice.requestingCountry', 'RU');
 * libertyGroundsOf(builder.build()); // [{ code: 'person_detained', params: {} }, { code: 'extradition_pending', params: { country: 'RU' } }]
 * ```
 */
export function libertyGroundsOf(facts: FactSnapshot): Array<{ readonly code: LibertyGround['code']; readonly params: WordingParams }> {
  return LIBERTY_GROUNDS.flatMap((ground) => (facts.values[ground.fact] === ground.value ? [{ code: ground.code, params: groundParams(ground, facts) }] : []));
}

/**
 * The deadline ground of an action: a deadline still running whose last day is at most
 * `URGENCY_WINDOW_DAYS` days from `asOf`.
 *
 * @example
 * ```ts
 * const deadline = { date: '2026-07-10', basis: '', citation: 'c', countsFrom: { fact: 'f', date: '2026-01-10' }, kind: 'time_limit', state: 'due' } as const;
 * deadlineGround({ deadline }, '2026-06-30'); // { code: 'deadline_within_14_days', params: { date: '2026-07-10', days: 10 }, rank: 3 }
 * deadlineGround({ deadline }, '2026-06-01'); // undefined
 * ```
 */
export function deadlineGround(action: Pick<Action, 'deadline'>, asOf: CalendarDate): Ground | undefined {
  const deadline = action.deadline;
  if (deadline === undefined || deadline.state !== 'due') return undefined;
  const days = daysUntil(asOf, deadline.date);
  return days <= URGENCY_WINDOW_DAYS ? { code: 'deadline_within_14_days', params: { date: deadline.date, days }, rank: LIBERTY_GROUNDS.length } : undefined;
}

/**
 * An action's priority under the policy, before the limit on urgent actions: an urgent action
 * stays urgent on a ground (liberty, or a deadline within 14 days) and is `high` without one;
 * any action with a deadline within 14 days becomes urgent; the others keep the priority and
 * the reason the rules gave them.
 *
 * @example
 * ```ts
 * const action = { priority: 'urgent', priorityReason: { code: 'rule', params: { ruleId: 'r' } } } as const;
 * policyPriority(action, undefined, undefined); // { priority: 'high', reason: { code: 'no_urgency_ground', params: { ruleId: 'r' } } }
 * policyPriority(action, { code: 'extradition_pending', params: { country: 'RU' }, rank: 2 }, undefined).priority; // 'urgent'
 * ```
 */
export function policyPriority(
  action: Pick<Action, 'priority' | 'priorityReason'>,
  liberty: Ground | undefined,
  deadline: Ground | undefined,
): { readonly priority: Priority; readonly reason: PriorityReason } {
  const ground = liberty ?? deadline;
  if (action.priority === 'urgent') {
    if (ground !== undefined) return { priority: 'urgent', reason: { code: ground.code, params: ground.params } };
    return { priority: 'high', reason: { code: 'no_urgency_ground', params: action.priorityReason.params } };
  }
  if (deadline !== undefined) return { priority: 'urgent', reason: { code: deadline.code, params: deadline.params } };
  return { priority: action.priority, reason: action.priorityReason };
}

/**
 * The limit on urgent actions: of priorities given in the order of work, the first
 * `URGENT_LIMIT` urgent ones stay urgent and the others become `high`, saying so.
 *
 * @example
 * ```ts
 * const urgent = { priority: 'urgent', reason: { code: 'extradition_pending', params: {} } } as const;
 * limitUrgent([urgent, urgent, urgent, urgent]).map((item) => [item.priority, item.reason.code]);
 * // [['urgent', 'extradition_pending'], ['urgent', 'extradition_pending'], ['urgent', 'extradition_pending'], ['high', 'urgent_limit']]
 * limitUrgent([urgent, urgent, urgent, { ...urgent, reason: { code: 'extradition_pending', params: { country: 'RU' } } }])[3]?.reason.params; // { country: 'RU', ground: 'extradition_pending', limit: 3 }
 * ```
 */
export function limitUrgent<T extends { readonly priority: Priority; readonly reason: PriorityReason }>(
  inOrderOfWork: readonly T[],
): Array<T | { readonly priority: Priority; readonly reason: PriorityReason }> {
  let urgent = 0;
  return inOrderOfWork.map((item) => {
    if (item.priority !== 'urgent') return item;
    urgent += 1;
    return urgent <= URGENT_LIMIT ? item : { priority: 'high', reason: { code: 'urgent_limit', params: { ...item.reason.params, ground: item.reason.code, limit: URGENT_LIMIT } } };
  });
}
