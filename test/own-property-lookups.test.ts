import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { explainRule } from '../src/present/explain.js';
import { BUNDLED_CITATIONS, createEvaluator, renderReport, type OperatorDefinition, type RuleJson, type RuleSetJson } from '../src/index.js';
// @ts-expect-error -- a plain ESM script without types
import { servePlayground } from '../scripts/playground.mjs';

/** Issue 10, fault 7: names from input index records by own properties only; the dev server survives `GET /%`. */

const toStringOperator: OperatorDefinition = { name: 'toString', factTypes: ['enum'], valueKind: 'scalar', test: (fact, value) => fact === value };
const ruleSet = {
  id: 'mine',
  version: '1.0.0',
  title: 'Mine',
  rules: [
    {
      id: 'mine.diffusion-undetermined',
      title: 'A diffusion needs a look',
      citations: ['const.art3'],
      scope: 'notice',
      effect: 'mandatory',
      conditions: { all: [{ fact: 'notice.kind', operator: 'toString', value: 'diffusion' }] },
      outcome: 'undetermined',
    },
  ],
};
const input = { schemaVersion: 1, notices: [{ id: 'df-1', kind: 'diffusion', requestingCountry: 'TJ' }] };

describe('a registered operator named toString', () => {
  test('reads as its own name in every format of the memo, never as native code', async () => {
    const evaluation = await createEvaluator({ ruleSets: [ruleSet], operators: [toStringOperator] }).evaluate(input, { asOf: '2025-01-01' });
    for (const format of ['text', 'markdown', 'html'] as const) {
      const memo = renderReport(evaluation, { format });
      expect(memo, format).not.toContain('native code');
      expect(memo, format).toContain('toString');
    }
  });

  test('reads as its own name in explain', () => {
    const explained = explainRule(ruleSet.rules[0] as unknown as RuleJson, ruleSet as unknown as RuleSetJson, new Map(Object.entries(BUNDLED_CITATIONS)), 'en');
    expect(explained).not.toContain('native code');
    expect(explained).toContain('Red Notice or Diffusion toString Diffusion [notice.kind]');
  });

  test('a reference to a named condition called toString is unknown, not Object.prototype.toString', () => {
    const referencing = { ...ruleSet, rules: [{ ...ruleSet.rules[0], conditions: { all: [{ condition: 'toString' }] } }] };
    expect(() => createEvaluator({ ruleSets: [referencing] })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: 'unknown_condition_reference' })] }));
  });
});

describe("the playground's development server", () => {
  test('answers GET /% with 400 and keeps serving', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'rnr-serve-'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>ok</title>');
    const server = (await servePlayground(directory, 0)) as Server;
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${base}/%`)).status).toBe(400);
      expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
      expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>ok</title>');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
