/**
 * `red-notice-rules/testing` — scenario fixtures for rule sets: run a file of fixtures (a case,
 * the date it is judged at, and what the evaluation must say) against an evaluator, with every
 * difference and the coverage of each rule. A separate entry point, so that the core API stays
 * what an application needs.
 *
 * @packageDocumentation
 */
export { runFixtures } from '../fixtures/run.js';
export type { ConditionCoverage, FixtureCoverage, FixtureDifference, FixtureReport, FixtureResult, RuleCoverage, RuleExplanation } from '../fixtures/run.js';
export { fixtureFileSchema, fixtureSchema } from '../fixtures/schema.js';
export type { Fixture, NoticeExpectation } from '../fixtures/schema.js';
