/**
 * The catalogue of derived facts: every name a rule's condition may use, with its scope, type
 * and allowed values. Rule sets are checked against it at load time, and it is the vocabulary
 * of the trace. Yes/no facts are three-valued: `yes`, `no`, or unknown (absent) — an unknown
 * fact never satisfies or fails a condition: the condition is `undetermined`.
 *
 * @module
 */
import { COUNTRY_CODES } from '../case/countries.js';
import { DELETION_BASES, EXTRADITION_GROUNDS, JUDICIAL_DATA_ITEMS, OFFENCE_CATEGORIES } from '../case/schema.js';
import { ACTION_CODES, OUTCOMES } from '../rules/schema.js';
import { CCF_REQUEST_STATES, REVISION_GROUNDS } from './ccf.js';
import { PROTECTION_STATUSES } from './protection.js';
import { EXCLUDED_OFFENCE_CATEGORIES, REFUSAL_STRENGTHS } from './route-vocabulary.js';

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
  /**
   * `result` facts are what the first pass of rules decided (a notice's outcome, its actions);
   * rules that read them run in a second pass and cannot decide an outcome themselves.
   */
  readonly source?: 'derived' | 'result';
}

/** The values of a three-valued yes/no fact. */
export const YES_NO = ['yes', 'no'] as const;

/**
 * Every fact a rule may use. Sorted by name.
 */
export const FACT_CATALOGUE: readonly FactDefinition[] = (
  [
  ...(
    [
      ['politicalActivity', 'the person is politically active'],
      ['opposition', 'the person belongs to, or acts for, the political opposition'],
      ['journalistOrDefender', 'the person is a journalist or a human-rights defender'],
      ['offenceOfPoliticalCharacter', 'the offence charged is of a political character'],
      ['chargesFollowPoliticalEvents', 'the charges followed political events (an election, a protest, a falling-out with power)'],
      ['otherCountriesFoundPolitical', 'courts or authorities of other countries found the case political'],
    ] as const
  ).map(
    ([flag, meaning]): FactDefinition => ({
      name: `article3.${flag}`,
      scope: 'case',
      type: 'enum',
      values: YES_NO,
      description: `Whether ${meaning}, as the case states in \`article3.${flag}\`; unknown when it does not say.`,
    }),
  ),
  {
    name: 'asylum.historyKnown',
    scope: 'case',
    type: 'enum',
    values: YES_NO,
    description: 'Whether the case states the asylum history (`asylum` present, even empty). Never unknown.',
  },
  {
    name: 'ccf.accessDecisionDueOn',
    scope: 'case',
    type: 'date',
    description: 'The earliest date by which the CCF should decide a pending, admissible request for access: four months from admissibility (CCF Statute Article 40). Absent when there is none.',
  },
  {
    name: 'ccf.accessDecisionOverdue',
    scope: 'case',
    type: 'enum',
    values: YES_NO,
    description: 'Whether a pending, admissible request for access has passed its four-month time limit as of `asOf`. Unknown when an undecided request has no admissibility date.',
  },
  {
    name: 'notice.actionCodes',
    scope: 'notice',
    type: 'enum-list',
    values: ACTION_CODES,
    source: 'result',
    description: 'The codes of the actions the first pass of rules gave for this notice (rules that fired and were not overridden).',
  },
  {
    name: 'notice.ccfDecisionDueOn',
    scope: 'notice',
    type: 'date',
    description: 'The earliest date by which the CCF should decide a pending, admissible request for deletion covering this notice: nine months from admissibility (CCF Statute Article 40). Absent when there is none.',
  },
  {
    name: 'notice.ccfDecisionOverdue',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether a pending, admissible request for deletion covering this notice has passed its nine-month time limit as of `asOf`. Unknown when an undecided request has no admissibility date.',
  },
  {
    name: 'notice.ccfRequest',
    scope: 'notice',
    type: 'enum',
    values: CCF_REQUEST_STATES,
    description: 'Where the latest request to the CCF for deletion or revision covering this notice stands as of `asOf` (a request naming no notice covers them all): none, awaiting admissibility, pending, decided and the data kept, decided and the data deleted, or inadmissible.',
  },
  {
    name: 'notice.deletionBasis',
    scope: 'notice',
    type: 'enum',
    values: [...DELETION_BASES, 'none'],
    description: 'What the deletion of the notice rested on; `none` when it is not deleted as of `asOf`. Unknown when the notice is deleted without a stated basis, or its status is unknown.',
  },
  {
    name: 'notice.detainedOnNoticeBy',
    scope: 'notice',
    type: 'enum-list',
    values: ['immigration', 'criminal'],
    description: 'The authorities (immigration, criminal) that hold the person on the strength of this notice as of `asOf`, as the case records it (empty when none is recorded).',
  },
  {
    name: 'notice.detainedOnNoticeIn',
    scope: 'notice',
    type: 'enum-list',
    values: COUNTRY_CODES,
    description: 'The countries where the person is held on the strength of this notice as of `asOf`, as the case records it.',
  },
  {
    name: 'notice.detainedOnNoticeSince',
    scope: 'notice',
    type: 'date',
    description: 'The day the earliest current detention on the strength of this notice began. Absent when none is recorded.',
  },
  {
    name: 'notice.detentionOnNotice',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether, as of `asOf`, the person is held by immigration or criminal authorities on the strength of this notice. Unknown when a current detention does not say which notice, if any, it rests on.',
  },
  {
    name: 'notice.excludedOffenceCategories',
    scope: 'notice',
    type: 'enum-list',
    values: EXCLUDED_OFFENCE_CATEGORIES,
    description: 'The offence categories of the notice that RPD Article 83 excludes from Red Notices: private or commercial disputes, family matters, administrative offences, behavioural or cultural norms, and unpaid cheques where no other offence of the notice is a sign of a serious crime. Unknown when the offences are not stated.',
  },
  {
    name: 'notice.extraditionPending',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether an extradition requested by the notice\'s requesting country is pending as of `asOf`.',
  },
  {
    name: 'notice.extraditionRefusal',
    scope: 'notice',
    type: 'enum',
    values: REFUSAL_STRENGTHS,
    description: 'The strongest refusal of extradition requested by the notice\'s requesting country: `rights_based` (political offence, persecution risk, fair trial, human rights, prison conditions), `other_substantive` (limitation, double criminality, insufficient evidence, other), `grounds_not_stated`, `procedural_only` (procedure or nationality only), or `none`.',
  },
  {
    name: 'notice.extraditionRefusalGrounds',
    scope: 'notice',
    type: 'enum-list',
    values: EXTRADITION_GROUNDS,
    description: 'Every ground of every refusal of extradition requested by the notice\'s requesting country.',
  },
  {
    name: 'notice.formerlyGranted',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether a host state that decides `notice.protectionStatus` had granted refugee status before its present status (e.g. a denial after an earlier grant).',
  },
  {
    name: 'notice.fromFearedCountry',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether the requesting country is named as a country of feared persecution on any host state\'s asylum events (on or before `asOf`). Unknown when it is not named but some host state names no feared country.',
  },
  {
    name: 'notice.grantOnPoliticalOpinion',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether a grant of refugee status by a host state that fears the requesting country rests on political opinion (the grant\'s `grounds`). `no` when there is no such grant; unknown when a grant does not state its grounds.',
  },
  {
    name: 'notice.judicialDataIncomplete',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether the case says the notice lacks some of the minimum judicial data (`missingJudicialData` not empty). Unknown when the case does not say.',
  },
  {
    name: 'notice.kind',
    scope: 'notice',
    type: 'enum',
    values: ['red_notice', 'diffusion'],
    description: 'Red Notice or Diffusion.',
  },
  {
    name: 'notice.missingJudicialData',
    scope: 'notice',
    type: 'enum-list',
    values: JUDICIAL_DATA_ITEMS,
    description: 'The items of minimum judicial data the case says the notice lacks.',
  },
  {
    name: 'notice.misuseDocumented',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether a documented pattern of misuse of INTERPOL\'s channels by the requesting country, published on or before `asOf`, is in the evaluator\'s misuse-pattern data.',
  },
  {
    name: 'notice.offenceCategories',
    scope: 'notice',
    type: 'enum-list',
    values: OFFENCE_CATEGORIES,
    description: 'The categories of the notice\'s offences. Unknown when the offences are not stated.',
  },
  {
    name: 'notice.outcome',
    scope: 'notice',
    type: 'enum',
    values: OUTCOMES,
    source: 'result',
    description: 'The outcome the first pass of rules decided for this notice.',
  },
  {
    name: 'notice.penaltyBelowThreshold',
    scope: 'notice',
    type: 'enum',
    values: ['all', 'some', 'none'],
    description: 'How many of the notice\'s offences fall below RPD Article 83\'s penalty threshold for its purpose: prosecution, a maximum penalty under two years; a sentence, under six months imposed or under six months left to serve. Unknown penalties leave the answer open (with its possible values).',
  },
  {
    name: 'notice.politicalOffence',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether the offence is of a political character: an offence of the notice is an insult or defamation, political expression, or extremism or unauthorised protest, or the case says so (`article3.offenceOfPoliticalCharacter`).',
  },
  {
    name: 'notice.protectionStatus',
    scope: 'notice',
    type: 'enum',
    values: PROTECTION_STATUSES,
    description: 'The protection status that bears on this notice: the strongest status (granted, naturalised, pending, revoked, subsidiary, denied) among the host states whose events name the requesting country as a country of feared persecution; `none` when no host state does. A host state that names no feared country at all might be one of them, which leaves the status unknown where it could change it.',
  },
  {
    name: 'notice.purpose',
    scope: 'notice',
    type: 'enum',
    values: ['prosecution', 'sentence'],
    description: 'Whether the person is wanted for prosecution or to serve a sentence.',
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
    name: 'notice.revisionDueOn',
    scope: 'notice',
    type: 'date',
    description: 'The earliest last day for applying for revision of a CCF decision that kept this notice, on a new fact whose six months (CCF Statute Article 42) still run. Absent when there is none.',
  },
  {
    name: 'notice.revisionGrounds',
    scope: 'notice',
    type: 'enum-list',
    values: REVISION_GROUNDS,
    description: 'New facts, after the latest CCF decision that kept this notice, whose six months still run: a grant of refugee status by a host state that fears the requesting country, a refusal of extradition to it, charges dropped.',
  },
  {
    name: 'notice.revisionWindowClosed',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether there are new facts after a CCF decision that kept this notice, but the six months counted from each have passed.',
  },
  {
    name: 'notice.revisionWindowOpen',
    scope: 'notice',
    type: 'enum',
    values: YES_NO,
    description: 'Whether a new fact after a CCF decision that kept this notice can still ground an application for revision (within six months of the fact). Unknown when a refusal of extradition has no date.',
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
    name: 'person.detained',
    scope: 'case',
    type: 'enum',
    values: YES_NO,
    description: 'Whether the case records the person as detained on `asOf` (a detention begun on or before it and not ended by then).',
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
] satisfies FactDefinition[]
).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

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
