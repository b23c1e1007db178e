import type { NodeChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { LANE_WIDTH } from '../../../shared/model/laneGeometry';
import { inMemoryMap, stateVectorOf } from '../../../shared/model/replicas';
import { ActorContent } from './ActorContent';
import { CanvasStore } from './CanvasStore';
import { flowContext } from './flowContext';
import { type FlowNode, LANE_ID_PREFIX } from './flowTypes';
import { interpretNodeChanges } from './interpretChanges';
import { connectionToLink } from './linkChoice';
import { linkStyle } from './linkStyle';
import { toFlow } from './toFlow';
import { EMPTY_VIEW } from './viewState';

function setup() {
  const model = inMemoryMap({ title: 'T' });
  const doc = model.doc;
  const p1 = model.addPhase('Aankomst');
  const p2 = model.addPhase('Onthaal');
  const a = model.addActor({
    kind: 'service',
    label: 'Burgerzaken',
    position: { x: 10, y: 100 },
    phaseId: p1,
  });
  const b = model.addActor({ kind: 'partner', label: 'VDAB', position: { x: 400, y: 100 }, phaseId: p2 });
  const l = model.addLink({ kind: 'handover', warmth: 'warm', source: a, target: b });
  return { doc, model, p1, p2, a, b, l };
}

describe('toFlow', () => {
  it('maps actors, free notes, lanes and links; anchored notes become badges', () => {
    const { model, a, l } = setup();
    model.addNote({ kind: 'gap', anchor: { type: 'actor', id: a } });
    const free = model.addNote({ kind: 'quickWin', text: 'Folder', position: { x: 5, y: 5 } });
    const g = toFlow(model.read(), EMPTY_VIEW);
    expect(g.nodes.filter((n) => n.type === 'lane')).toHaveLength(2);
    const actorNode = g.nodes.find((n) => n.id === a);
    expect(actorNode?.type).toBe('actor');
    // The badge count is the card's content, not its node's (see ActorContent).
    const content = new ActorContent();
    content.syncAll(model.read(), flowContext(model.read(), EMPTY_VIEW));
    expect(content.get(a)?.notes.gap).toBe(1);
    expect(g.nodes.some((n) => n.id === free && n.type === 'note')).toBe(true);
    expect(g.edges).toHaveLength(1);
    expect(g.edges[0]).toMatchObject({ id: l, markerEnd: expect.anything() });
  });

  it('keeps object identity for unchanged elements', () => {
    const { model, a, b, l } = setup();
    const first = toFlow(model.read(), EMPTY_VIEW);
    model.updateActor(a, { label: 'Burgerzaken (inschrijving)' });
    const second = toFlow(model.read(), EMPTY_VIEW, first);
    const byId = (g: typeof first, id: string) => g.nodes.find((n) => n.id === id);
    expect(byId(second, b)).toBe(byId(first, b));
    // What a card shows is read by the card (ActorContent), not carried on its node: a rename
    // keeps the node, and the node array, the same objects.
    expect(byId(second, a)).toBe(byId(first, a));
    expect(second.nodes).toBe(first.nodes);
    // The link's accessible name is rendered by the link (LinkName), not carried on its edge:
    // renaming an end leaves the edge, and the edge array, the same objects.
    expect(second.edges.find((e) => e.id === l)).toBe(first.edges.find((e) => e.id === l));
    expect(second.edges).toBe(first.edges);
    model.updateActor(a, { municipality: 'Halle' });
    const third = toFlow(model.read(), EMPTY_VIEW, second);
    expect(byId(third, b)).toBe(byId(second, b));
    expect(third.edges.find((e) => e.id === l)).toBe(second.edges.find((e) => e.id === l));
  });

  it('layers view state (selection, live drags) without touching the doc', () => {
    const { model, a } = setup();
    const before = stateVectorOf(model);
    const g = toFlow(model.read(), {
      ...EMPTY_VIEW,
      selected: new Set([a]),
      dragPositions: new Map([[a, { x: 999, y: 5 }]]),
    });
    const node = g.nodes.find((n) => n.id === a)!;
    expect(node.selected).toBe(true);
    expect(node.position).toEqual({ x: 999, y: 5 });
    expect(stateVectorOf(model)).toEqual(before);
  });

  it('draws warm and cold handovers differently, with an arrow', () => {
    const warm = linkStyle('handover', 'warm');
    const cold = linkStyle('handover', 'cold');
    expect(warm.stroke).not.toBe(cold.stroke);
    expect(warm.dash).not.toBe(cold.dash);
    expect(warm.arrowEnd && cold.arrowEnd).toBe(true);
  });

  it('read-only view: nothing draggable, connectable or deletable', () => {
    const { model } = setup();
    const g = toFlow(model.read(), { ...EMPTY_VIEW, readOnly: true });
    for (const n of g.nodes)
      if (n.type !== 'lane') expect(n).toMatchObject({ draggable: false, deletable: false });
    for (const e of g.edges) expect(e.deletable).toBe(false);
  });
});

describe('interpretNodeChanges', () => {
  it('turns only the drag end into a move, with the phase of the lane under the centre', () => {
    const { model, a, p2 } = setup();
    const kinds = new Map([[a, 'actor' as const]]);
    const during = interpretNodeChanges(
      [{ id: a, type: 'position', position: { x: LANE_WIDTH + 20, y: 50 }, dragging: true }],
      kinds,
      model.phases(),
    );
    expect(during.commands.moveActors).toEqual([]);
    expect(during.view.dragPositions.get(a)).toEqual({ x: LANE_WIDTH + 20, y: 50 });
    const end = interpretNodeChanges(
      [{ id: a, type: 'position', position: { x: LANE_WIDTH + 20.4, y: 50 }, dragging: false }],
      kinds,
      model.phases(),
    );
    expect(end.commands.moveActors).toEqual([
      { id: a, position: { x: LANE_WIDTH + 20, y: 50 }, phaseId: p2 },
    ]);
  });

  it('ignores lanes and keeps selection and measurements out of the commands', () => {
    const { model, a, p1 } = setup();
    const changes: NodeChange<FlowNode>[] = [
      { id: a, type: 'select', selected: true },
      { id: LANE_ID_PREFIX + p1, type: 'select', selected: true },
      { id: a, type: 'dimensions', dimensions: { width: 180, height: 64 } },
    ];
    const r = interpretNodeChanges(changes, new Map([[a, 'actor' as const]]), model.phases());
    expect(r.commands.moveActors).toEqual([]);
    expect([...r.view.select.keys()]).toEqual([a]);
    expect(r.view.measured.get(a)).toEqual({ width: 180, height: 64 });
  });
});

describe('CanvasStore', () => {
  it('a multi-node drag is one transaction and one undo step', () => {
    const { model, a, b } = setup();
    const store = new CanvasStore(model, false);
    const undo = model.createUndoManager();
    let transactions = 0;
    model.doc.on('afterTransaction', (tr) => {
      if (tr.local) transactions++;
    });
    store.onNodesChange([
      { id: a, type: 'position', position: { x: 20, y: 300 }, dragging: true },
      { id: b, type: 'position', position: { x: 420, y: 300 }, dragging: true },
    ]);
    expect(transactions).toBe(0);
    store.onNodesChange([
      { id: a, type: 'position', position: { x: 30, y: 310 }, dragging: false },
      { id: b, type: 'position', position: { x: 430, y: 310 }, dragging: false },
    ]);
    expect(transactions).toBe(1);
    expect(model.getActor(a)?.position).toEqual({ x: 30, y: 310 });
    undo.undo();
    expect(model.getActor(a)?.position).toEqual({ x: 10, y: 100 });
    expect(model.getActor(b)?.position).toEqual({ x: 400, y: 100 });
    store.destroy();
  });

  it('selection stays in the view; deleting removes actor and its links in one transaction', () => {
    const { model, doc, a, b } = setup();
    const store = new CanvasStore(model, false);
    const before = stateVectorOf(model);
    store.onNodesChange([{ id: a, type: 'select', selected: true }]);
    expect(stateVectorOf(model)).toEqual(before);
    expect(store.selection().actors).toEqual([a]);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const graph = store.getGraph();
    store.onDelete({ nodes: graph.nodes.filter((n) => n.id === a), edges: graph.edges });
    expect(transactions).toBe(1);
    expect(model.actors().map((x) => x.id)).toEqual([b]);
    expect(model.links()).toEqual([]);
    expect(store.selection().actors).toEqual([]);
    store.destroy();
  });

  it('read-only store writes nothing', () => {
    const { model, a } = setup();
    const store = new CanvasStore(model, true);
    const before = stateVectorOf(model);
    store.onNodesChange([{ id: a, type: 'position', position: { x: 1, y: 1 }, dragging: false }]);
    store.onDelete({ nodes: store.getGraph().nodes, edges: store.getGraph().edges });
    expect(store.addActor('role', { x: 0, y: 0 }, 'x')).toBeNull();
    expect(stateVectorOf(model)).toEqual(before);
    store.destroy();
  });

  it('copy and paste duplicates actors with their inner links, offset and with new ids', () => {
    const { model, a, b } = setup();
    const store = new CanvasStore(model, false);
    store.setSelected([a, b]);
    expect(store.copy()).not.toBeNull();
    const pasted = store.paste();
    expect(pasted).toHaveLength(2);
    expect(model.actors()).toHaveLength(4);
    expect(model.links()).toHaveLength(2);
    const copyOfA = pasted.map((id) => model.getActor(id)!).find((x) => x.label === 'Burgerzaken')!;
    expect(copyOfA.id).not.toBe(a);
    expect(copyOfA.position).toEqual({ x: 50, y: 140 });
    expect(store.selection().actors.sort()).toEqual([...pasted].sort());
    store.destroy();
  });

  it('a drawn connection becomes a link of the chosen kind', () => {
    const { model, a, b } = setup();
    const ids = new Set([a, b]);
    expect(
      connectionToLink({ source: b, target: a, sourceHandle: null, targetHandle: null }, ids, {
        kind: 'handover',
        warmth: 'cold',
      }),
    ).toEqual({ source: b, target: a, kind: 'handover', warmth: 'cold' });
    expect(
      connectionToLink({ source: a, target: a, sourceHandle: null, targetHandle: null }, ids, {
        kind: 'partnership',
      }),
    ).toBeNull();
    const store = new CanvasStore(model, false);
    const id = store.onConnect(
      { source: b, target: a, sourceHandle: null, targetHandle: null },
      { kind: 'information' },
    );
    expect(model.getLink(id!)?.kind).toBe('information');
    store.destroy();
  });
});
