/**
 * The impact of a new rule-set version on one case (`red-notice-rules diff`): what changes
 * between the evaluation with the rules before and the evaluation with the rules after — a
 * notice's outcome, an action added or removed, an action's priority or deadline — and the rules
 * that caused each change.
 *
 * How "caused" is decided, from the two results and the two versions' rule definitions:
 * 1. The rules the change is about: for an outcome, the rules that decided it before and after
 *    (`resolution.rules`); for an action, the rule that yielded it (`ruleId`) and the rules that
 *    escalated it, before and after.
 * 2. Of these, the rules whose definition differs between the versions (added, removed, or
 *    changed: RFC 8785 canonical JSON compared) are the cause.
 * 3. When none of them changed (the change comes through another rule: an exception that now
 *    overrides, a rule that now `replaces`, a first-pass rule whose action a second-pass rule
 *    reads), the cause is every rule whose definition changed and whose status for the same
 *    subject (the notice, or the case) differs between the two traces.
 * 4. When that finds nothing either, `causes` is empty: the change is not traced to a rule.
 * Limits: a rule with the same definition but another rule set id or version counts as unchanged;
 * when several changed rules bear on one change, all are named, not the one that "really" did.
 *
 * @module
 */
import { canonicalize } from 'json-canonicalize';
import type { Action, CaseEvaluation, QuestionChange, TraceEntry, TraceStatus } from '../evaluation/result.js';
import { changesBetween, sortChanges, type ActionMark, type Signature } from '../evaluation/questions.js';
import { BUNDLED_RULE_SETS } from '../bundled.js';
import type { RuleSetJson } from '../rules/schema.js';
import { compareStrings } from '../support/issues.js';

/** How a rule differs between the two versions. */
export type RuleDifference = 'added' | 'removed' | 'changed' | 'unchanged';

/** A rule that caused a change: how its definition differs, and its status for the subject before and after (`absent` where it is not in the trace). */
export interface ChangeCause {
  readonly ruleId: string;
  readonly rule: RuleDifference;
  readonly before: TraceStatus | 'absent';
  readonly after: TraceStatus | 'absent';
}

/** A change of a case between the two versions, with its causes (sorted by rule id). */
export type CaseChange = QuestionChange & { readonly causes: readonly ChangeCause[] };

/** The definitions of the rules of a version (the bundled rule sets and the given ones), by rule id, as canonical JSON. */
export type RuleDefinitions = ReadonlyMap<string, string>;

/**
 * The definitions of the rules of the bundled rule sets and of `ruleSets` (checked rule sets), by id.
 *
 * @example
 * ```ts
 * ruleDefinitions([]).has('refugee.2017.delete'); // true
 * ```
 */
export function ruleDefinitions(ruleSets: readonly RuleSetJson[]): RuleDefinitions {
  const definitions = new Map<string, string>();
  for (const ruleSet of [...(BUNDLED_RULE_SETS as readonly RuleSetJson[]), ...ruleSets]) for (const rule of ruleSet.rules) definitions.set(rule.id, canonicalize(rule));
  return definitions;
}

/** @internal What a subject came to, with the rules that escalated each action. */
type SubjectSignature = Signature & { readonly escalations: ReadonlyMap<string, readonly string[]> };

/** @internal The subjects' signatures of an evaluation: by notice id (`''` for the case), outcome and actions by code. */
function signaturesOf(evaluation: CaseEvaluation): Map<string, SubjectSignature> {
  const subjects = new Map<string, { outcome: Signature['outcome']; actions: Map<string, ActionMark>; escalations: Map<string, readonly string[]> }>();
  const subject = (noticeId: string) => {
    let found = subjects.get(noticeId);
    if (found === undefined) {
      found = { outcome: undefined, actions: new Map(), escalations: new Map() };
      subjects.set(noticeId, found);
    }
    return found;
  };
  for (const notice of evaluation.notices) subject(notice.noticeId).outcome = notice.outcome;
  subject('');
  for (const action of evaluation.actions as readonly Action[]) {
    const at = subject(action.noticeId ?? '');
    at.actions.set(action.code, { priority: action.priority, deadline: action.deadline?.date, ruleId: action.ruleId });
    if (action.escalation) at.escalations.set(action.code, action.escalation.ruleIds);
  }
  return subjects;
}

/** @internal The status of each rule for one subject, by rule id. */
function statusesOf(trace: readonly TraceEntry[], noticeId: string): Map<string, TraceStatus> {
  const statuses = new Map<string, TraceStatus>();
  for (const entry of trace) if ((entry.noticeId ?? '') === noticeId || entry.noticeId === undefined) statuses.set(entry.ruleId, entry.status);
  return statuses;
}

/**
 * What changes for a case from `before` to `after` (two evaluations of it, with the full trace),
 * each change with the rules that caused it. Sorted by notice (case first), kind, action.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from 'red-notice-rules';
 *
 * const evaluation = evaluateCaseSync({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] }, { asOf: '2026-01-15' });
 * impactOf(evaluation, evaluation, { before: ruleDefinitions([]), after: ruleDefinitions([]) }); // []
 * ```
 */
export function impactOf(before: CaseEvaluation, after: CaseEvaluation, definitions: { readonly before: RuleDefinitions; readonly after: RuleDefinitions }): CaseChange[] {
  const was = signaturesOf(before);
  const is = signaturesOf(after);
  const difference = (ruleId: string): RuleDifference => {
    const old = definitions.before.get(ruleId);
    const now = definitions.after.get(ruleId);
    return old === undefined ? (now === undefined ? 'unchanged' : 'added') : now === undefined ? 'removed' : old === now ? 'unchanged' : 'changed';
  };
  const resolutionRules = (evaluation: CaseEvaluation, noticeId: string) => evaluation.notices.find((notice) => notice.noticeId === noticeId)?.resolution.rules ?? [];
  const changes: CaseChange[] = [];
  const subjects = [...new Set([...was.keys(), ...is.keys()])].sort(compareStrings);
  for (const noticeId of subjects) {
    const from = was.get(noticeId) ?? { outcome: undefined, actions: new Map(), escalations: new Map() };
    const to = is.get(noticeId) ?? { outcome: undefined, actions: new Map(), escalations: new Map() };
    const found = changesBetween(from, to, noticeId === '' ? undefined : noticeId);
    if (found.length === 0) continue;
    const statusBefore = statusesOf(before.trace, noticeId);
    const statusAfter = statusesOf(after.trace, noticeId);
    const cause = (ruleId: string): ChangeCause => ({ ruleId, rule: difference(ruleId), before: statusBefore.get(ruleId) ?? 'absent', after: statusAfter.get(ruleId) ?? 'absent' });
    for (const change of sortChanges(found)) {
      const concerned = new Set<string>();
      if (change.code === 'outcome_changed') for (const ruleId of [...resolutionRules(before, noticeId), ...resolutionRules(after, noticeId)]) concerned.add(ruleId);
      else {
        const { action } = change;
        for (const mark of [from.actions.get(action), to.actions.get(action)]) if (mark !== undefined) concerned.add(mark.ruleId);
        for (const escalations of [from.escalations.get(action), to.escalations.get(action)]) for (const ruleId of escalations ?? []) concerned.add(ruleId);
      }
      let causes = [...concerned].map(cause).filter((item) => item.rule !== 'unchanged');
      if (causes.length === 0) {
        const traced = new Set([...statusBefore.keys(), ...statusAfter.keys()]);
        causes = [...traced].map(cause).filter((item) => item.rule !== 'unchanged' && item.before !== item.after);
      }
      changes.push({ ...change, causes: causes.sort((a, b) => compareStrings(a.ruleId, b.ruleId)) });
    }
  }
  return changes;
}
