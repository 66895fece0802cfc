import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { runCli } from './support/cli.js';
import { COMMANDS, main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/input.js';
import { evaluateCase, renderReport } from '../src/index.js';

const root = new URL('../', import.meta.url);
const example = 'examples/cases/detained-journalist-extradition-pending.json';
const SECRET = 'Jane Q. Client, born 1990';

/** Runs the command line in-process; files are read relative to the repository. */
const run = (argv: string[], stdin = '') => runCli(argv, { readStdin: async () => stdin });

const badCase = JSON.stringify({ schemaVersion: 1, caseId: SECRET, notices: [{ id: SECRET, kind: 'red', requestingCountry: 'ZZ' }], asylum: [{ type: 'nope', date: SECRET, country: 'DE' }] });
const docsRuleSet = (): unknown => JSON.parse(/```json\n([\s\S]*?)```/.exec(readFileSync(new URL('docs/rule-sets.md', root), 'utf8'))![1]!);

describe('evaluate', () => {
  test('prints the evaluation as JSON, the same as the library gives (exit 0)', async () => {
    const result = await run(['evaluate', example, '--as-of', '2026-06-30']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const expected = await evaluateCase(JSON.parse(readFileSync(new URL(example, root), 'utf8')), { asOf: '2026-06-30' });
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  test('prints the memo in Markdown, HTML or text, in the locale asked for', async () => {
    const input = JSON.parse(readFileSync(new URL(example, root), 'utf8'));
    for (const format of ['markdown', 'html', 'text'] as const) {
      for (const locale of ['en', 'es', 'fr', 'ar'] as const) {
        const result = await run(['evaluate', example, '--as-of', '2026-06-30', '--format', format, '--locale', locale]);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(renderReport(await evaluateCase(input, { asOf: '2026-06-30', locale }), { format }));
      }
    }
  });

  test('a regional --locale words the rule sets’ texts in it (then its language, then English); issues are worded in the --locale language', async () => {
    const input = JSON.parse(readFileSync(new URL(example, root), 'utf8'));
    const result = await run(['evaluate', example, '--as-of', '2026-06-30', '--format', 'markdown', '--locale', 'fr-CA']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(renderReport(await evaluateCase(input, { asOf: '2026-06-30', locale: 'fr' }), { format: 'markdown', locale: 'fr-CA' }));
    const bad = await run(['evaluate', '-', '--locale', 'ar'], JSON.stringify({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'ZZZ' }], asylum: [] }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid_country — يجب أن يكون رمز بلد');
  });

  test('prints the first page only with --pages first; a bad --pages is bad input', async () => {
    const input = JSON.parse(readFileSync(new URL(example, root), 'utf8'));
    const result = await run(['evaluate', example, '--as-of', '2026-06-30', '--format', 'text', '--pages', 'first']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(renderReport(await evaluateCase(input, { asOf: '2026-06-30' }), { format: 'text', pages: 'first' }));
    expect(result.stdout).not.toContain('Appendix');
    const bad = await run(['evaluate', example, '--format', 'text', '--pages', 'second']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--pages must be one of all, first.');
  });

  test('reads the case from standard input with -', async () => {
    const result = await run(['evaluate', '-', '--as-of', '2026-06-30', '--format', 'markdown'], readFileSync(new URL(example, root), 'utf8'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('`rn-ru-1`');
  });

  test('an invalid case: exit 2, each issue with its path and code on stderr, no value of the case, no stack', async () => {
    const result = await run(['evaluate', '-'], badCase);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('error: stdin: notices[0].kind: invalid_value');
    expect(result.stderr).toContain('notices[0].requestingCountry: invalid_country');
    expect(result.stderr).toContain('asylum[0].date: invalid_date');
    expect(result.stderr).not.toContain(SECRET);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('JSON that does not parse: exit 2, located at the line and column, without quoting it', async () => {
    const result = await run(['evaluate', '-'], `{"caseId": "${SECRET}", oops`);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: stdin:1:41: invalid_json — This is not valid JSON: a character that JSON does not allow here at line 1, column 41.\n');
  });

  test('a missing file, a bad date, a bad format, an unknown option: exit 2', async () => {
    expect((await run(['evaluate', 'no-such-case.json'])).stderr).toBe('error: no-such-case.json: file_not_found — There is no such file.\n');
    expect((await run(['evaluate', example, '--as-of', '2025-02-30'])).stderr).toBe('error: --as-of: invalid_option — The option asOf must be a calendar date that exists, written YYYY-MM-DD.\n');
    for (const argv of [['evaluate', 'no-such-case.json'], ['evaluate', example, '--as-of', '2025-02-30'], ['evaluate', example, '--format', 'pdf'], ['evaluate', example, '--locale', 'de'], ['evaluate', example, '--bogus'], ['evaluate'], ['frobnicate'], []]) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
    }
  });

  test('--rules adds a rule set; a rule set with errors is bad input', async () => {
    const ruleSet = docsRuleSet();
    const files: Record<string, string> = { 'mine.json': JSON.stringify(ruleSet), 'broken.json': JSON.stringify({ ...(ruleSet as object), rules: [] }) };
    const io = (sink: { out: string; err: string }): CliIo => ({
      stdout: (text) => (sink.out += text),
      stderr: (text) => (sink.err += text),
      readStdin: async () => JSON.stringify({ schemaVersion: 1, notices: [{ id: 'df-1', kind: 'diffusion', requestingCountry: 'TJ' }], asylum: [{ type: 'application_filed', date: '2024-01-01', country: 'DE', persecutionFearedFrom: ['TJ'] }] }),
      readFile: async (path) => files[path] ?? Promise.reject(new Error('ENOENT')),
    });
    const good = { out: '', err: '' };
    expect(await main(['evaluate', '-', '--rules', 'mine.json', '--as-of', '2025-01-01'], io(good))).toBe(0);
    expect(JSON.parse(good.out).actions.some((action: { ruleId: string }) => action.ruleId === 'my-practice.diffusion-review')).toBe(true);
    const bad = { out: '', err: '' };
    expect(await main(['evaluate', '-', '--rules', 'broken.json'], io(bad))).toBe(2);
    expect(bad.err).toContain('error: broken.json: rules: too_few_items');
  });
});

describe('check, schema, explain', () => {
  test('check: the bundled files alone are clean (exit 0); a file clashing with them has findings (exit 1)', async () => {
    const files = ['refugee-resolution', 'article-3', 'article-83', 'extradition', 'detention', 'ccf-procedure'].map((name) => `rules/${name}.json`);
    const clean = await run(['check', ...files, '--no-bundled']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('6 rule sets checked: 0 errors, 0 warnings.\n');
    const everything = await run(['check', ...files, 'rules/citations.json', 'rules/misuse-patterns.json', '--no-bundled']);
    expect(everything.stdout).toBe('6 rule sets, 1 citation registry, 1 misuse-pattern file checked: 0 errors, 0 warnings.\n');
    expect(everything.code).toBe(0);
    const clash = await run(['check', 'rules/article-3.json']);
    expect(clash.code).toBe(1);
    expect(clash.stdout).toContain('rules/article-3.json: id: error duplicate_rule_set_id');
  });

  test('schema: the JSON Schema of cases and of rule sets; another name is bad input', async () => {
    const caseSchema = await run(['schema', 'case']);
    expect(caseSchema.code).toBe(0);
    const parsed = JSON.parse(caseSchema.stdout);
    expect(parsed.type).toBe('object');
    expect(parsed.required).toEqual(['schemaVersion', 'notices']);
    expect(JSON.parse((await run(['schema', 'rules'])).stdout).properties.rules.type).toBe('array');
    expect((await run(['schema', 'cases'])).code).toBe(2);
  });

  test('explain: a rule in words, with its conditions, outcome and citations; an unknown id is bad input', async () => {
    const result = await run(['explain', 'refugee.2017.delete']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Effect: mandatory (decides)');
    expect(result.stdout).toContain('In force: from 2017-09-26');
    expect(result.stdout).toContain('- the refugee status was confirmed to INTERPOL: yes [notice.statusConfirmed]');
    expect(result.stdout).toContain('Outcome: Delete (delete)');
    expect(result.stdout).toContain('res2017.deletion [primary source]');
    const spanish = await run(['explain', 'article-83.excluded-category', '--locale', 'es']);
    expect(spanish.stdout).toContain('Vigencia: en todas las fechas');
    expect(spanish.stdout).toContain('Impugnación conforme al artículo 83 del RPD');
    const unknown = await run(['explain', 'no.such-rule']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown_rule');
  });

  test('--help for the program and for each command (exit 0)', async () => {
    const global = await run(['--help']);
    expect(global.code).toBe(0);
    for (const command of ['evaluate', 'check', 'test', 'types', 'schema', 'explain']) {
      expect(global.stdout).toContain(command);
      const help = await run([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`$ red-notice-rules ${command}`);
    }
    expect((await run(['evaluate', '--help'])).stdout).toContain('--as-of <date>');
  });
});

describe('the tools of people who write rule sets: check --analyze, test, types', () => {
  /** Runs the command line with files given in memory, besides the repository's. */
  async function withFiles(argv: string[], files: Record<string, unknown>) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      readStdin: async () => '',
      readFile: async (path) => (Object.hasOwn(files, path) ? JSON.stringify(files[path]) : readFileSync(new URL(path, root), 'utf8')),
    };
    return { code: await main(argv, io), stdout, stderr };
  }
  const citations = { citations: { 'mine.memo': { instrument: 'Memo', provision: '1', summary: 'A made-up source.', verification: 'unverified' } } };
  const rule = (id: string, patch: Record<string, unknown>) => ({ id, title: 'A rule', citations: ['mine.memo'], scope: 'notice', effect: 'mandatory', ...patch });
  const diffusion = { all: [{ fact: 'notice.kind', operator: 'equal', value: 'diffusion' }] };
  const planted = {
    id: 'mine',
    version: '1.0.0',
    title: 'Mine',
    rules: [
      rule('mine.diffusions-kept', { conditions: diffusion, outcome: 'retain' }),
      rule('mine.never', { conditions: { all: [...diffusion.all, { fact: 'notice.kind', operator: 'equal', value: 'red_notice' }] }, action: { code: 'human_review', priority: 'low', explanation: 'Never.' } }),
    ],
  };

  test('check --analyze: each finding at its file and path (a conflict at the rule of yours, with its witness; an unreachable rule with its proof); exit 1', async () => {
    const result = await withFiles(['check', 'mine.json', 'citations.json', '--analyze'], { 'mine.json': planted, 'citations.json': citations });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('mine.json: rules[1]: error unreachable — The rule mine.never can never fire');
    expect(result.stdout).toContain('proof: these cannot hold together: all[0]: notice.kind equal "diffusion"; all[1]: notice.kind equal "red_notice"');
    expect(result.stdout).toMatch(/mine\.json: rules\[0\]: error conflict — The rules mine\.diffusions-kept and refugee\.\S+ both fire/);
    expect(result.stdout).toMatch(/witness, judged on \d{4}-\d{2}-\d{2}, notice rn-1: /);
    expect(result.stdout).toMatch(/^Analysis: \d+ errors, \d+ warnings? \(\d+ searches\)\.$/m);
    const clean = await withFiles(['check', 'mine.json', 'citations.json', '--analyze'], { 'mine.json': { ...planted, rules: [planted.rules[1]!] }, 'citations.json': citations });
    expect(clean.stdout).not.toContain('conflict');
  }, 60_000);

  test('check --analyze on rule sets that do not load says so, and does not analyse', async () => {
    const result = await withFiles(['check', 'mine.json', '--analyze'], { 'mine.json': { ...planted, rules: [] } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Analysis: not run, the rule sets do not load.');
  });

  test('test: a failing fixture says which rule fired and the facts that decided it (exit 1); the coverage is of your rule sets', async () => {
    const fixtures = [
      { name: 'a diffusion is kept', asOf: '2026-01-15', ruleSets: ['mine'], case: { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'diffusion', requestingCountry: 'TJ' }], asylum: [] }, expect: { notices: { 'rn-1': { firedRules: ['mine.diffusions-kept'] } } } },
      { name: 'wrongly expecting the review', asOf: '2026-01-15', ruleSets: ['mine'], case: { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'diffusion', requestingCountry: 'TJ' }], asylum: [] }, expect: { notices: { 'rn-1': { actions: ['human_review'] } } } },
    ];
    const files = { 'mine.json': { ...planted, rules: [planted.rules[0]!] }, 'citations.json': citations, 'fixtures.json': fixtures };
    const result = await withFiles(['test', 'fixtures.json', '--rules', 'mine.json', '--citations', 'citations.json'], files);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  pass  a diffusion is kept');
    expect(result.stdout).toContain('  FAIL  wrongly expecting the review');
    expect(result.stdout).toContain('1 passed, 1 failed.');
    expect(result.stdout).toContain('Coverage of mine: 1 rule.');
    expect(result.stdout).not.toContain('refugee.');
    const passing = await withFiles(['test', 'fixtures.json', '--rules', 'mine.json', '--citations', 'citations.json', '--coverage', 'none'], { ...files, 'fixtures.json': [fixtures[0]] });
    expect(passing.code).toBe(0);
    expect(passing.stdout).not.toContain('Coverage');
    expect((await withFiles(['test', 'fixtures.json', '--coverage', 'some'], files)).code).toBe(2);
  });

  test('types: declarations of the facts a rule set declares; a file that is not a rule set is bad input', async () => {
    const declared = { ...planted, namespace: 'mine', facts: { channel: { scope: 'case', type: 'enum', values: ['email', 'letter'], description: 'How the firm writes.' }, sentOn: { scope: 'notice', type: 'date' } } };
    const result = await withFiles(['types', 'mine.json'], { 'mine.json': declared });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  channel?: 'email' | 'letter';");
    expect(result.stdout).toContain('  sentOn?: string;');
    expect(result.stdout).toContain('export interface CaseExtensions {\n  mine?: MineCaseExtensions;\n}');
    const bad = await withFiles(['types', 'mine.json'], { 'mine.json': { ...declared, facts: { channel: { scope: 'case', type: 'enum' } } } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('mine.json: facts.channel.values: invalid_fact_declaration');
  });

  test('--no-bundled says what it does', async () => {
    expect((await run(['check', '--help'])).stdout).toMatch(/--no-bundled +Check the files on their own, without the bundled rule sets and citations/);
  });
});

describe('the built executable', () => {
  const cli = new URL('dist/cli.js', root);
  test('runs with node: the Markdown memo, and exit codes', async () => {
    expect(existsSync(cli), 'dist/cli.js is missing: npm test builds before it tests (npm run build)').toBe(true);
    const exec = promisify(execFile);
    const ok = await exec(process.execPath, [cli.pathname, 'evaluate', example, '--format', 'markdown', '--as-of', '2026-06-30'], { cwd: root.pathname });
    expect(ok.stdout.startsWith('# INTERPOL Red Notices and Diffusions: assessment memo\n')).toBe(true);
    const failed = await exec(process.execPath, [cli.pathname, 'evaluate', 'no-such-case.json'], { cwd: root.pathname }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(2);
    expect((failed as { stderr: string }).stderr).toBe('error: no-such-case.json: file_not_found — There is no such file.\n');
  });
});

describe('the examples of --help', () => {
  /** One example as a shell would run it from a project that installed the package: globs expanded, `cat f |` as standard input, `> f` dropped. */
  function asRun(line: string): { argv: string[]; stdin: string } {
    let rest = line.replaceAll(`node_modules/${'red-notice-rules'}/`, '');
    let stdin = '';
    const piped = /^cat (\S+) \| (.*)$/.exec(rest);
    if (piped) {
      stdin = readFileSync(new URL(piped[1]!, root), 'utf8');
      rest = piped[2]!;
    }
    rest = rest.replace(/ > \S+$/, '');
    const words = rest.split(' ').slice(1);
    const argv = words.flatMap((word) => {
      const glob = /^(.*\/)\*\.json$/.exec(word);
      if (!glob) return [word];
      return readdirSync(new URL(glob[1]!, root)).filter((file) => file.endsWith('.json')).sort().map((file) => `${glob[1]}${file}`);
    });
    return { argv, stdin };
  }

  test.each(COMMANDS.flatMap((command) => command.examples.map((line) => [command.name, line] as const)))('%s: `%s` works as written (exit 0)', async (_name, line) => {
    const { argv, stdin } = asRun(line);
    const result = await run(argv, stdin);
    expect(result.code, `${line}\n${result.stdout}${result.stderr}`).toBe(0);
  }, 60_000);
});
