import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from './ChainMap';
import { layoutOf } from './layout';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('ChainMap records beside the chain: dismissals, versions, activity, whole-element writes', () => {
  it('syncs a dismissed finding with its reason to every peer, and restores it', () => {
    const a = ChainMap.create(new Y.Doc(), { title: 't' });
    const b = new ChainMap(new Y.Doc());
    a.dismissFinding('rule3:link1', 'Bewust koud: enkel adres nodig', 'Sara');
    sync(a.doc, b.doc);
    expect(b.dismissals()).toEqual([
      { key: 'rule3:link1', reason: 'Bewust koud: enkel adres nodig', by: 'Sara', at: expect.any(Number) },
    ]);
    b.restoreFinding('rule3:link1');
    sync(a.doc, b.doc);
    expect(a.dismissals()).toEqual([]);
  });

  it('keeps versions oldest first with their binary snapshot, and skips malformed ones', () => {
    const map = ChainMap.create(new Y.Doc(), { title: 't' });
    map.setAuthor('Jan');
    const later = map.addVersion({
      name: 'Na workshop 2',
      createdAt: 2000,
      auto: false,
      snapshot: new Uint8Array([2]),
    });
    const earlier = map.addVersion({
      name: 'Start',
      createdAt: 1000,
      auto: true,
      snapshot: new Uint8Array([1]),
    });
    layoutOf(map.doc).versions.set('broken', new Y.Map());
    expect(map.versions()).toEqual([
      { id: earlier, name: 'Start', author: 'Jan', createdAt: 1000, auto: true },
      { id: later, name: 'Na workshop 2', author: 'Jan', createdAt: 2000, auto: false },
    ]);
    expect(map.versionSnapshot(later)).toEqual(new Uint8Array([2]));
  });

  it('records who added, changed and removed what, most recent first, coalescing rapid edits', () => {
    const map = ChainMap.create(new Y.Doc(), { title: 't' });
    map.setAuthor('Fatima');
    const id = map.addActor({ kind: 'service', label: 'OCMW' });
    map.updateActor(id, { label: 'OCMW Asse' });
    map.updateActor(id, { description: 'sociale dienst' });
    const other = map.addActor({ kind: 'partner', label: 'VDAB' });
    map.deleteElements({ actors: [other] });
    expect(map.activity().map((e) => [e.by, e.op, e.label])).toEqual([
      ['Fatima', 'delete', 'VDAB'],
      ['Fatima', 'add', 'VDAB'],
      ['Fatima', 'add', 'OCMW Asse'],
    ]);
  });

  it('keeps a bounded ring of entries per author, so the feed does not grow without bound', () => {
    const map = ChainMap.create(new Y.Doc(), { title: 't' });
    map.setAuthor('Bot');
    for (let i = 0; i < 260; i++) map.addNote({ kind: 'gap', text: `gap ${i}` });
    map.setAuthor('Mens');
    map.addNote({ kind: 'quickWin', text: 'van een mens' });
    const feed = map.activity(1000);
    expect(feed.filter((e) => e.by === 'Bot')).toHaveLength(50);
    expect(feed.filter((e) => e.by === 'Bot').map((e) => e.label)).toContain('gap 259');
    expect(feed.filter((e) => e.by === 'Bot').map((e) => e.label)).not.toContain('gap 209');
    expect(feed.filter((e) => e.by === 'Mens').map((e) => e.label)).toEqual(['van een mens']);
  });

  it('continues an author’s ring where an earlier session left off', () => {
    const doc = new Y.Doc();
    const first = ChainMap.create(doc, { title: 't' });
    first.setAuthor('Ann');
    first.addActor({ kind: 'service', label: 'een' });
    const second = new ChainMap(doc);
    second.setAuthor('Ann');
    second.addActor({ kind: 'service', label: 'twee' });
    expect(
      second
        .activity()
        .map((e) => e.label)
        .sort(),
    ).toEqual(['een', 'twee']);
  });

  it('lists every stored id, including links hidden because an endpoint is gone', () => {
    const map = ChainMap.create(new Y.Doc(), { title: 't' });
    const a = map.addActor({ kind: 'service', label: 'A' });
    const b = map.addActor({ kind: 'service', label: 'B' });
    const link = map.addLink({ kind: 'handover', source: a, target: b });
    layoutOf(map.doc).actors.delete(b);
    expect(map.links()).toEqual([]);
    expect(map.storedIds().links).toEqual([link]);
  });

  it('records nothing when no author is set, and never for moves', () => {
    const map = ChainMap.create(new Y.Doc(), { title: 't' });
    const id = map.addActor({ kind: 'service', label: 'X' });
    map.setAuthor('Ann');
    map.moveActors([{ id, position: { x: 5, y: 5 } }]);
    expect(map.activity()).toEqual([]);
  });

  it('puts a whole element back, writing only the fields that differ', () => {
    const map = ChainMap.create(new Y.Doc(), { title: 't' });
    const id = map.addActor({ kind: 'service', label: 'Burgerzaken', description: 'loket' });
    const saved = map.getActor(id)!;
    map.updateActor(id, { label: 'Anders' });
    map.deleteElements({ actors: [id] });
    map.putActor(saved);
    expect(map.getActor(id)).toEqual(saved);
    const before = Y.encodeStateVector(map.doc);
    map.putActor(saved);
    expect(Y.encodeStateVector(map.doc)).toEqual(before);
  });
});
