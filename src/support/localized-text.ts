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
export const LOCALES = ['en', 'es'] as const;

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
  const parts = templateParts(template);
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    text += (lookup(name) ?? `{${name}}`) + parts[i + 1]!;
  }
  return text;
}

/** @internal Templates split once: literal, placeholder name, literal, … (always an odd count). */
const parsedTemplates = new Map<string, readonly string[]>();
/** @internal How many split templates are kept (rule sets hold a few hundred). */
const PARSED_TEMPLATES_KEPT = 5000;

/** @internal A template split at its placeholders. */
function templateParts(template: string): readonly string[] {
  let parts = parsedTemplates.get(template);
  if (parts === undefined) {
    const split: string[] = [];
    let last = 0;
    for (const match of template.matchAll(placeholderPattern)) {
      split.push(template.slice(last, match.index), match[1]!);
      last = match.index + match[0].length;
    }
    split.push(template.slice(last));
    parts = split;
    if (parsedTemplates.size < PARSED_TEMPLATES_KEPT) parsedTemplates.set(template, parts);
  }
  return parts;
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
