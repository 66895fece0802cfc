// Writes the JSON Schemas of the library's file formats to schemas/, from the built library
// (run after `tsup`, as part of `npm run build`). With `--check` (what `npm test` runs), writes
// nothing and fails, naming the files, when a committed schema is not what the library generates.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { VOCABULARIES, toJsonSchema } from '../dist/index.js';

const check = process.argv.includes('--check');
const directory = new URL('../schemas/', import.meta.url);
const stale = [];
if (!check) mkdirSync(directory, { recursive: true });
for (const name of VOCABULARIES.jsonSchemaName) {
  const file = new URL(`${name}.schema.json`, directory);
  const text = `${JSON.stringify(toJsonSchema(name), null, 2)}\n`;
  if (!check) writeFileSync(file, text);
  else if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(`schemas/${name}.schema.json`);
}
if (stale.length > 0) {
  console.error(`schemas: not what the zod schemas generate (run \`npm run build\` and commit them): ${stale.join(', ')}`);
  process.exit(1);
}
console.log(check ? `schemas: the ${VOCABULARIES.jsonSchemaName.length} JSON Schemas in schemas/ are current` : `schemas: wrote ${VOCABULARIES.jsonSchemaName.length} JSON Schemas to schemas/`);
