/**
 * Facts for the routes beyond the refugee resolution: the Article 3 profile, the conditions of
 * RPD Article 83 (offence categories, penalty thresholds, judicial data), extradition
 * proceedings, detention, and documented patterns of misuse by the requesting state.
 *
 * Events without a date (an extradition refusal, say) are taken as having happened by `asOf`:
 * the case records them. Events dated after `asOf` are ignored.
 *
 * @module
 */
import type { Case, DETAINING_AUTHORITIES, Detention, Notice, OffenceCategory } from '../case/schema.js';
import { hasPatternFor, type MisusePattern } from '../context/misuse-patterns.js';
import type { CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';
import type { ProtectionFacts } from './protection.js';
import { yesNo, type FactSink } from './snapshot.js';
import { ARTICLE_3_FLAGS, EXCLUDED_OFFENCE_CATEGORIES, OTHER_SUBSTANTIVE_GROUNDS, PENALTY_THRESHOLDS, POLITICAL_OFFENCE_CATEGORIES, REFUSAL_STRENGTHS, RIGHTS_BASED_GROUNDS, SERIOUS_CRIME_CATEGORIES, type PENALTY_SHARES } from './vocabulary.js';

/** @internal An authority that holds a person on a notice. */
type DetainingAuthority = (typeof DETAINING_AUTHORITIES)[number];
/** @internal How many offences fall below the penalty threshold. */
type PenaltyShare = (typeof PENALTY_SHARES)[number];

/**
 * Case-level route facts: the Article 3 flags, and whether the person is detained as of `asOf`.
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { SnapshotBuilder } from './snapshot.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *   article3: { journalistOrDefender: true },
 *   detention: [{ country: 'PL', since: '2024-12-20', authority: 'immigration' }],
 * };
 * const builder = new SnapshotBuilder();
 * deriveCaseRouteFacts(builder, validCase, '2025-01-01');
 * const { values, missing } = builder.build();
 * values['article3.journalistOrDefender']; // 'yes'
 * values['person.detained']; // 'yes'
 * missing['article3.opposition']; // ['article3.opposition']
 * ```
 */
export function deriveCaseRouteFacts(sink: FactSink, value: Case, asOf: CalendarDate): void {
  for (const flag of ARTICLE_3_FLAGS) {
    const given = value.article3?.[flag];
    sink.set(`article3.${flag}`, yesNo(given), given === undefined ? [`article3.${flag}`] : []);
  }
  const detained = (value.detention ?? []).some((detention) => detention.since <= asOf && (detention.released === undefined || detention.released > asOf));
  sink.set('person.detained', detained ? 'yes' : 'no');
}

/**
 * Notice-level route facts.
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 * import { deriveProtection } from './protection.js';
 * import { SnapshotBuilder } from './snapshot.js';
 *
 * const validCase: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ', purpose: 'prosecution', offences: [{ category: 'private_dispute', maxPenaltyYears: 1 }] }],
 * };
 * const builder = new SnapshotBuilder();
 * deriveNoticeRouteFacts(builder, validCase, validCase.notices[0]!, 0, deriveProtection(validCase, '2025-01-01'), '2025-01-01', []);
 * const { values } = builder.build();
 * values['notice.excludedOffenceCategories']; // ['private_dispute']
 * values['notice.penaltyBelowThreshold']; // 'all'
 * ```
 */
export function deriveNoticeRouteFacts(
  sink: FactSink,
  value: Case,
  notice: Notice,
  index: number,
  protection: ProtectionFacts,
  asOf: CalendarDate,
  patterns: readonly MisusePattern[],
): void {
  const at = `notices[${index}]`;
  deriveOffenceFacts(sink, value, notice, at);
  deriveJudicialDataFacts(sink, notice, at);
  deriveGrantGroundsFact(sink, value, notice, protection);
  deriveExtraditionFacts(sink, value, notice, asOf);
  deriveDetentionFact(sink, value, notice, asOf);
  sink.set('notice.misuseDocumented', hasPatternFor(patterns, notice.requestingCountry, asOf) ? 'yes' : 'no');
}

/** @internal Offence categories, excluded categories, political offences and penalty thresholds. */
function deriveOffenceFacts(sink: FactSink, value: Case, notice: Notice, at: string): void {
  sink.set('notice.purpose', notice.purpose, notice.purpose === undefined ? [`${at}.purpose`] : []);
  deriveSentenceDoubtFact(sink, notice, at);
  const offences = notice.offences;
  const flag = value.article3?.offenceOfPoliticalCharacter;
  if (offences === undefined) {
    const missing = [`${at}.offences`];
    sink.set('notice.offenceCategories', undefined, missing);
    sink.set('notice.excludedOffenceCategories', undefined, missing);
    sink.set('notice.penaltyBelowThreshold', undefined, missing);
    sink.set('notice.politicalOffence', flag === true ? 'yes' : undefined, flag === true ? [] : [...missing, ...(flag === undefined ? ['article3.offenceOfPoliticalCharacter'] : [])]);
    return;
  }
  const categories = [...new Set(offences.map((offence) => offence.category))].sort(compareStrings);
  sink.set('notice.offenceCategories', categories);
  sink.set('notice.excludedOffenceCategories', excludedCategories(categories));
  const politicalCategory = categories.some((category) => POLITICAL_OFFENCE_CATEGORIES.includes(category));
  if (politicalCategory || flag === true) sink.set('notice.politicalOffence', 'yes');
  else if (flag === false) sink.set('notice.politicalOffence', 'no');
  else sink.set('notice.politicalOffence', undefined, ['article3.offenceOfPoliticalCharacter']);
  derivePenaltyFact(sink, notice, at);
}

/**
 * The excluded categories among a notice's offences. An unpaid cheque counts as excluded only
 * when no other offence of the notice is a sign of a serious crime.
 *
 * @example
 * ```ts
 * excludedCategories(['cheque', 'fraud']); // []
 * excludedCategories(['cheque']);          // ['cheque']
 * ```
 */
export function excludedCategories(categories: readonly OffenceCategory[]): OffenceCategory[] {
  const seriousSign = categories.some((category) => SERIOUS_CRIME_CATEGORIES.includes(category));
  return categories.filter((category) => EXCLUDED_OFFENCE_CATEGORIES.includes(category) && !(category === 'cheque' && seriousSign));
}

/**
 * @internal Whether all, some or none of the offences fall below RPD Article 83's penalty
 * threshold for the notice's purpose. Unknown penalties leave the possible answers open.
 */
function derivePenaltyFact(sink: FactSink, notice: Notice, at: string): void {
  const offences = notice.offences ?? [];
  if (notice.purpose === undefined) {
    sink.set('notice.penaltyBelowThreshold', undefined, [`${at}.purpose`]);
    return;
  }
  let below = 0;
  let unknown = 0;
  const missing: string[] = [];
  offences.forEach((offence, position) => {
    const path = `${at}.offences[${position}]`;
    if (notice.purpose === 'prosecution') {
      if (offence.maxPenaltyYears === undefined) {
        unknown++;
        missing.push(`${path}.maxPenaltyYears`);
      } else if (offence.maxPenaltyYears < PENALTY_THRESHOLDS.prosecutionMaximumYears) {
        below++;
      }
      return;
    }
    // "At least six months imposed and/or at least six months left" (RPD Art 83(1)(a)(ii)):
    // either limb meets it. Below only when less than six months were imposed (and so less
    // are left); six months or more left means six months or more were imposed.
    const imposed = offence.sentenceYears;
    const remaining = offence.remainingSentenceYears;
    const threshold = PENALTY_THRESHOLDS.sentenceYears;
    if (imposed !== undefined && imposed < threshold) {
      below++;
    } else if (imposed === undefined && (remaining === undefined || remaining < threshold)) {
      unknown++;
      missing.push(`${path}.sentenceYears`);
    }
  });
  const label = (count: number): PenaltyShare => (count === 0 ? 'none' : count === offences.length ? 'all' : 'some');
  const possible = [...new Set(Array.from({ length: unknown + 1 }, (_, extra) => label(below + extra)))];
  if (possible.length === 1) sink.set('notice.penaltyBelowThreshold', possible[0]);
  else sink.set('notice.penaltyBelowThreshold', undefined, missing, possible);
}

/**
 * @internal For a notice to serve a sentence: whether an offence has six months or more imposed
 * but less than six months left — it meets RPD Article 83(1)(a)(ii) as its "and/or" reads, but
 * how INTERPOL applies the two limbs was not found, so it goes to a person.
 */
function deriveSentenceDoubtFact(sink: FactSink, notice: Notice, at: string): void {
  if (notice.purpose === undefined) {
    sink.set('notice.sentenceThresholdDoubtful', undefined, [`${at}.purpose`]);
    return;
  }
  if (notice.purpose !== 'sentence') {
    sink.set('notice.sentenceThresholdDoubtful', 'no');
    return;
  }
  if (notice.offences === undefined) {
    sink.set('notice.sentenceThresholdDoubtful', undefined, [`${at}.offences`]);
    return;
  }
  const threshold = PENALTY_THRESHOLDS.sentenceYears;
  const missing: string[] = [];
  let doubtful = false;
  (notice.offences ?? []).forEach((offence, position) => {
    const path = `${at}.offences[${position}]`;
    const { sentenceYears: imposed, remainingSentenceYears: remaining } = offence;
    if (remaining !== undefined && remaining >= threshold) return;
    if (imposed !== undefined && imposed < threshold) return;
    if (imposed !== undefined && remaining !== undefined) doubtful = true;
    else {
      if (imposed === undefined) missing.push(`${path}.sentenceYears`);
      if (remaining === undefined) missing.push(`${path}.remainingSentenceYears`);
    }
  });
  if (doubtful) sink.set('notice.sentenceThresholdDoubtful', 'yes');
  else if (missing.length > 0) sink.set('notice.sentenceThresholdDoubtful', undefined, missing);
  else sink.set('notice.sentenceThresholdDoubtful', 'no');
}

/** @internal The judicial data a notice is known to lack. */
function deriveJudicialDataFacts(sink: FactSink, notice: Notice, at: string): void {
  const lacking = notice.missingJudicialData;
  const missing = lacking === undefined ? [`${at}.missingJudicialData`] : [];
  sink.set('notice.missingJudicialData', lacking === undefined ? undefined : [...lacking].sort(compareStrings), missing);
  sink.set('notice.judicialDataIncomplete', lacking === undefined ? undefined : lacking.length > 0 ? 'yes' : 'no', missing);
}

/** @internal The Convention grounds of a grant that are Article 3 factors, and their facts. */
const GRANT_GROUND_FACTS = [
  ['political_opinion', 'notice.grantOnPoliticalOpinion'],
  ['race', 'notice.grantOnRace'],
  ['religion', 'notice.grantOnReligion'],
] as const;

/**
 * @internal Whether a grant of refugee status by a host state that fears the requesting country
 * rests on political opinion, race or religion (one fact each). `no` when there is no such
 * grant; unknown when a grant does not state its grounds and none says that ground.
 */
function deriveGrantGroundsFact(sink: FactSink, value: Case, notice: Notice, protection: ProtectionFacts): void {
  if (!protection.historyKnown) {
    for (const [, fact] of GRANT_GROUND_FACTS) sink.set(fact, undefined, ['asylum']);
    return;
  }
  const fearing = new Set(protection.hosts.filter((host) => host.fearedCountries.includes(notice.requestingCountry)).map((host) => host.country));
  const since = new Map(protection.hosts.map((host) => [host.country, host.since]));
  const missing: string[] = [];
  const stated = new Set<string>();
  (value.asylum ?? []).forEach((event, index) => {
    if (!fearing.has(event.country) || event.date > since.get(event.country)!) return;
    if (event.type !== 'refugee_status_granted' && event.type !== 'appeal_allowed') return;
    if (event.grounds === undefined) missing.push(`asylum[${index}].grounds`);
    else for (const ground of event.grounds) stated.add(ground);
  });
  for (const [ground, fact] of GRANT_GROUND_FACTS) {
    if (stated.has(ground)) sink.set(fact, 'yes');
    else if (missing.length > 0) sink.set(fact, undefined, missing);
    else sink.set(fact, 'no');
  }
}

/** @internal Refusals and pending requests of extradition by the notice's requesting country. */
function deriveExtraditionFacts(sink: FactSink, value: Case, notice: Notice, asOf: CalendarDate): void {
  const proceedings = (value.extradition ?? []).filter(
    (proceeding) => proceeding.requestingCountry === notice.requestingCountry && (proceeding.date === undefined || proceeding.date <= asOf),
  );
  const refusals = proceedings.filter((proceeding) => proceeding.outcome === 'refused');
  const grounds = [...new Set(refusals.flatMap((refusal) => refusal.grounds ?? []))].sort(compareStrings);
  sink.set('notice.extraditionRefusalGrounds', grounds);
  const strengths = refusals.map((refusal): (typeof REFUSAL_STRENGTHS)[number] => {
    const given = refusal.grounds ?? [];
    if (given.length === 0) return 'grounds_not_stated';
    if (given.some((ground) => (RIGHTS_BASED_GROUNDS as readonly string[]).includes(ground))) return 'rights_based';
    if (given.some((ground) => (OTHER_SUBSTANTIVE_GROUNDS as readonly string[]).includes(ground))) return 'other_substantive';
    return 'procedural_only';
  });
  const strongest = REFUSAL_STRENGTHS.find((strength) => strengths.includes(strength)) ?? 'none';
  sink.set('notice.extraditionRefusal', strongest);
  sink.set('notice.extraditionPending', proceedings.some((proceeding) => proceeding.outcome === 'pending') ? 'yes' : 'no');
}

/** @internal A detention by an authority that can hold a person on a notice (not `other`). */
function isDetainingAuthority(detention: Detention): detention is Detention & { authority: DetainingAuthority } {
  return detention.authority !== 'other';
}

/**
 * @internal Whether the person is held, as of `asOf`, by immigration or criminal authorities on
 * the strength of this notice. A current detention that names no notice might rest on it.
 */
function deriveDetentionFact(sink: FactSink, value: Case, notice: Notice, asOf: CalendarDate): void {
  const missing: string[] = [];
  const onNotice: Array<Detention & { authority: DetainingAuthority }> = [];
  (value.detention ?? []).forEach((detention, index) => {
    const current = detention.since <= asOf && (detention.released === undefined || detention.released > asOf);
    if (!current || !isDetainingAuthority(detention)) return;
    if (detention.basedOnNoticeId === notice.id) onNotice.push(detention);
    else if (detention.basedOnNoticeId === undefined) missing.push(`detention[${index}].basedOnNoticeId`);
  });
  if (onNotice.length > 0) sink.set('notice.detentionOnNotice', 'yes');
  else if (missing.length > 0) sink.set('notice.detentionOnNotice', undefined, missing);
  else sink.set('notice.detentionOnNotice', 'no');
  // Where, by whom and since when the person is held on this notice (as recorded: never unknown).
  sink.set('notice.detainedOnNoticeBy', [...new Set(onNotice.map((detention) => detention.authority))].sort(compareStrings));
  sink.set('notice.detainedOnNoticeIn', [...new Set(onNotice.map((detention) => detention.country))].sort(compareStrings));
  sink.set('notice.detainedOnNoticeSince', onNotice.map((detention) => detention.since).sort(compareStrings)[0]);
}
