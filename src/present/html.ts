/**
 * A report document as one self-contained HTML page: inline CSS, diagrams as inline SVG (with
 * their Mermaid source), no script and no external resource — a Content-Security-Policy says
 * so to the browser too. Every string is escaped.
 *
 * @module
 */
import { CATALOGUES } from '../locales/index.js';
import { toMermaid } from './diagram.js';
import type { Block, Inline, ReportDocument } from './document.js';
import { escapeHtml, toSvg } from './svg.js';

const STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; margin: 0; background: #fafafa; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; background: #ffffff; }
h1 { font-size: 1.6rem; margin-top: 0; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #d8d8d8; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, monospace; background: #f1f1f1; padding: 0 .25em; border-radius: 3px; overflow-wrap: anywhere; }
.callout { border-inline-start: 4px solid #a67c00; background: #fff8e1; padding: .6rem 1rem; margin: 1rem 0; }
.callout p { margin: 0; }
.badge { display: inline-block; font-size: .8em; font-weight: 600; padding: .05em .5em; border-radius: 1em; border: 1px solid; white-space: nowrap; }
.badge-ok { color: #10341a; background: #dcefdc; border-color: #1e7e34; }
.badge-caution { color: #3d2e00; background: #fff4cf; border-color: #a67c00; }
.badge-alert { color: #ffffff; background: #a71d2a; border-color: #a71d2a; }
.badge-neutral { color: #333333; background: #eeeeee; border-color: #9a9a9a; }
mark.placeholder { background: #fff1a8; color: #1b1b1b; font-weight: 600; padding: 0 .2em; border-bottom: 2px solid #a67c00; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d8d8d8; padding: .3rem .6rem; text-align: start; vertical-align: top; }
li > p { margin: .3rem 0; }
p, li, td, th { overflow-wrap: break-word; }
a { overflow-wrap: anywhere; }
figure.diagram { margin: 1rem 0; max-width: 100%; }
figure.diagram svg { display: block; max-width: 100%; height: auto; direction: ltr; }
figure.diagram pre { direction: ltr; text-align: left; font-size: .8em; background: #f6f6f6; padding: .6rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
hr.page-break { border: 0; border-top: 3px double #b5b5b5; margin: 2.5rem 0 1.5rem; }
@media (max-width: 40rem) {
  main { padding: 1rem; }
  table { display: block; overflow-x: auto; }
  .badge { white-space: normal; }
}
@page { size: A4; margin: 14mm 16mm; }
@media print {
  body { background: #ffffff; font-size: 10pt; line-height: 1.35; }
  main { padding: 0; max-width: none; }
  h1 { font-size: 15pt; margin-bottom: .4em; }
  h2 { font-size: 12pt; margin: 1em 0 .4em; }
  h3 { font-size: 10.5pt; }
  p { margin: .4em 0; }
  .callout { padding: .3rem .8rem; margin: .5rem 0; }
  table { margin: .5rem 0; }
  hr.page-break { break-after: page; border: 0; margin: 0; }
  figure.diagram details { display: none; }
  h2, h3 { break-after: avoid; }
  li, tr, figure.diagram { break-inside: avoid; }
}
`;

/** @internal Runs as HTML. */
function inline(content: readonly Inline[]): string {
  return content
    .map((run) => {
      switch (run.kind) {
        case 'text':
          return escapeHtml(run.text);
        case 'strong':
          return `<strong>${escapeHtml(run.text)}</strong>`;
        case 'code':
          return `<code>${escapeHtml(run.text)}</code>`;
        case 'link':
          return `<a href="${escapeHtml(run.url)}" rel="noopener noreferrer">${escapeHtml(run.text)}</a>`;
        case 'badge':
          return `<span class="badge badge-${run.tone}">${escapeHtml(run.text)}</span>`;
        case 'placeholder':
          return `<mark class="placeholder">${escapeHtml(run.text)}</mark>`;
      }
    })
    .join('');
}

/** @internal Blocks as HTML; `diagrams` numbers the diagrams of the page. */
function blocks(list: readonly Block[], diagrams: { count: number }): string {
  return list.map((item) => block(item, diagrams)).join('\n');
}

/** @internal One block. */
function block(item: Block, diagrams: { count: number }): string {
  switch (item.kind) {
    case 'heading':
      return `<h${item.level}>${inline(item.content)}</h${item.level}>`;
    case 'paragraph':
      // Data in another language keeps its own direction (English in an Arabic memo reads left to right).
      return item.lang === undefined ? `<p>${inline(item.content)}</p>` : `<p lang="${escapeHtml(item.lang)}" dir="auto">${inline(item.content)}</p>`;
    case 'callout':
      return `<aside class="callout"><p>${inline(item.content)}</p></aside>`;
    case 'list': {
      const tag = item.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${item.items.map((entry) => `<li>${blocks(entry, diagrams)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'table': {
      const head = `<tr>${item.header.map((cell) => `<th scope="col">${inline(cell)}</th>`).join('')}</tr>`;
      const rows = item.rows.map((row) => `<tr>${row.map((cell) => `<td>${inline(cell)}</td>`).join('')}</tr>`);
      return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
    case 'pageBreak':
      return '<hr class="page-break">';
    case 'diagram': {
      diagrams.count += 1;
      const result = item.diagram.nodes.find((node) => node.kind === 'result')?.lines.join(' ') ?? '';
      return [
        '<figure class="diagram">',
        toSvg(item.diagram, result, `d${diagrams.count}`),
        `<details><summary>Mermaid</summary><pre>${escapeHtml(toMermaid(item.diagram))}</pre></details>`,
        '</figure>',
      ].join('\n');
    }
  }
}

/**
 * The document as a complete HTML page.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 * import { buildMemo } from './memo.js';
 *
 * const evaluation = evaluateCaseSync(
 *   {
 *     schemaVersion: 1,
 *     notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *     asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 *   },
 *   { asOf: '2026-01-15' },
 * );
 * const page = toHtml(buildMemo(evaluation, 'en'));
 * page.startsWith('<!doctype html>'); // true
 * page.includes('<svg'); // true
 * ```
 */
export function toHtml(document: ReportDocument): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(document.locale)}" dir="${CATALOGUES[document.locale].direction}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    blocks(document.blocks, { count: 0 }),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
