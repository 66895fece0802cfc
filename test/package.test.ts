import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const exec = promisify(execFile);
const root = new URL('../', import.meta.url).pathname;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

/** What `npm pack` may put in the tarball: the build, the rule sets, the JSON Schemas, the example cases and rule set, and the docs. */
const ALLOWED = /^(dist\/|rules\/|schemas\/|examples\/(cases|authoring)\/[^/]+\.json$|examples\/caseload\.jsonl$|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/;

const CASE = `{
  schemaVersion: 1,
  notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
  asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
}`;

describe('the published package', () => {
  let work = '';
  let files: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'rnr-pack-'));
    const { stdout } = await exec(npm, ['pack', '--json', '--pack-destination', work], { cwd: root });
    const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = packed!.files.map((file) => file.path).sort();
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }));
    await exec(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(work, packed!.filename)], { cwd: work });
  }, 300_000);

  // Removing the consumer's node_modules took more than Vitest's default 10 s once, on a machine
  // shared with other jobs (load average 26): the hook failed the file after every test had passed.
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  test('contains dist (with source maps), rules, schemas, the examples, README, CHANGELOG, LICENSE and nothing else', () => {
    expect(files.filter((file) => !ALLOWED.test(file))).toEqual([]);
    for (const required of ['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json', 'dist/index.js', 'dist/index.js.map', 'dist/index.cjs', 'dist/index.cjs.map', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js', 'rules/citations.json', 'rules/refugee-resolution.json', 'examples/cases/recognised-refugee-unconfirmed.json']) {
      expect(files).toContain(required);
    }
    // No test or fixture ships — only the testing entry point and the fixtures' JSON Schema.
    expect(files.filter((file) => /test|fixtures/.test(file) && !file.startsWith('schemas/') && !file.startsWith('examples/') && !/^dist\/testing\.(js|cjs|d\.ts|d\.cts)(\.map)?$/.test(file))).toEqual([]);
    for (const entry of ['dist/testing.js', 'dist/testing.cjs', 'dist/testing.d.ts', 'dist/testing.d.cts']) expect(files).toContain(entry);
  });

  test('one error class per concept in CommonJS as in ESM: both entries share their chunks', async () => {
    const check = (load: string) => `${load}
const { RuleSetError, CaseValidationError } = main;
let thrown;
try { analysis.analyzeRuleSets([{ id: 'broken' }]); } catch (error) { thrown = error; }
console.log(JSON.stringify([thrown instanceof RuleSetError, thrown?.constructor.name, thrown?.name, new CaseValidationError([]).constructor.name]));`;
    writeFileSync(join(work, 'classes.cjs'), check(`const main = require('${pkg.name}');\nconst analysis = require('${pkg.name}/analysis');`));
    writeFileSync(join(work, 'classes.mjs'), check(`import * as main from '${pkg.name}';\nimport * as analysis from '${pkg.name}/analysis';`));
    for (const file of ['classes.cjs', 'classes.mjs']) {
      const { stdout } = await exec(process.execPath, [file], { cwd: work });
      expect(JSON.parse(stdout), file).toEqual([true, 'RuleSetError', 'RuleSetError', 'CaseValidationError']);
    }
  });

  test('CommonJS loads json-rules-engine only when that engine is used, as ESM does', async () => {
    writeFileSync(
      join(work, 'lazy.cjs'),
      `const loaded = () => Object.keys(require.cache).some((path) => path.includes('/json-rules-engine/'));
const { evaluateCase } = require('${pkg.name}');
(async () => {
  const before = loaded();
  await evaluateCase(${CASE}, { asOf: '2026-01-15' });
  const afterCompiled = loaded();
  const evaluation = await evaluateCase(${CASE}, { asOf: '2026-01-15', engine: 'json-rules-engine' });
  console.log(JSON.stringify([before, afterCompiled, loaded(), evaluation.notices[0].outcome]));
})();
`,
    );
    const { stdout } = await exec(process.execPath, ['lazy.cjs'], { cwd: work });
    expect(JSON.parse(stdout)).toEqual([false, false, true, 'delete_once_confirmed']);
  });

  test('an uncaught library error prints readable code and real class names, and maps to the source', async () => {
    writeFileSync(join(work, 'uncaught.mjs'), `import { evaluateCaseSync } from '${pkg.name}';\nevaluateCaseSync({ schemaVersion: 1, notices: [] }, { asOf: '2026-01-15' });\n`);
    for (const flags of [[], ['--enable-source-maps']]) {
      const failed = await exec(process.execPath, [...flags, 'uncaught.mjs'], { cwd: work }).then(() => ({ stderr: '' }), (error: { stderr: string }) => error);
      expect(failed.stderr).toContain('CaseValidationError');
      expect(failed.stderr).toContain('notices: too_few_items');
      // Minified code printed one line of tens of kilobytes; readable code has short lines.
      expect(Math.max(...failed.stderr.split('\n').map((line) => line.length))).toBeLessThan(300);
      expect(failed.stderr.length).toBeLessThan(5000);
      if (flags.length > 0) expect(failed.stderr).toMatch(/src\/evaluation\/evaluator\.ts:\d+/);
    }
  });

  test('every example of the command line help works as written where the package is installed', async () => {
    const bin = join(work, 'node_modules', '.bin');
    const examples: string[] = [];
    for (const command of ['evaluate', 'check', 'schema', 'explain']) {
      const { stdout } = await exec(join(bin, 'red-notice-rules'), [command, '--help'], { cwd: work });
      const lines = stdout.split('\n');
      examples.push(...lines.slice(lines.indexOf('Examples:') + 1).filter((line) => line.startsWith('  $ ')).map((line) => line.slice(4)));
    }
    expect(examples.length).toBeGreaterThanOrEqual(7);
    for (const example of examples) {
      const result = await exec('sh', ['-c', example], { cwd: work, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } }).catch((error: { code: number; stderr: string }) => ({ failed: error.code, stdout: '', stderr: error.stderr }));
      expect('failed' in result ? `exit ${result.failed}: ${result.stderr}` : '', example).toBe('');
      expect(result.stderr, example).toBe('');
    }
  });

  test('imports from ESM and evaluates a case', async () => {
    writeFileSync(join(work, 'esm.mjs'), `import { evaluateCase } from '${pkg.name}';\nconst e = await evaluateCase(${CASE}, { asOf: '2026-01-15' });\nconsole.log(e.notices[0].outcome, e.meta.library.version);\n`);
    const { stdout } = await exec(process.execPath, ['esm.mjs'], { cwd: work });
    expect(stdout.trim()).toBe(`delete_once_confirmed ${pkg.version}`);
  });

  test('requires from CommonJS and evaluates a case', async () => {
    writeFileSync(join(work, 'cjs.cjs'), `const { evaluateCase, renderReport } = require('${pkg.name}');\nevaluateCase(${CASE}, { asOf: '2026-01-15', locale: 'es' }).then((e) => console.log(e.notices[0].outcome, renderReport(e, { format: 'markdown' }).split('\\n')[0]));\n`);
    const { stdout } = await exec(process.execPath, ['cjs.cjs'], { cwd: work });
    expect(stdout.trim()).toBe('delete_once_confirmed # Notificaciones rojas y difusiones de INTERPOL: memorando de evaluación');
  });

  test('the testing entry point runs fixtures from ESM and from CommonJS', async () => {
    const fixture = `[{ name: 'refugee', asOf: '2026-01-15', case: ${CASE}, expect: { notices: { 'rn-1': { outcome: 'delete_once_confirmed' } } } }]`;
    writeFileSync(join(work, 'testing.mjs'), `import { createEvaluator } from '${pkg.name}';\nimport { runFixtures } from '${pkg.name}/testing';\nconst report = await runFixtures(createEvaluator(), ${fixture});\nconsole.log(report.passed);\n`);
    writeFileSync(join(work, 'testing.cjs'), `const { createEvaluator } = require('${pkg.name}');\nconst { runFixtures } = require('${pkg.name}/testing');\nrunFixtures(createEvaluator(), ${fixture}).then((report) => console.log(report.passed));\n`);
    for (const file of ['testing.mjs', 'testing.cjs']) expect((await exec(process.execPath, [file], { cwd: work })).stdout.trim(), file).toBe('1');
  });

  test('the draft entry point drafts a request (Markdown and DOCX) from ESM and CommonJS; the core writes a calendar', async () => {
    const use = (load: string) => `${load}
(async () => {
  const evaluation = await evaluateCase(${CASE}, { asOf: '2026-01-15' });
  const markdown = renderDraft(evaluation, { kind: 'ccf_deletion_request', format: 'markdown' });
  const docx = await renderDraft(evaluation, { kind: 'ccf_access_request', format: 'docx', locale: 'es' });
  console.log(JSON.stringify([markdown.split('\\n')[0], docx instanceof Uint8Array && docx[0] === 0x50 && docx[1] === 0x4b, toICalendar(evaluation).startsWith('BEGIN:VCALENDAR')]));
})();`;
    writeFileSync(join(work, 'draft.cjs'), use(`const { evaluateCase, toICalendar } = require('${pkg.name}');\nconst { renderDraft } = require('${pkg.name}/draft');`));
    writeFileSync(join(work, 'draft.mjs'), use(`import { evaluateCase, toICalendar } from '${pkg.name}';\nimport { renderDraft } from '${pkg.name}/draft';`));
    for (const file of ['draft.cjs', 'draft.mjs']) {
      const { stdout } = await exec(process.execPath, [file], { cwd: work });
      expect(JSON.parse(stdout), file).toEqual(['# Request for the deletion of data held by INTERPOL', true, true]);
    }
  });

  // Both resolutions reach the same declaration files (the `import` condition: dist/*.d.ts), so
  // checking them and the dependencies' (`skipLibCheck: false`) once, under node16, is enough; under
  // bundler the check is of the resolution and of the usage (it cost 8–10 s of CPU more).
  test.each([
    ['node16', 'node16', false],
    ['bundler', 'esnext', true],
  ])('type-checks from TypeScript with moduleResolution %s', async (moduleResolution, module, skipLibCheck) => {
    writeFileSync(
      join(work, 'usage.mts'),
      `import { evaluateCase, type CaseEvaluation, type Outcome } from '${pkg.name}';\nimport { renderDraft } from '${pkg.name}/draft';\nconst evaluation: CaseEvaluation = await evaluateCase(${CASE}, { asOf: '2026-01-15', locale: 'es' });\nconst outcome: Outcome = evaluation.notices[0]!.outcome;\nconst draft: string = renderDraft(evaluation, { kind: 'ccf_access_request', format: 'html' });\nconst word: Uint8Array = await renderDraft(evaluation, { kind: 'ccf_access_request', format: 'docx' });\nexport { outcome, draft, word };\n`,
    );
    const config = join(work, `tsconfig.${moduleResolution}.json`);
    writeFileSync(config, JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], module, moduleResolution, types: [], skipLibCheck }, files: ['usage.mts'] }));
    const result = await exec(process.execPath, [tsc, '-p', config], { cwd: work }).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    expect(result.stdout).toBe('');
    expect('failed' in result).toBe(false);
  });

  test('installs the red-notice-rules command', async () => {
    const { stdout } = await exec(join(work, 'node_modules', '.bin', 'red-notice-rules'), ['explain', 'refugee.2017.delete'], { cwd: work });
    expect(stdout.startsWith('refugee.2017.delete — ')).toBe(true);
  });
});
