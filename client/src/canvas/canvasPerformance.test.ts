import { describe, expect, it } from 'vitest';
import { ACTOR_HEIGHT, ACTOR_WIDTH } from '../../../shared/model/laneGeometry';
import { connectMaps, docStateOf, inMemoryMap, replicaOf } from '../../../shared/model/replicas';
import { CanvasDecorations } from './CanvasDecorations';
import { CanvasStore } from './CanvasStore';
import { type FlowGraph, GHOST_ID_PREFIX } from './flowTypes';
import { isMoving } from './linkToEdge';

/** A map of `n` actors (n even) and 2n links, and a second client that edits it "remotely". */
function bigMap(n: number) {
  const model = inMemoryMap({ title: 'groot' });
  const doc = model.doc;
  const ids: string[] = [];
  doc.transact(() => {
    for (let i = 0; i < n; i++)
      ids.push(
        model.addActor({
          kind: 'service',
          label: `a${i}`,
          position: { x: (i % 20) * 220, y: Math.floor(i / 20) * 140 },
        }),
      );
    for (let i = 0; i < 2 * n; i++)
      model.addLink({ kind: 'handover', source: ids[i % n]!, target: ids[(i * 7 + 1) % n]! });
  });
  const remote = replicaOf(model);
  connectMaps(model, remote);
  return { doc, model, ids, remote };
}

function changedIds(before: FlowGraph, after: FlowGraph): string[] {
  const prev = new Map<string, unknown>([...before.nodes, ...before.edges].map((e) => [e.id, e]));
  return [...after.nodes, ...after.edges].filter((e) => prev.get(e.id) !== e).map((e) => e.id);
}

describe('CanvasStore on a big map', () => {
  it('a remote field edit changes no node and reads only that element', () => {
    const { model, ids, remote } = bigMap(200);
    const store = new CanvasStore(model, false);
    const before = store.getGraph();
    // A field the links' accessible names do not read (a rename renames its links too).
    remote.updateActor(ids[42]!, { municipality: 'Halle' });
    const after = store.getGraph();
    // What the card shows is its content (ActorContent), not its node.
    expect(changedIds(before, after)).toEqual([]);
    expect(after.nodes).toBe(before.nodes);
    expect(store.fullReads).toBe(0);
    expect(store.getState().actors.find((a) => a.id === ids[42])?.municipality).toBe('Halle');
  });

  it('a remote move rebuilds only the moved node', () => {
    const { model, ids, remote } = bigMap(200);
    const store = new CanvasStore(model, false);
    const before = store.getGraph();
    remote.moveActors([{ id: ids[7]!, position: { x: 5, y: 5 } }]);
    expect(changedIds(before, store.getGraph())).toEqual([ids[7]]);
    expect(store.fullReads).toBe(0);
  });

  it('a remote deletion falls back to one full read and drops the actor with its links', () => {
    const { model, ids, remote } = bigMap(50);
    const store = new CanvasStore(model, false);
    store.setSelected([ids[3]!]);
    remote.deleteElements({ actors: [ids[3]!], links: [], notes: [] });
    expect(store.fullReads).toBe(1);
    expect(store.getGraph().nodes.some((n) => n.id === ids[3])).toBe(false);
    expect(store.getGraph().edges.some((e) => e.source === ids[3] || e.target === ids[3])).toBe(false);
    expect(store.getView().selected.size).toBe(0);
  });

  it('gives every actor its size, measured size and handles, so React Flow need not measure it', () => {
    const { model, ids } = bigMap(10);
    const node = new CanvasStore(model, false).getGraph().nodes.find((n) => n.id === ids[0]);
    expect(node).toMatchObject({
      width: ACTOR_WIDTH,
      height: ACTOR_HEIGHT,
      measured: { width: ACTOR_WIDTH, height: ACTOR_HEIGHT },
    });
    expect(node?.handles?.map((h) => [h.type, h.position])).toEqual([
      ['target', 'left'],
      ['source', 'right'],
    ]);
  });
});

describe('CanvasStore with decorations', () => {
  it('decorating an actor rebuilds only that node, with the state in its class and data', () => {
    const { model, ids } = bigMap(100);
    const decorations = new CanvasDecorations();
    const store = new CanvasStore(model, false, decorations);
    const before = store.getGraph();
    decorations.setLayer('compare', { states: { [ids[1]!]: 'added' } });
    const after = store.getGraph();
    expect(changedIds(before, after)).toEqual([ids[1]]);
    const node = after.nodes.find((n) => n.id === ids[1]);
    expect(node?.className).toBe('kk-deco kk-deco--added');
    expect(node?.type === 'actor' && node.data.decoration?.state).toBe('added');
  });

  it('decorating a link recolours only that edge', () => {
    const { model } = bigMap(20);
    const decorations = new CanvasDecorations();
    const store = new CanvasStore(model, false, decorations);
    const before = store.getGraph();
    const link = before.edges[0]!;
    decorations.setLayer('compare', { states: { [link.id]: 'changed' } });
    const after = store.getGraph();
    expect(changedIds(before, after)).toEqual([link.id]);
    expect(after.edges[0]?.className).toContain('kk-deco--changed');
    expect(after.edges[0]?.style?.stroke).toBe('#b45309');
  });

  it('ghosts are non-interactive nodes and edges outside the model, removed with their source', () => {
    const { model, ids } = bigMap(10);
    const decorations = new CanvasDecorations();
    const store = new CanvasStore(model, false, decorations);
    const docBefore = docStateOf(model);
    decorations.setLayer('compare', {
      ghostNodes: [{ id: 'gone', kind: 'actor', label: 'Weg', position: { x: 10, y: 20 } }],
      ghostEdges: [
        { id: 'gone-link', source: ids[0]!, target: 'gone' },
        { id: 'dangling', source: ids[0]!, target: 'nowhere' },
      ],
    });
    const ghostNode = store.getGraph().nodes.find((n) => n.id === `${GHOST_ID_PREFIX}gone`);
    expect(ghostNode).toMatchObject({
      type: 'ghost',
      position: { x: 10, y: 20 },
      draggable: false,
      selectable: false,
      connectable: false,
      deletable: false,
      focusable: false,
    });
    const ghostEdges = store.getGraph().edges.filter((e) => e.id.startsWith(GHOST_ID_PREFIX));
    expect(ghostEdges.map((e) => [e.source, e.target])).toEqual([[ids[0], `${GHOST_ID_PREFIX}gone`]]);
    expect(ghostEdges[0]).toMatchObject({ selectable: false, deletable: false });
    expect(docStateOf(model)).toEqual(docBefore);
    decorations.clear('compare');
    expect(store.getGraph().nodes.some((n) => n.type === 'ghost')).toBe(false);
    expect(store.getGraph().edges.some((e) => e.id.startsWith(GHOST_ID_PREFIX))).toBe(false);
  });

  it('a decorated node keeps its decoration through a remote edit of the same element', () => {
    const { model, ids, remote } = bigMap(10);
    const decorations = new CanvasDecorations();
    const store = new CanvasStore(model, false, decorations);
    decorations.setLayer('filter', { states: { [ids[2]!]: 'dim' } });
    remote.updateActor(ids[2]!, { label: 'anders' });
    const node = store.getGraph().nodes.find((n) => n.id === ids[2]);
    expect(node?.className).toBe('kk-deco kk-deco--dim');
    expect(store.actorContent.get(ids[2]!)?.actor.label).toBe('anders');
  });

  it('frames a link by its two actors and a ghost by its ghost node', () => {
    const { model } = bigMap(10);
    const decorations = new CanvasDecorations();
    const store = new CanvasStore(model, false, decorations);
    const link = store.getState().links[0]!;
    decorations.setLayer('compare', {
      ghostNodes: [{ id: 'g', kind: 'note', label: 'x', position: { x: 0, y: 0 } }],
    });
    expect(store.frameIds([link.id, 'g', 'unknown'])).toEqual([
      link.source,
      link.target,
      `${GHOST_ID_PREFIX}g`,
    ]);
  });
});

describe('CanvasStore drag frames on a big map', () => {
  const frame = (id: string, x: number, y: number, dragging = true) => ({
    id,
    type: 'position' as const,
    position: { x, y },
    dragging,
  });

  it('a live drag frame replaces only the dragged node, writes nothing and keeps edges and lanes; the first marks its links as moving', () => {
    const { doc, model, ids } = bigMap(200);
    const store = new CanvasStore(model, false);
    const writes: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => writes.push(u));
    const drags: number[] = [];
    store.subscribeLocalDrag((positions) => drags.push(positions?.size ?? 0));
    let notified = 0;
    store.subscribe(() => notified++);
    const before = store.getGraph();
    store.onNodesChange([frame(ids[5]!, 1000, 1000)]);
    const after = store.getGraph();
    // The drag's first frame: the card, and its links once, as moving (their own compositor layer).
    const ownLinks = before.edges.filter((e) => e.source === ids[5] || e.target === ids[5]);
    expect(ownLinks.length).toBeGreaterThan(0);
    expect(changedIds(before, after).sort()).toEqual([ids[5]!, ...ownLinks.map((e) => e.id)].sort());
    for (const e of after.edges) expect(isMoving(e)).toBe(e.source === ids[5] || e.target === ids[5]);
    // Later frames keep the edges.
    store.onNodesChange([frame(ids[5]!, 1001, 1000)]);
    expect(store.getGraph().edges).toBe(after.edges);
    expect(changedIds(after, store.getGraph())).toEqual([ids[5]]);
    expect(after.nodes.find((n) => n.id === ids[5])).toMatchObject({
      position: { x: 1000, y: 1000 },
      dragging: true,
    });
    expect(store.dragFrames).toBe(2);
    expect(notified).toBe(2);
    expect(drags).toEqual([1, 1]);
    expect(writes).toHaveLength(0);
    expect(store.getState().actors.find((a) => a.id === ids[5])?.position).not.toEqual({ x: 1001, y: 1000 });

    // Many frames, still nothing written; the drag end writes the position once.
    for (let i = 0; i < 30; i++) store.onNodesChange([frame(ids[5]!, 1000 + i, 1000)]);
    expect(store.dragFrames).toBe(32);
    expect(writes).toHaveLength(0);
    store.onNodesChange([frame(ids[5]!, 1040, 1000, false)]);
    expect(writes).toHaveLength(1);
    const node = store.getGraph().nodes.find((n) => n.id === ids[5]);
    expect(node).toMatchObject({ position: { x: 1040, y: 1000 }, dragging: false });
    expect(store.getState().actors.find((a) => a.id === ids[5])?.position).toEqual({ x: 1040, y: 1000 });
    expect(drags.at(-1)).toBe(0);
    // The drag over, no link is marked moving any more.
    expect(store.getGraph().edges.some(isMoving)).toBe(false);
  });

  it('a full rebuild during a drag keeps the live position (a remote edit of another actor)', () => {
    const { model, ids, remote } = bigMap(50);
    const store = new CanvasStore(model, false);
    store.onNodesChange([frame(ids[1]!, 777, 333)]);
    remote.updateActor(ids[2]!, { label: 'elders' });
    expect(store.getGraph().nodes.find((n) => n.id === ids[1])?.position).toEqual({ x: 777, y: 333 });
  });

  it('batches with anything but live positions of known nodes take the normal path', () => {
    const { model, ids } = bigMap(20);
    const store = new CanvasStore(model, false);
    store.onNodesChange([{ id: ids[0]!, type: 'select', selected: true }]);
    store.onNodesChange([frame('lane:unknown', 1, 1)]);
    expect(store.dragFrames).toBe(0);
    expect(store.getView().selected.has(ids[0]!)).toBe(true);
  });

  it('unchanged peer selections and drags do not rebuild or notify', () => {
    const { model, ids } = bigMap(20);
    const store = new CanvasStore(model, false);
    store.setPeerSelections(new Map([[ids[0]!, ['#f00']]]));
    store.setPeerDrags(new Map([[ids[1]!, { x: 1, y: 2 }]]));
    const graph = store.getGraph();
    let notified = 0;
    store.subscribe(() => notified++);
    store.setPeerSelections(new Map([[ids[0]!, ['#f00']]]));
    store.setPeerDrags(new Map([[ids[1]!, { x: 1, y: 2 }]]));
    store.setPeerDrags(new Map([[ids[1]!, { x: 1, y: 2 }]]));
    expect(notified).toBe(0);
    expect(store.getGraph()).toBe(graph);
    store.setPeerDrags(new Map([[ids[1]!, { x: 5, y: 2 }]]));
    expect(notified).toBe(1);
  });
});
