/**
 * `toICalendar`: the dated actions of an evaluation as an iCalendar file (RFC 5545), to import
 * into any calendar: one all-day event per action with a deadline (its last day), with the
 * action's title and what it concerns, the deadline and where it stands, the rule and the
 * provision, and a reminder seven days before.
 *
 * Written by hand, on purpose: the output is a small fixed part of RFC 5545 (VCALENDAR, VEVENT,
 * VALARM, DATE values, text escaping and line folding), and it must be deterministic and never
 * shift a date. The `ics` package makes random UIDs (nanoid) and brings yup; `ical-generator`
 * needs Node 22 and works with instants in time zones, where a calendar date can move by a day.
 * The tests validate the output with ical.js, a well-kept parser.
 *
 * - **Stable UIDs**: from the case (`caseId`, else the case's fingerprint), the notice, the rule
 *   and the fact the deadline counts from — so that importing a later evaluation of the same
 *   case updates its events instead of adding copies (give the case a `caseId`: the fingerprint
 *   changes with any edit of the case).
 * - **Deterministic**: `DTSTAMP` is `asOf` (never the clock); events are in the order of the
 *   actions; no random value.
 * - **Calendar dates**: `DTSTART;VALUE=DATE` is the deadline's day, `DTEND` the next day.
 *
 * @module
 */
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { CaseEvaluation } from '../evaluation/result.js';
import type { RuleTexts } from '../evaluation/wording.js';
import { CATALOGUES, isLocaleTag, localeOfTag, LOCALES, type Locale, type LocaleTag } from '../locales/index.js';
import { addCalendarDays } from '../support/dates.js';
import { fillPlaceholders } from '../support/localized-text.js';
import { ownValue } from '../support/own.js';
import { cleanText } from './document.js';
import { localizeEvaluation } from './localize.js';
import { deadlineWords, subjectWords } from './words.js';

/** Options of `toICalendar`. */
export interface ICalendarOptions {
  /** Language of the events. Default: the evaluation's locale. */
  readonly locale?: LocaleTag;
  /** The texts of the rule sets the evaluation was made with, for an evaluator with rule sets of its own (`evaluator.ruleTexts`). */
  readonly ruleTexts?: RuleTexts;
}

/** The most octets of a content line before it is folded (RFC 5545, 3.1). */
const LINE_OCTETS = 75;

/**
 * A TEXT value escaped for iCalendar (RFC 5545, 3.3.11): backslashes, semicolons and commas
 * escaped, line breaks as `\n`, no control character.
 *
 * @example
 * ```ts
 * escapeText('a; b, c\\d\ne'); // 'a\\; b\\, c\\\\d\\ne'
 * ```
 */
export function escapeText(value: string): string {
  return value
    .split('\n')
    .map((line) => cleanText(line).replace(/[\\;,]/g, (char) => `\\${char}`))
    .join('\\n');
}

/**
 * A content line folded to at most 75 octets per line, continuation lines starting with a space
 * (RFC 5545, 3.1), never inside a character.
 *
 * @example
 * ```ts
 * foldLine(`SUMMARY:${'é'.repeat(40)}`).split('\r\n').map((line) => new TextEncoder().encode(line).length); // [74, 15]
 * ```
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8ToBytes(char).length;
    const limit = lines.length === 0 ? LINE_OCTETS : LINE_OCTETS - 1;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.map((part, index) => (index === 0 ? part : ` ${part}`)).join('\r\n');
}

/** @internal A calendar date as an iCalendar DATE (`20261205`). */
function icsDate(date: string): string {
  return date.replaceAll('-', '');
}

/**
 * The stable UID of a deadline's event: the SHA-256 of what identifies it — the case (`caseId`,
 * else its fingerprint), the notice, the rule, the fact the deadline counts from.
 *
 * @example
 * ```ts
 * eventUid('example-06', 'rn-ru-1', 'ccf.deletion-decision-overdue', 'notice.ccfDecisionDueOn') === eventUid('example-06', 'rn-ru-1', 'ccf.deletion-decision-overdue', 'notice.ccfDecisionDueOn'); // true
 * eventUid('example-06', 'rn-ru-1', 'r', 'f').endsWith('@red-notice-rules'); // true
 * ```
 */
export function eventUid(caseKey: string, noticeId: string | undefined, ruleId: string, fact: string): string {
  const key = JSON.stringify([caseKey, noticeId ?? null, ruleId, fact]);
  return `${bytesToHex(sha256(utf8ToBytes(key))).slice(0, 32)}@red-notice-rules`;
}

/**
 * The dated actions of an evaluation as an iCalendar file (RFC 5545, CRLF line ends): one
 * all-day event per action with a deadline, its reminder seven days before, with UIDs that stay
 * the same from one evaluation of the case to the next. Deterministic: `DTSTAMP` is `asOf`.
 * Throws a `TypeError` for an unknown locale (a programmer error).
 *
 * @example
 * ```ts
 * import { evaluateCaseSync, toICalendar } from 'red-notice-rules';
 *
 * const evaluation = evaluateCaseSync(
 *   {
 *     schemaVersion: 1,
 *     caseId: 'case-42',
 *     notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'RU' }],
 *     ccf: [{ type: 'deletion', filedOn: '2025-08-04', admissibleOn: '2025-08-31', noticeIds: ['rn-1'] }],
 *   },
 *   { asOf: '2026-06-30' },
 * );
 * const calendar = toICalendar(evaluation);
 * calendar.startsWith('BEGIN:VCALENDAR\r\n'); // true
 * calendar.includes('DTSTART;VALUE=DATE:20260531'); // true
 * calendar.includes('TRIGGER:-P7D'); // true
 * ```
 */
export function toICalendar(evaluation: CaseEvaluation, options: ICalendarOptions = {}): string {
  if (options.locale !== undefined && !isLocaleTag(options.locale)) throw new TypeError(`toICalendar: options.locale must be one of ${LOCALES.join(', ')} or a variant of one (fr-CA).`);
  const tag: LocaleTag = options.locale ?? (isLocaleTag(evaluation.meta.locale) ? evaluation.meta.locale : 'en');
  const locale: Locale = localeOfTag(tag)!;
  const { evaluation: worded } = localizeEvaluation(evaluation, { locale: tag, ...(options.ruleTexts === undefined ? {} : { ruleTexts: options.ruleTexts }) });
  const { calendar, verification, punctuation: p } = CATALOGUES[locale];
  const { meta } = worded;
  const stamp = `${icsDate(meta.asOf)}T000000Z`;
  const caseKey = meta.caseId ?? meta.inputHash;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${meta.library.name}//${meta.library.name} ${meta.library.version}//${locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  for (const action of worded.actions) {
    const { deadline } = action;
    if (deadline === undefined) continue;
    const subject = subjectWords(worded, action.noticeId, locale);
    const title = `${action.title}${p.dash}${subject}`;
    const citation = ownValue(worded.citations, deadline.citation);
    const description = [
      `${deadlineWords(deadline, locale)}${p.colon}${deadline.basis}`,
      action.explanation,
      `${calendar.rule}${p.colon}${action.ruleId}`,
      `${calendar.citation}${p.colon}${deadline.citation}${citation ? `${p.dash}${citation.instrument}${p.comma}${citation.provision}${p.openBracket}${verification[citation.verification]}${p.closeBracket}` : ''}`,
      calendar.disclaimer,
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${eventUid(caseKey, action.noticeId, action.ruleId, deadline.countsFrom.fact)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(deadline.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addCalendarDays(deadline.date, 1))}`,
      `SUMMARY:${escapeText(title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-P7D',
      `DESCRIPTION:${escapeText(fillPlaceholders(calendar.reminder, (name) => (name === 'title' ? title : undefined)))}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
