/**
 * The decision diagram of a notice: the outcome rules in force for it, what each did (fired,
 * did not fire, undetermined, overridden), the outcomes they lead to, and the outcome reached.
 * Built from the trace alone; rendered as Mermaid source here and as SVG in `svg.ts`.
 *
 * @module
 */
import type { CaseEvaluation, NoticeEvaluation, TraceEntry, TraceStatus } from '../evaluation/result.js';
import { CATALOGUES, type Locale } from '../locales/index.js';
import type { Outcome } from '../rules/vocabulary.js';
import { fillPlaceholders } from '../support/localized-text.js';
import { stripUnsafeText } from '../support/safe-text.js';
import { cleanText, type DecisionDiagram, type DiagramEdge, type DiagramNode, type EdgeStyle } from './document.js';

const ruleEdgeStyle: Readonly<Record<TraceStatus, EdgeStyle>> = {
  fired: 'taken',
  undetermined: 'possible',
  not_fired: 'not_taken',
  overridden: 'not_taken',
  not_in_force: 'not_taken',
};

/**
 * The diagram of one notice, from the trace (empty when the evaluation kept no trace of it).
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * const evaluation = evaluateCaseSync(
 *   {
 *     schemaVersion: 1,
 *     notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *     asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 *   },
 *   { asOf: '2026-01-15' },
 * );
 * const diagram = decisionDiagram(evaluation, evaluation.notices[0]!, 'en');
 * diagram.nodes.at(-1); // { id: 'result', kind: 'result', lines: ['Outcome: Delete once confirmed'] }
 * diagram.edges.some((edge) => edge.to === 'result' && edge.style === 'taken'); // true
 * ```
 */
export function decisionDiagram(evaluation: CaseEvaluation, notice: NoticeEvaluation, locale: Locale): DecisionDiagram {
  const messages = CATALOGUES[locale];
  const entries = evaluation.trace.filter(
    (entry): entry is TraceEntry & { outcome: Outcome } => entry.noticeId === notice.noticeId && entry.outcome !== undefined && entry.status !== 'not_in_force',
  );
  if (entries.length === 0) return { nodes: [], edges: [] };
  const outcomes = [...new Set(entries.map((entry) => entry.outcome))];
  const nodes: DiagramNode[] = [
    ...entries.map((entry, index): DiagramNode => ({ id: `r${index}`, kind: 'rule', lines: [entry.ruleId, messages.traceStatuses[entry.status]], status: entry.status })),
    ...outcomes.map((outcome): DiagramNode => ({ id: `o_${outcome}`, kind: 'outcome', lines: [messages.outcomes[outcome].label] })),
    { id: 'result', kind: 'result', lines: [fillPlaceholders(messages.report.diagramOutcomeNode, () => messages.outcomes[notice.outcome].label)] },
  ];
  const edges: DiagramEdge[] = entries.map((entry, index) => ({ from: `r${index}`, to: `o_${entry.outcome}`, style: ruleEdgeStyle[entry.status] }));
  const { resolution } = notice;
  if (resolution.code === 'rule_fired') {
    edges.push({ from: `o_${notice.outcome}`, to: 'result', style: 'taken' });
  } else if (resolution.code === 'facts_missing' || resolution.code === 'conflicting_rules') {
    for (const outcome of resolution.outcomes) if (outcomes.includes(outcome)) edges.push({ from: `o_${outcome}`, to: 'result', style: 'possible' });
  }
  return { nodes, edges };
}

const mermaidArrows: Readonly<Record<EdgeStyle, string>> = { taken: '==>', possible: '-.->', not_taken: '-->' };

/** Styles of the boxes, by rule status or box kind. */
const mermaidClasses: ReadonlyArray<readonly [string, string]> = [
  ['fired', 'fill:#e3e8ef,stroke:#33475b,stroke-width:2px,color:#1b2733'],
  ['not_fired', 'fill:#f2f2f2,stroke:#9a9a9a,color:#555555'],
  ['undetermined', 'fill:#fff4cf,stroke:#a67c00,stroke-dasharray:4 3,color:#3d2e00'],
  ['overridden', 'fill:#f8dcdc,stroke:#a71d2a,color:#555555'],
  ['outcome', 'fill:#e7f0fb,stroke:#1f5fbf,color:#0d2a55'],
  ['result', 'fill:#1f5fbf,stroke:#0d2a55,color:#ffffff,stroke-width:2px'],
];

/**
 * A Mermaid label: every character that could end the label or start markup — quotes,
 * brackets, `<`, `#`, backticks, pipes… — written as a Mermaid entity (`#35;`), so that no text
 * can break out of its box or the diagram.
 *
 * @example
 * ```ts
 * mermaidLabel('a"]-->b'); // 'a#34;#93;--#62;b'
 * ```
 */
export function mermaidLabel(value: string): string {
  return [...cleanText(value)].map((char) => (/[\p{L}\p{N} .,:;_/()-]/u.test(char) ? char : `#${char.codePointAt(0)};`)).join('');
}

/**
 * Mermaid source of a diagram (`flowchart LR`), with a class per rule status.
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
 * toMermaid(diagram).split('\n').slice(0, 4); // ['flowchart LR', '  r0["refugee.2017.delete<br/>fired"]', '  o_delete("Delete")', '  r0 ==> o_delete']
 * ```
 */
export function toMermaid(diagram: DecisionDiagram): string {
  const lines = ['flowchart LR'];
  for (const node of diagram.nodes) {
    const label = node.lines.map(mermaidLabel).join('<br/>');
    lines.push(node.kind === 'result' ? `  ${node.id}(["${label}"])` : node.kind === 'outcome' ? `  ${node.id}("${label}")` : `  ${node.id}["${label}"]`);
  }
  for (const edge of diagram.edges) lines.push(`  ${edge.from} ${mermaidArrows[edge.style]} ${edge.to}`);
  for (const [name, style] of mermaidClasses) lines.push(`  classDef ${name} ${style}`);
  const byClass = new Map<string, string[]>();
  for (const node of diagram.nodes) {
    const name = node.kind === 'rule' ? node.status! : node.kind;
    byClass.set(name, [...(byClass.get(name) ?? []), node.id]);
  }
  for (const [name] of mermaidClasses) if (byClass.has(name)) lines.push(`  class ${byClass.get(name)!.join(',')} ${name}`);
  return stripUnsafeText(lines.join('\n'));
}
