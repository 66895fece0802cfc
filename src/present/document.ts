/**
 * The report as a document: headings, paragraphs, lists, tables and decision diagrams made of
 * plain text runs. The memo is written once as a document (`memo.ts`); each format (Markdown,
 * HTML, text) only serialises it, escaping every run for its own syntax — so what a report says
 * cannot differ between formats, and no string reaches a format unescaped.
 *
 * @module
 */
import type { Locale } from '../support/localized-text.js';
import { stripUnsafeText } from '../support/safe-text.js';
import type { DecisionDiagram } from './diagram.js';

/** How a badge should stand out: confirmed, to check, alarming, or neutral. */
export type BadgeTone = 'ok' | 'caution' | 'alert' | 'neutral';

/** A run of text with one style. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string }
  | { readonly kind: 'badge'; readonly text: string; readonly tone: BadgeTone };

/** A block of the document. */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly content: readonly Inline[] }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'callout'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Block[])[] }
  | { readonly kind: 'table'; readonly header: readonly (readonly Inline[])[]; readonly rows: readonly (readonly (readonly Inline[])[])[] }
  | { readonly kind: 'diagram'; readonly diagram: DecisionDiagram };

/** A whole report. */
export interface ReportDocument {
  readonly title: string;
  readonly locale: Locale;
  readonly blocks: readonly Block[];
}

/**
 * Text made safe to place anywhere in a run: control and bidirectional characters removed
 * (`stripUnsafeText`: terminal escapes, Trojan Source reordering), and line breaks, tabs and the
 * Unicode line and paragraph separators turned into spaces, so that no run can start a line of
 * its own. Every run of a report goes through it — case strings (notice ids) enter here.
 *
 * @example
 * ```ts
 * cleanText('a\u001b[31mb\nc\u202e'); // 'a[31mb c'
 * ```
 */
export function cleanText(text: string): string {
  return stripUnsafeText(text).replace(/[\n\t\u2028\u2029]/g, ' ');
}

/**
 * A plain text run.
 *
 * @example
 * ```ts
 * text('Outcome: ');
 * ```
 */
export function text(value: string): Inline {
  return { kind: 'text', text: cleanText(value) };
}

/**
 * A strong (bold) run.
 *
 * @example
 * ```ts
 * strong('Deadline');
 * ```
 */
export function strong(value: string): Inline {
  return { kind: 'strong', text: cleanText(value) };
}

/**
 * A code run: identifiers, input paths.
 *
 * @example
 * ```ts
 * code('asylum[1].final');
 * ```
 */
export function code(value: string): Inline {
  return { kind: 'code', text: cleanText(value) };
}

/**
 * A link; a URL that is not `http:` or `https:` becomes plain text.
 *
 * @example
 * ```ts
 * link('https://www.interpol.int/');
 * ```
 */
export function link(url: string, label: string = url): Inline {
  return /^https?:\/\/[^\s]+$/i.test(url) ? { kind: 'link', text: cleanText(label), url } : text(label === url ? url : `${label} (${url})`);
}

/**
 * A badge: a short label that must be seen (a verification level, a priority).
 *
 * @example
 * ```ts
 * badge('secondary source — check before filing', 'caution');
 * ```
 */
export function badge(value: string, tone: BadgeTone): Inline {
  return { kind: 'badge', text: cleanText(value), tone };
}

/**
 * Runs separated by `separator` (a text run).
 *
 * @example
 * ```ts
 * joinInline([[code('a')], [code('b')]], ', ');
 * ```
 */
export function joinInline(parts: readonly (readonly Inline[])[], separator: string): Inline[] {
  return parts.flatMap((part, index) => (index === 0 ? [...part] : [text(separator), ...part]));
}

/**
 * The plain text of some runs (badges in brackets, links with their URL when it differs).
 *
 * @example
 * ```ts
 * plainText([strong('a'), text(' b')]); // 'a b'
 * ```
 */
export function plainText(content: readonly Inline[]): string {
  return content
    .map((run) => (run.kind === 'badge' ? `[${run.text}]` : run.kind === 'link' && run.text !== run.url ? `${run.text} <${run.url}>` : run.text))
    .join('');
}

/**
 * A template of the message catalogue (`'{kind} {noticeId}, requested by {country}'`) as runs:
 * each placeholder replaced by the runs given for it, the rest as text.
 *
 * @example
 * ```ts
 * fillInline('notice {noticeId}', { noticeId: [code('rn-1')] }); // [text('notice '), code('rn-1')]
 * ```
 */
export function fillInline(template: string, values: Readonly<Record<string, readonly Inline[]>>): Inline[] {
  return template
    .split(/(\{[A-Za-z]+\})/)
    .filter((part) => part !== '')
    .flatMap((part) => {
      const name = /^\{([A-Za-z]+)\}$/.exec(part)?.[1];
      return name !== undefined && Object.hasOwn(values, name) ? [...values[name]!] : [text(part)];
    });
}
