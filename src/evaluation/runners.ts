/**
 * Rule runners: what decides, for one subject (the case or a notice), which rules' conditions
 * hold — true, false or undetermined. Two implementations of the same semantics:
 *
 * - `compiled` evaluates the closures compiled once per evaluator, synchronously;
 * - `json-rules-engine` runs json-rules-engine 7 itself, safely (see `jre-runner.ts`).
 *
 * @module
 */
import type { FactSnapshot } from '../facts/snapshot.js';
import type { Truth } from '../rules/conditions.js';
import type { CompiledRule, RuleBook } from '../rules/rule-book.js';

/** The rule engines an evaluator can use. */
export const ENGINES = ['compiled', 'json-rules-engine'] as const;
/** A rule engine. */
export type EngineName = (typeof ENGINES)[number];

/**
 * A book's rules in the lists they run in: case rules; notice rules of the first pass; notice
 * rules of the second pass (those that read what the first pass decided).
 */
export interface RuleLists {
  readonly case: readonly CompiledRule[];
  readonly notice1: readonly CompiledRule[];
  readonly notice2: readonly CompiledRule[];
}

/** The name of a rule list. */
export type RuleListName = keyof RuleLists;

/**
 * Splits a book's rules into the lists they run in, each in book order.
 *
 * @example
 * ```ts
 * import { loadRuleBook } from './evaluator.js';
 *
 * const { case: caseRules, notice1, notice2 } = ruleLists(loadRuleBook().book);
 * caseRules.every((rule) => rule.json.scope === 'case'); // true
 * notice2.every((rule) => rule.stage === 2); // true
 * notice1.length > notice2.length; // true
 * ```
 */
export function ruleLists(book: RuleBook): RuleLists {
  return {
    case: book.rules.filter((rule) => rule.json.scope === 'case'),
    notice1: book.rules.filter((rule) => rule.json.scope === 'notice' && rule.stage === 1),
    notice2: book.rules.filter((rule) => rule.json.scope === 'notice' && rule.stage === 2),
  };
}

/**
 * Decides the truth of every rule of a list for one subject. `inForce[i]` says whether the
 * i-th rule of the list is in force; rules not in force may be skipped (their truth is not read).
 */
export interface RuleRunner {
  run(list: RuleListName, facts: FactSnapshot, inForce: readonly boolean[]): Truth[] | Promise<Truth[]>;
}

/** A runner that decides synchronously (the compiled one). */
export interface SyncRuleRunner extends RuleRunner {
  run(list: RuleListName, facts: FactSnapshot, inForce: readonly boolean[]): Truth[];
}

/**
 * The compiled runner: synchronous closures, built once per evaluator.
 *
 * @example
 * ```ts
 * import { SnapshotBuilder } from '../facts/snapshot.js';
 * import { loadRuleBook } from './evaluator.js';
 *
 * const lists = ruleLists(loadRuleBook().book);
 * const builder = new SnapshotBuilder();
 * builder.set('notice.kind', 'red_notice');
 * const truths = createCompiledRunner(lists).run('notice1', builder.build(), lists.notice1.map(() => true));
 * truths.length === lists.notice1.length; // true
 * truths.every((truth) => truth === 0 || truth === 1 || truth === 2); // true
 * ```
 */
export function createCompiledRunner(lists: RuleLists): SyncRuleRunner {
  return {
    run(list, facts, inForce) {
      const rules = lists[list];
      const truths = new Array<Truth>(rules.length);
      for (let i = 0; i < rules.length; i++) truths[i] = inForce[i] ? rules[i]!.conditions.evaluate(facts) : 0;
      return truths;
    },
  };
}
