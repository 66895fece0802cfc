/**
 * Facts about appealing the decision behind a protection status at home: which decision it is
 * (a denial, or a revocation or cessation), whether it is under appeal, whether it can still be
 * appealed, and by when. The time limit is national law: the case gives it
 * (`asylum[].appealDeadline`) or it is named as missing.
 *
 * An appeal against a denial makes the claim pending (docs/semantics.md); an appeal against a
 * revocation keeps the status `revoked`, and `…DecisionUnderAppeal` says that it is not final.
 *
 * @module
 */
import { compareStrings } from '../support/issues.js';
import type { HostProtection, ProtectionView } from './protection.js';
import type { FactSink } from './snapshot.js';

/**
 * Sets the appeal facts of a view: the case's overall (`protection.decisionUnderAppeal`) or a
 * notice's (`notice.appealableDecision`, `notice.protectionDecisionAppealable`,
 * `notice.protectionAppealDueOn`, `notice.protectionDecisionUnderAppeal`).
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { deriveProtection, protectionAgainst } from './protection.js';
 * import { SnapshotBuilder } from './snapshot.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   asylum: [
 *     { type: 'refugee_status_granted', date: '2018-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] },
 *     { type: 'refugee_status_revoked', date: '2026-01-10', country: 'DE', appealDeadline: '2026-02-10' },
 *   ],
 * };
 * const view = protectionAgainst(deriveProtection(validCase, '2026-01-20'), 'TJ', [], '2026-01-20');
 * const builder = new SnapshotBuilder();
 * deriveNoticeAppealFacts(builder, view);
 * const { values } = builder.build();
 * values['notice.appealableDecision']; // 'revocation'
 * values['notice.protectionDecisionAppealable']; // 'yes'
 * values['notice.protectionAppealDueOn']; // '2026-02-10'
 * ```
 */
export function deriveNoticeAppealFacts(sink: FactSink, view: ProtectionView): void {
  if (view.status === undefined) {
    for (const name of ['notice.appealableDecision', 'notice.protectionDecisionAppealable', 'notice.protectionDecisionUnderAppeal'] as const) {
      sink.set(name, undefined, view.missing);
    }
    return;
  }
  sink.set('notice.protectionDecisionUnderAppeal', underAppeal(view) ? 'yes' : 'no');
  const decisions = view.decidingHosts.filter((host) => host.decidingDecision !== 'none');
  sink.set('notice.appealableDecision', decisions.some((host) => host.decidingDecision === 'revocation') ? 'revocation' : decisions.length > 0 ? 'denial' : 'none');
  const open = decisions.filter((host) => host.appealable);
  sink.set('notice.protectionDecisionAppealable', open.length > 0 ? 'yes' : 'no');
  const due = open.map((host) => host.appealDeadline).filter((date) => date !== undefined).sort(compareStrings)[0];
  const undated = open.filter((host) => host.appealDeadline === undefined).map(deadlinePath);
  sink.set('notice.protectionAppealDueOn', due, due === undefined ? undated : []);
}

/**
 * Sets the case's overall appeal fact (`protection.decisionUnderAppeal`).
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
 *   asylum: [
 *     { type: 'refugee_status_granted', date: '2018-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] },
 *     { type: 'refugee_status_revoked', date: '2026-01-10', country: 'DE' },
 *     { type: 'appeal_filed', date: '2026-01-20', country: 'DE' },
 *   ],
 * };
 * const builder = new SnapshotBuilder();
 * deriveCaseAppealFacts(builder, deriveProtection(validCase, '2026-03-01').overall);
 * builder.build().values['protection.decisionUnderAppeal']; // 'yes'
 * ```
 */
export function deriveCaseAppealFacts(sink: FactSink, view: ProtectionView): void {
  if (view.status === undefined) sink.set('protection.decisionUnderAppeal', undefined, view.missing);
  else sink.set('protection.decisionUnderAppeal', underAppeal(view) ? 'yes' : 'no');
}

/** @internal Whether a view's status rests on a revocation under appeal. */
function underAppeal(view: ProtectionView): boolean {
  return view.status === 'revoked' && view.decidingHosts.some((host) => host.revocationUnderAppeal);
}

/** @internal Path of the appeal deadline of a host state's deciding decision. */
function deadlinePath(host: HostProtection): string {
  return `asylum[${host.decidingEvent}].appealDeadline`;
}
