/**
 * Text in several languages, and the placeholders that put facts into it.
 *
 * Rule sets carry their own titles and explanations, either as one string (English) or as a
 * map from locale to string with `en` required. Placeholders `{fact.name}` are replaced by the
 * value of that fact (lists are joined with ", "; unknown facts read "unknown"). The locales
 * themselves are registered in `src/locales/`; this module works for any locale code.
 *
 * @module
 */

/** A text as one English string, or as translations keyed by locale code (`en` required). */
export type Translations = string | ({ readonly en: string } & { readonly [locale: string]: string | undefined });

/**
 * The text in `locale`, falling back to English.
 *
 * @example
 * ```ts
 * resolveText({ en: 'Delete', es: 'Suprimir' }, 'es'); // 'Suprimir'
 * resolveText({ en: 'Delete' }, 'es');                 // 'Delete'
 * resolveText('Delete', 'en');                         // 'Delete'
 * ```
 */
export function resolveText(text: Translations, locale: string): string {
  if (typeof text === 'string') return text;
  return (Object.hasOwn(text, locale) ? text[locale] : undefined) ?? text.en;
}

/**
 * Whether a text is written in `locale` itself (English is always there).
 *
 * @example
 * ```ts
 * hasTranslation({ en: 'Delete', es: 'Suprimir' }, 'es'); // true
 * hasTranslation('Delete', 'es');                         // false
 * hasTranslation('Delete', 'en');                         // true
 * ```
 */
export function hasTranslation(text: Translations, locale: string): boolean {
  if (locale === 'en') return true;
  return typeof text !== 'string' && Object.hasOwn(text, locale) && text[locale] !== undefined;
}

const placeholderPattern = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\}/g;

/**
 * Replaces `{name}` placeholders with values from `lookup`; a placeholder whose lookup returns
 * `undefined` is left as it is.
 *
 * @example
 * ```ts
 * fillPlaceholders('Requested by {notice.requestingCountry}.', (name) => (name === 'notice.requestingCountry' ? 'RU' : undefined));
 * // 'Requested by RU.'
 * fillPlaceholders('{a} and {b}', (name) => (name === 'a' ? '1' : undefined)); // '1 and {b}'
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
 * The placeholder names used in a text (all locales), in order of first use.
 *
 * @example
 * ```ts
 * placeholdersOf('From {notice.requestingCountry}'); // ['notice.requestingCountry']
 * placeholdersOf({ en: '{a}', es: '{b} {a}' });      // ['a', 'b']
 * ```
 */
export function placeholdersOf(text: Translations): string[] {
  const texts = typeof text === 'string' ? [text] : Object.values(text).filter((value): value is string => typeof value === 'string');
  const names = new Set<string>();
  for (const value of texts) for (const match of value.matchAll(placeholderPattern)) names.add(match[1]!);
  return [...names];
}
