// The case model's words in the page's language: field titles and descriptions (English: the
// schema's own, from the zod metadata; other locales: ./words/case-model/<locale>.js) and the
// labels of enum values (the library's catalogue where it has a vocabulary for them, else the
// case-model words). test/interview-words.test.ts checks that every locale covers every field
// and every value of schemas/case.schema.json.
import { CATALOGUES } from '../dist/index.js';
import schema from '../schemas/case.schema.json';
import { schemaFields } from './schema-form.js';
import ar from './words/case-model/ar.js';
import en from './words/case-model/en.js';
import es from './words/case-model/es.js';
import fr from './words/case-model/fr.js';

export const MODEL_WORDS = { en, es, fr, ar };

/** @internal Every field of the case model by pattern ('notices[].kind'). */
const SCHEMA_NODES = new Map(schemaFields(schema));

/** The fields whose values the library's catalogue already names, by field pattern. */
export const CATALOGUE_VOCABULARIES = {
  'notices[].kind': (c) => c.values.noticeKind,
  'notices[].status': (c) => ({ ...c.values.noticeStatus, unknown: c.words.unknown }),
  'notices[].deletionBasis': (c) => c.values.noticeDeletionBasis,
  'notices[].purpose': (c) => c.values.noticePurpose,
  'notices[].offences[].category': (c) => c.values.offenceCategory,
  'notices[].missingJudicialData[]': (c) => c.values.judicialDataItem,
  'asylum[].type': (c) => c.asylumEvents,
  'confirmations[].to': (c) => c.recipients,
  'extradition[].grounds[]': (c) => c.values.extraditionGround,
  'ccf[].type': (c) => c.ccfRequestTypes,
  'detention[].authority': (c) => c.values.detainingAuthority,
};

/** The words of the case model in a locale: `title`, `description` and `valueLabel`, by field pattern. */
export function modelWords(locale) {
  const own = MODEL_WORDS[locale];
  // An item without a title of its own (a country of a list of countries) takes its list's.
  const titled = (pattern) => (SCHEMA_NODES.get(pattern)?.title === undefined && pattern.endsWith('[]') ? pattern.slice(0, -2) : pattern);
  return {
    title: (pattern) => (locale === 'en' ? SCHEMA_NODES.get(titled(pattern))?.title : own.fields[titled(pattern)]?.[0]) ?? '',
    description: (pattern) => (locale === 'en' ? SCHEMA_NODES.get(titled(pattern))?.description : own.fields[titled(pattern)]?.[1]) ?? '',
    valueLabel: (pattern, value) => valueLabelOf(locale, pattern, value) ?? value,
  };
}

/** The label of a value of an enum field in a locale (the catalogue's, else the case model words'), or undefined. */
export function valueLabelOf(locale, pattern, value) {
  const vocabulary = CATALOGUE_VOCABULARIES[pattern]?.(CATALOGUES[locale]);
  return (vocabulary && Object.hasOwn(vocabulary, value) ? vocabulary[value] : undefined) ?? MODEL_WORDS[locale].values[pattern]?.[value];
}
