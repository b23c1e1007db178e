import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from './ChainMap';

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
    map.doc.getMap('versions').set('broken', new Y.Map());
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

  it('caps the activity feed so that it does not grow the doc without bound', () => {
    const map = ChainMap.create(new Y.Doc(), { title: 't' });
    map.setAuthor('Bot');
    for (let i = 0; i < 260; i++) map.addNote({ kind: 'gap', text: `gap ${i}` });
    expect(map.activity(1000)).toHaveLength(200);
    expect(map.activity(1)[0]?.label).toBe('gap 259');
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
