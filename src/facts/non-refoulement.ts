/**
 * Facts about returning the person to the country that requested a notice: which states could
 * do it (the requested state of a pending extradition, a state holding the person on the
 * notice — or, when there is none, the host states whose protection bears on it), and what binds
 * them not to — from the
 * bundled, dated, partial treaty lists (`rules/treaty-parties.json`). A state the lists do not
 * place is unknown, never "not a party": the facts say so.
 *
 * @module
 */
import type { Case, Notice } from '../case/schema.js';
import { nonRefoulementBinding, type TreatyLists } from '../context/treaty-parties.js';
import type { CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';
import type { ProtectionView } from './protection.js';
import type { FactSink } from './snapshot.js';

/**
 * Sets `notice.returnStates`, `notice.nonRefoulementBases`, `notice.treatyStatusUnknown` and
 * `notice.treatyStatusUnknownIn`.
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { bundledTreatyLists } from '../context/treaty-parties.js';
 * import { deriveProtection, protectionAgainst } from './protection.js';
 * import { SnapshotBuilder } from './snapshot.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'BH' }],
 *   asylum: [{ type: 'refugee_status_granted', date: '2017-11-01', country: 'AU', persecutionFearedFrom: ['BH'] }],
 *   extradition: [{ requestingCountry: 'BH', requestedCountry: 'TH', outcome: 'pending' }],
 * };
 * const view = protectionAgainst(deriveProtection(validCase, '2019-01-10'), 'BH', [], '2019-01-10');
 * const builder = new SnapshotBuilder();
 * deriveNonRefoulementFacts(builder, validCase, validCase.notices[0]!, view, '2019-01-10', bundledTreatyLists());
 * const { values } = builder.build();
 * values['notice.returnStates']; // ['TH']
 * values['notice.nonRefoulementBases']; // ['cat', 'customary']
 * values['notice.treatyStatusUnknown']; // 'no'
 * ```
 */
export function deriveNonRefoulementFacts(
  sink: FactSink,
  value: Case,
  notice: Notice,
  view: ProtectionView,
  asOf: CalendarDate,
  treaties: TreatyLists,
): void {
  const states = new Set<string>();
  for (const proceeding of value.extradition ?? []) {
    if (proceeding.requestingCountry === notice.requestingCountry && proceeding.outcome === 'pending' && (proceeding.date === undefined || proceeding.date <= asOf)) {
      states.add(proceeding.requestedCountry);
    }
  }
  for (const detention of value.detention ?? []) {
    const current = detention.since <= asOf && (detention.released === undefined || detention.released > asOf);
    if (current && detention.basedOnNoticeId === notice.id) states.add(detention.country);
  }
  // The host states only when no other state holds the person or is asked to extradite them.
  if (states.size === 0) for (const host of [...view.decidingHosts, ...view.possiblyDecidingHosts]) states.add(host.country);
  states.delete(notice.requestingCountry);
  const returnStates = [...states].sort(compareStrings);
  const binding = nonRefoulementBinding(treaties, returnStates, asOf);
  sink.set('notice.returnStates', returnStates);
  sink.set('notice.nonRefoulementBases', binding.bases);
  sink.set('notice.treatyStatusUnknownIn', binding.statusUnknown);
  sink.set('notice.treatyStatusUnknown', binding.statusUnknown.length > 0 ? 'yes' : 'no');
}
