// Evaluates the bundled example cases with the bundled rule sets and prints, for each, the
// first page of the memo a lawyer reads — the first step, the outcome per Red Notice and
// Diffusion, the dated deadlines, what else is urgent and the questions that would change the
// assessment — then where the full memos (Markdown, HTML, text, in English, Spanish, French and Arabic), the
// calendar of deadlines and a draft request to the CCF were written: examples/out/ (not kept in
// git). Run with `npm run demo` (it builds first).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateCase, LOCALES, renderReport, toICalendar } from '../dist/index.js';
import { renderDraft } from '../dist/draft.js';

const here = new URL('./', import.meta.url);
const out = new URL('out/', here);
mkdirSync(out, { recursive: true });
const examples = JSON.parse(readFileSync(new URL('examples.json', here), 'utf8'));
const width = Math.min(Math.max(process.stdout.columns ?? 100, 60), 120);
const extensions = { markdown: 'md', html: 'html', text: 'txt' };

for (const example of examples) {
  const input = JSON.parse(readFileSync(new URL(example.file, here), 'utf8'));
  const evaluation = await evaluateCase(input, { asOf: example.asOf });
  const name = example.file.replace(/^cases\/|\.json$/g, '');
  const written = [];
  const write = (file, content) => {
    writeFileSync(new URL(file, out), content);
    written.push(file);
  };
  for (const locale of LOCALES) {
    for (const [format, extension] of Object.entries(extensions)) write(`${name}.${locale}.${extension}`, renderReport(evaluation, { format, locale }));
  }
  write(`${name}.ics`, toICalendar(evaluation));
  write(`${name}.deletion-request.en.md`, renderDraft(evaluation, { kind: 'ccf_deletion_request', format: 'markdown' }));
  write(`${name}.deletion-request.es.docx`, await renderDraft(evaluation, { kind: 'ccf_deletion_request', format: 'docx', locale: 'es' }));

  console.log('#'.repeat(width));
  console.log(`# ${example.title}`);
  console.log(`# examples/${example.file}, as of ${example.asOf}`);
  console.log('#'.repeat(width));
  console.log('');
  console.log(renderReport(evaluation, { format: 'text', width, pages: 'first' }));
  console.log(`The full memos (${LOCALES.join(', ')}: .md, .html, .txt), the deadlines (.ics) and a draft request to the CCF (.md, .docx): ${fileURLToPath(out)}${name}.*`);
  console.log('');
}
