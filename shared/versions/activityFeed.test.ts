import { describe, expect, it } from 'vitest';
import { formatRelativeTime, relativeTime } from '../i18n/relativeTime';
import type { ActivityEntry } from '../model/types';
import { activityItems, formatActivityItem } from './activityFeed';

const NOW = Date.UTC(2024, 2, 12, 10);
const MIN = 60_000;

function entry(
  minutesAgo: number,
  by: string,
  op: ActivityEntry['op'],
  id: string,
  label = id,
): ActivityEntry {
  const collection = op === 'restore' ? 'map' : 'actors';
  return { at: NOW - minutesAgo * MIN, by, op, collection, id, label };
}

describe('activityItems', () => {
  it('groups a run of one person doing one thing, newest first', () => {
    const items = activityItems([
      entry(1, 'Anna', 'add', 'a3', 'CLB'),
      entry(2, 'Anna', 'add', 'a2', 'VDAB'),
      entry(3, 'Anna', 'add', 'a1', 'Bib'),
      entry(4, 'Bert', 'update', 'a1', 'Bib'),
      entry(5, 'Anna', 'add', 'a0', 'OCMW'),
    ]);
    expect(items.map((i) => [i.by, i.op, i.count, i.labels])).toEqual([
      ['Anna', 'add', 3, ['CLB', 'VDAB', 'Bib']],
      ['Bert', 'update', 1, ['Bib']],
      ['Anna', 'add', 1, ['OCMW']],
    ]);
    expect(items[0]).toMatchObject({ at: NOW - MIN, since: NOW - 3 * MIN });
  });

  it('does not group entries further apart than the window, nor restores, and counts an element once', () => {
    const items = activityItems(
      [
        entry(0, 'Anna', 'update', 'a1'),
        entry(1, 'Anna', 'update', 'a1'),
        entry(40, 'Anna', 'update', 'a2'),
        entry(41, 'Anna', 'restore', 'v1'),
        entry(42, 'Anna', 'restore', 'v1'),
      ],
      { groupWithinMs: 15 * MIN },
    );
    expect(items.map((i) => [i.op, i.count, i.ids])).toEqual([
      ['update', 1, ['a1']],
      ['update', 1, ['a2']],
      ['restore', 1, ['v1']],
      ['restore', 1, ['v1']],
    ]);
    expect(activityItems([entry(0, 'A', 'add', 'x'), entry(1, 'B', 'add', 'y')], { limit: 1 })).toHaveLength(
      1,
    );
  });

  it('words items in Dutch and English, with singular and plural', () => {
    const [one] = activityItems([entry(1, 'Anna', 'add', 'a1', 'Bib')]);
    const [three] = activityItems([
      entry(1, '', 'delete', 'a1'),
      entry(2, '', 'delete', 'a2'),
      entry(3, '', 'delete', 'a3'),
    ]);
    const [restore] = activityItems([entry(1, 'Bert', 'restore', 'v1', 'Na workshop 2')]);
    expect(formatActivityItem(one!, 'nl')).toBe('Anna voegde actor "Bib" toe');
    expect(formatActivityItem(three!, 'nl')).toBe('Iemand verwijderde 3 actoren');
    expect(formatActivityItem(restore!, 'nl')).toBe('Bert zette de kaart terug naar "Na workshop 2"');
    expect(formatActivityItem(three!, 'en')).toBe('Someone removed 3 actors');
  });
});

describe('relativeTime', () => {
  it('picks the largest unit that fits', () => {
    expect(relativeTime(NOW - 30_000, NOW)).toEqual({ value: -30, unit: 'second' });
    expect(relativeTime(NOW - 5 * MIN, NOW)).toEqual({ value: -5, unit: 'minute' });
    expect(relativeTime(NOW - 3 * 60 * MIN, NOW)).toEqual({ value: -3, unit: 'hour' });
    expect(relativeTime(NOW - 2 * 1440 * MIN, NOW)).toEqual({ value: -2, unit: 'day' });
    expect(relativeTime(NOW - 21 * 1440 * MIN, NOW)).toEqual({ value: -3, unit: 'week' });
  });

  it('says it in the locale’s own words', () => {
    expect(formatRelativeTime(NOW - 5 * MIN, NOW, 'nl')).toBe('5 minuten geleden');
    expect(formatRelativeTime(NOW - 1440 * MIN, NOW, 'nl')).toBe('gisteren');
    expect(formatRelativeTime(NOW - 10_000, NOW, 'en')).toBe('now');
  });
});
