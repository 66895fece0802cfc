/**
 * The vocabularies of the rule-set format: outcomes, priorities, action codes, effects and
 * scopes. One declaration each, in a module that imports nothing, so that the fact catalogue,
 * the result types and the locales can name them without depending on the format's schemas.
 *
 * @module
 */

/** Outcomes a rule may decide for a notice (docs/semantics.md, "The outcome table"). */
export const OUTCOMES = [
  'delete', 'delete_once_confirmed', 'pending_asylum', 'retain', 'restore_possible', 'not_applicable', 'undetermined',
] as const;
/** An outcome for a notice. */
export type Outcome = (typeof OUTCOMES)[number];

/** Action priorities, most pressing first. */
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
/** How pressing an action is. */
export type Priority = (typeof PRIORITIES)[number];
/** @internal Each priority's position in `PRIORITIES` (0: most pressing), for comparators. */
export const PRIORITY_RANK = Object.fromEntries(PRIORITIES.map((priority, rank) => [priority, rank])) as Readonly<Record<Priority, number>>;

/** The stable action codes of the bundled rule sets (users may add their own codes). */
export const ACTION_CODES = [
  'request_deletion', 'obtain_status_confirmation', 'monitor_asylum_outcome', 'assess_general_grounds',
  'prepare_restoration_challenge', 'challenge_article_3', 'challenge_article_83', 'cite_extradition_refusal',
  'file_ccf_request', 'follow_up_ccf_deadline', 'request_ccf_revision', 'request_provisional_measures',
  'contest_detention_reliance', 'human_review', 'request_ccf_access', 'invoke_non_refoulement',
  'request_national_data_deletion', 'appeal_protection_decision', 'advise_travel_risk', 'document_misuse_pattern',
] as const;
/** A bundled action code. */
export type ActionCode = (typeof ACTION_CODES)[number];

/**
 * Pairs of actions that must never be given for the same notice: one replaces the other, or they
 * rest on statuses that exclude each other. The bundled rule sets are written so that no result
 * holds both (a property test checks it over generated cases); rule sets of your own can be
 * checked against the same list.
 */
export const ACTION_CONTRADICTIONS = [
  { codes: ['request_deletion', 'file_ccf_request'], why: 'A notice the refugee provisions require INTERPOL to delete gets the deletion request under them, which takes the place of a general request to the CCF.' },
  { codes: ['request_deletion', 'obtain_status_confirmation'], why: 'Refugee status is either confirmed to INTERPOL or not.' },
  { codes: ['request_deletion', 'monitor_asylum_outcome'], why: 'A granted status and a pending claim exclude each other.' },
  { codes: ['request_deletion', 'prepare_restoration_challenge'], why: 'A granted status and a lost one exclude each other.' },
  { codes: ['request_deletion', 'appeal_protection_decision'], why: 'A granted status leaves no decision against the person to appeal.' },
  { codes: ['obtain_status_confirmation', 'prepare_restoration_challenge'], why: 'A granted status and a lost one exclude each other.' },
  { codes: ['monitor_asylum_outcome', 'prepare_restoration_challenge'], why: 'A pending claim and a lost status exclude each other.' },
  { codes: ['file_ccf_request', 'follow_up_ccf_deadline'], why: 'A new request is for a notice that no pending request covers; a time limit to follow is that of a pending request.' },
] as const satisfies ReadonlyArray<{ readonly codes: readonly [ActionCode, ActionCode]; readonly why: string }>;

/** How a rule counts: it decides, it presumes (a mandatory rule displaces it), or it adds a factor to a weighing. */
export const EFFECTS = ['mandatory', 'presumption', 'factor'] as const;
/** A rule's effect. */
export type Effect = (typeof EFFECTS)[number];

/** What a rule (or a fact) applies to: the whole case, or each notice. */
export const SCOPES = ['case', 'notice'] as const;
/** A rule's scope (and a fact's). */
export type Scope = (typeof SCOPES)[number];
