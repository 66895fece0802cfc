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

/** What `npm pack` may put in the tarball: the build, the rule sets, the JSON Schemas, and the docs. */
const ALLOWED = /^(dist\/|rules\/|schemas\/|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/;

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

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('contains dist, rules, schemas, README, CHANGELOG, LICENSE and nothing else', () => {
    expect(files.filter((file) => !ALLOWED.test(file))).toEqual([]);
    for (const required of ['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js', 'rules/citations.json', 'rules/refugee-resolution.json']) {
      expect(files).toContain(required);
    }
    // No test, fixture or source map ships — only the testing entry point and the fixtures' JSON Schema.
    expect(files.filter((file) => /test|\.map$|fixtures/.test(file) && !file.startsWith('schemas/') && !/^dist\/testing\.(js|cjs|d\.ts|d\.cts)$/.test(file))).toEqual([]);
    for (const entry of ['dist/testing.js', 'dist/testing.cjs', 'dist/testing.d.ts', 'dist/testing.d.cts']) expect(files).toContain(entry);
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

  test.each([
    ['node16', 'node16'],
    ['bundler', 'esnext'],
  ])('type-checks from TypeScript with moduleResolution %s', async (moduleResolution, module) => {
    writeFileSync(
      join(work, 'usage.mts'),
      `import { evaluateCase, type CaseEvaluation, type Outcome } from '${pkg.name}';\nconst evaluation: CaseEvaluation = await evaluateCase(${CASE}, { asOf: '2026-01-15', locale: 'es' });\nconst outcome: Outcome = evaluation.notices[0]!.outcome;\nexport { outcome };\n`,
    );
    const config = join(work, `tsconfig.${moduleResolution}.json`);
    writeFileSync(config, JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], module, moduleResolution, types: [], skipLibCheck: false }, files: ['usage.mts'] }));
    const result = await exec(process.execPath, [tsc, '-p', config], { cwd: work }).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    expect(result.stdout).toBe('');
    expect('failed' in result).toBe(false);
  });

  test('installs the red-notice-rules command', async () => {
    const { stdout } = await exec(join(work, 'node_modules', '.bin', 'red-notice-rules'), ['explain', 'refugee.2017.delete'], { cwd: work });
    expect(stdout.startsWith('refugee.2017.delete — ')).toBe(true);
  });
});
