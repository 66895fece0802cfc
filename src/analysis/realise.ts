/**
 * From a fact assignment to a valid case, by construction. Each fact belongs to one **group**,
 * and each group has a constructor that writes the part of a case that gives its facts the
 * values asked for — combining items where one would not do: two host states (one that fears
 * the requesting country, one that fears another), two refusals of extradition (one rights-based,
 * one pending elsewhere), two or three requests to the CCF (a decision that kept the data, a
 * pending request, the latest one). A constructor may offer several variants; the witness maker
 * tries the next one of a group whose facts came out wrong.
 *
 * Every fact of the catalogue (but the result facts, which the rules decide) must belong to a
 * group: `FACT_GROUPS` is checked by a test, so that a fact added to the catalogue without a
 * constructor fails loudly. Facts of a rule set's own (`extensions`) are written as they are.
 *
 * @module
 */
import type { AsylumEvent, Case, CcfRequest, Confirmation, Detention, ExtraditionProceeding, Notice, Offence } from '../case/schema.js';
import { DETAINING_AUTHORITIES, JUDICIAL_DATA_ITEMS, OFFENCE_CATEGORIES } from '../case/schema.js';
import { patternsFor, type MisusePattern } from '../context/misuse-patterns.js';
import { bundledTreatyLists, nonRefoulementBinding } from '../context/treaty-parties.js';
import { deriveFacts } from '../facts/derive.js';
import type { FactName, FactValue } from '../facts/catalogue.js';
import { CCF_DECISION_TIME_LIMITS, REVISION_TIME_LIMIT_MONTHS } from '../facts/ccf.js';
import { excludedCategories } from '../facts/routes.js';
import {
  ARTICLE_3_FLAGS,
  OTHER_SUBSTANTIVE_GROUNDS,
  POLITICAL_OFFENCE_CATEGORIES,
  PROTECTION_STATUSES,
  RIGHTS_BASED_GROUNDS,
  SERIOUS_CRIME_CATEGORIES,
  type Article3Flag,
  type ProtectionStatus,
} from '../facts/vocabulary.js';
import { COUNTRY_CODES } from '../support/countries.js';
import { addCalendarDays, addCalendarMonths, type CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';
import type { CustomFact } from '../facts/custom.js';
import type { FormulaAtom } from './solver.js';

/** What a witness must give one fact. A fact without a target may have any value, or none. */
export interface FactTarget {
  /** The fact must be unknown. */
  unknown?: boolean;
  /** The values allowed (an enum fact). */
  values?: ReadonlySet<string>;
  /** The dates allowed, both ends inclusive (a date fact). */
  dates?: { readonly from?: CalendarDate; readonly to?: CalendarDate };
  /** The numbers allowed (a number fact). */
  numbers?: { readonly above?: number; readonly below?: number; readonly equal?: number };
  /** Items the list must hold. */
  readonly present: Set<string>;
  /** Items the list must not hold. */
  readonly absent: Set<string>;
  /** Comparisons with custom operators that must hold, or not. */
  readonly custom: Array<{ readonly atom: FormulaAtom; readonly holds: boolean }>;
}

/** The targets of a witness, by fact name. */
export type Targets = ReadonlyMap<string, FactTarget>;

/**
 * Whether a fact's value meets its target (a fact without a target always does; a fact with
 * one must be known).
 *
 * @example
 * ```ts
 * accepts({ values: new Set(['diffusion']), present: new Set(), absent: new Set(), custom: [] }, 'diffusion'); // true
 * accepts({ present: new Set(['fraud']), absent: new Set(), custom: [] }, ['cheque']); // false
 * ```
 */
export function accepts(target: FactTarget | undefined, value: FactValue | undefined): boolean {
  if (target === undefined) return true;
  if (target.unknown === true) return value === undefined;
  if (value === undefined) return false;
  if (target.values !== undefined && (typeof value !== 'string' || !target.values.has(value))) return false;
  if (target.dates !== undefined) {
    if (typeof value !== 'string') return false;
    if (target.dates.from !== undefined && value < target.dates.from) return false;
    if (target.dates.to !== undefined && value > target.dates.to) return false;
  }
  if (target.numbers !== undefined) {
    if (typeof value !== 'number') return false;
    const { above, below, equal } = target.numbers;
    if (equal !== undefined && value !== equal) return false;
    if (above !== undefined && !(value > above)) return false;
    if (below !== undefined && !(value < below)) return false;
  }
  if (target.present.size > 0 || target.absent.size > 0) {
    if (!Array.isArray(value)) return false;
    for (const item of target.present) if (!value.includes(item)) return false;
    for (const item of target.absent) if (value.includes(item)) return false;
  }
  // A loop, not `every`: this runs for every row and every country the constructors weigh.
  for (const { atom, holds } of target.custom) if (atom.test(value, atom.value) !== holds) return false;
  return true;
}

/** What the constructors know besides the targets. */
export interface BuildContext {
  /** The date the case is judged at. */
  readonly asOf: CalendarDate;
  /** The notice's requesting country. */
  readonly requester: string;
  /** A country feared that is not the requesting country. */
  readonly other: string;
  /** Host states: never the requesting country or `other`. */
  readonly hosts: readonly [string, string, string];
  /** The evaluator's documented patterns of misuse. */
  readonly patterns: readonly MisusePattern[];
  /** The targets of the witness that ask for a known value. */
  readonly targets: Targets;
  /** The facts the witness must leave unknown. */
  readonly unknown: ReadonlySet<string>;
  /** Which variant of each group to use. */
  readonly variant: (group: GroupName) => number;
}

/** The notice every witness is about. */
export const WITNESS_NOTICE_ID = 'rn-1';

/** A value of a rule set's own fact, as a case states it. */
type ExtensionValue = NonNullable<Case['extensions']>[string][string];

/** A case under construction. */
export interface Draft {
  readonly notice: Notice;
  readonly case: Case;
  asylum: AsylumEvent[] | undefined;
  confirmations: Confirmation[];
  extradition: ExtraditionProceeding[];
  ccf: CcfRequest[];
  detention: Detention[];
  article3: Partial<Record<Article3Flag, boolean>>;
  /** Other notices of the case. */
  readonly otherNotices: Notice[];
  /** Values of rule sets' own facts: case-scope and notice-scope, by namespace then name. */
  readonly caseExtensions: Record<string, Record<string, ExtensionValue>>;
  readonly noticeExtensions: Record<string, Record<string, ExtensionValue>>;
}

/** The groups of facts, each with its constructor. */
export const GROUP_NAMES = ['requester', 'notice', 'protection', 'offences', 'article3', 'extradition', 'detention', 'returnStates', 'ccfAccess', 'ccfNotice'] as const;
/** A group of facts. */
export type GroupName = (typeof GROUP_NAMES)[number];

/**
 * Which group's constructor realises each fact of the catalogue (the result facts are decided by
 * the rules). Every fact is listed once: a test checks it against the catalogue.
 */
export const FACT_GROUPS: Readonly<Record<GroupName, readonly FactName[]>> = {
  requester: ['notice.requestingCountry', 'notice.misuseDocumented'],
  notice: ['notice.kind', 'notice.status', 'notice.recordedAsDeleted', 'notice.deletionBasis', 'notice.deletedOn', 'case.noticeStanding', 'notice.issuedAfterRecognition'],
  protection: [
    'asylum.historyKnown', 'protection.status', 'protection.confirmed', 'protection.formerlyGranted', 'notice.protectionStatus',
    'notice.statusConfirmed', 'notice.formerlyGranted', 'notice.fromFearedCountry', 'notice.grantOnPoliticalOpinion',
    'notice.grantOnRace', 'notice.grantOnReligion', 'notice.appealableDecision', 'notice.protectionDecisionAppealable',
    'notice.protectionDecisionUnderAppeal', 'protection.decisionUnderAppeal', 'notice.keptAfterConfirmation',
    // Dates and countries: written by the rows, not matched against them (see `ROW_UNMATCHED`).
    'notice.protectionAppealDueOn', 'notice.recognisedOn', 'notice.confirmedToGeneralSecretariatOn', 'notice.protectionHosts',
  ],
  offences: [
    'notice.offenceCategories', 'notice.excludedOffenceCategories', 'notice.politicalOffence', 'notice.penaltyBelowThreshold',
    'notice.purpose', 'notice.missingJudicialData', 'notice.judicialDataIncomplete', 'article3.offenceOfPoliticalCharacter',
    'notice.sentenceThresholdDoubtful',
  ],
  article3: [
    'article3.politicalActivity', 'article3.opposition', 'article3.journalistOrDefender', 'article3.chargesFollowPoliticalEvents',
    'article3.otherCountriesFoundPolitical', 'article3.persecutedGroup',
  ],
  extradition: ['notice.extraditionRefusal', 'notice.extraditionRefusalGrounds', 'notice.extraditionPending'],
  detention: ['person.detained', 'notice.detentionOnNotice', 'notice.detainedOnNoticeBy', 'notice.detainedOnNoticeIn', 'notice.detainedOnNoticeSince'],
  returnStates: ['notice.returnStates', 'notice.nonRefoulementBases', 'notice.treatyStatusUnknown', 'notice.treatyStatusUnknownIn'],
  ccfAccess: ['ccf.accessDecisionDueOn', 'ccf.accessDecisionOverdue', 'ccf.accessDecisionPending'],
  ccfNotice: [
    'notice.ccfRequest', 'notice.ccfDecisionDueOn', 'notice.ccfDecisionOverdue', 'notice.ccfDecisionPending', 'notice.revisionGrounds',
    'notice.revisionDueOn', 'notice.revisionWindowOpen', 'notice.revisionWindowClosed', 'ccf.requestFiled',
  ],
};

/** @internal The group of each fact. */
const groupOfFact: ReadonlyMap<string, GroupName> = new Map(GROUP_NAMES.flatMap((group) => FACT_GROUPS[group].map((fact) => [fact, group] as const)));

/**
 * The group that realises a fact (`undefined` for result facts and facts of rule sets).
 *
 * @example
 * ```ts
 * groupOf('notice.extraditionPending'); // 'extradition'
 * ```
 */
export function groupOf(fact: string): GroupName | undefined {
  return groupOfFact.get(fact);
}

/** @internal Whether a value is allowed for a fact (true without a target). */
function allows(context: BuildContext, fact: string, value: string): boolean {
  const target = context.targets.get(fact);
  return target?.values === undefined || target.values.has(value);
}

/** @internal Whether a fact has a target. */
function targeted(context: BuildContext, fact: string): boolean {
  return context.targets.has(fact);
}

/** @internal A date `days` before the date judged at. */
function daysBefore(context: BuildContext, days: number): CalendarDate {
  return addCalendarDays(context.asOf, -days);
}

/** @internal The first candidate of a list the target allows, else `undefined`. */
function firstAllowed(context: BuildContext, fact: string, candidates: readonly string[]): string | undefined {
  return candidates.find((candidate) => allows(context, fact, candidate));
}

/** @internal A date of a target's interval, as close to `preferred` as the interval and `latest` allow. */
function dateWithin(target: FactTarget | undefined, preferred: CalendarDate, latest?: CalendarDate): CalendarDate | undefined {
  let date = preferred;
  const from = target?.dates?.from;
  const to = target?.dates?.to;
  if (to !== undefined && date > to) date = to;
  if (latest !== undefined && date > latest) date = latest;
  if (from !== undefined && date < from) date = from;
  if (to !== undefined && date > to) return undefined;
  if (latest !== undefined && date > latest) return undefined;
  return date;
}

// ---- the requesting country ---------------------------------------------------------------------

/**
 * Requesting countries that meet the targets on it and on documented misuse, in order: the
 * countries named first, then the others (documented ones first when misuse must be documented).
 *
 * @example
 * ```ts
 * const context = { asOf: '2026-06-01', targets: new Map([['notice.requestingCountry', { values: new Set(['RU']), present: new Set(), absent: new Set(), custom: [] }]]) };
 * requesterCandidates(context, []).slice(0, 1); // ['RU']
 * ```
 */
export function requesterCandidates(context: Pick<BuildContext, 'asOf' | 'targets'>, patterns: readonly MisusePattern[]): string[] {
  const target = context.targets.get('notice.requestingCountry');
  const misuse = context.targets.get('notice.misuseDocumented')?.values;
  const documented = (country: string) => patternsFor(patterns, country, context.asOf).length > 0;
  const named = target?.values !== undefined && target.values.size < COUNTRY_CODES.length ? [...target.values].sort(compareStrings) : [];
  const pool = [...named, ...(patterns.flatMap((pattern) => pattern.countries).sort(compareStrings)), ...COUNTRY_CODES];
  const found: string[] = [];
  for (const country of pool) {
    if (found.includes(country) || !accepts(target, country)) continue;
    if (misuse !== undefined && !misuse.has(documented(country) ? 'yes' : 'no')) continue;
    found.push(country);
    if (found.length >= 3) break;
  }
  return found;
}

// ---- the notice ---------------------------------------------------------------------------------

/** @internal Kind and status of the notice. */
function buildNotice(draft: Draft, context: BuildContext): void {
  const notice = draft.notice;
  notice.kind = (firstAllowed(context, 'notice.kind', ['red_notice', 'diffusion']) ?? 'red_notice') as Notice['kind'];
  const basis = firstAllowed(context, 'notice.deletionBasis', ['other', 'refugee_resolution', 'article_3', 'ccf_decision', 'requesting_country']);
  const options: Array<{ status: 'active' | 'suspended' | 'deleted'; apply: () => void }> = [
    { status: 'active', apply: () => undefined },
    { status: 'suspended', apply: () => void (notice.status = 'suspended') },
    {
      status: 'deleted',
      apply: () => {
        notice.status = 'deleted';
        notice.deletedOn = dateWithin(context.targets.get('notice.deletedOn'), daysBefore(context, 30), context.asOf) ?? daysBefore(context, 30);
        if (basis !== undefined) notice.deletionBasis = basis as NonNullable<Notice['deletionBasis']>;
      },
    },
  ];
  const fits = options.filter(({ status }) =>
    allows(context, 'notice.status', status) &&
    allows(context, 'notice.recordedAsDeleted', status === 'deleted' ? 'yes' : 'no') &&
    (status === 'deleted' ? basis !== undefined || !targeted(context, 'notice.deletionBasis') : allows(context, 'notice.deletionBasis', 'none') && !targeted(context, 'notice.deletedOn')),
  );
  if (context.unknown.has('notice.status')) {
    notice.status = 'unknown';
    return;
  }
  if (context.unknown.has('notice.deletionBasis') && allows(context, 'notice.status', 'deleted') && allows(context, 'notice.recordedAsDeleted', 'yes')) {
    notice.status = 'deleted';
    notice.deletedOn = daysBefore(context, 30);
    return;
  }
  const chosen = fits[context.variant('notice') % Math.max(1, fits.length)];
  chosen?.apply();
  // Another notice that stands, when the case must have one and this one is deleted.
  if (notice.status === 'deleted' && !allows(context, 'case.noticeStanding', 'no')) {
    draft.otherNotices.push({ id: `${WITNESS_NOTICE_ID}-standing`, kind: 'diffusion', requestingCountry: context.requester });
  }
  // Issued after every grant of the witness (they are all at least two days old), or long before them all.
  const issued = context.targets.get('notice.issuedAfterRecognition')?.values;
  if (issued !== undefined && !context.unknown.has('notice.issuedAfterRecognition')) notice.issuedOn = issued.has('yes') ? daysBefore(context, 1) : daysBefore(context, 20_000);
}

// ---- protection: host states and confirmations -------------------------------------------------

/** @internal One host state's history, as a protection status and whether refugee status was granted before it. */
interface HostPlan {
  readonly status: Exclude<ProtectionStatus, 'none'>;
  readonly formerly: boolean;
  /** The Convention ground of its grants. */
  readonly grounds: 'political_opinion' | 'religion' | 'race';
  /**
   * The appeal of its deciding decision (a denial or a revocation): open (not said final), final,
   * or appealed (an appeal filed after it, not decided). Default: final for a denial, open for a revocation.
   */
  readonly appeal?: 'open' | 'final' | 'appealed';
}

/** @internal How a confirmation of refugee status reached INTERPOL. */
type ConfirmationPlan = 'none' | 'after' | 'between' | 'superseded' | 'secretariat';

/** @internal A way of writing the asylum part of a case. */
interface ProtectionRow {
  /** `unknown`: no asylum history; `empty`: an empty one; else host states. */
  readonly history: 'unknown' | 'empty' | 'hosts';
  /** The host state that fears another country. */
  readonly other?: HostPlan;
  /** The host state that fears the requesting country. */
  readonly fearing?: HostPlan;
  /** A host state that names no feared country (it might fear the requesting country). */
  readonly unnamed?: HostPlan;
  readonly confirmation: ConfirmationPlan;
  /** The facts it gives (the group's facts), derived once. */
  facts?: Readonly<Record<string, FactValue | undefined>>;
  /** Which of the facts not matched (`ROW_UNMATCHED`) it gives a value. */
  known?: ReadonlySet<string>;
}

/** @internal The events of a host state, in order: type, and whether it is a grant. */
function hostEvents(plan: HostPlan): Array<{ type: AsylumEvent['type']; final?: boolean }> {
  const grant = { type: 'refugee_status_granted' as const };
  const filed = { type: 'application_filed' as const };
  const revoked = { type: 'refugee_status_revoked' as const };
  switch (plan.status) {
    case 'pending':
      return plan.formerly ? [grant, revoked, filed] : [filed];
    case 'granted':
      return plan.formerly ? [grant, revoked, grant] : [filed, grant];
    case 'naturalised':
      return plan.formerly ? [filed, grant, { type: 'naturalised' }] : [filed, { type: 'naturalised' }];
    case 'revoked':
      return withAppeal(plan.formerly ? [filed, grant, revoked] : [filed, revoked], plan.appeal ?? 'open');
    case 'subsidiary':
      return plan.formerly ? [grant, revoked, { type: 'subsidiary_protection_granted' }] : [filed, { type: 'subsidiary_protection_granted' }];
    case 'denied':
      return withAppeal(plan.formerly ? [grant, { type: 'asylum_denied' }] : [filed, { type: 'asylum_denied' }], plan.appeal ?? 'final');
  }
}

/** @internal The events of a host state whose last event is a decision that can be appealed, with its appeal as planned. */
function withAppeal(events: Array<{ type: AsylumEvent['type']; final?: boolean }>, appeal: NonNullable<HostPlan['appeal']>): Array<{ type: AsylumEvent['type']; final?: boolean }> {
  const last = events[events.length - 1]!;
  if (appeal === 'final') return [...events.slice(0, -1), { ...last, final: true }];
  if (appeal === 'appealed') return [...events.slice(0, -1), { ...last, final: false }, { type: 'appeal_filed' }];
  return events;
}

/** @internal Writes a protection row into a draft, its events `gap` days apart, the last `gap` days before the date judged at. */
function writeProtection(draft: Draft, row: ProtectionRow, context: Pick<BuildContext, 'asOf' | 'requester' | 'other' | 'hosts'>, gap: number): void {
  if (row.history === 'unknown') {
    draft.asylum = undefined;
    return;
  }
  draft.asylum = [];
  const timeline: Array<{ host: string; feared: string | undefined; event: { type: AsylumEvent['type']; final?: boolean }; grounds: HostPlan['grounds']; first: boolean }> = [];
  const add = (plan: HostPlan | undefined, host: string, feared: string | undefined) => {
    if (plan === undefined) return;
    hostEvents(plan).forEach((event, index) => timeline.push({ host, feared, event, grounds: plan.grounds, first: index === 0 }));
  };
  add(row.other, context.hosts[0], context.other);
  add(row.fearing, context.hosts[1], context.requester);
  add(row.unnamed, context.hosts[2], undefined);
  const grantDates: Record<string, CalendarDate> = {};
  timeline.forEach((item, index) => {
    const date = addCalendarDays(context.asOf, -gap * (timeline.length - index) - 2);
    const event: AsylumEvent = { type: item.event.type, date, country: item.host };
    if (item.first && item.feared !== undefined) event.persecutionFearedFrom = [item.feared];
    if (item.event.final !== undefined) event.final = item.event.final;
    if (item.event.type === 'refugee_status_granted') {
      event.grounds = [item.grounds];
      grantDates[item.host] ??= date;
    }
    draft.asylum!.push(event);
  });
  const by = row.fearing !== undefined ? context.hosts[1] : context.hosts[0];
  switch (row.confirmation) {
    case 'none':
      break;
    case 'after':
      draft.confirmations.push({ by, to: 'ccf', date: addCalendarDays(context.asOf, -1), subject: 'refugee_status' });
      break;
    case 'between': {
      const fearingGrant = grantDates[context.hosts[1]];
      if (fearingGrant !== undefined) draft.confirmations.push({ by: context.hosts[0], to: 'ccf', date: addCalendarDays(fearingGrant, -1), subject: 'refugee_status' });
      break;
    }
    case 'secretariat':
      draft.confirmations.push({ by, to: 'general_secretariat', date: addCalendarDays(context.asOf, -1), subject: 'refugee_status' });
      break;
    case 'superseded':
      draft.confirmations.push(
        { by, to: 'ccf', date: addCalendarDays(context.asOf, -2), subject: 'refugee_status' },
        { by, to: 'general_secretariat', date: addCalendarDays(context.asOf, -1), subject: 'status_revoked' },
      );
      break;
  }
}

/**
 * @internal Facts of the protection group that depend on the dates and countries of a witness,
 * not on the row alone: the rows are not matched against them (a witness checks them when it is
 * evaluated, and a target on them that no row meets is a 'no witness found').
 */
const ROW_UNMATCHED: ReadonlySet<string> = new Set(['notice.protectionAppealDueOn', 'notice.recognisedOn', 'notice.confirmedToGeneralSecretariatOn', 'notice.protectionHosts']);

/** @internal Every protection row, with the facts it gives (derived once, with the real derivation). */
let protectionRows: ProtectionRow[] | undefined;

/** @internal The rows, built and derived on first use. */
function allProtectionRows(): ProtectionRow[] {
  if (protectionRows !== undefined) return protectionRows;
  const plans: Array<HostPlan | undefined> = [undefined];
  for (const status of PROTECTION_STATUSES) {
    if (status === 'none') continue;
    for (const formerly of [false, true]) {
      const grants = formerly || status === 'granted' || status === 'naturalised' && formerly;
      for (const grounds of grants ? (['political_opinion', 'religion', 'race'] as const) : (['religion'] as const)) plans.push({ status, formerly, grounds });
      // The other ways an appealable decision stands: final or not, or under appeal.
      if (status === 'revoked') plans.push({ status, formerly, grounds: 'religion', appeal: 'final' }, { status, formerly, grounds: 'religion', appeal: 'appealed' });
      if (status === 'denied') plans.push({ status, formerly, grounds: 'religion', appeal: 'open' });
    }
  }
  const rows: ProtectionRow[] = [{ history: 'unknown', confirmation: 'none' }, { history: 'empty', confirmation: 'none' }];
  for (const other of plans) {
    if (other !== undefined && other.grounds !== 'religion') continue; // the grounds of a host state that fears another country change nothing
    for (const fearing of plans) {
      if (other === undefined && fearing === undefined) continue;
      for (const confirmation of ['none', 'after', 'between', 'superseded', 'secretariat'] as const) {
        if (confirmation === 'between' && (other === undefined || fearing === undefined)) continue;
        rows.push({ history: 'hosts', ...(other === undefined ? {} : { other }), ...(fearing === undefined ? {} : { fearing }), confirmation });
      }
    }
  }
  // A host state that names no feared country leaves what bears on the notice unknown.
  for (const unnamed of plans) {
    if (unnamed === undefined || unnamed.formerly || unnamed.grounds !== 'religion' || unnamed.appeal !== undefined) continue;
    for (const other of [undefined, ...plans.filter((plan) => plan !== undefined && !plan.formerly && plan.grounds === 'religion' && plan.appeal === undefined)]) {
      rows.push({ history: 'hosts', ...(other === undefined ? {} : { other }), unnamed, confirmation: 'none' });
    }
  }
  // The facts depend on the order of the events only: derive them once, at one date, for one pair of countries.
  const context = { asOf: '2030-01-01', requester: 'TJ', other: 'BY', hosts: ['DE', 'FR', 'NL'] as const };
  for (const row of rows) {
    const draft = emptyDraft(context.requester);
    writeProtection(draft, row, context, 30);
    const facts = deriveFacts(finishDraft(draft), context.asOf, { misusePatterns: [] }).notices[0]!.facts.values;
    row.facts = Object.fromEntries(FACT_GROUPS.protection.filter((fact) => !ROW_UNMATCHED.has(fact)).map((fact) => [fact, facts[fact]]));
    // The rows write no appeal deadline: one can be written where a decision is still open.
    row.known = new Set([...ROW_UNMATCHED].filter((fact) => (fact === 'notice.protectionAppealDueOn' ? facts['notice.protectionDecisionAppealable'] === 'yes' : facts[fact] !== undefined)));
  }
  protectionRows = rows;
  return rows;
}

/** @internal The rows that meet the targets of the protection group, by the targets (the same targets come again and again). */
const matchingRows = new Map<string, ProtectionRow[]>();

/** @internal The asylum history and confirmations. */
function buildProtection(draft: Draft, context: BuildContext): void {
  const asked = (fact: string) => context.targets.has(fact) || context.unknown.has(fact);
  const facts = FACT_GROUPS.protection.filter((fact) => !ROW_UNMATCHED.has(fact) && asked(fact));
  // Of the dates and countries, the rows are matched on whether they give one, not on which.
  const presence = [...ROW_UNMATCHED].filter(asked);
  if (facts.length === 0 && presence.length === 0) return;
  const targetOf = (fact: string): FactTarget | undefined => (context.unknown.has(fact) ? { unknown: true, present: new Set(), absent: new Set(), custom: [] } : context.targets.get(fact));
  const key = [
    ...facts.map((fact) => `${fact}=${context.unknown.has(fact) ? '?' : [...(context.targets.get(fact)?.values ?? [])].sort().join(',')}`),
    ...presence.map((fact) => `${fact}${context.unknown.has(fact) ? '?' : '!'}`),
  ].join('|');
  let rows = matchingRows.get(key);
  if (rows === undefined) {
    // Each fact's target made once, not once per row.
    const targets = facts.map(targetOf);
    const meets = (row: ProtectionRow): boolean => {
      for (let i = 0; i < facts.length; i++) if (!accepts(targets[i], row.facts![facts[i]!])) return false;
      return presence.every((fact) => (context.unknown.has(fact) ? fact === 'notice.protectionAppealDueOn' || !row.known!.has(fact) : row.known!.has(fact)));
    };
    rows = allProtectionRows().filter(meets);
    if (matchingRows.size > 5000) matchingRows.clear();
    matchingRows.set(key, rows);
  }
  // A revision on a grant needs a recent grant; otherwise grants are older than the revision window.
  const recent = context.targets.get('notice.revisionGrounds')?.present.has('asylum_granted') === true;
  const variant = context.variant('protection');
  const row = rows[Math.floor(variant / 2) % Math.max(1, rows.length)];
  if (row === undefined) {
    draft.asylum = [];
    return;
  }
  writeProtection(draft, row, context, (variant % 2 === 0) === recent ? 30 : 200);
  if (presence.some((fact) => context.targets.get(fact)?.dates !== undefined)) moveProtectionDates(draft, context);
}

/** @internal The days from one date to another. */
function daysFrom(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * @internal Moves the dates of a written asylum history to the days the targets ask for: the
 * whole history (the day of recognition), the confirmations to the General Secretariat, the
 * deadline to appeal a decision still open. Where a day cannot be met, the history stays as it
 * is (the witness then shows the fact missed).
 */
function moveProtectionDates(draft: Draft, context: BuildContext): void {
  const current = () => deriveFacts(finishDraft(draft), context.asOf, { misusePatterns: [] }).notices[0]!.facts.values;
  const recognised = context.targets.get('notice.recognisedOn');
  if (recognised?.dates !== undefined) {
    const day = current()['notice.recognisedOn'];
    // The latest day: two days before the date judged at, so that every event stays on or before it.
    const wanted = typeof day === 'string' ? dateWithin(recognised, day, daysBefore(context, 2)) : undefined;
    if (typeof day === 'string' && wanted !== undefined && wanted !== day) {
      const shift = daysFrom(day, wanted);
      const dates = [...(draft.asylum ?? []).map((event) => event.date), ...draft.confirmations.map((item) => item.date)];
      if (dates.every((date) => addCalendarDays(date, shift) <= context.asOf)) {
        for (const event of draft.asylum ?? []) event.date = addCalendarDays(event.date, shift);
        for (const item of draft.confirmations) item.date = addCalendarDays(item.date, shift);
      }
    }
  }
  const confirmed = context.targets.get('notice.confirmedToGeneralSecretariatOn');
  if (confirmed?.dates !== undefined) {
    const day = current()['notice.confirmedToGeneralSecretariatOn'];
    const wanted = typeof day === 'string' ? dateWithin(confirmed, day, context.asOf) : undefined;
    if (wanted !== undefined) for (const item of draft.confirmations) if (item.to === 'general_secretariat' && item.date === day) item.date = wanted;
  }
  const appeal = context.targets.get('notice.protectionAppealDueOn');
  if (appeal?.dates !== undefined) {
    const wanted = dateWithin(appeal, addCalendarDays(context.asOf, 30));
    if (wanted !== undefined) {
      for (const event of draft.asylum ?? []) {
        if (event.final === true || !['asylum_denied', 'appeal_dismissed', 'refugee_status_revoked', 'refugee_status_ceased'].includes(event.type)) continue;
        event.appealDeadline = wanted;
        // A deadline passed leaves the decision open only when the case says it is not final.
        if (wanted < context.asOf) event.final = false;
      }
    }
  }
}

// ---- offences, purpose, judicial data -----------------------------------------------------------

/** @internal Offences, purpose and the judicial data the notice lacks. */
function buildOffences(draft: Draft, context: BuildContext): void {
  const notice = draft.notice;
  const categoriesTarget = context.targets.get('notice.offenceCategories');
  const excludedTarget = context.targets.get('notice.excludedOffenceCategories');
  const flagTarget = context.targets.get('article3.offenceOfPoliticalCharacter');
  const political = context.targets.get('notice.politicalOffence')?.values;
  const share = context.targets.get('notice.penaltyBelowThreshold')?.values;
  // A sentence of six months or more imposed with less left to serve (RPD Article 83's 'and/or').
  const doubtful = context.targets.get('notice.sentenceThresholdDoubtful')?.values;
  const wantDoubt = doubtful !== undefined && !doubtful.has('no');
  const offencesNeeded = [categoriesTarget, excludedTarget, share].some((target) => target !== undefined) || political?.has('no') === true && political.size === 1 || wantDoubt;
  const absent = new Set([...(categoriesTarget?.absent ?? [])]);
  for (const item of excludedTarget?.absent ?? []) if (item !== 'cheque') absent.add(item);
  const categories = new Set<Offence['category']>([...(categoriesTarget?.present ?? []), ...(excludedTarget?.present ?? [])] as Offence['category'][]);
  const add = (candidates: readonly string[]) => {
    const found = candidates.find((category) => !absent.has(category));
    if (found !== undefined) categories.add(found as Offence['category']);
    return found !== undefined;
  };
  // An unpaid cheque is excluded alone, and kept beside a sign of a serious crime.
  const serious = () => [...categories].some((category) => SERIOUS_CRIME_CATEGORIES.includes(category));
  if (excludedTarget?.absent.has('cheque') && categories.has('cheque') && !serious()) add(SERIOUS_CRIME_CATEGORIES);
  // The flag of the Article 3 profile, and a political offence.
  let flag: boolean | undefined = flagTarget?.values === undefined ? undefined : flagTarget.values.has('yes') ? true : false;
  const politicalCategory = () => [...categories].some((category) => POLITICAL_OFFENCE_CATEGORIES.includes(category));
  if (political !== undefined && !political.has('no') && !politicalCategory() && flag !== true) {
    if (flagTarget === undefined || flagTarget.values?.has('yes')) flag = true;
    else add(POLITICAL_OFFENCE_CATEGORIES);
  }
  if (political !== undefined && !political.has('yes')) flag = false;
  if (flag !== undefined) draft.article3.offenceOfPoliticalCharacter = flag;
  // Purpose and penalties.
  const purpose = wantDoubt ? 'sentence' : firstAllowed(context, 'notice.purpose', ['prosecution', 'sentence']);
  if (context.targets.has('notice.purpose') || share !== undefined || doubtful !== undefined) notice.purpose = (purpose ?? 'prosecution') as NonNullable<Notice['purpose']>;
  if (offencesNeeded || share !== undefined) {
    const wanted = share === undefined ? undefined : (['none', 'all', 'some'] as const).find((value) => share.has(value));
    const list = [...categories].sort(compareStrings);
    if ((wanted === 'all' || wanted === 'some' || wantDoubt) && list.length === 0) {
      const neutral = OFFENCE_CATEGORIES.find((category) => !absent.has(category) && !POLITICAL_OFFENCE_CATEGORIES.includes(category) && !excludedCategories([category]).length && !SERIOUS_CRIME_CATEGORIES.includes(category)) ?? OFFENCE_CATEGORIES.find((category) => !absent.has(category));
      if (neutral !== undefined) list.push(neutral);
    }
    if (wanted === 'some' && list.length === 1) list.push(list[0]!);
    const sentence = notice.purpose === 'sentence';
    const below: Omit<Offence, 'category'> = sentence ? { sentenceYears: 0.25, remainingSentenceYears: 0.25 } : { maxPenaltyYears: 1 };
    const above: Omit<Offence, 'category'> = sentence ? { sentenceYears: 2, remainingSentenceYears: wantDoubt ? 0.25 : 1 } : { maxPenaltyYears: 5 };
    notice.offences = list.map((category, index) => ({ category, ...(wanted === 'all' || (wanted === 'some' && index === 0) ? below : above) }));
  }
  // Judicial data.
  const lacking = context.targets.get('notice.missingJudicialData');
  const incomplete = context.targets.get('notice.judicialDataIncomplete')?.values;
  if (lacking !== undefined || incomplete !== undefined) {
    const items = new Set(lacking?.present ?? []);
    if (incomplete !== undefined && !incomplete.has('no') && items.size === 0) {
      const item = JUDICIAL_DATA_ITEMS.find((candidate) => !lacking?.absent.has(candidate));
      if (item !== undefined) items.add(item);
    }
    notice.missingJudicialData = JUDICIAL_DATA_ITEMS.filter((item) => items.has(item));
  }
}

// ---- the Article 3 profile ----------------------------------------------------------------------

/** @internal The flags of the Article 3 profile (but the political character of the offence: see offences). */
function buildArticle3(draft: Draft, context: BuildContext): void {
  for (const flag of ARTICLE_3_FLAGS) {
    if (flag === 'offenceOfPoliticalCharacter') continue;
    const values = context.targets.get(`article3.${flag}`)?.values;
    if (values !== undefined) draft.article3[flag] = values.has('yes');
  }
}

// ---- extradition --------------------------------------------------------------------------------

/** @internal How much a refusal on these grounds weighs. */
function strengthOf(grounds: readonly string[]): string {
  if (grounds.length === 0) return 'grounds_not_stated';
  if (grounds.some((ground) => (RIGHTS_BASED_GROUNDS as readonly string[]).includes(ground))) return 'rights_based';
  if (grounds.some((ground) => (OTHER_SUBSTANTIVE_GROUNDS as readonly string[]).includes(ground))) return 'other_substantive';
  return 'procedural_only';
}

/** @internal Refusals and pending requests of extradition by the requesting country. */
function buildExtradition(draft: Draft, context: BuildContext): void {
  const strength = context.targets.get('notice.extraditionRefusal')?.values;
  const groundsTarget = context.targets.get('notice.extraditionRefusalGrounds');
  const pending = context.targets.get('notice.extraditionPending')?.values;
  const proceeding = (outcome: ExtraditionProceeding['outcome'], grounds?: readonly string[]): ExtraditionProceeding => ({
    requestingCountry: context.requester,
    requestedCountry: context.hosts[2],
    date: daysBefore(context, 1000 + draft.extradition.length),
    outcome,
    ...(grounds === undefined ? {} : { grounds: [...grounds] as NonNullable<ExtraditionProceeding['grounds']> }),
  });
  const present = [...(groundsTarget?.present ?? [])].sort(compareStrings);
  const refusals: Array<readonly string[]> = present.length > 0 ? [present] : [];
  const strongest = () => ['rights_based', 'other_substantive', 'grounds_not_stated', 'procedural_only'].find((value) => refusals.some((grounds) => strengthOf(grounds) === value)) ?? 'none';
  if (strength !== undefined && !strength.has(strongest())) {
    const pick = (grounds: readonly string[]) => grounds.find((ground) => !groundsTarget?.absent.has(ground));
    const options: Array<[string, readonly string[] | undefined]> = [
      ['rights_based', pick(RIGHTS_BASED_GROUNDS) === undefined ? undefined : [pick(RIGHTS_BASED_GROUNDS)!]],
      ['other_substantive', pick(OTHER_SUBSTANTIVE_GROUNDS) === undefined ? undefined : [pick(OTHER_SUBSTANTIVE_GROUNDS)!]],
      ['grounds_not_stated', []],
      ['procedural_only', pick(['procedural', 'nationality']) === undefined ? undefined : [pick(['procedural', 'nationality'])!]],
    ];
    const usable = options.filter(([value, grounds]) => strength.has(value) && grounds !== undefined);
    const chosen = usable[context.variant('extradition') % Math.max(1, usable.length)];
    if (chosen !== undefined) refusals.push(chosen[1]!);
  }
  for (const grounds of refusals) draft.extradition.push(proceeding('refused', grounds.length === 0 ? undefined : grounds));
  if (pending?.has('yes') && !pending.has('no')) draft.extradition.push(proceeding('pending'));
}

// ---- detention ----------------------------------------------------------------------------------

/** @internal Detentions on the notice, and others. */
function buildDetention(draft: Draft, context: BuildContext): void {
  const detained = context.targets.get('person.detained')?.values;
  const onNotice = context.targets.get('notice.detentionOnNotice')?.values;
  const by = context.targets.get('notice.detainedOnNoticeBy');
  const within = context.targets.get('notice.detainedOnNoticeIn');
  const since = context.targets.get('notice.detainedOnNoticeSince');
  const needsOnNotice = onNotice?.has('no') === false || (by?.present.size ?? 0) > 0 || (within?.present.size ?? 0) > 0 || since !== undefined;
  if (needsOnNotice) {
    const authorities = [...(by?.present ?? [])];
    if (authorities.length === 0) {
      const found = DETAINING_AUTHORITIES.find((authority) => !by?.absent.has(authority));
      if (found !== undefined) authorities.push(found);
    }
    const countries = [...(within?.present ?? [])].sort(compareStrings);
    if (countries.length === 0) {
      const found = [...context.hosts, ...COUNTRY_CODES].find((country) => !within?.absent.has(country));
      if (found !== undefined) countries.push(found);
    }
    const start = dateWithin(since, daysBefore(context, 20), context.asOf) ?? daysBefore(context, 20);
    const count = Math.max(authorities.length, countries.length);
    for (let i = 0; i < count; i++) {
      draft.detention.push({
        country: countries[i % countries.length]!,
        since: start,
        authority: authorities[i % authorities.length] as Detention['authority'],
        basedOnNoticeId: WITNESS_NOTICE_ID,
      });
    }
  } else if (detained?.has('yes') && !detained.has('no')) {
    draft.detention.push({ country: context.hosts[0], since: daysBefore(context, 20), authority: 'other' });
  }
}

// ---- requests to the CCF ------------------------------------------------------------------------

/** @internal The date `months` months before `date` whose `months` months later is exactly `date`, if there is one near it. */
function monthsBefore(date: CalendarDate, months: number): CalendarDate | undefined {
  for (let shift = 0; shift < 4; shift++) {
    const start = addCalendarDays(addCalendarMonths(date, -months), -shift);
    if (addCalendarMonths(start, months) === date) return start;
  }
  return undefined;
}

/**
 * @internal A pending request admissible so that its decision is due on a day of the target's
 * interval, overdue or not as asked: the admissibility date, or `undefined`.
 */
function admissibleFor(context: BuildContext, due: FactTarget | undefined, overdue: ReadonlySet<string> | undefined, months: number): CalendarDate | undefined {
  const late = overdue === undefined ? undefined : overdue.has('yes') && !overdue.has('no') ? true : overdue.has('no') && !overdue.has('yes') ? false : undefined;
  // Overdue: due before the date judged at. Not overdue: due on or after it, admissible by then.
  const preferred = late === false ? addCalendarDays(context.asOf, 30) : daysBefore(context, 30);
  const latest = late === true ? daysBefore(context, 1) : undefined;
  for (let attempt = 0; attempt < 6; attempt++) {
    const wanted = dateWithin(due, addCalendarDays(preferred, late === false ? attempt : -attempt), latest);
    if (wanted === undefined) return undefined;
    if (late === false && wanted < context.asOf) return undefined;
    const admissible = monthsBefore(wanted, months);
    if (admissible !== undefined && admissible <= context.asOf) return admissible;
  }
  return undefined;
}

/** @internal Requests for access. */
function buildCcfAccess(draft: Draft, context: BuildContext): void {
  const due = context.targets.get('ccf.accessDecisionDueOn');
  const running = context.targets.get('ccf.accessDecisionPending')?.values;
  // A time limit that still runs is one not overdue.
  const overdue = running !== undefined && !running.has('no') ? new Set(['no']) : context.targets.get('ccf.accessDecisionOverdue')?.values;
  if (due === undefined && (overdue === undefined || overdue.has('no')) && (running === undefined || running.has('no'))) return;
  const admissible = admissibleFor(context, due, overdue, CCF_DECISION_TIME_LIMITS.access);
  if (admissible === undefined) return;
  draft.ccf.push({ type: 'access', filedOn: addCalendarDays(admissible, -10), admissibleOn: admissible });
}

/**
 * @internal Requests for deletion or revision covering the notice: a decision that kept the data
 * (for revision), a pending request for deletion (for its time limit), and the latest request
 * (for where the notice's request stands) — and the new facts a revision rests on.
 */
function buildCcfNotice(draft: Draft, context: BuildContext): void {
  const state = context.targets.get('notice.ccfRequest')?.values;
  const due = context.targets.get('notice.ccfDecisionDueOn');
  const running = context.targets.get('notice.ccfDecisionPending')?.values;
  const runningOnly = running !== undefined && !running.has('no');
  // A time limit that still runs is one not overdue.
  const overdue = runningOnly ? new Set(['no']) : context.targets.get('notice.ccfDecisionOverdue')?.values;
  const grounds = context.targets.get('notice.revisionGrounds');
  const open = context.targets.get('notice.revisionWindowOpen')?.values;
  const closed = context.targets.get('notice.revisionWindowClosed')?.values;
  const revisionDue = context.targets.get('notice.revisionDueOn');
  const wantOpen = (grounds?.present.size ?? 0) > 0 || open?.has('no') === false || revisionDue !== undefined;
  const wantClosed = closed?.has('no') === false;
  const stateWanted = state === undefined ? undefined : (['pending', 'decided_kept', 'awaiting_admissibility', 'decided_deleted', 'inadmissible', 'none'] as const).filter((value) => state.has(value))[context.variant('ccfNotice') % state.size];
  const needKept = wantOpen || wantClosed || stateWanted === 'decided_kept';
  const needPending = due !== undefined || overdue?.has('no') === false || runningOnly;
  if (!needKept && !needPending && (stateWanted === undefined || stateWanted === 'none')) {
    fileSomeRequest(draft, context);
    return;
  }
  const requests: Array<CcfRequest & { role: 'kept' | 'pending' | 'latest' }> = [];
  // The decision that kept the data, and the new facts after it.
  let decided: CalendarDate | undefined;
  if (needKept) {
    // The earliest open fact sets the due date of revision: six months after it (and the decision comes before it).
    const dueFact = revisionDue === undefined ? undefined : (() => {
      const wanted = dateWithin(revisionDue, addCalendarMonths(daysBefore(context, 100), REVISION_TIME_LIMIT_MONTHS), addCalendarMonths(context.asOf, REVISION_TIME_LIMIT_MONTHS));
      const fact = wanted === undefined ? undefined : monthsBefore(wanted, REVISION_TIME_LIMIT_MONTHS);
      return fact !== undefined && fact <= context.asOf ? fact : undefined;
    })();
    decided = wantClosed ? daysBefore(context, 400) : wantOpen ? daysBefore(context, 170) : daysBefore(context, 3);
    if (dueFact !== undefined && dueFact <= decided) decided = addCalendarDays(dueFact, -10);
    const newFacts = [...(grounds?.present ?? [])].sort(compareStrings);
    if (wantOpen && newFacts.length === 0) {
      const ground = ['charges_dropped', 'extradition_refused', 'asylum_granted'].find((candidate) => !grounds?.absent.has(candidate));
      if (ground !== undefined) newFacts.push(ground);
    }
    const firstFact = dueFact ?? daysBefore(context, 100);
    if (newFacts.includes('charges_dropped')) draft.notice.chargesDroppedOn = firstFact;
    if (newFacts.includes('extradition_refused')) {
      const kept = draft.extradition.find((item) => item.requestingCountry === context.requester && item.outcome === 'refused');
      draft.extradition.push({ requestingCountry: context.requester, requestedCountry: context.hosts[2], date: newFacts.includes('charges_dropped') ? addCalendarDays(firstFact, 1) : firstFact, outcome: 'refused', ...(kept?.grounds === undefined ? { grounds: ['procedural'] } : { grounds: [...kept.grounds] }) });
    }
    if (wantClosed) draft.notice.chargesDroppedOn = daysBefore(context, 300);
    requests.push({ role: 'kept', type: 'deletion', filedOn: addCalendarDays(decided, -60), admissibleOn: addCalendarDays(decided, -40), decidedOn: decided, outcome: 'compliant' });
  }
  if (needPending) {
    const admissible = admissibleFor(context, due, overdue, CCF_DECISION_TIME_LIMITS.deletion);
    if (admissible !== undefined) requests.push({ role: 'pending', type: 'deletion', filedOn: addCalendarDays(admissible, -5), admissibleOn: admissible });
  }
  // The latest request decides where the notice's request stands.
  const latestRole = stateWanted === 'decided_kept' ? 'kept' : stateWanted === 'pending' && needPending ? 'pending' : undefined;
  if (latestRole !== undefined) {
    const latest = requests.find((request) => request.role === latestRole);
    if (latest !== undefined) {
      const others = requests.filter((request) => request !== latest);
      const before = others.length === 0 ? latest.filedOn : others.map((request) => request.filedOn).sort(compareStrings)[0]!;
      // Move the others before it.
      for (const request of others) {
        if (request.filedOn >= latest.filedOn) {
          const shift = addCalendarDays(latest.filedOn, -1 - others.indexOf(request));
          request.filedOn = shift < before ? shift : before < latest.filedOn ? before : shift;
          if (request.admissibleOn !== undefined && request.admissibleOn < request.filedOn) request.filedOn = request.admissibleOn;
        }
      }
    }
  } else if (stateWanted !== undefined && stateWanted !== 'none') {
    const filedOn = daysBefore(context, 2);
    const latest: CcfRequest & { role: 'latest' } = { role: 'latest', type: 'revision', filedOn };
    if (stateWanted === 'pending') latest.admissibleOn = filedOn;
    else if (stateWanted === 'decided_deleted') Object.assign(latest, { decidedOn: daysBefore(context, 1), outcome: 'not_compliant' });
    else if (stateWanted === 'inadmissible') Object.assign(latest, { decidedOn: daysBefore(context, 1), outcome: 'inadmissible' });
    requests.push(latest);
  }
  for (const { role: _role, ...request } of requests) draft.ccf.push(request);
  fileSomeRequest(draft, context);
}

/** @internal A request to the CCF long decided (for access), when the case must have filed one and nothing else filed it. */
function fileSomeRequest(draft: Draft, context: BuildContext): void {
  if (draft.ccf.length > 0 || allows(context, 'ccf.requestFiled', 'no')) return;
  draft.ccf.push({ type: 'access', filedOn: daysBefore(context, 900), admissibleOn: daysBefore(context, 880), decidedOn: daysBefore(context, 800), outcome: 'compliant' });
}

// ---- the states that could return the person -----------------------------------------------------

/**
 * @internal The treaties that bind the states that could return the person: the states the other
 * constructors wrote (a state asked to extradite, a state holding the person on the notice, or
 * the host states) all become one country whose treaty status gives what the targets ask.
 */
function buildReturnStates(draft: Draft, context: BuildContext): void {
  const targets = FACT_GROUPS.returnStates.map((fact) => context.targets.get(fact));
  if (targets.every((target) => target === undefined)) return;
  const [statesTarget, basesTarget, unknownTarget, unknownInTarget] = targets;
  const current = deriveFacts(finishDraft(draft), context.asOf, { misusePatterns: [] }).notices[0]!.facts.values['notice.returnStates'];
  const states = Array.isArray(current) ? (current as readonly string[]) : [];
  if (states.length === 0) return;
  const treaties = bundledTreatyLists();
  const taken = new Set([context.requester, context.other, ...context.hosts].filter((country) => !states.includes(country)));
  const named = [...(statesTarget?.present ?? [])];
  const candidates = named.length === 1 ? named : COUNTRY_CODES.filter((country) => !taken.has(country));
  const fits = candidates.filter((country) => {
    const binding = bindingOf(treaties, country, context.asOf);
    return (
      accepts(statesTarget, [country]) &&
      accepts(basesTarget, binding.bases) &&
      accepts(unknownTarget, binding.statusUnknown.length > 0 ? 'yes' : 'no') &&
      accepts(unknownInTarget, binding.statusUnknown)
    );
  });
  const chosen = fits[context.variant('returnStates') % Math.max(1, fits.length)];
  if (chosen === undefined) return;
  const rename = (country: string) => (states.includes(country) ? chosen : country);
  for (const proceeding of draft.extradition) if (proceeding.outcome === 'pending') proceeding.requestedCountry = rename(proceeding.requestedCountry);
  for (const detention of draft.detention) detention.country = rename(detention.country);
  for (const event of draft.asylum ?? []) event.country = rename(event.country);
  for (const confirmation of draft.confirmations) confirmation.by = rename(confirmation.by);
}

/** @internal What binds each country alone on each date judged at (the same few dates come again and again). */
const bindings = new Map<CalendarDate, Map<string, ReturnType<typeof nonRefoulementBinding>>>();

/** @internal `nonRefoulementBinding` of one country, computed once per date. */
function bindingOf(treaties: ReturnType<typeof bundledTreatyLists>, country: string, asOf: CalendarDate): ReturnType<typeof nonRefoulementBinding> {
  let byCountry = bindings.get(asOf);
  if (byCountry === undefined) {
    if (bindings.size > 64) bindings.clear();
    bindings.set(asOf, (byCountry = new Map()));
  }
  let binding = byCountry.get(country);
  if (binding === undefined) byCountry.set(country, (binding = nonRefoulementBinding(treaties, [country], asOf)));
  return binding;
}

// ---- rule sets' own facts -----------------------------------------------------------------------

/**
 * @internal The values of rule sets' own facts: a value of each target, as the case states it
 * (`true`/`false` for yes/no facts).
 */
function buildExtensions(draft: Draft, context: BuildContext, customFacts: readonly CustomFact[]): void {
  for (const fact of customFacts) {
    const target = context.targets.get(fact.name);
    if (target === undefined) continue;
    const value = customValue(fact, target, context);
    if (value === undefined) continue;
    const store = fact.scope === 'case' ? draft.caseExtensions : draft.noticeExtensions;
    (store[fact.namespace] ??= {})[fact.key] = value;
  }
}

/** @internal A value of a rule set's own fact that meets a target, as a case states it. */
function customValue(fact: CustomFact, target: FactTarget, context: BuildContext): ExtensionValue | undefined {
  const candidates = (): Array<{ stated: ExtensionValue; value: FactValue }> => {
    switch (fact.declaredType) {
      case 'boolean':
        return [{ stated: true, value: 'yes' }, { stated: false, value: 'no' }];
      case 'enum':
        return (fact.values ?? []).map((value) => ({ stated: value, value }));
      case 'date': {
        const date = dateWithin(target, daysBefore(context, 10)) ?? daysBefore(context, 10);
        return [{ stated: date, value: date }];
      }
      case 'number': {
        const { above, below, equal } = target.numbers ?? {};
        const value = equal ?? (above !== undefined && below !== undefined ? (above + below) / 2 : above !== undefined ? above + 1 : below !== undefined ? below - 1 : 0);
        return [{ stated: value, value }];
      }
      case 'countries': {
        const items = [...target.present].sort(compareStrings);
        return [{ stated: items, value: items }];
      }
      default:
        return [];
    }
  };
  return candidates().find((candidate) => accepts(target, candidate.value))?.stated;
}

// ---- the whole case -----------------------------------------------------------------------------

/** @internal An empty draft: one notice, nothing else known. */
function emptyDraft(requester: string): Draft {
  const notice: Notice = { id: WITNESS_NOTICE_ID, kind: 'red_notice', requestingCountry: requester };
  return {
    notice,
    case: { schemaVersion: 1, notices: [notice] },
    asylum: undefined,
    confirmations: [],
    extradition: [],
    ccf: [],
    detention: [],
    article3: {},
    otherNotices: [],
    caseExtensions: {},
    noticeExtensions: {},
  };
}

/** @internal The case of a draft, with only the parts it has. */
function finishDraft(draft: Draft): Case {
  const notice: Notice = { ...draft.notice };
  if (Object.keys(draft.noticeExtensions).length > 0) notice.extensions = draft.noticeExtensions;
  const value: Case = { schemaVersion: 1, notices: [notice, ...draft.otherNotices] };
  if (draft.asylum !== undefined) value.asylum = draft.asylum;
  if (draft.confirmations.length > 0) value.confirmations = draft.confirmations;
  if (draft.extradition.length > 0) value.extradition = draft.extradition;
  if (draft.ccf.length > 0) value.ccf = draft.ccf;
  if (draft.detention.length > 0) value.detention = draft.detention;
  if (Object.keys(draft.article3).length > 0) value.article3 = draft.article3;
  if (Object.keys(draft.caseExtensions).length > 0) value.extensions = draft.caseExtensions;
  return value;
}

/**
 * Builds the case of a witness: each group's constructor in turn (the CCF last: a revision rests
 * on facts the others wrote), with the variant `context.variant` picks for each group.
 *
 * @example
 * ```ts
 * const targets = new Map([['notice.extraditionPending', { values: new Set(['yes']), present: new Set(), absent: new Set(), custom: [] }]]);
 * const context = { asOf: '2026-06-01', requester: 'TJ', other: 'BY', hosts: ['DE', 'FR', 'NL'] as const, patterns: [], targets, unknown: new Set<string>(), variant: () => 0 };
 * buildWitnessCase(context, []).extradition?.map((item) => item.outcome); // ['pending']
 * ```
 */
export function buildWitnessCase(context: BuildContext, customFacts: readonly CustomFact[]): Case {
  const draft = emptyDraft(context.requester);
  buildNotice(draft, context);
  buildProtection(draft, context);
  buildOffences(draft, context);
  buildArticle3(draft, context);
  buildExtradition(draft, context);
  buildDetention(draft, context);
  buildReturnStates(draft, context);
  buildCcfAccess(draft, context);
  buildCcfNotice(draft, context);
  buildExtensions(draft, context, customFacts);
  return finishDraft(draft);
}

/**
 * Countries for the roles of a witness: host states and a second feared country, none of them
 * the requesting country, none a country a target needs elsewhere.
 *
 * @example
 * ```ts
 * witnessCountries('AD', []); // { other: 'AE', hosts: ['AF', 'AG', 'AI'] }
 * ```
 */
export function witnessCountries(requester: string, reserved: readonly string[]): { other: string; hosts: [string, string, string] } {
  const free = COUNTRY_CODES.filter((country) => country !== requester && !reserved.includes(country));
  return { other: free[0]!, hosts: [free[1]!, free[2]!, free[3]!] };
}

