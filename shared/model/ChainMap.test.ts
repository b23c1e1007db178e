import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap, COMMAND_ORIGIN, LOCAL_ORIGIN } from './ChainMap';
import { changedIds } from './changeFeed';
import { phaseIdAt } from './laneGeometry';
import { layoutOf } from './layout';
import { CURRENT_SCHEMA_VERSION, NewerSchemaError } from './schemaVersion';
import type { ChainMapChange } from './types';

function newMap(): ChainMap {
  return ChainMap.create(new Y.Doc(), { title: 'Testgemeente', municipality: 'Asse' });
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('ChainMap', () => {
  it('stamps the schema version and metadata when a map is created', () => {
    const map = newMap();
    expect(map.getMeta()).toEqual({
      title: 'Testgemeente',
      municipality: 'Asse',
      schemaVersion: CURRENT_SCHEMA_VERSION,
    });
    expect(map.isInitialised()).toBe(true);
    expect(new ChainMap(new Y.Doc()).isInitialised()).toBe(false);
  });

  it('reads back an actor with defaults for the fields it was not given', () => {
    const map = newMap();
    const id = map.addActor({ kind: 'service', label: 'Burgerzaken', position: { x: 10, y: 20 } });
    expect(map.getActor(id)).toEqual({
      id,
      kind: 'service',
      label: 'Burgerzaken',
      description: '',
      phaseId: null,
      regie: null,
      tags: [],
      contact: '',
      position: { x: 10, y: 20 },
      entryPoint: false,
      municipality: '',
      needs: '',
      languages: [],
      kbo: '',
    });
  });

  it('merges concurrent edits to different fields of the same actor', () => {
    const a = newMap();
    const id = a.addActor({ kind: 'partner', label: 'VDAB' });
    const b = new ChainMap(new Y.Doc());
    sync(a.doc, b.doc);
    a.updateActor(id, { label: 'VDAB Halle' });
    b.updateActor(id, { regie: 'bovenlokaal' });
    sync(a.doc, b.doc);
    expect(a.getActor(id)).toMatchObject({ label: 'VDAB Halle', regie: 'bovenlokaal' });
    expect(b.getActor(id)).toEqual(a.getActor(id));
  });

  it('writes only the position key when an actor moves', () => {
    const map = newMap();
    const id = map.addActor({ kind: 'service', label: 'OCMW', description: 'x'.repeat(2000) });
    const before = Y.encodeStateVector(map.doc);
    map.moveActors([{ id, position: { x: 300, y: 40 } }]);
    const delta = Y.encodeStateAsUpdate(map.doc, before);
    expect(delta.byteLength).toBeLessThan(80);
    expect(map.getActor(id)?.position).toEqual({ x: 300, y: 40 });
  });

  it('does not write a field whose value did not change', () => {
    const map = newMap();
    const id = map.addActor({ kind: 'service', label: 'OCMW', tags: ['sociaal'] });
    const before = Y.encodeStateVector(map.doc);
    map.updateActor(id, { label: 'OCMW', tags: ['sociaal'] });
    expect(Y.encodeStateVector(map.doc)).toEqual(before);
  });

  it('removes the links of a deleted actor and detaches its notes in one transaction', () => {
    const map = newMap();
    const a = map.addActor({ kind: 'service', label: 'A', position: { x: 0, y: 500 } });
    const b = map.addActor({ kind: 'partner', label: 'B' });
    const c = map.addActor({ kind: 'partner', label: 'C' });
    const ab = map.addLink({ kind: 'handover', source: a, target: b });
    const bc = map.addLink({ kind: 'partnership', source: b, target: c });
    const onActor = map.addNote({ kind: 'gap', text: 'Niemand volgt op', anchor: { type: 'actor', id: a } });
    const onLink = map.addNote({ kind: 'quickWin', text: 'Warm maken', anchor: { type: 'link', id: ab } });
    const transactions: (readonly ChainMapChange[])[] = [];
    map.onChange((c) => transactions.push(c));
    map.deleteElements({ actors: [a] });
    expect(transactions).toHaveLength(1);
    expect(map.getActor(a)).toBeUndefined();
    expect(map.links().map((l) => l.id)).toEqual([bc]);
    expect(map.getNote(onActor)).toMatchObject({ anchor: null, position: { x: 0, y: 380 } });
    expect(map.getNote(onLink)?.anchor).toBeNull();
  });

  it('hides a link whose endpoint was deleted concurrently', () => {
    const a = newMap();
    const x = a.addActor({ kind: 'service', label: 'X' });
    const y = a.addActor({ kind: 'service', label: 'Y' });
    const b = new ChainMap(new Y.Doc());
    sync(a.doc, b.doc);
    a.deleteElements({ actors: [y] });
    b.addLink({ kind: 'handover', source: x, target: y });
    sync(a.doc, b.doc);
    expect(a.links()).toEqual([]);
    expect(b.links()).toEqual([]);
    expect(a.read().problems).toEqual([]);
  });

  it('refuses a link to an actor that does not exist or to itself', () => {
    const map = newMap();
    const x = map.addActor({ kind: 'service', label: 'X' });
    expect(() => map.addLink({ kind: 'handover', source: x, target: 'nope' })).toThrow(/exist/);
    expect(() => map.addLink({ kind: 'handover', source: x, target: x })).toThrow(/two different/);
  });

  it('reverses a link in place, keeping its id and the notes anchored to it', () => {
    const map = newMap();
    const x = map.addActor({ kind: 'service', label: 'X' });
    const y = map.addActor({ kind: 'service', label: 'Y' });
    const link = map.addLink({ kind: 'handover', source: x, target: y, warmth: 'warm' });
    const note = map.addNote({ kind: 'gap', text: 'g', anchor: { type: 'link', id: link } });
    map.reverseLink(link);
    expect(map.getLink(link)).toMatchObject({ source: y, target: x, warmth: 'warm' });
    expect(map.getNote(note)?.anchor).toEqual({ type: 'link', id: link });
  });

  it('defaults a handover to cold and other links to no warmth', () => {
    const map = newMap();
    const x = map.addActor({ kind: 'service', label: 'X' });
    const y = map.addActor({ kind: 'service', label: 'Y' });
    const h = map.addLink({ kind: 'handover', source: x, target: y });
    const p = map.addLink({ kind: 'partnership', source: x, target: y });
    expect(map.getLink(h)?.warmth).toBe('cold');
    expect(map.getLink(p)?.warmth).toBeNull();
  });

  it('skips and reports malformed elements written by a peer instead of crashing', () => {
    const map = newMap();
    const good = map.addActor({ kind: 'service', label: 'Goed' });
    map.doc.transact(() => {
      const actors = layoutOf(map.doc).actors;
      const bad = new Y.Map<unknown>();
      bad.set('kind', 'spaceship');
      bad.set('position', { x: 0, y: 0 });
      actors.set('bad-kind', bad);
      const noPos = new Y.Map<unknown>();
      noPos.set('kind', 'service');
      noPos.set('position', { x: 'left' });
      actors.set('bad-position', noPos);
      actors.set('not-a-map', 42 as never);
      const link = new Y.Map<unknown>();
      link.set('kind', 'handover');
      layoutOf(map.doc).links.set('bad-link', link);
      const phase = new Y.Map<unknown>();
      phase.set('order', 17);
      layoutOf(map.doc).phases.set('bad-phase', phase);
    });
    const state = map.read();
    expect(state.actors.map((a) => a.id)).toEqual([good]);
    expect(state.problems.map((p) => `${p.collection}:${p.id}`).sort()).toEqual([
      'actors:bad-kind',
      'actors:bad-position',
      'actors:not-a-map',
      'links:bad-link',
      'phases:bad-phase',
    ]);
  });

  it('coerces unknown optional values to safe defaults', () => {
    const map = newMap();
    const id = map.addActor({ kind: 'role', label: 'Toeleider' });
    map.doc.transact(() => {
      const el = layoutOf(map.doc).actors.get(id) as Y.Map<unknown>;
      el.set('regie', 'galactisch');
      el.set('tags', 'not-a-list');
      el.set('label', 12);
    });
    expect(map.getActor(id)).toMatchObject({ regie: null, tags: [], label: '' });
  });

  describe('phases', () => {
    it('keeps phases in insertion order and reorders them', () => {
      const map = newMap();
      const [a, b, c] = ['A', 'B', 'C'].map((label) => map.addPhase(label));
      expect(map.phases().map((p) => p.label)).toEqual(['A', 'B', 'C']);
      map.movePhase(c!, a!);
      expect(map.phases().map((p) => p.label)).toEqual(['C', 'A', 'B']);
      map.movePhase(c!, null);
      expect(map.phases().map((p) => p.label)).toEqual(['A', 'B', 'C']);
      map.addPhase('A2', { afterId: a! });
      expect(map.phases().map((p) => p.label)).toEqual(['A', 'A2', 'B', 'C']);
      expect(b).toBeTruthy();
    });

    it('converges when two peers reorder concurrently, and can still insert between equal keys', () => {
      const a = newMap();
      const [p1, p2, p3] = ['1', '2', '3'].map((l) => a.addPhase(l));
      const b = new ChainMap(new Y.Doc());
      sync(a.doc, b.doc);
      a.addPhase('x', { afterId: p1! });
      b.addPhase('y', { afterId: p1! });
      sync(a.doc, b.doc);
      expect(a.phases()).toEqual(b.phases());
      const order = a.phases().map((p) => p.label);
      expect(order[0]).toBe('1');
      expect(order.slice(1, 3).sort()).toEqual(['x', 'y']);
      const [first, second] = a.phases().slice(1, 3);
      a.movePhase(p3!, second!.id);
      expect(a.phases().map((p) => p.id)).toEqual([p1, first!.id, p3, second!.id, p2]);
    });

    it('moves actors with their lane when lanes are reordered, in one undo step', () => {
      const map = newMap();
      const [a, b, c] = ['A', 'B', 'C'].map((label) => map.addPhase(label));
      const inA = map.addActor({ kind: 'role', label: 'in A', phaseId: a!, position: { x: 40, y: 100 } });
      const inC = map.addActor({ kind: 'role', label: 'in C', phaseId: c!, position: { x: 760, y: 10 } });
      const free = map.addNote({ kind: 'gap', position: { x: 100, y: 300 }, anchor: null });
      map.updateNote(free, { phaseId: a! });
      const undo = map.createUndoManager();
      map.movePhase(c!, a!); // C A B
      expect(map.getActor(inC)).toMatchObject({ phaseId: c, position: { x: 40, y: 10 } });
      expect(map.getActor(inA)).toMatchObject({ phaseId: a, position: { x: 400, y: 100 } });
      expect(map.getNote(free)?.position).toEqual({ x: 460, y: 300 });
      expect(phaseIdAt(map.getActor(inC)!.position, map.phases())).toBe(c);
      expect(phaseIdAt(map.getActor(inA)!.position, map.phases())).toBe(a);
      expect(b).toBeTruthy();
      undo.undo();
      expect(map.phases().map((p) => p.label)).toEqual(['A', 'B', 'C']);
      expect(map.getActor(inC)?.position).toEqual({ x: 760, y: 10 });
      expect(map.getActor(inA)?.position).toEqual({ x: 40, y: 100 });
    });

    it('makes actors phase-less when their lane is removed, and never deletes them', () => {
      const map = newMap();
      const lane = map.addPhase('Toeleiding');
      const actor = map.addActor({ kind: 'role', label: 'Toeleider', phaseId: lane });
      map.deletePhase(lane);
      expect(map.getActor(actor)).toMatchObject({ label: 'Toeleider', phaseId: null });
    });
  });

  it('reports which elements a transaction touched and whether it was local', () => {
    const map = newMap();
    const peer = new ChainMap(new Y.Doc());
    const changes: { actors: ReadonlySet<string>; local: boolean }[] = [];
    peer.onChange((c, source) =>
      changes.push({ actors: changedIds(c, 'actors'), local: source !== 'remote' }),
    );
    const id = map.addActor({ kind: 'service', label: 'A' });
    sync(map.doc, peer.doc);
    map.updateActor(id, { label: 'B' });
    sync(map.doc, peer.doc);
    expect(changes.map((c) => [...c.actors])).toEqual([[id], [id]]);
    expect(changes.every((c) => !c.local)).toBe(true);
  });

  it('undoes only its own changes, never a peer’s', () => {
    const a = newMap();
    const b = new ChainMap(new Y.Doc());
    sync(a.doc, b.doc);
    const undo = a.createUndoManager();
    const mine = a.addActor({ kind: 'service', label: 'Mijn dienst' });
    undo.stopCapturing();
    const theirs = b.addActor({ kind: 'partner', label: 'Hun partner' });
    sync(a.doc, b.doc);
    undo.undo();
    sync(a.doc, b.doc);
    expect(a.getActor(mine)).toBeUndefined();
    expect(a.getActor(theirs)?.label).toBe('Hun partner');
    expect(b.getActor(theirs)?.label).toBe('Hun partner');
  });

  it('joins the next write to the last undo step when told, however late it comes (naming what was just added)', () => {
    const map = newMap();
    const undo = map.createUndoManager();
    const named = map.addActor({ kind: 'service', label: 'Nieuwe dienst' });
    // stopCapturing stands for "a long time later": the step is closed.
    undo.stopCapturing();
    undo.continueStep();
    map.updateActor(named, { label: 'Burgerzaken' });
    expect(undo.undoStack).toHaveLength(1);
    undo.stopCapturing();
    const other = map.addActor({ kind: 'partner', label: 'Nieuwe partner' });
    undo.stopCapturing();
    map.updateActor(other, { label: 'VDAB' });
    expect(undo.undoStack).toHaveLength(3);
    undo.undo();
    undo.undo();
    expect(map.actors().map((a) => a.label)).toEqual(['Burgerzaken']);
    undo.undo();
    expect(map.actors()).toEqual([]);
  });

  it('opens a doc from a newer schema read-only and refuses every write', () => {
    const doc = new Y.Doc();
    layoutOf(doc).meta.set('schemaVersion', CURRENT_SCHEMA_VERSION + 1);
    const map = new ChainMap(doc);
    expect(map.readOnly).toBe(true);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => map.addActor({ kind: 'service', label: 'X' })).toThrow(NewerSchemaError);
    expect(() => map.migrate()).toThrow(NewerSchemaError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('tags a command with the command origin and a field edit with the local origin', () => {
    const map = newMap();
    const origins: unknown[] = [];
    map.doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    const id = map.addActor({ kind: 'service', label: 'X' });
    map.updateActor(id, { label: 'Y' });
    expect(origins).toEqual([COMMAND_ORIGIN, LOCAL_ORIGIN]);
  });
});

describe('ChainMap parse cache', () => {
  it('reads the new value of a field changed locally, remotely, by undo and inside one transaction', () => {
    const a = ChainMap.create(new Y.Doc(), { title: 't' });
    const b = new ChainMap(new Y.Doc());
    const id = a.addActor({ kind: 'service', label: 'een' });
    sync(a.doc, b.doc);
    expect(b.getActor(id)?.label).toBe('een');
    a.updateActor(id, { label: 'twee' });
    expect(a.actors()[0]?.label).toBe('twee');
    sync(a.doc, b.doc);
    expect(b.getActor(id)?.label).toBe('twee');
    const undo = b.createUndoManager();
    b.updateActor(id, { label: 'drie' });
    expect(b.read().actors[0]?.label).toBe('drie');
    undo.undo();
    expect(b.getActor(id)?.label).toBe('twee');
    a.transact(() => {
      const fresh = a.addActor({ kind: 'partner', label: 'nieuw' });
      expect(a.getActor(fresh)?.label).toBe('nieuw');
      a.updateActor(fresh, { label: 'hernoemd' });
      expect(a.getActor(fresh)?.label).toBe('hernoemd');
    });
    expect(a.actors().map((x) => x.label)).toContain('hernoemd');
  });

  it('shows a peer’s change to observers that read the model during the change', () => {
    const a = ChainMap.create(new Y.Doc(), { title: 't' });
    const b = new ChainMap(new Y.Doc());
    const id = a.addActor({ kind: 'service', label: 'oud' });
    sync(a.doc, b.doc);
    b.getActor(id);
    const seen: string[] = [];
    layoutOf(b.doc).actors.observeDeep(() => seen.push(b.getActor(id)?.label ?? ''));
    a.updateActor(id, { label: 'nieuw' });
    sync(a.doc, b.doc);
    expect(seen).toEqual(['nieuw']);
  });
});
