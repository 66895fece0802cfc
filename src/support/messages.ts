/**
 * The library's own words: default titles of the bundled action codes. Rule sets carry their
 * own texts; these are used when an action template has no title of its own.
 *
 * @module
 */
import type { ActionCode } from '../rules/schema.js';
import type { Locale } from './localized-text.js';

/** Default action titles by locale and code. */
export const ACTION_TITLES: Readonly<Record<Locale, Readonly<Record<ActionCode, string>>>> = {
  en: {
    request_deletion: 'Request deletion of the notice',
    obtain_status_confirmation: 'Have the asylum state confirm refugee status to INTERPOL',
    monitor_asylum_outcome: 'Monitor the asylum decision and report it to INTERPOL',
    assess_general_grounds: 'Assess the notice under INTERPOL’s general rules',
    prepare_restoration_challenge: 'Prepare to challenge restoration of the notice',
    challenge_article_3: 'Challenge the notice under Article 3 (political character)',
    challenge_article_83: 'Challenge the notice under RPD Article 83 (conditions of a Red Notice)',
    cite_extradition_refusal: 'Rely on the refusal of extradition',
    file_ccf_request: 'File a request with the CCF',
    follow_up_ccf_deadline: 'Follow up: the CCF’s time limit has passed',
    request_ccf_revision: 'Apply to the CCF for revision on a new fact',
    request_provisional_measures: 'Ask the CCF for provisional measures',
    contest_detention_reliance: 'Contest detention based on the notice',
    human_review: 'Human review needed',
  },
};
