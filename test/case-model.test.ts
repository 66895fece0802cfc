import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { toJsonSchema } from '../src/index.js';
// @ts-expect-error -- a plain ESM script without types
import { caseModelMarkdown, caseModelTypes } from '../scripts/case-model.mjs';

/** Issue 10, item 11: the case model documented field by field, from one source (the zod schema's metadata). */

type Node = { title?: string; description?: string; properties?: Record<string, Node>; items?: Node; type?: string };
const schema = toJsonSchema('case') as Node;

/** Every field of the schema, with its path. */
function fields(node: Node, path: string): Array<[string, Node]> {
  const found: Array<[string, Node]> = [];
  for (const [key, property] of Object.entries(node.properties ?? {})) {
    found.push([`${path}${key}`, property]);
    found.push(...fields(property.items ?? property, `${path}${key}${property.items ? '[]' : ''}.`));
  }
  return found;
}

describe('the case model, field by field', () => {
  test('every field of the case schema has a title and a description', () => {
    const all = fields(schema, '');
    expect(all.length).toBeGreaterThan(55);
    expect(all.filter(([, node]) => !node.title || !node.description).map(([path]) => path)).toEqual([]);
  });

  test('docs/case-model.md is generated from the schema and current (npm run build regenerates it)', () => {
    expect(readFileSync(new URL('../docs/case-model.md', import.meta.url), 'utf8')).toBe(caseModelMarkdown(schema));
  });

  test('src/case/model.ts, the documented Case type, is generated from the schema and current', () => {
    expect(readFileSync(new URL('../src/case/model.ts', import.meta.url), 'utf8')).toBe(caseModelTypes(schema));
  });

  test('the generated documents name every field with its title and description', () => {
    const markdown = caseModelMarkdown(schema);
    const types = caseModelTypes(schema);
    for (const [path, node] of fields(schema, '')) {
      const key = path.slice(path.lastIndexOf('.') + 1);
      expect(markdown, path).toContain(`| \`${key}\` | ${node.title} |`);
      expect(types.replace(/\n\s+\* /g, ' '), path).toContain(`${node.title}: ${node.description!.split(' ').slice(0, 4).join(' ')}`);
    }
  });
});
