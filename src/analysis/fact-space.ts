/**
 * The fact space the analysis reasons over: the domain of every fact (from the fact catalogue
 * and the rule sets' own facts: enum values, list items, dates, numbers) and the **invariants**
 * — what the facts of every valid case satisfy together, whatever the case: a notice recorded as
 * deleted has the status `deleted`; the protection bearing on a notice is never stronger than
 * the overall status; a refusal on human-rights grounds makes the refusal `rights_based`; …
 *
 * An invariant must hold for *some* completion of every case's facts — where a fact is unknown,
 * for some value it could have (the values it may still take, when the derivation says so).
 * That is what makes a proof over the space a proof about cases: a rule's conditions that are
 * true for a case stay true for every completion of its unknown facts (three-valued logic is
 * monotone), so if no assignment satisfying the invariants makes them true, no case does. A
 * property test checks every invariant on thousands of generated cases.
 *
 * @module
 */
import { findFact, type FactDefinition } from '../facts/catalogue.js';
import {
  EXCLUDED_OFFENCE_CATEGORIES,
  OTHER_SUBSTANTIVE_GROUNDS,
  POLITICAL_OFFENCE_CATEGORIES,
  PROTECTION_STATUSES,
  REVISION_GROUNDS,
  RIGHTS_BASED_GROUNDS,
  SERIOUS_CRIME_CATEGORIES,
} from '../facts/vocabulary.js';
import { JUDICIAL_DATA_ITEMS, type OffenceCategory } from '../case/schema.js';
import { BUILT_IN_OPERATORS } from '../rules/operators.js';
import type { FactCondition } from '../rules/schema.js';
import type { FactDomain, Formula } from './solver.js';

/** A fact as the analysis sees it: a catalogue entry or a rule set's own fact. */
export type FactInfo = Pick<FactDefinition, 'scope' | 'type' | 'values' | 'source'> & { readonly name: string };

/**
 * The condition of an invariant: comparisons (two-valued: false when the fact is unknown),
 * `{ unknown: fact }`, and `all`, `any`, `not`.
 */
export type InvariantCondition =
  | { readonly all: readonly InvariantCondition[] }
  | { readonly any: readonly InvariantCondition[] }
  | { readonly not: InvariantCondition }
  | { readonly unknown: string }
  | { readonly before: readonly [string, string] }
  | FactCondition;

/** What every valid case's facts satisfy, with what it says in words. */
export interface Invariant {
  /** A short name, shown in proofs. */
  readonly id: string;
  /** What it says. */
  readonly about: string;
  /** The condition every case satisfies (for some completion of the unknown facts that have possible values). */
  readonly condition: InvariantCondition;
}

/**
 * Facts that every case gives a value (the derivation never leaves them unknown). The others may
 * be unknown, which the search counts as a value of their own. A property test checks the list.
 */
export const NEVER_UNKNOWN: ReadonlySet<string> = new Set([
  'asylum.historyKnown', 'notice.kind', 'notice.requestingCountry', 'notice.recordedAsDeleted', 'notice.misuseDocumented',
  'notice.extraditionRefusal', 'notice.extraditionRefusalGrounds', 'notice.extraditionPending', 'notice.detainedOnNoticeBy',
  'notice.detainedOnNoticeIn', 'person.detained', 'notice.outcome', 'notice.actionCodes',
  'case.noticeStanding', 'ccf.requestFiled', 'notice.returnStates', 'notice.nonRefoulementBases', 'notice.treatyStatusUnknown',
  'notice.treatyStatusUnknownIn',
]);

/**
 * The domain of a fact for the search: an enum's allowed values, a list's items, a date or a
 * number. `undefined` for a name that is no fact.
 *
 * @example
 * ```ts
 * import { findFact } from '../facts/catalogue.js';
 *
 * const domain = factDomain(findFact('notice.kind'));
 * domain; // { type: 'enum', values: ['red_notice', 'diffusion'], unknown: false }
 * ```
 */
export function factDomain(fact: FactInfo | undefined): FactDomain | undefined {
  if (fact === undefined) return undefined;
  const unknown = !NEVER_UNKNOWN.has(fact.name);
  switch (fact.type) {
    case 'enum':
      return { type: 'enum', values: fact.values ?? [], unknown };
    case 'enum-list':
      return { type: 'list', items: fact.values ?? [], unknown };
    case 'date':
      return { type: 'date', unknown };
    case 'number':
      return { type: 'number', unknown };
  }
}

/** @internal `fact = value`. */
const is = (fact: string, value: string): FactCondition => ({ fact, operator: 'equal', value });
/** @internal `fact ≠ value`. */
const isNot = (fact: string, value: string): FactCondition => ({ fact, operator: 'notEqual', value });
/** @internal `fact ∈ values`. */
const isIn = (fact: string, values: readonly string[]): FactCondition => ({ fact, operator: 'in', value: [...values] });
/** @internal `item ∈ fact`. */
const has = (fact: string, item: string): FactCondition => ({ fact, operator: 'contains', value: item });
/** @internal `item ∉ fact`. */
const lacks = (fact: string, item: string): FactCondition => ({ fact, operator: 'doesNotContain', value: item });
/** @internal The fact is unknown. */
const unknown = (fact: string): InvariantCondition => ({ unknown: fact });
/** @internal The fact is known. */
const known = (fact: string): InvariantCondition => ({ not: unknown(fact) });
/** @internal The first date fact is before the second (`$asOf`: the date the case is judged at). */
const before = (left: string, right: string): InvariantCondition => ({ before: [left, right] });
/** @internal `a ⇒ b`. */
const implies = (a: InvariantCondition, b: InvariantCondition): InvariantCondition => ({ any: [{ not: a }, b] });
/** @internal `a ⇔ b`. */
const iff = (a: InvariantCondition, b: InvariantCondition): InvariantCondition => ({ any: [{ all: [a, b] }, { all: [{ not: a }, { not: b }] }] });

/** @internal Statuses no stronger than `status` (the overall order, strongest first). */
function noStronger(status: (typeof PROTECTION_STATUSES)[number]): string[] {
  return PROTECTION_STATUSES.slice(PROTECTION_STATUSES.indexOf(status));
}

/** @internal Extradition grounds that are neither rights-based nor substantive: procedure, nationality. */
const PROCEDURAL_GROUNDS = ['procedural', 'nationality'] as const;

/**
 * The invariants of the derivation, over the facts of the catalogue. Each is checked by a
 * property test on generated cases; one that did not hold would make a proof wrong, so an
 * invariant is added only with its reason.
 */
export const INVARIANTS: readonly Invariant[] = [
  // The notice.
  { id: 'deleted-is-recorded', about: 'a notice is recorded as deleted exactly when its status is deleted', condition: iff(is('notice.recordedAsDeleted', 'yes'), is('notice.status', 'deleted')) },
  { id: 'basis-only-when-deleted', about: 'a deletion basis other than "none" only when the notice is deleted', condition: iff(is('notice.deletionBasis', 'none'), isNot('notice.status', 'deleted')) },
  // Protection: the notice's view is the overall view restricted to the host states that fear the requesting country.
  {
    id: 'history-unknown',
    about: 'with the asylum history unknown, no protection fact is known',
    condition: implies(is('asylum.historyKnown', 'no'), { all: ['protection.status', 'notice.protectionStatus', 'notice.fromFearedCountry', 'protection.confirmed', 'notice.statusConfirmed', 'protection.formerlyGranted', 'notice.formerlyGranted', 'notice.grantOnPoliticalOpinion'].map(unknown) }),
  },
  { id: 'history-known', about: 'with the asylum history known, a protection status is known or has the values it could still take', condition: implies(is('asylum.historyKnown', 'yes'), { all: [{ not: unknown('protection.status') }, { not: unknown('notice.protectionStatus') }] }) },
  { id: 'feared-iff-protection', about: 'protection bears on a notice exactly when its requesting country is a country feared', condition: iff(is('notice.fromFearedCountry', 'no'), is('notice.protectionStatus', 'none')) },
  ...PROTECTION_STATUSES.map((status) => ({
    id: `notice-status-within-overall-${status}`,
    about: 'the protection bearing on a notice is never stronger than the overall protection status',
    condition: implies(is('protection.status', status), isIn('notice.protectionStatus', noStronger(status))),
  })),
  { id: 'confirmed-means-granted', about: 'a confirmation counts only for refugee status granted', condition: { all: [implies(is('protection.confirmed', 'yes'), is('protection.status', 'granted')), implies(is('notice.statusConfirmed', 'yes'), is('notice.protectionStatus', 'granted'))] } },
  { id: 'notice-confirmation-counts-overall', about: 'a confirmation that counts for a notice counts for the case', condition: implies(is('notice.statusConfirmed', 'yes'), is('protection.confirmed', 'yes')) },
  { id: 'formerly-granted-has-status', about: 'an earlier grant is known only of a host state that decides a status', condition: { all: [implies(is('notice.formerlyGranted', 'yes'), isNot('notice.protectionStatus', 'none')), implies(is('protection.formerlyGranted', 'yes'), isNot('protection.status', 'none'))] } },
  { id: 'political-grant-is-feared', about: 'a grant on political opinion that bears on a notice comes from a host state that fears its requesting country', condition: implies(is('notice.grantOnPoliticalOpinion', 'yes'), is('notice.fromFearedCountry', 'yes')) },
  // Offences.
  ...EXCLUDED_OFFENCE_CATEGORIES.map((category) => ({
    id: `excluded-${category}-is-an-offence`,
    about: 'an excluded category is one of the notice\'s categories',
    condition: implies(has('notice.excludedOffenceCategories', category), has('notice.offenceCategories', category)),
  })),
  ...EXCLUDED_OFFENCE_CATEGORIES.filter((category) => category !== 'cheque').map((category) => ({
    id: `${category}-is-excluded`,
    about: 'a category RPD Article 83 excludes is among the excluded categories whenever the notice has it',
    condition: implies(has('notice.offenceCategories', category), has('notice.excludedOffenceCategories', category)),
  })),
  {
    id: 'cheque-excluded-alone',
    about: 'an unpaid cheque is excluded exactly when no other offence is a sign of a serious crime',
    condition: iff(has('notice.excludedOffenceCategories', 'cheque'), { all: [has('notice.offenceCategories', 'cheque'), ...SERIOUS_CRIME_CATEGORIES.map((category: OffenceCategory) => lacks('notice.offenceCategories', category))] }),
  },
  ...POLITICAL_OFFENCE_CATEGORIES.map((category) => ({
    id: `${category}-is-political`,
    about: 'an offence of a political category makes the offence political',
    condition: implies(has('notice.offenceCategories', category), is('notice.politicalOffence', 'yes')),
  })),
  { id: 'political-flag', about: 'the case saying the offence is political makes it so', condition: implies(is('article3.offenceOfPoliticalCharacter', 'yes'), is('notice.politicalOffence', 'yes')) },
  { id: 'not-political-needs-the-case-to-say-so', about: 'an offence is found not political only when the case says so', condition: implies(is('notice.politicalOffence', 'no'), is('article3.offenceOfPoliticalCharacter', 'no')) },
  { id: 'political-has-a-reason', about: 'an offence is political because of its category or because the case says so', condition: implies(is('notice.politicalOffence', 'yes'), { any: [is('article3.offenceOfPoliticalCharacter', 'yes'), ...POLITICAL_OFFENCE_CATEGORIES.map((category) => has('notice.offenceCategories', category))] }) },
  { id: 'judicial-data-incomplete', about: 'the judicial data are incomplete exactly when some item is missing', condition: iff(is('notice.judicialDataIncomplete', 'yes'), { any: JUDICIAL_DATA_ITEMS.map((item) => has('notice.missingJudicialData', item)) }) },
  // Extradition: the refusal's strength is the strongest of the refusals' grounds.
  { id: 'no-refusal-no-grounds', about: 'without a refusal there are no grounds of refusal', condition: implies(is('notice.extraditionRefusal', 'none'), { all: [...RIGHTS_BASED_GROUNDS, ...OTHER_SUBSTANTIVE_GROUNDS, ...PROCEDURAL_GROUNDS].map((ground) => lacks('notice.extraditionRefusalGrounds', ground)) }) },
  ...RIGHTS_BASED_GROUNDS.map((ground) => ({
    id: `${ground}-is-rights-based`,
    about: 'a refusal on a ground that mirrors INTERPOL\'s own principles makes the refusal rights-based',
    condition: implies(has('notice.extraditionRefusalGrounds', ground), is('notice.extraditionRefusal', 'rights_based')),
  })),
  ...OTHER_SUBSTANTIVE_GROUNDS.map((ground) => ({
    id: `${ground}-is-substantive`,
    about: 'a refusal on a substantive ground makes the refusal at least substantive',
    condition: implies(has('notice.extraditionRefusalGrounds', ground), isIn('notice.extraditionRefusal', ['rights_based', 'other_substantive'])),
  })),
  { id: 'rights-based-has-a-ground', about: 'a rights-based refusal rests on a rights-based ground', condition: implies(is('notice.extraditionRefusal', 'rights_based'), { any: RIGHTS_BASED_GROUNDS.map((ground) => has('notice.extraditionRefusalGrounds', ground)) }) },
  { id: 'substantive-has-a-ground', about: 'a substantive refusal rests on a substantive ground', condition: implies(is('notice.extraditionRefusal', 'other_substantive'), { any: OTHER_SUBSTANTIVE_GROUNDS.map((ground) => has('notice.extraditionRefusalGrounds', ground)) }) },
  { id: 'procedural-has-a-ground', about: 'a procedural refusal rests on procedure or nationality', condition: implies(is('notice.extraditionRefusal', 'procedural_only'), { any: PROCEDURAL_GROUNDS.map((ground) => has('notice.extraditionRefusalGrounds', ground)) }) },
  // Detention.
  { id: 'detained-on-notice-by', about: 'a person held on the notice is held by immigration or the police, and the other way round', condition: iff(is('notice.detentionOnNotice', 'yes'), { any: [has('notice.detainedOnNoticeBy', 'immigration'), has('notice.detainedOnNoticeBy', 'criminal')] }) },
  { id: 'held-on-notice-is-detained', about: 'a person held on the notice is detained', condition: implies(is('notice.detentionOnNotice', 'yes'), is('person.detained', 'yes')) },
  // Dates and the date judged at.
  { id: 'revision-due-ahead', about: 'a revision still open is due on or after the date judged at', condition: implies(known('notice.revisionDueOn'), { not: before('notice.revisionDueOn', '$asOf') }) },
  { id: 'detained-before', about: 'a detention on the notice began on or before the date judged at', condition: implies(known('notice.detainedOnNoticeSince'), { not: before('$asOf', 'notice.detainedOnNoticeSince') }) },
  { id: 'deleted-before', about: 'a notice deleted by the date judged at was deleted on or before it', condition: implies(known('notice.deletedOn'), { not: before('$asOf', 'notice.deletedOn') }) },
  { id: 'ccf-overdue-is-past-due', about: 'a decision is overdue exactly when its due date is past', condition: { all: [implies(is('notice.ccfDecisionOverdue', 'yes'), { all: [known('notice.ccfDecisionDueOn'), before('notice.ccfDecisionDueOn', '$asOf')] }), implies({ all: [is('notice.ccfDecisionOverdue', 'no'), known('notice.ccfDecisionDueOn')] }, { not: before('notice.ccfDecisionDueOn', '$asOf') })] } },
  { id: 'access-overdue-is-past-due', about: 'an answer to a request for access is overdue exactly when its due date is past', condition: { all: [implies(is('ccf.accessDecisionOverdue', 'yes'), { all: [known('ccf.accessDecisionDueOn'), before('ccf.accessDecisionDueOn', '$asOf')] }), implies({ all: [is('ccf.accessDecisionOverdue', 'no'), known('ccf.accessDecisionDueOn')] }, { not: before('ccf.accessDecisionDueOn', '$asOf') })] } },
  { id: 'no-request-no-dates', about: 'without a request to the CCF covering the notice, nothing of it is due', condition: implies(is('notice.ccfRequest', 'none'), { all: [unknown('notice.ccfDecisionDueOn'), unknown('notice.revisionDueOn')] }) },
  { id: 'political-grant-and-denial', about: 'a grant on political opinion by a host state that now denies is an earlier grant', condition: implies({ all: [is('notice.grantOnPoliticalOpinion', 'yes'), is('notice.protectionStatus', 'denied')] }, is('notice.formerlyGranted', 'yes')) },
  // Requests to the CCF.
  { id: 'no-request-no-deadline', about: 'without a request to the CCF covering the notice, no decision is overdue and no revision is open or closed', condition: implies(is('notice.ccfRequest', 'none'), { all: [is('notice.ccfDecisionOverdue', 'no'), is('notice.revisionWindowOpen', 'no'), is('notice.revisionWindowClosed', 'no'), ...REVISION_GROUNDS.map((ground) => lacks('notice.revisionGrounds', ground))] }) },
  { id: 'revision-open-has-grounds', about: 'a revision window is open exactly when a new fact can still ground it', condition: iff(is('notice.revisionWindowOpen', 'yes'), { any: REVISION_GROUNDS.map((ground) => has('notice.revisionGrounds', ground)) }) },
  { id: 'revision-due-when-open', about: 'a revision is due on a day exactly when a revision window is open', condition: iff(known('notice.revisionDueOn'), is('notice.revisionWindowOpen', 'yes')) },
  { id: 'revision-closed-not-open', about: 'a revision window closed means none is open', condition: implies(is('notice.revisionWindowClosed', 'yes'), { not: is('notice.revisionWindowOpen', 'yes') }) },
  { id: 'revision-asylum-is-feared', about: 'a grant that grounds a revision comes from a host state that fears the requesting country', condition: implies(has('notice.revisionGrounds', 'asylum_granted'), is('notice.fromFearedCountry', 'yes')) },
  { id: 'revision-refusal-is-a-refusal', about: 'a refusal that grounds a revision is a refusal of extradition to the requesting country', condition: implies(has('notice.revisionGrounds', 'extradition_refused'), isNot('notice.extraditionRefusal', 'none')) },
  { id: 'pending-is-not-overdue', about: 'a time limit of the CCF that still runs is not overdue, and is due on or after the date judged at', condition: { all: [implies(is('notice.ccfDecisionPending', 'yes'), { all: [is('notice.ccfDecisionOverdue', 'no'), known('notice.ccfDecisionDueOn'), { not: before('notice.ccfDecisionDueOn', '$asOf') }] }), implies(is('ccf.accessDecisionPending', 'yes'), { all: [is('ccf.accessDecisionOverdue', 'no'), known('ccf.accessDecisionDueOn'), { not: before('ccf.accessDecisionDueOn', '$asOf') }] })] } },
  { id: 'no-request-filed', about: 'without any request to the CCF, no request covers the notice and no answer to a request for access is due', condition: implies(is('ccf.requestFiled', 'no'), { all: [is('notice.ccfRequest', 'none'), unknown('ccf.accessDecisionDueOn')] }) },
  // What the issue-9 facts follow from (appeals, recognition, confirmations to the General Secretariat, grounds of a grant).
  // An unknown status may stand for one of its possible values (the proofs read it either way): these go one way only.
  { id: 'appeals-need-the-status', about: 'what can be appealed is known only where the protection status bearing on the notice is', condition: { all: ['notice.appealableDecision', 'notice.protectionDecisionAppealable', 'notice.protectionDecisionUnderAppeal'].map((fact) => implies(known(fact), known('notice.protectionStatus'))) } },
  { id: 'under-appeal-is-revoked', about: 'a revocation or cessation under appeal leaves the status revoked', condition: { all: [implies(is('notice.protectionDecisionUnderAppeal', 'yes'), is('notice.protectionStatus', 'revoked')), implies(is('protection.decisionUnderAppeal', 'yes'), is('protection.status', 'revoked'))] } },
  { id: 'appealable-has-a-decision', about: 'a decision open to appeal is a denial or a revocation, and only an open one has a deadline to appeal', condition: { all: [implies(is('notice.protectionDecisionAppealable', 'yes'), isNot('notice.appealableDecision', 'none')), implies(known('notice.protectionAppealDueOn'), is('notice.protectionDecisionAppealable', 'yes'))] } },
  { id: 'recognised-when-granted', about: 'a day of recognition is known only when the status bearing on the notice is granted', condition: implies(known('notice.recognisedOn'), is('notice.protectionStatus', 'granted')) },
  { id: 'issued-after-recognition', about: 'a notice issued after the recognition needs the recognition', condition: implies(is('notice.issuedAfterRecognition', 'yes'), known('notice.recognisedOn')) },
  { id: 'kept-after-confirmation', about: 'a notice kept after a confirmation is one not deleted, confirmed to the General Secretariat before the date judged at', condition: implies(is('notice.keptAfterConfirmation', 'yes'), { all: [is('notice.recordedAsDeleted', 'no'), known('notice.confirmedToGeneralSecretariatOn'), before('notice.confirmedToGeneralSecretariatOn', '$asOf')] }) },
  { id: 'grants-are-feared', about: 'a grant on race or religion that bears on a notice comes from a host state that fears its requesting country', condition: { all: [implies(is('notice.grantOnRace', 'yes'), is('notice.fromFearedCountry', 'yes')), implies(is('notice.grantOnReligion', 'yes'), is('notice.fromFearedCountry', 'yes'))] } },
  { id: 'a-notice-stands', about: 'with no notice of the case standing, this one is recorded as deleted', condition: implies(is('case.noticeStanding', 'no'), is('notice.recordedAsDeleted', 'yes')) },
  { id: 'doubt-on-a-sentence', about: 'a doubt on the sentence threshold is about a notice to serve a sentence', condition: implies(is('notice.sentenceThresholdDoubtful', 'yes'), is('notice.purpose', 'sentence')) },
];

/**
 * Invariants that depend on the evaluator's data: a documented pattern of misuse is about the
 * countries the patterns name.
 *
 * @example
 * ```ts
 * dataInvariants(['RU', 'TR'])[0]?.condition; // { any: [{ not: { fact: 'notice.misuseDocumented', operator: 'equal', value: 'yes' } }, { fact: 'notice.requestingCountry', operator: 'in', value: ['RU', 'TR'] }] }
 * ```
 */
export function dataInvariants(patternCountries: readonly string[]): Invariant[] {
  const countries = [...new Set(patternCountries)].sort();
  return [
    {
      id: 'misuse-is-documented-for-a-country',
      about: 'a pattern of misuse is documented only for the countries the misuse data name',
      condition: countries.length === 0 ? { not: is('notice.misuseDocumented', 'yes') } : implies(is('notice.misuseDocumented', 'yes'), isIn('notice.requestingCountry', countries)),
    },
  ];
}

/**
 * The facts an invariant is about (canonical names).
 *
 * @example
 * ```ts
 * invariantFacts(INVARIANTS[0]!); // ['notice.recordedAsDeleted', 'notice.status']
 * ```
 */
export function invariantFacts(invariant: Invariant): string[] {
  const facts = new Set<string>();
  const pending: InvariantCondition[] = [invariant.condition];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if ('all' in current) pending.push(...current.all);
    else if ('any' in current) pending.push(...current.any);
    else if ('not' in current) pending.push(current.not);
    else if ('unknown' in current) facts.add(current.unknown);
    else if ('before' in current) for (const fact of current.before) facts.add(fact);
    else facts.add(current.fact);
  }
  return [...facts].sort();
}

/** @internal Formulas of invariants, built once each (shared by every search). */
const formulas = new WeakMap<Invariant, Formula>();

/**
 * An invariant as a formula: its comparisons two-valued (false on an unknown fact).
 *
 * @example
 * ```ts
 * invariantFormula(INVARIANTS[0]!).kind; // 'or'
 * ```
 */
export function invariantFormula(invariant: Invariant): Formula {
  let formula = formulas.get(invariant);
  if (formula === undefined) {
    const build = (condition: InvariantCondition): Formula => {
      if ('all' in condition) return { kind: 'and', children: condition.all.map(build) };
      if ('any' in condition) return { kind: 'or', children: condition.any.map(build) };
      if ('not' in condition) return { kind: 'not', child: build(condition.not) };
      if ('unknown' in condition) return { kind: 'unknown', fact: condition.unknown };
      if ('before' in condition) return { kind: 'before', left: condition.before[0], right: condition.before[1] };
      const operator = BUILT_IN_OPERATORS.get(condition.operator)!;
      return { kind: 'atom', fact: condition.fact, operator: operator.name, builtIn: true, value: condition.value, test: operator.test, knownOnly: true };
    };
    formula = build(invariant.condition);
    formulas.set(invariant, formula);
  }
  return formula;
}

/** @internal Facts the invariants name that the catalogue does not have (a test keeps it empty). */
export function unknownInvariantFacts(): string[] {
  return [...new Set(INVARIANTS.flatMap(invariantFacts))].filter((name) => findFact(name) === undefined);
}
