/**
 * Which states are bound by the treaties that forbid returning a person to persecution or
 * torture: the 1951 Refugee Convention (Article 33), its 1967 Protocol (Article I(1) applies
 * Article 33 to the Protocol's parties) and the Convention against Torture (Article 3). The
 * bundled file (`rules/treaty-parties.json`) cites a source for every entry, and it is
 * PARTIAL: a state listed neither as a party nor as a non-party has an unknown status — never
 * "not a party". Entries whose verification is `unverified` (recalled, not read) count as
 * unknown too. Users replace the file with `createEvaluator({ treatyParties })`.
 *
 * What binds a state (`nonRefoulementBases`): the Convention, or the Protocol only; CAT; and,
 * where the Convention or Protocol does not certainly bind it — a non-party, a state of unknown
 * status, or a state that keeps the Convention's geographic limitation — customary
 * non-refoulement (UNHCR's position).
 *
 * @module
 */
import * as z from 'zod';
import { countryField, identifierField, textField } from '../support/fields.js';
import type { CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';
import { partialDateField, referenceSourceSchema } from './interpol-members.js';
import { BUNDLED_TREATY_PARTIES } from '../bundled.js';
import { publishedBy } from './misuse-patterns.js';

/** The treaties of the file, by key. */
export const TREATY_KEYS = ['refugeeConvention1951', 'refugeeProtocol1967', 'cat'] as const;
/** A treaty of the file. */
export type TreatyKey = (typeof TREATY_KEYS)[number];

/** What binds a state not to return a person to a feared country. */
export const NON_REFOULEMENT_BASES = ['refugee_convention', 'refugee_protocol', 'cat', 'customary'] as const;
/** A basis of non-refoulement. */
export type NonRefoulementBasis = (typeof NON_REFOULEMENT_BASES)[number];

const levelField = z.enum(['primary', 'secondary', 'unverified']);

/** A party to a treaty. */
const partySchema = z.strictObject({
  code: countryField,
  /** When it became a party, as precise as the source gives it; `null` when the source gives no date. */
  date: partialDateField.nullable(),
  /** Ratification, accession, succession… as the source says. */
  type: textField(1, 100),
  source: identifierField(100).nullable(),
  verification: levelField,
  /** Keeps the 1951 Convention's geographic limitation (events in Europe only). */
  geographicLimitation: z.boolean().optional(),
  note: textField(1, 2000).optional(),
});

/** A state shown as not a party. */
const nonPartySchema = z.strictObject({
  code: countryField,
  source: identifierField(100).nullable(),
  verification: levelField,
  note: textField(1, 2000).optional(),
});

/** One treaty's lists. */
const treatySchema = z.strictObject({
  instrument: textField(1, 500),
  partyCount: z.strictObject({ value: z.number().int().min(0).max(300), sources: z.array(identifierField(100)).max(20), note: textField(1, 2000).optional() }),
  parties: z.array(partySchema).max(300),
  nonParties: z.array(nonPartySchema).max(300),
  /** What the lists do not say. */
  unverified: textField(1, 2000),
});

/** The file of treaty parties (`rules/treaty-parties.json`). */
export const treatyPartiesFileSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  id: identifierField(64),
  version: z.string().max(64),
  title: textField(1, 500),
  /** When the lists were compiled. */
  compiledOn: textField(1, 200),
  /** How to read the lists (they are partial). */
  readThis: textField(1, 2000),
  sources: z.record(identifierField(100), referenceSourceSchema),
  treaties: z.strictObject({
    refugeeConvention1951: treatySchema,
    refugeeProtocol1967: treatySchema,
    cat: treatySchema,
  }),
  nonRefoulementFallback: textField(1, 2000),
});

/** The file of treaty parties. */
export type TreatyPartiesFile = z.infer<typeof treatyPartiesFileSchema>;

/** A state's status under one treaty as of a date. */
export type PartyStatus = 'party' | 'non_party' | 'unknown';

/** @internal One treaty's lists, by code: a party from the last day its date can stand for. */
interface TreatyIndex {
  readonly partySince: ReadonlyMap<string, CalendarDate | null>;
  readonly nonParties: ReadonlySet<string>;
  readonly limited: ReadonlySet<string>;
}

/** The treaty lists, indexed. */
export type TreatyLists = Readonly<Record<TreatyKey, TreatyIndex>>;

/**
 * The lists of a file, indexed. Unverified entries are left out: their states count as unknown.
 *
 * @example
 * ```ts
 * import { BUNDLED_TREATY_PARTIES } from '../bundled.js';
 *
 * const lists = treatyLists(treatyPartiesFileSchema.parse(BUNDLED_TREATY_PARTIES));
 * partyStatus(lists, 'refugeeConvention1951', 'TH', '2026-01-01'); // 'non_party'
 * partyStatus(lists, 'cat', 'TH', '2026-01-01'); // 'party'
 * partyStatus(lists, 'refugeeConvention1951', 'GB', '2026-01-01'); // 'unknown'
 * ```
 */
export function treatyLists(file: TreatyPartiesFile): TreatyLists {
  const index = (key: TreatyKey): TreatyIndex => {
    const treaty = file.treaties[key];
    const parties = treaty.parties.filter((party) => party.verification !== 'unverified');
    return {
      partySince: new Map(parties.map((party) => [party.code, party.date === null ? null : publishedBy(party.date)])),
      nonParties: new Set(treaty.nonParties.filter((state) => state.verification !== 'unverified').map((state) => state.code)),
      limited: new Set(parties.filter((party) => party.geographicLimitation === true).map((party) => party.code)),
    };
  };
  return { refugeeConvention1951: index('refugeeConvention1951'), refugeeProtocol1967: index('refugeeProtocol1967'), cat: index('cat') };
}

/**
 * A state's status under a treaty as of `date`: a party (from the last day its date can stand
 * for; a party without a date is a party), a non-party (listed as one, or a party only later),
 * or unknown.
 *
 * @example
 * ```ts
 * const lists = {
 *   refugeeConvention1951: { partySince: new Map([['DE', '1953-12-01']]), nonParties: new Set(['TH']), limited: new Set<string>() },
 *   refugeeProtocol1967: { partySince: new Map(), nonParties: new Set<string>(), limited: new Set<string>() },
 *   cat: { partySince: new Map([['AO', '2019-12-31']]), nonParties: new Set<string>(), limited: new Set<string>() },
 * };
 * partyStatus(lists, 'refugeeConvention1951', 'DE', '2026-01-01'); // 'party'
 * partyStatus(lists, 'cat', 'AO', '2018-06-01'); // 'non_party'
 * partyStatus(lists, 'cat', 'FR', '2026-01-01'); // 'unknown'
 * ```
 */
export function partyStatus(lists: TreatyLists, treaty: TreatyKey, country: string, date: CalendarDate): PartyStatus {
  const index = lists[treaty];
  if (index.partySince.has(country)) {
    const since = index.partySince.get(country);
    return since === null || since === undefined || since <= date ? 'party' : 'non_party';
  }
  return index.nonParties.has(country) ? 'non_party' : 'unknown';
}

/** What binds a set of states not to return a person, and which states' status is unknown. */
export interface NonRefoulementBinding {
  /** The bases that bind at least one of the states. Sorted in the order of `NON_REFOULEMENT_BASES`. */
  readonly bases: readonly NonRefoulementBasis[];
  /** States whose status under the Refugee Convention and its Protocol, or under CAT, the lists do not give. Sorted. */
  readonly statusUnknown: readonly string[];
}

/**
 * What binds `states` not to return a person, as of `date`: the Convention (a party), the
 * Protocol (a party to the Protocol only: it applies Article 33), CAT (a party), and customary
 * non-refoulement wherever the Convention or Protocol does not certainly bind a state (not a
 * party, unknown, or a party that keeps the geographic limitation).
 *
 * @example
 * ```ts
 * import { BUNDLED_TREATY_PARTIES } from '../bundled.js';
 *
 * const lists = treatyLists(treatyPartiesFileSchema.parse(BUNDLED_TREATY_PARTIES));
 * nonRefoulementBinding(lists, ['TH'], '2026-01-01'); // { bases: ['cat', 'customary'], statusUnknown: [] }
 * nonRefoulementBinding(lists, ['US'], '2026-01-01'); // { bases: ['refugee_protocol', 'cat'], statusUnknown: [] }
 * nonRefoulementBinding(lists, ['GB'], '2026-01-01'); // { bases: ['cat', 'customary'], statusUnknown: ['GB'] }
 * ```
 */
export function nonRefoulementBinding(lists: TreatyLists, states: readonly string[], date: CalendarDate): NonRefoulementBinding {
  const bases = new Set<NonRefoulementBasis>();
  const unknown = new Set<string>();
  for (const state of states) {
    const convention = partyStatus(lists, 'refugeeConvention1951', state, date);
    const protocol = partyStatus(lists, 'refugeeProtocol1967', state, date);
    const torture = partyStatus(lists, 'cat', state, date);
    if (convention === 'party') bases.add('refugee_convention');
    else if (protocol === 'party') bases.add('refugee_protocol');
    const certainlyBound = (convention === 'party' && !lists.refugeeConvention1951.limited.has(state)) || (convention !== 'party' && protocol === 'party');
    if (!certainlyBound) bases.add('customary');
    if (torture === 'party') bases.add('cat');
    const conventionKnown = convention === 'party' || protocol === 'party' || (convention === 'non_party' && protocol === 'non_party');
    if (!conventionKnown || torture === 'unknown') unknown.add(state);
  }
  return {
    bases: NON_REFOULEMENT_BASES.filter((basis) => bases.has(basis)),
    statusUnknown: [...unknown].sort(compareStrings),
  };
}

/** @internal The bundled lists, parsed on first use. */
let bundled: TreatyLists | undefined;

/**
 * The bundled treaty lists (`rules/treaty-parties.json`), parsed once.
 *
 * @example
 * ```ts
 * partyStatus(bundledTreatyLists(), 'refugeeProtocol1967', 'US', '2026-01-01'); // 'party'
 * ```
 */
export function bundledTreatyLists(): TreatyLists {
  bundled ??= treatyLists(treatyPartiesFileSchema.parse(BUNDLED_TREATY_PARTIES));
  return bundled;
}
