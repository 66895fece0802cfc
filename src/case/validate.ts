/**
 * Full validation of a case: a bounded pre-scan of the raw JSON (size, depth, forbidden keys),
 * the zod schema, then the checks that span fields (unique ids, references, chronology).
 * Every problem becomes an `Issue` with a stable code and a message that never quotes the input.
 *
 * @module
 */
import type { CaseIssueCode } from '../errors.js';
import { makeIssue } from '../locales/issues.js';
import { compareIssues, formatPath, type Issue, type PathSegment } from '../support/issues.js';
import { snapshotJson } from '../support/json-scan.js';
import { mapZodIssues, type ZodIssueMapping } from '../support/zod-issues.js';
import { CASE_LIMITS, caseSchema, type Case } from './schema.js';

/** Result of `parseCase`: the typed case, or every issue found. */
export type ParseCaseResult =
  | { readonly success: true; readonly case: Case }
  | { readonly success: false; readonly issues: readonly Issue<CaseIssueCode>[] };

/**
 * Validates an unknown value as a case. Never throws and never mutates `input`.
 *
 * @example
 * ```ts
 * const result = parseCase(JSON.parse('{"schemaVersion":1,"notices":[{"id":"rn-1","kind":"red_notice","requestingCountry":"XX"}]}'));
 * result.success; // false
 * !result.success && result.issues.map((issue) => [issue.path, issue.code]); // [['notices[0].requestingCountry', 'invalid_country']]
 * ```
 */
export function parseCase(input: unknown): ParseCaseResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { success: false, issues: [issue('not_an_object', [], 'case')] };
  }
  // The input read once into plain data: the schema and the evaluation see the same values.
  const scanned = snapshotJson(input, { characters: CASE_LIMITS.inputCharacters, depth: CASE_LIMITS.depth });
  if (!scanned.success) return { success: false, issues: scanned.issues };

  const parsed = caseSchema.safeParse(scanned.value);
  if (!parsed.success) {
    const issues: Issue<CaseIssueCode>[] = mapZodIssues(parsed.error.issues, scanned.value, caseIssueMapping);
    return { success: false, issues: dedupe(issues).sort(compareIssues) };
  }
  const crossFieldIssues = checkCrossFieldRules(parsed.data);
  if (crossFieldIssues.length > 0) return { success: false, issues: crossFieldIssues.sort(compareIssues) };
  return { success: true, case: parsed.data };
}

/** @internal Builds an error issue, with its message from the catalogue (the variant's, if given). */
function issue(code: CaseIssueCode, segments: readonly PathSegment[], variant?: string): Issue<CaseIssueCode> {
  return makeIssue(code, formatPath(segments), variant === undefined ? undefined : { variant });
}

/** @internal How zod's issues become case issues. */
const caseIssueMapping: ZodIssueMapping<CaseIssueCode> = {
  makeIssue,
  unknownKeyVariant: 'case',
  customCodes: ['invalid_date', 'invalid_country', 'duplicate_value'],
  special: (zodIssue, segments) =>
    zodIssue.code === 'invalid_value' && segments.length === 1 && segments[0] === 'schemaVersion' ? issue('unsupported_schema_version', segments) : undefined,
};

/** @internal Removes exact duplicates (zod may report one problem twice through unions). */
function dedupe(issues: Issue<CaseIssueCode>[]): Issue<CaseIssueCode>[] {
  const seen = new Set<string>();
  return issues.filter((item) => {
    const key = `${item.path}\u0000${item.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** @internal Asylum event types on which `final` and `appealDeadline` mean something: the decisions that can be appealed. */
const FINAL_TYPES = new Set(['asylum_denied', 'appeal_dismissed', 'refugee_status_revoked', 'refugee_status_ceased']);
/** @internal Asylum event types on which `grounds` (of a grant) means something. */
const GRANT_TYPES = new Set(['refugee_status_granted', 'appeal_allowed']);
/** @internal Asylum event types on which `criminalGrounds` means something. */
const CRIMINAL_GROUNDS_TYPES = new Set(['asylum_denied', 'appeal_dismissed', 'refugee_status_revoked', 'refugee_status_ceased']);

/** @internal The rules that span several fields of a schema-valid case. */
function checkCrossFieldRules(value: Case): Issue<CaseIssueCode>[] {
  const issues: Issue<CaseIssueCode>[] = [];
  const noticeIds = new Set<string>();
  value.notices.forEach((notice, index) => {
    if (noticeIds.has(notice.id)) {
      issues.push(issue('duplicate_notice_id', ['notices', index, 'id']));
    }
    noticeIds.add(notice.id);
    const status = notice.status ?? 'active';
    if (status !== 'deleted') {
      for (const field of ['deletedOn', 'deletionBasis'] as const) {
        if (notice[field] !== undefined) {
          issues.push(issue('deletion_fields_without_deletion', ['notices', index, field]));
        }
      }
    }
    if (notice.chargesDroppedOn !== undefined && notice.issuedOn !== undefined && notice.chargesDroppedOn < notice.issuedOn) {
      issues.push(issue('charges_dropped_before_issued', ['notices', index, 'chargesDroppedOn']));
    }
    if (notice.deletedOn !== undefined && notice.issuedOn !== undefined && notice.deletedOn < notice.issuedOn) {
      issues.push(issue('notice_deleted_before_issued', ['notices', index, 'deletedOn']));
    }
  });

  value.asylum?.forEach((event, index) => {
    if (event.persecutionFearedFrom?.includes(event.country)) {
      issues.push(issue('feared_country_is_host', ['asylum', index, 'persecutionFearedFrom']));
    }
    if (event.final !== undefined && !FINAL_TYPES.has(event.type)) {
      issues.push(issue('field_not_applicable', ['asylum', index, 'final'], 'final'));
    }
    if (event.appealDeadline !== undefined && !FINAL_TYPES.has(event.type)) {
      issues.push(issue('field_not_applicable', ['asylum', index, 'appealDeadline'], 'appealDeadline'));
    } else if (event.appealDeadline !== undefined && event.appealDeadline < event.date) {
      issues.push(issue('appeal_deadline_before_decision', ['asylum', index, 'appealDeadline']));
    }
    if (event.grounds !== undefined && !GRANT_TYPES.has(event.type)) {
      issues.push(issue('field_not_applicable', ['asylum', index, 'grounds'], 'grounds'));
    }
    if (event.criminalGrounds !== undefined && !CRIMINAL_GROUNDS_TYPES.has(event.type)) {
      issues.push(issue('field_not_applicable', ['asylum', index, 'criminalGrounds'], 'criminalGrounds'));
    }
  });

  value.ccf?.forEach((request, index) => {
    if (request.admissibleOn !== undefined && request.admissibleOn < request.filedOn) {
      issues.push(issue('ccf_admissible_before_filed', ['ccf', index, 'admissibleOn']));
    }
    if (request.decidedOn !== undefined && request.decidedOn < request.filedOn) {
      issues.push(issue('ccf_decided_before_filed', ['ccf', index, 'decidedOn']));
    } else if (request.decidedOn !== undefined && request.admissibleOn !== undefined && request.decidedOn < request.admissibleOn) {
      issues.push(issue('ccf_decided_before_admissible', ['ccf', index, 'decidedOn']));
    }
    if (request.decidedOn !== undefined && request.outcome === 'pending') {
      issues.push(issue('ccf_pending_with_decision_date', ['ccf', index, 'outcome']));
    }
    request.noticeIds?.forEach((noticeId, position) => {
      if (!noticeIds.has(noticeId)) {
        issues.push(issue('unknown_notice_reference', ['ccf', index, 'noticeIds', position]));
      }
    });
  });

  value.detention?.forEach((detention, index) => {
    if (detention.released !== undefined && detention.released < detention.since) {
      issues.push(issue('detention_released_before_start', ['detention', index, 'released']));
    }
    if (detention.basedOnNoticeId !== undefined && !noticeIds.has(detention.basedOnNoticeId)) {
      issues.push(issue('unknown_notice_reference', ['detention', index, 'basedOnNoticeId']));
    }
  });

  value.extradition?.forEach((proceeding, index) => {
    if (proceeding.requestingCountry === proceeding.requestedCountry) {
      issues.push(issue('extradition_same_country', ['extradition', index, 'requestedCountry']));
    }
  });
  return issues;
}
