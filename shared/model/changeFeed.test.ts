import { describe, expect, it } from 'vitest';
import { changedIds, changesContent, hasChange } from './changeFeed';
import { inMemoryMap, replicaOf, syncMaps } from './replicas';
import type { ChainMapChange, ChangeSource } from './types';

function recorder(map: ReturnType<typeof inMemoryMap>) {
  const seen: { changes: readonly ChainMapChange[]; source: ChangeSource }[] = [];
  map.onChange((changes, source) => seen.push({ changes, source }));
  return seen;
}

describe('the change feed', () => {
  it('reports an element as added, updated and removed, once per transaction', () => {
    const map = inMemoryMap({ title: 't' });
    const seen = recorder(map);
    const id = map.addActor({ kind: 'service', label: 'A' });
    map.updateActor(id, { label: 'B' });
    map.deleteElements({ actors: [id] });
    expect(seen.map((s) => s.changes)).toEqual([
      [{ type: 'add', collection: 'actors', id }],
      [{ type: 'update', collection: 'actors', id }],
      [{ type: 'remove', collection: 'actors', id }],
    ]);
    expect(seen.every((s) => s.source === 'local')).toBe(true);
  });

  it('reports an element edited and removed in one transaction only as removed', () => {
    const map = inMemoryMap({ title: 't' });
    const id = map.addActor({ kind: 'service', label: 'A' });
    const seen = recorder(map);
    map.transact(() => {
      map.updateActor(id, { label: 'B' });
      map.deleteElements({ actors: [id] });
    });
    expect(seen.map((s) => s.changes)).toEqual([[{ type: 'remove', collection: 'actors', id }]]);
  });

  it('names meta, dismissals, versions and activity changes by type, and skips empty transactions', () => {
    const map = inMemoryMap({ title: 't' });
    map.setAuthor('Ann');
    const seen = recorder(map);
    map.setMeta({ title: 'nieuw' });
    map.dismissFinding('rule:x', 'bewust');
    map.addVersion({ name: 'v', createdAt: 1, auto: false, snapshot: new Uint8Array([1]) });
    map.updateActor('does-not-exist', { label: 'x' });
    const note = map.addNote({ kind: 'gap', text: 'g' });
    expect(seen.map((s) => s.changes)).toEqual([
      [{ type: 'meta' }],
      [{ type: 'dismissals' }],
      [{ type: 'versions' }],
      [{ type: 'add', collection: 'notes', id: note }, { type: 'activity' }],
    ]);
  });

  it('tells a peer’s, an undo’s and a migration’s transactions from local ones', () => {
    const map = inMemoryMap({ title: 't' });
    const peer = replicaOf(map);
    const seen = recorder(peer);
    const undo = peer.createUndoManager();
    map.addActor({ kind: 'service', label: 'van de ander' });
    syncMaps(map, peer);
    peer.addActor({ kind: 'partner', label: 'eigen' });
    undo.undo();
    expect(seen.map((s) => s.source)).toEqual(['remote', 'local', 'undo']);
  });

  it('answers the usual questions about a list of changes', () => {
    const changes: ChainMapChange[] = [
      { type: 'add', collection: 'links', id: 'l1' },
      { type: 'update', collection: 'actors', id: 'a1' },
      { type: 'remove', collection: 'actors', id: 'a2' },
      { type: 'activity' },
    ];
    expect([...changedIds(changes, 'actors')]).toEqual(['a1', 'a2']);
    expect(hasChange(changes, 'activity')).toBe(true);
    expect(hasChange(changes, 'meta')).toBe(false);
    expect(changesContent(changes)).toBe(true);
    expect(changesContent([{ type: 'versions' }, { type: 'dismissals' }])).toBe(false);
  });
});
