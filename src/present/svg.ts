/**
 * A decision diagram as inline SVG, for self-contained HTML: rules on the left, the outcomes
 * they lead to in the middle, the outcome reached on the right. Every text is escaped; no
 * script, no external resource.
 *
 * @module
 */
import type { TraceStatus } from '../evaluation/result.js';
import type { DecisionDiagram, DiagramNode, EdgeStyle } from './document.js';

/**
 * Text for HTML and SVG content and attribute values.
 *
 * @example
 * ```ts
 * escapeHtml('<a href="x">'); // '&#60;a href=&#34;x&#34;&#62;'
 * ```
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const CHAR_WIDTH = 7;
const LINE_HEIGHT = 16;
const PADDING = 10;
const ROW_GAP = 12;
const COLUMN_GAP = 70;

/** @internal Fill, stroke, text colour and dash pattern of a box. */
interface BoxStyle {
  readonly fill: string;
  readonly stroke: string;
  readonly color: string;
  readonly dash?: string;
}

const ruleStyles: Readonly<Record<TraceStatus, BoxStyle>> = {
  // A rule that fired is not good news in itself (it may be the rule that keeps a notice): no green.
  fired: { fill: '#e3e8ef', stroke: '#33475b', color: '#1b2733' },
  not_fired: { fill: '#f2f2f2', stroke: '#9a9a9a', color: '#555555' },
  undetermined: { fill: '#fff4cf', stroke: '#a67c00', color: '#3d2e00', dash: '4 3' },
  overridden: { fill: '#f8dcdc', stroke: '#a71d2a', color: '#555555' },
  not_in_force: { fill: '#ffffff', stroke: '#cccccc', color: '#777777' },
};
const outcomeStyle: BoxStyle = { fill: '#e7f0fb', stroke: '#1f5fbf', color: '#0d2a55' };
const resultStyle: BoxStyle = { fill: '#1f5fbf', stroke: '#0d2a55', color: '#ffffff' };
const edgeStyles: Readonly<Record<EdgeStyle, { readonly stroke: string; readonly width: number; readonly dash?: string }>> = {
  taken: { stroke: '#33475b', width: 2.5 },
  possible: { stroke: '#a67c00', width: 1.5, dash: '5 4' },
  not_taken: { stroke: '#b5b5b5', width: 1 },
};

/** @internal A box placed on the canvas. */
interface PlacedNode {
  readonly node: DiagramNode;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly style: BoxStyle;
}

/** @internal Width of the widest line of some nodes. */
function columnWidth(nodes: readonly DiagramNode[]): number {
  return Math.max(120, ...nodes.flatMap((node) => node.lines.map((line) => [...line].length * CHAR_WIDTH + 2 * PADDING)));
}

/** @internal Places a column of nodes, centred on the height of the tallest column. */
function placeColumn(nodes: readonly DiagramNode[], x: number, totalHeight: number, style: (node: DiagramNode) => BoxStyle): PlacedNode[] {
  const width = columnWidth(nodes);
  const heights = nodes.map((node) => node.lines.length * LINE_HEIGHT + PADDING);
  const used = heights.reduce((sum, height) => sum + height, 0) + ROW_GAP * Math.max(0, nodes.length - 1);
  let y = PADDING + (totalHeight - used) / 2;
  return nodes.map((node, index) => {
    const placed = { node, x, y, width, height: heights[index]!, style: style(node) };
    y += heights[index]! + ROW_GAP;
    return placed;
  });
}

/**
 * The diagram as an SVG element, sized to its content and responsive (a `viewBox`, and at most
 * the width of its column, keeping its proportions). `idPrefix` keeps the ids of its arrow
 * markers apart from those of other diagrams on the same page.
 *
 * @example
 * ```ts
 * const diagram: DecisionDiagram = {
 *   nodes: [
 *     { id: 'r0', kind: 'rule', lines: ['refugee.2017.delete', 'fired'], status: 'fired' },
 *     { id: 'o_delete', kind: 'outcome', lines: ['Delete'] },
 *   ],
 *   edges: [{ from: 'r0', to: 'o_delete', style: 'taken' }],
 * };
 * const svg = toSvg(diagram, 'Decision path', 'd1');
 * svg.startsWith('<svg'); // true
 * svg.includes('refugee.2017.delete'); // true
 * ```
 */
export function toSvg(diagram: DecisionDiagram, title: string, idPrefix = 'd0'): string {
  const columns = (['rule', 'outcome', 'result'] as const).map((kind) => diagram.nodes.filter((node) => node.kind === kind));
  const columnHeight = (nodes: readonly DiagramNode[]) =>
    nodes.reduce((sum, node) => sum + node.lines.length * LINE_HEIGHT + PADDING, 0) + ROW_GAP * Math.max(0, nodes.length - 1);
  const totalHeight = Math.max(...columns.map(columnHeight));
  let x = PADDING;
  const placed: PlacedNode[] = [];
  for (const nodes of columns) {
    if (nodes.length === 0) continue;
    const column = placeColumn(nodes, x, totalHeight, (node) => (node.kind === 'rule' ? ruleStyles[node.status ?? 'not_fired'] : node.kind === 'outcome' ? outcomeStyle : resultStyle));
    placed.push(...column);
    x += column[0]!.width + COLUMN_GAP;
  }
  const width = x - COLUMN_GAP + PADDING;
  const height = totalHeight + 2 * PADDING;
  const byId = new Map(placed.map((item) => [item.node.id, item]));
  const edges = diagram.edges.flatMap((edge) => {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to) return [];
    const style = edgeStyles[edge.style];
    const [x1, y1, x2, y2] = [from.x + from.width, from.y + from.height / 2, to.x - 4, to.y + to.height / 2];
    const middle = (x1 + x2) / 2;
    return [
      `<path d="M${x1} ${y1} C${middle} ${y1} ${middle} ${y2} ${x2} ${y2}" fill="none" stroke="${style.stroke}" stroke-width="${style.width}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''} marker-end="url(#${idPrefix}-arrow-${edge.style})"/>`,
    ];
  });
  const boxes = placed.map(({ node, x: left, y: top, width: boxWidth, height: boxHeight, style }) => {
    const lines = node.lines
      .map((line, index) => `<tspan x="${left + PADDING}" y="${top + PADDING / 2 + (index + 1) * LINE_HEIGHT - 4}"${index > 0 ? ' font-style="italic"' : ''}>${escapeHtml(line)}</tspan>`)
      .join('');
    return (
      `<rect x="${left}" y="${top}" width="${boxWidth}" height="${boxHeight}" rx="6" fill="${style.fill}" stroke="${style.stroke}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>` +
      `<text font-family="system-ui, sans-serif" font-size="12" fill="${style.color}">${lines}</text>`
    );
  });
  const markers = (Object.keys(edgeStyles) as EdgeStyle[]).map(
    (name) => `<marker id="${idPrefix}-arrow-${name}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${edgeStyles[name].stroke}"/></marker>`,
  );
  return [
    // Responsive: drawn at its natural size where there is room, scaled down to its column (screen and print) where not.
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMinYMin meet" style="max-width:100%;height:auto" aria-label="${escapeHtml(title)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<defs>${markers.join('')}</defs>`,
    ...edges,
    ...boxes,
    '</svg>',
  ].join('\n');
}
