/**
 * A report document as a Word document (DOCX, Office Open XML), with the `docx` library (9.x;
 * Node and browsers): headings, paragraphs, lists (bulleted and numbered, nested), tables, a
 * shaded callout, links, verification badges in brackets and placeholders highlighted in yellow
 * so that none is missed. Every text goes through the library's XML writer, escaped; nothing is
 * written by hand. Used by `red-notice-rules/draft` only — the core never loads it.
 *
 * The text of the document depends only on the report document; the DOCX bytes do not repeat
 * exactly from one call to the next (the library stamps the creation time and draws some
 * internal ids at random).
 *
 * @module
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { CATALOGUES } from '../locales/index.js';
import type { BadgeTone, Block, Inline, ReportDocument } from './document.js';

/** @internal Colours of badges, by tone (text colour, hex without `#`). */
const BADGE_COLOURS: Readonly<Record<BadgeTone, string>> = { ok: '1E7E34', caution: '8A6500', alert: 'A71D2A', neutral: '555555' };

/** @internal Heading levels of the document's headings. */
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** @internal The runs of a paragraph. */
function runs(content: readonly Inline[], rtl = false): ParagraphChild[] {
  // In a right-to-left document, the runs of text are right to left; codes and links stay left to right.
  const direction = rtl ? { rightToLeft: true } : {};
  return content.map((run): ParagraphChild => {
    switch (run.kind) {
      case 'text':
        return rtl ? new TextRun({ text: run.text, ...direction }) : new TextRun(run.text);
      case 'strong':
        return new TextRun({ text: run.text, bold: true, ...direction });
      case 'code':
        return new TextRun({ text: run.text, font: 'Consolas' });
      case 'link':
        return new ExternalHyperlink({ link: run.url, children: [new TextRun({ text: run.text, style: 'Hyperlink' })] });
      case 'badge':
        return new TextRun({ text: `[${run.text}]`, bold: true, color: BADGE_COLOURS[run.tone], ...direction });
      case 'placeholder':
        return new TextRun({ text: run.text, bold: true, highlight: 'yellow', ...direction });
    }
  });
}

/** @internal Numbering of ordered lists (each list restarts at 1), and whether the document is right to left. */
interface ListCounter {
  instance: number;
  readonly rtl: boolean;
}

/** @internal Blocks as the document's paragraphs and tables; `level` is the nesting of lists. */
function blocks(list: readonly Block[], counter: ListCounter, level = -1): Array<Paragraph | Table> {
  return list.flatMap((block) => blockOf(block, counter, level));
}

/** @internal One block. */
function blockOf(block: Block, counter: ListCounter, level: number): Array<Paragraph | Table> {
  const indent = level >= 0 ? { indent: { left: 720 * (level + 1) } } : {};
  const { rtl } = counter;
  const bidi = rtl ? { bidirectional: true } : {};
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: runs(block.content, rtl), ...bidi })];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.content, rtl && block.lang === undefined), ...indent, ...(block.lang === undefined ? bidi : {}) })];
    case 'callout':
      return [
        new Paragraph({
          children: runs(block.content, rtl),
          ...bidi,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF8E1' },
          border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'A67C00', space: 8 } },
        }),
      ];
    case 'list': {
      const nested = Math.min(level + 1, 2);
      counter.instance += 1;
      const instance = counter.instance;
      return block.items.flatMap((item) => {
        const [first, ...rest] = item;
        const head =
          first?.kind === 'paragraph'
            ? [new Paragraph({ children: runs(first.content, rtl), ...bidi, numbering: { reference: block.ordered ? 'ordered' : 'bullets', level: nested, ...(block.ordered ? { instance } : {}) } })]
            : first === undefined
              ? []
              : blockOf(first, counter, nested);
        return [...head, ...rest.flatMap((inner) => blockOf(inner, counter, nested))];
      });
    }
    case 'table': {
      const row = (cells: readonly (readonly Inline[])[], header: boolean) =>
        new TableRow({
          tableHeader: header,
          children: cells.map((cell) => new TableCell({ children: [new Paragraph({ ...bidi, children: header ? runs(cell.map((run) => ({ kind: 'strong', text: run.text })), rtl) : runs(cell, rtl) })] })),
        });
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, ...(rtl ? { visuallyRightToLeft: true } : {}), rows: [row(block.header, true), ...block.rows.map((cells) => row(cells, false))] })];
    }
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'diagram':
      // A decision diagram is for reports read on screen; a Word document has none.
      return [];
  }
}

/** @internal Bulleted and numbered list styles, three levels deep. */
function numberingConfig() {
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string) =>
    [0, 1, 2].map((level) => ({ level, format, text: text(level), alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } } }));
  return {
    config: [
      { reference: 'bullets', levels: levels(LevelFormat.BULLET, (level) => ['•', '◦', '▪'][level]!) },
      { reference: 'ordered', levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`) },
    ],
  };
}

/**
 * The document as a DOCX file (the bytes of the Office Open XML package).
 *
 * @example
 * ```ts
 * import { unzipSync, strFromU8 } from 'fflate';
 *
 * const bytes = await toDocx({ title: 'Draft', locale: 'en', fallbacks: [], blocks: [{ kind: 'paragraph', content: [{ kind: 'placeholder', text: '[name]' }] }] });
 * strFromU8(unzipSync(bytes)['word/document.xml']!).includes('[name]'); // true
 * ```
 */
export async function toDocx(document: ReportDocument): Promise<Uint8Array> {
  const file = new Document({
    title: document.title,
    creator: 'red-notice-rules',
    numbering: numberingConfig(),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: blocks(document.blocks, { instance: 0, rtl: CATALOGUES[document.locale].direction === 'rtl' }) }],
  });
  return Packer.pack(file, 'uint8array');
}
