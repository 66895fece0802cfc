/**
 * The catalogue of derived facts: every name a rule's condition may use, with its scope, type
 * and allowed values. Rule sets are checked against it at load time, and it is the vocabulary
 * of the trace. Yes/no facts are three-valued: `yes`, `no`, or unknown (absent) — an unknown
 * fact never satisfies or fails a condition: the condition is `undetermined`.
 *
 * @module
 */
import { COUNTRY_CODES } from '../case/countries.js';
import { DELETION_BASES } from '../case/schema.js';
import { PROTECTION_STATUSES } from './protection.js';

/** Where a fact lives: once per case, or once per notice. */
export type FactScope = 'case' | 'notice';

/** The value types of facts. */
export type FactType = 'enum' | 'number' | 'date' | 'enum-list';

/** A fact's value; `undefined` means unknown. */
export type FactValue = string | number | readonly string[];

/** One entry of the fact catalogue. */
export interface FactDefinition {
  /** Dotted name used in conditions, e.g. `notice.fromFearedCountry`. */
  readonly name: string;
  /** `case` facts are available to every rule; `notice` facts only to notice-scoped rules. */
  readonly scope: FactScope;
  /** Value type. */
  readonly type: FactType;
  /** The allowed values of an `enum` or the items of an `enum-list`. */
  readonly values?: readonly string[];
  /** What the fact means and how it is derived. */
  readonly description: string;
}

/** The values of a three-valued yes/no fact. */
export const YES_NO = ['yes', 'no'] as const;

/**
 * Every derived fact. Sorted by name.
 */
export const FACT_CATALOGUE: readonly FactDefinition[] = [
  {
    name: 'asylum.historyKnown',
    scope: 'case',
    type: 'enum',
    values: YES_NO,
    description: 'Whether the case states the asylum history (`asylum` present, even empty). Never unknown.',
  },
  {
    name: 'notice.deletionBasis',
    scope: 'notice',
    type: 'enum',
    values: [...DELETION_BASES, 'none'],
    description: 'What the deletion of the notice rested on; `none` when it is not deleted as of `asOf`. Unknown when the notice is deleted without a stated basis, or its status is unknown.',
  },
  {
    name: 'notice.fromFearedCountry',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether the requesting country is named as a country of feared persecution on any host state\'s asylum events (on or before `asOf`). Unknown when it is not named but some host state names no feared country.',
  },
  {
    name: 'notice.kind',
    scope: 'notice',
    type: 'enum',
    values: ['red_notice', 'diffusion'],
    description: 'Red Notice or Diffusion.',
  },
  {
    name: 'notice.formerlyGranted',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether a host state that decides `notice.protectionStatus` had granted refugee status before its present status (e.g. a denial after an earlier grant).',
  },
  {
    name: 'notice.protectionStatus',
    scope: 'notice',
    type: 'enum',
    values: PROTECTION_STATUSES,
    description: 'The protection status that bears on this notice: the strongest status (granted, naturalised, pending, revoked, subsidiary, denied) among the host states whose events name the requesting country as a country of feared persecution; `none` when no host state does. A host state that names no feared country at all might be one of them, which leaves the status unknown where it could change it.',
  },
  {
    name: 'notice.recordedAsDeleted',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether the case records the notice as deleted on or before `asOf` (status `deleted`, with no later `deletedOn`). Never unknown: a notice of unknown status is not recorded as deleted.',
  },
  {
    name: 'notice.requestingCountry',
    scope: 'notice',
    type: 'enum',
    values: COUNTRY_CODES,
    description: 'The country whose National Central Bureau requested the notice or sent the diffusion.',
  },
  {
    name: 'notice.status',
    scope: 'notice',
    type: 'enum',
    values: ['active', 'deleted', 'suspended'],
    description: 'Status of the notice as of `asOf` (a deletion dated after `asOf` leaves it active). Unknown when the case says `unknown`.',
  },
  {
    name: 'notice.statusConfirmed',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether a member country confirmed the refugee status that bears on this notice to the General Secretariat or the CCF, dated on or after the grant in force and on or before `asOf`, with no confirmation of a revocation or denial on the same day or later. `no` when that status is not `granted`.',
  },
  {
    name: 'protection.confirmed',
    scope: 'case',
    type: 'enum',
    values: YES_NO,
    description: 'Whether a member country confirmed the refugee status in force to the General Secretariat or the CCF, on or after the grant and on or before `asOf`, with no later confirmation of a revocation or denial. `no` when no refugee status is in force.',
  },
  {
    name: 'protection.formerlyGranted',
    scope: 'case',
    type: 'enum',
    values: YES_NO,
    description: 'Whether a host state whose status decides had granted refugee status before its present status (e.g. a denial after an earlier grant).',
  },
  {
    name: 'protection.status',
    scope: 'case',
    type: 'enum',
    values: PROTECTION_STATUSES,
    description: 'Overall protection status as of `asOf`: granted, naturalised, pending, revoked, subsidiary, denied or none (in that order of precedence across host states).',
  },
];

const factsByName: ReadonlyMap<string, FactDefinition> = new Map(FACT_CATALOGUE.map((fact) => [fact.name, fact]));

/**
 * Looks a fact up by name.
 *
 * @example
 * ```ts
 * findFact('protection.status')?.values; // ['granted', 'naturalised', …]
 * ```
 */
export function findFact(name: string): FactDefinition | undefined {
  return factsByName.get(name);
}
