import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createEvaluator, evaluateCase, MESSAGES, renderReport, type CaseEvaluation } from '../src/index.js';
import { mermaidLabel, toMermaid } from '../src/present/diagram.js';
import type { DecisionDiagram } from '../src/present/document.js';
import { formatPartialDate } from '../src/locales/format.js';

const readCase = (name: string): unknown => JSON.parse(readFileSync(new URL(`../examples/cases/${name}.json`, import.meta.url), 'utf8'));
const evaluate = (name: string, locale: 'en' | 'es' = 'en') => evaluateCase(readCase(name), { asOf: '2026-06-30', locale });

/** The Mermaid blocks of a Markdown text. */
const mermaidBlocks = (markdown: string) => [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]!);

/** Every line of Mermaid source the renderer may produce: nodes, arrows, classes. */
const MERMAID_LINE =
  /^(flowchart LR| {2}(r\d+|o_[a-z_]+|result)(\["[^"\n]*"\]|\("[^"\n]*"\)|\(\["[^"\n]*"\]\))| {2}(r\d+|o_[a-z_]+) (==>|-\.->|-->) (o_[a-z_]+|result)| {2}classDef [a-z_]+ [a-z0-9:#,. -]+| {2}class [a-z0-9_,]+ [a-z_]+)$/;

describe('Markdown memo', () => {
  test('per notice: the outcome in words, why, what is missing, actions in order with deadlines, and a decision diagram', async () => {
    const evaluation = await evaluate('detained-journalist-extradition-pending');
    const markdown = renderReport(evaluation, { format: 'markdown' });
    const { report, outcomes, verification } = MESSAGES.en;
    expect(markdown.startsWith(`# ${report.title}\n`)).toBe(true);
    expect(markdown).toContain('Decision support, not legal advice');
    for (const notice of evaluation.notices) {
      expect(markdown).toContain(`\`${notice.noticeId}\``);
      expect(markdown).toContain(outcomes[notice.outcome].meaning);
    }
    // Actions, most urgent first, in the evaluation's order.
    const summary = markdown.slice(markdown.indexOf(`## ${report.allActions}`), markdown.indexOf('## Red Notice'));
    const positions = evaluation.actions.map((action) => summary.indexOf(`**${action.title}**`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The deadline in words, with where it stands on asOf (the CCF's nine months passed on 31 May 2026).
    expect(evaluation.actions.find((action) => action.deadline)!.deadline).toMatchObject({ date: '2026-05-31', kind: 'ccf_decision', state: 'overdue' });
    expect(markdown).toContain('**Deadline: CCF decision overdue since 1 June 2026 (due 31 May 2026)**');
    // Why: the rule that fired, by id.
    expect(markdown).toContain('`refugee.2017.delete-once-confirmed`');
    // Every citation with a visible verification badge.
    for (const [id, citation] of Object.entries(evaluation.citations)) expect(markdown).toContain(`\`${id}\` **${citation.verification === 'primary' ? '✓' : citation.verification === 'secondary' ? '⚠' : '❗'} ${verification[citation.verification]}**`);
    expect(markdown).toContain('secondary source — check before filing');
    // Misuse patterns with their source, date and URL; meta.
    for (const pattern of evaluation.misusePatterns) {
      expect(markdown).toContain(formatPartialDate(pattern.published, 'en'));
      expect(markdown).toContain(pattern.url);
    }
    expect(markdown).toContain(evaluation.meta.inputHash);
    for (const ruleSet of evaluation.meta.ruleSets) expect(markdown).toContain(ruleSet.hash);
    expect(mermaidBlocks(markdown)).toHaveLength(evaluation.notices.length);
  });

  test('what is missing to decide, as questions, apart from the questions that would change it', async () => {
    const evaluation = await evaluate('finality-unknown');
    const notice = evaluation.notices[0]!;
    expect(notice.resolution.code).toBe('facts_missing');
    const markdown = renderReport(evaluation, { format: 'markdown' });
    const decide = markdown.slice(markdown.indexOf(`### ${MESSAGES.en.report.missingToDecide}`), markdown.indexOf(`### ${MESSAGES.en.report.questionsForNotice}`));
    // Every missing fact is its question, never its input path.
    expect(decide).toContain('Is the denial of asylum by Lithuania of 12 November 2025 final, or can it still be appealed?');
    expect(markdown).toContain('Which offences does the Red Notice rn-by-1 from Belarus charge?');
    for (const path of evaluation.missingFacts) expect(markdown).not.toContain(path);
    expect(markdown).toContain('Asylum pending or Retention possible');
  });

  test('the decision diagram shows each outcome rule in force with its status and the outcome reached', async () => {
    const evaluation = await evaluate('finality-unknown');
    const [diagram] = mermaidBlocks(renderReport(evaluation, { format: 'markdown' }));
    const inForce = evaluation.trace.filter((entry) => entry.outcome !== undefined && entry.status !== 'not_in_force');
    for (const entry of inForce) expect(diagram).toContain(`${entry.ruleId}<br/>${MESSAGES.en.traceStatuses[entry.status]}`);
    expect(diagram).not.toContain('refugee.2014.');
    expect(diagram).toContain('o_pending_asylum -.-> result');
    expect(diagram).toContain('o_retain -.-> result');
    for (const line of diagram!.split('\n')) expect(line).toMatch(MERMAID_LINE);
  });

  test('in Spanish, the report speaks Spanish', async () => {
    const markdown = renderReport(await evaluate('revoked-after-deletion', 'es'), { format: 'markdown' });
    expect(markdown).toContain(`# ${MESSAGES.es.report.title}`);
    expect(markdown).toContain('Restablecimiento posible');
    expect(markdown).toContain('fuente primaria');
    expect(markdown).toContain('Prepárese para demostrar');
    expect(markdown).not.toContain('Decision support');
  });

  test('without a trace, the memo says the reasons are not available', async () => {
    const evaluation = await evaluateCase(readCase('finality-unknown'), { asOf: '2026-06-30', trace: 'none' });
    const markdown = renderReport(evaluation, { format: 'markdown' });
    expect(markdown).toContain(MESSAGES.en.report.noTrace);
    expect(mermaidBlocks(markdown)).toHaveLength(0);
  });
});

describe('every format', () => {
  test('is deterministic and depends only on the evaluation', async () => {
    const evaluation = await evaluate('two-countries-one-feared');
    const copy = JSON.parse(JSON.stringify(evaluation)) as CaseEvaluation;
    for (const format of ['markdown', 'html', 'text'] as const) {
      expect(renderReport(copy, { format })).toBe(renderReport(evaluation, { format }));
    }
  });

  test('text is wrapped to the width asked for (a URL or a hash longer than that stands alone)', async () => {
    const text = renderReport(await evaluate('detained-journalist-extradition-pending'), { format: 'text', width: 72 });
    for (const line of text.split('\n')) if ([...line].length > 72) expect(line.trim()).toMatch(/^\S+$/);
    expect(text).toContain('[Delete once confirmed]');
  });

  test('an unknown format or locale is a programmer error', async () => {
    const evaluation = await evaluate('finality-unknown');
    expect(() => renderReport(evaluation, { format: 'pdf' as 'html' })).toThrow(TypeError);
    expect(() => renderReport(evaluation, { format: 'html', locale: 'de' as 'en' })).toThrow(TypeError);
  });
});

describe('hostile input', () => {
  const hostile = '</pre><script>alert(1)</script>"\'`|]]-->x["y"] # *a* <img src=x onerror=alert(2)>\u001b[31m\n- list';
  const hostileRules = {
    id: 'hostile-practice',
    version: '1.0.0',
    title: '<b>rules</b>',
    rules: [
      {
        id: 'hostile-practice.always',
        title: '<script>alert(3)</script>',
        citations: ['hostile.citation'],
        scope: 'notice',
        effect: 'mandatory',
        conditions: { all: [{ fact: 'notice.kind', operator: 'equal', value: 'red_notice' }] },
        action: { code: 'human_review', priority: 'high', title: '<iframe src=x>', explanation: '</p><script>alert(4)</script> from {notice.requestingCountry}' },
      },
    ],
  };
  const hostileCitations = {
    'hostile.citation': {
      instrument: '<svg onload=alert(5)>',
      provision: '"><script>alert(6)</script>',
      summary: '</li></ul><script>alert(7)</script>',
      url: 'https://example.org/"><script>alert(8)</script>',
      verification: 'unverified',
      note: '<style>body{display:none}</style>',
    },
  };

  const hostileEvaluation = async () =>
    createEvaluator({ ruleSets: [hostileRules], citations: hostileCitations }).evaluate(
      {
        schemaVersion: 1,
        caseId: hostile,
        notices: [
          { id: hostile, kind: 'red_notice', requestingCountry: 'RU', offences: [{ category: 'fraud', description: hostile }] },
          { id: 'plain-id', kind: 'diffusion', requestingCountry: 'TJ' },
        ],
        asylum: [{ type: 'refugee_status_granted', date: '2024-01-10', country: 'DE', persecutionFearedFrom: ['RU'] }],
        ccf: [{ type: 'deletion', filedOn: '2025-01-01', admissibleOn: '2025-01-15', noticeIds: [hostile] }],
        detention: [{ country: 'PL', since: '2026-06-01', authority: 'criminal', basedOnNoticeId: hostile }],
      },
      { asOf: '2026-06-30' },
    );

  test('HTML: no markup from the case or from rule texts survives; only the renderer’s own tags and attributes', async () => {
    const html = renderReport(await hostileEvaluation(), { format: 'html' });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(iframe|img|b)[\s>]/i);
    expect(html).not.toContain('<style>body');
    for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) expect(tag).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toContain('\u001b');
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => match[1]!.toLowerCase()));
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'h1', 'h2', 'h3', 'p', 'aside', 'ol', 'ul', 'li', 'strong', 'code', 'a', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'svg', 'defs', 'marker', 'path', 'rect', 'text', 'tspan', 'details', 'summary', 'pre', 'hr'];
    expect([...tags].filter((tag) => !allowed.includes(tag))).toEqual([]);
    expect(html.match(/<pre>/g)?.length).toBe(html.match(/<\/pre>/g)?.length);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).toContain('&#60;/pre&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#39;');
    expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"");
    // Links only to http(s), with the quote escaped.
    for (const match of html.matchAll(/href="([^"]*)"/g)) expect(match[1]).toMatch(/^https?:\/\/[^"<>]*$/);
  });

  test('Markdown: the hostile id is escaped in prose and in code spans, and cannot break the table, the lists or the diagrams', async () => {
    const evaluation = await hostileEvaluation();
    const markdown = renderReport(evaluation, { format: 'markdown' });
    expect(markdown).not.toContain('\u001b');
    // Outside code spans and autolinks, no `<` is left unescaped (a backtick escaped with a backslash opens no code span).
    const outsideCode = markdown.replace(/(?<!\\)(`+)[\s\S]*?[^`]\1(?!`)/g, '').replace(/<https?:\/\/[^\s<>]+>/g, '');
    expect(outsideCode).not.toMatch(/(^|[^\\])</);
    expect(outsideCode).toContain('\\<iframe');
    // Every line that opens a block is the renderer's.
    for (const line of markdown.split('\n')) {
      if (line.startsWith('#')) expect(line).toMatch(/^#{1,3} /);
      if (line.startsWith('- list')) throw new Error('the case opened a list item');
    }
    const tableRows = markdown.split('\n').filter((line) => line.startsWith('| '));
    for (const row of tableRows) expect(row.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(4);
    expect(tableRows.length).toBe(2 + evaluation.notices.length);
    const diagrams = mermaidBlocks(markdown);
    expect(diagrams.length).toBe(2);
    for (const diagram of diagrams) for (const line of diagram.split('\n')) expect(line).toMatch(MERMAID_LINE);
  });

  test('Mermaid labels cannot end their box or open markup, whatever they hold', () => {
    const label = mermaidLabel(hostile);
    expect(label).toMatch(/^[\p{L}\p{N} .,:;_/()#-]*$/u);
    const diagram: DecisionDiagram = {
      nodes: [
        { id: 'r0', kind: 'rule', lines: [hostile, 'fired'], status: 'fired' },
        { id: 'o_delete', kind: 'outcome', lines: [hostile] },
        { id: 'result', kind: 'result', lines: [hostile] },
      ],
      edges: [
        { from: 'r0', to: 'o_delete', style: 'taken' },
        { from: 'o_delete', to: 'result', style: 'taken' },
      ],
    };
    for (const line of toMermaid(diagram).split('\n')) expect(line).toMatch(MERMAID_LINE);
  });

  test('text: no control character reaches the terminal', async () => {
    const text = renderReport(await hostileEvaluation(), { format: 'text' });
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
