import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CaseValidationError, evaluateCase, parseCase, safeEvaluateCase, type CaseIssueCode } from '../src/index.js';
import { CASE_LIMITS } from '../src/case/schema.js';

const notice = { id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' };
const valid = { schemaVersion: 1, notices: [notice] };
const withCase = (extra: Record<string, unknown>) => ({ ...valid, ...extra });

/** Issues of an invalid case (fails the test if the case is valid). */
function issuesOf(input: unknown) {
  const result = parseCase(input);
  if (result.success) throw new Error('expected the case to be invalid');
  return result.issues;
}

const cases: Array<[CaseIssueCode, unknown, string]> = [
  ['not_an_object', [valid], ''],
  ['required', { schemaVersion: 1 }, 'notices'],
  ['invalid_type', withCase({ notices: [{ ...notice, id: 7 }] }), 'notices[0].id'],
  ['unknown_key', withCase({ name: 'Jane Doe' }), 'name'],
  ['forbidden_key', JSON.parse('{"schemaVersion":1,"notices":[{"id":"a","kind":"red_notice","requestingCountry":"TJ","__proto__":{"x":1}}]}'), 'notices[0].__proto__'],
  ['invalid_value', withCase({ notices: [{ ...notice, kind: 'yellow_notice' }] }), 'notices[0].kind'],
  ['unsupported_schema_version', { ...valid, schemaVersion: 2 }, 'schemaVersion'],
  ['invalid_date', withCase({ asylum: [{ type: 'application_filed', date: '2025-02-30', country: 'DE' }] }), 'asylum[0].date'],
  ['invalid_country', withCase({ notices: [{ ...notice, requestingCountry: 'XX' }] }), 'notices[0].requestingCountry'],
  ['empty_string', withCase({ notices: [{ ...notice, id: '' }] }), 'notices[0].id'],
  ['too_few_items', withCase({ notices: [] }), 'notices'],
  ['too_many_items', withCase({ notices: Array.from({ length: CASE_LIMITS.notices + 1 }, (_, i) => ({ ...notice, id: `n${i}` })) }), 'notices'],
  ['string_too_long', withCase({ caseId: 'c'.repeat(CASE_LIMITS.idLength + 1) }), 'caseId'],
  ['number_out_of_range', withCase({ notices: [{ ...notice, offences: [{ category: 'fraud', maxPenaltyYears: -1 }] }] }), 'notices[0].offences[0].maxPenaltyYears'],
  ['duplicate_notice_id', withCase({ notices: [notice, { ...notice }] }), 'notices[1].id'],
  ['duplicate_value', withCase({ person: { nationalities: ['TJ', 'TJ'] } }), 'person.nationalities'],
  ['unknown_notice_reference', withCase({ ccf: [{ type: 'deletion', filedOn: '2024-01-01', noticeIds: ['rn-9'] }] }), 'ccf[0].noticeIds[0]'],
  ['feared_country_is_host', withCase({ asylum: [{ type: 'application_filed', date: '2024-01-01', country: 'DE', persecutionFearedFrom: ['DE'] }] }), 'asylum[0].persecutionFearedFrom'],
  ['field_not_applicable', withCase({ asylum: [{ type: 'application_filed', date: '2024-01-01', country: 'DE', final: true }] }), 'asylum[0].final'],
  ['deletion_fields_without_deletion', withCase({ notices: [{ ...notice, deletionBasis: 'article_3' }] }), 'notices[0].deletionBasis'],
  ['notice_deleted_before_issued', withCase({ notices: [{ ...notice, status: 'deleted', issuedOn: '2020-01-01', deletedOn: '2019-01-01' }] }), 'notices[0].deletedOn'],
  ['charges_dropped_before_issued', withCase({ notices: [{ ...notice, issuedOn: '2020-01-01', chargesDroppedOn: '2019-01-01' }] }), 'notices[0].chargesDroppedOn'],
  ['ccf_admissible_before_filed', withCase({ ccf: [{ type: 'deletion', filedOn: '2024-03-01', admissibleOn: '2024-02-01' }] }), 'ccf[0].admissibleOn'],
  ['ccf_decided_before_filed', withCase({ ccf: [{ type: 'deletion', filedOn: '2024-03-01', decidedOn: '2024-02-01', outcome: 'compliant' }] }), 'ccf[0].decidedOn'],
  ['ccf_decided_before_admissible', withCase({ ccf: [{ type: 'deletion', filedOn: '2024-01-01', admissibleOn: '2024-03-01', decidedOn: '2024-02-01', outcome: 'compliant' }] }), 'ccf[0].decidedOn'],
  ['ccf_pending_with_decision_date', withCase({ ccf: [{ type: 'access', filedOn: '2024-01-01', decidedOn: '2024-02-01', outcome: 'pending' }] }), 'ccf[0].outcome'],
  ['detention_released_before_start', withCase({ detention: [{ country: 'DE', since: '2024-02-01', released: '2024-01-01', authority: 'immigration' }] }), 'detention[0].released'],
  ['extradition_same_country', withCase({ extradition: [{ requestingCountry: 'TJ', requestedCountry: 'TJ', outcome: 'pending' }] }), 'extradition[0].requestedCountry'],
  ['input_too_large', withCase({ notices: [{ ...notice, offences: [{ category: 'fraud', description: 'x' }] }], caseId: 'x', extra: 'y'.repeat(CASE_LIMITS.inputCharacters) }), ''],
  ['nesting_too_deep', withCase({ person: JSON.parse('['.repeat(40) + ']'.repeat(40)) }), 'person' + '[0]'.repeat(CASE_LIMITS.depth - 1)],
  ['not_plain_data', withCase({ notices: [{ ...notice, issuedOn: new Date(0) }] }), 'notices[0].issuedOn'],
];

describe('case validation: one issue code per broken rule, with its path', () => {
  test.each(cases)('%s', (code, input, path) => {
    const issues = issuesOf(input);
    expect(issues.map((issue) => issue.code)).toContain(code);
    expect(issues.find((issue) => issue.code === code)?.path).toBe(path);
    for (const issue of issues) expect(issue.severity).toBe('error');
  });

  test('every declared issue code is covered by a test case', () => {
    const declared: CaseIssueCode[] = [
      'not_an_object', 'required', 'invalid_type', 'unknown_key', 'forbidden_key', 'invalid_value', 'unsupported_schema_version',
      'invalid_date', 'invalid_country', 'empty_string', 'too_few_items', 'too_many_items', 'string_too_long', 'number_out_of_range',
      'duplicate_notice_id', 'duplicate_value', 'unknown_notice_reference', 'feared_country_is_host', 'field_not_applicable',
      'deletion_fields_without_deletion', 'notice_deleted_before_issued', 'charges_dropped_before_issued', 'ccf_admissible_before_filed', 'ccf_decided_before_filed',
      'ccf_decided_before_admissible', 'ccf_pending_with_decision_date', 'detention_released_before_start', 'extradition_same_country',
      'input_too_large', 'nesting_too_deep', 'not_plain_data',
    ];
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(declared));
  });

  test('a deep nesting is rejected without a stack overflow', () => {
    const deep = JSON.parse('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    expect(issuesOf({ ...valid, person: deep }).map((issue) => issue.code)).toEqual(['nesting_too_deep']);
  });

  test('the leap day exists in leap years only', () => {
    const at = (date: string) => withCase({ asylum: [{ type: 'application_filed', date, country: 'DE' }] });
    expect(parseCase(at('2024-02-29')).success).toBe(true);
    expect(issuesOf(at('2023-02-29')).map((issue) => issue.code)).toEqual(['invalid_date']);
  });

  test('Kosovo (XK) is accepted as a country code', () => {
    expect(parseCase(withCase({ notices: [{ ...notice, requestingCountry: 'XK' }] })).success).toBe(true);
  });

  test('a valid case passes, and the parsed case equals the input', () => {
    const result = parseCase(valid);
    expect(result.success).toBe(true);
    if (result.success) expect(result.case).toEqual(valid);
  });
});

describe('errors never echo the input', () => {
  const secret = 'Ivanov Ivan Ivanovich 1984';
  const hostile = {
    schemaVersion: 1,
    caseId: secret.repeat(20),
    [secret]: secret,
    person: { nationalities: [secret] },
    notices: [{ id: secret, kind: secret, requestingCountry: secret, deletedOn: secret, offences: [{ category: secret, description: 7 }] }],
    asylum: [{ type: 'application_filed', date: secret, country: secret, persecutionFearedFrom: [secret] }],
  };

  test('messages and paths of a hostile case contain none of its values', () => {
    const issues = issuesOf(hostile);
    expect(issues.length).toBeGreaterThan(5);
    for (const issue of issues) {
      expect(issue.message).not.toContain('Ivanov');
      expect(issue.path).not.toContain('Ivanov');
    }
  });

  test('an unknown key is named in the path only when it is a plain identifier (a misspelt field)', () => {
    expect(issuesOf(withCase({ requestingcountry: 'TJ' }))[0]?.path).toBe('requestingcountry');
    expect(issuesOf(withCase({ 'Ivan Petrov': 'x' }))[0]?.path).toBe('[*]');
  });

  test('the thrown error and its message contain none of the values', async () => {
    const error = await evaluateCase(hostile).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CaseValidationError);
    expect(String((error as Error).message)).not.toContain('Ivanov');
    expect(JSON.stringify((error as CaseValidationError).issues)).not.toContain('Ivanov');
  });

  test('property: a marker string put anywhere in a case never appears in an issue', async () => {
    const marker = 'ZZ SECRET ZZ';
    const leaves = fc.oneof(fc.constant(marker), fc.constant(`${marker}-2020-01-01`), fc.constant([marker]), fc.constant({ [marker]: marker }));
    await fc.assert(
      fc.property(fc.constantFrom('caseId', 'notices', 'asylum', 'confirmations', 'ccf', 'detention', 'extradition', 'article3', 'person', marker), leaves, (key, leaf) => {
        const result = parseCase({ ...valid, notices: [{ ...notice, requestingCountry: marker }], [key]: leaf });
        if (result.success) return;
        expect(JSON.stringify(result.issues)).not.toContain(marker);
      }),
      { numRuns: 200 },
    );
  });
});

describe('options are validated like the case, as options', () => {
  test('a bad asOf is an option issue at options.asOf', async () => {
    const result = await safeEvaluateCase(valid, { asOf: '2025-13-01' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((issue) => [issue.path, issue.code])).toEqual([['options.asOf', 'invalid_option']]);
  });

  test('an unknown option is an option issue', async () => {
    const result = await safeEvaluateCase(valid, { when: 'now' } as never);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.code).toBe('unknown_option');
  });
});
