import { expect, test } from 'vitest';
import { evaluateCase } from '../src/index.js';

test('smoke', async () => {
  const c = {
    schemaVersion: 1,
    notices: [
      { id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' },
      { id: 'df-1', kind: 'diffusion', requestingCountry: 'RU' },
    ],
    asylum: [
      { type: 'application_filed', date: '2022-01-10', country: 'DE', persecutionFearedFrom: ['TJ'] },
      { type: 'refugee_status_granted', date: '2023-03-01', country: 'DE' },
    ],
    confirmations: [{ by: 'DE', to: 'ccf', date: '2023-05-01', subject: 'refugee_status' }],
  };
  const a = await evaluateCase(c, { asOf: '2026-01-15' });
  const b = await evaluateCase(c, { asOf: '2026-01-15', engine: 'compiled' });
  console.log(JSON.stringify({ ...a, trace: a.trace.filter((t) => t.status !== 'not_in_force').slice(0, 3) }, null, 1));
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
});
