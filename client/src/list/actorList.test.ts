import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import { ActorListBuilder } from './actorList';
import { listPlacement, moveToPhase } from './listPlacement';

function setup() {
  const model = inMemoryMap({ title: 'T' });
  const onthaal = model.addPhase('Onthaal');
  const werk = model.addPhase('Werk');
  const ocmw = model.addActor({
    kind: 'service',
    label: 'OCMW',
    position: { x: 40, y: 300 },
    phaseId: onthaal,
  });
  const balie = model.addActor({
    kind: 'service',
    label: 'Balie',
    position: { x: 40, y: 100 },
    phaseId: onthaal,
  });
  const vdab = model.addActor({
    kind: 'partner',
    label: 'VDAB',
    position: { x: 400, y: 100 },
    phaseId: werk,
    kbo: '0887010362',
    municipality: 'Gent',
  });
  const los = model.addActor({ kind: 'role', label: 'Tolk', position: { x: 900, y: 0 }, phaseId: null });
  const warm = model.addLink({ kind: 'handover', warmth: 'warm', source: ocmw, target: vdab, owner: balie });
  const note = model.addNote({ kind: 'gap', text: 'Wachtlijst', anchor: { type: 'actor', id: vdab } });
  return { model, onthaal, werk, ocmw, balie, vdab, los, warm, note };
}

describe('the list view’s rows', () => {
  it('group actors by phase in lane order, top to bottom, with the actors without a phase last', () => {
    const { model, onthaal, werk } = setup();
    const list = new ActorListBuilder().build(model.read());
    expect(list.groups.map((g) => g.phase?.id ?? null)).toEqual([onthaal, werk, null]);
    expect(list.groups.map((g) => g.rows.map((r) => r.actor.label))).toEqual([
      ['Balie', 'OCMW'],
      ['VDAB'],
      ['Tolk'],
    ]);
    expect(list).toMatchObject({ shown: 4, total: 4 });
  });

  it('give each actor its links out and in with the other end and the owner by name, and its notes', () => {
    const { model, ocmw, vdab, warm, note } = setup();
    const rows = new ActorListBuilder().build(model.read()).groups.flatMap((g) => g.rows);
    const from = rows.find((r) => r.actor.id === ocmw)!;
    const to = rows.find((r) => r.actor.id === vdab)!;
    expect(from.outgoing.map((l) => [l.link.id, l.other.label, l.owner])).toEqual([[warm, 'VDAB', 'Balie']]);
    expect(from.incoming).toEqual([]);
    expect(to.incoming.map((l) => [l.link.id, l.other.label, l.link.warmth])).toEqual([
      [warm, 'OCMW', 'warm'],
    ]);
    expect(to.notes.map((n) => n.id)).toEqual([note]);
  });

  it('keep every row and group object whose content did not change, so one edit re-renders one row', () => {
    const { model, ocmw, vdab, los } = setup();
    const builder = new ActorListBuilder();
    const before = builder.build(model.read());
    model.updateActor(los, { municipality: 'Gent' });
    const after = builder.build(model.read());
    const row = (list: typeof before, id: string) =>
      list.groups.flatMap((g) => g.rows).find((r) => r.actor.id === id)!;
    expect(row(after, los)).not.toBe(row(before, los));
    expect(row(after, ocmw)).toBe(row(before, ocmw));
    expect(after.groups[0]).toBe(before.groups[0]);
    expect(after.groups[2]).not.toBe(before.groups[2]);
    // Renaming VDAB changes how OCMW's outgoing link reads, so OCMW's row is new too.
    model.updateActor(vdab, { label: 'VDAB Gent' });
    const renamed = builder.build(model.read());
    expect(row(renamed, ocmw).outgoing[0]!.other.label).toBe('VDAB Gent');
    expect(row(renamed, ocmw)).not.toBe(row(after, ocmw));
    expect(builder.build(model.read())).toBe(renamed);
  });

  it('leave out the actors the canvas filter dims, and count them', () => {
    const { model } = setup();
    const list = new ActorListBuilder().build(model.read(), (a) => a.kind === 'service');
    expect(list.groups.map((g) => [g.rows.length, g.total])).toEqual([
      [2, 2],
      [0, 1],
      [0, 1],
    ]);
    expect(list).toMatchObject({ shown: 2, total: 4 });
  });

  it('place an actor added from the list at the bottom of its phase’s lane, or right of the lanes', () => {
    const { model, onthaal, werk } = setup();
    const state = model.read();
    const inOnthaal = listPlacement(state, onthaal);
    expect(inOnthaal.centre.y).toBeGreaterThan(300);
    expect(inOnthaal.rect).toMatchObject({ x: 0, width: 360 });
    expect(listPlacement(state, werk).rect).toMatchObject({ x: 360 });
    expect(listPlacement(state, null)).toMatchObject({ rect: null });
    expect(listPlacement(state, null).centre.x).toBeGreaterThan(720);
  });
});

describe('changing an actor’s phase without a drag', () => {
  it('move the card into the new lane, as one undo step', () => {
    const { model, onthaal, werk, balie } = setup();
    const undo = model.createUndoManager();
    moveToPhase(model, model.read(), balie, werk);
    const moved = model.getActor(balie)!;
    expect(moved.phaseId).toBe(werk);
    expect(moved.position.x + 110).toBeGreaterThanOrEqual(360);
    expect(moved.position.x + 110).toBeLessThan(720);
    undo.undo();
    expect(model.getActor(balie)).toMatchObject({ phaseId: onthaal, position: { x: 40, y: 100 } });
  });
});
