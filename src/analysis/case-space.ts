/**
 * The case space searched by the semantic analysis: cases assembled from fragments, one
 * fragment per group of facts, so that every value of the fact catalogue's finite domains (and
 * "unknown") that derivation can produce is produced by some combination. A group's fragments
 * vary only what that group's facts depend on; groups whose facts no rule reads stay at their
 * first fragment. Cases are built relative to the date they are judged at, and every case is
 * validated before it is used (so every witness is a valid case).
 *
 * @module
 */
import { DELETION_BASES, EXTRADITION_GROUNDS, NOTICE_KINDS, OFFENCE_CATEGORIES } from '../case/schema.js';
import type { FactName } from '../facts/catalogue.js';
import type { CalendarDate } from '../support/dates.js';
import { addCalendarDays } from '../support/dates.js';

/** A case under construction (plain JSON, mutable). */
export interface CaseDraft {
  schemaVersion: 1;
  notices: Array<Record<string, unknown>>;
  asylum?: Array<Record<string, unknown>>;
  confirmations?: Array<Record<string, unknown>>;
  extradition?: Array<Record<string, unknown>>;
  ccf?: Array<Record<string, unknown>>;
  detention?: Array<Record<string, unknown>>;
  article3?: Record<string, boolean>;
}

/** What fragments know when they are applied. */
export interface DraftContext {
  /** The date the case is judged at. */
  readonly asOf: CalendarDate;
  /** The requesting country of the notice under analysis. */
  readonly requester: string;
  /** A country that is neither the requester nor a host state. */
  readonly other: string;
}

/** One way of filling in a group's part of a case. */
export interface Fragment {
  /** What it is, for reports (e.g. `granted, feared, confirmed after the grant`). */
  readonly label: string;
  apply(draft: CaseDraft, context: DraftContext): void;
}

/** A group of facts and the fragments that produce their values. */
export interface FragmentGroup {
  readonly name: string;
  /** The facts (of the catalogue) whose values this group decides. */
  readonly facts: readonly FactName[];
  /** Its fragments; the first one is the neutral choice used when the group does not vary. */
  readonly fragments: (relevantFacts: ReadonlySet<string>) => readonly Fragment[];
  /** Which of the relevant facts change its fragments (two fact sets with the same answer give the same fragments). */
  readonly shapedBy: (relevantFacts: ReadonlySet<string>) => string;
}

/** @internal Groups whose fragments do not depend on the facts read. */
const fixedShape = () => '';

/** The notice every analysed case is about. */
export const ANALYSED_NOTICE_ID = 'rn-1';

/** @internal A date `days` before `asOf`. */
function before(context: DraftContext, days: number): CalendarDate {
  return addCalendarDays(context.asOf, -days);
}

/** @internal The analysed notice of a draft. */
function analysedNotice(draft: CaseDraft): Record<string, unknown> {
  return draft.notices[0]!;
}

/** @internal Appends items to a list field of the draft. */
function push(draft: CaseDraft, key: 'asylum' | 'confirmations' | 'extradition' | 'ccf' | 'detention', ...items: Array<Record<string, unknown>>): void {
  const list: Array<Record<string, unknown>> = draft[key] ?? [];
  list.push(...items);
  draft[key] = list;
}

/** @internal A fragment from a label and a function. */
function fragment(label: string, apply: (draft: CaseDraft, context: DraftContext) => void): Fragment {
  return { label, apply };
}

/** @internal All combinations of option lists, as arrays (a small cartesian product). */
function product<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])), [[]]);
}

// ---- protection: the asylum history and the confirmations ----------------------------------

type Fear = 'requester' | 'other' | 'unnamed';
type Finality = boolean | undefined;

/** @internal Event sequences of one host state, as offsets in days before `asOf`. */
const HOST_HISTORIES: ReadonlyArray<{
  label: string;
  events: (final: Finality) => Array<[string, number, Record<string, unknown>?]>;
  /** Whether finality varies: always (`true`), or only where appeals are read (`appeals`). */
  finality?: true | 'appeals';
  grant?: number;
}> = [
  { label: 'application pending', events: () => [['application_filed', 1500]] },
  { label: 'denied', finality: true, events: (final) => [['application_filed', 1500], ['asylum_denied', 1200, finalField(final)]] },
  { label: 'appeal pending', events: () => [['application_filed', 1500], ['asylum_denied', 1200, { final: false }], ['appeal_filed', 1150]] },
  { label: 'granted on appeal', grant: 900, events: () => [['application_filed', 1500], ['asylum_denied', 1200, { final: false }], ['appeal_filed', 1150], ['appeal_allowed', 900]] },
  { label: 'appeal dismissed', finality: true, events: (final) => [['application_filed', 1500], ['asylum_denied', 1200, { final: false }], ['appeal_filed', 1150], ['appeal_dismissed', 900, finalField(final)]] },
  { label: 'granted', grant: 800, events: () => [['application_filed', 1500], ['refugee_status_granted', 800]] },
  { label: 'granted without an application', grant: 800, events: () => [['refugee_status_granted', 800]] },
  { label: 'revoked', grant: 800, finality: 'appeals', events: (final) => [['application_filed', 1500], ['refugee_status_granted', 800], ['refugee_status_revoked', 300, finalField(final)]] },
  { label: 'revoked, appeal pending', grant: 800, events: () => [['application_filed', 1500], ['refugee_status_granted', 800], ['refugee_status_revoked', 300], ['appeal_filed', 250]] },
  { label: 'ceased', grant: 800, finality: 'appeals', events: (final) => [['application_filed', 1500], ['refugee_status_granted', 800], ['refugee_status_ceased', 300, finalField(final)]] },
  { label: 'denied after a grant', grant: 800, finality: true, events: (final) => [['application_filed', 1500], ['refugee_status_granted', 800], ['asylum_denied', 300, finalField(final)]] },
  { label: 'subsidiary protection', events: () => [['application_filed', 1500], ['asylum_denied', 1200, { final: true }], ['subsidiary_protection_granted', 1200]] },
  { label: 'naturalised', grant: 800, events: () => [['application_filed', 1500], ['refugee_status_granted', 800], ['naturalised', 300]] },
];

/** @internal The `final` field of a denial, if stated. */
function finalField(final: Finality): Record<string, unknown> {
  return final === undefined ? {} : { final };
}

/** @internal The events of one host state, with the feared countries named on the first event. */
function hostEvents(
  context: DraftContext,
  host: string,
  events: Array<[string, number, Record<string, unknown>?]>,
  fear: Fear,
  grounds: string[] | undefined,
): Array<Record<string, unknown>> {
  return events.map(([type, days, extra], index) => {
    const event: Record<string, unknown> = { type, date: before(context, days), country: host, ...extra };
    if (index === 0 && fear !== 'unnamed') event.persecutionFearedFrom = [fear === 'requester' ? context.requester : context.other];
    if ((type === 'refugee_status_granted' || type === 'appeal_allowed') && grounds !== undefined) event.grounds = grounds;
    return event;
  });
}

/** @internal Ways a member country may have told INTERPOL of the grant. */
const CONFIRMATIONS: ReadonlyArray<{ label: string; of: (context: DraftContext, grant: number) => Array<Record<string, unknown>> }> = [
  { label: 'no confirmation', of: () => [] },
  { label: 'confirmed after the grant', of: (context, grant) => [{ by: 'DE', to: 'ccf', date: before(context, grant - 30), subject: 'refugee_status' }] },
  { label: 'confirmed to the General Secretariat before the grant', of: (context, grant) => [{ by: 'DE', to: 'general_secretariat', date: before(context, grant + 30), subject: 'refugee_status' }] },
  {
    label: 'confirmed, then a revocation confirmed',
    of: (context, grant) => [
      { by: 'DE', to: 'ccf', date: before(context, grant - 30), subject: 'refugee_status' },
      { by: 'DE', to: 'general_secretariat', date: before(context, grant - 60), subject: 'status_revoked' },
    ],
  },
];

/** @internal A confirmation to the General Secretariat after the grant (varied only where it is read). */
const CONFIRMED_TO_GENERAL_SECRETARIAT: (typeof CONFIRMATIONS)[number] = {
  label: 'confirmed to the General Secretariat after the grant',
  of: (context, grant) => [{ by: 'DE', to: 'general_secretariat', date: before(context, grant - 30), subject: 'refugee_status' }],
};

/** @internal Whether appeals of protection decisions need to vary (finality of revocations). */
function appealsRead(relevant: ReadonlySet<string>): boolean {
  return readsAny(relevant, 'notice.protectionDecisionAppealable', 'notice.protectionAppealDueOn', 'notice.appealableDecision');
}

/** @internal Whether the grounds of a grant beyond political opinion and religion need to vary. */
function raceRead(relevant: ReadonlySet<string>): boolean {
  return relevant.has('notice.grantOnRace');
}

/** @internal Whether a confirmation to the General Secretariat needs to vary. */
function keptRead(relevant: ReadonlySet<string>): boolean {
  return readsAny(relevant, 'notice.keptAfterConfirmation', 'notice.confirmedToGeneralSecretariatOn');
}

/** @internal Fragments of the protection group. */
function protectionFragments(relevant: ReadonlySet<string>): Fragment[] {
  const fragments: Fragment[] = [
    fragment('asylum history unknown', () => undefined),
    fragment('no asylum history', (draft) => {
      draft.asylum = [];
    }),
  ];
  for (const history of HOST_HISTORIES) {
    const finalities: Finality[] = history.finality === true || (history.finality === 'appeals' && appealsRead(relevant)) ? [true, false, undefined] : [undefined];
    for (const [final, fear] of product<unknown>([finalities, ['requester', 'other', 'unnamed']]) as Array<[Finality, Fear]>) {
      const base = `${history.label}${finalities.length > 1 ? ` (final: ${String(final)})` : ''}, feared: ${fear}`;
      if (history.grant === undefined) {
        fragments.push(fragment(base, (draft, context) => push(draft, 'asylum', ...hostEvents(context, 'DE', history.events(final), fear, undefined))));
        continue;
      }
      const grant = history.grant;
      for (const [grounds, confirmation] of product<unknown>([[['political_opinion'], ['religion'], ...(raceRead(relevant) ? [['race']] : []), undefined], [...CONFIRMATIONS, ...(keptRead(relevant) ? [CONFIRMED_TO_GENERAL_SECRETARIAT] : [])]]) as Array<[string[] | undefined, (typeof CONFIRMATIONS)[number]]>) {
        fragments.push(
          fragment(`${base}, grounds: ${grounds?.join('+') ?? 'unstated'}, ${confirmation.label}`, (draft, context) => {
            push(draft, 'asylum', ...hostEvents(context, 'DE', history.events(final), fear, grounds));
            const confirmations = confirmation.of(context, grant);
            if (confirmations.length > 0) push(draft, 'confirmations', ...confirmations);
          }),
        );
      }
    }
  }
  // Two host states that weigh on the same notice, or on different notices.
  fragments.push(
    fragment('granted against another country in DE, pending against the requester in FR', (draft, context) =>
      push(draft, 'asylum', ...hostEvents(context, 'DE', [['application_filed', 1500], ['refugee_status_granted', 800]], 'other', undefined), ...hostEvents(context, 'FR', [['application_filed', 400]], 'requester', undefined)),
    ),
    fragment('finally denied in DE, granted in FR, both fearing the requester', (draft, context) =>
      push(draft, 'asylum', ...hostEvents(context, 'DE', [['application_filed', 1500], ['asylum_denied', 1200, { final: true }]], 'requester', undefined), ...hostEvents(context, 'FR', [['application_filed', 1000], ['refugee_status_granted', 500]], 'requester', undefined)),
    ),
    fragment('denied in DE (finality unstated), pending in FR naming no feared country', (draft, context) =>
      push(draft, 'asylum', ...hostEvents(context, 'DE', [['application_filed', 1500], ['asylum_denied', 1200]], 'requester', undefined), ...hostEvents(context, 'FR', [['application_filed', 400]], 'unnamed', undefined)),
    ),
  );
  return fragments;
}

// ---- the notice itself ----------------------------------------------------------------------

/** @internal Fragments of the notice group: kind, status and (where it is read) the date of issue. */
function noticeFragments(relevant: ReadonlySet<string>): Fragment[] {
  const statuses: Array<[string, (notice: Record<string, unknown>, context: DraftContext) => void]> = [
    ['active', () => undefined],
    ['suspended', (notice) => void (notice.status = 'suspended')],
    ['status unknown', (notice) => void (notice.status = 'unknown')],
    ['deleted later than the date judged', (notice, context) => Object.assign(notice, { status: 'deleted', deletedOn: addCalendarDays(context.asOf, 10), deletionBasis: 'other' })],
    ['deleted, basis unstated', (notice, context) => Object.assign(notice, { status: 'deleted', deletedOn: before(context, 100) })],
    ...DELETION_BASES.map(
      (basis): [string, (notice: Record<string, unknown>, context: DraftContext) => void] => [
        `deleted (${basis})`,
        (notice, context) => Object.assign(notice, { status: 'deleted', deletedOn: before(context, 100), deletionBasis: basis }),
      ],
    ),
  ];
  // Issued before every grant of the case space, after every one, or on a date not stated.
  const issued: Array<number | undefined> = issueRead(relevant) ? [undefined, 2000, 200] : [undefined];
  return NOTICE_KINDS.flatMap((kind) =>
    statuses.flatMap(([label, apply]) =>
      issued.map((days) =>
        fragment(`${kind}, ${label}${days === undefined ? '' : `, issued ${String(days)} days before`}`, (draft, context) => {
          const notice = analysedNotice(draft);
          notice.kind = kind;
          if (days !== undefined) notice.issuedOn = before(context, days);
          apply(notice, context);
        }),
      ),
    ),
  );
}

/** @internal Whether the date a notice was issued needs to vary. */
function issueRead(relevant: ReadonlySet<string>): boolean {
  return relevant.has('notice.issuedAfterRecognition');
}

// ---- offences, purpose and judicial data ------------------------------------------------------

/** @internal Whether any of some facts (checked names) is among the facts read. */
function readsAny(relevant: ReadonlySet<string>, ...names: readonly FactName[]): boolean {
  return names.some((name) => relevant.has(name));
}

/** @internal Whether penalties and purpose need to vary. */
function penaltyRead(relevant: ReadonlySet<string>): boolean {
  return readsAny(relevant, 'notice.penaltyBelowThreshold', 'notice.purpose', 'notice.sentenceThresholdDoubtful');
}

/** @internal Whether the judicial data need to vary. */
function judicialRead(relevant: ReadonlySet<string>): boolean {
  return readsAny(relevant, 'notice.missingJudicialData', 'notice.judicialDataIncomplete');
}

/** @internal Fragments of the offences group. */
function offenceFragments(relevant: ReadonlySet<string>): Fragment[] {
  const lists: Array<[string, Array<Record<string, unknown>> | undefined]> = [
    ['offences not stated', undefined],
    ['no offence listed', []],
    ...OFFENCE_CATEGORIES.map((category): [string, Array<Record<string, unknown>>] => [category, [{ category, maxPenaltyYears: 5, sentenceYears: 2, remainingSentenceYears: 1 }]]),
    ['cheque beside fraud', [{ category: 'cheque', maxPenaltyYears: 3 }, { category: 'fraud', maxPenaltyYears: 8 }]],
    ['penalty under the thresholds', [{ category: 'violent', maxPenaltyYears: 1, sentenceYears: 0.25, remainingSentenceYears: 0.25 }]],
    ['one offence of two under the thresholds', [{ category: 'violent', maxPenaltyYears: 1, sentenceYears: 0.25, remainingSentenceYears: 0.1 }, { category: 'fraud', maxPenaltyYears: 5, sentenceYears: 2, remainingSentenceYears: 1 }]],
    ['penalties not stated', [{ category: 'fraud' }]],
    ['sentence mostly served', [{ category: 'fraud', maxPenaltyYears: 5, sentenceYears: 2, remainingSentenceYears: 0.25 }]],
  ];
  const purposes: Array<string | undefined> = penaltyRead(relevant) ? ['prosecution', 'sentence', undefined] : ['prosecution'];
  const judicial: Array<string[] | undefined> = judicialRead(relevant) ? [[], ['summary_of_facts'], undefined] : [[]];
  return lists.flatMap(([label, offences]) =>
    purposes.flatMap((purpose) =>
      judicial.map((lacking) =>
        fragment(`${label}, purpose ${String(purpose)}, judicial data lacking ${JSON.stringify(lacking)}`, (draft) => {
          const notice = analysedNotice(draft);
          if (offences !== undefined) notice.offences = structuredClone(offences);
          if (purpose !== undefined) notice.purpose = purpose;
          if (lacking !== undefined) notice.missingJudicialData = [...lacking];
        }),
      ),
    ),
  );
}

// ---- the Article 3 profile --------------------------------------------------------------------

/** @internal The Article 3 flags that matter to the facts read (a political offence may rest on one). */
function article3Flags(relevant: ReadonlySet<string>): string[] {
  const read = [...relevant].filter((name) => name.startsWith('article3.')).map((name) => name.slice('article3.'.length));
  if (readsAny(relevant, 'notice.politicalOffence')) read.push('offenceOfPoliticalCharacter');
  return [...new Set(read)].sort();
}

/** @internal Fragments of the Article 3 group: every stated/unstated value of the flags that are read. */
function article3Fragments(relevant: ReadonlySet<string>): Fragment[] {
  const flags = article3Flags(relevant);
  const options: Array<boolean | undefined> = [undefined, true, false];
  return product(flags.map(() => options)).map((values) =>
    fragment(flags.map((flag, i) => `${flag}: ${String(values[i])}`).join(', ') || 'no Article 3 profile', (draft) => {
      flags.forEach((flag, i) => {
        if (values[i] !== undefined) (draft.article3 ??= {})[flag] = values[i]!;
      });
    }),
  );
}

// ---- extradition --------------------------------------------------------------------------------

/** @internal Fragments of the extradition group. */
function extraditionFragments(): Fragment[] {
  const refusal = (context: DraftContext, extra: Record<string, unknown>) => ({ requestingCountry: context.requester, requestedCountry: 'PL', date: before(context, 200), outcome: 'refused', ...extra });
  return [
    fragment('no extradition proceedings', () => undefined),
    ...EXTRADITION_GROUNDS.map((ground) => fragment(`refused: ${ground}`, (draft, context) => push(draft, 'extradition', refusal(context, { grounds: [ground] })))),
    fragment('refused: nationality and procedural', (draft, context) => push(draft, 'extradition', refusal(context, { grounds: ['nationality', 'procedural'] }))),
    fragment('refused, grounds not stated', (draft, context) => push(draft, 'extradition', refusal(context, {}))),
    fragment('refused, undated', (draft, context) => push(draft, 'extradition', { requestingCountry: context.requester, requestedCountry: 'PL', outcome: 'refused', grounds: ['human_rights'] })),
    fragment('refused at the request of another country', (draft, context) => push(draft, 'extradition', { ...refusal(context, { grounds: ['human_rights'] }), requestingCountry: context.other })),
    fragment('pending', (draft, context) => push(draft, 'extradition', { requestingCountry: context.requester, requestedCountry: 'PL', date: before(context, 20), outcome: 'pending' })),
    fragment('granted', (draft, context) => push(draft, 'extradition', { requestingCountry: context.requester, requestedCountry: 'PL', date: before(context, 20), outcome: 'granted' })),
  ];
}

// ---- detention ------------------------------------------------------------------------------------

/** @internal Fragments of the detention group. */
function detentionFragments(): Fragment[] {
  const held = (context: DraftContext, extra: Record<string, unknown>) => ({ country: 'PL', since: before(context, 15), ...extra });
  return [
    fragment('not detained', () => undefined),
    fragment('held by immigration on the notice', (draft, context) => push(draft, 'detention', held(context, { authority: 'immigration', basedOnNoticeId: ANALYSED_NOTICE_ID }))),
    fragment('held by the police on the notice', (draft, context) => push(draft, 'detention', held(context, { authority: 'criminal', basedOnNoticeId: ANALYSED_NOTICE_ID }))),
    fragment('held by immigration, notice not stated', (draft, context) => push(draft, 'detention', held(context, { authority: 'immigration' }))),
    fragment('held on other grounds', (draft, context) => push(draft, 'detention', held(context, { authority: 'other' }))),
    fragment('released', (draft, context) => push(draft, 'detention', held(context, { authority: 'immigration', basedOnNoticeId: ANALYSED_NOTICE_ID, since: before(context, 400), released: before(context, 300) }))),
  ];
}

// ---- requests to the CCF ----------------------------------------------------------------------------

/** @internal Fragments of the CCF group (some add the new facts a revision rests on). */
function ccfFragments(): Fragment[] {
  const request = (context: DraftContext, type: string, filed: number, extra: Record<string, unknown>) => ({ type, filedOn: before(context, filed), ...extra });
  const kept = (context: DraftContext) => request(context, 'deletion', 700, { admissibleOn: before(context, 680), decidedOn: before(context, 400), outcome: 'compliant' });
  const grant = (context: DraftContext, days: number) => ({ type: 'refugee_status_granted', date: before(context, days), country: 'FR', persecutionFearedFrom: [context.requester] });
  return [
    fragment('no request to the CCF', () => undefined),
    fragment('deletion request awaiting admissibility', (draft, context) => push(draft, 'ccf', request(context, 'deletion', 60, {}))),
    fragment('deletion request within its nine months', (draft, context) => push(draft, 'ccf', request(context, 'deletion', 120, { admissibleOn: before(context, 100) }))),
    fragment('deletion request overdue', (draft, context) => push(draft, 'ccf', request(context, 'deletion', 400, { admissibleOn: before(context, 380) }))),
    fragment('access request overdue', (draft, context) => push(draft, 'ccf', request(context, 'access', 200, { admissibleOn: before(context, 180) }))),
    fragment('access request within its four months', (draft, context) => push(draft, 'ccf', request(context, 'access', 60, { admissibleOn: before(context, 40) }))),
    fragment('access request awaiting admissibility', (draft, context) => push(draft, 'ccf', request(context, 'access', 30, {}))),
    fragment('deletion request inadmissible', (draft, context) => push(draft, 'ccf', request(context, 'deletion', 100, { decidedOn: before(context, 70), outcome: 'inadmissible' }))),
    fragment('data deleted by the CCF', (draft, context) => push(draft, 'ccf', request(context, 'deletion', 500, { admissibleOn: before(context, 480), decidedOn: before(context, 100), outcome: 'not_compliant' }))),
    fragment('data kept; refugee status granted since (within six months)', (draft, context) => {
      push(draft, 'ccf', kept(context));
      push(draft, 'asylum', grant(context, 60));
    }),
    fragment('data kept; refugee status granted since (over six months ago)', (draft, context) => {
      push(draft, 'ccf', kept(context));
      push(draft, 'asylum', grant(context, 250));
    }),
    fragment('data kept; extradition refused since', (draft, context) => {
      push(draft, 'ccf', kept(context));
      push(draft, 'extradition', { requestingCountry: context.requester, requestedCountry: 'ES', date: before(context, 50), outcome: 'refused', grounds: ['procedural'] });
    }),
    fragment('data kept; extradition refused, undated', (draft, context) => {
      push(draft, 'ccf', kept(context));
      push(draft, 'extradition', { requestingCountry: context.requester, requestedCountry: 'ES', outcome: 'refused', grounds: ['procedural'] });
    }),
    fragment('data kept; charges dropped since', (draft, context) => {
      push(draft, 'ccf', kept(context));
      analysedNotice(draft).chargesDroppedOn = before(context, 30);
    }),
    fragment('data kept; decision date unstated', (draft, context) => push(draft, 'ccf', request(context, 'deletion', 700, { outcome: 'compliant' }))),
    fragment('a request about another notice only', (draft, context) => {
      draft.notices.push({ id: 'rn-other', kind: 'diffusion', requestingCountry: context.other });
      push(draft, 'ccf', request(context, 'deletion', 120, { admissibleOn: before(context, 100), noticeIds: ['rn-other'] }));
    }),
  ];
}

/**
 * The fragment groups, with the facts each decides. Facts not listed (`notice.kind` is in the
 * notice group; `notice.requestingCountry` and `notice.misuseDocumented` follow the requester)
 * follow from the others.
 */
export const FRAGMENT_GROUPS: readonly FragmentGroup[] = [
  {
    name: 'protection',
    facts: [
      'asylum.historyKnown', 'protection.status', 'protection.confirmed', 'protection.formerlyGranted', 'notice.protectionStatus',
      'notice.statusConfirmed', 'notice.formerlyGranted', 'notice.fromFearedCountry', 'notice.grantOnPoliticalOpinion',
      'notice.grantOnRace', 'notice.grantOnReligion', 'protection.decisionUnderAppeal', 'notice.protectionDecisionUnderAppeal',
      'notice.appealableDecision', 'notice.protectionDecisionAppealable', 'notice.protectionAppealDueOn', 'notice.protectionHosts',
      'notice.recognisedOn', 'notice.issuedAfterRecognition', 'notice.confirmedToGeneralSecretariatOn', 'notice.keptAfterConfirmation',
      'notice.returnStates', 'notice.nonRefoulementBases', 'notice.treatyStatusUnknown', 'notice.treatyStatusUnknownIn',
    ],
    fragments: protectionFragments,
    shapedBy: (relevant) => `${String(appealsRead(relevant))}/${String(raceRead(relevant))}/${String(keptRead(relevant))}`,
  },
  {
    name: 'notice',
    facts: ['notice.kind', 'notice.status', 'notice.recordedAsDeleted', 'notice.deletionBasis', 'case.noticeStanding', 'notice.issuedAfterRecognition', 'notice.keptAfterConfirmation'],
    fragments: noticeFragments,
    shapedBy: (relevant) => String(issueRead(relevant)),
  },
  {
    name: 'offences',
    facts: [
      'notice.offenceCategories', 'notice.excludedOffenceCategories', 'notice.politicalOffence', 'notice.penaltyBelowThreshold',
      'notice.purpose', 'notice.missingJudicialData', 'notice.judicialDataIncomplete', 'notice.sentenceThresholdDoubtful',
    ],
    fragments: offenceFragments,
    shapedBy: (relevant) => `${String(penaltyRead(relevant))}/${String(judicialRead(relevant))}`,
  },
  {
    name: 'article3',
    facts: [
      'article3.politicalActivity', 'article3.opposition', 'article3.journalistOrDefender', 'article3.offenceOfPoliticalCharacter',
      'article3.chargesFollowPoliticalEvents', 'article3.otherCountriesFoundPolitical', 'article3.persecutedGroup', 'notice.politicalOffence',
    ],
    fragments: article3Fragments,
    shapedBy: (relevant) => article3Flags(relevant).join(','),
  },
  {
    name: 'extradition',
    facts: ['notice.extraditionRefusal', 'notice.extraditionRefusalGrounds', 'notice.extraditionPending', 'notice.returnStates', 'notice.nonRefoulementBases', 'notice.treatyStatusUnknown', 'notice.treatyStatusUnknownIn'],
    fragments: extraditionFragments,
    shapedBy: fixedShape,
  },
  {
    name: 'detention',
    facts: [
      'person.detained', 'notice.detentionOnNotice', 'notice.detainedOnNoticeBy', 'notice.detainedOnNoticeIn', 'notice.detainedOnNoticeSince',
      'notice.returnStates', 'notice.nonRefoulementBases', 'notice.treatyStatusUnknown', 'notice.treatyStatusUnknownIn',
    ],
    fragments: detentionFragments,
    shapedBy: fixedShape,
  },
  {
    name: 'ccf',
    facts: [
      'ccf.accessDecisionDueOn', 'ccf.accessDecisionOverdue', 'ccf.accessDecisionPending', 'ccf.requestFiled', 'notice.ccfRequest',
      'notice.ccfDecisionDueOn', 'notice.ccfDecisionOverdue', 'notice.ccfDecisionPending',
      'notice.revisionGrounds', 'notice.revisionDueOn', 'notice.revisionWindowOpen', 'notice.revisionWindowClosed',
    ],
    fragments: ccfFragments,
    shapedBy: fixedShape,
  },
];

/**
 * Builds a case from one fragment per group.
 *
 * @example
 * ```ts
 * const diffusion: Fragment = { label: 'a diffusion', apply: (draft) => void (draft.notices[0]!.kind = 'diffusion') };
 * buildCase([diffusion], { asOf: '2026-06-01', requester: 'TJ', other: 'BY' }); // { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'diffusion', requestingCountry: 'TJ' }] }
 * ```
 */
export function buildCase(fragments: readonly Fragment[], context: DraftContext): CaseDraft {
  const draft: CaseDraft = {
    schemaVersion: 1,
    notices: [{ id: ANALYSED_NOTICE_ID, kind: 'red_notice', requestingCountry: context.requester }],
  };
  for (const part of fragments) part.apply(draft, context);
  return draft;
}
