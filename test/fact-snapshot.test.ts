import { describe, expect, test } from 'vitest';
import { SnapshotBuilder } from '../src/facts/snapshot.js';

describe('fact snapshots built on a base', () => {
  test('a snapshot built on another changes nothing of it, whatever it sets', () => {
    const caseBuilder = new SnapshotBuilder();
    caseBuilder.set('protection.status', undefined, ['asylum[0].final'], ['pending', 'denied']);
    const base = caseBuilder.build();
    const before = JSON.stringify(base);
    const builder = new SnapshotBuilder(base);
    builder.set('notice.protectionStatus', undefined, ['asylum[1].final', 'asylum[0].final'], ['pending', 'denied']);
    builder.set('notice.kind', 'diffusion');
    builder.setCustom('firm.channel', undefined, ['extensions.firm.channel']);
    const notice = builder.build();
    expect(JSON.stringify(base)).toBe(before);
    expect(notice.possible['notice.protectionStatus']).toEqual(['pending', 'denied']);
    expect(notice.missing['notice.protectionStatus']).toEqual(['asylum[0].final', 'asylum[1].final']);
    expect(notice.possible['protection.status']).toEqual(['pending', 'denied']);
    expect(notice.missing['firm.channel']).toEqual(['extensions.firm.channel']);
    expect(Object.hasOwn(base.values, 'firm.channel')).toBe(false);
    expect(Object.hasOwn(base.missing, 'firm.channel')).toBe(false);
  });

  test('a snapshot that adds no possible value and no missing path reads its base\'s', () => {
    const caseBuilder = new SnapshotBuilder();
    caseBuilder.set('asylum.historyKnown', 'no', ['asylum']);
    const base = caseBuilder.build();
    const builder = new SnapshotBuilder(base);
    builder.set('notice.kind', 'red_notice');
    const notice = builder.build();
    expect(notice.missing['asylum.historyKnown']).toEqual(['asylum']);
    expect(notice.values['notice.kind']).toBe('red_notice');
    expect(base.values['notice.kind']).toBeUndefined();
    // Every fact of the catalogue stays a key of each record, in the same order.
    expect(Object.keys(notice.missing)).toEqual(Object.keys(base.missing));
    expect(Object.keys(notice.possible)).toEqual(Object.keys(notice.values));
  });
});
