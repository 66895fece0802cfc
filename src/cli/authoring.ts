/**
 * What the command line prints for the tools of people who write rule sets: the findings of the
 * analysis (`check --analyze`), the results of scenario fixtures (`test`), and TypeScript
 * declarations of the facts a rule set declares (`types`). Text only; the commands are in
 * `main.ts`.
 *
 * @module
 */
import type { AnalysisReport, Finding } from '../analysis/analyze.js';
import type { CustomFact } from '../facts/custom.js';
import { BUNDLED_RULE_SETS } from '../bundled.js';
import type { FixtureReport } from '../fixtures/run.js';
import { comparePaths, compareStrings } from '../support/issues.js';
import type { Locale } from '../locales/index.js';
import { issueText } from './input.js';
import { cliWords, countWords, fill } from './words.js';

/** Where a path of a finding or an issue is: the file (or bundled rule set) and the path inside it. */
export type PathSource = (path: string) => { readonly file: string; readonly path: string };

/**
 * The lines of the analysis: each finding as `file: path: severity code — message`, then what
 * shows it, indented — the proof of a rule that can never fire, the witness case of a conflict,
 * a gap or a knock-on effect (as JSON: run it with `red-notice-rules evaluate - --as-of …`).
 *
 * @example
 * ```ts
 * const report = { findings: [], searches: [], invalidDrafts: 0 };
 * analysisLines(report, (path) => ({ file: 'mine.json', path })); // []
 * ```
 */
export function analysisLines(report: AnalysisReport, source: PathSource, locale: Locale = 'en'): string[] {
  const lines: string[] = [];
  for (const finding of report.findings) {
    const where = source(finding.path);
    const location = [where.file, where.path].filter((part) => part !== '').join(': ');
    lines.push(`${location === '' ? '' : `${location}: `}${finding.severity} ${finding.code} — ${issueText(finding, locale)}`);
    lines.push(...shownBy(finding, locale).map((line) => `    ${line}`));
  }
  return lines;
}

/** @internal What shows a finding, as lines. */
function shownBy(finding: Finding, locale: Locale): string[] {
  const words = cliWords(locale);
  switch (finding.code) {
    case 'unreachable': {
      const conditions = finding.proof.conditions.map((condition) => `${condition.path}: ${condition.fact} ${condition.operator} ${JSON.stringify(condition.expected)}`);
      const invariants = finding.proof.invariants.map((invariant) => fill(words.givenThat, { about: invariant.about, id: invariant.id }));
      return [fill(words.proof, { conditions: conditions.join('; ') }), ...invariants.map((line) => `  ${line}`)];
    }
    case 'no_witness':
      return [];
    default:
      return [
        fill(words.witness, { date: finding.witness.asOf, notice: finding.witness.noticeId, description: finding.witness.description.join('; ') }),
        `  ${JSON.stringify(finding.witness.case)}`,
      ];
  }
}

/**
 * The lines of a run of fixtures: each fixture passed or failed (with why), then the coverage of
 * the rule sets asked for: the rules no fixture made fire, the comparisons no fixture met.
 *
 * @example
 * ```ts
 * const report = { passed: 1, failed: 0, results: [{ name: 'a refugee', passed: true, differences: [], diff: '' }], coverage: { rules: [], neverFired: [], conditionsNeverMet: [] } };
 * fixtureLines(report, undefined); // ['pass  a refugee', '1 passed, 0 failed.']
 * ```
 */
export function fixtureLines(report: FixtureReport, coverageOf: ReadonlySet<string> | undefined, locale: Locale = 'en'): string[] {
  const words = cliWords(locale);
  const lines: string[] = [];
  for (const result of report.results) {
    lines.push(`${result.passed ? words.pass : words.fail}  ${result.name}`);
    if (!result.passed) lines.push(...result.diff.split('\n').map((line) => `      ${line}`));
  }
  lines.push(fill(words.fixtures, { passed: report.passed, failed: report.failed }));
  if (coverageOf !== undefined) lines.push(...coverageLines(report.coverage, coverageOf, locale));
  return lines;
}

/**
 * The coverage of some rule sets in a run of fixtures: the rules no fixture made fire, the
 * comparisons no fixture met.
 *
 * @example
 * ```ts
 * coverageLines({ rules: [], neverFired: [], conditionsNeverMet: [] }, new Set(['mine'])); // ['Coverage of mine: 0 rules.', '  every rule fired in some fixture.', '  every comparison was met in some fixture.']
 * ```
 */
export function coverageLines(coverage: FixtureReport['coverage'], coverageOf: ReadonlySet<string>, locale: Locale = 'en'): string[] {
  const words = cliWords(locale);
  const lines: string[] = [];
  const report = { coverage };
  const rules = report.coverage.rules.filter((rule) => coverageOf.has(rule.ruleSet));
  const ruleIds = new Set(rules.map((rule) => rule.ruleId));
  const neverFired = report.coverage.neverFired.filter((id) => ruleIds.has(id));
  const neverMet = report.coverage.conditionsNeverMet.filter((item) => ruleIds.has(item.ruleId));
  lines.push(fill(words.coverage, { ruleSets: [...coverageOf].sort(compareStrings).join(', '), rules: countWords(words.rules, rules.length, locale) }));
  lines.push(`  ${neverFired.length === 0 ? words.everyRuleFired : fill(words.neverFired, { rules: neverFired.join(', ') })}`);
  lines.push(`  ${neverMet.length === 0 ? words.everyComparisonMet : fill(words.comparisonsNeverMet, { comparisons: neverMet.map((item) => `${item.ruleId} ${item.path}`).join(', ') })}`);
  return lines;
}

/** @internal The TypeScript type of a fact's value, as a case states it. */
function typeOf(fact: CustomFact): string {
  switch (fact.declaredType) {
    case 'boolean':
      return 'boolean';
    case 'enum':
      return (fact.values ?? []).map((value) => `'${value}'`).join(' | ') || 'never';
    case 'date':
      return 'string';
    case 'number':
      return 'number';
    case 'countries':
      return 'string[]';
  }
}

/** @internal `firm` → `Firm`. */
function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** @internal A JSDoc comment of one line or several. */
function doc(text: string, indent: string): string[] {
  const clean = text.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();
  return clean === '' ? [] : [`${indent}/** ${clean} */`];
}

/**
 * TypeScript declarations of the facts rule sets declare: per namespace, an interface of the
 * case's extensions and one of a notice's, then `CaseExtensions` and `NoticeExtensions` with
 * every namespace — what an application that fills in cases can type its `extensions` with.
 *
 * @example
 * ```ts
 * import { customFactsOf } from '../facts/custom.js';
 *
 * const facts = customFactsOf({ id: 'firm.ncb', namespace: 'firm', facts: { hostNcbInformed: { scope: 'notice', type: 'boolean', description: 'Whether the host NCB was told.' } } });
 * declarations(facts).includes('  hostNcbInformed?: boolean;'); // true
 * ```
 */
export function declarations(facts: readonly CustomFact[]): string {
  const byNamespace = new Map<string, CustomFact[]>();
  for (const fact of facts) byNamespace.set(fact.namespace, [...(byNamespace.get(fact.namespace) ?? []), fact]);
  const namespaces = [...byNamespace.keys()].sort(compareStrings);
  const lines = ['// Generated by `red-notice-rules types`: the facts these rule sets declare, as a case states them in `extensions`.', ''];
  for (const namespace of namespaces) {
    const own = byNamespace.get(namespace)!;
    const ruleSets = [...new Set(own.map((fact) => fact.ruleSet))].sort(compareStrings).join(', ');
    for (const scope of ['case', 'notice'] as const) {
      const scoped = own.filter((fact) => fact.scope === scope).sort((a, b) => comparePaths(a.key, b.key));
      if (scoped.length === 0) continue;
      lines.push(...doc(`Facts of rule set ${ruleSets} about ${scope === 'case' ? 'the case' : 'one notice'}: \`${scope === 'case' ? '' : 'notices[i].'}extensions.${namespace}\`.`, ''));
      lines.push(`export interface ${pascal(namespace)}${pascal(scope)}Extensions {`);
      for (const fact of scoped) {
        lines.push(...doc(`${fact.description}${fact.declaredType === 'date' ? ' (a date, YYYY-MM-DD)' : fact.declaredType === 'countries' ? ' (country codes)' : ''}`, '  '));
        lines.push(`  ${fact.key}?: ${typeOf(fact)};`);
      }
      lines.push('}', '');
    }
  }
  for (const scope of ['case', 'notice'] as const) {
    const withFacts = namespaces.filter((namespace) => byNamespace.get(namespace)!.some((fact) => fact.scope === scope));
    if (withFacts.length === 0) continue;
    lines.push(...doc(`The \`extensions\` of ${scope === 'case' ? 'a case' : 'a notice'}, with the facts of these rule sets.`, ''));
    lines.push(`export interface ${pascal(scope)}Extensions {`);
    for (const namespace of withFacts) lines.push(`  ${namespace}?: ${pascal(namespace)}${pascal(scope)}Extensions;`);
    lines.push('}', '');
  }
  return lines.join('\n');
}

/**
 * Where a finding's path is: `[k]` is the k-th rule-set file, `bundled[k]` a bundled rule set.
 *
 * @example
 * ```ts
 * findingSource('[0].rules[2]', ['mine.json']); // { file: 'mine.json', path: 'rules[2]' }
 * ```
 */
export function findingSource(path: string, files: readonly string[]): { file: string; path: string } {
  const own = /^\[(\d+)\]\.?/.exec(path);
  if (own) return { file: files[Number(own[1])] ?? own[0], path: path.slice(own[0].length) };
  const bundled = /^bundled\[(\d+)\]\.?/.exec(path);
  if (bundled) return { file: `bundled rule set ${(BUNDLED_RULE_SETS[Number(bundled[1])] as { id?: string } | undefined)?.id ?? bundled[1]}`, path: path.slice(bundled[0].length) };
  return { file: '', path };
}

/**
 * The coverage of several runs together: a rule fired if it fired in any, a comparison met if met in any.
 *
 * @example
 * ```ts
 * mergeCoverage([{ rules: [], neverFired: [], conditionsNeverMet: [] }]).neverFired; // []
 * ```
 */
export function mergeCoverage(coverages: readonly FixtureReport['coverage'][]): FixtureReport['coverage'] {
  const rules = new Map<string, FixtureReport['coverage']['rules'][number]>();
  for (const coverage of coverages) for (const rule of coverage.rules) if (!rules.has(rule.ruleId)) rules.set(rule.ruleId, rule);
  const fired = (id: string) => coverages.some((coverage) => coverage.rules.some((rule) => rule.ruleId === id) && !coverage.neverFired.includes(id));
  const met = (id: string, path: string) => coverages.some((coverage) => coverage.rules.some((rule) => rule.ruleId === id) && !coverage.conditionsNeverMet.some((item) => item.ruleId === id && item.path === path));
  const allRules = [...rules.values()];
  return {
    rules: allRules,
    neverFired: allRules.map((rule) => rule.ruleId).filter((id) => !fired(id)).sort(compareStrings),
    conditionsNeverMet: coverages.flatMap((coverage) => coverage.conditionsNeverMet).filter((item, index, items) => !met(item.ruleId, item.path) && items.findIndex((other) => other.ruleId === item.ruleId && other.path === item.path) === index),
  };
}
