/**
 * fast-check arbitraries: valid cases over a small world (a few host and requesting
 * countries, dates from 2012 to 2027), so that generated cases hit every rule often.
 */
import fc from 'fast-check';
import { addCalendarDays } from '../src/support/dates.js';

export const HOSTS = ['DE', 'FR', 'NL'] as const;
export const REQUESTERS = ['TJ', 'RU', 'BY'] as const;

/** A calendar date between 2012-01-01 and about 2027-12-31. */
export const dateArb = fc.integer({ min: 0, max: 5840 }).map((offset) => addCalendarDays('2012-01-01', offset));

const FINAL_TYPES = new Set(['asylum_denied', 'appeal_dismissed']);
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
    criminalGrounds: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((event) => {
    const result: Record<string, unknown> = { type: event.type, date: event.date, country: event.country };
    if (event.persecutionFearedFrom !== undefined) result.persecutionFearedFrom = event.persecutionFearedFrom;
    if (event.final !== undefined && FINAL_TYPES.has(event.type)) result.final = event.final;
    if (event.criminalGrounds !== undefined && CRIMINAL_TYPES.has(event.type)) result.criminalGrounds = event.criminalGrounds;
    return result;
  });

const noticeArb = fc
  .record({
    kind: fc.constantFrom('red_notice', 'diffusion'),
    requestingCountry: fc.constantFrom(...REQUESTERS),
    status: fc.option(fc.constantFrom('active', 'deleted', 'suspended', 'unknown'), { nil: undefined }),
    deletedOn: fc.option(dateArb, { nil: undefined }),
    deletionBasis: fc.option(fc.constantFrom('refugee_resolution', 'article_3', 'ccf_decision', 'requesting_country', 'other'), { nil: undefined }),
  })
  .map((notice) => {
    const result: Record<string, unknown> = { kind: notice.kind, requestingCountry: notice.requestingCountry };
    if (notice.status !== undefined) result.status = notice.status;
    if (notice.status === 'deleted') {
      if (notice.deletedOn !== undefined) result.deletedOn = notice.deletedOn;
      if (notice.deletionBasis !== undefined) result.deletionBasis = notice.deletionBasis;
    }
    return result;
  });

const confirmationArb = fc.record({
  by: fc.constantFrom(...HOSTS),
  to: fc.constantFrom('general_secretariat', 'ccf'),
  date: dateArb,
  subject: fc.constantFrom('refugee_status', 'refugee_status', 'refugee_status', 'asylum_denied', 'status_revoked'),
});

/** A valid case (JSON) in the small world. */
export const caseArb = fc
  .record({
    notices: fc.array(noticeArb, { minLength: 1, maxLength: 4 }),
    asylum: fc.option(fc.array(asylumEventArb, { maxLength: 7 }), { nil: undefined, freq: 5 }),
    confirmations: fc.option(fc.array(confirmationArb, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  })
  .map((value) => {
    const result: Record<string, unknown> = {
      schemaVersion: 1,
      notices: value.notices.map((notice, index) => ({ id: `n-${index + 1}`, ...notice })),
    };
    if (value.asylum !== undefined) result.asylum = value.asylum;
    if (value.confirmations !== undefined) result.confirmations = value.confirmations;
    return result;
  });

/** A date to judge a case at: any date, or more often a recent one. */
export const asOfArb = fc.oneof(dateArb, fc.integer({ min: 0, max: 1460 }).map((offset) => addCalendarDays('2024-01-01', offset)));

/** A case and a date to judge it at. */
export const caseAndDateArb = fc.tuple(caseArb, asOfArb);
