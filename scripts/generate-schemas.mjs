// Writes the JSON Schemas of the library's file formats to schemas/, from the built library
// (run after `tsup`, as part of `npm run build`). A test checks that the committed files match.
import { mkdirSync, writeFileSync } from 'node:fs';
import { VOCABULARIES, toJsonSchema } from '../dist/index.js';

const directory = new URL('../schemas/', import.meta.url);
mkdirSync(directory, { recursive: true });
for (const name of VOCABULARIES.jsonSchemaName) {
  writeFileSync(new URL(`${name}.schema.json`, directory), `${JSON.stringify(toJsonSchema(name), null, 2)}\n`);
}
console.log(`schemas: wrote ${VOCABULARIES.jsonSchemaName.length} JSON Schemas to schemas/`);
