/**
 * The codes of what comes after the rules: why an action has its priority (the urgency
 * policy), why an action comes first, the kind and state of a deadline, the roles of action
 * codes in the order of work, and the questions and their answers. Declared once here — words
 * are in the locales, keyed by these codes — and importing nothing, so that the result types,
 * the catalogues and the modules that compute them all read the same lists.
 *
 * @module
 */

/**
 * Why an action has its priority, as the urgency policy states it (docs/semantics.md, "The
 * order of work"): a live detention on the notice, a detention of the person (for an action that
 * acts on it), a pending extradition, a deadline within 14 days; or, for the other priorities,
 * the rule's own priority, an escalation rule, an urgent action without an urgency ground, or an
 * urgent action beyond the first three.
 */
export const PRIORITY_REASON_CODES = [
  'detention_on_notice',
  'person_detained',
  'extradition_pending',
  'deadline_within_14_days',
  'rule',
  'escalation',
  'no_urgency_ground',
  'urgent_limit',
] as const;

/** Why an action has its priority. */
export type PriorityReasonCode = (typeof PRIORITY_REASON_CODES)[number];

/**
 * Why the first step comes first: liberty at stake (a detention on the notice, the person
 * detained, an extradition pending), a dated deadline (running, or passed), what unlocks the
 * outcome, or its priority.
 */
export const FIRST_STEP_REASON_CODES = [
  'detention_on_notice',
  'person_detained',
  'extradition_pending',
  'deadline_due',
  'deadline_passed',
  'unlocks_outcome',
  'priority',
] as const;

/** Why an action comes first. */
export type FirstStepReasonCode = (typeof FIRST_STEP_REASON_CODES)[number];

/**
 * Whose time limit a deadline is: a decision the CCF owes (`ccf_decision`: overdue once passed),
 * or a time limit for the person's own step (`time_limit`: closed once passed).
 */
export const DEADLINE_KINDS = ['ccf_decision', 'time_limit'] as const;

/** Whose time limit a deadline is. */
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * Where a deadline stands on `asOf`: still running (`due`, its last day is `asOf` or later), or
 * passed — `overdue` for a decision the CCF owes, `closed` for the person's own time limit.
 */
export const DEADLINE_STATES = ['due', 'overdue', 'closed'] as const;

/** Where a deadline stands. */
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/**
 * The kind of each deadline, by the date fact it counts from. A deadline counted from a fact
 * not listed here is a `time_limit`.
 */
export const DEADLINE_KIND_BY_FACT: Readonly<Record<string, DeadlineKind>> = {
  'notice.ccfDecisionDueOn': 'ccf_decision',
  'ccf.accessDecisionDueOn': 'ccf_decision',
};

/**
 * What an action does in the order of work: `liberty` acts on a deprivation of liberty or a
 * removal (it comes first when liberty is at stake); `unlocks` is what unlocks the outcome (the
 * confirmation of the status, the request for deletion).
 */
export const ACTION_ROLE_NAMES = ['liberty', 'unlocks'] as const;

/** What an action does in the order of work. */
export type ActionRole = (typeof ACTION_ROLE_NAMES)[number];

/**
 * The roles of the action codes the library knows. A code not listed has no role: it is ordered
 * by its deadline and its priority. `createEvaluator({ actionRoles })` adds or changes roles for
 * the codes of one's own rule sets.
 */
export const ACTION_ROLES: Readonly<Record<string, ActionRole>> = {
  contest_detention_reliance: 'liberty',
  request_provisional_measures: 'liberty',
  invoke_non_refoulement: 'liberty',
  obtain_status_confirmation: 'unlocks',
  request_deletion: 'unlocks',
  file_ccf_request: 'unlocks',
  appeal_protection_decision: 'unlocks',
};

/**
 * What a question is about, by code: each input path the case leaves open has one (its path
 * with the positions taken out), and so has a list the case leaves closed by absence where an
 * answer would change an outcome (`status_confirmation`: no confirmation recorded). `other` is
 * any other path, asked about in the words of the fact it decides.
 */
export const QUESTION_CODES = [
  'asylum_history',
  'asylum_decision_final',
  'feared_countries',
  'grant_grounds',
  'appeal_deadline',
  'status_confirmation',
  'notice_status',
  'deletion_basis',
  'notice_purpose',
  'notice_issued_on',
  'notice_deleted_on',
  'notice_offences',
  'maximum_penalty',
  'sentence_imposed',
  'sentence_remaining',
  'judicial_data',
  'political_activity',
  'opposition',
  'journalist_or_defender',
  'offence_of_political_character',
  'charges_follow_political_events',
  'other_countries_found_political',
  'persecuted_group',
  'extradition_refusal_date',
  'detention_basis',
  'ccf_admissibility_date',
  'ccf_outcome',
  'ccf_decision_date',
  'other',
] as const;

/** What a question is about. */
export type QuestionCode = (typeof QUESTION_CODES)[number];

/**
 * How much an answer changes, most first: an outcome; an action on liberty or an urgent one
 * (added, removed, or made urgent); another action; a deadline.
 */
export const QUESTION_IMPACTS = ['outcome', 'liberty', 'action', 'deadline'] as const;

/** How much an answer changes. */
export type QuestionImpact = (typeof QUESTION_IMPACTS)[number];
