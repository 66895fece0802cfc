/**
 * `red-notice-rules/draft` — draft requests to the CCF (deletion, access, provisional measures)
 * in Markdown, HTML and DOCX. A separate entry point, so that the Word writer it needs (the
 * `docx` library) stays out of the core bundle and is loaded only by those who draft.
 *
 * @packageDocumentation
 */
export { renderDraft } from '../present/render-draft.js';
export type { RenderDraftOptions } from '../present/render-draft.js';
export { DRAFT_DOCUMENTS, DRAFT_FORMATS, DRAFT_KINDS } from '../present/draft-vocabulary.js';
export type { DraftDocument, DraftFormat, DraftKind } from '../present/draft-vocabulary.js';
export { DRAFT_GROUND_CODES } from '../present/draft.js';
