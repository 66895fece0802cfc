/**
 * INTERPOL's member countries, with the date each joined where a source gives it: who can
 * confirm a person's refugee status to INTERPOL under resolution GA-2017-86-RES-09 ("member
 * countries" confirm). The bundled file (`rules/interpol-members.json`) is dated and cites its
 * sources for every entry; users replace it with `createEvaluator({ interpolMembers })`.
 *
 * A country is a member on a date when it is listed and joined on or before that date. A joining
 * date known to the month only counts from the last day of that month (the day it was certainly
 * a member) — the same rule as publication dates of misuse patterns.
 *
 * @module
 */
import * as z from 'zod';
import { calendarDateField, countryField, identifierField, textField } from '../support/fields.js';
import { isCalendarDate, type CalendarDate } from '../support/dates.js';
import { BUNDLED_INTERPOL_MEMBERS } from '../bundled.js';
import { publishedBy } from './misuse-patterns.js';

/** A date as precise as a source gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const partialDateField = z
  .string()
  .refine((value) => /^\d{4}$/.test(value) || (/^\d{4}-\d{2}$/.test(value) && isCalendarDate(`${value}-01`)) || isCalendarDate(value), {
    params: { code: 'invalid_publication_date' },
    abort: true,
  })
  .meta({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD.' });

/** A source the data rest on. */
export const referenceSourceSchema = z.strictObject({
  title: textField(1, 1000),
  publisher: textField(1, 300).optional(),
  url: z.url({ protocol: /^https?$/ }).max(1000),
  /** How the source was read (a part, the whole). */
  readVia: textField(1, 500),
  /** How far the source can be trusted, in words (`primary`, `secondary`, with what limits). */
  verification: textField(1, 500),
});

/** One member country. */
export const interpolMemberSchema = z.strictObject({
  code: countryField,
  name: textField(1, 200),
  /** When it joined, as precise as the source gives it. */
  joined: partialDateField,
  /** The source of the joining date (an id of `sources`). */
  joinedSource: identifierField(100),
  /** How the joining date was checked. */
  joinedVerification: textField(1, 100),
  /** How the membership itself was checked. */
  memberVerification: textField(1, 100),
  /** A founding member of the 1956 Organization. */
  foundingMember: z.boolean().optional(),
  note: textField(1, 2000).optional(),
});

/** A country or territory that is not a member in its own right. */
export const interpolNonMemberSchema = z.strictObject({
  code: countryField,
  status: textField(1, 300),
  coveredThrough: textField(1, 300).optional(),
  note: textField(1, 2000).optional(),
  sources: z.array(identifierField(100)).max(20),
  verification: textField(1, 100),
});

/** The file of member countries (`rules/interpol-members.json`). */
export const interpolMembersFileSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  id: identifierField(64),
  version: z.string().max(64),
  title: textField(1, 500),
  /** The day the list is current as of. */
  currentAsOf: calendarDateField,
  currentAsOfNote: textField(1, 2000),
  /** How many members the list holds. */
  count: z.number().int().min(0).max(300),
  codingNotes: z.array(textField(1, 1000)).max(50),
  sources: z.record(identifierField(100), referenceSourceSchema),
  members: z.array(interpolMemberSchema).max(300),
  nonMembers: z.array(interpolNonMemberSchema).max(300),
  /** Codes the case model accepts that are neither members nor listed non-members. */
  otherIsoCodesNotMembers: z.strictObject({ codes: z.array(countryField).max(300), note: textField(1, 2000) }),
  /** What the list could not verify. */
  unverified: z.array(textField(1, 1000)).max(50),
});

/** The file of member countries. */
export type InterpolMembersFile = z.infer<typeof interpolMembersFileSchema>;

/** Member countries by code, with the first day each was certainly a member. */
export interface MembershipList {
  /** The day the list is current as of. */
  readonly currentAsOf: CalendarDate;
  /** Code → first day certainly a member. */
  readonly memberSince: ReadonlyMap<string, CalendarDate>;
}

/**
 * The membership list of a file: each member from the last day its joining date can stand for.
 *
 * @example
 * ```ts
 * import { BUNDLED_INTERPOL_MEMBERS } from '../bundled.js';
 *
 * const list = membershipList(interpolMembersFileSchema.parse(BUNDLED_INTERPOL_MEMBERS));
 * list.memberSince.get('PW'); // '2023-11-28'
 * list.memberSince.has('TW'); // false
 * ```
 */
export function membershipList(file: InterpolMembersFile): MembershipList {
  return {
    currentAsOf: file.currentAsOf,
    memberSince: new Map(file.members.map((member) => [member.code, publishedBy(member.joined)])),
  };
}

/**
 * Whether `country` was an INTERPOL member on `date`.
 *
 * @example
 * ```ts
 * const list = { currentAsOf: '2025-11-24', memberSince: new Map([['DE', '1956-06-13'], ['PW', '2023-11-28']]) };
 * isMemberOn(list, 'DE', '2020-01-01'); // true
 * isMemberOn(list, 'PW', '2023-11-27'); // false
 * isMemberOn(list, 'XK', '2024-01-01'); // false
 * ```
 */
export function isMemberOn(list: MembershipList, country: string, date: CalendarDate): boolean {
  const since = list.memberSince.get(country);
  return since !== undefined && since <= date;
}

/** @internal The bundled list, parsed on first use. */
let bundled: MembershipList | undefined;

/**
 * The bundled membership list (`rules/interpol-members.json`), parsed once.
 *
 * @example
 * ```ts
 * bundledMembershipList().currentAsOf; // '2025-11-24'
 * bundledMembershipList().memberSince.size; // 196
 * ```
 */
export function bundledMembershipList(): MembershipList {
  bundled ??= membershipList(interpolMembersFileSchema.parse(BUNDLED_INTERPOL_MEMBERS));
  return bundled;
}
