import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from '../model/ChainMap';
import { buildSampleMap } from './buildSampleMap';
import { autoVersionId, calendarDay, maybeSaveDailyVersion, saveVersion } from './saveVersion';
import { contentOf } from './versionContent';
import { decodeVersionSnapshot } from './versionSnapshot';

const MARCH_12_10H = Date.UTC(2024, 2, 12, 9, 0); // 10:00 in Brussels
const MARCH_12_23H30 = Date.UTC(2024, 2, 12, 22, 30); // 23:30 in Brussels
const MARCH_13_00H30 = Date.UTC(2024, 2, 12, 23, 30); // 00:30 on the 13th in Brussels

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('saveVersion', () => {
  it('keeps the current content under the given name, author and time', () => {
    const map = buildSampleMap({ seed: 10, actors: 20 });
    map.setAuthor('Anna');
    const id = saveVersion(map, '  Na workshop 2 — 12 maart ', { now: MARCH_12_10H });
    expect(map.versions()).toEqual([
      { id, name: 'Na workshop 2 — 12 maart', author: 'Anna', createdAt: MARCH_12_10H, auto: false },
    ]);
    expect(decodeVersionSnapshot(map.versionSnapshot(id)!)).toEqual(contentOf(map));
  });

  it('syncs a version made offline to the other participant', () => {
    const a = buildSampleMap({ seed: 11, actors: 5 });
    const b = new ChainMap(new Y.Doc());
    sync(a.doc, b.doc);
    const id = saveVersion(b, 'Offline gemaakt', { now: MARCH_12_10H });
    sync(a.doc, b.doc);
    expect(a.versions().map((v) => v.id)).toEqual([id]);
    expect(decodeVersionSnapshot(a.versionSnapshot(id)!)).toEqual(contentOf(a));
  });
});

describe('maybeSaveDailyVersion', () => {
  it('counts calendar days in Brussels time', () => {
    expect(calendarDay(MARCH_12_23H30)).toBe('2024-03-12');
    expect(calendarDay(MARCH_13_00H30)).toBe('2024-03-13');
    expect(autoVersionId(MARCH_13_00H30)).toBe('auto-2024-03-13');
    expect(autoVersionId(MARCH_13_00H30, 'UTC')).toBe('auto-2024-03-12');
  });

  it('keeps an automatic version when the map has content and no version yet', () => {
    const map = buildSampleMap({ seed: 12, actors: 5 });
    expect(maybeSaveDailyVersion(map, { now: MARCH_12_10H })).toBe('auto-2024-03-12');
    expect(map.versions()[0]).toMatchObject({ id: 'auto-2024-03-12', auto: true, name: '' });
  });

  it('keeps nothing for an empty new map', () => {
    const map = ChainMap.create(new Y.Doc(), { title: 'Nieuw' });
    expect(maybeSaveDailyVersion(map, { now: MARCH_12_10H })).toBeNull();
    expect(map.versions()).toEqual([]);
  });

  it('keeps nothing when the content equals the latest version', () => {
    const map = buildSampleMap({ seed: 13, actors: 5 });
    saveVersion(map, 'Na workshop 1', { now: MARCH_12_10H - 86_400_000 });
    expect(maybeSaveDailyVersion(map, { now: MARCH_12_10H })).toBeNull();
    expect(map.versions()).toHaveLength(1);
  });

  it('keeps one version on a day the map changed, and only one per day', () => {
    const map = buildSampleMap({ seed: 14, actors: 5 });
    saveVersion(map, 'Na workshop 1', { now: MARCH_12_10H - 86_400_000 });
    map.addActor({ kind: 'partner', label: 'VDAB' });
    expect(maybeSaveDailyVersion(map, { now: MARCH_12_10H })).toBe('auto-2024-03-12');
    map.addActor({ kind: 'partner', label: 'CLB' });
    expect(maybeSaveDailyVersion(map, { now: MARCH_12_23H30 })).toBeNull();
    expect(maybeSaveDailyVersion(map, { now: MARCH_13_00H30 })).toBe('auto-2024-03-13');
    expect(map.versions().map((v) => v.auto)).toEqual([false, true, true]);
    expect(
      map
        .versions()
        .map((v) => v.id)
        .slice(1),
    ).toEqual(['auto-2024-03-12', 'auto-2024-03-13']);
  });

  it('skips without decoding when the last change is older than the latest version', () => {
    const map = buildSampleMap({ seed: 15, actors: 5 });
    saveVersion(map, 'Na workshop 1', { now: MARCH_12_10H - 1000 });
    map.addActor({ kind: 'partner', label: 'VDAB' });
    expect(maybeSaveDailyVersion(map, { now: MARCH_12_10H, lastChangeAt: MARCH_12_10H - 2000 })).toBeNull();
    expect(maybeSaveDailyVersion(map, { now: MARCH_12_10H, lastChangeAt: MARCH_12_10H - 500 })).toBe(
      'auto-2024-03-12',
    );
  });

  it('converges to a single automatic version when two offline peers keep one the same day', () => {
    const a = buildSampleMap({ seed: 16, actors: 5 });
    const b = new ChainMap(new Y.Doc());
    sync(a.doc, b.doc);
    a.addActor({ kind: 'partner', label: 'VDAB' });
    b.addActor({ kind: 'service', label: 'Bib' });
    expect(maybeSaveDailyVersion(a, { now: MARCH_12_10H })).toBe('auto-2024-03-12');
    expect(maybeSaveDailyVersion(b, { now: MARCH_12_23H30 })).toBe('auto-2024-03-12');
    sync(a.doc, b.doc);
    expect(a.versions()).toHaveLength(1);
    expect(a.versions()).toEqual(b.versions());
    expect(a.versionSnapshot('auto-2024-03-12')).toEqual(b.versionSnapshot('auto-2024-03-12'));
  });

  it('keeps a fresh version when the latest one cannot be read', () => {
    const map = buildSampleMap({ seed: 17, actors: 5 });
    map.addVersion({
      name: 'kapot',
      createdAt: MARCH_12_10H - 1000,
      auto: false,
      snapshot: new Uint8Array([1, 2]),
    });
    expect(maybeSaveDailyVersion(map, { now: MARCH_12_10H })).toBe('auto-2024-03-12');
  });
});
