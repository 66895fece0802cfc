/**
 * Rule sets built to exhaust the loader and the analysis, shared by the tests named after the
 * faults they once caused (test/pathological-rule-sets.test.ts) and the bench (`npm run bench`).
 */
import { minimalRule, minimalRuleSet } from './rule-sets.js';

const diffusion = { all: [{ fact: 'notice.kind', operator: 'equal', value: 'diffusion' }] };

/** `c0 → [c1, c1] → … → c{levels}`: 2^levels comparisons once expanded, a few KB of JSON. */
export function doublingRuleSet(levels: number) {
  const conditions: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) conditions[`c${i}`] = { all: [{ condition: `c${i + 1}` }, { condition: `c${i + 1}` }] };
  conditions[`c${levels}`] = diffusion;
  return minimalRuleSet('doubling', [minimalRule('doubling.rule', { conditions: { condition: 'c0' } })], { conditions });
}

/** `c0 → c1 → … → c{length}`: a chain of named conditions. */
export function chainRuleSet(length: number) {
  const conditions: Record<string, unknown> = {};
  for (let i = 0; i < length; i++) conditions[`c${i}`] = { all: [{ condition: `c${i + 1}` }] };
  conditions[`c${length}`] = diffusion;
  return minimalRuleSet('chain', [minimalRule('chain.rule', { conditions: { condition: 'c0' } })], { conditions });
}

/** `sets` rule sets of `perSet` rules, each rule an exception to the one before it. */
export function exceptionChain(sets: number, perSet: number) {
  return Array.from({ length: sets }, (_, set) =>
    minimalRuleSet(
      `chain-${set}`,
      Array.from({ length: perSet }, (_, index) => {
        const position = set * perSet + index;
        return minimalRule(`chain-${set}.r${position}`, {
          ...(position === 0 ? {} : { exceptionTo: [`chain-${Math.floor((position - 1) / perSet)}.r${position - 1}`] }),
          action: { code: 'human_review', priority: 'low', explanation: 'Check it.' },
        });
      }),
    ),
  );
}

/** Two-letter codes the rules name, in a fixed order. */
const COUNTRIES = ['AF', 'AM', 'AZ', 'BD', 'BH', 'BY', 'CN', 'CU', 'DZ', 'EG', 'ER', 'ET', 'GE', 'ID', 'IN', 'IQ', 'IR', 'KG', 'KZ', 'LB', 'LY', 'MA', 'MM', 'NG', 'NI', 'PK', 'QA', 'RU', 'RW', 'SA', 'SD', 'SY', 'TJ', 'TM', 'TN', 'TR', 'UG', 'UZ', 'VE', 'VN', 'YE', 'ZW'];

/**
 * About 53 KB of rules that name many dates and countries: each rule a list of requesting
 * countries, dates compared against deadlines and detentions, a period in force. The work of
 * the analysis must not grow with the values named (it took 190 s once).
 */
export function manyValuesRuleSet(rules = 85) {
  const date = (i: number) => `${2014 + (i % 12)}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
  return minimalRuleSet(
    'many-values',
    Array.from({ length: rules }, (_, i) =>
      minimalRule(`many-values.r${i}`, {
        effective: { from: date(i * 3) },
        conditions: {
          all: [
            { fact: 'notice.requestingCountry', operator: i % 2 === 0 ? 'in' : 'notIn', value: COUNTRIES.filter((_, k) => (k + i) % 3 !== 0).slice(0, 12 + (i % 9)) },
            { fact: i % 3 === 0 ? 'notice.ccfDecisionDueOn' : i % 3 === 1 ? 'notice.detainedOnNoticeSince' : 'notice.revisionDueOn', operator: i % 2 === 0 ? 'lessThan' : 'greaterThanInclusive', value: date(i) },
            { any: [{ fact: 'notice.detainedOnNoticeIn', operator: 'contains', value: COUNTRIES[i % COUNTRIES.length] }, { fact: 'notice.deletedOn', operator: 'lessThan', value: date(i + 7) }] },
          ],
        },
        ...(i % 4 === 0 ? { outcome: (['retain', 'delete', 'restore_possible', 'not_applicable'] as const)[(i / 4) % 4] } : {}),
      }),
    ),
  );
}
