import { expect, test } from 'vitest';
import { checkEnginesAgree } from './support/differential.js';

// Half of the differential test (the other half runs in another file, so in another worker):
// together at least 10,000 generated cases per run, or DIFFERENTIAL_RUNS × 2.
const runs = Number(process.env.DIFFERENTIAL_RUNS ?? 5_000);

test(`json-rules-engine and the compiled engine agree on ${runs} generated cases (part 2 of 2)`, async () => {
  expect(await checkEnginesAgree(runs)).toBe(runs);
}, 600_000);
