/**
 * The language of the command line's own words (help, usage errors, summaries) and how they are
 * filled in: the locale comes from `--locale` when it is given and valid, else from the
 * environment (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX reads them), else English. The words
 * are the command line's own catalogues (`src/cli/locales/*.ts`), kept out of the library's.
 *
 * @module
 */
import { CATALOGUES, localeOfTag, type Locale } from '../locales/index.js';
import type { CliWords, CountWords } from './catalogue.js';
import { ar } from './locales/ar.js';
import { en } from './locales/en.js';
import { es } from './locales/es.js';
import { fr } from './locales/fr.js';

/** @internal The command line's words, by locale (every locale of the library: the type says so). */
const CLI_CATALOGUES: Readonly<Record<Locale, CliWords>> = { en, es, fr, ar };

/** The environment variables the command line reads its language from. */
export type CliEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * The command line's words in a locale.
 *
 * @example
 * ```ts
 * cliWords('fr').help.usage; // 'Utilisation\u00a0:'
 * ```
 */
export function cliWords(locale: Locale): CliWords {
  return CLI_CATALOGUES[locale];
}

/**
 * A template with its `{name}` placeholders filled in; a placeholder without a value stays as it is.
 *
 * @example
 * ```ts
 * fill('--jobs must be a whole number from 1 to {max}.', { max: 64 }); // '--jobs must be a whole number from 1 to 64.'
 * ```
 */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** @internal Plural rules by locale, made once. */
const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * A count in words, singular or plural as the locale's plural rules say (`Intl.PluralRules`).
 *
 * @example
 * ```ts
 * countWords({ one: '{count} error', other: '{count} errors' }, 2, 'en'); // '2 errors'
 * countWords({ one: '{count} erreur', other: '{count} erreurs' }, 0, 'fr'); // '0 erreur'
 * ```
 */
export function countWords(forms: CountWords, count: number, locale: Locale): string {
  let rules = pluralRules.get(locale);
  if (rules === undefined) pluralRules.set(locale, (rules = new Intl.PluralRules(CATALOGUES[locale].intlLocale)));
  return fill(rules.select(count) === 'one' ? forms.one : forms.other, { count: count.toLocaleString(CATALOGUES[locale].intlLocale) });
}

/**
 * Values as alternatives, in a locale: `"case" or "rules"`.
 *
 * @example
 * ```ts
 * alternatives(['"case"', '"rules"'], 'fr'); // '"case" ou "rules"'
 * ```
 */
export function alternatives(values: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(CATALOGUES[locale].intlLocale, { type: 'disjunction' }).format(values);
}

/**
 * The locale of a POSIX locale name (`fr_FR.UTF-8` → `fr`, `ar_EG` → `ar`), if it is one of
 * the library's; `C`, `POSIX` and the others give none.
 *
 * @example
 * ```ts
 * localeOfPosixName('fr_FR.UTF-8'); // 'fr'
 * localeOfPosixName('C.UTF-8'); // undefined
 * ```
 */
export function localeOfPosixName(name: string): Locale | undefined {
  const language = name.split(/[.@]/)[0]!.replace(/_/g, '-');
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(language) ? localeOfTag(language.toLowerCase()) : undefined;
}

/**
 * The language of the environment, as POSIX chooses it for messages: the first of `LC_ALL`,
 * `LC_MESSAGES`, `LANG` that is set and not empty decides; English when it is none of the
 * library's locales.
 *
 * @example
 * ```ts
 * environmentLocale({ LANG: 'ar_EG.UTF-8' }); // 'ar'
 * environmentLocale({ LC_ALL: 'C', LANG: 'fr_FR.UTF-8' }); // 'en'
 * ```
 */
export function environmentLocale(env: CliEnvironment): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return localeOfPosixName(value) ?? 'en';
  }
  return 'en';
}

/**
 * The language of the command line's words for `argv`: its `--locale` (`--locale fr`,
 * `--locale=fr`, a regional variant `fr-CA`) when valid, read before the arguments are checked
 * so that their errors are in it too; else the environment's.
 *
 * @example
 * ```ts
 * cliLocale(['explain', 'x', '--locale', 'ar'], {}); // 'ar'
 * cliLocale(['--help'], { LANG: 'fr_FR.UTF-8' }); // 'fr'
 * cliLocale(['check', '--locale', 'xx'], { LANG: 'es_ES.UTF-8' }); // 'es'
 * ```
 */
export function cliLocale(argv: readonly string[], env: CliEnvironment): Locale {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--') break;
    const value = argument === '--locale' ? argv[index + 1] : argument.startsWith('--locale=') ? argument.slice('--locale='.length) : undefined;
    const locale = value === undefined ? undefined : localeOfTag(value);
    if (locale !== undefined) return locale;
  }
  return environmentLocale(env);
}
