import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { createEvaluator, evaluateCaseSync, toICalendar } from '../src/index.js';
import { foldLine } from '../src/present/icalendar.js';
import { main } from '../src/cli/main.js';
import { minimalRule, minimalRuleSet } from './support/rule-sets.js';

const readCase = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../examples/cases/${name}.json`, import.meta.url), 'utf8'));

/** The events of a calendar, parsed by ical.js. */
function events(calendar: string) {
  const component = new ICAL.Component(ICAL.parse(calendar));
  return component.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const alarm = vevent.getFirstSubcomponent('valarm');
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      startIsDate: event.startDate.isDate,
      end: event.endDate.toString(),
      stamp: String(vevent.getFirstPropertyValue('dtstamp')),
      trigger: String(alarm?.getFirstPropertyValue('trigger')),
      action: alarm?.getFirstPropertyValue('action'),
    };
  });
}

describe('toICalendar', () => {
  test('one all-day event per dated action, valid for ical.js: title and notice, deadline, rule, provision, a reminder 7 days before', () => {
    const evaluation = evaluateCaseSync(readCase('detained-journalist-extradition-pending'), { asOf: '2026-06-30' });
    const calendar = toICalendar(evaluation);
    const dated = evaluation.actions.filter((action) => action.deadline !== undefined);
    const parsed = events(calendar);
    expect(parsed).toHaveLength(dated.length);
    expect(parsed[0]).toMatchObject({
      summary: 'Follow up: the CCF\'s nine months for a deletion request have passed — Red Notice rn-ru-1 (Russia)',
      start: '2026-05-31',
      startIsDate: true,
      end: '2026-06-01',
      trigger: '-P7D',
      action: 'DISPLAY',
    });
    expect(parsed[0]!.stamp).toBe('2026-06-30T00:00:00Z');
    expect(parsed[0]!.description).toContain('CCF decision overdue since 1 June 2026 (due 31 May 2026)');
    expect(parsed[0]!.description).toContain('Rule: ccf.deletion-decision-overdue');
    expect(parsed[0]!.description).toContain('Provision: ccf-statute.art40 — Statute of the Commission for the Control of INTERPOL\'s Files');
    // RFC 5545: CRLF line ends, lines of at most 75 octets.
    expect(calendar.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of calendar.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(calendar.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  test('stable UIDs: a later evaluation of the same case updates its events (same UID, later DTSTAMP) instead of adding copies', () => {
    const input = readCase('ccf-kept-notice-then-asylum-granted');
    const first = events(toICalendar(evaluateCaseSync(input, { asOf: '2026-06-30' })));
    const later = events(toICalendar(evaluateCaseSync({ ...input, article3: { politicalActivity: true, journalistOrDefender: true } }, { asOf: '2026-07-15', locale: 'es' })));
    expect(first.map((event) => event.uid)).toEqual(later.map((event) => event.uid));
    expect(later[0]!.stamp > first[0]!.stamp).toBe(true);
    expect(new Set(first.map((event) => event.uid)).size).toBe(first.length);
    // Another case, another UID.
    const other = events(toICalendar(evaluateCaseSync({ ...input, caseId: 'another-case' }, { asOf: '2026-06-30' })));
    expect(other[0]!.uid).not.toBe(first[0]!.uid);
  });

  test('deterministic, in any locale, with the texts of an evaluator’s own rule sets', () => {
    const evaluation = evaluateCaseSync(readCase('ccf-kept-notice-then-asylum-granted'), { asOf: '2026-06-30' });
    expect(toICalendar(evaluation)).toBe(toICalendar(structuredClone(evaluation)));
    const spanish = events(toICalendar(evaluation, { locale: 'es' }));
    expect(spanish[0]!.summary).toContain('(Turquía)');
    expect(spanish[0]!.description).toContain('15 de septiembre de 2026');
    expect(() => toICalendar(evaluation, { locale: 'de' as 'en' })).toThrow(TypeError);
  });

  test('text is escaped and folded: a hostile rule text cannot add a property or an event', () => {
    const hostile = minimalRuleSet('hostile', [
      minimalRule('hostile.dated', {
        citations: ['ccf-statute.art42'],
        conditions: { all: [{ fact: 'notice.kind', operator: 'equal', value: 'red_notice' }] },
        action: {
          code: 'request_ccf_revision',
          priority: 'low',
          title: 'x\nEND:VEVENT\nBEGIN:VEVENT;a,b\\',
          explanation: 'é'.repeat(100),
          deadline: { from: 'notice.detainedOnNoticeSince', months: 1, basis: 'one; two, three', citation: 'ccf-statute.art42' },
        },
      }),
    ]);
    const evaluator = createEvaluator({ ruleSets: [hostile] });
    const evaluation = evaluator.evaluateSync(
      { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'RU' }], detention: [{ country: 'PL', since: '2026-01-10', authority: 'criminal', basedOnNoticeId: 'rn-1' }] },
      { asOf: '2026-06-30' },
    );
    const calendar = toICalendar(evaluation, { ruleTexts: evaluator.ruleTexts });
    const parsed = events(calendar);
    expect(parsed).toHaveLength(1);
    // The line breaks stay inside the value, escaped: no property and no event is added.
    expect(parsed[0]!.summary).toBe('x\nEND:VEVENT\nBEGIN:VEVENT;a,b\\ — Red Notice rn-1 (Russia)');
    expect(calendar.match(/^BEGIN:VEVENT$/gm)).toHaveLength(1);
    expect(parsed[0]!.description).toContain('time limit closed on 10 February 2026: one; two, three');
    expect(foldLine(`X:${'é'.repeat(40)}`).split('\r\n').map((line) => new TextEncoder().encode(line).length)).toEqual([74, 9]);
  });

  test('the command line writes it: evaluate --format ics, with its CRLF line ends', async () => {
    const out: string[] = [];
    const text = readFileSync(new URL('../examples/cases/ccf-kept-notice-then-asylum-granted.json', import.meta.url), 'utf8');
    const code = await main(['evaluate', 'case.json', '--format', 'ics', '--as-of', '2026-06-30'], {
      stdout: (value) => void out.push(value),
      stderr: (value) => void out.push(value),
      readStdin: async () => '',
      readFile: async () => text,
    });
    expect(code).toBe(0);
    const calendar = out.join('');
    expect(calendar.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(events(calendar)).toHaveLength(1);
  });
});
