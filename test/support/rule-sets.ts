/**
 * Minimal valid rule sets for tests, to be changed one field at a time: one notice rule that
 * fires on Diffusions and asks for a human review, citing `const.art3`.
 */

/** A valid notice rule with this id, changed by `patch`. */
export function minimalRule(id: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: 'A rule',
    citations: ['const.art3'],
    scope: 'notice',
    effect: 'mandatory',
    conditions: { all: [{ fact: 'notice.kind', operator: 'equal', value: 'diffusion' }] },
    action: { code: 'human_review', priority: 'normal', explanation: 'Check it.' },
    ...patch,
  };
}

/** A valid rule set with this id and these rules, changed by `patch`. */
export function minimalRuleSet(id: string, rules: Array<Record<string, unknown>>, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, version: '1.0.0', title: 'A rule set', rules, ...patch };
}
