/**
 * What `red-notice-rules check` does with each file: it recognises what the file is — a rule set,
 * a citation registry, a file of misuse patterns, a list of INTERPOL's member countries, treaty
 * party lists or scenario fixtures — by its `$schema` (as the
 * files in `rules/` and `examples/` declare it) or else by its shape, and checks it as what it is.
 * So `check rules/*.json` checks the citations and patterns too, instead of reading them as
 * broken rule sets.
 *
 * @module
 */
import type * as z from 'zod';
import { citationRegistrySchema, type Citation } from '../citations/registry.js';
import { interpolMembersFileSchema } from '../context/interpol-members.js';
import { misusePatternFileSchema } from '../context/misuse-patterns.js';
import { treatyPartiesFileSchema } from '../context/treaty-parties.js';
import { fixtureFileSchema } from '../fixtures/schema.js';
import { RULE_SET_ISSUE_CODES } from '../errors.js';
import { makeIssue } from '../locales/issues.js';
import { RULE_SET_LIMITS } from '../rules/schema.js';
import { IDENTIFIER_PATTERN } from '../support/fields.js';
import { compareIssues, type Issue } from '../support/issues.js';
import { snapshotJson } from '../support/json-scan.js';
import { mapZodIssues } from '../support/zod-issues.js';

/** The kinds of file `check` knows. */
export type CheckedFileKind = 'rule-set' | 'citations' | 'misuse-patterns' | 'interpol-members' | 'treaty-parties' | 'fixtures';

/** The kinds, in the order the summary line counts them (their names are the locales' `cli.fileKinds`). */
export const CHECKED_FILE_KINDS: readonly CheckedFileKind[] = ['rule-set', 'citations', 'misuse-patterns', 'interpol-members', 'treaty-parties', 'fixtures'];

/**
 * What a file is: its `$schema` says so (`…/citations.schema.json`, `…/misuse-patterns.schema.json`,
 * `…/fixtures.schema.json`, `…/rule-set.schema.json`); without one, an array is fixtures, an
 * object with `citations` and no `rules` a citation registry, one with `patterns` and no `rules`
 * misuse patterns, and anything else a rule set.
 *
 * @example
 * ```ts
 * fileKind({ $schema: '../schemas/citations.schema.json', citations: {} }); // 'citations'
 * fileKind([{ name: 'a', asOf: '2025-01-01', case: {}, expect: {} }]);    // 'fixtures'
 * ```
 */
export function fileKind(json: unknown): CheckedFileKind {
  if (Array.isArray(json)) return 'fixtures';
  if (json === null || typeof json !== 'object') return 'rule-set';
  const record = json as Record<string, unknown>;
  const declared = Object.hasOwn(record, '$schema') && typeof record.$schema === 'string' ? /([a-z-]+)\.schema\.json$/.exec(record.$schema)?.[1] : undefined;
  if (
    declared === 'citations' ||
    declared === 'misuse-patterns' ||
    declared === 'interpol-members' ||
    declared === 'treaty-parties' ||
    declared === 'fixtures' ||
    declared === 'rule-set'
  ) {
    return declared;
  }
  if (Object.hasOwn(record, 'rules')) return 'rule-set';
  if (Object.hasOwn(record, 'citations')) return 'citations';
  if (Object.hasOwn(record, 'patterns')) return 'misuse-patterns';
  if (Object.hasOwn(record, 'members')) return 'interpol-members';
  if (Object.hasOwn(record, 'treaties')) return 'treaty-parties';
  return 'rule-set';
}

/** @internal A file checked against a zod schema: the scan, then the schema, as issues. */
function schemaCheck<T>(schema: z.ZodType<T>, json: unknown, unknownKeyVariant: 'citation' | 'misusePatterns' | 'fixtures' | 'ruleSet'): { value?: T; issues: Issue[] } {
  const scanned = snapshotJson(json, { characters: RULE_SET_LIMITS.characters, depth: RULE_SET_LIMITS.depth });
  if (!scanned.success) return { issues: scanned.issues };
  const parsed = schema.safeParse(scanned.value);
  if (parsed.success) return { value: parsed.data, issues: [] };
  const issues = mapZodIssues(parsed.error.issues, scanned.value, { makeIssue, unknownKeyVariant, customCodes: RULE_SET_ISSUE_CODES, revealKey: (key) => IDENTIFIER_PATTERN.test(key) });
  return { issues: issues.sort(compareIssues) };
}

/**
 * A citation registry file checked: the schema, then ids that repeat one of `taken` (bundled
 * citations, or those of the files before). Returns the citations that load.
 *
 * @example
 * ```ts
 * const file = { citations: { 'firm.memo-2024': { instrument: 'Firm memo', provision: 'Section 2', summary: 'Our reading of the practice.', verification: 'secondary' } } };
 * const { citations, issues } = checkCitationFile(file, new Set(['res2017.deletion']));
 * Object.keys(citations); // ['firm.memo-2024']
 * issues.length; // 0
 * checkCitationFile(file, new Set(['firm.memo-2024'])).issues.map((issue) => issue.code); // ['duplicate_citation_id']
 * ```
 */
export function checkCitationFile(json: unknown, taken: ReadonlySet<string>): { citations: Record<string, Citation>; issues: Issue[] } {
  const { value, issues } = schemaCheck(citationRegistrySchema, json, 'citation');
  const citations: Record<string, Citation> = {};
  for (const [id, citation] of Object.entries(value?.citations ?? {})) {
    if (taken.has(id)) issues.push({ code: 'duplicate_citation_id', path: `citations[${JSON.stringify(id)}]`, message: 'Another citation (bundled, or in a file before this one) already has this id.', severity: 'error' });
    else citations[id] = citation;
  }
  return { citations, issues };
}

/**
 * A misuse-pattern file checked: the schema, then pattern ids that repeat.
 *
 * @example
 * ```ts
 * import { BUNDLED_MISUSE_PATTERNS } from '../bundled.js';
 *
 * checkMisusePatternFile(BUNDLED_MISUSE_PATTERNS).length; // 0
 * checkMisusePatternFile({ patterns: 'none' }).map((issue) => issue.path).includes('patterns'); // true
 * ```
 */
export function checkMisusePatternFile(json: unknown): Issue[] {
  const { value, issues } = schemaCheck(misusePatternFileSchema, json, 'misusePatterns');
  const seen = new Set<string>();
  value?.patterns.forEach((pattern, index) => {
    if (seen.has(pattern.id)) issues.push({ code: 'duplicate_pattern_id', path: `patterns[${index}].id`, message: 'Another pattern of this file already has this id.', severity: 'error' });
    seen.add(pattern.id);
  });
  return issues;
}

/**
 * A fixture file checked against the fixture format (the cases in it are validated when the
 * fixtures run, not here).
 *
 * @example
 * ```ts
 * checkFixtureFile([{ name: 'a refugee whose status is confirmed', asOf: '2026-01-15', case: {}, expect: {} }]).length; // 0
 * checkFixtureFile({ fixtures: [] }).length > 0; // true
 * ```
 */
export function checkFixtureFile(json: unknown): Issue[] {
  return schemaCheck(fixtureFileSchema, json, 'fixtures').issues;
}

/**
 * A reference-data file checked against its format: a list of INTERPOL's member countries
 * (`rules/interpol-members.json`) or treaty party lists (`rules/treaty-parties.json`).
 *
 * @example
 * ```ts
 * import { BUNDLED_INTERPOL_MEMBERS, BUNDLED_TREATY_PARTIES } from '../bundled.js';
 *
 * checkReferenceFile('interpol-members', BUNDLED_INTERPOL_MEMBERS).length; // 0
 * checkReferenceFile('treaty-parties', BUNDLED_TREATY_PARTIES).length; // 0
 * checkReferenceFile('interpol-members', { members: [] }).length > 0; // true
 * ```
 */
export function checkReferenceFile(kind: 'interpol-members' | 'treaty-parties', json: unknown): Issue[] {
  return kind === 'interpol-members' ? schemaCheck(interpolMembersFileSchema, json, 'ruleSet').issues : schemaCheck(treatyPartiesFileSchema, json, 'ruleSet').issues;
}
