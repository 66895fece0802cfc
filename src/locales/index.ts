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

/**
 * A text, as one English string or as translations keyed by BCP 47 language tag (`en`
 * required): the library's locales, or any other language (`de`, `fr-CA`), used where asked for.
 */
export type LocalizedText = string | ({ readonly en: string } & { readonly [tag: string]: string });

/**
 * A language tag a report can be worded in: a locale, or a regional or other variant of one
 * (`fr-CA`, `ar-EG`, `es-419`). The library's own words are the locale's; rule-set texts are
 * looked up under the tag, then its shorter forms, then English (`fr-CA`, `fr`, `en`).
 */
export type LocaleTag = Locale | `${Locale}-${string}`;

/** @internal A well-formed BCP 47 tag, as far as its shape goes (the rule-set checker tells known languages). */
const LANGUAGE_TAG_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * The locale of a language tag: the tag itself when it is a locale, the locale of its language
 * subtag for a variant (`fr-CA` → `fr`), `undefined` for a tag of another language or a
 * malformed one.
 *
 * @example
 * ```ts
 * localeOfTag('fr-CA'); // 'fr'
 * localeOfTag('ar');    // 'ar'
 * localeOfTag('de-AT'); // undefined
 * ```
 */
export function localeOfTag(tag: unknown): Locale | undefined {
  if (typeof tag !== 'string' || !LANGUAGE_TAG_PATTERN.test(tag)) return undefined;
  const language = tag.split('-')[0]!;
  return isLocale(language) ? language : undefined;
}

/**
 * Whether a value is a language tag the library can word a report in (`LocaleTag`).
 *
 * @example
 * ```ts
 * isLocaleTag('fr-CA'); // true
 * isLocaleTag('de');    // false
 * ```
 */
export function isLocaleTag(value: unknown): value is LocaleTag {
  return localeOfTag(value) !== undefined;
}

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
