/**
 * A report document as plain text for terminals: wrapped to a width, lists with hanging
 * indents, tables as aligned columns (or as lines when too wide), diagrams as arrows. Control
 * characters never reach the terminal (see `cleanText`).
 *
 * @module
 */
import { plainText, type Block, type DecisionDiagram, type ReportDocument } from './document.js';

/** @internal The characters a text shows: without the isolation marks of right-to-left documents (`withIsolation`), which take no room. */
function shownLength(value: string): number {
  return value.replace(/[\ufdd0-\ufdef]/g, '').length;
}

/**
 * Words wrapped into lines of at most `width` characters (a longer word stands alone).
 *
 * @example
 * ```ts
 * wrapWords('a b c', 3); // ['a b', 'c']
 * ```
 */
export function wrapWords(value: string, width: number): string[] {
  const shown = shownLength;
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(/\s+/).filter((item) => item !== '')) {
    if (line === '') line = word;
    else if (shown(line) + 1 + shown(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

/** @internal Prefixes the first line with `first` and the others with `rest`. */
function prefix(lines: readonly string[], first: string, rest: string): string[] {
  return lines.map((line, index) => (line === '' ? '' : (index === 0 ? first : rest) + line));
}

/** @internal A diagram as lines: each rule, what it did, and where it leads; then the outcome. */
function diagramLines(diagram: DecisionDiagram, width: number): string[] {
  const label = new Map(diagram.nodes.map((node) => [node.id, node.lines[0] ?? '']));
  const arrows = { taken: '══▶', possible: '··▶', not_taken: '──▶' } as const;
  const lines: string[] = [];
  for (const node of diagram.nodes) {
    if (node.kind !== 'rule') continue;
    for (const edge of diagram.edges.filter((item) => item.from === node.id)) {
      lines.push(...prefix(wrapWords(`${node.lines[0]} (${node.lines[1]}) ${arrows[edge.style]} ${label.get(edge.to)}`, width - 2), '', '    '));
    }
  }
  const result = diagram.nodes.find((node) => node.kind === 'result');
  for (const edge of diagram.edges.filter((item) => item.to === result?.id)) lines.push(`${label.get(edge.from)} ${arrows[edge.style]} ${label.get(edge.to)}`);
  return lines;
}

/** @internal Blocks as lines, blank lines between them. */
function blocks(list: readonly Block[], width: number): string[] {
  return list.flatMap((item, index) => [...(index === 0 ? [] : ['']), ...block(item, width)]);
}

/** @internal One block as lines. */
function block(item: Block, width: number): string[] {
  switch (item.kind) {
    case 'heading': {
      const heading = plainText(item.content);
      if (item.level === 3) return wrapWords(`» ${heading}`, width);
      const lines = wrapWords(item.level === 1 ? heading.toUpperCase() : heading, width);
      return [...lines, (item.level === 1 ? '=' : '-').repeat(Math.min(width, Math.max(...lines.map((line) => line.length))))];
    }
    case 'paragraph':
      return wrapWords(plainText(item.content), width);
    case 'callout':
      return prefix(wrapWords(plainText(item.content), width - 2), '│ ', '│ ');
    case 'list':
      return item.items.flatMap((entry, index) => {
        const marker = item.ordered ? `${index + 1}. ` : '• ';
        const pad = ' '.repeat(marker.length);
        const tight = entry.length === 1;
        return [...(index > 0 && !tight ? [''] : []), ...prefix(blocks(entry, width - marker.length), marker, pad)];
      });
    case 'table': {
      const cells = [item.header, ...item.rows].map((row) => row.map(plainText));
      const widths = item.header.map((_, column) => Math.max(...cells.map((row) => shownLength(row[column]!))));
      if (widths.reduce((sum, value) => sum + value + 2, 0) <= width) {
        const row = (values: readonly string[]) => values.map((value, column) => value + ' '.repeat(widths[column]! - shownLength(value))).join('  ').trimEnd();
        return [row(cells[0]!), widths.map((value) => '-'.repeat(value)).join('  '), ...cells.slice(1).map(row)];
      }
      return cells.slice(1).flatMap((row, index) => [
        ...(index > 0 ? [''] : []),
        ...row.flatMap((value, column) => prefix(wrapWords(`${cells[0]![column]}: ${value}`, width - 2), '  ', '    ')),
      ]);
    }
    case 'diagram':
      return diagramLines(item.diagram, width);
    case 'pageBreak':
      return ['═'.repeat(width)];
  }
}

/**
 * The document as plain text, wrapped to `width` columns (default 100).
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
 * const text = toText(buildMemo(evaluation, 'en'), 80);
 * // Every line fits in 80 columns, but for a URL (never broken):
 * text.split('\n').filter((line) => !line.includes('://')).every((line) => line.length <= 80); // true
 * ```
 */
export function toText(document: ReportDocument, width = 100): string {
  return `${blocks(document.blocks, Math.max(40, width)).join('\n')}\n`;
}
