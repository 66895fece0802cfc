/**
 * The report as a document: headings, paragraphs, lists, tables and decision diagrams made of
 * plain text runs. The memo is written once as a document (`memo.ts`); each format (Markdown,
 * HTML, text) only serialises it, escaping every run for its own syntax — so what a report says
 * cannot differ between formats, and no string reaches a format unescaped.
 *
 * @module
 */
import type { TraceStatus } from '../evaluation/result.js';
import { CATALOGUES, type Locale } from '../locales/index.js';
import { stripUnsafeText } from '../support/safe-text.js';
import type { TextFallback } from './localize.js';

/** A box of a decision diagram (`diagram.ts` builds them from the trace). */
export interface DiagramNode {
  /** Stable id within the diagram (`r0`, `o_delete`, `result`), never taken from the case. */
  readonly id: string;
  /** What the box is. */
  readonly kind: 'rule' | 'outcome' | 'result';
  /** Its lines of text. */
  readonly lines: readonly string[];
  /** For a rule: what it did. */
  readonly status?: TraceStatus;
}

/** How an arrow is drawn: the path taken, a path that facts could open, or a path not taken. */
export type EdgeStyle = 'taken' | 'possible' | 'not_taken';

/** An arrow. */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly style: EdgeStyle;
}

/** A decision diagram. */
export interface DecisionDiagram {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/** How a badge should stand out: confirmed, to check, alarming, or neutral. */
export type BadgeTone = 'ok' | 'caution' | 'alert' | 'neutral';

/** A run of text with one style. */
export type Inline =
  /** `isolate`: (added) a date or an id set apart from the text around it in right-to-left documents. */
  | { readonly kind: 'text'; readonly text: string; readonly isolate?: true }
  | { readonly kind: 'strong'; readonly text: string; readonly isolate?: true }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string }
  | { readonly kind: 'badge'; readonly text: string; readonly tone: BadgeTone }
  /** (added) A passage to complete, shown so that it cannot be missed (a draft's unknowns). */
  | { readonly kind: 'placeholder'; readonly text: string };

/** A block of the document. */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly content: readonly Inline[] }
  /** `lang`: (added) the BCP 47 tag of a paragraph that is data in another language than the document's (the citations' summaries, in English). */
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[]; readonly lang?: string }
  | { readonly kind: 'callout'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Block[])[] }
  | { readonly kind: 'table'; readonly header: readonly (readonly Inline[])[]; readonly rows: readonly (readonly (readonly Inline[])[])[] }
  | { readonly kind: 'diagram'; readonly diagram: DecisionDiagram }
  /** (added) The end of the first page: what follows is the appendix (a new page in print). */
  | { readonly kind: 'pageBreak' };

/** A whole report. */
export interface ReportDocument {
  readonly title: string;
  readonly locale: Locale;
  /** The texts of the evaluation that are not in `locale` (a rule set without that translation). */
  readonly fallbacks: readonly TextFallback[];
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
  return stripUnsafeText(text).replace(/[\n\t\u2028\u2029]/g, ' ').replace(NONCHARACTERS, '');
}

/**
 * @internal The marks of the library's own isolation while a document is serialised: two
 * Unicode noncharacters, which no run can hold (`cleanText` removes every noncharacter of the
 * block U+FDD0–U+FDEF), turned into `<bdi>` or FSI/PDI only after the output's final guard has
 * removed every bidirectional control that came from a user's text.
 */
const ISOLATE_START = '\ufdd0';
/** @internal See `ISOLATE_START`. */
const ISOLATE_END = '\ufdd1';
/** @internal The noncharacters removed from every run. */
const NONCHARACTERS = /[\ufdd0-\ufdef]/g;

/**
 * A text run set apart from the text around it in a right-to-left document (a date, an id):
 * `<bdi>` in HTML, FSI … PDI (U+2068, U+2069) in Markdown and text.
 *
 * @example
 * ```ts
 * isolated('5 December 2026'); // { kind: 'text', text: '5 December 2026', isolate: true }
 * ```
 */
export function isolated(value: string): Inline {
  return { kind: 'text', text: cleanText(value), isolate: true };
}

/**
 * A strong run set apart from the text around it in a right-to-left document (`isolated`).
 *
 * @example
 * ```ts
 * isolatedStrong('due 5 December 2026'); // { kind: 'strong', text: 'due 5 December 2026', isolate: true }
 * ```
 */
export function isolatedStrong(value: string): Inline {
  return { kind: 'strong', text: cleanText(value), isolate: true };
}

/** @internal A left-to-right token in right-to-left text: Latin letters and digits joined by `-`, `.`, `_` or `/` (`rn-tj-1`, `GA-2017-86-RES-09`), with a Latin letter in it. */
const LATIN_TOKEN = /[A-Za-z0-9]+(?:[-._/][A-Za-z0-9]+)*/g;

/** @internal A run marked for isolation when it is a code run or asks for it; in other runs, each Latin token (an id, a resolution number). */
function isolateRun(run: Inline): Inline {
  if (run.kind === 'code' || ((run.kind === 'text' || run.kind === 'strong') && run.isolate === true)) {
    return { ...run, text: `${ISOLATE_START}${run.text}${ISOLATE_END}` };
  }
  if (run.kind === 'text' || run.kind === 'strong' || run.kind === 'placeholder') {
    return { ...run, text: run.text.replace(LATIN_TOKEN, (token) => (/[A-Za-z]/.test(token) ? `${ISOLATE_START}${token}${ISOLATE_END}` : token)) };
  }
  return run;
}

/** @internal A block with its runs marked for isolation. */
function isolateBlock(block: Block): Block {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
    case 'callout':
      return { ...block, content: block.content.map(isolateRun) };
    case 'list':
      return { ...block, items: block.items.map((item) => item.map(isolateBlock)) };
    case 'table':
      return { ...block, header: block.header.map((cell) => cell.map(isolateRun)), rows: block.rows.map((row) => row.map((cell) => cell.map(isolateRun))) };
    default:
      return block;
  }
}

/**
 * A document ready for a right-to-left serialisation: in a document of a right-to-left locale,
 * every code run (ids, citations, paths), every run marked `isolate` (dates) and every Latin
 * token of other runs (a notice id or a resolution number inside a sentence) carries the
 * library's isolation marks; `finishOutput` turns them into `<bdi>` or FSI/PDI. A left-to-right
 * document is returned as it is.
 *
 * @example
 * ```ts
 * withIsolation({ title: 't', locale: 'en', fallbacks: [], blocks: [] }).blocks; // []
 * ```
 */
export function withIsolation(document: ReportDocument): ReportDocument {
  if (CATALOGUES[document.locale].direction !== 'rtl') return document;
  return { ...document, blocks: document.blocks.map(isolateBlock) };
}

/**
 * The final guard of a serialised document: every control and bidirectional character removed
 * (whatever a text or a serialiser let through), then the library's own isolation marks
 * written — as `<bdi>` elements in HTML, as FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE
 * (U+2068, U+2069) in Markdown and text. Only marks the library placed survive.
 *
 * @example
 * ```ts
 * finishOutput('a\u2068b\u2069', 'text'); // 'ab'
 * ```
 */
export function finishOutput(output: string, format: 'html' | 'markdown' | 'text'): string {
  const safe = stripUnsafeText(output);
  if (!safe.includes(ISOLATE_START)) return safe;
  if (format === 'html') return safe.replaceAll(ISOLATE_START, '<bdi>').replaceAll(ISOLATE_END, '</bdi>');
  // A line ends a paragraph for the bidirectional algorithm: an isolate that a wrapped line
  // splits is closed at the end of the line and opened again on the next.
  let open = 0;
  const lines = safe.split('\n').map((line) => {
    const start = ISOLATE_START.repeat(open);
    for (const char of line) {
      if (char === ISOLATE_START) open += 1;
      else if (char === ISOLATE_END) open = Math.max(0, open - 1);
    }
    return `${start}${line}${ISOLATE_END.repeat(open)}`;
  });
  return lines.join('\n').replaceAll(ISOLATE_START, '\u2068').replaceAll(ISOLATE_END, '\u2069');
}

/**
 * A plain text run.
 *
 * @example
 * ```ts
 * text('Outcome:\n delete'); // { kind: 'text', text: 'Outcome:  delete' }
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
 * strong('Deadline'); // { kind: 'strong', text: 'Deadline' }
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
 * code('asylum[1].final'); // { kind: 'code', text: 'asylum[1].final' }
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
 * link('https://www.interpol.int/'); // { kind: 'link', text: 'https://www.interpol.int/', url: 'https://www.interpol.int/' }
 * link('javascript:alert(1)', 'x'); // { kind: 'text', text: 'x (javascript:alert(1))' }
 * ```
 */
export function link(given: string, label: string = given): Inline {
  // A URL is written as it is, but for the characters no run may hold (the isolation marks among them).
  const url = given.replace(NONCHARACTERS, '');
  return /^https?:\/\/[^\s]+$/i.test(url) ? { kind: 'link', text: cleanText(label), url } : text(label === url ? url : `${label} (${url})`);
}

/**
 * A badge: a short label that must be seen (a verification level, a priority).
 *
 * @example
 * ```ts
 * badge('secondary source — check before filing', 'caution'); // { kind: 'badge', text: 'secondary source — check before filing', tone: 'caution' }
 * ```
 */
export function badge(value: string, tone: BadgeTone): Inline {
  return { kind: 'badge', text: cleanText(value), tone };
}

/**
 * A passage to complete, which every format shows so that it cannot be missed.
 *
 * @example
 * ```ts
 * placeholder('[full name of the applicant]'); // { kind: 'placeholder', text: '[full name of the applicant]' }
 * ```
 */
export function placeholder(value: string): Inline {
  return { kind: 'placeholder', text: cleanText(value) };
}

/**
 * Runs separated by `separator` (a text run).
 *
 * @example
 * ```ts
 * joinInline([[code('a')], [code('b')]], ', '); // [{ kind: 'code', text: 'a' }, { kind: 'text', text: ', ' }, { kind: 'code', text: 'b' }]
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

/**
 * The footer of a memo or draft in a locale whose words a legal translator has not yet
 * reviewed (`reviewedByLegalTranslator`), in that locale's words; nothing otherwise.
 *
 * @example
 * ```ts
 * translationFooter('en'); // []
 * translationFooter('fr')[0]; // { kind: 'callout', content: [{ kind: 'text', text: 'Traduction pas encore revue par un traducteur juridique.' }] }
 * ```
 */
export function translationFooter(locale: Locale): Block[] {
  const messages = CATALOGUES[locale];
  return messages.reviewedByLegalTranslator ? [] : [{ kind: 'callout', content: [text(messages.report.translationNotReviewed)] }];
}
