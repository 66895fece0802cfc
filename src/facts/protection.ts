/**
 * Protection status as of a date: per host state, then overall (DESIGN.md, "Protection status").
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
 * @module
 */
import type { AsylumEvent, AsylumEventType, Case, Confirmation } from '../case/schema.js';
import type { CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';

/** A person's protection status in one host state, or overall. */
export type ProtectionStatus = 'granted' | 'naturalised' | 'pending' | 'revoked' | 'subsidiary' | 'denied' | 'none';

/** Every protection status, from the strongest to the weakest (the overall order). */
export const PROTECTION_STATUSES: readonly ProtectionStatus[] = [
  'granted', 'naturalised', 'pending', 'revoked', 'subsidiary', 'denied', 'none',
];

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
}

/** Derived protection facts for a case as of `asOf`. */
export interface ProtectionFacts {
  /** Whether the case states its asylum history (`asylum` present, even empty). */
  readonly historyKnown: boolean;
  /** Overall status; `undefined` when unknown. */
  readonly status: ProtectionStatus | undefined;
  /** Input paths that would decide the overall status, when it is unknown. Sorted. */
  readonly statusMissing: readonly string[];
  /** Every host state with an event on or before `asOf`, sorted by country. */
  readonly hosts: readonly HostProtection[];
  /** Host states whose status is the overall status. Sorted. */
  readonly decidingHosts: readonly HostProtection[];
  /** Host states with an unknown status that could be the overall status. Sorted. */
  readonly possiblyDecidingHosts: readonly HostProtection[];
  /** Whether a valid confirmation of the grant in force reached INTERPOL; `undefined` if unknown. */
  readonly confirmed: boolean | undefined;
  /** Index in `confirmations` of the confirmation relied on, when `confirmed`. */
  readonly confirmationIndex?: number;
  /** Whether the deciding host states granted refugee status before their present status. */
  readonly formerlyGranted: boolean | undefined;
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

/** @internal The statuses an event decides. */
function statusesDecidedBy(event: AsylumEvent): readonly ProtectionStatus[] {
  switch (event.type) {
    case 'application_filed':
    case 'appeal_filed':
      return ['pending'];
    case 'refugee_status_granted':
    case 'appeal_allowed':
      return ['granted'];
    case 'asylum_denied':
    case 'appeal_dismissed':
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

/**
 * Derives the protection facts of a case as of `asOf` (events after `asOf` are ignored).
 *
 * @example
 * ```ts
 * const facts = deriveProtection(validCase, '2024-01-01');
 * facts.status; // 'granted'
 * ```
 */
export function deriveProtection(value: Case, asOf: CalendarDate): ProtectionFacts {
  if (value.asylum === undefined) {
    return {
      historyKnown: false,
      status: undefined,
      statusMissing: ['asylum'],
      hosts: [],
      decidingHosts: [],
      possiblyDecidingHosts: [],
      confirmed: undefined,
      formerlyGranted: undefined,
    };
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
    .map(([country, indexes]) => deriveHost(country, indexes, value.asylum!));

  const knownHosts = hosts.filter((host) => host.status !== 'unknown');
  const unknownHosts = hosts.filter((host) => host.status === 'unknown');
  const known = knownHosts.map((host) => host.status as ProtectionStatus);
  const optimistic = strongest([...known, ...unknownHosts.map((host) => host.possibleStatuses[0]!)]);
  const pessimistic = strongest([...known, ...unknownHosts.map((host) => host.possibleStatuses.at(-1)!)]);
  const status = optimistic === pessimistic ? optimistic : undefined;
  const statusMissing = status === undefined ? unknownHosts.map((host) => `asylum[${host.decidingEvent}].final`).sort(compareStrings) : [];

  const decidingHosts = status === undefined ? [] : knownHosts.filter((host) => host.status === status);
  const possiblyDecidingHosts = status === undefined ? [] : unknownHosts.filter((host) => host.possibleStatuses.includes(status));
  const { confirmed, confirmationIndex } = deriveConfirmation(value.confirmations ?? [], status, decidingHosts, asOf);
  const formerlyGranted =
    status === undefined ? undefined : [...decidingHosts, ...possiblyDecidingHosts].some((host) => host.formerlyGranted);

  return {
    historyKnown: true,
    status,
    statusMissing,
    hosts,
    decidingHosts,
    possiblyDecidingHosts,
    confirmed,
    ...(confirmationIndex === undefined ? {} : { confirmationIndex }),
    formerlyGranted,
  };
}

/** @internal The protection in one host state from its events (indexes into `asylum`). */
function deriveHost(country: string, indexes: readonly number[], asylum: readonly AsylumEvent[]): HostProtection {
  const ordered = [...indexes].sort((a, b) => {
    const left = asylum[a]!;
    const right = asylum[b]!;
    return compareStrings(left.date, right.date) || PROCEDURAL_ORDER[left.type] - PROCEDURAL_ORDER[right.type] || a - b;
  });
  const decidingEvent = ordered.at(-1)!;
  const deciding = asylum[decidingEvent]!;
  const possibleStatuses = statusesDecidedBy(deciding);
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
  };
}

/** @internal Subjects of confirmations that supersede an earlier confirmation of status. */
const SUPERSEDING_SUBJECTS: ReadonlySet<Confirmation['subject']> = new Set(['status_revoked', 'asylum_denied']);

/**
 * @internal A confirmation counts when it confirms refugee status, is dated on or after the
 * grant in force of a deciding host state and on or before `asOf`, and no confirmation of a
 * revocation or denial is dated on the same day or later (up to `asOf`).
 */
function deriveConfirmation(
  confirmations: readonly Confirmation[],
  status: ProtectionStatus | undefined,
  decidingHosts: readonly HostProtection[],
  asOf: CalendarDate,
): { confirmed: boolean | undefined; confirmationIndex?: number } {
  if (status === undefined) return { confirmed: undefined };
  if (status !== 'granted') return { confirmed: false };
  const earliestGrant = decidingHosts.map((host) => host.grantedOn!).sort(compareStrings)[0]!;
  let best: number | undefined;
  confirmations.forEach((confirmation, index) => {
    if (confirmation.subject !== 'refugee_status') return;
    if (confirmation.date < earliestGrant || confirmation.date > asOf) return;
    const superseded = confirmations.some(
      (later) => SUPERSEDING_SUBJECTS.has(later.subject) && later.date >= confirmation.date && later.date <= asOf,
    );
    if (superseded) return;
    if (best === undefined || confirmation.date < confirmations[best]!.date) best = index;
  });
  return best === undefined ? { confirmed: false } : { confirmed: true, confirmationIndex: best };
}
