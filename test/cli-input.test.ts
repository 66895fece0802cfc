import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli, type CliRun } from './support/cli.js';
import { CLI_INPUT_LIMIT_BYTES, nodeIo } from '../src/cli/input.js';
import { renderReport, safeEvaluateCase } from '../src/index.js';

/** Issue 10, faults 2 and 3 on the command line: input streamed to a limit, syntax errors located, no terminal escapes. */

const root = new URL('../', import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'rnr-cli-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the command line in-process on the real file system (files relative to `work`). */
async function run(argv: string[], stdin = ''): Promise<CliRun> {
  const result = await runCli(
    argv.map((arg) => (arg.endsWith('.json') && !arg.startsWith('/') ? join(work, arg) : arg)),
    { ...nodeIo(), readStdin: async () => stdin },
  );
  return { ...result, stderr: result.stderr.split(`${work}/`).join('') };
}

const validCase = { schemaVersion: 1, notices: [{ id: 'df-1', kind: 'diffusion', requestingCountry: 'TJ' }], asylum: [{ type: 'application_filed', date: '2024-01-01', country: 'DE', persecutionFearedFrom: ['TJ'] }] };
const docsRuleSet = (): Record<string, unknown> => JSON.parse(/```json\n([\s\S]*?)```/.exec(readFileSync(new URL('docs/rule-sets.md', root), 'utf8'))![1]!);

describe('the command line reads input up to a limit, and says why it cannot', () => {
  test('a 700 MB file is input_too_large, refused before it is read — not "does it exist?"', async () => {
    const big = join(work, 'huge.json');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 700 * 1024 * 1024); // sparse: no disk used
    const result = await run(['evaluate', 'huge.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: huge.json: input_too_large — The file is larger than the 16 MiB the command line reads; nothing was evaluated.\n');
  });

  test('standard input is streamed and stopped at the limit: 100 MB of [0,0,…] is input_too_large (exit 2), not an abort', async () => {
    const cli = new URL('dist/cli.js', root).pathname;
    expect(existsSync(cli), 'dist/cli.js is missing: npm test builds before it tests (npm run build)').toBe(true);
    const child = spawn(process.execPath, ['--max-old-space-size=256', cli, 'evaluate', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.on('error', () => undefined); // the command line stops reading: EPIPE is expected
    const chunk = Buffer.from('0,'.repeat(512 * 1024));
    let written = 0;
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    let open = true;
    child.on('close', () => (open = false));
    child.stdin.write('[');
    while (open && written < 100 * 1024 * 1024) {
      if (!child.stdin.write(chunk)) await new Promise((resolve) => { child.stdin.once('drain', resolve); child.once('close', resolve); });
      written += chunk.length;
    }
    if (open) child.stdin.end('0]');
    expect(await exited).toBe(2);
    expect(stderr).toBe(`error: stdin: input_too_large — Standard input is larger than the ${CLI_INPUT_LIMIT_BYTES / 1024 / 1024} MiB the command line reads; nothing was evaluated.\n`);
    expect(written).toBeLessThan(100 * 1024 * 1024);
  });

  test('a missing file, a directory, an empty file and blank standard input each say what they are', async () => {
    mkdirSync(join(work, 'folder.json'), { recursive: true });
    writeFileSync(join(work, 'empty.json'), '');
    writeFileSync(join(work, 'blank.json'), ' \n\t\n');
    expect((await run(['evaluate', 'missing.json'])).stderr).toBe('error: missing.json: file_not_found — There is no such file.\n');
    expect((await run(['evaluate', 'folder.json'])).stderr).toBe('error: folder.json: file_not_readable — The file cannot be read: it is a directory.\n');
    expect((await run(['evaluate', 'empty.json'])).stderr).toBe('error: empty.json: empty_input — The file is empty: a JSON value was expected.\n');
    expect((await run(['evaluate', 'blank.json'])).stderr).toBe('error: blank.json: empty_input — The file is empty: a JSON value was expected.\n');
    const stdin = await run(['evaluate', '-'], '\n');
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toBe('error: stdin: empty_input — Standard input is empty: a JSON value was expected.\n');
  });

  test('a syntax error in every kind of JSON input is located by line and column, without quoting the input', async () => {
    const secret = 'Jane Q. Client';
    writeFileSync(join(work, 'case.json'), JSON.stringify(validCase));
    writeFileSync(join(work, 'bad-case.json'), `{\n  "caseId": "${secret}",\n  "notices": [1 2]\n}\n`);
    writeFileSync(join(work, 'bad-rules.json'), '{\n  "id": "mine",\n  "rules": [],\n}\n');
    writeFileSync(join(work, 'bad-citations.json'), '{ "citations": { "a": { "instrument": "x" } }\n');
    writeFileSync(join(work, 'bad-patterns.json'), '{ "patterns": [ // a comment\n] }');
    writeFileSync(join(work, 'bad-fixtures.json'), `[\n  { "name": "${secret}" "asOf": "2025-01-01" }\n]`);
    const cases: ReadonlyArray<readonly [string[], string]> = [
      [['evaluate', 'bad-case.json'], 'error: bad-case.json:3:17: invalid_json — This is not valid JSON: a comma was expected at line 3, column 17.\n'],
      [['evaluate', 'case.json', '--rules', 'bad-rules.json'], 'error: bad-rules.json:4:1: invalid_json — This is not valid JSON: a key in double quotes was expected at line 4, column 1.\n'],
      [['evaluate', 'case.json', '--citations', 'bad-citations.json'], 'error: bad-citations.json:2:1: invalid_json — This is not valid JSON: a closing brace } was expected at line 2, column 1.\n'],
      [['evaluate', 'case.json', '--misuse-patterns', 'bad-patterns.json'], 'error: bad-patterns.json:1:17: invalid_json — This is not valid JSON: a comment, which JSON does not allow at line 1, column 17.\n'],
      [['check', 'bad-fixtures.json'], 'error: bad-fixtures.json:2:30: invalid_json — This is not valid JSON: a comma was expected at line 2, column 30.\n'],
    ];
    for (const [argv, stderr] of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toBe(stderr);
      expect(result.stderr).not.toContain(secret);
    }
  });
});

describe('terminal escape injection: no control or bidirectional character reaches the output', () => {
  const ESCAPES = '\u001b]0;pwned\u0007\u001b[1A\u001b[2K\u001b[8m\u009b2J\r\u202e\u2066\u0000';
  // eslint-disable-next-line no-control-regex -- the characters that must not reach the output
  const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

  const hostileRuleSet = () => {
    const ruleSet = docsRuleSet();
    ruleSet.title = `Mine${ESCAPES}`;
    const rule = (ruleSet.rules as Array<Record<string, unknown>>)[0]!;
    rule.title = `Screened${ESCAPES} title`;
    rule.citations = ['firm.memo'];
    rule.action = { code: 'human_review', priority: 'high', explanation: `Check it${ESCAPES}.` };
    return ruleSet;
  };
  const hostileCitations = { citations: { 'firm.memo': { instrument: `Memo${ESCAPES}`, provision: `§ 1${ESCAPES}`, summary: `What it says${ESCAPES}`, verification: 'unverified', url: 'https://example.org/memo' } } };
  const hostilePatterns = { id: 'mine', version: '1.0.0', title: `Patterns${ESCAPES}`, patterns: [{ id: 'p', countries: ['TJ'], documented: `Misuse${ESCAPES}`, by: `NGO${ESCAPES}`, published: '2020', url: 'https://example.org/', sourceType: 'news', verification: 'secondary' }] };
  const hostileCase = { ...validCase, notices: [{ ...validCase.notices[0], id: `df-1${ESCAPES.replace('\u0000', '')}` }] };

  test('rule-set, citation and pattern texts and case ids: clean in text, Markdown, HTML and explain', async () => {
    writeFileSync(join(work, 'hostile-rules.json'), JSON.stringify(hostileRuleSet()));
    writeFileSync(join(work, 'hostile-citations.json'), JSON.stringify(hostileCitations));
    writeFileSync(join(work, 'hostile-patterns.json'), JSON.stringify(hostilePatterns));
    writeFileSync(join(work, 'hostile-case.json'), JSON.stringify(hostileCase));
    const loads = ['--rules', 'hostile-rules.json', '--citations', 'hostile-citations.json'];
    for (const format of ['text', 'markdown', 'html']) {
      const result = await run(['evaluate', 'hostile-case.json', ...loads, '--misuse-patterns', 'hostile-patterns.json', '--as-of', '2025-01-01', '--format', format]);
      expect(result.code, format).toBe(0);
      expect(unsafe.test(result.stdout), format).toBe(false);
      expect(result.stdout, format).toContain('pwned');
      expect(result.stdout, format).toContain('unverified');
    }
    const explained = await run(['explain', 'my-practice.diffusion-review', ...loads]);
    expect(explained.code).toBe(0);
    expect(unsafe.test(explained.stdout)).toBe(false);
    expect(explained.stdout).toContain('Screened]0;pwned[1A[2K[8m2J title');
  });

  test('JSON output: the texts are clean, and the case id comes back exactly, its controls escaped', async () => {
    const result = await run(['evaluate', 'hostile-case.json', '--rules', 'hostile-rules.json', '--citations', 'hostile-citations.json', '--as-of', '2025-01-01']);
    expect(result.code).toBe(0);
    expect(unsafe.test(result.stdout)).toBe(false);
    const evaluation = JSON.parse(result.stdout) as { notices: Array<{ noticeId: string }>; actions: Array<{ title: string; explanation: string }>; citations: Record<string, { instrument: string }> };
    expect(evaluation.notices[0]!.noticeId).toBe(hostileCase.notices[0]!.id);
    expect(evaluation.actions.find((action) => action.explanation.startsWith('Check it'))!.explanation).toBe('Check it]0;pwned[1A[2K[8m2J.');
    expect(evaluation.citations['firm.memo']!.instrument).toBe('Memo]0;pwned[1A[2K[8m2J');
  });

  test('the library: evaluations carry clean texts, and every format of renderReport is clean', async () => {
    const { createEvaluator } = await import('../src/index.js');
    const evaluator = createEvaluator({ ruleSets: [hostileRuleSet()], citations: hostileCitations.citations, misusePatterns: [hostilePatterns] });
    const result = await evaluator.safeEvaluate(hostileCase, { asOf: '2025-01-01' });
    expect(result.success).toBe(true);
    if (!result.success) return;
    // Every string of the evaluation is clean but the notice ids (`noticeId`, `noticeIds`), which are the case's data, as given.
    const dirty: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string') {
        if (unsafe.test(value)) dirty.push(path);
      } else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
    };
    walk(result.evaluation, '');
    expect(dirty.length).toBeGreaterThan(0);
    expect(dirty.filter((path) => !/\.noticeIds?(\.\d+)?$/.test(path))).toEqual([]);
    expect(result.evaluation.notices[0]!.noticeId).toBe(hostileCase.notices[0]!.id);
    for (const format of ['text', 'markdown', 'html'] as const) expect(unsafe.test(renderReport(result.evaluation, { format })), format).toBe(false);
    expect((await safeEvaluateCase(hostileCase, { asOf: '2025-01-01' })).success).toBe(true);
  });

  test('file names given on the command line are written without their controls', async () => {
    const result = await run(['evaluate', `no-such\u001b[2K\u202efile.json`]);
    expect(result.code).toBe(2);
    expect(unsafe.test(result.stderr)).toBe(false);
  });
});

describe('the built executable', () => {
  test('reports the same located syntax error', async () => {
    const exec = promisify(execFile);
    writeFileSync(join(work, 'broken.json'), '{\n  "schemaVersion": 1,,\n}');
    const failed = await exec(process.execPath, [new URL('dist/cli.js', root).pathname, 'evaluate', 'broken.json'], { cwd: work }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(2);
    expect((failed as { stderr: string }).stderr).toBe('error: broken.json:2:22: invalid_json — This is not valid JSON: a key in double quotes was expected at line 2, column 22.\n');
  });
});
