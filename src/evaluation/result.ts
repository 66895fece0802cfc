/**
 * The result of an evaluation (`CaseEvaluation`): plain, serialisable data, sorted, with a
 * discriminating `code` wherever a consumer has to branch. The fields marked "added" came
 * after the first published shape; docs/semantics.md describes them all.
 *
 * @module
 */
import type { ConfirmationRecipient, NoticeKind } from '../case/schema.js';
import type { CitationEntry } from '../citations/registry.js';
import type { MisusePattern } from '../context/misuse-patterns.js';
import type { CaseWarning } from '../facts/protection.js';
import type { ProtectionStatus, YES_NO } from '../facts/vocabulary.js';
import type { CalendarDate } from '../support/dates.js';
import type { Effect, Outcome, Priority } from '../rules/vocabulary.js';
import type { FactValue } from '../facts/catalogue.js';
import type {
  DeadlineKind,
  DeadlineState,
  FirstStepReasonCode,
  PriorityReasonCode,
  QuestionCode,
  QuestionImpact,
} from './vocabulary.js';

/** A citation id of the registry, e.g. `res2017.deletion`. */
export type CitationId = string;

/** Yes, no, or unknown. */
export type YesNoUnknown = (typeof YES_NO)[number] | 'unknown';

/** A deadline: a calendar date, what it is, and the provision that sets it. */
export interface Deadline {
  /** The last day. */
  readonly date: CalendarDate;
  /** What the deadline is. */
  readonly basis: string;
  /** The provision that sets it. */
  readonly citation: CitationId;
  /** (added) The fact and date it counts from. */
  readonly countsFrom: { readonly fact: string; readonly date: CalendarDate };
  /** (added) Whose time limit it is: a decision the CCF owes, or a time limit for the person's own step. */
  readonly kind: DeadlineKind;
  /**
   * (added) Where it stands on `asOf`: `due` (its last day is `asOf` or later), `overdue` (a
   * decision the CCF owes, not made in time), `closed` (the person's time limit has passed).
   */
  readonly state: DeadlineState;
}

/**
 * (added) The values a reason or a question is worded from — codes, dates (`YYYY-MM-DD`),
 * country codes, ids, numbers — by name. Keys sorted.
 */
export type WordingParams = Readonly<Record<string, string | number | readonly string[]>>;

/** (added) Why an action has its priority: a code of `PRIORITY_REASON_CODES` and its parameters. */
export interface PriorityReason {
  readonly code: PriorityReasonCode;
  readonly params: WordingParams;
}

/** (added) The one action to take first, and why it comes first. */
export interface FirstStep {
  /** The action's code. */
  readonly code: string;
  /** The notice it concerns; absent for a case-level action. */
  readonly noticeId?: string;
  /** The rule that yielded it (with `code` and `noticeId`, it names one action of the result). */
  readonly ruleId: string;
  /** Why it comes first: a code of `FIRST_STEP_REASON_CODES` and its parameters. */
  readonly reason: { readonly code: FirstStepReasonCode; readonly params: WordingParams };
}

/** A factor found for a weighing action (e.g. the Article 3 assessment). (added) */
export interface FactorDetail {
  /** Stable id of the factor. */
  readonly id: string;
  /** What the factor is, in the evaluation's locale. */
  readonly label: string;
  /** The rule that found it. */
  readonly ruleId: string;
  /** Its citations. */
  readonly citations: readonly CitationId[];
}

/**
 * The values an action's texts are filled from: each placeholder its texts use (title,
 * explanation, deadline basis, factor labels, in any locale), with the value of that fact for
 * the action's subject — `null` when the fact is unknown. Keys sorted. With the action's codes,
 * they let a report word the action in any locale (`renderReport`).
 */
export type ActionParams = Readonly<Record<string, string | number | readonly string[] | null>>;

/** Something the lawyer should do. */
export interface Action {
  /** Stable action code, e.g. `request_deletion`. */
  readonly code: string;
  /** The notice it concerns; absent for case-level actions. */
  readonly noticeId?: string;
  /** How pressing it is. */
  readonly priority: Priority;
  /** Short title, in the evaluation's locale. */
  readonly title: string;
  /** Why and how, in the evaluation's locale. */
  readonly explanation: string;
  /** Provisions it rests on. Sorted. */
  readonly citations: readonly CitationId[];
  /** When it must be done by, where a provision sets a time limit. */
  readonly deadline?: Deadline;
  /** The rule that yielded it (the first one, for an action that collects factors). */
  readonly ruleId: string;
  /** Ids of the factors found, for a weighing action. */
  readonly factors?: readonly string[];
  /** (added) The factors with their labels, rules and citations. */
  readonly factorDetails?: readonly FactorDetail[];
  /** (added) When rules made the action more pressing: its priority before, and those rules. */
  readonly escalation?: { readonly from: Priority; readonly ruleIds: readonly string[] };
  /** (added) The fact values its texts are filled from, by placeholder; absent when they use none. */
  readonly params?: ActionParams;
  /** (added) Why it has its priority (the urgency policy of docs/semantics.md). */
  readonly priorityReason: PriorityReason;
}

/** How a notice's outcome was reached. (added) */
export type OutcomeResolution =
  /**
   * One or more mandatory rules (or, failing them, presumptions) fired and agree. For an
   * explicit `undetermined` (an unknown asylum history), `missingFacts` says what it lacks.
   */
  | { readonly code: 'rule_fired'; readonly rules: readonly string[]; readonly missingFacts: readonly string[] }
  /** No outcome rule fired, and some could not be decided for lack of facts: `outcomes` are theirs. */
  | {
      readonly code: 'facts_missing';
      readonly rules: readonly string[];
      readonly outcomes: readonly Outcome[];
      /** The input paths that would decide between them. */
      readonly missingFacts: readonly string[];
    }
  /** Rules that fired yield different `outcomes` and none is an exception to the other. */
  | { readonly code: 'conflicting_rules'; readonly rules: readonly string[]; readonly outcomes: readonly Outcome[]; readonly missingFacts: readonly string[] }
  /** No outcome rule of the rule sets covers the facts. */
  | { readonly code: 'no_rule_applies'; readonly rules: readonly string[]; readonly missingFacts: readonly string[] };

/** The evaluation of one notice. */
export interface NoticeEvaluation {
  readonly noticeId: string;
  /** (added) Red Notice or Diffusion. */
  readonly kind: NoticeKind;
  /** (added) The requesting country. */
  readonly requestingCountry: string;
  /** (added) The protection that bears on this notice (host states that fear its requesting country). */
  readonly protection: NoticeProtection;
  /** What the refugee provisions require for this notice. */
  readonly outcome: Outcome;
  /** (added) How the outcome was reached. */
  readonly resolution: OutcomeResolution;
  /** Citations of the rules behind the outcome. Sorted. */
  readonly basis: readonly CitationId[];
  /** Input paths that would decide what is undetermined about this notice. Sorted. */
  readonly missingFacts: readonly string[];
  /**
   * (added) What puts liberty at stake for this notice, as the urgency policy reads it — the
   * person held on it, the person detained, an extradition to its requesting country pending —
   * in the order they rank. Empty when nothing does.
   */
  readonly libertyGrounds: readonly { readonly code: 'detention_on_notice' | 'person_detained' | 'extradition_pending'; readonly params: WordingParams }[];
  /** (added) The action to take first for this notice, in the order of work; absent when it has none. */
  readonly firstStep?: FirstStep;
  /** Actions for this notice, in the order of `CaseEvaluation.actions`. */
  readonly actions: readonly Action[];
}

/** The protection that bears on one notice. (added) */
export interface NoticeProtection {
  /** Strongest status among the host states whose events name the requesting country as feared. */
  readonly status: ProtectionStatus | 'unknown';
  /** Those host states (with that status). Sorted. */
  readonly hostCountries: readonly string[];
  /** Whether that status was confirmed to INTERPOL. */
  readonly confirmed: YesNoUnknown;
  /** The confirmation relied on. */
  readonly confirmation?: ConfirmationSummary;
}

/** A confirmation relied on, as the case states it. */
export interface ConfirmationSummary {
  readonly by: string;
  readonly to: ConfirmationRecipient;
  readonly date: CalendarDate;
  /**
   * (added) Whether the confirming country is one of the host states that granted the status.
   * The resolution asks member countries to confirm; it does not say the granting state must.
   */
  readonly byGrantingState: boolean;
}

/** The protection a person has in one host state. */
export interface HostSummary {
  readonly country: string;
  readonly status: ProtectionStatus | 'unknown';
  /** Date of the event that decides the status. */
  readonly since: CalendarDate;
  readonly fearedCountries: readonly string[];
  readonly fearedCountriesKnown: boolean;
  readonly grantedOn?: CalendarDate;
  readonly formerlyGranted: boolean;
}

/** The person's protection as of `asOf`. */
export interface ProtectionSummary {
  /** Overall status. */
  readonly status: ProtectionStatus | 'unknown';
  /** Host states with an asylum event on or before `asOf`. Sorted. */
  readonly hostCountries: readonly string[];
  /** (added) Per host state. */
  readonly hosts: readonly HostSummary[];
  /** Countries feared, as named by the host states whose status decides. Sorted. */
  readonly fearedCountries: readonly string[];
  /** Whether a member country confirmed the refugee status in force to INTERPOL. */
  readonly confirmed: YesNoUnknown;
  /** (added) The confirmation relied on. */
  readonly confirmation?: ConfirmationSummary;
  /** (added) Input paths that would decide an unknown status. Sorted. */
  readonly missingFacts: readonly string[];
}

/** Status of a rule for a subject (the case, or one notice). */
export type TraceStatus = 'fired' | 'not_fired' | 'undetermined' | 'not_in_force' | 'overridden';

/** What a comparison of a rule came to. */
export type ConditionResult = 'met' | 'not_met' | 'undetermined';

/** One comparison of a rule, with what it expected and what it found. */
export interface TraceCondition {
  /** Where it sits in the rule, e.g. `all[1].any[0]`. */
  readonly path: string;
  readonly fact: string;
  readonly operator: string;
  readonly expected: unknown;
  /** The fact's value; `null` when unknown. */
  readonly actual: unknown;
  /** (added) For an unknown fact, the values it could still have, where known. */
  readonly possibleValues?: readonly unknown[];
  readonly result: ConditionResult;
  /** (added) Named conditions it was reached through. */
  readonly via?: readonly string[];
  /** (added) Input paths that would decide an unknown fact. */
  readonly missingFacts?: readonly string[];
}

/** What one rule did for one subject. */
export interface TraceEntry {
  readonly ruleId: string;
  readonly ruleSet: string;
  readonly noticeId?: string;
  readonly status: TraceStatus;
  /** (added) The rule's effect. */
  readonly effect: Effect;
  /** (added) The rule's title, in the evaluation's locale. */
  readonly title: string;
  /** (added) The outcome the rule decides, for an outcome rule. */
  readonly outcome?: Outcome;
  /** Every comparison, including those a short-circuiting engine would skip. Empty when not in force. */
  readonly conditions: readonly TraceCondition[];
  /** (added) For `overridden`: the rules whose exception applied. */
  readonly overriddenBy?: readonly string[];
  /**
   * (added) For `undetermined`: input paths that would decide it. For `fired`: input paths that
   * would give its action's deadline, when the date it counts from is unknown.
   */
  readonly missingFacts?: readonly string[];
}

/** The result of evaluating a case. */
export interface CaseEvaluation {
  readonly meta: {
    readonly library: { readonly name: string; readonly version: string };
    /** Rule sets used, sorted by id. */
    readonly ruleSets: readonly { readonly id: string; readonly version: string; readonly hash: string }[];
    readonly asOf: CalendarDate;
    /** `sha256:` of the canonical JSON of the input case. */
    readonly inputHash: string;
    /** (added) The locale of the texts. */
    readonly locale: string;
    /** (added) Rules taken out by a rule that `replaces` them, sorted by rule id. */
    readonly replacedRules: readonly { readonly ruleId: string; readonly ruleSet: string; readonly replacedBy: string }[];
    /** (added) The case's own `caseId`, when it has one (calendar events are identified by it). */
    readonly caseId?: string;
  };
  readonly protection: ProtectionSummary;
  /** (added) The one action to take first for the whole case, in the order of work; absent when there is no action. */
  readonly firstStep?: FirstStep;
  /** Per notice, sorted by notice id. */
  readonly notices: readonly NoticeEvaluation[];
  /** Every action, ordered by priority, then in the order of work (docs/semantics.md). */
  readonly actions: readonly Action[];
  /**
   * (added) The questions whose answer would change an outcome, add or remove an action, or
   * move a deadline, most consequential first. Absent when the evaluation was made with
   * `questions: false`.
   */
  readonly questions?: readonly Question[];
  /** Every missing fact of the case and its notices. Sorted. */
  readonly missingFacts: readonly string[];
  /**
   * (added) Every input path the case leaves unknown, with what it is about (the code and
   * parameters its question is worded from) and its question in the evaluation's locale: what
   * a report says instead of the path. Sorted by path.
   */
  readonly missingFactDetails: readonly MissingFactDetail[];
  /** Every citation used by an outcome, an action or a deadline, by id (keys sorted). */
  readonly citations: Readonly<Record<CitationId, CitationEntry>>;
  /** (added) Documented patterns of misuse by the requesting countries of the case, published by `asOf`. Sorted by id. */
  readonly misusePatterns: readonly MisusePattern[];
  /**
   * (added) What the evaluation ignored in the case, and why, at its path — never its value:
   * for instance a confirmation from a country that is not an INTERPOL member
   * (`confirmation_not_from_member`) or that the person fears (`confirmation_from_feared_country`).
   * Sorted by path, then code.
   */
  readonly warnings: readonly CaseWarning[];
  /** What every rule did, per subject, in rule order then notice id. */
  readonly trace: readonly TraceEntry[];
}

/** (added) An input path the case leaves unknown, and what it is about. */
export interface MissingFactDetail {
  /** The input path, e.g. `asylum[1].final`. */
  readonly path: string;
  /** What it is about. */
  readonly code: QuestionCode;
  /** What its question is worded from (the event, its country and date, the notice…). */
  readonly params: WordingParams;
  /** The facts it would decide. Sorted. */
  readonly facts: readonly string[];
  /** Its question, in the evaluation's locale. */
  readonly text: string;
}

/** (added) What one answer to a question would change. */
export type QuestionChange =
  /** A notice's outcome. */
  | { readonly code: 'outcome_changed'; readonly noticeId: string; readonly from: Outcome; readonly to: Outcome }
  /** An action that the answer adds or removes. */
  | {
      readonly code: 'action_added' | 'action_removed';
      readonly noticeId?: string;
      readonly action: string;
      readonly ruleId: string;
      readonly priority: Priority;
    }
  /** An action that stays, at another priority (as its rules give it, before the urgency policy). */
  | { readonly code: 'priority_changed'; readonly noticeId?: string; readonly action: string; readonly ruleId: string; readonly from: Priority; readonly to: Priority }
  /** An action whose deadline moves, appears (no `from`) or goes (no `to`). */
  | {
      readonly code: 'deadline_moved';
      readonly noticeId?: string;
      readonly action: string;
      readonly ruleId: string;
      readonly from?: CalendarDate;
      readonly to?: CalendarDate;
    };

/**
 * (added) One answer to a question: values of a fact it decides, and what each of them would
 * change (values that change the same things are one answer).
 */
export interface QuestionAnswer {
  /** The fact. */
  readonly fact: string;
  /** The values. */
  readonly values: readonly FactValue[];
  /** What they would change. Sorted by notice, then kind of change, then action. */
  readonly changes: readonly QuestionChange[];
}

/** (added) A question whose answer would change the assessment. */
export interface Question {
  /** Stable id: the input path it would fill (`confirmations` for confirmations nobody recorded). */
  readonly id: string;
  /** What it is about. */
  readonly code: QuestionCode;
  /** What it is worded from. */
  readonly params: WordingParams;
  /** The input paths it would fill. Sorted. */
  readonly paths: readonly string[];
  /** The facts it would decide. Sorted. */
  readonly facts: readonly string[];
  /** The notices whose result an answer would change. Sorted. */
  readonly noticeIds: readonly string[];
  /** The most an answer would change. */
  readonly impact: QuestionImpact;
  /** The answers that change something. */
  readonly answers: readonly QuestionAnswer[];
  /** The question, in the evaluation's locale. */
  readonly text: string;
}
