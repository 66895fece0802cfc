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

/** A text as one English string, or as translations keyed by BCP 47 language tag (`en` required). */
export type Translations = string | ({ readonly en: string } & { readonly [tag: string]: string | undefined });

/**
 * The tags a text is looked up under for `tag`, most specific first, English last: the tag
 * itself, then the tag with its last subtag dropped, and so on (`fr-CA` → `fr-CA`, `fr`, `en`;
 * `zh-Hant-TW` → `zh-Hant-TW`, `zh-Hant`, `zh`, `en`), as BCP 47 lookup (RFC 4647 §3.4) does.
 * Single-letter subtags (`x-…`, extensions) are dropped with what follows them.
 *
 * @example
 * ```ts
 * lookupChain('fr-CA'); // ['fr-CA', 'fr', 'en']
 * lookupChain('en');    // ['en']
 * ```
 */
export function lookupChain(tag: string): readonly string[] {
  const chain: string[] = [];
  const subtags = tag.split('-');
  for (let length = subtags.length; length > 0; length -= 1) {
    // A singleton (`x`, `u`) never ends a prefix: `de-x-foo` looks up `de`, not `de-x`.
    if (subtags[length - 1]!.length === 1) continue;
    const prefix = subtags.slice(0, length).join('-');
    if (prefix !== 'en') chain.push(prefix);
  }
  chain.push('en');
  return chain;
}

/**
 * The tag whose text is used for `tag`: the first of `lookupChain(tag)` that the text has
 * (`en` for a plain string, and when nothing closer is there). Tags are matched as written
 * in the rule set (canonical form, as the checker asks for).
 *
 * @example
 * ```ts
 * textTagFor({ en: 'Delete', fr: 'Supprimer' }, 'fr-CA'); // 'fr'
 * textTagFor({ en: 'Delete', es: 'Suprimir' }, 'fr');     // 'en'
 * textTagFor('Delete', 'en');                              // 'en'
 * ```
 */
export function textTagFor(text: Translations, tag: string): string {
  if (typeof text === 'string') return 'en';
  // The common case first: the text is there in the tag asked for.
  if (Object.hasOwn(text, tag) && typeof text[tag] === 'string') return tag;
  let chain = chains.get(tag);
  if (chain === undefined) {
    chain = lookupChain(tag);
    if (chains.size < CHAINS_KEPT) chains.set(tag, chain);
  }
  for (const candidate of chain) if (Object.hasOwn(text, candidate) && typeof text[candidate] === 'string') return candidate;
  return 'en';
}

/** @internal Lookup chains already made, per tag (a program uses a few). */
const chains = new Map<string, readonly string[]>();
/** @internal How many chains are kept. */
const CHAINS_KEPT = 100;

/**
 * The text in `tag` — or in the closest tag it has (`fr-CA` falls back to `fr`), else English.
 *
 * @example
 * ```ts
 * resolveText({ en: 'Delete', es: 'Suprimir' }, 'es'); // 'Suprimir'
 * resolveText({ en: 'Delete' }, 'es');                 // 'Delete'
 * resolveText({ en: 'Delete', fr: 'Supprimer' }, 'fr-CA'); // 'Supprimer'
 * resolveText('Delete', 'en');                         // 'Delete'
 * ```
 */
export function resolveText(text: Translations, tag: string): string {
  if (typeof text === 'string') return text;
  return text[textTagFor(text, tag)] ?? text.en;
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
