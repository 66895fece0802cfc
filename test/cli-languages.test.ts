import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { runCli } from './support/cli.js';
import { helpText } from '../src/cli/arguments.js';
import type { CliIo } from '../src/cli/input.js';
import { COMMANDS, main } from '../src/cli/main.js';
import { cliLocale, cliWords, environmentLocale, localeOfPosixName } from '../src/cli/words.js';
import type { CliWords } from '../src/cli/catalogue.js';
import { LOCALES, type Locale } from '../src/locales/index.js';

const root = new URL('../', import.meta.url);
const example = 'examples/cases/detained-journalist-extradition-pending.json';

/** Runs the command line in-process with an environment; files are read relative to the repository. */
const run = (argv: string[], env: Record<string, string> = {}) => runCli(argv, { env });

/** Every help text of the command line in a locale: the program's and each command's. */
function allHelp(locale: Locale): string {
  return [helpText(COMMANDS, undefined, locale), ...COMMANDS.map((command) => helpText(COMMANDS, command, locale))].join('\n');
}

/** Every template of the command line's words, by a dotted key. */
function templates(words: CliWords): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') found.set(key, value);
    else for (const [name, inner] of Object.entries(value as Record<string, unknown>)) walk(inner, key === '' ? name : `${key}.${name}`);
  };
  walk(words, '');
  return found;
}

const placeholders = (template: string) => [...template.matchAll(/\{([A-Za-z]+)\}/g)].map((match) => match[1]).sort();
const others = LOCALES.filter((locale) => locale !== 'en');

describe('the help in each language', () => {
  // Phrases of the English help, picked by hand, and every English description cut at its placeholders.
  const english = templates(cliWords('en'));
  const phrases = [
    'Usage:',
    'Commands:',
    'For more info',
    'Display this message',
    'Evaluate a case',
    'besides the bundled ones',
    '(default:',
    'Worker threads',
    'Examples:',
    ...[...english].filter(([key]) => /^(help|commands|options)\./.test(key)).flatMap(([, template]) => template.split(/\{[A-Za-z]+\}/).filter((part) => part.trim().length >= 14)),
  ];

  test('the phrases are in the English help (so that their absence means something)', () => {
    expect(phrases.length).toBeGreaterThanOrEqual(35);
    expect(phrases.filter((phrase) => !allHelp('en').includes(phrase))).toEqual([]);
  });

  test.each(others)('%s: no English sentence of the English help is left', (locale) => {
    const help = allHelp(locale);
    expect(phrases.filter((phrase) => help.includes(phrase))).toEqual([]);
  });

  test('English help is the same as the command specs word it (no locale given)', () => {
    expect(helpText(COMMANDS)).toBe(helpText(COMMANDS, undefined, 'en'));
    expect(helpText(COMMANDS)).toContain('For more info, run any command with the `--help` flag:');
    expect(helpText(COMMANDS, COMMANDS.find((command) => command.name === 'schema'))).toContain('Print the JSON Schema of "case" or "rules"');
  });

  test.each(others)('%s: the schema names are listed as alternatives in the locale', (locale) => {
    const help = helpText(COMMANDS, COMMANDS.find((command) => command.name === 'schema'), locale);
    expect(help).toContain('"case"');
    expect(help).not.toContain('" or "');
  });
});

describe('the catalogue of the command line', () => {
  const english = templates(cliWords('en'));

  test('every usage code has a message in every locale, with the placeholders of its English', () => {
    const usageKeys = [...english.keys()].filter((key) => key.startsWith('usage.'));
    expect(usageKeys.length).toBeGreaterThan(10);
    for (const locale of others) {
      const words = templates(cliWords(locale));
      for (const key of usageKeys) {
        expect(words.get(key), `${locale} ${key}`).toBeTruthy();
        expect(placeholders(words.get(key)!), `${locale} ${key}`).toEqual(placeholders(english.get(key)!));
      }
    }
  });

  test.each(others)('%s: every text has the placeholders of its English (a count word may leave out {count})', (locale) => {
    const words = templates(cliWords(locale));
    expect([...words.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, template] of english) {
      const expected = placeholders(template);
      const got = placeholders(words.get(key)!);
      if (key.endsWith('.one')) expect(got.every((name) => expected.includes(name)), key).toBe(true);
      else expect(got, `${locale} ${key}`).toEqual(expected);
    }
  });

  test('French puts a no-break space, never a plain one, before : ; ? ! and inside « »', () => {
    for (const [key, template] of templates(cliWords('fr'))) {
      expect(template, key).not.toMatch(/ [:;?!]|« | »/);
    }
  });
});

describe('the language of the command line', () => {
  test('POSIX locale names: fr_FR.UTF-8 is French, ar_EG Arabic, C and unknown languages none', () => {
    expect(localeOfPosixName('fr_FR.UTF-8')).toBe('fr');
    expect(localeOfPosixName('ar_EG')).toBe('ar');
    expect(localeOfPosixName('es_ES@euro')).toBe('es');
    expect(localeOfPosixName('C.UTF-8')).toBeUndefined();
    expect(localeOfPosixName('de_DE.UTF-8')).toBeUndefined();
  });

  test('LC_ALL wins over LC_MESSAGES, which wins over LANG; an unknown language is English', () => {
    expect(environmentLocale({ LC_ALL: 'es_ES.UTF-8', LC_MESSAGES: 'fr_FR', LANG: 'ar_EG' })).toBe('es');
    expect(environmentLocale({ LC_ALL: '', LC_MESSAGES: 'fr_FR', LANG: 'ar_EG' })).toBe('fr');
    expect(environmentLocale({ LANG: 'ar_EG' })).toBe('ar');
    expect(environmentLocale({ LC_ALL: 'de_DE.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(environmentLocale({})).toBe('en');
  });

  test('--locale wins over the environment, and an invalid one leaves it to the environment', () => {
    expect(cliLocale(['explain', 'x', '--locale', 'ar'], { LANG: 'fr_FR.UTF-8' })).toBe('ar');
    expect(cliLocale(['explain', 'x', '--locale=es-MX'], { LANG: 'fr_FR.UTF-8' })).toBe('es');
    expect(cliLocale(['explain', 'x', '--locale', 'xx'], { LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(cliLocale(['explain', '--', '--locale', 'ar'], {})).toBe('en');
  });

  test('LANG=fr_FR.UTF-8 gives the French help', async () => {
    const general = await run(['--help'], { LANG: 'fr_FR.UTF-8' });
    expect(general.code).toBe(0);
    expect(general.stdout).toContain('Utilisation\u00a0:');
    expect(general.stdout).toContain('Évaluer un dossier');
    expect(general.stdout).not.toContain('Usage:');
    const evaluate = await run(['evaluate', '--help'], { LANG: 'fr_FR.UTF-8' });
    expect(evaluate.stdout).toContain('(par défaut\u00a0: json)');
    expect(evaluate.stdout).toContain('--as-of <date>');
  });

  test('--locale ar gives Arabic errors, with the codes and exit codes unchanged', async () => {
    const unknownRule = await run(['explain', 'no.such.rule', '--locale', 'ar'], { LANG: 'fr_FR.UTF-8' });
    expect(unknownRule.code).toBe(2);
    expect(unknownRule.stderr).toBe('خطأ: unknown_rule — لا توجد قاعدة بهذا المعرّف، لا في مجموعات القواعد المرفقة ولا في ملفات --rules.\n');
    const format = await run(['evaluate', example, '--locale', 'ar', '--format', 'nope']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('invalid_option — يجب أن تكون قيمة --format');
    const option = await run(['explain', 'x', '--frobnicate', '--locale', 'ar']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe('خطأ: invalid_usage — خيار غير معروف: «--frobnicate» (انظروا red-notice-rules explain --help).\n');
  });

  test('without --locale or a language in the environment, the errors stay English, word for word', async () => {
    const option = await run(['explain', 'x', '--frobnicate']);
    expect(option.stderr).toBe("error: invalid_usage — Unknown option '--frobnicate' (see red-notice-rules explain --help).\n");
    const missing = await run(['evaluate', '--as-of']);
    expect(missing.stderr).toBe("error: invalid_usage — Option '--as-of <value>' argument missing (see red-notice-rules evaluate --help).\n");
    const flag = await run(['check', 'x.json', '--analyze=yes']);
    expect(flag.stderr).toBe("error: invalid_usage — Option '--analyze' does not take an argument (see red-notice-rules check --help).\n");
  });

  test('the summaries of check and test are in the language of the environment', async () => {
    const check = await run(['check', 'examples/authoring/ncb-deletion.rules.json', 'examples/authoring/firm-citations.json', '--analyze'], { LC_ALL: 'fr_FR.UTF-8' });
    expect(check.stdout).toMatch(/Vérifiés\u00a0: 1 jeu de règles, 1 registre de références — \d+ erreurs?, \d+ avertissements?\./);
    expect(check.stdout).toMatch(/Analyse\u00a0: /);
    const fixtures = await run(
      ['test', 'examples/authoring/detention-letters.fixtures.json', '--rules', 'examples/authoring/detention-letters.rules.json', '--citations', 'examples/authoring/firm-citations.json'],
      { LANG: 'es_ES.UTF-8' },
    );
    expect(fixtures.code).toBe(0);
    expect(fixtures.stdout).toMatch(/superados: \d+, fallidos: 0\./);
    expect(fixtures.stdout).toContain('Cobertura de ');
    expect(fixtures.stdout).not.toMatch(/passed|Coverage of/);
  });

  test('input errors are in the language too: no such file, not JSON (and where), an empty file', async () => {
    const missing = await run(['evaluate', 'no-such-case.json', '--locale', 'fr']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('erreur\u00a0: no-such-case.json: file_not_found — Ce fichier n’existe pas.\n');
    const notJson = await run(['check', 'package.json', 'README.md'], { LANG: 'es_ES.UTF-8' });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^error: README\.md:1:1: invalid_json — No es JSON válido: un carácter que JSON no admite aquí en la línea 1, columna 1\.\n$/);
    const english = await run(['check', 'README.md']);
    expect(english.stderr).toBe('error: README.md:1:1: invalid_json — This is not valid JSON: a character that JSON does not allow here at line 1, column 1.\n');
  });

  test('a skipped line of a caseload is reported in the language, with its number and code', async () => {
    let stderr = '';
    const io: CliIo = {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
      readStdin: async () => '{"schemaVersion": 1, "notices": []}\n{not json\n',
      readFile: async () => '',
      env: { LANG: 'ar_EG.UTF-8' },
    };
    const code = await main(['evaluate', '--batch', '-', '--as-of', '2026-06-30'], io);
    expect(code).toBe(2);
    expect(stderr).toContain('خطأ: stdin:2: invalid_json — هذا ليس JSON صالحاً: ');
    expect(stderr).toContain('في العمود 2.');
  });

  test('the built executable reads LANG from its environment', async () => {
    const cli = new URL('dist/cli.js', root);
    expect(existsSync(cli), 'dist/cli.js is missing: npm test builds before it tests (npm run build)').toBe(true);
    const { stdout } = await promisify(execFile)(process.execPath, [cli.pathname, '--help'], { env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'ar_EG.UTF-8' } });
    expect(stdout).toContain('طريقة الاستخدام:');
    expect(stdout).toContain('تقييم ملف');
  });
});
