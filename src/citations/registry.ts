/**
 * The citation registry: what every citation id a rule uses stands for — instrument,
 * provision, a summary in the project's own words, a source URL and, above all, how well the
 * pinpoint is verified. `primary`: read in an official text or a faithful copy; `secondary`:
 * seen only in practitioners' or scholars' writing; `unverified`: not found in any source
 * consulted, or sources conflict — check before filing.
 *
 * @module
 */
import * as z from 'zod';
import { identifierField, textField } from '../support/fields.js';
import { stripUnsafeText } from '../support/safe-text.js';

/** How well a citation's pinpoint is verified. */
export const VERIFICATION_LEVELS = ['primary', 'secondary', 'unverified'] as const;
/** Verification level of a citation. */
export type Verification = (typeof VERIFICATION_LEVELS)[number];

/** One provision in the registry. */
export const citationSchema = z.strictObject({
  /** The instrument, e.g. "INTERPOL General Assembly resolution GA-2017-86-RES-09". */
  instrument: textField(1, 500),
  /** The pinpoint, only as precise as it is verified, e.g. "Article 3". */
  provision: textField(1, 500),
  /** What it says, in the project's own words. */
  summary: textField(1, 2000),
  /** Where to read it. */
  url: z.url({ protocol: /^https?$/ }).max(1000).overwrite(stripUnsafeText).optional(),
  /** How well the pinpoint is verified. */
  verification: z.enum(VERIFICATION_LEVELS),
  /** What to check before relying on it. */
  note: textField(1, 2000).optional(),
  /** Id of the research note behind it (`legal/sources.json`). */
  researchNote: z.string().max(100).optional(),
});

/** One citation. */
export type Citation = z.infer<typeof citationSchema>;

/** A citation registry file: `{ citations: { id: Citation } }`. */
export const citationRegistrySchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  citations: z.record(identifierField(100), citationSchema),
});

/** A citation as it appears in a result. */
export interface CitationEntry {
  readonly instrument: string;
  readonly provision: string;
  readonly summary: string;
  readonly url?: string;
  readonly verification: Verification;
  readonly note?: string;
}

/**
 * The form a citation takes in a result (the registry entry without its research-note id).
 *
 * @example
 * ```ts
 * import { BUNDLED_CITATIONS } from '../bundled.js';
 *
 * const entry = toCitationEntry(BUNDLED_CITATIONS['const.art3']!);
 * entry.verification; // 'primary'
 * 'researchNote' in entry; // false
 * ```
 */
export function toCitationEntry(citation: Citation): CitationEntry {
  return {
    instrument: citation.instrument,
    provision: citation.provision,
    summary: citation.summary,
    ...(citation.url === undefined ? {} : { url: citation.url }),
    verification: citation.verification,
    ...(citation.note === undefined ? {} : { note: citation.note }),
  };
}
