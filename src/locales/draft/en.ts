/**
 * The words of draft requests to the CCF in English.
 *
 * @module
 */
import type { DraftCatalogue } from '../catalogue.js';

/** The words of drafts in English. */
export const enDraft = {
  titles: {
    ccf_deletion_request: 'Request for the deletion of data held by INTERPOL',
    ccf_access_request: 'Request for access to data held by INTERPOL',
    provisional_measures: 'Request for provisional measures',
  },
  draftNotice:
    'DRAFT for the lawyer, prepared with decision-support software from the facts recorded in the file. It is not legal advice: check every statement against the documents, complete every passage in brackets, and verify every citation marked “check before filing” before relying on it.',
  addressee: 'To',
  ccfName: 'The Commission for the Control of INTERPOL’s Files (CCF)',
  addressPlaceholder: '[address or online portal: check the CCF’s current instructions]',
  applicant: 'Applicant',
  applicantPlaceholder: '[full name, date and place of birth and nationality of the applicant, as on the identity document]',
  representative: 'Represented by',
  representativePlaceholder: '[name and address of the representative, who holds a power of attorney signed by the applicant]',
  dateAndPlace: '[place], [date]',
  subjectLine: 'Subject',
  dataConcerned: 'Data concerned',
  noticeLine: 'the {kind} {noticeId}, requested by {country}',
  otherData: 'any other data about the applicant in INTERPOL’s Information System',
  request: 'Request',
  requests: {
    ccf_deletion_request:
      'On behalf of the applicant, the Commission is asked to find that the data listed above do not comply with INTERPOL’s rules and to have them deleted from INTERPOL’s Information System, on the grounds set out below.',
    ccf_access_request:
      'On behalf of the applicant, the Commission is asked to say whether INTERPOL’s Information System holds data about the applicant and, if it does, to give access to them.',
    provisional_measures:
      'On behalf of the applicant, the Commission is asked to take provisional measures without delay — in particular to have the data listed above blocked while the request for their deletion is examined — on the grounds set out below.',
  },
  facts: 'The facts',
  grounds: 'Grounds',
  noGrounds: '[The rules found no ground for this request in the facts recorded. Do not file it as it stands: review the file first.]',
  groundsNote: 'The grounds the rules found, each with the provisions it rests on and how well each citation is verified.',
  refugeeGround: 'Under INTERPOL’s refugee provisions, as the rules apply them: {outcome}.',
  urgency: 'Urgency',
  documents: 'Documents attached',
  documentsNote: 'Attach each of these that exists; obtain the others, or leave them out.',
  documentNames: {
    identity_document: 'the applicant’s identity document, in full (not redacted)',
    power_of_attorney: 'a power of attorney signed by the applicant, if a representative files the request',
    grant_decision: 'the decision of {country} granting refugee status, of {date}',
    status_confirmation: 'the confirmation of the refugee status to INTERPOL by {country}, of {date}',
    confirmation_requested: 'the asylum authority’s confirmation of the status to INTERPOL, or proof that it was asked for',
    extradition_refusal: 'the decision refusing the extradition requested by {country}',
    extradition_proceedings: 'the documents of the pending extradition proceedings requested by {country}',
    detention_order: 'the detention order ({countries}, since {since})',
    political_evidence: 'evidence of each factor of a political character listed above',
    notice_content: 'what is known of the content of the {kind} {noticeId} (offences, penalties, judicial data)',
    new_fact_evidence: 'the document that proves the new fact and its date',
    ccf_correspondence: 'earlier correspondence with the CCF, with its letter on admissibility',
  },
  openPoints: 'To complete before filing',
  openPointsNote: 'The file does not say; each answer may change this request:',
  placeholder: '[to complete: {question}]',
  signature: '[signature of the applicant or of the representative]',
  confidentiality: 'The applicant asks that the documents marked confidential not be disclosed to the requesting state.',
  factLines: {
    protection: '{country}: {status} (since {date}); persecution feared from {countries}.',
    protectionNoFear: '{country}: {status} (since {date}).',
    protectionUnknown: '{country}: the status cannot be established from the file.',
    confirmation: '{country} confirmed the refugee status to {to} on {date}.',
    noConfirmation: 'No confirmation of the refugee status to INTERPOL is recorded.',
    extradition: 'An extradition requested by {country} is pending.',
    detention: 'The applicant is held in {countries} since {since} on the strength of the {kind} {noticeId}.',
    ccfRequest: 'A request about the {kind} {noticeId} is before the Commission: {deadline}.',
    notice: 'The {kind} {noticeId} was requested by {country}.',
    outcome: 'Under INTERPOL’s refugee provisions, as the rules apply them: {outcome}.',
  },
} satisfies DraftCatalogue;
