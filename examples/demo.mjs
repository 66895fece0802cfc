// Evaluates the bundled example cases with the bundled rule sets and prints, per notice, what
// INTERPOL's rules say and what to do next. Run with `npm run demo` (it builds first).
import { readFileSync } from 'node:fs';
import { evaluateCase } from '../dist/index.js';

const here = new URL('./', import.meta.url);
const examples = JSON.parse(readFileSync(new URL('examples.json', here), 'utf8'));

const OUTCOME_WORDS = {
  delete: 'DELETE — the refugee provisions require INTERPOL to delete it',
  delete_once_confirmed: 'DELETE ONCE CONFIRMED — deletion follows once a member country confirms the status',
  pending_asylum: 'PENDING ASYLUM — wait for the asylum decision; rely on the general grounds meanwhile',
  retain: 'RETAIN POSSIBLE — INTERPOL may keep it only if it complies with its rules',
  restore_possible: 'RESTORE POSSIBLE — INTERPOL may restore it only if it complies with its rules',
  not_applicable: 'NOT APPLICABLE — the refugee provisions do not cover it (other routes remain)',
  undetermined: 'UNDETERMINED — the facts or the practice do not allow an answer',
};
const VERIFICATION = { primary: 'primary source', secondary: 'secondary source — check before filing', unverified: 'UNVERIFIED — check before filing' };
const KIND = { red_notice: 'Red Notice', diffusion: 'Diffusion' };

function wrap(text, indent, width = 100) {
  const words = text.split(/\s+/);
  const lines = [];
  let line = '';
  for (const word of words) {
    if ((line + ' ' + word).trim().length > width - indent.length) {
      lines.push(line);
      line = word;
    } else {
      line = (line + ' ' + word).trim();
    }
  }
  if (line) lines.push(line);
  return lines.map((item) => indent + item).join('\n');
}

for (const example of examples) {
  const input = JSON.parse(readFileSync(new URL(example.file, here), 'utf8'));
  const evaluation = await evaluateCase(input, { asOf: example.asOf });
  const { protection } = evaluation;
  console.log('='.repeat(100));
  console.log(example.title);
  console.log(`examples/${example.file} — judged as of ${evaluation.meta.asOf}`);
  console.log(
    `Protection: ${protection.status}` +
      (protection.hostCountries.length ? ` (host states: ${protection.hostCountries.join(', ')})` : '') +
      `; confirmed to INTERPOL: ${protection.confirmed}`,
  );
  for (const notice of evaluation.notices) {
    console.log('');
    console.log(`  ${KIND[notice.kind]} ${notice.noticeId} from ${notice.requestingCountry}: ${OUTCOME_WORDS[notice.outcome]}`);
    for (const id of notice.basis) {
      const citation = evaluation.citations[id];
      console.log(wrap(`basis: ${citation.instrument} — ${citation.provision} [${VERIFICATION[citation.verification]}]`, '    '));
    }
    if (notice.resolution.code === 'facts_missing') {
      console.log(`    could be: ${notice.resolution.outcomes.join(' or ')} — to decide, supply: ${notice.resolution.missingFacts.join(', ')}`);
    }
    const assessment = notice.missingFacts.filter((path) => !notice.resolution.missingFacts.includes(path));
    if (assessment.length) console.log(wrap(`to complete the assessment, supply: ${assessment.join(', ')}`, '    '));
    for (const action of notice.actions) {
      const deadline = action.deadline ? ` — deadline ${action.deadline.date} (${action.deadline.basis})` : '';
      console.log(`    → [${action.priority}] ${action.title}${deadline}`);
      if (action.factorDetails) for (const factor of action.factorDetails) console.log(wrap(`• ${factor.label}`, '        '));
      console.log(wrap(action.explanation, '        '));
    }
  }
  console.log('');
}
console.log('Decision support, not legal advice: check every citation marked "check before filing".');
