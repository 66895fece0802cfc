/**
 * Fact derivation: from a valid case and a date to the facts of the catalogue, once for the
 * case and once per notice. Events after `asOf` are ignored. An unknown fact is left out of
 * `values`, and `missing` names the input paths that would decide it.
 *
 * @module
 */
import type { Case, Notice } from '../case/schema.js';
import type { MembershipList } from '../context/interpol-members.js';
import type { MisusePattern } from '../context/misuse-patterns.js';
import { bundledTreatyLists, type TreatyLists } from '../context/treaty-parties.js';
import type { CalendarDate } from '../support/dates.js';
import { customFactValue, type CustomFact } from './custom.js';
import { compareStrings } from '../support/issues.js';
import { deriveCaseAppealFacts, deriveNoticeAppealFacts } from './appeals.js';
import { deriveCaseCcfFacts, deriveNoticeCcfFacts } from './ccf.js';
import { deriveNonRefoulementFacts } from './non-refoulement.js';
import { deriveProtection, isFearedCountry, protectionAgainst, type ProtectionFacts, type ProtectionView } from './protection.js';
import { deriveCaseRouteFacts, deriveNoticeRouteFacts } from './routes.js';
import { SnapshotBuilder, yesNo, type FactSink, type FactSnapshot } from './snapshot.js';

export type { FactSnapshot } from './snapshot.js';

/** The facts of one notice (its own and the case's). */
export interface NoticeFacts {
  /** The notice, as given. */
  readonly notice: Notice;
  /** Its index in `notices`. */
  readonly index: number;
  /** Case facts and notice facts together. */
  readonly facts: FactSnapshot;
  /** The protection that bears on notices from its requesting country. */
  readonly protection: ProtectionView;
}

/** Everything derived from a case as of a date. */
export interface DerivedCase {
  /** The case, as validated. */
  readonly case: Case;
  /** The date the case is judged at. */
  readonly asOf: CalendarDate;
  /** Protection status per host state and overall. */
  readonly protection: ProtectionFacts;
  /** Case-scope facts. */
  readonly caseFacts: FactSnapshot;
  /** Per notice, in input order. */
  readonly notices: readonly NoticeFacts[];
}

/** What derivation needs besides the case: reference data. */
export interface DerivationContext {
  /** Documented patterns of misuse by requesting states. */
  readonly misusePatterns: readonly MisusePattern[];
  /** Facts the rule sets declare of their own, read from the case's `extensions` (checked beforehand). */
  readonly customFacts?: readonly CustomFact[];
  /** INTERPOL's member countries (default: the bundled, dated list). */
  readonly membership?: MembershipList;
  /** The parties to the Refugee Convention, its Protocol and CAT (default: the bundled, partial lists). */
  readonly treaties?: TreatyLists;
}

/**
 * Derives every fact of a valid case as of `asOf`.
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 * };
 * const derived = deriveFacts(validCase, '2025-06-30', { misusePatterns: [] });
 * derived.notices[0]?.facts.values['notice.fromFearedCountry']; // 'yes'
 * derived.caseFacts.values['protection.status']; // 'granted'
 * ```
 */
export function deriveFacts(value: Case, asOf: CalendarDate, context: DerivationContext): DerivedCase {
  const protection = deriveProtection(value, asOf, context.membership);
  const treaties = context.treaties ?? bundledTreatyLists();
  const { overall } = protection;
  const caseBuilder = new SnapshotBuilder();
  caseBuilder.set('asylum.historyKnown', protection.historyKnown ? 'yes' : 'no', protection.historyKnown ? [] : ['asylum']);
  caseBuilder.set('protection.status', overall.status, overall.missing, overall.possibleStatuses);
  caseBuilder.set('protection.confirmed', yesNo(overall.confirmed), overall.confirmed === undefined ? overall.missing : []);
  caseBuilder.set('protection.formerlyGranted', yesNo(overall.formerlyGranted), overall.formerlyGrantedMissing);
  deriveCaseAppealFacts(caseBuilder, overall);
  caseBuilder.set('case.noticeStanding', value.notices.some((notice) => !recordedAsDeleted(notice, asOf)) ? 'yes' : 'no');
  deriveCaseRouteFacts(caseBuilder, value, asOf);
  deriveCaseCcfFacts(caseBuilder, value, asOf);
  const customFacts = context.customFacts ?? [];
  setCustomFacts(caseBuilder, customFacts, 'case', value.extensions, '');
  const caseFacts = caseBuilder.build();

  const views = new Map<string, ProtectionView>();
  const notices = value.notices.map((notice, index): NoticeFacts => {
    let view = views.get(notice.requestingCountry);
    if (!view) {
      view = protectionAgainst(protection, notice.requestingCountry, value.confirmations ?? [], asOf);
      views.set(notice.requestingCountry, view);
    }
    const builder = new SnapshotBuilder(caseFacts);
    deriveNoticeFacts(builder, notice, index, protection, view, asOf);
    deriveNoticeAppealFacts(builder, view);
    deriveNoticeRouteFacts(builder, value, notice, index, protection, asOf, context.misusePatterns);
    deriveNoticeCcfFacts(builder, value, notice, protection, asOf);
    deriveNonRefoulementFacts(builder, value, notice, view, asOf, treaties);
    setCustomFacts(builder, customFacts, 'notice', notice.extensions, `notices[${index}].`);
    return { notice, index, facts: builder.build(), protection: view };
  });
  return { case: value, asOf, protection, caseFacts, notices };
}

/** @internal The facts of one notice. */
function deriveNoticeFacts(
  builder: FactSink,
  notice: Notice,
  index: number,
  protection: ProtectionFacts,
  view: ProtectionView,
  asOf: CalendarDate,
): void {
  const at = `notices[${index}]`;
  builder.set('notice.kind', notice.kind);
  builder.set('notice.requestingCountry', notice.requestingCountry);

  const status = noticeStatus(notice, asOf);
  builder.set('notice.status', status, status === undefined ? [`${at}.status`] : []);
  builder.set('notice.recordedAsDeleted', status === 'deleted' ? 'yes' : 'no');
  if (status === undefined) {
    builder.set('notice.deletionBasis', undefined, [`${at}.status`]);
  } else if (status === 'deleted') {
    builder.set('notice.deletionBasis', notice.deletionBasis, notice.deletionBasis === undefined ? [`${at}.deletionBasis`] : []);
    builder.set('notice.deletedOn', notice.deletedOn, notice.deletedOn === undefined ? [`${at}.deletedOn`] : []);
  } else {
    builder.set('notice.deletionBasis', 'none');
  }

  const feared = isFearedCountry(protection, notice.requestingCountry);
  builder.set('notice.fromFearedCountry', yesNo(feared.value), feared.missing);
  builder.set('notice.protectionStatus', view.status, view.missing, view.possibleStatuses);
  builder.set('notice.statusConfirmed', yesNo(view.confirmed), view.confirmed === undefined ? view.missing : []);
  builder.set('notice.formerlyGranted', yesNo(view.formerlyGranted), view.formerlyGrantedMissing);
  builder.set('notice.protectionHosts', view.status === undefined ? undefined : view.decidingHosts.map((host) => host.country), view.status === undefined ? view.missing : []);
  deriveRecognitionTiming(builder, notice, at, status, view, asOf);
}

/**
 * @internal When the notice stands beside a recognition: the day of the grant in force, whether
 * the notice was issued after it, and whether it was kept after a confirmation to the General
 * Secretariat — possible breaches of INTERPOL's refugee provisions, never findings.
 */
function deriveRecognitionTiming(
  builder: FactSink,
  notice: Notice,
  at: string,
  status: 'active' | 'deleted' | 'suspended' | undefined,
  view: ProtectionView,
  asOf: CalendarDate,
): void {
  if (view.status === undefined) {
    builder.set('notice.issuedAfterRecognition', undefined, view.missing);
    builder.set('notice.keptAfterConfirmation', undefined, view.missing);
    return;
  }
  const recognisedOn = view.status === 'granted' ? view.decidingHosts.map((host) => host.grantedOn!).sort(compareStrings)[0] : undefined;
  builder.set('notice.recognisedOn', recognisedOn);
  if (recognisedOn === undefined) builder.set('notice.issuedAfterRecognition', 'no');
  else if (notice.issuedOn === undefined) builder.set('notice.issuedAfterRecognition', undefined, [`${at}.issuedOn`]);
  else builder.set('notice.issuedAfterRecognition', notice.issuedOn > recognisedOn ? 'yes' : 'no');
  const confirmedOn = view.toGeneralSecretariatOn;
  builder.set('notice.confirmedToGeneralSecretariatOn', confirmedOn);
  if (confirmedOn === undefined || confirmedOn >= asOf) builder.set('notice.keptAfterConfirmation', 'no');
  else if (status === undefined) builder.set('notice.keptAfterConfirmation', undefined, [`${at}.status`]);
  else builder.set('notice.keptAfterConfirmation', status === 'deleted' ? 'no' : 'yes');
}

/** @internal A notice's status as of `asOf` (`undefined`: unknown); a deletion after `asOf` leaves it active. */
function noticeStatus(notice: Notice, asOf: CalendarDate): 'active' | 'deleted' | 'suspended' | undefined {
  const given = notice.status ?? 'active';
  return given === 'unknown' ? undefined : given === 'deleted' && notice.deletedOn !== undefined && notice.deletedOn > asOf ? 'active' : given;
}

/** @internal Whether the case records a notice as deleted on or before `asOf`. */
function recordedAsDeleted(notice: Notice, asOf: CalendarDate): boolean {
  return noticeStatus(notice, asOf) === 'deleted';
}

/** @internal The rule sets' own facts of one scope, from the `extensions` of the case or of a notice (`at`: its path). */
function setCustomFacts(builder: SnapshotBuilder, facts: readonly CustomFact[], scope: 'case' | 'notice', extensions: Case['extensions'], at: string): void {
  for (const fact of facts) {
    if (fact.scope !== scope) continue;
    const stated = extensions !== undefined && Object.hasOwn(extensions, fact.namespace) && Object.hasOwn(extensions[fact.namespace]!, fact.key) ? extensions[fact.namespace]![fact.key] : undefined;
    const read = stated === undefined ? undefined : customFactValue(fact, stated);
    const value = read !== undefined && 'value' in read ? read.value : undefined;
    builder.setCustom(fact.name, value, value === undefined ? [`${at}extensions.${fact.namespace}.${fact.key}`] : []);
  }
}
