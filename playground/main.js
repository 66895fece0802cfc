// The playground's script: evaluates the case in the page with the library's ESM bundle and
// shows the memo (renderReport, HTML) in a sandboxed frame. Built by scripts/build-playground.mjs.
import { CATALOGUES, renderReport, safeEvaluateCase } from '../dist/index.js';

const elements = {
  example: document.getElementById('example'),
  asOf: document.getElementById('as-of'),
  locale: document.getElementById('locale'),
  input: document.getElementById('case'),
  button: document.getElementById('evaluate'),
  summary: document.getElementById('summary'),
  errors: document.getElementById('errors'),
  report: document.getElementById('report'),
};

const examples = await (await fetch('./examples.json')).json();

for (const [index, example] of examples.entries()) {
  const option = document.createElement('option');
  option.value = String(index);
  option.textContent = example.title;
  elements.example.append(option);
}

function showExample(index) {
  const example = examples[index];
  elements.input.value = JSON.stringify(example.case, null, 2);
  elements.asOf.value = example.asOf;
}

function showIssues(issues) {
  elements.errors.textContent = issues.map((issue) => `${issue.path || '(case)'}: ${issue.code} — ${issue.message}`).join('\n');
}

async function evaluate() {
  elements.summary.replaceChildren();
  elements.errors.textContent = '';
  let input;
  try {
    input = JSON.parse(elements.input.value);
  } catch {
    showIssues([{ path: '', code: 'invalid_json', message: 'This is not valid JSON.' }]);
    return;
  }
  const locale = elements.locale.value;
  const result = await safeEvaluateCase(input, { asOf: elements.asOf.value, locale });
  if (!result.success) {
    showIssues(result.issues);
    elements.report.srcdoc = '';
    return;
  }
  const { evaluation } = result;
  for (const notice of evaluation.notices) {
    const item = document.createElement('li');
    const id = document.createElement('code');
    id.textContent = notice.noticeId;
    item.append(id, ` (${notice.requestingCountry}): `);
    const outcome = document.createElement('strong');
    outcome.className = 'outcome';
    outcome.textContent = CATALOGUES[locale].outcomes[notice.outcome].label;
    item.append(outcome, ` — ${notice.actions.length} ${CATALOGUES[locale].report.actions.toLowerCase()}`);
    elements.summary.append(item);
  }
  elements.report.srcdoc = renderReport(evaluation, { format: 'html' });
}

elements.example.addEventListener('change', () => showExample(Number(elements.example.value)));
elements.button.addEventListener('click', () => void evaluate());
showExample(0);
document.body.dataset.ready = 'true';
