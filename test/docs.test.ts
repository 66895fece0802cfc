import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { BUNDLED_CITATIONS, createEvaluator, evaluateCase, evaluateCaseSync, validateRuleSet } from '../src/index.js';

/** The fenced code blocks of a language in a Markdown file. */
function codeBlocks(file: string, language: string): string[] {
  const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
  return [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);
}

describe('documentation examples run as written', () => {
  test('docs/rule-sets.md: the example rule set is valid and fires on a diffusion from a feared country', async () => {
    const [block] = codeBlocks('docs/rule-sets.md', 'json');
    const ruleSet = JSON.parse(block!);
    expect(validateRuleSet(ruleSet).issues).toEqual([]);
    const evaluation = await createEvaluator({ ruleSets: [ruleSet] }).evaluate(
      {
        schemaVersion: 1,
        notices: [{ id: 'df-1', kind: 'diffusion', requestingCountry: 'TJ' }],
        asylum: [{ type: 'application_filed', date: '2024-01-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
      },
      { asOf: '2025-01-01' },
    );
    const action = evaluation.actions.find((item) => item.ruleId === 'my-practice.diffusion-review');
    expect(action?.explanation).toBe('The diffusion from Tajikistan was never screened by the General Secretariat.');
  });

  test('README: the usage example gives the outcome and action it states', async () => {
    const [block] = codeBlocks('README.md', 'ts');
    const call = /evaluateCase\((\{[\s\S]*?\}), (\{ asOf: '[\d-]+' \})\);/.exec(block!)!;
    const input = new Function(`return (${call[1]});`)() as unknown;
    const options = new Function(`return (${call[2]});`)() as { asOf: string };
    const evaluation = await evaluateCase(input, options);
    expect(block).toContain(`'${evaluation.notices[0]!.outcome}'`);
    expect(block).toContain(`'${evaluation.notices[0]!.actions[0]!.code}'`);
  });

  test('README: the typed case example gives the outcome it states', () => {
    const block = codeBlocks('README.md', 'ts').find((item) => item.includes('type Case'))!;
    const literal = /const input: Case = (\{[\s\S]*?\n\});/.exec(block)![1]!;
    const input = new Function(`return (${literal});`)() as unknown;
    const [, asOf, outcome] = /evaluateCaseSync\(input, \{ asOf: '([\d-]+)' \}\)\.notices\[0\]\?\.outcome; \/\/ '([a-z_]+)'/.exec(block)!;
    expect(evaluateCaseSync(input, { asOf: asOf! }).notices[0]!.outcome).toBe(outcome);
  });

  test('README: the size budgets it states are the ones size-limit enforces', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const budgets = JSON.parse(readFileSync(new URL('../.size-limit.json', import.meta.url), 'utf8')) as Array<{ limit: string }>;
    const table = readme.slice(readme.indexOf('| bundle | size | budget |'));
    const stated = [...table.matchAll(/^\|[^|\n]+\|[^|\n]+\| ([\d.]+ kB) \|$/gm)].map((match) => match[1]);
    expect(stated).toEqual(budgets.map((budget) => budget.limit));
  });
});

describe('generated documentation', () => {
  test('docs/legal-basis.md is generated from the citation registry and is up to date (npm run docs:legal)', async () => {
    // @ts-expect-error -- a plain ESM script without types
    const { legalBasisMarkdown } = (await import('../scripts/legal-basis.mjs')) as { legalBasisMarkdown: () => string };
    const committed = readFileSync(new URL('../docs/legal-basis.md', import.meta.url), 'utf8');
    expect(committed).toBe(legalBasisMarkdown());
    for (const id of Object.keys(BUNDLED_CITATIONS)) expect(committed).toContain(`\n## ${id}\n`);
  });

  test('the API reference builds from the JSDoc with no warning (npm run docs, warnings are errors)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rnr-typedoc-'));
    try {
      const typedoc = new URL('../node_modules/typedoc/bin/typedoc', import.meta.url);
      await promisify(execFile)(process.execPath, [typedoc.pathname, '--out', out], { cwd: new URL('..', import.meta.url).pathname });
      for (const page of ['index.html', 'functions/index.evaluateCase.html', 'functions/index.renderReport.html', 'functions/analysis.analyzeRuleSets.html', 'functions/testing.runFixtures.html', 'functions/index.localizeEvaluation.html', 'functions/index.nextQuestions.html', 'functions/index.toICalendar.html', 'functions/draft.renderDraft.html']) {
        expect(existsSync(join(out, page)), page).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
