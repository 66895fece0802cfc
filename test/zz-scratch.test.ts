import { test } from 'vitest';
import { analyzeRuleSets } from '../src/analysis/index.js';

const citations = { 'test.memo': { instrument: 'Test memo', provision: 'Paragraph 1', summary: 'A made-up source.', verification: 'unverified' as const } };
test('bundled', () => {
  const t0 = performance.now();
  const report = analyzeRuleSets();
  console.log('bundled ms', performance.now() - t0, 'invalid', report.invalidDrafts);
  console.log(JSON.stringify(report.findings.map((f) => [f.code, f.path, f.message]), null, 1));
}, 600000);
test('issue examples', () => {
  const set = { id: 'mine', version: '1.0.0', title: 'Mine', rules: [
    { id: 'mine.a', title: 'a', citations: ['test.memo'], scope: 'notice', effect: 'mandatory', conditions: { all: [{ fact: 'notice.extraditionRefusal', operator: 'equal', value: 'rights_based' }, { fact: 'notice.extraditionPending', operator: 'equal', value: 'yes' }] }, action: { code: 'human_review', priority: 'low', explanation: 'x' } },
    { id: 'mine.b', title: 'b', citations: ['test.memo'], scope: 'notice', effect: 'mandatory', conditions: { all: [{ fact: 'notice.formerlyGranted', operator: 'equal', value: 'yes' }, { fact: 'notice.protectionStatus', operator: 'equal', value: 'subsidiary' }] }, action: { code: 'human_review', priority: 'low', explanation: 'x' } },
  ] };
  const report = analyzeRuleSets([set], { citations });
  console.log(JSON.stringify(report.findings.map((f) => [f.code, f.path, f.message])), JSON.stringify(report.searches));
}, 600000);
