import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LOCALES } from '../src/index.js';

/** The interview's words and the case model's words, per locale (plain ESM modules of the page). */
interface CaseModelWords {
  readonly fields: Readonly<Record<string, readonly [string, string]>>;
  readonly values: Readonly<Record<string, Readonly<Record<string, string>>>>;
}
interface SchemaNode {
  readonly title?: string;
  readonly description?: string;
  readonly enum?: readonly string[];
  readonly type?: string;
  readonly items?: SchemaNode;
  readonly properties?: Record<string, SchemaNode>;
  readonly $ref?: string;
}

const load = async <T>(path: string): Promise<T> => ((await import(new URL(path, import.meta.url).href)) as { default: T }).default;
const schema = JSON.parse(readFileSync(new URL('../schemas/case.schema.json', import.meta.url), 'utf8')) as SchemaNode & { $defs: Record<string, SchemaNode> };
const { schemaFields } = (await import(new URL('../playground/schema-form.js', import.meta.url).href)) as { schemaFields: (node: unknown) => Array<[string, SchemaNode & { defName?: string }]> };
const FIELDS = schemaFields(schema);

/** Every string of a words object by its dotted key. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof entry === 'string') out.set(path, entry);
    else for (const [inner, text] of flatten(entry, path)) out.set(inner, text);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('the interview speaks every locale of the library', () => {
  test('every locale has the interview words of English: the same keys, no empty text, the same placeholders, no bidi control character', async () => {
    const english = flatten(await load('../playground/words/en.js'));
    for (const locale of LOCALES) {
      const words = flatten(await load(`../playground/words/${locale}.js`));
      expect([...words.keys()].sort(), locale).toEqual([...english.keys()].sort());
      for (const [key, text] of words) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(english.get(key)!));
        expect(BIDI_CONTROLS.test(text), `${locale} ${key}`).toBe(false);
      }
    }
  });

  test('French puts a no-break space before : ; ? ! in the interview words and the case model', async () => {
    const texts = [...flatten(await load('../playground/words/fr.js')).values(), ...Object.values((await load<CaseModelWords>('../playground/words/case-model/fr.js')).fields).flat()];
    for (const text of texts) expect(text, text).not.toMatch(/ [:;?!]/);
  });

  test('every field of the case model JSON Schema has a title and a description in every locale, and no locale names a field the schema lacks', async () => {
    const titled = FIELDS.filter(([, node]) => node.title !== undefined).map(([pattern]) => pattern).sort();
    expect(titled.length).toBeGreaterThan(60);
    for (const [pattern, node] of FIELDS) {
      if (node.title === undefined) expect(pattern.endsWith('[]'), `${pattern} has no title (only an item of a list may borrow its list's)`).toBe(true);
      else expect(node.description, pattern).toBeTruthy();
    }
    for (const locale of LOCALES.filter((name) => name !== 'en')) {
      const words = await load<CaseModelWords>(`../playground/words/case-model/${locale}.js`);
      expect(Object.keys(words.fields).sort(), locale).toEqual(titled);
      for (const [pattern, [title, description]] of Object.entries(words.fields)) {
        expect(title.trim(), `${locale} ${pattern}`).not.toBe('');
        expect(description.trim(), `${locale} ${pattern}`).not.toBe('');
        expect(BIDI_CONTROLS.test(title + description), `${locale} ${pattern}`).toBe(false);
      }
    }
  });

  test('every value of every enum field of the case model has a label in every locale (the catalogue’s or the case model words’)', async () => {
    const { valueLabelOf, MODEL_WORDS, CATALOGUE_VOCABULARIES } = (await import(new URL('../playground/model-words.js', import.meta.url).href)) as {
      valueLabelOf: (locale: string, pattern: string, value: string) => string | undefined;
      MODEL_WORDS: Record<string, CaseModelWords>;
      CATALOGUE_VOCABULARIES: Record<string, unknown>;
    };
    const enums = FIELDS.filter(([, node]) => node.enum !== undefined && node.defName !== 'countryCode');
    expect(enums.length).toBeGreaterThan(10);
    for (const locale of LOCALES) {
      for (const [pattern, node] of enums) {
        for (const value of node.enum!) {
          const label = valueLabelOf(locale, pattern, value);
          expect(label?.trim() ?? '', `${locale} ${pattern} ${value}`).not.toBe('');
        }
      }
      // No label for a field or a value the schema does not have.
      for (const [pattern, labels] of Object.entries(MODEL_WORDS[locale]!.values)) {
        const node = enums.find(([name]) => name === pattern)?.[1];
        expect(node, `${locale} ${pattern}`).toBeDefined();
        for (const value of Object.keys(labels)) expect(node!.enum, `${locale} ${pattern}`).toContain(value);
      }
    }
    for (const pattern of Object.keys(CATALOGUE_VOCABULARIES)) expect(enums.map(([name]) => name), pattern).toContain(pattern);
  });
});
