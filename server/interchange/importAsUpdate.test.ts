import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportMap } from '../../shared/interchange/exportMap';
import { utf8 } from '../../shared/interchange/testing/encodings';
import { ChainMap } from '../../shared/model/ChainMap';
import { layoutOf } from '../../shared/model/layout';
import { inMemoryMap } from '../../shared/model/replicas';
import { CURRENT_SCHEMA_VERSION } from '../../shared/model/schemaVersion';
import { API_AUTHOR, importAsUpdate, NewerMapError } from './importAsUpdate';

const LIST = [{ name: 'partners.csv', bytes: utf8('Naam;Soort\nVDAB;Partner\nOCMW;Dienst\n') }];

const stateOf = (map: ChainMap) => Y.encodeStateAsUpdate(map.doc);

describe('an import as one Yjs update', () => {
  it('is the one update that brings a replica of the map to the imported state, signed in the activity feed', async () => {
    const live = inMemoryMap({ title: 'Keten' });
    live.addActor({ kind: 'service', label: 'Burgerzaken' });
    const { outcome, update } = await importAsUpdate(stateOf(live), LIST);
    expect(outcome.ok).toBe(true);
    expect(live.actors()).toHaveLength(1);
    Y.applyUpdate(live.doc, update!);
    expect(
      live
        .actors()
        .map((a) => a.label)
        .sort(),
    ).toEqual(['Burgerzaken', 'OCMW', 'VDAB']);
    expect(live.activity().some((e) => e.by === API_AUTHOR && e.label === 'VDAB')).toBe(true);
  });

  it('merges with an edit the live map took after its state was read', async () => {
    const live = inMemoryMap({ title: 'Keten' });
    const read = stateOf(live);
    live.addActor({ kind: 'partner', label: 'CLB' });
    const { update } = await importAsUpdate(read, LIST);
    Y.applyUpdate(live.doc, update!);
    expect(live.actors()).toHaveLength(3);
  });

  it('is null when every row is unchanged, so nothing is stored', async () => {
    const live = inMemoryMap({ title: 'Keten' });
    Y.applyUpdate(live.doc, (await importAsUpdate(stateOf(live), LIST)).update!);
    const again = await importAsUpdate(stateOf(live), LIST);
    expect(again.outcome.ok && again.outcome.summary.unchanged).toBe(2);
    expect(again.update).toBeNull();
  });

  it('writes nothing for a file with a problem, and returns the problems', async () => {
    const live = inMemoryMap({ title: 'Keten' });
    const bad = [{ name: 'p.csv', bytes: utf8('Naam;Soort\nVDAB;Vereniging\n') }];
    const { outcome, update } = await importAsUpdate(stateOf(live), bad);
    expect(outcome.ok).toBe(false);
    expect(outcome.plan.problems.map((p) => p.code)).toEqual(['unknownKind']);
    expect(update).toBeNull();
  });

  it('initialises a map nobody opened yet, untitled for a list, with the title a KetenKaart file brings', async () => {
    const empty = new Y.Doc();
    const { update } = await importAsUpdate(Y.encodeStateAsUpdate(empty), LIST);
    Y.applyUpdate(empty, update!);
    const map = new ChainMap(empty);
    expect(map.isInitialised()).toBe(true);
    expect(map.read().meta.title).toBe('');
    expect(map.actors()).toHaveLength(2);

    const source = inMemoryMap({ title: 'Keten Lennik', municipality: 'Lennik' });
    source.addActor({ kind: 'partner', label: 'VDAB' });
    const file = await exportMap(source, 'json');
    const fresh = new Y.Doc();
    const copy = await importAsUpdate(Y.encodeStateAsUpdate(fresh), [
      { name: file.fileName, bytes: file.bytes },
    ]);
    Y.applyUpdate(fresh, copy.update!);
    expect(new ChainMap(fresh).read().meta).toMatchObject({ title: 'Keten Lennik', municipality: 'Lennik' });
  });

  it('refuses to write into a map of a newer KetenKaart', async () => {
    const doc = new Y.Doc();
    layoutOf(doc).meta.set('schemaVersion', CURRENT_SCHEMA_VERSION + 1);
    await expect(importAsUpdate(Y.encodeStateAsUpdate(doc), LIST)).rejects.toThrow(NewerMapError);
  });
});
