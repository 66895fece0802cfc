/**
 * The case model (input), as a zod schema. `schemaVersion: 1`. Strict: unknown keys are issues.
 * Field names and values are documented in `docs/semantics.md`; sizes are bounded so that no input can exhaust
 * memory or time (see `CASE_LIMITS`).
 *
 * @module
 */
import * as z from 'zod';
import { calendarDateField, countryField } from '../support/fields.js';
import type { AsylumEvent, Case } from './model.js';

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
  'extremism_or_unauthorised_protest', 'behavioural_or_cultural_norms', 'military',
  'religious_practice_or_membership', 'other',
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

/** The name of a namespace of rule sets' own facts, or of one such fact: camelCase. */
export const EXTENSION_NAME_PATTERN = /^[a-z][A-Za-z0-9]{0,63}$/;

/** @internal A name in `extensions`. */
const extensionName = z.string().regex(EXTENSION_NAME_PATTERN);

/**
 * @internal Values of rule sets' own facts, by namespace then fact name: `true`/`false`, a
 * number, a text (a date, an enum value) or a list of texts (country codes). The evaluator that
 * has the rule set checks each value against the fact's type.
 */
const extensionsSchema = z
  .record(
    extensionName,
    z.record(
      extensionName,
      z.union([z.boolean(), z.number().refine(Number.isFinite), z.string().max(CASE_LIMITS.textLength), z.array(z.string().max(64)).max(CASE_LIMITS.listItems)]),
    ),
  );

/**
 * @internal A field's title and description (zod metadata): they travel into the JSON Schema
 * (`schemas/case.schema.json`), the generated `docs/case-model.md` and the `Case` type's
 * documentation. Written for a caseworker who fills in a case, not for a programmer.
 */
function about(title: string, description: string): { title: string; description: string } {
  return { title, description };
}

const offenceSchema = z
  .strictObject({
    category: z.enum(OFFENCE_CATEGORIES).meta(about('Category', 'What kind of offence the notice accuses the person of, in the categories that INTERPOL\'s rules treat differently (for example fraud, a private dispute, political expression). "military" is a purely military offence: desertion, draft evasion, refusing military service (an ordinary crime committed in the army is not). "religious_practice_or_membership" is practising or spreading a religion or belonging to a banned religious group, however charged (for example as "religious extremism"). Use "other" when none fits.')),
    description: z.string().max(CASE_LIMITS.textLength).meta(about('Description', 'The offence in the words of the notice or the arrest warrant, for your own reference. The rules never read it, and it is never shown in an error message.')).optional(),
    maxPenaltyYears: years.meta(about('Maximum penalty (years)', 'The longest prison sentence the law of the requesting country allows for this offence, in years (half a year is 0.5). Used to check the penalty thresholds of a Red Notice sought for prosecution.')).optional(),
    sentenceYears: years.meta(about('Sentence imposed (years)', 'For a person already convicted: the prison sentence the court imposed, in years.')).optional(),
    remainingSentenceYears: years.meta(about('Sentence left to serve (years)', 'For a person already convicted: how much of the sentence is still to be served, in years.')).optional(),
  })
  .meta(about('Offence', 'One offence a notice is based on.'));

const noticeSchema = z
  .strictObject({
    id: identifier.meta(about('Notice id', 'Your own name for this notice or diffusion, unique within the case (for example "rn-1"). Other parts of the case refer to the notice by it.')),
    kind: z.enum(NOTICE_KINDS).meta(about('Kind', 'A Red Notice (published by INTERPOL\'s General Secretariat) or a Diffusion (sent by a country directly to other countries).')),
    requestingCountry: country.meta(about('Requesting country', 'The country that asked for the notice or sent the diffusion, as a two-letter country code (for example "TJ" for Tajikistan).')),
    status: z.enum(NOTICE_STATUSES).meta(about('Status', 'Whether the notice is still in INTERPOL\'s files. Leave it out if the notice is active; use "unknown" if you do not know.')).optional(),
    deletedOn: calendarDate.meta(about('Deleted on', 'For a deleted notice: the day it was deleted (YYYY-MM-DD).')).optional(),
    deletionBasis: z.enum(DELETION_BASES).meta(about('Deleted because', 'For a deleted notice: what the deletion rested on — the refugee resolution, Article 3, a CCF decision, a request of the requesting country, or something else.')).optional(),
    issuedOn: calendarDate.meta(about('Issued on', 'The day the notice was issued or the diffusion sent (YYYY-MM-DD), if known.')).optional(),
    purpose: z.enum(NOTICE_PURPOSES).meta(about('Purpose', 'Whether the person is sought to stand trial ("prosecution") or to serve a sentence already imposed ("sentence"). The penalty thresholds differ.')).optional(),
    offences: z.array(offenceSchema).max(CASE_LIMITS.listItems).meta(about('Offences', 'The offences the notice is based on. Leave it out if you do not know them; an empty list says the notice names none.')).optional(),
    missingJudicialData: z
      .array(z.enum(JUDICIAL_DATA_ITEMS))
      .max(JUDICIAL_DATA_ITEMS.length)
      .refine((values) => new Set(values).size === values.length, { params: { code: 'duplicate_value' } })
      .meta(about('Missing judicial data', 'The items of minimum judicial data that the notice is known to lack (for example the arrest warrant). An empty list says it lacks none; leave it out if you do not know.'))
      .optional(),
    chargesDroppedOn: calendarDate.meta(about('Charges dropped on', 'The day the requesting country dropped the charges behind the notice, if it did (YYYY-MM-DD).')).optional(),
    extensions: extensionsSchema.meta(about('Extensions', 'Facts about this notice that rule sets of your own declare, by the rule set\'s namespace and the fact\'s name (for example {"firm": {"hostNcbInformed": false}}). The bundled rules never read them.')).optional(),
  })
  .meta(about('Notice', 'One Red Notice or Diffusion against the person.'));

const asylumEventSchema = z
  .strictObject({
    type: z.enum(ASYLUM_EVENT_TYPES).meta(about('Event', 'What happened: an application, a grant of refugee status, a denial, an appeal and its outcome, a revocation or cessation of status, a grant of subsidiary protection, or naturalisation.')),
    date: calendarDate.meta(about('Date', 'The day it happened (YYYY-MM-DD). Events after the date the case is judged at are not taken into account.')),
    country: country.meta(about('Host country', 'The country where the person asked for asylum, and which decided (two-letter code).')),
    persecutionFearedFrom: countryList.meta(about('Persecution feared from', 'The countries the person fears persecution from, as the claim or the decision states them (two-letter codes). Needed to know whether a notice comes from a feared country.')).optional(),
    grounds: z
      .array(z.enum(CONVENTION_GROUNDS))
      .max(CONVENTION_GROUNDS.length)
      .refine((values) => new Set(values).size === values.length, { params: { code: 'duplicate_value' } })
      .meta(about('Convention grounds', 'On a grant: the grounds of persecution the decision accepted (race, religion, nationality, membership of a social group, political opinion).'))
      .optional(),
    criminalGrounds: z.boolean().meta(about('On criminal grounds', 'On a denial, dismissed appeal, revocation or cessation: true if it rested on criminal grounds (such as exclusion for a serious crime), false if not.')).optional(),
    final: z.boolean().meta(about('Final', 'On a denial, a dismissed appeal, a revocation or a cessation: true if no further appeal is possible, false if one still is. Leave it out if you do not know.')).optional(),
    appealDeadline: calendarDate.meta(about('Appeal deadline', 'On a denial, a dismissed appeal, a revocation or a cessation: the last day to appeal it under the host state\'s law (YYYY-MM-DD), if you know it. National law sets it; INTERPOL\'s rules do not.')).optional(),
  })
  .meta(about('Asylum event', 'One dated step of an asylum procedure in one host country.'));

const confirmationSchema = z
  .strictObject({
    by: country.meta(about('Confirmed by', 'The member country that confirmed the status to INTERPOL (two-letter code) — usually the country that granted it.')),
    to: z.enum(CONFIRMATION_RECIPIENTS).meta(about('Confirmed to', 'Whom the confirmation went to: INTERPOL\'s General Secretariat or the Commission for the Control of INTERPOL\'s Files (CCF).')),
    date: calendarDate.meta(about('Date', 'The day of the confirmation (YYYY-MM-DD).')),
    subject: z.enum(CONFIRMATION_SUBJECTS).meta(about('What was confirmed', 'That the person has refugee status, that asylum was denied, or that the status was revoked.')),
  })
  .meta(about('Confirmation to INTERPOL', 'A member country\'s written confirmation to INTERPOL of the person\'s asylum status.'));

const extraditionSchema = z
  .strictObject({
    requestingCountry: country.meta(about('Requesting country', 'The country that asked for the person\'s extradition (two-letter code).')),
    requestedCountry: country.meta(about('Requested country', 'The country that was asked to extradite the person (two-letter code).')),
    date: calendarDate.meta(about('Date', 'The day of the decision, or of the request while it is pending (YYYY-MM-DD), if known.')).optional(),
    outcome: z.enum(EXTRADITION_OUTCOMES).meta(about('Outcome', 'Whether extradition was refused, granted, is still pending, or the request was withdrawn.')),
    grounds: z.array(z.enum(EXTRADITION_GROUNDS)).max(EXTRADITION_GROUNDS.length).meta(about('Grounds of refusal', 'For a refusal: the grounds the decision gave (for example a political offence, a risk of persecution, an unfair trial). Leave it out if the decision gave none or you do not know them.')).optional(),
  })
  .meta(about('Extradition proceeding', 'A request to extradite the person, and what came of it.'));

const ccfRequestSchema = z
  .strictObject({
    type: z.enum(CCF_REQUEST_TYPES).meta(about('Type of request', 'What was asked of the CCF: access to the files, deletion of data, or revision of an earlier decision.')),
    filedOn: calendarDate.meta(about('Filed on', 'The day the request was sent to the CCF (YYYY-MM-DD).')),
    admissibleOn: calendarDate.meta(about('Admissible on', 'The day the CCF declared the request admissible (YYYY-MM-DD). The CCF\'s time limits count from this day.')).optional(),
    decidedOn: calendarDate.meta(about('Decided on', 'The day the CCF decided the request (YYYY-MM-DD), if it has.')).optional(),
    outcome: z.enum(CCF_OUTCOMES).meta(about('Outcome', 'What the CCF decided: still pending, data deleted, data found not compliant with the rules, found compliant (kept), or request inadmissible.')).optional(),
    noticeIds: z.array(identifier).max(CASE_LIMITS.notices).meta(about('Notices concerned', 'The ids of the notices of this case that the request concerns (as given in "Notice id"). Leave it out if the request concerns all of them.')).optional(),
  })
  .meta(about('Request to the CCF', 'A request to the Commission for the Control of INTERPOL\'s Files.'));

/** @internal A yes/no answer about the person's political profile, for Article 3. */
const flag = (title: string, description: string) => z.boolean().meta(about(title, `${description} True or false; leave it out if you do not know.`)).optional();

const article3Schema = z
  .strictObject({
    politicalActivity: flag('Political activity', 'The person has been politically active.'),
    opposition: flag('Opposition', 'The person belongs to, or is associated with, the political opposition of the requesting country.'),
    journalistOrDefender: flag('Journalist or human-rights defender', 'The person is a journalist or a human-rights defender.'),
    offenceOfPoliticalCharacter: flag('Offence of a political character', 'The offence charged is political in character (for example insulting officials, or taking part in a protest).'),
    chargesFollowPoliticalEvents: flag('Charges follow political events', 'The charges were brought after political events involving the person (an election, a protest, a publication).'),
    otherCountriesFoundPolitical: flag('Found political elsewhere', 'Courts or authorities of other countries have found the case to be political.'),
    persecutedGroup: flag('Member of a persecuted religious or ethnic group', 'The person belongs to a religious or ethnic group that the requesting state persecutes (for example a banned religious community or an ethnic minority targeted as a group).'),
  })
  .meta(about('Article 3 profile', 'Facts about the political, religious, racial or military side of the case, which INTERPOL\'s Constitution (Article 3) makes a ground for deleting a notice.'));

const detentionSchema = z
  .strictObject({
    country: country.meta(about('Country of detention', 'The country where the person is or was held (two-letter code).')),
    since: calendarDate.meta(about('Detained since', 'The day the detention began (YYYY-MM-DD).')),
    authority: z.enum(DETENTION_AUTHORITIES).meta(about('Held by', 'Which authority holds the person: immigration, criminal (police, prosecutor, court), or other.')),
    basedOnNoticeId: identifier.meta(about('Based on notice', 'The id of the notice of this case that the detention rests on, if it rests on one (as given in "Notice id").')).optional(),
    released: calendarDate.meta(about('Released on', 'The day the person was released (YYYY-MM-DD), if they were.')).optional(),
  })
  .meta(about('Detention', 'A period of detention of the person.'));

/**
 * The zod schema of a case (`schemaVersion: 1`). Use `parseCase` for the full validation
 * (this schema plus the cross-field checks: unique notice ids, references, chronology). Every
 * field carries a title and a description (zod metadata), shown in the JSON Schema and in
 * `docs/case-model.md`.
 *
 * @example
 * ```ts
 * import { caseSchema } from 'red-notice-rules';
 *
 * caseSchema.safeParse({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }] }).success; // true
 * caseSchema.safeParse({ schemaVersion: 1, notices: [] }).success; // false
 * ```
 */
export const caseSchema = z
  .strictObject({
    schemaVersion: z.literal(1).meta(about('Schema version', 'The version of the case model: always 1.')),
    caseId: identifier.meta(about('Case id', 'Your own reference for the case, if you want one in the output. Do not put the client\'s name here.')).optional(),
    person: z
      .strictObject({ nationalities: countryList.meta(about('Nationalities', 'The person\'s nationalities (two-letter codes).')).optional() })
      .meta(about('Person', 'Facts about the person (never a name).'))
      .optional(),
    notices: z.array(noticeSchema).min(1).max(CASE_LIMITS.notices).meta(about('Notices', 'The Red Notices and Diffusions against the person: at least one.')),
    asylum: z.array(asylumEventSchema).max(CASE_LIMITS.listItems).meta(about('Asylum history', 'Every step of the person\'s asylum procedures, in any order. Leave it out if the history is unknown; an empty list says there is none.')).optional(),
    confirmations: z.array(confirmationSchema).max(CASE_LIMITS.listItems).meta(about('Confirmations to INTERPOL', 'Confirmations of the person\'s status that member countries sent to INTERPOL.')).optional(),
    extradition: z.array(extraditionSchema).max(CASE_LIMITS.listItems).meta(about('Extradition', 'Requests to extradite the person, and their outcomes.')).optional(),
    ccf: z.array(ccfRequestSchema).max(CASE_LIMITS.listItems).meta(about('Requests to the CCF', 'Requests made to the Commission for the Control of INTERPOL\'s Files.')).optional(),
    article3: article3Schema.optional(),
    detention: z.array(detentionSchema).max(CASE_LIMITS.listItems).meta(about('Detention', 'Periods of detention of the person.')).optional(),
    extensions: extensionsSchema.meta(about('Extensions', 'Facts about the case that rule sets of your own declare, by the rule set\'s namespace and the fact\'s name (for example {"firm": {"channel": "letter"}}). The bundled rules never read them.')).optional(),
  })
  .meta(about('Case', 'What is known about one person and the INTERPOL notices against them (schemaVersion 1).'));

/**
 * @internal The documented types of `model.ts` are exactly what the schema accepts: the build
 * fails here when a field of one is missing from, or typed differently in, the other.
 */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** @internal Compiles only when `T` is `true`. */
type Assert<T extends true> = T;
/** @internal The check itself. */
type _CaseModelIsTheSchema = Assert<Equals<Case, z.infer<typeof caseSchema>>>;

export type { Article3Profile, AsylumEvent, Case, CcfRequest, Confirmation, Detention, ExtraditionProceeding, Notice, Offence, Person } from './model.js';
/** Type of an asylum event. */
export type AsylumEventType = AsylumEvent['type'];
/** Offence category. */
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];
/** Red Notice or Diffusion. */
export type NoticeKind = (typeof NOTICE_KINDS)[number];
/** Where a confirmation was sent. */
export type ConfirmationRecipient = (typeof CONFIRMATION_RECIPIENTS)[number];
