/**
 * fast-check arbitraries: valid cases over a small world (a few host and requesting
 * countries, dates from 2012 to 2027), so that generated cases hit every rule often.
 */
import fc from 'fast-check';
import { addCalendarDays } from '../src/support/dates.js';
import { BUILT_IN_OPERATORS, FACT_CATALOGUE, VOCABULARIES, type FactDefinition } from '../src/index.js';

export const HOSTS = ['DE', 'FR', 'NL'] as const;
export const REQUESTERS = ['TJ', 'RU', 'BY'] as const;

/** A calendar date between 2012-01-01 and about 2027-12-31. */
export const dateArb = fc.integer({ min: 0, max: 5840 }).map((offset) => addCalendarDays('2012-01-01', offset));

const FINAL_TYPES = new Set(['asylum_denied', 'appeal_dismissed', 'refugee_status_revoked', 'refugee_status_ceased']);
const GRANT_TYPES = new Set(['refugee_status_granted', 'appeal_allowed']);
const CRIMINAL_TYPES = new Set(['asylum_denied', 'appeal_dismissed', 'refugee_status_revoked', 'refugee_status_ceased']);

const asylumEventArb = fc
  .record({
    type: fc.constantFrom(
      'application_filed', 'refugee_status_granted', 'asylum_denied', 'appeal_filed', 'appeal_allowed',
      'appeal_dismissed', 'refugee_status_revoked', 'refugee_status_ceased', 'subsidiary_protection_granted', 'naturalised',
    ),
    date: dateArb,
    country: fc.constantFrom(...HOSTS),
    persecutionFearedFrom: fc.option(fc.uniqueArray(fc.constantFrom(...REQUESTERS), { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 3 }),
    final: fc.option(fc.boolean(), { nil: undefined }),
    appealWithin: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined, freq: 3 }),
    grounds: fc.option(fc.uniqueArray(fc.constantFrom('race', 'religion', 'political_opinion', 'social_group'), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    criminalGrounds: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((event) => {
    const result: Record<string, unknown> = { type: event.type, date: event.date, country: event.country };
    if (event.persecutionFearedFrom !== undefined) result.persecutionFearedFrom = event.persecutionFearedFrom;
    if (event.final !== undefined && FINAL_TYPES.has(event.type)) result.final = event.final;
    if (event.appealWithin !== undefined && FINAL_TYPES.has(event.type)) result.appealDeadline = addCalendarDays(event.date, event.appealWithin);
    if (event.grounds !== undefined && GRANT_TYPES.has(event.type)) result.grounds = event.grounds;
    if (event.criminalGrounds !== undefined && CRIMINAL_TYPES.has(event.type)) result.criminalGrounds = event.criminalGrounds;
    return result;
  });

const offenceArb = fc
  .record({
    category: fc.constantFrom(
      'violent', 'fraud', 'cheque', 'commercial_dispute', 'private_dispute', 'family_matter', 'administrative',
      'defamation_or_insult', 'political_expression', 'extremism_or_unauthorised_protest', 'terrorism', 'military',
      'religious_practice_or_membership', 'other',
    ),
    maxPenaltyYears: fc.option(fc.constantFrom(0.5, 1, 1.9, 2, 5, 10), { nil: undefined, freq: 3 }),
    sentenceYears: fc.option(fc.constantFrom(0.25, 0.5, 2), { nil: undefined }),
    remainingSentenceYears: fc.option(fc.constantFrom(0.1, 0.25, 0.5, 1.5), { nil: undefined }),
  })
  .map((offence) => Object.fromEntries(Object.entries(offence).filter(([, value]) => value !== undefined)));

const noticeArb = fc
  .record({
    kind: fc.constantFrom('red_notice', 'diffusion'),
    requestingCountry: fc.constantFrom(...REQUESTERS),
    status: fc.option(fc.constantFrom('active', 'deleted', 'suspended', 'unknown'), { nil: undefined }),
    deletedOn: fc.option(dateArb, { nil: undefined }),
    deletionBasis: fc.option(fc.constantFrom('refugee_resolution', 'article_3', 'ccf_decision', 'requesting_country', 'other'), { nil: undefined }),
    purpose: fc.option(fc.constantFrom('prosecution', 'sentence'), { nil: undefined }),
    offences: fc.option(fc.array(offenceArb, { maxLength: 3 }), { nil: undefined }),
    missingJudicialData: fc.option(fc.uniqueArray(fc.constantFrom('summary_of_facts', 'arrest_warrant', 'charges'), { maxLength: 2 }), { nil: undefined }),
    chargesDroppedOn: fc.option(dateArb, { nil: undefined, freq: 8 }),
    issuedOn: fc.option(dateArb, { nil: undefined, freq: 3 }),
  })
  .map((notice) => {
    const result: Record<string, unknown> = { kind: notice.kind, requestingCountry: notice.requestingCountry };
    if (notice.status !== undefined) result.status = notice.status;
    if (notice.status === 'deleted') {
      if (notice.deletedOn !== undefined) result.deletedOn = notice.deletedOn;
      if (notice.deletionBasis !== undefined) result.deletionBasis = notice.deletionBasis;
    }
    for (const key of ['purpose', 'offences', 'missingJudicialData', 'chargesDroppedOn'] as const) {
      if (notice[key] !== undefined) result[key] = notice[key];
    }
    // Issued on or before it was deleted and before its charges were dropped (the case model's chronology).
    const later = [result.deletedOn, result.chargesDroppedOn].filter((date): date is string => typeof date === 'string');
    if (notice.issuedOn !== undefined && later.every((date) => notice.issuedOn! <= date)) result.issuedOn = notice.issuedOn;
    return result;
  });

const article3Arb = fc
  .record({
    politicalActivity: fc.option(fc.boolean(), { nil: undefined }),
    opposition: fc.option(fc.boolean(), { nil: undefined }),
    journalistOrDefender: fc.option(fc.boolean(), { nil: undefined }),
    offenceOfPoliticalCharacter: fc.option(fc.boolean(), { nil: undefined }),
    chargesFollowPoliticalEvents: fc.option(fc.boolean(), { nil: undefined }),
    otherCountriesFoundPolitical: fc.option(fc.boolean(), { nil: undefined }),
    persecutedGroup: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((flags) => Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined)));

const extraditionArb = fc
  .record({
    requestingCountry: fc.constantFrom(...REQUESTERS),
    requestedCountry: fc.constantFrom(...HOSTS, 'TH', 'US'),
    date: fc.option(dateArb, { nil: undefined, freq: 4 }),
    outcome: fc.constantFrom('refused', 'refused', 'granted', 'pending', 'withdrawn'),
    grounds: fc.option(
      fc.uniqueArray(fc.constantFrom('political_offence', 'persecution_risk', 'human_rights', 'procedural', 'nationality', 'statute_of_limitations'), { maxLength: 2 }),
      { nil: undefined },
    ),
  })
  .map((proceeding) => Object.fromEntries(Object.entries(proceeding).filter(([, value]) => value !== undefined)));

const detentionArb = fc
  .record({
    country: fc.constantFrom(...HOSTS, 'TH', 'US'),
    since: dateArb,
    days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    authority: fc.constantFrom('immigration', 'criminal', 'other'),
    notice: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined, freq: 3 }),
  });

const ccfArb = fc.record({
  type: fc.constantFrom('access', 'deletion', 'deletion', 'revision'),
  filedOn: dateArb,
  admissibleAfter: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined, freq: 3 }),
  decidedAfter: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  outcome: fc.constantFrom('deleted', 'not_compliant', 'compliant', 'compliant', 'inadmissible'),
  notice: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
});

const confirmationArb = fc.record({
  // Mostly host states; now and then a feared country or one that is not an INTERPOL member.
  by: fc.constantFrom(...HOSTS, ...HOSTS, 'TJ', 'TW', 'XK', 'PW'),
  to: fc.constantFrom('general_secretariat', 'ccf'),
  date: dateArb,
  subject: fc.constantFrom('refugee_status', 'refugee_status', 'refugee_status', 'asylum_denied', 'status_revoked'),
});

/** How many notices and asylum events a generated case has. */
export interface CaseSizes {
  readonly notices: { readonly min: number; readonly max: number };
  /** Asylum events; `history: 'sometimes unknown'` leaves `asylum` out now and then. */
  readonly asylum: { readonly min: number; readonly max: number; readonly history: 'known' | 'sometimes unknown' };
}

/** A valid case (JSON) in the small world, of the given sizes. */
export const caseArbOfSize = (sizes: CaseSizes) => fc
  .record({
    notices: fc.array(noticeArb, { minLength: sizes.notices.min, maxLength: sizes.notices.max }),
    asylum:
      sizes.asylum.history === 'known'
        ? fc.array(asylumEventArb, { minLength: sizes.asylum.min, maxLength: sizes.asylum.max })
        : fc.option(fc.array(asylumEventArb, { minLength: sizes.asylum.min, maxLength: sizes.asylum.max }), { nil: undefined, freq: 5 }),
    confirmations: fc.option(fc.array(confirmationArb, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    article3: fc.option(article3Arb, { nil: undefined }),
    extradition: fc.option(fc.array(extraditionArb, { maxLength: 2 }), { nil: undefined }),
    detention: fc.option(fc.array(detentionArb, { maxLength: 2 }), { nil: undefined, freq: 3 }),
    ccf: fc.option(fc.array(ccfArb, { maxLength: 2 }), { nil: undefined }),
  })
  .map((value) => {
    const ids = value.notices.map((_, index) => `n-${index + 1}`);
    const noticeId = (n: number | undefined) => (n === undefined ? undefined : ids[(n - 1) % ids.length]);
    const result: Record<string, unknown> = {
      schemaVersion: 1,
      notices: value.notices.map((notice, index) => ({ id: ids[index], ...notice })),
    };
    if (value.asylum !== undefined) result.asylum = value.asylum;
    if (value.confirmations !== undefined) result.confirmations = value.confirmations;
    if (value.article3 !== undefined) result.article3 = value.article3;
    if (value.extradition !== undefined) result.extradition = value.extradition;
    if (value.detention !== undefined) {
      result.detention = value.detention.map((item) => {
        const detention: Record<string, unknown> = { country: item.country, since: item.since, authority: item.authority };
        if (item.days !== undefined) detention.released = addCalendarDays(item.since, item.days);
        const id = noticeId(item.notice);
        if (id !== undefined) detention.basedOnNoticeId = id;
        return detention;
      });
    }
    if (value.ccf !== undefined) {
      result.ccf = value.ccf.map((item) => {
        const request: Record<string, unknown> = { type: item.type, filedOn: item.filedOn };
        if (item.admissibleAfter !== undefined) request.admissibleOn = addCalendarDays(item.filedOn, item.admissibleAfter);
        if (item.decidedAfter !== undefined) {
          request.decidedOn = addCalendarDays((request.admissibleOn as string | undefined) ?? item.filedOn, item.decidedAfter);
          request.outcome = item.outcome;
        }
        const id = noticeId(item.notice);
        if (id !== undefined) request.noticeIds = [id];
        return request;
      });
    }
    return result;
  });

/** A valid case (JSON) in the small world: 1–4 notices, up to 7 asylum events or an unknown history. */
export const caseArb = caseArbOfSize({ notices: { min: 1, max: 4 }, asylum: { min: 0, max: 7, history: 'sometimes unknown' } });

/** A typical case (the benchmark's): 2–3 notices and 5–8 asylum events. */
export const typicalCaseArb = caseArbOfSize({ notices: { min: 2, max: 3 }, asylum: { min: 5, max: 8, history: 'known' } });

/** A date to judge a case at: any date, or more often a recent one. */
export const asOfArb = fc.oneof(dateArb, fc.integer({ min: 0, max: 1460 }).map((offset) => addCalendarDays('2024-01-01', offset)));

/** A case and a date to judge it at. */
export const caseAndDateArb = fc.tuple(caseArb, asOfArb);

/** A value of one item of a fact's domain. */
function itemArb(fact: FactDefinition): fc.Arbitrary<string | number> {
  if (fact.values) return fc.constantFrom(...fact.values.slice(0, 40));
  return fact.type === 'number' ? fc.constantFrom(0, 0.5, 2, 10) : dateArb;
}

/** A comparison on one fact: well-typed most of the time, sometimes not (the checker must catch those). */
function atomArbFor(facts: readonly FactDefinition[]): fc.Arbitrary<unknown> {
  const operators = [...BUILT_IN_OPERATORS.values()];
  const typed = fc.constantFrom(...facts).chain((fact) => {
    const fitting = operators.filter((operator) => operator.factTypes.includes(fact.type));
    return fc.constantFrom(...fitting).chain((operator) =>
      (operator.valueKind === 'list' ? fc.uniqueArray(itemArb(fact), { minLength: 1, maxLength: 3 }) : itemArb(fact)).map((value) => ({
        fact: fact.name,
        operator: operator.name,
        value,
      })),
    );
  });
  const wild = fc.record({
    fact: fc.constantFrom(...FACT_CATALOGUE.map((fact) => fact.name)),
    operator: fc.constantFrom(...BUILT_IN_OPERATORS.keys()),
    value: fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 })),
  });
  return fc.oneof({ weight: 19, arbitrary: typed }, { weight: 1, arbitrary: wild });
}

/** Conditions over some facts, nested up to a few levels. */
function conditionArbFor(facts: readonly FactDefinition[]): fc.Arbitrary<unknown> {
  const atom = atomArbFor(facts);
  return fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('node') }),
    ),
  })).node;
}

const caseFacts = FACT_CATALOGUE.filter((fact) => fact.scope === 'case');
const derivedFacts = FACT_CATALOGUE.filter((fact) => fact.source !== 'result');
const ruleArb = fc.constantFrom('notice', 'notice', 'notice', 'case').chain((scope) =>
  fc.record({
    scope: fc.constant(scope),
    effect: fc.constantFrom('mandatory', 'mandatory', 'presumption', 'factor'),
    conditions: fc.oneof(
      fc.record({ all: fc.array(conditionArbFor(scope === 'case' ? caseFacts : derivedFacts), { maxLength: 3 }) }),
      fc.record({ any: fc.array(conditionArbFor(scope === 'case' ? caseFacts : FACT_CATALOGUE), { minLength: 1, maxLength: 3 }) }),
    ),
    outcome: scope === 'notice' ? fc.option(fc.constantFrom(...VOCABULARIES.outcome), { nil: undefined }) : fc.constant(undefined),
    action: fc.option(
      fc.record({
        code: fc.constantFrom(...VOCABULARIES.actionCode),
        priority: fc.constantFrom(...VOCABULARIES.priority),
        explanation: fc.constantFrom('Check it.', scope === 'case' ? 'Status {protection.status}.' : 'From {notice.requestingCountry}.'),
      }),
      { nil: undefined, freq: 2 },
    ),
    effective: fc.option(fc.record({ from: dateArb }), { nil: undefined }),
    exceptionTo: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    escalate: fc.boolean(),
  }),
);

/** A rule set over the fact catalogue and the bundled citations: often valid, sometimes not. */
export const ruleSetArb = fc.array(ruleArb, { minLength: 1, maxLength: 4 }).map((rules) => ({
  id: 'generated',
  version: '1.0.0',
  title: 'Generated',
  factorActions: { weigh_generated: { priority: 'high', title: 'Weigh the factors', explanation: 'Factors: {factors}.', citations: ['const.art3'] } },
  rules: rules.map((rule, index) => {
    const result: Record<string, unknown> = {
      id: `generated.r${index}`,
      title: `Rule ${index}`,
      citations: ['const.art3'],
      scope: rule.scope,
      effect: rule.effect,
      conditions: rule.conditions,
    };
    if (rule.effect === 'factor') {
      result.factor = { id: `f${index}`, label: `factor ${index}`, action: 'weigh_generated' };
    } else {
      if (rule.outcome !== undefined) result.outcome = rule.outcome;
      if (rule.action !== undefined) result.action = rule.action;
      if (rule.escalate || (rule.outcome === undefined && rule.action === undefined)) result.escalation = { priority: 'urgent' };
    }
    if (rule.effective !== undefined) result.effective = rule.effective;
    if (rule.exceptionTo !== undefined && rule.exceptionTo < rules.length && rule.exceptionTo !== index) {
      result.exceptionTo = [`generated.r${rule.exceptionTo}`];
    }
    return result;
  }),
}));

/** A string that marks where a generated value came from, to check that no issue echoes it. */
export const MARKER = 'ZZ-MARKER-ZZ';

/** One change to a JSON document: which node (by pre-order position), what to do, with what. */
export interface JsonMutation {
  readonly node: number;
  readonly kind: 'delete' | 'replace' | 'insert' | 'wrap' | 'proto';
  readonly key: string;
  readonly value: unknown;
}

const mutationValueArb = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(MARKER, `${MARKER}-2020-01-01`, '', ' ', '2024-02-30', 'XX', -1, 1e308, 0.1, true, null, [], {}),
  fc.constantFrom('$..[?(@.constructor.constructor("globalThis.__rnrPayloadRan = true")())]', '$.__proto__.polluted', '$.constructor.prototype', { fact: 'notice', path: '$..[?(@)]' }),
  fc.string({ maxLength: 20 }),
);

/** A change to a JSON document. */
export const jsonMutationArb: fc.Arbitrary<JsonMutation> = fc.record({
  node: fc.nat({ max: 400 }),
  kind: fc.constantFrom('delete', 'replace', 'replace', 'insert', 'wrap', 'proto'),
  key: fc.oneof(fc.constantFrom('id', 'status', 'date', 'asylum', 'notices', 'rules', 'conditions', 'value', 'path', 'fact', MARKER), fc.string({ maxLength: 8 })),
  value: mutationValueArb,
});

/**
 * Applies changes to a copy of a JSON document: delete, replace or insert a member (or array
 * item), wrap a value in an array, or add a `__proto__` key the way `JSON.parse` does (as an own
 * property). The document itself is not changed.
 */
export function mutateJson(document: unknown, mutations: readonly JsonMutation[]): unknown {
  let current: unknown = JSON.parse(JSON.stringify(document));
  for (const { value: shared, ...mutation } of mutations) {
    // A fresh copy each time: a value put in two places would let a later change make a cycle.
    const value = shared === undefined ? undefined : (JSON.parse(JSON.stringify(shared)) as unknown);
    const nodes: Array<Record<string, unknown> | unknown[]> = [];
    const collect = (value: unknown) => {
      if (value === null || typeof value !== 'object') return;
      nodes.push(value as Record<string, unknown>);
      for (const member of Object.values(value)) collect(member);
    };
    collect(current);
    if (nodes.length === 0) {
      current = value;
      continue;
    }
    const node = nodes[mutation.node % nodes.length]!;
    const keys = Object.keys(node);
    const key = Array.isArray(node) ? String(mutation.node % Math.max(1, node.length)) : (keys[mutation.node % Math.max(1, keys.length)] ?? mutation.key);
    const target = node as Record<string, unknown>;
    switch (mutation.kind) {
      case 'delete':
        if (Array.isArray(node)) node.splice(Number(key), 1);
        else delete target[key];
        break;
      case 'replace':
        target[key] = value;
        break;
      case 'insert':
        if (Array.isArray(node)) node.push(value);
        else target[mutation.key] = value;
        break;
      case 'wrap':
        target[key] = [target[key]];
        break;
      case 'proto':
        if (!Array.isArray(node)) Object.defineProperty(node, '__proto__', { value: JSON.parse('{"polluted":true}'), enumerable: true, writable: true, configurable: true });
        break;
    }
  }
  return current;
}

/** A document changed by a few mutations. */
export const mutatedArb = <T>(documentArb: fc.Arbitrary<T>) =>
  fc.tuple(documentArb, fc.array(jsonMutationArb, { minLength: 1, maxLength: 4 })).map(([document, mutations]) => mutateJson(document, mutations));
