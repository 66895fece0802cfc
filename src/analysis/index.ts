/**
 * `red-notice-rules/analysis` — semantic checks of rule sets: rules that can never fire (each
 * with a proof over the fact space), conflicts and gaps (each with a witness case), and what
 * your rules change for rules that read another rule's action. A separate entry point, so that
 * the core bundle stays small.
 *
 * @packageDocumentation
 */
export { ANALYSIS_BUDGET, analyzeRuleSets, FINDING_CODES } from './analyze.js';
export type { AnalysisOptions, AnalysisReport, ChangeBy, Finding, FindingCode, ProofCondition, SearchReport, UnreachableProof, Witness } from './analyze.js';
