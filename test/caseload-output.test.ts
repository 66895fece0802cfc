import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { batchProcessor, type CaseloadSettings } from '../src/cli/caseload-lines.js';
import { processLines, type OutputChunk } from '../src/cli/caseload-pool.js';
import type { InputLine } from '../src/cli/json-lines.js';
import { hasJsonControlBytes, OutputBytes } from '../src/cli/output-bytes.js';
import { escapeJsonControls } from '../src/support/safe-text.js';
import { createEvaluator } from '../src/index.js';
import { caseArb } from './arbitraries.js';

const root = new URL('../', import.meta.url);
const AS_OF = '2026-06-30';

/** The characters escapeJsonControls escapes (DEL, C1, bidirectional controls), with others around them. */
const CONTROLS = ['\u007f', '\u0080', '\u0085', '\u009b', '\u009f', '\u202a', '\u202e', '\u2066', '\u2069'];
const NEIGHBOURS = ['\u007e', '\u00a0', '\u00a7', 'é', '\u2029', '\u202f', '\u2065', '\u206a', '—', '’', '\u0000', '\u001b', '\n', '\r', '"', '\\', '😀', '\ud800'];

/** Strings with and without the controls, among characters whose UTF-8 shares their lead bytes (C2, E2). */
const textArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.array(fc.constantFrom(...NEIGHBOURS, 'a', ' '), { maxLength: 20 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...CONTROLS, ...NEIGHBOURS, 'a'), { maxLength: 20 }).map((parts) => parts.join('')),
);

/** A class whose instances serialise by `toJSON`, as a lazy result does. */
class Lazy {
  constructor(private readonly inner: unknown) {}
  toJSON(): unknown {
    return this.inner;
  }
}

/** JSON-like values as a result holds them: nested objects and arrays, undefined members, functions, `toJSON` objects, dates. */
const { value: valueArb } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textArb,
    fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(() => 1), fc.date({ noInvalidDate: true })),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(textArb, tie('value'), { maxKeys: 5 }),
    tie('value').map((inner) => new Lazy(inner)),
  ),
}));

/** What the text path writes for a value: the reference the byte path must equal. */
const reference = (value: unknown) => {
  const json = JSON.stringify(value) as string | undefined;
  return json === undefined ? '' : `${escapeJsonControls(json)}\n`;
};

describe('caseload output bytes', () => {
  test('property: a line written in pieces is, byte for byte, escapeJsonControls(JSON.stringify(value)) and a line feed', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 4 }), (values) => {
        const out = new OutputBytes(undefined, 16);
        for (const value of values) out.appendJsonLine(value);
        expect(out.bytes().equals(Buffer.from(values.map(reference).join(''), 'utf8'))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  test('property: the byte scan finds a control exactly when the text has one', () => {
    const unsafe = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    fc.assert(
      fc.property(textArb, (text) => {
        expect(hasJsonControlBytes(Buffer.from(text, 'utf8'))).toBe(unsafe.test(text));
        // The text path's fast path gives the text itself when there is nothing to escape.
        if (!unsafe.test(text)) expect(escapeJsonControls(text)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  test('a long line, larger than the buffer and written in many pieces, has the same bytes; its controls are escaped', () => {
    const long = { id: 'a\u202eb', items: Array.from({ length: 3000 }, (_, index) => ({ index, text: `— § é ’ ${index}`, lazy: new Lazy({ nested: [index, undefined] }) })) };
    const out = new OutputBytes(undefined, 16);
    out.appendJsonLine({ line: 1, evaluation: long });
    expect(out.bytes().toString('utf8')).toBe(reference({ line: 1, evaluation: long }));
    expect(out.bytes().toString('utf8')).toContain('"id":"a\\u202eb"');
  });

  test('a toJSON that returns an object with a toJSON of its own is serialised whole, as JSON.stringify does', () => {
    const twice = { outer: new Lazy(new Lazy('inner')), list: [new Lazy(new Lazy(1))] };
    const out = new OutputBytes();
    out.appendJsonLine(twice);
    expect(out.bytes().toString('utf8')).toBe(reference(twice));
  });

  test('a value that is not JSON throws and leaves nothing of its line', () => {
    const out = new OutputBytes();
    out.appendJsonLine({ a: 1 });
    const cyclic: Record<string, unknown> = { b: { c: [1] } };
    (cyclic.b as { c: unknown[] }).c.push({ d: { e: cyclic } });
    expect(() => out.appendJsonLine({ f: 1n })).toThrow(TypeError);
    expect(() => out.appendJsonLine(cyclic)).toThrow(TypeError);
    out.appendJsonLine([2]);
    expect(out.bytes().toString('utf8')).toBe('{"a":1}\n[2]\n');
  });

  test('property: evaluations of generated cases are written with the bytes of JSON.stringify', () => {
    const evaluator = createEvaluator();
    fc.assert(
      fc.property(caseArb, (value) => {
        const result = evaluator.safeEvaluateSync(value, { asOf: AS_OF });
        if (!result.success) return;
        const record = { line: 7, evaluation: result.evaluation };
        const out = new OutputBytes();
        out.appendJsonLine(record);
        expect(out.bytes().toString('utf8')).toBe(reference(record));
      }),
      { numRuns: 40 },
    );
  });
});

describe('caseload batches', () => {
  const settings: CaseloadSettings = { mode: 'evaluate', ruleSets: [], ruleSetsAfter: [], citations: {}, misusePatterns: [], options: { asOf: AS_OF, trace: 'full' } };
  const example = JSON.parse(readFileSync(new URL('examples/cases/finality-unknown.json', root), 'utf8')) as Record<string, unknown>;
  const lineOf = (index: number): InputLine => (index % 7 === 3 ? { line: index + 1, text: '{"schemaVersion":1' } : { line: index + 1, text: JSON.stringify({ ...example, caseId: `client-${index}` }) });

  test('skipped lines are marked where their output would have been, and the other lines follow in order', () => {
    const process = batchProcessor(settings);
    const out = new OutputBytes();
    const lines = Array.from({ length: 8 }, (_, index) => lineOf(index));
    const { lines: count, marks } = process(lines, out);
    expect(count).toBe(8);
    const text = out.bytes().toString('utf8');
    const records = text.trimEnd().split('\n').map((line) => (JSON.parse(line) as { line: number }).line);
    expect(records).toEqual([1, 2, 3, 5, 6, 7, 8]);
    expect(marks.map((mark) => [mark.line, 'issues' in mark && mark.issues[0]?.code])).toEqual([[4, 'invalid_json']]);
    // The mark is at the end of line 3's output.
    const at = marks[0]!.at;
    expect(Buffer.from(text).subarray(0, at).toString('utf8').trimEnd().split('\n')).toHaveLength(3);
  });

  test('batches grow to about a mebibyte of output (one line at first), and together hold every line in order', async () => {
    const chunks: Array<{ lines: number; bytes: number; text: string; skipped: number[] }> = [];
    async function* lines() {
      for (let index = 0; index < 150; index++) yield lineOf(index);
    }
    await processLines(settings, lines(), { jobs: 1 }, (chunk: OutputChunk) => {
      chunks.push({ lines: chunk.lines, bytes: chunk.bytes.length, text: chunk.bytes.toString('utf8'), skipped: chunk.marks.map((mark) => mark.line) });
    });
    expect(chunks[0]!.lines).toBe(1);
    expect(chunks.reduce((sum, chunk) => sum + chunk.lines, 0)).toBe(150);
    const perLine = chunks[0]!.bytes;
    // Later batches: as many lines as make about 1 MiB, at most 64.
    const expected = Math.min(64, Math.max(1, Math.floor((1024 * 1024) / perLine)));
    expect(chunks[1]!.lines).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((chunk) => chunk.lines))).toBeLessThanOrEqual(Math.max(expected * 2, 64));
    expect(Math.max(...chunks.map((chunk) => chunk.bytes))).toBeLessThan(4 * 1024 * 1024);
    const written = chunks
      .map((chunk) => chunk.text)
      .join('')
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { line: number }).line);
    expect(written).toEqual(Array.from({ length: 150 }, (_, index) => index + 1).filter((line) => (line - 1) % 7 !== 3));
    expect(chunks.flatMap((chunk) => chunk.skipped)).toEqual(Array.from({ length: 150 }, (_, index) => index + 1).filter((line) => (line - 1) % 7 === 3));
  });
});
