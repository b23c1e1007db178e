import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n';
import type { ChainMap } from '../../model/ChainMap';
import { inMemoryMap, replicaOf, stateVectorOf } from '../../model/replicas';
import { describeProblem } from '../describeProblem';
import { ImportRejectedError } from '../problems';
import { planFiles } from '../testing/planFiles';
import { applyPlan } from './applyPlan';

const nl = translator('nl');

function seeded(): ChainMap {
  const map = inMemoryMap({ title: 'Keten' });
  map.transact(() => {
    map.addPhase('Onthaal', { id: 'onthaal' });
    map.addActor({ id: 'a', kind: 'service', label: 'Onthaalbalie', phaseId: 'onthaal' });
    map.addActor({ id: 'b', kind: 'partner', label: 'VDAB' });
  });
  return map;
}

const FILES = {
  'elements.csv':
    'ID;Label;Type;Fase\na;Onthaalbalie;Dienst;Onthaal\nb;VDAB Halle;Partner;\nc;CLB;Partner;Toeleiding\n',
  'connections.csv': 'From;To;Type\na;c;Warme overdracht\nb;c;Partnerschap\n',
};

describe('applying an import plan', () => {
  it('writes the whole import as one transaction: one update on the wire', async () => {
    const map = seeded();
    const plan = await planFiles(map, FILES);
    let transactions = 0;
    map.doc.on('afterTransaction', () => transactions++);
    const updates: Uint8Array[] = [];
    map.doc.on('update', (u: Uint8Array) => updates.push(u));
    const summary = applyPlan(map, plan);
    expect(transactions).toBe(1);
    expect(updates).toHaveLength(1);
    expect(summary).toEqual({
      added: { phases: 1, actors: 1, links: 2, notes: 0, versions: 0 },
      updated: { phases: 0, actors: 1, links: 0, notes: 0, versions: 0 },
      unchanged: 1,
    });
    // A peer that receives that one update sees the whole import at once.
    const peer = replicaOf(map);
    expect(peer.read().actors.map((a) => a.label)).toEqual(['Onthaalbalie', 'VDAB Halle', 'CLB']);
  });

  it('is undone in one step, and the undo leaves the map as it was', async () => {
    const map = seeded();
    const before = map.read();
    const undo = map.createUndoManager();
    applyPlan(map, await planFiles(map, FILES));
    expect(map.actors()).toHaveLength(3);
    undo.undo();
    expect(map.read()).toEqual(before);
    expect(undo.canUndo()).toBe(false);
  });

  it('keeps a peer’s edit made between preview and confirmation: only the imported fields are written', async () => {
    const map = seeded();
    const plan = await planFiles(map, FILES);
    map.updateActor('b', { description: 'Geschreven door een collega tijdens de voorvertoning' });
    applyPlan(map, plan);
    expect(map.getActor('b')).toMatchObject({
      label: 'VDAB Halle',
      description: 'Geschreven door een collega tijdens de voorvertoning',
    });
  });

  it('writes an element a peer deleted meanwhile whole again, since the import says it exists', async () => {
    const map = seeded();
    const plan = await planFiles(map, FILES);
    map.deleteElements({ actors: ['b'] });
    applyPlan(map, plan);
    expect(map.getActor('b')).toMatchObject({ label: 'VDAB Halle', kind: 'partner' });
    expect(map.links().filter((l) => l.source === 'b')).toHaveLength(1);
  });

  it('refuses the whole plan, writing nothing, when a peer deleted an end it leaves unchanged', async () => {
    const map = seeded();
    const plan = await planFiles(map, FILES);
    map.deleteElements({ actors: ['a'] });
    const state = stateVectorOf(map);
    const error = (() => {
      try {
        applyPlan(map, plan);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as ImportRejectedError).problems.map((p) => describeProblem(p, nl))).toEqual([
      'connections.csv, rij 2: De kaart is intussen veranderd (een element van deze verbinding is verwijderd). Bekijk de voorvertoning opnieuw.',
    ]);
    expect(stateVectorOf(map)).toEqual(state);
  });

  it('refuses a plan with problems and writes nothing', async () => {
    const map = seeded();
    const plan = await planFiles(map, { 'e.csv': 'Naam;Soort\nVDAB;Vzw\n' });
    expect(plan.problems).toHaveLength(1);
    const state = stateVectorOf(map);
    expect(() => applyPlan(map, plan)).toThrow(ImportRejectedError);
    expect(stateVectorOf(map)).toEqual(state);
  });

  it('records the import in the activity feed under the author’s name', async () => {
    const map = seeded();
    map.setAuthor('Sofie');
    applyPlan(map, await planFiles(map, FILES));
    expect(map.activity().some((e) => e.by === 'Sofie' && e.label === 'CLB' && e.op === 'add')).toBe(true);
  });
});
