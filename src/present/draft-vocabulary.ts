/**
 * The codes of drafts (`renderDraft`): the kinds of request a draft can be, and the documents a
 * draft can ask to attach. Declared once here, importing nothing; words are in the locales.
 *
 * @module
 */

/** The requests a draft can be: deletion of data, access to data, provisional measures. */
export const DRAFT_KINDS = ['ccf_deletion_request', 'ccf_access_request', 'provisional_measures'] as const;

/** A request a draft can be. */
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** The formats of a draft. */
export const DRAFT_FORMATS = ['markdown', 'html', 'docx'] as const;

/** A format of a draft. */
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

/**
 * The documents a draft can list to attach, in the order it lists them. Which ones it lists
 * follows from the evaluation (the grant, the confirmation, the actions and their grounds).
 */
export const DRAFT_DOCUMENTS = [
  'identity_document',
  'power_of_attorney',
  'grant_decision',
  'status_confirmation',
  'confirmation_requested',
  'extradition_refusal',
  'extradition_proceedings',
  'detention_order',
  'political_evidence',
  'notice_content',
  'new_fact_evidence',
  'ccf_correspondence',
] as const;

/** A document a draft can list. */
export type DraftDocument = (typeof DRAFT_DOCUMENTS)[number];
