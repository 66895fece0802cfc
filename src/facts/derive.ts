/**
 * Fact derivation: from a valid case and a date to the facts of the catalogue, once for the
 * case and once per notice. Events after `asOf` are ignored. An unknown fact is left out of
 * `values`, and `missing` names the input paths that would decide it.
 *
 * @module
 */
import type { Case, Notice } from '../case/schema.js';
import type { CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';
import type { FactValue } from './catalogue.js';
import { deriveProtection, type ProtectionFacts } from './protection.js';

/** Fact values by name, with the input paths that would decide each unknown fact. */
export interface FactSnapshot {
  /** Known values by fact name; a name that is absent is unknown. */
  readonly values: Readonly<Record<string, FactValue>>;
  /**
   * Input paths behind facts that are unknown — or that state that something is unknown, like
   * `asylum.historyKnown: 'no'`. Sorted.
   */
  readonly missing: Readonly<Record<string, readonly string[]>>;
}

/** The facts of one notice (its own and the case's). */
export interface NoticeFacts {
  /** The notice, as given. */
  readonly notice: Notice;
  /** Its index in `notices`. */
  readonly index: number;
  /** Case facts and notice facts together. */
  readonly facts: FactSnapshot;
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

/** @internal A yes/no fact value. */
function yesNo(value: boolean | undefined): 'yes' | 'no' | undefined {
  return value === undefined ? undefined : value ? 'yes' : 'no';
}

/** @internal Collects values and missing paths for a snapshot. */
class SnapshotBuilder {
  readonly values: Record<string, FactValue> = {};
  readonly missing: Record<string, readonly string[]> = {};

  constructor(base?: FactSnapshot) {
    if (base) {
      Object.assign(this.values, base.values);
      Object.assign(this.missing, base.missing);
    }
  }

  set(name: string, value: FactValue | undefined, missing: readonly string[] = []): void {
    if (value !== undefined) this.values[name] = value;
    if (missing.length > 0) this.missing[name] = [...new Set(missing)].sort(compareStrings);
  }

  build(): FactSnapshot {
    return { values: this.values, missing: this.missing };
  }
}

/**
 * Derives every fact of a valid case as of `asOf`.
 *
 * @example
 * ```ts
 * const derived = deriveFacts(validCase, '2025-06-30');
 * derived.notices[0]?.facts.values['notice.fromFearedCountry']; // 'yes'
 * ```
 */
export function deriveFacts(value: Case, asOf: CalendarDate): DerivedCase {
  const protection = deriveProtection(value, asOf);
  const caseBuilder = new SnapshotBuilder();
  caseBuilder.set('asylum.historyKnown', protection.historyKnown ? 'yes' : 'no', protection.historyKnown ? [] : ['asylum']);
  caseBuilder.set('protection.status', protection.status, protection.statusMissing);
  caseBuilder.set('protection.confirmed', yesNo(protection.confirmed), protection.confirmed === undefined ? protection.statusMissing : []);
  caseBuilder.set(
    'protection.formerlyGranted',
    yesNo(protection.formerlyGranted),
    protection.formerlyGranted === undefined ? protection.statusMissing : [],
  );
  const caseFacts = caseBuilder.build();

  const notices = value.notices.map((notice, index): NoticeFacts => {
    const builder = new SnapshotBuilder(caseFacts);
    deriveNoticeFacts(builder, notice, index, protection, asOf);
    return { notice, index, facts: builder.build() };
  });
  return { case: value, asOf, protection, caseFacts, notices };
}

/** @internal The facts of one notice. */
function deriveNoticeFacts(
  builder: SnapshotBuilder,
  notice: Notice,
  index: number,
  protection: ProtectionFacts,
  asOf: CalendarDate,
): void {
  const at = `notices[${index}]`;
  builder.set('notice.kind', notice.kind);
  builder.set('notice.requestingCountry', notice.requestingCountry);

  const given = notice.status ?? 'active';
  const status =
    given === 'unknown' ? undefined : given === 'deleted' && notice.deletedOn !== undefined && notice.deletedOn > asOf ? 'active' : given;
  builder.set('notice.status', status, status === undefined ? [`${at}.status`] : []);
  builder.set('notice.recordedAsDeleted', status === 'deleted' ? 'yes' : 'no');
  if (status === undefined) {
    builder.set('notice.deletionBasis', undefined, [`${at}.status`]);
  } else if (status === 'deleted') {
    builder.set('notice.deletionBasis', notice.deletionBasis, notice.deletionBasis === undefined ? [`${at}.deletionBasis`] : []);
  } else {
    builder.set('notice.deletionBasis', 'none');
  }

  const feared = fromFearedCountry(notice.requestingCountry, protection);
  builder.set('notice.fromFearedCountry', feared.value, feared.missing);
}

/**
 * @internal Whether `country` is feared by the host states whose status decides. `yes` as soon
 * as one deciding state names it; `no` only when every state that could decide names its
 * feared countries and none names it.
 */
function fromFearedCountry(
  country: string,
  protection: ProtectionFacts,
): { value: 'yes' | 'no' | undefined; missing: readonly string[] } {
  if (!protection.historyKnown) return { value: undefined, missing: ['asylum'] };
  const fearedPath = (event: number) => `asylum[${event}].persecutionFearedFrom`;
  if (protection.status === undefined) {
    const everyFearKnown = protection.hosts.every((host) => host.fearedCountriesKnown);
    if (everyFearKnown && !protection.hosts.some((host) => host.fearedCountries.includes(country))) {
      return { value: 'no', missing: [] };
    }
    const unknownFear = protection.hosts.filter((host) => !host.fearedCountriesKnown).map((host) => fearedPath(host.decidingEvent));
    return { value: undefined, missing: [...protection.statusMissing, ...unknownFear] };
  }
  if (protection.decidingHosts.some((host) => host.fearedCountries.includes(country))) return { value: 'yes', missing: [] };
  const missing: string[] = [];
  for (const host of protection.decidingHosts) {
    if (!host.fearedCountriesKnown) missing.push(fearedPath(host.decidingEvent));
  }
  for (const host of protection.possiblyDecidingHosts) {
    if (host.fearedCountries.includes(country)) {
      missing.push(`asylum[${host.decidingEvent}].final`);
    } else if (!host.fearedCountriesKnown) {
      missing.push(`asylum[${host.decidingEvent}].final`, fearedPath(host.decidingEvent));
    }
  }
  return missing.length > 0 ? { value: undefined, missing } : { value: 'no', missing: [] };
}
