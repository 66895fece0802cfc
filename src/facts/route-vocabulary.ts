/**
 * The vocabulary of the route facts: the lists of values they take and the thresholds they
 * apply. Kept apart from the derivation (`routes.ts`) so that the fact catalogue can name the
 * values without importing the code that derives them (an import cycle breaks the bundle).
 *
 * @module
 */
import type { OffenceCategory } from '../case/schema.js';

/** The Article 3 flags of the case model, and the facts they become. */
export const ARTICLE_3_FLAGS = [
  'politicalActivity', 'opposition', 'journalistOrDefender', 'offenceOfPoliticalCharacter',
  'chargesFollowPoliticalEvents', 'otherCountriesFoundPolitical',
] as const;

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
  /** Wanted to serve a sentence: at least six months imposed, and at least six months left. */
  sentenceYears: 0.5,
} as const;
