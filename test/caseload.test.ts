import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { runCli } from './support/cli.js';
import { CLI_INPUT_LIMIT_BYTES, type CliIo } from '../src/cli/input.js';
import { jsonLines, type InputLine } from '../src/cli/json-lines.js';
import { main } from '../src/cli/main.js';
import { createEvaluator, evaluateCase, evaluateMany, OptionsError, type EvaluateManyResult } from '../src/index.js';

const root = new URL('../', import.meta.url);
const SECRET = 'Jane Q. Client, born 1990';
const AS_OF = '2026-06-30';

const exampleCase = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`examples/cases/${name}.json`, root), 'utf8')) as Record<string, unknown>;
const EXAMPLES = ['detained-journalist-extradition-pending', 'recognised-refugee-unconfirmed', 'pending-claim-with-diffusion', 'finality-unknown', 'two-countries-one-feared'];

/** A caseload of example cases, each with its own caseId. */
const caseload = (count: number) => Array.from({ length: count }, (_, index) => ({ ...exampleCase(EXAMPLES[index % EXAMPLES.length]!), caseId: `client-${index}` }));

/** Runs the command line in-process on files of a temporary directory (or the repository). */
const run = (argv: string[], stdin = '', workerScript?: URL) => runCli(argv, { readStdin: async () => stdin, ...(workerScript === undefined ? {} : { workerScript }) });

/** Writes files into a new temporary directory and returns its path. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rnr-caseload-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('evaluateMany', () => {
  const inputs = [...caseload(3), { schemaVersion: 1, caseId: SECRET, notices: [] }, ...caseload(2)];

  test('yields one result per case of an array, in input order, each the same as evaluateCase gives', async () => {
    const results = await collect(evaluateMany(inputs, { asOf: AS_OF }));
    expect(results.map((result) => result.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((result) => result.success)).toEqual([true, true, true, false, true, true]);
    for (const [index, result] of results.entries()) {
      if (result.success) expect(JSON.stringify(result.evaluation)).toBe(JSON.stringify(await evaluateCase(inputs[index], { asOf: AS_OF })));
    }
  });

  test('reads an async iterable lazily, and a bad case gives its issues without stopping the stream or echoing a value', async () => {
    let pulled = 0;
    async function* source() {
      for (const input of inputs) {
        pulled += 1;
        yield input;
      }
    }
    const stream = evaluateMany(source(), { asOf: AS_OF, trace: 'none', questions: false });
    expect(pulled).toBe(0);
    const first = await stream.next();
    expect(pulled).toBe(1);
    expect((first.value as EvaluateManyResult).index).toBe(0);
    const rest = await collect(stream);
    expect(rest.map((result) => result.index)).toEqual([1, 2, 3, 4, 5]);
    const bad = rest.find((result) => !result.success)!;
    expect(bad.success === false && bad.issues.map((issue) => [issue.path, issue.code])).toEqual([['notices', 'too_few_items']]);
    expect(JSON.stringify(bad.success === false && bad.issues)).not.toContain(SECRET);
  });

  test('uses the evaluator it is given, and throws OptionsError at once for bad options', async () => {
    const evaluator = createEvaluator();
    const [result] = await collect(evaluateMany([inputs[0]], { asOf: AS_OF, evaluator }));
    expect(result?.success && result.evaluation.meta.asOf).toBe(AS_OF);
    expect(() => evaluateMany(inputs, { locale: 'xx' as 'en' })).toThrow(OptionsError);
  });

  test('judges every case at one date: asOf, or today when the stream starts', async () => {
    const results = await collect(evaluateMany(caseload(2), { trace: 'none', questions: false }));
    const dates = new Set(results.map((result) => result.success && result.evaluation.meta.asOf));
    expect(dates.size).toBe(1);
  });
});

describe('JSON Lines input', () => {
  async function* chunked(text: string, cuts: readonly number[]) {
    const bytes = Buffer.from(text);
    let start = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      if (cut <= start || cut >= bytes.length) continue;
      yield bytes.subarray(start, cut);
      start = cut;
    }
    yield bytes.subarray(start);
  }

  test('numbers lines from 1, drops a BOM and the CR of CR LF, skips blank lines, needs no final newline', async () => {
    const lines = await collect(jsonLines(chunked('\uFEFF{"a":1}\r\n\n   \n{"b":"é"}\n{"c":3}', [3, 9, 17]), 100));
    expect(lines).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 4, text: '{"b":"é"}' },
      { line: 5, text: '{"c":3}' },
    ]);
  });

  test('a line past the limit is reported by number, and the lines around it are kept', async () => {
    const long = 'x'.repeat(50);
    const lines = await collect(jsonLines(chunked(`{"a":1}\n"${long}"\n{"b":2}\n"${long}"`, [5, 20, 40]), 20));
    expect(lines).toEqual([{ line: 1, text: '{"a":1}' }, { line: 2, tooLong: true }, { line: 3, text: '{"b":2}' }, { line: 4, tooLong: true }]);
    // Exactly at the limit, with or without a CR, is not too long.
    expect(await collect(jsonLines(chunked('12345\r\n12345', []), 5))).toEqual([{ line: 1, text: '12345' }, { line: 2, text: '12345' }]);
  });

  test('property: however the bytes are cut into chunks, the lines are the same', async () => {
    const lineArbitrary = fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => JSON.stringify(text)));
    await fc.assert(
      fc.asyncProperty(fc.array(lineArbitrary, { maxLength: 12 }), fc.array(fc.nat(200), { maxLength: 8 }), fc.boolean(), async (texts, cuts, crlf) => {
        const text = texts.join(crlf ? '\r\n' : '\n');
        const whole = await collect(jsonLines(chunked(text, []), 1000));
        const cut = await collect(jsonLines(chunked(text, cuts), 1000));
        expect(cut).toEqual(whole);
        const expected: InputLine[] = texts.flatMap((line, index) => (line.trim() === '' ? [] : [{ line: index + 1, text: line }]));
        expect(whole).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('evaluate --batch', () => {
  const good = caseload(6).map((item) => JSON.stringify(item));
  const lines = [
    good[0],
    '{"schemaVersion": 1, "caseId": "' + SECRET + '", ',
    good[1],
    '',
    JSON.stringify({ schemaVersion: 1, caseId: SECRET, notices: [{ id: 'rn-1', kind: 'red', requestingCountry: SECRET }], asylum: [] }),
    good[2],
    `"${SECRET}"`,
    good[3],
    good[4],
    good[5],
  ];

  test('writes one line per case, in input order, with its line number and caseId; bad lines go to stderr by number and are skipped (exit 2)', async () => {
    const dir = workspace({ 'cases.jsonl': `${lines.join('\n')}\n` });
    const result = await run(['evaluate', '--batch', join(dir, 'cases.jsonl'), '--as-of', AS_OF, '--trace', 'fired']);
    expect(result.code).toBe(2);
    const records = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { line: number; caseId: string; evaluation: unknown });
    expect(records.map(({ line, caseId }) => [line, caseId])).toEqual([
      [1, 'client-0'],
      [3, 'client-1'],
      [6, 'client-2'],
      [8, 'client-3'],
      [9, 'client-4'],
      [10, 'client-5'],
    ]);
    for (const record of records) {
      const input = JSON.parse(lines[record.line - 1]!) as unknown;
      expect(JSON.stringify(record.evaluation)).toBe(JSON.stringify(await evaluateCase(input, { asOf: AS_OF, trace: 'fired' })));
    }
    const errors = result.stderr.trimEnd().split('\n');
    expect(errors.map((line) => /cases\.jsonl:(\d+): (?:(\S+): )?(\w+) —/.exec(line)?.slice(1))).toEqual([
      ['2', undefined, 'invalid_json'],
      ['5', 'notices[0].kind', 'invalid_value'],
      ['5', 'notices[0].requestingCountry', 'invalid_country'],
      ['7', undefined, 'not_an_object'],
    ]);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(result.stdout + result.stderr).not.toContain('Jane');
  });

  test('reads standard input with -, and exits 0 when every line is evaluated', async () => {
    const result = await run(['evaluate', '--batch', '-', '--as-of', AS_OF, '--trace', 'none', '--no-questions'], `${good.slice(0, 2).join('\r\n')}\r\n`);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const records = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { line: number; evaluation: { trace: unknown[]; questions?: unknown } });
    expect(records.map((record) => [record.line, record.evaluation.trace.length, 'questions' in record.evaluation])).toEqual([
      [1, 0, false],
      [2, 0, false],
    ]);
  });

  test('a line longer than the input limit is reported by number and skipped; the next line is evaluated', async () => {
    const tooLong = `{"schemaVersion":1,"caseId":"${'x'.repeat(CLI_INPUT_LIMIT_BYTES)}"}`;
    const result = await run(['evaluate', '--batch', '-', '--as-of', AS_OF, '--trace', 'none'], `${tooLong}\n${good[0]}\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: stdin:1: input_too_large — The line is longer than the 16 MiB/);
    expect(result.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { line: number }).line)).toEqual([2]);
  });

  test('bad options and other formats are usage errors (exit 2), before any line is read', async () => {
    for (const argv of [
      ['--jobs', '0'],
      ['--jobs', 'two'],
      ['--trace', 'some'],
      ['--format', 'markdown'],
      ['--as-of', '2026-02-30'],
    ]) {
      const result = await run(['evaluate', '--batch', '-', ...argv], good[0]);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
    }
    expect((await run(['evaluate', '--batch', '-', '--trace', 'some'])).stderr).toContain('error: --trace: invalid_option');
    expect((await run(['evaluate', '--batch', '/no/such/cases.jsonl'])).stderr).toContain('file_not_found');
  });

  test('a progress line goes to the terminal only when there is one (io.progress), never into stderr or stdout', async () => {
    const progress: string[] = [];
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      readStdin: async () => good.join('\n'),
      readFile: async () => '',
      progress: (text) => void progress.push(text),
    };
    expect(await main(['evaluate', '--batch', '-', '--as-of', AS_OF, '--trace', 'none', '--no-questions'], io)).toBe(0);
    expect(progress[0]).toMatch(/^\r1 cases, 0 skipped$/);
    expect(progress.at(-1)).toBe('\r\u001b[K');
    expect(stderr).toBe('');
    expect(stdout.split('\n')).toHaveLength(good.length + 1);
  });

  test('--trace and --no-questions apply to one case too', async () => {
    const result = await run(['evaluate', 'examples/cases/finality-unknown.json', '--as-of', AS_OF, '--trace', 'none', '--no-questions']);
    expect(result.code).toBe(0);
    const evaluation = JSON.parse(result.stdout) as { trace: unknown[]; questions?: unknown };
    expect(evaluation.trace).toEqual([]);
    expect(evaluation).not.toHaveProperty('questions');
  });
});

describe('worker threads', () => {
  const cli = new URL('dist/cli.js', root);
  const exec = promisify(execFile);

  test('two worker threads write the same bytes as one thread, and as the in-process command line', async () => {
    expect(existsSync(cli), 'dist/cli.js is missing: npm test builds before it tests (npm run build)').toBe(true);
    // More lines than one batch per worker, with bad lines among them.
    const lines = caseload(160).map((item, index) => (index % 53 === 5 ? `{"caseId":"${SECRET}"` : JSON.stringify(item)));
    const dir = workspace({ 'cases.jsonl': `${lines.join('\n')}\n` });
    const file = join(dir, 'cases.jsonl');
    const runJobs = (jobs: number) =>
      exec(process.execPath, [cli.pathname, 'evaluate', '--batch', file, '--as-of', AS_OF, '--trace', 'fired', '--no-questions', '--jobs', String(jobs)], { maxBuffer: 1 << 30 }).catch(
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const [one, two] = [await runJobs(1), await runJobs(2)];
    expect((one as { code?: number }).code).toBe(2);
    expect((two as { code?: number }).code).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(one.stdout.split('\n').length - 1).toBe(160 - 3);
    expect(one.stderr.match(/invalid_json/g)).toHaveLength(3);
    const inProcess = await run(['evaluate', '--batch', file, '--as-of', AS_OF, '--trace', 'fired', '--no-questions', '--jobs', '2'], '', cli);
    expect(inProcess.stdout).toBe(one.stdout);
    expect(inProcess.stderr).toBe(one.stderr);
  });

  test('with workers started before the rule sets are checked, bad options or rule sets are reported (exit 2) and the run ends', async () => {
    const dir = workspace({ 'cases.jsonl': `${JSON.stringify(caseload(1)[0])}\n`, 'bad.rules.json': '{"schemaVersion":1,"id":"x"}' });
    const file = join(dir, 'cases.jsonl');
    const badDate = await run(['evaluate', '--batch', file, '--as-of', '2026-02-30', '--jobs', '2'], '', cli);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--as-of');
    const badRules = await run(['evaluate', '--batch', file, '--rules', join(dir, 'bad.rules.json'), '--jobs', '2'], '', cli);
    expect(badRules.code).toBe(2);
    expect(badRules.stderr).toContain('bad.rules.json');
    expect(badRules.stdout).toBe('');
  });
});

describe('diff', () => {
  const rulesV1 = readFileSync(new URL('examples/authoring/detention-letters.rules.json', root), 'utf8');
  const v1 = JSON.parse(rulesV1) as { version: string; rules: Array<Record<string, unknown>> };
  // Version 2: five days instead of two for the letter, and a new rule for criminal detention.
  const v2 = structuredClone(v1);
  v2.version = '2.0.0';
  (v2.rules[0]!.action as { deadline: { days: number } }).deadline.days = 5;
  v2.rules.push({
    id: 'firm.criminal-detention-note',
    title: 'Held by the police on a Red Notice: note the criminal court',
    citations: ['firm.detention-memo'],
    scope: 'notice',
    effect: 'mandatory',
    conditions: { all: [{ fact: 'notice.detainedOnNoticeBy', operator: 'contains', value: 'criminal' }] },
    action: { code: 'note_criminal_court', priority: 'high', title: 'Note the criminal court', explanation: 'Tell the criminal court what a Red Notice is.' },
  });
  const detained = (authority: string, caseId: string) => ({
    schemaVersion: 1,
    caseId,
    notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
    asylum: [],
    detention: [{ country: 'DE', since: '2026-02-28', authority, basedOnNoticeId: 'rn-1' }],
  });
  const cases = [
    detained('immigration', 'moves'),
    { schemaVersion: 1, caseId: 'unchanged', notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] },
    '{"broken',
    detained('criminal', 'added'),
  ];
  const files = () =>
    workspace({
      'v1.json': rulesV1,
      'v2.json': JSON.stringify(v2),
      'cases.jsonl': cases.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n'),
      'clean.jsonl': JSON.stringify(cases[1]),
      'good.jsonl': [cases[0], cases[1], cases[3]].map((item) => JSON.stringify(item)).join('\n'),
    });
  const argv = (dir: string, cases = 'cases.jsonl') => [
    'diff',
    '--rules-before',
    join(dir, 'v1.json'),
    '--rules-after',
    join(dir, 'v2.json'),
    '--citations',
    'examples/authoring/firm-citations.json',
    '--as-of',
    '2026-03-01',
    join(dir, cases),
  ];

  test('lists the cases that change, each change with the rule that caused it (JSON Lines)', async () => {
    const dir = files();
    const result = await run([...argv(dir), '--format', 'json']);
    // A line was skipped: the report is incomplete, which wins over "changes found".
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cases.jsonl:3: invalid_json');
    const records = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(records).toEqual([
      {
        line: 1,
        caseId: 'moves',
        changes: [
          {
            code: 'deadline_moved',
            noticeId: 'rn-1',
            action: 'send_detention_letter',
            ruleId: 'firm.detention-letter',
            from: '2026-03-02',
            to: '2026-03-05',
            causes: [{ ruleId: 'firm.detention-letter', rule: 'changed', before: 'fired', after: 'fired' }],
          },
        ],
      },
      {
        line: 4,
        caseId: 'added',
        changes: [
          {
            code: 'action_added',
            noticeId: 'rn-1',
            action: 'note_criminal_court',
            ruleId: 'firm.criminal-detention-note',
            priority: expect.any(String),
            causes: [{ ruleId: 'firm.criminal-detention-note', rule: 'added', before: 'absent', after: 'fired' }],
          },
        ],
      },
    ]);
    expect(result.stderr).toMatch(/3 cases compared, 2 changed \(0 outcomes, 1 actions added or removed, 0 priorities, 1 deadlines\); 1 line skipped\./);
  });

  test('the text report names each case by line and caseId; exit 1 when cases change, 0 when none does', async () => {
    const dir = files();
    const changed = await run(argv(dir, 'good.jsonl'));
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('line 1 (moves):\n  rn-1: action send_detention_letter deadline 2026-03-02 → 2026-03-05 — caused by firm.detention-letter (changed; fired)\n');
    expect(changed.stdout).toContain('line 3 (added):\n  rn-1: action note_criminal_court added (');
    expect(changed.stdout).toContain('caused by firm.criminal-detention-note (added; absent → fired)');
    expect(changed.stdout).not.toContain('unchanged');
    const none = await run(argv(dir, 'clean.jsonl'));
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('1 case compared, 0 changed (0 outcomes, 0 actions added or removed, 0 priorities, 0 deadlines).\n');
  });

  test('the same rule sets before and after change nothing', async () => {
    const dir = files();
    const result = await run(['diff', '--rules-before', join(dir, 'v1.json'), '--rules-after', join(dir, 'v1.json'), '--citations', 'examples/authoring/firm-citations.json', '--as-of', '2026-03-01', join(dir, 'good.jsonl')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('3 cases compared, 0 changed (0 outcomes, 0 actions added or removed, 0 priorities, 0 deadlines).\n');
  });
});
