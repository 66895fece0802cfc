// Empties dist/ before a build. Run by `npm run build`, before the two halves of the build run side
// by side (tsup writes the JavaScript, scripts/bundle-types.mjs the declarations, both into dist/):
// cleaning here, once, rather than in either of them, so that neither deletes what the other wrote.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
