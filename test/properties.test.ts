import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createEvaluator, safeEvaluateCase, type CaseEvaluation } from '../src/index.js';
import { addCalendarDays } from '../src/support/dates.js';
import { caseAndDateArb, caseArb, dateArb } from './arbitraries.js';

const evaluator = createEvaluator();
const runs = { numRuns: 300 };

type Json = Record<string, unknown> & {
  notices: Array<Record<string, unknown>>;
  asylum?: Array<Record<string, unknown>>;
  confirmations?: unknown[];
  ccf?: unknown[];
  detention?: unknown[];
};

const outcomes = (evaluation: CaseEvaluation) => new Map(evaluation.notices.map((notice) => [notice.noticeId, notice.outcome]));

describe('properties of evaluateCase', () => {
  test('the same case and options give byte-identical JSON', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndDateArb, async ([value, asOf]) => {
        const first = JSON.stringify(await evaluator.evaluate(value, { asOf }));
        const second = JSON.stringify(await createEvaluator().evaluate(structuredClone(value), { asOf }));
        expect(second).toBe(first);
      }),
      runs,
    );
  });

  test('safeEvaluateCase never throws, whatever the input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.anything()), async (input) => {
        const result = await safeEvaluateCase(input, { asOf: '2025-01-01' });
        expect(typeof result.success).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  test('the input is never mutated', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndDateArb, async ([value, asOf]) => {
        const before = structuredClone(value);
        await evaluator.evaluate(value, { asOf });
        expect(value).toEqual(before);
      }),
      runs,
    );
  });

  // A confirmation of refugee status, that is: removing a confirmation of a revocation may well
  // let an earlier confirmation of status count again, and so produce delete.
  test('removing a confirmation of refugee status never produces delete', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndDateArb, async ([value, asOf]) => {
        const json = value as Json;
        const confirmations = (json.confirmations ?? []) as Array<{ subject: string }>;
        const full = outcomes(await evaluator.evaluate(json, { asOf }));
        const variants: Json[] = [{ ...json, confirmations: confirmations.filter((item) => item.subject !== 'refugee_status') }];
        confirmations.forEach((item, index) => {
          if (item.subject === 'refugee_status') variants.push({ ...json, confirmations: confirmations.filter((_, i) => i !== index) });
        });
        for (const [i, variant] of variants.entries()) {
          for (const [id, outcome] of outcomes(await evaluator.evaluate(variant, { asOf }))) {
            if (outcome === 'delete') {
              expect(i).not.toBe(0); // with no confirmation at all, nothing is deleted
              expect(full.get(id)).toBe('delete');
            }
          }
        }
      }),
      runs,
    );
  });

  test('a notice from a country no asylum event names as feared is never delete', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndDateArb, async ([value, asOf]) => {
        const json = value as Json;
        const feared = new Set((json.asylum ?? []).flatMap((event) => (event.persecutionFearedFrom as string[] | undefined) ?? []));
        const evaluation = await evaluator.evaluate(json, { asOf });
        for (const notice of evaluation.notices) {
          if (!feared.has(notice.requestingCountry)) expect(notice.outcome).not.toBe('delete');
        }
      }),
      runs,
    );
  });

  test("a notice's evaluation does not depend on the other notices", async () => {
    // Paths into `notices` carry the notice's index, which moves when other notices go. The
    // urgency policy keeps at most three urgent actions per result: an action's priority (and its
    // place in the list) may depend on the other notices; everything else may not.
    const comparable = (notice: CaseEvaluation['notices'][number]) => {
      const actions = notice.actions
        .map(({ priority: _priority, priorityReason: _reason, ...action }) => action)
        .sort((a, b) => `${a.code} ${a.ruleId}`.localeCompare(`${b.code} ${b.ruleId}`));
      return JSON.parse(JSON.stringify({ ...notice, actions }).replace(/notices\[\d+\]/g, 'notices[*]')) as unknown;
    };
    await fc.assert(
      fc.asyncProperty(caseAndDateArb, fc.constantFrom('RU', 'BY', 'TJ'), async ([value, asOf], otherCountry) => {
        const json = value as Json;
        const evaluation = await evaluator.evaluate(json, { asOf });
        // Other notices referred to by id (CCF requests, detention) must stay; otherwise they may go.
        const referenced = JSON.stringify([json.ccf ?? [], json.detention ?? []]).includes('"n-');
        for (const notice of json.notices) {
          const together = evaluation.notices.find((candidate) => candidate.noticeId === notice.id)!;
          // The other notices changed beyond recognition:
          const changed = json.notices.map((other) =>
            other === notice ? other : { id: other.id, kind: 'diffusion', requestingCountry: otherCountry, status: 'unknown' },
          );
          const withChanged = (await evaluator.evaluate({ ...json, notices: changed }, { asOf })).notices.find((candidate) => candidate.noticeId === notice.id)!;
          expect(comparable(withChanged)).toEqual(comparable(together));
          if (referenced) continue;
          const alone = (await evaluator.evaluate({ ...json, notices: [notice] }, { asOf })).notices[0]!;
          expect(comparable(alone)).toEqual(comparable(together));
        }
      }),
      runs,
    );
  });

  test('with a known asylum history, judging before every asylum event gives not_applicable', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, fc.integer({ min: 1, max: 2000 }), async (value, daysBefore) => {
        const json = value as Json;
        const asylum = json.asylum ?? [];
        const first = asylum.map((event) => event.date as string).sort()[0] ?? '2020-01-01';
        const evaluation = await evaluator.evaluate({ ...json, asylum }, { asOf: addCalendarDays(first, -daysBefore) });
        for (const notice of evaluation.notices) expect(notice.outcome).toBe('not_applicable');
      }),
      runs,
    );
  });

  test('with the asylum history unknown, no notice is delete, retain or restore_possible', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, dateArb, async (value, asOf) => {
        const { asylum: _asylum, ...withoutAsylum } = value as Json;
        const evaluation = await evaluator.evaluate(withoutAsylum, { asOf });
        for (const notice of evaluation.notices) expect(['delete', 'retain', 'restore_possible']).not.toContain(notice.outcome);
      }),
      runs,
    );
  });
});
