/**
 * The locales of the library, registered in one place: `CATALOGUES`. Adding a locale is adding
 * its file (an object that `satisfies MessageCatalogue`) and its entry here; `LOCALES`, the
 * `Locale` type, the options' check and the rule-set format's text keys follow from it.
 *
 * @module
 */
import type { MessageCatalogue } from './catalogue.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

/** The message catalogue of every locale, by locale. */
export const CATALOGUES = { en, es, fr, ar } as const satisfies Readonly<Record<string, MessageCatalogue>>;

/** A supported locale. */
export type Locale = keyof typeof CATALOGUES;

/** The locales the library speaks, English first. */
export const LOCALES = Object.keys(CATALOGUES) as readonly Locale[] as readonly [Locale, ...Locale[]];

/** A text, as one English string or as translations keyed by locale (`en` required). */
export type LocalizedText = string | ({ readonly en: string } & Readonly<Partial<Record<Locale, string>>>);

/**
 * Whether a value is a supported locale.
 *
 * @example
 * ```ts
 * isLocale('es'); // true
 * isLocale('xx'); // false
 * ```
 */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(CATALOGUES, value);
}

/**
 * The message catalogue, by locale.
 *
 * @deprecated Use `CATALOGUES` (the same object). Kept for one minor version.
 */
export const MESSAGES: Readonly<Record<Locale, MessageCatalogue>> = CATALOGUES;

/**
 * The catalogue of a locale.
 *
 * @deprecated Use `CATALOGUES[locale]`. Kept for one minor version.
 *
 * @example
 * ```ts
 * messagesFor('es').priorities.urgent; // 'urgente'
 * ```
 */
export function messagesFor(locale: Locale): MessageCatalogue {
  return CATALOGUES[locale];
}
