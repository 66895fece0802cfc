/**
 * Facts of a rule set's own: a rule set declares them under a `namespace` (`"namespace": "firm"`,
 * `"facts": { "hostNcbInformed": { "scope": "notice", "type": "boolean" } }`), its rules read them
 * as `firm.hostNcbInformed`, and a case states them in its `extensions` object — for a notice
 * fact, in the notice's (`notices[i].extensions.firm.hostNcbInformed`). An evaluator that has
 * the rule set checks the values against their declared type; a value that is not stated is
 * unknown, as any fact.
 *
 * Types: `boolean` (a yes/no fact: `true`/`false` in the case, `yes`/`no` in conditions), `enum`
 * (one of the declared `values`), `date` (a calendar date), `number` (a finite number) and
 * `countries` (a list of country codes).
 *
 * @module
 */
import type { Issue } from '../support/issues.js';
import { isCalendarDate } from '../support/dates.js';
import { isCountryCode } from '../support/countries.js';
import { makeIssue } from '../locales/issues.js';
import type { CaseIssueCode } from '../errors.js';
import type { FactScope, FactType, FactValue } from './catalogue.js';
import { FACT_VOCABULARIES } from './catalogue.js';

/** The types a rule set's own fact may have. */
export const CUSTOM_FACT_TYPES = ['boolean', 'enum', 'date', 'number', 'countries'] as const;

/** The type of a rule set's own fact. */
export type CustomFactType = (typeof CUSTOM_FACT_TYPES)[number];

/** A fact a rule set declares, as it declares it. */
export interface CustomFactDeclaration {
  readonly scope: FactScope;
  readonly type: CustomFactType;
  /** The values of an `enum` fact. */
  readonly values?: readonly string[] | undefined;
  /** What it means (shown by `types` and `explain`). */
  readonly description?: string | undefined;
}

/** A rule set's own fact, as the rules read it. */
export interface CustomFact {
  /** `namespace.key`, as conditions name it. */
  readonly name: string;
  readonly namespace: string;
  /** Its name in the namespace (its key in `extensions`). */
  readonly key: string;
  readonly scope: FactScope;
  /** The fact type conditions compare it as (`boolean` is a yes/no `enum`, `countries` an `enum-list`). */
  readonly type: FactType;
  readonly declaredType: CustomFactType;
  /** The values of an enum fact, or the items of a list. */
  readonly values?: readonly string[];
  readonly description: string;
  /** The rule set that declares it. */
  readonly ruleSet: string;
}

/** The fact type a declared type compares as. */
const COMPARED_AS: Readonly<Record<CustomFactType, FactType>> = { boolean: 'enum', enum: 'enum', date: 'date', number: 'number', countries: 'enum-list' };

/**
 * The facts a rule set declares, as rules read them.
 *
 * @example
 * ```ts
 * const [fact] = customFactsOf({ id: 'firm.ncb', namespace: 'firm', facts: { hostNcbInformed: { scope: 'notice', type: 'boolean' } } });
 * fact?.name; // 'firm.hostNcbInformed'
 * fact?.values; // ['yes', 'no']
 * ```
 */
export function customFactsOf(ruleSet: { readonly id: string; readonly namespace?: string | undefined; readonly facts?: Readonly<Record<string, CustomFactDeclaration>> | undefined }): CustomFact[] {
  const namespace = ruleSet.namespace;
  if (namespace === undefined || ruleSet.facts === undefined) return [];
  return Object.entries(ruleSet.facts)
    .map(([key, declaration]): CustomFact => {
      const values = declaration.type === 'boolean' ? FACT_VOCABULARIES.yesNo : declaration.type === 'countries' ? FACT_VOCABULARIES.country : declaration.type === 'enum' ? declaration.values : undefined;
      return {
        name: `${namespace}.${key}`,
        namespace,
        key,
        scope: declaration.scope,
        type: COMPARED_AS[declaration.type],
        declaredType: declaration.type,
        ...(values === undefined ? {} : { values }),
        description: declaration.description ?? '',
        ruleSet: ruleSet.id,
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A value stated in a case for a rule set's own fact, as a fact value — or why it does not fit
 * the declared type (`undefined` value, an issue code).
 *
 * @example
 * ```ts
 * const fact = customFactsOf({ id: 'firm.ncb', namespace: 'firm', facts: { hostNcbInformed: { scope: 'notice', type: 'boolean' } } })[0]!;
 * customFactValue(fact, true); // { value: 'yes' }
 * customFactValue(fact, 'yes'); // { problem: 'invalid_extension_value' }
 * ```
 */
export function customFactValue(fact: CustomFact, stated: unknown): { readonly value: FactValue } | { readonly problem: 'invalid_extension_value' } {
  const bad = { problem: 'invalid_extension_value' } as const;
  switch (fact.declaredType) {
    case 'boolean':
      return typeof stated === 'boolean' ? { value: stated ? 'yes' : 'no' } : bad;
    case 'enum':
      return typeof stated === 'string' && (fact.values ?? []).includes(stated) ? { value: stated } : bad;
    case 'date':
      return isCalendarDate(stated) ? { value: stated } : bad;
    case 'number':
      return typeof stated === 'number' && Number.isFinite(stated) ? { value: stated } : bad;
    case 'countries':
      return Array.isArray(stated) && stated.every((item) => typeof item === 'string' && isCountryCode(item)) && new Set(stated).size === stated.length
        ? { value: [...(stated as string[])].sort() }
        : bad;
  }
}

/**
 * Checks the `extensions` of a valid case against the rule sets' own facts an evaluator has: in
 * a namespace the evaluator knows, every key must be a declared fact of the scope (case or
 * notice) and its value must fit the fact's type. Namespaces the evaluator does not know are
 * left alone (they are for other rule sets). Issues never quote the value.
 *
 * @example
 * ```ts
 * const facts = customFactsOf({ id: 'firm.ncb', namespace: 'firm', facts: { hostNcbInformed: { scope: 'notice', type: 'boolean' } } });
 * const issues = checkExtensions({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ', extensions: { firm: { hostNcbInformed: 'no' } } }] }, facts);
 * issues.map((issue) => [issue.path, issue.code]); // [['notices[0].extensions.firm.hostNcbInformed', 'invalid_extension_value']]
 * ```
 */
export function checkExtensions(value: { readonly extensions?: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined; readonly notices: ReadonlyArray<{ readonly extensions?: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined }> }, facts: readonly CustomFact[]): Issue<CaseIssueCode>[] {
  if (facts.length === 0) return [];
  const namespaces = new Set(facts.map((fact) => fact.namespace));
  const byName = new Map(facts.map((fact) => [`${fact.scope}:${fact.name}`, fact]));
  const issues: Issue<CaseIssueCode>[] = [];
  const check = (extensions: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined, scope: FactScope, at: string) => {
    for (const [namespace, values] of Object.entries(extensions ?? {})) {
      if (!namespaces.has(namespace)) continue;
      for (const [key, stated] of Object.entries(values)) {
        const path = `${at}extensions.${namespace}.${key}`;
        const fact = byName.get(`${scope}:${namespace}.${key}`);
        if (fact === undefined) issues.push(makeIssue('unknown_extension_fact', path, { variant: scope }));
        else if ('problem' in customFactValue(fact, stated)) issues.push(makeIssue('invalid_extension_value', path, { variant: fact.declaredType }));
      }
    }
  };
  check(value.extensions, 'case', '');
  value.notices.forEach((notice, index) => check(notice.extensions, 'notice', `notices[${index}].`));
  return issues;
}
