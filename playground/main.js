// The guided interview: builds a case question by question, in the browser, with the library's
// ESM build. It starts from an empty case; asks first for the lists only the lawyer knows
// (notices, detention, extradition, requests to the CCF), then the questions of the evaluation
// itself (`evaluation.questions`, from `nextQuestions`: the unknown facts whose answer would
// change an outcome, an action or a deadline, most consequential first); after each answer it
// shows what the answer changed and renders the memo again. Every input is generated from the
// case model's JSON Schema (./schema-form.js). Nothing leaves the page: no request after load,
// the case is kept in localStorage until "Clear everything". Built by scripts/build-playground.mjs.
import { CATALOGUES, issueMessage, LOCALES, renderReport, safeEvaluateCase, toICalendar } from '../dist/index.js';
import { DRAFT_GROUND_CODES, renderDraft } from '../dist/draft.js';
import schema from '../schemas/case.schema.json';
import { modelWords } from './model-words.js';
import { createForm, fill, valueAt, setValueAt } from './schema-form.js';
import ar from './words/ar.js';
import en from './words/en.js';
import es from './words/es.js';
import fr from './words/fr.js';

const WORDS = { en, es, fr, ar };
const STORAGE_KEY = 'red-notice-rules.interview.v1';
/** The lists the evaluation does not ask about (an absent list is a statement there): the interview asks them itself, first. */
const OWN_STEPS = ['notices', 'detention', 'extradition', 'ccf'];
/** The outcomes under which a request for deletion argues from the refugee provisions (as the draft does). */
const DELETION_OUTCOMES = new Set(['delete', 'delete_once_confirmed', 'restore_possible']);
/** Locales whose translations no legal translator has reviewed yet. */
const UNREVIEWED = new Set(['es', 'fr', 'ar']);

const $ = (id) => document.getElementById(id);

function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function emptyState() {
  const preferred = (navigator.language ?? 'en').slice(0, 2);
  return { locale: LOCALES.includes(preferred) ? preferred : 'en', asOf: today(), data: { schemaVersion: 1 }, done: [] };
}

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (saved && typeof saved === 'object' && saved.data && typeof saved.data === 'object' && Array.isArray(saved.done) && LOCALES.includes(saved.locale)) return saved;
  } catch {
    // A stored state this page cannot read is dropped; the interview starts again.
  }
  return emptyState();
}

let state = load();
let evaluation;
let issues = [];
let lastEffect;
/** The evaluation's question on the page. */
let pinned;
/** The evaluation as the current question was first shown: what an answer's effect is measured from. */
let baseline = { step: undefined, evaluation: undefined };
let focusAfterRender;
/** What the case file's status line says: a key of the words and its parameters, worded in the page's language. */
let fileStatus;

function save() {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
}

const words = () => WORDS[state.locale];
const catalogue = () => CATALOGUES[state.locale];

// ——— Countries: names in the page's language (Intl.DisplayNames), searchable with a datalist.
function countriesFor(locale) {
  const intl = CATALOGUES[locale].intlLocale;
  const names = new Intl.DisplayNames([intl], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(intl, { sensitivity: 'base' });
  const list = schema.$defs.countryCode.enum.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
  const display = (code) => `${list.find((country) => country.code === code)?.name ?? code} (${code})`;
  const codeOf = (text) => {
    const upper = text.toUpperCase();
    const inParens = /\(([A-Z]{2})\)\s*$/.exec(upper);
    const candidate = inParens ? inParens[1] : upper;
    if (list.some((country) => country.code === candidate)) return candidate;
    return list.find((country) => collator.compare(country.name, text) === 0)?.code;
  };
  return { list, display, codeOf, listId: 'countries', name: (code) => list.find((country) => country.code === code)?.name ?? code };
}
let countries = countriesFor(state.locale);

function renderCountryList() {
  const datalist = $('countries');
  datalist.replaceChildren(...countries.list.map(({ code }) => Object.assign(document.createElement('option'), { value: countries.display(code) })));
}

// ——— The words of the page.
function renderStaticWords() {
  const w = words();
  document.documentElement.lang = state.locale;
  document.documentElement.dir = state.locale === 'ar' ? 'rtl' : 'ltr';
  document.title = w.title;
  for (const element of document.querySelectorAll('[data-word]')) element.textContent = w[element.dataset.word];
  $('memo').title = w.memoFrame;
  $('locale').value = state.locale;
  $('as-of').value = state.asOf;
  $('translation-note').hidden = !UNREVIEWED.has(state.locale);
  $('file-status').textContent = fileStatus === undefined ? '' : fill(w[fileStatus.key], fileStatus.params ?? {});
}

// ——— The interview's steps.
function currentStep() {
  for (const path of OWN_STEPS) if (!state.done.includes(path)) return { id: path, own: true, paths: [path], text: words().ownQuestions[path] };
  // The question being answered stays until it is answered or skipped, even when a first
  // answer (one asylum event of several) already takes it off the evaluation's list.
  if (pinned !== undefined && !state.done.includes(pinned.id)) {
    pinned = evaluation?.questions.find((question) => question.id === pinned.id) ?? pinned;
    return pinned;
  }
  pinned = evaluation?.questions.find((question) => !state.done.includes(question.id));
  return pinned;
}

function outcomeLabel(outcome) {
  return catalogue().outcomes[outcome]?.label ?? outcome;
}

function actionLabel(code) {
  return catalogue().actionTitles[code] ?? code;
}

/** What a change of a question's answers or of an answer made does, in the catalogue's words. */
function changeText(change) {
  const a = catalogue().answers;
  const priorities = catalogue().priorities;
  switch (change.code) {
    case 'outcome_changed':
      return fill(a.outcomeChanged, { to: outcomeLabel(change.to), from: outcomeLabel(change.from) });
    case 'action_added':
      return `${fill(a.actionAdded, { action: actionLabel(change.action) })} (${priorities[change.priority] ?? change.priority})`;
    case 'action_removed':
      return fill(a.actionRemoved, { action: actionLabel(change.action) });
    case 'priority_changed':
      return fill(a.priorityChanged, { action: actionLabel(change.action), to: priorities[change.to] ?? change.to });
    default:
      return change.to === undefined ? fill(a.deadlineDropped, { action: actionLabel(change.action) }) : change.from === undefined ? fill(a.deadlineSet, { action: actionLabel(change.action), to: change.to }) : fill(a.deadlineMoved, { action: actionLabel(change.action), to: change.to, from: change.from });
  }
}

function answerEffects(question) {
  const a = catalogue().answers;
  const items = [];
  for (const answer of question.answers) {
    const polar = answer.values.every((value) => value === 'yes') ? 'ifYes' : answer.values.every((value) => value === 'no') ? 'ifNo' : 'dependingOnAnswer';
    const changes = [...new Set(answer.changes.map(changeText))].join(catalogue().words.listSeparator);
    const text = fill(a[polar], { changes });
    if (!items.includes(text)) items.push(text);
  }
  return items;
}

/** What an answer changed: outcomes, and actions added or dropped, between two evaluations. */
function effectOf(before = { notices: [], actions: [] }, after) {
  if (after === undefined) return undefined;
  const a = catalogue().answers;
  const lines = [];
  for (const notice of after.notices) {
    const was = before.notices.find((item) => item.noticeId === notice.noticeId);
    if (was === undefined) lines.push([notice.noticeId, outcomeLabel(notice.outcome)]);
    else if (was.outcome !== notice.outcome) lines.push([notice.noticeId, fill(a.outcomeChanged, { to: outcomeLabel(notice.outcome), from: outcomeLabel(was.outcome) })]);
  }
  const key = (action) => `${action.noticeId ?? ''}|${action.code}`;
  const beforeKeys = new Set(before.actions.map(key));
  const afterKeys = new Set(after.actions.map(key));
  for (const action of after.actions) if (!beforeKeys.has(key(action))) lines.push([action.noticeId, fill(a.actionAdded, { action: action.title })]);
  for (const action of before.actions) if (!afterKeys.has(key(action))) lines.push([action.noticeId, fill(a.actionRemoved, { action: actionLabel(action.code) })]);
  // One line per change: [the notice it concerns (none for the case), what changed].
  return lines.filter(([id, text], index) => lines.findIndex(([otherId, other]) => otherId === id && other === text) === index);
}

function formFor(idPrefix) {
  return createForm({
    schema,
    data: state.data,
    words: words(),
    model: modelWords(state.locale),
    countries,
    intlLocale: catalogue().intlLocale,
    idPrefix,
    onChange: (path, structural, focusPath) => {
      save();
      if (structural) {
        focusAfterRender = { container: idPrefix, path: focusPath ?? path };
        void refresh();
      } else {
        // The other view of the same answer (the question, or the whole case) shows it too; the
        // one being typed in keeps its focus.
        void evaluateOnly().then(() => (idPrefix === 'q' ? renderWholeCase() : renderQuestion()));
      }
    },
  });
}

function renderQuestion() {
  const w = words();
  const card = $('question');
  const step = currentStep();
  card.replaceChildren();
  const heading = document.createElement('h2');
  heading.id = 'question-text';
  heading.tabIndex = -1;
  card.dataset.count = String(state.done.length);
  if (step === undefined) {
    card.dataset.step = '';
    card.dataset.paths = '';
    heading.textContent = evaluation === undefined ? w.noResult : w.done;
    const hint = document.createElement('p');
    hint.textContent = w.doneHint;
    card.append(heading, hint);
    if (state.done.some((id) => evaluation?.questions.some((question) => question.id === id))) {
      card.append(button(w.restart, 'restart', () => {
        state.done = state.done.filter((id) => OWN_STEPS.includes(id));
        save();
        void refresh();
      }));
    }
    if (state.done.length > 0) card.append(button(w.back, 'back', back));
    return;
  }
  card.dataset.step = step.id;
  card.dataset.paths = step.paths.join(' ');
  if (baseline.step !== step.id) baseline = { step: step.id, evaluation };
  const counter = document.createElement('p');
  counter.className = 'counter';
  counter.textContent = fill(w.questionOf, { n: String(state.done.length + 1) });
  heading.textContent = step.text;
  card.append(counter, heading);
  const why = document.createElement('div');
  why.className = 'why';
  why.setAttribute('role', 'note');
  why.setAttribute('aria-label', w.whyAsked);
  if (step.own) why.append(paragraph(w.ownStepWhy));
  else {
    why.append(paragraph(w.effectsIntro));
    const list = document.createElement('ul');
    for (const text of answerEffects(step)) list.append(Object.assign(document.createElement('li'), { textContent: text }));
    why.append(list);
  }
  const form = formFor('q');
  const fields = document.createElement('div');
  fields.className = 'fields';
  for (const path of step.paths) fields.append(form.field(path));
  const actions = document.createElement('div');
  actions.className = 'buttons';
  actions.append(button(w.next, 'next', () => void answer(step, true)));
  if (!step.own) actions.append(button(w.skip, 'skip', () => void answer(step, false)));
  if (state.done.length > 0) actions.append(button(w.back, 'back', back));
  card.append(why, fields, actions);
}

function paragraph(text) {
  return Object.assign(document.createElement('p'), { textContent: text });
}

function button(text, name, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.id = name;
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

async function answer(step, answered) {
  fileStatus = undefined;
  if (answered) {
    // A list answered with nothing in it is an answer: there is none.
    for (const path of step.paths) if (valueAt(state.data, path) === undefined && /^[a-z]+$/i.test(path) && schema.properties[path]?.type === 'array') setValueAt(state.data, path, []);
  }
  const before = baseline.step === step.id ? baseline.evaluation : evaluation;
  await queueEvaluation();
  if (answered && issues.length > 0) {
    renderResult();
    $('issues').focus();
    return;
  }
  state.done.push(step.id);
  save();
  lastEffect = effectOf(before, evaluation);
  focusAfterRender = { heading: true };
  await refresh(false);
}

function back() {
  const id = state.done.pop();
  pinned = evaluation?.questions.find((question) => question.id === id);
  save();
  lastEffect = undefined;
  focusAfterRender = { heading: true };
  void refresh();
}

// ——— Evaluation and result.
async function evaluateNow() {
  if (!Array.isArray(state.data.notices) || state.data.notices.length === 0) {
    evaluation = undefined;
    issues = [];
    return;
  }
  const result = await safeEvaluateCase(structuredClone(state.data), { asOf: state.asOf, locale: state.locale });
  if (result.success) {
    evaluation = result.evaluation;
    issues = [];
  } else issues = result.issues;
}

/** Evaluations run one after another, in the order of the changes: a slow one never overwrites a later one. */
let pending = Promise.resolve();
function queueEvaluation(then = () => {}) {
  pending = pending.then(async () => {
    await evaluateNow();
    then();
  });
  return pending;
}

function evaluateOnly() {
  return queueEvaluation(renderResult);
}

function renderResult() {
  const w = words();
  const summary = $('summary');
  summary.replaceChildren();
  const issueList = $('issues');
  issueList.replaceChildren();
  $('issues-box').hidden = issues.length === 0;
  for (const issue of issues) {
    const item = document.createElement('li');
    const where = document.createElement('bdi');
    where.textContent = issue.path || '—';
    item.append(where, `${w.colon}${issueMessage(issue, state.locale)}`);
    issueList.append(item);
  }
  const effect = $('effect');
  effect.replaceChildren();
  if (lastEffect !== undefined) {
    const title = document.createElement('h3');
    title.textContent = w.effectTitle;
    effect.append(title);
    if (lastEffect.length === 0) effect.append(paragraph(w.noEffect));
    else effect.append(Object.assign(document.createElement('ul'), { className: 'effects' }));
    for (const [id, text] of lastEffect) {
      const item = document.createElement('li');
      if (id !== undefined) item.append(Object.assign(document.createElement('bdi'), { textContent: id }), w.colon);
      item.append(text);
      effect.querySelector('ul').append(item);
    }
  }
  const first = $('first-step');
  first.replaceChildren();
  const memo = $('memo');
  if (evaluation === undefined) {
    summary.append(Object.assign(document.createElement('li'), { textContent: w.noResult }));
    memo.srcdoc = '';
    renderDownloads();
    return;
  }
  for (const notice of evaluation.notices) {
    const item = document.createElement('li');
    const id = document.createElement('bdi');
    id.className = 'notice-id';
    id.textContent = notice.noticeId;
    const country = countries.name(state.data.notices?.find((entry) => entry.id === notice.noticeId)?.requestingCountry ?? '');
    const outcome = document.createElement('strong');
    outcome.className = 'outcome';
    outcome.textContent = outcomeLabel(notice.outcome);
    item.append(id, ` (${country})${w.colon}`, outcome);
    summary.append(item);
  }
  const step = evaluation.firstStep;
  if (step === undefined) first.textContent = w.noFirstStep;
  else {
    const action = evaluation.actions.find((entry) => entry.code === step.code && entry.ruleId === step.ruleId && entry.noticeId === step.noticeId);
    const title = document.createElement('strong');
    title.className = 'first-action';
    title.dataset.code = step.code;
    title.textContent = action?.title ?? actionLabel(step.code);
    first.append(title);
    if (action?.explanation) first.append(paragraph(action.explanation));
  }
  memo.srcdoc = renderReport(evaluation, { format: 'html' });
  renderDownloads();
}

// ——— Downloads, import, export, clear.
function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileStem() {
  return (state.data.caseId ?? 'case').replace(/[^A-Za-z0-9_-]+/g, '-');
}

function draftKinds() {
  if (evaluation === undefined) return [];
  const has = (kind) => evaluation.notices.some((notice) => notice.actions.some((action) => DRAFT_GROUND_CODES[kind].includes(action.code)));
  const kinds = [];
  if (has('ccf_deletion_request') || evaluation.notices.some((notice) => DELETION_OUTCOMES.has(notice.outcome))) kinds.push('ccf_deletion_request');
  if (has('provisional_measures') || evaluation.notices.some((notice) => notice.libertyGrounds?.length > 0)) kinds.push('provisional_measures');
  return kinds;
}

function renderDownloads() {
  const w = words();
  const list = $('downloads');
  list.replaceChildren();
  if (evaluation === undefined) return;
  const items = [
    [w.memoHtml, 'download-memo-html', () => download(`${fileStem()}-memo-${state.locale}.html`, 'text/html', renderReport(evaluation, { format: 'html' }))],
    [w.memoMarkdown, 'download-memo-md', () => download(`${fileStem()}-memo-${state.locale}.md`, 'text/markdown', renderReport(evaluation, { format: 'markdown' }))],
  ];
  if (evaluation.actions.some((action) => action.deadline !== undefined)) items.push([w.calendar, 'download-ics', () => download(`${fileStem()}-deadlines.ics`, 'text/calendar', toICalendar(evaluation))]);
  const names = { ccf_deletion_request: [w.draftDeletion, w.draftDeletionHtml], provisional_measures: [w.draftProvisional, w.draftProvisionalHtml] };
  for (const kind of draftKinds()) {
    items.push([names[kind][0], `download-${kind}-md`, () => download(`${fileStem()}-${kind}-${state.locale}.md`, 'text/markdown', renderDraft(evaluation, { kind, format: 'markdown' }))]);
    items.push([names[kind][1], `download-${kind}-html`, () => download(`${fileStem()}-${kind}-${state.locale}.html`, 'text/html', renderDraft(evaluation, { kind, format: 'html' }))]);
  }
  for (const [text, id, onClick] of items) {
    const item = document.createElement('li');
    item.append(button(text, id, onClick));
    list.append(item);
  }
}

function renderWholeCase() {
  const container = $('whole-case-form');
  container.replaceChildren(formFor('all').field(''));
}

async function refresh(evaluate = true) {
  if (evaluate) await queueEvaluation();
  countries = countries.locale === state.locale ? countries : Object.assign(countriesFor(state.locale), { locale: state.locale });
  renderStaticWords();
  renderCountryList();
  renderQuestion();
  renderResult();
  renderWholeCase();
  const focus = focusAfterRender;
  focusAfterRender = undefined;
  if (focus?.heading) $('question-text')?.focus();
  else if (focus) {
    const container = focus.container === 'q' ? $('question') : $('whole-case-form');
    const target = container.querySelector(`[data-item="${focus.path}"] input, [data-item="${focus.path}"] select`) ?? container.querySelector(`[data-add="${focus.path}"]`) ?? container.querySelector(`[data-path="${focus.path}"]`);
    target?.focus();
  }
}

$('locale').addEventListener('change', () => {
  state.locale = $('locale').value;
  save();
  void refresh();
});
$('as-of').addEventListener('change', () => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test($('as-of').value)) return;
  state.asOf = $('as-of').value;
  save();
  void refresh();
});
$('export').addEventListener('click', () => download(`${fileStem()}.json`, 'application/json', `${JSON.stringify(state.data, null, 2)}\n`));
$('import').addEventListener('change', async () => {
  const file = $('import').files?.[0];
  if (!file) return;
  try {
    const data = JSON.parse(await file.text());
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('not a JSON object');
    state.data = data;
    // The lists the file holds are answered; the evaluation's questions are asked again.
    state.done = OWN_STEPS.filter((path) => Array.isArray(data[path]));
    pinned = undefined;
    fileStatus = undefined;
    save();
    lastEffect = undefined;
    await refresh();
  } catch (error) {
    fileStatus = { key: 'importFailed', params: { reason: error instanceof SyntaxError ? 'JSON' : String(error.message) } };
    renderStaticWords();
  }
  $('import').value = '';
});
$('clear').addEventListener('click', () => {
  localStorage.removeItem(STORAGE_KEY);
  const locale = state.locale;
  state = { ...emptyState(), locale };
  pinned = undefined;
  lastEffect = undefined;
  fileStatus = { key: 'cleared' };
  focusAfterRender = { heading: true };
  void refresh();
});

for (const locale of LOCALES) {
  const option = document.createElement('option');
  option.value = locale;
  option.textContent = WORDS[locale].languageName;
  option.lang = locale;
  $('locale').append(option);
}
await refresh();
document.body.dataset.ready = 'true';
