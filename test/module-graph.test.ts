import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/** Every TypeScript module under a directory. */
function modulesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return modulesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The relative modules a module imports or re-exports at run time (type-only imports are erased). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const targets: string[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const bindings = clause?.namedBindings;
      const onlyTypes = clause !== undefined && clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
      if (onlyTypes) continue;
      specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly)) continue;
      specifier = statement.moduleSpecifier;
    }
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      targets.push(resolve(dirname(file), specifier.text.replace(/\.js$/, '.ts')));
    }
  }
  return targets;
}

/** Every cycle of run-time imports, as module paths from the repository root. */
function importCycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((file) => [file, runtimeImports(file)]));
  const visiting = new Set<string>();
  const done = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    visiting.add(file);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (visiting.has(target)) cycles.push([...stack.slice(stack.indexOf(target)), target].map((path) => relative(root, path)));
      else if (!done.has(target)) visit(target);
    }
    stack.pop();
    visiting.delete(file);
    done.add(file);
  };
  for (const file of files) if (!done.has(file)) visit(file);
  return cycles;
}

describe('the module graph of src/', () => {
  test('has no cycle of run-time imports (a bundled, minified cycle reads constants before they are set)', () => {
    expect(importCycles(modulesUnder(join(root, 'src')))).toEqual([]);
  });

  test('the check finds a cycle, and ignores imports of types only', () => {
    const directory = mkdtempSync(join(tmpdir(), 'rnr-cycle-'));
    try {
      const a = join(directory, 'a.ts');
      const b = join(directory, 'b.ts');
      const c = join(directory, 'c.ts');
      writeFileSync(a, "import { B } from './b.js';\nexport const A = [B];\n");
      writeFileSync(b, "import { C } from './c.js';\nexport const B = C;\n");
      writeFileSync(c, "import type { A } from './a.js';\nimport { type A as Again } from './a.js';\nexport const C = 1;\nexport type T = typeof A | Again;\n");
      expect(importCycles([a, b, c])).toEqual([]);
      writeFileSync(c, "import { A } from './a.js';\nexport const C = () => A;\n");
      expect(importCycles([a, b, c]).map((cycle) => cycle.map((path) => path.slice(path.lastIndexOf('/') + 1)))).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
