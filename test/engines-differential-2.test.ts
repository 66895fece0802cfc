import { expect, test } from 'vitest';
import { checkEnginesAgree } from './support/differential.js';

// Half of the differential test (the other half runs in another file, so in another worker):
// together 2,000 generated cases in `npm test` (a new random seed every run), DIFFERENTIAL_RUNS × 2
// if set; `npm run fuzz` runs 10,000 (DIFFERENTIAL_RUNS=5000). Each case costs about 15 ms of CPU
// (json-rules-engine alone 8 ms): 10,000 took 150 s of CPU, more than `npm test` may take in all.
const runs = Number(process.env.DIFFERENTIAL_RUNS ?? 1_000);

test(`json-rules-engine and the compiled engine agree on ${runs} generated cases (part 2 of 2)`, async () => {
  expect(await checkEnginesAgree(runs)).toBe(runs);
}, 600_000);
