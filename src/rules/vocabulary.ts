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

/** The stable action codes of the bundled rule sets (users may add their own codes). */
export const ACTION_CODES = [
  'request_deletion', 'obtain_status_confirmation', 'monitor_asylum_outcome', 'assess_general_grounds',
  'prepare_restoration_challenge', 'challenge_article_3', 'challenge_article_83', 'cite_extradition_refusal',
  'file_ccf_request', 'follow_up_ccf_deadline', 'request_ccf_revision', 'request_provisional_measures',
  'contest_detention_reliance', 'human_review',
] as const;
/** A bundled action code. */
export type ActionCode = (typeof ACTION_CODES)[number];

/** How a rule counts: it decides, it presumes (a mandatory rule displaces it), or it adds a factor to a weighing. */
export const EFFECTS = ['mandatory', 'presumption', 'factor'] as const;
/** A rule's effect. */
export type Effect = (typeof EFFECTS)[number];

/** What a rule (or a fact) applies to: the whole case, or each notice. */
export const SCOPES = ['case', 'notice'] as const;
/** A rule's scope (and a fact's). */
export type Scope = (typeof SCOPES)[number];
