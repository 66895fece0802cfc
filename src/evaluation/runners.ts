/**
 * Rule runners: what decides, for one subject (the case or a notice), which rules' conditions
 * hold — true, false or undetermined. Two implementations of the same semantics:
 *
 * - `compiled` evaluates the closures compiled once per evaluator, synchronously;
 * - `json-rules-engine` runs json-rules-engine 7 itself, safely (see `jre-runner.ts`).
 *
 * @module
 */
import type { FactSnapshot } from '../facts/derive.js';
import type { Truth } from '../rules/conditions.js';
import type { CompiledRule, RuleBook } from '../rules/rule-book.js';

/** The rule engines an evaluator can use. */
export const ENGINES = ['compiled', 'json-rules-engine'] as const;
/** A rule engine. */
export type EngineName = (typeof ENGINES)[number];

/** The rules of one scope, in book order. */
export interface ScopedRules {
  readonly case: readonly CompiledRule[];
  readonly notice: readonly CompiledRule[];
}

/**
 * Splits a book's rules by scope.
 *
 * @example
 * ```ts
 * const { notice } = rulesByScope(book);
 * ```
 */
export function rulesByScope(book: RuleBook): ScopedRules {
  return {
    case: book.rules.filter((rule) => rule.json.scope === 'case'),
    notice: book.rules.filter((rule) => rule.json.scope === 'notice'),
  };
}

/**
 * Decides the truth of every rule of a scope for one subject. `inForce[i]` says whether the
 * i-th rule of the scope is in force; rules not in force may be skipped (their truth is not read).
 */
export interface RuleRunner {
  run(scope: 'case' | 'notice', facts: FactSnapshot, inForce: readonly boolean[]): Truth[] | Promise<Truth[]>;
}

/**
 * The compiled runner: synchronous closures, built once per evaluator.
 *
 * @example
 * ```ts
 * const runner = createCompiledRunner(rulesByScope(book));
 * runner.run('notice', facts, inForce); // [1, 0, 2, …]
 * ```
 */
export function createCompiledRunner(rules: ScopedRules): RuleRunner {
  return {
    run(scope, facts, inForce) {
      const list = rules[scope];
      const truths = new Array<Truth>(list.length);
      for (let i = 0; i < list.length; i++) truths[i] = inForce[i] ? list[i]!.conditions.evaluate(facts) : 0;
      return truths;
    },
  };
}
