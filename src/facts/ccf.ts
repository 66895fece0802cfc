/**
 * Facts about requests to the Commission for the Control of INTERPOL's Files (CCF): which
 * request covers a notice and where it stands, when a decision is due and whether it is
 * overdue, and whether a new fact opens a revision of a decision that kept the data.
 *
 * Time limits (CCF Statute Article 40(1)-(2), read in the 2025 consolidation; not changed by the
 * 2025 amendments): four months for a request
 * for access, nine months for a request for correction or deletion, counted from the day the
 * request became admissible. Revision (Article 42): within six months of the new fact; the
 * library counts from the date of the fact, since the date it was discovered is not in the
 * case. Months are added with the project's month-end rule (`addCalendarMonths`). A decision
 * is overdue from the day after its due date.
 *
 * @module
 */
import type { Case, CcfRequest, Notice } from '../case/schema.js';
import { addCalendarMonths, type CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';
import type { ProtectionFacts } from './protection.js';
import { yesNo, type FactSink } from './snapshot.js';
import { type CCF_REQUEST_STATES, type REVISION_GROUNDS } from './vocabulary.js';

/** CCF time limits for a decision, in months from admissibility (CCF Statute Article 40). */
export const CCF_DECISION_TIME_LIMITS = { access: 4, deletion: 9 } as const;

/** Time limit for an application for revision, in months from the new fact (CCF Statute Article 42). */
export const REVISION_TIME_LIMIT_MONTHS = 6;

/** @internal A request as of `asOf`: decided (with its outcome, if known) or not. */
interface RequestState {
  readonly index: number;
  readonly request: CcfRequest;
  readonly decided: boolean;
  /** The state, when it is known. */
  readonly state: (typeof CCF_REQUEST_STATES)[number] | undefined;
}

/** @internal Where one request stands as of `asOf`. */
function stateOf(request: CcfRequest, index: number, asOf: CalendarDate): RequestState {
  const decidedByOutcome = request.outcome !== undefined && request.outcome !== 'pending' && request.decidedOn === undefined;
  const decided = (request.decidedOn !== undefined && request.decidedOn <= asOf) || decidedByOutcome;
  if (!decided) {
    const admissible = request.admissibleOn !== undefined && request.admissibleOn <= asOf;
    return { index, request, decided, state: admissible ? 'pending' : 'awaiting_admissibility' };
  }
  switch (request.outcome) {
    case 'compliant':
      return { index, request, decided, state: 'decided_kept' };
    case 'deleted':
    case 'not_compliant':
      return { index, request, decided, state: 'decided_deleted' };
    case 'inadmissible':
      return { index, request, decided, state: 'inadmissible' };
    default:
      return { index, request, decided, state: undefined };
  }
}

/**
 * @internal Due date and overdue status of the undecided requests among `states` (those
 * awaiting admissibility cannot be placed: their admissibility date is missing).
 */
function deadlineFacts(
  states: readonly RequestState[],
  months: number,
  asOf: CalendarDate,
): { due: CalendarDate | undefined; overdue: boolean | undefined; running: boolean | undefined; missing: string[] } {
  const undecided = states.filter((item) => !item.decided);
  const dues = undecided
    .filter((item) => item.state === 'pending')
    .map((item) => addCalendarMonths(item.request.admissibleOn!, months))
    .sort(compareStrings);
  const due = dues[0];
  if (due !== undefined && due < asOf) return { due, overdue: true, running: false, missing: [] };
  if (due !== undefined) return { due, overdue: false, running: true, missing: [] };
  const missing = undecided.filter((item) => item.state === 'awaiting_admissibility').map((item) => `ccf[${item.index}].admissibleOn`);
  const known = missing.length > 0 ? undefined : false;
  return { due, overdue: known, running: known, missing };
}

/**
 * Case-level CCF facts: the decision on requests for access.
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { SnapshotBuilder } from './snapshot.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   ccf: [{ type: 'access', filedOn: '2024-01-10', admissibleOn: '2024-02-01' }],
 * };
 * const builder = new SnapshotBuilder();
 * deriveCaseCcfFacts(builder, validCase, '2025-01-01');
 * const { values } = builder.build();
 * values['ccf.accessDecisionDueOn']; // '2024-06-01'
 * values['ccf.accessDecisionOverdue']; // 'yes'
 * ```
 */
export function deriveCaseCcfFacts(sink: FactSink, value: Case, asOf: CalendarDate): void {
  const access = (value.ccf ?? [])
    .map((request, index) => stateOf(request, index, asOf))
    .filter((item) => item.request.type === 'access' && item.request.filedOn <= asOf);
  const { due, overdue, running, missing } = deadlineFacts(access, CCF_DECISION_TIME_LIMITS.access, asOf);
  sink.set('ccf.accessDecisionDueOn', due);
  sink.set('ccf.accessDecisionOverdue', yesNo(overdue), missing);
  sink.set('ccf.accessDecisionPending', yesNo(running), missing);
  sink.set('ccf.requestFiled', (value.ccf ?? []).some((request) => request.filedOn <= asOf) ? 'yes' : 'no');
}

/**
 * Notice-level CCF facts: the covering request, its deadline, and revision.
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { deriveProtection } from './protection.js';
 * import { SnapshotBuilder } from './snapshot.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   ccf: [{ type: 'deletion', filedOn: '2024-06-01', admissibleOn: '2024-07-01' }],
 * };
 * const builder = new SnapshotBuilder();
 * deriveNoticeCcfFacts(builder, validCase, validCase.notices[0]!, deriveProtection(validCase, '2025-01-01'), '2025-01-01');
 * const { values } = builder.build();
 * values['notice.ccfRequest']; // 'pending'
 * values['notice.ccfDecisionDueOn']; // '2025-04-01'
 * ```
 */
export function deriveNoticeCcfFacts(sink: FactSink, value: Case, notice: Notice, protection: ProtectionFacts, asOf: CalendarDate): void {
  const covering = (value.ccf ?? [])
    .map((request, index) => stateOf(request, index, asOf))
    .filter(
      (item) =>
        item.request.type !== 'access' &&
        item.request.filedOn <= asOf &&
        (item.request.noticeIds === undefined || item.request.noticeIds.includes(notice.id)),
    );
  const latest = [...covering].sort((a, b) => compareStrings(b.request.filedOn, a.request.filedOn) || b.index - a.index)[0];
  if (latest === undefined) sink.set('notice.ccfRequest', 'none');
  else sink.set('notice.ccfRequest', latest.state, latest.state === undefined ? [`ccf[${latest.index}].outcome`] : []);

  const deletion = covering.filter((item) => item.request.type === 'deletion');
  const { due, overdue, running, missing } = deadlineFacts(deletion, CCF_DECISION_TIME_LIMITS.deletion, asOf);
  sink.set('notice.ccfDecisionDueOn', due);
  sink.set('notice.ccfDecisionOverdue', yesNo(overdue), missing);
  sink.set('notice.ccfDecisionPending', yesNo(running), missing);

  deriveRevisionFacts(sink, value, notice, protection, asOf, covering);
}

/**
 * @internal New facts after the latest decision that kept the data: grounds whose six months
 * are still running, the earliest due date among them, and whether some new fact's window has
 * closed with none open.
 */
function deriveRevisionFacts(
  sink: FactSink,
  value: Case,
  notice: Notice,
  protection: ProtectionFacts,
  asOf: CalendarDate,
  covering: readonly RequestState[],
): void {
  const kept = covering
    .filter((item) => item.state === 'decided_kept')
    .sort((a, b) => compareStrings(b.request.decidedOn ?? '', a.request.decidedOn ?? '') || b.index - a.index)[0];
  if (kept === undefined) {
    sink.set('notice.revisionGrounds', []);
    sink.set('notice.revisionWindowOpen', 'no');
    sink.set('notice.revisionWindowClosed', 'no');
    return;
  }
  const decidedOn = kept.request.decidedOn;
  if (decidedOn === undefined) {
    const missing = [`ccf[${kept.index}].decidedOn`];
    sink.set('notice.revisionGrounds', undefined, missing);
    sink.set('notice.revisionWindowOpen', undefined, missing);
    sink.set('notice.revisionWindowClosed', undefined, missing);
    return;
  }
  const after = (date: CalendarDate) => date > decidedOn && date <= asOf;
  const newFacts: Array<{ ground: (typeof REVISION_GROUNDS)[number]; date: CalendarDate }> = [];
  const undated: string[] = [];
  const fearing = new Set(protection.hosts.filter((host) => host.fearedCountries.includes(notice.requestingCountry)).map((host) => host.country));
  for (const event of value.asylum ?? []) {
    if ((event.type === 'refugee_status_granted' || event.type === 'appeal_allowed') && fearing.has(event.country) && after(event.date)) {
      newFacts.push({ ground: 'asylum_granted', date: event.date });
    }
  }
  (value.extradition ?? []).forEach((proceeding, index) => {
    if (proceeding.requestingCountry !== notice.requestingCountry || proceeding.outcome !== 'refused') return;
    if (proceeding.date === undefined) undated.push(`extradition[${index}].date`);
    else if (after(proceeding.date)) newFacts.push({ ground: 'extradition_refused', date: proceeding.date });
  });
  if (notice.chargesDroppedOn !== undefined && after(notice.chargesDroppedOn)) {
    newFacts.push({ ground: 'charges_dropped', date: notice.chargesDroppedOn });
  }
  const open = newFacts
    .map((item) => ({ ...item, due: addCalendarMonths(item.date, REVISION_TIME_LIMIT_MONTHS) }))
    .filter((item) => item.due >= asOf)
    .sort((a, b) => compareStrings(a.due, b.due));
  sink.set('notice.revisionGrounds', [...new Set(open.map((item) => item.ground))].sort(compareStrings));
  sink.set('notice.revisionDueOn', open[0]?.due);
  if (open.length > 0) sink.set('notice.revisionWindowOpen', 'yes');
  else sink.set('notice.revisionWindowOpen', undated.length > 0 ? undefined : 'no', undated);
  sink.set('notice.revisionWindowClosed', newFacts.length > 0 && open.length === 0 ? 'yes' : 'no');
}
