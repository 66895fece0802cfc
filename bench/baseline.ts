/**
 * The benchmark's baseline: the outcome table of docs/semantics.md under the refugee provisions, written by
 * hand for one purpose — the outcome of every notice of a case that is known to be valid. No
 * validation, no trace, no actions, no citations, no rule engine; unknown facts are handled
 * (three-valued) because the generated cases have them, and the bench checks, case by case,
 * that these outcomes are the library's.
 *
 * It shares no code with the library on purpose: it is also an independent check of it.
 */
import members from '../rules/interpol-members.json' with { type: 'json' };

/** The fields of a case the table reads. */
export interface BaselineCase {
  readonly notices: ReadonlyArray<{ readonly id: string; readonly requestingCountry: string; readonly status?: string; readonly deletedOn?: string; readonly deletionBasis?: string }>;
  readonly asylum?: ReadonlyArray<{ readonly type: string; readonly date: string; readonly country: string; readonly persecutionFearedFrom?: readonly string[]; readonly final?: boolean }>;
  readonly confirmations?: ReadonlyArray<{ readonly by: string; readonly date: string; readonly subject: string }>;
}

/** INTERPOL's member countries and when each joined (a month: from its last day), from the bundled list. */
const JOINED: ReadonlyMap<string, string> = new Map(
  members.members.map(({ code, joined }) => [code, joined.length === 7 ? `${joined}-${new Date(Date.UTC(Number(joined.slice(0, 4)), Number(joined.slice(5, 7)), 0)).getUTCDate()}` : joined]),
);

type Status = 'granted' | 'naturalised' | 'pending' | 'revoked' | 'subsidiary' | 'denied' | 'none';
/** Strongest first. */
const ORDER: readonly Status[] = ['granted', 'naturalised', 'pending', 'revoked', 'subsidiary', 'denied', 'none'];
const RANK: Readonly<Record<Status, number>> = { granted: 0, naturalised: 1, pending: 2, revoked: 3, subsidiary: 4, denied: 5, none: 6 };
/** Same-day order of events: the later in the procedure decides. */
const SAME_DAY: Readonly<Record<string, number>> = {
  application_filed: 0, asylum_denied: 1, appeal_filed: 2, appeal_dismissed: 3, appeal_allowed: 3,
  subsidiary_protection_granted: 4, refugee_status_granted: 5, refugee_status_revoked: 6, refugee_status_ceased: 6, naturalised: 7,
};

/** Three values: false, true, unknown. */
const F = 0, T = 1, U = 2;
type Tri = 0 | 1 | 2;
const and = (...values: Tri[]): Tri => (values.includes(F) ? F : values.includes(U) ? U : T);
const or = (...values: Tri[]): Tri => (values.includes(T) ? T : values.includes(U) ? U : F);
/** A test on a value that is known, unknown (`undefined`), or one of several (`possible`). */
function test<V>(value: V | undefined, possible: readonly V[] | undefined, holds: (value: V) => boolean): Tri {
  if (value !== undefined) return holds(value) ? T : F;
  if (possible === undefined || possible.length === 0) return U;
  const count = possible.filter(holds).length;
  return count === possible.length ? T : count === 0 ? F : U;
}

interface Host {
  readonly possible: readonly Status[];
  readonly feared: ReadonlySet<string>;
  readonly fearedKnown: boolean;
  readonly formerlyGranted: boolean;
  readonly grantedOn?: string;
}

function decides(event: NonNullable<BaselineCase['asylum']>[number]): readonly Status[] {
  switch (event.type) {
    case 'application_filed': case 'appeal_filed': return ['pending'];
    case 'refugee_status_granted': case 'appeal_allowed': return ['granted'];
    case 'asylum_denied': case 'appeal_dismissed': return event.final === true ? ['denied'] : event.final === false ? ['pending'] : ['pending', 'denied'];
    case 'refugee_status_revoked': case 'refugee_status_ceased': return ['revoked'];
    case 'subsidiary_protection_granted': return ['subsidiary'];
    default: return ['naturalised'];
  }
}

function hostsOf(asylum: NonNullable<BaselineCase['asylum']>, asOf: string): Host[] {
  const byCountry = new Map<string, number[]>();
  asylum.forEach((event, index) => {
    if (event.date <= asOf) byCountry.set(event.country, [...(byCountry.get(event.country) ?? []), index]);
  });
  return [...byCountry.values()].map((indexes) => {
    const events = indexes
      .sort((a, b) => {
        const x = asylum[a]!, y = asylum[b]!;
        return x.date < y.date ? -1 : x.date > y.date ? 1 : SAME_DAY[x.type]! - SAME_DAY[y.type]! || a - b;
      })
      .map((index) => asylum[index]!);
    const last = events[events.length - 1]!;
    // An appeal (filed or dismissed) against a revocation or cessation leaves the status revoked.
    let againstRevocation = false;
    for (const event of events.slice(0, -1)) {
      if (event.type === 'refugee_status_revoked' || event.type === 'refugee_status_ceased') againstRevocation = true;
      else if (event.type !== 'appeal_filed' && !(event.type === 'appeal_dismissed' && againstRevocation)) againstRevocation = false;
    }
    const possible: readonly Status[] = againstRevocation && (last.type === 'appeal_filed' || last.type === 'appeal_dismissed') ? ['revoked'] : decides(last);
    const feared = new Set(events.flatMap((event) => event.persecutionFearedFrom ?? []));
    return {
      possible,
      feared,
      fearedKnown: events.some((event) => event.persecutionFearedFrom !== undefined),
      formerlyGranted: events.slice(0, -1).some((event) => event.type === 'refugee_status_granted' || event.type === 'appeal_allowed'),
      ...(possible[0] === 'granted' ? { grantedOn: last.date } : {}),
    };
  });
}

const strongest = (statuses: readonly Status[]): Status => statuses.reduce<Status>((best, status) => (RANK[status] < RANK[best] ? status : best), 'none');

/** Whether a refugee-status confirmation counts for grants of `grantedOn` dates. */
function confirmedFor(grants: readonly string[], confirmations: NonNullable<BaselineCase['confirmations']>, asOf: string): boolean {
  const earliest = [...grants].sort()[0]!;
  return confirmations.some(
    (confirmation) =>
      confirmation.subject === 'refugee_status' &&
      confirmation.date >= earliest &&
      confirmation.date <= asOf &&
      !confirmations.some((other) => other.subject !== 'refugee_status' && other.date >= confirmation.date && other.date <= asOf),
  );
}

/**
 * The outcome of every notice of a valid case under the refugee provisions, as of `asOf`, in
 * the order of `notices`.
 */
export function baselineOutcomes(value: BaselineCase, asOf: string): string[] {
  if (asOf < '2014-06-01') return value.notices.map(() => 'not_applicable');
  if (value.asylum === undefined) return value.notices.map(() => 'undetermined');
  const hosts = hostsOf(value.asylum, asOf);
  // Only a confirmation by a member country on its date, that the person does not fear, counts.
  const feared = new Set(hosts.flatMap((host) => [...host.feared]));
  const confirmations = (value.confirmations ?? []).filter((confirmation) => {
    const joined = JOINED.get(confirmation.by);
    return joined !== undefined && joined <= confirmation.date && !feared.has(confirmation.by);
  });
  return value.notices.map((notice) => {
    // The host states that fear the requesting country, certainly or (naming no country) possibly.
    const certain = hosts.filter((host) => host.feared.has(notice.requestingCountry));
    const uncertain = hosts.filter((host) => !host.fearedKnown);
    const all = [...certain, ...uncertain];
    const upper = strongest(all.map((host) => host.possible[0]!));
    const lower = strongest(certain.map((host) => host.possible[host.possible.length - 1]!));
    let status: Status | undefined;
    let possible: Status[] | undefined;
    let confirmed: boolean | undefined;
    let formerlyGranted: boolean | undefined;
    if (upper === lower) {
      status = upper;
      const deciding = certain.filter((host) => host.possible.length === 1 && host.possible[0] === status);
      confirmed = status === 'granted' && confirmedFor(deciding.map((host) => host.grantedOn!), confirmations, asOf);
      const maybe = all.filter((host) => !deciding.includes(host) && host.possible.includes(status!));
      formerlyGranted = deciding.some((host) => host.formerlyGranted) ? true : maybe.some((host) => host.formerlyGranted) ? undefined : false;
    } else {
      possible = ORDER.filter(
        (candidate) =>
          (candidate === 'none' ? certain.length === 0 : all.some((host) => host.possible.includes(candidate))) &&
          certain.every((host) => host.possible.some((option) => RANK[option] >= RANK[candidate])),
      );
      const grants = all.filter((host) => host.possible.length === 1 && host.possible[0] === 'granted').map((host) => host.grantedOn!);
      confirmed = possible.includes('granted') && confirmedFor(grants, confirmations, asOf) ? undefined : false;
    }
    const given = notice.status ?? 'active';
    const noticeStatus = given === 'unknown' ? undefined : given === 'deleted' && notice.deletedOn !== undefined && notice.deletedOn > asOf ? 'active' : given;
    const basis = noticeStatus === undefined ? undefined : noticeStatus === 'deleted' ? notice.deletionBasis : 'none';

    const protection = (...statuses: Status[]) => test(status, possible, (value) => statuses.includes(value));
    const isConfirmed = (yes: boolean) => test(confirmed, undefined, (value) => value === yes);
    const former = (yes: boolean) => test(formerlyGranted, undefined, (value) => value === yes);
    const deleted = test(noticeStatus, undefined, (value) => value === 'deleted');
    const lost = protection('denied', 'revoked');
    const rules: Array<[string, Tri]> = [
      ['not_applicable', protection('none', 'subsidiary')],
      ['undetermined', protection('naturalised')],
      ['delete', and(protection('granted'), isConfirmed(true))],
      ['delete_once_confirmed', and(protection('granted'), isConfirmed(false))],
      ['pending_asylum', protection('pending')],
      ['restore_possible', and(lost, deleted, test(basis, undefined, (value) => value === 'refugee_resolution'), or(protection('revoked'), former(true)))],
      ['not_applicable', and(lost, deleted, or(test(basis, undefined, (value) => value !== 'refugee_resolution'), and(protection('denied'), former(false))))],
      ['retain', and(lost, test(noticeStatus, undefined, (value) => value === 'active' || value === 'suspended'))],
    ];
    const fired = new Set(rules.filter(([, truth]) => truth === T).map(([outcome]) => outcome));
    return fired.size === 1 ? [...fired][0]! : 'undetermined';
  });
}
