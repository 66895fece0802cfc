/**
 * The words of draft requests to the CCF, one file per locale, registered here. Every locale of
 * `CATALOGUES` must have one (the type says so): adding a locale is adding its catalogue and its
 * draft words.
 *
 * @module
 */
import type { DraftCatalogue } from '../catalogue.js';
import type { Locale } from '../index.js';
import { arDraft } from './ar.js';
import { enDraft } from './en.js';
import { esDraft } from './es.js';
import { frDraft } from './fr.js';

/** The words of drafts of every locale, by locale. */
export const DRAFT_CATALOGUES: Readonly<Record<Locale, DraftCatalogue>> = { en: enDraft, es: esDraft, fr: frDraft, ar: arDraft };
