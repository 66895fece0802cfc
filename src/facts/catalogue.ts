/**
 * The catalogue of derived facts: every name a rule's condition may use, with its scope, type
 * and the vocabulary of its values. It is the one source of fact names: `FactName` (from it)
 * types the derivations that set facts, the fact labels of every locale and the analysis, so
 * that a fact added here and not derived or not labelled is a compile error. Rule sets are
 * checked against it at load time, and it is the vocabulary of the trace. Yes/no facts are
 * three-valued: `yes`, `no`, or unknown (absent) — an unknown fact never satisfies or fails a
 * condition: the condition is `undetermined`.
 *
 * Adding a fact: one entry here, its derivation (`builder.set('the.fact', …)`, type-checked
 * against the entry), and its label in every locale (`src/locales/*.ts`, type-checked too).
 *
 * @module
 */
import { COUNTRY_CODES } from '../support/countries.js';
import {
  DELETION_BASES,
  DETAINING_AUTHORITIES,
  EXTRADITION_GROUNDS,
  JUDICIAL_DATA_ITEMS,
  KNOWN_NOTICE_STATUSES,
  NOTICE_KINDS,
  NOTICE_PURPOSES,
  OFFENCE_CATEGORIES,
} from '../case/schema.js';
import { NON_REFOULEMENT_BASES } from '../context/treaty-parties.js';
import { ACTION_CODES, OUTCOMES, type Scope } from '../rules/vocabulary.js';
import type { CalendarDate } from '../support/dates.js';
import {
  APPEALABLE_DECISIONS,
  CCF_REQUEST_STATES,
  EXCLUDED_OFFENCE_CATEGORIES,
  PENALTY_SHARES,
  PROTECTION_STATUSES,
  REFUSAL_STRENGTHS,
  REVISION_GROUNDS,
  YES_NO,
  type Article3Flag,
} from './vocabulary.js';

/** Where a fact lives: once per case, or once per notice. */
export type FactScope = Scope;

/** The value types of facts. */
export const FACT_TYPES = ['enum', 'number', 'date', 'enum-list'] as const;

/** The value type of a fact. */
export type FactType = (typeof FACT_TYPES)[number];

/** A fact's value; `undefined` means unknown. */
export type FactValue = string | number | readonly string[];

/**
 * The vocabularies enum facts take their values from, by name. Each is declared once (in the
 * case model, the rule-set format or `facts/vocabulary.ts`); locales label the values vocabulary
 * by vocabulary, so that one word can take different forms in different vocabularies.
 */
export const FACT_VOCABULARIES = {
  actionCode: ACTION_CODES,
  appealableDecision: APPEALABLE_DECISIONS,
  ccfRequestState: CCF_REQUEST_STATES,
  country: COUNTRY_CODES,
  detainingAuthority: DETAINING_AUTHORITIES,
  extraditionGround: EXTRADITION_GROUNDS,
  judicialDataItem: JUDICIAL_DATA_ITEMS,
  noticeDeletionBasis: [...DELETION_BASES, 'none'],
  noticeKind: NOTICE_KINDS,
  noticePurpose: NOTICE_PURPOSES,
  noticeStatus: KNOWN_NOTICE_STATUSES,
  nonRefoulementBasis: NON_REFOULEMENT_BASES,
  offenceCategory: OFFENCE_CATEGORIES,
  outcome: OUTCOMES,
  penaltyShare: PENALTY_SHARES,
  protectionStatus: PROTECTION_STATUSES,
  refusalStrength: REFUSAL_STRENGTHS,
  revisionGround: REVISION_GROUNDS,
  yesNo: YES_NO,
} as const;

/** The name of a vocabulary of fact values. */
export type VocabularyName = keyof typeof FACT_VOCABULARIES;

/** A value of a vocabulary. */
export type VocabularyValue<V extends VocabularyName> = (typeof FACT_VOCABULARIES)[V][number];

/**
 * @internal An entry of the catalogue as written below: its name is its key, and `values`, when
 * given, are the part of the vocabulary allowed (default: all of it).
 */
type FactSpec = Omit<FactDefinition, 'name'>;

/** @internal A fact of the Article 3 profile, from its flag and what it means. */
function article3Fact(flag: Article3Flag, meaning: string) {
  return {
    scope: 'case',
    type: 'enum',
    vocabulary: 'yesNo',
    description: `Whether ${meaning}, as the case states in \`article3.${flag}\`; unknown when it does not say.`,
  } as const satisfies FactSpec;
}

/** @internal Every fact, by name. */
const FACTS = {
  'article3.politicalActivity': article3Fact('politicalActivity', 'the person is politically active'),
  'article3.opposition': article3Fact('opposition', 'the person belongs to, or acts for, the political opposition'),
  'article3.journalistOrDefender': article3Fact('journalistOrDefender', 'the person is a journalist or a human-rights defender'),
  'article3.offenceOfPoliticalCharacter': article3Fact('offenceOfPoliticalCharacter', 'the offence charged is of a political character'),
  'article3.chargesFollowPoliticalEvents': article3Fact('chargesFollowPoliticalEvents', 'the charges followed political events (an election, a protest, a falling-out with power)'),
  'article3.otherCountriesFoundPolitical': article3Fact('otherCountriesFoundPolitical', 'courts or authorities of other countries found the case political'),
  'article3.persecutedGroup': article3Fact('persecutedGroup', 'the person belongs to a religious or ethnic group that the requesting state persecutes'),
  'asylum.historyKnown': {
    scope: 'case', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether the case states the asylum history (`asylum` present, even empty). Never unknown.',
  },
  'ccf.accessDecisionDueOn': {
    scope: 'case', type: 'date',
    description: 'The earliest date by which the CCF should decide a pending, admissible request for access: four months from admissibility (CCF Statute Article 40). Absent when there is none.',
  },
  'case.noticeStanding': {
    scope: 'case', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether at least one notice of the case is not recorded as deleted as of `asOf`. Never unknown.',
  },
  'ccf.accessDecisionPending': {
    scope: 'case', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether a pending, admissible request for access has a time limit (`ccf.accessDecisionDueOn`) that has not passed as of `asOf`. Unknown when an undecided request has no admissibility date.',
  },
  'ccf.accessDecisionOverdue': {
    scope: 'case', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether a pending, admissible request for access has passed its four-month time limit as of `asOf`. Unknown when an undecided request has no admissibility date.',
  },
  'ccf.requestFiled': {
    scope: 'case', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether any request to the CCF (access, deletion or revision) was filed on or before `asOf`. Never unknown.',
  },
  'notice.actionCodes': {
    scope: 'notice', type: 'enum-list', vocabulary: 'actionCode', source: 'result',
    description: 'The codes of the actions the first pass of rules gave for this notice (rules that fired and were not overridden).',
  },
  'notice.ccfDecisionDueOn': {
    scope: 'notice', type: 'date',
    description: 'The earliest date by which the CCF should decide a pending, admissible request for deletion covering this notice: nine months from admissibility (CCF Statute Article 40). Absent when there is none.',
  },
  'notice.appealableDecision': {
    scope: 'notice', type: 'enum', vocabulary: 'appealableDecision',
    description: 'The decision against the person that decides `notice.protectionStatus`, when it is one that can be appealed at home: a denial (or a dismissed appeal against one), or a revocation or cessation of refugee status (or a dismissed appeal against one); `none` otherwise. Unknown when the protection status is.',
  },
  'notice.ccfDecisionPending': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether a pending, admissible request for deletion covering this notice has a time limit (`notice.ccfDecisionDueOn`) that has not passed as of `asOf`. Unknown when an undecided request has no admissibility date.',
  },
  'notice.ccfDecisionOverdue': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether a pending, admissible request for deletion covering this notice has passed its nine-month time limit as of `asOf`. Unknown when an undecided request has no admissibility date.',
  },
  'notice.ccfRequest': {
    scope: 'notice', type: 'enum', vocabulary: 'ccfRequestState',
    description: 'Where the latest request to the CCF for deletion or revision covering this notice stands as of `asOf` (a request naming no notice covers them all): none, awaiting admissibility, pending, decided and the data kept, decided and the data deleted, or inadmissible.',
  },
  'notice.deletedOn': {
    scope: 'notice', type: 'date',
    description: 'The day the notice was deleted, when the case records it as deleted on or before `asOf` and gives the day. Absent otherwise. A deadline may count from it (for example, telling the host country\'s National Central Bureau within 14 days).',
  },
  'notice.deletionBasis': {
    scope: 'notice', type: 'enum', vocabulary: 'noticeDeletionBasis',
    description: 'What the deletion of the notice rested on; `none` when it is not deleted as of `asOf`. Unknown when the notice is deleted without a stated basis, or its status is unknown.',
  },
  'notice.detainedOnNoticeBy': {
    scope: 'notice', type: 'enum-list', vocabulary: 'detainingAuthority',
    description: 'The authorities (immigration, criminal) that hold the person on the strength of this notice as of `asOf`, as the case records it (empty when none is recorded).',
  },
  'notice.detainedOnNoticeIn': {
    scope: 'notice', type: 'enum-list', vocabulary: 'country',
    description: 'The countries where the person is held on the strength of this notice as of `asOf`, as the case records it.',
  },
  'notice.detainedOnNoticeSince': {
    scope: 'notice', type: 'date',
    description: 'The day the earliest current detention on the strength of this notice began. Absent when none is recorded.',
  },
  'notice.detentionOnNotice': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether, as of `asOf`, the person is held by immigration or criminal authorities on the strength of this notice. Unknown when a current detention does not say which notice, if any, it rests on.',
  },
  'notice.excludedOffenceCategories': {
    scope: 'notice', type: 'enum-list', vocabulary: 'offenceCategory', values: EXCLUDED_OFFENCE_CATEGORIES,
    description: 'The offence categories of the notice that RPD Article 83 excludes from Red Notices: private or commercial disputes, family matters, administrative offences, behavioural or cultural norms, and unpaid cheques where no other offence of the notice is a sign of a serious crime. Unknown when the offences are not stated.',
  },
  'notice.extraditionPending': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether an extradition requested by the notice\'s requesting country is pending as of `asOf`.',
  },
  'notice.extraditionRefusal': {
    scope: 'notice', type: 'enum', vocabulary: 'refusalStrength',
    description: 'The strongest refusal of extradition requested by the notice\'s requesting country: `rights_based` (political offence, persecution risk, fair trial, human rights, prison conditions), `other_substantive` (limitation, double criminality, insufficient evidence, other), `grounds_not_stated`, `procedural_only` (procedure or nationality only), or `none`.',
  },
  'notice.extraditionRefusalGrounds': {
    scope: 'notice', type: 'enum-list', vocabulary: 'extraditionGround',
    description: 'Every ground of every refusal of extradition requested by the notice\'s requesting country.',
  },
  'notice.formerlyGranted': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether a host state that decides `notice.protectionStatus` had granted refugee status before its present status (e.g. a denial after an earlier grant).',
  },
  'notice.fromFearedCountry': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether the requesting country is named as a country of feared persecution on any host state\'s asylum events (on or before `asOf`). Unknown when it is not named but some host state names no feared country.',
  },
  'notice.confirmedToGeneralSecretariatOn': {
    scope: 'notice', type: 'date',
    description: 'When the refugee status bearing on this notice is confirmed (`notice.statusConfirmed`): the date of the earliest confirmation that counts and went to INTERPOL\'s General Secretariat. Absent when none did.',
  },
  'notice.grantOnPoliticalOpinion': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether a grant of refugee status by a host state that fears the requesting country rests on political opinion (the grant\'s `grounds`). `no` when there is no such grant; unknown when a grant does not state its grounds.',
  },
  'notice.grantOnRace': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether a grant of refugee status by a host state that fears the requesting country rests on race (the grant\'s `grounds`). `no` when there is no such grant; unknown when a grant does not state its grounds.',
  },
  'notice.grantOnReligion': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether a grant of refugee status by a host state that fears the requesting country rests on religion (the grant\'s `grounds`). `no` when there is no such grant; unknown when a grant does not state its grounds.',
  },
  'notice.issuedAfterRecognition': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether the notice was issued (`issuedOn`) after the grant of the refugee status bearing on it (`notice.recognisedOn`). `no` when that status is not `granted`; unknown when the notice\'s issue date is not stated.',
  },
  'notice.judicialDataIncomplete': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether the case says the notice lacks some of the minimum judicial data (`missingJudicialData` not empty). Unknown when the case does not say.',
  },
  'notice.keptAfterConfirmation': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether the notice is not recorded as deleted although a member country confirmed the refugee status bearing on it to the General Secretariat (`notice.confirmedToGeneralSecretariatOn`) before `asOf`.',
  },
  'notice.kind': {
    scope: 'notice', type: 'enum', vocabulary: 'noticeKind',
    description: 'Red Notice or Diffusion.',
  },
  'notice.missingJudicialData': {
    scope: 'notice', type: 'enum-list', vocabulary: 'judicialDataItem',
    description: 'The items of minimum judicial data the case says the notice lacks.',
  },
  'notice.misuseDocumented': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether a documented pattern of misuse of INTERPOL\'s channels by the requesting country, published on or before `asOf`, is in the evaluator\'s misuse-pattern data.',
  },
  'notice.nonRefoulementBases': {
    scope: 'notice', type: 'enum-list', vocabulary: 'nonRefoulementBasis',
    description: 'What binds the states that could return the person to the requesting country (`notice.returnStates`) not to do so, from the bundled, dated treaty lists: the 1951 Refugee Convention (a party), its 1967 Protocol (a party to the Protocol only), the Convention against Torture (a party), and customary non-refoulement wherever the Convention or Protocol does not certainly bind one of them (not a party, status not in the lists, or a party that keeps the geographic limitation). Empty when there is no such state.',
  },
  'notice.offenceCategories': {
    scope: 'notice', type: 'enum-list', vocabulary: 'offenceCategory',
    description: 'The categories of the notice\'s offences. Unknown when the offences are not stated.',
  },
  'notice.outcome': {
    scope: 'notice', type: 'enum', vocabulary: 'outcome', source: 'result',
    description: 'The outcome the first pass of rules decided for this notice.',
  },
  'notice.penaltyBelowThreshold': {
    scope: 'notice', type: 'enum', vocabulary: 'penaltyShare',
    description: 'How many of the notice\'s offences fall below RPD Article 83\'s penalty threshold for its purpose: prosecution, a maximum penalty under two years; a sentence, under six months imposed (the RPD asks for six months imposed "and/or" six months left, so a sentence of six months or more is not below it, whatever is left: see `notice.sentenceThresholdDoubtful`). Unknown penalties leave the answer open (with its possible values).',
  },
  'notice.politicalOffence': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether the offence is of a political character: an offence of the notice is an insult or defamation, political expression, or extremism or unauthorised protest, or the case says so (`article3.offenceOfPoliticalCharacter`).',
  },
  'notice.protectionAppealDueOn': {
    scope: 'notice', type: 'date',
    description: 'The last day to appeal the decision `notice.appealableDecision` at home, as the case gives it (`asylum[].appealDeadline`; national law sets it). Absent when the case does not give it.',
  },
  'notice.protectionDecisionAppealable': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether the decision `notice.appealableDecision` is open to appeal at home as of `asOf`, as far as the case shows, with no appeal filed yet: `no` when the case says it is final (`final: true`), or gives an appeal deadline that has passed without saying it is not final; `yes` otherwise (the deadline, if not given, is then named as missing). Unknown only when the protection status is.',
  },
  'notice.protectionDecisionUnderAppeal': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether the protection status bearing on this notice is `revoked` by a revocation or cessation under appeal (an appeal filed after it and not decided). The status stays `revoked` while the appeal runs.',
  },
  'notice.protectionHosts': {
    scope: 'notice', type: 'enum-list', vocabulary: 'country',
    description: 'The host states whose status decides `notice.protectionStatus` (they name the requesting country as feared). Empty when none does; unknown when the status is.',
  },
  'notice.protectionStatus': {
    scope: 'notice', type: 'enum', vocabulary: 'protectionStatus',
    description: 'The protection status that bears on this notice: the strongest status (granted, naturalised, pending, revoked, subsidiary, denied) among the host states whose events name the requesting country as a country of feared persecution; `none` when no host state does. A host state that names no feared country at all might be one of them, which leaves the status unknown where it could change it.',
  },
  'notice.purpose': {
    scope: 'notice', type: 'enum', vocabulary: 'noticePurpose',
    description: 'Whether the person is wanted for prosecution or to serve a sentence.',
  },
  'notice.recognisedOn': {
    scope: 'notice', type: 'date',
    description: 'When the protection status bearing on this notice is `granted`: the day of the earliest grant in force among the host states that decide it. Absent otherwise.',
  },
  'notice.recordedAsDeleted': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether the case records the notice as deleted on or before `asOf` (status `deleted`, with no later `deletedOn`). Never unknown: a notice of unknown status is not recorded as deleted.',
  },
  'notice.requestingCountry': {
    scope: 'notice', type: 'enum', vocabulary: 'country',
    description: 'The country whose National Central Bureau requested the notice or sent the diffusion.',
  },
  'notice.returnStates': {
    scope: 'notice', type: 'enum-list', vocabulary: 'country',
    description: 'The states that could return the person to the requesting country: the requested state of a pending extradition it asked for and a state holding the person on this notice — or, when there is none, the host states whose protection bears on the notice. Never unknown (as the case records them).',
  },
  'notice.revisionDueOn': {
    scope: 'notice', type: 'date',
    description: 'The earliest last day for applying for revision of a CCF decision that kept this notice, on a new fact whose six months (CCF Statute Article 42) still run. Absent when there is none.',
  },
  'notice.revisionGrounds': {
    scope: 'notice', type: 'enum-list', vocabulary: 'revisionGround',
    description: 'New facts, after the latest CCF decision that kept this notice, whose six months still run: a grant of refugee status by a host state that fears the requesting country, a refusal of extradition to it, charges dropped.',
  },
  'notice.revisionWindowClosed': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether there are new facts after a CCF decision that kept this notice, but the six months counted from each have passed.',
  },
  'notice.revisionWindowOpen': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether a new fact after a CCF decision that kept this notice can still ground an application for revision (within six months of the fact). Unknown when a refusal of extradition has no date.',
  },
  'notice.sentenceThresholdDoubtful': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'For a notice to serve a sentence: whether an offence has a sentence of at least six months imposed but less than six months left to serve. RPD Article 83(1)(a)(ii) says "and/or": read literally the sentence imposed meets the threshold, but how INTERPOL applies the two limbs was not found. Unknown when the sentence left is not stated for such a sentence.',
  },
  'notice.status': {
    scope: 'notice', type: 'enum', vocabulary: 'noticeStatus',
    description: 'Status of the notice as of `asOf` (a deletion dated after `asOf` leaves it active). Unknown when the case says `unknown`.',
  },
  'notice.statusConfirmed': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether a member country confirmed the refugee status that bears on this notice to the General Secretariat or the CCF, dated on or after the grant in force and on or before `asOf`, with no confirmation of a revocation or denial on the same day or later. `no` when that status is not `granted`.',
  },
  'notice.treatyStatusUnknown': {
    scope: 'notice', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether the bundled treaty lists do not say, for one of `notice.returnStates`, whether it is a party to the Refugee Convention (or its Protocol) or to the Convention against Torture (`notice.treatyStatusUnknownIn`). The lists are partial: unknown is never read as "not a party".',
  },
  'notice.treatyStatusUnknownIn': {
    scope: 'notice', type: 'enum-list', vocabulary: 'country',
    description: 'The states of `notice.returnStates` whose party status the bundled treaty lists do not give.',
  },
  'person.detained': {
    scope: 'case', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether the case records the person as detained on `asOf` (a detention begun on or before it and not ended by then).',
  },
  'protection.confirmed': {
    scope: 'case', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether a member country confirmed the refugee status in force to the General Secretariat or the CCF, on or after the grant and on or before `asOf`, with no later confirmation of a revocation or denial. `no` when no refugee status is in force.',
  },
  'protection.decisionUnderAppeal': {
    scope: 'case', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether the overall status is `revoked` by a revocation or cessation under appeal (an appeal filed after it and not decided).',
  },
  'protection.formerlyGranted': {
    scope: 'case', type: 'enum', vocabulary: 'yesNo',
    description: 'Whether a host state whose status decides had granted refugee status before its present status (e.g. a denial after an earlier grant).',
  },
  'protection.status': {
    scope: 'case', type: 'enum', vocabulary: 'protectionStatus',
    description: 'Overall protection status as of `asOf`: granted, naturalised, pending, revoked, subsidiary, denied or none (in that order of precedence across host states).',
  },
} as const satisfies Readonly<Record<string, FactSpec>>;

/** The name of a derived fact, e.g. `notice.fromFearedCountry`. */
export type FactName = keyof typeof FACTS;

/** @internal What the entry of a fact says. */
type SpecOf<N extends FactName> = (typeof FACTS)[N];

/**
 * The values a fact can take, from its catalogue entry: a value of its vocabulary (a list of
 * them for an `enum-list`), a calendar date, or a number. Action codes are an open vocabulary
 * (rule sets add their own), so `notice.actionCodes` holds any strings.
 */
export type FactValueOf<N extends FactName> =
  SpecOf<N> extends { readonly vocabulary: infer V extends VocabularyName }
    ? VocabularyValueOf<V, SpecOf<N>['type']>
    : SpecOf<N>['type'] extends 'date'
      ? CalendarDate
      : number;

/** @internal An enum value, or a list of them. */
type VocabularyValueOf<V extends VocabularyName, T> = T extends 'enum-list' ? readonly ItemOf<V>[] : ItemOf<V>;
/** @internal One value of a vocabulary (any string for the open vocabulary of action codes). */
type ItemOf<V extends VocabularyName> = V extends 'actionCode' ? string : VocabularyValue<V>;

/** One entry of the fact catalogue. */
export interface FactDefinition {
  /** Dotted name used in conditions, e.g. `notice.fromFearedCountry`. */
  readonly name: FactName;
  /** `case` facts are available to every rule; `notice` facts only to notice-scoped rules. */
  readonly scope: FactScope;
  /** Value type. */
  readonly type: FactType;
  /** The vocabulary of the values of an `enum` or the items of an `enum-list`. */
  readonly vocabulary?: VocabularyName;
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

/**
 * Every fact a rule may use. Sorted by name.
 */
export const FACT_CATALOGUE: readonly FactDefinition[] = (Object.entries(FACTS) as Array<[FactName, FactSpec]>)
  .map(([name, spec]): FactDefinition => {
    const values = spec.values ?? (spec.vocabulary === undefined ? undefined : FACT_VOCABULARIES[spec.vocabulary]);
    return {
      name,
      scope: spec.scope,
      type: spec.type,
      ...(spec.vocabulary === undefined ? {} : { vocabulary: spec.vocabulary }),
      ...(values === undefined ? {} : { values }),
      description: spec.description,
      ...(spec.source === undefined ? {} : { source: spec.source }),
    };
  })
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const factsByName: ReadonlyMap<string, FactDefinition> = new Map(FACT_CATALOGUE.map((fact) => [fact.name, fact]));

/**
 * Looks a fact up by name.
 *
 * @example
 * ```ts
 * findFact('protection.status')?.values; // ['granted', 'naturalised', 'pending', 'revoked', 'subsidiary', 'denied', 'none']
 * findFact('no.such.fact'); // undefined
 * ```
 */
export function findFact(name: string): FactDefinition | undefined {
  return factsByName.get(name);
}
