/**
 * The bundled rule sets and citation registry (the JSON files in `rules/`), embedded in the
 * build so that the core needs no file system.
 *
 * @module
 */
import article3Json from '../rules/article-3.json';
import article83Json from '../rules/article-83.json';
import ccfProcedureJson from '../rules/ccf-procedure.json';
import citationsJson from '../rules/citations.json';
import detentionJson from '../rules/detention.json';
import extraditionJson from '../rules/extradition.json';
import interpolMembersJson from '../rules/interpol-members.json';
import misusePatternsJson from '../rules/misuse-patterns.json';
import refugeeResolutionJson from '../rules/refugee-resolution.json';
import safeguardsJson from '../rules/safeguards.json';
import treatyPartiesJson from '../rules/treaty-parties.json';
import type { Citation } from './citations/registry.js';

/** The bundled rule sets, in evaluation order (parsed JSON, validated when an evaluator is created). */
export const BUNDLED_RULE_SETS: readonly unknown[] = [
  refugeeResolutionJson,
  article3Json,
  article83Json,
  extraditionJson,
  detentionJson,
  ccfProcedureJson,
  safeguardsJson,
];

/** The bundled citation registry, by id. */
export const BUNDLED_CITATIONS: Readonly<Record<string, Citation>> = (citationsJson as { citations: Record<string, Citation> }).citations;

/** The bundled file of documented patterns of misuse by requesting states (parsed JSON). */
export const BUNDLED_MISUSE_PATTERNS: unknown = misusePatternsJson;

/** The bundled list of INTERPOL's member countries, dated and cited (parsed JSON). */
export const BUNDLED_INTERPOL_MEMBERS: unknown = interpolMembersJson;

/** The bundled, partial lists of the parties to the Refugee Convention, its Protocol and CAT (parsed JSON). */
export const BUNDLED_TREATY_PARTIES: unknown = treatyPartiesJson;
