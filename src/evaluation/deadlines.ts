/**
 * Deadlines: the date a deadline template gives for a subject's facts, whose time limit it is
 * (a decision the CCF owes, or the person's own), and where it stands on `asOf` — still due,
 * overdue (the CCF's) or closed (the person's). A time limit is kept on its last day and passed
 * from the next (docs/semantics.md, "Deadlines").
 *
 * @module
 */
import type { FactSnapshot } from '../facts/snapshot.js';
import type { DeadlineTemplate } from '../rules/schema.js';
import { addCalendarDays, addCalendarMonths, type CalendarDate } from '../support/dates.js';
import { ownValue } from '../support/own.js';
import { DEADLINE_KIND_BY_FACT, type DeadlineKind, type DeadlineState } from './vocabulary.js';

/**
 * The last day a deadline template gives: its date fact, plus its months (month-end rule) and
 * days. Undefined when the date it counts from is unknown.
 *
 * @example
 * ```ts
 * import { SnapshotBuilder } from '../facts/snapshot.js';
 *
 * const builder = new SnapshotBuilder();
 * builder.set('notice.revisionDueOn', '2026-02-28');
 * deadlineDate({ from: 'notice.revisionDueOn', months: 1, basis: 'x', citation: 'c' }, builder.build()); // '2026-03-28'
 * deadlineDate({ from: 'notice.ccfDecisionDueOn', basis: 'x', citation: 'c' }, builder.build()); // undefined
 * ```
 */
export function deadlineDate(template: DeadlineTemplate, facts: FactSnapshot): CalendarDate | undefined {
  const from = facts.values[template.from];
  if (typeof from !== 'string') return undefined;
  let date = from;
  if (template.months) date = addCalendarMonths(date, template.months);
  if (template.days) date = addCalendarDays(date, template.days);
  return date;
}

/**
 * Whose time limit a deadline counted from `fact` is (`DEADLINE_KIND_BY_FACT`; any other fact:
 * the person's own time limit).
 *
 * @example
 * ```ts
 * deadlineKind('notice.ccfDecisionDueOn'); // 'ccf_decision'
 * deadlineKind('notice.revisionDueOn'); // 'time_limit'
 * ```
 */
export function deadlineKind(fact: string): DeadlineKind {
  return ownValue(DEADLINE_KIND_BY_FACT, fact) ?? 'time_limit';
}

/**
 * Where a deadline stands on `asOf`: due while its last day is `asOf` or later; then overdue
 * (a CCF decision) or closed (a time limit of the person's).
 *
 * @example
 * ```ts
 * deadlineState('ccf_decision', '2026-05-31', '2026-05-31'); // 'due'
 * deadlineState('ccf_decision', '2026-05-31', '2026-06-01'); // 'overdue'
 * deadlineState('time_limit', '2026-05-31', '2026-06-30'); // 'closed'
 * ```
 */
export function deadlineState(kind: DeadlineKind, date: CalendarDate, asOf: CalendarDate): DeadlineState {
  if (date >= asOf) return 'due';
  return kind === 'ccf_decision' ? 'overdue' : 'closed';
}

/**
 * The number of days from `asOf` to a date (negative when it has passed), on the calendar.
 *
 * @example
 * ```ts
 * daysUntil('2026-06-30', '2026-07-14'); // 14
 * daysUntil('2024-02-28', '2024-03-01'); // 2
 * daysUntil('2026-06-30', '2026-06-29'); // -1
 * ```
 */
export function daysUntil(asOf: CalendarDate, date: CalendarDate): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
}
