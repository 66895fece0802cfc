/**
 * Issue messages from the catalogues: every issue the library reports is made here, with its
 * English message from `en.ts`, and any issue can be worded again in another locale from its
 * code and `params`.
 *
 * @module
 */
import type { Issue, IssueParams, IssueSeverity } from '../support/issues.js';
import type { IssueMessageKey } from './catalogue.js';
import { CATALOGUES, type Locale } from './index.js';

/** @internal The template of an issue in a locale: `code.variant`, else `code`, else English, else a generic message. */
function templateOf(code: string, params: IssueParams | undefined, locale: Locale): string {
  const key = params?.variant === undefined ? code : `${code}.${String(params.variant)}`;
  for (const messages of [CATALOGUES[locale].issues, CATALOGUES.en.issues] as const) {
    if (Object.hasOwn(messages, key)) return messages[key as IssueMessageKey];
    if (Object.hasOwn(messages, code)) return messages[code as IssueMessageKey];
  }
  return CATALOGUES[locale].issues['invalid_value.custom'];
}

/**
 * The message of an issue in a locale, from its code and `params` (English for a code the
 * locale does not word).
 *
 * @example
 * ```ts
 * issueMessage({ code: 'too_many_items', params: { maximum: 500 } }, 'es'); // 'Puede contener como máximo 500 elementos.'
 * issueMessage({ code: 'field_not_applicable', params: { variant: 'final' } }, 'en'); // 'Only a denial, a dismissed appeal, a revocation or a cessation can be final or not.'
 * ```
 */
export function issueMessage(issue: Pick<Issue, 'code' | 'params'>, locale: Locale): string {
  const template = templateOf(issue.code, issue.params, locale);
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => {
    const value = issue.params !== undefined && name !== 'variant' && Object.hasOwn(issue.params, name) ? issue.params[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/**
 * An issue, with its English message.
 *
 * @example
 * ```ts
 * makeIssue('unknown_notice_reference', 'ccf[0].noticeIds[1]');
 * // { code: 'unknown_notice_reference', path: 'ccf[0].noticeIds[1]', message: 'No notice of this case has this id.', severity: 'error' }
 * ```
 */
export function makeIssue<Code extends string>(code: Code, path: string, params?: IssueParams, severity: IssueSeverity = 'error'): Issue<Code> {
  const message = issueMessage({ code, ...(params === undefined ? {} : { params }) }, 'en');
  return params === undefined ? { code, path, message, severity } : { code, path, message, severity, params };
}
