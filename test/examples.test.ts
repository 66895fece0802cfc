import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import ts from 'typescript';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * Every `@example` of src/ runs, as written, against the source: each block becomes a module
 * that imports what the block imports (`red-notice-rules` is src/index.ts) and the exports of
 * the module it documents, and every statement followed by a `// value` comment becomes an
 * assertion that the statement's value equals that value. A block must assert at least once; a
 * comment that is not a JavaScript value (`// e.g. …`) is prose.
 */

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');
const out = join(root, '.vitest-temp', 'examples');

/** Every TypeScript module under a directory. */
function modulesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return modulesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** One example: where it is, and its code. */
interface Example {
  readonly file: string;
  /** What it documents, e.g. `evaluateCase`. */
  readonly subject: string;
  readonly line: number;
  readonly code: string;
}

/** The `@example` blocks of a module, from its JSDoc comments. */
function examplesOf(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const examples: Example[] = [];
  const seen = new Set<number>();
  const visit = (node: ts.Node): void => {
    for (const doc of ts.getJSDocCommentsAndTags(node)) {
      if (!ts.isJSDoc(doc) || seen.has(doc.pos)) continue;
      seen.add(doc.pos);
      const comment = text.slice(doc.pos, doc.end);
      for (const match of comment.matchAll(/@example\s*\n((?:\s*\*.*\n)*?)\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)) {
        const code = match[2]!.split('\n').map((line) => line.replace(/^\s*\* ?/, '')).join('\n');
        const declaration = ts.isVariableStatement(node) ? node.declarationList.declarations[0] : node;
        const name = (declaration as { name?: ts.Node } | undefined)?.name;
        const line = source.getLineAndCharacterOfPosition(doc.pos + match.index).line + 1;
        examples.push({ file, subject: name ? name.getText(source) : 'module', line, code });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return examples;
}

/** A trailing comment's text as a JavaScript value, if it is one. */
function expectedValue(comment: string): string | undefined {
  const text = comment.trim();
  if (text === '' || /^(e\.g\.|for example|→)/i.test(text)) return undefined;
  try {
    new Function(`return (${text});`);
    return text;
  } catch {
    return undefined;
  }
}

/** The example as module source: its statements, each asserted where a value comment follows it. */
function toModule(example: Example, exportNames: readonly string[]): { source: string; assertions: number } {
  const lines = example.code.split('\n');
  const body: string[] = [];
  const imports: string[] = [];
  let assertions = 0;
  let statement: string[] = [];
  const flush = () => {
    if (statement.length > 0) body.push(...statement);
    statement = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (statement.length === 0 && /^\s*(\/\/.*)?$/.test(line)) {
      body.push(line);
      continue;
    }
    if (/^import\s/.test(line)) {
      let full = line;
      while (!/from\s+['"][^'"]+['"];?\s*$/.test(full) && i + 1 < lines.length) full += `\n${lines[++i]}`;
      imports.push(full);
      continue;
    }
    const [lineCode, lineComment] = splitComment(line);
    const trailing = lineComment !== undefined && /;\s*$/.test(lineCode) ? lineComment : undefined;
    const nextComment = /^\s*\/\/\s?(.*)$/.exec(lines[i + 1] ?? '');
    const current = [...statement, lineCode].join('\n');
    const complete = /;\s*$/.test(lineCode) && balanced([...statement.map((part) => splitComment(part)[0]), lineCode].join('\n'));
    if (!complete) {
      statement.push(line);
      // A block statement (`try { … }`, `for (…) { … }`) ends with its closing brace.
      if (/}\s*$/.test(lineCode) && !/^\s*}\s*(catch|finally|else)\b/.test(lines[i + 1] ?? '') && balanced(statement.map((part) => splitComment(part)[0]).join('\n'))) flush();
      continue;
    }
    const code = current;
    const comment = trailing ?? (nextComment ? nextComment[1]! : undefined);
    const expected = comment === undefined ? undefined : expectedValue(comment);
    const expression = /^\s*(?:const|let|var)\s+(\w+)\s*=/.exec(code);
    if (expected !== undefined && !/^\s*(?:if|for|while|throw|return)\b/.test(code)) {
      const value = expression ? code.replace(/;\s*$/, '') : `__actual = (${code.replace(/;\s*$/, '')})`;
      body.push(value + ';');
      body.push(`__check(${expression ? expression[1] : '__actual'}, (${expected}), ${JSON.stringify(`${relative(root, example.file)}:${example.line}: ${code.trim().slice(0, 80)}`)});`);
      assertions++;
      if (trailing === undefined && nextComment) i++;
    } else {
      body.push(code);
    }
    statement = [];
  }
  flush();
  const imported = new Set(imports.flatMap((line) => [...line.matchAll(/\b(\w+)\b(?=\s*[,}])/g)].map((match) => match[1]!)));
  const declared = new Set([...example.code.matchAll(/\b(?:const|let|var|function|class)\s+(\w+)/g)].map((match) => match[1]!));
  const own = exportNames.filter((name) => !imported.has(name) && !declared.has(name) && new RegExp(`\\b${name}\\b`).test(example.code));
  const fromHere = (specifier: string) => {
    if (!specifier.startsWith('.') && !specifier.startsWith('red-notice-rules')) return specifier;
    if (specifier === 'red-notice-rules') return join(src, 'index.ts');
    if (specifier.startsWith('red-notice-rules/')) return join(src, specifier.slice('red-notice-rules/'.length), 'index.ts');
    return resolve(dirname(example.file), specifier.replace(/\.js$/, '.ts'));
  };
  const rewritten = imports.map((line) => line.replace(/from\s+['"]([^'"]+)['"]/, (_, specifier: string) => `from ${JSON.stringify(fromHere(specifier))}`));
  const source = [
    ...rewritten,
    own.length > 0 ? `import { ${own.join(', ')} } from ${JSON.stringify(example.file)};` : '',
    'export async function run(__check: (actual: unknown, expected: unknown, where: string) => void): Promise<void> {',
    '  let __actual: unknown;',
    '  void __actual;',
    ...body.map((line) => `  ${line}`),
    '}',
  ].join('\n');
  return { source, assertions };
}

/** A line with the insides of its string literals blanked (same length): where brackets and `//` are read. */
function blankStrings(line: string): string {
  let quote: string | undefined;
  let blanked = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote === undefined) {
      if (char === "'" || char === '"' || char === '`') quote = char;
      blanked += char;
    } else if (char === '\\') {
      blanked += '  ';
      i++;
    } else if (char === quote) {
      quote = undefined;
      blanked += char;
    } else {
      blanked += ' ';
    }
  }
  return blanked;
}

/** A line's code and its trailing `//` comment (outside strings), if any. */
function splitComment(line: string): [string, string | undefined] {
  const at = blankStrings(line).indexOf('//');
  return at === -1 ? [line, undefined] : [line.slice(0, at).trimEnd(), line.slice(at + 2).replace(/^ /, '')];
}

/** Whether brackets are balanced (a statement is complete). */
function balanced(code: string): boolean {
  let depth = 0;
  for (const char of code.split('\n').map(blankStrings).join('\n')) {
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
  }
  return depth === 0;
}

/** The checker an example's module is run with: its value comments become `toEqual`. */
type Check = (actual: unknown, expected: unknown, where: string) => void;

/** Compiles an example's module, writes it under `.vitest-temp/`, imports it and runs it. */
async function runModule(source: string, name: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  const path = join(out, `${name}.ts`);
  writeFileSync(path, transformSync(source, { loader: 'ts', format: 'esm', target: 'es2022' }).code);
  const module = (await import(pathToFileURL(path).href)) as { run: (check: Check) => Promise<void> };
  await module.run((actual, expected, where) => expect(actual, where).toEqual(expected));
}

const files = modulesUnder(src);
const examples = files.flatMap(examplesOf);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('every @example in src/ runs and asserts what it says', () => {
  test('every function and class of the entry points has an example', async () => {
    const subjects = new Set(examples.map((example) => example.subject));
    for (const entry of ['index.ts', 'analysis/index.ts', 'testing/index.ts']) {
      const module = (await import(pathToFileURL(join(src, entry)).href)) as Record<string, unknown>;
      const callable = Object.entries(module).filter(([, value]) => typeof value === 'function').map(([name]) => name);
      expect(callable.filter((name) => !subjects.has(name)), entry).toEqual([]);
    }
  });

  test('an example that is wrong fails, and one that asserts nothing is refused', async () => {
    const example = (code: string): Example => ({ file: join(src, 'support', 'dates.ts'), subject: 'check', line: 1, code });
    let count = 0;
    const runIt = async (code: string) => {
      const { source, assertions } = toModule(example(code), ['addCalendarDays']);
      await runModule(source, `self-check-${count++}`);
      return assertions;
    };
    expect(await runIt("addCalendarDays('2024-02-28', 1); // '2024-02-29'")).toBe(1);
    await expect(runIt("addCalendarDays('2024-02-28', 1); // '2024-03-01'")).rejects.toThrow(/2024-03-01/);
    await expect(runIt("const next = addCalendarDays('2024-02-28', 1);\nnext;\n// '2024-03-01'")).rejects.toThrow();
    expect(await runIt("addCalendarDays('2024-02-28', 1); // e.g. tomorrow")).toBe(0);
  });

  test.each(examples.map((example) => [`${relative(src, example.file)}:${example.line} ${example.subject}`, example] as const))('%s', async (_name, example) => {
    const moduleExports = Object.keys(await import(pathToFileURL(example.file).href));
    const { source, assertions } = toModule(example, moduleExports);
    expect(assertions, `${relative(root, example.file)}:${example.line} asserts nothing: end a statement with // <expected value>`).toBeGreaterThan(0);
    await runModule(source, `${relative(src, example.file).replace(/[/.]/g, '_')}_${example.line}`);
  });
});
