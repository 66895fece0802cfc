/**
 * A report document as Markdown (CommonMark with GitHub tables and Mermaid blocks). Every run
 * is escaped: text cannot open emphasis, links, HTML or a new block, code spans are fenced
 * longer than any backtick run they hold, and table cells cannot split.
 *
 * @module
 */
import { toMermaid } from './diagram.js';
import type { BadgeTone, Block, Inline, ReportDocument } from './document.js';

/** Symbols in front of badges, so that Markdown without colour still shows what to check. */
export const BADGE_SYMBOLS: Readonly<Record<BadgeTone, string>> = { ok: '✓ ', caution: '⚠ ', alert: '❗ ', neutral: '' };

/**
 * Markdown text: every character that could start markup escaped with a backslash.
 *
 * @example
 * ```ts
 * escapeMarkdown('<b>*x*</b>'); // '\\<b\\>\\*x\\*\\</b\\>'
 * ```
 */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_[\]<>|~&#!{}]/g, (char) => `\\${char}`);
}

/** @internal Escapes what would start a block at the beginning of a line (a list marker, a setext underline, indentation). */
function escapeLineStart(line: string): string {
  const trimmed = line.trimStart();
  if (/^[-+=]/.test(trimmed)) return `\\${trimmed}`;
  return trimmed.replace(/^(\d+)([.)])/, '$1\\$2');
}

/** @internal A code span fenced with more backticks than any run inside it. */
function codeSpan(value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || value.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** @internal A URL as a link destination: characters that could end it percent-encoded. */
function destination(url: string): string {
  return url.replace(/[\s<>()\\`]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** @internal Runs as Markdown. */
function inline(content: readonly Inline[], inTable = false): string {
  const rendered = content
    .map((run) => {
      switch (run.kind) {
        case 'text':
          return escapeMarkdown(run.text);
        case 'strong':
          return run.text === '' ? '' : `**${escapeMarkdown(run.text)}**`;
        case 'code':
          return codeSpan(inTable ? run.text.replace(/\|/g, '\\|') : run.text);
        case 'link':
          return run.text === run.url && /^[^\s<>]+$/.test(run.url) ? `<${run.url}>` : `[${escapeMarkdown(run.text)}](${destination(run.url)})`;
        case 'badge':
          return `**${escapeMarkdown(BADGE_SYMBOLS[run.tone] + run.text)}**`;
        case 'placeholder':
          return `**${escapeMarkdown(`✎ ${run.text}`)}**`;
      }
    })
    .join('');
  return escapeLineStart(rendered);
}

/** @internal Blocks as Markdown, separated by blank lines. */
function blocks(list: readonly Block[]): string {
  return list.map(block).join('\n\n');
}

/** @internal Indents every line but the first by `width` spaces (blank lines stay blank). */
function hang(value: string, marker: string): string {
  const pad = ' '.repeat(marker.length);
  return value
    .split('\n')
    .map((line, index) => (index === 0 ? marker + line : line === '' ? '' : pad + line))
    .join('\n');
}

/** @internal One block. */
function block(item: Block): string {
  switch (item.kind) {
    case 'heading':
      return `${'#'.repeat(item.level)} ${inline(item.content)}`;
    case 'paragraph':
      return inline(item.content);
    case 'callout':
      return `> ${inline(item.content)}`;
    case 'list': {
      const tight = item.items.every((entry) => entry.length === 1 && entry[0]!.kind === 'paragraph');
      return item.items.map((entry, index) => hang(blocks(entry), item.ordered ? `${index + 1}. ` : '- ')).join(tight ? '\n' : '\n\n');
    }
    case 'table': {
      const row = (cells: readonly (readonly Inline[])[]) => `| ${cells.map((cell) => inline(cell, true)).join(' | ')} |`;
      return [row(item.header), `|${item.header.map(() => ' --- |').join('')}`, ...item.rows.map(row)].join('\n');
    }
    case 'diagram':
      return ['```mermaid', toMermaid(item.diagram), '```'].join('\n');
    case 'pageBreak':
      return '---';
  }
}

/**
 * The document as Markdown.
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
 * const markdown = toMarkdown(buildMemo(evaluation, 'en'));
 * markdown.split('\n')[0]; // '# INTERPOL Red Notices and Diffusions: assessment memo'
 * markdown.includes('```mermaid'); // true
 * ```
 */
export function toMarkdown(document: ReportDocument): string {
  return `${blocks(document.blocks)}\n`;
}
