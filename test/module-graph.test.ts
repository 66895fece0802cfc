import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

/** Every TypeScript module under a directory. */
function modulesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return modulesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The relative modules a module imports or re-exports, type-only imports included. */
function imports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const targets: string[] = [];
  const add = (specifier: ts.Node | undefined) => {
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      targets.push(resolve(dirname(file), specifier.text.replace(/\.js$/, '.ts')));
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    // `import('./x.js')` and `typeof import('./x.js')` are imports too.
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return targets;
}

/** Every cycle of imports (type-only ones included), as module paths relative to `base`. */
function importCycles(files: readonly string[], base = root): string[][] {
  const graph = new Map(files.map((file) => [file, imports(file)]));
  const visiting = new Set<string>();
  const done = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    visiting.add(file);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (visiting.has(target)) cycles.push([...stack.slice(stack.indexOf(target)), target].map((path) => relative(base, path)));
      else if (!done.has(target)) visit(target);
    }
    stack.pop();
    visiting.delete(file);
    done.add(file);
  };
  for (const file of files) if (!done.has(file)) visit(file);
  return cycles;
}

/** Imports from the modules of `layer` (a directory) of anything outside it, as `from → to`. */
function importsOutside(files: readonly string[], layer: string, base = root): string[] {
  const inside = (path: string) => path.startsWith(layer + sep);
  return files
    .filter(inside)
    .flatMap((file) => imports(file).filter((target) => !inside(target)).map((target) => `${relative(base, file)} → ${relative(base, target)}`));
}

describe('the module graph of src/', () => {
  const files = modulesUnder(src);

  test('has no import cycle, type-only imports included (a bundled, minified cycle reads constants before they are set)', () => {
    expect(importCycles(files)).toEqual([]);
  });

  test('support/ is the bottom layer: it imports nothing from the rest of src/', () => {
    expect(importsOutside(files, join(src, 'support'))).toEqual([]);
  });

  test('locales/ hold words only: they import types, never code, from the rest of src/', () => {
    const valueImports = modulesUnder(join(src, 'locales')).flatMap((file) => {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
      return source.statements
        .filter((statement): statement is ts.ImportDeclaration => ts.isImportDeclaration(statement))
        .filter((statement) => {
          const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
          if (!specifier.startsWith('.') || resolve(dirname(file), specifier).startsWith(join(src, 'locales'))) return false;
          const clause = statement.importClause;
          const bindings = clause?.namedBindings;
          const typesOnly = clause?.isTypeOnly === true || (clause?.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.every((element) => element.isTypeOnly));
          return !typesOnly;
        })
        .map((statement) => `${relative(root, file)} → ${(statement.moduleSpecifier as ts.StringLiteral).text}`);
    });
    expect(valueImports).toEqual([]);
  });

  test('the checks find a cycle through a type-only import, and an import out of the bottom layer', () => {
    const directory = mkdtempSync(join(tmpdir(), 'rnr-cycle-'));
    try {
      const a = join(directory, 'a.ts');
      const b = join(directory, 'b.ts');
      const c = join(directory, 'c.ts');
      writeFileSync(a, "import { B } from './b.js';\nexport const A = [B];\n");
      writeFileSync(b, "import { C } from './c.js';\nexport const B = C;\n");
      writeFileSync(c, 'export const C = 1;\n');
      expect(importCycles([a, b, c], directory)).toEqual([]);
      writeFileSync(c, "import type { A } from './a.js';\nexport const C = 1;\nexport type T = typeof A;\n");
      expect(importCycles([a, b, c], directory)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
      writeFileSync(c, "export const C = 1;\nexport type T = typeof import('./a.js');\n");
      expect(importCycles([a, b, c], directory)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);

      const layer = join(directory, 'support');
      const low = join(layer, 'low.ts');
      const high = join(directory, 'high.ts');
      writeFileSync(high, 'export const HIGH = 1;\n');
      mkdirSync(layer);
      writeFileSync(low, 'export const LOW = 1;\n');
      expect(importsOutside([low, high], layer, directory)).toEqual([]);
      writeFileSync(low, "import type { HIGH } from '../high.js';\nexport const LOW: typeof HIGH = 1;\n");
      expect(importsOutside([low, high], layer, directory)).toEqual(['support/low.ts → high.ts']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
