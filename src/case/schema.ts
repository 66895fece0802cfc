/**
 * The case model (input), as a zod schema. `schemaVersion: 1`. Strict: unknown keys are issues.
 * Field names and values are documented in `docs/semantics.md`; sizes are bounded so that no input can exhaust
 * memory or time (see `CASE_LIMITS`).
 *
 * @module
 */
import * as z from 'zod';
import { calendarDateField, countryField } from '../support/fields.js';

/** Upper bounds on a case's size, enforced by the schema. */
export const CASE_LIMITS = {
  /** Longest identifier (case id, notice id). */
  idLength: 128,
  /** Longest free text (an offence description). */
  textLength: 2000,
  /** Most notices in one case. */
  notices: 200,
  /** Most entries in any other list (asylum events, confirmations, offences, …). */
  listItems: 500,
  /** Largest number of years in a penalty field. */
  years: 1000,
  /** Largest input, in characters of its JSON text. */
  inputCharacters: 2_000_000,
  /** Deepest nesting of arrays and objects in the input. */
  depth: 32,
} as const;

/** Offence categories (`OffenceCategory`). */
export const OFFENCE_CATEGORIES = [
  'violent', 'terrorism', 'drug_trafficking', 'organised_crime', 'fraud', 'corruption',
  'money_laundering', 'tax', 'cheque', 'commercial_dispute', 'private_dispute', 'family_matter',
  'administrative', 'defamation_or_insult', 'political_expression',
  'extremism_or_unauthorised_protest', 'behavioural_or_cultural_norms', 'military', 'other',
] as const;

/** Types of dated asylum events. */
export const ASYLUM_EVENT_TYPES = [
  'application_filed', 'refugee_status_granted', 'asylum_denied', 'appeal_filed', 'appeal_allowed',
  'appeal_dismissed', 'refugee_status_revoked', 'refugee_status_ceased',
  'subsidiary_protection_granted', 'naturalised',
] as const;

/** Grounds an extradition refusal may rest on. */
export const EXTRADITION_GROUNDS = [
  'political_offence', 'persecution_risk', 'fair_trial', 'human_rights', 'prison_conditions',
  'statute_of_limitations', 'double_criminality', 'insufficient_evidence', 'nationality',
  'procedural', 'other',
] as const;

/** The grounds of persecution in the Refugee Convention (Article 1A(2)), as a grant may state them. */
export const CONVENTION_GROUNDS = ['race', 'religion', 'nationality', 'social_group', 'political_opinion'] as const;

/** Items of judicial data a notice or diffusion may lack (the minimum data a Red Notice needs). */
export const JUDICIAL_DATA_ITEMS = [
  'identity_particulars', 'summary_of_facts', 'charges', 'applicable_law', 'maximum_penalty', 'arrest_warrant', 'judgment',
] as const;

/** What a notice's deletion rested on. */
export const DELETION_BASES = [
  'refugee_resolution', 'article_3', 'ccf_decision', 'requesting_country', 'other',
] as const;

/** Red Notice or Diffusion. */
export const NOTICE_KINDS = ['red_notice', 'diffusion'] as const;

/** The statuses a notice can have as of a date (`notice.status`). */
export const KNOWN_NOTICE_STATUSES = ['active', 'deleted', 'suspended'] as const;

/** The statuses a case may give a notice: a known one, or `unknown`. */
export const NOTICE_STATUSES = [...KNOWN_NOTICE_STATUSES, 'unknown'] as const;

/** Why a person is wanted: to be prosecuted, or to serve a sentence. */
export const NOTICE_PURPOSES = ['prosecution', 'sentence'] as const;

/** Where a member country sent a confirmation: INTERPOL's General Secretariat or the CCF. */
export const CONFIRMATION_RECIPIENTS = ['general_secretariat', 'ccf'] as const;

/** What a confirmation to INTERPOL confirms. */
export const CONFIRMATION_SUBJECTS = ['refugee_status', 'asylum_denied', 'status_revoked'] as const;

/** Outcomes of an extradition proceeding. */
export const EXTRADITION_OUTCOMES = ['refused', 'granted', 'pending', 'withdrawn'] as const;

/** Kinds of request to the CCF. */
export const CCF_REQUEST_TYPES = ['access', 'deletion', 'revision'] as const;

/** Outcomes of a request to the CCF. */
export const CCF_OUTCOMES = ['pending', 'deleted', 'not_compliant', 'compliant', 'inadmissible'] as const;

/** Authorities that hold a person on the strength of a notice (`notice.detainedOnNoticeBy`). */
export const DETAINING_AUTHORITIES = ['immigration', 'criminal'] as const;

/** Authorities a case may name for a detention: one that can rest on a notice, or another. */
export const DETENTION_AUTHORITIES = [...DETAINING_AUTHORITIES, 'other'] as const;

/** @internal A calendar date field. */
const calendarDate = calendarDateField;

/** @internal An ISO 3166-1 alpha-2 country field (or XK). */
const country = countryField;

/** @internal A list of distinct countries. */
const countryList = z
  .array(country)
  .max(CASE_LIMITS.listItems)
  .refine((values) => new Set(values).size === values.length, { params: { code: 'duplicate_value' } });

/** @internal A non-empty identifier. */
const identifier = z.string().min(1).max(CASE_LIMITS.idLength);

/** @internal A number of years. */
const years = z.number().min(0).max(CASE_LIMITS.years);

const offenceSchema = z.strictObject({
  category: z.enum(OFFENCE_CATEGORIES),
  description: z.string().max(CASE_LIMITS.textLength).optional(),
  maxPenaltyYears: years.optional(),
  sentenceYears: years.optional(),
  remainingSentenceYears: years.optional(),
});

const noticeSchema = z.strictObject({
  id: identifier,
  kind: z.enum(NOTICE_KINDS),
  requestingCountry: country,
  status: z.enum(NOTICE_STATUSES).optional(),
  deletedOn: calendarDate.optional(),
  deletionBasis: z.enum(DELETION_BASES).optional(),
  issuedOn: calendarDate.optional(),
  purpose: z.enum(NOTICE_PURPOSES).optional(),
  offences: z.array(offenceSchema).max(CASE_LIMITS.listItems).optional(),
  /** Items of minimum judicial data the notice is known to lack (empty: it lacks none). */
  missingJudicialData: z
    .array(z.enum(JUDICIAL_DATA_ITEMS))
    .max(JUDICIAL_DATA_ITEMS.length)
    .refine((values) => new Set(values).size === values.length, { params: { code: 'duplicate_value' } })
    .optional(),
  /** When the requesting state dropped the charges behind the notice. */
  chargesDroppedOn: calendarDate.optional(),
});

const asylumEventSchema = z.strictObject({
  type: z.enum(ASYLUM_EVENT_TYPES),
  date: calendarDate,
  country,
  persecutionFearedFrom: countryList.optional(),
  /** On a grant: the Convention grounds it rests on. */
  grounds: z
    .array(z.enum(CONVENTION_GROUNDS))
    .max(CONVENTION_GROUNDS.length)
    .refine((values) => new Set(values).size === values.length, { params: { code: 'duplicate_value' } })
    .optional(),
  criminalGrounds: z.boolean().optional(),
  final: z.boolean().optional(),
});

const confirmationSchema = z.strictObject({
  by: country,
  to: z.enum(CONFIRMATION_RECIPIENTS),
  date: calendarDate,
  subject: z.enum(CONFIRMATION_SUBJECTS),
});

const extraditionSchema = z.strictObject({
  requestingCountry: country,
  requestedCountry: country,
  date: calendarDate.optional(),
  outcome: z.enum(EXTRADITION_OUTCOMES),
  grounds: z.array(z.enum(EXTRADITION_GROUNDS)).max(EXTRADITION_GROUNDS.length).optional(),
});

const ccfRequestSchema = z.strictObject({
  type: z.enum(CCF_REQUEST_TYPES),
  filedOn: calendarDate,
  admissibleOn: calendarDate.optional(),
  decidedOn: calendarDate.optional(),
  outcome: z.enum(CCF_OUTCOMES).optional(),
  noticeIds: z.array(identifier).max(CASE_LIMITS.notices).optional(),
});

const article3Schema = z.strictObject({
  politicalActivity: z.boolean().optional(),
  opposition: z.boolean().optional(),
  journalistOrDefender: z.boolean().optional(),
  offenceOfPoliticalCharacter: z.boolean().optional(),
  chargesFollowPoliticalEvents: z.boolean().optional(),
  otherCountriesFoundPolitical: z.boolean().optional(),
});

const detentionSchema = z.strictObject({
  country,
  since: calendarDate,
  authority: z.enum(DETENTION_AUTHORITIES),
  basedOnNoticeId: identifier.optional(),
  released: calendarDate.optional(),
});

/**
 * The zod schema of a case (`schemaVersion: 1`). Use `parseCase` for the full validation
 * (this schema plus the cross-field checks: unique notice ids, references, chronology).
 *
 * @example
 * ```ts
 * import { caseSchema } from 'red-notice-rules';
 *
 * caseSchema.safeParse({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }] }).success; // true
 * caseSchema.safeParse({ schemaVersion: 1, notices: [] }).success; // false
 * ```
 */
export const caseSchema = z.strictObject({
  schemaVersion: z.literal(1),
  caseId: identifier.optional(),
  person: z.strictObject({ nationalities: countryList.optional() }).optional(),
  notices: z.array(noticeSchema).min(1).max(CASE_LIMITS.notices),
  asylum: z.array(asylumEventSchema).max(CASE_LIMITS.listItems).optional(),
  confirmations: z.array(confirmationSchema).max(CASE_LIMITS.listItems).optional(),
  extradition: z.array(extraditionSchema).max(CASE_LIMITS.listItems).optional(),
  ccf: z.array(ccfRequestSchema).max(CASE_LIMITS.listItems).optional(),
  article3: article3Schema.optional(),
  detention: z.array(detentionSchema).max(CASE_LIMITS.listItems).optional(),
});

/** A valid case, as `parseCase` returns it. */
export type Case = z.infer<typeof caseSchema>;
/** One notice or diffusion of a case. */
export type Notice = Case['notices'][number];
/** One dated asylum event. */
export type AsylumEvent = NonNullable<Case['asylum']>[number];
/** Type of an asylum event. */
export type AsylumEventType = AsylumEvent['type'];
/** A member country's confirmation to INTERPOL. */
export type Confirmation = NonNullable<Case['confirmations']>[number];
/** An extradition proceeding. */
export type ExtraditionProceeding = NonNullable<Case['extradition']>[number];
/** A request to the CCF. */
export type CcfRequest = NonNullable<Case['ccf']>[number];
/** A period of detention. */
export type Detention = NonNullable<Case['detention']>[number];
/** An offence of a notice. */
export type Offence = NonNullable<Notice['offences']>[number];
/** Offence category. */
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];
/** Red Notice or Diffusion. */
export type NoticeKind = (typeof NOTICE_KINDS)[number];
/** Where a confirmation was sent. */
export type ConfirmationRecipient = (typeof CONFIRMATION_RECIPIENTS)[number];
