/**
 * A budget on the size of a result. Rule sets are data that anyone can write: a megabyte of
 * rules with many conditions, or long explanations, times 200 notices, gave hundreds of
 * megabytes of JSON (and past about 512 MB `JSON.stringify` fails). The assembly charges what it
 * builds — actions, notices, trace entries and their comparisons — to a budget as it builds them,
 * estimated from counts and string lengths (nothing is serialised to be measured), and stops
 * with an issue `result_too_large` as soon as the estimate passes `RESULT_LIMITS.jsonCharacters`.
 * Memory is so bounded by the budget, not by the rule sets.
 *
 * @module
 */
import { CaseValidationError } from '../errors.js';
import { makeIssue } from '../locales/issues.js';
import type { CitationEntry } from '../citations/registry.js';
import type { MisusePattern } from '../context/misuse-patterns.js';
import type { CompiledAtom } from '../rules/conditions.js';
import type { FactSnapshot } from '../facts/snapshot.js';
import type { Action, ProtectionSummary, TraceCondition } from './result.js';

/** Upper bounds on the result of an evaluation. */
export const RESULT_LIMITS = {
  /**
   * Largest result, in estimated characters of its compact JSON (`JSON.stringify` without
   * indentation). The bundled rule sets on the largest case the model admits (200 notices) give
   * about 6.5 million with the full trace.
   */
  jsonCharacters: 50_000_000,
} as const;

/** @internal What a value adds to JSON, roughly: strings their length and quotes, lists their items. */
function valueSize(value: unknown): number {
  if (typeof value === 'string') return value.length + 3;
  if (Array.isArray(value)) {
    let size = 2;
    for (const item of value) size += valueSize(item);
    return size;
  }
  return 8;
}

/** @internal Sizes of constant condition values (a rule's `in` list can hold 300), computed once per list. */
const listSizes = new WeakMap<object, number>();

/** @internal The size of a condition's expected value, cached for lists (they are the rule's own). */
function expectedSize(value: unknown): number {
  if (!Array.isArray(value)) return valueSize(value);
  let size = listSizes.get(value);
  if (size === undefined) {
    size = valueSize(value);
    listSizes.set(value, size);
  }
  return size;
}

/**
 * The running estimate of a result's size. `charge*` add to it, and throw a
 * `CaseValidationError` with the issue `result_too_large` once it passes the limit.
 *
 * @example
 * ```ts
 * const budget = new ResultBudget(1000);
 * budget.charge(600);
 * budget.estimate; // 600
 * try { budget.charge(600); } catch (error) { (error as { issues: { code: string }[] }).issues[0]?.code; } // 'result_too_large'
 * ```
 */
export class ResultBudget {
  private used = 0;

  constructor(private readonly limit: number = RESULT_LIMITS.jsonCharacters) {}

  /** The estimate so far, in characters of compact JSON. */
  get estimate(): number {
    return this.used;
  }

  /** Adds `characters` to the estimate. */
  charge(characters: number): void {
    this.used += characters;
    if (this.used > this.limit) {
      throw new CaseValidationError([makeIssue('result_too_large', '', { characters: this.limit })]);
    }
  }

  /** An action (it appears twice in a result: in its notice and in the list of all actions). */
  chargeAction(action: Action): void {
    let size = 160 + action.code.length + action.ruleId.length + action.title.length + action.explanation.length + valueSize(action.citations);
    if (action.noticeId !== undefined) size += action.noticeId.length + 14;
    if (action.deadline) size += 140 + action.deadline.basis.length + action.deadline.citation.length + action.deadline.countsFrom.fact.length;
    for (const factor of action.factorDetails ?? []) size += 60 + factor.id.length + factor.label.length + factor.ruleId.length + valueSize(factor.citations);
    if (action.factors) size += valueSize(action.factors);
    if (action.escalation) size += 50 + valueSize(action.escalation.ruleIds);
    this.charge(2 * size);
  }

  /** The parts of a result besides notices, actions and trace: meta, protection, citations, misuse patterns. */
  chargeContext(citations: Readonly<Record<string, CitationEntry>>, patterns: readonly MisusePattern[], protection: ProtectionSummary): void {
    let size = 0;
    for (const id in citations) size += citationEntrySize(id, citations[id]!);
    this.chargeContextSized(size, patterns, protection);
  }

  /** What `chargeContext` charges, with the citations' size already summed (`citationEntrySize` of each). */
  chargeContextSized(citationsSize: number, patterns: readonly MisusePattern[], protection: ProtectionSummary): void {
    let size = 1500 + 200 * protection.hosts.length + citationsSize;
    for (const pattern of patterns) size += 150 + pattern.id.length + pattern.documented.length + pattern.by.length + pattern.url.length + 5 * pattern.countries.length;
    this.charge(size);
  }

  /** A trace entry, without its conditions (`chargeCondition` each). */
  chargeTraceEntry(ruleId: string, ruleSet: string, title: string, noticeId: string | undefined): void {
    this.charge(traceEntrySize(ruleId, ruleSet, title, noticeId));
  }

  /** One comparison of a trace entry. */
  chargeCondition(condition: TraceCondition): void {
    let size = 75 + condition.path.length + condition.fact.length + condition.operator.length + expectedSize(condition.expected) + valueSize(condition.actual);
    if (condition.possibleValues) size += 18 + valueSize(condition.possibleValues);
    if (condition.via) size += 8 + valueSize(condition.via);
    if (condition.missingFacts) size += 17 + valueSize(condition.missingFacts);
    this.charge(size);
  }

  /**
   * The comparisons of a trace entry before they are made (each as `chargeCondition` would
   * charge it): the rule's comparisons, the facts' values, and for an unknown fact the values it
   * could have and the paths that would decide it. One charge for the entry: what the rule fixes
   * is summed once per rule.
   */
  chargeComparisons(atoms: readonly CompiledAtom[], facts: FactSnapshot): void {
    let size = comparisonsSize(atoms);
    for (const atom of atoms) size += comparisonFactSize(atom.fact, facts);
    this.charge(size);
  }
}

/** @internal What a citation of a result adds, under its id. */
export function citationEntrySize(id: string, citation: CitationEntry): number {
  return 90 + id.length + citation.instrument.length + citation.provision.length + citation.summary.length + (citation.url?.length ?? 0) + (citation.note?.length ?? 0);
}

/** @internal What a trace entry adds, without its conditions. */
export function traceEntrySize(ruleId: string, ruleSet: string, title: string, noticeId: string | undefined): number {
  return 110 + ruleId.length + ruleSet.length + title.length + (noticeId?.length ?? 0);
}

/**
 * @internal What the facts add to one comparison of a trace entry that reads `fact`: its value,
 * or for an unknown fact the values it could have and the paths that would decide it.
 */
export function comparisonFactSize(fact: string, facts: FactSnapshot): number {
  const actual = facts.values[fact];
  if (actual !== undefined) return valueSize(actual);
  let size = 8;
  const possibleValues = facts.possible[fact];
  if (possibleValues) size += 18 + valueSize(possibleValues);
  const missingFacts = facts.missing[fact];
  if (missingFacts) size += 17 + valueSize(missingFacts);
  return size;
}

/** @internal What the comparisons of a rule add to its trace conditions whatever the facts, summed once per rule. */
const atomsSizes = new WeakMap<readonly CompiledAtom[], number>();

/** @internal The fixed size of a rule's comparisons (what the rule gives them, whatever the facts). */
export function comparisonsSize(atoms: readonly CompiledAtom[]): number {
  let size = atomsSizes.get(atoms);
  if (size === undefined) {
    size = 0;
    for (const atom of atoms) size += atomSize(atom);
    atomsSizes.set(atoms, size);
  }
  return size;
}

/** @internal The part of a comparison's size that its rule fixes, computed once per comparison. */
const atomSizes = new WeakMap<CompiledAtom, number>();

/** @internal What a comparison of a rule adds to its trace condition, whatever the facts. */
function atomSize(atom: CompiledAtom): number {
  let size = atomSizes.get(atom);
  if (size === undefined) {
    size = 75 + atom.path.length + atom.fact.length + atom.operator.name.length + expectedSize(atom.value);
    if (atom.via.length > 0) size += 8 + valueSize(atom.via);
    atomSizes.set(atom, size);
  }
  return size;
}
