/**
 * Text in several languages, and the placeholders that put facts into it.
 *
 * Rule sets carry their own titles and explanations, either as one string (English) or as a
 * map from locale to string with `en` required. Placeholders `{fact.name}` are replaced by the
 * value of that fact in the evaluation (lists are joined with ", "; unknown facts read
 * "unknown").
 *
 * @module
 */

/** The locales the library speaks. */
export const LOCALES = ['en'] as const;

/** A supported locale. */
export type Locale = (typeof LOCALES)[number];

/** A text, as one English string or as translations keyed by locale (`en` required). */
export type LocalizedText = string | ({ readonly en: string } & Readonly<Partial<Record<Locale, string>>>);

/**
 * The text in `locale`, falling back to English.
 *
 * @example
 * ```ts
 * resolveText({ en: 'Delete' }, 'en'); // 'Delete'
 * resolveText('Delete', 'en');         // 'Delete'
 * ```
 */
export function resolveText(text: LocalizedText, locale: Locale): string {
  if (typeof text === 'string') return text;
  return text[locale] ?? text.en;
}

const placeholderPattern = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\}/g;

/**
 * Replaces `{name}` placeholders with values from `lookup`; a placeholder whose lookup returns
 * `undefined` is left as it is.
 *
 * @example
 * ```ts
 * fillPlaceholders('Requested by {notice.requestingCountry}.', (name) => ({ 'notice.requestingCountry': 'RU' })[name]);
 * // 'Requested by RU.'
 * ```
 */
export function fillPlaceholders(template: string, lookup: (name: string) => string | undefined): string {
  if (!template.includes('{')) return template;
  return template.replace(placeholderPattern, (whole, name: string) => lookup(name) ?? whole);
}

/**
 * The placeholder names used in a text (all locales).
 *
 * @example
 * ```ts
 * placeholdersOf('From {notice.requestingCountry}'); // ['notice.requestingCountry']
 * ```
 */
export function placeholdersOf(text: LocalizedText): string[] {
  const texts = typeof text === 'string' ? [text] : Object.values(text).filter((value): value is string => typeof value === 'string');
  const names = new Set<string>();
  for (const value of texts) for (const match of value.matchAll(placeholderPattern)) names.add(match[1]!);
  return [...names];
}
