/**
 * What an input path is about, for its question: the code of the question and the parameters
 * it is worded from, read from the case at that path — the asylum event (its type, country and
 * date), the notice (its kind, id and requesting country), the offence, the CCF request, the
 * detention. A path the library does not know is asked about in the words of the fact it
 * decides (`other`). The path itself is never part of the words: it stays in the JSON.
 *
 * @module
 */
import type { Case } from '../case/schema.js';
import { ownValue } from '../support/own.js';
import type { WordingParams } from './result.js';
import type { QuestionCode } from './vocabulary.js';

/** What an input path is about: the code of its question and what it is worded from. */
export interface QuestionTopic {
  readonly code: QuestionCode;
  readonly params: WordingParams;
}

/** @internal The questions of the case's Article 3 flags, by flag. */
const ARTICLE_3_QUESTIONS: Readonly<Record<string, QuestionCode>> = {
  politicalActivity: 'political_activity',
  opposition: 'opposition',
  journalistOrDefender: 'journalist_or_defender',
  offenceOfPoliticalCharacter: 'offence_of_political_character',
  chargesFollowPoliticalEvents: 'charges_follow_political_events',
  otherCountriesFoundPolitical: 'other_countries_found_political',
  persecutedGroup: 'persecuted_group',
};

/** @internal The questions of fields of an asylum event, a notice, an offence, a CCF request. */
const FIELD_QUESTIONS: Readonly<Record<string, QuestionCode>> = {
  'asylum.final': 'asylum_decision_final',
  'asylum.persecutionFearedFrom': 'feared_countries',
  'asylum.grounds': 'grant_grounds',
  'asylum.appealDeadline': 'appeal_deadline',
  'notices.status': 'notice_status',
  'notices.deletionBasis': 'deletion_basis',
  'notices.purpose': 'notice_purpose',
  'notices.issuedOn': 'notice_issued_on',
  'notices.deletedOn': 'notice_deleted_on',
  'notices.offences': 'notice_offences',
  'notices.missingJudicialData': 'judicial_data',
  'offences.maxPenaltyYears': 'maximum_penalty',
  'offences.sentenceYears': 'sentence_imposed',
  'offences.remainingSentenceYears': 'sentence_remaining',
  'extradition.date': 'extradition_refusal_date',
  'detention.basedOnNoticeId': 'detention_basis',
  'ccf.admissibleOn': 'ccf_admissibility_date',
  'ccf.outcome': 'ccf_outcome',
  'ccf.decidedOn': 'ccf_decision_date',
};

/** @internal Parameters without the members that are not given (keys sorted). */
function defined(params: Readonly<Record<string, string | number | readonly string[] | undefined>>): WordingParams {
  const result: Record<string, string | number | readonly string[]> = {};
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** @internal The topic of a path the library does not know: the fact it decides, in words. */
function other(facts: readonly string[]): QuestionTopic {
  return { code: 'other', params: { fact: facts[0] ?? '' } };
}

/**
 * What an input path is about. `facts` are the facts the path would decide (sorted): the
 * first names the topic of a path the library does not know.
 *
 * @example
 * ```ts
 * import type { Case } from '../case/schema.js';
 *
 * const value: Case = {
 *   schemaVersion: 1,
 *   notices: [{ id: 'df-1', kind: 'diffusion', requestingCountry: 'TJ' }],
 *   asylum: [{ type: 'asylum_denied', date: '2025-03-03', country: 'FR' }],
 * };
 * topicOf(value, 'asylum[0].final', ['notice.protectionStatus']); // { code: 'asylum_decision_final', params: { country: 'FR', date: '2025-03-03', event: 'asylum_denied' } }
 * topicOf(value, 'notices[0].offences', []); // { code: 'notice_offences', params: { country: 'TJ', noticeId: 'df-1', noticeKind: 'diffusion' } }
 * topicOf(value, 'article3.opposition', []).code; // 'opposition'
 * topicOf(value, 'somewhere.else', ['notice.purpose']); // { code: 'other', params: { fact: 'notice.purpose' } }
 * ```
 */
export function topicOf(value: Case, path: string, facts: readonly string[]): QuestionTopic {
  const shape = shapeOf(path);
  switch (shape.kind) {
    case 'fixed':
      return { code: shape.code, params: {} };
    case 'other':
      return other(facts);
    case 'offence': {
      const notice = value.notices[shape.index];
      const item = notice?.offences?.[shape.offence];
      if (notice === undefined || item === undefined) return other(facts);
      return { code: shape.code, params: defined({ ...noticeParams(notice), offence: item.category, position: shape.offence + 1 }) };
    }
    case 'field':
      return fieldTopic(value, shape.list, shape.index, shape.code, facts);
  }
}

/** @internal What a path is, read once per path (paths repeat from case to case). */
type PathShape =
  | { readonly kind: 'fixed'; readonly code: QuestionCode }
  | { readonly kind: 'other' }
  | { readonly kind: 'offence'; readonly code: QuestionCode; readonly index: number; readonly offence: number }
  | { readonly kind: 'field'; readonly code: QuestionCode; readonly list: string; readonly index: number };

/** @internal Paths read, by path. */
const shapes = new Map<string, PathShape>();

/** @internal What a path is. */
function shapeOf(path: string): PathShape {
  let shape = shapes.get(path);
  if (shape === undefined) {
    shape = readShape(path);
    if (shapes.size >= 5000) shapes.clear();
    shapes.set(path, shape);
  }
  return shape;
}

/** @internal Reads what a path is. */
function readShape(path: string): PathShape {
  if (path === 'asylum') return { kind: 'fixed', code: 'asylum_history' };
  if (path === 'confirmations') return { kind: 'fixed', code: 'status_confirmation' };
  const flag = /^article3\.([A-Za-z]+)$/.exec(path);
  if (flag) return Object.hasOwn(ARTICLE_3_QUESTIONS, flag[1]!) ? { kind: 'fixed', code: ARTICLE_3_QUESTIONS[flag[1]!]! } : { kind: 'other' };
  const offence = /^notices\[(\d+)\]\.offences\[(\d+)\]\.([A-Za-z]+)$/.exec(path);
  if (offence) {
    const code = ownValue(FIELD_QUESTIONS, `offences.${offence[3]}`);
    return code === undefined ? { kind: 'other' } : { kind: 'offence', code, index: Number(offence[1]), offence: Number(offence[2]) };
  }
  const field = /^(asylum|notices|extradition|detention|ccf)\[(\d+)\]\.([A-Za-z]+)$/.exec(path);
  const code = field ? ownValue(FIELD_QUESTIONS, `${field[1]}.${field[3]}`) : undefined;
  return field === null || code === undefined ? { kind: 'other' } : { kind: 'field', code, list: field[1]!, index: Number(field[2]) };
}

/** @internal The topic of a field of a list's item: what the item says of itself. */
function fieldTopic(value: Case, list: string, index: number, code: QuestionCode, facts: readonly string[]): QuestionTopic {
  switch (list) {
    case 'asylum': {
      const event = value.asylum?.[index];
      return event ? { code, params: defined({ country: event.country, date: event.date, event: event.type }) } : other(facts);
    }
    case 'notices': {
      const notice = value.notices[index];
      return notice ? { code, params: noticeParams(notice) } : other(facts);
    }
    case 'extradition': {
      const proceeding = value.extradition?.[index];
      return proceeding ? { code, params: defined({ country: proceeding.requestingCountry, requestedCountry: proceeding.requestedCountry }) } : other(facts);
    }
    case 'detention': {
      const detention = value.detention?.[index];
      return detention ? { code, params: defined({ country: detention.country, since: detention.since }) } : other(facts);
    }
    default: {
      const request = value.ccf?.[index];
      return request ? { code, params: defined({ filedOn: request.filedOn, requestType: request.type }) } : other(facts);
    }
  }
}

/**
 * The parameters that name a notice: its kind, its id and its requesting country.
 *
 * @example
 * ```ts
 * noticeParams({ id: 'rn-1', kind: 'red_notice', requestingCountry: 'RU' }); // { country: 'RU', noticeId: 'rn-1', noticeKind: 'red_notice' }
 * ```
 */
export function noticeParams(notice: { readonly id: string; readonly kind: string; readonly requestingCountry: string }): WordingParams {
  return { country: notice.requestingCountry, noticeId: notice.id, noticeKind: notice.kind };
}
