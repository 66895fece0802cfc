/**
 * The vocabularies of the derived facts — the lists of values they take — and the thresholds
 * the derivations apply. One declaration each, imported by the fact catalogue, the derivations,
 * the locales and the analysis. Kept apart from the code that derives the facts, so that the
 * fact catalogue names the values without importing any derivation (no import cycle).
 *
 * @module
 */
import type { Case, OffenceCategory } from '../case/schema.js';

/** The values of a three-valued yes/no fact (unknown is the absence of a value). */
export const YES_NO = ['yes', 'no'] as const;

/** Every protection status, from the strongest to the weakest (the overall order). */
export const PROTECTION_STATUSES = ['granted', 'naturalised', 'pending', 'revoked', 'subsidiary', 'denied', 'none'] as const;

/** A person's protection status in one host state, or overall. */
export type ProtectionStatus = (typeof PROTECTION_STATUSES)[number];

/** Where the request to the CCF that covers a notice stands. */
export const CCF_REQUEST_STATES = ['none', 'awaiting_admissibility', 'pending', 'decided_kept', 'decided_deleted', 'inadmissible'] as const;

/** Decisions against the person that can be appealed at home (`notice.appealableDecision`). */
export const APPEALABLE_DECISIONS = ['denial', 'revocation', 'none'] as const;

/** New facts that can ground a revision of a CCF decision. */
export const REVISION_GROUNDS = ['asylum_granted', 'extradition_refused', 'charges_dropped'] as const;

/** How many of a notice's offences fall below RPD Article 83's penalty threshold. */
export const PENALTY_SHARES = ['all', 'some', 'none'] as const;

/** A flag of the case model's Article 3 profile (`article3.*`). */
export type Article3Flag = keyof NonNullable<Case['article3']>;

/** @internal Every flag of the case model, once (a flag added to the case model and not here is a compile error). */
const ARTICLE_3_FLAG_SET: Readonly<Record<Article3Flag, true>> = {
  politicalActivity: true,
  opposition: true,
  journalistOrDefender: true,
  offenceOfPoliticalCharacter: true,
  chargesFollowPoliticalEvents: true,
  otherCountriesFoundPolitical: true,
  persecutedGroup: true,
};

/** The Article 3 flags of the case model, and the facts they become (`article3.<flag>`). */
export const ARTICLE_3_FLAGS = Object.keys(ARTICLE_3_FLAG_SET) as readonly Article3Flag[];

/** Offence categories of a political character (an Article 3 factor). */
export const POLITICAL_OFFENCE_CATEGORIES: readonly OffenceCategory[] = ['defamation_or_insult', 'political_expression', 'extremism_or_unauthorised_protest'];

/** Offence categories RPD Article 83 excludes from Red Notices (cheques: see `excludedCategories`). */
export const EXCLUDED_OFFENCE_CATEGORIES: readonly OffenceCategory[] = [
  'private_dispute', 'commercial_dispute', 'family_matter', 'administrative', 'behavioural_or_cultural_norms', 'cheque',
];

/** Offence categories that are a sign of a serious crime (an unpaid cheque beside them is not excluded). */
export const SERIOUS_CRIME_CATEGORIES: readonly OffenceCategory[] = [
  'violent', 'terrorism', 'drug_trafficking', 'organised_crime', 'fraud', 'corruption', 'money_laundering', 'tax',
];

/** Extradition grounds that mirror INTERPOL's own principles (human rights, political character). */
export const RIGHTS_BASED_GROUNDS = ['political_offence', 'persecution_risk', 'fair_trial', 'human_rights', 'prison_conditions'] as const;
/** Extradition grounds that are substantive but not rights-based. */
export const OTHER_SUBSTANTIVE_GROUNDS = ['statute_of_limitations', 'double_criminality', 'insufficient_evidence', 'other'] as const;

/** How much a refusal of extradition weighs, strongest first. */
export const REFUSAL_STRENGTHS = ['rights_based', 'other_substantive', 'grounds_not_stated', 'procedural_only', 'none'] as const;

/** Penalty thresholds of RPD Article 83, in years. */
export const PENALTY_THRESHOLDS = {
  /** Wanted for prosecution: the maximum penalty must be at least two years. */
  prosecutionMaximumYears: 2,
  /**
   * Wanted to serve a sentence: at least six months imposed "and/or" at least six months left
   * (RPD Article 83(1)(a)(ii)).
   */
  sentenceYears: 0.5,
} as const;
