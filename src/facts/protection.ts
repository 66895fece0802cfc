/**
 * Protection status as of a date: per host state, then overall (docs/semantics.md, section 2).
 *
 * Per host state the latest asylum event on or before `asOf` decides. Events of the same day
 * are taken in procedural order (application, denial, appeal, appeal decision, subsidiary
 * protection, grant, revocation/cessation, naturalisation), so the order of the input never
 * matters. A denial or dismissed appeal decides `denied` when `final: true` and `pending` when
 * `final: false` (an appeal is still possible); without `final`, the host state's status is
 * unknown between the two, and the path of the missing `final` is reported.
 *
 * Overall: `granted` if any host state grants; else `naturalised`; else `pending`; else
 * `revoked`; else `subsidiary`; else `denied`; else `none`. Unknown host statuses leave the
 * overall status unknown only where they could change it.
 *
 * Against a requesting country (`protectionAgainst`) the same order applies among the host
 * states whose events name that country as feared; a host state that names no feared country
 * might be one of them, and is counted as unknown.
 *
 * @module
 */
import type { AsylumEvent, AsylumEventType, Case, Confirmation } from '../case/schema.js';
import type { CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';
import { bundledMembershipList, isMemberOn, type MembershipList } from '../context/interpol-members.js';
import { type APPEALABLE_DECISIONS, PROTECTION_STATUSES, type ProtectionStatus } from './vocabulary.js';


/** The protection a person has in one host state as of `asOf`. */
export interface HostProtection {
  /** The host (asylum) state. */
  readonly country: string;
  /** Its status; `unknown` when a denial's finality is not given. */
  readonly status: ProtectionStatus | 'unknown';
  /** The statuses it could be (one, or `pending` and `denied` when finality is unknown). */
  readonly possibleStatuses: readonly ProtectionStatus[];
  /** Date of the event that decides the status. */
  readonly since: CalendarDate;
  /** Index in `asylum` of the event that decides the status. */
  readonly decidingEvent: number;
  /** Countries the person fears persecution from, as named on this state's events. Sorted. */
  readonly fearedCountries: readonly string[];
  /** Whether any of this state's events names the feared countries. */
  readonly fearedCountriesKnown: boolean;
  /** Date of the grant in force, when the status is `granted`. */
  readonly grantedOn?: CalendarDate;
  /** Whether refugee status was granted here before the event that decides the status. */
  readonly formerlyGranted: boolean;
  /** Whether the deciding denial or revocation rests on criminal grounds, where stated. */
  readonly criminalGrounds?: boolean;
  /**
   * Whether the status rests on a revocation or cessation that is under appeal: an appeal was
   * filed after it and not yet decided. The status stays `revoked` meanwhile (an appeal against a
   * revocation does not make a claim pending again).
   */
  readonly revocationUnderAppeal: boolean;
  /**
   * Whether the deciding event is a decision against the person that is open to appeal at home
   * as far as the case shows (a denial, a dismissed appeal, a revocation or a cessation, with no
   * appeal filed after it): `false` when the case says it is final (`final: true`), or gives an
   * appeal deadline that has passed without saying it is not final, or the deciding event is not
   * such a decision; `true` otherwise.
   */
  readonly appealable: boolean;
  /** The last day to appeal the deciding decision, when the case gives it. */
  readonly appealDeadline?: CalendarDate;
  /** What the deciding event is, when it is a decision against the person that can be appealed. */
  readonly decidingDecision: (typeof APPEALABLE_DECISIONS)[number];
}

/**
 * The protection that bears on something — the case overall, or one requesting country: the
 * strongest status among the host states concerned, with what decides it.
 */
export interface ProtectionView {
  /** The status; `undefined` when unknown. */
  readonly status: ProtectionStatus | undefined;
  /** When the status is unknown: the statuses it could still be, strongest first. */
  readonly possibleStatuses?: readonly ProtectionStatus[];
  /** Input paths that would decide an unknown status. Sorted. */
  readonly missing: readonly string[];
  /** Host states certainly concerned whose status is `status`. Sorted. */
  readonly decidingHosts: readonly HostProtection[];
  /** Host states that might be concerned, or might have `status`, without certainty. Sorted. */
  readonly possiblyDecidingHosts: readonly HostProtection[];
  /** Whether a valid confirmation of the grant in force reached INTERPOL; `undefined` if unknown. */
  readonly confirmed: boolean | undefined;
  /** Index in `confirmations` of the confirmation relied on, when `confirmed`. */
  readonly confirmationIndex?: number;
  /** When `confirmed`: the date of the earliest confirmation that counts and went to the General Secretariat. */
  readonly toGeneralSecretariatOn?: CalendarDate;
  /** Whether a deciding host state granted refugee status before its present status. */
  readonly formerlyGranted: boolean | undefined;
  /** Input paths that would decide an unknown `formerlyGranted`. Sorted. */
  readonly formerlyGrantedMissing: readonly string[];
}

/** Derived protection facts for a case as of `asOf`. */
export interface ProtectionFacts {
  /** Whether the case states its asylum history (`asylum` present, even empty). */
  readonly historyKnown: boolean;
  /** Every host state with an event on or before `asOf`, sorted by country. */
  readonly hosts: readonly HostProtection[];
  /** The case overall: every host state counts. */
  readonly overall: ProtectionView;
  /**
   * Per confirmation of the case (by index): whether it can count — it comes from a country that
   * was an INTERPOL member on its date and that the person does not fear.
   */
  readonly confirmationEligible: readonly boolean[];
  /** Why confirmations dated on or before `asOf` cannot count, at their paths. Sorted. */
  readonly warnings: readonly CaseWarning[];
}

/** A warning about the case: something in it that the evaluation ignored, and why (never its value). */
export interface CaseWarning {
  /** What is wrong. */
  readonly code: CaseWarningCode;
  /** Where, e.g. `confirmations[0].by`. */
  readonly path: string;
}

/** The codes of case warnings. */
export const CASE_WARNING_CODES = ['confirmation_not_from_member', 'confirmation_from_feared_country'] as const;
/** A code of a case warning. */
export type CaseWarningCode = (typeof CASE_WARNING_CODES)[number];

/** Whether a requesting country is among the countries a person fears, and what decides it. */
export interface FearedCountryFact {
  readonly value: boolean | undefined;
  /** Input paths that would decide it, when unknown. Sorted. */
  readonly missing: readonly string[];
}

/** @internal Same-day order of events: later in the procedure wins. */
const PROCEDURAL_ORDER: Record<AsylumEventType, number> = {
  application_filed: 0,
  asylum_denied: 1,
  appeal_filed: 2,
  appeal_dismissed: 3,
  appeal_allowed: 3,
  subsidiary_protection_granted: 4,
  refugee_status_granted: 5,
  refugee_status_revoked: 6,
  refugee_status_ceased: 6,
  naturalised: 7,
};

/** @internal Events that grant refugee status. */
const GRANT_EVENTS: ReadonlySet<AsylumEventType> = new Set(['refugee_status_granted', 'appeal_allowed']);

/** @internal Events that withdraw refugee status. */
const REVOCATION_EVENTS: ReadonlySet<AsylumEventType> = new Set(['refugee_status_revoked', 'refugee_status_ceased']);

/** @internal Decisions against the person that can be appealed at home. */
const APPEALABLE_EVENTS: ReadonlySet<AsylumEventType> = new Set(['asylum_denied', 'appeal_dismissed', 'refugee_status_revoked', 'refugee_status_ceased']);

/**
 * @internal The statuses an event decides. `againstRevocation`: the appeal (filed or dismissed)
 * is against a revocation or cessation, so the status stays `revoked` — the claim does not
 * become pending again.
 */
function statusesDecidedBy(event: AsylumEvent, againstRevocation: boolean): readonly ProtectionStatus[] {
  switch (event.type) {
    case 'application_filed':
      return ['pending'];
    case 'appeal_filed':
      return againstRevocation ? ['revoked'] : ['pending'];
    case 'refugee_status_granted':
    case 'appeal_allowed':
      return ['granted'];
    case 'asylum_denied':
      return event.final === true ? ['denied'] : event.final === false ? ['pending'] : ['pending', 'denied'];
    case 'appeal_dismissed':
      if (againstRevocation) return ['revoked'];
      return event.final === true ? ['denied'] : event.final === false ? ['pending'] : ['pending', 'denied'];
    case 'refugee_status_revoked':
    case 'refugee_status_ceased':
      return ['revoked'];
    case 'subsidiary_protection_granted':
      return ['subsidiary'];
    case 'naturalised':
      return ['naturalised'];
  }
}

/** @internal Rank of a status in the overall order (0 is strongest). */
function rank(status: ProtectionStatus): number {
  return PROTECTION_STATUSES.indexOf(status);
}

/** @internal The strongest of some statuses (`none` if there are none). */
function strongest(statuses: Iterable<ProtectionStatus>): ProtectionStatus {
  let best: ProtectionStatus = 'none';
  for (const status of statuses) if (rank(status) < rank(best)) best = status;
  return best;
}

/** @internal A view of nothing: no history known. */
const UNKNOWN_VIEW: ProtectionView = {
  status: undefined,
  missing: ['asylum'],
  decidingHosts: [],
  possiblyDecidingHosts: [],
  confirmed: undefined,
  formerlyGranted: undefined,
  formerlyGrantedMissing: ['asylum'],
};

/**
 * Derives the protection facts of a case as of `asOf` (events after `asOf` are ignored).
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
 * deriveProtection(validCase, '2024-01-01').overall.status; // 'granted'
 * deriveProtection(validCase, '2023-01-01').overall.status; // 'none'
 * ```
 */
export function deriveProtection(value: Case, asOf: CalendarDate, membership: MembershipList = bundledMembershipList()): ProtectionFacts {
  if (value.asylum === undefined) {
    const { eligible, warnings } = confirmationEligibility(value.confirmations ?? [], new Set(), membership, asOf);
    return { historyKnown: false, hosts: [], overall: UNKNOWN_VIEW, confirmationEligible: eligible, warnings };
  }
  const byCountry = new Map<string, number[]>();
  value.asylum.forEach((event, index) => {
    if (event.date > asOf) return;
    const indexes = byCountry.get(event.country) ?? [];
    indexes.push(index);
    byCountry.set(event.country, indexes);
  });
  const hosts = [...byCountry.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([country, indexes]) => deriveHost(country, indexes, value.asylum!, asOf));
  const feared = new Set(hosts.flatMap((host) => host.fearedCountries));
  const { eligible, warnings } = confirmationEligibility(value.confirmations ?? [], feared, membership, asOf);
  const overall = viewOf(
    hosts.map((host) => ({ host, certain: true })),
    value.confirmations ?? [],
    eligible,
    asOf,
  );
  return { historyKnown: true, hosts, overall, confirmationEligible: eligible, warnings };
}

/**
 * @internal Which confirmations can count: those from a country that was an INTERPOL member on
 * the confirmation's date and that the person does not fear. The others, dated on or before
 * `asOf`, are warnings at their `by`.
 */
function confirmationEligibility(
  confirmations: readonly Confirmation[],
  feared: ReadonlySet<string>,
  membership: MembershipList,
  asOf: CalendarDate,
): { eligible: boolean[]; warnings: CaseWarning[] } {
  const warnings: CaseWarning[] = [];
  const eligible = confirmations.map((confirmation, index) => {
    const member = isMemberOn(membership, confirmation.by, confirmation.date);
    const fearedBy = feared.has(confirmation.by);
    if (confirmation.date <= asOf) {
      const path = `confirmations[${index}].by`;
      if (!member) warnings.push({ code: 'confirmation_not_from_member', path });
      if (fearedBy) warnings.push({ code: 'confirmation_from_feared_country', path });
    }
    return member && !fearedBy;
  });
  return { eligible, warnings };
}

/**
 * The protection that bears on notices from `country`: the host states whose events name it as
 * a country of feared persecution (and those that name no feared country at all, which might).
 * With one host state this is the overall status whenever that state fears `country`.
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   asylum: [{ type: 'application_filed', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 * };
 * const facts = deriveProtection(validCase, '2024-01-01');
 * protectionAgainst(facts, 'TJ', validCase.confirmations ?? [], '2024-01-01').status; // 'pending'
 * protectionAgainst(facts, 'RU', [], '2024-01-01').status; // 'none'
 * ```
 */
export function protectionAgainst(
  facts: ProtectionFacts,
  country: string,
  confirmations: readonly Confirmation[],
  asOf: CalendarDate,
): ProtectionView {
  if (!facts.historyKnown) return UNKNOWN_VIEW;
  const contributions: Contribution[] = [];
  for (const host of facts.hosts) {
    if (host.fearedCountries.includes(country)) contributions.push({ host, certain: true });
    else if (!host.fearedCountriesKnown) contributions.push({ host, certain: false });
  }
  return viewOf(contributions, confirmations, facts.confirmationEligible, asOf);
}

/**
 * Whether `country` is among the countries the person fears, as named by any host state's events.
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
 * const facts = deriveProtection(validCase, '2024-01-01');
 * isFearedCountry(facts, 'TJ').value; // true
 * isFearedCountry(facts, 'RU').value; // false
 * ```
 */
export function isFearedCountry(facts: ProtectionFacts, country: string): FearedCountryFact {
  if (!facts.historyKnown) return { value: undefined, missing: ['asylum'] };
  if (facts.hosts.some((host) => host.fearedCountries.includes(country))) return { value: true, missing: [] };
  const unknown = facts.hosts.filter((host) => !host.fearedCountriesKnown);
  if (unknown.length === 0) return { value: false, missing: [] };
  return { value: undefined, missing: unknown.map((host) => fearedPath(host)).sort(compareStrings) };
}

/** @internal A host state that counts towards a view, certainly or possibly. */
interface Contribution {
  readonly host: HostProtection;
  /** Whether the host state certainly concerns the view (else: its feared countries are unknown). */
  readonly certain: boolean;
}

/**
 * @internal Whether the strongest status can come out as `status`: some contribution can give
 * it (or, for `none`, no host state certainly counts), and every host state that certainly
 * counts can give it or something weaker.
 */
function achievable(status: ProtectionStatus, contributions: readonly Contribution[]): boolean {
  const realised =
    status === 'none'
      ? contributions.every(({ certain }) => !certain)
      : contributions.some(({ host }) => host.possibleStatuses.includes(status));
  return realised && contributions.every(({ host, certain }) => !certain || host.possibleStatuses.some((option) => rank(option) >= rank(status)));
}

/** @internal Path of the feared countries of a host state's deciding event. */
function fearedPath(host: HostProtection): string {
  return `asylum[${host.decidingEvent}].persecutionFearedFrom`;
}

/** @internal Path of the finality of a host state's deciding event. */
function finalPath(host: HostProtection): string {
  return `asylum[${host.decidingEvent}].final`;
}

/**
 * @internal The strongest status among contributions, known when every way of settling the
 * unknowns (uncertain host states in or out, unknown finality either way) gives the same status.
 */
function viewOf(
  contributions: readonly Contribution[],
  confirmations: readonly Confirmation[],
  eligible: readonly boolean[],
  asOf: CalendarDate,
): ProtectionView {
  const upper = strongest(contributions.map(({ host }) => host.possibleStatuses[0]!));
  const lower = strongest(contributions.filter(({ certain }) => certain).map(({ host }) => host.possibleStatuses.at(-1)!));
  if (upper !== lower) {
    const missing = new Set<string>();
    for (const { host, certain } of contributions) {
      if (rank(host.possibleStatuses[0]!) >= rank(lower)) continue; // cannot change the status
      if (!certain) missing.add(fearedPath(host));
      if (host.possibleStatuses.length > 1) missing.add(finalPath(host));
    }
    const possibleStatuses = PROTECTION_STATUSES.filter((status) => achievable(status, contributions));
    // Confirmation matters only if the status could be `granted`; then it is known only if no confirmation counts.
    const grantCandidates = contributions.filter(({ host }) => host.status === 'granted').map(({ host }) => host);
    const confirmedIfGranted = possibleStatuses.includes('granted')
      ? deriveConfirmation(confirmations, eligible, 'granted', grantCandidates, asOf).confirmed
      : false;
    return {
      status: undefined,
      possibleStatuses,
      missing: [...missing].sort(compareStrings),
      decidingHosts: [],
      possiblyDecidingHosts: [],
      confirmed: confirmedIfGranted ? undefined : false,
      formerlyGranted: undefined,
      formerlyGrantedMissing: [...missing].sort(compareStrings),
    };
  }
  const status = upper;
  const decidingHosts = contributions.filter(({ host, certain }) => certain && host.status === status).map(({ host }) => host);
  const possiblyDecidingHosts = contributions
    .filter(({ host }) => !decidingHosts.includes(host) && host.possibleStatuses.includes(status))
    .map(({ host }) => host);
  const { confirmed, confirmationIndex, toGeneralSecretariatOn } = deriveConfirmation(confirmations, eligible, status, decidingHosts, asOf);
  let formerlyGranted: boolean | undefined = decidingHosts.some((host) => host.formerlyGranted);
  let formerlyGrantedMissing: string[] = [];
  if (!formerlyGranted) {
    const doubtful = possiblyDecidingHosts.filter((host) => host.formerlyGranted);
    if (doubtful.length > 0) {
      formerlyGranted = undefined;
      formerlyGrantedMissing = doubtful
        .flatMap((host) => [
          ...(contributions.find((item) => item.host === host)?.certain ? [] : [fearedPath(host)]),
          ...(host.possibleStatuses.length > 1 ? [finalPath(host)] : []),
        ])
        .sort(compareStrings);
    }
  }
  return {
    status,
    missing: [],
    decidingHosts,
    possiblyDecidingHosts,
    confirmed,
    ...(confirmationIndex === undefined ? {} : { confirmationIndex }),
    ...(toGeneralSecretariatOn === undefined ? {} : { toGeneralSecretariatOn }),
    formerlyGranted,
    formerlyGrantedMissing,
  };
}

/** @internal The protection in one host state from its events (indexes into `asylum`). */
function deriveHost(country: string, indexes: readonly number[], asylum: readonly AsylumEvent[], asOf: CalendarDate): HostProtection {
  const ordered = [...indexes].sort((a, b) => {
    const left = asylum[a]!;
    const right = asylum[b]!;
    return compareStrings(left.date, right.date) || PROCEDURAL_ORDER[left.type] - PROCEDURAL_ORDER[right.type] || a - b;
  });
  const decidingEvent = ordered.at(-1)!;
  const deciding = asylum[decidingEvent]!;
  // Whether the latest decision on the status was a revocation or cessation (appeals against it
  // keep the status revoked): set by a revocation, cleared by any other decision or application.
  let againstRevocation = false;
  for (const index of ordered.slice(0, -1)) {
    const type = asylum[index]!.type;
    if (REVOCATION_EVENTS.has(type)) againstRevocation = true;
    else if (type !== 'appeal_filed' && type !== 'appeal_dismissed') againstRevocation = false;
  }
  const possibleStatuses = statusesDecidedBy(deciding, againstRevocation);
  const feared = new Set<string>();
  let fearedCountriesKnown = false;
  for (const index of ordered) {
    const named = asylum[index]!.persecutionFearedFrom;
    if (named === undefined) continue;
    fearedCountriesKnown = true;
    for (const code of named) feared.add(code);
  }
  const formerlyGranted = ordered.slice(0, -1).some((index) => GRANT_EVENTS.has(asylum[index]!.type));
  const status = possibleStatuses.length === 1 ? possibleStatuses[0]! : 'unknown';
  return {
    country,
    status,
    possibleStatuses,
    since: deciding.date,
    decidingEvent,
    fearedCountries: [...feared].sort(compareStrings),
    fearedCountriesKnown,
    ...(status === 'granted' ? { grantedOn: deciding.date } : {}),
    formerlyGranted,
    ...(deciding.criminalGrounds === undefined ? {} : { criminalGrounds: deciding.criminalGrounds }),
    revocationUnderAppeal: againstRevocation && deciding.type === 'appeal_filed',
    decidingDecision: !APPEALABLE_EVENTS.has(deciding.type)
      ? 'none'
      : REVOCATION_EVENTS.has(deciding.type) || (deciding.type === 'appeal_dismissed' && againstRevocation)
        ? 'revocation'
        : 'denial',
    appealable: appealability(deciding, asOf),
    ...(APPEALABLE_EVENTS.has(deciding.type) && deciding.appealDeadline !== undefined ? { appealDeadline: deciding.appealDeadline } : {}),
  };
}

/**
 * @internal Whether a deciding event is a decision against the person that is open to appeal as
 * of `asOf`, as far as the case shows: not stated to be final, and (finality not stated) its
 * deadline, if given, not passed. A decision is taken to be open unless the case says otherwise
 * **(choice: better to recommend an appeal that turns out to be late than to drop one in time)**.
 */
function appealability(deciding: AsylumEvent, asOf: CalendarDate): boolean {
  if (!APPEALABLE_EVENTS.has(deciding.type)) return false;
  if (deciding.final !== undefined) return !deciding.final;
  return deciding.appealDeadline === undefined || deciding.appealDeadline >= asOf;
}

/** @internal Subjects of confirmations that supersede an earlier confirmation of status. */
const SUPERSEDING_SUBJECTS: ReadonlySet<Confirmation['subject']> = new Set(['status_revoked', 'asylum_denied']);

/**
 * @internal A confirmation counts when it can count (`eligible`: from a member country the
 * person does not fear), confirms refugee status, is dated on or after the grant in force of a
 * deciding host state and on or before `asOf`, and no confirmation of a revocation or denial
 * (that can count) is dated on the same day or later (up to `asOf`). The earliest that counts is
 * relied on; `toGeneralSecretariatOn` is the date of the earliest that went to the General
 * Secretariat.
 */
function deriveConfirmation(
  confirmations: readonly Confirmation[],
  eligible: readonly boolean[],
  status: ProtectionStatus,
  decidingHosts: readonly HostProtection[],
  asOf: CalendarDate,
): { confirmed: boolean; confirmationIndex?: number; toGeneralSecretariatOn?: CalendarDate } {
  if (status !== 'granted') return { confirmed: false };
  const earliestGrant = decidingHosts.map((host) => host.grantedOn!).sort(compareStrings)[0]!;
  let best: number | undefined;
  let toGeneralSecretariatOn: CalendarDate | undefined;
  confirmations.forEach((confirmation, index) => {
    if (!eligible[index] || confirmation.subject !== 'refugee_status') return;
    if (confirmation.date < earliestGrant || confirmation.date > asOf) return;
    const superseded = confirmations.some(
      (later, laterIndex) => eligible[laterIndex] && SUPERSEDING_SUBJECTS.has(later.subject) && later.date >= confirmation.date && later.date <= asOf,
    );
    if (superseded) return;
    if (best === undefined || confirmation.date < confirmations[best]!.date) best = index;
    if (confirmation.to === 'general_secretariat' && (toGeneralSecretariatOn === undefined || confirmation.date < toGeneralSecretariatOn)) {
      toGeneralSecretariatOn = confirmation.date;
    }
  });
  if (best === undefined) return { confirmed: false };
  return { confirmed: true, confirmationIndex: best, ...(toGeneralSecretariatOn === undefined ? {} : { toGeneralSecretariatOn }) };
}
