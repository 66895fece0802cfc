// Evaluates the bundled example cases with the bundled rule sets and prints, for each, the memo
// a lawyer reads: per notice what INTERPOL's rules say and what to do next. Run with
// `npm run demo` (it builds first). The memo is `renderReport(evaluation, { format: 'text' })`.
import { readFileSync } from 'node:fs';
import { evaluateCase, renderReport } from '../dist/index.js';

const here = new URL('./', import.meta.url);
const examples = JSON.parse(readFileSync(new URL('examples.json', here), 'utf8'));
const width = Math.min(Math.max(process.stdout.columns ?? 100, 60), 120);

for (const example of examples) {
  const input = JSON.parse(readFileSync(new URL(example.file, here), 'utf8'));
  const evaluation = await evaluateCase(input, { asOf: example.asOf });
  console.log('#'.repeat(width));
  console.log(`# ${example.title}`);
  console.log(`# examples/${example.file}`);
  console.log('#'.repeat(width));
  console.log('');
  console.log(renderReport(evaluation, { format: 'text', width }));
}
