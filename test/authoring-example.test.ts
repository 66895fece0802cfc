import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runCli } from './support/cli.js';
import { analyzeRuleSets } from '../src/analysis/index.js';
import { checkRuleSets, createEvaluator, validateRuleSet } from '../src/index.js';
import { runFixtures } from '../src/testing/index.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const rulesText = read('examples/authoring/detention-letters.rules.json');
const rules = JSON.parse(rulesText) as Record<string, unknown>;
const firmCitations = JSON.parse(read('examples/authoring/firm-citations.json')) as { citations: Record<string, never> };
const fixtures = JSON.parse(read('examples/authoring/detention-letters.fixtures.json')) as unknown[];
const doc = read('docs/authoring-rules.md');
const options = { citations: firmCitations.citations };

describe('docs/authoring-rules.md runs as written, on the files it shows', () => {
  test('the rule set shown is the file', () => {
    expect(doc).toContain('```json\n' + rulesText + '```');
  });

  test('step 2: the rule set checks clean — alone, with the bundled sets, and semantically', () => {
    expect(validateRuleSet(rules, options).issues).toEqual([]);
    expect(checkRuleSets([rules], options).issues).toEqual([]);
    expect(analyzeRuleSets([rules], options).findings).toEqual([]);
  }, 120_000);

  test('step 2: the misspelt fact gives the issue shown', () => {
    const broken = JSON.parse(rulesText.replace('"notice.detainedOnNoticeBy"', '"notice.detainedBy"')) as unknown;
    const [issue] = validateRuleSet(broken, options).issues;
    expect(doc).toContain(`${issue!.path}  ${issue!.code}  ${issue!.message}`);
  });

  test('steps 3 and 4: it loads, the fixtures pass, and the coverage of its rule is complete', async () => {
    const evaluator = createEvaluator({ ruleSets: [rules], ...options });
    const report = await runFixtures(evaluator, fixtures);
    expect(doc).toContain(`report.passed;                       // → ${report.passed}`);
    expect(doc).toContain(`report.failed;                       // → ${report.failed}`);
    expect(report.failed).toBe(0);
    expect(report.coverage.neverFired).not.toContain('firm.detention-letter');
    expect(report.coverage.conditionsNeverMet.filter((item) => item.ruleId === 'firm.detention-letter')).toEqual([]);
  });

  test('a wrong deadline gives the diff shown', async () => {
    const wrong = structuredClone(fixtures) as Array<{ expect: { notices: Record<string, { deadlines?: Record<string, string> }> } }>;
    wrong[0]!.expect.notices['rn-1']!.deadlines = { send_detention_letter: '2026-03-03' };
    const report = await runFixtures(createEvaluator({ ruleSets: [rules], ...options }), wrong);
    expect(doc).toContain(report.results[0]!.diff);
  });

  test('the custom operator shown loads and works in a rule', async () => {
    const containsAny = {
      name: 'containsAny',
      factTypes: ['enum-list' as const],
      valueKind: 'list' as const,
      test: (fact: unknown, value: unknown) => (value as string[]).some((item) => (fact as string[]).includes(item)),
    };
    const withOperator = JSON.parse(rulesText.replace('"operator": "contains", "value": "immigration"', '"operator": "containsAny", "value": ["immigration", "criminal"]')) as unknown;
    expect(checkRuleSets([withOperator], { ...options, operators: [containsAny] }).issues).toEqual([]);
    const evaluator = createEvaluator({ ruleSets: [withOperator], ...options, operators: [containsAny] });
    for (const engine of ['compiled', 'json-rules-engine'] as const) {
      const report = await runFixtures(createEvaluator({ ruleSets: [withOperator], ...options, operators: [containsAny], engine }), [fixtures[0]]);
      expect(report.failed).toBe(0);
    }
    expect(evaluator.ruleSets.map((set) => set.id)).toContain('firm.detention-letters');
  });
});

describe('docs/authoring-rules.md: facts of your own, the worked example ("inform the host country\'s NCB within 14 days of a deletion")', () => {
  const ncbText = read('examples/authoring/ncb-deletion.rules.json');
  const ncb = JSON.parse(ncbText) as Record<string, unknown>;
  const ncbFixtures = JSON.parse(read('examples/authoring/ncb-deletion.fixtures.json')) as unknown[];

  /** Runs the command line in-process, on the repository's files. */
  const cli = (argv: string[]) => runCli(argv, { readFile: async (path) => read(path) });

  test('the rule set shown is the file, and it checks clean — alone, with the bundled sets, and semantically', () => {
    expect(doc).toContain('```json\n' + ncbText + '```');
    expect(validateRuleSet(ncb, options).issues).toEqual([]);
    expect(checkRuleSets([ncb], options).issues).toEqual([]);
    expect(analyzeRuleSets([ncb], options).findings).toEqual([]);
  });

  test('its fixtures pass on both engines: the action and its deadline (14 days from notice.deletedOn), nothing once the NCB was told, a missing fact when the case does not say, an invalid value refused', async () => {
    for (const engine of ['compiled', 'json-rules-engine'] as const) {
      const report = await runFixtures(createEvaluator({ ruleSets: [ncb], ...options, engine }), ncbFixtures);
      expect(report.results.filter((result) => !result.passed).map((result) => result.diff)).toEqual([]);
      expect(report.passed).toBe(4);
    }
  });

  test('the case shown is valid with the rule set, and its explanation names the day of the deletion', async () => {
    const caseJson = JSON.parse(/A case for it:\n\n```json\n([\s\S]*?)```/.exec(doc)![1]!) as unknown;
    const evaluation = await createEvaluator({ ruleSets: [ncb], ...options }).evaluate(caseJson, { asOf: '2026-03-02' });
    const action = evaluation.actions.find((item) => item.code === 'inform_host_ncb')!;
    expect(action.deadline?.date).toBe('2026-03-06');
    expect(action.explanation).toContain('on 20 February 2026');
    // Due within 14 days of the date judged at: the urgency policy makes it urgent (docs/semantics.md, section 10).
    expect(action.priority).toBe('urgent');
  });

  test('the declarations shown are what `red-notice-rules types` prints', async () => {
    const result = await cli(['types', 'examples/authoring/ncb-deletion.rules.json']);
    expect(result.code).toBe(0);
    expect(doc).toContain(`$ red-notice-rules types examples/authoring/ncb-deletion.rules.json\n${result.stdout}\`\`\``);
    expect(result.stdout).toContain('hostNcbInformed?: boolean;');
  });

  test('the command lines shown work: check --analyze and test exit 0', async () => {
    const lines = /## On the command line\n\n```sh\n([\s\S]*?)```/.exec(doc)![1]!.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const result = await cli(line.split(' ').slice(1));
      expect(result.code, `${line}: ${result.stdout}${result.stderr}`).toBe(0);
    }
  }, 60_000);
});
