/**
 * `red-notice-rules/analysis` — semantic checks of rule sets: conflicts, gaps and unreachable
 * rules, each with a witness case. A separate entry point, so that the core bundle stays small
 * (this one brings in fast-check for sampling).
 *
 * @packageDocumentation
 */
export { analyzeRuleSets } from './analyze.js';
export type { AnalysisOptions, AnalysisReport, FactCoverage, Finding, SearchReport, Witness } from './analyze.js';
export { FRAGMENT_GROUPS } from './case-space.js';
export type { CaseDraft, DraftContext, Fragment, FragmentGroup } from './case-space.js';
